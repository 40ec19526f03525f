"""Prepares the local production stack for a load test; safe to run again.

Creates, through the services where they exist, load-test members joined to load-test groups
(with a trust threshold of 0, so their posts need no review and the live rooms are open to
them), threads with replies of varied length, moderators with TOTP set up, and signed-in
sessions for the members. Writes what the Locust file needs to `var/prod/load/accounts.json`
(mode 600; passwords, sessions and TOTP secrets of these local load-test accounts only).

Run with the stack's environment (bench/load/run.py does this for you):

    scripts/prod-local.sh run .venv/bin/python bench/load/prepare.py --members 300
"""

import argparse
import json
import os
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
OUT = ROOT / "var" / "prod" / "load" / "accounts.json"
PASSWORD = "load-test-password-9431"  # noqa: S105  (local load-test accounts only)
GROUP_PREFIX = "Load test circle"

PARAGRAPHS = [
    "Today I managed to sort out the paperwork for the new flat. It took most of the morning "
    "but I feel lighter for having done it.",
    "Some days are slower than others. I went for a walk by the canal and noticed the first "
    "leaves turning, which felt like a small good thing.",
    "Thank you all for the kind words last week. Reading them on the bus home made a "
    "difference, more than I can say.",
    "I have been trying the breathing exercise from the library article before bed. It does "
    "not fix everything, but I sleep a little better.",
    "My sister came round for tea and we talked about ordinary things for an hour. I had "
    "forgotten how much I missed that.",
    "Does anyone have tips for keeping a routine when work shifts change every week? I am "
    "finding it hard to plan meals and rest.",
]
SEARCH_TERMS = [
    "trauma bond",
    "safety plan",
    "coercive control",
    "leaving",
    "signs",
    "why",
    "children",
    "housing",
    "money",
    "support",
]


def _body(n: int, paragraphs: int) -> str:
    return "\n\n".join(PARAGRAPHS[(n + i) % len(PARAGRAPHS)] for i in range(paragraphs))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--members", type=int, default=300, help="members with sessions")
    parser.add_argument("--login-members", type=int, default=4, help="members who sign in")
    parser.add_argument("--moderators", type=int, default=4)
    parser.add_argument("--groups", type=int, default=6)
    parser.add_argument("--threads", type=int, default=12, help="threads per group")
    args = parser.parse_args()

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "supportnet.settings")
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    started = time.perf_counter()
    data = prepare(args)
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.touch(mode=0o600)
    OUT.write_text(json.dumps(data, indent=1))
    print(
        f"Load-test data ready in {time.perf_counter() - started:.1f} s: "
        f"{len(data['members'])} member sessions, {len(data['login_members'])} sign-in members, "
        f"{len(data['moderators'])} moderators, {len(data['groups'])} groups -> {OUT}"
    )


def _member(email: str, pseudonym: str) -> Any:
    """A verified member without a usable password (they only ever use a prepared session),
    so creating hundreds costs no password hashing."""
    from allauth.account.models import EmailAddress
    from django.contrib.auth import get_user_model

    users = get_user_model().objects
    user = users.filter(email=email).first()
    if user is None:
        user = users.create_user(email=email, password=None, pseudonym=pseudonym)
        EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
    return user


def _totp_secret(user: Any) -> str:
    from allauth.mfa.models import Authenticator
    from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
    from allauth.mfa.utils import decrypt

    found = Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).first()
    if found is not None:
        return str(decrypt(found.data["secret"]))
    secret = generate_totp_secret()
    TOTP.activate(user, secret)
    return secret


def prepare(args: argparse.Namespace) -> dict[str, Any]:
    from django.conf import settings
    from django.db import transaction
    from django.test import Client, override_settings

    from groups.models import Group, Thread
    from groups.services import group_create, membership_join, reply_create, thread_create
    from moderation.services import moderator_appoint
    from supportnet.accounts.services import account_ensure_verified

    moderators = []
    for i in range(1, args.moderators + 1):
        user = account_ensure_verified(
            email=f"load-mod-{i:02}@loadtest.example.org",
            pseudonym=f"loadtest_carer_{i:02}",
            password=PASSWORD,
            is_moderator=True,
        )
        moderator_appoint(user=user, on_duty=False)
        moderators.append({"email": user.email, "totp_secret": _totp_secret(user)})

    login_members = [
        account_ensure_verified(
            email=f"load-login-{i:02}@loadtest.example.org",
            pseudonym=f"loadtest_login_{i:02}",
            password=PASSWORD,
        )
        for i in range(1, args.login_members + 1)
    ]
    members = [
        _member(f"load-member-{i:03}@loadtest.example.org", f"loadtest_member_{i:03}")
        for i in range(1, args.members + 1)
    ]
    facilitator = account_ensure_verified(
        email="load-facilitator@loadtest.example.org",
        pseudonym="loadtest_facilitator",
        password=PASSWORD,
    )

    groups = []
    for g in range(1, args.groups + 1):
        with transaction.atomic():
            name = f"{GROUP_PREFIX} {g}"
            group = Group.objects.filter(name=name).first()
            if group is None:
                group = group_create(
                    name=name,
                    created_by=facilitator,
                    description="A group for load testing the local production stack.",
                    guidelines="Be kind.",
                    trust_threshold=0,
                )
            for user in [*members, *login_members]:
                membership_join(group=group, user=user)
            if not Thread.objects.filter(group=group).exists():
                # Seeding posts many times a second: no posting interval while it does.
                with override_settings(SUPPORTNET_POST_INTERVAL=0, SUPPORTNET_POST_INTERVAL_NEW=0):
                    _seed_threads(group, members, args.threads, thread_create, reply_create)
            threads = list(
                Thread.objects.filter(group=group).order_by("pk").values_list("pk", flat=True)
            )
        groups.append({"slug": group.slug, "threads": threads})

    sessions = []
    for user in members:
        client = Client()
        client.force_login(user, backend=settings.AUTHENTICATION_BACKENDS[0])
        sessions.append(client.cookies[settings.SESSION_COOKIE_NAME].value)

    return {
        "password": PASSWORD,
        "session_cookie": settings.SESSION_COOKIE_NAME,
        "csrf_cookie": settings.CSRF_COOKIE_NAME,
        "post_interval": settings.SUPPORTNET_POST_INTERVAL,  # the stack's, for the members
        "members": sessions,
        "login_members": [user.email for user in login_members],
        "moderators": moderators,
        "groups": groups,
        "search_terms": SEARCH_TERMS,
    }


def _seed_threads(
    group: Any, members: list[Any], count: int, thread_create: Any, reply_create: Any
) -> None:
    for t in range(count):
        author = members[(t * 7) % len(members)]
        thread = thread_create(
            group=group,
            author=author,
            title=f"Week {t + 1}: how are things going?",
            body=_body(t, 2),
        )
        # From a handful of replies to a few pages of them.
        for r in range((t * 13) % 45):
            reply_create(
                thread=thread, author=members[(t + r * 3) % len(members)], body=_body(r, 1 + r % 3)
            )


if __name__ == "__main__":
    main()

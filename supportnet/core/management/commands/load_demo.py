"""Loads the demo's accounts and groups. Safe to run again."""

from typing import Any

from django.core.management.base import BaseCommand
from django.db import transaction

from groups.models import Group
from groups.services import group_create, membership_join
from moderation.services import moderator_appoint
from supportnet.accounts.services import account_ensure_verified

DEMO_PASSWORD = "demo-password-123"  # noqa: S105  (published in README for the local demo only)
DEMO_ACCOUNTS = [
    {"email": "member@example.org", "pseudonym": "demo_member", "is_moderator": False},
    {"email": "moderator@example.org", "pseudonym": "demo_mod", "is_moderator": True},
]
GUIDELINES = """Be kind. Everyone here has been through something hard.

- Use your pseudonym; never share anyone's real name, address, phone number or workplace.
- Speak from your own experience; don't tell others what they must do.
- Use a content warning when you describe violence or self-harm.
- If you are worried someone is in danger, report the post: moderators will look at once."""
DEMO_GROUPS = [
    {
        "name": "Understanding trauma bonds",
        "description": "Making sense of why leaving was (or is) so hard, and being kind to "
        "ourselves about it.",
        "topics": ["trauma-bonds", "recovery"],
        "join_policy": "open",
    },
    {
        "name": "After leaving",
        "description": "Rebuilding day to day: housing, work, friendships, and the feelings that "
        "come later.",
        "topics": ["recovery", "practical"],
        "join_policy": "open",
    },
    {
        "name": "Parents and children",
        "description": "For parents protecting children through and after an abusive "
        "relationship. Facilitators approve new members.",
        "topics": ["children", "safety"],
        "join_policy": "request",
        "intro_question": "What would you like from this group?",
    },
]


class Command(BaseCommand):
    help = "Create the demo accounts and groups (idempotent). For the local demo only."

    @transaction.atomic
    def handle(self, *args: Any, **options: Any) -> None:
        users = {
            account["pseudonym"]: account_ensure_verified(password=DEMO_PASSWORD, **account)  # type: ignore[arg-type]
            for account in DEMO_ACCOUNTS
        }
        # The demo moderator is on duty and leads the crisis rota, so alerts reach them.
        moderator_appoint(user=users["demo_mod"], on_duty=True, rota_role="lead")
        for spec in DEMO_GROUPS:
            group = Group.objects.filter(name=spec["name"]).first()
            if group is None:
                group = group_create(
                    created_by=users["demo_mod"],
                    guidelines=GUIDELINES,
                    **spec,  # type: ignore[arg-type]
                )
            if group.join_policy == Group.JoinPolicy.OPEN:
                membership_join(group=group, user=users["demo_member"])
        self.stdout.write(f"Demo accounts ({len(users)}) and groups ({len(DEMO_GROUPS)}) ready.")

"""Locust users for a load test of the local production stack (`make prod-up`).

A mix of people using the site:

- visitors (not signed in): home, group directory, group pages, library search and articles,
  help lines;
- members (signed in with sessions prepared by `prepare.py`): threads (most of the traffic),
  group pages, the directory, notifications, the library, live rooms; they reply to threads
  and talk in live rooms, no faster than the posting limits allow;
- returning members (2): sign in through the allauth form with CSRF, read a little, sign out;
- moderators (2): sign in through the form and their TOTP code, then poll `/moderation/`.

Only ever pointed at a loopback address. Run it through `bench/load/run.py` (a stepped run
that prints the figures), or by hand, with the stack's environment:

    scripts/prod-local.sh run .venv/bin/locust -f bench/load/locustfile.py --headless \
        -u 20 -r 5 -t 60s
"""

import base64
import functools
import hashlib
import hmac
import itertools
import json
import os
import random
import re
import struct
import time
from http.cookiejar import Cookie
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from locust import between, task
from locust.contrib.fasthttp import FastHttpUser

ACCOUNTS = Path(
    os.environ.get(
        "LOAD_ACCOUNTS",
        Path(__file__).resolve().parents[2] / "var" / "prod" / "load" / "accounts.json",
    )
)
HOST = os.environ.get("LOAD_HOST", f"http://127.0.0.1:{os.environ.get('PROD_WEB_PORT', '8000')}")
if urlsplit(HOST).hostname not in ("127.0.0.1", "localhost", "::1"):
    raise SystemExit(f"The load test only runs against a loopback address, not {HOST}.")

THREAD = "/groups/[slug]/t/[id]/"
ROOM = "/groups/[slug]/room/"
CSRF_FIELD = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
REPLIES = [
    "Thank you for sharing this. I recognise a lot of it and it helps to know I'm not alone.",
    "That sounds like a good step. Be gentle with yourself this week.",
    "I had a similar week. Small routines helped me: tea at the same time, a short walk.",
    "Sending kind thoughts. It is okay to take things one day at a time.",
]
ROOM_MESSAGES = [
    "Evening everyone, how has today been?",
    "Just checking in. Quiet day here, which is nice.",
    "Thank you for the chat earlier, it helped.",
]

_member_ids = itertools.count()


@functools.cache
def data() -> dict[str, Any]:
    """What prepare.py wrote: sessions, accounts, groups and threads (read once)."""
    if not ACCOUNTS.exists():
        raise SystemExit(f"{ACCOUNTS} is missing: run bench/load/prepare.py first.")
    return dict(json.loads(ACCOUNTS.read_text()))


def totp_code(secret: str, at: float | None = None) -> str:
    """The current 6-digit TOTP code (RFC 6238, SHA-1, 30 s), as an authenticator app shows."""
    counter = int(at if at is not None else time.time()) // 30
    key = base64.b32decode(secret.encode("ascii"), casefold=True)
    digest = hmac.new(key, struct.pack(">Q", counter), hashlib.sha1).digest()
    offset = digest[-1] & 0x0F
    value = struct.unpack(">I", digest[offset : offset + 4])[0] & 0x7FFFFFFF
    return f"{value % 1_000_000:06d}"


class SiteUser(FastHttpUser):
    """Shared helpers; not run itself."""

    abstract = True
    host = HOST

    def pick_thread(self) -> tuple[str, int]:
        group = random.choice(data()["groups"])
        return group["slug"], random.choice(group["threads"])

    def page_with_form(self, url: str, name: str) -> str | None:
        """GET a page and return the CSRF token of its form (None when it failed)."""
        with self.client.get(url, name=name, catch_response=True) as response:
            found = CSRF_FIELD.search(response.text or "")
            if response.status_code != 200 or found is None:
                response.failure(f"{response.status_code}, no form")
                return None
            return found.group(1)

    def post_form(self, url: str, name: str, fields: dict[str, str], expect: str = "") -> str:
        """POST a form; a redirect (to `expect`, when given) is success. Returns where to."""
        with self.client.post(
            url,
            name=name,
            data=fields,
            headers={"Referer": self.host + url},
            allow_redirects=False,
            catch_response=True,
        ) as response:
            location = (response.headers or {}).get("Location", "") or ""
            if response.status_code != 302 or (expect and expect not in location):
                response.failure(f"{response.status_code} -> {location or 'no redirect'}")
                return ""
            response.success()
            return str(location)

    def sign_in(self, email: str, password: str) -> str:
        token = self.page_with_form("/accounts/login/", "/accounts/login/")
        if token is None:
            return ""
        fields = {"csrfmiddlewaretoken": token, "login": email, "password": password}
        return self.post_form("/accounts/login/", "/accounts/login/", fields)

    def library_search(self) -> None:
        term = random.choice(data()["search_terms"])
        self.client.get("/resources/", params={"q": term}, name="/resources/?q=[term]")


class Visitor(SiteUser):
    """Someone not signed in, finding out whether the site can help."""

    weight = 3
    wait_time = between(2, 6)

    @task(2)
    def home(self) -> None:
        self.client.get("/", name="/")

    @task(3)
    def directory(self) -> None:
        self.client.get("/groups/", name="/groups/")

    @task(2)
    def group_page(self) -> None:
        slug = random.choice(data()["groups"])["slug"]
        self.client.get(f"/groups/{slug}/", name="/groups/[slug]/")

    @task(3)
    def search(self) -> None:
        self.library_search()

    @task(1)
    def help_lines(self) -> None:
        self.client.get("/resources/help-lines/", name="/resources/help-lines/")


class Member(SiteUser):
    """A signed-in member (a prepared session each): reads threads, replies, talks live."""

    weight = 6
    wait_time = between(1, 4)

    def on_start(self) -> None:
        sessions = data()["members"]
        session = sessions[next(_member_ids) % len(sessions)]
        host = urlsplit(self.host).hostname or "127.0.0.1"
        cookie = Cookie(
            version=0,
            name=data()["session_cookie"],
            value=session,
            port=None,
            port_specified=False,
            domain=host,
            domain_specified=False,
            domain_initial_dot=False,
            path="/",
            path_specified=True,
            secure=False,
            expires=None,
            discard=False,
            comment=None,
            comment_url=None,
            rest={},
        )
        self.client.cookiejar.set_cookie(cookie)
        self.last_post = 0.0
        self.live_sent: list[float] = []

    @task(8)
    def read_thread(self) -> None:
        slug, thread_id = self.pick_thread()
        params = {"page": "last"} if random.random() < 0.3 else None
        self.client.get(f"/groups/{slug}/t/{thread_id}/", params=params, name=THREAD)

    @task(2)
    def group_page(self) -> None:
        slug = random.choice(data()["groups"])["slug"]
        self.client.get(f"/groups/{slug}/", name="/groups/[slug]/ (member)")

    @task(1)
    def directory(self) -> None:
        self.client.get("/groups/", name="/groups/ (member)")

    @task(1)
    def notifications(self) -> None:
        self.client.get("/groups/notifications/", name="/groups/notifications/")

    @task(1)
    def search(self) -> None:
        self.library_search()

    @task(2)
    def room(self) -> None:
        slug = random.choice(data()["groups"])["slug"]
        self.client.get(f"/groups/{slug}/room/", name=ROOM)

    @task(1)
    def reply(self) -> None:
        """Read a thread, then reply: at most once per posting interval (plus a margin)."""
        if time.monotonic() - self.last_post < data()["post_interval"] + 1:
            return self.read_thread()
        slug, thread_id = self.pick_thread()
        url = f"/groups/{slug}/t/{thread_id}/"
        token = self.page_with_form(url, THREAD)
        if token is None:
            return None
        fields = {"csrfmiddlewaretoken": token, "body": random.choice(REPLIES)}
        self.post_form(f"{url}reply/", THREAD + "reply/", fields, expect="#reply-")
        # Timed from the answer: the server counted the post before answering, however long
        # the request queued, so the next one is never inside the same limiter window.
        self.last_post = time.monotonic()
        return None

    @task(1)
    def room_message(self) -> None:
        """Say something in a live room, well under 5 messages in 10 seconds."""
        now = time.monotonic()
        self.live_sent = [sent for sent in self.live_sent if now - sent < 11]
        if len(self.live_sent) >= 3:
            return self.room()
        slug = random.choice(data()["groups"])["slug"]
        url = f"/groups/{slug}/room/"
        token = self.page_with_form(url, ROOM)
        if token is None:
            return None
        fields = {"csrfmiddlewaretoken": token, "body": random.choice(ROOM_MESSAGES)}
        self.post_form(url, ROOM, fields, expect="#message-")
        self.live_sent.append(time.monotonic())
        return None


class ReturningMember(SiteUser):
    """Signs in through the form, reads a little, signs out. Two of them, every ~20 s, keep
    sign-ins well under the limit of 30 a minute from one address (all of ours are 127.0.0.1)."""

    fixed_count = 2
    wait_time = between(15, 25)
    _ids = itertools.count()

    def on_start(self) -> None:
        emails = data()["login_members"]
        self.email = emails[next(self._ids) % len(emails)]

    @task
    def visit(self) -> None:
        if not self.sign_in(self.email, data()["password"]):
            return
        self.client.get("/", name="/ (member)")
        slug, thread_id = self.pick_thread()
        self.client.get(f"/groups/{slug}/t/{thread_id}/", name=THREAD)
        token = self.page_with_form(f"/groups/{slug}/", "/groups/[slug]/ (member)")
        if token is not None:
            fields = {"csrfmiddlewaretoken": token}
            self.post_form("/accounts/logout/", "/accounts/logout/", fields)


class Moderator(SiteUser):
    """A moderator on shift: signs in with the password and the TOTP code once, then keeps
    the moderation queue open, reloading it every few seconds."""

    fixed_count = 2
    wait_time = between(3, 6)
    _ids = itertools.count()

    def on_start(self) -> None:
        moderators = data()["moderators"]
        account = moderators[next(self._ids) % len(moderators)]
        to = self.sign_in(account["email"], data()["password"])
        if "/2fa/authenticate/" not in to:
            return
        token = self.page_with_form("/accounts/2fa/authenticate/", "/accounts/2fa/authenticate/")
        if token is None:
            return
        self.post_form(
            "/accounts/2fa/authenticate/",
            "/accounts/2fa/authenticate/",
            {"csrfmiddlewaretoken": token, "code": totp_code(account["totp_secret"])},
        )

    @task(6)
    def queue(self) -> None:
        # Redirects are not followed: a moderator who is not signed in would be sent to sign in.
        with self.client.get(
            "/moderation/", name="/moderation/", allow_redirects=False, catch_response=True
        ) as response:
            if response.status_code != 200:
                response.failure(f"{response.status_code}: not signed in as a moderator")

    @task(1)
    def look_at_a_thread(self) -> None:
        slug, thread_id = self.pick_thread()
        self.client.get(f"/groups/{slug}/t/{thread_id}/", name=THREAD + " (moderator)")

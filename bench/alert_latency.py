"""Benchmark: from saving a crisis reply to its alert arriving on a moderator's socket.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/supportnet \\
    REDIS_URL=redis://127.0.0.1:6379/14 .venv/bin/python bench/alert_latency.py [--posts 200]

Runs the real ASGI application in this process with the configured channel layer (Redis when
REDIS_URL is set), a throw-away test database, and the real posting service (screening, case,
alert rows, escalation timers, publish after commit). Prints p50/p99 latency and alerts lost,
idle and with other replies being posted at the same time. Prints figures only.
"""

import argparse
import asyncio
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tests.settings")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--posts", type=int, default=200)
    args = parser.parse_args()
    import django

    django.setup()
    from django.conf import settings
    from django.db import connection

    settings.SUPPORTNET_POST_INTERVAL = 0
    settings.SUPPORTNET_POST_INTERVAL_NEW = 0
    old_name = connection.creation.create_test_db(verbosity=0, autoclobber=True)
    try:
        from asgiref.sync import async_to_sync

        async_to_sync(run)(args.posts)
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)


async def run(posts: int) -> None:
    from allauth.mfa.totp.internal.auth import TOTP
    from asgiref.sync import sync_to_async
    from channels.routing import URLRouter
    from channels.testing import WebsocketCommunicator
    from django.conf import settings
    from django.core.cache import cache

    from groups.models import Membership
    from groups.services import group_create, reply_create, thread_create
    from moderation.services import moderator_appoint
    from supportnet.accounts.models import User
    from supportnet.routing import websocket_urlpatterns

    def setup() -> tuple:
        moderator = User.objects.create_user(
            email="mod@example.org", password="x-long-password", pseudonym="bench_mod"
        )
        moderator_appoint(user=moderator, on_duty=True)
        moderator.refresh_from_db()
        TOTP.activate(moderator, "JBSWY3DPEHPK3PXP")
        founder = User.objects.create_user(
            email="f@example.org", password="x-long-password", pseudonym="bench_founder"
        )
        group = group_create(name="Bench", created_by=founder)
        thread = thread_create(group=group, author=founder, title="T", body="B")
        members = []
        for i in range(posts * 3 + 10):
            user = User.objects.create_user(
                email=f"m{i}@example.org", password="x-long-password", pseudonym=f"bench_{i}"
            )
            Membership.objects.create(group=group, user=user, status="active", approved_posts=99)
            members.append(user)
        return moderator, thread, members

    moderator, thread, members = await sync_to_async(setup)()
    app = URLRouter(websocket_urlpatterns)
    socket = WebsocketCommunicator(app, "/ws/moderation/alerts/")
    socket.scope["user"] = moderator
    connected, _ = await socket.connect()
    assert connected, "the moderator socket was refused"
    crisis = "I can't go on. I have the pills here and I'm taking them all tonight."
    print(f"channel layer: {settings.CHANNEL_LAYERS['default']['BACKEND']}")

    async def measure(label: str, start: int, background: bool) -> None:
        latencies, lost = [], 0
        stop = asyncio.Event()

        async def chatter() -> None:
            i = 0
            while not stop.is_set():
                author = members[2 * posts + (i % posts)]
                await sync_to_async(reply_create)(thread=thread, author=author, body="a calm reply")
                i += 1
                await asyncio.sleep(0.02)

        task = asyncio.create_task(chatter()) if background else None
        for i in range(posts):
            await sync_to_async(cache.clear)()
            author = members[start + i]
            t0 = time.perf_counter()
            await sync_to_async(reply_create)(thread=thread, author=author, body=crisis)
            try:
                message = await socket.receive_json_from(timeout=5)
                assert message["type"] == "alert"
                latencies.append((time.perf_counter() - t0) * 1000)
            except (TimeoutError, asyncio.CancelledError):
                lost += 1
        stop.set()
        if task:
            await task
        p50 = statistics.median(latencies)
        p99 = statistics.quantiles(latencies, n=100)[-1]
        print(f"{label:12s} p50 {p50:6.1f} ms   p99 {p99:6.1f} ms   lost {lost} of {posts}")

    await measure("idle", 0, background=False)
    await measure("with chatter", posts, background=True)
    await socket.disconnect()


if __name__ == "__main__":
    main()

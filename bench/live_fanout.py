"""Benchmark: one sender, many listeners in a group's live room (or on a thread's page).

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/supportnet \\
    REDIS_URL=redis://127.0.0.1:6379/14 .venv/bin/python bench/live_fanout.py \\
        [--clients 200] [--messages 20] [--thread]

Runs the real room consumer (with `--thread`: the thread consumer, listeners reading a thread
and the sender replying to it) in this process on the configured channel layer (Redis when
REDIS_URL is set) and a throw-away test database. Each message is posted through the service
(screening, storage, publish after commit); every listener is checked (membership, blocks)
before it gets the message. Prints p50/p99 delivery latency, from just before the post to
arrival, and messages lost. Prints figures only.
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
os.environ["SUPPORTNET_POST_INTERVAL"] = "0"  # one post per member per N seconds: off


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--clients", type=int, default=200)
    parser.add_argument("--messages", type=int, default=20)
    parser.add_argument("--thread", action="store_true", help="replies to a thread, not a room")
    args = parser.parse_args()
    import django

    django.setup()
    from django.db import connection

    old_name = connection.creation.create_test_db(verbosity=0, autoclobber=True)
    try:
        from asgiref.sync import async_to_sync

        async_to_sync(run)(args.clients, args.messages, args.thread)
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)


async def run(clients: int, messages: int, thread_mode: bool) -> None:
    from asgiref.sync import sync_to_async
    from channels.routing import URLRouter
    from channels.testing import WebsocketCommunicator
    from django.conf import settings
    from django.core.cache import cache

    from groups.models import Membership
    from groups.services import group_create, live_message_create, reply_create, thread_create
    from supportnet.accounts.models import User
    from supportnet.routing import websocket_urlpatterns

    def setup() -> tuple:
        founder = User.objects.create_user(
            email="f@example.org", password="x-long-password", pseudonym="fan_founder"
        )
        group = group_create(name="Fan-out", created_by=founder)
        listeners = []
        for i in range(clients):
            user = User.objects.create_user(
                email=f"l{i}@example.org", password="x-long-password", pseudonym=f"fan_{i}"
            )
            Membership.objects.create(group=group, user=user, status="active", approved_posts=99)
            listeners.append(user)
        thread = thread_create(group=group, author=founder, title="Fan-out", body="Hello")
        return founder, group, listeners, thread

    sender, group, listeners, thread = await sync_to_async(setup)()
    path = f"/ws/threads/{thread.pk}/" if thread_mode else f"/ws/rooms/{group.slug}/"
    app = URLRouter(websocket_urlpatterns)
    sockets = []
    for user in listeners:
        socket = WebsocketCommunicator(app, path)
        socket.scope["user"] = user
        connected, _ = await socket.connect()
        assert connected
        sockets.append(socket)
    where = "thread" if thread_mode else "room"
    backend = settings.CHANNEL_LAYERS["default"]["BACKEND"]
    print(f"channel layer: {backend}, {clients} listeners on a {where}")

    latencies: list[float] = []
    lost = 0
    for i in range(messages):
        await sync_to_async(cache.clear)()
        t0 = time.perf_counter()
        if thread_mode:
            await sync_to_async(reply_create)(thread=thread, author=sender, body=f"reply {i}")
        else:
            body = f"message {i}"
            await sync_to_async(live_message_create)(group=group, author=sender, body=body)

        async def receive(socket: WebsocketCommunicator, start: float = t0) -> float | None:
            try:
                await socket.receive_json_from(timeout=10)
                return (time.perf_counter() - start) * 1000
            except (TimeoutError, asyncio.CancelledError):
                return None

        results = await asyncio.gather(*(receive(s) for s in sockets))
        latencies.extend(r for r in results if r is not None)
        lost += sum(1 for r in results if r is None)
    p50 = statistics.median(latencies)
    p99 = statistics.quantiles(latencies, n=100)[-1]
    shape = f"{messages} messages x {clients} listeners"
    print(f"{shape}: p50 {p50:.1f} ms, p99 {p99:.1f} ms, lost {lost}")
    for socket in sockets:
        await socket.disconnect()


if __name__ == "__main__":
    main()

"""Benchmark: from POSTing a crisis reply to its alert arriving on a moderator's socket.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/supportnet \\
    REDIS_URL=redis://127.0.0.1:6379/14 .venv/bin/python bench/alert_latency.py \\
        [--posts 200] [--interval 0.25] [--load-rate 50] [--load-workers 4] [--idle-only]

Separate processes, as in production, where web workers take the POSTs and an ASGI worker
holds the moderator's socket:

- this process makes a throw-away test database, holds the moderator's alert socket (the real
  consumer, on the configured channel layer: Redis when REDIS_URL is set) and measures;
- a poster process POSTs `--posts` crisis replies, one every `--interval` seconds, through the
  site's whole request handling (middleware, view, form, posting service, publish after
  commit) with Django's test client, each from a different member so each opens a case;
- under load, `--load-workers` more processes POST ordinary replies at a combined
  `--load-rate` per second, each on its own schedule (open loop: a worker that falls behind
  posts at once, it never skips), and the rate they achieved is printed.

Latency is the time from just before a crisis POST to its alert arriving on the socket (both
read from the system's monotonic clock); the delivery part of it, from the start of the
after-commit push in the poster process to the socket, is printed too. An alert not there 5
seconds after the last POST is lost. If the machine cannot sustain `--load-rate`, that is
printed, and the load is measured again at 90% of the rate achieved. Prints figures only;
asserts nothing.
"""

import argparse
import asyncio
import json
import multiprocessing
import os
import statistics
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tests.settings")
os.environ["SUPPORTNET_POST_INTERVAL"] = "0"  # one post per member per N seconds: off
os.environ["SUPPORTNET_POST_INTERVAL_NEW"] = "0"

CRISIS = "I can't go on. I have the pills here and I'm taking them all tonight."
CALM = "Thank you for sharing this. It helped me to read it today."
THREADS = 20  # posts spread over several threads, as on a real site
CHATTERERS_PER_WORKER = 10
GRACE_SECONDS = 5.0


def _django(db_name: str) -> None:
    import django
    from django.conf import settings

    settings.DATABASES["default"]["NAME"] = db_name
    django.setup()


def _clients(user_ids: list[int], warm_up_url: str) -> list[Any]:
    """Signed-in clients, one per member, sharing one request handler, and one page load so
    that the process's first measured POST does not pay for its imports, URL resolver,
    middleware, templates and connections."""
    from django.test import Client

    from supportnet.accounts.models import User

    clients: list[Any] = []
    for user in User.objects.filter(pk__in=user_ids).order_by("pk"):
        client = Client(SERVER_NAME="localhost")
        client.force_login(user)
        if clients:
            # One request handler per process, as a WSGI worker has: a client's own handler
            # would build the middleware chain (WhiteNoise scans every static file) on its
            # first request, about 20 ms that no production request pays.
            client.handler = clients[0].handler
        clients.append(client)
    clients[0].get(warm_up_url.removesuffix("reply/"))
    return clients


def crisis_poster(db_name: str, urls: list[str], user_ids: list[int], interval: float,
                  start: Any, out: Any) -> None:  # fmt: skip
    """One crisis reply per member, one every `interval` seconds; reports for each the
    member, the moment before the POST and how long the POST took to answer."""
    _django(db_name)
    from moderation import events

    pushed: dict[int, float] = {}  # case id: when the after-commit push began
    send = events.group_send

    def timed_send(group: str, message: dict[str, Any]) -> bool:
        for alert in message.get("alerts", []):
            pushed.setdefault(alert["alert"]["case_id"], time.monotonic())
        return send(group, message)

    events.group_send = timed_send  # the module publishes through this name
    clients = _clients(user_ids, urls[0])
    out.put(("ready", None))
    start.wait()
    sent, errors = [], 0
    due = time.monotonic()
    for i, (client, user_id) in enumerate(zip(clients, sorted(user_ids), strict=True)):
        due += interval
        t0 = time.monotonic()
        response = client.post(urls[i % len(urls)], {"body": CRISIS})
        if response.status_code == 302:
            sent.append((user_id, t0, time.monotonic() - t0))
        else:
            errors += 1
        time.sleep(max(0.0, due - time.monotonic()))
    out.put(("crisis", {"sent": sent, "errors": errors, "pushed": pushed}))


def chatter(db_name: str, urls: list[str], user_ids: list[int], rate: float, start: Any,
            stop: Any, out: Any) -> None:  # fmt: skip
    """Ordinary replies at `rate` per second until `stop`; reports how many, over how long."""
    _django(db_name)
    clients = _clients(user_ids, urls[0])
    out.put(("ready", None))
    start.wait()
    began = due = time.monotonic()
    posted = errors = 0
    while not stop.is_set():
        client = clients[(posted + errors) % len(clients)]
        response = client.post(urls[(posted + errors) % len(urls)], {"body": CALM})
        if response.status_code == 302:
            posted += 1
        else:
            errors += 1
        due += 1 / rate
        time.sleep(max(0.0, due - time.monotonic()))
    out.put(("chatter", {"posted": posted, "errors": errors, "seconds": time.monotonic() - began}))


@dataclass
class Setup:
    db_name: str
    moderator: Any
    urls: list[str]
    crisis_members: list[int]
    chatter_members: list[int]


def setup(db_name: str, posts: int, chatterers: int) -> Setup:
    from allauth.mfa.totp.internal.auth import TOTP
    from django.urls import reverse

    from groups.models import Membership
    from groups.services import group_create, thread_create
    from moderation.services import moderator_appoint
    from supportnet.accounts.models import User

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
    urls = []
    for n in range(THREADS):
        thread = thread_create(group=group, author=founder, title=f"Thread {n}", body="B")
        urls.append(reverse("groups:reply", args=[group.slug, thread.pk]))
    members = []
    for i in range(3 * posts + chatterers):  # idle, load, load at the sustainable rate
        user = User.objects.create_user(
            email=f"m{i}@example.org", password="x-long-password", pseudonym=f"bench_{i}"
        )
        Membership.objects.create(
            group=group,
            user=user,
            status=Membership.Status.ACTIVE,
            accepted_guidelines_version=group.guidelines_version,
            approved_posts=99,
        )
        members.append(user.pk)
    return Setup(db_name, moderator, urls, members[: 3 * posts], members[3 * posts :])


async def measure(s: Setup, socket: Any, label: str, crisis_ids: list[int], args: Any,
                  load_rate: float = 0.0) -> float:  # fmt: skip
    """One phase; returns the chatter rate achieved (0 when idle)."""
    from asgiref.sync import sync_to_async

    from moderation.models import Case

    ctx = multiprocessing.get_context("spawn")
    out, start, stop = ctx.Queue(), ctx.Event(), ctx.Event()
    processes = [
        ctx.Process(
            target=crisis_poster,
            args=(s.db_name, s.urls, crisis_ids, args.interval, start, out),
        )
    ]
    if load_rate:
        per_worker = CHATTERERS_PER_WORKER
        for w in range(args.load_workers):
            ids = s.chatter_members[w * per_worker : (w + 1) * per_worker]
            rate = load_rate / args.load_workers
            processes.append(
                ctx.Process(target=chatter, args=(s.db_name, s.urls, ids, rate, start, stop, out))
            )
    for process in processes:
        process.start()
    for _ in processes:
        kind, _ = await asyncio.to_thread(out.get)
        assert kind == "ready"

    arrivals: dict[int, float] = {}

    async def read() -> None:
        while True:
            message = await socket.output_queue.get()
            now = time.monotonic()
            data = json.loads(message.get("text") or "{}")
            if data.get("type") == "alert":
                arrivals.setdefault(data["case_id"], now)

    reader = asyncio.create_task(read())
    start.set()
    results: dict[str, list[Any]] = {"crisis": [], "chatter": []}
    kind, result = await asyncio.to_thread(out.get)
    results[kind].append(result)  # the crisis poster is the first to finish
    await asyncio.sleep(GRACE_SECONDS)
    stop.set()
    for _ in processes[1:]:
        kind, result = await asyncio.to_thread(out.get)
        results[kind].append(result)
    for process in processes:
        await asyncio.to_thread(process.join)
    reader.cancel()

    crisis = results["crisis"][0]
    subjects = await sync_to_async(
        lambda: dict(Case.objects.filter(pk__in=arrivals).values_list("subject_id", "pk"))
    )()
    latencies, lost = [], 0
    answered = [seconds * 1000 for _, _, seconds in crisis["sent"]]
    delivery = [(arrivals[c] - t) * 1000 for c, t in crisis["pushed"].items() if c in arrivals]
    for user_id, t0, _ in crisis["sent"]:
        case_id = subjects.get(user_id)
        if case_id is None or case_id not in arrivals:
            lost += 1
        else:
            latencies.append((arrivals[case_id] - t0) * 1000)
    achieved = 0.0
    if results["chatter"]:
        seconds = max(r["seconds"] for r in results["chatter"])
        achieved = sum(r["posted"] for r in results["chatter"]) / seconds
        chatter_errors = sum(r["errors"] for r in results["chatter"])
        print(
            f"{label}: other replies at {achieved:.1f}/s achieved "
            f"(asked {load_rate:.0f}/s, {chatter_errors} refused), plus crisis posts"
        )
    if latencies:
        p50 = statistics.median(latencies)
        p99 = statistics.quantiles(latencies, n=100, method="inclusive")[-1]
        print(
            f"{label:28s} p50 {p50:6.1f} ms   p99 {p99:6.1f} ms   max {max(latencies):6.1f} ms"
            f"   lost {lost} of {len(crisis['sent'])}   refused {crisis['errors']}"
        )
        print(
            f"{'':28s} POST answered p50 {statistics.median(answered):6.1f} ms;"
            f" after-commit push to socket p50 {statistics.median(delivery):5.1f} ms,"
            f" p99 {statistics.quantiles(delivery, n=100, method='inclusive')[-1]:5.1f} ms"
        )
    else:
        print(f"{label}: no alert arrived (lost {lost})")
    return achieved


async def run(s: Setup, args: Any) -> None:
    from channels.routing import URLRouter
    from channels.testing import WebsocketCommunicator
    from django.conf import settings

    from moderation import consumers
    from supportnet.routing import websocket_urlpatterns

    # The socket's periodic catch-up from the database would deliver a lost push within
    # seconds; here a lost push must count as lost.
    consumers.CATCH_UP_SECONDS = 3600.0
    socket = WebsocketCommunicator(URLRouter(websocket_urlpatterns), "/ws/moderation/alerts/")
    socket.scope["user"] = s.moderator
    connected, _ = await socket.connect()
    assert connected, "the moderator socket was refused"
    print(f"channel layer: {settings.CHANNEL_LAYERS['default']['BACKEND']}")
    print(f"{os.cpu_count()} cores; {args.posts} crisis replies per phase, one every "
          f"{args.interval * 1000:.0f} ms")  # fmt: skip
    n = args.posts
    await measure(s, socket, "idle", s.crisis_members[:n], args)
    if args.idle_only:
        await socket.disconnect()
        return
    achieved = await measure(
        s, socket, f"load {args.load_rate:.0f}/s asked", s.crisis_members[n : 2 * n], args,
        load_rate=args.load_rate,
    )  # fmt: skip
    if 1 <= achieved < 0.95 * args.load_rate:
        sustainable = int(achieved * 0.9)
        print(f"{args.load_rate:.0f}/s is more than this machine sustains; measuring at "
              f"{sustainable}/s")  # fmt: skip
        await measure(
            s, socket, f"load {sustainable}/s asked", s.crisis_members[2 * n :], args,
            load_rate=sustainable,
        )  # fmt: skip
    await socket.disconnect()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--posts", type=int, default=200)
    parser.add_argument("--interval", type=float, default=0.25, help="seconds between crises")
    parser.add_argument("--load-rate", type=float, default=50.0, help="other replies per second")
    parser.add_argument("--load-workers", type=int, default=4)
    parser.add_argument("--idle-only", action="store_true", help="skip the phases under load")
    args = parser.parse_args()
    import django

    django.setup()
    from asgiref.sync import async_to_sync
    from django.db import connection

    # A database of its own, so the benchmark never meets the test suite's.
    name = connection.settings_dict["NAME"]
    connection.settings_dict["TEST"]["NAME"] = f"bench_alerts_{name}"
    old_name = connection.creation.create_test_db(verbosity=0, autoclobber=True)
    try:
        db_name = connection.settings_dict["NAME"]
        s = setup(db_name, args.posts, args.load_workers * CHATTERERS_PER_WORKER)
        connection.close()
        async_to_sync(run)(s, args)
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)


if __name__ == "__main__":
    main()

"""Benchmark: serve a thread page with 50 and 500 replies through the WSGI application.

Prints requests per second for each, and the ratio to a trivial Django view measured in the
same run (goal: the 50-reply page within 20x of the trivial view). Two reference lines put the
goal in context: the "cached-page floor" — a signed-in request that only loads the session and
the member, runs one permission query and returns a 100 KB page from the cache, i.e. the least
any signed-in thread page could cost — and the "empty signed-in page", base.html with no
content. Runs on whatever
DATABASE_URL names (SQLite by default) in a throw-away test database.

On a shared machine the wall-clock rate swings with the load (every query waits for the
database process to be scheduled), so each line also gives the median CPU time per request
spent in this process (the database server's own time is not in it), which moves much less.

    .venv/bin/python bench/thread_page.py [--seconds 3]
"""

import argparse
import os
import statistics
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tests.settings")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seconds", type=float, default=3.0, help="time per measurement")
    args = parser.parse_args()

    import django

    django.setup()
    from django.conf import settings
    from django.db import connection

    # Not setup_test_environment(): it instruments template rendering, which would be measured.
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "testserver"]
    old_name = connection.creation.create_test_db(verbosity=0, autoclobber=True)
    try:
        run(args.seconds)
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)


def run(seconds: float) -> None:
    from django.core.cache import cache
    from django.http import HttpResponse
    from django.shortcuts import render
    from django.test import Client, override_settings
    from django.urls import path

    from groups.models import Membership, Reply
    from groups.services import thread_create
    from supportnet import urls as site_urls
    from tests.factories import UserFactory
    from tests.groups.factories import make_group, make_member

    group = make_group()
    reader = make_member(group)
    authors = [make_member(group) for _ in range(5)]
    threads = {}
    for count in (50, 500):
        cache.clear()
        thread = thread_create(group=group, author=group.created_by, title="T", body="B")
        body = "A paragraph of a reply, with **some** emphasis and a [link](https://example.org)."
        Reply.objects.bulk_create(
            Reply(
                thread=thread,
                author=authors[i % 5],
                body=body,
                body_html=f"<p>{body}</p>",
            )
            for i in range(count)
        )
        threads[count] = thread
    del UserFactory

    page_bytes = 100_000  # about what the 50-reply page weighs

    def empty_page(request: Any) -> HttpResponse:
        """The site's chrome alone for a signed-in member: base.html with no content."""
        return render(request, "base.html")

    def floor(request: Any) -> HttpResponse:
        """What the cheapest possible signed-in thread page would cost: a whole page kept in
        the cache, served after the session, the member and one permission query."""
        assert request.user.is_authenticated
        assert Membership.objects.filter(user=request.user, group__slug=group.slug).exists()
        return HttpResponse(cache.get_or_set("bench-page", "x" * page_bytes))

    class BenchUrls:
        urlpatterns = [
            path("trivial/", lambda request: HttpResponse("ok")),
            path("floor/", floor),
            path("empty/", empty_page),
            *site_urls.urlpatterns,
        ]

    with override_settings(ROOT_URLCONF=BenchUrls):
        client = Client()
        client.force_login(reader)

        def rate(url: str) -> tuple[float, float]:
            """Requests per second (wall clock), and CPU ms per request in this process."""
            for _ in range(5):
                assert client.get(url).status_code == 200
            samples, cpu = [], []
            deadline = time.perf_counter() + seconds
            while time.perf_counter() < deadline:
                start, start_cpu = time.perf_counter(), time.thread_time()
                client.get(url)
                cpu.append(time.thread_time() - start_cpu)
                samples.append(time.perf_counter() - start)
            return 1 / statistics.median(samples), statistics.median(cpu) * 1000

        trivial, trivial_cpu = rate("/trivial/")
        print(f"trivial view:        {trivial:8.1f} req/s   CPU {trivial_cpu:6.2f} ms/request")
        for label, url in (("cached-page floor", "/floor/"), ("empty signed-in page", "/empty/")):
            per_page, page_cpu = rate(url)
            print(
                f"{label + ':':21s}{per_page:8.1f} req/s   "
                f"ratio to trivial: {trivial / per_page:5.1f}x{'':24s}"
                f"CPU {page_cpu:6.2f} ms/request ({page_cpu / trivial_cpu:5.1f}x)"
            )
        for count, thread in threads.items():
            per_page, page_cpu = rate(thread.get_absolute_url() + "?page=1")
            print(
                f"thread, {count:3d} replies: {per_page:8.1f} req/s   "
                f"ratio to trivial: {trivial / per_page:5.1f}x (goal for 50: <= 20x)   "
                f"CPU {page_cpu:6.2f} ms/request ({page_cpu / trivial_cpu:5.1f}x)"
            )


if __name__ == "__main__":
    main()

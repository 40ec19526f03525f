"""Benchmark: library search over 10,000 generated articles on PostgreSQL.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/supportnet \
        .venv/bin/python bench/library_search.py

Creates a throw-away test database, generates articles from a small vocabulary so that some
words are rare, some medium and some common, and prints p50/p95 search time for each (goal:
p95 <= 50 ms). Prints figures only; it never fails on time.
"""

import os
import random
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tests.settings")

ARTICLES = int(os.environ.get("BENCH_ARTICLES", "10000"))
COMMON = ["support", "relationship", "feelings", "safety", "recovery", "family", "trust"]
MEDIUM = ["gaslighting", "attachment", "boundaries", "isolation", "advocate", "therapy"]
RARE = ["opponent", "skinner", "betrayal", "conditioning", "molestation", "refuge"]


def main() -> None:
    import django

    django.setup()
    from django.db import connection

    if connection.vendor != "postgresql":
        print("Set DATABASE_URL to a PostgreSQL server: this benchmark measures full-text search.")
        return
    old_name = connection.creation.create_test_db(verbosity=0, autoclobber=True)
    try:
        run()
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)


def run() -> None:
    from resources.models import Article
    from resources.selectors import library_search

    rng = random.Random(42)
    filler = (
        "the and of to a in that it is was for on with as his they at be this from " * 3
    ).split()

    def text(words: int) -> str:
        out = []
        for _ in range(words):
            roll = rng.random()
            if roll < 0.0005:
                out.append(rng.choice(RARE))
            elif roll < 0.01:
                out.append(rng.choice(MEDIUM))
            elif roll < 0.08:
                out.append(rng.choice(COMMON))
            else:
                out.append(rng.choice(filler))
        return " ".join(out)

    start = time.perf_counter()
    Article.objects.bulk_create(
        (
            Article(
                title=text(6).title(),
                slug=f"article-{i}",
                summary=text(25),
                body=text(400),
                body_html="",
                status="published",
            )
            for i in range(ARTICLES)
        ),
        batch_size=1000,
    )
    from resources.services import articles_reindex

    articles_reindex()
    print(f"{ARTICLES} articles generated and indexed in {time.perf_counter() - start:.1f} s")
    for label, words in (("rare", RARE), ("medium", MEDIUM), ("common", COMMON)):
        times = []
        for i in range(30):
            query = words[i % len(words)]
            t0 = time.perf_counter()
            library_search(query=query)
            times.append((time.perf_counter() - t0) * 1000)
        p50 = statistics.median(times)
        p95 = statistics.quantiles(times, n=20)[-1]
        print(f"{label:7s} terms: p50 {p50:7.1f} ms   p95 {p95:7.1f} ms   (goal p95 <= 50 ms)")


if __name__ == "__main__":
    main()

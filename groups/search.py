"""Searching a group's conversations, for the members who may read it.

Only what the member could read on the pages is ever found: visible posts of the group, and
nothing by someone they blocked (neither their threads, nor their replies, nor replies in a
thread they started, which answers 404 to the blocker). On PostgreSQL the words are matched
with full-text search over expression GIN indexes (migration 0010), only the first
`CANDIDATES` matches are ranked, and each result carries a snippet with the words marked; on
SQLite (the demo) every word must appear, case-insensitively.
"""

from dataclasses import dataclass
from typing import Any

from django.contrib.postgres.search import (
    SearchQuery,
    SearchRank,
    SearchVectorField,
)
from django.db import connection
from django.db.models import F, Func, Q, QuerySet, Value

from groups.models import Group, PostState, Reply, Thread
from groups.selectors import blocked_ids
from supportnet.core.search import snippet

CANDIDATES = 200
SHOWN = 20
QUERY_MAX = 200
WORDS_MAX = 10


class _Words(Func):
    """`to_tsvector('english', <text>)`: the exact expression the GIN indexes are built on."""

    template = "to_tsvector('english'::regconfig, %(expressions)s)"
    arg_joiner = " || ' ' || "
    output_field = SearchVectorField()


@dataclass
class Results:
    threads: list[Thread]
    replies: list[Reply]


def search_group(*, group: Group, viewer: Any, query: str) -> Results:
    """Conversations and replies of `group` matching `query`, best first (at most `SHOWN`
    of each). Two queries."""
    threads = Thread.objects.filter(group=group, state=PostState.VISIBLE).select_related("author")
    replies = Reply.objects.filter(
        thread__group=group, thread__state=PostState.VISIBLE, state=PostState.VISIBLE
    ).select_related("author", "thread")
    if getattr(viewer, "is_authenticated", False):
        blocked = blocked_ids(viewer)
        threads = threads.exclude(author__in=blocked)
        replies = replies.exclude(author__in=blocked).exclude(thread__author__in=blocked)
    search = _postgres if connection.vendor == "postgresql" else _fallback
    results = search(threads, replies, query)
    for thread in results.threads:
        thread.group = group  # for its address, without a query each
    return results


def _ranked(posts: QuerySet[Any], words: _Words, search: SearchQuery) -> list[Any]:
    matches = posts.annotate(words=words).filter(words=search).order_by()
    candidates = matches.values("pk")[:CANDIDATES]  # any 200: ranking them is what costs
    found = (
        posts.filter(pk__in=candidates)
        .annotate(
            rank=SearchRank(words, search),
            snippet=snippet("body", search),
        )
        .order_by("-rank", "-created_at", "-id")
    )
    return list(found[:SHOWN])


def _postgres(threads: QuerySet[Thread], replies: QuerySet[Reply], query: str) -> Results:
    search = SearchQuery(query, search_type="websearch", config="english")
    return Results(
        threads=_ranked(threads, _Words(F("title"), F("body")), search),
        replies=_ranked(replies, _Words(F("body")), search),
    )


def _fallback(threads: QuerySet[Thread], replies: QuerySet[Reply], query: str) -> Results:
    terms = [word.strip("\"'+-") for word in query.split()][:WORDS_MAX]
    for term in filter(None, terms):
        threads = threads.filter(Q(title__icontains=term) | Q(body__icontains=term))
        replies = replies.filter(body__icontains=term)
    if not any(terms):
        threads, replies = threads.none(), replies.none()
    ordered = ("-created_at", "-id")
    return Results(
        threads=list(threads.annotate(snippet=Value("")).order_by(*ordered)[:SHOWN]),
        replies=list(replies.annotate(snippet=Value("")).order_by(*ordered)[:SHOWN]),
    )

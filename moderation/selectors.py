"""Reads for moderator pages."""

from typing import Any

from django.db.models import Case as When_
from django.db.models import IntegerField, QuerySet, Value, When

from moderation.models import Alert, Case


def case_queue(*, moderator: Any) -> QuerySet[Case]:
    """Active cases, crisis first, then concern, then reports; oldest first within a level."""
    priority = When_(
        *(When(level=level, then=Value(rank)) for level, rank in Case.PRIORITY.items()),
        default=Value(9),
        output_field=IntegerField(),
    )
    return (
        Case.objects.filter(state__in=Case.ACTIVE_STATES)
        .select_related("subject", "acknowledged_by")
        .annotate(priority=priority)
        .order_by("priority", "opened_at", "id")
    )


def unacknowledged_alerts(*, moderator: Any) -> QuerySet[Alert]:
    return (
        Alert.objects.filter(recipient=moderator, acknowledged_at__isnull=True)
        .select_related("case")
        .order_by("created_at", "id")
    )


def held_posts(*, moderator: Any, limit: int = 50) -> list[Any]:
    """Threads and replies waiting for review, oldest first."""
    from groups.models import PostState, Reply, Thread

    threads = Thread.objects.filter(state=PostState.PENDING).select_related("author", "group")
    replies = Reply.objects.filter(state=PostState.PENDING).select_related(
        "author", "thread", "thread__group"
    )
    posts = [*threads.order_by("created_at")[:limit], *replies.order_by("created_at")[:limit]]
    return sorted(posts, key=lambda post: post.created_at)[:limit]


def open_reports(*, moderator: Any, limit: int = 50) -> list[Any]:
    """Open reports other than "at risk" ones (those are cases), oldest first."""
    from moderation.models import Report

    reports = (
        Report.objects.filter(state=Report.State.OPEN)
        .exclude(reason=Report.Reason.AT_RISK)
        .select_related("content_type")
        .order_by("created_at")[:limit]
    )
    found = list(reports)
    for item in found:
        item.loaded = item.content  # type: ignore[attr-defined]  # one query each, ≤ limit
    return found

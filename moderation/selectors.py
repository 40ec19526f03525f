"""Reads for moderator pages."""

from typing import Any

from django.db.models import Case as When_
from django.db.models import Exists, IntegerField, OuterRef, QuerySet, Value, When

from moderation.models import Alert, Case, CaseItem, Claim, MemberNote, Notice, Sanction


def case_queue(*, moderator: Any, group: Any = None, level: str = "") -> QuerySet[Case]:
    """Active cases, crisis first, then concern, then reports; oldest first within a level.
    Optionally only cases with content in `group`, or of one `level`."""
    priority = When_(
        *(When(level=level, then=Value(rank)) for level, rank in Case.PRIORITY.items()),
        default=Value(9),
        output_field=IntegerField(),
    )
    cases = Case.objects.filter(state__in=Case.ACTIVE_STATES)
    if group is not None:
        cases = cases.filter(pk__in=CaseItem.objects.filter(group=group).values("case_id"))
    if level:
        cases = cases.filter(level=level)
    return (
        cases.select_related("subject", "acknowledged_by")
        .annotate(priority=priority)
        .order_by("priority", "opened_at", "id")
    )


def unacknowledged_alerts(*, moderator: Any) -> QuerySet[Alert]:
    return (
        Alert.objects.filter(recipient=moderator, acknowledged_at__isnull=True)
        .select_related("case")
        .order_by("created_at", "id")
    )


def held_posts(*, moderator: Any, group: Any = None, limit: int = 50) -> list[Any]:
    """Threads, replies and live messages waiting for review, oldest first. Each item's
    `post_kind` names it in the review and claim URLs; a live message has its group (its
    room) loaded for context."""
    from groups.models import LiveMessage, PostState, Reply, Thread

    threads = Thread.objects.filter(state=PostState.PENDING).select_related("author", "group")
    replies = Reply.objects.filter(state=PostState.PENDING).select_related(
        "author", "thread", "thread__group"
    )
    live = LiveMessage.objects.filter(state=PostState.PENDING).select_related("author", "group")
    if group is not None:
        threads, replies = threads.filter(group=group), replies.filter(thread__group=group)
        live = live.filter(group=group)
    # Ties on the time (a bulk import, a coarse clock) are broken by kind and then id, so the
    # queue keeps one order from one load to the next.
    posts: list[Any] = [
        *threads.order_by("created_at", "id")[:limit],
        *replies.order_by("created_at", "id")[:limit],
        *live.order_by("created_at", "id")[:limit],
    ]
    kinds = {Thread: 0, Reply: 1, LiveMessage: 2}
    return sorted(posts, key=lambda post: (post.created_at, kinds[type(post)], post.pk))[:limit]


def _decided_by_reporter(state: str) -> Any:
    """How many of the report's reporter's reports were decided `state` (a subquery)."""
    from django.db.models import Count, Subquery
    from django.db.models.functions import Coalesce

    from moderation.models import Report

    counted = (
        Report.objects.filter(reporter=OuterRef("reporter"), state=state)
        .values("reporter")
        .annotate(n=Count("id"))
        .values("n")
    )
    return Coalesce(Subquery(counted), 0)


def open_reports(*, moderator: Any, group: Any = None, limit: int = 50) -> list[Any]:
    """Open reports other than "at risk" ones (those are cases). Reports by members whose
    earlier reports were mostly upheld come first, then those with no record (and automatic
    flags), then those by members whose reports were mostly dismissed; oldest first within
    each. The record is two subqueries; the reported posts come in one query per kind of post."""
    from django.db.models import F

    from moderation.models import Report

    reports = Report.objects.filter(state=Report.State.OPEN).exclude(reason=Report.Reason.AT_RISK)
    if group is not None:
        reports = reports.filter(group=group)
    reports = (
        reports.select_related("content_type")
        .prefetch_related("content")
        .annotate(
            reporter_upheld=_decided_by_reporter(Report.State.UPHELD),
            reporter_dismissed=_decided_by_reporter(Report.State.DISMISSED),
        )
        .annotate(
            reporter_record=When_(
                When(reporter_upheld__gt=F("reporter_dismissed"), then=Value(1)),
                When(reporter_upheld__lt=F("reporter_dismissed"), then=Value(-1)),
                default=Value(0),
                output_field=IntegerField(),
            )
        )
        .order_by("-reporter_record", "created_at", "id")[:limit]
    )
    found = list(reports)
    for item in found:
        item.loaded = item.content  # type: ignore[attr-defined]  # prefetched
    return found


# --- restrictions on a member (silence, suspension) -------------------------------------------


def restrictions_in_force(*, member: Any) -> QuerySet[Sanction]:
    """Silences and suspensions in force now for `member` (an id, or an `OuterRef` to one, so
    another query can ask whether one exists without a query of its own)."""
    from django.db.models import Q
    from django.utils import timezone

    now = timezone.now()
    return Sanction.objects.filter(
        member=member,
        kind__in=Sanction.RESTRICTING,
        lifted_at__isnull=True,
        starts_at__lte=now,
    ).filter(Q(ends_at__isnull=True) | Q(ends_at__gt=now))


def restriction_for(user: Any) -> Sanction | None:
    """The silence or suspension in force for `user` (suspension first), or None.
    One query per user object (cached on it for the request)."""
    if not getattr(user, "is_authenticated", False) or user.pk is None:
        return None
    if not hasattr(user, "_restriction_cache"):
        found = (
            restrictions_in_force(member=user.pk)
            .order_by("-kind", "-starts_at")  # "suspension" sorts after "silence"
            .first()
        )
        user._restriction_cache = found
    cached: Sanction | None = user._restriction_cache
    return cached


def is_suspended(user: Any) -> bool:
    found = restriction_for(user)
    return found is not None and found.kind == Sanction.Kind.SUSPENSION


def restriction_message(user: Any) -> str:
    """What the member is told when they try to post while restricted ("" when free)."""
    found = restriction_for(user)
    if found is None:
        return ""
    if found.ends_at:
        from django.utils import timezone

        ends = timezone.localtime(found.ends_at)
        until = f"until {ends:%-d %B %Y, %H:%M} ({ends.tzname()})"
    else:
        until = "until a moderator lifts it"
    if found.kind == Sanction.Kind.SUSPENSION:
        return f"Your account is suspended {until}. Your notices page says why and how to appeal."
    return (
        f"A moderator has paused your posting {until}. "
        "Your notices page says why and how to appeal."
    )


# --- the rest of the queue: appeals, and who has claimed what ----------------------------------


def open_appeals(*, moderator: Any, limit: int = 50) -> list[Notice]:
    """Appeals waiting for a decision, oldest first."""
    return list(
        Notice.objects.filter(appeal_state=Notice.Appeal.OPEN)
        .select_related("member", "created_by", "sanction")
        .order_by("appealed_at", "id")[:limit]
    )


def attach_claims(items: list[Any]) -> None:
    """Set `.claimed_by` (a user or None) on each queue item: one query for all of them."""
    from datetime import timedelta

    from django.contrib.contenttypes.models import ContentType
    from django.db.models import Q
    from django.utils import timezone

    from moderation.services import CLAIM_MINUTES

    if not items:
        return
    keys = {(ContentType.objects.get_for_model(item).pk, item.pk) for item in items}
    wanted = Q()
    for content_type_id, object_id in keys:
        wanted |= Q(content_type_id=content_type_id, object_id=object_id)
    fresh_after = timezone.now() - timedelta(minutes=CLAIM_MINUTES)
    claims = {
        (claim.content_type_id, claim.object_id): claim.moderator
        for claim in Claim.objects.filter(wanted, claimed_at__gt=fresh_after).select_related(
            "moderator"
        )
    }
    for item in items:
        key = (ContentType.objects.get_for_model(item).pk, item.pk)
        item.claimed_by = claims.get(key)


# --- context for a case or a member ---------------------------------------------------------

RECENT_POSTS = 10
AROUND = 3


def _around(siblings: Any, content: Any) -> list[Any]:
    """`content` with up to AROUND of its `siblings` before and after it, in order."""
    siblings = siblings.select_related("author")
    before = list(siblings.filter(pk__lt=content.pk).order_by("-pk")[:AROUND])
    after = list(siblings.filter(pk__gt=content.pk).order_by("pk")[:AROUND])
    return [*reversed(before), content, *after]


def thread_around(*, content: Any) -> list[Any]:
    """The conversation around a reply or live message (a few before and after), or a
    thread's first replies. Moderators see every state."""
    from groups.models import LiveMessage, Reply, Thread

    if isinstance(content, Reply):
        return _around(Reply.objects.filter(thread_id=content.thread_id), content)
    if isinstance(content, LiveMessage):
        return _around(LiveMessage.objects.filter(group_id=content.group_id), content)
    if isinstance(content, Thread):
        replies = Reply.objects.filter(thread=content).select_related("author")
        return [content, *replies.order_by("pk")[:AROUND]]
    return [content]


CASE_CONTEXT_ITEMS = 10  # the newest items of a case shown with the conversation around them


def case_items(*, case: Any) -> list[Any]:
    """The case's items, oldest first, each with its post `loaded` (with what its link needs)
    and, for the newest CASE_CONTEXT_ITEMS, the conversation `around` it. A fixed number of
    queries however long the case grows; older items keep a link to their conversation."""
    from django.contrib.contenttypes.prefetch import GenericPrefetch

    from groups.models import LiveMessage, Reply, Thread

    posts = GenericPrefetch(
        "content",
        [
            Thread.objects.select_related("group", "author"),
            Reply.objects.select_related("thread__group", "author"),
            LiveMessage.objects.select_related("group", "author"),
        ],
    )
    items = list(case.items.select_related("content_type").prefetch_related(posts))
    first_with_context = len(items) - CASE_CONTEXT_ITEMS
    for index, item in enumerate(items):
        item.loaded = item.content
        item.around = (
            thread_around(content=item.content)
            if item.content is not None and index >= first_with_context
            else []
        )
    return items


def member_context(*, subject: Any, exclude_case: Any = None) -> dict[str, Any]:
    """What a moderator needs to know about a member: recent posts (threads, replies, live
    messages) in every group, earlier cases, private notes, sanctions, notices and group
    memberships. A fixed number of queries."""
    from groups.models import LiveMessage, Membership, Reply, Thread

    if subject is None:
        return {}
    threads = list(
        Thread.objects.filter(author=subject)
        .select_related("group")
        .order_by("-created_at", "-id")[:RECENT_POSTS]
    )
    replies = list(
        Reply.objects.filter(author=subject)
        .select_related("thread__group")
        .order_by("-created_at", "-id")[:RECENT_POSTS]
    )
    live = list(
        LiveMessage.objects.filter(author=subject)
        .select_related("group")
        .order_by("-created_at", "-id")[:RECENT_POSTS]
    )
    posts: list[Any] = [*threads, *replies, *live]
    kinds = {Thread: 0, Reply: 1, LiveMessage: 2}
    recent = sorted(
        posts, key=lambda post: (post.created_at, kinds[type(post)], post.pk), reverse=True
    )
    cases = Case.objects.filter(subject=subject).order_by("-opened_at", "-id")
    if exclude_case is not None:
        cases = cases.exclude(pk=exclude_case.pk)
    return {
        "subject": subject,
        "recent_posts": recent[:RECENT_POSTS],
        "earlier_cases": list(cases[:20]),
        "notes": list(MemberNote.objects.filter(subject=subject).select_related("author")[:50]),
        "sanctions": list(
            Sanction.objects.filter(member=subject).select_related("group", "created_by")[:50]
        ),
        "memberships": list(
            Membership.objects.filter(user=subject, status=Membership.Status.ACTIVE)
            .select_related("group")
            .order_by("group__name")
        ),
    }


def notices_for(*, member: Any) -> list[Notice]:
    return list(Notice.objects.filter(member=member).select_related("content_type")[:100])


def unread_notice_count(*, member: Any) -> int:
    return Notice.objects.filter(member=member, read_at__isnull=True).count()


# --- statistics for the moderators' dashboard -------------------------------------------------

HELD_POST_OVERDUE_HOURS = 24
APPEAL_OVERDUE_HOURS = 48


def _percentile(values: list[float], fraction: float) -> float | None:
    """Nearest-rank percentile of `values` (None when empty)."""
    if not values:
        return None
    ordered = sorted(values)
    rank = max(1, -(-int(fraction * 100) * len(ordered) // 100))  # ceil(fraction * n)
    return ordered[min(rank, len(ordered)) - 1]


def moderation_stats(*, now: Any = None) -> dict[str, Any]:
    """Open cases by level, time to acknowledge this week, queue size by group, the detector's
    false-alarm rate (last 30 days) and overdue items. A fixed number of queries."""
    from datetime import timedelta

    from django.db.models import Count
    from django.utils import timezone

    from groups.models import Group, LiveMessage, PostState, Reply, Thread
    from moderation.models import Report
    from supportnet.core.instance import current

    now = now or timezone.now()
    open_by_level = dict(
        Case.objects.filter(state__in=Case.ACTIVE_STATES)
        .values_list("level")
        .annotate(n=Count("id"))
        .values_list("level", "n")
    )
    week = Case.objects.filter(
        opened_at__gte=now - timedelta(days=7), acknowledged_at__isnull=False
    ).values_list("level", "opened_at", "acknowledged_at")
    waits: dict[str, list[float]] = {}
    for level, opened, acknowledged in week:
        if acknowledged is None:
            continue
        seconds = max(0.0, (acknowledged - opened).total_seconds())
        waits.setdefault(level, []).append(seconds)
        waits.setdefault("all", []).append(seconds)
    acknowledge = {
        level: {
            "count": len(values),
            "p50": _percentile(values, 0.50),
            "p95": _percentile(values, 0.95),
        }
        for level, values in waits.items()
    }
    closed = (
        Case.objects.filter(
            closed_at__gte=now - timedelta(days=30),
            level__in=(Case.Level.CRISIS, Case.Level.CONCERN),
        )
        # The detector's record: cases it opened from a post, not a member asking for a
        # moderator to reach out (which has no post).
        .filter(Exists(CaseItem.objects.filter(case=OuterRef("pk"))))
        .values_list("level", "state")
        .annotate(n=Count("id"))
        .values_list("level", "state", "n")
    )
    detector: dict[str, dict[str, Any]] = {}
    for level, state, n in closed:
        row = detector.setdefault(level, {"closed": 0, "false_alarms": 0})
        row["closed"] += n
        if state == Case.State.FALSE_ALARM:
            row["false_alarms"] += n
    for row in detector.values():
        row["rate"] = row["false_alarms"] / row["closed"] if row["closed"] else None

    # Queue size by group: active cases (through their items), held posts and open reports.
    by_group: dict[int, dict[str, int]] = {}

    def add(rows: QuerySet[Any], key: str, *, group: str = "group_id", n: Any = None) -> None:
        """Count `rows` per group (by `group`, with `n`: one row each by default) into `key`."""
        counted = rows.values_list(group).annotate(n=n or Count("id")).values_list(group, "n")
        for group_id, count in counted:
            if group_id is not None:
                by_group.setdefault(group_id, {"cases": 0, "held": 0, "reports": 0})[key] += count

    active_items = CaseItem.objects.filter(case__state__in=Case.ACTIVE_STATES)
    add(active_items, "cases", n=Count("case_id", distinct=True))
    add(Thread.objects.filter(state=PostState.PENDING), "held")
    add(Reply.objects.filter(state=PostState.PENDING), "held", group="thread__group_id")
    add(LiveMessage.objects.filter(state=PostState.PENDING), "held")
    add(Report.objects.filter(state=Report.State.OPEN), "reports")
    names = dict(Group.objects.filter(pk__in=by_group).values_list("pk", "name"))
    queue_by_group: list[dict[str, Any]] = sorted(
        (
            {"group": names.get(group_id, "—"), **counts, "total": sum(counts.values())}
            for group_id, counts in by_group.items()
        ),
        key=lambda row: (-int(row["total"]), str(row["group"])),
    )

    # Overdue: unacknowledged cases past their first escalation, old held posts, reports and
    # appeals.
    first_step = {
        level: timedelta(seconds=delays[0])
        for level, delays in current().escalation_seconds.items()
        if delays
    }
    unacknowledged = Case.objects.filter(state__in=Case.UNACKNOWLEDGED_STATES).values_list(
        "level", "opened_at"
    )
    overdue_cases = sum(
        1
        for level, opened in unacknowledged
        if level in first_step and opened <= now - first_step[level]
    )
    held_before = now - timedelta(hours=HELD_POST_OVERDUE_HOURS)
    overdue = {
        "cases": overdue_cases,
        "held_posts": Thread.objects.filter(
            state=PostState.PENDING, created_at__lte=held_before
        ).count()
        + Reply.objects.filter(state=PostState.PENDING, created_at__lte=held_before).count()
        + LiveMessage.objects.filter(state=PostState.PENDING, created_at__lte=held_before).count(),
        "reports": Report.objects.filter(
            state=Report.State.OPEN,
            created_at__lte=now - first_step.get("report", timedelta(hours=12)),
        ).count(),
        "appeals": Notice.objects.filter(
            appeal_state=Notice.Appeal.OPEN,
            appealed_at__lte=now - timedelta(hours=APPEAL_OVERDUE_HOURS),
        ).count(),
    }
    return {
        "open_by_level": [
            (label, open_by_level.get(level, 0)) for level, label in Case.Level.choices
        ],
        "acknowledge": acknowledge,
        "detector": detector,
        "queue_by_group": queue_by_group,
        "overdue": overdue,
    }

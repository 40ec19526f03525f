"""Reads for group pages. Each does its own joins; tests pin their query counts."""

from dataclasses import dataclass, field
from typing import Any

from django.core.paginator import Page, Paginator
from django.db.models import Count, Exists, OuterRef, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce

from groups import catch_up
from groups.models import (
    Block,
    Group,
    LiveMessage,
    Membership,
    PostState,
    Reaction,
    Reply,
    Thread,
    ThreadRead,
)
from supportnet.core.ids import parse_id

THREADS_PER_PAGE = 25
REPLIES_PER_PAGE = 50


def blocked_ids(viewer: Any) -> QuerySet[Block, int]:
    """Ids of members the viewer blocked, as a subquery (never evaluated on its own)."""
    return Block.objects.filter(blocker=viewer.pk).values_list("blocked_id", flat=True)


def _visible_to(viewer: Any) -> Q:
    """Visible posts, plus the viewer's own posts that wait for review."""
    visible = Q(state=PostState.VISIBLE)
    if getattr(viewer, "is_authenticated", False):
        visible |= Q(state=PostState.PENDING, author=viewer.pk)
    return visible


def group_directory(*, viewer: Any, query: str = "", topic: str = "") -> QuerySet[Group]:
    """Listed groups (and the viewer's own), searchable by name, description or topic."""
    groups = Group.objects.all()
    listed = Q(visibility=Group.Visibility.LISTED)
    if getattr(viewer, "is_authenticated", False):
        listed |= Q(
            memberships__user=viewer.pk,
            memberships__status__in=[Membership.Status.ACTIVE, Membership.Status.PENDING],
        )
    groups = groups.filter(listed)
    if query:
        groups = groups.filter(Q(name__icontains=query) | Q(description__icontains=query))
    if topic:
        groups = groups.filter(topics__icontains=f'"{topic}"')
    if getattr(viewer, "is_authenticated", False):
        mine = Membership.objects.filter(
            group=OuterRef("pk"), user=viewer.pk, status=Membership.Status.ACTIVE
        )
        groups = groups.annotate(is_member=Exists(mine))
    return groups.distinct().order_by("name")


def _with_seen_up_to(threads: QuerySet[Thread], viewer: Any) -> QuerySet[Thread]:
    """Annotate `seen_up_to`: how far the viewer has read each thread (None: never opened)."""
    seen = ThreadRead.objects.filter(user=viewer.pk, thread=OuterRef("pk")).values("seen_up_to")
    return threads.annotate(seen_up_to=Subquery(seen[:1]))


def group_threads(*, group: Group, viewer: Any) -> QuerySet[Thread]:
    threads = group.threads.filter(_visible_to(viewer)).select_related("author")
    if getattr(viewer, "is_authenticated", False):
        threads = _with_seen_up_to(threads.exclude(author__in=blocked_ids(viewer)), viewer)
        # The latest reply the viewer would see in the thread: visible, not their own, not by
        # someone they blocked. "New" follows it, never the thread's overall activity, which
        # would tell a member that someone they blocked is posting.
        shown = Coalesce("published_at", "created_at")
        newest = (
            Reply.objects.filter(thread=OuterRef("pk"), state=PostState.VISIBLE)
            .exclude(author=viewer.pk)
            .exclude(author__in=blocked_ids(viewer))
            .annotate(shown=shown)
            .order_by("-shown")
            .values("shown")
        )
        threads = threads.annotate(newest_reply_at=Subquery(newest[:1]))
    return threads.order_by("-last_activity_at", "-id")


def mark_unread(threads: list[Thread], *, since: Any) -> None:
    """Set `is_unread` on each thread: replies the viewer would see and hasn't. A thread never
    opened counts if it (or a reply) appeared after `since` (when the viewer joined), so a new
    member isn't greeted by every old conversation marked new."""
    for thread in threads:
        seen = getattr(thread, "seen_up_to", None)
        newest = getattr(thread, "newest_reply_at", None)
        if seen is None:
            appeared = thread.published_at or thread.created_at
            latest = max(appeared, newest) if newest else appeared
            thread.is_unread = since is not None and latest > since
        else:
            thread.is_unread = newest is not None and newest > seen


# What the reply partial reads (see groups/fragments.py): the author row is large (password
# hash, email, settings) and only its pseudonym is shown.
_REPLY_FIELDS = (
    "id",
    "thread_id",
    "author_id",
    "author__pseudonym",
    "body_html",
    "content_warning",
    "content_warning_text",
    "state",
    "created_at",
    "published_at",
    "edited_at",
    "moderator_note",
)


def thread_replies(*, thread: Thread, viewer: Any) -> QuerySet[Reply]:
    replies = thread.replies.filter(_visible_to(viewer)).select_related("author")
    if getattr(viewer, "is_authenticated", False):
        replies = replies.exclude(author__in=blocked_ids(viewer))
    return replies.only(*_REPLY_FIELDS).order_by("created_at", "id")


def unreacted_reply(*, thread: Thread, reply_id: int) -> Reply | None:
    """A visible reply of `thread` (itself still visible) that nobody has reacted to, with its
    (empty) reaction summary attached: as every signed-in reader but its author sees it. None
    otherwise."""
    reply = (
        thread.replies.filter(pk=reply_id, state=PostState.VISIBLE, thread__state=PostState.VISIBLE)
        .exclude(Exists(Reaction.objects.filter(reply=OuterRef("pk"))))
        .select_related("author")
        .only(*_REPLY_FIELDS)
        .first()
    )
    if reply is not None:
        reply.reaction_summary = [(kind, label, 0, False) for kind, label in Reaction.Kind.choices]
    return reply


def reply_page(replies: QuerySet[Reply], wanted: str | None) -> Page[Reply]:
    """The page of `replies` asked for by the `page` parameter: a number, "last", or nothing
    for the first; anything else is read as Django's `Paginator.get_page` reads it.

    A page asked for by number (or the first page) is read with one row more than it shows:
    when no row is left over, it is the last page and the rows already tell how many replies
    there are, so a thread of one page (most of them) needs no COUNT query. When more pages
    follow, the pager counts them ("Page 2 of 7"); for "last" or a page out of range it counts
    first, as Django's does."""
    per_page = REPLIES_PER_PAGE
    paginator = Paginator(replies, per_page)
    plain = wanted is not None and wanted.isascii() and wanted.isdigit() and len(wanted) < 7
    number = int(wanted) if plain and wanted else 1 if not wanted else None
    if number is not None and number >= 1:
        bottom = (number - 1) * per_page
        rows = list(replies[bottom : bottom + per_page + 1])
        if len(rows) > per_page:  # more pages follow: count them (one query, as before)
            return Page(rows[:per_page], number, paginator)
        if rows or number == 1:
            paginator.__dict__["count"] = bottom + len(rows)  # the pager's cached count
            return Page(rows, number, paginator)
    return paginator.get_page(paginator.num_pages if wanted == "last" else wanted)


def thread_for_viewer(*, group: Group, thread_id: int, viewer: Any) -> Thread | None:
    """The thread if the viewer may see it: visible (or their own pending one) and not by
    someone they blocked. One query."""
    threads = Thread.objects.filter(group=group, pk=thread_id).filter(_visible_to(viewer))
    if getattr(viewer, "is_authenticated", False):
        threads = _with_seen_up_to(
            threads.exclude(
                Exists(Block.objects.filter(blocker=viewer.pk, blocked=OuterRef("author_id")))
            ),
            viewer,
        )
    thread = threads.select_related("author").first()
    if thread is not None:
        thread.group = group
    return thread


def group_for_viewer(*, viewer: Any, slug: str) -> Group | None:
    """The group named by `slug`, with the viewer's membership of it, in one query.

    The same query answers what a group's pages ask next, so they need no query of their own
    for it: `permissions.membership_of` (cached on the viewer), whether a silence or suspension
    is in force (`moderation.selectors.restriction_for` only queries when one is) and the
    unread count in the page header. For someone with no membership (or not signed in) the
    group is read on its own: a second query."""
    from groups import context_processors, permissions
    from moderation.selectors import restrictions_in_force

    if getattr(viewer, "is_authenticated", False):
        notifications_n, notices_n = context_processors.unread_expressions(OuterRef("user"))
        membership = (
            Membership.objects.filter(user=viewer.pk, group__slug=slug)
            .select_related("group")
            .annotate(
                restricted=Exists(restrictions_in_force(member=OuterRef("user"))),
                unread_n=notifications_n,
                unread_m=notices_n,
            )
            .first()
        )
        if membership is not None:
            permissions.remember_membership(viewer, membership.group_id, membership)
            if not getattr(membership, "restricted", True):
                viewer._restriction_cache = None
            setattr(
                viewer,
                context_processors.PREFETCHED,
                getattr(membership, "unread_n", 0) + getattr(membership, "unread_m", 0),
            )
            return membership.group
    group = Group.objects.filter(slug=slug).first()
    if group is not None and getattr(viewer, "is_authenticated", False):
        permissions.remember_membership(viewer, group.pk, None)  # the query above found none
    return group


def pending_requests(*, group: Group) -> QuerySet[Membership]:
    return (
        group.memberships.filter(status=Membership.Status.PENDING, invited_by__isnull=True)
        .select_related("user")
        .order_by("created_at", "pk")
    )


def group_members(*, group: Group) -> QuerySet[Membership]:
    """The group's members, in the order they joined (a fixed order: the list must not move
    when a membership row changes, e.g. a member mutes the group)."""
    return (
        group.memberships.exclude(status=Membership.Status.PENDING)
        .select_related("user")
        .order_by("created_at", "pk")
    )


def attach_reactions(*, thread: Thread, replies: list[Reply], viewer: Any) -> None:
    """Give the thread and each reply a `reaction_summary`: (kind, label, count, mine) tuples.

    One query whatever the number of replies. Reactions of members the viewer blocked don't
    count."""
    rows = Reaction.objects.filter(Q(thread=thread) | Q(reply__in=[r.pk for r in replies]))
    viewer_id = viewer.pk if getattr(viewer, "is_authenticated", False) else None
    if viewer_id is not None:
        rows = rows.exclude(user__in=blocked_ids(viewer))
    counts: dict[tuple[str, int, str], tuple[int, bool]] = {}
    summary = rows.values("thread_id", "reply_id", "kind").annotate(
        n=Count("id"), mine=Count("id", filter=Q(user=viewer_id))
    )
    for row in summary:
        key = ("t", row["thread_id"]) if row["thread_id"] else ("r", row["reply_id"])
        counts[(*key, row["kind"])] = (row["n"], bool(row["mine"]))
    kinds = Reaction.Kind.choices  # built anew on each access: once per page is enough
    for prefix, post in (("t", thread), *(("r", reply) for reply in replies)):
        post.reaction_summary = [
            (kind, label, *counts.get((prefix, post.pk, kind), (0, False))) for kind, label in kinds
        ]


# What `find_post` returns: the post, and what it lives in (its thread, or for a live message
# the message itself, which knows its group and links to its place in the room).
FoundPost = tuple[Thread | Reply | LiveMessage, Thread | LiveMessage]
POST_KINDS = ("thread", "reply", "live")


def find_post(*, kind: str, post_id: int | str) -> FoundPost | None:
    """A thread, reply or live message named by kind ("thread", "reply" or "live") and id,
    with its thread (a live message: itself) and group loaded, or None. Takes the id as it came
    in a URL or form."""
    pk = parse_id(post_id)
    if kind not in POST_KINDS or pk is None:
        return None
    if kind == "thread":
        thread = Thread.objects.select_related("group").filter(pk=pk).first()
        return None if thread is None else (thread, thread)
    if kind == "live":
        message = LiveMessage.objects.select_related("group", "author").filter(pk=pk).first()
        return None if message is None else (message, message)
    reply = Reply.objects.select_related("thread__group").filter(pk=pk).first()
    return None if reply is None else (reply, reply.thread)


def find_visible_post(*, kind: str, post_id: int | str, viewer: Any) -> FoundPost | None:
    """Like `find_post`, but only what the viewer can see on the thread or room page."""
    from groups.permissions import can_read

    found = find_post(kind=kind, post_id=post_id)
    if found is None:
        return None
    post, thread = found
    if not can_read(viewer, thread.group):
        return None
    if isinstance(thread, LiveMessage):
        # As the room shows it: visible, and not by someone the viewer blocked.
        blocked = Block.objects.filter(blocker=viewer.pk, blocked=thread.author_id).exists()
        return found if thread.state == PostState.VISIBLE and not blocked else None
    if thread_for_viewer(group=thread.group, thread_id=thread.pk, viewer=viewer) is None:
        return None
    if (
        isinstance(post, Reply)
        and not thread_replies(thread=thread, viewer=viewer).filter(pk=post.pk).exists()
    ):
        return None
    return found


ROOM_HISTORY = 50


def room_messages(*, group: Group, viewer: Any, since: int | None = None) -> list[Any]:
    """The last 50 visible messages (or every one after `since`, up to 200), oldest first,
    without those of members the viewer blocked."""
    messages = LiveMessage.objects.filter(group=group, state=PostState.VISIBLE).select_related(
        "author"
    )
    if getattr(viewer, "is_authenticated", False):
        messages = messages.exclude(author__in=blocked_ids(viewer))
    if since is not None:
        return list(messages.filter(pk__gt=since).order_by("id")[:200])
    return list(reversed(messages.order_by("-id")[:ROOM_HISTORY]))


# --- catching up after a dropped connection ----------------------------------------------------
#
# A live page keeps a cursor (`groups.catch_up`): every change after it that the page would
# show its reader comes in one answer when the page (re)connects.

ROOM_SYNC_LIMIT = 200  # more changes than this to send: the client gets the latest 50 instead
THREAD_SYNC_LIMIT = 200  # more than this: the client gets the thread's last page instead


@dataclass
class RoomChanges:
    """What a socket is sent to catch up: messages to show (oldest first), ids of messages to
    take away, and its new cursor. `reset`: too much changed; `messages` are the room's
    latest, as on a fresh page, to show instead of everything the client has."""

    cursor: int
    messages: list[Any] = field(default_factory=list)
    removed: list[int] = field(default_factory=list)
    reset: bool = False


def room_changes(*, group: Group, viewer: Any, cursor: int, have: list[int]) -> RoomChanges:
    """Every change to the room after `cursor` that the viewer may see, in one query (two when
    too much changed): messages that became visible (sent, approved, restored) and are not in
    `have`, the ids the client already shows; and ids of messages that were visible and were
    hidden since. Never a message the page would not show the viewer: held, hidden, or by a
    member they blocked (whose hiding is not sent either)."""
    next_cursor = catch_up.cursor()  # before the query: what commits during it comes next time
    rows = list(
        LiveMessage.objects.filter(group=group, changed_at__gt=catch_up.moment(cursor))
        .exclude(author__in=blocked_ids(viewer))
        .exclude(state=PostState.VISIBLE, pk__in=have)
        .select_related("author")
        .order_by("id")[: ROOM_SYNC_LIMIT + 1]
    )
    if len(rows) > ROOM_SYNC_LIMIT:
        return RoomChanges(
            cursor=next_cursor, messages=room_messages(group=group, viewer=viewer), reset=True
        )
    return RoomChanges(
        cursor=next_cursor,
        messages=[m for m in rows if m.state == PostState.VISIBLE],
        removed=[m.pk for m in rows if m.state != PostState.VISIBLE],
    )


@dataclass
class ThreadChanges:
    """What a thread page's socket is sent to catch up: replies to show (in the page's order),
    ids of replies to take away, and its new cursor. `reset`: too much changed; `replies` are
    the thread's last page, as a reload would show it, to show instead of everything the
    client has, and `page_from` is where that page starts (0: the first page)."""

    cursor: int
    replies: list[Reply] = field(default_factory=list)
    removed: list[int] = field(default_factory=list)
    reset: bool = False
    page_from: int = 0


def _shown_on_page(reply: Reply, viewer: Any) -> bool:
    """Would the thread page show the reader this reply (blocks aside)? As `_visible_to`."""
    return reply.state == PostState.VISIBLE or (
        reply.state == PostState.PENDING and reply.author_id == viewer.pk
    )


def thread_changes(
    *, thread: Thread, viewer: Any, cursor: int, have: list[int], page_from: int = 0
) -> ThreadChanges:
    """Every change to the thread's replies after `cursor` that the viewer's page would show,
    in one query (three when too much changed): replies that came into view (posted, approved,
    restored) and are not in `have`, the ids the client already shows; and ids of replies
    that were in view and left it since (hidden, deleted, held again after an edit). Only
    replies from `page_from` (the id of the first reply on the reader's page; 0 for the first
    page) on: a reply that takes its place on an earlier page stays there, as on a reload.
    Never a reply the page would not show: someone else's held reply, a hidden or deleted
    one, or one by a member the viewer blocked (whose leaving is not sent either). The caller
    checks that the viewer may still read the thread."""
    next_cursor = catch_up.cursor()  # before the query: what commits during it comes next time
    rows = list(
        thread.replies.filter(changed_at__gt=catch_up.moment(cursor), pk__gte=page_from)
        .exclude(author__in=blocked_ids(viewer))
        .exclude(_visible_to(viewer), pk__in=have)
        .select_related("author")
        .only(*_REPLY_FIELDS)
        .order_by("created_at", "id")[: THREAD_SYNC_LIMIT + 1]
    )
    shown = set(have)
    if len(rows) > THREAD_SYNC_LIMIT:
        page = reply_page(thread_replies(thread=thread, viewer=viewer), "last")
        replies = list(page.object_list)
        start = replies[0].pk if page.number > 1 and replies else 0
        return ThreadChanges(cursor=next_cursor, replies=replies, reset=True, page_from=start)
    return ThreadChanges(
        cursor=next_cursor,
        replies=[r for r in rows if _shown_on_page(r, viewer)],
        # only what the page has: a held reply taken down was never on anyone else's
        removed=[r.pk for r in rows if not _shown_on_page(r, viewer) and r.pk in shown],
        page_from=page_from,
    )

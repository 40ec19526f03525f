"""Live updates of a thread: new replies appear for its readers without a reload.

The socket only ever carries what the page would show: each reader is checked (may still read
the group, has not blocked the author) before a reply goes out, and a reply is rendered as
that reader's page would render it — once for all readers when nothing in it depends on the
reader. On every (re)connect the client catches up from the cursor it was last given
(`groups.catch_up`): replies that came into view while it was away, wherever they fall, and
the ids of those that left it, so nothing is lost across a dropped connection.
"""

import asyncio
from typing import Any

from channels.db import database_sync_to_async
from channels.generic.websocket import AsyncJsonWebsocketConsumer
from django.urls import reverse

from groups import catch_up, fragments, help_panel, permissions, selectors
from groups.events import render_live_message, room_group, thread_group
from groups.models import Group, PostState, Thread
from supportnet.core.consumers import CLOSE_UNAUTHENTICATED, user_group

CLOSE_NO_ACCESS = 4403
CATCH_UP_LIMIT = 200


class GroupSocket(AsyncJsonWebsocketConsumer):
    """What every group socket shares: sign-in and membership checked on connect (and again
    by subclasses on every message), the member's own channel joined so a removed or banned
    member's sockets close, and clean leaving."""

    group_id: int
    groups_joined: tuple[str, ...] = ()

    async def target_channel(self) -> str | None:
        """Load what the socket is about and return its channel group name; None refuses the
        socket. Each subclass says what it serves; the base serves nothing."""
        return None

    async def connect(self) -> None:
        user = self.scope.get("user")
        if user is None or not user.is_authenticated:
            await self.close(code=CLOSE_UNAUTHENTICATED)
            return
        channel = await self.target_channel()
        if channel is None:
            await self.close(code=CLOSE_NO_ACCESS)
            return
        self.groups_joined = (channel, user_group(user.pk))
        for name in self.groups_joined:
            await self.channel_layer.group_add(name, self.channel_name)
        await self.accept()

    async def disconnect(self, code: int) -> None:
        for name in self.groups_joined:
            await self.channel_layer.group_discard(name, self.channel_name)

    async def membership_ended(self, event: dict[str, Any]) -> None:
        if event.get("all_groups") or event.get("group_id") == self.group_id:
            await self.close(code=CLOSE_NO_ACCESS)

    async def user_event(self, event: dict[str, Any]) -> None:
        """Member-wide notifications travel on the member's own stream, not here."""
        return

    def still_allowed(self, author_id: int | None = None) -> bool:
        """Before each message: may the member still read the group (fresh rows, one query),
        and, for a message by `author_id`, have they not blocked its author? The answers the
        connect-time checks cached on the user are dropped, so what follows sees fresh ones."""
        user = self.scope["user"]
        user._membership_cache = {}
        user.__dict__.pop("_restriction_cache", None)
        user.__dict__.pop("_mfa_cache", None)
        found = permissions.live_readers(
            user_ids=[user.pk], group_id=self.group_id, author_id=author_id
        )
        return user.pk in found


class _LiveDeliveryChecks:
    """The per-message check of a live room or thread, for all its listeners in this process
    at once.

    A message reaches every listening socket of the process at about the same moment; each
    asks whether its member may have it, and the questions asked within `WINDOW` seconds of
    the first are answered by one query (`permissions.live_readers`) instead of one each.
    Nothing is cached: every message is checked against fresh rows. If the query fails, every
    waiting socket gets the error, as if it had asked alone (it closes, and the page's script
    reconnects and catches up from its last message)."""

    WINDOW = 0.002
    CHUNK = 500  # ids per query

    def __init__(self) -> None:
        self._waiting: dict[tuple[Any, ...], dict[int, asyncio.Future[bool]]] = {}

    async def allowed(
        self,
        *,
        user_id: int,
        group_id: int,
        message: tuple[str, int],
        author_id: int | None,
        starter_id: int | None = None,
    ) -> bool:
        """May `user_id` have `message` (its kind and id), written by `author_id` (in a thread
        started by `starter_id`)?"""
        loop = asyncio.get_running_loop()
        key = (id(loop), group_id, message, author_id, starter_id)
        batch = self._waiting.get(key)
        if batch is None:
            batch = self._waiting[key] = {}
            loop.call_later(self.WINDOW, lambda: loop.create_task(self._answer(key)))
        if user_id not in batch:
            batch[user_id] = loop.create_future()
        return await asyncio.shield(batch[user_id])

    async def _answer(self, key: tuple[Any, ...]) -> None:
        batch = self._waiting.pop(key)
        _, group_id, _, author_id, starter_id = key
        ids = list(batch)
        try:
            found: set[int] = set()
            for start in range(0, len(ids), self.CHUNK):
                found |= await database_sync_to_async(permissions.live_readers)(
                    user_ids=ids[start : start + self.CHUNK],
                    group_id=group_id,
                    author_id=author_id,
                    starter_id=starter_id,
                )
        except Exception as error:  # each socket fails as it would have alone
            for future in batch.values():
                if not future.done():
                    future.set_exception(error)
            return
        for user_id, future in batch.items():
            if not future.done():
                future.set_result(user_id in found)


_live_checks = _LiveDeliveryChecks()


class _SharedReplies:
    """A new reply as every reader other than its author sees it, loaded and rendered once per
    process for all the thread's listening sockets (they ask within moments of each other).

    Only a visible reply nobody has reacted to yet qualifies — what a newly published reply is:
    then nothing in its HTML depends on the reader (reaction counts and "mine" would, as would
    being its author). Otherwise the answer is None and each socket renders for its reader."""

    KEEP = 2.0  # seconds an answer is kept for sockets still asking

    def __init__(self) -> None:
        self._answers: dict[tuple[int, int], asyncio.Task[str | None]] = {}

    async def html(self, *, thread: Thread, reply_id: int) -> str | None:
        loop = asyncio.get_running_loop()
        key = (id(loop), reply_id)
        task = self._answers.get(key)
        if task is None:
            task = loop.create_task(database_sync_to_async(self._render)(thread, reply_id))
            self._answers[key] = task
            loop.call_later(self.KEEP, lambda: self._answers.pop(key, None))
        return await asyncio.shield(task)

    @staticmethod
    def _render(thread: Thread, reply_id: int) -> str | None:
        reply = selectors.unreacted_reply(thread=thread, reply_id=reply_id)
        if reply is None:
            return None
        # Any signed-in reader who is not the author: the HTML depends on nothing more.
        return fragments.render_replies(
            [reply], viewer_id=NOT_THE_AUTHOR, csrf_token="", here=thread.get_absolute_url()
        )


NOT_THE_AUTHOR = -1  # a signed-in reader (a true value) who wrote nothing: no user has id -1
_shared_replies = _SharedReplies()


class ThreadConsumer(GroupSocket):
    """A thread page's socket (the page's last page only). On every (re)connect the client
    sends the cursor it was last given (the page issues the first), the ids it shows and where
    its page starts (`from`: the first reply's id, 0 on the first page); it gets every change
    since that its page would show: replies posted, approved or restored that it lacks, and
    the ids of replies hidden or deleted (`selectors.thread_changes`). Pushes carry a cursor
    too, and follow the same page rule."""

    thread: Thread
    # Where the reader's page starts (an id; 0: the first page). A reply with a lower id takes
    # its place on an earlier page, so neither a push nor a catch-up adds it to this one.
    page_from: int = 0

    async def target_channel(self) -> str | None:
        thread = await self._readable_thread(int(self.scope["url_route"]["kwargs"]["thread_id"]))
        if thread is None:
            return None
        self.thread, self.group_id = thread, thread.group_id
        return thread_group(thread.pk)

    async def receive_json(self, content: Any, **kwargs: Any) -> None:
        """A catch-up request (`{"cursor", "have", "from"}`) gets one "sync" answer. Pages
        loaded before cursors existed say which reply they saw last (`{"since": id}`) and get
        every newer one they may see, as before."""
        if not isinstance(content, dict):
            return
        if "cursor" in content:
            request = catch_up.request_from(content)
            if request is None:
                return
            page_from = content.get("from")  # a non-negative id, or the first page
            self.page_from = 0
            if isinstance(page_from, int) and catch_up.cursor_valid(page_from):
                self.page_from = page_from
            changes = await database_sync_to_async(self.changes_since)(request.cursor, request.have)
            if changes is not None:
                await self.send_json(changes)
            return
        since = content.get("since")
        if not isinstance(since, int) or since < 0:
            return
        for reply_id, html in await self._render_since(since):
            await self.send_json({"type": "reply", "id": reply_id, "html": html})

    async def reply_published(self, event: dict[str, Any]) -> None:
        """Checked for this reader (one query for all the process's listeners) and rendered
        once for every reader but the author; the author's own sockets, and a reply whose HTML
        would differ between readers, are rendered for the reader as the page would be."""
        reply_id, author_id = event["reply_id"], event.get("author_id")
        if reply_id < self.page_from:  # its place is on an earlier page than the reader's
            return
        user_id = self.scope["user"].pk
        rendered = None
        if author_id is not None and author_id != user_id:
            allowed = await _live_checks.allowed(
                user_id=user_id,
                group_id=self.group_id,
                message=("reply", reply_id),
                author_id=author_id,
                starter_id=self.thread.author_id,
            )
            if not allowed:
                return
            rendered = await _shared_replies.html(thread=self.thread, reply_id=reply_id)
        if rendered is None:
            rendered = await self._render_one(reply_id)
        if rendered is not None:
            await self.send_json(
                # events from servers before cursors existed carry none: the page keeps its own
                {"type": "reply", "id": reply_id, "html": rendered, "cursor": event.get("cursor")}
            )

    async def reply_removed(self, event: dict[str, Any]) -> None:
        """A visible reply left view (hidden, deleted, held again after an edit). Only readers
        who could have had it are told (the check a new reply gets), so its id reaches nobody
        who blocked its author or the thread's starter. Only the id travels."""
        reply_id = event["reply_id"]
        if reply_id < self.page_from:
            return
        own = event.get("author_id") == self.scope["user"].pk
        if event.get("state") == PostState.PENDING and own:
            return  # held again after their edit: its author still sees it, as on the page
        if event.get("author_only") and not own:
            return  # a held reply: nobody else's page has it
        allowed = await _live_checks.allowed(
            user_id=self.scope["user"].pk,
            group_id=self.group_id,
            message=("reply.removed", reply_id),
            author_id=event.get("author_id"),
            starter_id=self.thread.author_id,
        )
        if allowed:
            await self.send_json({"type": "removed", "id": reply_id, "cursor": event["cursor"]})

    # --- database work, with the same checks as the page -------------------------------------

    @database_sync_to_async
    def _readable_thread(self, thread_id: int) -> Thread | None:
        thread = Thread.objects.select_related("group").filter(pk=thread_id).first()
        if thread is None or not permissions.can_read(self.scope["user"], thread.group):
            return None
        return selectors.thread_for_viewer(
            group=thread.group, thread_id=thread_id, viewer=self.scope["user"]
        )

    def _render(self, reply: Any) -> str:
        selectors.attach_reactions(thread=self.thread, replies=[reply], viewer=self.scope["user"])
        return self._html(reply)

    def _html(self, reply: Any) -> str:
        """A reply (its reactions attached) as the reader's page renders it."""
        # No CSRF token over the socket: thread-live.js fills in the page's own token.
        return fragments.render_replies(
            [reply],
            viewer_id=self.scope["user"].pk,
            csrf_token="",
            here=self.thread.get_absolute_url(),
        )

    def _thread_still_readable(self) -> bool:
        """The page's check of the thread itself (still visible, not started by someone the
        reader has blocked since), from fresh rows."""
        user = self.scope["user"]
        return (
            self.still_allowed()
            and selectors.thread_for_viewer(
                group=self.thread.group, thread_id=self.thread.pk, viewer=user
            )
            is not None
        )

    @database_sync_to_async
    def _render_one(self, reply_id: int) -> str | None:
        if not self._thread_still_readable():
            return None
        replies = selectors.thread_replies(thread=self.thread, viewer=self.scope["user"])
        reply = replies.filter(pk=reply_id).first()
        return None if reply is None else self._render(reply)

    def changes_since(self, cursor: int, have: list[int]) -> dict[str, Any] | None:
        """The catch-up for this reader, from fresh rows, with the page's checks: three
        queries when nothing is to be shown (may the reader still read the group; the thread;
        the changes), four with replies to show (their reactions), six when too much changed
        and the thread's last page comes instead."""
        if not self._thread_still_readable():
            return None
        user = self.scope["user"]
        changes = selectors.thread_changes(
            thread=self.thread, viewer=user, cursor=cursor, have=have, page_from=self.page_from
        )
        self.page_from = changes.page_from
        if changes.replies:
            selectors.attach_reactions(thread=self.thread, replies=changes.replies, viewer=user)
        return {
            "type": "sync",
            "cursor": changes.cursor,
            "reset": changes.reset,
            "from": changes.page_from,
            "replies": [{"id": r.pk, "html": self._html(r)} for r in changes.replies],
            "removed": changes.removed,
        }

    @database_sync_to_async
    def _render_since(self, since: int) -> list[tuple[int, str]]:
        if not self._thread_still_readable():
            return []
        replies = selectors.thread_replies(thread=self.thread, viewer=self.scope["user"])
        return [(r.pk, self._render(r)) for r in replies.filter(pk__gt=since)[:CATCH_UP_LIMIT]]


class RoomConsumer(GroupSocket):
    """A group's live room. Membership, bans and blocks are checked on connect and on every
    message. On every (re)connect the client sends the cursor it was last given (the page
    issues the first) and the ids it shows; it gets every change since: messages sent,
    approved or restored that it lacks, wherever they fall in the room, and the ids of those
    hidden (`selectors.room_changes`). Pushes carry a cursor too, so a long-open page does
    not catch up on what it already had."""

    group_obj: Group

    async def target_channel(self) -> str | None:
        group = await self._group(self.scope["url_route"]["kwargs"]["slug"])
        if group is None:
            return None
        self.group_obj, self.group_id = group, group.pk
        return room_group(group.pk)

    async def receive_json(self, content: Any, **kwargs: Any) -> None:
        if not isinstance(content, dict):
            return
        if "cursor" in content:
            request = catch_up.request_from(content)
            if request is not None:
                changes = await database_sync_to_async(self.changes_since)(
                    request.cursor, request.have
                )
                if changes is not None:
                    await self.send_json(changes)
            return
        if "since" in content:  # pages loaded before cursors existed: by the last id
            since = content["since"]
            if isinstance(since, int) and since >= 0:
                for message_id, html in await self._history(since):
                    await self.send_json({"type": "message", "id": message_id, "html": html})
            return
        body = content.get("body")
        if isinstance(body, str):
            error, replies = await self._post(body)
            if error == "closed":
                await self.close(code=CLOSE_NO_ACCESS)
            elif error:
                await self.send_json({"type": "error", "message": error})
            for reply in replies:
                await self.send_json(reply)

    async def room_message(self, event: dict[str, Any]) -> None:
        """The message comes rendered (`events.live_message_on_commit`): the same for every
        reader. Whether this reader may have it is checked here, for every message."""
        allowed = await _live_checks.allowed(
            user_id=self.scope["user"].pk,
            group_id=self.group_id,
            message=("room", event["message_id"]),
            author_id=event.get("author_id"),
        )
        if allowed:
            message_id, html = event["message_id"], event["html"]
            await self.send_json(
                {"type": "message", "id": message_id, "html": html, "cursor": event.get("cursor")}
            )

    async def room_removed(self, event: dict[str, Any]) -> None:
        """A visible message was hidden. Only readers who could have had it are told (the
        same check as for a message), so its id reaches nobody who blocked its author."""
        allowed = await _live_checks.allowed(
            user_id=self.scope["user"].pk,
            group_id=self.group_id,
            message=("room.removed", event["message_id"]),
            author_id=event.get("author_id"),
        )
        if allowed:
            await self.send_json(
                {"type": "removed", "id": event["message_id"], "cursor": event["cursor"]}
            )

    # --- database work ------------------------------------------------------------------------

    @database_sync_to_async
    def _group(self, slug: str) -> Group | None:
        group = Group.objects.filter(slug=slug).first()
        if group is None or not permissions.can_read(self.scope["user"], group):
            return None
        return group

    def changes_since(self, cursor: int, have: list[int]) -> dict[str, Any] | None:
        """The catch-up for this reader, from fresh rows: two queries (three when too much
        changed and the latest messages come instead), however much changed."""
        if not self.still_allowed():
            return None
        changes = selectors.room_changes(
            group=self.group_obj, viewer=self.scope["user"], cursor=cursor, have=have
        )
        return {
            "type": "sync",
            "cursor": changes.cursor,
            "reset": changes.reset,
            "messages": [{"id": m.pk, "html": render_live_message(m)} for m in changes.messages],
            "removed": changes.removed,
        }

    @database_sync_to_async
    def _history(self, since: int) -> list[tuple[int, str]]:
        if not self.still_allowed():
            return []
        found = selectors.room_messages(
            group=self.group_obj, viewer=self.scope["user"], since=since
        )
        return [(m.pk, render_live_message(m)) for m in found]

    @database_sync_to_async
    def _post(self, body: str) -> tuple[str, list[dict[str, Any]]]:
        """Send the member's message; returns an error to show them (or "closed"), and what
        only this socket is told after the message is saved: that it waits for review, and
        the help panel when screening found something in it (never sent to other readers)."""
        from django.core.exceptions import ValidationError

        from groups.services import LIVE_MESSAGE_HELD, GroupError, live_message_create
        from supportnet.core.ratelimit import RateLimited

        if not self.still_allowed():
            return "closed", []
        user = self.scope["user"]
        try:
            message = live_message_create(group=self.group_obj, author=user, body=body)
        except ValidationError as error:
            return " ".join(error.messages), []
        except (GroupError, RateLimited) as error:
            return error.message, []
        replies: list[dict[str, Any]] = []
        if message.state == PostState.PENDING:
            replies.append({"type": "held", "message": LIVE_MESSAGE_HELD})
        if help_panel.offers_help(message):
            room_url = reverse("groups:room", args=[self.group_obj.slug])
            html = help_panel.render_for_socket(user=user, back_to=room_url)
            replies.append({"type": "help", "html": html})
        return "", replies

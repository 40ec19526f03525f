"""Live updates of a thread: new replies appear for its readers without a reload.

The socket only ever carries what the page would show: replies are rendered per reader after
the permission and block checks, and the client catches up from the last reply it has on
every (re)connect, so nothing is lost across a dropped connection.
"""

from typing import Any

from channels.db import database_sync_to_async
from channels.generic.websocket import AsyncJsonWebsocketConsumer
from django.template.loader import render_to_string

from groups import fragments, permissions, selectors
from groups.events import room_group, thread_group
from groups.models import Group, Thread
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

    def still_allowed(self, group: Group) -> bool:
        """Re-check membership (not the cached answer) before each message."""
        user = self.scope["user"]
        user._membership_cache = {}
        user.__dict__.pop("_restriction_cache", None)
        return permissions.can_read(user, group)


class ThreadConsumer(GroupSocket):
    thread: Thread

    async def target_channel(self) -> str | None:
        thread = await self._readable_thread(int(self.scope["url_route"]["kwargs"]["thread_id"]))
        if thread is None:
            return None
        self.thread, self.group_id = thread, thread.group_id
        return thread_group(thread.pk)

    async def receive_json(self, content: Any, **kwargs: Any) -> None:
        """The client says which reply it saw last; it gets every newer one it may see."""
        since = content.get("since") if isinstance(content, dict) else None
        if not isinstance(since, int) or since < 0:
            return
        for reply_id, html in await self._render_since(since):
            await self.send_json({"type": "reply", "id": reply_id, "html": html})

    async def reply_published(self, event: dict[str, Any]) -> None:
        rendered = await self._render_one(event["reply_id"])
        if rendered is not None:
            await self.send_json({"type": "reply", "id": event["reply_id"], "html": rendered})

    # --- database work, with the same checks as the page -------------------------------------

    @database_sync_to_async
    def _readable_thread(self, thread_id: int) -> Thread | None:
        thread = Thread.objects.select_related("group").filter(pk=thread_id).first()
        if thread is None or not permissions.can_read(self.scope["user"], thread.group):
            return None
        return selectors.thread_for_viewer(
            group=thread.group, thread_id=thread_id, viewer=self.scope["user"]
        )

    def _still_readable(self) -> bool:
        return self.still_allowed(self.thread.group)

    def _render(self, reply: Any) -> str:
        selectors.attach_reactions(thread=self.thread, replies=[reply], viewer=self.scope["user"])
        # No CSRF token over the socket: thread-live.js fills in the page's own token.
        return fragments.render_replies(
            [reply],
            viewer_id=self.scope["user"].pk,
            csrf_token="",
            here=self.thread.get_absolute_url(),
        )

    @database_sync_to_async
    def _render_one(self, reply_id: int) -> str | None:
        if not self._still_readable():
            return None
        replies = selectors.thread_replies(thread=self.thread, viewer=self.scope["user"])
        reply = replies.filter(pk=reply_id).first()
        return None if reply is None else self._render(reply)

    @database_sync_to_async
    def _render_since(self, since: int) -> list[tuple[int, str]]:
        if not self._still_readable():
            return []
        replies = selectors.thread_replies(thread=self.thread, viewer=self.scope["user"])
        return [(r.pk, self._render(r)) for r in replies.filter(pk__gt=since)[:CATCH_UP_LIMIT]]


class RoomConsumer(GroupSocket):
    """A group's live room. Membership, bans and blocks are checked on connect and on every
    message; the last 50 messages come on connect, and everything after the client's last id
    on reconnect."""

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
        if "since" in content:
            since = content["since"]
            if isinstance(since, int) and since >= 0:
                for message_id, html in await self._history(since):
                    await self.send_json({"type": "message", "id": message_id, "html": html})
            return
        body = content.get("body")
        if isinstance(body, str):
            error = await self._post(body)
            if error == "closed":
                await self.close(code=CLOSE_NO_ACCESS)
            elif error:
                await self.send_json({"type": "error", "message": error})

    async def room_message(self, event: dict[str, Any]) -> None:
        rendered = await self._render_one(event["message_id"])
        if rendered is not None:
            await self.send_json({"type": "message", "id": event["message_id"], "html": rendered})

    # --- database work ------------------------------------------------------------------------

    @database_sync_to_async
    def _group(self, slug: str) -> Group | None:
        group = Group.objects.filter(slug=slug).first()
        if group is None or not permissions.can_read(self.scope["user"], group):
            return None
        return group

    def _allowed(self) -> bool:
        return self.still_allowed(self.group_obj)

    def _render(self, message: Any) -> str:
        return render_to_string("groups/room.html#message", {"message": message})

    @database_sync_to_async
    def _history(self, since: int) -> list[tuple[int, str]]:
        if not self._allowed():
            return []
        found = selectors.room_messages(
            group=self.group_obj, viewer=self.scope["user"], since=since
        )
        return [(m.pk, self._render(m)) for m in found]

    @database_sync_to_async
    def _render_one(self, message_id: int) -> str | None:
        if not self._allowed():
            return None
        from groups.models import Block, LiveMessage

        message = LiveMessage.objects.select_related("author").filter(pk=message_id).first()
        if message is None or (
            message.author_id
            and Block.objects.filter(
                blocker=self.scope["user"].pk, blocked=message.author_id
            ).exists()
        ):
            return None
        return self._render(message)

    @database_sync_to_async
    def _post(self, body: str) -> str:
        from django.core.exceptions import ValidationError

        from groups.services import GroupError, live_message_create
        from supportnet.core.ratelimit import RateLimited

        if not self._allowed():
            return "closed"
        try:
            live_message_create(group=self.group_obj, author=self.scope["user"], body=body)
        except ValidationError as error:
            return " ".join(error.messages)
        except (GroupError, RateLimited) as error:
            return error.message
        return ""

"""Live updates of a thread: new replies appear for its readers without a reload.

The socket only ever carries what the page would show: replies are rendered per reader after
the permission and block checks, and the client catches up from the last reply it has on
every (re)connect, so nothing is lost across a dropped connection.
"""

from typing import Any

from channels.db import database_sync_to_async
from channels.generic.websocket import AsyncJsonWebsocketConsumer
from django.template.loader import render_to_string
from django.urls import reverse

from groups import permissions, selectors
from groups.events import thread_group
from groups.models import Thread
from supportnet.core.consumers import CLOSE_UNAUTHENTICATED, user_group

CLOSE_NO_ACCESS = 4403
CATCH_UP_LIMIT = 200


class ThreadConsumer(AsyncJsonWebsocketConsumer):
    thread: Thread
    groups_joined: tuple[str, ...] = ()

    async def connect(self) -> None:
        user = self.scope.get("user")
        if user is None or not user.is_authenticated:
            await self.close(code=CLOSE_UNAUTHENTICATED)
            return
        thread = await self._readable_thread(int(self.scope["url_route"]["kwargs"]["thread_id"]))
        if thread is None:
            await self.close(code=CLOSE_NO_ACCESS)
            return
        self.thread = thread
        self.groups_joined = (thread_group(thread.pk), user_group(user.pk))
        for name in self.groups_joined:
            await self.channel_layer.group_add(name, self.channel_name)
        await self.accept()

    async def disconnect(self, code: int) -> None:
        for name in self.groups_joined:
            await self.channel_layer.group_discard(name, self.channel_name)

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

    async def membership_ended(self, event: dict[str, Any]) -> None:
        if event.get("group_id") == self.thread.group_id:
            await self.close(code=CLOSE_NO_ACCESS)

    async def user_event(self, event: dict[str, Any]) -> None:
        """Member-wide notifications travel on the member's own stream, not here."""
        return

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
        user = self.scope["user"]
        user._membership_cache = {}  # re-check membership on every message
        return permissions.can_read(user, self.thread.group)

    def _render(self, reply: Any) -> str:
        selectors.attach_reactions(thread=self.thread, replies=[reply], viewer=self.scope["user"])
        return render_to_string(
            "groups/thread.html#reply",
            {
                "reply": reply,
                "viewer_id": self.scope["user"].pk,
                "block_url": reverse("groups:block"),
                "react_url": reverse("groups:react"),
                "here": self.thread.get_absolute_url(),
                "csrf_token": "",
            },
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

"""The signed-in member's own event stream (`user.<id>`): notifications and alerts to them."""

from typing import Any

from channels.generic.websocket import AsyncJsonWebsocketConsumer

# Websocket close code for "not signed in" (4000-4999 are free for applications).
CLOSE_UNAUTHENTICATED = 4401


def user_group(user_id: int) -> str:
    return f"user.{user_id}"


class UserEventsConsumer(AsyncJsonWebsocketConsumer):
    async def connect(self) -> None:
        user = self.scope.get("user")
        if user is None or not user.is_authenticated or not user.is_active:
            await self.close(code=CLOSE_UNAUTHENTICATED)
            return
        self.group_name = user_group(user.pk)
        await self.channel_layer.group_add(self.group_name, self.channel_name)
        await self.accept()

    async def disconnect(self, code: int) -> None:
        if hasattr(self, "group_name"):
            await self.channel_layer.group_discard(self.group_name, self.channel_name)

    async def receive_json(self, content: Any, **kwargs: Any) -> None:
        # The stream is one-way; clients have nothing to say on it.
        return

    async def user_event(self, event: dict[str, Any]) -> None:
        await self.send_json(event["payload"])

"""The member's own websocket stream (`/ws/me/`)."""

import pytest
from asgiref.sync import async_to_sync
from channels.layers import get_channel_layer
from channels.testing import WebsocketCommunicator
from django.contrib.auth.models import AnonymousUser

from supportnet.asgi import application
from supportnet.core.consumers import CLOSE_UNAUTHENTICATED, UserEventsConsumer, user_group


def test_anonymous_sockets_are_closed():
    async def scenario():
        communicator = WebsocketCommunicator(UserEventsConsumer.as_asgi(), "/ws/me/")
        communicator.scope["user"] = AnonymousUser()
        connected, code = await communicator.connect()
        assert not connected
        assert code == CLOSE_UNAUTHENTICATED

    async_to_sync(scenario)()


@pytest.mark.django_db
def test_a_signed_in_member_receives_events_published_to_them(member):
    async def scenario():
        communicator = WebsocketCommunicator(UserEventsConsumer.as_asgi(), "/ws/me/")
        communicator.scope["user"] = member
        connected, _ = await communicator.connect()
        assert connected
        await get_channel_layer().group_send(
            user_group(member.pk), {"type": "user.event", "payload": {"kind": "notification"}}
        )
        assert await communicator.receive_json_from(timeout=3) == {"kind": "notification"}
        await communicator.disconnect()

    async_to_sync(scenario)()


def test_sockets_from_another_origin_are_refused():
    async def scenario():
        communicator = WebsocketCommunicator(
            application, "/ws/me/", headers=[(b"origin", b"https://evil.example")]
        )
        connected, _ = await communicator.connect()
        assert not connected

    async_to_sync(scenario)()

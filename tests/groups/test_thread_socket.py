"""Live replies over the thread websocket: same permissions and blocks as the page."""

import pytest
from asgiref.sync import async_to_sync
from channels.routing import URLRouter
from channels.testing import WebsocketCommunicator

from groups.models import Block, Membership
from groups.services import membership_set_status, reply_create, thread_create
from supportnet.routing import websocket_urlpatterns
from tests.groups.factories import make_group, make_member

# Real commits: the consumer reads from its own database threads, as in production.
pytestmark = pytest.mark.django_db(transaction=True)

app = URLRouter(websocket_urlpatterns)


def _communicator(user, thread):
    communicator = WebsocketCommunicator(app, f"/ws/threads/{thread.pk}/")
    communicator.scope["user"] = user
    return communicator


def _setup():
    group = make_group()
    reader, writer = make_member(group), make_member(group)
    thread = thread_create(group=group, author=group.created_by, title="T", body="B")
    return group, reader, writer, thread


def test_a_reply_appears_live_for_a_reader_of_the_thread():
    _group, reader, writer, thread = _setup()

    async def scenario():
        communicator = _communicator(reader, thread)
        assert (await communicator.connect())[0]
        await committed(
            reply_create,
            thread=thread,
            author=writer,
            body="Hello from the live room",
        )
        message = await communicator.receive_json_from(timeout=3)
        assert message["type"] == "reply"
        assert "Hello from the live room" in message["html"]
        assert f'id="reply-{message["id"]}"' in message["html"]
        await communicator.disconnect()

    async_to_sync(scenario)()


async def committed(service, **kwargs):
    """Run a service in a database thread; it commits, and its after-commit events go out."""
    from channels.db import database_sync_to_async

    return await database_sync_to_async(service)(**kwargs)


def test_a_blocked_members_reply_is_not_sent_to_the_blocker():
    _group, reader, writer, thread = _setup()
    Block.objects.create(blocker=reader, blocked=writer)

    async def scenario():
        communicator = _communicator(reader, thread)
        assert (await communicator.connect())[0]
        await committed(
            reply_create,
            thread=thread,
            author=writer,
            body="you should not see this",
        )
        assert await communicator.receive_nothing(timeout=0.5)
        await communicator.disconnect()

    async_to_sync(scenario)()


def test_people_outside_the_group_cannot_listen():
    _group, _, _, thread = _setup()
    from tests.factories import UserFactory

    outsider = UserFactory()

    async def scenario():
        connected, code = await _communicator(outsider, thread).connect()
        assert not connected
        assert code == 4403

    async_to_sync(scenario)()


def test_reconnecting_catches_up_on_replies_missed_while_away():
    group, reader, writer, thread = _setup()
    first = reply_create(thread=thread, author=writer, body="before")
    from django.core.cache import cache

    cache.clear()
    second = reply_create(thread=thread, author=group.created_by, body="while you were away")

    async def scenario():
        communicator = _communicator(reader, thread)
        assert (await communicator.connect())[0]
        await communicator.send_json_to({"since": first.pk})
        message = await communicator.receive_json_from(timeout=3)
        assert message["id"] == second.pk
        assert "while you were away" in message["html"]
        assert await communicator.receive_nothing(timeout=0.3)
        await communicator.disconnect()

    async_to_sync(scenario)()


def test_a_removed_members_socket_is_closed():
    group, reader, _, thread = _setup()
    membership = Membership.objects.get(group=group, user=reader)

    async def scenario():
        communicator = _communicator(reader, thread)
        assert (await communicator.connect())[0]
        await committed(
            membership_set_status,
            membership=membership,
            by=group.created_by,
            status="removed",
        )
        output = await communicator.receive_output(timeout=3)
        assert output["type"] == "websocket.close"
        assert output["code"] == 4403

    async_to_sync(scenario)()

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


def test_a_new_reply_is_checked_and_rendered_once_for_all_readers_as_each_page_would_show_it(
    monkeypatch,
):
    """One permission query and one load for every listening reader of the process; each gets
    what their own page would render, the author their own version (with Edit)."""
    from groups import consumers, fragments, permissions, selectors

    group, reader, writer, thread = _setup()
    readers = [reader, *(make_member(group) for _ in range(4))]
    blocker = make_member(group)
    Block.objects.create(blocker=blocker, blocked=writer)
    calls = {"live_readers": 0, "unreacted_reply": 0}
    # The sockets ask within moments of each other; a roomy window keeps a slow machine's
    # stragglers in the same batch.
    monkeypatch.setattr(consumers._LiveDeliveryChecks, "WINDOW", 0.2)

    def counting(name, original):
        def wrapper(**kwargs):
            calls[name] += 1
            return original(**kwargs)

        return wrapper

    monkeypatch.setattr(
        permissions, "live_readers", counting("live_readers", permissions.live_readers)
    )
    monkeypatch.setattr(
        selectors, "unreacted_reply", counting("unreacted_reply", selectors.unreacted_reply)
    )

    async def scenario():
        sockets = [_communicator(user, thread) for user in [*readers, blocker, writer]]
        for socket in sockets:
            assert (await socket.connect())[0]
        reply = await committed(reply_create, thread=thread, author=writer, body="to you all")
        received = [await socket.receive_json_from(timeout=3) for socket in sockets[:5]]
        assert await sockets[5].receive_nothing(timeout=0.3)  # blocked the author
        own = await sockets[6].receive_json_from(timeout=3)
        for socket in sockets:
            await socket.disconnect()
        return reply, received, own

    reply, received, own = async_to_sync(scenario)()
    # One check for the six readers, one in the author's own render (as the page's).
    assert calls == {"live_readers": 2, "unreacted_reply": 1}
    assert {message["id"] for message in received} == {reply.pk}
    assert len({message["html"] for message in received}) == 1
    # What the per-reader render (the page's, as on reconnect) gives this reader, rendered
    # afresh (the shared HTML is in the fragment cache under the same key).
    fragments.cache.clear()
    consumer = consumers.ThreadConsumer()
    consumer.scope = {"user": reader}
    consumer.thread, consumer.group_id = thread, group.pk
    assert received[0]["html"] == consumer._render(
        selectors.thread_replies(thread=thread, viewer=reader).get(pk=reply.pk)
    )
    assert "to you all" in received[0]["html"]
    assert "Block" in received[0]["html"] and "/edit/" not in received[0]["html"]
    assert "/edit/" in own["html"]  # the author's own copy offers Edit


def test_a_reply_others_reacted_to_is_rendered_for_each_reader():
    """When a reply's HTML differs between readers (their own reaction is marked), it is not
    shared: each reader gets their own."""
    from channels.layers import get_channel_layer

    from groups.events import thread_group
    from groups.services import reaction_toggle

    group, reader, writer, thread = _setup()
    other = make_member(group)
    reply = reply_create(thread=thread, author=writer, body="held, then approved")
    reaction_toggle(user=reader, post=reply, kind="hug")

    async def scenario():
        sockets = [_communicator(user, thread) for user in (reader, other)]
        for socket in sockets:
            assert (await socket.connect())[0]
        await get_channel_layer().group_send(
            thread_group(thread.pk),
            {"type": "reply.published", "reply_id": reply.pk, "author_id": writer.pk},
        )
        received = [await socket.receive_json_from(timeout=3) for socket in sockets]
        for socket in sockets:
            await socket.disconnect()
        return received

    mine, theirs = async_to_sync(scenario)()
    assert "reaction--mine" in mine["html"]
    assert "reaction--mine" not in theirs["html"]


def _lose_member_events(monkeypatch):
    """Messages to members' own channels (a membership ended: close the socket) are lost."""
    from groups import events

    send = events.group_send
    monkeypatch.setattr(
        events,
        "group_send",
        lambda group, message: group.startswith("user.") or send(group, message),
    )


def _block_starter(reader, thread):
    Block.objects.create(blocker=reader, blocked=thread.author)


def _hide_thread(reader, thread):
    from groups.services import post_hide

    post_hide(post=thread, by=thread.group.created_by)


def _remove(reader, thread):
    membership = Membership.objects.get(group=thread.group, user=reader)
    membership_set_status(membership=membership, by=thread.group.created_by, status="removed")


@pytest.mark.parametrize("change", [_block_starter, _hide_thread, _remove])
@pytest.mark.parametrize("reacted", [False, True], ids=["shared", "per_reader"])
def test_a_reader_who_may_no_longer_see_the_thread_gets_no_more_replies(
    monkeypatch, change, reacted
):
    """Blocked the thread's starter, the thread hidden, or removed from the group (and the
    message that closes the socket lost): the next reply does not reach them, whether it is
    rendered once for everyone or for each reader."""
    from channels.layers import get_channel_layer

    from groups.events import thread_group
    from groups.services import reaction_toggle

    _lose_member_events(monkeypatch)
    group, reader, writer, thread = _setup()
    other = make_member(group)
    thread.author = make_member(group)  # a starter the reader can block
    thread.save(update_fields=["author"])

    async def scenario():
        socket = _communicator(reader, thread)
        assert (await socket.connect())[0]
        await committed(change, reader=reader, thread=thread)
        reply = await committed(reply_create, thread=thread, author=writer, body="not for you")
        if reacted:  # a reply whose HTML differs per reader: rendered for each
            await committed(reaction_toggle, user=other, post=reply, kind="hug")
            await get_channel_layer().group_send(
                thread_group(thread.pk),
                {"type": "reply.published", "reply_id": reply.pk, "author_id": writer.pk},
            )
        assert await socket.receive_nothing(timeout=0.5)
        await socket.disconnect()

    async_to_sync(scenario)()

"""The live room: stored, screened, rate limited; members past the new-member stage only;
history on connect, catch-up on reconnect, blocks respected, works without JavaScript."""

import pytest
from asgiref.sync import async_to_sync
from channels.db import database_sync_to_async
from channels.routing import URLRouter
from channels.testing import WebsocketCommunicator
from django.core.exceptions import ValidationError
from django.urls import reverse

from groups.models import Block, LiveMessage, Membership
from groups.services import GroupError, live_message_create, membership_set_status
from supportnet.core.ratelimit import RateLimited
from supportnet.routing import websocket_urlpatterns
from tests.factories import UserFactory
from tests.groups.factories import make_group, make_member


def test_members_talk_in_the_room_through_the_plain_form(client, db):
    group = make_group()
    member = make_member(group)
    client.force_login(member)
    url = reverse("groups:room", args=[group.slug])
    assert client.get(url).status_code == 200
    response = client.post(url, {"body": "hello *all*"})
    assert response.status_code == 302
    assert "<em>all</em>" in client.get(url).content.decode()
    assert client.post(url, {"body": ""}).status_code == 400
    assert client.post(url, {"body": "x" * 2001}).status_code == 400
    assert LiveMessage.objects.count() == 1


def test_new_members_and_outsiders_cannot_talk_yet(db):
    group = make_group()
    with pytest.raises(GroupError, match="opens to you"):
        live_message_create(group=group, author=make_member(group, trusted=False), body="hi")
    with pytest.raises(GroupError):
        live_message_create(group=group, author=UserFactory(), body="hi")
    with pytest.raises(ValidationError):
        live_message_create(group=group, author=make_member(group), body="\u200b")
    assert not LiveMessage.objects.exists()


def test_the_room_is_rate_limited(db):
    group = make_group()
    member = make_member(group)
    for i in range(5):
        live_message_create(group=group, author=member, body=f"message {i}")
    with pytest.raises(RateLimited):
        live_message_create(group=group, author=member, body="one too many")
    assert LiveMessage.objects.count() == 5


def test_the_room_page_answers_404_outside_the_group(client, db):
    group = make_group()
    client.force_login(UserFactory())
    assert client.get(reverse("groups:room", args=[group.slug])).status_code == 404


app = URLRouter(websocket_urlpatterns)


def _socket(user, group):
    communicator = WebsocketCommunicator(app, f"/ws/rooms/{group.slug}/")
    communicator.scope["user"] = user
    return communicator


@pytest.mark.django_db(transaction=True)
def test_messages_reach_other_members_live_but_not_those_who_blocked_the_sender():
    group = make_group()
    sender, reader, blocker = make_member(group), make_member(group), make_member(group)
    Block.objects.create(blocker=blocker, blocked=sender)

    async def scenario():
        reader_socket, blocker_socket = _socket(reader, group), _socket(blocker, group)
        assert (await reader_socket.connect())[0]
        assert (await blocker_socket.connect())[0]
        sender_socket = _socket(sender, group)
        assert (await sender_socket.connect())[0]
        await sender_socket.send_json_to({"body": "hello room"})
        message = await reader_socket.receive_json_from(timeout=5)
        assert message["type"] == "message"
        assert "hello room" in message["html"]
        assert await blocker_socket.receive_nothing(timeout=0.5)
        for socket in (reader_socket, blocker_socket, sender_socket):
            await socket.disconnect()

    async_to_sync(scenario)()
    assert LiveMessage.objects.get().author == sender


@pytest.mark.django_db(transaction=True)
def test_reconnecting_catches_up_and_a_removed_member_is_disconnected():
    group = make_group()
    talker, listener = make_member(group), make_member(group)
    first = live_message_create(group=group, author=talker, body="first")
    live_message_create(group=group, author=talker, body="second")

    async def scenario():
        socket = _socket(listener, group)
        assert (await socket.connect())[0]
        # Pages loaded before cursors existed ask by the last id they have (still answered).
        await socket.send_json_to({"since": first.pk})
        message = await socket.receive_json_from(timeout=5)
        assert "second" in message["html"]
        membership = await database_sync_to_async(Membership.objects.get)(
            group=group, user=listener
        )
        await database_sync_to_async(membership_set_status)(
            membership=membership, by=group.created_by, status="banned"
        )
        output = await socket.receive_output(timeout=5)
        assert output["type"] == "websocket.close"

    async_to_sync(scenario)()


# --- moderation of live messages: held, approved, the poster's help panel ------------------


def test_every_message_in_the_room_has_a_report_link_that_works_without_javascript(client, db):
    group = make_group()
    author, reader = make_member(group), make_member(group)
    message = live_message_create(group=group, author=author, body="hello")
    client.force_login(reader)
    page = client.get(reverse("groups:room", args=[group.slug])).content.decode()
    url = reverse("moderation:report", args=["live", message.pk])
    assert f'<a href="{url}" class="room__report">Report' in page
    # Its name says which message, for people using a screen reader.
    assert f"this message by {author.pseudonym}</span></a>" in page


def test_live_messages_have_no_reactions_edits_or_deletion_through_the_post_pages(client, db):
    group = make_group()
    author = make_member(group)
    message = live_message_create(group=group, author=author, body="hello")
    client.force_login(author)
    for name in ("groups:post_edit", "groups:post_delete"):
        assert client.post(reverse(name, args=["live", message.pk])).status_code == 404
    reacted = client.post(
        reverse("groups:react"), {"post_kind": "live", "post": message.pk, "reaction": "hug"}
    )
    assert reacted.status_code == 404
    message.refresh_from_db()
    assert (message.body, message.state) == ("hello", "visible")


def test_a_crisis_message_sent_with_the_plain_form_shows_the_help_panel_once(client, db, detector):
    group = make_group()
    member = make_member(group)
    client.force_login(member)
    url = reverse("groups:room", args=[group.slug])
    assert "You don't have to go through this alone" not in client.get(url).content.decode()
    response = client.post(url, {"body": "CRISIS tonight"})
    assert response.status_code == 302
    page = client.get(url).content.decode()
    assert "You don't have to go through this alone" in page
    assert "Ask a moderator to reach out to me" in page
    assert f'name="next" value="{url}"' in page
    assert 'name="csrfmiddlewaretoken" value=""' not in page  # the page's own token
    assert "You don't have to go through this alone" not in client.get(url).content.decode()


def test_a_held_message_sent_with_the_plain_form_says_it_waits_for_review(client, db):
    from moderation.services import watched_word_add

    group = make_group()
    watched_word_add(phrase="meet up", action="hold", by=group.created_by)
    member = make_member(group)
    client.force_login(member)
    url = reverse("groups:room", args=[group.slug])
    page = client.post(url, {"body": "let's meet up"}, follow=True).content.decode()
    assert "Your message will appear in the room once a moderator has looked at it." in page
    assert "let&#x27;s meet up" not in page
    assert LiveMessage.objects.get().state == "pending"


@pytest.mark.django_db(transaction=True)
def test_a_crisis_message_sent_over_the_socket_brings_the_poster_alone_the_help_panel(detector):
    from django.core.management import call_command

    call_command("load_library", verbosity=0)  # the help lines for the member's region
    group = make_group()
    poster, reader = make_member(group), make_member(group)

    async def scenario():
        reader_socket, poster_socket = _socket(reader, group), _socket(poster, group)
        assert (await reader_socket.connect())[0]
        assert (await poster_socket.connect())[0]
        await poster_socket.send_json_to({"body": "CRISIS tonight"})
        received = [await poster_socket.receive_json_from(timeout=5) for _ in range(2)]
        by_type = {event["type"]: event for event in received}
        assert set(by_type) == {"message", "help"}
        panel = by_type["help"]["html"]
        assert "You don't have to go through this alone" in panel
        assert "emergency number" in panel
        assert 'href="tel:116123"' in panel  # Samaritans, the instance's default region
        assert "Ask a moderator to reach out to me" in panel
        assert reverse("moderation:reach_out") in panel
        assert f'name="next" value="{reverse("groups:room", args=[group.slug])}"' in panel
        # Other readers get the message, and nothing else.
        message = await reader_socket.receive_json_from(timeout=5)
        assert message["type"] == "message"
        assert await reader_socket.receive_nothing(timeout=0.5)
        # An ordinary message afterwards brings no panel.
        await poster_socket.send_json_to({"body": "thank you all"})
        assert (await poster_socket.receive_json_from(timeout=5))["type"] == "message"
        assert await poster_socket.receive_nothing(timeout=0.5)
        for socket in (reader_socket, poster_socket):
            await socket.disconnect()

    async_to_sync(scenario)()
    assert LiveMessage.objects.filter(author=poster).count() == 2


@pytest.mark.django_db(transaction=True)
def test_a_held_message_tells_its_sender_and_reaches_the_room_once_approved():
    from groups.services import post_review
    from moderation.services import watched_word_add

    group = make_group()
    watched_word_add(phrase="meet up", action="hold", by=group.created_by)
    sender, reader = make_member(group), make_member(group)

    async def scenario():
        reader_socket, sender_socket = _socket(reader, group), _socket(sender, group)
        assert (await reader_socket.connect())[0]
        assert (await sender_socket.connect())[0]
        await sender_socket.send_json_to({"body": "shall we meet up"})
        told = await sender_socket.receive_json_from(timeout=5)
        assert told["type"] == "held"
        assert "once a moderator has looked at it" in told["message"]
        assert await reader_socket.receive_nothing(timeout=0.5)
        held = await database_sync_to_async(LiveMessage.objects.get)()
        assert held.state == "pending"
        await database_sync_to_async(post_review)(post=held, by=group.created_by, approve=True)
        for socket in (reader_socket, sender_socket):
            message = await socket.receive_json_from(timeout=5)
            assert (message["type"], message["id"]) == ("message", held.pk)
            assert "shall we meet up" in message["html"]
            await socket.disconnect()

    async_to_sync(scenario)()

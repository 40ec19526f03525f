"""Catching up in the live room: a socket that was away gets, on reconnect, what a connected
reader was shown meanwhile — messages approved after review (which have older ids than what
it already has), messages hidden by a moderator — once, in their place, and never anything
its page would not show."""

import re
from datetime import timedelta

import pytest
from asgiref.sync import async_to_sync
from channels.db import database_sync_to_async
from django.urls import reverse
from django.utils import timezone

from groups import catch_up, consumers, selectors
from groups.models import Block, LiveMessage
from groups.services import live_message_create
from moderation.services import appeal_decide, appeal_submit, content_hide, watched_word_add
from tests.groups import sockets
from tests.groups.factories import make_group, make_member

HELD = "shall we meet up"


def _path(group):
    return f"/ws/rooms/{group.slug}/"


def _room_with_a_held_message():
    """A group whose room holds "meet up" for review; a held message, then a visible one sent
    after it (so the held one has the lower id)."""
    group = make_group()
    watched_word_add(phrase="meet up", action="hold", by=group.created_by)
    sender, talker, reader = make_member(group), make_member(group), make_member(group)
    held = live_message_create(group=group, author=sender, body=HELD)
    later = live_message_create(group=group, author=talker, body="hello everyone")
    assert (held.state, later.state) == ("pending", "visible")
    assert held.pk < later.pk
    return group, sender, reader, held, later


def _page(client, user, group):
    """What the reader's page gives its script: the cursor and the ids shown."""
    client.force_login(user)
    html = client.get(reverse("groups:room", args=[group.slug])).content.decode()
    found = re.search(r'data-cursor="(\d+)"', html)
    assert found is not None
    cursor = int(found.group(1))
    return cursor, [int(i) for i in re.findall(r'id="message-(\d+)"', html)]


def _sync(user, group, cursor, have):
    """Connect, catch up as the room's script does, and return what the server said and the
    socket (still open)."""
    return sockets.sync(user, _path(group), {"cursor": cursor, "have": have})


@pytest.mark.django_db(transaction=True)
def test_a_message_approved_while_a_reader_was_away_arrives_once_in_its_place_on_reconnect(
    client,
):
    group, _sender, reader, held, later = _room_with_a_held_message()
    cursor, shown = _page(client, reader, group)
    assert shown == [later.pk]  # the held message is not on the page

    async def scenario():
        first, socket = await _sync(reader, group, cursor, shown)
        assert (first["messages"], first["removed"], first["reset"]) == ([], [], False)
        await socket.disconnect()
        # Away: the held message is approved, and someone else writes.
        await sockets.approve(held, group.created_by)
        newest = await database_sync_to_async(live_message_create)(
            group=group, author=group.created_by, body="welcome back"
        )
        again, socket = await _sync(reader, group, first["cursor"], shown)
        # Once each, oldest first: the approved message before the one it was sent before.
        assert [m["id"] for m in again["messages"]] == [held.pk, newest.pk]
        assert HELD in again["messages"][0]["html"]
        assert again["removed"] == []
        assert again["cursor"] >= first["cursor"]
        # Caught up: the next reconnect brings nothing more.
        shown_now = [later.pk, held.pk, newest.pk]
        settled, socket2 = await _sync(reader, group, again["cursor"], shown_now)
        assert (settled["messages"], settled["removed"]) == ([], [])
        await sockets.close(socket, socket2)

    async_to_sync(scenario)()


@pytest.mark.django_db(transaction=True)
def test_a_reader_connected_at_approval_gets_it_once_and_not_again_on_reconnect(client):
    group, _sender, reader, held, later = _room_with_a_held_message()
    cursor, shown = _page(client, reader, group)

    async def scenario():
        first, socket = await _sync(reader, group, cursor, shown)
        await sockets.approve(held, group.created_by)
        pushed = await socket.receive_json_from(timeout=5)
        assert (pushed["type"], pushed["id"]) == ("message", held.pk)
        assert pushed["cursor"] > first["cursor"]  # the page moves its cursor on
        assert await socket.receive_nothing(timeout=0.3)
        await socket.disconnect()
        # The page now shows both; on reconnect nothing comes twice.
        again, socket = await _sync(
            reader, group, max(first["cursor"], pushed["cursor"]), [later.pk, held.pk]
        )
        assert (again["messages"], again["removed"]) == ([], [])
        await socket.disconnect()

    async_to_sync(scenario)()


@pytest.mark.django_db(transaction=True)
def test_a_message_hidden_while_a_reader_was_away_is_taken_away_on_reconnect(client):
    group = make_group()
    talker, reader, witness = make_member(group), make_member(group), make_member(group)
    message = live_message_create(group=group, author=talker, body="call me on this number")
    kept = live_message_create(group=group, author=talker, body="how is everyone")
    cursor, shown = _page(client, reader, group)
    assert shown == [message.pk, kept.pk]

    async def scenario():
        first, watching = await sockets.away_and_watching(
            lambda user: _sync(user, group, cursor, shown), reader, witness
        )
        await sockets.hide(message, group.created_by)
        # A reader who is connected sees it go at once...
        removed = await watching.receive_json_from(timeout=5)
        assert (removed["type"], removed["id"]) == ("removed", message.pk)
        assert "html" not in removed and "call me" not in str(removed)
        # ...and one who was away, when they reconnect.
        again, socket = await _sync(reader, group, first["cursor"], shown)
        assert again["removed"] == [message.pk]
        assert again["messages"] == []
        await sockets.close(socket, watching)

    async_to_sync(scenario)()
    # As a reload shows it.
    assert _page(client, reader, group)[1] == [kept.pk]


@pytest.mark.django_db(transaction=True)
def test_a_blocked_authors_approved_message_never_reaches_the_blocker(client):
    group, sender, _reader, held, later = _room_with_a_held_message()
    blocker = make_member(group)
    Block.objects.create(blocker=blocker, blocked=sender)
    visible = live_message_create(group=group, author=sender, body="a visible one")
    cursor, shown = _page(client, blocker, group)
    assert shown == [later.pk]

    async def scenario():
        first, socket = await _sync(blocker, group, cursor, shown)
        assert first["messages"] == []
        # Connected when it is approved: nothing comes.
        await sockets.approve(held, group.created_by)
        assert await socket.receive_nothing(timeout=0.5)
        await socket.disconnect()
        # Away when it is hidden (a message of theirs they never had): nothing either.
        await sockets.hide(visible, group.created_by)
        again, socket = await _sync(blocker, group, first["cursor"], shown)
        assert (again["messages"], again["removed"]) == ([], [])
        # Even with an old cursor and nothing listed as shown.
        everything, socket2 = await _sync(blocker, group, 0, [])
        assert [m["id"] for m in everything["messages"]] == [later.pk]
        assert everything["removed"] == []
        await sockets.close(socket, socket2)

    async_to_sync(scenario)()


@pytest.mark.django_db(transaction=True)
def test_held_messages_reach_nobody_until_approved_not_even_through_catch_up(client):
    group, sender, reader, held, _later = _room_with_a_held_message()
    hidden_while_held = live_message_create(group=group, author=sender, body="meet up at 5")
    cursor, shown = _page(client, reader, group)

    async def scenario():
        outputs = []
        for user in (reader, sender, group.created_by):
            answer, socket = await _sync(user, group, cursor, [])
            outputs.append(answer)
            await socket.disconnect()
        await sockets.hide(hidden_while_held, group.created_by)
        answer, socket = await _sync(reader, group, cursor, shown)
        await socket.disconnect()
        return outputs, answer

    outputs, after_hiding = async_to_sync(scenario)()
    for answer in outputs:
        ids = [m["id"] for m in answer["messages"]]
        assert held.pk not in ids and hidden_while_held.pk not in ids
    # Never shown, so its hiding changes nothing anyone sees: not even its id is sent.
    assert after_hiding["removed"] == []


@pytest.mark.django_db(transaction=True)
def test_a_message_restored_after_an_appeal_comes_back_live_and_on_reconnect(client, mods):
    group = make_group()
    talker, reader, witness = make_member(group), make_member(group), make_member(group)
    message = live_message_create(group=group, author=talker, body="it was only a joke")
    content_hide(post=message, moderator=mods[0], reason="unkind")
    notice = message_notice(message)
    appeal_submit(notice=notice, member=talker, text="please look again")
    cursor, shown = _page(client, reader, group)
    assert shown == []

    async def scenario():
        first, watching = await sockets.away_and_watching(
            lambda user: _sync(user, group, cursor, shown), reader, witness
        )
        await database_sync_to_async(appeal_decide)(
            notice=notice, moderator=mods[1], overturn=True, outcome="fine after all"
        )
        pushed = await watching.receive_json_from(timeout=5)
        assert (pushed["type"], pushed["id"]) == ("message", message.pk)
        again, socket = await _sync(reader, group, first["cursor"], shown)
        assert [m["id"] for m in again["messages"]] == [message.pk]
        await sockets.close(socket, watching)

    async_to_sync(scenario)()


def message_notice(message):
    from moderation.models import Notice

    return Notice.objects.get(kind=Notice.Kind.POST_HIDDEN, object_id=message.pk)


@pytest.mark.django_db(transaction=True)
def test_nonsense_from_the_client_gets_no_answer_and_the_socket_stays():
    group = make_group()
    reader = make_member(group)
    live_message_create(group=group, author=group.created_by, body="hello")

    async def scenario():
        socket = await sockets.connected(reader, _path(group))
        await sockets.send_each(socket, sockets.NONSENSE)
        assert await socket.receive_nothing(timeout=0.5)
        # Ids that are not numbers are ignored; the rest still works.
        await socket.send_json_to({"cursor": 0, "have": ["x", None, {"a": 1}]})
        answer = await socket.receive_json_from(timeout=5)
        assert answer["type"] == "sync" and len(answer["messages"]) == 1
        await socket.send_json_to({"cursor": 0, "have": "everything"})
        assert len((await socket.receive_json_from(timeout=5))["messages"]) == 1
        # Ids no database holds (too large for its integers, or not above 0).
        await socket.send_json_to({"cursor": 0, "have": sockets.IMPOSSIBLE_IDS})
        assert len((await socket.receive_json_from(timeout=5))["messages"]) == 1
        await socket.disconnect()

    async_to_sync(scenario)()


# --- the catch-up itself: what it returns and what it costs ---------------------------------


def _consumer(user, group):
    consumer = consumers.RoomConsumer()
    consumer.scope = {"user": user}
    consumer.group_obj, consumer.group_id = group, group.pk
    return consumer


def _rows(group, author, n):
    """Messages written straight to the table, without the services' events."""
    return [
        LiveMessage.objects.create(
            group=group,
            author=author,
            body=f"n{i}",
            body_html=f"<p>n{i}</p>",
            changed_at=timezone.now(),
        )
        for i in range(n)
    ]


def test_a_catch_up_runs_two_queries_however_much_changed(db, django_assert_num_queries):
    group = make_group()
    reader, talker = make_member(group), make_member(group)
    consumer = _consumer(reader, group)
    start = catch_up.cursor()
    with django_assert_num_queries(2):  # may the reader still read the room; the changes
        assert consumer.changes_since(start, [])["messages"] == []
    sent = [live_message_create(group=group, author=talker, body=f"m{i}") for i in range(3)]
    LiveMessage.objects.filter(pk__in=[m.pk for m in sent]).update(state="hidden")
    _rows(group, talker, 30)
    with django_assert_num_queries(2):
        changes = consumer.changes_since(start, [])
    assert len(changes["messages"]) == 30 and len(changes["removed"]) == 3


def test_too_many_changes_bring_the_latest_messages_instead_in_three_queries(
    db, django_assert_num_queries, monkeypatch
):
    monkeypatch.setattr(selectors, "ROOM_SYNC_LIMIT", 5)
    group = make_group()
    reader, talker = make_member(group), make_member(group)
    start = catch_up.cursor()
    sent = _rows(group, talker, 8)
    with django_assert_num_queries(3):
        changes = _consumer(reader, group).changes_since(start, [])
    assert changes["reset"] is True
    assert [m["id"] for m in changes["messages"]] == [m.pk for m in sent]  # the page's 50


def test_changes_before_the_cursor_are_not_sent_again(db):
    """The cursor stands for a moment a margin before it was issued; what changed before that
    is not sent again, whatever the client lists."""
    group = make_group()
    reader, talker = make_member(group), make_member(group)
    old = live_message_create(group=group, author=talker, body="long ago")
    LiveMessage.objects.filter(pk=old.pk).update(
        changed_at=timezone.now() - catch_up.SYNC_MARGIN - timedelta(seconds=5)
    )
    recent = live_message_create(group=group, author=talker, body="just now")
    changes = selectors.room_changes(group=group, viewer=reader, cursor=catch_up.cursor(), have=[])
    assert [m.pk for m in changes.messages] == [recent.pk]
    # A cursor is a margin older than the moment it was issued.
    now = timezone.now()
    assert catch_up.cursor(now) == catch_up.cursor(now - timedelta(seconds=1)) + 1_000_000


def test_the_plain_room_page_still_works_and_gives_the_script_a_cursor(client, db):
    group = make_group()
    member = make_member(group)
    client.force_login(member)
    url = reverse("groups:room", args=[group.slug])
    before = catch_up.cursor()
    cursor, shown = _page(client, member, group)
    assert before <= cursor <= catch_up.cursor()
    assert shown == []
    assert client.post(url, {"body": "hello"}).status_code == 302
    assert len(_page(client, member, group)[1]) == 1

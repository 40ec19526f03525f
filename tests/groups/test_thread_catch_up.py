"""Catching up on a thread page: a socket that was away gets, on reconnect, what a connected
reader was shown meanwhile — replies approved after review (which have older ids than what it
already has), replies hidden or deleted — once, in their place, only those that belong on the
reader's page, and never anything its page would not show."""

import re
from datetime import timedelta

import pytest
from asgiref.sync import async_to_sync
from channels.db import database_sync_to_async
from django.utils import timezone

from groups import catch_up, consumers, selectors
from groups.models import Block, Reply
from groups.services import post_delete, reply_create, thread_create
from moderation.services import appeal_decide, appeal_submit, content_hide
from tests.groups import sockets
from tests.groups.factories import make_group, make_member

HELD = "my first words here"


@pytest.fixture(autouse=True)
def _no_posting_intervals(settings):
    """Members here post in quick succession; the intervals between posts are tested elsewhere."""
    settings.SUPPORTNET_POST_INTERVAL = 0
    settings.SUPPORTNET_POST_INTERVAL_NEW = 0


def _path(thread):
    return f"/ws/threads/{thread.pk}/"


def _thread_with_a_held_reply():
    """A thread with a new member's first reply (held for review), then a visible reply written
    after it (so the held one has the lower id and the earlier place)."""
    group = make_group()
    newcomer, talker, reader = (
        make_member(group, trusted=False),
        make_member(group),
        make_member(group),
    )
    thread = thread_create(group=group, author=group.created_by, title="Hello", body="Welcome")
    held = reply_create(thread=thread, author=newcomer, body=HELD)
    later = reply_create(thread=thread, author=talker, body="glad you are here")
    assert (held.state, later.state) == ("pending", "visible")
    assert held.pk < later.pk
    return group, thread, newcomer, reader, held, later


def _page(client, user, thread, page="last"):
    """What the reader's page gives its script: cursor, where the page starts, ids shown
    (cursor and start are None when the page has no live socket)."""
    client.force_login(user)
    html = client.get(f"{thread.get_absolute_url()}?page={page}").content.decode()
    found = re.search(r'data-cursor="(\d+)" data-from="(\d+)"', html)
    shown = [int(i) for i in re.findall(r'<li[^>]* id="reply-(\d+)"', html)]
    if found is None:
        return None, None, shown
    return int(found.group(1)), int(found.group(2)), shown


def _sync(user, thread, cursor, have, page_from=0):
    """Connect, catch up as the thread page's script does, and return what the server said and
    the socket (still open)."""
    return sockets.sync(user, _path(thread), {"cursor": cursor, "have": have, "from": page_from})


def _ids(answer):
    return [r["id"] for r in answer["replies"]]


@pytest.mark.django_db(transaction=True)
def test_a_reply_approved_while_a_reader_was_away_arrives_once_in_its_place_on_reconnect(
    client,
):
    group, thread, _newcomer, reader, held, later = _thread_with_a_held_reply()
    cursor, page_from, shown = _page(client, reader, thread)
    assert (page_from, shown) == (0, [later.pk])  # the held reply is not on the page

    async def scenario():
        first, socket = await _sync(reader, thread, cursor, shown)
        assert (first["replies"], first["removed"], first["reset"]) == ([], [], False)
        await socket.disconnect()
        # Away: the held reply is approved, and someone else writes.
        await sockets.approve(held, group.created_by)
        newest = await database_sync_to_async(reply_create)(
            thread=thread, author=group.created_by, body="welcome back"
        )
        again, socket = await _sync(reader, thread, first["cursor"], shown)
        # Once each, in the thread's order: the approved reply before the one written after.
        assert _ids(again) == [held.pk, newest.pk]
        assert HELD in again["replies"][0]["html"]
        assert again["removed"] == []
        assert again["cursor"] >= first["cursor"]
        # Caught up: the next reconnect brings nothing more.
        settled, socket2 = await _sync(
            reader, thread, again["cursor"], [*shown, held.pk, newest.pk]
        )
        assert (settled["replies"], settled["removed"]) == ([], [])
        await sockets.close(socket, socket2)

    async_to_sync(scenario)()
    # As a reload shows it.
    assert _page(client, reader, thread)[2][:2] == [held.pk, later.pk]


@pytest.mark.django_db(transaction=True)
def test_a_reader_connected_at_approval_gets_it_once_and_not_again_on_reconnect(client):
    group, thread, _newcomer, reader, held, later = _thread_with_a_held_reply()
    cursor, _from, shown = _page(client, reader, thread)

    async def scenario():
        first, socket = await _sync(reader, thread, cursor, shown)
        await sockets.approve(held, group.created_by)
        pushed = await socket.receive_json_from(timeout=5)
        assert (pushed["type"], pushed["id"]) == ("reply", held.pk)
        assert pushed["cursor"] > first["cursor"]  # the page moves its cursor on
        assert await socket.receive_nothing(timeout=0.3)
        await socket.disconnect()
        again, socket = await _sync(
            reader, thread, max(first["cursor"], pushed["cursor"]), [later.pk, held.pk]
        )
        assert (again["replies"], again["removed"]) == ([], [])
        await socket.disconnect()

    async_to_sync(scenario)()


@pytest.mark.django_db(transaction=True)
def test_a_reply_hidden_or_deleted_leaves_open_pages_at_once_and_on_reconnect(client):
    group = make_group()
    talker, writer, reader, witness = (make_member(group) for _ in range(4))
    thread = thread_create(group=group, author=group.created_by, title="Hello", body="Welcome")
    unkind = reply_create(thread=thread, author=talker, body="call me on this number")
    regret = reply_create(thread=thread, author=writer, body="something I regret writing")
    kept = reply_create(thread=thread, author=talker, body="how is everyone")
    cursor, _from, shown = _page(client, reader, thread)
    assert shown == [unkind.pk, regret.pk, kept.pk]

    async def scenario():
        first, watching = await sockets.away_and_watching(
            lambda user: _sync(user, thread, cursor, shown), reader, witness
        )
        await sockets.hide(unkind, group.created_by)
        await database_sync_to_async(post_delete)(post=regret, by=writer)
        # A reader who is connected sees them go at once; only the ids travel...
        for gone in (unkind, regret):
            removed = await watching.receive_json_from(timeout=5)
            assert (removed["type"], removed["id"]) == ("removed", gone.pk)
            assert set(removed) == {"type", "id", "cursor"}
        # ...and one who was away, when they reconnect.
        again, socket = await _sync(reader, thread, first["cursor"], shown)
        assert sorted(again["removed"]) == [unkind.pk, regret.pk]
        assert again["replies"] == []
        await sockets.close(socket, watching)

    async_to_sync(scenario)()
    assert _page(client, reader, thread)[2] == [kept.pk]


@pytest.mark.django_db(transaction=True)
def test_a_reply_held_again_after_its_edit_leaves_others_pages_but_not_its_authors(client):
    from groups.services import post_edit
    from moderation.services import watched_word_add

    group = make_group()
    writer, witness = make_member(group), make_member(group)
    watched_word_add(phrase="meet up", action="hold", by=group.created_by)
    thread = thread_create(group=group, author=group.created_by, title="Hello", body="Welcome")
    reply = reply_create(thread=thread, author=writer, body="good evening all")
    cursor, _from, shown = _page(client, witness, thread)

    async def scenario():
        _, watching = await _sync(witness, thread, cursor, shown)
        _, own = await _sync(writer, thread, cursor, shown)
        await database_sync_to_async(post_edit)(post=reply, by=writer, body="shall we meet up")
        removed = await watching.receive_json_from(timeout=5)
        assert (removed["type"], removed["id"]) == ("removed", reply.pk)
        # Its author's page keeps it, as a reload does ("waiting for review").
        assert await own.receive_nothing(timeout=0.5)
        await sockets.close(watching, own)

    async_to_sync(scenario)()
    assert reply.pk in _page(client, writer, thread)[2]
    assert reply.pk not in _page(client, witness, thread)[2]


@pytest.mark.django_db(transaction=True)
def test_a_held_reply_taken_down_leaves_its_authors_page_and_nobody_hears_of_it(client):
    group, thread, newcomer, reader, held, _later = _thread_with_a_held_reply()
    cursor, _from, shown_to_author = _page(client, newcomer, thread)
    _cursor, _from, shown_to_reader = _page(client, reader, thread)
    assert held.pk in shown_to_author and held.pk not in shown_to_reader

    async def scenario():
        _, own = await _sync(newcomer, thread, cursor, shown_to_author)
        _, other = await _sync(reader, thread, cursor, shown_to_reader)
        await sockets.hide(held, group.created_by)
        removed = await own.receive_json_from(timeout=5)
        assert (removed["type"], removed["id"]) == ("removed", held.pk)
        assert await other.receive_nothing(timeout=0.5)  # never had it: not even its id
        again, socket = await _sync(newcomer, thread, cursor, shown_to_author)
        assert again["removed"] == [held.pk]
        theirs, other_again = await _sync(reader, thread, cursor, shown_to_reader)
        assert theirs["removed"] == []
        await sockets.close(own, other, socket, other_again)

    async_to_sync(scenario)()


@pytest.mark.django_db(transaction=True)
def test_a_blocked_authors_replies_never_reach_the_blocker(client):
    group, thread, newcomer, _reader, held, later = _thread_with_a_held_reply()
    blocker = make_member(group)
    Block.objects.create(blocker=blocker, blocked=newcomer)
    cursor, _from, shown = _page(client, blocker, thread)
    assert shown == [later.pk]

    async def scenario():
        first, socket = await _sync(blocker, thread, cursor, shown)
        # Connected when it is approved: nothing comes.
        await sockets.approve(held, group.created_by)
        assert await socket.receive_nothing(timeout=0.5)
        await socket.disconnect()
        # Away when it is hidden (a reply they never had): nothing either, not even its id.
        await sockets.hide(held, group.created_by)
        again, socket = await _sync(blocker, thread, first["cursor"], shown)
        assert (again["replies"], again["removed"]) == ([], [])
        # Even with an old cursor and nothing listed as shown.
        everything, socket2 = await _sync(blocker, thread, 0, [])
        assert _ids(everything) == [later.pk]
        assert everything["removed"] == []
        await sockets.close(socket, socket2)

    async_to_sync(scenario)()


@pytest.mark.django_db(transaction=True)
def test_held_replies_reach_nobody_but_through_approval_not_even_through_catch_up(client):
    group, thread, newcomer, reader, held, _later = _thread_with_a_held_reply()
    other_held = reply_create(thread=thread, author=make_member(group, trusted=False), body="hi")
    assert other_held.state == "pending"
    cursor, _from, shown = _page(client, reader, thread)

    async def scenario():
        outputs = []
        for user in (reader, newcomer, group.created_by):
            answer, socket = await _sync(user, thread, 0, [])
            outputs.append(answer)
            await socket.disconnect()
        await sockets.hide(other_held, group.created_by)  # hidden while still held
        answer, socket = await _sync(reader, thread, cursor, shown)
        await socket.disconnect()
        return outputs, answer

    outputs, after_hiding = async_to_sync(scenario)()
    for answer in outputs:
        assert held.pk not in _ids(answer) and other_held.pk not in _ids(answer)
    # Never shown, so its hiding changes nothing anyone sees: not even its id is sent.
    assert after_hiding["removed"] == []


@pytest.mark.django_db(transaction=True)
def test_a_reply_restored_after_an_appeal_comes_back_live_and_on_reconnect(client, mods):
    from moderation.models import Notice

    group = make_group()
    talker, reader, witness = (make_member(group) for _ in range(3))
    thread = thread_create(group=group, author=group.created_by, title="Hello", body="Welcome")
    reply = reply_create(thread=thread, author=talker, body="it was only a joke")
    content_hide(post=reply, moderator=mods[0], reason="unkind")
    notice = Notice.objects.get(kind=Notice.Kind.POST_HIDDEN, object_id=reply.pk)
    appeal_submit(notice=notice, member=talker, text="please look again")
    cursor, _from, shown = _page(client, reader, thread)
    assert shown == []

    async def scenario():
        first, watching = await sockets.away_and_watching(
            lambda user: _sync(user, thread, cursor, shown), reader, witness
        )
        await database_sync_to_async(appeal_decide)(
            notice=notice, moderator=mods[1], overturn=True, outcome="fine after all"
        )
        pushed = await watching.receive_json_from(timeout=5)
        assert (pushed["type"], pushed["id"]) == ("reply", reply.pk)
        again, socket = await _sync(reader, thread, first["cursor"], shown)
        assert _ids(again) == [reply.pk]
        await sockets.close(socket, watching)

    async_to_sync(scenario)()


@pytest.mark.django_db(transaction=True)
def test_only_replies_that_belong_on_the_readers_page_are_added(client, monkeypatch):
    """On the thread's last page (here page 2), a held reply approved that takes its place on
    page 1 stays there, pushed or caught up; one whose place is on the reader's page comes, in
    its place."""
    monkeypatch.setattr(selectors, "REPLIES_PER_PAGE", 2)
    group = make_group()
    talker, reader, witness = (make_member(group) for _ in range(3))
    newcomers = [make_member(group, trusted=False) for _ in range(2)]
    thread = thread_create(group=group, author=group.created_by, title="Hello", body="Welcome")
    early = reply_create(thread=thread, author=newcomers[0], body="early and held")
    first_page = [reply_create(thread=thread, author=talker, body=f"p1 {i}") for i in range(2)]
    starts = reply_create(thread=thread, author=group.created_by, body="p2 a")
    late = reply_create(thread=thread, author=newcomers[1], body="late and held")
    ends = reply_create(thread=thread, author=group.created_by, body="p2 b")
    assert [early.state, late.state] == ["pending", "pending"]
    cursor, page_from, shown = _page(client, reader, thread)
    assert (page_from, shown) == (starts.pk, [starts.pk, ends.pk])
    assert _page(client, reader, thread, page="1")[:2] == (None, None)  # no socket there
    assert early.pk < first_page[0].pk

    async def scenario():
        first, watching = await sockets.away_and_watching(
            lambda user: _sync(user, thread, cursor, shown, page_from), reader, witness
        )
        await sockets.approve(early, group.created_by)  # its place: page 1
        await sockets.approve(late, group.created_by)  # its place: page 2, between the two shown
        pushed = await watching.receive_json_from(timeout=5)
        assert pushed["id"] == late.pk
        assert await watching.receive_nothing(timeout=0.3)
        again, socket = await _sync(reader, thread, first["cursor"], shown, page_from)
        assert _ids(again) == [late.pk]
        await sockets.close(socket, watching)

    async_to_sync(scenario)()


@pytest.mark.django_db(transaction=True)
def test_nonsense_from_the_client_gets_no_answer_and_the_socket_stays():
    group = make_group()
    reader = make_member(group)
    thread = thread_create(group=group, author=group.created_by, title="Hello", body="Welcome")
    reply_create(thread=thread, author=group.created_by, body="hello")

    async def scenario():
        socket = await sockets.connected(reader, _path(thread))
        await sockets.send_each(socket, (*sockets.NONSENSE, ["cursor"], "hello"))
        assert await socket.receive_nothing(timeout=0.5)
        # Bad ids and a bad page start are ignored; the rest still works.
        await socket.send_json_to({"cursor": 0, "have": ["x", None, {"a": 1}], "from": "x"})
        answer = await socket.receive_json_from(timeout=5)
        assert answer["type"] == "sync" and len(answer["replies"]) == 1
        await socket.send_json_to({"cursor": 0, "have": "everything", "from": -5})
        assert len((await socket.receive_json_from(timeout=5))["replies"]) == 1
        # Ids no database holds (too large for its integers, or not above 0).
        await socket.send_json_to({"cursor": 0, "have": sockets.IMPOSSIBLE_IDS, "from": 2**70})
        assert len((await socket.receive_json_from(timeout=5))["replies"]) == 1
        await socket.disconnect()

    async_to_sync(scenario)()


# --- the catch-up itself: what it returns and what it costs ---------------------------------


def _consumer(user, thread):
    consumer = consumers.ThreadConsumer()
    consumer.scope = {"user": user}
    consumer.thread, consumer.group_id = thread, thread.group_id
    return consumer


def _rows(thread, author, n, **extra):
    return [
        Reply.objects.create(
            thread=thread,
            author=author,
            body=f"r{i}",
            body_html=f"<p>r{i}</p>",
            published_at=timezone.now(),
            changed_at=timezone.now(),
            **extra,
        )
        for i in range(n)
    ]


def test_a_catch_up_runs_a_fixed_number_of_queries_however_much_changed(
    db, django_assert_num_queries
):
    group = make_group()
    reader, talker = make_member(group), make_member(group)
    thread = thread_create(group=group, author=group.created_by, title="Hello", body="Welcome")
    consumer = _consumer(reader, thread)
    start = catch_up.cursor()
    # May the reader still read the group; the thread; the changes.
    with django_assert_num_queries(3):
        assert consumer.changes_since(start, [])["replies"] == []
    hidden = _rows(thread, talker, 3, state="hidden")  # they were on the reader's page
    _rows(thread, talker, 30)
    with django_assert_num_queries(4):  # and the shown replies' reactions
        changes = consumer.changes_since(start, [r.pk for r in hidden])
    assert len(changes["replies"]) == 30 and len(changes["removed"]) == 3


def test_too_many_changes_bring_the_last_page_instead_in_six_queries(
    db, django_assert_num_queries, monkeypatch
):
    monkeypatch.setattr(selectors, "THREAD_SYNC_LIMIT", 5)
    monkeypatch.setattr(selectors, "REPLIES_PER_PAGE", 4)
    group = make_group()
    reader, talker = make_member(group), make_member(group)
    thread = thread_create(group=group, author=group.created_by, title="Hello", body="Welcome")
    start = catch_up.cursor()
    sent = _rows(thread, talker, 10)
    with django_assert_num_queries(6):  # the checks, the changes, the count, the page, reactions
        changes = _consumer(reader, thread).changes_since(start, [])
    assert changes["reset"] is True
    assert [r["id"] for r in changes["replies"]] == [r.pk for r in sent[8:]]  # page 3 of 3
    assert changes["from"] == sent[8].pk


def test_changes_before_the_cursor_are_not_sent_again(db):
    group = make_group()
    reader, talker = make_member(group), make_member(group)
    thread = thread_create(group=group, author=group.created_by, title="Hello", body="Welcome")
    old = reply_create(thread=thread, author=talker, body="long ago")
    Reply.objects.filter(pk=old.pk).update(
        changed_at=timezone.now() - catch_up.SYNC_MARGIN - timedelta(seconds=5)
    )
    recent = reply_create(thread=thread, author=talker, body="just now")
    changes = selectors.thread_changes(
        thread=thread, viewer=reader, cursor=catch_up.cursor(), have=[]
    )
    assert [r.pk for r in changes.replies] == [recent.pk]


def test_the_plain_thread_page_still_works_and_gives_the_script_a_cursor(client, db):
    group = make_group()
    member = make_member(group)
    thread = thread_create(group=group, author=group.created_by, title="Hello", body="Welcome")
    before = catch_up.cursor()
    cursor, page_from, shown = _page(client, member, thread)
    assert before <= cursor <= catch_up.cursor()
    assert (page_from, shown) == (0, [])
    response = client.post(f"{thread.get_absolute_url()}reply/", {"body": "hello"})
    assert response.status_code == 302
    assert len(_page(client, member, thread)[2]) == 1

"""Unread markers: what is new since a member last read a thread, on the group page and in the
thread; private to each member; reading a thread with nothing new writes nothing."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from groups.models import Reply, ThreadRead
from groups.selectors import REPLIES_PER_PAGE
from groups.services import post_review, reply_create, thread_create
from tests.groups.factories import make_group, make_member

pytestmark = pytest.mark.django_db

NEW_REPLY = '<strong class="new-marker">New</strong>'
NEW_THREAD = '<span class="badge badge--new">New'


@pytest.fixture(autouse=True)
def _no_posting_interval(settings):
    settings.SUPPORTNET_POST_INTERVAL = 0


def _conversation():
    group = make_group()
    reader, writer = make_member(group), make_member(group)
    thread = thread_create(group=group, author=writer, title="Evenings", body="hard")
    return group, reader, writer, thread


def test_replies_since_the_last_visit_are_marked_new_with_a_link_to_the_first(client):
    _group, reader, writer, thread = _conversation()
    old = reply_create(thread=thread, author=writer, body="before your visit")
    client.force_login(reader)
    first = client.get(thread.get_absolute_url()).content.decode()
    assert NEW_REPLY not in first  # a first visit marks nothing

    fresh = reply_create(thread=thread, author=writer, body="after your visit")
    reply_create(thread=thread, author=reader, body="my own reply")
    page = client.get(thread.get_absolute_url()).content.decode()
    assert page.count(NEW_REPLY) == 1  # not the reader's own reply
    assert f'<a href="#reply-{fresh.pk}">Jump to the first new reply</a>' in page
    before, after = page.split(f'id="reply-{fresh.pk}"')
    assert NEW_REPLY not in before.split(f'id="reply-{old.pk}"')[1]
    assert NEW_REPLY in after.split("</p>")[0]

    again = client.get(thread.get_absolute_url()).content.decode()
    assert NEW_REPLY not in again
    assert "Jump to the first new reply" not in again


def test_the_group_page_marks_conversations_with_activity_since_they_were_read(client):
    group, reader, writer, thread = _conversation()
    client.force_login(reader)
    client.get(thread.get_absolute_url())
    assert NEW_THREAD not in client.get(group.get_absolute_url()).content.decode()
    reply_create(thread=thread, author=writer, body="news")
    assert NEW_THREAD in client.get(group.get_absolute_url()).content.decode()
    client.get(thread.get_absolute_url())
    assert NEW_THREAD not in client.get(group.get_absolute_url()).content.decode()


def test_conversations_from_before_joining_are_not_new_but_later_ones_are(client):
    group = make_group()
    writer = make_member(group)
    thread_create(group=group, author=writer, title="Older", body="b")
    reader = make_member(group)
    membership = reader.memberships.get()
    membership.joined_at = timezone.now()
    membership.save(update_fields=["joined_at"])
    client.force_login(reader)
    assert NEW_THREAD not in client.get(group.get_absolute_url()).content.decode()
    later = thread_create(group=group, author=writer, title="Later", body="b")
    page = client.get(group.get_absolute_url()).content.decode()
    assert page.count(NEW_THREAD) == 1
    assert f"{later.title}</a> {NEW_THREAD}" in page


def test_reading_the_first_page_leaves_the_rest_of_a_long_thread_unread(client):
    group, reader, writer, thread = _conversation()
    client.force_login(reader)
    client.get(thread.get_absolute_url())
    start = timezone.now()
    Reply.objects.bulk_create(
        Reply(
            thread=thread,
            author=writer,
            body=f"r{i}",
            body_html=f"<p>r{i}</p>",
            created_at=start + timedelta(seconds=i),
        )
        for i in range(REPLIES_PER_PAGE + 5)
    )
    thread.last_activity_at = start + timedelta(seconds=REPLIES_PER_PAGE + 4)
    thread.save(update_fields=["last_activity_at"])
    first_page = client.get(thread.get_absolute_url() + "?page=1").content.decode()
    assert first_page.count(NEW_REPLY) == REPLIES_PER_PAGE
    seen = ThreadRead.objects.get(user=reader, thread=thread).seen_up_to
    assert seen == start + timedelta(seconds=REPLIES_PER_PAGE - 1)
    assert NEW_THREAD in client.get(group.get_absolute_url()).content.decode()
    last_page = client.get(thread.get_absolute_url() + "?page=2").content.decode()
    assert last_page.count(NEW_REPLY) == 5
    assert NEW_THREAD not in client.get(group.get_absolute_url()).content.decode()
    # Going back to page 1 never moves the mark backwards.
    client.get(thread.get_absolute_url() + "?page=1")
    assert ThreadRead.objects.get(user=reader, thread=thread).seen_up_to == thread.last_activity_at


def test_what_one_member_has_read_changes_nothing_for_another(client):
    group, reader, writer, thread = _conversation()
    other = make_member(group)
    for member in (reader, other):
        client.force_login(member)
        client.get(thread.get_absolute_url())
    reply_create(thread=thread, author=writer, body="news")
    client.force_login(reader)
    client.get(thread.get_absolute_url())
    client.force_login(other)
    assert NEW_THREAD in client.get(group.get_absolute_url()).content.decode()
    assert NEW_REPLY in client.get(thread.get_absolute_url()).content.decode()


def test_reading_a_thread_with_nothing_new_writes_nothing(client):
    _group, reader, writer, thread = _conversation()
    reply_create(thread=thread, author=writer, body="one")
    client.force_login(reader)
    client.get(thread.get_absolute_url())
    with CaptureQueriesContext(connection) as queries:
        client.get(thread.get_absolute_url())
    writes = [
        q["sql"]
        for q in queries.captured_queries
        if "groups_threadread" in q["sql"] and not q["sql"].lstrip().upper().startswith("SELECT")
    ]
    assert writes == []
    assert ThreadRead.objects.filter(user=reader).count() == 1


def test_a_held_reply_approved_after_the_last_visit_is_new_to_readers(client):
    group, reader, writer, thread = _conversation()
    newcomer = make_member(group, trusted=False)
    held = reply_create(thread=thread, author=newcomer, body="my first reply, waiting")
    assert held.state == "pending"
    reply_create(thread=thread, author=writer, body="written after it")
    client.force_login(reader)
    client.get(thread.get_absolute_url())  # read everything others could see

    post_review(post=held, by=group.created_by, approve=True)
    assert NEW_THREAD in client.get(group.get_absolute_url()).content.decode()
    page = client.get(thread.get_absolute_url()).content.decode()
    assert page.count(NEW_REPLY) == 1  # the approved reply, though written before the visit
    assert f'<a href="#reply-{held.pk}">Jump to the first new reply</a>' in page
    assert NEW_REPLY not in client.get(thread.get_absolute_url()).content.decode()


def test_a_held_conversation_approved_later_moves_up_and_is_new(client):
    group, reader, writer, thread = _conversation()
    newcomer = make_member(group, trusted=False)
    held = thread_create(group=group, author=newcomer, title="Mornings", body="waiting")
    client.force_login(reader)
    client.get(thread.get_absolute_url())
    reply_create(thread=thread, author=writer, body="later activity here")
    client.get(thread.get_absolute_url())

    post_review(post=held, by=group.created_by, approve=True)
    held.refresh_from_db()
    assert held.published_at is not None and held.published_at > held.created_at
    page = client.get(group.get_absolute_url()).content.decode()
    assert page.index("Mornings") < page.index("Evenings")  # newest activity first
    assert page.count(NEW_THREAD) == 1


def test_activity_the_member_cannot_see_does_not_mark_a_conversation_new(client):
    from groups.models import Block
    from groups.services import post_hide

    group, reader, writer, thread = _conversation()
    blocked = make_member(group)
    Block.objects.create(blocker=reader, blocked=blocked)
    client.force_login(reader)
    client.get(thread.get_absolute_url())
    reply_create(thread=thread, author=blocked, body="someone they blocked")
    reply_create(thread=thread, author=reader, body="their own reply")
    assert NEW_THREAD not in client.get(group.get_absolute_url()).content.decode()
    hidden = reply_create(thread=thread, author=writer, body="taken down soon")
    post_hide(post=hidden, by=group.created_by)
    assert NEW_THREAD not in client.get(group.get_absolute_url()).content.decode()
    reply_create(thread=thread, author=writer, body="something they can read")
    assert NEW_THREAD in client.get(group.get_absolute_url()).content.decode()

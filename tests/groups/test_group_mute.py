"""Muting a whole group: no notifications from any of its threads for the member who muted
it, everything as before for everyone else; private, and only for active members."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from groups.models import Membership, Notification, Reply, Subscription
from groups.services import (
    membership_set_notifications_muted,
    membership_set_status,
    notify_for_post,
    reply_create,
    thread_create,
)
from tests.factories import UserFactory
from tests.groups.factories import make_group, make_member

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _no_posting_interval(settings):
    settings.SUPPORTNET_POST_INTERVAL = 0


def _mute(group, user, muted=True):
    membership = Membership.objects.get(group=group, user=user)
    return membership_set_notifications_muted(membership=membership, muted=muted)


def _muted(group, user) -> bool:
    return Membership.objects.get(group=group, user=user).notifications_muted


def _recipients(kind=None):
    notes = Notification.objects.all()
    if kind:
        notes = notes.filter(kind=kind)
    return set(notes.values_list("recipient", flat=True))


# --- the rule -----------------------------------------------------------------------------


def test_a_reply_in_a_muted_group_notifies_other_followers_but_not_the_member_who_muted_it():
    group = make_group()
    starter, follower, replier = make_member(group), make_member(group), make_member(group)
    thread = thread_create(group=group, author=starter, title="Evenings", body="hard")
    Subscription.objects.create(user=follower, thread=thread)
    _mute(group, starter)
    reply_create(thread=thread, author=replier, body="same here")
    assert _recipients() == {follower.pk}


def test_a_mention_in_a_muted_group_notifies_others_but_not_the_member_who_muted_it():
    group = make_group()
    muter, friend, author = make_member(group), make_member(group), make_member(group)
    _mute(group, muter)
    # In a new thread and in a reply: neither reaches the member who muted the group.
    thread = thread_create(
        group=group,
        author=author,
        title="Hello",
        body=f"@{muter.pseudonym} @{friend.pseudonym} welcome",
    )
    reply_create(thread=thread, author=author, body=f"@{muter.pseudonym} and @{friend.pseudonym}")
    assert _recipients("mention") == {friend.pk}
    assert Notification.objects.filter(recipient=friend, kind="mention").count() == 2
    assert not Notification.objects.filter(recipient=muter).exists()


def test_unmuting_a_group_restores_its_notifications():
    group = make_group()
    starter, replier = make_member(group), make_member(group)
    thread = thread_create(group=group, author=starter, title="Evenings", body="hard")
    _mute(group, starter)
    reply_create(thread=thread, author=replier, body="one")
    assert not Notification.objects.exists()
    _mute(group, starter, muted=False)
    reply_create(thread=thread, author=replier, body=f"two, @{starter.pseudonym}")
    assert list(Notification.objects.values_list("recipient", "kind")) == [(starter.pk, "mention")]
    reply_create(thread=thread, author=replier, body="three")
    assert Notification.objects.filter(recipient=starter, kind="reply").count() == 1


def test_muting_one_group_leaves_the_members_other_groups_alone():
    quiet, loud = make_group(), make_group()
    person = UserFactory()
    make_member(quiet, person)
    make_member(loud, person)
    quiet_thread = thread_create(group=quiet, author=person, title="Q", body="q")
    loud_thread = thread_create(group=loud, author=person, title="L", body="l")
    _mute(quiet, person)
    reply_create(thread=quiet_thread, author=make_member(quiet), body="in the quiet group")
    reply_create(thread=loud_thread, author=make_member(loud), body="in the other group")
    assert list(Notification.objects.values_list("recipient", "thread")) == [
        (person.pk, loud_thread.pk)
    ]


def test_a_held_post_approved_later_does_not_notify_a_member_who_muted_the_group(settings):
    from groups.services import post_review

    group = make_group()
    starter = make_member(group)
    thread = thread_create(group=group, author=starter, title="Evenings", body="hard")
    newcomer = make_member(group, trusted=False)
    reply = reply_create(thread=thread, author=newcomer, body=f"@{starter.pseudonym} hi")
    _mute(group, starter)
    post_review(post=reply, by=UserFactory(is_moderator=True), approve=True)
    assert not Notification.objects.filter(recipient=starter).exists()


def test_only_an_active_member_can_mute_through_the_service():
    group = make_group()
    member = make_member(group)
    membership = Membership.objects.get(group=group, user=member)
    membership_set_status(membership=membership, by=group.created_by, status="banned")
    from groups.services import GroupError

    with pytest.raises(GroupError):
        membership_set_notifications_muted(membership=membership, muted=True)
    assert not _muted(group, member)


def _fan_out(members: int, *, muted_every: int = 2) -> tuple[Reply, set[int], set[int]]:
    """A visible reply in a thread that `members` members follow and the reply mentions;
    every `muted_every`-th of them muted the group."""
    group = make_group()
    starter = make_member(group)
    thread = thread_create(group=group, author=starter, title="T", body="B")
    people = [make_member(group) for _ in range(members)]
    Subscription.objects.bulk_create(Subscription(user=p, thread=thread) for p in people)
    muted = set()
    for i, person in enumerate(people):
        if i % muted_every == 0:
            _mute(group, person)
            muted.add(person.pk)
    mentions = " ".join(f"@{p.pseudonym}" for p in people[:6])
    reply = Reply.objects.create(
        thread=thread, author=starter, body=mentions, body_html="<p>x</p>", state="visible"
    )
    return reply, {p.pk for p in people} - muted, muted


def test_the_notification_fan_out_runs_the_same_number_of_queries_for_3_or_60_members():
    counted = []
    for size in (3, 60):
        reply, hearing, muted = _fan_out(size)
        Notification.objects.all().delete()
        with CaptureQueriesContext(connection) as queries:
            made = notify_for_post(post=reply)
        counted.append(len(queries.captured_queries))
        recipients = {n.recipient_id for n in made}
        assert recipients == hearing
        assert not recipients & muted
    assert counted[0] == counted[1]

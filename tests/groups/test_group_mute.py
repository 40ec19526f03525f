"""Muting a whole group: no notifications from any of its threads for the member who muted
it, everything as before for everyone else; private, and only for active members."""

import re

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

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


# --- the control on the group page --------------------------------------------------------


def test_a_member_mutes_and_unmutes_a_group_from_its_page(client):
    group = make_group(name="Evenings")
    member = make_member(group)
    client.force_login(member)
    url = reverse("groups:mute", args=[group.slug])
    page = client.get(group.get_absolute_url()).content.decode()
    assert f'action="{url}"' in page
    assert "Mute this group" in page

    response = client.post(url, {"choice": "mute"}, follow=True)
    assert response.redirect_chain == [(group.get_absolute_url(), 302)]
    body = response.content.decode()
    assert "Evenings is muted: you won&#x27;t get notifications" in body
    assert "Unmute this group" in body
    assert _muted(group, member)

    response = client.post(url, {"choice": "unmute"}, follow=True)
    assert "Evenings is unmuted" in response.content.decode()
    assert not _muted(group, member)


def test_a_muted_group_is_still_readable_as_usual(client):
    group = make_group()
    member = make_member(group)
    thread = thread_create(group=group, author=group.created_by, title="Still here", body="Words")
    _mute(group, member)
    client.force_login(member)
    assert "Still here" in client.get(group.get_absolute_url()).content.decode()
    response = client.get(thread.get_absolute_url())
    assert response.status_code == 200
    assert "Words" in response.content.decode()


def test_the_mute_control_shows_only_to_active_members(client):
    group = make_group(join_policy="request")
    mute_url = reverse("groups:mute", args=[group.slug])
    pending = UserFactory()
    Membership.objects.create(group=group, user=pending)
    for person in (UserFactory(), pending):
        client.force_login(person)
        page = client.get(group.get_absolute_url())
        assert page.status_code == 200
        assert mute_url not in page.content.decode()
    client.force_login(make_member(group))
    assert mute_url in client.get(group.get_absolute_url()).content.decode()


def _as_seen_by(client, user, url) -> str:
    client.force_login(user)
    page = client.get(url).content.decode()
    # CSRF tokens are masked afresh on every page: leave them out of the comparison.
    page = re.sub(r'name="csrfmiddlewaretoken" value="[^"]*"', "", page)
    return re.sub(r'"X-CSRFToken": "[^"]*"', "", page)


def test_nobody_else_can_tell_that_a_member_muted_the_group(client):
    group = make_group()
    muter, other = make_member(group), make_member(group)
    thread_create(group=group, author=muter, title="Mine", body="words")
    pages = [
        (group.created_by, reverse("groups:requests", args=[group.slug])),
        (group.created_by, group.get_absolute_url()),
        (other, group.get_absolute_url()),
    ]
    before = [_as_seen_by(client, user, url) for user, url in pages]
    _mute(group, muter)
    after = [_as_seen_by(client, user, url) for user, url in pages]
    assert before == after
    from supportnet.core.models import AuditEntry

    assert not AuditEntry.objects.filter(action__icontains="mute").exists()


# --- refused ------------------------------------------------------------------------------


def _outsiders(group):
    """People who are not active members of `group`, each with a different reason."""
    other_group = make_group()
    pending, banned, removed = UserFactory(), UserFactory(), UserFactory()
    Membership.objects.create(group=group, user=pending)
    for person, status in ((banned, "banned"), (removed, "removed")):
        membership = Membership.objects.get(group=group, user=make_member(group, person))
        membership_set_status(membership=membership, by=group.created_by, status=status)
    return {
        "no membership": UserFactory(),
        "member of another group": make_member(other_group),
        "pending": pending,
        "banned": banned,
        "removed": removed,
    }


@pytest.mark.parametrize("visibility", ["listed", "unlisted"])
def test_anyone_but_an_active_member_gets_a_404_from_the_mute_url_and_nothing_changes(
    client, visibility
):
    group = make_group(visibility=visibility)
    outsiders = _outsiders(group)
    url = reverse("groups:mute", args=[group.slug])
    before = list(Membership.objects.order_by("pk").values_list("pk", "status"))
    for reason, person in outsiders.items():
        client.force_login(person)
        for choice in ("mute", "unmute"):
            assert client.post(url, {"choice": choice}).status_code == 404, reason
    assert list(Membership.objects.order_by("pk").values_list("pk", "status")) == before
    assert not Membership.objects.filter(notifications_muted=True).exists()


def test_an_unknown_group_gets_a_404(client, member):
    client.force_login(member)
    assert (
        client.post(reverse("groups:mute", args=["no-such-group"]), {"choice": "mute"}).status_code
        == 404
    )


def test_get_on_the_mute_url_is_refused_and_changes_nothing(client):
    group = make_group()
    member = make_member(group)
    client.force_login(member)
    url = reverse("groups:mute", args=[group.slug])
    assert client.get(url, {"choice": "mute"}).status_code == 405
    assert not _muted(group, member)


@pytest.mark.parametrize("data", [{}, {"choice": ""}, {"choice": "both"}, {"choice": "MUTE"}])
def test_an_unknown_choice_gets_a_400_and_changes_nothing(client, data):
    group = make_group()
    member = make_member(group)
    client.force_login(member)
    response = client.post(reverse("groups:mute", args=[group.slug]), data)
    assert response.status_code == 400
    assert not _muted(group, member)


def test_muting_needs_the_csrf_token_and_a_signed_in_member(client):
    group = make_group()
    member = make_member(group)
    url = reverse("groups:mute", args=[group.slug])
    assert client.post(url, {"choice": "mute"})["Location"].startswith("/accounts/login/")
    strict = Client(enforce_csrf_checks=True)
    strict.force_login(member)
    assert strict.post(url, {"choice": "mute"}).status_code == 403
    assert not _muted(group, member)

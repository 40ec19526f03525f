"""Replies and mentions notify in the app; blocks and mutes are respected; no content leaks."""

import pytest
from django.core import mail
from django.urls import reverse

from groups.models import Block, Notification
from groups.services import (
    membership_leave,
    membership_set_status,
    reply_create,
    subscription_set,
    thread_create,
)
from tests.factories import UserFactory
from tests.groups.factories import make_group, make_member

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _no_posting_interval(settings):
    settings.SUPPORTNET_POST_INTERVAL = 0


def _thread():
    group = make_group()
    starter = make_member(group)
    thread = thread_create(group=group, author=starter, title="Evenings", body="hard")
    return group, starter, thread


def test_the_thread_starter_hears_of_replies_but_not_of_their_own():
    group, starter, thread = _thread()
    replier = make_member(group)
    reply_create(thread=thread, author=replier, body="same here")
    reply_create(thread=thread, author=starter, body="thanks")
    notes = {(n.recipient, n.kind) for n in Notification.objects.all()}
    assert notes == {(starter, "reply"), (replier, "reply")}


def test_a_mention_notifies_a_member_of_the_group_only():
    group, starter, thread = _thread()
    friend = make_member(group)
    outsider = UserFactory()
    reply_create(
        thread=thread, author=starter, body=f"@{friend.pseudonym} and @{outsider.pseudonym}"
    )
    assert list(Notification.objects.values_list("recipient", "kind")) == [(friend.pk, "mention")]


def test_a_blocked_member_cannot_notify_the_blocker_by_reply_or_mention():
    group, starter, thread = _thread()
    blocked = make_member(group)
    Block.objects.create(blocker=starter, blocked=blocked)
    reply_create(thread=thread, author=blocked, body=f"@{starter.pseudonym} hello")
    assert not Notification.objects.filter(recipient=starter).exists()


def test_a_muted_thread_stays_quiet():
    group, starter, thread = _thread()
    subscription_set(user=starter, thread=thread, muted=True)
    reply_create(thread=thread, author=make_member(group), body=f"@{starter.pseudonym}")
    assert not Notification.objects.exists()


def test_held_posts_notify_only_once_approved():
    from groups.services import post_review

    group, starter, thread = _thread()
    newcomer = make_member(group, trusted=False)
    reply = reply_create(thread=thread, author=newcomer, body="first words")
    assert not Notification.objects.exists()
    post_review(post=reply, by=UserFactory(is_moderator=True), approve=True)
    assert Notification.objects.get().recipient == starter


def test_the_notifications_page_lists_them_without_content_and_marks_them_read(client):
    group, starter, thread = _thread()
    reply_create(thread=thread, author=make_member(group), body="a private detail")
    client.force_login(starter)
    home = client.get("/").content.decode()
    assert '<span class="badge">1' in home
    page = client.get(reverse("groups:notifications")).content.decode()
    assert "replied in “Evenings”" in page
    assert "a private detail" not in page
    assert not Notification.objects.filter(read_at__isnull=True).exists()
    assert not mail.outbox  # no emails at all


def test_following_and_muting_through_the_thread_page(client):
    group, starter, thread = _thread()
    reader = make_member(group)
    client.force_login(reader)
    url = reverse("groups:follow", args=[group.slug, thread.pk])
    client.post(url, {"choice": "follow"})
    reply_create(thread=thread, author=starter, body="update")
    assert Notification.objects.filter(recipient=reader).count() == 1
    assert client.post(url, {"choice": "nonsense"}).status_code == 404


def test_a_site_moderator_outside_the_group_cannot_follow_a_thread_they_would_not_hear_of(
    client, moderator_with_mfa
):
    from groups.models import Subscription

    group, _starter, thread = _thread()
    client.force_login(moderator_with_mfa)
    assert client.get(thread.get_absolute_url()).status_code == 200  # they may read it
    url = reverse("groups:follow", args=[group.slug, thread.pk])
    assert client.post(url, {"choice": "follow"}).status_code == 404
    assert not Subscription.objects.filter(user=moderator_with_mfa).exists()


@pytest.mark.parametrize("status", ["removed", "banned"])
def test_a_removed_or_banned_follower_hears_nothing_more_from_the_group(status):
    group, starter, thread = _thread()
    follower = make_member(group)
    reply_create(thread=thread, author=follower, body="I follow this now")
    membership = follower.memberships.get(group=group)
    membership_set_status(membership=membership, by=group.created_by, status=status)
    reply_create(thread=thread, author=make_member(group), body="later news")
    assert not Notification.objects.filter(recipient=follower, kind="reply").exists()
    assert Notification.objects.filter(recipient=starter, kind="reply").count() == 2


def _notified_in_two_groups():
    """A member with one notification from each of two groups (the first group is returned)."""
    group, starter, thread = _thread()
    reply_create(thread=thread, author=make_member(group), body="a reply")
    other_group, other_starter, other_thread = _thread()
    make_member(other_group, starter)
    reply_create(thread=other_thread, author=starter, body="me too")  # now following it
    reply_create(thread=other_thread, author=other_starter, body="elsewhere")
    return group, starter


def test_a_member_who_left_a_group_no_longer_sees_its_thread_titles_in_notifications(client):
    group, starter = _notified_in_two_groups()
    assert Notification.objects.filter(recipient=starter).count() == 2
    membership_leave(group=group, user=starter)
    client.force_login(starter)
    page = client.get(reverse("groups:notifications")).content.decode()
    assert "Evenings" in page  # the other group's thread has the same title …
    assert page.count("Evenings") == 1  # … and the left group's one is gone


@pytest.mark.parametrize("how", ["left", "removed", "banned"])
def test_notifications_from_a_group_no_longer_count_in_the_header_once_membership_ends(client, how):
    group, starter = _notified_in_two_groups()
    if how == "left":
        membership_leave(group=group, user=starter)
    else:
        membership = starter.memberships.get(group=group)
        membership_set_status(membership=membership, by=group.created_by, status=how)
    client.force_login(starter)
    page = client.get(reverse("groups:directory"))
    # Only the other group's notification is still unread.
    assert page.context["unread_notifications"] == 1
    assert Notification.objects.filter(recipient=starter, read_at__isnull=True).count() == 1


def test_a_notification_opens_its_reply_on_the_page_it_is_on_now(client):
    from groups.selectors import REPLIES_PER_PAGE

    group, starter, thread = _thread()
    writer = make_member(group)
    first = reply_create(thread=thread, author=writer, body="the one they were told of")
    for i in range(REPLIES_PER_PAGE):
        reply_create(thread=thread, author=writer, body=f"later {i}")
    notification = Notification.objects.filter(recipient=starter, reply=first).get()
    client.force_login(starter)
    response = client.get(notification.get_absolute_url())
    assert response["Location"] == f"{thread.get_absolute_url()}?page=1#reply-{first.pk}"

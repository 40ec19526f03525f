"""Posts held for review: hiding one from the queue is like hiding any post — the moderator
gives a reason, the author gets a notice with it and may appeal once."""

import pytest
from django.urls import reverse

from groups.models import PostState
from groups.services import reply_create, thread_create
from moderation.models import Notice
from moderation.services import ModerationError, held_post_review, moderator_appoint
from supportnet.core.models import AuditEntry
from tests.factories import UserFactory, enable_totp
from tests.groups.factories import make_group, make_member

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _no_post_interval(settings):
    settings.SUPPORTNET_POST_INTERVAL = 0
    settings.SUPPORTNET_POST_INTERVAL_NEW = 0


def _moderator():
    user = UserFactory()
    moderator_appoint(user=user, on_duty=True)
    enable_totp(user)
    return user


@pytest.fixture
def held():
    group = make_group()
    newcomer = make_member(group, trusted=False)
    thread = thread_create(group=group, author=newcomer, title="Hello all", body="my first post")
    assert thread.state == PostState.PENDING
    return thread, newcomer


def _review(client, thread, data):
    return client.post(reverse("moderation:review_post", args=["thread", thread.pk]), data)


def test_hiding_a_held_post_from_the_queue_tells_the_author_who_may_appeal_once(client, held):
    thread, newcomer = held
    first, second = _moderator(), _moderator()
    client.force_login(first)
    page = client.get(reverse("moderation:dashboard")).content.decode()
    assert 'name="reason"' in page  # the queue asks why, next to the Hide button
    _review(client, thread, {"decision": "hide", "reason": "It names your workplace."})
    thread.refresh_from_db()
    assert thread.state == PostState.HIDDEN
    notice = Notice.objects.get(member=newcomer)
    assert notice.kind == Notice.Kind.POST_HIDDEN
    assert notice.message == "It names your workplace."
    assert notice.content == thread
    assert notice.created_by == first
    assert AuditEntry.objects.filter(action="post.hidden", actor=first).count() == 1

    client.force_login(newcomer)
    page = client.get(reverse("moderation:notices")).content.decode()
    assert "It names your workplace." in page
    client.post(reverse("moderation:notice_appeal", args=[notice.pk]), {"text": "It's public."})
    again = client.post(reverse("moderation:notice_appeal", args=[notice.pk]), {"text": "Again"})
    assert again.status_code == 400
    notice.refresh_from_db()
    assert notice.appeal_state == Notice.Appeal.OPEN

    client.force_login(second)
    client.post(
        reverse("moderation:appeal", args=[notice.pk]),
        {"decision": "overturn", "outcome": "You're right; it's back."},
    )
    thread.refresh_from_db()
    assert thread.state == PostState.VISIBLE


def test_hiding_a_held_reply_from_the_queue_sends_a_notice_too(client):
    group = make_group()
    starter = make_member(group)
    thread = thread_create(group=group, author=starter, title="Evening", body="How are you all?")
    newcomer = make_member(group, trusted=False)
    reply = reply_create(thread=thread, author=newcomer, body="new here, hello")
    assert reply.state == PostState.PENDING
    client.force_login(_moderator())
    client.post(
        reverse("moderation:review_post", args=["reply", reply.pk]),
        {"decision": "hide", "reason": "Off topic for this group."},
    )
    reply.refresh_from_db()
    assert reply.state == PostState.HIDDEN
    assert Notice.objects.get(member=newcomer).message == "Off topic for this group."


@pytest.mark.parametrize("reason", ["", "   ", "\u200b", "x" * 501])
def test_hiding_a_held_post_without_a_usable_reason_changes_nothing(client, held, reason):
    thread, _newcomer = held
    client.force_login(_moderator())
    response = _review(client, thread, {"decision": "hide", "reason": reason})
    assert response.status_code == 302
    page = client.get(response["Location"]).content.decode()
    assert "Why is it hidden?" in page
    thread.refresh_from_db()
    assert thread.state == PostState.PENDING
    assert not Notice.objects.exists()
    assert not AuditEntry.objects.filter(action="post.hidden").exists()


def test_approving_a_held_post_sends_no_notice(client, held):
    thread, _newcomer = held
    client.force_login(_moderator())
    _review(client, thread, {"decision": "approve"})
    thread.refresh_from_db()
    assert thread.state == PostState.VISIBLE
    assert not Notice.objects.exists()


def test_a_held_post_already_reviewed_is_not_reviewed_again(held):
    thread, _newcomer = held
    moderator = _moderator()
    held_post_review(post=thread, moderator=moderator, approve=True)
    with pytest.raises(ModerationError, match="already been reviewed"):
        held_post_review(post=thread, moderator=moderator, approve=False, reason="stale queue")
    thread.refresh_from_db()
    assert thread.state == PostState.VISIBLE
    assert not Notice.objects.exists()

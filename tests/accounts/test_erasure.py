"""Erasing an account: personal data gone, posts deleted or kept by choice, sessions ended,
pseudonym held for a cooling-off period, safety records kept."""

from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from groups import catch_up
from groups.models import LiveMessage, Membership, PostState, Reply, ThreadRead
from groups.selectors import room_changes, thread_changes
from groups.services import (
    live_message_create,
    reaction_toggle,
    reply_create,
    thread_create,
    thread_mark_seen,
)
from moderation.models import Case
from supportnet.accounts.privacy import account_erase, pseudonyms_release
from tests.factories import PASSWORD
from tests.groups.factories import make_group, make_member

pytestmark = pytest.mark.django_db


def _member_with_posts():
    group = make_group()
    member = make_member(group)
    thread = thread_create(group=group, author=group.created_by, title="T", body="B")
    reply = reply_create(thread=thread, author=member, body="my words")
    live_message_create(group=group, author=member, body="my words in the room")
    reaction_toggle(user=member, post=thread, kind="hug")
    return group, member, thread, reply


def test_erasing_with_posts_kept_shows_them_as_a_deleted_member(client):
    group, member, thread, reply = _member_with_posts()
    email = member.email
    account_erase(user=member, delete_posts=False)
    member.refresh_from_db()
    assert member.email != email and member.email.endswith("@invalid")
    assert not member.is_active and not member.has_usable_password()
    assert not Membership.objects.filter(user=member).exists()
    reply.refresh_from_db()
    assert reply.author is None and reply.state == PostState.VISIBLE
    reader = make_member(group)
    client.force_login(reader)
    page = client.get(thread.get_absolute_url()).content.decode()
    assert "my words" in page and "deleted member" in page
    assert member.pseudonym not in page
    room = client.get(reverse("groups:room", args=[group.slug])).content.decode()
    assert "my words in the room" in room and "deleted member" in room
    assert member.pseudonym not in room


def test_erasing_with_posts_deleted_takes_them_away():
    _, member, thread, reply = _member_with_posts()
    thread_mark_seen(user=member, thread=thread, up_to=timezone.now())
    before = catch_up.cursor()
    account_erase(user=member, delete_posts=True)
    assert not ThreadRead.objects.filter(user=member).exists()
    assert Reply.objects.get(pk=reply.pk).state == PostState.DELETED
    message = LiveMessage.objects.get()
    assert message.state == PostState.DELETED
    # Open pages that catch up take them away.
    reader = make_member(thread.group)
    room = room_changes(group=thread.group, viewer=reader, cursor=before, have=[message.pk])
    assert room.removed == [message.pk]
    replies = thread_changes(thread=thread, viewer=reader, cursor=before, have=[reply.pk])
    assert replies.removed == [reply.pk]


def test_the_pseudonym_is_held_during_cooling_off_then_released():
    _, member, _, _ = _member_with_posts()
    name = member.pseudonym
    account_erase(user=member, delete_posts=True)
    users = get_user_model().objects
    with pytest.raises(ValidationError):
        users.create_user(email="new@example.org", password="a-long-password", pseudonym=name)
    assert pseudonyms_release() == 0
    assert pseudonyms_release(now=timezone.now() + timedelta(days=91)) == 1
    users.create_user(email="new@example.org", password="a-long-password", pseudonym=name)


def test_safety_records_survive_erasure():
    _, member, _, _ = _member_with_posts()
    case = Case.objects.create(level="concern", subject=member)
    account_erase(user=member, delete_posts=False)
    case.refresh_from_db()
    assert case.subject_id == member.pk


def test_the_privacy_page_needs_the_password_and_confirmation_and_signs_out(client):
    _, member, _, reply = _member_with_posts()
    client.force_login(member)
    url = reverse("account_privacy")
    refused = client.post(url, {"posts": "delete", "password": "wrong", "confirm": "on"})
    assert refused.status_code == 400
    assert get_user_model().objects.get(pk=member.pk).is_active
    assert client.post(url, {"posts": "delete", "password": PASSWORD}).status_code == 400
    response = client.post(url, {"posts": "delete", "password": PASSWORD, "confirm": "on"})
    assert response.status_code == 302
    assert response["Clear-Site-Data"] == '"cache", "cookies", "storage"'
    assert "_auth_user_id" not in client.session
    assert Reply.objects.get(pk=reply.pk).state == PostState.DELETED
    # Signing in again is impossible.
    client.post(reverse("account_login"), {"login": member.email, "password": PASSWORD})
    assert "_auth_user_id" not in client.session

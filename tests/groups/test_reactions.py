"""Support reactions: add, take back, counted per post, hidden from blockers."""

import pytest
from django.db import IntegrityError, transaction
from django.urls import reverse

from groups.models import Block, Reaction
from groups.services import GroupError, reaction_toggle, reply_create, thread_create
from tests.factories import UserFactory
from tests.groups.factories import make_group, make_member

pytestmark = pytest.mark.django_db


def _thread():
    group = make_group()
    thread = thread_create(group=group, author=group.created_by, title="T", body="B")
    return group, thread


def test_a_reaction_toggles_on_and_off():
    group, thread = _thread()
    member = make_member(group)
    assert reaction_toggle(user=member, post=thread, kind="hug") is True
    assert Reaction.objects.filter(user=member, thread=thread, kind="hug").count() == 1
    assert reaction_toggle(user=member, post=thread, kind="hug") is False
    assert not Reaction.objects.exists()


def test_reactions_need_a_known_kind_and_a_member():
    group, thread = _thread()
    with pytest.raises(GroupError):
        reaction_toggle(user=make_member(group), post=thread, kind="angry")
    with pytest.raises(GroupError):
        reaction_toggle(user=UserFactory(), post=thread, kind="hug")
    assert not Reaction.objects.exists()


def test_the_database_refuses_a_reaction_on_no_post_or_twice():
    group, thread = _thread()
    member = make_member(group)
    with pytest.raises(IntegrityError), transaction.atomic():
        Reaction.objects.create(user=member, kind="hug")
    Reaction.objects.create(user=member, thread=thread, kind="hug")
    with pytest.raises(IntegrityError), transaction.atomic():
        Reaction.objects.create(user=member, thread=thread, kind="hug")


def test_the_thread_page_shows_counts_and_the_readers_own_reactions(client):
    group, thread = _thread()
    reader, other = make_member(group), make_member(group)
    reply = reply_create(thread=thread, author=other, body="a reply")
    reaction_toggle(user=other, post=reply, kind="me_too")
    reaction_toggle(user=reader, post=reply, kind="me_too")
    reaction_toggle(user=other, post=thread, kind="support")
    client.force_login(reader)
    page = client.get(thread.get_absolute_url()).content.decode()
    assert 'aria-pressed="true">Me too <span class="reaction__count">2</span>' in page
    assert 'aria-pressed="false">Support <span class="reaction__count">1</span>' in page


def test_a_blocked_members_reactions_do_not_count_for_the_blocker(client):
    group, thread = _thread()
    reader, blocked = make_member(group), make_member(group)
    reaction_toggle(user=blocked, post=thread, kind="hug")
    Block.objects.create(blocker=reader, blocked=blocked)
    client.force_login(reader)
    page = client.get(thread.get_absolute_url()).content.decode()
    assert 'Hug <span class="reaction__count">0</span>' in page


def test_reacting_through_the_form_returns_to_the_post(client):
    group, thread = _thread()
    reader = make_member(group)
    client.force_login(reader)
    response = client.post(
        reverse("groups:react"), {"post_kind": "thread", "post": thread.pk, "reaction": "thank_you"}
    )
    assert response.status_code == 302
    assert response["Location"] == thread.get_absolute_url()
    assert Reaction.objects.filter(user=reader, kind="thank_you").exists()


@pytest.mark.parametrize(
    "data",
    [
        {},
        {"post_kind": "x", "post": "1"},
        {"post_kind": "thread", "post": "abc"},
        {"post_kind": "reply", "post": "99999", "reaction": "hug"},
        # Digits str.isdigit() accepts but int() refuses, found by tests/fuzz (were a 500).
        {"post_kind": "thread", "post": "¹", "reaction": "hug"},
        {"post_kind": "reply", "post": "0" * 5000, "reaction": "hug"},
    ],
)
def test_bad_reaction_input_gets_a_404(client, data):
    client.force_login(UserFactory())
    assert client.post(reverse("groups:react"), data).status_code == 404


def test_a_reply_the_reader_cannot_see_cannot_be_reacted_to(client):
    group, thread = _thread()
    reader, blocked = make_member(group), make_member(group)
    reply = reply_create(thread=thread, author=blocked, body="hidden from the reader")
    Block.objects.create(blocker=reader, blocked=blocked)
    client.force_login(reader)
    response = client.post(
        reverse("groups:react"), {"post_kind": "reply", "post": reply.pk, "reaction": "hug"}
    )
    assert response.status_code == 404
    assert not Reaction.objects.exists()

"""The rules of groups, through the services other parts of the product call."""

import pytest
from django.core.exceptions import ValidationError
from django.test import override_settings

from groups.models import Block, Group, Membership, PostState, Reply, Thread
from groups.services import (
    GroupError,
    block_create,
    group_create,
    membership_decide,
    membership_invite,
    membership_join,
    membership_leave,
    membership_set_status,
    post_review,
    reply_create,
    thread_create,
)
from supportnet.core.models import AuditEntry
from supportnet.core.ratelimit import RateLimited
from tests.factories import UserFactory
from tests.groups.factories import make_group, make_member

pytestmark = pytest.mark.django_db


def test_the_creator_of_a_group_is_its_first_facilitator():
    creator = UserFactory()
    group = group_create(name="After leaving", created_by=creator)
    membership = Membership.objects.get(group=group, user=creator)
    assert membership.status == "active"
    assert membership.role == "facilitator"
    assert group.slug == "after-leaving"
    assert AuditEntry.objects.filter(action="group.created").count() == 1


def test_groups_with_the_same_slug_get_distinct_slugs():
    one = make_group(name="Hope!")
    two = make_group(name="Hope?")
    assert one.slug != two.slug


def test_joining_an_open_group_is_immediate_and_records_the_guidelines_version():
    group = make_group(join_policy="open")
    group.guidelines_version = 4
    group.save(update_fields=["guidelines_version"])
    membership = membership_join(group=group, user=UserFactory())
    assert membership.status == "active"
    assert membership.accepted_guidelines_version == 4


def test_joining_a_request_group_waits_for_a_facilitator():
    group = make_group(join_policy="request")
    facilitator = group.created_by
    member = UserFactory()
    membership = membership_join(group=group, user=member, intro_answer="Hello")
    assert membership.status == "pending"
    membership_decide(membership=membership, by=facilitator, approve=True)
    membership.refresh_from_db()
    assert membership.status == "active"


def test_a_declined_request_leaves_no_membership():
    group = make_group(join_policy="request")
    membership = membership_join(group=group, user=UserFactory())
    membership_decide(membership=membership, by=group.created_by, approve=False)
    assert not Membership.objects.filter(pk=membership.pk).exists()


def test_invite_only_groups_need_an_invitation_which_the_member_accepts():
    group = make_group(join_policy="invite")
    invitee = UserFactory()
    with pytest.raises(GroupError):
        membership_join(group=group, user=invitee)
    assert membership_invite(group=group, by=group.created_by, pseudonym=invitee.pseudonym)
    membership = membership_join(group=group, user=invitee)
    assert membership.status == "active"


def test_inviting_an_unknown_pseudonym_quietly_does_nothing():
    group = make_group(join_policy="invite")
    assert membership_invite(group=group, by=group.created_by, pseudonym="nobody_here") is None
    assert group.memberships.count() == 1


def test_banned_members_cannot_rejoin():
    group = make_group()
    member = make_member(group)
    membership = Membership.objects.get(group=group, user=member)
    membership_set_status(membership=membership, by=group.created_by, status="banned")
    with pytest.raises(GroupError):
        membership_join(group=group, user=member)


def test_the_only_facilitator_cannot_leave_but_a_member_can():
    group = make_group()
    member = make_member(group)
    with pytest.raises(GroupError):
        membership_leave(group=group, user=group.created_by)
    membership_leave(group=group, user=member)
    assert not Membership.objects.filter(group=group, user=member).exists()


def test_a_trusted_member_posts_a_visible_thread_with_sanitised_markdown():
    group = make_group()
    author = make_member(group)
    thread = thread_create(
        group=group,
        author=author,
        title="  A question\u202e  ",
        body="**Hello** <script>alert(1)</script> [link](https://example.org) [bad](javascript:x)",
    )
    thread.refresh_from_db()
    assert thread.state == PostState.VISIBLE
    assert thread.title == "A question"
    assert "<strong>Hello</strong>" in thread.body_html
    assert "<script>" not in thread.body_html
    assert 'rel="nofollow noopener noreferrer"' in thread.body_html
    assert "javascript:" not in thread.body_html.replace("[bad](javascript:x)", "")
    assert thread.get_absolute_url() == f"/groups/{group.slug}/t/{thread.pk}/"


def test_a_new_members_first_posts_wait_for_review():
    group = make_group(trust_threshold=2)
    newcomer = make_member(group, trusted=False)
    first = thread_create(group=group, author=newcomer, title="Hi", body="My first post")
    assert first.state == PostState.PENDING


@override_settings(SUPPORTNET_POST_INTERVAL_NEW=0, SUPPORTNET_POST_INTERVAL=0)
def test_after_the_threshold_a_members_posts_are_visible():
    group = make_group(trust_threshold=0)
    member = make_member(group, trusted=False)
    thread = thread_create(group=group, author=member, title="Hi", body="Hello")
    assert thread.state == PostState.VISIBLE


def test_facilitators_posts_are_never_held():
    group = make_group(trust_threshold=10)
    thread = thread_create(group=group, author=group.created_by, title="Welcome", body="Hello")
    assert thread.state == PostState.VISIBLE


def test_replies_count_and_bump_the_thread():
    group = make_group()
    author = make_member(group)
    thread = thread_create(group=group, author=group.created_by, title="T", body="B")
    reply = reply_create(thread=thread, author=author, body="A reply")
    thread.refresh_from_db()
    assert reply.state == PostState.VISIBLE
    assert thread.reply_count == 1
    assert thread.last_activity_at == reply.created_at


@pytest.mark.parametrize(
    ("title", "body", "field"),
    [
        ("", "body", "title"),
        ("   ", "body", "title"),
        ("x" * 151, "body", "title"),
        ("Title", "", "body"),
        ("Title", "\u200b\u200b\u202e", "body"),
        ("Title", "x" * 10_001, "body"),
    ],
)
def test_bad_posts_are_refused_with_a_reason_and_nothing_is_saved(title, body, field):
    group = make_group()
    author = make_member(group)
    with pytest.raises(ValidationError) as error:
        thread_create(group=group, author=author, title=title, body=body)
    assert field in error.value.message_dict
    assert not Thread.objects.exists()


def test_people_who_are_not_members_cannot_post_or_reply():
    group = make_group()
    thread = thread_create(group=group, author=group.created_by, title="T", body="B")
    outsider = UserFactory()
    with pytest.raises(GroupError):
        thread_create(group=group, author=outsider, title="T", body="B")
    with pytest.raises(GroupError):
        reply_create(thread=thread, author=outsider, body="B")
    assert Thread.objects.count() == 1
    assert not Reply.objects.exists()


def test_a_member_who_left_or_was_banned_cannot_reply():
    group = make_group()
    thread = thread_create(group=group, author=group.created_by, title="T", body="B")
    leaver, banned = make_member(group), make_member(group)
    membership_leave(group=group, user=leaver)
    membership_set_status(
        membership=Membership.objects.get(group=group, user=banned),
        by=group.created_by,
        status="banned",
    )
    for person in (leaver, banned):
        with pytest.raises(GroupError):
            reply_create(thread=thread, author=person, body="Still here?")
    assert not Reply.objects.exists()


def test_posting_too_fast_is_refused_and_saves_nothing():
    group = make_group()
    author = make_member(group)
    thread_create(group=group, author=author, title="One", body="First")
    with pytest.raises(RateLimited) as error:
        thread_create(group=group, author=author, title="Two", body="Second")
    assert error.value.retry_after >= 1
    assert Thread.objects.count() == 1


def test_new_members_wait_longer_between_posts(settings):
    settings.SUPPORTNET_POST_INTERVAL = 0
    group = make_group()
    newcomer = make_member(group, trusted=False)
    thread_create(group=group, author=newcomer, title="One", body="First")
    with pytest.raises(RateLimited):
        thread_create(group=group, author=newcomer, title="Two", body="Second")


def test_blocking_is_idempotent_and_one_cannot_block_oneself():
    one, other = UserFactory(), UserFactory()
    block_create(blocker=one, blocked=other)
    block_create(blocker=one, blocked=other)
    assert Block.objects.count() == 1
    with pytest.raises(GroupError):
        block_create(blocker=one, blocked=one)


def test_a_group_created_with_bad_fields_is_refused():
    with pytest.raises(ValidationError):
        group_create(name="  ", created_by=UserFactory())
    with pytest.raises(ValidationError):
        group_create(name="Fine", created_by=UserFactory(), join_policy="everyone")
    assert not Group.objects.exists()


def test_approving_a_held_post_shows_it_and_counts_towards_trust():
    group = make_group(trust_threshold=1)
    newcomer = make_member(group, trusted=False)
    thread = thread_create(group=group, author=group.created_by, title="T", body="B")
    reply = reply_create(thread=thread, author=newcomer, body="first words")
    assert reply.state == PostState.PENDING
    moderator = UserFactory(is_moderator=True)
    post_review(post=reply, by=moderator, approve=True)
    reply.refresh_from_db()
    thread.refresh_from_db()
    assert reply.state == PostState.VISIBLE
    assert thread.reply_count == 1
    assert Membership.objects.get(group=group, user=newcomer).approved_posts == 1
    with pytest.raises(GroupError):
        post_review(post=reply, by=moderator, approve=False)


def test_hiding_a_held_post_keeps_it_out_of_sight():
    group = make_group()
    newcomer = make_member(group, trusted=False)
    thread = thread_create(group=group, author=newcomer, title="T", body="B")
    post_review(post=thread, by=UserFactory(is_moderator=True), approve=False)
    thread.refresh_from_db()
    assert thread.state == PostState.HIDDEN

"""Fuzzing the group pages: directory, joining, posting, editing, reactions, blocks, the live
room and the facilitator's requests page."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from groups.models import (
    BODY_MAX,
    DESCRIPTION_MAX,
    Block,
    ContentWarning,
    Group,
    LiveMessage,
    Membership,
    Notification,
    Reaction,
    Reply,
    Subscription,
    Thread,
)
from tests.factories import UserFactory
from tests.fuzz.support import (
    FUZZ,
    NASTY,
    assert_local_redirect,
    assert_saved_text_fits,
    bodies,
    counts,
    mostly,
    path_segments,
    post,
    queries,
    refused,
    send,
)

pytestmark = [pytest.mark.fuzz, pytest.mark.django_db]

WARNINGS = ContentWarning.values
POST_FIELDS = {
    "title": ["A title", " ", "x" * 150],
    "body": ["Hello *there*", " ", "x" * 10_000],
    "content_warning": [*WARNINGS, "bogus"],
    "content_warning_text": ["about this", "x" * 100],
}
POSTS = (Thread, Reply, LiveMessage, Membership, Notification)
PAGES = ["1", "2", "last", "0", "-1", "abc", "9" * 30]


def slugs(world):
    real = [world.group.slug, world.request_group.slug, world.invite_group.slug]
    return mostly(st.sampled_from(real), path_segments)


@FUZZ
@given(query=queries({"q": NASTY, "topic": NASTY, "page": PAGES}), as_member=st.booleans())
def test_the_group_directory_searches_for_anything_without_a_server_error(world, query, as_member):
    client = world.login(world.member) if as_member else world.login(world.outsider)
    response = send(client, "GET", "/groups/", query=query)
    assert response.status_code in (200, 400)


@FUZZ
@given(
    data=st.data(),
    page=st.sampled_from(["group", "thread", "room", "notifications", "requests", "settings"]),
    query=queries({"page": PAGES, "q": NASTY}),
)
def test_group_pages_answer_any_slug_id_and_page_without_a_server_error(world, data, page, query):
    slug = data.draw(slugs(world))
    thread_id = data.draw(mostly(st.just(str(world.thread.pk)), path_segments))
    paths = {
        "group": f"/groups/{slug}/",
        "thread": f"/groups/{slug}/t/{thread_id}/",
        "room": f"/groups/{slug}/room/",
        "notifications": "/groups/notifications/",
        "requests": f"/groups/{slug}/requests/",
        "settings": f"/groups/{slug}/settings/",
    }
    user = data.draw(st.sampled_from([world.member, world.facilitator, world.outsider]))
    send(world.login(user), "GET", paths[page], query=query)


@FUZZ
@given(
    data=st.data(),
    body=bodies({"accept_guidelines": ["on", "1", "true", ""], "intro_answer": ["Hi", "x" * 1000]}),
    leave=st.booleans(),
)
def test_joining_and_leaving_refuse_hostile_input_and_invalid_asks_change_nothing(
    world, data, body, leave
):
    slug = data.draw(slugs(world))
    client = world.login(UserFactory())
    before = counts(Membership)
    response = post(client, f"/groups/{slug}/join/", body)
    if refused(response):
        assert counts(Membership) == before
    assert_saved_text_fits(Membership)
    if leave:
        post(client, f"/groups/{slug}/leave/", body)


@FUZZ
@given(data=st.data(), body=bodies(POST_FIELDS))
def test_starting_a_thread_refuses_hostile_input_and_saves_nothing_when_it_does(world, data, body):
    slug = data.draw(mostly(st.just(world.group.slug), path_segments))
    user = data.draw(st.sampled_from([world.member, world.facilitator, world.outsider]))
    before = counts(*POSTS)
    response = post(world.login(user), f"/groups/{slug}/new/", body)
    if response.status_code != 302:
        assert counts(*POSTS) == before
    assert_saved_text_fits(Thread)


@FUZZ
@given(data=st.data(), body=bodies(POST_FIELDS))
def test_replying_refuses_hostile_input_and_saves_nothing_when_it_does(world, data, body):
    slug = data.draw(mostly(st.just(world.group.slug), path_segments))
    thread_id = data.draw(
        mostly(st.sampled_from([world.thread.pk, world.held_thread.pk]).map(str), path_segments)
    )
    user = data.draw(st.sampled_from([world.member, world.newcomer, world.outsider]))
    before = counts(*POSTS)
    response = post(world.login(user), f"/groups/{slug}/t/{thread_id}/reply/", body)
    if response.status_code != 302:
        assert counts(*POSTS) == before
    assert_saved_text_fits(Reply)


def post_paths(world):
    """Paths naming posts: the member's own, other people's, and nonsense."""
    own = [("thread", world.member_thread.pk), ("reply", world.reply.pk)]
    others = [("thread", world.thread.pk), ("thread", world.held_thread.pk)]
    named = st.sampled_from([*own, *own, *others]).map(lambda p: (p[0], str(p[1])))
    return mostly(named, st.tuples(st.sampled_from(["thread", "reply"]), path_segments))


@FUZZ
@given(data=st.data(), body=bodies(POST_FIELDS))
def test_editing_a_post_refuses_hostile_input_and_keeps_the_post_when_it_does(world, data, body):
    kind, post_id = data.draw(post_paths(world))
    client = world.login(world.member)
    snapshot = list(Thread.objects.values_list("title", "body")) + list(
        Reply.objects.values_list("body", "content_warning")
    )
    send(client, "GET", f"/groups/posts/{kind}/{post_id}/edit/")
    response = post(client, f"/groups/posts/{kind}/{post_id}/edit/", body)
    if response.status_code != 302:
        after = list(Thread.objects.values_list("title", "body")) + list(
            Reply.objects.values_list("body", "content_warning")
        )
        assert after == snapshot
    assert_saved_text_fits(Thread, Reply)


@FUZZ
@given(data=st.data(), body=bodies({"confirm": ["1"]}))
def test_deleting_refuses_other_peoples_posts_and_nonsense_ids(world, data, body):
    kind, post_id = data.draw(post_paths(world))
    client = world.login(world.member)
    send(client, "GET", f"/groups/posts/{kind}/{post_id}/delete/")
    states = list(Thread.objects.values_list("state", flat=True)) + list(
        Reply.objects.values_list("state", flat=True)
    )
    response = post(client, f"/groups/posts/{kind}/{post_id}/delete/", body)
    if refused(response):
        assert (
            list(Thread.objects.values_list("state", flat=True))
            + list(Reply.objects.values_list("state", flat=True))
            == states
        )


@FUZZ
@given(data=st.data())
def test_reactions_refuse_hostile_input_and_unknown_reactions_change_nothing(world, data):
    ids = [world.thread.pk, world.reply.pk, world.held_thread.pk]
    body = data.draw(
        bodies(
            {
                "post_kind": ["thread", "reply"],
                "post": [str(pk) for pk in ids],
                "reaction": [*Reaction.Kind.values, "rage"],
            }
        )
    )
    user = data.draw(st.sampled_from([world.member, world.outsider, world.newcomer]))
    before = counts(Reaction)
    response = post(world.login(user), "/groups/react/", body)
    if refused(response):
        assert counts(Reaction) == before
    assert not Reaction.objects.exclude(kind__in=Reaction.Kind.values).exists()
    assert_local_redirect(response)


def test_an_unknown_reaction_counts_as_refused_though_it_redirects(world):
    response = world.login(world.member).post(
        "/groups/react/", {"post_kind": "thread", "post": str(world.thread.pk), "reaction": "rage"}
    )
    assert response.status_code == 302
    assert refused(response)


@FUZZ
@given(data=st.data())
def test_blocking_refuses_hostile_input_and_never_redirects_off_site(world, data):
    members = [world.facilitator.pk, world.newcomer.pk, world.member.pk]
    body = data.draw(
        bodies(
            {
                "member": [str(pk) for pk in members],
                "next": ["/groups/", "//evil.example/", "https://evil.example/", "/\\evil"],
            }
        )
    )
    before = counts(Block)
    response = post(world.login(world.member), "/groups/block/", body)
    if refused(response):
        assert counts(Block) == before
    assert_local_redirect(response)


@FUZZ
@given(data=st.data(), body=bodies({"choice": ["follow", "mute", "both"]}))
def test_following_a_thread_refuses_hostile_input(world, data, body):
    slug = data.draw(mostly(st.just(world.group.slug), path_segments))
    thread_id = data.draw(mostly(st.just(str(world.thread.pk)), path_segments))
    before = counts(Subscription)
    response = post(world.login(world.member), f"/groups/{slug}/t/{thread_id}/follow/", body)
    if refused(response):
        assert counts(Subscription) == before


@FUZZ
@given(data=st.data(), body=bodies({"body": ["Hello room", " ", "x" * 2000]}))
def test_the_live_room_form_refuses_hostile_input_and_saves_nothing_when_it_does(world, data, body):
    slug = data.draw(mostly(st.just(world.group.slug), path_segments))
    user = data.draw(st.sampled_from([world.member, world.newcomer, world.outsider]))
    before = counts(LiveMessage)
    response = post(world.login(user), f"/groups/{slug}/room/", body)
    if response.status_code != 302:
        assert counts(LiveMessage) == before
    assert_saved_text_fits(LiveMessage)


@FUZZ
@given(data=st.data())
def test_the_requests_page_refuses_hostile_decisions_and_invitations(world, data):
    pending = Membership.objects.create(group=world.request_group, user=UserFactory())
    body = data.draw(
        bodies(
            {
                "action": ["approve", "decline", "invite", "ban"],
                "membership": [str(pending.pk), str(world.member.pk)],
                "pseudonym": [world.outsider.pseudonym, "nobody_here", "x" * 31],
            }
        )
    )
    slug = data.draw(mostly(st.just(world.request_group.slug), path_segments))
    user = data.draw(st.sampled_from([world.facilitator, world.member]))
    before = counts(Membership)
    response = post(world.login(user), f"/groups/{slug}/requests/", body)
    if refused(response):
        assert counts(Membership) == before
    assert_saved_text_fits(Membership)


@FUZZ
@given(data=st.data(), body=bodies({"choice": ["mute", "unmute", "both"]}))
def test_muting_a_group_refuses_hostile_input_and_outsiders_and_changes_nothing_then(
    world, data, body
):
    slug = data.draw(slugs(world))
    user = data.draw(st.sampled_from([world.member, world.newcomer, world.outsider]))
    before = list(Membership.objects.order_by("pk").values_list("pk", "notifications_muted"))
    response = post(world.login(user), f"/groups/{slug}/mute/", body)
    after = list(Membership.objects.order_by("pk").values_list("pk", "notifications_muted"))
    if refused(response):
        assert after == before
    # Only the sender's own active membership of that group can ever change.
    changed = {pk for (pk, was), (_, now) in zip(before, after, strict=True) if was != now}
    own = Membership.objects.filter(user=user, group__slug=slug, status="active")
    assert changed <= set(own.values_list("pk", flat=True))


@FUZZ
@given(data=st.data(), body=bodies({"anything": ["yes", ""]}))
def test_accepting_guidelines_refuses_outsiders_and_only_ever_changes_ones_own_membership(
    world, data, body
):
    slug = data.draw(slugs(world))
    user = data.draw(st.sampled_from([world.member, world.newcomer, world.outsider]))
    fields = ("pk", "accepted_guidelines_version")
    before = list(Membership.objects.order_by("pk").values_list(*fields))
    response = post(world.login(user), f"/groups/{slug}/guidelines/", body)
    after = list(Membership.objects.order_by("pk").values_list(*fields))
    if refused(response):
        assert after == before
    changed = {pk for (pk, was), (_, now) in zip(before, after, strict=True) if was != now}
    own = Membership.objects.filter(user=user, group__slug=slug, status="active")
    assert changed <= set(own.values_list("pk", flat=True))


SETTINGS_FIELDS = {
    "description": ["A calm place.", " ", "x" * 2000],
    "guidelines": ["Be kind.", "", "x" * 10_000],
    "join_policy": ["open", "request", "invite", "everyone"],
    "trust_threshold": ["default", "0", "3", "20", "21", "-1", "abc"],
}
GROUP_SETTINGS = (
    "description",
    "guidelines",
    "guidelines_version",
    "join_policy",
    "trust_threshold",
)


@FUZZ
@given(data=st.data(), body=bodies(SETTINGS_FIELDS))
def test_the_group_settings_refuse_hostile_input_and_outsiders_and_change_nothing_then(
    world, data, body
):
    slug = data.draw(slugs(world))
    user = data.draw(st.sampled_from([world.facilitator, world.moderator, world.member]))
    before = list(Group.objects.order_by("pk").values_list(*GROUP_SETTINGS))
    response = post(world.login(user), f"/groups/{slug}/settings/", body)
    after = list(Group.objects.order_by("pk").values_list(*GROUP_SETTINGS))
    if refused(response) or user == world.member:
        assert after == before
    assert_saved_text_fits(Group)
    for description, guidelines, _version, policy, threshold in after:
        assert len(description) <= DESCRIPTION_MAX
        assert len(guidelines) <= BODY_MAX
        assert policy in Group.JoinPolicy.values
        assert threshold is None or 0 <= threshold <= 20

"""Fuzzing moderation: the moderator's pages and forms (moderator with two-step verification)
and the member's side (reports, notices, appeals, asking for a moderator)."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from groups.models import Reply, Thread
from moderation.models import (
    Case,
    MemberNote,
    ModeratorProfile,
    Notice,
    Report,
    Sanction,
    WatchedWord,
)
from moderation.services import SUSPENSION_DAYS
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

NEXT = ["/moderation/", "", "//evil.example/", "https://evil.example/", "home", "a\x00b"]
MODERATION_ROWS = (Case, Report, Notice, Sanction, MemberNote, WatchedWord, Thread, Reply)


def ids(*pks):
    return mostly(st.sampled_from([str(pk) for pk in pks]), path_segments)


@FUZZ
@given(
    data=st.data(),
    page=st.sampled_from(
        ["dashboard", "case", "member", "post", "appeal", "stats", "notices", "words"]
    ),
    query=queries(
        {
            "group": ["fuzz-group", "no-such-group", "x" * 81],
            "kind": ["", "crisis", "concern", "report", "reports", "held", "appeals", "?"],
        }
    ),
)
def test_moderator_pages_answer_any_id_and_filter_without_a_server_error(world, data, page, query):
    paths = {
        "dashboard": lambda: "/moderation/",
        "case": lambda: f"/moderation/cases/{data.draw(ids(world.case.pk))}/",
        "member": lambda: f"/moderation/members/{data.draw(ids(world.member.pk))}/",
        "post": lambda: (
            f"/moderation/posts/{data.draw(mostly(st.just('thread'), path_segments))}/"
            f"{data.draw(ids(world.thread.pk, world.held_thread.pk))}/"
        ),
        "appeal": lambda: f"/moderation/appeals/{data.draw(ids(world.appeal.pk))}/",
        "stats": lambda: "/moderation/stats/",
        "notices": lambda: "/moderation/notices/",
        "words": lambda: "/moderation/watched-words/",
    }
    user = data.draw(mostly(st.just(world.moderator), st.sampled_from([world.member, None])))
    client = world.login(user) if user else world.login(world.outsider)
    if user is None:
        client.logout()
    response = send(client, "GET", paths[page](), query=query)
    if user is world.member and page not in ("notices",):
        assert response.status_code == 404  # nothing revealed to members


@FUZZ
@given(
    body=bodies(
        {
            "phrase": ["kill", "a", "x" * 100, "\u0958" * 60],
            "action": [*WatchedWord.Action.values, "explode"],
            "message": ["Please rephrase.", "x" * 300],
            "remove": ["1", "abc", "-1"],
        }
    )
)
def test_watched_words_refuse_hostile_input_and_save_nothing_when_they_do(world, body):
    before = counts(WatchedWord)
    response = post(world.login(world.moderator), "/moderation/watched-words/", body)
    if refused(response):
        assert counts(WatchedWord) == before
    assert_saved_text_fits(WatchedWord)


@FUZZ
@given(
    data=st.data(),
    body=bodies(
        {
            "action": ["acknowledge", "resolve", "false_alarm", "delete"],
            "outcome": ["Talked with them.", "x" * 600],
        }
    ),
)
def test_case_actions_refuse_hostile_input(world, data, body):
    case_id = data.draw(ids(world.fresh_case().pk, world.case.pk))
    before = counts(*MODERATION_ROWS)
    response = post(world.login(world.moderator), f"/moderation/cases/{case_id}/action/", body)
    if refused(response):
        assert counts(*MODERATION_ROWS) == before
    assert_saved_text_fits(Case)


@FUZZ
@given(data=st.data(), body=bodies({"decision": ["approve", "hide", "delete"]}))
def test_reviewing_held_posts_refuses_hostile_input(world, data, body):
    kind = data.draw(mostly(st.sampled_from(["thread", "reply"]), path_segments))
    post_id = data.draw(ids(world.fresh_held_thread().pk, world.held_thread.pk, world.reply.pk))
    states = list(Thread.objects.values_list("state", flat=True))
    response = post(world.login(world.moderator), f"/moderation/review/{kind}/{post_id}/", body)
    if refused(response):
        assert list(Thread.objects.values_list("state", flat=True)) == states


@FUZZ
@given(
    data=st.data(),
    body=bodies({"reason": [*Report.Reason.values, "because"], "text": ["rude", "x" * 500]}),
)
def test_reporting_a_post_refuses_hostile_input_and_saves_nothing_when_it_does(world, data, body):
    kind = data.draw(mostly(st.sampled_from(["thread", "reply"]), path_segments))
    post_id = data.draw(ids(world.thread.pk, world.reply.pk, world.held_thread.pk))
    user = data.draw(st.sampled_from([world.member, world.newcomer, world.outsider]))
    client = world.login(user)
    send(client, "GET", f"/moderation/report/{kind}/{post_id}/")
    before = counts(*MODERATION_ROWS)
    response = post(client, f"/moderation/report/{kind}/{post_id}/", body)
    if refused(response):
        assert counts(*MODERATION_ROWS) == before
    assert_saved_text_fits(Report)


@FUZZ
@given(data=st.data(), body=bodies({"decision": ["uphold", "dismiss", "delete"]}))
def test_report_decisions_refuse_hostile_input(world, data, body):
    report_id = data.draw(ids(world.fresh_report().pk, world.report.pk))
    states = list(Report.objects.values_list("state", flat=True))
    response = post(world.login(world.moderator), f"/moderation/reports/{report_id}/", body)
    if refused(response):
        assert list(Report.objects.values_list("state", flat=True)) == states


@FUZZ
@given(
    data=st.data(),
    target=st.sampled_from(["duty", "reach-out", "claim"]),
    body=bodies({"on_duty": ["1", "0", "yes"], "next": NEXT, "action": ["take", "release"]}),
)
def test_duty_claims_and_asking_for_a_moderator_never_redirect_off_site(world, data, target, body):
    if target == "claim":
        kind = data.draw(
            mostly(st.sampled_from(["case", "report", "thread", "appeal"]), path_segments)
        )
        item_id = data.draw(ids(world.case.pk, world.report.pk, world.appeal.pk))
        path = f"/moderation/claim/{kind}/{item_id}/"
    else:
        path = f"/moderation/{target}/"
    user = world.member if target == "reach-out" else world.moderator
    before = counts(ModeratorProfile)
    response = post(world.login(user), path, body)
    assert_local_redirect(response)
    assert counts(ModeratorProfile) == before


@FUZZ
@given(
    data=st.data(),
    body=bodies(
        {
            "action": ["note", "message", "sanction", "lift", "ban"],
            "text": ["Checked in with them.", " ", "x" * 2000],
            "kind": [*Sanction.Kind.values, "exile"],
            "reason": ["Repeated unkindness.", "x" * 500],
            "hours": [
                "",
                "1",
                "6",
                "24",
                "72",
                "168",
                "720",
                "5",
                *(str(d * 24) for d in SUSPENSION_DAYS),
            ],
            "group": ["1", "2", ""],
            "sanction": ["1", "2", "x"],
            "next": NEXT,
        }
    ),
)
def test_the_member_page_refuses_hostile_notes_messages_and_sanctions(world, data, body):
    user_id = data.draw(ids(world.member.pk, world.newcomer.pk, world.moderator.pk))
    before = counts(Notice, Sanction, MemberNote)
    response = post(world.login(world.moderator), f"/moderation/members/{user_id}/", body)
    if refused(response):
        assert counts(Notice, Sanction, MemberNote) == before
    assert_local_redirect(response)
    assert_saved_text_fits(Notice, Sanction, MemberNote)


@FUZZ
@given(
    data=st.data(),
    body=bodies(
        {
            "action": ["hide", "edit", "delete"],
            "reason": ["Names a person.", "x" * 500],
            "body": ["Edited text.", " ", "x" * 10_000],
            "note": ["Edited to remove a name.", " ", "x" * 300, "\u0958" * 300],
            "next": NEXT,
        }
    ),
)
def test_hiding_and_editing_a_post_refuse_hostile_input(world, data, body):
    kind = data.draw(mostly(st.sampled_from(["thread", "reply"]), path_segments))
    post_id = data.draw(ids(world.thread.pk, world.reply.pk, world.member_thread.pk))
    before = list(Thread.objects.values_list("body", "state")) + list(
        Reply.objects.values_list("body", "state")
    )
    response = post(world.login(world.moderator), f"/moderation/posts/{kind}/{post_id}/", body)
    if refused(response):
        after = list(Thread.objects.values_list("body", "state")) + list(
            Reply.objects.values_list("body", "state")
        )
        assert after == before
    assert_local_redirect(response)
    assert_saved_text_fits(Thread, Reply, Notice)


@FUZZ
@given(
    data=st.data(),
    body=bodies(
        {"decision": ["uphold", "overturn", "maybe"], "outcome": ["Fair.", " ", "x" * 500]}
    ),
)
def test_deciding_an_appeal_refuses_hostile_input(world, data, body):
    notice_id = data.draw(ids(world.fresh_appeal().pk, world.appeal.pk, world.warning.pk))
    states = list(Notice.objects.values_list("appeal_state", flat=True))
    response = post(world.login(world.moderator), f"/moderation/appeals/{notice_id}/", body)
    if refused(response):
        assert list(Notice.objects.values_list("appeal_state", flat=True)) == states
    assert_saved_text_fits(Notice)


@FUZZ
@given(data=st.data(), body=bodies({"text": ["Please look again.", " ", "x" * 2000, *NASTY]}))
def test_members_appealing_a_notice_refuse_hostile_input(world, data, body):
    notice_id = data.draw(ids(world.fresh_warning(world.member).pk, world.appeal.pk))
    states = list(Notice.objects.values_list("appeal_state", flat=True))
    response = post(world.login(world.member), f"/moderation/notices/{notice_id}/appeal/", body)
    if refused(response):
        assert list(Notice.objects.values_list("appeal_state", flat=True)) == states
    assert_saved_text_fits(Notice)

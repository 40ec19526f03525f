"""Live messages inside moderation, like replies: a held message waits in the review queue with
its room as context, approving publishes it, hiding tells the member (who may appeal), the
statistics count it, and members report live messages as they report replies."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from groups.models import Block, LiveMessage, PostState
from groups.services import live_message_create
from moderation.models import Case, Claim, Notice, Report
from moderation.selectors import held_posts, moderation_stats
from moderation.services import (
    appeal_decide,
    appeal_submit,
    report_create,
    watched_word_add,
)
from supportnet.core.models import AuditEntry
from tests.factories import UserFactory
from tests.groups.factories import make_group, make_member

pytestmark = pytest.mark.django_db


@pytest.fixture
def room():
    """A group whose watched words hold "meet up", a member and a message they sent that
    screening held."""
    group = make_group(name="Evenings")
    watched_word_add(phrase="meet up", action="hold", by=group.created_by)
    member = make_member(group)
    held = live_message_create(group=group, author=member, body="shall we meet up on saturday")
    return group, member, held


def test_a_live_message_a_watched_word_held_waits_in_the_queue_with_its_room(client, mods, room):
    group, _member, held = room
    assert held.state == PostState.PENDING
    before = live_message_create(group=group, author=make_member(group), body="evening all")
    assert held_posts(moderator=mods[0]) == [held]

    client.force_login(mods[0])
    page = client.get(reverse("moderation:dashboard")).content.decode()
    assert "shall we meet up on saturday" in page
    assert "Evenings — message in the live room" in page
    assert reverse("moderation:review_post", args=["live", held.pk]) in page
    assert reverse("moderation:claim", args=["live", held.pk]) in page
    # The room around it, for context.
    assert reverse("moderation:post", args=["live", held.pk]) in page
    context = client.get(reverse("moderation:post", args=["live", held.pk])).content.decode()
    assert "Message in the live room of Evenings" in context
    assert before.body in context
    assert "Edit it" not in context  # live messages are hidden, never edited


def test_the_queue_filters_by_group_and_kind_include_held_live_messages(client, mods, room):
    group, _member, held = room
    other = make_group(name="Mornings")
    watched_word_add(phrase="coffee", action="hold", by=other.created_by)
    elsewhere = live_message_create(group=other, author=make_member(other), body="coffee later?")

    assert held_posts(moderator=mods[0], group=group) == [held]
    assert held_posts(moderator=mods[0], group=other) == [elsewhere]
    client.force_login(mods[0])
    url = reverse("moderation:dashboard")
    page = client.get(url, {"group": group.slug, "kind": "held"}).content.decode()
    assert held.body in page
    assert elsewhere.body not in page
    cases_only = client.get(url, {"kind": "crisis"}).content.decode()
    assert held.body not in cases_only


def test_approving_a_held_live_message_publishes_it_to_the_room(client, mods, room):
    group, _member, held = room
    client.force_login(mods[0])
    response = client.post(
        reverse("moderation:review_post", args=["live", held.pk]), {"decision": "approve"}
    )
    assert response.status_code == 302
    held.refresh_from_db()
    assert held.state == PostState.VISIBLE
    assert AuditEntry.objects.filter(action="post.approved", actor=mods[0]).exists()
    again = client.post(
        reverse("moderation:review_post", args=["live", held.pk]), {"decision": "hide"}
    )
    assert again.status_code == 302  # already reviewed: said so, nothing changes
    held.refresh_from_db()
    assert held.state == PostState.VISIBLE
    client.force_login(make_member(group))
    assert held.body in client.get(reverse("groups:room", args=[group.slug])).content.decode()


def test_approving_a_held_live_message_sends_it_to_the_open_room_after_commit(
    mods, room, django_capture_on_commit_callbacks, monkeypatch
):
    from groups import events
    from groups.services import post_review

    sent = []
    monkeypatch.setattr(events, "group_send", lambda name, message: sent.append((name, message)))
    group, _member, held = room
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        post_review(post=held, by=mods[0], approve=True)
        assert sent == []  # never before commit
    for callback in callbacks:
        callback()
    ((name, message),) = sent
    assert name == f"room.{group.pk}"
    assert message["message_id"] == held.pk
    assert held.body in message["html"]


def test_hiding_a_live_message_tells_the_member_who_can_appeal_and_win_it_back(client, mods, room):
    first, second = mods
    group, member, held = room
    client.force_login(first)
    response = client.post(
        reverse("moderation:post", args=["live", held.pk]),
        {"action": "hide", "reason": "Please don't arrange to meet offline here."},
    )
    assert response.status_code == 302
    held.refresh_from_db()
    assert held.state == PostState.HIDDEN
    notice = Notice.objects.get(member=member)
    assert notice.kind == Notice.Kind.POST_HIDDEN
    assert notice.content == held
    assert notice.appealable

    client.force_login(member)
    page = client.get(reverse("moderation:notices")).content.decode()
    assert "Please don&#x27;t arrange to meet offline here." in page
    assert reverse("moderation:notice_appeal", args=[notice.pk]) in page
    appeal_submit(notice=notice, member=member, text="It was a group video call, not offline.")
    client.force_login(second)
    appeal_page = client.get(reverse("moderation:appeal", args=[notice.pk])).content.decode()
    assert reverse("moderation:post", args=["live", held.pk]) in appeal_page  # what was hidden
    appeal_decide(notice=notice, moderator=second, overturn=True, outcome="Understood.")
    held.refresh_from_db()
    assert held.state == PostState.VISIBLE
    client.force_login(make_member(group))
    assert held.body in client.get(reverse("groups:room", args=[group.slug])).content.decode()


def test_hiding_from_the_queue_keeps_a_held_live_message_out_of_the_room(client, mods, room):
    group, _member, held = room
    client.force_login(mods[0])
    url = reverse("moderation:review_post", args=["live", held.pk])
    client.post(url, {"decision": "hide", "reason": "Shares an address."})
    held.refresh_from_db()
    assert held.state == PostState.HIDDEN
    assert Notice.objects.get(member=held.author).kind == Notice.Kind.POST_HIDDEN
    assert held_posts(moderator=mods[0]) == []
    client.force_login(make_member(group))
    assert held.body not in client.get(reverse("groups:room", args=[group.slug])).content.decode()


def test_a_moderator_edit_of_a_live_message_is_refused_and_changes_nothing(client, mods, room):
    _group, member, held = room
    client.force_login(mods[0])
    response = client.post(
        reverse("moderation:post", args=["live", held.pk]),
        {"action": "edit", "body": "changed", "note": "Edited."},
    )
    assert response.status_code == 400
    held.refresh_from_db()
    assert held.body == "shall we meet up on saturday"
    assert not Notice.objects.filter(member=member).exists()


def test_moderators_claim_a_held_live_message(client, mods, room):
    _group, _member, held = room
    client.force_login(mods[0])
    client.post(reverse("moderation:claim", args=["live", held.pk]))
    assert Claim.objects.get().item == held
    client.force_login(mods[1])
    page = client.get(reverse("moderation:dashboard")).content.decode()
    assert f"{mods[0].pseudonym}</strong> is working on this" in page


def test_facilitators_review_held_live_messages_of_their_own_group(client, room):
    group, _member, held = room
    other = make_group()
    client.force_login(other.created_by)
    url = reverse("groups:requests", args=[other.slug])
    refused = client.post(url, {"action": "approve_post", "kind": "live", "post": held.pk})
    assert refused.status_code == 404
    client.force_login(group.created_by)
    url = reverse("groups:requests", args=[group.slug])
    page = client.get(url).content.decode()
    assert held.body in page
    assert "message in the live room" in page
    client.post(url, {"action": "approve_post", "kind": "live", "post": held.pk})
    held.refresh_from_db()
    assert held.state == PostState.VISIBLE


def test_the_member_page_shows_their_recent_live_messages_with_a_way_to_hide_them(
    client, mods, room
):
    _group, member, held = room
    client.force_login(mods[0])
    page = client.get(reverse("moderation:member", args=[member.pk])).content.decode()
    assert "Message in the live room of Evenings" in page
    assert held.body in page
    assert reverse("moderation:post", args=["live", held.pk]) in page


def test_the_statistics_count_held_live_messages_by_group_and_when_overdue(mods, room):
    _group, _member, held = room
    now = timezone.now()
    LiveMessage.objects.filter(pk=held.pk).update(created_at=now - timedelta(days=2))
    stats = moderation_stats(now=now)
    assert stats["overdue"]["held_posts"] == 1
    (row,) = stats["queue_by_group"]
    assert (row["group"], row["held"]) == ("Evenings", 1)


# --- reports ----------------------------------------------------------------------------


@pytest.fixture
def talk():
    group = make_group(name="Evenings")
    reporter, author = make_member(group), make_member(group)
    message = live_message_create(group=group, author=author, body="you are all pathetic")
    return group, reporter, author, message


def test_members_report_a_live_message_from_the_room_and_the_author_never_learns_who(client, talk):
    group, reporter, author, message = talk
    client.force_login(reporter)
    room_page = client.get(reverse("groups:room", args=[group.slug])).content.decode()
    url = reverse("moderation:report", args=["live", message.pk])
    assert f'href="{url}"' in room_page
    form = client.get(url)
    assert form.status_code == 200
    assert "Report a message" in form.content.decode()
    response = client.post(url, {"reason": "harassment", "text": "unkind"})
    assert response.status_code == 302
    assert response["Location"] == message.get_absolute_url()
    report = Report.objects.get()
    assert (report.reporter, report.content, report.group) == (reporter, message, group)
    client.force_login(author)
    page = client.get(reverse("groups:room", args=[group.slug])).content.decode()
    assert reporter.pseudonym not in page
    notices = client.get(reverse("moderation:notices")).content.decode()
    assert reporter.pseudonym not in notices


def test_a_reported_live_message_shows_in_the_queue_with_a_way_to_hide_it(client, mods, talk):
    _group, reporter, _author, message = talk
    report_create(reporter=reporter, content=message, reason="harassment")
    client.force_login(mods[0])
    page = client.get(reverse("moderation:dashboard")).content.decode()
    assert "you are all pathetic" in page
    assert reverse("moderation:post", args=["live", message.pk]) in page


def test_an_at_risk_report_on_a_live_message_opens_a_case_for_its_author(client, mods, talk):
    group, reporter, author, message = talk
    client.force_login(reporter)
    client.post(reverse("moderation:report", args=["live", message.pk]), {"reason": "at_risk"})
    case = Case.objects.get()
    assert (case.level, case.subject) == ("report", author)
    assert Report.objects.get().case == case
    assert case.items.get().content == message
    assert case.items.get().group == group
    assert case.alerts.filter(recipient=mods[0]).exists()
    client.force_login(mods[0])
    case_page = client.get(reverse("moderation:case", args=[case.pk])).content.decode()
    assert "you are all pathetic" in case_page
    assert reverse("moderation:post", args=["live", message.pk]) in case_page


def test_only_live_messages_the_member_could_see_in_the_room_can_be_reported(client, talk):
    _group, reporter, author, message = talk
    url = reverse("moderation:report", args=["live", message.pk])
    client.force_login(UserFactory())  # not in the group
    assert client.get(url).status_code == 404
    client.force_login(reporter)
    Block.objects.create(blocker=reporter, blocked=author)
    assert client.get(url).status_code == 404
    Block.objects.all().delete()
    LiveMessage.objects.filter(pk=message.pk).update(state=PostState.HIDDEN)
    assert client.get(url).status_code == 404
    LiveMessage.objects.filter(pk=message.pk).update(state=PostState.PENDING)
    assert client.post(url, {"reason": "spam"}).status_code == 404
    assert client.get(reverse("moderation:report", args=["live", 999999])).status_code == 404
    assert not Report.objects.exists()


def _hide_form(page: str) -> tuple[str, dict[str, str]]:
    """The action and hidden fields of the page's one form that asks why a post is hidden."""
    import re

    (form,) = [
        f for f in re.findall(r"<form\b[^>]*>.*?</form>", page, re.S) if 'name="reason"' in f
    ]
    action = re.search(r'action="([^"]*)"', form)
    hidden = dict(re.findall(r'<input type="hidden" name="(\w+)" value="([^"]*)"', form))
    return (action.group(1) if action else ""), hidden


def test_the_queues_hide_form_hides_the_live_message_not_a_reply_with_its_number(
    client, mods, room
):
    """The form the moderator sees names the live kind: a reply with the same number is not
    touched."""
    from groups.models import Reply

    _group, _member, held = room
    client.force_login(mods[0])
    page = client.get(reverse("moderation:dashboard")).content.decode()
    action, fields = _hide_form(page)
    assert action == reverse("moderation:review_post", args=["live", held.pk])
    client.post(action, {**fields, "decision": "hide", "reason": "An address."})
    held.refresh_from_db()
    assert held.state == PostState.HIDDEN
    assert not Reply.objects.filter(state=PostState.HIDDEN).exists()


def test_the_facilitators_hide_form_names_the_live_kind(client, room):
    group, _member, held = room
    client.force_login(group.created_by)
    url = reverse("groups:requests", args=[group.slug])
    _action, fields = _hide_form(client.get(url).content.decode())
    assert fields["kind"] == "live"
    client.post(url, {**fields, "action": "hide_post", "reason": "An address."})
    held.refresh_from_db()
    assert held.state == PostState.HIDDEN

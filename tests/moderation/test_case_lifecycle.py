"""A case from opening to closing: every transition is in the audit log with the right actor
and data, and a case is closed only with an outcome."""

import pytest
from django.urls import reverse

from groups.services import reply_create, thread_create
from moderation.models import Alert, Case, Claim
from moderation.services import ModerationError, case_acknowledge, case_close
from supportnet.core.models import AuditEntry
from tests.factories import enable_totp
from tests.groups.factories import make_group, make_member

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _no_post_interval(settings):
    settings.SUPPORTNET_POST_INTERVAL = 0
    settings.SUPPORTNET_POST_INTERVAL_NEW = 0


@pytest.fixture
def scene():
    group = make_group()
    member = make_member(group)
    thread = thread_create(group=group, author=group.created_by, title="Checking in", body="Hi")
    return member, thread


def _entries(action, case):
    return list(AuditEntry.objects.filter(action=action, target_id=str(case.pk)))


# --- closing needs an outcome ---------------------------------------------------------------


@pytest.mark.parametrize("action", ["resolve", "false_alarm"])
@pytest.mark.parametrize("outcome", [None, "", "   ", "\u200b\u202e"])
def test_closing_a_case_without_an_outcome_is_refused_and_changes_nothing(
    client, detector, rota, scene, action, outcome
):
    member, thread = scene
    moderator = rota["on_duty"]
    enable_totp(moderator)
    reply_create(thread=thread, author=member, body="CRISIS tonight")
    case = Case.objects.get()
    client.force_login(moderator)
    page = client.get(reverse("moderation:case", args=[case.pk])).content.decode()
    assert 'name="outcome" maxlength="500" rows="3" required' in page
    data = {"action": action} if outcome is None else {"action": action, "outcome": outcome}
    response = client.post(reverse("moderation:case_action", args=[case.pk]), data, follow=True)
    assert "Write the outcome (what was done) before closing the case." in (
        response.content.decode()
    )
    case.refresh_from_db()
    assert (case.state, case.closed_at, case.outcome, case.acknowledged_by) == (
        "open",
        None,
        "",
        None,
    )
    assert Alert.objects.filter(acknowledged_at__isnull=True).count() == 1
    assert not Claim.objects.exists()
    assert not AuditEntry.objects.filter(action__in=["case.resolved", "case.false_alarm"]).exists()


def test_the_close_service_refuses_a_blank_outcome(detector, rota, scene):
    member, thread = scene
    reply_create(thread=thread, author=member, body="CONCERN lately")
    case = Case.objects.get()
    with pytest.raises(ModerationError, match="Write the outcome"):
        case_close(case=case, moderator=rota["on_duty"], false_alarm=False, outcome=" ")
    case.refresh_from_db()
    assert case.state == "open"


# --- every transition in the audit log ------------------------------------------------------


def test_opening_raising_acknowledging_and_closing_a_case_are_each_audited(
    client, detector, rota, scene
):
    member, thread = scene
    moderator = rota["on_duty"]
    enable_totp(moderator)
    reply_create(thread=thread, author=member, body="CONCERN lately")
    case = Case.objects.get()
    [opened] = _entries("case.opened", case)
    assert opened.actor is None  # screening opened it
    assert opened.data == {"level": "concern", "reasons": ["passive death wish"]}
    assert not _entries("case.raised", case)

    reply_create(thread=thread, author=member, body="CRISIS tonight")
    [raised] = _entries("case.raised", case)
    assert raised.actor is None
    assert raised.data == {"level": "crisis", "reasons": ["intent + timeframe"]}
    assert len(_entries("case.opened", case)) == 1  # joined, not opened again

    client.force_login(moderator)
    client.post(reverse("moderation:case_action", args=[case.pk]), {"action": "acknowledge"})
    [acknowledged] = _entries("case.acknowledged", case)
    assert acknowledged.actor == moderator
    case_acknowledge(case=case, moderator=rota["second"])  # already taken: nothing new
    assert len(_entries("case.acknowledged", case)) == 1

    client.post(
        reverse("moderation:case_action", args=[case.pk]),
        {"action": "false_alarm", "outcome": "Song lyrics; checked in with them."},
    )
    [closed] = _entries("case.false_alarm", case)
    assert closed.actor == moderator
    assert closed.data == {"outcome": "Song lyrics; checked in with them."}
    assert not _entries("case.resolved", case)
    case.refresh_from_db()
    assert case.state == "false_alarm"


def test_resolving_a_case_is_audited_with_its_outcome(client, detector, rota, scene):
    member, thread = scene
    moderator = rota["on_duty"]
    enable_totp(moderator)
    reply_create(thread=thread, author=member, body="CRISIS tonight")
    case = Case.objects.get()
    client.force_login(moderator)
    client.post(
        reverse("moderation:case_action", args=[case.pk]),
        {"action": "resolve", "outcome": "Called the hotline together."},
    )
    [resolved] = _entries("case.resolved", case)
    assert (resolved.actor, resolved.data) == (
        moderator,
        {"outcome": "Called the hotline together."},
    )
    assert not _entries("case.false_alarm", case)

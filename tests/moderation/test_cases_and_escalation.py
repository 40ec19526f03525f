"""Cases, alerts and escalation: a crisis post reaches a human, and keeps escalating until one
answers. The detector is stubbed here to decide the level; its own tests are elsewhere."""

from datetime import timedelta

import pytest
from django.core import mail
from django.core.management import call_command
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django_tasks_db.management.commands import db_worker as worker_command
from django_tasks_db.models import DBTaskResult

from groups.services import reply_create, thread_create
from moderation.models import Alert, Case, CaseItem
from moderation.selectors import case_queue
from moderation.services import (
    case_acknowledge,
    case_escalate,
    moderator_appoint,
)
from supportnet.core.models import AuditEntry
from tests.factories import UserFactory, enable_totp
from tests.groups.factories import make_group, make_member

pytestmark = pytest.mark.django_db


def _thread_and_member():
    group = make_group()
    member = make_member(group)
    thread = thread_create(group=group, author=group.created_by, title="T", body="B")
    return thread, member


@pytest.fixture(autouse=True)
def _worker_keeps_the_test_connection(monkeypatch):
    # The worker recycles database connections between tasks; inside a test's transaction that
    # would close the test's own connection.
    monkeypatch.setattr(worker_command, "close_old_connections", lambda: None)


def run_due_tasks(*, move_time_by: timedelta = timedelta(0)) -> None:
    """Move the clock for waiting tasks (not sleeping), then let the real worker run what is
    due, as `manage.py db_worker` does."""
    if move_time_by:
        for result in DBTaskResult.objects.filter(status="READY"):
            if result.run_after is not None:
                result.run_after -= move_time_by
                result.save(update_fields=["run_after"])
    call_command("db_worker", "--batch", "--no-startup-delay", "--queue-name", "*", verbosity=0)


def test_a_crisis_reply_commits_its_case_alert_and_escalation_timers_with_it(detector, rota):
    thread, member = _thread_and_member()
    reply = reply_create(thread=thread, author=member, body="CRISIS tonight")
    case = Case.objects.get()
    assert case.level == "crisis"
    assert case.state == "open"
    assert case.subject == member
    assert CaseItem.objects.get(case=case).content == reply
    assert list(Alert.objects.values_list("recipient", flat=True)) == [rota["on_duty"].pk]
    timers = DBTaskResult.objects.filter(task_path="moderation.tasks.escalate_case")
    delays = sorted(round((t.run_after - case.opened_at).total_seconds()) for t in timers)
    assert delays == [300, 600]
    assert reply.screening.level == "crisis"


def test_a_failed_posting_transaction_leaves_no_case_alert_or_timer(detector, rota):
    thread, member = _thread_and_member()

    class BoomError(Exception):
        pass

    with pytest.raises(BoomError), transaction.atomic():
        reply_create(thread=thread, author=member, body="CRISIS tonight")
        raise BoomError
    assert not Case.objects.exists()
    assert not Alert.objects.exists()
    assert not DBTaskResult.objects.filter(task_path="moderation.tasks.escalate_case").exists()


def test_ordinary_posts_open_no_case(detector, rota):
    thread, member = _thread_and_member()
    reply_create(thread=thread, author=member, body="A quiet evening, feeling better")
    assert not Case.objects.exists()


def test_further_posts_by_the_same_member_join_their_open_case(detector, rota, settings):
    settings.SUPPORTNET_POST_INTERVAL = 0
    thread, member = _thread_and_member()
    reply_create(thread=thread, author=member, body="CONCERN")
    reply_create(thread=thread, author=member, body="CONCERN again")
    case = Case.objects.get()
    assert case.items.count() == 2
    # A crisis post raises the open concern case to crisis and starts the crisis clock.
    reply_create(thread=thread, author=member, body="CRISIS now")
    case.refresh_from_db()
    assert Case.objects.count() == 1
    assert case.level == "crisis"
    assert case.items.count() == 3


def test_after_five_minutes_unacknowledged_the_second_on_call_is_alerted(detector, rota):
    thread, member = _thread_and_member()
    reply_create(thread=thread, author=member, body="CRISIS tonight")
    case = Case.objects.get()

    run_due_tasks()  # nothing is due yet
    assert case.alerts.filter(step=1).count() == 0

    run_due_tasks(move_time_by=timedelta(minutes=5, seconds=1))
    case.refresh_from_db()
    assert case.state == "escalated"
    assert case.escalation_step == 1
    assert [a.recipient for a in case.alerts.filter(step=1)] == [rota["second"]]
    assert not case.alerts.filter(step=2).exists()
    # Escalation alerts are emailed, neutrally, with no content.
    assert mail.outbox
    assert mail.outbox[-1].subject == "SupportNet: you have a new notification"
    assert "CRISIS" not in mail.outbox[-1].body

    run_due_tasks(move_time_by=timedelta(minutes=5))
    case.refresh_from_db()
    assert case.escalation_step == 2
    assert [a.recipient for a in case.alerts.filter(step=2)] == [rota["lead"]]


def test_running_an_escalation_twice_escalates_once(detector, rota):
    thread, member = _thread_and_member()
    reply_create(thread=thread, author=member, body="CRISIS tonight")
    case = Case.objects.get()
    assert case_escalate(case_id=case.pk, step=1) is True
    assert case_escalate(case_id=case.pk, step=1) is False
    assert case.alerts.filter(step=1).count() == 1
    assert AuditEntry.objects.filter(action="case.escalated").count() == 1


def test_acknowledging_a_case_stops_its_escalation(detector, rota):
    thread, member = _thread_and_member()
    reply_create(thread=thread, author=member, body="CRISIS tonight")
    case = Case.objects.get()
    case_acknowledge(case=case, moderator=rota["on_duty"])
    run_due_tasks(move_time_by=timedelta(minutes=30))
    case.refresh_from_db()
    assert case.state == "acknowledged"
    assert case.escalation_step == 0
    assert not case.alerts.filter(step__gt=0).exists()
    assert not case.alerts.filter(acknowledged_at__isnull=True).exists()


def test_with_nobody_on_duty_the_on_call_is_emailed_at_once(detector):
    second = UserFactory()
    moderator_appoint(user=second, rota_role="second")
    thread, member = _thread_and_member()
    reply_create(thread=thread, author=member, body="CRISIS tonight")
    assert Alert.objects.get().recipient == second
    run_due_tasks()
    assert [m.to for m in mail.outbox] == [[second.email]]
    assert "/moderation/" in mail.outbox[0].body


def test_the_alert_email_is_sent_once_even_if_its_task_runs_twice(detector):
    from moderation.tasks import send_alert_email

    second = UserFactory()
    moderator_appoint(user=second, rota_role="second")
    thread, member = _thread_and_member()
    reply_create(thread=thread, author=member, body="CRISIS tonight")
    alert = Alert.objects.get()
    send_alert_email.call(alert.pk)
    send_alert_email.call(alert.pk)
    assert len(mail.outbox) == 1


def test_posting_still_works_when_the_channel_layer_is_down(detector, rota, monkeypatch):
    import supportnet.core.realtime

    class BrokenLayer:
        async def group_send(self, *args, **kwargs):
            raise ConnectionError("redis is down")

    monkeypatch.setattr(supportnet.core.realtime, "get_channel_layer", BrokenLayer)
    thread, member = _thread_and_member()
    with transaction.atomic():
        reply_create(thread=thread, author=member, body="CRISIS tonight")
    assert Case.objects.count() == 1
    assert Alert.objects.filter(delivered_at__isnull=True).count() == 1


def test_the_queue_lists_crisis_before_concern_before_reports_then_by_age(detector):
    old_report = Case.objects.create(level="report", opened_at=timezone.now() - timedelta(hours=3))
    concern = Case.objects.create(level="concern", opened_at=timezone.now() - timedelta(hours=2))
    crisis_new = Case.objects.create(level="crisis")
    crisis_old = Case.objects.create(level="crisis", opened_at=timezone.now() - timedelta(hours=1))
    Case.objects.create(level="crisis", state="resolved")
    assert list(case_queue(moderator=None)) == [crisis_old, crisis_new, concern, old_report]


def test_moderators_acknowledge_and_close_cases_from_their_pages_and_every_view_is_audited(
    client, detector, rota
):
    moderator = rota["on_duty"]
    enable_totp(moderator)
    thread, member = _thread_and_member()
    reply_create(thread=thread, author=member, body="CRISIS tonight")
    case = Case.objects.get()
    client.force_login(moderator)
    dashboard = client.get(reverse("moderation:dashboard")).content.decode()
    assert f"Case {case.pk}" in dashboard
    page = client.get(reverse("moderation:case", args=[case.pk])).content.decode()
    assert "CRISIS tonight" in page
    assert AuditEntry.objects.filter(action="case.viewed", actor=moderator).count() == 1
    client.post(reverse("moderation:case_action", args=[case.pk]), {"action": "acknowledge"})
    case.refresh_from_db()
    assert case.state == "acknowledged"
    assert case.acknowledged_by == moderator
    client.post(
        reverse("moderation:case_action", args=[case.pk]),
        {"action": "false_alarm", "outcome": "Talked it through; a quote from a film."},
    )
    case.refresh_from_db()
    assert case.state == "false_alarm"


def test_a_case_outcome_is_stored_without_nul_or_hidden_characters(client, rota, detector):
    """Found by tests/fuzz: a NUL in the outcome reached the database (PostgreSQL refuses it)."""
    moderator = rota["on_duty"]
    enable_totp(moderator)
    thread, member = _thread_and_member()
    reply_create(thread=thread, author=member, body="CRISIS tonight")
    case = Case.objects.get()
    client.force_login(moderator)
    response = client.post(
        reverse("moderation:case_action", args=[case.pk]),
        {"action": "resolve", "outcome": "Talked\x00 it\u202e through"},
    )
    assert response.status_code == 302
    case.refresh_from_db()
    assert case.state == "resolved"
    assert case.outcome == "Talked it through"
    entry = AuditEntry.objects.get(action="case.resolved")
    assert entry.data == {"outcome": "Talked it through"}


@pytest.mark.parametrize("url_name,args", [("moderation:dashboard", []), ("moderation:case", [1])])
def test_members_get_404_from_every_moderation_page(client, member, url_name, args):
    client.force_login(member)
    assert client.get(reverse(url_name, args=args)).status_code == 404
    assert (
        client.post(
            reverse("moderation:case_action", args=[1]), {"action": "acknowledge"}
        ).status_code
        == 404
    )


def test_bad_case_actions_get_404(client, rota, detector):
    moderator = rota["on_duty"]
    enable_totp(moderator)
    thread, member = _thread_and_member()
    reply_create(thread=thread, author=member, body="CRISIS tonight")
    case = Case.objects.get()
    client.force_login(moderator)
    assert (
        client.post(reverse("moderation:case_action", args=[case.pk]), {"action": "x"}).status_code
        == 404
    )
    assert client.get(reverse("moderation:case", args=[999999])).status_code == 404


def test_moderators_review_held_posts_from_the_dashboard(client, rota):
    moderator = rota["on_duty"]
    enable_totp(moderator)
    group = make_group()
    newcomer = make_member(group, trusted=False)
    thread = thread_create(group=group, author=newcomer, title="Hello all", body="my first post")
    client.force_login(moderator)
    page = client.get(reverse("moderation:dashboard")).content.decode()
    assert "my first post" in page
    client.post(
        reverse("moderation:review_post", args=["thread", thread.pk]), {"decision": "approve"}
    )
    thread.refresh_from_db()
    assert thread.state == "visible"
    assert (
        client.post(
            reverse("moderation:review_post", args=["nonsense", thread.pk]), {"decision": "approve"}
        ).status_code
        == 404
    )


def test_a_new_crisis_post_on_a_taken_case_alerts_and_escalates_again(detector, rota, settings):
    """Acknowledging a case must not silence what the member posts next: a new crisis post
    reopens it, alerts the moderators on duty and whoever had taken it, and the clock restarts."""
    settings.SUPPORTNET_POST_INTERVAL = 0
    taker = UserFactory()
    moderator_appoint(user=taker)  # took the case, not on duty
    enable_totp(taker)
    thread, member = _thread_and_member()
    reply_create(thread=thread, author=member, body="CRISIS tonight")
    case = Case.objects.get()
    case_acknowledge(case=case, moderator=taker)
    run_due_tasks(move_time_by=timedelta(minutes=30))  # the first clock is spent

    reply_create(thread=thread, author=member, body="CRISIS I have taken them")
    case.refresh_from_db()
    assert case.state == "open"
    assert case.items.count() == 2
    unanswered = Alert.objects.filter(case=case, acknowledged_at__isnull=True)
    assert {a.recipient for a in unanswered} == {rota["on_duty"], taker}
    assert AuditEntry.objects.filter(action="case.reopened").count() == 1

    run_due_tasks(move_time_by=timedelta(minutes=5, seconds=1))
    case.refresh_from_db()
    assert case.state == "escalated"
    assert [a.recipient for a in case.alerts.filter(step=1)] == [rota["second"]]


def test_a_concern_post_on_a_taken_case_joins_it_quietly(detector, rota, settings):
    settings.SUPPORTNET_POST_INTERVAL = 0
    thread, member = _thread_and_member()
    reply_create(thread=thread, author=member, body="CONCERN")
    case = Case.objects.get()
    case_acknowledge(case=case, moderator=rota["on_duty"])
    reply_create(thread=thread, author=member, body="CONCERN still")
    case.refresh_from_db()
    assert case.state == "acknowledged"
    assert case.items.count() == 2
    assert not Alert.objects.filter(acknowledged_at__isnull=True).exists()


def test_a_moderator_on_duty_without_two_step_verification_is_passed_over(detector, rota):
    """They could not open the case: the second on-call is alerted and emailed at once."""
    from allauth.mfa.models import Authenticator

    Authenticator.objects.filter(user=rota["on_duty"]).delete()
    thread, member = _thread_and_member()
    reply_create(thread=thread, author=member, body="CRISIS tonight")
    assert [a.recipient for a in Alert.objects.all()] == [rota["second"]]
    run_due_tasks()
    assert [m.to for m in mail.outbox] == [[rota["second"].email]]


def test_losing_two_step_verification_or_the_role_takes_a_moderator_off_duty(rota):
    from allauth.mfa.models import Authenticator

    from moderation.models import ModeratorProfile

    Authenticator.objects.filter(user=rota["on_duty"]).delete()
    assert not ModeratorProfile.objects.get(user=rota["on_duty"]).on_duty
    assert AuditEntry.objects.filter(action="moderator.off_duty").count() == 1

    still = UserFactory()
    moderator_appoint(user=still, on_duty=True)
    enable_totp(still)
    still.is_moderator = False
    still.save(update_fields=["is_moderator"])
    assert not ModeratorProfile.objects.get(user=still).on_duty


def test_with_no_moderator_set_up_for_two_step_verification_every_moderator_is_emailed(detector):
    """An alert always reaches someone: the email's link asks them to set it up first."""
    first, second = UserFactory(), UserFactory()
    moderator_appoint(user=first, on_duty=True)
    moderator_appoint(user=second)
    thread, member = _thread_and_member()
    reply_create(thread=thread, author=member, body="CRISIS tonight")
    assert {a.recipient for a in Alert.objects.all()} == {first, second}
    run_due_tasks()
    assert len(mail.outbox) == 2
    assert {m.to[0] for m in mail.outbox} == {first.email, second.email}


def test_asking_for_a_moderator_after_a_case_was_taken_restarts_its_escalation(rota):
    from moderation.services import reach_out_request

    member = UserFactory()
    case = reach_out_request(member=member)
    case_acknowledge(case=case, moderator=rota["on_duty"])
    reach_out_request(member=member)
    run_due_tasks(move_time_by=timedelta(minutes=15, seconds=1))
    case.refresh_from_db()
    assert case.state == "escalated"
    assert [a.recipient for a in case.alerts.filter(step=1)] == [rota["second"]]


def _reopened_after_escalation(rota, settings):
    """A crisis case escalated to the second on-call, then taken, then reopened by a new
    crisis post."""
    settings.SUPPORTNET_POST_INTERVAL = 0
    thread, member = _thread_and_member()
    reply_create(thread=thread, author=member, body="CRISIS tonight")
    case = Case.objects.get()
    first_clock = case.opened_at.isoformat()
    run_due_tasks(move_time_by=timedelta(minutes=5, seconds=1))
    case_acknowledge(case=Case.objects.get(), moderator=rota["second"])
    reply_create(thread=thread, author=member, body="CRISIS I took them")
    case.refresh_from_db()
    return case, first_clock


def test_a_reopened_case_escalates_again_to_those_it_reached_before(detector, rota, settings):
    case, _ = _reopened_after_escalation(rota, settings)
    emails_before = len(mail.outbox)
    run_due_tasks(move_time_by=timedelta(minutes=5, seconds=1))
    case.refresh_from_db()
    assert case.escalation_step == 1
    step_one = case.alerts.get(step=1)
    assert step_one.recipient == rota["second"]
    assert step_one.acknowledged_at is None  # raised again, on the dashboard again
    assert len(mail.outbox) == emails_before + 1  # and emailed again
    assert mail.outbox[-1].to == [rota["second"].email]


def test_the_earlier_clocks_timers_do_not_cut_a_restarted_clock_short(detector, rota, settings):
    case, first_clock = _reopened_after_escalation(rota, settings)
    assert case_escalate(case_id=case.pk, step=1, clock=first_clock) is False
    case.refresh_from_db()
    assert case.state == "open"
    assert case_escalate(case_id=case.pk, step=1, clock=case.opened_at.isoformat()) is True


def test_a_taken_concern_raised_to_crisis_is_nobodys_until_taken_again(detector, rota, settings):
    """The moderator who had the concern is told, their claim is gone, and the crisis' time
    to acknowledge counts from the crisis post."""
    from moderation.models import Claim
    from moderation.services import claim_take

    settings.SUPPORTNET_POST_INTERVAL = 0
    thread, member = _thread_and_member()
    reply_create(thread=thread, author=member, body="CONCERN")
    case = Case.objects.get()
    claim_take(item=case, moderator=rota["lead"])
    case_acknowledge(case=case, moderator=rota["lead"])
    reply_create(thread=thread, author=member, body="CRISIS now")
    case.refresh_from_db()
    assert (case.level, case.state) == ("crisis", "open")
    assert case.acknowledged_at is None and case.acknowledged_by is None
    assert not Claim.objects.exists()
    unanswered = {a.recipient for a in case.alerts.filter(acknowledged_at__isnull=True)}
    assert unanswered == {rota["on_duty"], rota["lead"]}


def test_a_staff_member_on_duty_is_alerted_like_a_moderator(detector):
    """Staff may open moderator pages, so staff on duty are on duty."""
    from moderation.services import moderator_set_duty

    staff = UserFactory(is_staff=True)
    enable_totp(staff)
    moderator_set_duty(user=staff, on_duty=True)
    thread, member = _thread_and_member()
    reply_create(thread=thread, author=member, body="CRISIS tonight")
    assert [a.recipient for a in Alert.objects.all()] == [staff]

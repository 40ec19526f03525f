"""Every way a member can post reaches screening: a new conversation and a live-room message
open a case like a reply does, in the posting transaction; concern cases and member reports
escalate on their own timers. The detector is stubbed here to decide the level."""

from datetime import timedelta

import pytest
from django.db import transaction
from django_tasks_db.management.commands import db_worker as worker_command
from django_tasks_db.models import DBTaskResult

from groups.models import LiveMessage, Thread
from groups.services import live_message_create, reply_create, thread_create
from moderation.models import Alert, Case, CaseItem
from moderation.services import report_create
from supportnet.core.models import AuditEntry
from tests.groups.factories import make_group, make_member
from tests.moderation.test_cases_and_escalation import run_due_tasks

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _worker_keeps_the_test_connection(monkeypatch):
    # As in test_cases_and_escalation: the worker must not close the test's own connection.
    monkeypatch.setattr(worker_command, "close_old_connections", lambda: None)


@pytest.fixture(autouse=True)
def _no_post_interval(settings):
    settings.SUPPORTNET_POST_INTERVAL = 0
    settings.SUPPORTNET_POST_INTERVAL_NEW = 0


def _timer_delays(case):
    timers = DBTaskResult.objects.filter(task_path="moderation.tasks.escalate_case")
    return sorted(round((t.run_after - case.opened_at).total_seconds()) for t in timers)


class BoomError(Exception):
    pass


# --- a new conversation -----------------------------------------------------------------------


def test_a_crisis_thread_commits_its_case_alert_and_escalation_timers_with_it(detector, rota):
    group = make_group()
    member = make_member(group)
    thread = thread_create(group=group, author=member, title="Tonight", body="CRISIS tonight")
    case = Case.objects.get()
    assert (case.level, case.state, case.subject) == ("crisis", "open", member)
    item = CaseItem.objects.get(case=case)
    assert item.content == thread
    assert item.group == group
    assert list(Alert.objects.values_list("recipient", flat=True)) == [rota["on_duty"].pk]
    assert _timer_delays(case) == [300, 600]
    assert thread.screening.level == "crisis"


def test_a_crisis_in_a_threads_title_alone_opens_a_case(detector, rota):
    group = make_group()
    thread_create(group=group, author=make_member(group), title="CRISIS", body="that's all")
    assert Case.objects.get().level == "crisis"


def test_a_failed_thread_transaction_leaves_no_case_alert_or_timer(detector, rota):
    group = make_group()
    member = make_member(group)
    with pytest.raises(BoomError), transaction.atomic():
        thread_create(group=group, author=member, title="Tonight", body="CRISIS tonight")
        assert Case.objects.exists()  # written inside the posting transaction …
        raise BoomError
    # … and gone with it.
    assert not Thread.objects.filter(title="Tonight").exists()
    assert not Case.objects.exists()
    assert not CaseItem.objects.exists()
    assert not Alert.objects.exists()
    assert not AuditEntry.objects.filter(action="case.opened").exists()
    assert not DBTaskResult.objects.filter(task_path="moderation.tasks.escalate_case").exists()


# --- a live-room message ------------------------------------------------------------------------


def test_a_crisis_live_message_opens_a_case_with_its_alert_and_timers(detector, rota):
    group = make_group()
    member = make_member(group)
    message = live_message_create(group=group, author=member, body="CRISIS tonight")
    case = Case.objects.get()
    assert (case.level, case.subject) == ("crisis", member)
    assert CaseItem.objects.get(case=case).content == message
    assert list(Alert.objects.values_list("recipient", flat=True)) == [rota["on_duty"].pk]
    assert _timer_delays(case) == [300, 600]


def test_a_failed_live_message_transaction_leaves_no_case(detector, rota):
    group = make_group()
    member = make_member(group)
    with pytest.raises(BoomError), transaction.atomic():
        live_message_create(group=group, author=member, body="CRISIS tonight")
        raise BoomError
    assert not LiveMessage.objects.exists()
    assert not Case.objects.exists()
    assert not Alert.objects.exists()


def test_an_ordinary_live_message_opens_no_case(detector, rota):
    group = make_group()
    live_message_create(group=group, author=make_member(group), body="evening all")
    assert not Case.objects.exists()


# --- escalation of concern cases and member reports ---------------------------------------------


def test_an_unacknowledged_concern_case_escalates_after_fifteen_minutes(detector, rota, clock):
    """The clock stands still: "not yet" ten seconds before the timer is due holds however
    slowly the test runs."""
    group = make_group()
    member = make_member(group)
    thread = thread_create(group=group, author=group.created_by, title="T", body="B")
    reply_create(thread=thread, author=member, body="CONCERN lately")
    case = Case.objects.get()
    assert _timer_delays(case) == [900]

    run_due_tasks(move_time_by=timedelta(minutes=14, seconds=50))
    case.refresh_from_db()
    assert (case.state, case.escalation_step) == ("open", 0)
    assert not case.alerts.filter(step=1).exists()

    run_due_tasks(move_time_by=timedelta(seconds=11))
    case.refresh_from_db()
    assert (case.state, case.escalation_step) == ("escalated", 1)
    assert [a.recipient for a in case.alerts.filter(step=1)] == [rota["second"]]
    assert AuditEntry.objects.filter(action="case.escalated", data={"step": 1}).count() == 1
    run_due_tasks(move_time_by=timedelta(hours=1))  # a concern has one step only
    case.refresh_from_db()
    assert case.escalation_step == 1


def test_an_unacknowledged_at_risk_report_escalates_after_twelve_hours(rota):
    group = make_group()
    reporter, author = make_member(group), make_member(group)
    thread = thread_create(group=group, author=group.created_by, title="T", body="B")
    reply = reply_create(thread=thread, author=author, body="a quiet reply")
    report_create(reporter=reporter, content=reply, reason="at_risk")
    case = Case.objects.get()
    assert (case.level, case.subject) == ("report", author)
    assert _timer_delays(case) == [12 * 3600]

    run_due_tasks(move_time_by=timedelta(hours=11, minutes=59))
    case.refresh_from_db()
    assert (case.state, case.escalation_step) == ("open", 0)

    run_due_tasks(move_time_by=timedelta(minutes=1, seconds=1))
    case.refresh_from_db()
    assert (case.state, case.escalation_step) == ("escalated", 1)
    assert [a.recipient for a in case.alerts.filter(step=1)] == [rota["second"]]

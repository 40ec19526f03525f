"""A task worker killed (SIGKILL) in the middle of an escalation: nothing of the interrupted
step is kept, and after a worker starts again the case escalates once and the on-call is
emailed once.

The workers are real `manage.py db_worker` processes on the test database; a test-only hook
(tests/faults/hooks.py) freezes the first one at a known point so it can be killed there."""

import os
import signal
import subprocess
import sys
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from groups.services import reply_create, thread_create
from moderation.models import Alert, Case
from supportnet.core.models import AuditEntry
from supportnet.core.task_recovery import tasks_requeue_stale
from tests.faults.conftest import wait_for
from tests.groups.factories import make_group, make_member

pytestmark = [pytest.mark.faults, pytest.mark.django_db(transaction=True)]

ESCALATE = "moderation.tasks.escalate_case"
EMAIL = "moderation.tasks.send_alert_email"


class Workers:
    """Starts `manage.py db_worker` processes on the test database; stops them all at the end,
    whatever happened."""

    def __init__(self, tmp_path: Path) -> None:
        self.tmp_path = tmp_path
        self.mail_dir = tmp_path / "mail"
        self.mail_dir.mkdir()
        self.processes: list[subprocess.Popen[bytes]] = []

    def start(self, **env: str) -> subprocess.Popen[bytes]:
        log = (self.tmp_path / f"worker-{len(self.processes)}.log").open("wb")
        process = subprocess.Popen(
            [
                sys.executable,
                *("manage.py", "db_worker", "--queue-name", "*", "--interval", "0.1"),
                *("--no-startup-delay", "--no-reload"),
            ],
            cwd=settings.BASE_DIR,
            env={
                **os.environ,
                "DJANGO_SETTINGS_MODULE": "tests.faults.worker_settings",
                "SUPPORTNET_FAULTS_DB_NAME": str(connection.settings_dict["NAME"]),
                "SUPPORTNET_FAULTS_MAIL_DIR": str(self.mail_dir),
                **env,
            },
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        log.close()
        self.processes.append(process)
        return process

    def log(self, process: subprocess.Popen[bytes]) -> str:
        index = self.processes.index(process)
        return (self.tmp_path / f"worker-{index}.log").read_text(errors="replace")[-3000:]

    def stop_all(self) -> None:
        for process in self.processes:
            if process.poll() is None:
                process.send_signal(signal.SIGTERM)
        for process in self.processes:
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait(timeout=10)

    def emails(self) -> list[str]:
        """The recipients of every email the workers sent."""
        return [
            line.removeprefix("To: ")
            for path in sorted(self.mail_dir.iterdir())
            for line in path.read_text().splitlines()
            if line.startswith("To: ")
        ]


@pytest.fixture
def workers(tmp_path: Path) -> Iterator[Workers]:
    started = Workers(tmp_path)
    try:
        yield started
    finally:
        started.stop_all()


def _open_crisis_case_due_for_step_one() -> tuple[Case, DBTaskResult]:
    group = make_group()
    member = make_member(group)
    thread = thread_create(group=group, author=group.created_by, title="T", body="B")
    reply_create(thread=thread, author=member, body="CRISIS goodbye everyone")
    case = Case.objects.get()
    step_one = next(
        t
        for t in DBTaskResult.objects.filter(task_path=ESCALATE)
        if t.args_kwargs["args"][:2] == [case.pk, 1]
    )
    # Five minutes pass without an acknowledgement (the clock moves, nobody sleeps).
    DBTaskResult.objects.filter(pk=step_one.pk).update(
        run_after=timezone.now() - timedelta(seconds=1)
    )
    return case, step_one


def _status(task: DBTaskResult) -> str:
    return DBTaskResult.objects.values_list("status", flat=True).get(pk=task.pk)


@pytest.mark.parametrize("killed_at", ["alert_saved", "email_sending"])
def test_a_worker_killed_mid_escalation_leaves_it_to_the_next_worker_which_escalates_once(
    detector, rota, workers, tmp_path, killed_at
):
    case, step_one = _open_crisis_case_due_for_step_one()
    frozen_file = tmp_path / "frozen"

    first = workers.start(
        SUPPORTNET_FAULTS_FREEZE_AT=killed_at, SUPPORTNET_FAULTS_FROZEN_FILE=str(frozen_file)
    )
    wait_for(
        lambda: frozen_file.exists() or first.poll() is not None,
        timeout=60,
        what=f"the worker to reach {killed_at}",
    )
    assert frozen_file.exists(), workers.log(first)
    first.kill()
    assert first.wait(timeout=10) == -signal.SIGKILL

    case.refresh_from_db()
    if killed_at == "alert_saved":
        # Killed inside the escalation's transaction: none of it was kept.
        assert _status(step_one) == "RUNNING"
        assert case.state == "open"
        assert case.escalation_step == 0
        assert not case.alerts.filter(step=1).exists()
        assert not AuditEntry.objects.filter(action="case.escalated").exists()
        assert not DBTaskResult.objects.filter(task_path=EMAIL).exists()
    else:
        # Killed while emailing the on-call: the step itself had been committed.
        assert _status(step_one) == "SUCCESSFUL"
        assert case.escalation_step == 1
        assert DBTaskResult.objects.get(task_path=EMAIL).status == "RUNNING"
        assert Alert.objects.get(step=1).emailed_at is None
    assert workers.emails() == []
    # No worker would ever take the task again by itself: it stays RUNNING.
    assert not DBTaskResult.objects.ready().exists()

    # A worker starts again (quick recovery for the test; 60 seconds by default).
    second = workers.start(SUPPORTNET_TASK_STALE_AFTER="1")
    wait_for(
        lambda: (
            second.poll() is not None
            or (
                _status(step_one) == "SUCCESSFUL"
                and DBTaskResult.objects.filter(task_path=EMAIL).exists()
                and not DBTaskResult.objects.filter(task_path=EMAIL)
                .exclude(status="SUCCESSFUL")
                .exists()
            )
        ),
        timeout=60,
        what="the escalation and its email to complete",
    )
    assert second.poll() is None, workers.log(second)
    workers.stop_all()

    case.refresh_from_db()
    assert case.state == "escalated"
    assert case.escalation_step == 1
    assert [a.recipient for a in case.alerts.filter(step=1)] == [rota["second"]]
    assert AuditEntry.objects.filter(action="case.escalated").count() == 1
    assert AuditEntry.objects.filter(action="task.requeued").count() == 1
    assert Alert.objects.get(step=1).emailed_at is not None
    assert workers.emails() == [rota["second"].email]
    interrupted = (
        step_one if killed_at == "alert_saved" else DBTaskResult.objects.get(task_path=EMAIL)
    )
    assert len(DBTaskResult.objects.get(pk=interrupted.pk).worker_ids) == 2
    assert not case.alerts.filter(step=2).exists()  # the lead's step is not due yet


def test_recovery_leaves_running_tasks_alone_until_stale_and_gives_up_after_the_attempts(
    detector, rota
):
    _, step_one = _open_crisis_case_due_for_step_one()
    now = timezone.now()
    DBTaskResult.objects.filter(pk=step_one.pk).update(
        status="RUNNING", started_at=now - timedelta(seconds=30), worker_ids=["a"]
    )
    recover = {"older_than": timedelta(seconds=60), "max_attempts": 3}

    assert tasks_requeue_stale(**recover).requeued == 0  # may still be running
    assert _status(step_one) == "RUNNING"

    DBTaskResult.objects.filter(pk=step_one.pk).update(started_at=now - timedelta(seconds=90))
    assert tasks_requeue_stale(**recover).requeued == 1
    assert _status(step_one) == "READY"
    assert DBTaskResult.objects.ready().filter(pk=step_one.pk).exists()

    # Claimed three times, and each time its worker died: it may be what kills them.
    DBTaskResult.objects.filter(pk=step_one.pk).update(
        status="RUNNING", started_at=now - timedelta(seconds=90), worker_ids=["a", "b", "c"]
    )
    assert tasks_requeue_stale(**recover).failed == 1
    failed = DBTaskResult.objects.get(pk=step_one.pk)
    assert failed.status == "FAILED"
    assert failed.exception_class_path == "supportnet.core.task_recovery.WorkerLostError"
    assert list(
        AuditEntry.objects.filter(action__startswith="task.").order_by("pk").values_list("action")
    ) == [
        ("task.requeued",),
        ("task.abandoned",),
    ]

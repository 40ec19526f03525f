"""Recovery of durable tasks that a task worker left unfinished when it died.

django-tasks-db marks a task RUNNING when a worker claims it (committed at once), runs it, then
marks it SUCCESSFUL or FAILED. A worker killed in between (kill -9, out of memory, the machine
restarting) leaves the task RUNNING, and no worker ever looks at a RUNNING task again: an
escalation caught that way would never happen. `tasks_requeue_stale` puts such tasks back in
the queue once they have been RUNNING longer than any task takes
(`SUPPORTNET_TASK_STALE_AFTER`); `manage.py db_worker` calls it at start-up and periodically.

Requeueing relies on every task being safe to run twice (a step escalates once, an alert email
is sent once): a task that was in fact still running, only slowly, runs again harmlessly. A
task that has already been claimed `SUPPORTNET_TASK_MAX_ATTEMPTS` times (it may be what kills
the worker) is marked FAILED instead, for an operator to look at and run again from the
administration.
"""

import logging
from dataclasses import dataclass
from datetime import timedelta

from django.db import transaction
from django.tasks import TaskResultStatus
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from supportnet.core import audit

logger = logging.getLogger(__name__)


class WorkerLostError(Exception):
    """Recorded as the error of a task whose workers kept dying while running it."""


@dataclass(frozen=True)
class StaleTasks:
    requeued: int
    failed: int


@transaction.atomic
def tasks_requeue_stale(*, older_than: timedelta, max_attempts: int) -> StaleTasks:
    """Requeue tasks RUNNING for longer than `older_than`; fail those claimed `max_attempts`
    times already. Safe to run from several workers at once."""
    cutoff = timezone.now() - older_than
    stale = list(
        DBTaskResult.objects.running()
        .filter(started_at__lt=cutoff)
        .select_for_update(skip_locked=True)
        .order_by("started_at")
    )
    requeued = failed = 0
    for result in stale:  # locked: no other worker changes these rows meanwhile
        attempts = len(result.worker_ids)
        data = {"task": result.task_path, "attempts": attempts}
        if attempts >= max_attempts:
            result.set_failed(
                WorkerLostError(f"the worker stopped during this task {attempts} times")
            )
            failed += 1
            audit.log(None, "task.abandoned", target=result, data=data)
        else:
            result.status = TaskResultStatus.READY
            result.save(update_fields=["status"])
            requeued += 1
            audit.log(None, "task.requeued", target=result, data=data)
    if requeued or failed:
        logger.warning(
            "tasks left running by a stopped worker: %d requeued, %d failed after %d attempts",
            requeued,
            failed,
            max_attempts,
        )
    return StaleTasks(requeued=requeued, failed=failed)

"""`manage.py db_worker`: django-tasks-db's task worker, which also recovers tasks that a dead
worker left RUNNING (see supportnet/core/task_recovery.py).

This command takes the place of django-tasks-db's own because `supportnet.core` comes before
`django_tasks_db` in INSTALLED_APPS. It takes the same options. At start-up, and every quarter
of `SUPPORTNET_TASK_STALE_AFTER` while it runs, it requeues tasks RUNNING for longer than that,
so an escalation caught in a worker that was killed still happens, once, on a live worker.
"""

import logging
import os
import threading
import time
from datetime import timedelta
from typing import Any

from django.conf import settings
from django.db import connections
from django.utils.autoreload import DJANGO_AUTORELOAD_ENV
from django_tasks_db.management.commands.db_worker import Command as TasksDbWorkerCommand

from supportnet.core.task_recovery import tasks_requeue_stale

logger = logging.getLogger(__name__)


def _recover() -> None:
    try:
        tasks_requeue_stale(
            older_than=timedelta(seconds=settings.SUPPORTNET_TASK_STALE_AFTER),
            max_attempts=settings.SUPPORTNET_TASK_MAX_ATTEMPTS,
        )
    except Exception:  # the database may be away for a while (restarting): try again later
        logger.exception("recovering stale tasks failed")


def _recover_periodically(every: float) -> None:
    """Runs beside the worker loop, in its own thread and on its own database connection:
    at start-up, then every `every` seconds."""
    while True:
        _recover()
        connections.close_all()  # this thread's connections only
        time.sleep(every)


class Command(TasksDbWorkerCommand):
    help = (
        "Run a database task worker (django-tasks-db) that also requeues tasks left running "
        "by a worker that died."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        # With --reload, this process only watches files; its child runs tasks (and recovery).
        watching_files_only = (
            options["reload"]
            and not options["batch"]
            and os.environ.get(DJANGO_AUTORELOAD_ENV) != "true"
        )
        if watching_files_only:
            super().handle(*args, **options)
            return
        if options["batch"]:
            _recover()
        else:
            every = max(settings.SUPPORTNET_TASK_STALE_AFTER / 4, 0.25)
            threading.Thread(
                target=_recover_periodically, args=(every,), name="stale-tasks", daemon=True
            ).start()
        super().handle(*args, **options)

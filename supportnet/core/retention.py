"""Retention: what the instance keeps, and for how long (set per instance).

- Live room messages: deleted after SUPPORTNET_RETAIN_LIVE_MESSAGES_DAYS (90).
- Closed cases: their outcome notes are cleared after SUPPORTNET_RETAIN_CASE_DETAILS_DAYS (365);
  the case row (level, dates, who took it) stays for accountability.
- Finished task results: after SUPPORTNET_RETAIN_TASK_RESULTS_DAYS (30).
- Expired data exports: deleted once expired.
"""

from datetime import timedelta
from typing import Any

from django.db import transaction
from django.utils import timezone

from supportnet.core import audit


@transaction.atomic
def retention_apply(*, now: Any = None) -> dict[str, int]:
    from django_tasks_db.models import DBTaskResult

    from groups.models import LiveMessage
    from moderation.models import Case
    from supportnet.accounts.models import DataExport

    now = now or timezone.now()
    from supportnet.core.instance import current

    days = current().retention_days
    cutoff_live = now - timedelta(days=days["live_messages"])
    cutoff_cases = now - timedelta(days=days["case_details"])
    cutoff_tasks = now - timedelta(days=days["task_results"])
    live, _ = LiveMessage.objects.filter(created_at__lt=cutoff_live).delete()
    cases = Case.objects.filter(closed_at__lt=cutoff_cases).exclude(outcome="").update(outcome="")
    tasks, _ = DBTaskResult.objects.finished().filter(finished_at__lt=cutoff_tasks).delete()
    exports, _ = DataExport.objects.filter(expires_at__lt=now).delete()
    counts = {
        "live_messages": live,
        "case_details": cases,
        "task_results": tasks,
        "exports": exports,
    }
    audit.log(None, "retention.applied", data=counts)
    return counts

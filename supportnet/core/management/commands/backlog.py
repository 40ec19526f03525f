"""Shows what is waiting: open cases by level, unacknowledged alerts, posts held for review,
open reports, and the task queue (due and scheduled escalations)."""

from typing import Any

from django.core.management.base import BaseCommand
from django.db.models import Count, Min
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from groups.models import PostState, Reply, Thread
from moderation.models import Alert, Case, Report


class Command(BaseCommand):
    help = "Show moderation and task backlogs (no content, counts and ages only)."

    def handle(self, *args: Any, **options: Any) -> None:
        now = timezone.now()

        def age(moment: Any) -> str:
            return "-" if moment is None else f"{(now - moment).total_seconds() / 60:.0f} min"

        self.stdout.write("Open cases")
        cases = (
            Case.objects.filter(state__in=Case.ACTIVE_STATES)
            .values("level", "state")
            .annotate(count=Count("id"), oldest=Min("opened_at"))
            .order_by("level", "state")
        )
        for row in cases:
            level, state, count = row["level"], row["state"], row["count"]
            self.stdout.write(f"  {level:8s} {state:13s} {count:5d}   oldest {age(row['oldest'])}")
        alerts = Alert.objects.filter(acknowledged_at__isnull=True)
        self.stdout.write(
            f"Unacknowledged alerts: {alerts.count()} "
            f"(not yet delivered: {alerts.filter(delivered_at__isnull=True).count()})"
        )
        held = Thread.objects.filter(state=PostState.PENDING).count()
        held += Reply.objects.filter(state=PostState.PENDING).count()
        self.stdout.write(f"Posts waiting for review: {held}")
        self.stdout.write(f"Open reports: {Report.objects.filter(state='open').count()}")
        ready = DBTaskResult.objects.ready()
        scheduled = DBTaskResult.objects.filter(status="READY", run_after__gt=now)
        oldest_due = ready.aggregate(oldest=Min("enqueued_at"))["oldest"]
        failed = DBTaskResult.objects.failed().count()
        self.stdout.write(
            f"Tasks due now: {ready.count()} (oldest waiting {age(oldest_due)}); "
            f"scheduled for later: {scheduled.count()}; failed: {failed}"
        )

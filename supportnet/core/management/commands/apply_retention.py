"""Deletes what the instance no longer keeps (see supportnet/core/retention.py). Run daily."""

from typing import Any

from django.core.management.base import BaseCommand

from supportnet.core.retention import retention_apply


class Command(BaseCommand):
    help = "Apply the instance's retention periods."

    def handle(self, *args: Any, **options: Any) -> None:
        counts = retention_apply()
        self.stdout.write(", ".join(f"{name}: {count}" for name, count in counts.items()))

"""Frees the pseudonyms of members who erased their accounts, once the cooling-off period
(SUPPORTNET_PSEUDONYM_COOLING_OFF_DAYS) is over. Run it daily (cron or a systemd timer)."""

from typing import Any

from django.core.management.base import BaseCommand

from supportnet.accounts.privacy import pseudonyms_release


class Command(BaseCommand):
    help = "Release erased members' pseudonyms after the cooling-off period."

    def handle(self, *args: Any, **options: Any) -> None:
        self.stdout.write(f"Released {pseudonyms_release()} pseudonym(s).")

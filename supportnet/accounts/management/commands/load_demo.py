"""Loads the demo's accounts (and, as the apps grow, its groups). Safe to run again."""

from typing import Any

from django.core.management.base import BaseCommand

from supportnet.accounts.services import account_ensure_verified

DEMO_PASSWORD = "demo-password-123"  # noqa: S105  (published in README for the local demo only)
DEMO_ACCOUNTS = [
    {"email": "member@example.org", "pseudonym": "demo_member", "is_moderator": False},
    {"email": "moderator@example.org", "pseudonym": "demo_mod", "is_moderator": True},
]


class Command(BaseCommand):
    help = "Create the demo accounts (idempotent). For the local demo only."

    def handle(self, *args: Any, **options: Any) -> None:
        for account in DEMO_ACCOUNTS:
            account_ensure_verified(password=DEMO_PASSWORD, **account)  # type: ignore[arg-type]
        self.stdout.write(f"Demo accounts ready ({len(DEMO_ACCOUNTS)}).")

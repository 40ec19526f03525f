"""manage.py backup FILE: a consistent copy of the database (pg_dump custom format, or a
SQLite copy for the demo). Keep backups encrypted and off the server: they hold everything."""

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from supportnet.core.backup import BackupError, backup


class Command(BaseCommand):
    help = "Back up the database to FILE."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", type=Path)

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            path = backup(output=options["file"])
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(f"Backed up to {path}.")

"""manage.py restore FILE --yes: replace the database's contents with a backup."""

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from supportnet.core.backup import BackupError, restore


class Command(BaseCommand):
    help = "Restore the database from FILE (replaces everything in it)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", type=Path)
        parser.add_argument(
            "--yes", action="store_true", help="Confirm that the current contents may be replaced."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if not options["yes"]:
            raise CommandError("This replaces everything in the database: add --yes to go ahead.")
        try:
            restore(source=options["file"])
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write("Restored.")

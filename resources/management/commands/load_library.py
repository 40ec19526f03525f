"""Loads the resource library and help lines from resources/content/. Safe to run again."""

from typing import Any

from django.core.management.base import BaseCommand

from resources.services import library_load


class Command(BaseCommand):
    help = "Load (or update) the resource library and the help-line directory."

    def handle(self, *args: Any, **options: Any) -> None:
        counts = library_load()
        self.stdout.write(
            f"Library ready: {counts['articles']} articles, {counts['citations']} citations, "
            f"{counts['help_lines']} help lines."
        )

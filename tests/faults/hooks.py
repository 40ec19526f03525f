"""Test-only hooks for the task worker child process (tests/faults/worker_settings.py): freeze
at a known point, say so in a file, and wait there to be killed."""

import time
from pathlib import Path
from typing import Any

from django.apps import AppConfig
from django.conf import settings
from django.core.mail.backends.filebased import EmailBackend


def freeze_if_asked(point: str) -> None:
    if point != settings.SUPPORTNET_FAULTS_FREEZE_AT:
        return
    frozen = Path(settings.SUPPORTNET_FAULTS_FROZEN_FILE)
    partial = frozen.with_suffix(".partial")
    partial.write_text(point)
    partial.rename(frozen)  # appears complete or not at all
    while True:  # until the test kills this process
        time.sleep(1)


class FreezableFileEmailBackend(EmailBackend):
    def send_messages(self, email_messages: Any) -> int:
        freeze_if_asked("email_sending")
        return super().send_messages(email_messages)


class FaultHooksConfig(AppConfig):
    name = "tests.faults"
    label = "faults_hooks"

    def ready(self) -> None:
        # Alerts are written in one bulk insert (no post_save), so freeze right after the
        # service that writes them returns, still inside the escalation's transaction.
        from moderation import services

        write_alerts = services._alert_on_duty

        def alert_on_duty_then_freeze(*args: Any, **kwargs: Any) -> Any:
            alerts = write_alerts(*args, **kwargs)
            if alerts:
                freeze_if_asked("alert_saved")
            return alerts

        services._alert_on_duty = alert_on_duty_then_freeze

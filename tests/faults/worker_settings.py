"""Settings for `manage.py db_worker` run as a child process by the fault tests: the test
settings, on the test database the parent set up, emails written to files the test can count,
and (when asked) a hook that freezes the worker at a known point so the test can kill it there.
"""

import os

from tests.settings import *  # noqa: F403

DATABASES["default"]["NAME"] = os.environ["SUPPORTNET_FAULTS_DB_NAME"]  # noqa: F405
MAILERS = {
    "default": {
        "BACKEND": "tests.faults.hooks.FreezableFileEmailBackend",
        "OPTIONS": {"file_path": os.environ["SUPPORTNET_FAULTS_MAIL_DIR"]},
    }
}
INSTALLED_APPS = [*INSTALLED_APPS, "tests.faults.hooks.FaultHooksConfig"]  # noqa: F405
# Where to freeze: "alert_saved" (inside an escalation's transaction, after the case row and
# the audit entry were written) or "email_sending" (in the alert email task, before sending).
SUPPORTNET_FAULTS_FREEZE_AT = os.environ.get("SUPPORTNET_FAULTS_FREEZE_AT", "")
# The file the worker writes when it freezes, for the test to wait on.
SUPPORTNET_FAULTS_FROZEN_FILE = os.environ.get("SUPPORTNET_FAULTS_FROZEN_FILE", "")

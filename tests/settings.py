"""Test settings: the production settings, read from the environment like everywhere else,
with test-only conveniences. CI sets DATABASE_URL and REDIS_URL so tests run on PostgreSQL and
Redis; without them the suite runs on SQLite and in-memory layers."""

import os
from pathlib import Path

os.environ.setdefault("SECRET_KEY", "test-secret-key-" + "k3y" * 20)
os.environ.setdefault("SUPPORTNET_HTTPS", "false")
os.environ.setdefault(
    "SUPPORTNET_STATIC_STORAGE", "django.contrib.staticfiles.storage.StaticFilesStorage"
)
os.environ.setdefault("EMAIL_URL", "consolemail://")
os.environ.setdefault("SUPPORTNET_CACHE_PREFIX", "sn-test")

from supportnet.settings import *  # noqa: F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
MAILERS = {"default": {"BACKEND": "django.core.mail.backends.locmem.EmailBackend"}}
# WhiteNoise serves from the finders in tests (no collectstatic run).
WHITENOISE_USE_FINDERS = True
Path(STATIC_ROOT).mkdir(parents=True, exist_ok=True)  # noqa: F405

# Browser tests that need websockets run daphne in a child process on the test database, so
# an SQLite test database must be a file, not in memory.
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":  # noqa: F405
    # SUPPORTNET_TEST_SQLITE names another file so two suites can run side by side.
    _test_db = os.environ.get("SUPPORTNET_TEST_SQLITE") or str(VAR_DIR / "test-database.sqlite3")  # noqa: F405
    DATABASES["default"]["TEST"] = {"NAME": _test_db}  # noqa: F405

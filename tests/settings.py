"""Test settings: the production settings, read from the environment like everywhere else,
with test-only conveniences. CI sets DATABASE_URL and REDIS_URL so tests run on PostgreSQL and
Redis; without them the suite runs on SQLite and in-memory layers."""

import os

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

"""Production settings: refuse weak secrets, and pass Django's deployment checks."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

PRODUCTION = {
    "DEBUG": "false",
    "SECRET_KEY": "Xy7-" + "q9Lm2Zr8Tn4Wb6Vc1Hs5Kd3Fg0Pj" * 3,
    "ALLOWED_HOSTS": "support.example.org",
    "DATABASE_URL": "sqlite:////tmp/supportnet-deploy-check.sqlite3",
    "EMAIL_URL": "smtp+tls://mailer:secret@mail.example.org:587",
}


def _manage(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("SUPPORTNET_", "DJANGO_"))}
    clean.pop("SECRET_KEY", None)
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env={**clean, "DJANGO_SETTINGS_MODULE": "supportnet.settings", **env},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_check_deploy_reports_no_issues_with_production_settings():
    result = _manage("check", "--deploy", "--fail-level", "WARNING", env=PRODUCTION)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_refuses_to_start_without_a_real_secret_key():
    for weak in ("", "short", "django-insecure-" + "a" * 60):
        result = _manage("check", env={**PRODUCTION, "SECRET_KEY": weak})
        assert result.returncode != 0
        assert "SECRET_KEY must be set" in result.stderr


def test_production_sets_hsts_and_secure_cookies():
    code = (
        "from django.conf import settings as s;"
        "print(s.SECURE_HSTS_SECONDS, s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE,"
        " s.SECURE_SSL_REDIRECT)"
    )
    result = _manage("shell", "--no-imports", "-c", code, env=PRODUCTION)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["31536000", "True", "True", "True"]

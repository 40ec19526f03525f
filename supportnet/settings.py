"""SupportNet settings: everything comes from the environment, read once, here.

The defaults are those of the local demo (SQLite, in-memory realtime, console email).
Production sets DATABASE_URL (PostgreSQL), REDIS_URL, SECRET_KEY, ALLOWED_HOSTS and EMAIL_URL;
see docs/configuration.md.
"""

from pathlib import Path

import environ
from django.core.exceptions import ImproperlyConfigured
from django.utils.csp import CSP

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = BASE_DIR / "var"

env = environ.Env()

DEBUG = env.bool("DEBUG", default=False)

# --- secret key: production refuses to start without a real one -------------------------------
SECRET_KEY = env.str("SECRET_KEY", default="")
_WEAK_KEY = (
    len(SECRET_KEY) < 50 or len(set(SECRET_KEY)) < 5 or SECRET_KEY.startswith("django-insecure")
)
if _WEAK_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "SECRET_KEY must be set to a random value of at least 50 characters "
            "(for example: python -c 'import secrets; print(secrets.token_urlsafe(64))')."
        )
    SECRET_KEY = "django-insecure-development-only-" + "x" * 40

ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost"])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

# --- instance settings ------------------------------------------------------------------------
SUPPORTNET_SITE_NAME = env.str("SUPPORTNET_SITE_NAME", default="SupportNet")
# What browser tabs, emails and notifications call the site: keep it neutral.
SUPPORTNET_NEUTRAL_NAME = env.str("SUPPORTNET_NEUTRAL_NAME", default="SupportNet")
SUPPORTNET_QUICK_EXIT_URL = env.str(
    "SUPPORTNET_QUICK_EXIT_URL", default="https://www.bbc.co.uk/weather"
)
SUPPORTNET_DEFAULT_REGION = env.str("SUPPORTNET_DEFAULT_REGION", default="GB")
# Who may create an account: "open", "invite" (an invite code set in the admin) or "closed".
# The admin's instance settings override it.
SUPPORTNET_REGISTRATION = env.str("SUPPORTNET_REGISTRATION", default="open")
SUPPORTNET_HTTPS = env.bool("SUPPORTNET_HTTPS", default=not DEBUG)
# A new member's first posts in a group wait for review (per group overridable).
SUPPORTNET_NEW_MEMBER_HELD_POSTS = env.int("SUPPORTNET_NEW_MEMBER_HELD_POSTS", default=3)
# Seconds between posts: for members still new in a group, and for everyone else.
SUPPORTNET_POST_INTERVAL_NEW = env.int("SUPPORTNET_POST_INTERVAL_NEW", default=30)
SUPPORTNET_POST_INTERVAL = env.int("SUPPORTNET_POST_INTERVAL", default=5)

# --- applications -----------------------------------------------------------------------------
INSTALLED_APPS = [
    "daphne",
    "supportnet.core.apps.SupportNetAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.sites",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "channels",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "supportnet.accounts",
    # Listed before django_tasks_db so that core's `db_worker` (django-tasks-db's worker, plus
    # recovery of tasks a dead worker left running) takes the place of django-tasks-db's own.
    "supportnet.core",
    "django_tasks_db",
    "groups",
    "django.contrib.postgres",
    "resources",
    "moderation",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "supportnet.core.middleware.SecurityHeadersMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "supportnet.core.middleware.NullOriginMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "supportnet.core.middleware.RateLimitMiddleware",
]

ROOT_URLCONF = "supportnet.urls"
WSGI_APPLICATION = "supportnet.wsgi.application"
ASGI_APPLICATION = "supportnet.asgi.application"
SITE_ID = 1

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.csp",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "supportnet.core.context_processors.instance",
                "groups.context_processors.notifications",
            ],
        },
    },
]

# --- database ---------------------------------------------------------------------------------
DATABASES = {
    "default": env.db("DATABASE_URL", default=f"sqlite:///{VAR_DIR / 'supportnet.sqlite3'}"),
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    DATABASES["default"]["CONN_MAX_AGE"] = 0  # the pool keeps connections
    DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
    DATABASES["default"].setdefault("OPTIONS", {})["pool"] = {
        "min_size": env.int("SUPPORTNET_DB_POOL_MIN", default=2),
        "max_size": env.int("SUPPORTNET_DB_POOL_MAX", default=10),
        "timeout": 10,
    }
elif DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    if DATABASES["default"]["NAME"] not in ("", ":memory:"):
        Path(DATABASES["default"]["NAME"]).parent.mkdir(parents=True, exist_ok=True)
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- cache, channel layer, rate limits: Redis when configured, else in-memory -----------------
REDIS_URL = env.str("REDIS_URL", default="")
if REDIS_URL:
    CACHES = {
        "default": {
            # Keeps working (rate limits fail open) while Redis is away; see its docstring.
            "BACKEND": "supportnet.core.cache.ResilientRedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": env.str("SUPPORTNET_CACHE_PREFIX", default="sn"),
            "TIMEOUT": 300,
            "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1},
        }
    }
    CHANNEL_LAYERS = {
        "default": {
            "BACKEND": "channels_redis.pubsub.RedisPubSubChannelLayer",
            "CONFIG": {"hosts": [REDIS_URL]},
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    CHANNEL_LAYERS = {"default": {"BACKEND": "channels.layers.InMemoryChannelLayer"}}

# --- tasks: durable, in the database ----------------------------------------------------------
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
# A task RUNNING longer than this many seconds was left by a worker that died: `db_worker`
# requeues it (every task is safe to run twice), and marks it FAILED once it has been tried
# SUPPORTNET_TASK_MAX_ATTEMPTS times. Keep it well above the longest task (an SMTP send: 10 s).
SUPPORTNET_TASK_STALE_AFTER = env.float("SUPPORTNET_TASK_STALE_AFTER", default=60)
SUPPORTNET_TASK_MAX_ATTEMPTS = env.int("SUPPORTNET_TASK_MAX_ATTEMPTS", default=3)

# --- email ------------------------------------------------------------------------------------
# EMAIL_URL, e.g. smtp+tls://user:password@mail.example.org:587 or consolemail:// (the demo).
_EMAIL = env.email_url("EMAIL_URL", default="consolemail://")
_EMAIL_OPTIONS = {
    "smtp": {
        "host": _EMAIL.get("EMAIL_HOST", "localhost"),
        "port": _EMAIL.get("EMAIL_PORT", 25),
        "username": _EMAIL.get("EMAIL_HOST_USER", ""),
        "password": _EMAIL.get("EMAIL_HOST_PASSWORD", ""),
        "use_tls": bool(_EMAIL.get("EMAIL_USE_TLS", False)),
        "use_ssl": bool(_EMAIL.get("EMAIL_USE_SSL", False)),
        "timeout": 10,
    },
    "filebased": {"file_path": _EMAIL.get("EMAIL_FILE_PATH", "")},
}
_EMAIL_KIND = _EMAIL["EMAIL_BACKEND"].rsplit(".", 2)[-2]
MAILERS = {
    "default": {
        "BACKEND": _EMAIL["EMAIL_BACKEND"],
        "OPTIONS": _EMAIL_OPTIONS.get(_EMAIL_KIND, {}),
    }
}
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default="no-reply@localhost")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# --- accounts ---------------------------------------------------------------------------------
AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 10},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "home"
ACCOUNT_LOGOUT_REDIRECT_URL = "home"

ACCOUNT_ADAPTER = "supportnet.accounts.adapter.AccountAdapter"
ACCOUNT_FORMS = {"signup": "supportnet.accounts.forms.SignupForm"}
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_USER_MODEL_USERNAME_FIELD = "pseudonym"
ACCOUNT_SIGNUP_FIELDS = ["email*", "username*", "password1*", "password2*"]
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_CONFIRM_EMAIL_ON_GET = False
ACCOUNT_PREVENT_ENUMERATION = True
ACCOUNT_EMAIL_UNKNOWN_ACCOUNTS = True
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_SESSION_REMEMBER = None  # the member chooses; by default the session ends with the browser
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
ACCOUNT_LOGOUT_ON_GET = False
ACCOUNT_EMAIL_SUBJECT_PREFIX = ""
ACCOUNT_USERNAME_MIN_LENGTH = 3
ACCOUNT_RATE_LIMITS = {
    "login": "30/m/ip",
    "login_failed": "10/m/ip,5/5m/key",
    "signup": "10/h/ip",
    "reset_password": "10/h/ip,3/h/key",
    "reset_password_from_key": "20/m/ip",
    "confirm_email": "1/3m/key",
    "change_password": "5/m/user",
    "manage_email": "10/m/user",
    "reauthenticate": "10/m/user",
}
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes", "webauthn"]
MFA_TOTP_ISSUER = SUPPORTNET_NEUTRAL_NAME
MFA_WEBAUTHN_ALLOW_INSECURE_ORIGIN = env.bool(
    "SUPPORTNET_WEBAUTHN_ALLOW_INSECURE_ORIGIN", default=False
)

# --- sessions and cookies ---------------------------------------------------------------------
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
SESSION_COOKIE_AGE = 60 * 60 * 24 * 14
CSRF_COOKIE_HTTPONLY = True

# --- security headers -------------------------------------------------------------------------
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "no-referrer"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF, CSP.NONCE],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF, "data:"],
    "font-src": [CSP.SELF],
    "connect-src": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
    "form-action": [CSP.SELF],
    "object-src": [CSP.NONE],
    "base-uri": [CSP.NONE],
}
SUPPORTNET_PERMISSIONS_POLICY = (
    "camera=(), microphone=(), geolocation=(), payment=(), usb=(), "
    "interest-cohort=(), browsing-topics=()"
)
if SUPPORTNET_HTTPS:
    SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=True)
    SECURE_REDIRECT_EXEMPT = [r"^healthz$", r"^readyz$"]
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=60 * 60 * 24 * 365)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = env.bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", default=True)
    SECURE_HSTS_PRELOAD = env.bool("SECURE_HSTS_PRELOAD", default=True)
    SESSION_COOKIE_NAME = "__Host-sessionid"
    CSRF_COOKIE_NAME = "__Host-csrftoken"
if env.bool("SUPPORTNET_BEHIND_PROXY", default=False):
    # Only when a reverse proxy that overwrites these headers stands in front (docs/deploy.md).
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    USE_X_FORWARDED_HOST = True

# --- static files -----------------------------------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = env.str("STATIC_ROOT", default=str(VAR_DIR / "static"))
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": env.str(
            "SUPPORTNET_STATIC_STORAGE",
            default="whitenoise.storage.CompressedManifestStaticFilesStorage",
        )
    },
}

# --- internationalisation ---------------------------------------------------------------------
LANGUAGE_CODE = env.str("SUPPORTNET_LANGUAGE", default="en-gb")
TIME_ZONE = env.str("SUPPORTNET_TIME_ZONE", default="UTC")
USE_I18N = True
USE_TZ = True

# --- logging: never post content, never full IP addresses --------------------------------------
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"truncate_ips": {"()": "supportnet.core.logging.TruncateIPFilter"}},
    "formatters": {
        "plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"},
        "json": {"()": "supportnet.core.logging.JSONFormatter"},
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "formatter": "json" if env.bool("SUPPORTNET_LOG_JSON", default=False) else "plain",
            "filters": ["truncate_ips"],
        }
    },
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", default="INFO")},
    "loggers": {
        # Django's request logger prints paths and, at DEBUG, request data: keep it to errors.
        "django.request": {"level": "ERROR"},
        "django.server": {"level": "WARNING"},
    },
}
CSRF_FAILURE_VIEW = "supportnet.core.views.csrf_failure"

# An erased member's pseudonym stays reserved this many days, so nobody can take it over at once.
SUPPORTNET_PSEUDONYM_COOLING_OFF_DAYS = env.int("SUPPORTNET_PSEUDONYM_COOLING_OFF_DAYS", default=90)

# Retention periods in days (supportnet/core/retention.py; `manage.py apply_retention` daily).
SUPPORTNET_RETENTION_DAYS = {
    "live_messages": env.int("SUPPORTNET_RETAIN_LIVE_MESSAGES_DAYS", default=90),
    "case_details": env.int("SUPPORTNET_RETAIN_CASE_DETAILS_DAYS", default=365),
    "task_results": env.int("SUPPORTNET_RETAIN_TASK_RESULTS_DAYS", default=30),
}

# --- moderation ---------------------------------------------------------------------------------
# Seconds after a case opens at which, still unacknowledged, it escalates: step 1 alerts the
# second on-call, step 2 the crisis lead.
SUPPORTNET_ESCALATION_SECONDS = {
    "crisis": [
        env.int("SUPPORTNET_CRISIS_SECOND_ONCALL_AFTER", default=5 * 60),
        env.int("SUPPORTNET_CRISIS_LEAD_AFTER", default=10 * 60),
    ],
    "concern": [env.int("SUPPORTNET_CONCERN_ESCALATE_AFTER", default=15 * 60)],
    "report": [env.int("SUPPORTNET_REPORT_ESCALATE_AFTER", default=12 * 60 * 60)],
}
# /readyz answers 503 when a due task has waited longer than this (no worker keeping up).
SUPPORTNET_READY_MAX_TASK_AGE = env.int("SUPPORTNET_READY_MAX_TASK_AGE", default=120)
SUPPORTNET_SITE_URL = env.str("SUPPORTNET_SITE_URL", default="http://127.0.0.1:8000")

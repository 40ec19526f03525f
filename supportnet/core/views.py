"""Site-wide pages: home, health, robots.txt and the friendly error pages."""

import logging
import sys

import redis
from django.conf import settings
from django.db import connection
from django.db.utils import InterfaceError, OperationalError
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.template import loader
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from supportnet.core.context_processors import instance

logger = logging.getLogger(__name__)


@require_GET
def home(request: HttpRequest) -> HttpResponse:
    return render(request, "core/home.html")


def _database_ok() -> bool:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            return cursor.fetchone() == (1,)
    except Exception:
        logger.warning("health check: database unreachable")
        return False


def _redis_ok() -> bool:
    try:
        client = redis.Redis.from_url(
            settings.REDIS_URL, socket_timeout=1, socket_connect_timeout=1
        )
        try:
            return bool(client.ping())
        finally:
            client.close()
    except Exception:
        logger.warning("health check: Redis unreachable")
        return False


@never_cache
@require_GET
def healthz(request: HttpRequest) -> JsonResponse:
    """200 when the database (and Redis, when configured) answer; 503 otherwise."""
    checks = {"database": "ok" if _database_ok() else "down"}
    if settings.REDIS_URL:
        checks["redis"] = "ok" if _redis_ok() else "down"
    healthy = all(value == "ok" for value in checks.values())
    return JsonResponse(
        {"status": "ok" if healthy else "unavailable", "checks": checks},
        status=200 if healthy else 503,
    )


def _task_backlog_age_seconds() -> float | None:
    """Age of the oldest task that is due and still waiting for a worker."""
    from django.utils import timezone
    from django_tasks_db.models import DBTaskResult, get_date_max

    ready = DBTaskResult.objects.ready()
    # Tasks to run at once carry the far-future "no date" marker in run_after.
    immediate = ready.filter(run_after=get_date_max()).order_by("enqueued_at")
    scheduled = ready.exclude(run_after=get_date_max()).order_by("run_after")
    candidates = [
        *immediate.values_list("enqueued_at", flat=True)[:1],
        *scheduled.values_list("run_after", flat=True)[:1],
    ]
    if not candidates:
        return None
    return max((timezone.now() - min(candidates)).total_seconds(), 0.0)


@never_cache
@require_GET
def readyz(request: HttpRequest) -> JsonResponse:
    """Ready to serve: database and Redis answer and the task worker keeps up (a due task
    waiting longer than SUPPORTNET_READY_MAX_TASK_AGE seconds means no worker is running)."""
    checks: dict[str, object] = {"database": "ok" if _database_ok() else "down"}
    if settings.REDIS_URL:
        checks["redis"] = "ok" if _redis_ok() else "down"
    healthy = all(value == "ok" for value in checks.values())
    if checks["database"] == "ok":
        age = _task_backlog_age_seconds()
        checks["task_backlog_age_seconds"] = round(age, 1) if age is not None else 0
        if age is not None and age > settings.SUPPORTNET_READY_MAX_TASK_AGE:
            checks["tasks"] = "behind"
            healthy = False
        else:
            checks["tasks"] = "ok"
    return JsonResponse(
        {"status": "ok" if healthy else "unavailable", "checks": checks},
        status=200 if healthy else 503,
    )


@require_GET
def robots_txt(request: HttpRequest) -> HttpResponse:
    body = "User-agent: *\nAllow: /resources/\nDisallow: /\n"
    return HttpResponse(body, content_type="text/plain")


# --- the instance's brand and its own pages -----------------------------------------------------


@require_GET
def brand_css(request: HttpRequest) -> HttpResponse:
    """The instance's colour as CSS (the CSP allows no inline styles). Cached by version."""
    from supportnet.core.instance import current

    found = current()
    css = f":root {{ --accent: {found.brand_colour}; }}\n" if found.brand_colour else ""
    response = HttpResponse(css, content_type="text/css; charset=utf-8")
    response["Cache-Control"] = "public, max-age=86400"
    return response


@require_GET
def brand_logo(request: HttpRequest) -> HttpResponse:
    from django.http import Http404

    from supportnet.core.instance import current
    from supportnet.core.models import InstanceSettings

    if not current().has_logo:
        raise Http404
    row = InstanceSettings.objects.filter(pk=1).values_list("logo", "logo_type").first()
    if row is None or not row[0] or not row[1]:
        raise Http404
    response = HttpResponse(bytes(row[0]), content_type=row[1])
    response["Cache-Control"] = "public, max-age=86400"
    response["Content-Security-Policy"] = "default-src 'none'"
    return response


def _instance_page(request: HttpRequest, *, title: str, text: str, fallback: str) -> HttpResponse:
    from supportnet.core.text import render_markdown

    body = render_markdown(text) if text else ""
    context = {"title": title, "body_html": body, "fallback": fallback}
    return render(request, "core/instance_page.html", context)


@require_GET
def contact(request: HttpRequest) -> HttpResponse:
    from supportnet.core.instance import current

    return _instance_page(
        request,
        title="Who runs this site",
        text=current().contact_page,
        fallback="The organisation running this site has not added its contact details yet.",
    )


@require_GET
def safeguarding(request: HttpRequest) -> HttpResponse:
    from supportnet.core.instance import current

    return _instance_page(
        request,
        title="Safeguarding",
        text=current().safeguarding_page,
        fallback="The organisation running this site has not published its safeguarding "
        "policy here yet. If you are worried about someone's safety now, call your local "
        "emergency number.",
    )


def _error(request: HttpRequest, template: str, status: int) -> HttpResponse:
    return render(request, template, status=status)


def bad_request(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return _error(request, "400.html", 400)


def permission_denied(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    from supportnet.core.refusals import Refused

    if isinstance(exception, Refused):
        return render(request, "403.html", {"refusal": exception}, status=403)
    return _error(request, "403.html", 403)


def page_not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return _error(request, "404.html", 404)


# The database went away mid-request (connection dropped, server restarting, failover): the
# transaction was rolled back, so trying again in a moment is safe. 503, not 500.
DATABASE_UNAVAILABLE = (OperationalError, InterfaceError)
DATABASE_RETRY_AFTER_SECONDS = 5


def server_error(request: HttpRequest) -> HttpResponse:
    """Rendered without the request context: whatever broke must not break this page too.

    Django calls this while handling the exception, so it can tell a lost database connection
    (503 "try again in a moment") from a bug (500)."""
    error = sys.exception()
    if isinstance(error, DATABASE_UNAVAILABLE):
        html = loader.get_template("503.html").render(instance())
        response = HttpResponse(html, status=503)
        response["Retry-After"] = str(DATABASE_RETRY_AFTER_SECONDS)
        return response
    html = loader.get_template("500.html").render(instance())
    return HttpResponse(html, status=500)


def csrf_failure(request: HttpRequest, reason: str = "") -> HttpResponse:
    return render(request, "403_csrf.html", status=403)

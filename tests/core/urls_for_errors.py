"""A URLconf for error-page tests: the site's URLs plus views that fail on purpose."""

from django.core.exceptions import SuspiciousOperation
from django.http import HttpRequest, HttpResponse
from django.urls import path

from supportnet.core.ratelimit import check
from supportnet.urls import handler400, handler403, handler404, handler500, urlpatterns

__all__ = ["handler400", "handler403", "handler404", "handler500", "urlpatterns"]


def broken(request: HttpRequest) -> HttpResponse:
    raise RuntimeError("secret detail that must not reach the visitor")


def suspicious(request: HttpRequest) -> HttpResponse:
    raise SuspiciousOperation("tampered input")


def limited(request: HttpRequest) -> HttpResponse:
    check("test.limited", "everyone", limit=2, period=60, message="Please wait a moment.")
    return HttpResponse("ok")


urlpatterns = [
    *urlpatterns,
    path("test/broken/", broken),
    path("test/suspicious/", suspicious),
    path("test/limited/", limited),
]

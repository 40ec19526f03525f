"""Security headers every response carries, and friendly answers to rate limiting."""

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.cache import add_never_cache_headers

from supportnet.core.ratelimit import RateLimited

# Only the public resource library may be indexed by search engines.
INDEXABLE_PREFIXES = ("/resources/",)


class SecurityHeadersMiddleware:
    """Adds Permissions-Policy, no-store caching and noindex to dynamic responses.

    Pages are never kept in the browser's cache: on a shared device, the back button or the
    cache must not show what a survivor read. Static files (hashed, public) and the responses a
    view marks `Cache-Control: public` (the instance's versioned brand CSS and logo, the same
    for everyone) are left alone.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", settings.SUPPORTNET_PERMISSIONS_POLICY)
        public = "public" in response.headers.get("Cache-Control", "")
        if request.path.startswith(settings.STATIC_URL) or public:
            return response
        add_never_cache_headers(response)
        response.headers["Cache-Control"] = "no-store, no-cache, must-revalidate, private"
        if not request.path.startswith(INDEXABLE_PREFIXES):
            response.headers.setdefault("X-Robots-Tag", "noindex, nofollow")
        return response


class RateLimitMiddleware:
    """Turns a `RateLimited` raised anywhere in a view into a friendly 429 page."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        if not isinstance(exception, RateLimited):
            return None
        response = render(request, "429.html", {"message": exception.message}, status=429)
        response["Retry-After"] = str(exception.retry_after)
        return response


class NullOriginMiddleware:
    """Lets Django's CSRF protection work with `Referrer-Policy: no-referrer`.

    Under that policy browsers send `Origin: null` on same-site form posts, which Django's
    origin check refuses. For those requests only, the browser's own `Sec-Fetch-Site` header
    (which page scripts cannot set) decides: on `same-origin` the request's own origin is put
    in place of "null"; anything else stays "null" and is refused. Django's
    `CsrfViewMiddleware`, which runs next, still checks the CSRF token as always.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        meta = request.META
        if meta.get("HTTP_ORIGIN") == "null" and meta.get("HTTP_SEC_FETCH_SITE") == "same-origin":
            meta["HTTP_ORIGIN"] = f"{request.scheme}://{request.get_host()}"
        return self.get_response(request)

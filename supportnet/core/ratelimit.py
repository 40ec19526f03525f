"""Rate limiting on the shared cache (Redis in production), fixed windows.

`ratelimit.check(scope, ident, limit=..., period=...)` raises `RateLimited`; the
`RateLimitMiddleware` answers it with a friendly 429 page and a `Retry-After` header.
Services that write content call it before writing, so nothing is saved when it trips.
"""

import hashlib
import time
from dataclasses import dataclass

from django.core.cache import cache


class RateLimited(Exception):  # noqa: N818  (the name reads as the condition it signals)
    def __init__(self, retry_after: int, message: str = "") -> None:
        super().__init__(message or "Too many requests.")
        self.retry_after = retry_after
        self.message = message or "You are doing that a little too often. Please wait a moment."


@dataclass(frozen=True)
class Usage:
    count: int
    limit: int
    retry_after: int

    @property
    def exceeded(self) -> bool:
        return self.count > self.limit


def hit(scope: str, ident: str, *, limit: int, period: int) -> Usage:
    """Count one hit for `ident` in `scope` and report the window's usage."""
    now = int(time.time())
    window = now // period
    digest = hashlib.sha256(ident.encode()).hexdigest()[:32]  # no raw IPs or ids in cache keys
    key = f"rl:{scope}:{digest}:{window}"
    cache.add(key, 0, timeout=period + 1)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout=period + 1)
        count = 1
    return Usage(count=count, limit=limit, retry_after=(window + 1) * period - now)


def check(scope: str, ident: str, *, limit: int, period: int, message: str = "") -> None:
    """Raise `RateLimited` past `limit` hits per `period` seconds; a period of 0 disables it."""
    if period <= 0:
        return
    usage = hit(scope, ident, limit=limit, period=period)
    if usage.exceeded:
        raise RateLimited(max(usage.retry_after, 1), message)

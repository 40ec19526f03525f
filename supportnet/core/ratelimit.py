"""Rate limiting on the shared cache (Redis in production).

`ratelimit.check(scope, ident, limit=..., period=...)` raises `RateLimited`; the
`RateLimitMiddleware` answers it with a friendly 429 page and a `Retry-After` header.
Services that write content call it before writing, so nothing is saved when it trips.

A limit of one per period ("you can post once every 5 seconds") is an exact cooldown: the
next hit is allowed `period` seconds after the last allowed one, wherever the clock stands.
Larger limits count in fixed windows (cheap, one counter; at most twice the limit can pass
around a window's edge, which matters little for limits meant against floods).
"""

import hashlib
import math
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


def _now() -> float:
    return time.time()


def _digest(ident: str) -> str:
    return hashlib.sha256(ident.encode()).hexdigest()[:32]  # no raw IPs or ids in cache keys


def cooldown(scope: str, ident: str, *, period: int) -> Usage:
    """One hit per `period` seconds: allowed when `period` seconds have passed since the last
    allowed hit. The cache holds when the cooldown ends; a refused hit does not extend it."""
    now = _now()
    key = f"rl:{scope}:{_digest(ident)}:cooldown"
    until = now + period
    if cache.add(key, until, timeout=period + 1):
        return Usage(count=1, limit=1, retry_after=0)
    held = cache.get(key)
    if held is None or float(held) <= now:  # ended, the cache has not dropped it yet
        cache.set(key, until, timeout=period + 1)
        return Usage(count=1, limit=1, retry_after=0)
    return Usage(count=2, limit=1, retry_after=math.ceil(float(held) - now))


def hit(scope: str, ident: str, *, limit: int, period: int) -> Usage:
    """Count one hit for `ident` in `scope` and report the window's usage."""
    if limit == 1:
        return cooldown(scope, ident, period=period)
    now = int(_now())
    window = now // period
    key = f"rl:{scope}:{_digest(ident)}:{window}"
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

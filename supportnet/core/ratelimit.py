"""Rate limiting on the shared cache (Redis in production).

`ratelimit.check(scope, ident, limit=..., period=...)` raises `RateLimited`; the
`RateLimitMiddleware` answers it with a friendly 429 page and a `Retry-After` header.
Services that write content call it before writing, so nothing is saved when it trips.

A limit of one per period ("you can post once every 5 seconds") is an exact cooldown: the
next hit is allowed `period` seconds after the last allowed one, wherever the clock stands.
Larger limits count a sliding window in ten slices of the period (atomic increments, one
read): no burst of twice the limit around a window's edge, at most a tenth of the period's
extra wait.
"""

import contextlib
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
    if held is None or float(held) <= now:
        # Ended, though the cache still holds it (it keeps a key a second longer than the
        # cooldown): of concurrent hits, only the one that claims this ending goes through.
        if cache.add(f"{key}:after:{held}", 1, timeout=period + 1):
            cache.set(key, until, timeout=period + 1)
            return Usage(count=1, limit=1, retry_after=0)
        held = cache.get(key)  # the winner's cooldown, just begun
        if held is None or float(held) <= now:
            return Usage(count=2, limit=1, retry_after=1)
    return Usage(count=2, limit=1, retry_after=math.ceil(float(held) - now))


def _incr(key: str, timeout: int) -> int:
    cache.add(key, 0, timeout=timeout)
    try:
        return cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout=timeout)
        return 1


BUCKETS = 10  # a period is counted in this many slices


def sliding(scope: str, ident: str, *, limit: int, period: int) -> Usage:
    """At most `limit` hits in the last `period` seconds, counted in `BUCKETS` slices of the
    period: the current slice's counter is incremented (atomic, so concurrent requests cannot
    slip past together) and the period's other slices are read in one call. The oldest slice
    counts whole, so a hit may wait up to one slice longer than exact, never shorter; there is
    no burst of twice the limit around a window's edge. A refused hit is not counted, so a
    member who keeps trying is let in as soon as the earlier hits have aged out."""
    now = _now()
    size = period / BUCKETS
    bucket = int(now // size)
    base = f"rl:{scope}:{_digest(ident)}"
    timeout = period + math.ceil(size) + 1
    current = _incr(f"{base}:{bucket}", timeout)
    older = range(bucket - BUCKETS, bucket)  # the slices the last `period` seconds touch
    found = cache.get_many([f"{base}:{b}" for b in older])
    counts = [int(found.get(f"{base}:{b}") or 0) for b in older] + [current]
    total = sum(counts)
    if total <= limit:
        return Usage(count=total, limit=limit, retry_after=0)
    with contextlib.suppress(ValueError):
        cache.decr(f"{base}:{bucket}")
    counts[-1] -= 1
    # The next hit fits once enough of the oldest slices have left the period.
    remaining, until = total - 1, now
    for first, count in zip(range(bucket - BUCKETS, bucket + 1), counts, strict=True):
        if remaining + 1 <= limit:
            break
        remaining -= count
        until = (first + 1) * size + period
    return Usage(count=total, limit=limit, retry_after=max(1, math.ceil(until - now)))


def hit(scope: str, ident: str, *, limit: int, period: int) -> Usage:
    """Count one hit for `ident` in `scope`: an exact cooldown for one hit per period, a
    sliding window for more. A refused hit is not counted."""
    if limit == 1:
        return cooldown(scope, ident, period=period)
    return sliding(scope, ident, limit=limit, period=period)


def check(scope: str, ident: str, *, limit: int, period: int, message: str = "") -> None:
    """Raise `RateLimited` past `limit` hits per `period` seconds; a period of 0 disables it."""
    if period <= 0:
        return
    usage = hit(scope, ident, limit=limit, period=period)
    if usage.exceeded:
        raise RateLimited(max(usage.retry_after, 1), message)

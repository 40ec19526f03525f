"""Rate limits: a limit of one per period is an exact cooldown, larger limits count per window."""

from typing import Any

import pytest

from supportnet.core import ratelimit
from supportnet.core.ratelimit import RateLimited


@pytest.fixture
def clock(monkeypatch: Any) -> Any:
    class Clock:
        now = 1_000_000.0

    monkeypatch.setattr(ratelimit, "_now", lambda: Clock.now)
    return Clock


def test_once_per_period_holds_across_a_window_edge(clock):
    clock.now = 1_000_004.9  # the last tenth of a second of a 5-second window
    ratelimit.check("t.post", "7", limit=1, period=5)
    clock.now = 1_000_005.0  # the next window begins, but only 0.1 s have passed
    with pytest.raises(RateLimited) as refused:
        ratelimit.check("t.post", "7", limit=1, period=5)
    assert refused.value.retry_after == 5


def test_once_per_period_allows_the_next_hit_when_the_period_has_passed(clock):
    ratelimit.check("t.post", "7", limit=1, period=5)
    clock.now += 3.2
    with pytest.raises(RateLimited) as refused:
        ratelimit.check("t.post", "7", limit=1, period=5)
    assert refused.value.retry_after == 2  # a refused hit does not restart the cooldown
    clock.now += 1.8
    ratelimit.check("t.post", "7", limit=1, period=5)
    with pytest.raises(RateLimited):
        ratelimit.check("t.post", "7", limit=1, period=5)


def test_cooldowns_are_per_member_and_per_scope(clock):
    ratelimit.check("t.post", "7", limit=1, period=5)
    ratelimit.check("t.post", "8", limit=1, period=5)
    ratelimit.check("t.other", "7", limit=1, period=5)
    with pytest.raises(RateLimited):
        ratelimit.check("t.post", "7", limit=1, period=5)


def test_larger_limits_count_hits_within_the_window(clock):
    for _ in range(3):
        ratelimit.check("t.search", "7", limit=3, period=60)
    with pytest.raises(RateLimited) as refused:
        ratelimit.check("t.search", "7", limit=3, period=60)
    assert 1 <= refused.value.retry_after <= 60


def test_a_period_of_zero_disables_the_limit(clock):
    for _ in range(5):
        ratelimit.check("t.post", "7", limit=1, period=0)

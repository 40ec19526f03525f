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


def test_a_period_of_zero_disables_the_limit(clock):
    for _ in range(5):
        ratelimit.check("t.post", "7", limit=1, period=0)


def test_larger_limits_hold_across_a_window_edge(clock):
    clock.now = 1_000_019.5  # the last half second of a 10-second window
    for _ in range(5):
        ratelimit.check("t.live", "7", limit=5, period=10)
    clock.now = 1_000_020.1  # a new window, 0.6 s later
    with pytest.raises(RateLimited):
        ratelimit.check("t.live", "7", limit=5, period=10)


def test_a_sliding_window_lets_hits_in_as_the_earlier_ones_age_out(clock):
    clock.now = 1_000_010.0
    for _ in range(4):
        ratelimit.check("t.live", "7", limit=4, period=10)
    clock.now = 1_000_019.0
    with pytest.raises(RateLimited) as refused:
        ratelimit.check("t.live", "7", limit=4, period=10)
    assert refused.value.retry_after == 2  # the earlier hits' slice leaves the period at 21.0
    clock.now = 1_000_021.0
    for _ in range(4):
        ratelimit.check("t.live", "7", limit=4, period=10)
    with pytest.raises(RateLimited):
        ratelimit.check("t.live", "7", limit=4, period=10)


def test_larger_limits_count_hits_and_a_refused_one_waits_at_most_a_slice_past_the_period(clock):
    clock.now = 1_000_010.9  # late in its slice
    for _ in range(3):
        ratelimit.check("t.search", "7", limit=3, period=60)
    with pytest.raises(RateLimited) as refused:
        ratelimit.check("t.search", "7", limit=3, period=60)
    assert 60 <= refused.value.retry_after <= 66


def test_refused_hits_are_not_counted(clock):
    clock.now = 1_000_010.0
    for _ in range(3):
        ratelimit.check("t.live", "7", limit=3, period=10)
    for _ in range(19):  # a member who keeps trying, every half second
        clock.now += 0.5
        with pytest.raises(RateLimited):
            ratelimit.check("t.live", "7", limit=3, period=10)
    clock.now = 1_000_021.0  # the first three have left the period; the tries never counted
    for _ in range(3):
        ratelimit.check("t.live", "7", limit=3, period=10)


def test_of_two_hits_racing_for_an_ended_cooldown_only_one_goes_through(clock, monkeypatch):
    ratelimit.check("t.post", "7", limit=1, period=5)
    clock.now += 5.5  # ended; the cache still holds the key for its last second
    real_get = ratelimit.cache.get
    reads: list[object] = []

    def get_while_another_hit_runs(key, *args, **kwargs):
        value = real_get(key, *args, **kwargs)
        reads.append(value)
        if len(reads) == 1:  # a second hit comes in after this one read the ended cooldown
            ratelimit.check("t.post", "7", limit=1, period=5)  # it goes through
        return value

    monkeypatch.setattr(ratelimit.cache, "get", get_while_another_hit_runs)
    with pytest.raises(RateLimited) as refused:  # this one read the same ending: refused
        ratelimit.check("t.post", "7", limit=1, period=5)
    assert refused.value.retry_after == 5  # the other's cooldown has just begun
    assert len(reads) == 3

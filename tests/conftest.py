"""Shared fixtures. Each test gets a clean cache (rate limits live there)."""

from datetime import datetime, timedelta, tzinfo
from typing import Any

import django.utils.timezone
import pytest
from django.core.cache import cache

from moderation import services as moderation_services
from moderation.crisis import Assessment
from moderation.services import moderator_appoint
from supportnet.core import realtime
from tests.factories import UserFactory, enable_totp


@pytest.fixture(autouse=True)
def _clean_cache() -> Any:
    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def _publishing_waits_again() -> None:
    """A publish that timed out in one test does not put the next in slow mode."""
    realtime._slow_until = 0.0


class Clock:
    """The time Django reads (`timezone.now()`, `timezone.localdate()` and every
    `default=timezone.now` field), held still until the test moves it."""

    def __init__(self, now: datetime) -> None:
        self.now = now

    def set(self, now: datetime) -> None:
        self.now = now

    def advance(self, **delta: float) -> None:
        self.now += timedelta(**delta)


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> Clock:
    """A stopped clock, for tests that compare a time or date the code took with one the test
    takes: with a running clock the two straddle a second, midnight or a week now and then."""
    held = Clock(django.utils.timezone.now())

    class StoppedDatetime(datetime):
        @classmethod
        def now(cls, tz: tzinfo | None = None) -> Any:
            return held.now.astimezone(tz) if tz is not None else held.now.replace(tzinfo=None)

    # timezone.now() reads the clock through this name; model defaults call timezone.now.
    monkeypatch.setattr(django.utils.timezone, "datetime", StoppedDatetime)
    return held


@pytest.fixture
def member(db: Any) -> Any:
    return UserFactory()


@pytest.fixture
def moderator(db: Any) -> Any:
    return UserFactory(is_moderator=True)


@pytest.fixture
def moderator_with_mfa(moderator: Any) -> Any:
    enable_totp(moderator)
    return moderator


@pytest.fixture
def detector(monkeypatch: pytest.MonkeyPatch) -> None:
    """Decide the assessment by a marker word, so tests of cases, alerts and the queue do not
    depend on the detector (its own tests are in test_crisis*.py)."""

    def fake_assess(text: str) -> Assessment:
        if "CRISIS" in text:
            return Assessment(level="crisis", reasons=["intent + timeframe"])
        if "CONCERN" in text:
            return Assessment(level="concern", reasons=["passive death wish"])
        return Assessment(level="none", reasons=[])

    monkeypatch.setattr(moderation_services, "assess", fake_assess)


@pytest.fixture
def rota(db: Any) -> dict[str, Any]:
    """A moderator on duty, a second on-call and a crisis lead, all with two-step verification
    (a moderator without it is not alerted: they could not open the case)."""
    on_duty, second, lead = UserFactory(), UserFactory(), UserFactory()
    for person in (on_duty, second, lead):
        enable_totp(person)
    moderator_appoint(user=on_duty, on_duty=True)
    moderator_appoint(user=second, rota_role="second")
    moderator_appoint(user=lead, rota_role="lead")
    return {"on_duty": on_duty, "second": second, "lead": lead}


@pytest.fixture
def mods(db: Any) -> tuple[Any, Any]:
    """Two moderators with two-step verification, the first on duty."""

    def appointed(**extra: Any) -> Any:
        user = UserFactory()
        moderator_appoint(user=user, **extra)
        enable_totp(user)
        return user

    return appointed(on_duty=True), appointed()

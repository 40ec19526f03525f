"""Moderation test fixtures."""

import pytest

from moderation import services as moderation_services
from moderation.crisis import Assessment


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

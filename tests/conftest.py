"""Shared fixtures. Each test gets a clean cache (rate limits live there)."""

from typing import Any

import pytest
from django.core.cache import cache

from tests.factories import UserFactory, enable_totp


@pytest.fixture(autouse=True)
def _clean_cache() -> Any:
    cache.clear()
    yield
    cache.clear()


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

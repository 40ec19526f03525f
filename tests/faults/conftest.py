"""Fault tests: the database, Redis or the task worker fail, and the site copes.

Shared here: the crisis detector stubbed by a marker word, a moderator rota, and a guard for
the tests that can only be run against PostgreSQL.
"""

from typing import Any

import pytest
from django.db import connection

from moderation import services as moderation_services
from moderation.crisis import Assessment
from moderation.services import moderator_appoint
from tests.factories import UserFactory


@pytest.fixture
def detector(monkeypatch: pytest.MonkeyPatch) -> None:
    """A post is a crisis when it says "goodbye", so these tests do not depend on the rules."""
    monkeypatch.setattr(
        moderation_services,
        "assess",
        lambda text: (
            Assessment(level="crisis", reasons=["goodbye message"])
            if "goodbye" in text
            else Assessment(level="none", reasons=[])
        ),
    )


@pytest.fixture
def rota(transactional_db: Any) -> dict[str, Any]:
    on_duty, second, lead = UserFactory(), UserFactory(), UserFactory()
    moderator_appoint(user=on_duty, on_duty=True)
    moderator_appoint(user=second, rota_role="second")
    moderator_appoint(user=lead, rota_role="lead")
    return {"on_duty": on_duty, "second": second, "lead": lead}


@pytest.fixture
def postgres(transactional_db: Any) -> None:
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL: set DATABASE_URL=postgres://… (CI does)")

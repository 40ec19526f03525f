"""Fault tests: the database, Redis or the task worker fail, and the site copes.

The stub detector ("CRISIS" in a post) and the moderator rota come from tests/conftest.py;
shared here: a guard for the tests that can only be run against PostgreSQL.
"""

import time
from collections.abc import Callable
from typing import Any

import pytest
from django.db import connection


@pytest.fixture
def postgres(transactional_db: Any) -> None:
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL: set DATABASE_URL=postgres://… (CI does)")


def wait_for(condition: Callable[[], bool], *, timeout: float, what: str) -> None:
    """Poll `condition` until it holds; fail with `what` after `timeout` seconds."""
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out after {timeout}s waiting for {what}")
        time.sleep(0.05)

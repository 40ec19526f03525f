"""The database drops connections: the request that loses its connection fails cleanly (a
friendly 503, nothing half-written) and the next request works, including, on PostgreSQL, after
every pooled connection was cut at once (a database restart or failover)."""

from collections.abc import Iterator
from typing import Any

import psycopg
import pytest
from django.core.cache import cache
from django.db import OperationalError, connection
from django.db.models.signals import pre_save
from django.test import Client
from django.urls import reverse
from django_tasks_db.models import DBTaskResult

from groups.models import Reply
from groups.services import thread_create
from moderation.models import Alert, Case
from tests.groups.factories import make_group, make_member

pytestmark = [pytest.mark.faults, pytest.mark.django_db(transaction=True)]


def _terminate_backends(*, pid: int | None = None) -> int:
    """From a connection of its own, end the backend `pid` (or every other backend on the test
    database, as a restart would), waiting until each has gone. Returns how many were ended."""
    s = connection.settings_dict
    with psycopg.connect(
        dbname=s["NAME"],
        user=s["USER"],
        password=s["PASSWORD"],
        host=s["HOST"],
        port=s["PORT"] or None,
        autocommit=True,
    ) as admin:
        rows = admin.execute(
            "SELECT pg_terminate_backend(pid, 5000) FROM pg_stat_activity"
            " WHERE datname = current_database() AND pid <> pg_backend_pid()"
            " AND (%(pid)s::integer IS NULL OR pid = %(pid)s::integer)",
            {"pid": pid},
        ).fetchall()
    assert all(ended for (ended,) in rows)
    return len(rows)


@pytest.fixture
def cut_when_a_case_is_saved() -> Iterator[list[int]]:
    """Cuts the request's own database connection once, as the crisis post's case is about to
    be written: after the reply was inserted, inside the posting transaction. On PostgreSQL the
    server ends the connection; SQLite has no server, so there the write fails as SQLite's do
    when the disk goes away."""
    cut: list[int] = []

    def cut_connection(sender: Any, **kwargs: Any) -> None:
        if cut:
            return
        # A cold cache: the error page must not need the database for the instance's settings.
        cache.clear()
        if connection.vendor == "postgresql":
            cut.append(connection.connection.info.backend_pid)
            assert _terminate_backends(pid=cut[0]) == 1
        else:
            cut.append(0)
            raise OperationalError("disk I/O error")

    pre_save.connect(cut_connection, sender=Case, dispatch_uid="faults-cut-connection")
    yield cut
    pre_save.disconnect(sender=Case, dispatch_uid="faults-cut-connection")


@pytest.fixture
def thread_and_member(settings: Any) -> tuple[Any, Any]:
    settings.SUPPORTNET_POST_INTERVAL = 0
    group = make_group()
    member = make_member(group)
    thread = thread_create(group=group, author=group.created_by, title="T", body="B")
    return thread, member


def test_a_connection_lost_mid_post_gets_a_friendly_503_and_the_retry_succeeds(
    detector, rota, thread_and_member, cut_when_a_case_is_saved
):
    thread, member = thread_and_member
    client = Client(raise_request_exception=False)
    client.force_login(member)
    url = reverse("groups:reply", args=[thread.group.slug, thread.pk])

    response = client.post(url, {"body": "CRISIS goodbye everyone"})

    assert cut_when_a_case_is_saved, "the connection was never cut"
    assert response.status_code == 503
    assert response["Retry-After"] == "5"
    body = response.content.decode()
    assert "the site is unavailable for a moment" in body
    assert 'id="quick-exit"' in body
    assert "Traceback" not in body
    assert "terminating connection" not in body
    assert "disk I/O error" not in body
    # Nothing half-written: the reply went with its case, its alert and its timers.
    assert not Reply.objects.filter(thread=thread).exists()
    assert not Case.objects.exists()
    assert not Alert.objects.exists()
    assert not DBTaskResult.objects.exists()

    # The next request, on a fresh connection, posts the reply and opens its case.
    response = client.post(url, {"body": "CRISIS goodbye everyone"})
    assert response.status_code == 302
    assert Reply.objects.filter(thread=thread, author=member).count() == 1
    case = Case.objects.get()
    assert [a.recipient for a in case.alerts.all()] == [rota["on_duty"]]
    assert DBTaskResult.objects.filter(task_path="moderation.tasks.escalate_case").count() == 2
    assert client.get(thread.get_absolute_url()).status_code == 200


def test_after_every_connection_is_cut_the_next_requests_get_healthy_connections(
    postgres, thread_and_member
):
    """A database restart kills the pooled connections while they sit idle; the pool must not
    hand them out again (the pool's `check` does that; CONN_HEALTH_CHECKS does not apply to
    pooled connections)."""
    thread, member = thread_and_member
    client = Client(raise_request_exception=False)
    client.force_login(member)
    for _ in range(3):  # fill the pool
        assert client.get(thread.get_absolute_url()).status_code == 200
    assert connection.pool is not None
    connection.close()  # the test's own connection goes back to the pool too

    idle = connection.pool.get_stats()["pool_available"]
    assert idle >= 1
    assert _terminate_backends() >= idle

    for _ in range(idle + 1):  # every pooled connection was dead; none may reach a request
        assert client.get(thread.get_absolute_url()).status_code == 200
    response = client.post(
        reverse("groups:reply", args=[thread.group.slug, thread.pk]), {"body": "still here"}
    )
    assert response.status_code == 302
    assert Reply.objects.filter(thread=thread, body__contains="still here").exists()

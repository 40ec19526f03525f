"""The stale-task check every worker runs reads only RUNNING rows, through their own index."""

import pytest
from django.db import connection
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

pytestmark = pytest.mark.django_db

INDEX = "supportnet_tasks_running_idx"


def test_running_tasks_have_a_partial_index():
    with connection.cursor() as cursor:
        found = connection.introspection.get_constraints(cursor, DBTaskResult._meta.db_table)
    assert INDEX in found
    assert found[INDEX]["columns"] == ["started_at"]


def test_the_stale_task_query_can_use_it():
    sql, params = (
        DBTaskResult.objects.running().filter(started_at__lt=timezone.now()).query.sql_with_params()
    )
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            # An empty test table is cheapest to scan; ask whether the index can serve the query.
            cursor.execute("SET LOCAL enable_seqscan = off")
            cursor.execute(f"EXPLAIN {sql}", params)
        else:
            cursor.execute(f"EXPLAIN QUERY PLAN {sql}", params)
        plan = " ".join(str(row) for row in cursor.fetchall())
    assert INDEX in plan

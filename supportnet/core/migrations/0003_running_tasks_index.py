"""A partial index on the task table's RUNNING rows, for the stale-task check.

Every task worker looks for tasks RUNNING longer than any task takes (supportnet/core/
task_recovery.py) every 15 seconds. django-tasks-db indexes only READY rows, so that check read
the whole task table, which grows with every post. RUNNING rows are few: this index keeps the
check small. PostgreSQL and SQLite both support partial indexes.
"""

from django.db import migrations

INDEX = "supportnet_tasks_running_idx"
TABLE = "django_tasks_database_dbtaskresult"


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0002_instance_settings"),
        ("django_tasks_database", "0021_conditional_partial_index_ordering"),
    ]

    operations = [
        migrations.RunSQL(
            sql=f"CREATE INDEX IF NOT EXISTS {INDEX} ON {TABLE} (started_at) "
            "WHERE status = 'RUNNING'",
            reverse_sql=f"DROP INDEX IF EXISTS {INDEX}",
        ),
    ]

"""Full-text indexes for searching a group's conversations (PostgreSQL only; see
groups/search.py, whose `_Words` expression they must match exactly)."""

from django.db import migrations

INDEXES = {
    "groups_thread_words_gin": (
        "groups_thread",
        "to_tsvector('english'::regconfig, title || ' ' || body)",
    ),
    "groups_reply_words_gin": ("groups_reply", "to_tsvector('english'::regconfig, body)"),
}


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for name, (table, expression) in INDEXES.items():
            schema_editor.execute(
                f"CREATE INDEX IF NOT EXISTS {name} ON {table} USING gin (({expression}))"
            )


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for name in INDEXES:
            schema_editor.execute(f"DROP INDEX IF EXISTS {name}")


class Migration(migrations.Migration):
    dependencies = [
        ("groups", "0009_post_published_at"),
    ]

    operations = [migrations.RunPython(create, drop)]

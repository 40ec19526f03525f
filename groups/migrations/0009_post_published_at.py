"""Posts record when others could first see them (unread markers compare with it)."""

from django.db import migrations, models
from django.db.models import F


def backfill(apps, schema_editor):
    # Posts that were ever shown were shown when they were written (approval times were not kept).
    for name in ("Thread", "Reply"):
        model = apps.get_model("groups", name)
        model.objects.exclude(state="pending").update(published_at=F("created_at"))


class Migration(migrations.Migration):
    dependencies = [
        ("groups", "0008_thread_read"),
    ]

    operations = [
        migrations.AddField(
            model_name="reply",
            name="published_at",
            field=models.DateTimeField(blank=True, editable=False, null=True),
        ),
        migrations.AddField(
            model_name="thread",
            name="published_at",
            field=models.DateTimeField(blank=True, editable=False, null=True),
        ),
        migrations.RunPython(backfill, migrations.RunPython.noop),
    ]

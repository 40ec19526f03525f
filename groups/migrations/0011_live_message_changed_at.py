"""When a live message last came into the room's view or left it, so that sockets catch up
on approvals and hiding that happened while they were away (see docs/groups.md, "Live rooms")."""

from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("groups", "0010_post_search_indexes"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddField(
            model_name="livemessage",
            name="changed_at",
            field=models.DateTimeField(blank=True, editable=False, null=True),
        ),
        migrations.AddIndex(
            model_name="livemessage",
            index=models.Index(fields=["group", "changed_at"], name="groups_live_changed_idx"),
        ),
    ]

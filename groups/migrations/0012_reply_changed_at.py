"""When a reply last came into its readers' view or left it, so that open thread pages catch
up on approvals and hiding that happened while they were away (see docs/groups.md, "Live
replies")."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("groups", "0011_live_message_changed_at"),
    ]

    operations = [
        migrations.AddField(
            model_name="reply",
            name="changed_at",
            field=models.DateTimeField(blank=True, editable=False, null=True),
        ),
        migrations.AddIndex(
            model_name="reply",
            index=models.Index(fields=["thread", "changed_at"], name="groups_reply_changed_idx"),
        ),
    ]

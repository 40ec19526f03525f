from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone

from groups.models import LiveMessage
from groups.services import live_message_create
from moderation.models import Case
from supportnet.core.retention import retention_apply
from tests.groups.factories import make_group, make_member

pytestmark = pytest.mark.django_db


def test_old_live_messages_and_closed_cases_details_go_while_recent_ones_stay():
    group = make_group()
    member = make_member(group)
    old = live_message_create(group=group, author=member, body="long ago")
    LiveMessage.objects.filter(pk=old.pk).update(created_at=timezone.now() - timedelta(days=91))
    from django.core.cache import cache

    cache.clear()
    recent = live_message_create(group=group, author=member, body="today")
    closed_long_ago = Case.objects.create(
        level="concern",
        state="resolved",
        outcome="private notes",
        closed_at=timezone.now() - timedelta(days=400),
    )
    closed_recently = Case.objects.create(
        level="concern", state="resolved", outcome="keep", closed_at=timezone.now()
    )
    counts = retention_apply()
    assert counts["live_messages"] == 1
    assert list(LiveMessage.objects.all()) == [recent]
    closed_long_ago.refresh_from_db()
    closed_recently.refresh_from_db()
    assert closed_long_ago.outcome == "" and closed_long_ago.level == "concern"
    assert closed_recently.outcome == "keep"
    call_command("apply_retention", verbosity=0)

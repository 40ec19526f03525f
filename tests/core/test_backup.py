"""Backup and restore round trip: the same groups, posts, cases and audit log come back."""

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from groups.models import Group, Reply, Thread
from groups.services import reply_create, thread_create
from moderation.models import Case
from supportnet.core.models import AuditEntry
from tests.groups.factories import make_group, make_member

# Real commits: pg_dump reads what is committed, from its own connection.
pytestmark = pytest.mark.django_db(transaction=True)


def _counts():
    return (
        Group.objects.count(),
        Thread.objects.count(),
        Reply.objects.count(),
        Case.objects.count(),
        AuditEntry.objects.count(),
    )


def test_a_restore_brings_back_exactly_what_was_backed_up(tmp_path):
    group = make_group()
    member = make_member(group)
    thread = thread_create(group=group, author=group.created_by, title="Kept", body="words")
    reply_create(thread=thread, author=member, body="a reply")
    Case.objects.create(level="concern", subject=member)
    before = _counts()
    path = tmp_path / "supportnet.backup"
    call_command("backup", str(path), verbosity=0)
    assert path.stat().st_size > 0

    Reply.objects.all().delete()
    Thread.objects.all().delete()
    Case.objects.all().delete()
    make_group(name="Made after the backup")
    assert _counts() != before

    call_command("restore", str(path), "--yes", verbosity=0)
    assert _counts() == before
    assert Thread.objects.get().title == "Kept"
    assert not Group.objects.filter(name="Made after the backup").exists()


def test_restore_needs_confirmation_and_an_existing_file(tmp_path):
    with pytest.raises(CommandError, match="--yes"):
        call_command("restore", str(tmp_path / "x"))
    with pytest.raises(CommandError, match="does not exist"):
        call_command("restore", str(tmp_path / "missing"), "--yes")

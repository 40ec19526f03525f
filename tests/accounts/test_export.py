"""Members download their own data: a zip with JSON and readable HTML, built by a task."""

import io
import json
import zipfile

import pytest
from django.urls import reverse

from groups.services import reply_create, thread_create
from moderation.models import Case
from moderation.services import report_create
from supportnet.accounts.models import DataExport
from supportnet.accounts.tasks import build_export
from tests.factories import UserFactory
from tests.groups.factories import make_group, make_member

pytestmark = pytest.mark.django_db


def test_a_member_requests_builds_and_downloads_their_data(client):
    group = make_group()
    member = make_member(group)
    thread = thread_create(group=group, author=group.created_by, title="Evenings", body="B")
    reply = reply_create(thread=thread, author=member, body="my own words")
    report_create(reporter=member, content=thread, reason="spam", text="looks like spam")
    Case.objects.create(level="concern", subject=member, outcome="moderator's private note")
    client.force_login(member)
    client.get(thread.get_absolute_url())  # read up to here
    client.post(reverse("account_privacy"), {"action": "export"})
    export = DataExport.objects.get()
    assert "being prepared" in client.get(reverse("account_privacy")).content.decode()
    build_export.call(export.pk)
    build_export.call(export.pk)  # safe to run twice
    response = client.get(reverse("account_export_download", args=[export.pk]))
    assert response["Content-Type"] == "application/zip"
    archive = zipfile.ZipFile(io.BytesIO(response.content))
    data = json.loads(archive.read("data.json"))
    assert data["profile"]["pseudonym"] == member.pseudonym
    assert data["replies"][0]["body"] == reply.body
    assert data["reports_made"][0]["note"] == "looks like spam"
    assert data["follows"] == [
        {"thread": "Evenings", "muted": False, "since": data["follows"][0]["since"]}
    ]
    assert [r["thread"] for r in data["threads_read"]] == ["Evenings"]
    assert data["memberships"][0]["notifications_muted"] is False
    assert "moderator's private note" not in json.dumps(data)
    assert "my own words" in archive.read("data.html").decode()


def test_nobody_else_can_download_a_members_data(client):
    member = UserFactory()
    client.force_login(member)
    client.post(reverse("account_privacy"), {"action": "export"})
    export = DataExport.objects.get()
    build_export.call(export.pk)
    client.force_login(UserFactory())
    assert client.get(reverse("account_export_download", args=[export.pk])).status_code == 404


def _export_of(user):
    from supportnet.accounts.privacy import export_data

    return export_data(user=user)


def _read_and_follow(client, reader, thread):
    reply_create(thread=thread, author=reader, body="following along")
    client.force_login(reader)
    client.get(thread.get_absolute_url())


def test_an_export_names_only_threads_the_member_may_still_read(client, settings):
    settings.SUPPORTNET_POST_INTERVAL = 0
    from groups.models import Thread
    from groups.services import membership_set_status, post_hide

    group = make_group()
    reader, writer = make_member(group), make_member(group)
    hidden = thread_create(group=group, author=writer, title="My address is 12 Elm St", body="B")
    kept = thread_create(group=group, author=writer, title="Evenings", body="B")
    for thread in (hidden, kept):
        _read_and_follow(client, reader, thread)
    post_hide(post=hidden, by=group.created_by)
    data = _export_of(reader)
    assert "12 Elm St" not in json.dumps(data)
    assert f"conversation no. {hidden.pk}" in [r["thread"] for r in data["replies"]]
    assert "Evenings" in [r["thread"] for r in data["replies"]]

    membership = reader.memberships.get(group=group)
    membership_set_status(membership=membership, by=group.created_by, status="banned")
    Thread.objects.filter(pk=kept.pk).update(title="Renamed after the ban")
    data = _export_of(reader)
    assert "Renamed after the ban" not in json.dumps(data)
    assert data["follows"] == data["threads_read"] == []  # they went with the membership
    assert [r["thread"] for r in data["replies"]] == [
        f"conversation no. {hidden.pk}",
        f"conversation no. {kept.pk}",
    ]


def test_an_erased_authors_thread_titles_leave_other_members_exports(client, settings):
    settings.SUPPORTNET_POST_INTERVAL = 0
    from supportnet.accounts.privacy import account_erase

    group = make_group()
    reader, writer = make_member(group), make_member(group)
    thread = thread_create(group=group, author=writer, title="Leaving J. Smith in Leeds", body="B")
    _read_and_follow(client, reader, thread)
    account_erase(user=writer, delete_posts=True)
    assert "J. Smith" not in json.dumps(_export_of(reader))

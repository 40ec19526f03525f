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

"""An empty form submission is told what is missing: a 400 with the field errors, and nothing
saved (it used to be a 400 with a blank form and no message)."""

import pytest
from django.urls import reverse

from groups.models import LiveMessage, Thread
from groups.services import thread_create
from moderation.models import Report
from tests.factories import UserFactory
from tests.groups.factories import make_group, make_member

pytestmark = pytest.mark.django_db

REQUIRED = "This field is required."


def test_an_empty_new_conversation_is_refused_with_field_errors(client):
    group = make_group()
    client.force_login(make_member(group))
    response = client.post(reverse("groups:thread_new", args=[group.slug]), {})
    assert response.status_code == 400
    assert REQUIRED in response.content.decode()
    assert not Thread.objects.exists()


def test_an_empty_live_message_is_refused_with_a_field_error(client):
    group = make_group()
    client.force_login(make_member(group))
    response = client.post(reverse("groups:room", args=[group.slug]), {})
    assert response.status_code == 400
    assert "Please write something before sending." in response.content.decode()
    assert not LiveMessage.objects.exists()


def test_an_empty_report_is_refused_with_a_field_error(client):
    group = make_group()
    thread = thread_create(group=group, author=group.created_by, title="T", body="B")
    client.force_login(make_member(group))
    response = client.post(reverse("moderation:report", args=["thread", thread.pk]), {})
    assert response.status_code == 400
    assert REQUIRED in response.content.decode()
    assert not Report.objects.exists()


def test_an_empty_erase_form_is_refused_with_field_errors_and_erases_nothing(client):
    member = UserFactory()
    client.force_login(member)
    response = client.post(reverse("account_privacy"), {})
    assert response.status_code == 400
    assert REQUIRED in response.content.decode()
    member.refresh_from_db()
    assert member.is_active and member.erased_at is None

import pytest
from django.db import OperationalError, connection
from django.urls import reverse

from supportnet.core import audit
from supportnet.core.models import AuditEntry
from tests.factories import PASSWORD


@pytest.mark.django_db
def test_health_answers_200_with_json_when_the_database_answers(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json()["status"] == "ok"
    assert response.json()["checks"]["database"] == "ok"


@pytest.mark.django_db
def test_health_answers_503_when_the_database_is_down(client, monkeypatch):
    def broken_cursor(*args, **kwargs):
        raise OperationalError("down")

    monkeypatch.setattr(connection, "cursor", broken_cursor)
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["checks"]["database"] == "down"


@pytest.mark.django_db
def test_health_answers_503_when_configured_redis_is_down(client, settings):
    settings.REDIS_URL = "redis://127.0.0.1:1/0"  # nothing listens on port 1
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["checks"]["redis"] == "down"


@pytest.mark.django_db
def test_the_audit_log_records_actor_action_target_and_data(member):
    entry = audit.log(member, "account.example", target=member, data={"reason": "test"})
    stored = AuditEntry.objects.get(pk=entry.pk)
    assert stored.actor == member
    assert stored.action == "account.example"
    assert stored.target_id == str(member.pk)
    assert stored.data == {"reason": "test"}
    assert list(audit.entries_for(member)) == [stored]


def test_audit_actions_must_be_dotted_names():
    with pytest.raises(ValueError, match="dotted"):
        audit.log(None, "nodot")


@pytest.mark.django_db
def test_signing_in_and_out_is_audited(client, member):
    client.post(reverse("account_login"), {"login": member.email, "password": PASSWORD})
    client.post(reverse("account_logout"))
    actions = list(AuditEntry.objects.filter(actor=member).values_list("action", flat=True))
    assert sorted(actions) == ["account.login", "account.logout"]


@pytest.mark.django_db
def test_the_audit_log_cannot_be_edited_in_the_administration(client, member):
    from django.contrib.admin.sites import site

    model_admin = site._registry[AuditEntry]
    request = type("R", (), {"user": member})()
    assert not model_admin.has_change_permission(request)
    assert not model_admin.has_delete_permission(request)
    assert not model_admin.has_add_permission(request)


@pytest.mark.django_db
def test_readiness_answers_503_when_due_tasks_wait_too_long(client, settings):
    from datetime import timedelta

    from django.utils import timezone
    from django_tasks_db.models import DBTaskResult

    from moderation.tasks import escalate_case

    assert client.get("/readyz").status_code == 200
    escalate_case.enqueue(1, 1)
    settings.SUPPORTNET_READY_MAX_TASK_AGE = 60
    assert client.get("/readyz").json()["checks"]["tasks"] == "ok"
    DBTaskResult.objects.update(enqueued_at=timezone.now() - timedelta(minutes=5))
    response = client.get("/readyz")
    assert response.status_code == 503
    assert response.json()["checks"]["tasks"] == "behind"


@pytest.mark.django_db
def test_the_backlog_command_prints_counts_without_content():
    from io import StringIO

    from django.core.management import call_command

    from moderation.models import Case

    Case.objects.create(level="crisis", reasons=["secret words"])
    out = StringIO()
    call_command("backlog", stdout=out)
    text = out.getvalue()
    assert "crisis" in text
    assert "Unacknowledged alerts: 0" in text
    assert "secret words" not in text

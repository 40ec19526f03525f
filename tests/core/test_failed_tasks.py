import pytest
from django.urls import reverse
from django_tasks_db.models import DBTaskResult

from moderation.tasks import escalate_case
from tests.factories import UserFactory, enable_totp

pytestmark = pytest.mark.django_db


def test_staff_run_failed_tasks_again_from_the_administration(client):
    escalate_case.enqueue(123, 1)
    failed = DBTaskResult.objects.get()
    DBTaskResult.objects.filter(pk=failed.pk).update(status="FAILED")
    staff = UserFactory(is_staff=True, is_superuser=True)
    enable_totp(staff)
    client.force_login(staff)
    url = reverse("admin:django_tasks_database_dbtaskresult_changelist")
    assert client.get(url + "?status__exact=FAILED").status_code == 200
    client.post(url, {"action": "retry", "_selected_action": [str(failed.pk)]})
    again = DBTaskResult.objects.exclude(pk=failed.pk).get()
    assert again.status == "READY"
    assert again.task_result.args == [123, 1]

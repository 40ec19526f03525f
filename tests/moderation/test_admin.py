"""Moderation in the administration is read-only: cases change only on the moderator pages
(audited, alerts settled), and opening a case in the administration is audited like opening it
on its page."""

import pytest
from django.contrib import admin
from django.test import RequestFactory
from django.urls import reverse

from groups.services import reply_create
from moderation.models import Alert, Case, ModeratorProfile
from moderation.services import moderator_appoint
from supportnet.core.models import AuditEntry
from tests.factories import UserFactory, enable_totp
from tests.groups.factories import make_group, make_member

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff():
    user = UserFactory(is_staff=True, is_superuser=True)
    enable_totp(user)
    return user


@pytest.fixture
def crisis_case(detector, rota):
    group = make_group()
    member = make_member(group)
    from groups.services import thread_create

    thread = thread_create(group=group, author=group.created_by, title="T", body="B")
    reply_create(thread=thread, author=member, body="CRISIS tonight")
    return Case.objects.get()


def _entry_shape(entry):
    return (entry.action, entry.data, entry.target_type_id, entry.target_id)


def test_opening_a_case_in_the_administration_is_audited_like_the_case_page(
    client, staff, crisis_case
):
    client.force_login(staff)
    response = client.get(reverse("admin:moderation_case_change", args=[crisis_case.pk]))
    assert response.status_code == 200
    from_admin = AuditEntry.objects.get(action="case.viewed", actor=staff)

    client.get(reverse("moderation:case", args=[crisis_case.pk]))
    entries = AuditEntry.objects.filter(action="case.viewed", actor=staff).order_by("pk")
    assert len(entries) == 2
    assert _entry_shape(entries[0]) == _entry_shape(entries[1])
    assert from_admin.target_id == str(crisis_case.pk)


def test_a_case_the_administration_cannot_find_logs_no_view(client, staff):
    client.force_login(staff)
    client.get(reverse("admin:moderation_case_change", args=[999999]))
    assert not AuditEntry.objects.filter(action="case.viewed").exists()


def test_changing_a_case_in_the_administration_is_refused_and_changes_nothing(
    client, staff, crisis_case
):
    client.force_login(staff)
    before = set(AuditEntry.objects.values_list("pk", flat=True))
    response = client.post(
        reverse("admin:moderation_case_change", args=[crisis_case.pk]),
        {
            "level": "concern",
            "state": "resolved",
            "reasons": '["nothing"]',
            "escalation_step": "2",
            "outcome": "closed from the admin",
            "items-TOTAL_FORMS": "0",
            "items-INITIAL_FORMS": "0",
        },
    )
    assert response.status_code == 403
    case = Case.objects.get(pk=crisis_case.pk)
    assert (case.level, case.state, case.reasons, case.escalation_step, case.outcome) == (
        "crisis",
        "open",
        ["intent + timeframe"],
        0,
        "",
    )
    assert set(AuditEntry.objects.values_list("pk", flat=True)) == before
    assert Alert.objects.filter(acknowledged_at__isnull=True).count() == 1


def test_cases_and_alerts_cannot_be_added_or_deleted_in_the_administration(
    client, staff, crisis_case
):
    client.force_login(staff)
    assert client.get(reverse("admin:moderation_case_add")).status_code == 403
    delete = reverse("admin:moderation_case_delete", args=[crisis_case.pk])
    assert client.post(delete, {"post": "yes"}).status_code == 403
    alert = Alert.objects.get()
    assert (
        client.post(
            reverse("admin:moderation_alert_change", args=[alert.pk]),
            {"acknowledged_at_0": "2026-01-01", "acknowledged_at_1": "00:00:00"},
        ).status_code
        == 403
    )
    changelist = client.get(reverse("admin:moderation_case_changelist")).content.decode()
    assert "delete_selected" not in changelist
    assert Case.objects.filter(pk=crisis_case.pk).exists()
    alert.refresh_from_db()
    assert alert.acknowledged_at is None


def test_every_moderation_model_in_the_administration_is_read_only_but_rota_roles(staff):
    request = RequestFactory().get("/admin/")
    request.user = staff
    registered = {
        model: model_admin
        for model, model_admin in admin.site._registry.items()
        if model._meta.app_label == "moderation"
    }
    assert Case in registered
    for model, model_admin in registered.items():
        assert not model_admin.has_delete_permission(request), model
        if model is ModeratorProfile:
            continue
        assert not model_admin.has_add_permission(request), model
        assert not model_admin.has_change_permission(request), model


def test_setting_a_rota_role_in_the_administration_is_audited(client, staff):
    moderator = UserFactory()
    profile = moderator_appoint(user=moderator)
    client.force_login(staff)
    response = client.post(
        reverse("admin:moderation_moderatorprofile_change", args=[profile.pk]),
        {"rota_role": "lead", "on_duty": "on"},
    )
    assert response.status_code == 302
    profile.refresh_from_db()
    assert profile.rota_role == "lead"
    assert profile.on_duty is False  # duty is the moderator's own switch
    entry = AuditEntry.objects.get(action="moderator.rota_changed")
    assert entry.actor == staff
    assert entry.data == {"rota_role": "lead", "was": ""}


def test_a_rota_role_is_given_only_to_a_moderator(client, staff):
    member = UserFactory()
    client.force_login(staff)
    response = client.post(
        reverse("admin:moderation_moderatorprofile_add"), {"user": member.pk, "rota_role": "lead"}
    )
    assert response.status_code == 200  # the form again, with an error
    assert not ModeratorProfile.objects.filter(user=member).exists()
    moderator = UserFactory(is_moderator=True)
    client.post(
        reverse("admin:moderation_moderatorprofile_add"),
        {"user": moderator.pk, "rota_role": "second"},
    )
    assert ModeratorProfile.objects.get(user=moderator).rota_role == "second"
    assert AuditEntry.objects.filter(action="moderator.rota_changed", actor=staff).count() == 1

"""The instance's own settings, edited in the administration: names, brand, region,
registration, trust, escalation timers, retention and the organisation's pages."""

import io
import re
from datetime import UTC, datetime, timedelta

import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django_tasks_db.models import DBTaskResult

from groups.models import PostState
from groups.services import reply_create, thread_create
from moderation import services as moderation_services
from moderation.crisis import Assessment
from moderation.models import Case
from supportnet.core.branding import contrast_ratio
from supportnet.core.instance import current, settings_save
from supportnet.core.models import InstanceSettings
from tests.factories import UserFactory, enable_totp
from tests.groups.factories import make_group, make_member

pytestmark = pytest.mark.django_db

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64
SIGNUP = {
    "email": "new.member@example.org",
    "username": "new_member",
    "password1": "a-very-long-passphrase",
    "password2": "a-very-long-passphrase",
}


@pytest.fixture
def admin_client(client):
    staff = UserFactory(is_staff=True, is_superuser=True)
    enable_totp(staff)
    client.force_login(staff)
    return client


def _save(django_capture_on_commit_callbacks, **values):
    row = InstanceSettings.objects.filter(pk=1).first() or InstanceSettings()
    for name, value in values.items():
        setattr(row, name, value)
    with django_capture_on_commit_callbacks(execute=True):
        settings_save(row=row, by=None)
    return row


def _admin_data(**values):
    data = {
        "site_name": "",
        "neutral_name": "",
        "logo_alt": "",
        "brand_colour": "",
        "default_region": "",
        "language": "",
        "quick_exit_url": "",
        "registration": "open",
        "invite_code": "",
        "new_member_held_posts": "",
        "crisis_second_oncall_minutes": "",
        "crisis_lead_minutes": "",
        "concern_escalate_minutes": "",
        "report_escalate_minutes": "",
        "retain_live_messages_days": "",
        "retain_case_details_days": "",
        "retain_task_results_days": "",
        "contact_page": "",
        "safeguarding_page": "",
    }
    data.update(values)
    return data


def test_without_settings_the_environment_defaults_apply(client, settings):
    settings.SUPPORTNET_SITE_NAME = "Harbour"
    found = current()
    assert found.site_name == "Harbour"
    assert found.default_region == settings.SUPPORTNET_DEFAULT_REGION
    assert found.escalation_seconds["crisis"] == list(
        settings.SUPPORTNET_ESCALATION_SECONDS["crisis"]
    )
    assert "Harbour" in client.get("/").content.decode()


def test_staff_rename_the_site_and_move_the_quick_exit_and_every_page_follows_at_once(
    admin_client, client, django_capture_on_commit_callbacks
):
    admin_client.get("/")  # the settings are cached from here on
    url = reverse("admin:core_instancesettings_add")
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(
            url,
            _admin_data(
                site_name="Safe Harbour",
                neutral_name="Notes",
                quick_exit_url="https://www.example.org/recipes",
            ),
        )
    assert response.status_code == 302
    page = admin_client.get(reverse("resources:library")).content.decode()
    assert "Safe Harbour" in page
    assert 'href="https://www.example.org/recipes"' in page
    assert "· Notes</title>" in page
    # One row only: the list goes straight to it, and it can't be deleted.
    assert admin_client.get(reverse("admin:core_instancesettings_changelist")).status_code == 302
    assert admin_client.get(url).status_code == 403


def test_settings_are_read_from_the_cache_not_the_database_on_each_page(
    client, django_capture_on_commit_callbacks
):
    _save(django_capture_on_commit_callbacks, site_name="Harbour")
    client.get("/")
    with CaptureQueriesContext(connection) as queries:
        client.get("/")
        assert current().site_name == "Harbour"
    assert not [q for q in queries.captured_queries if "core_instancesettings" in q["sql"]]


@pytest.mark.parametrize(
    "values,field",
    [
        ({"brand_colour": "#ffcc00"}, "brand_colour"),  # too light for white text
        ({"brand_colour": "blue"}, "brand_colour"),
        ({"quick_exit_url": "http://example.org/"}, "quick_exit_url"),
        ({"quick_exit_url": "javascript:alert(1)"}, "quick_exit_url"),
        ({"default_region": "gbr"}, "default_region"),
        ({"registration": "invite", "invite_code": "short"}, "invite_code"),
        ({"crisis_second_oncall_minutes": "10", "crisis_lead_minutes": "5"}, "crisis_lead_minutes"),
        ({"concern_escalate_minutes": "0"}, "concern_escalate_minutes"),
        ({"retain_live_messages_days": "-3"}, "retain_live_messages_days"),
    ],
)
def test_bad_settings_are_refused_with_a_clear_message_and_nothing_changes(
    admin_client, values, field
):
    response = admin_client.post(reverse("admin:core_instancesettings_add"), _admin_data(**values))
    assert response.status_code == 200  # the form again, with its errors
    assert field in response.context["adminform"].form.errors
    assert not InstanceSettings.objects.exists()


def test_the_brand_colour_must_meet_wcag_contrast_and_is_served_as_css(
    client, django_capture_on_commit_callbacks
):
    assert contrast_ratio("#000000", "#ffffff") == pytest.approx(21)
    with pytest.raises(ValidationError):
        InstanceSettings(brand_colour="#7f9fbf").full_clean()
    _save(django_capture_on_commit_callbacks, brand_colour="#5a2d82")
    page = client.get("/").content.decode()
    assert reverse("brand_css") in page
    css = client.get(reverse("brand_css"))
    assert css["Content-Type"].startswith("text/css")
    assert "--accent: #5a2d82" in css.content.decode()


def test_a_logo_is_checked_stored_and_served_and_svg_is_refused(
    admin_client, client, django_capture_on_commit_callbacks
):
    url = reverse("admin:core_instancesettings_add")
    svg = io.BytesIO(b"<svg xmlns='http://www.w3.org/2000/svg'><script>alert(1)</script></svg>")
    svg.name = "logo.svg"
    refused = admin_client.post(url, {**_admin_data(), "logo_upload": svg})
    assert "logo_upload" in refused.context["adminform"].form.errors
    huge = io.BytesIO(PNG + b"\x00" * 210_000)
    huge.name = "big.png"
    assert (
        "logo_upload"
        in admin_client.post(url, {**_admin_data(), "logo_upload": huge})
        .context["adminform"]
        .form.errors
    )
    assert client.get(reverse("brand_logo")).status_code == 404

    png = io.BytesIO(PNG)
    png.name = "logo.png"
    with django_capture_on_commit_callbacks(execute=True):
        admin_client.post(url, {**_admin_data(logo_alt="Harbour"), "logo_upload": png})
    served = client.get(reverse("brand_logo"))
    assert served.status_code == 200
    assert served["Content-Type"] == "image/png"
    assert served.content == PNG
    assert 'alt="Harbour"' in client.get("/").content.decode()


def test_closed_registration_creates_no_account(client, django_capture_on_commit_callbacks):
    _save(django_capture_on_commit_callbacks, registration="closed")
    page = client.get(reverse("account_signup"))
    assert "closed" in page.content.decode().lower()
    client.post(reverse("account_signup"), SIGNUP)
    assert not get_user_model().objects.filter(email=SIGNUP["email"]).exists()


def test_invite_registration_needs_the_right_code(client, django_capture_on_commit_callbacks):
    _save(django_capture_on_commit_callbacks, registration="invite", invite_code="harbour-2026")
    wrong = client.post(reverse("account_signup"), {**SIGNUP, "invite_code": "guess"})
    assert "invite code doesn" in wrong.content.decode()
    assert not get_user_model().objects.filter(email=SIGNUP["email"]).exists()
    client.post(reverse("account_signup"), {**SIGNUP, "invite_code": "harbour-2026"})
    assert get_user_model().objects.filter(email=SIGNUP["email"]).exists()


def test_the_trust_threshold_follows_the_settings(django_capture_on_commit_callbacks):
    group = make_group()
    newcomer = make_member(group, trusted=False)
    _save(django_capture_on_commit_callbacks, new_member_held_posts=0)
    thread = thread_create(group=group, author=newcomer, title="Hello", body="first post")
    assert thread.state == PostState.VISIBLE


def test_escalation_timers_follow_the_settings(django_capture_on_commit_callbacks, monkeypatch):
    monkeypatch.setattr(
        moderation_services,
        "assess",
        lambda text: Assessment(
            level="crisis" if "tonight" in text else "none",
            reasons=["intent"] if "tonight" in text else [],
        ),
    )
    _save(
        django_capture_on_commit_callbacks,
        crisis_second_oncall_minutes=2,
        crisis_lead_minutes=4,
    )
    moderation_services.moderator_appoint(user=UserFactory(), on_duty=True)
    group = make_group()
    member = make_member(group)
    thread = thread_create(group=group, author=group.created_by, title="T", body="B")
    reply_create(thread=thread, author=member, body="tonight")
    case = Case.objects.get()
    delays = sorted(
        (result.run_after - case.opened_at)
        for result in DBTaskResult.objects.filter(task_path__endswith="escalate_case")
    )
    assert delays == [timedelta(minutes=2), timedelta(minutes=4)]


def test_retention_periods_follow_the_settings(django_capture_on_commit_callbacks):
    from django.utils import timezone

    from groups.models import LiveMessage
    from groups.services import live_message_create
    from supportnet.core.retention import retention_apply

    group = make_group()
    message = live_message_create(group=group, author=make_member(group), body="last week")
    LiveMessage.objects.filter(pk=message.pk).update(created_at=timezone.now() - timedelta(days=8))
    retention_apply()  # the environment keeps live messages for 90 days
    assert LiveMessage.objects.filter(pk=message.pk).exists()
    _save(django_capture_on_commit_callbacks, retain_live_messages_days=7)
    assert current().retention_days["live_messages"] == 7
    assert retention_apply()["live_messages"] == 1
    assert not LiveMessage.objects.filter(pk=message.pk).exists()


def test_the_organisations_pages_show_its_words_sanitised_or_a_plain_fallback(
    client, django_capture_on_commit_callbacks
):
    assert "has not added its contact details" in client.get(reverse("contact")).content.decode()
    _save(
        django_capture_on_commit_callbacks,
        contact_page="Run by **Harbour Trust**.<script>alert(1)</script>",
        safeguarding_page="Our safeguarding lead is on call.",
    )
    page = client.get(reverse("contact")).content.decode()
    assert "<strong>Harbour Trust</strong>" in page
    assert "<script>alert(1)" not in page
    assert "safeguarding lead" in client.get(reverse("safeguarding")).content.decode()
    footer = client.get("/").content.decode()
    assert reverse("contact") in footer
    assert reverse("safeguarding") in footer


def test_without_a_database_the_settings_fall_back_to_the_environment(settings, monkeypatch):
    from django.db import OperationalError
    from django.db.models.query import QuerySet

    def broken(*args, **kwargs):
        raise OperationalError("the database is unreachable")

    monkeypatch.setattr(QuerySet, "first", broken)
    settings.SUPPORTNET_SITE_NAME = "Harbour"
    assert current().site_name == "Harbour"  # the error pages can still be drawn


def test_a_second_change_within_the_same_second_gives_the_brand_css_a_new_address(
    client, clock, django_capture_on_commit_callbacks
):
    """The brand CSS is cached for a day under an address with the settings' version in it;
    a correction saved a moment after the first change must not keep that address."""
    clock.set(datetime(2028, 6, 1, 12, 0, 0, 100_000, tzinfo=UTC))
    _save(django_capture_on_commit_callbacks, brand_colour="#5a2d82")
    first = re.search(r'href="([^"]*brand[^"]*)"', client.get("/").content.decode())
    clock.advance(seconds=0.5)
    _save(django_capture_on_commit_callbacks, brand_colour="#2d5a82")
    second = re.search(r'href="([^"]*brand[^"]*)"', client.get("/").content.decode())
    assert first is not None and second is not None
    assert first.group(1) != second.group(1)
    assert "#2d5a82" in client.get(second.group(1)).content.decode()


def test_the_brand_css_and_logo_may_be_cached_but_pages_never(
    client, django_capture_on_commit_callbacks
):
    _save(django_capture_on_commit_callbacks, brand_colour="#5a2d82")
    css = client.get(reverse("brand_css"))
    assert "public" in css["Cache-Control"]
    assert "max-age=86400" in css["Cache-Control"]
    assert "no-store" in client.get("/")["Cache-Control"]

"""A member posts in crisis; a moderator's open dashboard shows the alert without a reload;
taking the case stops its escalation."""

import re
from typing import Any

import pytest
from django.core.cache import cache
from playwright.sync_api import Browser, expect

from groups.services import thread_create
from moderation.models import Case
from moderation.services import moderator_appoint
from tests.e2e.conftest import axe_violations, new_page
from tests.e2e.test_groups_in_the_browser import sign_in
from tests.factories import UserFactory, enable_totp
from tests.groups.factories import make_group, make_member

pytestmark = pytest.mark.django_db(transaction=True)

CRISIS_POST = "I can't do this any more. I have the pills here and I'm taking them all tonight."


def _on_duty_dashboard(browser: Browser, server: Any) -> tuple[Any, ...]:
    """A group with a member and a thread, and an on-duty moderator's open dashboard."""
    group = make_group()
    member = make_member(group)
    thread = thread_create(group=group, author=group.created_by, title="Evenings", body="Hard")
    moderator = UserFactory()
    moderator_appoint(user=moderator, on_duty=True)
    secret = enable_totp(moderator)
    cache.clear()
    mod_context, mod_page = new_page(browser, server.url)
    # The moderator signs in with a password and their one-time code.
    sign_in(mod_page, moderator, totp_secret=secret)
    mod_page.goto("/moderation/")
    return member, thread, moderator, mod_context, mod_page


def _post_in_crisis(browser: Browser, server: Any, member: Any, thread: Any) -> tuple[Any, Any]:
    member_context, member_page = new_page(browser, server.url)
    sign_in(member_page, member)
    member_page.goto(thread.get_absolute_url())
    member_page.get_by_label("Your message").fill(CRISIS_POST)
    member_page.get_by_role("button", name="Post reply").click()
    return member_context, member_page


def test_a_crisis_post_reaches_the_moderators_open_dashboard_live(
    browser: Browser, asgi_live_server
):
    member, thread, moderator, mod_context, mod_page = _on_duty_dashboard(browser, asgi_live_server)
    expect(mod_page.get_by_text("No alerts waiting for you.")).to_be_visible()
    assert axe_violations(mod_page) == []

    member_context, member_page = _post_in_crisis(browser, asgi_live_server, member, thread)
    # The poster sees a calm offer of help, not an alarm.
    expect(
        member_page.get_by_role("heading", name="You don't have to go through this alone")
    ).to_be_visible()
    assert axe_violations(member_page) == []

    alert = mod_page.locator("#alerts li.alert--crisis")
    expect(alert).to_be_visible(timeout=10_000)
    case = Case.objects.get()
    assert case.level == "crisis"
    alert.get_by_role("link").click()
    mod_page.get_by_role("button", name="Take this case").click()
    expect(mod_page.get_by_text("Escalation has stopped.")).to_be_visible()
    case.refresh_from_db()
    assert case.state == "acknowledged"
    assert case.acknowledged_by == moderator
    member_context.close()
    mod_context.close()


def test_a_member_asking_for_a_moderator_after_the_case_was_taken_reopens_the_alert_live(
    browser: Browser, asgi_live_server
):
    """The open dashboard marks the alert taken when the case is acknowledged (in another tab),
    and shows it anew, without a reload, when the member then asks for a moderator."""
    member, thread, _, mod_context, dashboard = _on_duty_dashboard(browser, asgi_live_server)
    member_context, member_page = _post_in_crisis(browser, asgi_live_server, member, thread)

    alert = dashboard.locator("#alerts li.alert--crisis")
    expect(alert).to_be_visible(timeout=10_000)
    expect(alert).not_to_have_class("alert--settled")
    case_tab = mod_context.new_page()
    case_tab.goto(alert.get_by_role("link").get_attribute("href") or "")
    case_tab.get_by_role("button", name="Take this case").click()
    expect(case_tab.get_by_text("Escalation has stopped.")).to_be_visible()
    expect(alert).to_have_class(re.compile(r"\balert--settled\b"), timeout=10_000)

    member_page.get_by_role("button", name="Ask a moderator to reach out to me").click()
    expect(alert).not_to_have_class(re.compile(r"\balert--settled\b"), timeout=10_000)
    expect(dashboard.locator("#alerts li.alert")).to_have_count(1)  # the same alert, anew
    Case.objects.get()  # still the one case
    member_context.close()
    mod_context.close()

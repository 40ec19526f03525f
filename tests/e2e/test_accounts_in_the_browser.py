"""The paths a person takes: join, confirm, sign in, sign out; quick exit; accessibility."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from playwright.sync_api import Page, expect

from tests.e2e.conftest import NEUTRAL_URL, axe_violations

pytestmark = pytest.mark.django_db(transaction=True)


def test_a_person_signs_up_confirms_their_email_signs_in_and_signs_out(page: Page, live_server):
    page.goto("/accounts/signup/")
    page.locator("#id_email").fill("river@example.org")
    page.locator("#id_username").fill("river_stone")
    page.locator("#id_password1").fill("a-very-long-passphrase")
    page.locator("#id_password2").fill("a-very-long-passphrase")
    page.get_by_role("button", name="Sign Up").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Verify")

    assert len(mail.outbox) == 1
    assert mail.outbox[0].subject == "SupportNet: confirm your address"
    found = re.search(r"https?://\S+", str(mail.outbox[0].body))
    assert found, "the email holds a confirmation link"
    link = found.group(0)
    page.goto(link)
    page.get_by_role("button", name="Confirm").click()

    page.goto("/accounts/login/")
    page.locator("#id_login").fill("river@example.org")
    page.locator("#id_password").fill("a-very-long-passphrase")
    page.get_by_role("button", name="Sign In").click()
    expect(page.get_by_text("Welcome back, river_stone.")).to_be_visible()

    page.get_by_role("button", name="Sign out").click()
    expect(page.get_by_role("navigation").get_by_role("link", name="Sign in")).to_be_visible()
    assert get_user_model().objects.get(email="river@example.org").pseudonym == "river_stone"


def test_the_quick_exit_button_is_first_in_tab_order_and_visible_without_scrolling(page: Page):
    page.set_viewport_size({"width": 375, "height": 640})
    page.goto("/accounts/signup/")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.id")
    assert focused == "quick-exit"
    box = page.locator("#quick-exit").bounding_box()
    assert box is not None
    assert box["y"] >= 0 and box["y"] + box["height"] <= 640
    assert box["x"] >= 0 and box["x"] + box["width"] <= 375


def test_quick_exit_by_button_replaces_the_page_with_a_neutral_site(page: Page):
    page.goto("/")
    page.goto("/accounts/login/")
    page.locator("#quick-exit").click()
    page.wait_for_url(NEUTRAL_URL)
    expect(page).to_have_title("Weather")
    # The site's page was replaced in the history: going back never shows it again.
    page.go_back()
    assert page.url in (NEUTRAL_URL, f"{page.context.pages[0].url}")
    assert "/accounts/login/" not in page.url


def test_pressing_escape_three_times_leaves_for_the_neutral_site(page: Page):
    page.goto("/accounts/signup/")
    page.locator("#id_email").click()
    for _ in range(3):
        page.keyboard.press("Escape")
    page.wait_for_url(NEUTRAL_URL)
    expect(page).to_have_title("Weather")


def test_escape_pressed_only_twice_does_not_leave(page: Page):
    page.goto("/")
    page.keyboard.press("Escape")
    page.keyboard.press("Escape")
    page.wait_for_timeout(300)
    assert page.url.endswith("/")


@pytest.mark.parametrize("path", ["/", "/accounts/signup/", "/accounts/login/"])
def test_pages_have_no_serious_accessibility_violations(page: Page, path):
    page.goto(path)
    assert axe_violations(page) == []


def test_the_signup_form_with_errors_is_accessible(page: Page):
    page.goto("/accounts/signup/")
    page.locator("#id_email").fill("not-an-email@")
    page.locator("#id_username").fill("ab")
    page.locator("#id_password1").fill("x")
    page.locator("#id_password2").fill("y")
    page.evaluate("document.querySelector('form').noValidate = true")
    page.get_by_role("button", name="Sign Up").click()
    expect(page.locator(".errorlist").first).to_be_visible()
    assert axe_violations(page) == []


def test_pages_load_no_resource_that_breaks_the_content_security_policy(page: Page):
    problems: list[str] = []
    page.on("console", lambda msg: problems.append(msg.text) if msg.type == "error" else None)
    for path in ("/", "/accounts/signup/", "/accounts/login/"):
        page.goto(path)
    assert problems == []

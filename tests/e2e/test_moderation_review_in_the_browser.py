"""A moderator works a case from the review queue: reads its context, pauses the member's
posting; the member reads the notice and appeals. Every page passes axe."""

import pytest
from django.core.cache import cache
from playwright.sync_api import Browser, expect

from groups.services import reply_create, thread_create
from moderation.models import Case, Notice, Sanction
from moderation.services import moderator_appoint
from tests.e2e.conftest import axe_violations, new_page
from tests.e2e.test_groups_in_the_browser import sign_in
from tests.factories import UserFactory, enable_totp
from tests.groups.factories import make_group, make_member

pytestmark = pytest.mark.django_db(transaction=True)


def test_a_moderator_pauses_a_members_posting_and_the_member_appeals(
    browser: Browser, live_server, settings
):
    settings.SUPPORTNET_POST_INTERVAL = 0
    group = make_group(name="Evenings")
    member = make_member(group)
    thread = thread_create(group=group, author=group.created_by, title="Checking in", body="Hi")
    reply_create(thread=thread, author=thread.author, body="How is everyone tonight?")
    reply_create(
        thread=thread, author=member, body="I have the pills here and I'm taking them all tonight."
    )
    case = Case.objects.get()
    moderator = UserFactory()
    moderator_appoint(user=moderator, on_duty=True)
    secret = enable_totp(moderator)
    cache.clear()

    mod_context, mod_page = new_page(browser, live_server.url)
    sign_in(mod_page, moderator, totp_secret=secret)

    mod_page.goto(f"/moderation/cases/{case.pk}/")
    mod_page.get_by_text("The conversation around it").click()
    expect(mod_page.get_by_text("How is everyone tonight?")).to_be_visible()
    assert axe_violations(mod_page) == []
    mod_page.get_by_role("button", name="Take this case").click()
    expect(mod_page.get_by_text("You are working on this.")).to_be_visible()
    mod_page.locator("#sanction_kind").select_option("silence")
    mod_page.locator("#sanction_reason").fill("Let's pause for a day while we talk.")
    mod_page.locator("#sanction_hours").select_option("24")
    mod_page.get_by_role("button", name="Apply").click()
    expect(mod_page.get_by_text("The member has a notice and may appeal.")).to_be_visible()
    assert Sanction.objects.get(member=member).kind == "silence"
    mod_page.goto("/moderation/stats/")
    expect(mod_page.get_by_role("heading", name="Moderation statistics")).to_be_visible()
    assert axe_violations(mod_page) == []

    member_context, member_page = new_page(browser, live_server.url)
    sign_in(member_page, member)
    member_page.goto(thread.get_absolute_url())
    expect(member_page.get_by_text("A moderator has paused your posting until")).to_be_visible()
    member_page.get_by_role("link", name="Messages from the moderators").first.click()
    expect(member_page.get_by_text("Let's pause for a day while we talk.")).to_be_visible()
    assert axe_violations(member_page) == []
    member_page.get_by_text("Ask for another look").click()
    member_page.get_by_label("Why should this be looked at again?").fill("I'm safe now, thank you.")
    member_page.get_by_role("button", name="Send").click()
    expect(member_page.get_by_text("Another moderator will look at it")).to_be_visible()
    assert Notice.objects.get(member=member).appeal_state == "open"
    member_context.close()
    mod_context.close()

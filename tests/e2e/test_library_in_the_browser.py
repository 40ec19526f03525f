"""Reading the library: search, read an article, follow a reference; axe on each page."""

import pytest
from django.core.management import call_command
from playwright.sync_api import Page, expect

from tests.e2e.conftest import axe_violations

pytestmark = pytest.mark.django_db(transaction=True)


def test_a_visitor_searches_the_library_and_reads_an_article(page: Page):
    call_command("load_library", verbosity=0)
    page.goto("/resources/")
    assert axe_violations(page) == []
    page.get_by_label("Search the library").fill("coercive control")
    page.get_by_role("button", name="Search").click()
    page.get_by_role("heading", name="Coercive control").get_by_role("link").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Coercive control")
    # Its content warning keeps the text closed until the reader opens it.
    page.get_by_text("Content warning:").click()
    page.get_by_role("link", name="[1]").first.click()
    expect(page.locator("#ref-stark2007")).to_be_visible()
    assert axe_violations(page) == []


def test_the_help_lines_page_is_accessible(page: Page):
    call_command("load_library", verbosity=0)
    page.goto("/resources/help-lines/?region=GB")
    expect(page.get_by_role("heading", name="Samaritans")).to_be_visible()
    assert axe_violations(page) == []


def test_an_editor_writes_an_article_with_topics_and_a_cited_source(page: Page):
    from resources.models import Article
    from tests.e2e.test_groups_in_the_browser import sign_in
    from tests.factories import UserFactory, enable_totp

    call_command("load_library", verbosity=0)
    editor = UserFactory(is_editor=True)
    secret = enable_totp(editor)
    sign_in(page, editor, totp_secret=secret)
    page.goto("/resources/editor/new/")
    assert axe_violations(page) == []
    page.get_by_label("Title").fill("Planning a safe exit")
    page.get_by_label("Summary").fill("Steps some survivors take.")
    page.get_by_label("Body (Markdown)").fill("Control is a pattern [@stark2007].")
    page.get_by_role("group", name="Content warnings").get_by_label("Physical violence").check()
    page.get_by_role("button", name="Preview").click()
    expect(page.get_by_role("link", name="[1]")).to_be_visible()
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text("Saved.")).to_be_visible()
    article = Article.objects.get(title="Planning a safe exit")
    assert [c.citation.key for c in article.articlecitation_set.all()] == ["stark2007"]
    assert article.content_warnings == ["physical-violence"]
    page.goto("/resources/editor/sources/")
    assert axe_violations(page) == []

"""The editorial workflow: drafts, review by another editor, publishing, overdue reviews."""

from datetime import date, datetime, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from resources.models import Article
from resources.selectors import overdue_reviews
from resources.services import (
    EditorialError,
    article_save,
    article_schedule_review,
    article_transition,
)
from supportnet.core.models import AuditEntry
from tests.factories import UserFactory, enable_totp

pytestmark = pytest.mark.django_db


@pytest.fixture
def editors():
    author, reviewer = UserFactory(is_editor=True), UserFactory(is_editor=True)
    enable_totp(author)
    enable_totp(reviewer)
    return author, reviewer


def _draft(author):
    return article_save(editor=author, title="Grounding", summary="Calm the body.", body="Breathe.")


def test_an_article_goes_from_draft_to_review_to_published_by_another_editor(
    editors, client, clock
):
    author, reviewer = editors
    # Approved in the last moment of a (local) day: the review date is the day it was approved.
    clock.set(datetime(2028, 12, 31, 23, 59, 59, 999_999, tzinfo=timezone.get_current_timezone()))
    article = _draft(author)
    assert article.status == "draft"
    assert client.get(article.get_absolute_url()).status_code == 404  # drafts are not public
    article_transition(article=article, by=author, action="submit")
    with pytest.raises(EditorialError, match="Another editor"):
        article_transition(article=article, by=author, action="approve")
    article_transition(article=article, by=reviewer, action="approve")
    article.refresh_from_db()
    assert article.status == "published" and article.reviewed_by == reviewer
    assert article.last_reviewed == date(2028, 12, 31)
    assert article.review_due == date(2029, 12, 31)
    assert client.get(article.get_absolute_url()).status_code == 200
    actions = set(AuditEntry.objects.values_list("action", flat=True))
    assert {"article.created", "article.submit", "article.approve"} <= actions


def test_editing_a_published_article_sends_it_back_to_review_and_keeps_a_revision(editors):
    author, reviewer = editors
    article = _draft(author)
    article_transition(article=article, by=author, action="submit")
    article_transition(article=article, by=reviewer, action="approve")
    article_save(editor=reviewer, article=article, title="Grounding", summary="s", body="New.")
    article.refresh_from_db()
    assert article.status == "in_review"
    assert article.revisions.count() == 1
    # The editor who changed it cannot approve their own change.
    with pytest.raises(EditorialError):
        article_transition(article=article, by=reviewer, action="approve")


def test_impossible_steps_are_refused(editors):
    author, _ = editors
    article = _draft(author)
    with pytest.raises(EditorialError):
        article_transition(article=article, by=author, action="approve")
    with pytest.raises(EditorialError):
        article_transition(article=article, by=author, action="fly")


def test_overdue_reviews_are_listed_for_editors(editors, client):
    author, reviewer = editors
    article = _draft(author)
    article_transition(article=article, by=author, action="submit")
    article_transition(article=article, by=reviewer, action="approve")
    article_schedule_review(
        article=article, by=author, due=timezone.localdate() - timedelta(days=1)
    )
    assert list(overdue_reviews()) == [article]
    client.force_login(author)
    assert "Grounding" in client.get(reverse("resources:editor")).content.decode()


def test_articles_equally_overdue_are_listed_by_title(editors):
    author, reviewer = editors
    due = timezone.localdate() - timedelta(days=1)
    articles = []
    for title in ("Safety planning", "Grounding"):  # made in the reverse of the list's order
        article = article_save(editor=author, title=title, summary="s", body="b")
        article_transition(article=article, by=author, action="submit")
        article_transition(article=article, by=reviewer, action="approve")
        articles.append(article_schedule_review(article=article, by=author, due=due))
    assert list(overdue_reviews()) == articles[::-1]


def test_the_editor_pages_save_preview_and_refuse_bad_input(editors, client):
    author, _ = editors
    client.force_login(author)
    url = reverse("resources:editor_new")
    preview = client.post(url, {"title": "T", "summary": "S", "body": "**bold**", "preview": "1"})
    assert "<strong>bold</strong>" in preview.content.decode()
    assert not Article.objects.exists()
    assert client.post(url, {"title": "", "summary": "", "body": ""}).status_code == 400
    assert not Article.objects.exists()
    assert client.post(url, {"title": "T", "summary": "S", "body": "B"}).status_code == 302
    article = Article.objects.get()
    bad_date = client.post(
        reverse("resources:editor_action", args=[article.slug]),
        {"action": "schedule", "review_due": "soon"},
        follow=True,
    )
    assert "YYYY-MM-DD" in bad_date.content.decode()


def test_members_get_404_from_editor_pages(client, member):
    client.force_login(member)
    assert client.get(reverse("resources:editor")).status_code == 404


def test_editors_without_two_step_verification_are_sent_to_set_it_up(client):
    client.force_login(UserFactory(is_editor=True))
    response = client.get(reverse("resources:editor"))
    assert response.status_code == 302
    assert response["Location"] == reverse("mfa_index")


# --- topics, sources, warnings and related articles in the editor --------------------------


def _publish(article, author, reviewer):
    article_transition(article=article, by=author, action="submit")
    article_transition(article=article, by=reviewer, action="approve")


def test_editors_choose_topics_warnings_sources_and_related_articles_in_the_editor(editors, client):
    from resources.models import Citation, Topic

    author, _ = editors
    topic = Topic.objects.create(slug="safety", name="Safety")
    stark = Citation.objects.create(
        key="stark2007", authors="Stark, E.", year=2007, title="Coercive Control", venue="OUP"
    )
    other = Citation.objects.create(
        key="carnes1997", authors="Carnes, P.", year=1997, title="The Betrayal Bond", venue="HCI"
    )
    neighbour = _draft(author)
    client.force_login(author)
    response = client.post(
        reverse("resources:editor_new"),
        {
            "title": "Staying safe",
            "summary": "Planning ahead.",
            "body": "Control is a pattern [@stark2007].",
            "topics": [topic.pk],
            "content_warnings": ["physical-violence"],
            "citations": [other.pk],
            "related": [neighbour.pk],
        },
    )
    assert response.status_code == 302
    article = Article.objects.get(title="Staying safe")
    assert list(article.topics.all()) == [topic]
    assert article.content_warnings == ["physical-violence"]
    # Cited in the text first, then the other ticked sources.
    assert [c.citation.key for c in article.articlecitation_set.all()] == [
        "stark2007",
        "carnes1997",
    ]
    assert 'href="#ref-stark2007"' in article.body_html
    assert list(article.related.all()) == [neighbour]
    assert stark in [link.citation for link in article.articlecitation_set.all()]


def test_a_reference_to_an_unknown_source_is_refused_with_the_key_named(editors, client):
    author, _ = editors
    client.force_login(author)
    response = client.post(
        reverse("resources:editor_new"),
        {"title": "T", "summary": "S", "body": "As shown [@nobody2020]."},
    )
    assert response.status_code == 400
    assert "[@nobody2020]" in response.content.decode()
    assert not Article.objects.filter(title="T").exists()
    with pytest.raises(EditorialError):
        article_save(editor=author, title="T", summary="S", body="B", content_warnings=["gore"])


def test_editors_add_sources_with_a_checked_doi(editors, client):
    from resources.models import Citation

    author, _ = editors
    client.force_login(author)
    url = reverse("resources:editor_citations")
    bad = client.post(
        url, {"key": "x2020", "authors": "X", "year": "2020", "title": "T", "doi": "not-a-doi"}
    )
    assert bad.status_code == 400
    assert "doesn" in bad.content.decode()
    nothing = client.post(url, {"key": "y2020", "authors": "Y", "year": "2020", "title": "T"})
    assert nothing.status_code == 400
    future = client.post(
        url, {"key": "z", "authors": "Z", "year": "3020", "title": "T", "venue": "V"}
    )
    assert future.status_code == 400
    client.post(
        url,
        {
            "key": "dutton1993",
            "authors": "Dutton, D. G., & Painter, S.\u202e",
            "year": "1993",
            "title": "Emotional attachments in abusive relationships",
            "doi": "https://doi.org/10.1037/h0079474",
        },
    )
    saved = Citation.objects.get(key="dutton1993")
    assert saved.doi == "10.1037/h0079474"
    assert saved.authors == "Dutton, D. G., & Painter, S."  # the bidi override is gone
    assert saved.link == "https://doi.org/10.1037/h0079474"
    assert Citation.objects.count() == 1
    client.force_login(UserFactory())
    assert client.get(url).status_code == 404


def test_related_articles_are_the_editors_choice_then_the_closest_by_topic(editors, client):
    from resources.models import Topic
    from resources.selectors import related_articles

    author, reviewer = editors
    bonds, safety = (
        Topic.objects.create(slug="bonds", name="Bonds"),
        Topic.objects.create(slug="safety", name="Safety"),
    )
    main = article_save(editor=author, title="Main", summary="s", body="b", topics=[bonds, safety])
    both = article_save(editor=author, title="Both", summary="s", body="b", topics=[bonds, safety])
    one = article_save(editor=author, title="One", summary="s", body="b", topics=[bonds])
    unrelated = article_save(editor=author, title="Unrelated", summary="s", body="b")
    draft = article_save(editor=author, title="Draft", summary="s", body="b", topics=[bonds])
    for article in (main, both, one, unrelated):
        _publish(article, author, reviewer)
    assert [a.title for a in related_articles(article=main)] == ["Both", "One"]
    main.related.set([unrelated])
    assert [a.title for a in related_articles(article=main)] == ["Unrelated", "Both", "One"]
    page = client.get(main.get_absolute_url()).content.decode()
    assert "Unrelated" in page and "Both" in page
    assert draft.title not in [a.title for a in related_articles(article=main)]


def test_an_article_titled_like_an_editor_page_gets_an_address_of_its_own(editors):
    author, _ = editors
    article = article_save(editor=author, title="Sources", summary="s", body="b")
    assert article.slug == "sources-article"


EDITOR_PAGES = [
    ("resources:editor", [], {"GET"}),
    ("resources:editor_new", [], {"GET", "POST"}),
    ("resources:editor_citations", [], {"GET", "POST"}),
    ("resources:editor_edit", ["some-article"], {"GET", "POST"}),
    ("resources:editor_action", ["some-article"], {"POST"}),
]


@pytest.mark.parametrize("method", ["GET", "POST", "PUT"])
@pytest.mark.parametrize(("url_name", "args", "_allowed"), EDITOR_PAGES)
def test_members_get_404_from_every_editor_page_with_any_method(
    client, member, method, url_name, args, _allowed
):
    client.force_login(member)
    response = getattr(client, method.lower())(reverse(url_name, args=args))
    assert response.status_code == 404


@pytest.mark.parametrize(("url_name", "args", "allowed"), EDITOR_PAGES)
def test_an_editor_with_two_step_verification_using_a_wrong_method_gets_405(
    client, url_name, args, allowed
):
    editor = UserFactory(is_editor=True)
    enable_totp(editor)
    client.force_login(editor)
    wrong = next(m for m in ("GET", "POST", "PUT") if m not in allowed)
    response = getattr(client, wrong.lower())(reverse(url_name, args=args))
    assert response.status_code == 405

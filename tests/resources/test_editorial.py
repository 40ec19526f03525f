"""The editorial workflow: drafts, review by another editor, publishing, overdue reviews."""

from datetime import timedelta

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


def test_an_article_goes_from_draft_to_review_to_published_by_another_editor(editors, client):
    author, reviewer = editors
    article = _draft(author)
    assert article.status == "draft"
    assert client.get(article.get_absolute_url()).status_code == 404  # drafts are not public
    article_transition(article=article, by=author, action="submit")
    with pytest.raises(EditorialError, match="Another editor"):
        article_transition(article=article, by=author, action="approve")
    article_transition(article=article, by=reviewer, action="approve")
    article.refresh_from_db()
    assert article.status == "published" and article.reviewed_by == reviewer
    assert article.last_reviewed == timezone.localdate()
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

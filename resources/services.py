"""Writes to the library. The loader is idempotent: running it twice leaves one copy."""

import json
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from django.db import connection, transaction
from django.utils import timezone
from django.utils.text import slugify

from resources.models import (
    Article,
    ArticleCitation,
    ArticleRevision,
    Citation,
    HelpLine,
    Topic,
)
from resources.rendering import reading_minutes, render_article
from supportnet.core import audit

CONTENT_DIR = Path(__file__).resolve().parent / "content"
REVIEW_EVERY = timedelta(days=365)


@transaction.atomic
def library_load(*, content_dir: Path = CONTENT_DIR) -> dict[str, int]:
    """Load (or update) citations, published articles and help lines from `content_dir`."""
    library = json.loads((content_dir / "library.json").read_text())
    today = timezone.localdate()
    for item in library["citations"]:
        Citation.objects.update_or_create(
            key=item["key"],
            defaults={
                k: item.get(k, "") for k in ("authors", "year", "title", "venue", "doi", "url")
            },
        )
    articles: dict[str, Article] = {}
    for item in library["articles"]:
        body = (content_dir / item["body_file"]).read_text()
        article = Article.objects.filter(slug=item["slug"]).first()
        if article is not None and article.body != body:
            ArticleRevision.objects.create(
                article=article, title=article.title, summary=article.summary, body=article.body
            )
        values = {
            "title": item["title"],
            "summary": item["summary"],
            "body": body,
            "body_html": render_article(body, item["citations"]),
            "content_warnings": item.get("content_warnings", []),
            "reading_minutes": reading_minutes(body),
            "status": Article.Status.PUBLISHED,
        }
        if article is None:
            article = Article.objects.create(
                slug=item["slug"], last_reviewed=today, review_due=today + REVIEW_EVERY, **values
            )
        else:
            for field, value in values.items():
                setattr(article, field, value)
            article.updated_at = timezone.now()
            article.save()
        article.topics.set(
            [
                Topic.objects.get_or_create(
                    slug=slugify(t), defaults={"name": t.replace("-", " ").capitalize()}
                )[0]
                for t in item.get("topics", [])
            ]
        )
        ArticleCitation.objects.filter(article=article).delete()
        ArticleCitation.objects.bulk_create(
            ArticleCitation(article=article, citation=Citation.objects.get(key=key), order=n)
            for n, key in enumerate(item["citations"])
        )
        articles[item["slug"]] = article
    for item in library["articles"]:
        articles[item["slug"]].related.set([articles[s] for s in item.get("related", [])])
    articles_reindex(article_ids=[a.pk for a in articles.values()])
    lines = json.loads((content_dir / "hotlines.json").read_text())
    for item in lines:
        HelpLine.objects.update_or_create(
            name=item["name"],
            country=item["country"],
            defaults={
                **{
                    k: item.get(k, "")
                    for k in ("region", "phone", "text", "chat_url", "website", "hours", "source")
                },
                "languages": item.get("languages", []),
                "topics": item.get("topics", []),
                "last_verified": date.fromisoformat(item["last_verified"]),
            },
        )
    audit.log(None, "library.loaded", data={"articles": len(articles), "help_lines": len(lines)})
    return {
        "articles": len(articles),
        "citations": len(library["citations"]),
        "help_lines": len(lines),
    }


def articles_reindex(*, article_ids: list[int] | None = None) -> None:
    """Refresh the stored full-text vectors (PostgreSQL only; SQLite searches without them)."""
    if connection.vendor != "postgresql":
        return
    from django.contrib.postgres.search import SearchVector

    vector = (
        SearchVector("title", weight="A", config="english")
        + SearchVector("summary", weight="B", config="english")
        + SearchVector("body", weight="C", config="english")
    )
    articles = Article.objects.all()
    if article_ids is not None:
        articles = articles.filter(pk__in=article_ids)
    articles.update(search_vector=vector)


def account_region_choices() -> list[tuple[str, str]]:
    codes = sorted(set(HelpLine.objects.values_list("country", flat=True)))
    return [(code, code) for code in codes]


# --- editorial workflow -----------------------------------------------------------------------


class EditorialError(Exception):
    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def _render(article: Article) -> None:
    keys = [c.citation.key for c in article.articlecitation_set.select_related("citation")]
    article.body_html = render_article(article.body, keys)
    article.reading_minutes = reading_minutes(article.body)


RESERVED_SLUGS = frozenset({"new", "sources", "help-lines", "editor"})
CONTENT_WARNINGS = (
    ("self-harm", "Self-harm"),
    ("suicide", "Suicide"),
    ("sexual-violence", "Sexual violence"),
    ("physical-violence", "Physical violence"),
    ("child-abuse", "Child abuse"),
)


def _citations_in_order(body: str, chosen: list[Citation]) -> list[Citation]:
    """The reference list: sources cited inline (`[@key]`) in order of first use, then the
    other chosen sources. An unknown key is an error the editor must fix."""
    from resources.rendering import cited_keys

    keys = cited_keys(body)
    known = {c.key: c for c in Citation.objects.filter(key__in=keys)}
    unknown = [key for key in keys if key not in known]
    if unknown:
        listed = ", ".join(f"[@{key}]" for key in unknown)
        raise EditorialError(
            f"The text cites {listed}, which is not in the list of sources. Add the source "
            "first, or correct the key."
        )
    ordered = [known[key] for key in keys]
    rest = sorted((c for c in chosen if c.key not in known), key=lambda c: (c.authors, c.year))
    return [*ordered, *rest]


@transaction.atomic
def article_save(
    *,
    editor: Any,
    title: str,
    summary: str,
    body: str,
    article: Article | None = None,
    topics: list[Any] | None = None,
    content_warnings: list[str] | None = None,
    citations: list[Citation] | None = None,
    related: list[Article] | None = None,
) -> Article:
    """Create a draft, or change an article (keeping the earlier text as a revision). A change
    to a published article sends it back to review. Topics, content warnings, sources and
    related articles are replaced when given; sources cited inline are always listed."""
    from supportnet.core.text import clean_text

    title, summary = clean_text(title).strip(), clean_text(summary).strip()
    body = clean_text(body).strip()
    if not title or not summary or not body:
        raise EditorialError("An article needs a title, a summary and a body.")
    allowed = {value for value, _ in CONTENT_WARNINGS}
    if content_warnings is not None and not set(content_warnings) <= allowed:
        raise EditorialError("Choose content warnings from the list.")
    if citations is None and article is not None:
        citations = [link.citation for link in article.articlecitation_set.all()]
    reference_list = _citations_in_order(body, list(citations or []))
    if article is None:
        slug_base = slugify(title)[:90] or "article"
        if slug_base in RESERVED_SLUGS:  # editor pages live at these addresses
            slug_base = f"{slug_base}-article"
        slug, n = slug_base, 2
        while Article.objects.filter(slug=slug).exists():
            slug, n = f"{slug_base}-{n}", n + 1
        article = Article(slug=slug, author=editor, status=Article.Status.DRAFT)
        action = "article.created"
    else:
        article = Article.objects.select_for_update().get(pk=article.pk)
        ArticleRevision.objects.create(
            article=article,
            title=article.title,
            summary=article.summary,
            body=article.body,
            editor=editor,
        )
        if article.status == Article.Status.PUBLISHED:
            article.status = Article.Status.IN_REVIEW
        action = "article.edited"
    article.title, article.summary, article.body = title, summary, body
    if content_warnings is not None:
        article.content_warnings = [v for v, _ in CONTENT_WARNINGS if v in content_warnings]
    article.updated_at = timezone.now()
    article.save()
    if topics is not None:
        article.topics.set(topics)
    if related is not None:
        article.related.set([other for other in related if other.pk != article.pk])
    ArticleCitation.objects.filter(article=article).delete()
    ArticleCitation.objects.bulk_create(
        ArticleCitation(article=article, citation=citation, order=n)
        for n, citation in enumerate(reference_list)
    )
    _render(article)
    article.save(update_fields=["body_html", "reading_minutes"])
    articles_reindex(article_ids=[article.pk])
    audit.log(editor, action, target=article)
    return article


_TRANSITIONS = {
    "submit": ({Article.Status.DRAFT}, Article.Status.IN_REVIEW),
    "approve": ({Article.Status.IN_REVIEW}, Article.Status.PUBLISHED),
    "request_changes": ({Article.Status.IN_REVIEW}, Article.Status.DRAFT),
    "archive": ({Article.Status.PUBLISHED, Article.Status.DRAFT}, Article.Status.ARCHIVED),
}


@transaction.atomic
def article_transition(*, article: Article, by: Any, action: str) -> Article:
    """Move an article through draft → in review → published → archived. The reviewer who
    approves must not be its author, nor the last person who edited it."""
    if action not in _TRANSITIONS:
        raise EditorialError("Unknown action.")
    allowed, target = _TRANSITIONS[action]
    article = Article.objects.select_for_update().get(pk=article.pk)
    if article.status not in allowed:
        raise EditorialError("That step is not possible from the article's current state.")
    if action == "approve":
        last_editor = (
            article.revisions.order_by("-created_at", "-id")
            .values_list("editor_id", flat=True)
            .first()
        )
        if by.pk in (article.author_id, last_editor):
            raise EditorialError("Another editor must review and approve your changes.")
        today = timezone.localdate()
        article.reviewed_by = by
        article.last_reviewed = today
        article.review_due = today + REVIEW_EVERY
    article.status = target
    article.save(update_fields=["status", "reviewed_by", "last_reviewed", "review_due"])
    audit.log(by, f"article.{action}", target=article)
    return article


@transaction.atomic
def article_schedule_review(*, article: Article, by: Any, due: date) -> Article:
    article.review_due = due
    article.save(update_fields=["review_due"])
    audit.log(by, "article.review_scheduled", target=article, data={"due": due.isoformat()})
    return article


@transaction.atomic
def citation_add(
    *,
    by: Any,
    key: str,
    authors: str,
    year: int,
    title: str,
    venue: str = "",
    doi: str = "",
    url: str = "",
) -> Citation:
    """A source articles can cite as [@key]. Text is cleaned like posts (no bidi or
    zero-width characters)."""
    from supportnet.core.text import clean_text

    authors, title, venue = (clean_text(v).strip() for v in (authors, title, venue))
    citation = Citation.objects.create(
        key=key, authors=authors, year=year, title=title, venue=venue, doi=doi, url=url
    )
    audit.log(by, "citation.added", target=citation)
    return citation

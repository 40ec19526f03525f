"""Writes to the library. The loader is idempotent: running it twice leaves one copy."""

import json
from datetime import date, timedelta
from pathlib import Path

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

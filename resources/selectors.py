"""Reads for the library and the help-line directory."""

from typing import Any

from django.db import connection
from django.db.models import Case, IntegerField, Q, QuerySet, Value, When

from resources.models import Article, HelpLine
from supportnet.core.search import snippet

SEARCH_CANDIDATES = 200
PAGE_SIZE = 20


def published() -> QuerySet[Article]:
    return Article.objects.filter(status=Article.Status.PUBLISHED)


def library_search(*, query: str = "", topic: str = "") -> list[Any]:
    """Published articles matching `query` (all words), best first; with `snippet` HTML on
    PostgreSQL (full-text, weighted title > summary > body) and a plain summary elsewhere."""
    articles = published().prefetch_related("topics")
    if topic:
        articles = articles.filter(topics__slug=topic)
    if not query:
        return list(articles.order_by("title", "pk")[:PAGE_SIZE])
    if connection.vendor == "postgresql":
        return _search_postgres(articles, query)
    return _search_fallback(articles, query)


def _search_postgres(articles: QuerySet[Article], query: str) -> list[Any]:
    from django.contrib.postgres.search import SearchQuery, SearchRank

    search = SearchQuery(query, search_type="websearch", config="english")
    # The GIN index finds matches; only the first SEARCH_CANDIDATES are ranked, so a common
    # word costs no more than a rare one.
    candidates = articles.filter(search_vector=search).values("pk")[:SEARCH_CANDIDATES]
    ranked = (
        Article.objects.filter(pk__in=candidates)
        .prefetch_related("topics")
        .annotate(rank=SearchRank("search_vector", search))
        .order_by("-rank", "title", "pk")[:PAGE_SIZE]
    )
    return list(ranked.annotate(snippet=snippet("body", search)))


def _search_fallback(articles: QuerySet[Article], query: str) -> list[Any]:
    words = [w for w in query.split() if w.strip("\"'+-")][:10]
    for word in words:
        term = word.strip("\"'+-")
        articles = articles.filter(
            Q(title__icontains=term) | Q(summary__icontains=term) | Q(body__icontains=term)
        )
    first = words[0].strip("\"'+-") if words else ""
    ranked = articles.annotate(
        rank=Case(
            When(title__icontains=first, then=Value(3)),
            When(summary__icontains=first, then=Value(2)),
            default=Value(1),
            output_field=IntegerField(),
        )
    ).order_by("-rank", "title", "pk")
    return list(ranked[:PAGE_SIZE])


def article_page(*, slug: str) -> Article | None:
    return (
        published()
        .prefetch_related("topics", "articlecitation_set__citation", "related")
        .filter(slug=slug)
        .first()
    )


RELATED_SHOWN = 3


def related_articles(*, article: Article) -> list[Article]:
    """What to read next: the editors' choices, then published articles sharing the most
    topics with this one (two queries)."""
    from django.db.models import Count

    chosen = [other for other in article.related.all() if other.status == Article.Status.PUBLISHED]
    missing = RELATED_SHOWN - len(chosen)
    if missing <= 0:
        return chosen[:RELATED_SHOWN]
    topic_ids = [topic.pk for topic in article.topics.all()]
    if not topic_ids:
        return chosen
    suggested = (
        published()
        .exclude(pk__in=[article.pk, *(other.pk for other in chosen)])
        .filter(topics__in=topic_ids)
        .annotate(shared=Count("topics", filter=Q(topics__in=topic_ids)))
        .order_by("-shared", "title", "pk")[:missing]
    )
    return [*chosen, *suggested]


def help_lines(*, region: str, topic: str | None = None, panel: bool = False) -> list[HelpLine]:
    """At most three lines for the region (falling back to the instance's default region),
    most relevant first: lines for the topic, then other 24/7 support lines, then emergency
    services (first when the topic is "emergency"). For the crisis help panel (`panel`), the
    lines the instance chose for it come first, and alone when there are any."""
    region = (region or "").upper()[:2]
    lines = list(HelpLine.objects.filter(country=region))
    if not lines:
        from supportnet.core.instance import current

        lines = list(HelpLine.objects.filter(country=current().default_region))

    def score(line: HelpLine) -> tuple[int, int, str]:
        on_topic = 0 if topic and topic in line.topics else 1
        emergency = "emergency" in line.topics
        last = 0 if topic == "emergency" else (1 if emergency else 0)
        always_open = 0 if "24" in line.hours else 1
        return (on_topic, last, f"{always_open}{line.name}")

    if panel:
        chosen = [line for line in lines if line.in_crisis_panel]
        lines = chosen or lines
    return sorted(lines, key=score)[:3]


def regions() -> list[str]:
    return sorted(set(HelpLine.objects.values_list("country", flat=True)))


def overdue_reviews(*, today: Any = None) -> QuerySet[Article]:
    """Published articles whose review date has passed, most overdue first."""
    from django.utils import timezone

    today = today or timezone.localdate()
    return published().filter(review_due__lt=today).order_by("review_due", "title", "pk")

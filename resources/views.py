"""The public library (no account needed) and the help-line directory."""

from typing import Any

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from resources import selectors
from resources.forms import ArticleForm
from resources.models import HelpLine, Topic
from resources.permissions import editor_required
from supportnet.core.instance import current
from supportnet.core.text import clean_query, marked_snippet

QUERY_MAX = 200


@require_GET
def library(request: HttpRequest) -> HttpResponse:
    raw = request.GET.get("q", "")
    query = clean_query(raw, max_length=QUERY_MAX)
    topic = clean_query(request.GET.get("topic", ""), max_length=40)
    results = selectors.library_search(query=query, topic=topic)
    for article in results:
        snippet = getattr(article, "snippet", None)
        if snippet:
            article.snippet_html = marked_snippet(snippet)
    context = {
        "results": results,
        "query": query,
        "topic": topic,
        "topics": Topic.objects.all(),
        "shortened": len(raw) > QUERY_MAX,
    }
    return render(request, "resources/library.html", context)


@require_GET
def article(request: HttpRequest, slug: str) -> HttpResponse:
    found = selectors.article_page(slug=slug)
    if found is None:
        raise Http404
    references = [link.citation for link in found.articlecitation_set.all()]
    context = {
        "article": found,
        "references": references,
        "related": selectors.related_articles(article=found),
    }
    return render(request, "resources/article.html", context)


@require_http_methods(["GET", "POST"])
def help_lines_page(request: HttpRequest) -> HttpResponse:
    """Help lines for a region: the member's, the one asked for, or the instance default."""
    from supportnet.accounts.services import account_region_set

    regions = selectors.regions()
    if request.method == "POST":
        region = request.POST.get("region", "").upper()
        if region not in regions:
            raise Http404
        if request.user.is_authenticated:
            account_region_set(user=request.user, region=region)
            messages.success(request, "Saved: you will see help lines for this country.")
        return redirect(f"{request.path}?region={region}")
    region = request.GET.get("region", "").upper()[:2]
    if region not in regions:
        region = getattr(request.user, "region", "") or current().default_region
    topic = request.GET.get("topic", "")
    if topic not in HelpLine.Topic.values:
        topic = ""
    lines = list(HelpLine.objects.filter(country=region.upper()))
    if topic:
        lines = [line for line in lines if topic in line.topics]
    context = {
        "lines": lines,
        "region": region.upper(),
        "regions": regions,
        "topic": topic,
        "topics": HelpLine.Topic.choices,
    }
    return render(request, "resources/help_lines.html", context)


# --- editors ----------------------------------------------------------------------------------


@editor_required
@require_GET
def editor_home(request: HttpRequest) -> HttpResponse:
    from resources.models import Article

    context = {
        "articles": Article.objects.select_related("author", "reviewed_by").order_by(
            "status", "title"
        ),
        "overdue": selectors.overdue_reviews(),
    }
    return render(request, "resources/editor_home.html", context)


@editor_required
@require_http_methods(["GET", "POST"])
def editor_edit(request: HttpRequest, slug: str = "") -> HttpResponse:
    from resources.models import Article
    from resources.rendering import render_article
    from resources.services import EditorialError, article_save

    article = get_object_or_404(Article, slug=slug) if slug else None
    initial: dict[str, Any] = {}
    if article is not None:
        initial = {
            "title": article.title,
            "summary": article.summary,
            "body": article.body,
            "topics": list(article.topics.all()),
            "content_warnings": article.content_warnings,
            "citations": [link.citation for link in article.articlecitation_set.all()],
            "related": list(article.related.all()),
        }
    form = ArticleForm(
        request.POST if request.method == "POST" else None, initial=initial, article=article
    )
    preview = ""
    if request.method == "POST" and form.is_valid():
        if "preview" in request.POST:
            from resources.rendering import cited_keys

            preview = render_article(
                form.cleaned_data["body"], cited_keys(form.cleaned_data["body"])
            )
        else:
            data = form.cleaned_data
            try:
                saved = article_save(
                    editor=request.user,
                    article=article,
                    title=data["title"],
                    summary=data["summary"],
                    body=data["body"],
                    topics=list(data["topics"]),
                    content_warnings=list(data["content_warnings"]),
                    citations=list(data["citations"]),
                    related=list(data["related"]),
                )
            except EditorialError as error:
                form.add_error(None, error.message)
            else:
                messages.success(request, "Saved.")
                return redirect("resources:editor_edit", slug=saved.slug)
    status = 400 if request.method == "POST" and form.errors else 200
    context = {"form": form, "article": article, "preview": preview}
    return render(request, "resources/editor_edit.html", context, status=status)


@editor_required
@require_http_methods(["GET", "POST"])
def editor_citations(request: HttpRequest) -> HttpResponse:
    """The sources articles cite: add one here, then cite it in the text as [@key]."""
    from resources.forms import CitationForm
    from resources.models import Citation
    from resources.services import citation_add

    form = CitationForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        citation = citation_add(by=request.user, **form.cleaned_data)
        messages.success(request, f"Added. Cite it in an article as [@{citation.key}].")
        return redirect("resources:editor_citations")
    context = {"form": form, "citations": Citation.objects.order_by("authors", "year")}
    status = 400 if request.method == "POST" else 200
    return render(request, "resources/editor_citations.html", context, status=status)


@editor_required
@require_POST
def editor_action(request: HttpRequest, slug: str) -> HttpResponse:
    from datetime import date

    from resources.models import Article
    from resources.services import EditorialError, article_schedule_review, article_transition

    article = get_object_or_404(Article, slug=slug)
    action = request.POST.get("action", "")
    try:
        if action == "schedule":
            try:
                due = date.fromisoformat(request.POST.get("review_due", ""))
            except ValueError as error:
                raise EditorialError("Give the review date as YYYY-MM-DD.") from error
            article_schedule_review(article=article, by=request.user, due=due)
        else:
            article_transition(article=article, by=request.user, action=action)
    except EditorialError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, "Done.")
    return redirect("resources:editor_edit", slug=article.slug)

"""Fuzzing the resource library: search, articles, help lines and region choice, and the
editors' forms (editor with two-step verification)."""

import pytest
from django.contrib.auth import get_user_model
from hypothesis import given
from hypothesis import strategies as st

from resources.models import Article, ArticleRevision, Citation, HelpLine
from resources.services import CONTENT_WARNINGS
from tests.fuzz.support import (
    FUZZ,
    NASTY,
    assert_saved_text_fits,
    bodies,
    counts,
    mostly,
    path_segments,
    post,
    queries,
    refused,
    send,
)

pytestmark = [pytest.mark.fuzz, pytest.mark.django_db]

REGIONS = ["GB", "gb", "US", "DE", "XX", "", "ß", "Ｇ\u0301Ｂ", "G\x00B"]


@FUZZ
@given(
    query=queries({"q": ["safety plan", "*", "a & b", '"x', *NASTY], "topic": ["", "x"]}),
    anonymous=st.booleans(),
)
def test_library_search_answers_any_query_without_a_server_error(world, query, anonymous):
    client = world.login(world.member)
    if anonymous:
        client.logout()
    response = send(client, "GET", "/resources/", query=query)
    assert response.status_code in (200, 400)


@FUZZ
@given(data=st.data(), query=queries({"page": ["1"], "q": NASTY}))
def test_articles_answer_any_slug_without_a_server_error(world, data, query):
    slug = data.draw(mostly(st.just(world.article.slug), path_segments))
    send(world.login(world.member), "GET", f"/resources/{slug}/", query=query)


@FUZZ
@given(
    query=queries({"region": REGIONS, "topic": [*HelpLine.Topic.values, "x"]}),
    body=bodies({"region": REGIONS}),
    signed_in=st.booleans(),
)
def test_help_lines_and_region_choice_refuse_hostile_input(world, query, body, signed_in):
    client = world.login(world.member)
    if not signed_in:
        client.logout()
    send(client, "GET", "/resources/help-lines/", query=query)
    response = post(client, "/resources/help-lines/", body)
    regions = set(HelpLine.objects.values_list("country", flat=True))
    region = get_user_model().objects.get(pk=world.member.pk).region
    assert region == "" or region in regions
    if response.status_code == 302:
        assert response["Location"].startswith("/resources/help-lines/?region=")


@FUZZ
@given(
    data=st.data(),
    body=bodies(
        {
            "title": ["Staying safe online", " ", "x" * 200, "\u0958" * 200],
            "summary": ["How to.", " ", "x" * 400, "\u0958" * 400],
            "body": ["Text [@smith2020].", " ", "x" * 50_000],
            "preview": ["1", ""],
            "topics": ["1", "2", "x"],
            "content_warnings": [value for value, _ in CONTENT_WARNINGS],
            "citations": ["1", "-1"],
            "related": ["1", "2"],
        }
    ),
)
def test_the_article_editor_refuses_hostile_input_and_saves_nothing_when_it_does(world, data, body):
    slug = data.draw(st.one_of(st.just("new"), mostly(st.just(world.article.slug), path_segments)))
    path = "/resources/editor/new/" if slug == "new" else f"/resources/editor/{slug}/"
    user = data.draw(mostly(st.just(world.editor), st.just(world.member)))
    client = world.login(user)
    send(client, "GET", path)
    before = counts(Article, ArticleRevision)
    response = post(client, path, body)
    if response.status_code != 302:
        assert counts(Article, ArticleRevision) == before
    assert_saved_text_fits(Article, ArticleRevision)


@FUZZ
@given(
    data=st.data(),
    body=bodies(
        {
            "action": ["submit", "approve", "request_changes", "archive", "schedule", "burn"],
            "review_due": ["2027-01-31", "2027-02-30", "31/01/2027", "9999-12-31", "0001-01-01"],
        }
    ),
)
def test_editorial_actions_refuse_hostile_input(world, data, body):
    slug = data.draw(mostly(st.just(world.article.slug), path_segments))
    before = list(Article.objects.values_list("status", "review_due"))
    response = post(world.login(world.editor), f"/resources/editor/{slug}/action/", body)
    if refused(response):
        assert list(Article.objects.values_list("status", "review_due")) == before
    send(world.login(world.editor), "GET", "/resources/editor/")


@FUZZ
@given(
    body=bodies(
        {
            "key": ["stark2007", "Stark 2007", "x" * 41, "stark2007"],
            "authors": ["Stark, E.", "x" * 300],
            "year": ["2007", "1499", "99999", "-1", "2007.5", "9" * 5000],
            "title": ["Coercive control", "x" * 300],
            "venue": ["Oxford University Press", ""],
            "doi": ["10.1037/h0079474", "https://doi.org/10.1/x", "x" * 101],
            "url": ["https://example.org/", "javascript:alert(1)", "x"],
        }
    ),
    as_editor=st.booleans(),
)
def test_adding_a_source_refuses_hostile_input_and_saves_nothing_when_it_does(
    world, body, as_editor
):
    client = world.login(world.editor if as_editor else world.member)
    before = counts(Citation)
    response = post(client, "/resources/editor/sources/", body)
    if response.status_code != 302:
        assert counts(Citation) == before
    assert_saved_text_fits(Citation)

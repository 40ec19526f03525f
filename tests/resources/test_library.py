"""The resource library: loading, reading, citations, search and help lines."""

import pytest
from django.core.management import call_command
from django.urls import reverse

from resources.models import Article, Citation, HelpLine
from resources.rendering import render_article
from resources.selectors import help_lines, library_search

pytestmark = pytest.mark.django_db


@pytest.fixture
def library():
    call_command("load_library", verbosity=0)


def test_loading_twice_leaves_one_copy_of_everything(library):
    counts = (Article.objects.count(), Citation.objects.count(), HelpLine.objects.count())
    call_command("load_library", verbosity=0)
    assert (Article.objects.count(), Citation.objects.count(), HelpLine.objects.count()) == counts
    assert counts[0] >= 8
    assert all(a.status == "published" for a in Article.objects.all())


def test_the_library_covers_the_seed_and_cites_its_sources(library):
    slugs = set(Article.objects.values_list("slug", flat=True))
    assert {
        "what-is-a-trauma-bond", "signs-of-a-trauma-bond", "why-trauma-bonds-form",
        "what-a-trauma-bond-is-not", "coercive-control", "breaking-a-trauma-bond",
        "if-you-are-in-danger-now", "safety-planning",
    } <= slugs  # fmt: skip
    dois = set(Citation.objects.values_list("doi", flat=True))
    assert {"10.1037/h0079474", "10.1037/h0036128", "10.1080/00221309.1937.9917951"} <= dois
    for article in Article.objects.all():
        assert "information, not therapy" in article.body


def test_an_article_shows_numbered_references_with_doi_links(client, library):
    page = client.get(reverse("resources:article", args=["why-trauma-bonds-form"]))
    body = page.content.decode()
    assert page.status_code == 200
    assert 'href="#ref-skinner1937"' in body
    assert 'id="ref-skinner1937"' in body
    assert "https://doi.org/10.1080/00221309.1937.9917951" in body
    assert "Last reviewed" in body


def test_inline_references_number_in_citation_order_and_unknown_keys_stay_text():
    html = render_article("One [@b] two [@a] three [@zzz]", ["a", "b"])
    assert '<a href="#ref-b"' in html and ">[2]</a>" in html
    assert '<a href="#ref-a"' in html and ">[1]</a>" in html
    assert "[@zzz]" in html


def test_drafts_are_invisible_to_the_public(client, library):
    Article.objects.filter(slug="coercive-control").update(status="draft")
    assert client.get(reverse("resources:article", args=["coercive-control"])).status_code == 404
    assert (
        "/resources/coercive-control/"
        not in client.get(reverse("resources:library")).content.decode()
    )


def test_search_ranks_a_title_match_above_a_body_match(library):
    results = library_search(query="coercive control")
    assert results[0].slug == "coercive-control"


@pytest.mark.parametrize(
    "query",
    ['"unbalanced', "trauma OR -bond", "a" * 5000, "\x00\x01", "'; DROP TABLE x; --", "<b>", "*"],
)
def test_any_search_gives_results_or_a_friendly_message(client, library, query):
    response = client.get(reverse("resources:library"), {"q": query, "topic": "\x00"})
    assert response.status_code == 200


def test_help_lines_choose_at_most_three_for_the_region_and_topic(library):
    lines = help_lines(region="GB", topic="domestic-abuse")
    assert len(lines) <= 3
    assert lines[0].name.startswith("National Domestic Abuse Helpline")
    assert "emergency" in help_lines(region="US", topic="emergency")[0].topics
    assert all(line.country == "GB" for line in help_lines(region="ZZ"))  # default region


def test_a_member_saves_their_region_and_bad_regions_get_404(client, member, library):
    client.force_login(member)
    client.post(reverse("resources:help_lines"), {"region": "AU"})
    member.refresh_from_db()
    assert member.region == "AU"
    assert "Lifeline" in client.get(reverse("resources:help_lines")).content.decode()
    assert client.post(reverse("resources:help_lines"), {"region": "XX"}).status_code == 404


def test_the_library_is_indexable_but_nothing_else_is(client, library):
    assert "X-Robots-Tag" not in client.get(reverse("resources:library"))


def test_the_library_and_article_pages_run_a_constant_number_of_queries(
    client, library, django_assert_max_num_queries
):
    with django_assert_max_num_queries(4):
        assert client.get(reverse("resources:library")).status_code == 200
    with django_assert_max_num_queries(4):
        assert client.get(reverse("resources:library"), {"q": "bond"}).status_code == 200
    with django_assert_max_num_queries(5):
        url = reverse("resources:article", args=["what-is-a-trauma-bond"])
        assert client.get(url).status_code == 200


def test_the_instance_chooses_the_crisis_panels_help_lines_in_the_administration(library, client):
    from supportnet.core.models import AuditEntry
    from tests.factories import UserFactory, enable_totp

    automatic = [line.name for line in help_lines(region="GB", topic="suicide", panel=True)]
    chosen = HelpLine.objects.filter(country="GB").exclude(name__in=automatic).first()
    assert chosen is not None
    staff = UserFactory(is_staff=True, is_superuser=True)
    enable_totp(staff)
    client.force_login(staff)
    url = reverse("admin:resources_helpline_change", args=[chosen.pk])
    form = client.get(url).context["adminform"].form
    data = {
        name: ("" if value is None else value)
        for name, value in form.initial.items()
        if name in form.fields
    }
    data["languages"] = '["en"]'
    data["topics"] = '["domestic-abuse"]'
    data["in_crisis_panel"] = "on"
    assert client.post(url, data).status_code == 302
    assert AuditEntry.objects.filter(action="help_line.saved").exists()
    # Members from that country now see only the chosen line in the panel …
    assert [line.name for line in help_lines(region="GB", topic="suicide", panel=True)] == [
        chosen.name
    ]
    # … while the directory and other countries are unchanged.
    assert len(help_lines(region="GB", topic="suicide")) == 3
    assert all(line.country == "US" for line in help_lines(region="US", panel=True))
    # Reloading the library keeps the choice.
    call_command("load_library", verbosity=0)
    assert HelpLine.objects.get(pk=chosen.pk).in_crisis_panel

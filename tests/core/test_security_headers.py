"""Every response carries the security and privacy headers."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def _csp(response) -> dict[str, list[str]]:
    directives = {}
    for part in response["Content-Security-Policy"].split(";"):
        name, *values = part.split()
        directives[name] = values
    return directives


@pytest.mark.parametrize("url", ["/", "/accounts/login/", "/accounts/signup/", "/no-such-page/"])
def test_pages_carry_a_strict_content_security_policy(client, url):
    csp = _csp(client.get(url))
    assert csp["default-src"] == ["'self'"]
    assert "'unsafe-inline'" not in csp["script-src"]
    assert "'unsafe-eval'" not in csp["script-src"]
    assert csp["script-src"][0] == "'self'"
    assert csp["frame-ancestors"] == ["'none'"]
    assert csp["form-action"] == ["'self'"]
    assert csp["object-src"] == ["'none'"]
    assert csp["base-uri"] == ["'none'"]


@pytest.mark.parametrize("url", ["/", "/accounts/login/", "/no-such-page/", "/healthz"])
def test_pages_carry_privacy_headers(client, url):
    response = client.get(url)
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "no-referrer"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    assert response["X-Frame-Options"] == "DENY"
    policy = response["Permissions-Policy"]
    for feature in ("camera=()", "microphone=()", "geolocation=()"):
        assert feature in policy
    assert "no-store" in response["Cache-Control"]


def test_signed_in_pages_are_never_stored(client, member):
    client.force_login(member)
    response = client.get(reverse("account_email"))
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    assert "private" in response["Cache-Control"]


def test_signing_out_clears_the_browsers_data_for_the_site(client, member):
    client.force_login(member)
    response = client.post(reverse("account_logout"))
    assert response["Clear-Site-Data"] == '"cache", "cookies", "storage"'
    assert "_auth_user_id" not in client.session


def test_only_the_resource_library_may_be_indexed(client):
    assert client.get("/")["X-Robots-Tag"] == "noindex, nofollow"
    robots = client.get("/robots.txt").content.decode()
    assert "Disallow: /" in robots
    assert "Allow: /resources/" in robots


def test_pages_use_no_third_party_resources(client):
    body = client.get("/").content.decode()
    assert "//cdn" not in body
    assert 'src="http' not in body
    assert 'href="http' not in body.replace('href="https://www.bbc.co.uk/weather"', "")


def test_every_page_starts_with_the_quick_exit_then_the_skip_link(client):
    body = client.get("/accounts/signup/").content.decode()
    body_start = body.index("<body")
    exit_at = body.index('id="quick-exit"', body_start)
    skip_at = body.index('class="skip-link"', body_start)
    first_link = body.index("<a ", body_start)
    assert first_link < exit_at < skip_at
    assert body.index("<a ", first_link + 1) == body.index("<a ", skip_at - 30)


def test_page_titles_are_neutral(client, member):
    client.force_login(member)
    for url in ("/", "/accounts/email/", "/accounts/password/change/", "/accounts/2fa/"):
        response = client.get(url)
        assert response.status_code == 200
        body = response.content.decode()
        title = body[body.index("<title>") + 7 : body.index("</title>")]
        assert title.endswith("· SupportNet")
        for word in ("abuse", "survivor", "trauma", "crisis", "support group"):
            assert word not in title.lower()

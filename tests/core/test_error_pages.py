"""Bad input and failures get a friendly page that reveals nothing, never a stack trace."""

import pytest
from django.test import Client

pytestmark = [pytest.mark.django_db, pytest.mark.urls("tests.core.urls_for_errors")]


def test_an_unknown_page_gets_a_friendly_404(client):
    response = client.get("/no/such/page/")
    assert response.status_code == 404
    body = response.content.decode()
    assert "Page not found" in body
    assert 'id="quick-exit"' in body


def test_a_server_error_gets_a_friendly_500_without_details():
    client = Client(raise_request_exception=False)
    response = client.get("/test/broken/")
    assert response.status_code == 500
    body = response.content.decode()
    assert "something went wrong on our side" in body
    assert "secret detail" not in body
    assert "Traceback" not in body
    assert 'id="quick-exit"' in body


def test_suspicious_input_gets_a_friendly_400(client):
    response = client.get("/test/suspicious/")
    assert response.status_code == 400
    assert "Something was not quite right" in response.content.decode()


def test_an_unknown_host_gets_a_400(client):
    response = client.get("/", HTTP_HOST="evil.example")
    assert response.status_code == 400


def test_a_form_without_its_csrf_token_gets_a_friendly_403():
    client = Client(enforce_csrf_checks=True)
    response = client.post("/accounts/login/", {"login": "a@example.org", "password": "x"})
    assert response.status_code == 403
    assert "Please try again" in response.content.decode()


def test_rate_limited_requests_get_a_429_with_retry_after(client):
    assert client.get("/test/limited/").status_code == 200
    assert client.get("/test/limited/").status_code == 200
    response = client.get("/test/limited/")
    assert response.status_code == 429
    assert 1 <= int(response["Retry-After"]) <= 66  # the period plus at most one slice of it
    assert "Please wait a moment." in response.content.decode()


def test_a_get_only_page_answers_other_methods_with_405(client):
    assert client.post("/").status_code == 405


def _post_with_token(headers: dict[str, str]):
    client = Client(enforce_csrf_checks=True)
    token = client.get("/accounts/login/").cookies["csrftoken"].value
    return client.post(
        "/accounts/login/",
        {"login": "a@example.org", "password": "x", "csrfmiddlewaretoken": token},
        headers=headers,
    )


def test_a_same_origin_post_under_no_referrer_passes_the_csrf_check():
    response = _post_with_token({"Origin": "null", "Sec-Fetch-Site": "same-origin"})
    assert response.status_code == 200  # the login form answers (wrong password), no 403


@pytest.mark.parametrize("site", ["cross-site", "same-site", "none", ""])
def test_a_null_origin_post_from_elsewhere_is_refused(site):
    response = _post_with_token({"Origin": "null", "Sec-Fetch-Site": site})
    assert response.status_code == 403


def test_a_post_from_another_origin_is_refused():
    response = _post_with_token({"Origin": "https://evil.example"})
    assert response.status_code == 403

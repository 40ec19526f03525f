"""Fuzzing the site-wide endpoints and the account forms (allauth's and the site's own)."""

import json

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.test import Client
from hypothesis import given
from hypothesis import strategies as st

from groups.models import Reply, Thread
from supportnet.accounts.models import DataExport
from tests.factories import UserFactory
from tests.fuzz.support import (
    FUZZ,
    METHODS,
    NASTY,
    REGISTERED_EMAIL,
    REGISTERED_NAME,
    bodies,
    counts,
    path_segments,
    post,
    queries,
    send,
)

pytestmark = [pytest.mark.fuzz, pytest.mark.django_db]

User = get_user_model()
# The world's facilitator has a fixed address and pseudonym (tests/fuzz/conftest.py), so the
# paths for an existing account (signing in, a clashing name) are reached in every run.
EMAILS = [REGISTERED_EMAIL, "new@example.org", "NEW@EXAMPLE.ORG", "a@b", "@", "x" * 300]
LOOKALIKE = "rn" + REGISTERED_NAME[1:]  # "rn" reads as "m": the same name as the facilitator's
PSEUDONYMS = ["new_member", "admin", "m3mber", "ab", "a" * 31, "Ｆｕｌｌ", LOOKALIKE]
PASSWORDS = ["a-long-test-password", "short", "", "new-long-password-123"]


@FUZZ
@given(
    path=st.sampled_from(["/healthz", "/readyz", "/", "/robots.txt"]),
    method=st.sampled_from(METHODS),
    query=queries({"q": NASTY, "format": ["json"]}),
)
def test_health_checks_and_site_pages_answer_any_request_without_a_server_error(
    db, path, method, query
):
    response = send(Client(), method, path, query=query)
    assert response.status_code in (200, 400, 405)
    if path in ("/healthz", "/readyz") and response.status_code == 200 and method != "HEAD":
        assert json.loads(response.content)["status"] == "ok"


@FUZZ
@given(
    prefix=st.sampled_from(
        [
            "/groups/",
            "/groups/posts/",
            "/resources/",
            "/resources/editor/",
            "/moderation/cases/",
            "/moderation/report/",
            "/accounts/",
            "/accounts/privacy/export/",
            "/accounts/confirm-email/",
            "/accounts/password/reset/key/",
            "/accounts/2fa/webauthn/keys/",
        ]
    ),
    segments=st.lists(path_segments, min_size=1, max_size=4),
    method=st.sampled_from(METHODS),
    query=queries({"page": ["1", "last", "-1", "999999"]}),
)
def test_unknown_and_malformed_paths_are_answered_without_a_server_error(
    world, prefix, segments, method, query
):
    client = world.login(world.member)
    send(client, method, prefix + "/".join(segments) + "/", query=query)


@FUZZ
@given(
    body=bodies(
        {"email": EMAILS, "username": PSEUDONYMS, "password1": PASSWORDS, "password2": PASSWORDS}
    )
)
def test_sign_up_refuses_hostile_input_without_creating_an_account(world, body):
    before = counts(User, EmailAddress)
    response = post(Client(), "/accounts/signup/", body)
    if response.status_code != 302:
        assert counts(User, EmailAddress) == before


@FUZZ
@given(
    body=bodies({"login": EMAILS, "password": PASSWORDS, "remember": ["on", "1", "true"]}),
    next_url=st.sampled_from(["", "next=//evil.example/", "next=/groups/", "next=%00"]),
)
def test_sign_in_refuses_hostile_input_without_a_server_error(world, body, next_url):
    client = Client()
    response = post(client, "/accounts/login/", body, query=next_url)
    if response.status_code == 302:
        assert not response["Location"].startswith(("//", "http"))


@FUZZ
@given(
    path=st.sampled_from(["/accounts/password/reset/", "/accounts/confirm-email/"]),
    body=bodies({"email": EMAILS, "action": ["send"]}),
)
def test_password_reset_and_confirmation_requests_refuse_hostile_input(world, path, body):
    before = list(User.objects.order_by("pk").values_list("password", flat=True))
    post(Client(), path, body)
    assert list(User.objects.order_by("pk").values_list("password", flat=True)) == before


@FUZZ
@given(
    uid=path_segments,
    key=path_segments,
    body=bodies({"password1": PASSWORDS, "password2": PASSWORDS}),
)
def test_password_reset_links_and_email_confirmation_keys_refuse_forgeries(world, uid, key, body):
    before = list(User.objects.order_by("pk").values_list("password", flat=True))
    client = Client()
    send(client, "GET", f"/accounts/password/reset/key/{uid}-{key}/")
    post(client, f"/accounts/password/reset/key/{uid}-{key}/", body)
    send(client, "GET", f"/accounts/confirm-email/{key}/")
    post(client, f"/accounts/confirm-email/{key}/", body)
    assert list(User.objects.order_by("pk").values_list("password", flat=True)) == before


@FUZZ
@given(
    path=st.sampled_from(
        [
            "/accounts/email/",
            "/accounts/password/change/",
            "/accounts/reauthenticate/",
            "/accounts/logout/",
            "/accounts/2fa/totp/activate/",
            "/accounts/2fa/authenticate/",
            "/accounts/login/code/confirm/",
        ]
    ),
    body=bodies(
        {
            "email": EMAILS,
            "action_add": ["1"],
            "action_remove": ["1"],
            "action_primary": ["1"],
            "oldpassword": PASSWORDS,
            "password": PASSWORDS,
            "password1": PASSWORDS,
            "password2": PASSWORDS,
            "code": ["123456", "000000", ""],
        }
    ),
)
def test_signed_in_account_forms_refuse_hostile_input_without_a_server_error(world, path, body):
    client = world.login(world.member)
    post(client, path, body)


@FUZZ
@given(
    body=bodies(
        {
            "action": ["export", "erase", ""],
            "posts": ["delete", "keep", "both"],
            "password": ["a-long-test-password", "wrong", ""],
            "confirm": ["on", "1", ""],
        }
    ),
    export_id=path_segments,
)
def test_privacy_export_and_erase_refuse_hostile_input_and_keep_the_account(world, body, export_id):
    member = UserFactory()
    client = world.login(member)
    before = counts(Thread, Reply)
    response = post(client, "/accounts/privacy/", body)
    member.refresh_from_db()
    if response.status_code == 400:
        assert member.erased_at is None and member.is_active
        assert counts(Thread, Reply) == before
    if member.erased_at is None:
        send(client, "GET", f"/accounts/privacy/export/{export_id}/")
        assert DataExport.objects.filter(user=member).count() <= 1

"""Sign-up, email confirmation, sign-in and password reset through the real views."""

import re

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.core import mail
from django.urls import reverse

from tests.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db

SIGNUP = {
    "email": "new.member@example.org",
    "username": "new_member",
    "password1": "a-very-long-passphrase",
    "password2": "a-very-long-passphrase",
}


def _link(message) -> str:
    found = re.search(r"https?://\S+", message.body)
    assert found, "the email holds a link"
    return found.group(0)


def test_signup_sends_a_neutral_confirmation_email_and_confirming_allows_sign_in(client):
    response = client.post(reverse("account_signup"), SIGNUP)
    assert response.status_code == 302
    user = get_user_model().objects.get(email="new.member@example.org")
    assert user.pseudonym == "new_member"
    assert not EmailAddress.objects.get(user=user).verified

    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.subject == "SupportNet: confirm your address"
    assert "new_member" not in message.body  # no pseudonym, nothing about the community
    assert "abuse" not in message.body.lower()

    # Unverified: signing in is refused until the address is confirmed.
    client.post(
        reverse("account_login"), {"login": SIGNUP["email"], "password": SIGNUP["password1"]}
    )
    assert "_auth_user_id" not in client.session

    path = _link(message).split("testserver", 1)[1]
    client.post(path)
    assert EmailAddress.objects.get(user=user).verified

    client.post(
        reverse("account_login"), {"login": SIGNUP["email"], "password": SIGNUP["password1"]}
    )
    assert client.session["_auth_user_id"] == str(user.pk)


def test_signup_with_a_known_email_looks_exactly_like_a_new_signup(client, member):
    known = client.post(reverse("account_signup"), {**SIGNUP, "email": member.email})
    unknown = client.post(reverse("account_signup"), {**SIGNUP, "username": "other_name"})
    assert known.status_code == unknown.status_code == 302
    assert known["Location"] == unknown["Location"]
    # Only one account was made; the owner of the known address got a neutral note.
    assert get_user_model().objects.filter(email=member.email).count() == 1
    subjects = sorted(m.subject for m in mail.outbox)
    assert subjects == ["SupportNet: about your request", "SupportNet: confirm your address"]


def test_login_gives_the_same_answer_for_a_known_and_an_unknown_email(client, member):
    known = client.post(reverse("account_login"), {"login": member.email, "password": "wrong-pw-1"})
    unknown = client.post(
        reverse("account_login"), {"login": "nobody@example.org", "password": "wrong-pw-1"}
    )
    assert known.status_code == unknown.status_code == 200
    assert known.context["form"].errors == unknown.context["form"].errors
    assert known.context["form"].errors


def test_password_reset_gives_the_same_answer_for_a_known_and_an_unknown_email(client, member):
    known = client.post(reverse("account_reset_password"), {"email": member.email})
    unknown = client.post(reverse("account_reset_password"), {"email": "nobody@example.org"})
    assert known.status_code == unknown.status_code == 302
    assert known["Location"] == unknown["Location"]
    assert sorted(m.subject for m in mail.outbox) == [
        "SupportNet: about your request",
        "SupportNet: reset your password",
    ]


def test_every_account_email_has_a_neutral_subject(client, member):
    client.post(reverse("account_reset_password"), {"email": member.email})
    client.post(reverse("account_signup"), SIGNUP)
    assert mail.outbox
    for message in mail.outbox:
        assert message.subject.startswith("SupportNet: ")
        assert member.pseudonym not in message.body


def test_repeated_failed_logins_for_one_account_are_refused_for_a_while(client, member):
    for i in range(5):
        response = client.post(
            reverse("account_login"), {"login": member.email, "password": f"wrong-{i}"}
        )
        assert "Too many" not in response.content.decode()
    # Even the right password is refused while the limit holds, with a clear message.
    response = client.post(reverse("account_login"), {"login": member.email, "password": PASSWORD})
    assert response.status_code == 200
    assert "Too many failed login attempts" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_too_many_sign_in_attempts_from_one_address_get_a_429(client, member):
    statuses = [
        client.post(
            reverse("account_login"), {"login": f"x{i}@example.org", "password": "wrong"}
        ).status_code
        for i in range(31)
    ]
    assert statuses[:30] == [200] * 30
    assert statuses[30] == 429


def test_a_verified_member_can_sign_in_by_email_and_sign_out(client, member):
    client.post(reverse("account_login"), {"login": member.email.upper(), "password": PASSWORD})
    assert client.session["_auth_user_id"] == str(member.pk)
    response = client.post(reverse("account_logout"))
    assert response.status_code == 302
    assert "_auth_user_id" not in client.session


@pytest.mark.parametrize(
    "changes",
    [
        {"email": ""},
        {"email": "not-an-email"},
        {"email": "x" * 300 + "@example.org"},
        {"username": ""},
        {"username": "ab"},
        {"username": "admin"},
        {"username": "<b>bold</b>"},
        {"username": "a\u202eb\u200bc"},
        {"password2": "something-else-entirely"},
        {"password1": "short", "password2": "short"},
        {"password1": "x" * 5000, "password2": "y" * 5000},
    ],
)
def test_bad_signup_input_gets_a_form_error_and_saves_nothing(client, changes):
    response = client.post(reverse("account_signup"), {**SIGNUP, **changes})
    assert response.status_code == 200
    assert response.context["form"].errors
    assert not get_user_model().objects.exists()
    assert not mail.outbox


def test_a_taken_pseudonym_or_its_look_alike_is_refused_at_signup(client, member):
    response = client.post(
        reverse("account_signup"), {**SIGNUP, "username": member.pseudonym.upper()}
    )
    assert response.status_code == 200
    assert "username" in response.context["form"].errors
    assert get_user_model().objects.count() == 1


@pytest.mark.parametrize(
    "data",
    [
        {},
        {"login": ""},
        {"login": "a" * 10000, "password": "b"},
        {"login": "\x00", "password": "\x00"},
    ],
)
def test_bad_login_input_gets_a_form_error(client, data):
    response = client.post(reverse("account_login"), data)
    assert response.status_code in (200, 400)
    assert "_auth_user_id" not in client.session


@pytest.mark.parametrize("email", ["", "nope", "a" * 400])
def test_bad_password_reset_input_gets_a_form_error_and_sends_nothing(client, email):
    response = client.post(reverse("account_reset_password"), {"email": email})
    assert response.status_code == 200
    assert response.context["form"].errors
    assert not mail.outbox


def test_unverified_accounts_from_the_factory_cannot_sign_in(client):
    user = UserFactory(verified=False)
    client.post(reverse("account_login"), {"login": user.email, "password": PASSWORD})
    assert "_auth_user_id" not in client.session

"""Moderator pages and the administration need a moderator (or staff) with MFA set up."""

import pytest
from django.urls import reverse

from tests.factories import UserFactory, enable_totp

pytestmark = pytest.mark.django_db


def test_anonymous_visitors_are_sent_to_sign_in(client):
    response = client.get(reverse("moderation:dashboard"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


def test_members_are_told_the_page_does_not_exist(client, member):
    client.force_login(member)
    assert client.get(reverse("moderation:dashboard")).status_code == 404


def test_a_moderator_without_mfa_is_sent_to_set_it_up(client, moderator):
    client.force_login(moderator)
    response = client.get(reverse("moderation:dashboard"))
    assert response.status_code == 302
    assert response["Location"] == reverse("mfa_index")


def test_a_moderator_with_mfa_reaches_the_moderator_pages(client, moderator_with_mfa):
    client.force_login(moderator_with_mfa)
    response = client.get(reverse("moderation:dashboard"))
    assert response.status_code == 200
    assert b"Moderation" in response.content


def test_staff_without_mfa_cannot_open_the_administration(client):
    staff = UserFactory(is_staff=True, is_superuser=True)
    client.force_login(staff)
    response = client.get(reverse("admin:index"), follow=True)
    assert response.redirect_chain[-1][0] == reverse("mfa_index")


def test_staff_with_mfa_open_the_administration(client):
    staff = UserFactory(is_staff=True, is_superuser=True)
    enable_totp(staff)
    client.force_login(staff)
    assert client.get(reverse("admin:index")).status_code == 200


def test_the_administration_sign_in_is_the_sites_own(client):
    response = client.get(reverse("admin:login"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))

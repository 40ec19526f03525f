"""Who reaches the moderator pages, whatever HTTP method they use. The role check comes before
the method check, so a member (or a moderator still without two-step verification) gets the
same answer from a wrong method as from the right one: nothing says the page exists."""

import pytest
from django.urls import reverse

from moderation import urls as moderation_urls
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

# Every moderator-only page, with sample arguments and the methods it answers to.
MODERATOR_PAGES = [
    ("dashboard", [], {"GET"}),
    ("duty", [], {"POST"}),
    ("watched_words", [], {"GET", "POST"}),
    ("case", [1], {"GET"}),
    ("case_action", [1], {"POST"}),
    ("review_post", ["thread", 1], {"POST"}),
    ("report_decision", [1], {"POST"}),
    ("claim", ["case", 1], {"POST"}),
    ("member", [1], {"GET", "POST"}),
    ("post", ["thread", 1], {"GET", "POST"}),
    ("appeal", [1], {"GET", "POST"}),
    ("stats", [], {"GET"}),
]
# The member's side of moderation: reporting, asking for a moderator, notices and appeals.
MEMBER_PAGES = {"report", "reach_out", "notices", "notice_appeal"}
METHODS = ["GET", "POST", "PUT"]


def _request(client, method, url):
    return getattr(client, method.lower())(url)


def test_every_moderation_url_is_either_a_moderator_page_or_a_members_page():
    names = {pattern.name for pattern in moderation_urls.urlpatterns}
    moderator_only = {name for name, _args, _methods in MODERATOR_PAGES}
    assert names == moderator_only | MEMBER_PAGES
    assert not moderator_only & MEMBER_PAGES


@pytest.mark.parametrize("method", METHODS)
@pytest.mark.parametrize(("name", "args", "_allowed"), MODERATOR_PAGES)
def test_members_get_404_from_every_moderator_page_with_any_method(
    client, member, method, name, args, _allowed
):
    client.force_login(member)
    response = _request(client, method, reverse(f"moderation:{name}", args=args))
    assert response.status_code == 404


@pytest.mark.parametrize("method", METHODS)
@pytest.mark.parametrize(("name", "args", "_allowed"), MODERATOR_PAGES)
def test_anonymous_visitors_are_sent_to_sign_in_from_every_moderator_page_with_any_method(
    client, method, name, args, _allowed
):
    # Not a 404: moderators follow links from alert emails while signed out. What matters is
    # that a wrong method answers exactly as the right one does (never a 405).
    response = _request(client, method, reverse(f"moderation:{name}", args=args))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


@pytest.mark.parametrize("method", METHODS)
@pytest.mark.parametrize(("name", "args", "_allowed"), MODERATOR_PAGES)
def test_a_moderator_without_mfa_is_sent_to_set_it_up_from_every_page_with_any_method(
    client, moderator, method, name, args, _allowed
):
    client.force_login(moderator)
    response = _request(client, method, reverse(f"moderation:{name}", args=args))
    assert response.status_code == 302
    assert response["Location"] == reverse("mfa_index")


@pytest.mark.parametrize(("name", "args", "allowed"), MODERATOR_PAGES)
def test_a_moderator_with_mfa_using_a_wrong_method_gets_405(
    client, moderator_with_mfa, name, args, allowed
):
    client.force_login(moderator_with_mfa)
    wrong = next(m for m in METHODS if m not in allowed)
    response = _request(client, wrong, reverse(f"moderation:{name}", args=args))
    assert response.status_code == 405


@pytest.mark.parametrize("method", METHODS)
def test_a_staff_member_without_mfa_is_sent_to_set_it_up_too(client, method):
    staff = UserFactory(is_staff=True)
    client.force_login(staff)
    response = _request(client, method, reverse("moderation:case_action", args=[1]))
    assert response["Location"] == reverse("mfa_index")

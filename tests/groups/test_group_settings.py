"""The group settings page: facilitators (and site moderators) set the description, the
guidelines, the join policy and how many of a new member's first posts wait for review."""

import json

import pytest
from django.core.cache import cache
from django.urls import reverse

from groups.models import Group, Membership, PostState
from groups.services import (
    GroupError,
    group_settings_update,
    membership_set_status,
    thread_create,
)
from moderation.services import member_sanction, moderator_appoint
from supportnet.core.models import AuditEntry
from tests.factories import UserFactory
from tests.groups.factories import make_group, make_member

pytestmark = pytest.mark.django_db

GOOD = {
    "description": "A calm place for evenings.",
    "guidelines": "Be kind.",
    "join_policy": "open",
    "trust_threshold": "default",
}


def _url(group: Group) -> str:
    return reverse("groups:settings", args=[group.slug])


def _snapshot(group: Group) -> tuple:
    return tuple(
        Group.objects.filter(pk=group.pk).values_list(
            "description", "guidelines", "guidelines_version", "join_policy", "trust_threshold"
        )[0]
    )


def _settings_entries():
    return AuditEntry.objects.filter(action="group.settings_changed")


# --- who may --------------------------------------------------------------------------------


def test_the_group_page_links_to_the_settings_for_facilitators_and_moderators_only(
    client, moderator_with_mfa
):
    group = make_group()
    link = f'href="{_url(group)}"'
    for person, sees in (
        (group.created_by, True),
        (moderator_with_mfa, True),
        (make_member(group), False),
        (UserFactory(), False),
    ):
        client.force_login(person)
        assert (link in client.get(group.get_absolute_url()).content.decode()) is sees


def _not_allowed(group: Group) -> dict:
    """Signed-in people who may not change `group`'s settings, each for a different reason."""
    other_group = make_group()
    pending, banned_facilitator = UserFactory(), UserFactory()
    Membership.objects.create(group=group, user=pending)
    membership = Membership.objects.get(group=group, user=make_member(group, banned_facilitator))
    membership.role = Membership.Role.FACILITATOR
    membership.save(update_fields=["role"])
    membership_set_status(membership=membership, by=group.created_by, status="banned")
    return {
        "member": make_member(group),
        "no membership": UserFactory(),
        "pending": pending,
        "banned facilitator": banned_facilitator,
        "facilitator of another group": other_group.created_by,
    }


@pytest.mark.parametrize("visibility", ["listed", "unlisted"])
def test_everyone_but_facilitators_and_moderators_gets_a_404_and_nothing_changes(
    client, visibility
):
    group = make_group(visibility=visibility)
    before = _snapshot(group)
    for reason, person in _not_allowed(group).items():
        client.force_login(person)
        assert client.get(_url(group)).status_code == 404, reason
        data = {**GOOD, "description": "taken over", "trust_threshold": "0"}
        assert client.post(_url(group), data).status_code == 404, reason
    assert _snapshot(group) == before
    assert not _settings_entries().exists()


def test_an_unknown_group_gets_the_same_404(client):
    client.force_login(UserFactory())
    assert client.get(reverse("groups:settings", args=["no-such-group"])).status_code == 404


def test_signed_out_visitors_are_sent_to_sign_in_and_nothing_changes(client):
    group = make_group()
    before = _snapshot(group)
    for response in (client.get(_url(group)), client.post(_url(group), GOOD)):
        assert response.status_code == 302
        assert response["Location"].startswith("/accounts/login/")
    assert _snapshot(group) == before


def test_only_facilitators_and_moderators_can_change_settings_through_the_service(
    moderator_with_mfa,
):
    moderator = moderator_with_mfa
    group = make_group()
    member = make_member(group)
    with pytest.raises(GroupError):
        group_settings_update(
            group=group,
            by=member,
            description="x",
            guidelines="y",
            join_policy="open",
            trust_threshold=0,
        )
    updated = group_settings_update(
        group=group,
        by=moderator,
        description="x",
        guidelines="Be kind.",
        join_policy="open",
        trust_threshold=0,
    )
    assert updated.trust_threshold == 0


# --- what it changes ------------------------------------------------------------------------


def test_a_facilitator_changes_the_settings_and_new_guidelines_start_a_new_version(client):
    group = make_group(description="Old words", guidelines="Be kind.")
    assert group.guidelines_version == 1
    client.force_login(group.created_by)
    page = client.get(_url(group))
    assert page.status_code == 200
    assert "Old words" in page.content.decode()
    response = client.post(
        _url(group),
        {
            "description": "New words",
            "guidelines": "Be kind.\n\nNo contact details.",
            "join_policy": "request",
            "trust_threshold": "5",
        },
        follow=True,
    )
    assert response.redirect_chain == [(_url(group), 302)]
    assert "The guidelines are now version 2" in response.content.decode()
    assert _snapshot(group) == ("New words", "Be kind.\n\nNo contact details.", 2, "request", 5)
    # Members who join from now on record the version they accepted.
    joiner = UserFactory()
    from groups.services import membership_join

    group.refresh_from_db()
    assert membership_join(group=group, user=joiner).accepted_guidelines_version == 2


def test_the_audit_entry_names_what_changed_but_never_the_text(client):
    group = make_group(guidelines="Be kind.")
    client.force_login(group.created_by)
    client.post(
        _url(group),
        {
            "description": "Secret-ish description",
            "guidelines": "Private guideline words",
            "join_policy": "invite",
            "trust_threshold": "7",
        },
    )
    entry = _settings_entries().get()
    assert entry.actor == group.created_by
    assert entry.data == {
        "changed": [
            "description",
            "guidelines",
            "guidelines_version",
            "join_policy",
            "trust_threshold",
        ],
        "guidelines_version": 2,
        "join_policy": {"from": "open", "to": "invite"},
        "trust_threshold": {"from": None, "to": 7},
    }
    stored = json.dumps(entry.data)
    assert "Secret-ish" not in stored
    assert "Private guideline" not in stored


def test_changing_only_the_threshold_keeps_the_guidelines_version(client):
    group = make_group(description="Evenings", guidelines="Be kind.\r\nNo advice.")
    client.force_login(group.created_by)
    # A browser sends the guidelines back with CRLF line ends: that is not a change.
    data = {
        "description": "Evenings",
        "guidelines": "Be kind.\r\nNo advice.",
        "join_policy": "open",
        "trust_threshold": "2",
    }
    client.post(_url(group), data)
    group.refresh_from_db()
    assert (group.trust_threshold, group.guidelines_version) == (2, 1)
    assert _settings_entries().get().data["changed"] == ["trust_threshold"]


def test_saving_the_form_unchanged_changes_nothing_and_says_so(client):
    group = make_group(description="Evenings")
    client.force_login(group.created_by)
    before = _snapshot(group)
    response = client.post(_url(group), {**GOOD, "description": "Evenings"}, follow=True)
    assert "Nothing changed." in response.content.decode()
    assert _snapshot(group) == before
    assert not _settings_entries().exists()


def test_use_the_site_default_shows_the_default_and_stores_none(client, settings):
    settings.SUPPORTNET_NEW_MEMBER_HELD_POSTS = 4
    group = make_group()
    Group.objects.filter(pk=group.pk).update(trust_threshold=9)
    client.force_login(group.created_by)
    page = client.get(_url(group)).content.decode()
    assert "Use the site default (4)" in page
    assert '<option value="9" selected>' in page
    client.post(_url(group), {**GOOD, "description": group.description})
    group.refresh_from_db()
    assert group.trust_threshold is None
    assert group.effective_trust_threshold == 4
    assert '<option value="default" selected>' in client.get(_url(group)).content.decode()


def test_a_site_moderator_can_change_any_groups_settings(client, moderator_with_mfa):
    moderator = moderator_with_mfa
    group = make_group(visibility="unlisted")
    client.force_login(moderator)
    assert client.get(_url(group)).status_code == 200
    response = client.post(_url(group), {**GOOD, "trust_threshold": "0"})
    assert response.status_code == 302
    group.refresh_from_db()
    assert group.trust_threshold == 0
    assert _settings_entries().get().actor == moderator


def test_text_is_cleaned_of_hidden_characters_before_it_is_stored(client):
    group = make_group()
    client.force_login(group.created_by)
    client.post(
        _url(group),
        {**GOOD, "description": "  Calm\u202e evenings\u2066 ", "guidelines": "Be\u200b kind."},
    )
    group.refresh_from_db()
    assert (group.description, group.guidelines) == ("Calm evenings", "Be kind.")


# --- bad input ------------------------------------------------------------------------------


THRESHOLD_ERROR = "Choose a number from 0 to 20, or the site default."


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("", "Choose how many first posts wait for review, or the site default."),
        (None, "Choose how many first posts wait for review, or the site default."),
        ("-1", THRESHOLD_ERROR),
        ("21", THRESHOLD_ERROR),
        ("abc", THRESHOLD_ERROR),
        ("9" * 40, THRESHOLD_ERROR),
        ("1e309", THRESHOLD_ERROR),
        ("3.5", THRESHOLD_ERROR),
        (" 3", THRESHOLD_ERROR),
        ("٣", THRESHOLD_ERROR),  # an Arabic-Indic three: int() would take it
        ("\x00", THRESHOLD_ERROR),
    ],
)
def test_a_bad_threshold_gets_a_clear_form_error_and_changes_nothing(client, value, message):
    group = make_group()
    client.force_login(group.created_by)
    before = _snapshot(group)
    data = {**GOOD, "description": "Would change", "trust_threshold": value}
    if value is None:
        del data["trust_threshold"]
    response = client.post(_url(group), data)
    assert response.status_code == 400
    body = response.content.decode()
    assert 'class="field__errors"' in body
    assert message in body
    assert _snapshot(group) == before
    assert not _settings_entries().exists()


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("join_policy", "everyone", "Choose who can join from the list."),
        ("join_policy", "", "Choose who can join."),
        ("description", "x" * 2001, "at most 2000 characters"),
        ("guidelines", "x" * 10_001, "at most 10000 characters"),
        ("guidelines", "a\x00b", "Null characters are not allowed."),
        # Fits as sent, but Unicode normalisation doubles it: the service catches that.
        ("description", "\u0958" * 1500, "Please keep the description under 2,000 characters"),
    ],
)
def test_other_bad_input_gets_a_form_error_and_changes_nothing(client, field, value, message):
    group = make_group()
    client.force_login(group.created_by)
    before = _snapshot(group)
    response = client.post(_url(group), {**GOOD, "trust_threshold": "1", field: value})
    assert response.status_code == 400
    assert message in response.content.decode()
    assert _snapshot(group) == before
    assert not _settings_entries().exists()


def test_an_empty_post_shows_the_errors_instead_of_a_blank_form(client):
    group = make_group()
    client.force_login(group.created_by)
    response = client.post(_url(group), {})
    assert response.status_code == 400
    assert "Choose who can join." in response.content.decode()


def test_other_methods_are_refused(client):
    group = make_group()
    client.force_login(group.created_by)
    assert client.put(_url(group)).status_code == 405
    assert client.delete(_url(group)).status_code == 405


# --- the threshold at work ------------------------------------------------------------------


def _post_state(group: Group, author) -> str:
    cache.clear()  # past the posting interval
    thread = thread_create(group=group, author=author, title="Hello", body="my words")
    return thread.state


def test_the_threshold_set_on_the_page_decides_whether_a_new_members_posts_are_held(
    client, settings
):
    settings.SUPPORTNET_NEW_MEMBER_HELD_POSTS = 3
    group = make_group()
    newcomer = make_member(group, trusted=False)
    settled = make_member(group, trusted=False)
    Membership.objects.filter(group=group, user=settled).update(approved_posts=3)
    client.force_login(group.created_by)

    def set_threshold(value: str) -> None:
        response = client.post(_url(group), {**GOOD, "description": "", "trust_threshold": value})
        assert response.status_code == 302

    # The site default (3): the newcomer waits, the member with 3 approved posts does not.
    assert _post_state(group, newcomer) == PostState.PENDING
    assert _post_state(group, settled) == PostState.VISIBLE
    # 5 for this group: 3 approved posts are no longer enough.
    set_threshold("5")
    assert _post_state(group, settled) == PostState.PENDING
    # 0: nobody's posts wait for being new.
    set_threshold("0")
    assert _post_state(group, newcomer) == PostState.VISIBLE
    # Back to the site default.
    set_threshold("default")
    assert _post_state(group, settled) == PostState.VISIBLE
    other_newcomer = make_member(group, trusted=False)
    assert _post_state(group, other_newcomer) == PostState.PENDING


def test_a_moderator_without_two_step_verification_has_no_group_tools(client, moderator):
    """As on the moderator pages: the moderator flag alone opens nothing."""
    group = make_group(visibility="unlisted")
    client.force_login(moderator)
    assert client.get(_url(group)).status_code == 404
    assert client.post(_url(group), {**GOOD, "trust_threshold": "0"}).status_code == 404
    assert client.get(reverse("groups:requests", args=[group.slug])).status_code == 404
    with pytest.raises(GroupError):
        group_settings_update(
            group=group,
            by=moderator,
            description="x",
            guidelines="y",
            join_policy="open",
            trust_threshold=0,
        )
    group.refresh_from_db()
    assert group.trust_threshold is None


def test_a_suspended_facilitator_has_no_group_tools(client):
    group = make_group()
    facilitator = group.created_by
    moderator = UserFactory()
    moderator_appoint(user=moderator)
    member_sanction(member=facilitator, moderator=moderator, kind="suspension", reason="Threats.")
    client.force_login(facilitator)
    assert client.get(_url(group)).status_code == 404
    assert client.get(reverse("groups:requests", args=[group.slug])).status_code == 404


def test_members_are_asked_to_accept_changed_guidelines_and_can_read_them_as_markdown(client):
    group = make_group(guidelines="Be **kind**.")
    member = make_member(group)
    client.force_login(member)
    page = client.get(group.get_absolute_url()).content.decode()
    assert "<strong>kind</strong>" in page  # Markdown, sanitised like posts
    assert "The group's guidelines have changed" not in page

    client.force_login(group.created_by)
    client.post(_url(group), {**GOOD, "guidelines": "Be kind. <script>x</script> No advice."})
    group.refresh_from_db()
    assert group.guidelines_version == 2
    # Whoever changed them is not asked to accept their own words.
    assert "The group's guidelines have changed" not in (
        client.get(group.get_absolute_url()).content.decode()
    )
    client.force_login(member)
    page = client.get(group.get_absolute_url()).content.decode()
    assert "The group's guidelines have changed" in page
    assert "<script>" not in page
    response = client.post(reverse("groups:accept_guidelines", args=[group.slug]))
    assert response.status_code == 302
    assert Membership.objects.get(group=group, user=member).accepted_guidelines_version == 2
    assert "The group's guidelines have changed" not in (
        client.get(group.get_absolute_url()).content.decode()
    )
    assert AuditEntry.objects.filter(action="membership.guidelines_accepted").count() == 1


def test_only_active_members_can_accept_a_groups_guidelines(client):
    group = make_group()
    url = reverse("groups:accept_guidelines", args=[group.slug])
    client.force_login(UserFactory())
    assert client.post(url).status_code == 404
    client.force_login(make_member(group))
    assert client.get(url).status_code == 405
    assert not AuditEntry.objects.filter(action="membership.guidelines_accepted").exists()


@pytest.mark.parametrize("page", ["groups:settings", "groups:requests"])
@pytest.mark.parametrize("method", ["put", "delete", "patch"])
def test_a_wrong_method_on_a_facilitators_page_is_a_404_to_everyone_else(client, page, method):
    group = make_group()
    url = reverse(page, args=[group.slug])
    for reason, person in _not_allowed(group).items():
        client.force_login(person)
        assert getattr(client, method)(url).status_code == 404, reason
    client.force_login(UserFactory())
    assert getattr(client, method)(reverse(page, args=["no-such-group"])).status_code == 404
    client.force_login(group.created_by)  # the facilitator learns the method is wrong
    assert getattr(client, method)(url).status_code == 405

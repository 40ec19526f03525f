"""Watched words (flag, hold, block) and contact details, checked on every post."""

import re

import pytest
from django.urls import reverse

from groups.models import PostState, Thread
from groups.services import GroupError, thread_create
from moderation.models import Report, WatchedWord
from moderation.services import ModerationError, moderator_appoint, watched_word_add
from tests.factories import UserFactory, enable_totp
from tests.groups.factories import make_group, make_member

pytestmark = pytest.mark.django_db


@pytest.fixture
def moderator():
    user = UserFactory()
    moderator_appoint(user=user)
    return user


def _post(body: str) -> Thread:
    group = make_group()
    return thread_create(group=group, author=make_member(group), title="T", body=body)


def test_a_blocked_word_refuses_the_post_with_its_message_and_saves_nothing(moderator):
    watched_word_add(
        phrase="slur", action="block", message="Please don't use that word.", by=moderator
    )
    with pytest.raises(GroupError, match=re.escape("Please don't use that word.")):
        _post("what a SLUR thing to say")
    assert not Thread.objects.exists()


def test_a_held_word_keeps_the_post_for_review(moderator):
    watched_word_add(phrase="meet up", action="hold", by=moderator)
    thread = _post("shall we meet up on saturday")
    assert thread.state == PostState.PENDING
    assert Report.objects.get().reason == "watched"


def test_a_flagged_word_files_an_automatic_report_and_the_post_stays(moderator):
    watched_word_add(phrase="money", action="flag", by=moderator)
    thread = _post("he took all my money")
    assert thread.state == PostState.VISIBLE
    report = Report.objects.get()
    assert report.reporter is None
    assert report.text == "watched word: money"


def test_watched_words_match_whole_words_only(moderator):
    watched_word_add(phrase="ass", action="block", by=moderator)
    _post("I passed my class assessment")
    assert Thread.objects.count() == 1


@pytest.mark.parametrize(
    "body",
    [
        "text me on 07700 900123",
        "add me on snap",
        "my email is someone@example.org",
        "what's your number?",
        "follow @quiet.fox",
    ],
)
def test_sharing_or_asking_for_contact_details_is_flagged(body):
    thread = _post(body)
    assert thread.state == PostState.VISIBLE
    assert Report.objects.get().reason == "contact"


def test_ordinary_posts_are_not_flagged():
    _post("Two months of no contact and counting!")
    assert not Report.objects.exists()


@pytest.mark.parametrize("phrase", ["", "x", "y" * 101])
def test_bad_watched_words_are_refused(moderator, phrase):
    with pytest.raises(ModerationError):
        watched_word_add(phrase=phrase, action="flag", by=moderator)
    assert not WatchedWord.objects.exists()


def test_moderators_manage_watched_words_on_their_page(client, moderator, member):
    enable_totp(moderator)
    client.force_login(moderator)
    url = reverse("moderation:watched_words")
    assert client.post(url, {"phrase": "x", "action": "flag"}).status_code == 400
    client.post(url, {"phrase": "meet up", "action": "hold"})
    word = WatchedWord.objects.get()
    assert "meet up" in client.get(url).content.decode()
    client.post(url, {"remove": str(word.pk)})
    assert not WatchedWord.objects.exists()
    client.force_login(member)
    assert client.get(url).status_code == 404


@pytest.mark.parametrize("remove", ["¹", "٣", "1" * 5000, "-1"])
def test_removing_a_watched_word_by_a_malformed_id_is_a_404(client, moderator, remove):
    enable_totp(moderator)
    word = watched_word_add(phrase="meet up", action="hold", by=moderator)
    client.force_login(moderator)
    response = client.post(reverse("moderation:watched_words"), {"remove": remove})
    assert response.status_code == 404
    assert WatchedWord.objects.get() == word


def test_a_blocked_word_never_turns_away_a_crisis_post(moderator, detector, rota):
    """The post is kept for a moderator instead, with its case and alert, and the poster is
    not refused."""
    from moderation.models import Alert, Case

    watched_word_add(phrase="slur", action="block", by=moderator)
    thread = _post("CRISIS tonight, slur")
    assert thread.state == PostState.PENDING
    assert thread.screening.level == "crisis"
    assert Case.objects.get().level == "crisis"
    assert Alert.objects.filter(recipient=rota["on_duty"]).exists()
    assert Report.objects.get().text == "watched word: slur"


def test_a_post_held_for_a_word_is_not_said_to_be_a_new_members_post(client, moderator):
    watched_word_add(phrase="meet up", action="hold", by=moderator)
    group = make_group()
    member = make_member(group)  # past the new-member stage
    thread = thread_create(group=group, author=group.created_by, title="T", body="B")
    client.force_login(member)
    url = reverse("groups:reply", args=[group.slug, thread.pk])
    response = client.post(url, {"body": "shall we meet up"}, follow=True)
    page = response.content.decode()
    assert "once a moderator has looked at it." in page
    assert "first posts are reviewed" not in page


@pytest.mark.parametrize(
    ("phrase", "body"),
    [
        ("money", "he took all my m0n3y"),  # leetspeak
        ("money", "he took all my mónéy"),  # accents
        ("money", "he took all my MOOOONEYYYY"),  # repeated letters
        ("meet up", "shall we meeeeet up saturday"),  # repeated letters in a double letter
        ("meet up", "shall we m33t up saturday"),
        ("meet up", "shall we m3ééééét up saturday"),  # all three at once
        ("café", "see you at the cafe"),  # an accent in the watched word
    ],
)
def test_watched_words_match_through_leetspeak_accents_and_repeated_letters(
    moderator, phrase, body
):
    watched_word_add(phrase=phrase, action="hold", by=moderator)
    thread = _post(body)
    assert thread.state == PostState.PENDING
    assert Report.objects.get().text == f"watched word: {phrase}"


@pytest.mark.parametrize(
    ("phrase", "body"),
    [
        ("meet up", "we met up last year"),  # one letter of a double is a different word
        ("ass", "as soon as I can"),
        ("ass", "I passed my class assessment"),
    ],
)
def test_watched_words_do_not_match_different_words(moderator, phrase, body):
    watched_word_add(phrase=phrase, action="hold", by=moderator)
    thread = _post(body)
    assert thread.state == PostState.VISIBLE
    assert not Report.objects.exists()

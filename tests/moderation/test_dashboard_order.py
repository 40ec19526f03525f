"""The review queue reads in priority order: the moderator's alerts, then cases (crisis,
concern, at-risk reports), other reports, posts waiting for review, and appeals last; items
made in the same instant keep a fixed order."""

import re

import pytest
from django.urls import reverse

from groups.services import reply_create, thread_create
from moderation.models import Case
from moderation.selectors import held_posts, member_context, open_reports
from moderation.services import appeal_submit, content_hide, moderator_appoint, report_create
from tests.factories import UserFactory, enable_totp, give_same_time
from tests.groups.factories import make_group, make_member

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _no_post_interval(settings):
    settings.SUPPORTNET_POST_INTERVAL = 0
    settings.SUPPORTNET_POST_INTERVAL_NEW = 0


def test_the_dashboard_sections_and_cases_come_in_priority_order(client, detector):
    moderator = UserFactory()
    moderator_appoint(user=moderator, on_duty=True)
    enable_totp(moderator)
    other_moderator = UserFactory()
    moderator_appoint(user=other_moderator)
    group = make_group()
    thread = thread_create(group=group, author=group.created_by, title="T", body="B")
    # Opened oldest first, in the reverse of the order the queue must show them.
    reporter, at_risk, worried, in_crisis = (make_member(group) for _ in range(4))
    quiet = reply_create(thread=thread, author=at_risk, body="a quiet reply")
    report_create(reporter=reporter, content=quiet, reason="at_risk")
    reply_create(thread=thread, author=worried, body="CONCERN lately")
    reply_create(thread=thread, author=in_crisis, body="CRISIS tonight")
    report_create(reporter=reporter, content=thread, reason="spam", text="an advert")
    newcomer = make_member(group, trusted=False)
    thread_create(group=group, author=newcomer, title="Hello", body="my first post")
    hidden = reply_create(thread=thread, author=reporter, body="something unkind")
    content_hide(post=hidden, moderator=other_moderator, reason="Unkind.")
    appeal_submit(notice=reporter.moderation_notices.get(), member=reporter, text="Please look")

    client.force_login(moderator)
    page = client.get(reverse("moderation:dashboard")).content.decode()
    headings = re.findall(r'<h2 id="([a-z]+)-heading"', page)
    assert headings == ["alerts", "filter", "queue", "reports", "held", "appeals"]
    # Every section has something in it, so the order is the order of real items.
    for text in ("Crisis case", "an advert", "my first post", "Read and decide"):
        assert text in page

    levels = [Case.objects.get(subject=who).pk for who in (in_crisis, worried, at_risk)]
    positions = [page.index(f">Case {pk}</a>") for pk in levels]
    assert positions == sorted(positions)
    assert page.index("Your alerts") < positions[0]


# Posts and reports made in the same instant (a bulk import, a burst of automatic flags) keep one
# order from one load of the queue to the next: oldest (lowest id) first.


def test_held_posts_with_the_same_time_are_queued_in_the_order_they_were_made():
    group = make_group()
    newcomer = make_member(group, trusted=False)
    thread = thread_create(group=group, author=group.created_by, title="T", body="B")
    replies = [reply_create(thread=thread, author=newcomer, body=f"post {n}") for n in range(3)]
    give_same_time(reversed(replies))
    assert held_posts(moderator=UserFactory()) == replies


def test_open_reports_with_the_same_time_are_queued_in_the_order_they_were_made():
    group = make_group()
    thread = thread_create(group=group, author=group.created_by, title="T", body="B")
    reporter = make_member(group)
    reports = [
        report_create(
            reporter=reporter,
            content=reply_create(thread=thread, author=make_member(group), body="a reply"),
            reason="spam",
        )
        for _ in range(3)
    ]
    give_same_time(reversed(reports))
    assert open_reports(moderator=UserFactory()) == reports


def test_a_members_recent_posts_with_the_same_time_show_the_newest_first():
    group = make_group()
    member = make_member(group)
    thread = thread_create(group=group, author=group.created_by, title="T", body="B")
    replies = [reply_create(thread=thread, author=member, body=f"post {n}") for n in range(3)]
    give_same_time(replies)
    assert member_context(subject=member)["recent_posts"] == replies[::-1]

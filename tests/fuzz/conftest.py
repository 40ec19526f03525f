"""Fuzz fixtures: a small world of rows every endpoint can be aimed at, and the count of
generated examples that `make fuzz` reports."""

from collections.abc import Callable
from dataclasses import dataclass
from functools import wraps
from typing import Any

import pytest
from django.core.cache import cache
from django.test import Client
from django.utils import timezone

from groups.models import Group, LiveMessage, Reply, Thread
from groups.services import live_message_create, reply_create, thread_create
from moderation.models import Case, Notice, Report
from moderation.services import (
    appeal_submit,
    member_sanction,
    moderator_appoint,
    reach_out_request,
    report_create,
)
from resources.models import Article, HelpLine
from resources.services import article_save, article_transition
from tests.factories import UserFactory, enable_totp
from tests.fuzz.support import REGISTERED_EMAIL, REGISTERED_NAME, requests_sent
from tests.groups.factories import make_group, make_member

_examples: dict[str, int] = {}


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Count the examples hypothesis runs to the end, per test."""
    for item in items:
        test = getattr(item, "obj", None)
        handle = getattr(test, "hypothesis", None)
        if item.get_closest_marker("fuzz") is None or handle is None:
            continue
        inner: Callable[..., Any] = handle.inner_test
        if getattr(inner, "_fuzz_counted", False):
            continue

        def counted(
            *args: Any, __inner: Any = inner, __id: str = item.nodeid, **kwargs: Any
        ) -> Any:
            result = __inner(*args, **kwargs)
            # Counted once it ran to the end: examples hypothesis abandons part-way (too much
            # data drawn) or that fail are not.
            _examples[__id] = _examples.get(__id, 0) + 1
            return result

        wrapped = wraps(inner)(counted)
        wrapped._fuzz_counted = True
        handle.inner_test = wrapped


def pytest_terminal_summary(terminalreporter: Any) -> None:
    if not _examples:
        return
    total = sum(_examples.values())
    statuses = ", ".join(f"{code}: {n:,}" for code, n in sorted(requests_sent.items()))
    terminalreporter.write_sep(
        "-",
        f"fuzz: {total:,} examples run in {len(_examples)} tests, "
        f"{requests_sent.total():,} HTTP requests ({statuses})",
    )


@dataclass
class World:
    facilitator: Any
    member: Any
    outsider: Any
    newcomer: Any
    moderator: Any
    other_moderator: Any
    editor: Any
    group: Group
    request_group: Group
    invite_group: Group
    thread: Thread
    reply: Reply
    member_thread: Thread
    held_thread: Thread
    live_message: LiveMessage
    report: Report
    case: Case
    appeal: Notice
    warning: Notice
    article: Article

    def login(self, user: Any) -> Client:
        client = Client()
        client.force_login(user)
        return client

    # Things a first valid request uses up (a case closes, an appeal is decided), made anew
    # for each example so that later examples still reach the code that writes.

    def fresh_case(self) -> Case:
        return reach_out_request(member=make_member(self.group))

    def fresh_report(self) -> Report:
        return report_create(reporter=make_member(self.group), content=self.thread, reason="spam")

    def fresh_held_thread(self) -> Thread:
        author = make_member(self.group, trusted=False)
        return thread_create(group=self.group, author=author, title="New here", body="Hello.")

    def fresh_warning(self, member: Any) -> Notice:
        sanction = member_sanction(
            member=member, moderator=self.other_moderator, kind="warning", reason="Be kind."
        )
        return sanction.notice_set.get()

    def fresh_appeal(self) -> Notice:
        member = make_member(self.group)
        return appeal_submit(notice=self.fresh_warning(member), member=member, text="Please.")


@pytest.fixture
def world(db: Any) -> World:
    facilitator = UserFactory(email=REGISTERED_EMAIL, pseudonym=REGISTERED_NAME)
    group = make_group(creator=facilitator, name="Fuzz group")
    request_group = make_group(
        creator=facilitator,
        name="Fuzz request group",
        join_policy="request",
        intro_question="What brings you here?",
    )
    invite_group = make_group(creator=facilitator, name="Fuzz invite group", join_policy="invite")
    member = make_member(group)
    newcomer = make_member(group, trusted=False)
    outsider = UserFactory()
    moderator = UserFactory(is_moderator=True)
    enable_totp(moderator)
    moderator_appoint(user=moderator, on_duty=True)
    editor = UserFactory(is_editor=True)
    enable_totp(editor)

    thread = thread_create(group=group, author=facilitator, title="A thread", body="Hello all.")
    reply = reply_create(thread=thread, author=member, body="A reply.")
    cache.clear()  # the posting rate limit
    member_thread = thread_create(group=group, author=member, title="Mine", body="My thread.")
    held_thread = thread_create(group=group, author=newcomer, title="New", body="First post.")
    live_message = live_message_create(group=group, author=member, body="Live hello.")
    report = report_create(reporter=member, content=thread, reason="at_risk", text="worried")
    assert report.case is not None
    article = article_save(editor=editor, title="Grounding", summary="Calm.", body="Breathe.")
    article_transition(article=article, by=editor, action="submit")
    reviewer = UserFactory(is_editor=True)
    article = article_transition(article=article, by=reviewer, action="approve")
    # An open appeal (by the newcomer, against another moderator's warning) and a warning the
    # member may still appeal.
    other_moderator = UserFactory(is_moderator=True)
    appealed = member_sanction(
        member=newcomer, moderator=other_moderator, kind="warning", reason="Be kind."
    )
    appeal = appeal_submit(notice=appealed.notice_set.get(), member=newcomer, text="Please.")
    warned = member_sanction(
        member=member, moderator=other_moderator, kind="warning", reason="Be kind."
    )
    for country in ("GB", "US"):
        HelpLine.objects.create(
            name=f"Help line {country}",
            country=country,
            phone="0800 000 000",
            topics=["suicide", "domestic-abuse"],
            source="https://example.org/",
            last_verified=timezone.localdate(),
        )
    cache.clear()
    return World(
        facilitator=facilitator,
        member=member,
        outsider=outsider,
        newcomer=newcomer,
        moderator=moderator,
        other_moderator=other_moderator,
        editor=editor,
        group=group,
        request_group=request_group,
        invite_group=invite_group,
        thread=thread,
        reply=reply,
        member_thread=member_thread,
        held_thread=held_thread,
        live_message=live_message,
        report=report,
        case=report.case,
        appeal=appeal,
        warning=warned.notice_set.get(),
        article=article,
    )

"""Groups as a person uses them: join, post, see replies arrive live, content warnings."""

import json
import re
import time
from collections.abc import Callable
from typing import Any

import pytest
from django.core.cache import cache
from playwright.sync_api import Browser, Page, expect

from groups.models import Membership
from groups.services import thread_create
from tests.e2e.conftest import DroppedConnection, axe_violations, new_page
from tests.factories import PASSWORD, UserFactory
from tests.groups.factories import make_group, make_member

pytestmark = pytest.mark.django_db(transaction=True)


def sign_in(page: Page, user, *, totp_secret: str | None = None) -> None:
    """Sign in with the password, and the current one-time code when `totp_secret` is given."""
    page.goto("/accounts/login/")
    page.locator("#id_login").fill(user.email)
    page.locator("#id_password").fill(PASSWORD)
    page.get_by_role("button", name="Sign In").click()
    if totp_secret is not None:
        from allauth.mfa import app_settings as mfa_settings
        from allauth.mfa.totp.internal.auth import (
            format_hotp_value,
            hotp_value,
            yield_hotp_counters_from_time,
        )

        # A code is accepted only in its own time step: one typed in a step's last seconds can
        # arrive in the next one (a CI run failed so), so wait for a fresh step when near the end.
        period = mfa_settings.TOTP_PERIOD
        left = period - time.time() % period
        if left < 5:
            time.sleep(left + 0.2)
        counter = next(yield_hotp_counters_from_time())
        page.locator("input[name='code']").fill(format_hotp_value(hotp_value(totp_secret, counter)))
        page.get_by_role("button", name="Sign In").click()
    expect(page.get_by_role("button", name="Sign out")).to_be_visible()


def test_a_member_joins_an_open_group_and_starts_a_conversation(page: Page):
    group = make_group(name="After leaving", description="Rebuilding day to day")
    person = UserFactory()
    sign_in(page, person)
    page.goto("/groups/")
    page.get_by_role("link", name="After leaving").click()
    page.get_by_label("I have read the group's guidelines").check()
    page.get_by_role("button", name="Join").click()
    expect(page.get_by_text("Welcome to After leaving.")).to_be_visible()
    assert axe_violations(page) == []

    page.get_by_role("link", name="Start a conversation").click()
    page.get_by_label("Title").fill("Small wins this week")
    page.get_by_label("Your message").fill("I cooked a meal I *like*.")
    page.get_by_role("button", name="Post").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Small wins this week")
    # A new member's first post waits for review and says so, to its author only.
    expect(page.get_by_text("Waiting for review (only you can see it)")).to_be_visible()
    assert Membership.objects.get(group=group, user=person).status == "active"
    assert axe_violations(page) == []


def test_a_reply_appears_live_in_another_members_open_page(browser: Browser, asgi_live_server):
    group = make_group()
    reader, writer = make_member(group), make_member(group)
    thread = thread_create(group=group, author=group.created_by, title="Evenings", body="Hard ones")
    cache.clear()

    reader_context, page = new_page(browser, asgi_live_server.url)
    sign_in(page, reader)
    page.goto(thread.get_absolute_url())
    expect(page.get_by_text("No replies yet.")).to_be_visible()

    other, writer_page = new_page(browser, asgi_live_server.url)
    sign_in(writer_page, writer)
    writer_page.goto(thread.get_absolute_url())
    writer_page.get_by_label("Your message").fill("Same here. Tea and a film helps.")
    writer_page.get_by_role("button", name="Post reply").click()
    other.close()

    expect(page.get_by_text("Same here. Tea and a film helps.")).to_be_visible(timeout=10_000)
    reader_context.close()


def test_a_post_with_a_content_warning_stays_closed_until_the_reader_opens_it(page: Page):
    group = make_group()
    reader = make_member(group)
    thread_create(
        group=group,
        author=group.created_by,
        title="Content warning example",
        body="Hidden words behind the warning",
        content_warning="physical-violence",
    )
    sign_in(page, reader)
    page.goto(group.get_absolute_url())
    page.get_by_role("link", name="Content warning example").click()
    body = page.get_by_text("Hidden words behind the warning")
    expect(body).to_be_hidden()
    page.get_by_text("Content warning: Physical violence").click()
    expect(body).to_be_visible()
    assert axe_violations(page) == []


def test_a_facilitator_changes_the_group_settings(page: Page):
    group = make_group(name="Evenings", description="Talking through the evenings")
    sign_in(page, group.created_by)
    page.goto(group.get_absolute_url())
    page.get_by_role("link", name="Group settings").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Group settings")
    assert axe_violations(page) == []

    page.get_by_label("New members' first posts held for review").select_option("5")
    page.get_by_label("Members ask to join; a facilitator approves").check()
    page.get_by_role("button", name="Save settings").click()
    expect(page.get_by_text("The group's settings are saved.")).to_be_visible()
    group.refresh_from_db()
    assert (group.trust_threshold, group.join_policy) == (5, "request")
    assert axe_violations(page) == []

    # A form error is announced with the field, and the page stays accessible.
    page.get_by_label("Description").fill("x" * 1500 + "\u0958" * 500)
    page.get_by_role("button", name="Save settings").click()
    expect(page.get_by_text("Please keep the description under 2,000 characters")).to_be_visible()
    assert axe_violations(page) == []


def test_a_member_mutes_a_group_from_its_page(page: Page):
    group = make_group(name="Mornings")
    member = make_member(group)
    sign_in(page, member)
    page.goto(group.get_absolute_url())
    page.get_by_role("button", name="Mute this group").click()
    expect(page.get_by_text("Mornings is muted")).to_be_visible()
    assert Membership.objects.get(group=group, user=member).notifications_muted
    assert axe_violations(page) == []
    page.get_by_role("button", name="Unmute this group").click()
    expect(page.get_by_text("Mornings is unmuted")).to_be_visible()
    assert not Membership.objects.get(group=group, user=member).notifications_muted


def test_new_replies_are_marked_for_a_returning_reader(page: Page):
    from groups.services import reply_create

    group = make_group(name="Evenings")
    reader, writer = make_member(group), make_member(group)
    thread = thread_create(group=group, author=writer, title="Small wins", body="Share one")
    sign_in(page, reader)
    page.goto(thread.get_absolute_url())
    expect(page.get_by_text("No replies yet.")).to_be_visible()

    cache.clear()  # the writer's posting interval
    reply = reply_create(thread=thread, author=writer, body="I went for a walk today")
    page.goto(group.get_absolute_url())
    card = page.locator(".card", has=page.get_by_role("link", name="Small wins"))
    expect(card.locator(".badge--new")).to_have_text("New replies")
    assert axe_violations(page) == []

    page.get_by_role("link", name="Small wins").click()
    page.get_by_role("link", name="Jump to the first new reply").click()
    expect(page).to_have_url(f"{page.url.split('#')[0]}#reply-{reply.pk}")
    expect(page.locator(f"#reply-{reply.pk} .new-marker")).to_have_text("New")
    assert axe_violations(page) == []

    page.goto(group.get_absolute_url())
    expect(card.locator(".badge--new")).to_have_count(0)


def test_a_member_searches_the_group_and_opens_a_reply_on_its_page(page: Page):
    from groups.services import reply_create

    group = make_group(name="Paperwork")
    reader, writer = make_member(group), make_member(group)
    thread = thread_create(group=group, author=writer, title="Court dates", body="Nervous")
    cache.clear()
    reply = reply_create(thread=thread, author=writer, body="The solicitor was kind to me")
    sign_in(page, reader)
    page.goto(group.get_absolute_url())
    page.get_by_label("Search this group's conversations").fill("solicitor")
    page.get_by_role("button", name="Search").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Search this group")
    assert axe_violations(page) == []
    page.get_by_role("link", name="Reply in “Court dates”").click()
    expect(page).to_have_url(
        f"http://{page.url.split('/')[2]}{thread.get_absolute_url()}?page=1#reply-{reply.pk}"
    )
    expect(page.locator(f"#reply-{reply.pk}")).to_contain_text("The solicitor was kind")


ROOM_CRISIS = "I can't do this any more. I have the pills here and I'm taking them all tonight."


def test_a_crisis_message_in_the_live_room_brings_its_sender_alone_the_help_panel(
    browser: Browser, asgi_live_server
):
    from django.core.management import call_command

    from moderation.models import Case

    call_command("load_library", verbosity=0)  # the help lines for the member's region
    group = make_group()
    sender, reader = make_member(group), make_member(group)
    room = f"/groups/{group.slug}/room/"
    cache.clear()

    reader_context, reader_page = new_page(browser, asgi_live_server.url)
    sign_in(reader_page, reader)
    with reader_page.expect_websocket() as reader_socket:
        reader_page.goto(room)
    reader_socket.value.wait_for_event("framesent")  # connected, and caught up

    sender_context, page = new_page(browser, asgi_live_server.url)
    sign_in(page, sender)
    with page.expect_websocket() as sender_socket:
        page.goto(room)
    sender_socket.value.wait_for_event("framesent")
    page.get_by_label("Your message").fill(ROOM_CRISIS)
    page.get_by_role("button", name="Send").click()

    panel = page.locator("#room-help .help-panel")
    expect(
        panel.get_by_role("heading", name="You don't have to go through this alone")
    ).to_be_visible()
    expect(page.get_by_role("status")).to_have_text(
        "Some support options are shown above the messages."
    )
    assert "#message-" not in page.url  # sent over the socket: no reload
    assert panel.locator("input[name='csrfmiddlewaretoken']").input_value() != ""
    expect(page.locator("#room li.room__message")).to_have_count(1)
    assert axe_violations(page) == []

    # The other reader gets the message, never the panel.
    expect(reader_page.get_by_text("I have the pills here")).to_be_visible(timeout=10_000)
    expect(reader_page.locator(".help-panel")).to_have_count(0)

    panel.get_by_role("button", name="Ask a moderator to reach out to me").click()
    expect(page.get_by_text("A moderator will reach out to you here soon.")).to_be_visible()
    assert page.url.endswith(room)
    assert "asked for a moderator to reach out" in Case.objects.get(subject=sender).reasons
    sender_context.close()
    reader_context.close()


def test_a_member_reports_a_live_message_from_the_room(page: Page):
    from groups.services import live_message_create
    from moderation.models import Report

    group = make_group()
    author, reporter = make_member(group), make_member(group)
    live_message_create(group=group, author=author, body="nobody here likes you")
    sign_in(page, reporter)
    page.goto(f"/groups/{group.slug}/room/")
    assert axe_violations(page) == []
    page.get_by_role("link", name=f"Report this message by {author.pseudonym}").click()
    expect(page.get_by_role("heading", name="Report a message")).to_be_visible()
    page.get_by_label("Harassment or abuse").check()
    page.get_by_role("button", name="Send report").click()
    expect(page.get_by_text("Nobody else will know you reported it.")).to_be_visible()
    expect(page.get_by_role("heading", name="Live room")).to_be_visible()
    assert Report.objects.get().reporter == reporter


def _away_and_back(
    page: Page, socket_url: str, url: str, items: Any, shown: int, while_away: Callable[[], None]
) -> None:
    """Open `url` with its live socket held back, check `shown` `items`, mark the page, run
    `while_away` and drop the connection: the page reconnects by itself and catches up."""
    connection = DroppedConnection(page, re.compile(socket_url))
    with page.expect_websocket():
        page.goto(url)
    expect(items).to_have_count(shown)
    page.evaluate("window.stillTheSamePage = true")
    while_away()
    connection.drop()


def test_a_message_pushed_before_the_catch_up_does_not_move_the_cursor_past_what_was_missed(
    browser: Browser, asgi_live_server
):
    """The page's socket talks to a stand-in server. On the first connection a new message
    arrives before the catch-up and the connection drops again: the next connection must ask
    from the cursor it had (what was missed before has not arrived yet). Once a catch-up has
    arrived, a later push moves the cursor on."""
    group = make_group()
    reader = make_member(group)
    hellos: list[dict[str, Any]] = []

    def stand_in_server(socket: Any) -> None:
        def on_message(message: str | bytes) -> None:
            hello = json.loads(message)
            hellos.append(hello)
            later = hello["cursor"] + 10**9
            if len(hellos) == 2:  # the catch-up first, this time
                socket.send(
                    json.dumps(
                        {
                            "type": "sync",
                            "cursor": hello["cursor"] + 5,
                            "messages": [],
                            "removed": [],
                        }
                    )
                )
            if len(hellos) <= 2:
                html = f'<li id="message-{900 + len(hellos)}" class="room__message">hi</li>'
                socket.send(
                    json.dumps(
                        {"type": "message", "id": 900 + len(hellos), "html": html, "cursor": later}
                    )
                )
                socket.close()

        socket.on_message(on_message)

    context, page = new_page(browser, asgi_live_server.url)
    sign_in(page, reader)
    page.route_web_socket(re.compile(r".*/ws/rooms/.*"), stand_in_server)
    page.goto(f"/groups/{group.slug}/room/")
    for _ in range(150):  # the page reconnects by itself, a second and then two apart
        if len(hellos) == 3:
            break
        page.wait_for_timeout(100)
    assert len(hellos) == 3
    assert hellos[1]["cursor"] == hellos[0]["cursor"]  # the early push did not move it
    assert hellos[2]["cursor"] == hellos[0]["cursor"] + 10**9  # after a catch-up it did
    expect(page.locator("#message-901")).to_have_count(1)  # the pushed message was shown
    context.close()


def test_a_message_approved_and_one_hidden_while_the_room_was_away_show_on_reconnect(
    browser: Browser, asgi_live_server
):
    """The reader's connection drops; meanwhile a held message (older than what the page has)
    is approved and a message on the page is hidden. When the page reconnects it shows the
    approved one in its place and takes the hidden one away, without a reload."""
    from groups.services import live_message_create, post_review
    from moderation.services import content_hide, watched_word_add

    group = make_group()
    watched_word_add(phrase="meet up", action="hold", by=group.created_by)
    sender, talker, reader = make_member(group), make_member(group), make_member(group)
    held = live_message_create(group=group, author=sender, body="shall we meet up")
    unkind = live_message_create(group=group, author=talker, body="nobody likes you")
    later = live_message_create(group=group, author=talker, body="hello everyone")
    cache.clear()

    context, page = new_page(browser, asgi_live_server.url)
    sign_in(page, reader)
    messages = page.locator("#room li.room__message")

    def while_away() -> None:
        post_review(post=held, by=group.created_by, approve=True)
        content_hide(post=unkind, moderator=group.created_by, reason="unkind")

    # The held message is not on the page at first.
    _away_and_back(page, r".*/ws/rooms/.*", f"/groups/{group.slug}/room/", messages, 2, while_away)

    # The approved message once, in its place: before the message sent after it.
    expect(page.get_by_text("shall we meet up")).to_have_count(1)
    expect(page.locator(f"#message-{unkind.pk}")).to_have_count(0)
    expect(messages).to_have_count(2)
    expect(messages.nth(0)).to_have_id(f"message-{held.pk}")
    expect(messages.nth(1)).to_have_id(f"message-{later.pk}")
    assert page.evaluate("window.stillTheSamePage") is True  # no reload
    context.close()


def test_a_reply_approved_and_one_hidden_while_the_thread_was_away_show_on_reconnect(
    browser: Browser, asgi_live_server
):
    """The reader has the thread's last page open when the connection drops; meanwhile a new
    member's first reply, held for review (older than what the page has), is approved and a
    reply on the page is hidden. When the page reconnects it shows the approved reply in its
    place and takes the hidden one away, without a reload."""
    from groups.services import post_review, reply_create
    from moderation.services import content_hide

    group = make_group()
    newcomer = make_member(group, trusted=False)
    first, talker, last, reader = (make_member(group) for _ in range(4))
    thread = thread_create(group=group, author=group.created_by, title="Evenings", body="Hard ones")
    earlier = reply_create(thread=thread, author=first, body="Mine are long too")
    held = reply_create(thread=thread, author=newcomer, body="my first words here")
    unkind = reply_create(thread=thread, author=talker, body="nobody likes you")
    later = reply_create(thread=thread, author=last, body="Tea and a film helps")
    assert held.state == "pending"
    cache.clear()

    context, page = new_page(browser, asgi_live_server.url)
    sign_in(page, reader)
    replies = page.locator("#replies li.reply")

    def while_away() -> None:
        post_review(post=held, by=group.created_by, approve=True)
        content_hide(post=unkind, moderator=group.created_by, reason="unkind")

    # The thread's last (and only) page; the held reply is not on it at first.
    _away_and_back(page, r".*/ws/threads/.*", thread.get_absolute_url(), replies, 3, while_away)

    # The approved reply once, in its place: between the replies written before and after it.
    expect(page.get_by_text("my first words here")).to_have_count(1)
    expect(page.locator(f"#reply-{unkind.pk}")).to_have_count(0)
    expect(replies).to_have_count(3)
    expect(replies.nth(0)).to_have_id(f"reply-{earlier.pk}")
    expect(replies.nth(1)).to_have_id(f"reply-{held.pk}")
    expect(replies.nth(2)).to_have_id(f"reply-{later.pk}")
    assert page.evaluate("window.stillTheSamePage") is True  # no reload
    assert axe_violations(page) == []
    context.close()

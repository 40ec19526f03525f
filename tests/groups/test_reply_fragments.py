"""Cached reply fragments: the thread page shows exactly what a fresh render would, to each
viewer, and never carries one viewer's CSRF token or state to another."""

import re
from datetime import timedelta

import pytest
from django.template.loader import get_template
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from groups import fragments, selectors
from groups.models import PostState, Reply
from groups.services import post_edit, reaction_toggle, reply_create, thread_create
from tests.groups.factories import make_group, make_member

pytestmark = pytest.mark.django_db

TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


@pytest.fixture(autouse=True)
def _empty_fragment_cache():
    fragments.cache.clear()
    yield
    fragments.cache.clear()


def _thread():
    group = make_group()
    thread = thread_create(group=group, author=group.created_by, title="T", body="B")
    return group, thread


def _fresh(reply, viewer_id, csrf, here):
    return get_template("groups/thread.html#reply").render(
        {
            "reply": reply,
            "viewer_id": viewer_id,
            "block_url": reverse("groups:block"),
            "react_url": reverse("groups:react"),
            "here": here,
            "csrf_token": csrf,
        }
    )


def test_a_cached_fragment_is_what_a_fresh_render_gives_for_every_kind_of_reply():
    group, thread = _thread()
    viewer = make_member(group)
    reply_create(thread=thread, author=make_member(group), body="plain")
    reply_create(thread=thread, author=viewer, body="mine")
    warned = reply_create(
        thread=thread, author=make_member(group), body="hard", content_warning="self-harm"
    )
    noted = reply_create(thread=thread, author=make_member(group), body="noted")
    Reply.objects.filter(pk=noted.pk).update(
        moderator_note="Edited by a moderator", edited_at=timezone.now()
    )
    reaction_toggle(user=viewer, post=warned, kind="hug")
    assert warned.content_warning  # the content-warning path is covered

    for viewer_id in (viewer.pk, None):
        replies = list(selectors.thread_replies(thread=thread, viewer=viewer))
        selectors.attach_reactions(thread=thread, replies=replies, viewer=viewer)
        here = f"{thread.get_absolute_url()}?page=1&x=<q>"
        expected = "".join(_fresh(r, viewer_id, "tok&en", here) for r in replies)
        first = fragments.render_replies(
            replies, viewer_id=viewer_id, csrf_token="tok&en", here=here
        )
        again = fragments.render_replies(
            replies, viewer_id=viewer_id, csrf_token="tok&en", here=here
        )
        assert first == expected
        assert again == expected
    assert len(fragments.cache) == 8  # 4 replies x (signed in, not signed in)


def test_everything_the_partial_shows_is_part_of_the_key():
    group, thread = _thread()
    viewer = make_member(group)
    reply = reply_create(thread=thread, author=make_member(group), body="x")
    reply = selectors.thread_replies(thread=thread, viewer=viewer).get()
    selectors.attach_reactions(thread=thread, replies=[reply], viewer=viewer)
    base = fragments._key(reply, viewer.pk)
    changes = [
        ("body_html", "<p>y</p>"),
        ("state", PostState.PENDING),
        ("moderator_note", "note"),
        ("edited_at", timezone.now()),
        ("created_at", reply.created_at + timedelta(seconds=1)),
        ("content_warning", "other"),
        ("author_id", viewer.pk),
    ]
    for field, value in changes:
        old = getattr(reply, field)
        setattr(reply, field, value)
        assert fragments._key(reply, viewer.pk) != base, field
        setattr(reply, field, old)
    author = reply.author
    assert author is not None
    original = author.pseudonym
    author.pseudonym = "Renamed"
    assert fragments._key(reply, viewer.pk) != base
    author.pseudonym = original
    kind, label, count, mine = reply.reaction_summary[0]
    reply.reaction_summary[0] = (kind, label, count + 1, mine)
    assert fragments._key(reply, viewer.pk) != base
    reply.reaction_summary[0] = (kind, label, count, not mine)
    assert fragments._key(reply, viewer.pk) != base
    reply.reaction_summary[0] = (kind, label, count, mine)
    assert fragments._key(reply, viewer.pk) == base
    assert fragments._key(reply, None) != base


def test_an_edit_a_reaction_and_a_new_pseudonym_show_on_the_next_page_view(client):
    group, thread = _thread()
    viewer, author = make_member(group), make_member(group)
    reply = reply_create(thread=thread, author=author, body="first words")
    client.force_login(viewer)
    assert "first words" in client.get(thread.get_absolute_url()).content.decode()

    post_edit(post=reply, by=author, body="second words")
    page = client.get(thread.get_absolute_url()).content.decode()
    assert "second words" in page
    assert "first words" not in page

    reaction_toggle(user=viewer, post=reply, kind="support")
    page = client.get(thread.get_absolute_url()).content.decode()
    assert 'class="reaction reaction--mine" aria-pressed="true"' in page

    author.pseudonym = "QuietHarbour"
    author.save(update_fields=["pseudonym"])
    assert "Block QuietHarbour" in client.get(thread.get_absolute_url()).content.decode()


def test_each_viewer_gets_their_own_working_csrf_token_in_cached_replies():
    group, thread = _thread()
    first, second = make_member(group), make_member(group)
    reply = reply_create(thread=thread, author=make_member(group), body="hello")
    pages = {}
    for member in (first, second):
        browser = Client(enforce_csrf_checks=True)
        browser.force_login(member)
        page = browser.get(thread.get_absolute_url()).content.decode()
        pages[member.pk] = (browser, set(TOKEN.findall(page)))
    first_tokens, second_tokens = pages[first.pk][1], pages[second.pk][1]
    assert first_tokens and second_tokens
    assert not first_tokens & second_tokens
    assert len(fragments.cache) == 1  # both viewers were served the same fragment

    browser, tokens = pages[second.pk]
    response = browser.post(
        reverse("groups:react"),
        {
            "csrfmiddlewaretoken": sorted(tokens)[0],
            "post_kind": "reply",
            "post": reply.pk,
            "reaction": "hug",
        },
    )
    assert response.status_code == 302
    assert reply.reactions.filter(user=second, kind="hug").exists()


def test_the_fragment_cache_is_bounded():
    lru = fragments._LRU(3)
    for n in range(5):
        lru.put(str(n), f"<li>{n}</li>")
    assert len(lru) == 3
    assert lru.get("0") is None
    assert lru.get("4") == "<li>4</li>"
    lru.get("2")
    lru.put("5", "<li>5</li>")
    assert lru.get("2") == "<li>2</li>"  # recently read, kept
    assert lru.get("3") is None  # least recently used, dropped


def test_the_fragment_cache_is_bounded_in_memory_too():
    lru = fragments._LRU(100, max_chars=1000)
    for n in range(5):
        lru.put(str(n), "x" * 300)
    assert len(lru) == 3 and lru.chars == 900  # the oldest two made room
    assert lru.get("1") is None and lru.get("4") is not None
    lru.put("4", "y" * 100)  # replacing an entry counts its new size only
    assert lru.chars == 700
    lru.put("huge", "z" * (fragments.MAX_FRAGMENT + 1))  # rendered each time, never kept
    assert lru.get("huge") is None and lru.chars == 700
    lru.clear()
    assert lru.chars == 0 and len(lru) == 0


def test_a_very_long_reply_is_shown_though_too_large_to_keep(client):
    group, thread = _thread()
    member = make_member(group)
    long_body = "& " * 4_900  # escapes to far more than MAX_FRAGMENT characters
    reply = reply_create(thread=thread, author=member, body=long_body)
    client.force_login(member)
    page = client.get(thread.get_absolute_url()).content.decode()
    assert f'id="reply-{reply.pk}"' in page and page.count("&amp;") >= 4_900
    assert len(fragments.cache) == 0


def test_the_blank_reply_form_is_rendered_once_and_is_what_a_fresh_render_gives():
    from django.template.loader import render_to_string

    from groups.forms import ReplyForm

    fragments._forms.clear()
    fresh = render_to_string("includes/form_fields.html", {"form": ReplyForm()})
    assert fragments.form_fields(ReplyForm()) == fresh
    assert fragments.form_fields(ReplyForm()) == fresh
    assert len(fragments._forms) == 1
    assert 'name="body"' in fresh
    assert "csrfmiddlewaretoken" not in fresh  # the token is the page's, outside the fields


def test_a_submitted_reply_form_shows_its_own_text_and_errors_never_a_cached_blank(client):
    from groups.forms import ReplyForm

    group, thread = _thread()
    member = make_member(group)
    client.force_login(member)
    client.get(thread.get_absolute_url())  # the blank form is cached now
    url = reverse("groups:reply", args=[group.slug, thread.pk])
    response = client.post(url, {"body": "x" * 10_001, "content_warning": "other"})
    assert response.status_code == 400
    page = response.content.decode()
    assert "x" * 10_001 in page  # what they typed comes back to them
    assert "field--invalid" in page
    blank = fragments.form_fields(ReplyForm())
    assert blank not in page
    again = client.get(thread.get_absolute_url()).content.decode()
    assert blank in again
    assert "x" * 100 not in again  # nobody's typed text is kept for the next page
    form = ReplyForm(initial={"body": "draft"})  # initial values are rendered, not cached
    assert "draft" in fragments.form_fields(form)
    assert "draft" not in fragments.form_fields(ReplyForm())

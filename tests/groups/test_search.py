"""Searching a group: members find conversations and replies they could read on the pages,
never anything hidden, held, or by someone they blocked; any input is safe."""

import pytest
from django.urls import reverse

from groups.models import Block
from groups.search import search_group
from groups.selectors import REPLIES_PER_PAGE
from groups.services import post_hide, reply_create, thread_create
from tests.factories import UserFactory, give_same_time
from tests.groups.factories import make_group, make_member

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _no_posting_interval(settings):
    settings.SUPPORTNET_POST_INTERVAL = 0


def _search(client, group, query):
    return client.get(reverse("groups:search", args=[group.slug]), {"q": query})


def test_a_member_finds_conversations_and_replies_with_the_words_marked(client):
    group = make_group()
    reader, writer = make_member(group), make_member(group)
    thread = thread_create(group=group, author=writer, title="Court dates", body="Nervous")
    reply = reply_create(thread=thread, author=writer, body="The solicitor helped with paperwork")
    thread_create(group=group, author=writer, title="Evenings", body="Quiet ones")
    client.force_login(reader)
    page = _search(client, group, "court").content.decode()
    assert thread.get_absolute_url() in page
    assert "Evenings" not in page
    page = _search(client, group, "solicitor").content.decode()
    link = reverse("groups:reply_link", args=[group.slug, thread.pk, reply.pk])
    assert link in page
    assert "solicitor" in page.lower()


def test_nothing_hidden_held_or_by_a_blocked_member_is_found(client):
    group = make_group()
    reader, writer, blocked = make_member(group), make_member(group), make_member(group)
    newcomer = make_member(group, trusted=False)
    Block.objects.create(blocker=reader, blocked=blocked)
    theirs = thread_create(group=group, author=blocked, title="Zebra walks", body="zebra")
    mine = thread_create(group=group, author=writer, title="Zebra crossings", body="zebra")
    reply_create(thread=theirs, author=writer, body="zebra reply in their thread")
    reply_create(thread=mine, author=blocked, body="zebra reply by them")
    held = reply_create(thread=mine, author=newcomer, body="zebra reply waiting for review")
    assert held.state == "pending"
    hidden = reply_create(thread=mine, author=writer, body="zebra reply taken down")
    post_hide(post=hidden, by=group.created_by)
    shown = reply_create(thread=mine, author=writer, body="zebra reply anyone may read")
    client.force_login(reader)
    page = _search(client, group, "zebra").content.decode()
    assert "Zebra crossings" in page and "anyone may read" in page
    for absent in ("Zebra walks", "in their thread", "by them", "waiting", "taken down"):
        assert absent not in page, absent
    assert page.count("groups/" + group.slug + "/t/") >= 2
    assert str(shown.pk) in page


def test_outsiders_get_404_and_other_groups_stay_out_of_the_results(client):
    group, other = make_group(), make_group()
    thread_create(group=other, author=make_member(other), title="Walrus", body="walrus")
    member = make_member(group)
    client.force_login(UserFactory())
    assert _search(client, group, "walrus").status_code == 404
    client.force_login(member)
    assert "Nothing in this group matches" in _search(client, group, "walrus").content.decode()


@pytest.mark.parametrize(
    "query",
    [
        '"unclosed',
        "-",
        "or or or",
        "a & b | !c :* <->",
        "\x00null\x00",
        "‮evil‬",
        "<script>alert(1)</script>",
        "x" * 5000,
        "' OR 1=1 --",
        "🙂" * 50,
    ],
)
def test_any_query_is_safe(client, query):
    group = make_group()
    member = make_member(group)
    thread_create(group=group, author=member, title="Hello", body="hello there")
    client.force_login(member)
    response = _search(client, group, query)
    assert response.status_code == 200
    assert "<script>alert(1)" not in response.content.decode()


def test_a_search_is_a_fixed_number_of_queries(client, django_assert_max_num_queries):
    group = make_group()
    member = make_member(group)
    for i in range(12):
        thread = thread_create(group=group, author=member, title=f"Topic {i}", body="garden")
        reply_create(thread=thread, author=member, body="garden words")
    client.force_login(member)
    _search(client, group, "garden")  # sessions and the like warmed up
    with django_assert_max_num_queries(8):
        assert _search(client, group, "garden").status_code == 200


def test_searching_too_quickly_is_a_friendly_429(client):
    group = make_group()
    member = make_member(group)
    client.force_login(member)
    for _ in range(30):
        assert _search(client, group, "words").status_code == 200
    response = _search(client, group, "words")
    assert response.status_code == 429
    assert "searching very quickly" in response.content.decode()


def test_a_reply_link_opens_the_page_the_reply_is_on_for_this_reader(client):
    group = make_group()
    reader, writer, blocked = make_member(group), make_member(group), make_member(group)
    thread = thread_create(group=group, author=writer, title="Long one", body="start")
    for i in range(REPLIES_PER_PAGE):
        reply_create(thread=thread, author=writer, body=f"reply {i}")
    last = reply_create(thread=thread, author=writer, body="on the second page")
    client.force_login(reader)
    url = reverse("groups:reply_link", args=[group.slug, thread.pk, last.pk])
    assert client.get(url)["Location"] == f"{thread.get_absolute_url()}?page=2#reply-{last.pk}"
    # For someone who blocked a member, that member's replies don't count.
    early = thread.replies.order_by("created_at", "id")[0]
    early.author = blocked
    early.save(update_fields=["author"])
    Block.objects.create(blocker=reader, blocked=blocked)
    assert client.get(url)["Location"] == f"{thread.get_absolute_url()}?page=1#reply-{last.pk}"
    hidden_to_them = reverse("groups:reply_link", args=[group.slug, thread.pk, early.pk])
    assert client.get(hidden_to_them).status_code == 404
    huge = reverse("groups:reply_link", args=[group.slug, thread.pk, 10**30])
    assert client.get(huge).status_code == 404


def test_equally_good_matches_from_the_same_instant_show_the_newest_first():
    group = make_group()
    writer = make_member(group)
    thread = thread_create(group=group, author=writer, title="Paperwork", body="Forms")
    replies = [reply_create(thread=thread, author=writer, body="the solicitor") for _ in range(3)]
    give_same_time(replies)
    found = search_group(group=group, viewer=make_member(group), query="solicitor")
    assert found.replies == replies[::-1]

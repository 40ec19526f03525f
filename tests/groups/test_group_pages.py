"""Group pages through the views: privacy, posting, bad input and query counts."""

import pytest
from django.urls import reverse

from groups.models import Block, Membership, PostState, Reply, Thread
from groups.services import reply_create, thread_create
from moderation.models import Notice
from tests.factories import UserFactory
from tests.groups.factories import make_group, make_member

pytestmark = pytest.mark.django_db


def test_the_directory_lists_listed_groups_and_searches_them(client):
    make_group(name="After leaving", description="Rebuilding")
    make_group(name="Hidden circle", visibility="unlisted")
    body = client.get(reverse("groups:directory")).content.decode()
    assert "After leaving" in body
    assert "Hidden circle" not in body
    found = client.get(reverse("groups:directory"), {"q": "rebuild"}).content.decode()
    assert "After leaving" in found
    none = client.get(reverse("groups:directory"), {"q": "zzz"}).content.decode()
    assert "No groups match" in none


@pytest.mark.parametrize(
    "query", ["'\"", "%_", "a" * 5000, "\x00", "a\x00b", "<script>", "OR 1=1 --", "\u202e"]
)
def test_directory_search_takes_any_input(client, query):
    response = client.get(reverse("groups:directory"), {"q": query, "page": "x"})
    assert response.status_code == 200


def test_an_unlisted_group_answers_404_to_people_outside_it(client, member):
    group = make_group(visibility="unlisted")
    client.force_login(member)
    assert client.get(group.get_absolute_url()).status_code == 404


def test_threads_answer_404_to_non_members_even_in_listed_groups(client, member):
    group = make_group()
    thread = thread_create(group=group, author=group.created_by, title="Private", body="words")
    assert client.get(thread.get_absolute_url()).status_code == 404
    client.force_login(member)
    assert client.get(thread.get_absolute_url()).status_code == 404
    assert "Private" not in client.get(group.get_absolute_url()).content.decode()


def test_joining_needs_the_guidelines_accepted(client, member):
    group = make_group()
    client.force_login(member)
    refused = client.post(reverse("groups:join", args=[group.slug]), {})
    assert refused.status_code == 400
    assert "accept the guidelines" in refused.content.decode()
    assert not Membership.objects.filter(user=member).exists()
    client.post(reverse("groups:join", args=[group.slug]), {"accept_guidelines": "on"})
    assert Membership.objects.get(user=member, group=group).status == "active"


def test_a_member_starts_a_thread_and_replies_through_the_forms(client):
    group = make_group()
    author = make_member(group)
    client.force_login(author)
    response = client.post(
        reverse("groups:thread_new", args=[group.slug]),
        {"title": "Hello", "body": "It helps to *talk*.", "content_warning": ""},
    )
    thread = Thread.objects.get()
    assert response.status_code == 302
    assert response["Location"] == thread.get_absolute_url()
    page = client.get(thread.get_absolute_url()).content.decode()
    assert "<em>talk</em>" in page
    client.cache = None
    from django.core.cache import cache

    cache.clear()  # past the posting interval
    client.post(reverse("groups:reply", args=[group.slug, thread.pk]), {"body": "Same here"})
    assert Reply.objects.get().body == "Same here"


@pytest.mark.parametrize(
    "data",
    [
        {"title": "", "body": "x"},
        {"title": "x" * 151, "body": "x"},
        {"title": "T", "body": ""},
        {"title": "T", "body": "x" * 10_001},
        {"title": "T", "body": "x", "content_warning": "nonsense"},
        {"title": "T", "body": "x", "content_warning": "other", "content_warning_text": ""},
    ],
)
def test_bad_thread_input_gets_a_form_error_and_saves_nothing(client, data):
    group = make_group()
    client.force_login(make_member(group))
    response = client.post(reverse("groups:thread_new", args=[group.slug]), data)
    assert response.status_code == 400
    assert (
        'class="field__errors"' in response.content.decode()
        or "errorlist" in response.content.decode()
    )
    assert not Thread.objects.exists()


def test_posting_too_fast_through_the_form_gets_a_429(client):
    group = make_group()
    client.force_login(make_member(group))
    url = reverse("groups:thread_new", args=[group.slug])
    assert client.post(url, {"title": "One", "body": "x"}).status_code == 302
    response = client.post(url, {"title": "Two", "body": "y"})
    assert response.status_code == 429
    assert Thread.objects.count() == 1


def test_a_new_members_pending_post_is_marked_for_them_and_hidden_from_others(client):
    group = make_group()
    newcomer = make_member(group, trusted=False)
    other = make_member(group)
    thread = thread_create(group=group, author=newcomer, title="My story", body="words")
    assert thread.state == PostState.PENDING
    client.force_login(newcomer)
    assert "Waiting for review" in client.get(thread.get_absolute_url()).content.decode()
    client.force_login(other)
    assert client.get(thread.get_absolute_url()).status_code == 404
    assert "My story" not in client.get(group.get_absolute_url()).content.decode()


def test_a_blocked_members_threads_and_replies_disappear_for_the_blocker(client):
    group = make_group()
    blocker, blocked = make_member(group), make_member(group)
    thread = thread_create(group=group, author=group.created_by, title="Open", body="x")
    reply_create(thread=thread, author=blocked, body="reply from the blocked member")
    from django.core.cache import cache

    cache.clear()
    their_thread = thread_create(group=group, author=blocked, title="Blocked topic", body="y")
    Block.objects.create(blocker=blocker, blocked=blocked)
    client.force_login(blocker)
    assert (
        "reply from the blocked member"
        not in client.get(thread.get_absolute_url()).content.decode()
    )
    assert "Blocked topic" not in client.get(group.get_absolute_url()).content.decode()
    assert client.get(their_thread.get_absolute_url()).status_code == 404
    # The blocked member notices nothing.
    client.force_login(blocked)
    assert "reply from the blocked member" in client.get(thread.get_absolute_url()).content.decode()


def test_content_warnings_collapse_the_post_behind_a_show_control(client):
    group = make_group()
    author = make_member(group)
    thread = thread_create(
        group=group, author=author, title="T", body="hard words", content_warning="self-harm"
    )
    client.force_login(author)
    body = client.get(thread.get_absolute_url()).content.decode()
    assert '<details class="content-warning">' in body
    assert "Content warning: Self-harm" in body


def test_facilitators_approve_requests_and_members_cannot_see_the_member_list(client):
    group = make_group(join_policy="request", intro_question="Why?")
    applicant = UserFactory()
    member = make_member(group)
    client.force_login(applicant)
    client.post(
        reverse("groups:join", args=[group.slug]), {"accept_guidelines": "on", "intro_answer": "Hi"}
    )
    pending = Membership.objects.get(user=applicant)
    assert pending.status == "pending"

    client.force_login(member)
    assert client.get(reverse("groups:requests", args=[group.slug])).status_code == 404

    client.force_login(group.created_by)
    page = client.get(reverse("groups:requests", args=[group.slug])).content.decode()
    assert applicant.pseudonym in page
    assert applicant.email not in page
    client.post(
        reverse("groups:requests", args=[group.slug]),
        {"action": "approve", "membership": pending.pk},
    )
    pending.refresh_from_db()
    assert pending.status == "active"


@pytest.mark.parametrize("membership", ["", "abc", "999999", "-1"])
def test_bad_approval_input_gets_a_404_not_a_500(client, membership):
    group = make_group(join_policy="request")
    client.force_login(group.created_by)
    response = client.post(
        reverse("groups:requests", args=[group.slug]),
        {"action": "approve", "membership": membership},
    )
    assert response.status_code == 404


def _thread_with_replies(count: int):
    group = make_group()
    reader = make_member(group)
    thread = thread_create(group=group, author=group.created_by, title="T", body="B")
    authors = [make_member(group) for _ in range(3)]
    Reply.objects.bulk_create(
        Reply(thread=thread, author=authors[i % 3], body=f"r{i}", body_html=f"<p>r{i}</p>")
        for i in range(count)
    )
    return thread, reader


@pytest.mark.parametrize("count", [10, 500])
def test_the_thread_page_runs_a_constant_number_of_queries(
    client, django_assert_max_num_queries, count
):
    thread, reader = _thread_with_replies(count)
    client.force_login(reader)
    client.get(thread.get_absolute_url())  # warm the session
    # Session, user, membership (with its group, restriction and unread count), thread (with
    # its reading position), reply count, replies, reactions.
    with django_assert_max_num_queries(7):
        response = client.get(thread.get_absolute_url())
    assert response.status_code == 200


def test_a_thread_of_one_page_needs_no_count_query(client, django_assert_num_queries):
    thread, reader = _thread_with_replies(50)
    client.force_login(reader)
    client.get(thread.get_absolute_url())
    with django_assert_num_queries(6):
        response = client.get(thread.get_absolute_url())
    assert "Page 1 of" not in response.content.decode()


def test_the_thread_page_query_count_does_not_grow_with_replies(client, django_assert_num_queries):
    small, reader_small = _thread_with_replies(60)
    client.force_login(reader_small)
    client.get(small.get_absolute_url())
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as few:
        client.get(small.get_absolute_url())
    big, reader_big = _thread_with_replies(500)
    client.force_login(reader_big)
    client.get(big.get_absolute_url())
    with CaptureQueriesContext(connection) as many:
        client.get(big.get_absolute_url())
    assert len(few.captured_queries) == len(many.captured_queries)


@pytest.mark.parametrize("groups", [3, 40])
def test_the_directory_runs_a_constant_number_of_queries(
    client, member, django_assert_max_num_queries, groups
):
    for i in range(groups):
        make_group(name=f"Group number {i}")
    client.force_login(member)
    client.get(reverse("groups:directory"))
    with django_assert_max_num_queries(6):
        assert client.get(reverse("groups:directory")).status_code == 200


def test_blocking_from_a_post_hides_the_author_and_returns_to_the_page(client):
    group = make_group()
    reader, other = make_member(group), make_member(group)
    thread = thread_create(group=group, author=group.created_by, title="T", body="B")
    reply_create(thread=thread, author=other, body="words of the other member")
    client.force_login(reader)
    response = client.post(
        reverse("groups:block"), {"member": other.pk, "next": thread.get_absolute_url()}
    )
    assert response["Location"] == thread.get_absolute_url()
    assert Block.objects.filter(blocker=reader, blocked=other).exists()
    assert "words of the other member" not in client.get(thread.get_absolute_url()).content.decode()


@pytest.mark.parametrize(
    "data",
    [
        {},
        {"member": "x"},
        {"member": "99999"},
        {"member": "1", "next": "https://evil.example/"},
        {"member": "¹"},  # str.isdigit() accepts it, int() does not (was a 500)
        {"member": "1" * 5000},  # more digits than int() converts (was a 500)
    ],
)
def test_bad_block_input_never_errors_or_redirects_elsewhere(client, member, data):
    client.force_login(member)
    response = client.post(reverse("groups:block"), data)
    assert response.status_code in (302, 404)
    if response.status_code == 302:
        assert not response["Location"].startswith("https://evil.example")


@pytest.mark.parametrize("next_url", ["a\x00b", "thread", "home", "évil"])
def test_a_next_that_is_not_a_path_returns_to_the_groups_instead_of_failing(client, next_url):
    group = make_group()
    reader, other = make_member(group), make_member(group)
    client.force_login(reader)
    response = client.post(reverse("groups:block"), {"member": other.pk, "next": next_url})
    assert response.status_code == 302
    assert response["Location"] == "/groups/"
    assert Block.objects.filter(blocker=reader, blocked=other).exists()


def test_after_a_crisis_post_the_poster_sees_a_calm_help_panel_once(client, monkeypatch):
    from django.core.management import call_command

    from moderation import services as moderation_services
    from moderation.crisis import Assessment

    monkeypatch.setattr(
        moderation_services, "assess", lambda text: Assessment("crisis", ["intent + timeframe"])
    )
    call_command("load_library", verbosity=0)
    group = make_group()
    author = make_member(group)
    client.force_login(author)
    response = client.post(
        reverse("groups:thread_new", args=[group.slug]), {"title": "T", "body": "words"}
    )
    page = client.get(response["Location"]).content.decode()
    assert "You don't have to go through this alone" in page
    assert "emergency number" in page
    # Help lines for the member's region come from the library's directory.
    assert "Samaritans" in page
    assert 'href="tel:116123"' in page
    assert (
        "You don't have to go through this alone"
        not in client.get(response["Location"]).content.decode()
    )


def test_facilitators_approve_and_hide_posts_waiting_in_their_own_group_only(client, settings):
    settings.SUPPORTNET_POST_INTERVAL_NEW = 0
    group = make_group()
    other = make_group()
    newcomer = make_member(group, trusted=False)
    other_newcomer = make_member(other, trusted=False)
    waiting = thread_create(group=group, author=newcomer, title="Hello", body="my first post")
    second = thread_create(group=group, author=newcomer, title="Again", body="my second post")
    elsewhere = thread_create(group=other, author=other_newcomer, title="Hi", body="not yours")
    client.force_login(group.created_by)
    page = client.get(reverse("groups:requests", args=[group.slug])).content.decode()
    assert "my first post" in page
    assert "not yours" not in page
    url = reverse("groups:requests", args=[group.slug])
    client.post(url, {"action": "approve_post", "kind": "thread", "post": waiting.pk})
    # Hiding needs a reason, which the author is told in a notice they may appeal.
    client.post(url, {"action": "hide_post", "kind": "thread", "post": second.pk, "reason": ""})
    second.refresh_from_db()
    assert second.state == PostState.PENDING
    client.post(
        url, {"action": "hide_post", "kind": "thread", "post": second.pk, "reason": "Off topic."}
    )
    waiting.refresh_from_db()
    second.refresh_from_db()
    assert (waiting.state, second.state) == (PostState.VISIBLE, PostState.HIDDEN)
    notice = Notice.objects.get(member=newcomer)
    assert (notice.kind, notice.message, notice.content) == ("hidden", "Off topic.", second)
    assert notice.appealable
    # Another group's post, or nonsense, is not theirs to review.
    for data in (
        {"action": "approve_post", "kind": "thread", "post": elsewhere.pk},
        {"action": "approve_post", "kind": "nonsense", "post": waiting.pk},
        {"action": "approve_post", "kind": "thread", "post": "x"},
    ):
        assert client.post(url, data).status_code == 404
    elsewhere.refresh_from_db()
    assert elsewhere.state == PostState.PENDING
    # A plain member cannot review at all.
    client.force_login(newcomer)
    assert (
        client.post(
            url, {"action": "approve_post", "kind": "thread", "post": second.pk}
        ).status_code
        == 404
    )


def test_the_thread_page_header_counts_the_readers_own_unread_notifications_and_notices(client):
    from moderation.services import member_sanction

    thread, reader = _thread_with_replies(2)
    other = make_member(thread.group)
    reply_create(thread=thread, author=other, body=f"@{reader.pseudonym} thank you")
    member_sanction(
        member=reader, moderator=UserFactory(is_moderator=True), kind="warning", reason="Be kind."
    )
    client.force_login(reader)
    page = client.get(thread.get_absolute_url()).content.decode()
    assert '<span class="badge">2<span class="visually-hidden"> unread</span>' in page
    client.force_login(other)  # nothing of the reader's shows in anyone else's header
    assert 'class="badge"' not in client.get(thread.get_absolute_url()).content.decode()


def test_the_pager_counts_only_the_replies_the_reader_can_see(client):
    thread, reader = _thread_with_replies(50)
    blocked = make_member(thread.group)
    Block.objects.create(blocker=reader, blocked=blocked)
    Reply.objects.create(thread=thread, author=blocked, body="x", body_html="<p>x</p>")
    client.force_login(reader)
    page = client.get(thread.get_absolute_url()).content.decode()
    assert "Page 1 of" not in page  # 50 shown replies: one page, the blocked one not counted
    Reply.objects.create(
        thread=thread, author=reader, body="mine", body_html="<p>mine</p>", state=PostState.PENDING
    )
    page = client.get(thread.get_absolute_url()).content.decode()
    assert "Page 1 of 2" in page  # their own reply waiting for review counts for them
    last = client.get(thread.get_absolute_url() + "?page=last").content.decode()
    assert "<p>mine</p>" in last
    assert "Page 2 of 2" in last
    client.force_login(thread.group.created_by)  # who blocked nobody: 51, without the waiting one
    theirs = client.get(thread.get_absolute_url() + "?page=last").content.decode()
    assert "Page 2 of 2" in theirs
    assert "<p>x</p>" in theirs
    assert "<p>mine</p>" not in theirs


def test_a_member_silenced_or_not_is_told_so_on_the_thread_page(client):
    from moderation.services import member_sanction

    thread, reader = _thread_with_replies(1)
    client.force_login(reader)
    page = client.get(thread.get_absolute_url()).content.decode()
    assert "paused your posting" not in page
    assert reverse("groups:reply", args=[thread.group.slug, thread.pk]) in page
    member_sanction(
        member=reader,
        moderator=UserFactory(is_moderator=True),
        kind="silence",
        reason="A pause.",
        hours=24,
    )
    page = client.get(thread.get_absolute_url()).content.decode()
    assert "paused your posting" in page
    assert reverse("groups:reply", args=[thread.group.slug, thread.pk]) not in page


@pytest.mark.parametrize("count", [0, 1, 49, 50, 51, 100, 101])
@pytest.mark.parametrize(
    "wanted", [None, "", "1", "2", "3", "0", "-1", "x", "last", "99", "²", "1.0", "9" * 30]
)
def test_the_reply_pager_gives_what_djangos_pager_gives(count, wanted):
    from django.core.paginator import Paginator

    from groups import selectors

    thread, reader = _thread_with_replies(count)
    replies = selectors.thread_replies(thread=thread, viewer=reader)
    ours = selectors.reply_page(replies, wanted)
    django_pager = Paginator(replies, selectors.REPLIES_PER_PAGE)
    theirs = django_pager.get_page(django_pager.num_pages if wanted == "last" else wanted)
    assert ours.number == theirs.number
    assert ours.paginator.num_pages == theirs.paginator.num_pages
    assert ours.paginator.count == count
    assert [r.pk for r in ours.object_list] == [r.pk for r in theirs.object_list]
    assert ours.has_next() == theirs.has_next()


def test_the_thread_page_header_count_is_read_afresh_on_every_page_view(client):
    thread, reader = _thread_with_replies(1)
    other = make_member(thread.group)
    client.force_login(reader)
    assert 'class="badge"' not in client.get(thread.get_absolute_url()).content.decode()
    reply_create(thread=thread, author=other, body=f"@{reader.pseudonym} hello")
    page = client.get(thread.get_absolute_url()).content.decode()
    assert '<span class="badge">1<span class="visually-hidden"> unread</span>' in page
    client.get(reverse("groups:notifications"))  # reading them marks them read
    assert 'class="badge"' not in client.get(thread.get_absolute_url()).content.decode()

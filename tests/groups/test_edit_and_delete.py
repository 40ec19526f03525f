"""Authors edit (history kept for moderators) and delete their own posts."""

import pytest
from django.urls import reverse

from groups.models import PostRevision, PostState, Thread
from groups.services import GroupError, post_delete, post_edit, reply_create, thread_create
from moderation import services as moderation_services
from moderation.crisis import Assessment
from moderation.models import Case
from tests.groups.factories import make_group, make_member

pytestmark = pytest.mark.django_db


def _post():
    group = make_group()
    author, other = make_member(group), make_member(group)
    thread = thread_create(group=group, author=group.created_by, title="T", body="B")
    reply = reply_create(thread=thread, author=author, body="first version")
    return group, author, other, thread, reply


def test_an_author_edits_a_reply_and_the_earlier_version_is_kept():
    _, author, _, _, reply = _post()
    post_edit(post=reply, by=author, body="second *version*")
    reply.refresh_from_db()
    assert reply.body == "second *version*"
    assert "<em>version</em>" in reply.body_html
    assert reply.edited_at is not None
    assert list(PostRevision.objects.values_list("body", flat=True)) == ["first version"]


def test_only_the_author_may_edit_or_delete():
    _, _, other, _, reply = _post()
    with pytest.raises(GroupError):
        post_edit(post=reply, by=other, body="mine now")
    with pytest.raises(GroupError):
        post_delete(post=reply, by=other)
    reply.refresh_from_db()
    assert reply.body == "first version"


def test_an_edit_is_screened_like_a_new_post(monkeypatch):
    _, author, _, _, reply = _post()
    monkeypatch.setattr(
        moderation_services, "assess", lambda text: Assessment("crisis", ["intent + timeframe"])
    )
    post_edit(post=reply, by=author, body="changed words")
    assert Case.objects.get().subject == author


def test_deleting_a_reply_hides_it_from_everyone_and_fixes_the_count(client):
    _, author, other, thread, reply = _post()
    post_delete(post=reply, by=author)
    thread.refresh_from_db()
    assert thread.reply_count == 0
    client.force_login(other)
    assert "first version" not in client.get(thread.get_absolute_url()).content.decode()


def test_the_edit_and_delete_pages_work_for_the_author_and_404_for_others(client):
    _group, author, other, thread, reply = _post()
    edit_url = reverse("groups:post_edit", args=["reply", reply.pk])
    delete_url = reverse("groups:post_delete", args=["reply", reply.pk])
    client.force_login(other)
    assert client.get(edit_url).status_code == 404
    assert client.post(delete_url).status_code == 404
    client.force_login(author)
    assert client.get(edit_url).status_code == 200
    assert client.post(edit_url, {"body": ""}).status_code == 400
    assert client.post(edit_url, {"body": "fixed"}).status_code == 302
    assert "fixed" in client.get(thread.get_absolute_url()).content.decode()
    assert client.post(delete_url).status_code == 302
    reply.refresh_from_db()
    assert reply.state == PostState.DELETED
    assert client.get(reverse("groups:post_edit", args=["nonsense", 1])).status_code == 404


def test_deleting_a_thread_takes_it_away(client):
    group = make_group()
    author = make_member(group)
    thread = thread_create(group=group, author=author, title="Mine", body="B")
    client.force_login(author)
    client.post(reverse("groups:post_delete", args=["thread", thread.pk]))
    assert Thread.objects.get().state == PostState.DELETED
    assert client.get(thread.get_absolute_url()).status_code == 404


def test_an_edit_into_a_blocked_word_beside_a_crisis_leaves_others_view_and_offers_help(
    client, detector
):
    """The crisis is not refused, and the blocked word is not published either: the reply
    waits for a moderator, its count is fixed, and its author sees the help panel."""
    from groups.views import HELP_PANEL_SESSION_KEY

    group, author, other, thread, reply = _post()
    moderation_services.watched_word_add(phrase="slurword", action="block", by=group.created_by)
    client.force_login(author)
    url = reverse("groups:post_edit", args=["reply", reply.pk])
    client.post(url, {"body": "CRISIS tonight slurword"})
    reply.refresh_from_db()
    thread.refresh_from_db()
    assert reply.state == PostState.PENDING
    assert thread.reply_count == 0
    assert Case.objects.get().subject == author
    assert client.session.get(HELP_PANEL_SESSION_KEY)
    client.force_login(other)
    assert "slurword" not in client.get(thread.get_absolute_url()).content.decode()


def test_an_edit_into_a_held_word_waits_for_review():
    group, author, _, _, reply = _post()
    moderation_services.watched_word_add(phrase="meet up", action="hold", by=group.created_by)
    post_edit(post=reply, by=author, body="shall we meet up")
    reply.refresh_from_db()
    assert reply.state == PostState.PENDING

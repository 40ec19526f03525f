"""Realtime publishing for groups. Only ever after commit; the database stays the truth."""

from typing import Any

from django.db import transaction
from django.template.loader import render_to_string

from groups import catch_up
from groups.models import Membership, Reply
from supportnet.core.realtime import group_send


def thread_group(thread_id: int) -> str:
    return f"thread.{thread_id}"


def reply_published_on_commit(reply: Reply) -> None:
    """A reply came into its readers' view (posted visible, approved after review, restored
    after an appeal): each open page of the thread is checked and sent it. The cursor tells
    clients how far they have caught up (`groups.catch_up`)."""
    message = {
        "type": "reply.published",
        "reply_id": reply.pk,
        "author_id": reply.author_id,
        "cursor": catch_up.cursor(reply.changed_at),
    }
    thread_id = reply.thread_id
    transaction.on_commit(lambda: group_send(thread_group(thread_id), message))


def reply_removed_on_commit(reply: Reply, *, author_only: bool = False) -> None:
    """A reply in its readers' view left it (hidden, deleted, held again after an edit): open
    pages of the thread take it away. Only its id travels. `author_only`: a held reply, which
    only its author's pages show, was hidden or deleted."""
    message = {
        "type": "reply.removed",
        "reply_id": reply.pk,
        "author_id": reply.author_id,
        "author_only": author_only,
        "state": reply.state,
        "cursor": catch_up.cursor(reply.changed_at),
    }
    thread_id = reply.thread_id
    transaction.on_commit(lambda: group_send(thread_group(thread_id), message))


def membership_ended_on_commit(membership: Membership) -> None:
    """Tell the member's open sockets that their membership of a group ended."""
    message = {"type": "membership.ended", "group_id": membership.group_id}
    user_id = membership.user_id
    transaction.on_commit(lambda: group_send(f"user.{user_id}", message))


def member_suspended_on_commit(member: Any) -> None:
    """A suspended member's group sockets (every group) close after commit."""
    message = {"type": "membership.ended", "group_id": None, "all_groups": True}
    user_id = member.pk
    transaction.on_commit(lambda: group_send(f"user.{user_id}", message))


def notification_on_commit(user_id: int) -> None:
    """Tell the member's open pages that they have a new notification (no content)."""
    message = {"type": "user.event", "payload": {"type": "notification"}}
    transaction.on_commit(lambda: group_send(f"user.{user_id}", message))


def room_group(group_id: int) -> str:
    return f"room.{group_id}"


def render_live_message(message: Any) -> str:
    """A live message as every reader sees it (nothing in it depends on the reader)."""
    return render_to_string("groups/room.html#message", {"message": message})


def live_message_on_commit(message: Any) -> None:
    """The message goes out rendered once: each listening socket only checks that its member
    may still read the room and has not blocked the author (one query), instead of loading
    and rendering it again for every listener. Sent when a message appears in the room: sent
    visible, approved after review, or restored after an appeal. The cursor tells clients
    how far they have caught up (`groups.catch_up`)."""
    payload = {
        "type": "room.message",
        "message_id": message.pk,
        "author_id": message.author_id,
        "html": render_live_message(message),
        "cursor": catch_up.cursor(message.changed_at),
    }
    group_id = message.group_id
    transaction.on_commit(lambda: group_send(room_group(group_id), payload))


def live_message_removed_on_commit(message: Any) -> None:
    """A visible message was hidden: the room's open pages take it away. Only its id travels."""
    payload = {
        "type": "room.removed",
        "message_id": message.pk,
        "author_id": message.author_id,
        "cursor": catch_up.cursor(message.changed_at),
    }
    group_id = message.group_id
    transaction.on_commit(lambda: group_send(room_group(group_id), payload))

"""Every write in groups. Keyword-only, typed, transactional; views and consumers call these."""

import re
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.text import slugify

from groups import events
from groups.models import (
    BODY_MAX,
    DESCRIPTION_MAX,
    TITLE_MAX,
    TRUST_THRESHOLD_MAX,
    Block,
    ContentWarning,
    Group,
    LiveMessage,
    Membership,
    Notification,
    PostRevision,
    PostState,
    Reaction,
    Reply,
    Subscription,
    Thread,
    ThreadRead,
)
from groups.permissions import can_change_settings, can_post, can_reply
from moderation.services import Screening, content_screen
from supportnet.core import audit, ratelimit
from supportnet.core.text import clean_text, render_markdown


class GroupError(Exception):
    """A rule stopped the action; `message` is safe and friendly to show the member."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


# --- groups -----------------------------------------------------------------------------------


def _unique_slug(name: str) -> str:
    base = slugify(name)[:80] or "group"
    slug, n = base, 2
    while Group.objects.filter(slug=slug).exists():
        slug, n = f"{base}-{n}", n + 1
    return slug


@transaction.atomic
def group_create(*, name: str, created_by: Any, join_policy: str = "open", **extra: Any) -> Group:
    """Create a group; its creator becomes its first facilitator."""
    name = clean_text(name).strip()
    if not name:
        raise ValidationError({"name": "Give the group a name."})
    group = Group(name=name, slug=_unique_slug(name), join_policy=join_policy, **extra)
    group.created_by = created_by
    group.full_clean()
    group.save(force_insert=True)
    Membership.objects.create(
        group=group,
        user=created_by,
        status=Membership.Status.ACTIVE,
        role=Membership.Role.FACILITATOR,
        accepted_guidelines_version=group.guidelines_version,
        joined_at=timezone.now(),
    )
    audit.log(created_by, "group.created", target=group)
    return group


def _clean_settings(
    *, description: str, guidelines: str, join_policy: str, trust_threshold: int | None
) -> tuple[str, str]:
    """The cleaned description and guidelines; a ValidationError names each field at fault.
    Lengths are checked after cleaning (Unicode normalisation can make text longer)."""
    errors: dict[str, str] = {}
    description = clean_text(description).strip()
    guidelines = clean_text(guidelines).strip()
    if len(description) > DESCRIPTION_MAX:
        errors["description"] = (
            f"Please keep the description under {DESCRIPTION_MAX:,} characters "
            f"(this is {len(description):,})."
        )
    if len(guidelines) > BODY_MAX:
        errors["guidelines"] = (
            f"Please keep the guidelines under {BODY_MAX:,} characters "
            f"(this is {len(guidelines):,})."
        )
    if join_policy not in Group.JoinPolicy.values:
        errors["join_policy"] = "Choose who can join from the list."
    if trust_threshold is not None and (
        isinstance(trust_threshold, bool)
        or not isinstance(trust_threshold, int)
        or not 0 <= trust_threshold <= TRUST_THRESHOLD_MAX
    ):
        errors["trust_threshold"] = (
            f"Choose a number from 0 to {TRUST_THRESHOLD_MAX}, or the site default."
        )
    if errors:
        raise ValidationError(errors)
    return description, guidelines


@transaction.atomic
def group_settings_update(
    *,
    group: Group,
    by: Any,
    description: str,
    guidelines: str,
    join_policy: str,
    trust_threshold: int | None,
) -> Group:
    """A facilitator of the group (or a site moderator) changes its description, guidelines,
    join policy and trust threshold (how many of a new member's first posts wait for review;
    None: the instance's default).

    Changed guidelines start a new version, so memberships keep recording which version each
    member accepted. Only what changed is saved; the audit entry names the changed fields and
    the old and new join policy and threshold, never the text. The returned group carries the
    changed field names in `settings_changed`."""
    if not can_change_settings(by, group):
        raise GroupError("Only this group's facilitators can change its settings.")
    description, guidelines = _clean_settings(
        description=description,
        guidelines=guidelines,
        join_policy=join_policy,
        trust_threshold=trust_threshold,
    )
    group = Group.objects.select_for_update().get(pk=group.pk)
    changed: list[str] = []
    data: dict[str, Any] = {}
    # Compared as cleaned text, so saving the form unchanged never starts a new version.
    if clean_text(group.description).strip() != description:
        group.description = description
        changed.append("description")
    if clean_text(group.guidelines).strip() != guidelines:
        group.guidelines = guidelines
        group.guidelines_version += 1
        changed += ["guidelines", "guidelines_version"]
        data["guidelines_version"] = group.guidelines_version
        # Whoever wrote them has read them: they are not asked to accept their own text.
        Membership.objects.filter(group=group, user=by, status=Membership.Status.ACTIVE).update(
            accepted_guidelines_version=group.guidelines_version
        )
    for field, value in (("join_policy", join_policy), ("trust_threshold", trust_threshold)):
        if getattr(group, field) != value:
            data[field] = {"from": getattr(group, field), "to": value}
            setattr(group, field, value)
            changed.append(field)
    if changed:
        group.save(update_fields=changed)
        audit.log(by, "group.settings_changed", target=group, data={"changed": changed, **data})
    group.settings_changed = tuple(changed)
    return group


# --- membership -------------------------------------------------------------------------------


@transaction.atomic
def membership_join(*, group: Group, user: Any, intro_answer: str = "") -> Membership:
    """Join (open groups), ask to join (request groups) or accept an invitation.

    Joining records the version of the guidelines the member accepted.
    """
    membership = Membership.objects.select_for_update().filter(group=group, user=user).first()
    now = timezone.now()
    if membership is not None:
        if membership.status in (Membership.Status.ACTIVE, Membership.Status.PENDING) and (
            membership.status == Membership.Status.ACTIVE or membership.invited_by_id is None
        ):
            return membership
        if membership.status == Membership.Status.BANNED:
            raise GroupError("You can't join this group.")
        if membership.status == Membership.Status.REMOVED:
            raise GroupError("You can't rejoin this group. A facilitator can invite you back.")
        # A pending invitation: accepting it makes the member active.
        membership.status = Membership.Status.ACTIVE
        membership.accepted_guidelines_version = group.guidelines_version
        membership.joined_at = now
        membership.save(update_fields=["status", "accepted_guidelines_version", "joined_at"])
        audit.log(user, "membership.invitation_accepted", target=membership)
        return membership

    if group.join_policy == Group.JoinPolicy.INVITE:
        raise GroupError("This group is by invitation only.")
    active = group.join_policy == Group.JoinPolicy.OPEN
    membership = Membership.objects.create(
        group=group,
        user=user,
        status=Membership.Status.ACTIVE if active else Membership.Status.PENDING,
        accepted_guidelines_version=group.guidelines_version,
        intro_answer=clean_text(intro_answer).strip()[:1000],
        joined_at=now if active else None,
    )
    audit.log(user, "membership.joined" if active else "membership.requested", target=membership)
    return membership


@transaction.atomic
def membership_leave(*, group: Group, user: Any) -> None:
    """Leave a group. Posts stay; the membership goes (banned and removed records stay)."""
    membership = Membership.objects.filter(group=group, user=user).first()
    if membership is None or membership.status in (
        Membership.Status.BANNED,
        Membership.Status.REMOVED,
    ):
        return
    if membership.is_facilitator:
        others = Membership.objects.filter(
            group=group, role=Membership.Role.FACILITATOR, status=Membership.Status.ACTIVE
        ).exclude(pk=membership.pk)
        if not others.exists():
            raise GroupError("You are this group's only facilitator: appoint another first.")
    audit.log(user, "membership.left", target=group)
    membership.delete()
    _membership_ended_cleanup(group_id=group.pk, user=user)


@transaction.atomic
def membership_decide(*, membership: Membership, by: Any, approve: bool) -> Membership:
    """A facilitator approves or declines a request to join."""
    if membership.status != Membership.Status.PENDING or membership.invited_by_id is not None:
        raise GroupError("This request has already been dealt with.")
    if approve:
        membership.status = Membership.Status.ACTIVE
        membership.joined_at = timezone.now()
        membership.save(update_fields=["status", "joined_at"])
        audit.log(by, "membership.approved", target=membership)
    else:
        audit.log(by, "membership.declined", target=membership.group)
        membership.delete()
    return membership


@transaction.atomic
def membership_invite(*, group: Group, by: Any, pseudonym: str) -> Membership | None:
    """Invite a member by pseudonym. Returns None, without saying why, when that is not
    possible (no such member, already in the group, banned) — no enumeration of members."""
    from django.contrib.auth import get_user_model

    from supportnet.accounts.pseudonyms import skeleton

    user = get_user_model().objects.filter(pseudonym_key=skeleton(pseudonym), is_active=True)
    invitee = user.first()
    if invitee is None or Membership.objects.filter(group=group, user=invitee).exists():
        return None
    membership = Membership.objects.create(
        group=group, user=invitee, status=Membership.Status.PENDING, invited_by=by
    )
    audit.log(by, "membership.invited", target=membership)
    return membership


@transaction.atomic
def membership_set_status(*, membership: Membership, by: Any, status: str) -> Membership:
    """Remove or ban a member (or lift it); their open sockets are closed after commit."""
    if status not in Membership.Status.values:
        raise GroupError("Unknown membership state.")
    membership.status = status
    membership.save(update_fields=["status"])
    audit.log(by, f"membership.{status}", target=membership)
    if status != Membership.Status.ACTIVE:
        events.membership_ended_on_commit(membership)
        _membership_ended_cleanup(group_id=membership.group_id, user=membership.user_id)
    return membership


def _membership_ended_cleanup(*, group_id: int, user: Any) -> None:
    """A member who is no longer in a group is not shown its notifications (their titles are
    the group's); they stop counting in the page header's unread number too. Their follows
    and reading positions there go: they were about conversations they can no longer open."""
    Notification.objects.filter(
        recipient=user, thread__group_id=group_id, read_at__isnull=True
    ).update(read_at=timezone.now())
    Subscription.objects.filter(user=user, thread__group_id=group_id).delete()
    ThreadRead.objects.filter(user=user, thread__group_id=group_id).delete()


# --- posting ----------------------------------------------------------------------------------


def _clean_fields(*, title: str | None, body: str) -> tuple[str | None, str]:
    errors: dict[str, str] = {}
    body = clean_text(body).strip()
    if not body:
        errors["body"] = "Please write something before posting."
    elif len(body) > BODY_MAX:
        errors["body"] = f"Please keep posts under {BODY_MAX:,} characters (this is {len(body):,})."
    if title is not None:
        title = clean_text(title).replace("\n", " ").strip()
        if not title:
            errors["title"] = "Please give your thread a title."
        elif len(title) > TITLE_MAX:
            errors["title"] = f"Please keep titles under {TITLE_MAX} characters."
    if errors:
        raise ValidationError(errors)
    return title, body


def _clean_warning(content_warning: str, content_warning_text: str) -> tuple[str, str]:
    if content_warning not in ContentWarning.values:
        raise ValidationError({"content_warning": "Choose a content warning from the list."})
    text = clean_text(content_warning_text).strip()
    if content_warning != ContentWarning.OTHER:
        text = ""
    elif not text:
        raise ValidationError({"content_warning_text": "Say briefly what the warning is for."})
    if len(text) > 100:
        raise ValidationError({"content_warning_text": "Keep the warning under 100 characters."})
    return content_warning, text


def _check_not_restricted(author: Any) -> None:
    """A member whose posting a moderator paused (or who is suspended) is told until when."""
    from moderation.selectors import restriction_message

    message = restriction_message(author)
    if message:
        raise GroupError(message)


def _membership_for_posting(group: Group, author: Any) -> Membership:
    _check_not_restricted(author)
    if not can_post(author, group):
        raise GroupError("Only members of this group can post here.")
    return _locked_membership(group, author)


def _locked_membership(group: Group, author: Any) -> Membership:
    """The author's membership, locked for the posting transaction, with its group read fresh
    in the same query (the group's trust threshold decides what is held)."""
    found = Membership.objects.select_for_update(of=("self",)).select_related("group")
    return found.get(group=group, user=author)


def _is_new(membership: Membership) -> bool:
    return (
        not membership.is_facilitator
        and membership.approved_posts < membership.group.effective_trust_threshold
    )


def _check_rate(author: Any, membership: Membership) -> None:
    new = _is_new(membership)
    interval = settings.SUPPORTNET_POST_INTERVAL_NEW if new else settings.SUPPORTNET_POST_INTERVAL
    ratelimit.check(
        "groups.post",
        str(author.pk),
        limit=1,
        period=interval,
        message=f"You can post once every {interval} seconds. Please wait a moment and try again.",
    )


def _initial_state(membership: Membership, screening: Screening) -> str:
    if screening.hold or _is_new(membership):
        return PostState.PENDING
    return PostState.VISIBLE


@transaction.atomic
def thread_create(
    *,
    group: Group,
    author: Any,
    title: str,
    body: str,
    content_warning: str = "",
    content_warning_text: str = "",
) -> Thread:
    """Start a thread. A new member's first posts wait for review; screening runs inside
    this transaction. The returned thread carries its `screening`."""
    clean_title, clean_body = _clean_fields(title=title, body=body)
    warning, warning_text = _clean_warning(content_warning, content_warning_text)
    membership = _membership_for_posting(group, author)
    _check_rate(author, membership)
    now = timezone.now()
    thread = Thread.objects.create(
        group=group,
        author=author,
        title=clean_title or "",
        body=clean_body,
        body_html=render_markdown(clean_body),
        content_warning=warning,
        content_warning_text=warning_text,
        state=PostState.PENDING,
        created_at=now,
        last_activity_at=now,
    )
    screening = _screen_and_place(thread, membership)
    thread.screening = screening
    return thread


@transaction.atomic
def reply_create(
    *,
    thread: Thread,
    author: Any,
    body: str,
    content_warning: str = "",
    content_warning_text: str = "",
) -> Reply:
    """Reply to a thread; same rules as `thread_create`. Readers see it live after commit."""
    _, clean_body = _clean_fields(title=None, body=body)
    warning, warning_text = _clean_warning(content_warning, content_warning_text)
    _check_not_restricted(author)
    if not can_reply(author, thread):
        raise GroupError("You can't reply to this thread.")
    membership = _membership_for_posting(thread.group, author)
    _check_rate(author, membership)
    reply = Reply.objects.create(
        thread=thread,
        author=author,
        body=clean_body,
        body_html=render_markdown(clean_body),
        content_warning=warning,
        content_warning_text=warning_text,
        state=PostState.PENDING,
    )
    screening = _screen_and_place(reply, membership)
    if reply.state == PostState.VISIBLE:
        Thread.objects.filter(pk=thread.pk).update(
            reply_count=F("reply_count") + 1, last_activity_at=reply.created_at
        )
        events.reply_published_on_commit(reply)
    reply.screening = screening
    return reply


def _screen_and_place(post: Thread | Reply, membership: Membership) -> Screening:
    """Screen the saved post, refuse or place it (visible / waiting for review)."""
    screening = content_screen(content=post)
    if screening.block_message:
        raise GroupError(screening.block_message)  # the transaction rolls back: nothing saved
    post.state = _initial_state(membership, screening)
    shown: dict[str, Any] = {}
    if post.state == PostState.VISIBLE:
        post.published_at = post.created_at
        if isinstance(post, Reply):  # open pages of the thread catch up from this
            post.changed_at = shown["changed_at"] = timezone.now()
    type(post).objects.filter(pk=post.pk).update(
        state=post.state, published_at=post.published_at, **shown
    )
    if post.state == PostState.VISIBLE:
        Membership.objects.filter(pk=membership.pk).update(approved_posts=F("approved_posts") + 1)
        if screening.case is not None:
            # A post that alerts moderators commits without waiting for its followers'
            # notifications; they are written just after, once the alert has been pushed (an
            # earlier after-commit hook), so nothing stands between the post and the alert.
            transaction.on_commit(lambda: _notify_after_commit(post), robust=True)
        else:
            notify_for_post(post=post)
    elif post.author_id is not None:
        _follow(post.author, post if isinstance(post, Thread) else post.thread)
    return screening


# --- blocks -----------------------------------------------------------------------------------


def block_create(*, blocker: Any, blocked: Any) -> Block:
    """Block a member: nothing of theirs is shown to the blocker any more. Idempotent."""
    if blocker.pk == blocked.pk:
        raise GroupError("You can't block yourself.")
    try:
        with transaction.atomic():
            block, created = Block.objects.get_or_create(blocker=blocker, blocked=blocked)
    except IntegrityError:
        block = Block.objects.get(blocker=blocker, blocked=blocked)
        created = False
    if created:
        audit.log(blocker, "block.created", target=block)
    return block


def block_delete(*, blocker: Any, blocked: Any) -> None:
    deleted, _ = Block.objects.filter(blocker=blocker, blocked=blocked).delete()
    if deleted:
        audit.log(blocker, "block.deleted", data={"blocked": blocked.pk})


# --- review of held posts ---------------------------------------------------------------------


@transaction.atomic
def post_review(
    *, post: Thread | Reply | LiveMessage, by: Any, approve: bool
) -> Thread | Reply | LiveMessage:
    """A moderator approves a held post (it appears to others) or hides it. An approved live
    message or reply goes out to the room's or thread's open pages as a new one does, and
    counts as changed from now, so a reader who was away gets it when their page
    reconnects."""
    model = type(post)
    post = model.objects.select_for_update().get(pk=post.pk)
    if post.state != PostState.PENDING:
        raise GroupError("This post has already been reviewed.")
    if isinstance(post, LiveMessage):
        if approve:
            post.state, post.changed_at = PostState.VISIBLE, timezone.now()
            post.save(update_fields=["state", "changed_at"])
            events.live_message_on_commit(post)
        else:  # never shown: nothing changes in the room
            post.state = PostState.HIDDEN
            post.save(update_fields=["state"])
        audit.log(by, "post.approved" if approve else "post.hidden", target=post)
        return post
    if approve:
        now = timezone.now()
        post.state, post.published_at = PostState.VISIBLE, now
        if isinstance(post, Reply):
            post.changed_at = now
            post.save(update_fields=["state", "published_at", "changed_at"])
        else:
            post.save(update_fields=["state", "published_at"])
        group = post.group if isinstance(post, Thread) else post.thread.group
        Membership.objects.filter(group=group, user=post.author_id).update(
            approved_posts=F("approved_posts") + 1
        )
        if isinstance(post, Reply):
            Thread.objects.filter(pk=post.thread_id).update(
                reply_count=F("reply_count") + 1, last_activity_at=now
            )
            events.reply_published_on_commit(post)
        else:  # others see the conversation from now on: it moves up and is new to them
            Thread.objects.filter(pk=post.pk).update(last_activity_at=now)
        notify_for_post(post=post)
        audit.log(by, "post.approved", target=post)
    else:
        post.state = PostState.HIDDEN
        post.save(update_fields=["state"])
        audit.log(by, "post.hidden", target=post)
    return post


def _take_down(post: Thread | Reply | LiveMessage, state: str) -> None:
    """Hide or delete a post (or hold it again after an edit); a reply that was visible no
    longer counts in its thread and leaves the thread's open pages, and a live message that
    was visible leaves the room's open pages (and theirs when they reconnect)."""
    was_visible = post.state == PostState.VISIBLE
    # A held reply is on its author's open pages ("waiting for review"): they take it away too.
    author_only = isinstance(post, Reply) and post.state == PostState.PENDING
    post.state = state
    if isinstance(post, Thread) or not (was_visible or author_only):
        post.save(update_fields=["state"])
        return
    post.changed_at = timezone.now()
    post.save(update_fields=["state", "changed_at"])
    if isinstance(post, LiveMessage):
        events.live_message_removed_on_commit(post)
        return
    if was_visible:
        Thread.objects.filter(pk=post.thread_id, reply_count__gt=0).update(
            reply_count=F("reply_count") - 1
        )
    events.reply_removed_on_commit(post, author_only=author_only)


def _revise(post: Thread | Reply, *, title: str | None, body: str, also: list[str]) -> None:
    """Keep the current text as a revision, then save the new text (and the `also` fields the
    caller has set)."""
    revision = {"thread": post} if isinstance(post, Thread) else {"reply": post}
    PostRevision.objects.create(title=getattr(post, "title", ""), body=post.body, **revision)
    post.body = body
    post.body_html = render_markdown(body)
    post.edited_at = timezone.now()
    fields = ["body", "body_html", "edited_at", *also]
    if isinstance(post, Thread) and title is not None:
        post.title = title
        fields.append("title")
    post.save(update_fields=fields)


@transaction.atomic
def post_hide(*, post: Thread | Reply | LiveMessage, by: Any) -> Thread | Reply | LiveMessage:
    """A moderator hides a post or live message (waiting or visible): it disappears for
    everyone but moderators. The moderation service that calls this tells the author."""
    model = type(post)
    post = model.objects.select_for_update().get(pk=post.pk)
    if post.state in (PostState.HIDDEN, PostState.DELETED):
        raise GroupError("This post is already hidden or deleted.")
    _take_down(post, PostState.HIDDEN)
    audit.log(by, "post.hidden", target=post)
    return post


@transaction.atomic
def post_restore(*, post: Thread | Reply | LiveMessage, by: Any) -> Thread | Reply | LiveMessage:
    """Undo a moderator's hiding (an appeal was upheld): the post is visible again. A live
    message or reply takes its place in the room's history or the thread again and goes out
    to the open pages, as an approved one does."""
    model = type(post)
    post = model.objects.select_for_update().get(pk=post.pk)
    if post.state != PostState.HIDDEN:
        return post
    if isinstance(post, LiveMessage):
        post.state, post.changed_at = PostState.VISIBLE, timezone.now()
        post.save(update_fields=["state", "changed_at"])
        events.live_message_on_commit(post)
        audit.log(by, "post.restored", target=post)
        return post
    post.state = PostState.VISIBLE
    post.published_at = post.published_at or timezone.now()  # hidden while still held
    if isinstance(post, Reply):
        post.changed_at = timezone.now()
        post.save(update_fields=["state", "published_at", "changed_at"])
        Thread.objects.filter(pk=post.thread_id).update(reply_count=F("reply_count") + 1)
        events.reply_published_on_commit(post)  # back on the thread's open pages
    else:
        post.save(update_fields=["state", "published_at"])
    audit.log(by, "post.restored", target=post)
    return post


@transaction.atomic
def post_moderator_edit(
    *, post: Thread | Reply | LiveMessage, by: Any, body: str, note: str, title: str | None = None
) -> Thread | Reply:
    """A moderator edits a post (for example to remove identifying details). The earlier
    version is kept, and the note is shown with the post for everyone to see. Live messages
    are not edited (they were seen as they were sent): a moderator hides them instead."""
    if not isinstance(post, Thread | Reply):
        raise GroupError("Live messages can't be edited. You can hide this one instead.")
    model = type(post)
    post = model.objects.select_for_update().get(pk=post.pk)
    if post.state == PostState.DELETED:
        raise GroupError("This post has been deleted.")
    note = clean_text(note).strip()
    if not note:
        raise ValidationError({"note": "Say briefly why the post was edited; members see it."})
    if len(note) > 300:
        raise ValidationError({"note": "Keep the note under 300 characters."})
    clean_title, clean_body = _clean_fields(
        title=title if isinstance(post, Thread) else None, body=body
    )
    post.moderator_note = note
    _revise(post, title=clean_title, body=clean_body, also=["moderator_note"])
    audit.log(by, "post.moderator_edited", target=post)
    return post


# --- reactions --------------------------------------------------------------------------------


@transaction.atomic
def reaction_toggle(*, user: Any, post: Thread | Reply, kind: str) -> bool:
    """Add the reaction, or take it back if it is there. Returns True when added."""
    if kind not in Reaction.Kind.values:
        raise GroupError("Choose one of the reactions shown.")
    thread = post if isinstance(post, Thread) else post.thread
    if post.state != PostState.VISIBLE or not can_reply(user, thread):
        raise GroupError("You can't react to this post.")
    target = {"thread": post} if isinstance(post, Thread) else {"reply": post}
    existing = Reaction.objects.filter(user=user, kind=kind, **target)
    if existing.exists():
        existing.delete()
        return False
    Reaction.objects.create(user=user, kind=kind, **target)
    return True


# --- editing and deleting ---------------------------------------------------------------------


@transaction.atomic
def post_edit(
    *,
    post: Thread | Reply,
    by: Any,
    body: str,
    title: str | None = None,
    content_warning: str = "",
    content_warning_text: str = "",
) -> Thread | Reply:
    """The author edits their post. The earlier version is kept for moderators, and the new
    text is screened like a new post (a crisis edit opens a case)."""
    model = type(post)
    post = model.objects.select_for_update().get(pk=post.pk)
    if post.author_id != by.pk or post.state in (PostState.DELETED, PostState.HIDDEN):
        raise GroupError("You can only edit your own posts.")
    clean_title, clean_body = _clean_fields(
        title=title if isinstance(post, Thread) else None, body=body
    )
    warning, warning_text = _clean_warning(content_warning, content_warning_text)
    post.content_warning, post.content_warning_text = warning, warning_text
    _revise(
        post, title=clean_title, body=clean_body, also=["content_warning", "content_warning_text"]
    )
    post.screening = content_screen(content=post)
    if post.screening.block_message:
        raise GroupError(post.screening.block_message)
    if post.screening.hold and post.state == PostState.VISIBLE:
        # Edited into something screening holds (a held word, or a blocked word beside a
        # crisis): it leaves others' view until a moderator has looked at it.
        _take_down(post, PostState.PENDING)
    audit.log(by, "post.edited", target=post)
    return post


@transaction.atomic
def post_delete(*, post: Thread | Reply, by: Any) -> Thread | Reply:
    """The author deletes their post: it disappears for everyone; moderators keep the record
    (cases and revisions stay linked to it)."""
    model = type(post)
    post = model.objects.select_for_update().get(pk=post.pk)
    if post.author_id != by.pk:
        raise GroupError("You can only delete your own posts.")
    if post.state == PostState.DELETED:
        return post
    _take_down(post, PostState.DELETED)
    audit.log(by, "post.deleted", target=post)
    return post


# --- subscriptions and notifications ----------------------------------------------------------

_MENTION = re.compile(r"(?<![\w@])@([A-Za-z0-9_.-]{3,30})")
MAX_MENTIONS = 10


def thread_mark_seen(*, user: Any, thread: Thread, up_to: Any) -> None:
    """Record that `user` has read `thread` up to the time `up_to`; never moves backwards.

    `thread.seen_up_to` (annotated by the selectors) says what was stored, so reading a thread
    with nothing new writes nothing."""
    if not getattr(user, "is_authenticated", False) or up_to is None:
        return
    stored = getattr(thread, "seen_up_to", None)
    if stored is not None and stored >= up_to:
        return
    updated = ThreadRead.objects.filter(user=user, thread=thread, seen_up_to__lt=up_to).update(
        seen_up_to=up_to
    )
    if not updated and stored is None:
        ThreadRead.objects.bulk_create(
            [ThreadRead(user=user, thread=thread, seen_up_to=up_to)], ignore_conflicts=True
        )


def subscription_set(*, user: Any, thread: Thread, muted: bool) -> Subscription:
    """Follow a thread, or mute it (no notifications from it, mentions included)."""
    subscription, _ = Subscription.objects.update_or_create(
        user=user, thread=thread, defaults={"muted": muted}
    )
    return subscription


def membership_accept_guidelines(*, membership: Membership) -> Membership:
    """An active member accepts the group's current guidelines (after a facilitator changed
    them). Recorded with the version, as when they joined."""
    if not membership.is_active:
        raise GroupError("Only members of this group can accept its guidelines.")
    version = membership.group.guidelines_version
    if membership.accepted_guidelines_version != version:
        membership.accepted_guidelines_version = version
        membership.save(update_fields=["accepted_guidelines_version"])
        audit.log(membership.user, "membership.guidelines_accepted", target=membership)
    return membership


def membership_set_notifications_muted(*, membership: Membership, muted: bool) -> Membership:
    """Mute a whole group, or unmute it: no notifications from any of its threads (replies and
    mentions alike), as if every thread in it were muted. The group stays readable as usual.

    Private to the member: no audit entry, no event, nothing shown to anyone else (like muting
    a thread)."""
    if not membership.is_active:
        raise GroupError("Only members of this group can mute it.")
    if membership.notifications_muted != muted:
        membership.notifications_muted = muted
        membership.save(update_fields=["notifications_muted"])
    return membership


@transaction.atomic
def _notify_after_commit(post: Thread | Reply) -> None:
    notify_for_post(post=post)


def _follow(user: Any, thread: Thread) -> None:
    Subscription.objects.get_or_create(user=user, thread=thread)


def notify_for_post(*, post: Thread | Reply) -> list[Notification]:
    """Notifications for a post that just became visible: followers of the thread hear of a
    reply, and members named with @pseudonym hear of a mention. Nobody is told about a post by
    someone they blocked, nor about a thread or a whole group they muted; only active members
    of the group are mentioned or told of replies.

    A fixed number of queries whatever the number of followers: the group mute is a condition
    (or a subquery) inside the queries that find recipients, never a query per recipient."""
    from supportnet.accounts.pseudonyms import skeleton

    thread = post if isinstance(post, Thread) else post.thread
    author_id = post.author_id
    blockers = Block.objects.filter(blocked=author_id).values_list("blocker_id", flat=True)
    muted = Subscription.objects.filter(thread=thread, muted=True).values_list("user_id", flat=True)
    skip = {author_id, *blockers, *muted}
    reply = post if isinstance(post, Reply) else None
    made: list[Notification] = []
    names = {skeleton(name) for name in _MENTION.findall(post.body)[:MAX_MENTIONS]}
    if names:
        mentioned = Membership.objects.filter(
            group=thread.group,
            status=Membership.Status.ACTIVE,
            notifications_muted=False,
            user__pseudonym_key__in=names,
        ).values_list("user_id", flat=True)
        for user_id in mentioned:
            if user_id not in skip:
                made.append(
                    Notification(
                        recipient_id=user_id,
                        kind=Notification.Kind.MENTION,
                        thread=thread,
                        reply=reply,
                        actor_id=author_id,
                    )
                )
                skip.add(user_id)
    if reply is not None:
        # Only members who can still read the group hear of it: a follow outlives a removal or
        # a ban, and the notification would show them the title of a thread they can't open.
        listening = Membership.objects.filter(
            group=thread.group_id, status=Membership.Status.ACTIVE, notifications_muted=False
        ).values("user_id")
        followers = Subscription.objects.filter(
            thread=thread, muted=False, user__in=listening
        ).values_list("user_id", flat=True)
        made.extend(
            Notification(
                recipient_id=user_id,
                kind=Notification.Kind.REPLY,
                thread=thread,
                reply=reply,
                actor_id=author_id,
            )
            for user_id in followers
            if user_id not in skip
        )
    Notification.objects.bulk_create(made)
    for notification in made:
        events.notification_on_commit(notification.recipient_id)
    if author_id is not None:
        _follow(post.author, thread)
    return made


def notifications_mark_read(*, user: Any) -> int:
    return Notification.objects.filter(recipient=user, read_at__isnull=True).update(
        read_at=timezone.now()
    )


# --- live rooms -------------------------------------------------------------------------------

LIVE_MESSAGE_MAX = 2000
# What the poster is told when screening holds their live message for review.
LIVE_MESSAGE_HELD = (
    "Thank you. Your message will appear in the room once a moderator has looked at it."
)


@transaction.atomic
def live_message_create(*, group: Group, author: Any, body: str) -> LiveMessage:
    """Post in the group's live room: members past the new-member stage only (a lesson from
    platforms where open chat invited grooming). Screened inside this transaction."""
    body = clean_text(body).strip()
    if not body:
        raise ValidationError({"body": "Please write something before sending."})
    if len(body) > LIVE_MESSAGE_MAX:
        raise ValidationError(
            {"body": f"Please keep messages under {LIVE_MESSAGE_MAX:,} characters."}
        )
    _check_not_restricted(author)
    if not can_post(author, group):
        raise GroupError("Only members of this group can talk here.")
    membership = _locked_membership(group, author)
    if _is_new(membership):
        raise GroupError(
            "The live room opens to you once your first posts in the group have been approved."
        )
    ratelimit.check(
        "groups.live",
        str(author.pk),
        limit=5,
        period=10,
        message="You are sending messages very quickly. Please wait a moment.",
    )
    message = LiveMessage.objects.create(
        group=group,
        author=author,
        body=body,
        body_html=render_markdown(body),
        changed_at=timezone.now(),
    )
    screening = content_screen(content=message)
    if screening.block_message:
        raise GroupError(screening.block_message)
    if screening.hold:  # not shown to anyone yet: it changes the room when approved
        message.state, message.changed_at = PostState.PENDING, None
        message.save(update_fields=["state", "changed_at"])
    else:
        events.live_message_on_commit(message)
    message.screening = screening
    return message

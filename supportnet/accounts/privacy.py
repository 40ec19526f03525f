"""Members' privacy rights: erasing an account (and, later, exporting one's data).

Erasure removes what identifies the member at once: the email address, the password (which
ends every session), memberships, blocks, follows, notifications and reactions. Their posts
are either deleted or kept, readable, as "deleted member" — the member chooses. The pseudonym
stays reserved for a cooling-off period so nobody can pose as them straight away; then
`pseudonyms_release` frees it. Cases and the audit log keep pointing at the (now anonymous)
account, because safety records must survive.
"""

import secrets
from datetime import timedelta
from typing import Any

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from supportnet.core import audit


@transaction.atomic
def account_erase(*, user: Any, delete_posts: bool) -> None:
    from allauth.account.models import EmailAddress
    from allauth.mfa.models import Authenticator

    from groups.models import (
        Block,
        LiveMessage,
        Membership,
        Notification,
        PostState,
        Reaction,
        Reply,
        Subscription,
        Thread,
        ThreadRead,
    )
    from supportnet.accounts.models import User

    user = User.objects.select_for_update().get(pk=user.pk)
    if user.erased_at is not None:
        return
    if delete_posts:
        now = timezone.now()
        Thread.objects.filter(author=user).update(state=PostState.DELETED)
        for model in (Reply, LiveMessage):
            # What was in view leaves it now: pages that catch up take it away (changed_at).
            mine = model.objects.filter(author=user)
            mine.filter(state=PostState.VISIBLE).update(state=PostState.DELETED, changed_at=now)
            mine.exclude(state=PostState.DELETED).update(state=PostState.DELETED)
    else:
        Thread.objects.filter(author=user).update(author=None)
        Reply.objects.filter(author=user).update(author=None)
        LiveMessage.objects.filter(author=user).update(author=None)
    Membership.objects.filter(user=user).delete()
    Block.objects.filter(blocker=user).delete()
    Block.objects.filter(blocked=user).delete()
    Subscription.objects.filter(user=user).delete()
    ThreadRead.objects.filter(user=user).delete()
    Notification.objects.filter(recipient=user).delete()
    Reaction.objects.filter(user=user).delete()
    EmailAddress.objects.filter(user=user).delete()
    Authenticator.objects.filter(user=user).delete()
    user.email = f"erased-{user.pk}-{secrets.token_hex(6)}@invalid"
    user.set_unusable_password()  # changes the session hash: every session of theirs ends
    user.is_active = False
    user.is_moderator = user.is_editor = user.is_staff = user.is_superuser = False
    user.region = ""
    user.erased_at = timezone.now()
    user.save()
    audit.log(None, "account.erased", target=user, data={"posts_deleted": delete_posts})


def pseudonyms_release(*, now: Any = None) -> int:
    """Give erased members' pseudonyms back once their cooling-off period is over."""
    from supportnet.accounts.models import User
    from supportnet.accounts.pseudonyms import skeleton

    now = now or timezone.now()
    cutoff = now - timedelta(days=settings.SUPPORTNET_PSEUDONYM_COOLING_OFF_DAYS)
    released = 0
    for user in User.objects.filter(erased_at__lte=cutoff).exclude(pseudonym__startswith="gone-"):
        user.pseudonym = f"gone-{secrets.token_hex(8)}"
        user.pseudonym_key = skeleton(user.pseudonym)
        user.save(update_fields=["pseudonym", "pseudonym_key"])
        released += 1
    return released


# --- export -----------------------------------------------------------------------------------

EXPORT_KEEP_DAYS = 7


def export_request(*, user: Any) -> Any:
    """Queue a new export of the member's data (one at a time)."""
    from supportnet.accounts.models import DataExport
    from supportnet.accounts.tasks import build_export

    pending = DataExport.objects.filter(user=user, ready_at__isnull=True).first()
    if pending is not None:
        return pending
    with transaction.atomic():
        export = DataExport.objects.create(user=user)
        build_export.enqueue(export.pk)
        audit.log(user, "account.export_requested", target=user)
    return export


def export_data(*, user: Any) -> dict[str, Any]:
    """Everything the member gave the site, as plain data. Moderators' notes and other
    members' details are not included; reports they made are."""
    from groups.models import (
        LiveMessage,
        Membership,
        PostState,
        Reaction,
        Reply,
        Subscription,
        Thread,
        ThreadRead,
    )
    from moderation.models import Notice, Report

    def when(moment: Any) -> str | None:
        return moment.isoformat() if moment else None

    # Another member's thread is named only while the member may still read it: visible, in a
    # group they are active in. Otherwise (they left or were removed, it was hidden or its
    # author erased it) only its number, so an export never shows what the pages would not.
    active_groups = set(
        Membership.objects.filter(user=user, status=Membership.Status.ACTIVE).values_list(
            "group_id", flat=True
        )
    )

    def thread_name(thread: Any) -> str:
        readable = thread.state == PostState.VISIBLE and thread.group_id in active_groups
        if thread.author_id == user.pk or readable:
            return str(thread.title)
        return f"conversation no. {thread.pk}"

    return {
        "profile": {
            "pseudonym": user.pseudonym,
            "email": user.email,
            "joined": when(user.date_joined),
            "region": user.region,
        },
        "memberships": [
            {
                "group": m.group.name,
                "status": m.status,
                "joined": when(m.joined_at),
                "notifications_muted": m.notifications_muted,
            }
            for m in Membership.objects.filter(user=user).select_related("group")
        ],
        "follows": [
            {"thread": thread_name(f.thread), "muted": f.muted, "since": when(f.created_at)}
            for f in Subscription.objects.filter(user=user).select_related("thread")
        ],
        "threads_read": [
            {"thread": thread_name(r.thread), "read_up_to": when(r.seen_up_to)}
            for r in ThreadRead.objects.filter(user=user).select_related("thread")
        ],
        "threads": [
            {"group": t.group.name, "title": t.title, "body": t.body, "created": when(t.created_at)}
            for t in Thread.objects.filter(author=user).select_related("group")
        ],
        "replies": [
            {"thread": thread_name(r.thread), "body": r.body, "created": when(r.created_at)}
            for r in Reply.objects.filter(author=user).select_related("thread")
        ],
        "reactions": [
            {"kind": r.kind, "created": when(r.created_at)}
            for r in Reaction.objects.filter(user=user)
        ],
        "live_messages": [
            {"group": m.group.name, "body": m.body, "created": when(m.created_at)}
            for m in LiveMessage.objects.filter(author=user).select_related("group")
        ],
        "reports_made": [
            {"reason": r.reason, "note": r.text, "created": when(r.created_at)}
            for r in Report.objects.filter(reporter=user)
        ],
        "moderation_notices": [
            {
                "kind": n.get_kind_display(),
                "message": n.message,
                "created": when(n.created_at),
                "appeal": n.appeal_text,
                "appeal_state": n.appeal_state,
                "appeal_outcome": n.appeal_outcome,
            }
            for n in Notice.objects.filter(member=user)
        ],
    }


def export_build(*, export_id: int) -> bool:
    """Build the zip (data.json and a readable data.html). Safe to run twice."""
    import io
    import json
    import zipfile

    from django.template.loader import render_to_string

    from supportnet.accounts.models import DataExport

    export = DataExport.objects.select_related("user").filter(pk=export_id).first()
    if export is None or export.ready_at is not None:
        return False
    data = export_data(user=export.user)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("data.json", json.dumps(data, indent=2, ensure_ascii=False))
        archive.writestr("data.html", render_to_string("account/export.html", {"data": data}))
    now = timezone.now()
    DataExport.objects.filter(pk=export.pk).update(
        archive=buffer.getvalue(), ready_at=now, expires_at=now + timedelta(days=EXPORT_KEEP_DAYS)
    )
    return True

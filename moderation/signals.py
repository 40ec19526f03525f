"""Receivers that keep moderators' duty and open alert sockets honest: when a user's roles
change or an authenticator (two-step verification) is removed, someone who can no longer
moderate is taken off duty, and their alert sockets check again after commit whether they may
still moderate, and close if not. Connected in `ModerationConfig`."""

from typing import Any

from moderation import events, services
from supportnet.accounts.permissions import is_moderator

ROLE_FIELDS = frozenset({"is_active", "is_moderator", "is_staff"})


def user_saved(
    sender: Any, instance: Any, created: bool, update_fields: Any, **kwargs: Any
) -> None:
    if kwargs.get("raw") or created:
        return  # loading fixtures, or a new account: nothing to take away
    if update_fields is not None and not ROLE_FIELDS & set(update_fields):
        return
    if is_moderator(instance):
        return  # still a moderator: nothing to take away
    services.moderator_duty_check(user_id=instance.pk)
    events.moderator_recheck_on_commit(instance.pk)


def authenticator_deleted(sender: Any, instance: Any, **kwargs: Any) -> None:
    services.moderator_duty_check(user_id=instance.user_id)
    events.moderator_recheck_on_commit(instance.user_id)

"""Realtime publishing for moderators, after commit only. The alert rows are the truth: a
moderator's dashboard loads every unacknowledged alert from the database on (re)connect.

The push carries each alert as the moderator's socket will show it (no post content: level,
reasons, a link), so the socket sends it on without a database query; each socket keeps only
the alerts addressed to its own moderator.
"""

from typing import Any

from django.db import transaction
from django.urls import reverse

from supportnet.core.realtime import group_send

ALERTS_GROUP = "mod.alerts"


def moderator_group(user_id: int) -> str:
    """One moderator's alert sockets, told to check again that they may still listen."""
    return f"mod.moderator.{user_id}"


def alert_payload(alert: Any) -> dict[str, Any]:
    """An alert as the moderator's socket sends it. Uses `alert.case`, which the caller has
    loaded (`select_related`, or the case the alert was just written for)."""
    case = alert.case
    return {
        "type": "alert",
        "id": alert.pk,
        "case_id": case.pk,
        "level": case.level,
        "reasons": list(case.reasons),
        "step": alert.step,
        "raised_at": alert.raised_at.isoformat(),
        "opened_at": case.opened_at.isoformat(),
        "url": reverse("moderation:case", args=[case.pk]),
    }


def alerts_created_on_commit(alerts: list[Any]) -> None:
    if not alerts:
        return
    # Built now, while the case is in memory: after commit nothing needs the database.
    message = {
        "type": "alerts.created",
        "alerts": [{"recipient_id": a.recipient_id, "alert": alert_payload(a)} for a in alerts],
    }
    transaction.on_commit(lambda: group_send(ALERTS_GROUP, message))


def case_acknowledged_on_commit(case: Any) -> None:
    message = {"type": "case.settled", "case_id": case.pk, "state": case.state}
    transaction.on_commit(lambda: group_send(ALERTS_GROUP, message))


def moderator_recheck_on_commit(user_id: int) -> None:
    """A moderator's roles or two-step verification changed: their open alert sockets check
    again and close if they may no longer moderate."""
    message = {"type": "moderator.recheck"}
    transaction.on_commit(lambda: group_send(moderator_group(user_id), message))

"""Realtime publishing for moderators, after commit only. The alert rows are the truth: a
moderator's dashboard loads every unacknowledged alert from the database on (re)connect."""

import logging
from typing import Any

from asgiref.sync import async_to_sync
from channels.layers import get_channel_layer
from django.db import transaction

logger = logging.getLogger(__name__)

ALERTS_GROUP = "mod.alerts"


def _send(message: dict[str, Any]) -> None:
    layer = get_channel_layer()
    if layer is None:
        return
    try:
        async_to_sync(layer.group_send)(ALERTS_GROUP, message)
    except Exception:  # Redis down: moderators get the alert from the database on reconnect
        logger.warning("publishing moderator alerts failed; they wait in the database")


def alerts_created_on_commit(alerts: list[Any]) -> None:
    if not alerts:
        return
    message = {
        "type": "alerts.created",
        "alerts": [{"id": a.pk, "recipient_id": a.recipient_id} for a in alerts],
    }
    transaction.on_commit(lambda: _send(message))


def case_acknowledged_on_commit(case: Any) -> None:
    message = {"type": "case.settled", "case_id": case.pk, "state": case.state}
    transaction.on_commit(lambda: _send(message))

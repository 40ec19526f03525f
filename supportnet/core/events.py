"""Realtime publishing for cross-cutting streams. Only called after commit."""

import logging
from typing import Any

from asgiref.sync import async_to_sync
from channels.layers import get_channel_layer
from django.db import transaction

from supportnet.core.consumers import user_group


def publish_to_user_on_commit(user_id: int, payload: dict[str, Any]) -> None:
    """Send `payload` to the member's open sockets once the current transaction commits.

    The channel layer is best effort: whatever is sent here must also be in the database.
    """

    def send() -> None:
        layer = get_channel_layer()
        if layer is None:
            return
        try:
            async_to_sync(layer.group_send)(
                user_group(user_id), {"type": "user.event", "payload": payload}
            )
        except Exception:  # Redis down: the row in the database is the truth
            logging.getLogger(__name__).warning("realtime publish to a member failed")

    transaction.on_commit(send)

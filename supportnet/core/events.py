"""Realtime publishing for cross-cutting streams. Only called after commit."""

from typing import Any

from django.db import transaction

from supportnet.core.consumers import user_group
from supportnet.core.realtime import group_send


def publish_to_user_on_commit(user_id: int, payload: dict[str, Any]) -> None:
    """Send `payload` to the member's open sockets once the current transaction commits.

    The channel layer is best effort: whatever is sent here must also be in the database.
    """

    def send() -> None:
        # Best effort: with Redis down the row in the database is the truth.
        group_send(user_group(user_id), {"type": "user.event", "payload": payload})

    transaction.on_commit(send)

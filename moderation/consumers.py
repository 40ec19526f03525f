"""The moderator's live alert feed (`/ws/moderation/alerts/`, group `mod.alerts`).

On every (re)connect the moderator receives every alert of theirs not yet acknowledged, from
the database; pushes after that are a courtesy on top. A push carries the alert as it is
shown (see `moderation.events`), so it goes to the socket at once, with no database query on
the way; the socket keeps only alerts addressed to its moderator. Marking them delivered is
done afterwards, in the background, several at a time.

A push can be lost while the socket stays open — Redis restarted or was unreachable when the
crisis post was saved; the moderator's page did not reload. So every `CATCH_UP_SECONDS` the
socket also asks the database which of its moderator's alerts are unacknowledged and sends
those it has not sent (whether another socket of theirs delivered them or not): such an alert
appears within seconds, even while Redis is down, without a reload. Each alert is sent once
per raise: when it is raised again after being acknowledged (the member asks a moderator to
reach out), its `raised_at` changes and it is sent again (the page reopens a settled one).

A moderator who loses the role or their two-step verification while the socket is open is
cut off: the change tells their sockets to check again (group `mod.moderator.<id>`), and each
socket also checks again every `RECHECK_SECONDS` in case that message was lost.
"""

import asyncio
import contextlib
import logging
from typing import Any

from channels.db import database_sync_to_async
from channels.generic.websocket import AsyncJsonWebsocketConsumer
from django.contrib.auth import get_user_model

from moderation import selectors, services
from moderation.events import ALERTS_GROUP, alert_payload, moderator_group
from supportnet.accounts.permissions import can_moderate

__all__ = [
    "CATCH_UP_SECONDS",
    "CLOSE_NOT_A_MODERATOR",
    "RECHECK_SECONDS",
    "AlertsConsumer",
    "alert_payload",
]

logger = logging.getLogger(__name__)

CLOSE_NOT_A_MODERATOR = 4403
RECHECK_SECONDS = 60.0
CATCH_UP_SECONDS = 5.0


def _still_moderates(user_id: int) -> bool:
    user = get_user_model().objects.filter(pk=user_id).first()
    return user is not None and can_moderate(user)


def _raise_of(payload: dict[str, Any]) -> tuple[int, str]:
    return (payload["id"], payload["raised_at"])


class AlertsConsumer(AsyncJsonWebsocketConsumer):
    groups_joined: tuple[str, ...] = ()
    user_id = 0
    cut_off = False

    async def connect(self) -> None:
        user = self.scope.get("user")
        if user is None or not await database_sync_to_async(can_moderate)(user):
            await self.close(code=CLOSE_NOT_A_MODERATOR)
            return
        self.user_id = int(user.pk)
        self.to_mark: set[int] = set()
        self.sent: set[tuple[int, str]] = set()  # (id, raised_at) of each alert sent here
        self.marking: asyncio.Task[None] | None = None
        self.groups_joined = (ALERTS_GROUP, moderator_group(self.user_id))
        for group in self.groups_joined:
            await self.channel_layer.group_add(group, self.channel_name)
        await self.accept()
        await self._send_new(await self._payloads())
        self.rechecking = asyncio.create_task(self._recheck_periodically())

    async def disconnect(self, code: int) -> None:
        for group in self.groups_joined:
            await self.channel_layer.group_discard(group, self.channel_name)
        rechecking = getattr(self, "rechecking", None)
        if rechecking is not None:
            rechecking.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await rechecking
        if self.groups_joined:  # whatever was sent is recorded as delivered
            if self.marking is not None:
                await self.marking
            await self._mark_now()

    async def receive_json(self, content: Any, **kwargs: Any) -> None:
        return  # acknowledging happens through the page's forms, which are audited

    async def alerts_created(self, event: dict[str, Any]) -> None:
        if self.cut_off:
            return
        await self._send_new(
            [a["alert"] for a in event["alerts"] if a["recipient_id"] == self.user_id]
        )

    async def _send_new(self, payloads: list[dict[str, Any]]) -> None:
        """Send the alerts this socket has not sent in their current raise, and record them
        as delivered in the background, several at a time."""
        fresh = [payload for payload in payloads if _raise_of(payload) not in self.sent]
        self.sent.update(_raise_of(payload) for payload in fresh)
        for payload in fresh:
            await self.send_json(payload)
        self.to_mark.update(payload["id"] for payload in fresh)
        if self.to_mark and (self.marking is None or self.marking.done()):
            self.marking = asyncio.create_task(self._mark_now())

    async def case_settled(self, event: dict[str, Any]) -> None:
        if not self.cut_off:
            await self.send_json({"type": "settled", "case_id": event["case_id"]})

    async def moderator_recheck(self, event: dict[str, Any]) -> None:
        await self._recheck()

    async def _recheck(self) -> None:
        if not await database_sync_to_async(_still_moderates)(self.user_id):
            self.cut_off = True  # nothing more goes out, even before the close completes
            await self.close(code=CLOSE_NOT_A_MODERATOR)

    async def _recheck_periodically(self) -> None:
        loop = asyncio.get_running_loop()
        recheck_at = loop.time() + RECHECK_SECONDS
        while not self.cut_off:
            await asyncio.sleep(min(CATCH_UP_SECONDS, RECHECK_SECONDS))
            try:
                if loop.time() >= recheck_at:
                    recheck_at = loop.time() + RECHECK_SECONDS
                    await self._recheck()
                if not self.cut_off:
                    await self._catch_up()
            except Exception:  # the database is away for a moment: check again next time
                logger.warning("re-checking a moderator's alert socket failed")

    async def _catch_up(self) -> None:
        """Send the alerts whose push never reached this socket."""
        unacknowledged = await self._unacknowledged()
        self.sent &= unacknowledged  # forget what was acknowledged since
        missing = unacknowledged - self.sent
        if missing:
            await self._send_new(await self._payloads([alert_id for alert_id, _ in missing]))

    async def _mark_now(self) -> None:
        """Record as delivered every alert sent so far, in one query per batch. Best effort:
        `delivered_at` is informative, and unacknowledged alerts are sent again on reconnect."""
        while self.to_mark:
            alert_ids, self.to_mark = sorted(self.to_mark), set()
            try:
                await database_sync_to_async(services.alerts_mark_delivered)(alert_ids=alert_ids)
            except Exception:
                logger.warning("recording alerts as delivered failed")

    @database_sync_to_async
    def _unacknowledged(self) -> set[tuple[int, str]]:
        alerts = selectors.unacknowledged_alerts(moderator=self.user_id)
        return {(pk, raised.isoformat()) for pk, raised in alerts.values_list("pk", "raised_at")}

    @database_sync_to_async
    def _payloads(self, alert_ids: list[int] | None = None) -> list[dict[str, Any]]:
        """This moderator's unacknowledged alerts (those of `alert_ids`, or all), oldest first."""
        alerts = selectors.unacknowledged_alerts(moderator=self.user_id)
        if alert_ids is not None:
            alerts = alerts.filter(pk__in=alert_ids)
        return [alert_payload(a) for a in alerts]

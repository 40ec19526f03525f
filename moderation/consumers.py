"""The moderator's live alert feed (`/ws/moderation/alerts/`, group `mod.alerts`).

On every (re)connect the moderator receives every alert of theirs not yet acknowledged, from
the database; pushes after that are a courtesy on top.
"""

from typing import Any

from channels.db import database_sync_to_async
from channels.generic.websocket import AsyncJsonWebsocketConsumer
from django.urls import reverse

from moderation import selectors, services
from moderation.events import ALERTS_GROUP
from moderation.models import Alert
from supportnet.accounts.permissions import can_moderate

CLOSE_NOT_A_MODERATOR = 4403


def alert_payload(alert: Alert) -> dict[str, Any]:
    case = alert.case
    return {
        "type": "alert",
        "id": alert.pk,
        "case_id": case.pk,
        "level": case.level,
        "reasons": case.reasons,
        "step": alert.step,
        "opened_at": case.opened_at.isoformat(),
        "url": reverse("moderation:case", args=[case.pk]),
    }


class AlertsConsumer(AsyncJsonWebsocketConsumer):
    joined = False

    async def connect(self) -> None:
        if not await database_sync_to_async(can_moderate)(self.scope.get("user")):
            await self.close(code=CLOSE_NOT_A_MODERATOR)
            return
        await self.channel_layer.group_add(ALERTS_GROUP, self.channel_name)
        self.joined = True
        await self.accept()
        for payload in await self._pending():
            await self.send_json(payload)

    async def disconnect(self, code: int) -> None:
        if self.joined:
            await self.channel_layer.group_discard(ALERTS_GROUP, self.channel_name)

    async def receive_json(self, content: Any, **kwargs: Any) -> None:
        return  # acknowledging happens through the page's forms, which are audited

    async def alerts_created(self, event: dict[str, Any]) -> None:
        mine = [a["id"] for a in event["alerts"] if a["recipient_id"] == self.scope["user"].pk]
        if mine:
            for payload in await self._load(mine):
                await self.send_json(payload)

    async def case_settled(self, event: dict[str, Any]) -> None:
        await self.send_json({"type": "settled", "case_id": event["case_id"]})

    @database_sync_to_async
    def _pending(self) -> list[dict[str, Any]]:
        if not can_moderate(self.scope["user"]):
            return []
        alerts = list(selectors.unacknowledged_alerts(moderator=self.scope["user"]))
        services.alerts_mark_delivered(alert_ids=[a.pk for a in alerts])
        return [alert_payload(a) for a in alerts]

    @database_sync_to_async
    def _load(self, alert_ids: list[int]) -> list[dict[str, Any]]:
        alerts = list(
            selectors.unacknowledged_alerts(moderator=self.scope["user"]).filter(pk__in=alert_ids)
        )
        services.alerts_mark_delivered(alert_ids=[a.pk for a in alerts])
        return [alert_payload(a) for a in alerts]

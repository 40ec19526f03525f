"""The unread count in the page header: notifications plus moderators' notices (one query, only
for signed-in members)."""

from typing import Any

from django.contrib.auth import get_user_model
from django.db.models import Count, IntegerField, OuterRef, Subquery
from django.db.models.functions import Coalesce
from django.http import HttpRequest
from django.utils.functional import SimpleLazyObject

from groups.models import Notification


def _unread_count(user_id: int) -> int:
    from moderation.models import Notice

    def unread(model: Any, owner: str) -> Any:
        rows = (
            model.objects.filter(**{owner: OuterRef("pk")}, read_at__isnull=True)
            .order_by()
            .values(owner)
            .annotate(n=Count("pk"))
            .values("n")
        )
        return Coalesce(Subquery(rows, output_field=IntegerField()), 0)

    counts = (
        get_user_model()
        .objects.filter(pk=user_id)
        .annotate(unread_n=unread(Notification, "recipient"), unread_m=unread(Notice, "member"))
        .values_list("unread_n", "unread_m")
        .first()
    )
    return sum(counts) if counts else 0


def notifications(request: HttpRequest) -> dict[str, Any]:
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    user_id = user.pk
    return {"unread_notifications": SimpleLazyObject(lambda: _unread_count(user_id))}

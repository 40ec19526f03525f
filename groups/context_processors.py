"""The unread-notification count in the page header (one query, only for signed-in members)."""

from typing import Any

from django.http import HttpRequest
from django.utils.functional import SimpleLazyObject

from groups.models import Notification


def notifications(request: HttpRequest) -> dict[str, Any]:
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    return {
        "unread_notifications": SimpleLazyObject(
            lambda: Notification.objects.filter(recipient=user, read_at__isnull=True).count()
        )
    }

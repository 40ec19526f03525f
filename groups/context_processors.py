"""The unread count in the page header: notifications plus moderators' notices (one query, only
for signed-in members, and none when the page's own query already brought it: see
`groups.selectors.group_for_viewer`)."""

from typing import Any

from django.contrib.auth import get_user_model
from django.db.models import F, Func, IntegerField, OuterRef, Subquery
from django.http import HttpRequest
from django.utils.functional import SimpleLazyObject

from groups.models import Notification

# Set on the request's user by a query that fetched the count along with what the page needed.
PREFETCHED = "_unread_count_cache"


def unread_expressions(user: Any) -> tuple[Any, Any]:
    """How many unread notifications, and how many unread moderators' notices, the member
    `user` (an `OuterRef` to a user id) has, as expressions any query can annotate."""
    from moderation.models import Notice

    def unread(model: Any, owner: str) -> Any:
        # A plain COUNT(*) (not an aggregate Django would group by) always gives one row, 0
        # when there is nothing, and is much quicker to build than a grouped subquery.
        rows = (
            model.objects.filter(**{owner: user}, read_at__isnull=True)
            .order_by()
            .values(n=Func(F("pk"), function="COUNT"))
        )
        return Subquery(rows, output_field=IntegerField())

    return unread(Notification, "recipient"), unread(Notice, "member")


def _unread_count(user_id: int) -> int:
    notifications_n, notices_n = unread_expressions(OuterRef("pk"))
    counts = (
        get_user_model()
        .objects.filter(pk=user_id)
        .annotate(unread_n=notifications_n, unread_m=notices_n)
        .values_list("unread_n", "unread_m")
        .first()
    )
    return sum(counts) if counts else 0


def notifications(request: HttpRequest) -> dict[str, Any]:
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    known = getattr(user, PREFETCHED, None)
    if known is not None:
        return {"unread_notifications": known}
    user_id = user.pk
    return {"unread_notifications": SimpleLazyObject(lambda: _unread_count(user_id))}

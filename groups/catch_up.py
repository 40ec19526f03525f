"""The cursor a live page keeps so that it catches up after a dropped connection (live rooms and
thread pages alike; docs/groups.md, "Catching up after a dropped connection").

A cursor is a time, issued by the server, before which the page has every change (a post that
came into its view or left it). A post's `changed_at` is written inside the transaction that
shows or hides it and becomes readable only at commit, a moment later; the cursor is therefore
issued a margin earlier than the moment it stands for, so a change still committing when a
cursor was issued is found by the next catch-up. The margin also covers the clocks of different
web servers disagreeing a little. What the margin brings again is left out by the ids the
client says it already shows.

What a catch-up returns is read by `groups.selectors` (`room_changes`, `thread_changes`); this
module owns only the cursor and what a client may send.
"""

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any, cast

from django.utils import timezone

SYNC_MARGIN = timedelta(seconds=60)
SYNC_HAVE = 500  # ids a client may list as already shown (more are ignored)
_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
_CURSOR_MAX = 2**53  # a JavaScript number holds every integer up to here exactly


def cursor(moment: datetime | None = None) -> int:
    """The cursor for a client that has every change up to `moment` (now if omitted):
    microseconds since 1970, the margin earlier. Opaque to the client."""
    since = (moment or timezone.now()) - SYNC_MARGIN - _EPOCH
    return max(0, since // timedelta(microseconds=1))


def cursor_valid(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and 0 <= value <= _CURSOR_MAX


def moment(value: int) -> datetime:
    """The time a (valid) cursor stands for: changes after it are due."""
    return _EPOCH + timedelta(microseconds=value)


@dataclass(frozen=True)
class Request:
    """A client's catch-up request: `{"cursor": …, "have": [ids it shows]}`."""

    cursor: int
    have: list[int]


def request_from(content: dict[str, Any]) -> Request | None:
    """Read a catch-up request from what a client sent; None when the cursor is not one the
    server could have issued (see `ids_from` for the ids)."""
    value, have = content.get("cursor"), content.get("have")
    if not cursor_valid(value):
        return None
    return Request(cursor=cast(int, value), have=ids_from(have))


def ids_from(value: Any) -> list[int]:
    """The post ids in what a client sent: whole numbers a database id can be (a larger one
    would fail the query), at most the first `SYNC_HAVE` items read."""
    if not isinstance(value, list):
        return []
    return [i for i in value[:SYNC_HAVE] if cursor_valid(i) and i > 0]

"""What the catch-up tests of the live room and of thread pages share: a member's socket, used
as the page's script uses it (connect, then catch up with a cursor and the ids shown), and the
moderators' acts that change what those pages show, run as a scenario runs them."""

from collections.abc import Awaitable, Callable
from typing import Any

from channels.db import database_sync_to_async
from channels.routing import URLRouter
from channels.testing import WebsocketCommunicator

from groups.services import post_review
from moderation.services import content_hide
from supportnet.routing import websocket_urlpatterns

app = URLRouter(websocket_urlpatterns)

# What a page's script never sends: each gets no answer, and the socket stays open.
NONSENSE: tuple[Any, ...] = (
    {"cursor": -1},
    {"cursor": "0"},
    {"cursor": True},
    {"cursor": 2**60},
    {"cursor": 1.5},
    {"cursor": None},
)

# Ids a page never holds; a query with them would fail in the database.
IMPOSSIBLE_IDS = [2**63, 2**70, -(2**70), 0, -1]

Sync = tuple[dict[str, Any], WebsocketCommunicator]


def socket(user: Any, path: str) -> WebsocketCommunicator:
    """A socket to `path` as `user`, not yet connected."""
    communicator = WebsocketCommunicator(app, path)
    communicator.scope["user"] = user
    return communicator


async def connected(user: Any, path: str) -> WebsocketCommunicator:
    communicator = socket(user, path)
    assert (await communicator.connect())[0]
    return communicator


async def sync(user: Any, path: str, hello: dict[str, Any]) -> Sync:
    """Connect, catch up, and return what the server said and the socket (still open)."""
    communicator = await connected(user, path)
    await communicator.send_json_to(hello)
    answer = await communicator.receive_json_from(timeout=5)
    assert answer["type"] == "sync"
    return answer, communicator


async def away_and_watching(
    catch_up: Callable[[Any], Awaitable[Sync]], reader: Any, witness: Any
) -> tuple[dict[str, Any], WebsocketCommunicator]:
    """The reader catches up and goes away; the witness catches up and stays. Returns what the
    reader was told (its cursor is where the reader comes back from) and the witness's socket."""
    first, away = await catch_up(reader)
    await away.disconnect()
    _, watching = await catch_up(witness)
    return first, watching


async def send_each(communicator: WebsocketCommunicator, messages: tuple[Any, ...]) -> None:
    for message in messages:
        await communicator.send_json_to(message)


async def close(*communicators: WebsocketCommunicator) -> None:
    for communicator in communicators:
        await communicator.disconnect()


def approve(post: Any, by: Any) -> Awaitable[Any]:
    """A moderator approves a held post or message (committed, so its events go out)."""
    return database_sync_to_async(post_review)(post=post, by=by, approve=True)


def hide(post: Any, by: Any) -> Awaitable[Any]:
    """A moderator hides a post or message (committed, so its events go out)."""
    return database_sync_to_async(content_hide)(post=post, moderator=by, reason="contact")

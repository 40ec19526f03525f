"""Publishing to the channel layer from synchronous code (the after-commit hooks in `events.py`).

`async_to_sync(layer.group_send)` called outside an event loop starts a new event loop for
each call, and channels_redis keeps one Redis connection per event loop: every publish paid
for a new loop and a new connection (TCP connect and handshake) before the message left.
Here each process keeps one event loop, in a daemon thread, for all its publishing; so it has
one channel-layer connection, opened once and reused. The thread is stopped before the
process forks; parent and child each start their own again when they next publish.

The in-memory layer (the demo without Redis) is the exception: its queues belong to the event
loop that reads them, so publishing goes through `async_to_sync`, which runs on that loop.

Publishing is best effort and never raises: whatever is sent is also a row in the database,
and clients catch up from the database on (re)connect (an open moderator dashboard also every
few seconds). A publish that fails or takes longer than `PUBLISH_TIMEOUT` seconds is logged and
given up on, so a Redis that is down or hung never holds up a request for long. A Redis that
is down refuses at once; one that hangs would cost every publish the whole timeout — a reply
with twenty followers, twenty seconds. So for `SLOW_MODE_SECONDS` after a publish timed out,
the process no longer waits: each publish is handed to the publishing loop and completes (or
fails, logged) in the background, within `BACKGROUND_TIMEOUT` seconds, with at most
`MAX_IN_BACKGROUND` of them under way (beyond that they are dropped, and logged). Nothing is
dropped while Redis is merely slow, and a request never waits more than one timeout.
"""

import asyncio
import logging
import os
import threading
import time
from typing import Any

from asgiref.sync import async_to_sync
from channels.layers import InMemoryChannelLayer, get_channel_layer

logger = logging.getLogger(__name__)

PUBLISH_TIMEOUT = 1.0  # seconds a request waits for a publish
SLOW_MODE_SECONDS = 5.0  # after a timeout, publishes go to the background for this long
BACKGROUND_TIMEOUT = 30.0  # seconds a background publish may take
MAX_IN_BACKGROUND = 1000

_slow_until = 0.0  # time.monotonic() before which publishes are not waited for
_in_background = threading.BoundedSemaphore(MAX_IN_BACKGROUND)

_lock = threading.Lock()
_loop: asyncio.AbstractEventLoop | None = None
_loop_pid: int | None = None
_loop_thread: threading.Thread | None = None
_stopped: list[asyncio.AbstractEventLoop] = []


def _publisher_loop() -> asyncio.AbstractEventLoop:
    """This process's publishing event loop, started on first use."""
    global _loop, _loop_pid, _loop_thread
    with _lock:
        alive = _loop_thread is not None and _loop_thread.is_alive()
        if _loop is None or _loop_pid != os.getpid() or not alive:
            loop = asyncio.new_event_loop()
            thread = threading.Thread(
                target=loop.run_forever, name="supportnet-publisher", daemon=True
            )
            thread.start()
            _loop, _loop_pid, _loop_thread = loop, os.getpid(), thread
        return _loop


def _stop_before_fork() -> None:
    """Stop the publishing thread before this process forks (a test server, a pre-loaded
    gunicorn master), so no thread is copied mid-way through holding a lock. Parent and
    child each start a fresh one on their next publish."""
    global _loop, _loop_pid, _loop_thread
    with _lock:
        loop, thread = _loop, _loop_thread
        _loop = _loop_pid = _loop_thread = None
    if loop is not None and thread is not None and thread.is_alive():
        loop.call_soon_threadsafe(loop.stop)
        thread.join(timeout=1)
        # Kept, not closed: closing runs channels_redis' clean-up on this thread, which may
        # be running a loop of its own. One stopped loop per fork is all this keeps.
        _stopped.append(loop)


os.register_at_fork(before=_stop_before_fork)


def group_send(group: str, message: dict[str, Any]) -> bool:
    """Send `message` to the channel-layer group `group`; True if the layer took it (False
    if it failed, or if it was left to finish in the background)."""
    layer = get_channel_layer()
    if layer is None:
        return False
    global _slow_until
    try:
        if isinstance(layer, InMemoryChannelLayer):
            async_to_sync(layer.group_send)(group, message)
        elif time.monotonic() < _slow_until:
            _send_in_background(layer, group, message)
            return False
        else:
            future = asyncio.run_coroutine_threadsafe(
                layer.group_send(group, message), _publisher_loop()
            )
            try:
                future.result(PUBLISH_TIMEOUT)
            except TimeoutError:
                future.cancel()
                _slow_until = time.monotonic() + SLOW_MODE_SECONDS
                logger.warning("realtime publish timed out; publishing in the background")
                raise
    except Exception:  # Redis down or slow: the database row is the truth
        logger.warning("realtime publish failed", extra={"channel_group": group})
        return False
    return True


def _send_in_background(layer: Any, group: str, message: dict[str, Any]) -> None:
    if not _in_background.acquire(blocking=False):
        logger.warning(
            "realtime publish dropped: too many under way", extra={"channel_group": group}
        )
        return

    async def send() -> None:
        try:
            await asyncio.wait_for(layer.group_send(group, message), BACKGROUND_TIMEOUT)
        except Exception:
            logger.warning("realtime publish failed", extra={"channel_group": group})
        finally:
            _in_background.release()

    try:
        asyncio.run_coroutine_threadsafe(send(), _publisher_loop())
    except Exception:
        _in_background.release()
        raise

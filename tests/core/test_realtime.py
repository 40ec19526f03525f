"""Publishing from synchronous code: one event loop (so one Redis connection) per process."""

import asyncio
import threading
import time

from supportnet.core import realtime


def test_publishing_from_plain_sync_code_reuses_one_event_loop(monkeypatch):
    seen = []

    class RecordingLayer:
        async def group_send(self, group, message):
            seen.append((asyncio.get_running_loop(), threading.current_thread().name))

    layer = RecordingLayer()
    monkeypatch.setattr(realtime, "get_channel_layer", lambda: layer)
    for n in range(3):
        assert realtime.group_send("mod.alerts", {"type": "test", "n": n})
    assert len(seen) == 3
    assert len({loop for loop, _ in seen}) == 1  # one loop, so one Redis connection
    assert {name for _, name in seen} == {"supportnet-publisher"}


def test_a_failing_layer_is_logged_and_never_raises(monkeypatch, caplog):
    class BrokenLayer:
        async def group_send(self, group, message):
            raise ConnectionError("redis is down")

    monkeypatch.setattr(realtime, "get_channel_layer", BrokenLayer)
    assert realtime.group_send("thread.1", {"type": "test"}) is False
    assert "realtime publish failed" in caplog.text


def test_a_publish_that_hangs_is_given_up_on_after_the_timeout(monkeypatch):
    class HungLayer:
        async def group_send(self, group, message):
            await asyncio.sleep(30)

    monkeypatch.setattr(realtime, "_slow_until", 0.0)  # restored after the test
    monkeypatch.setattr(realtime, "get_channel_layer", HungLayer)
    monkeypatch.setattr(realtime, "PUBLISH_TIMEOUT", 0.1)
    assert realtime.group_send("thread.1", {"type": "test"}) is False


def test_after_a_hung_publish_the_next_ones_go_to_the_background_and_none_is_lost(monkeypatch):
    """A hung Redis costs a request one timeout, not one per publish: a request that publishes
    twenty times is not held up twenty times, and when Redis answers again those publishes
    complete instead of being dropped."""
    sent = []

    class SlowLayer:
        async def group_send(self, group, message):
            # user.0 hangs, the other users are slow, then Redis answers at once again.
            await asyncio.sleep(30 if group == "user.0" else 0.3 if "user" in group else 0)
            sent.append(group)

    monkeypatch.setattr(realtime, "_slow_until", 0.0)  # restored after the test
    monkeypatch.setattr(realtime, "get_channel_layer", SlowLayer)
    monkeypatch.setattr(realtime, "PUBLISH_TIMEOUT", 0.2)
    monkeypatch.setattr(realtime, "SLOW_MODE_SECONDS", 0.8)
    started = time.monotonic()
    results = [realtime.group_send(f"user.{n}", {"type": "test"}) for n in range(20)]
    assert time.monotonic() - started < 0.5  # one timeout; the rest were not waited for
    assert results == [False] * 20
    deadline = time.monotonic() + 5
    while len(sent) < 19 and time.monotonic() < deadline:
        time.sleep(0.05)
    assert sorted(sent) == sorted(f"user.{n}" for n in range(1, 20))  # none lost
    # Slow mode lasts SLOW_MODE_SECONDS from the moment the first publish timed out, which on
    # a busy machine is later than `started` + PUBLISH_TIMEOUT: wait for the end it was given.
    time.sleep(max(0.0, realtime._slow_until - time.monotonic()) + 0.05)  # slow mode is over
    assert realtime.group_send("thread.1", {"type": "test"}) is True  # waited for again


def test_background_publishes_are_bounded_and_the_excess_is_dropped_and_logged(monkeypatch, caplog):
    class HungLayer:
        async def group_send(self, group, message):
            await asyncio.sleep(30)

    monkeypatch.setattr(realtime, "_slow_until", time.monotonic() + 5)  # restored after
    monkeypatch.setattr(realtime, "_in_background", threading.BoundedSemaphore(3))
    monkeypatch.setattr(realtime, "BACKGROUND_TIMEOUT", 0.3)
    monkeypatch.setattr(realtime, "get_channel_layer", HungLayer)
    for n in range(5):
        assert realtime.group_send(f"user.{n}", {"type": "test"}) is False
    assert caplog.text.count("too many under way") == 2
    # The three under way give up after BACKGROUND_TIMEOUT (not the layer's 30 s): room again.
    deadline = time.monotonic() + 5
    while not realtime._in_background.acquire(blocking=False):
        assert time.monotonic() < deadline, "the hung background publishes were not given up"
        time.sleep(0.05)


def test_the_publishing_thread_is_stopped_before_a_fork_and_started_again_after(monkeypatch):
    class Layer:
        async def group_send(self, group, message):
            return None

    monkeypatch.setattr(realtime, "get_channel_layer", Layer)
    assert realtime.group_send("thread.1", {"type": "test"})
    first = realtime._loop_thread
    assert first is not None and first.is_alive()
    realtime._stop_before_fork()
    assert not first.is_alive()
    assert realtime.group_send("thread.1", {"type": "test"})
    assert realtime._loop_thread is not None and realtime._loop_thread.is_alive()

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

    monkeypatch.setattr(realtime, "_paused_until", 0.0)  # restored after the test
    monkeypatch.setattr(realtime, "get_channel_layer", HungLayer)
    monkeypatch.setattr(realtime, "PUBLISH_TIMEOUT", 0.1)
    assert realtime.group_send("thread.1", {"type": "test"}) is False


def test_after_a_hung_publish_the_process_pauses_publishing_then_tries_again(monkeypatch):
    """A hung Redis costs one timeout per pause, not one per publish: a request that
    publishes twenty times is not held up twenty times."""
    calls = []

    class HungLayer:
        async def group_send(self, group, message):
            calls.append(group)
            if len(calls) == 1:
                await asyncio.sleep(30)

    monkeypatch.setattr(realtime, "_paused_until", 0.0)  # restored after the test
    monkeypatch.setattr(realtime, "get_channel_layer", HungLayer)
    monkeypatch.setattr(realtime, "PUBLISH_TIMEOUT", 0.2)
    monkeypatch.setattr(realtime, "PAUSE_AFTER_TIMEOUT", 0.5)
    started = time.monotonic()
    results = [realtime.group_send(f"user.{n}", {"type": "test"}) for n in range(20)]
    assert results == [False] * 20
    assert time.monotonic() - started < 0.5  # one timeout, then nothing tried
    assert calls == ["user.0"]
    time.sleep(max(0.0, started + 0.2 + 0.5 + 0.05 - time.monotonic()))  # pause is over
    assert realtime.group_send("user.20", {"type": "test"}) is True  # tried again
    assert calls == ["user.0", "user.20"]


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

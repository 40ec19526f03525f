"""Redis stops while the site runs (tests/core/test_redis_down.py covers a Redis that was never
there): pages, posting and the crisis case keep working, the alert waits in the database and reaches
an open dashboard from there, and when Redis is back the cache and realtime resume.

Each test starts a Redis server of its own on a free port, so stopping it disturbs nobody."""

import shutil
import socket
import subprocess
from collections.abc import Iterator
from typing import Any

import pytest
import redis
from asgiref.sync import async_to_sync, sync_to_async
from channels.layers import channel_layers
from channels.routing import URLRouter
from channels.testing import WebsocketCommunicator
from django.core.cache import caches
from django.test import Client
from django.urls import reverse

from groups.services import thread_create
from moderation import consumers
from moderation.models import Alert, Case
from supportnet.routing import websocket_urlpatterns
from tests.factories import enable_totp
from tests.faults.conftest import wait_for
from tests.groups.factories import make_group, make_member

pytestmark = [pytest.mark.faults, pytest.mark.django_db(transaction=True)]

REDIS_SERVER = shutil.which("redis-server")
alerts_app = URLRouter(websocket_urlpatterns)


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class PrivateRedis:
    """A throwaway `redis-server` (no persistence) that a test can stop and start again."""

    def __init__(self) -> None:
        self.port = _free_port()
        self.url = f"redis://127.0.0.1:{self.port}/0"
        self.process: subprocess.Popen[bytes] | None = None

    def _answers(self) -> bool:
        # from_url, as the health check does: no retries with backoff while it is down.
        client = redis.Redis.from_url(self.url, socket_connect_timeout=0.2, socket_timeout=0.2)
        try:
            return bool(client.ping())
        except redis.RedisError:
            return False
        finally:
            client.close()

    def start(self) -> None:
        assert REDIS_SERVER is not None
        self.process = subprocess.Popen(
            [
                REDIS_SERVER,
                *("--port", str(self.port), "--bind", "127.0.0.1"),
                *("--save", "", "--appendonly", "no", "--daemonize", "no"),
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        wait_for(self._answers, timeout=10, what=f"redis-server on port {self.port}")

    def stop(self) -> None:
        if self.process is None:
            return
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(timeout=10)
        self.process = None
        assert not self._answers()


@pytest.fixture
def private_redis(settings: Any) -> Iterator[PrivateRedis]:
    if REDIS_SERVER is None:
        pytest.skip("needs redis-server (apt-get install redis-server; CI has it)")
    server = PrivateRedis()
    server.start()
    try:
        # As settings.py builds them from REDIS_URL, with short timeouts for a quick test.
        settings.REDIS_URL = server.url
        settings.CACHES = {
            "default": {
                "BACKEND": "supportnet.core.cache.ResilientRedisCache",
                "LOCATION": server.url,
                "KEY_PREFIX": "sn-faults",
                "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5},
            }
        }
        settings.CHANNEL_LAYERS = {
            "default": {
                "BACKEND": "channels_redis.pubsub.RedisPubSubChannelLayer",
                "CONFIG": {"hosts": [server.url]},
            }
        }
        channel_layers.backends = {}
        yield server
    finally:
        server.stop()
        channel_layers.backends = {}


def _alerts_socket(user: Any) -> WebsocketCommunicator:
    communicator = WebsocketCommunicator(alerts_app, "/ws/moderation/alerts/")
    communicator.scope["user"] = user
    return communicator


def test_with_redis_stopped_posting_works_and_the_alert_arrives_when_it_returns(
    private_redis, detector, rota, settings, monkeypatch
):
    settings.SUPPORTNET_POST_INTERVAL = 0
    monkeypatch.setattr(consumers, "CATCH_UP_SECONDS", 0.3)
    moderator = rota["on_duty"]
    enable_totp(moderator)
    moderator.refresh_from_db()
    group = make_group()
    thread = thread_create(group=group, author=group.created_by, title="T", body="B")
    reply_url = reverse("groups:reply", args=[group.slug, thread.pk])
    cache = caches["default"]
    cache.set("faults.probe", "before")
    assert cache.get("faults.probe") == "before"  # the cache really is this Redis

    def post_crisis() -> int:
        client = Client()
        client.force_login(make_member(group))
        assert client.get(thread.get_absolute_url()).status_code == 200
        return client.post(reply_url, {"body": "CRISIS goodbye everyone"}).status_code

    async def scenario() -> None:
        listening = _alerts_socket(moderator)
        assert (await listening.connect())[0]
        assert await listening.receive_nothing(timeout=0.2)

        # Redis stops. Pages and posting carry on; the case and its alert are in the database.
        await sync_to_async(private_redis.stop)()
        assert await sync_to_async(post_crisis)() == 302
        during_outage = await sync_to_async(Alert.objects.get)()
        assert during_outage.recipient_id == moderator.pk
        assert (await sync_to_async(Client().get)("/healthz")).status_code == 503
        # The push was lost with Redis; the open dashboard finds the alert in the database.
        caught_up = await listening.receive_json_from(timeout=5)
        assert (caught_up["type"], caught_up["id"]) == ("alert", during_outage.pk)

        # Redis returns. A moderator who connects now gets the alert from the database ...
        await sync_to_async(private_redis.start)()
        reconnecting = _alerts_socket(moderator)
        assert (await reconnecting.connect())[0]
        message = await reconnecting.receive_json_from(timeout=5)
        assert message["type"] == "alert"
        assert message["id"] == during_outage.pk

        # ... and live pushes flow again, to new and to kept-open sockets alike, once each.
        assert await sync_to_async(post_crisis)() == 302
        live = await reconnecting.receive_json_from(timeout=5)
        assert live["type"] == "alert"
        assert live["id"] != during_outage.pk
        assert (await listening.receive_json_from(timeout=10))["id"] == live["id"]
        assert await listening.receive_nothing(timeout=1)
        await reconnecting.disconnect()
        await listening.disconnect()

    async_to_sync(scenario)()

    assert Case.objects.count() == 2
    assert not Alert.objects.filter(delivered_at__isnull=True).exists()
    cache.set("faults.probe", "after")
    assert cache.get("faults.probe") == "after"  # rate limits count again
    assert Client().get("/healthz").status_code == 200

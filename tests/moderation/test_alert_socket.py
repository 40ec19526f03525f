"""The moderator's alert feed: only for moderators with MFA; catches up from the database."""

import pytest
from asgiref.sync import async_to_sync
from channels.db import database_sync_to_async
from channels.routing import URLRouter
from channels.testing import WebsocketCommunicator

from groups.services import reply_create, thread_create
from moderation import services as moderation_services
from moderation.crisis import Assessment
from moderation.models import Alert
from moderation.services import moderator_appoint
from supportnet.routing import websocket_urlpatterns
from tests.factories import UserFactory, enable_totp
from tests.groups.factories import make_group, make_member

pytestmark = pytest.mark.django_db(transaction=True)

app = URLRouter(websocket_urlpatterns)


@pytest.fixture(autouse=True)
def detector(monkeypatch):
    monkeypatch.setattr(
        moderation_services,
        "assess",
        lambda text: (
            Assessment(level="crisis", reasons=["goodbye message"])
            if "goodbye" in text
            else Assessment(level="none", reasons=[])
        ),
    )


def _socket(user):
    communicator = WebsocketCommunicator(app, "/ws/moderation/alerts/")
    communicator.scope["user"] = user
    return communicator


def _moderator():
    moderator = UserFactory()
    moderator_appoint(user=moderator, on_duty=True)
    moderator.refresh_from_db()
    enable_totp(moderator)
    return moderator


def _crisis_post():
    group = make_group()
    member = make_member(group)
    thread = thread_create(group=group, author=group.created_by, title="T", body="B")
    return reply_create(thread=thread, author=member, body="goodbye everyone")


def test_an_alert_reaches_an_open_moderator_socket_live():
    moderator = _moderator()

    async def scenario():
        communicator = _socket(moderator)
        assert (await communicator.connect())[0]
        await database_sync_to_async(_crisis_post)()
        message = await communicator.receive_json_from(timeout=5)
        assert message["type"] == "alert"
        assert message["level"] == "crisis"
        assert message["reasons"] == ["goodbye message"]
        assert "goodbye everyone" not in str(message)  # no content on the wire
        await communicator.disconnect()

    async_to_sync(scenario)()
    assert Alert.objects.get().delivered_at is not None


def test_an_alert_raised_while_offline_arrives_on_connect():
    moderator = _moderator()
    _crisis_post()

    async def scenario():
        communicator = _socket(moderator)
        assert (await communicator.connect())[0]
        message = await communicator.receive_json_from(timeout=5)
        assert message["type"] == "alert"
        await communicator.disconnect()

    async_to_sync(scenario)()


@pytest.mark.parametrize("who", ["member", "moderator_without_mfa", "anonymous"])
def test_only_moderators_with_mfa_may_listen(who):
    from django.contrib.auth.models import AnonymousUser

    if who == "member":
        user = UserFactory()
    elif who == "moderator_without_mfa":
        user = UserFactory()
        moderator_appoint(user=user, on_duty=True)
        user.refresh_from_db()
    else:
        user = AnonymousUser()

    async def scenario():
        connected, code = await _socket(user).connect()
        assert not connected
        assert code == 4403

    async_to_sync(scenario)()

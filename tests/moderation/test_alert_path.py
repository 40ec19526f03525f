"""The fast path of a crisis alert: written in one insert for every moderator on duty, pushed
with everything the moderator's socket shows, sent on without a database query, and never to
someone who has stopped being a moderator."""

import pytest
from allauth.mfa.models import Authenticator
from asgiref.sync import async_to_sync
from channels.db import database_sync_to_async
from channels.routing import URLRouter
from channels.testing import WebsocketCommunicator

from groups.models import Notification
from groups.services import reply_create, thread_create
from moderation import consumers, events, selectors
from moderation.models import Alert, Case
from moderation.services import moderator_appoint
from supportnet.routing import websocket_urlpatterns
from tests.factories import UserFactory, enable_totp
from tests.groups.factories import make_group, make_member

app = URLRouter(websocket_urlpatterns)


def _moderators(count: int) -> list:
    moderators = []
    for _ in range(count):
        moderator = UserFactory()
        moderator_appoint(user=moderator, on_duty=True)
        moderator.refresh_from_db()
        enable_totp(moderator)
        moderators.append(moderator)
    return moderators


def _socket(user) -> WebsocketCommunicator:
    communicator = WebsocketCommunicator(app, "/ws/moderation/alerts/")
    communicator.scope["user"] = user
    return communicator


def _thread():
    group = make_group()
    return thread_create(group=group, author=group.created_by, title="T", body="B")


@pytest.mark.django_db
@pytest.mark.parametrize("on_duty", [1, 6])
def test_a_crisis_reply_and_its_case_alerts_and_timers_take_a_fixed_number_of_queries(
    detector, settings, django_assert_num_queries, django_capture_on_commit_callbacks, on_duty
):
    settings.SUPPORTNET_POST_INTERVAL = 0
    _moderators(on_duty)
    thread = _thread()
    # A first crisis post fills the per-process caches (content types) the path relies on.
    reply_create(thread=thread, author=make_member(thread.group), body="CRISIS tonight")
    member = make_member(thread.group)
    with (
        django_assert_num_queries(18),  # what stands between the POST and the alert
        django_capture_on_commit_callbacks() as after_commit,
    ):
        reply_create(thread=thread, author=member, body="CRISIS tonight")
    case = Case.objects.get(subject=member)
    assert case.alerts.count() == on_duty  # one insert, whatever the number on duty
    assert not Notification.objects.filter(reply__author=member).exists()
    with django_assert_num_queries(10):  # after the push: followers' notifications
        for callback in after_commit:
            callback()
    assert Notification.objects.filter(reply__author=member).exists()


@pytest.mark.django_db(transaction=True)
def test_the_push_carries_each_alert_and_every_socket_shows_only_its_own(
    detector, settings, monkeypatch
):
    settings.SUPPORTNET_POST_INTERVAL = 0
    first, second = _moderators(2)
    thread = _thread()
    member = make_member(thread.group)

    async def scenario():
        sockets = [_socket(first), _socket(second)]
        for socket in sockets:
            assert (await socket.connect())[0]
            assert await socket.receive_nothing(timeout=0.2)  # nothing waiting from before

        def no_database(**kwargs):
            raise AssertionError("a pushed alert must not be loaded from the database")

        monkeypatch.setattr(selectors, "unacknowledged_alerts", no_database)
        await database_sync_to_async(reply_create)(
            thread=thread, author=member, body="CRISIS tonight"
        )
        received = [await socket.receive_json_from(timeout=5) for socket in sockets]
        for socket in sockets:
            assert await socket.receive_nothing(timeout=0.2)  # one alert each, not both
            await socket.disconnect()
        return received

    received = async_to_sync(scenario)()
    case = Case.objects.get()
    for moderator, message in zip([first, second], received, strict=True):
        alert = Alert.objects.get(pk=message["id"])
        assert alert.recipient == moderator
        assert alert.delivered_at is not None
        assert message == {
            "type": "alert",
            "id": alert.pk,
            "case_id": case.pk,
            "level": "crisis",
            "reasons": ["intent + timeframe"],
            "step": 0,
            "raised_at": alert.raised_at.isoformat(),
            "opened_at": case.opened_at.isoformat(),
            "url": f"/moderation/cases/{case.pk}/",
        }


def _demote(moderator):
    moderator.is_moderator = False
    moderator.save(update_fields=["is_moderator"])


def _remove_two_step(moderator):
    Authenticator.objects.filter(user=moderator).delete()


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("change", [_demote, _remove_two_step], ids=["demoted", "mfa_removed"])
def test_a_moderator_who_loses_the_role_or_two_step_while_listening_is_cut_off(
    detector, settings, change
):
    settings.SUPPORTNET_POST_INTERVAL = 0
    (moderator,) = _moderators(1)
    (colleague,) = _moderators(1)
    thread = _thread()
    member = make_member(thread.group)

    async def scenario():
        socket, other = _socket(moderator), _socket(colleague)
        assert (await socket.connect())[0]
        assert (await other.connect())[0]
        await database_sync_to_async(change)(moderator)
        closed = await socket.receive_output(timeout=5)
        assert closed == {"type": "websocket.close", "code": 4403}
        await database_sync_to_async(reply_create)(
            thread=thread, author=member, body="CRISIS tonight"
        )
        assert (await other.receive_json_from(timeout=5))["type"] == "alert"
        assert await socket.receive_nothing(timeout=0.3)  # nothing more reaches them
        assert (await _socket(moderator).connect()) == (False, 4403)
        await other.disconnect()
        await socket.disconnect()

    async_to_sync(scenario)()


@pytest.fixture
def catching_up(detector, settings, monkeypatch):
    """One moderator on duty, whose sockets catch up from the database every 0.1 s, and a
    thread with a member to post in it."""
    settings.SUPPORTNET_POST_INTERVAL = 0
    monkeypatch.setattr(consumers, "CATCH_UP_SECONDS", 0.1)
    (moderator,) = _moderators(1)
    thread = _thread()
    return moderator, thread, make_member(thread.group)


@pytest.mark.django_db(transaction=True)
def test_an_open_dashboard_gets_an_alert_whose_push_was_lost_once_and_only_once(
    catching_up, monkeypatch
):
    """The push never left (Redis away when the post was saved): the moderator's open socket
    finds the alert in the database within seconds, without a reload, and sends it once."""
    moderator, thread, _ = catching_up

    @database_sync_to_async
    def post_crisis():
        reply_create(thread=thread, author=make_member(thread.group), body="CRISIS tonight")

    async def scenario():
        socket = _socket(moderator)
        assert (await socket.connect())[0]
        assert await socket.receive_nothing(timeout=0.2)
        with monkeypatch.context() as lost:
            lost.setattr(events, "group_send", lambda group, message: False)
            await post_crisis()
        missed = await socket.receive_json_from(timeout=5)
        # A pushed alert that was sent but not yet recorded as delivered is not sent again.
        await post_crisis()
        pushed = await socket.receive_json_from(timeout=5)
        await database_sync_to_async(
            lambda: Alert.objects.filter(pk=pushed["id"]).update(delivered_at=None)
        )()
        assert await socket.receive_nothing(timeout=0.5)  # five catch-ups, nothing twice
        await socket.disconnect()
        return missed, pushed

    missed, pushed = async_to_sync(scenario)()
    first, second = Alert.objects.order_by("pk")
    assert (missed["type"], missed["id"]) == ("alert", first.pk)
    assert pushed["id"] == second.pk
    first.refresh_from_db()
    assert first.delivered_at is not None  # recorded once the catch-up sent it


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("push", ["arrives", "lost"])
def test_an_alert_raised_again_after_it_was_acknowledged_reaches_the_open_dashboard_again(
    catching_up, monkeypatch, push
):
    """The member asks a moderator to reach out after their case was acknowledged: the same
    alert row is raised again, and the open socket sends it again — pushed, or found by the
    catch-up when the push was lost."""
    from moderation.services import case_acknowledge, reach_out_request

    moderator, thread, member = catching_up

    async def scenario():
        socket = _socket(moderator)
        assert (await socket.connect())[0]
        await database_sync_to_async(reply_create)(
            thread=thread, author=member, body="CRISIS tonight"
        )
        first = await socket.receive_json_from(timeout=5)
        await database_sync_to_async(
            lambda: case_acknowledge(case=Case.objects.get(), moderator=moderator)
        )()
        settled = await socket.receive_json_from(timeout=5)
        assert settled["type"] == "settled"
        assert await socket.receive_nothing(timeout=0.3)  # acknowledged: not sent again
        with monkeypatch.context() as patched:
            if push == "lost":
                patched.setattr(events, "group_send", lambda group, message: False)
            await database_sync_to_async(reach_out_request)(member=member)
        again = await socket.receive_json_from(timeout=5)
        assert await socket.receive_nothing(timeout=0.3)  # once
        await socket.disconnect()
        return first, again

    first, again = async_to_sync(scenario)()
    assert again["type"] == "alert"
    assert again["id"] == first["id"]


@pytest.mark.django_db(transaction=True)
def test_an_alert_another_socket_of_the_moderator_delivered_still_reaches_this_one(
    catching_up, monkeypatch
):
    """The desk's push was lost; the phone connected and got the alert from the database (so
    it is marked delivered). The desk still catches up."""
    moderator, thread, member = catching_up

    async def scenario():
        desk = _socket(moderator)
        assert (await desk.connect())[0]
        with monkeypatch.context() as lost:
            lost.setattr(events, "group_send", lambda group, message: False)
            await database_sync_to_async(reply_create)(
                thread=thread, author=member, body="CRISIS tonight"
            )
            phone = _socket(moderator)
            assert (await phone.connect())[0]
            on_phone = await phone.receive_json_from(timeout=5)
        on_desk = await desk.receive_json_from(timeout=5)
        await phone.disconnect()
        await desk.disconnect()
        return on_phone, on_desk

    on_phone, on_desk = async_to_sync(scenario)()
    assert on_phone["id"] == on_desk["id"] == Alert.objects.get().pk

"""Open sockets re-check, before every message, who may still read the group: the same rule as
the pages (`can_read`), from fresh rows in one query, plus the reader's blocks."""

from datetime import timedelta

import pytest
from allauth.mfa.models import Authenticator
from asgiref.sync import async_to_sync
from channels.db import database_sync_to_async
from channels.routing import URLRouter
from channels.testing import WebsocketCommunicator
from django.utils import timezone

from groups.models import Block, Membership
from groups.permissions import can_read, live_readers
from groups.services import live_message_create
from moderation.models import Sanction
from supportnet.accounts.models import User
from supportnet.routing import websocket_urlpatterns
from tests.factories import UserFactory, enable_totp
from tests.groups.factories import make_group, make_member

pytestmark = pytest.mark.django_db


def _sanction(user, kind, **times):
    Sanction.objects.create(member=user, kind=kind, reason="for the test", **times)


def _member_with(group, status):
    user = UserFactory()
    Membership.objects.create(group=group, user=user, status=status)
    return user


def _setups():
    now = timezone.now()

    def suspended(group, **times):
        user = make_member(group)
        _sanction(user, Sanction.Kind.SUSPENSION, **times)
        return user

    def moderator(group, *, two_step):
        user = UserFactory(is_moderator=True)
        if two_step:
            enable_totp(user)
        return user

    def silenced(group):
        user = make_member(group)
        _sanction(user, Sanction.Kind.SILENCE)
        return user

    return {
        "active member": lambda group: make_member(group),
        "pending": lambda group: _member_with(group, Membership.Status.PENDING),
        "removed": lambda group: _member_with(group, Membership.Status.REMOVED),
        "banned": lambda group: _member_with(group, Membership.Status.BANNED),
        "not a member": lambda group: UserFactory(),
        "suspended": suspended,
        "suspension ended": lambda group: suspended(group, ends_at=now - timedelta(hours=1)),
        "suspension lifted": lambda group: suspended(group, lifted_at=now),
        "suspension not started": lambda group: suspended(group, starts_at=now + timedelta(1)),
        "silenced (still reads)": silenced,
        "moderator with two-step": lambda group: moderator(group, two_step=True),
        "moderator without two-step": lambda group: moderator(group, two_step=False),
    }


@pytest.mark.parametrize("setup", list(_setups()))
def test_sockets_apply_the_same_reading_rule_as_the_pages(setup):
    group = make_group()
    user = _setups()[setup](group)
    fresh = User.objects.get(pk=user.pk)
    allowed = live_readers(user_ids=[user.pk], group_id=group.pk) == {user.pk}
    assert allowed == can_read(fresh, group)


def test_one_query_answers_for_every_listener_and_applies_their_blocks(
    django_assert_num_queries,
):
    group = make_group()
    author = make_member(group)
    readers = [make_member(group) for _ in range(5)]
    Block.objects.create(blocker=readers[0], blocked=author)
    outsider, removed = UserFactory(), _member_with(group, Membership.Status.REMOVED)
    ids = [r.pk for r in readers] + [outsider.pk, removed.pk]
    with django_assert_num_queries(1):
        found = live_readers(user_ids=ids, group_id=group.pk, author_id=author.pk)
    assert found == {r.pk for r in readers[1:]}
    # Without an author (a thread socket's own check), the block does not matter.
    assert live_readers(user_ids=ids, group_id=group.pk) == {r.pk for r in readers}


def test_a_deactivated_account_reads_nothing_live():
    group = make_group()
    user = make_member(group)
    User.objects.filter(pk=user.pk).update(is_active=False)
    assert live_readers(user_ids=[user.pk], group_id=group.pk) == set()


app = URLRouter(websocket_urlpatterns)


@pytest.mark.django_db(transaction=True)
def test_a_moderator_who_loses_two_step_verification_stops_receiving_the_room():
    group = make_group()
    talker = make_member(group)
    moderator = UserFactory(is_moderator=True)
    enable_totp(moderator)

    async def scenario():
        socket = WebsocketCommunicator(app, f"/ws/rooms/{group.slug}/")
        socket.scope["user"] = moderator
        assert (await socket.connect())[0]
        send = database_sync_to_async(live_message_create)
        await send(group=group, author=talker, body="while verified")
        assert "while verified" in (await socket.receive_json_from(timeout=5))["html"]
        await database_sync_to_async(Authenticator.objects.filter(user=moderator).delete)()
        await send(group=group, author=talker, body="after losing it")
        assert await socket.receive_nothing(timeout=0.5)
        await socket.disconnect()

    async_to_sync(scenario)()

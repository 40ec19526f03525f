"""With Redis unreachable, pages, sign-in and posting (and the case for a crisis post) still
work; realtime is best effort and the alert rows wait in the database."""

import pytest
from django.core.cache import caches
from django.test import override_settings

from groups.models import Thread
from moderation import services as moderation_services
from moderation.crisis import Assessment
from moderation.models import Alert, Case
from moderation.services import moderator_appoint
from tests.factories import PASSWORD, UserFactory
from tests.groups.factories import make_group, make_member

DEAD_REDIS = "redis://127.0.0.1:1/0"  # nothing listens on port 1


@pytest.fixture
def redis_down(settings):
    settings.CACHES = {
        "default": {
            "BACKEND": "supportnet.core.cache.ResilientRedisCache",
            "LOCATION": DEAD_REDIS,
            "OPTIONS": {"socket_connect_timeout": 0.2, "socket_timeout": 0.2},
        }
    }
    settings.CHANNEL_LAYERS = {
        "default": {
            "BACKEND": "channels_redis.pubsub.RedisPubSubChannelLayer",
            "CONFIG": {"hosts": [DEAD_REDIS]},
        }
    }
    settings.REDIS_URL = DEAD_REDIS  # Django's test signals rebuild the caches for the new one
    from channels.layers import channel_layers

    channel_layers.backends = {}
    yield
    channel_layers.backends = {}


def test_the_resilient_cache_answers_without_redis(redis_down):
    cache = caches["default"]
    assert cache.get("anything", "fallback") == "fallback"
    assert cache.add("k", 1) is True  # fail open, so locks built on add() proceed
    assert cache.incr("k") == 1
    cache.set("k", 2)


@pytest.mark.django_db(transaction=True)
def test_without_redis_members_sign_in_and_a_crisis_post_still_opens_its_case(
    client, redis_down, monkeypatch
):
    monkeypatch.setattr(
        moderation_services, "assess", lambda text: Assessment("crisis", ["goodbye message"])
    )
    moderator_appoint(user=UserFactory(), on_duty=True)
    group = make_group()
    member = make_member(group)
    response = client.post("/accounts/login/", {"login": member.email, "password": PASSWORD})
    assert response.status_code == 302
    with override_settings(SUPPORTNET_POST_INTERVAL=5):
        response = client.post(
            f"/groups/{group.slug}/new/", {"title": "Bye", "body": "goodbye everyone"}
        )
    assert response.status_code == 302
    assert Thread.objects.count() == 1
    assert Case.objects.count() == 1
    assert Alert.objects.filter(delivered_at__isnull=True).count() == 1
    assert client.get("/healthz").status_code == 503  # and the health check says why

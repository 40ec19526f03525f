"""Websocket routes, all under /ws/. Each app adds its own consumers here."""

from django.urls import path

from groups.routing import websocket_urlpatterns as groups_websockets
from moderation.routing import websocket_urlpatterns as moderation_websockets
from supportnet.core.consumers import UserEventsConsumer

websocket_urlpatterns = [
    path("ws/me/", UserEventsConsumer.as_asgi()),
    *groups_websockets,
    *moderation_websockets,
]

"""Websocket routes, all under /ws/. Each app adds its own consumers here."""

from django.urls import path

from supportnet.core.consumers import UserEventsConsumer

websocket_urlpatterns = [
    path("ws/me/", UserEventsConsumer.as_asgi()),
]

from django.urls import path

from moderation.consumers import AlertsConsumer

websocket_urlpatterns = [
    path("ws/moderation/alerts/", AlertsConsumer.as_asgi()),
]

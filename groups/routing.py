from django.urls import path

from groups.consumers import RoomConsumer, ThreadConsumer

websocket_urlpatterns = [
    path("ws/threads/<int:thread_id>/", ThreadConsumer.as_asgi()),
    path("ws/rooms/<slug:slug>/", RoomConsumer.as_asgi()),
]

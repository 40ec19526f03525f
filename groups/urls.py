from django.urls import path

from groups import views

app_name = "groups"

urlpatterns = [
    path("", views.directory, name="directory"),
    path("block/", views.block, name="block"),
    path("react/", views.react, name="react"),
    path("notifications/", views.notifications, name="notifications"),
    path("posts/<str:kind>/<int:post_id>/edit/", views.post_edit, name="post_edit"),
    path("posts/<str:kind>/<int:post_id>/delete/", views.post_delete, name="post_delete"),
    path("<slug:slug>/", views.detail, name="detail"),
    path("<slug:slug>/join/", views.join, name="join"),
    path("<slug:slug>/leave/", views.leave, name="leave"),
    path("<slug:slug>/mute/", views.mute, name="mute"),
    path("<slug:slug>/guidelines/", views.accept_guidelines, name="accept_guidelines"),
    path("<slug:slug>/requests/", views.requests, name="requests"),
    path("<slug:slug>/settings/", views.group_settings, name="settings"),
    path("<slug:slug>/room/", views.room, name="room"),
    path("<slug:slug>/search/", views.search, name="search"),
    path("<slug:slug>/new/", views.thread_new, name="thread_new"),
    path("<slug:slug>/t/<int:thread_id>/", views.thread, name="thread"),
    path("<slug:slug>/t/<int:thread_id>/reply/", views.reply, name="reply"),
    path("<slug:slug>/t/<int:thread_id>/follow/", views.follow, name="follow"),
    path("<slug:slug>/t/<int:thread_id>/r/<int:reply_id>/", views.reply_link, name="reply_link"),
]

from django.urls import path

from moderation import views

app_name = "moderation"

urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("duty/", views.duty, name="duty"),
    path("reach-out/", views.reach_out, name="reach_out"),
    path("watched-words/", views.watched_words, name="watched_words"),
    path("cases/<int:case_id>/", views.case_detail, name="case"),
    path("cases/<int:case_id>/action/", views.case_action, name="case_action"),
    path("review/<str:kind>/<int:post_id>/", views.review_post, name="review_post"),
    path("report/<str:kind>/<int:post_id>/", views.report, name="report"),
    path("reports/<int:report_id>/", views.report_decision, name="report_decision"),
    path("claim/<str:kind>/<int:item_id>/", views.claim, name="claim"),
    path("members/<int:user_id>/", views.member, name="member"),
    path("posts/<str:kind>/<int:post_id>/", views.post, name="post"),
    path("appeals/<int:notice_id>/", views.appeal, name="appeal"),
    path("stats/", views.stats, name="stats"),
    path("notices/", views.notices, name="notices"),
    path("notices/<int:notice_id>/appeal/", views.notice_appeal, name="notice_appeal"),
]

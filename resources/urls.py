from django.urls import path

from resources import views

app_name = "resources"

urlpatterns = [
    path("", views.library, name="library"),
    path("help-lines/", views.help_lines_page, name="help_lines"),
    path("<slug:slug>/", views.article, name="article"),
]

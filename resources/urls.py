from django.urls import path

from resources import views

app_name = "resources"

urlpatterns = [
    path("", views.library, name="library"),
    path("help-lines/", views.help_lines_page, name="help_lines"),
    path("editor/", views.editor_home, name="editor"),
    path("editor/new/", views.editor_edit, name="editor_new"),
    path("editor/sources/", views.editor_citations, name="editor_citations"),
    path("editor/<slug:slug>/", views.editor_edit, name="editor_edit"),
    path("editor/<slug:slug>/action/", views.editor_action, name="editor_action"),
    path("<slug:slug>/", views.article, name="article"),
]

"""The help-line directory in the administration: verify details, choose the crisis panel's
lines. Articles and sources are edited in the library editor (review workflow)."""

from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from resources.models import HelpLine
from supportnet.core import audit


@admin.register(HelpLine)
class HelpLineAdmin(admin.ModelAdmin):
    list_display = ("name", "country", "phone", "hours", "in_crisis_panel", "last_verified")
    list_editable = ("in_crisis_panel",)
    list_filter = ("country", "in_crisis_panel")
    search_fields = ("name", "phone")
    ordering = ("country", "name")

    def save_model(self, request: HttpRequest, obj: HelpLine, form: Any, change: bool) -> None:
        super().save_model(request, obj, form, change)
        audit.log(
            request.user,
            "help_line.saved",
            target=obj,
            data={"in_crisis_panel": obj.in_crisis_panel},
        )

    def delete_model(self, request: HttpRequest, obj: HelpLine) -> None:
        audit.log(request.user, "help_line.deleted", data={"name": obj.name})
        super().delete_model(request, obj)

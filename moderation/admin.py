"""Moderation in the administration: read-only.

Cases change only through the moderator pages (`/moderation/`), where every change is audited
and settles the case's alerts; the administration shows them and never edits, adds or deletes
them. Opening a case here is audited like opening it on the case page (`case.viewed`).
Rota roles are the one thing set here, through `moderator_rota_set` (audited too).
"""

from typing import Any

from django.contrib import admin
from django.contrib.admin.utils import unquote
from django.contrib.auth import get_user_model
from django.http import HttpRequest, HttpResponse

from moderation import services
from moderation.models import Alert, Case, CaseItem, ModeratorProfile


class ViewOnly:
    """No adding, changing or deleting (and so no bulk delete action)."""

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


class ReadOnlyAdmin(ViewOnly, admin.ModelAdmin):
    """View only."""


class CaseItemInline(ViewOnly, admin.TabularInline):
    model = CaseItem
    extra = 0
    fields = ("content_type", "object_id", "level", "reasons", "created_at")
    readonly_fields = fields


@admin.register(Case)
class CaseAdmin(ReadOnlyAdmin):
    list_display = ("id", "level", "state", "opened_at", "escalation_step")
    list_filter = ("level", "state")
    inlines = (CaseItemInline,)

    def change_view(
        self,
        request: HttpRequest,
        object_id: str,
        form_url: str = "",
        extra_context: dict[str, Any] | None = None,
    ) -> HttpResponse:
        response = super().change_view(request, object_id, form_url, extra_context)
        if request.method == "GET" and response.status_code == 200:
            case = self.get_object(request, unquote(object_id))
            if case is not None:
                services.case_viewed(case=case, moderator=request.user)
        return response


@admin.register(Alert)
class AlertAdmin(ReadOnlyAdmin):
    list_display = ("id", "case", "recipient", "step", "created_at", "acknowledged_at")


@admin.register(ModeratorProfile)
class ModeratorProfileAdmin(admin.ModelAdmin):
    """Rota roles are set here (audited); duty is each moderator's own switch on
    `/moderation/`."""

    list_display = ("user", "on_duty", "rota_role")
    list_filter = ("on_duty", "rota_role")
    fields = ("user", "rota_role", "on_duty", "on_duty_since")
    raw_id_fields = ("user",)

    def get_readonly_fields(self, request: HttpRequest, obj: Any = None) -> tuple[str, ...]:
        return ("on_duty", "on_duty_since") if obj is None else ("user", "on_duty", "on_duty_since")

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def formfield_for_foreignkey(self, db_field: Any, request: HttpRequest, **kwargs: Any) -> Any:
        if db_field.name == "user":  # a rota is made of moderators (appointed on their account)
            kwargs["queryset"] = get_user_model().objects.filter(is_moderator=True)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def save_model(self, request: HttpRequest, obj: Any, form: Any, change: bool) -> None:
        profile = services.moderator_rota_set(
            user=obj.user, rota_role=obj.rota_role, by=request.user
        )
        obj.pk = profile.pk

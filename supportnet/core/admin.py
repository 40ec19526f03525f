from typing import Any

from django import forms
from django.contrib import admin
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django_tasks_db.admin import DBTaskResultAdmin
from django_tasks_db.models import DBTaskResult

from supportnet.core import audit, branding, instance
from supportnet.core.models import AuditEntry, InstanceSettings


@admin.register(AuditEntry)
class AuditEntryAdmin(admin.ModelAdmin):
    """Read-only: the audit log is append-only."""

    list_display = ("created_at", "action", "actor", "target_type", "target_id")
    list_filter = ("action",)
    search_fields = ("action", "target_id")
    date_hierarchy = "created_at"

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: AuditEntry | None = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: AuditEntry | None = None) -> bool:
        return False


# Failed tasks (escalations, emails, exports) can be run again from the administration. Every
# task here is safe to run twice, so a retry never doubles an escalation.
admin.site.unregister(DBTaskResult)


@admin.register(DBTaskResult)
class TaskResultAdmin(DBTaskResultAdmin):
    actions = ("retry",)

    @admin.action(description="Run the selected failed tasks again")
    def retry(self, request: HttpRequest, queryset: QuerySet[DBTaskResult]) -> None:
        count = 0
        for result in queryset.filter(status="FAILED"):
            task_result = result.task_result
            result.task.enqueue(*task_result.args, **task_result.kwargs)
            count += 1
        audit.log(request.user, "task.retried", data={"count": count})
        self.message_user(request, f"{count} failed task(s) queued again.")


class InstanceSettingsForm(forms.ModelForm):
    logo_upload = forms.FileField(
        label="Logo",
        required=False,
        help_text="PNG, JPEG or WebP, at most 200 KB. Shown beside the site name.",
    )
    remove_logo = forms.BooleanField(label="Remove the logo", required=False)

    class Meta:
        model = InstanceSettings
        # Every field an administrator edits (the logo comes through `logo_upload`).
        fields = tuple(
            f.name
            for f in InstanceSettings._meta.concrete_fields
            if f.editable and not f.primary_key
        )

    def clean_logo_upload(self) -> bytes | None:
        upload = self.cleaned_data.get("logo_upload")
        if not upload:
            return None
        if upload.size > branding.LOGO_MAX_BYTES:
            raise forms.ValidationError("The logo must be 200 KB or smaller.")
        data = upload.read()
        if not branding.logo_type(data):
            raise forms.ValidationError("Use a PNG, JPEG or WebP image (SVG is not accepted).")
        return bytes(data)


@admin.register(InstanceSettings)
class InstanceSettingsAdmin(admin.ModelAdmin):
    """One row of settings: name, brand, region, registration, trust, timers, retention, pages."""

    form = InstanceSettingsForm
    fieldsets = (
        (
            "Names and brand",
            {
                "fields": (
                    "site_name",
                    "neutral_name",
                    "logo_upload",
                    "remove_logo",
                    "logo_alt",
                    "brand_colour",
                )
            },
        ),
        ("Region and safety", {"fields": ("default_region", "language", "quick_exit_url")}),
        ("Joining", {"fields": ("registration", "invite_code", "new_member_held_posts")}),
        (
            "Escalation (minutes; blank: the server's default)",
            {
                "fields": (
                    "crisis_second_oncall_minutes",
                    "crisis_lead_minutes",
                    "concern_escalate_minutes",
                    "report_escalate_minutes",
                )
            },
        ),
        (
            "Retention (days; blank: the server's default)",
            {
                "fields": (
                    "retain_live_messages_days",
                    "retain_case_details_days",
                    "retain_task_results_days",
                )
            },
        ),
        ("The organisation's pages", {"fields": ("contact_page", "safeguarding_page")}),
    )

    def has_add_permission(self, request: HttpRequest) -> bool:
        return not InstanceSettings.objects.exists()

    def has_delete_permission(
        self, request: HttpRequest, obj: InstanceSettings | None = None
    ) -> bool:
        return False

    def changelist_view(self, request: HttpRequest, extra_context: Any = None) -> HttpResponse:
        """Straight to the one row (or to creating it)."""
        row = InstanceSettings.objects.filter(pk=1).first()
        if row is None:
            return redirect("admin:core_instancesettings_add")
        return redirect("admin:core_instancesettings_change", row.pk)

    def save_model(
        self, request: HttpRequest, obj: InstanceSettings, form: Any, change: bool
    ) -> None:
        instance.settings_save(
            row=obj,
            by=request.user,
            logo=form.cleaned_data.get("logo_upload"),
            remove_logo=bool(form.cleaned_data.get("remove_logo")),
        )

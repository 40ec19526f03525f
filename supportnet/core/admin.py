from django.contrib import admin
from django.db.models import QuerySet
from django.http import HttpRequest
from django_tasks_db.admin import DBTaskResultAdmin
from django_tasks_db.models import DBTaskResult

from supportnet.core import audit
from supportnet.core.models import AuditEntry


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

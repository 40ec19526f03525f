from django.contrib import admin

from moderation.models import Alert, Case, CaseItem, ModeratorProfile


class CaseItemInline(admin.TabularInline):
    model = CaseItem
    extra = 0
    readonly_fields = ("content_type", "object_id", "level", "reasons", "created_at")
    can_delete = False


@admin.register(Case)
class CaseAdmin(admin.ModelAdmin):
    list_display = ("id", "level", "state", "opened_at", "escalation_step")
    list_filter = ("level", "state")
    readonly_fields = ("subject", "opened_at", "acknowledged_at", "acknowledged_by", "closed_at")
    inlines = (CaseItemInline,)


@admin.register(Alert)
class AlertAdmin(admin.ModelAdmin):
    list_display = ("id", "case", "recipient", "step", "created_at", "acknowledged_at")
    raw_id_fields = ("case", "recipient")


@admin.register(ModeratorProfile)
class ModeratorProfileAdmin(admin.ModelAdmin):
    list_display = ("user", "on_duty", "rota_role")
    list_filter = ("on_duty", "rota_role")
    raw_id_fields = ("user",)

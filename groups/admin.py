from django.contrib import admin

from groups.models import Block, Group, Membership, Reply, Thread


@admin.register(Group)
class GroupAdmin(admin.ModelAdmin):
    list_display = ("name", "visibility", "join_policy", "created_at")
    list_filter = ("visibility", "join_policy")
    search_fields = ("name",)
    readonly_fields = ("slug", "created_by", "created_at")


@admin.register(Membership)
class MembershipAdmin(admin.ModelAdmin):
    list_display = ("group", "user", "status", "role", "created_at")
    list_filter = ("status", "role")
    raw_id_fields = ("group", "user", "invited_by")


@admin.register(Thread)
class ThreadAdmin(admin.ModelAdmin):
    list_display = ("title", "group", "state", "created_at")
    list_filter = ("state",)
    raw_id_fields = ("group", "author")
    readonly_fields = ("body_html",)


@admin.register(Reply)
class ReplyAdmin(admin.ModelAdmin):
    list_display = ("id", "thread", "state", "created_at")
    list_filter = ("state",)
    raw_id_fields = ("thread", "author")
    readonly_fields = ("body_html",)


@admin.register(Block)
class BlockAdmin(admin.ModelAdmin):
    list_display = ("id", "created_at")
    raw_id_fields = ("blocker", "blocked")

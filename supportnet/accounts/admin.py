from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.contrib.auth.forms import AdminUserCreationForm, UserChangeForm

from supportnet.accounts.models import User


class UserCreationAdminForm(AdminUserCreationForm):
    class Meta:
        model = User
        fields = ("email", "pseudonym")


class UserChangeAdminForm(UserChangeForm):
    class Meta:
        model = User
        fields = ("email", "pseudonym", "region", "is_active", "is_moderator", "is_editor")


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    form = UserChangeAdminForm
    add_form = UserCreationAdminForm
    ordering = ("-date_joined",)
    list_display = ("pseudonym", "is_active", "is_moderator", "is_editor", "is_staff")
    list_filter = ("is_active", "is_moderator", "is_editor", "is_staff")
    search_fields = ("pseudonym",)
    readonly_fields = ("date_joined", "last_login")
    filter_horizontal = ()
    fieldsets = (
        (None, {"fields": ("email", "pseudonym", "password", "region")}),
        ("Roles", {"fields": ("is_active", "is_moderator", "is_editor", "is_staff")}),
        ("Dates", {"fields": ("date_joined", "last_login")}),
    )
    add_fieldsets = (
        (
            None,
            {
                "classes": ("wide",),
                "fields": ("email", "pseudonym", "usable_password", "password1", "password2"),
            },
        ),
    )

"""The Django admin: staff only, and only after two-step verification is set up."""

from allauth.mfa.utils import is_mfa_enabled
from django.contrib import admin, messages
from django.contrib.auth.views import redirect_to_login
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse


class SupportNetAdminSite(admin.AdminSite):
    site_header = "SupportNet administration"
    site_title = "Administration"
    index_title = "Administration"

    def has_permission(self, request: HttpRequest) -> bool:
        return super().has_permission(request) and is_mfa_enabled(request.user)

    def login(self, request: HttpRequest, extra_context: dict | None = None) -> HttpResponse:
        """Sign-in goes through the site's own (rate-limited, MFA-aware) sign-in page."""
        user = request.user
        if user.is_authenticated and user.is_active and user.is_staff:
            messages.info(
                request, "Set up two-step verification before you open the administration."
            )
            return redirect("mfa_index")
        next_url = request.GET.get("next") or reverse("admin:index")
        return redirect_to_login(next_url, reverse("account_login"))

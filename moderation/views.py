"""Moderator pages. Every view here is behind `moderator_required` (moderator + MFA)."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from supportnet.accounts.permissions import moderator_required


@require_GET
@moderator_required
def dashboard(request: HttpRequest) -> HttpResponse:
    return render(request, "moderation/dashboard.html")

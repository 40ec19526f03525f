"""Account views the site adds to allauth's."""

from typing import Any

from allauth.account.views import LogoutView as AllauthLogoutView
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from supportnet.accounts.forms_privacy import EraseForm
from supportnet.accounts.models import DataExport
from supportnet.accounts.privacy import account_erase, export_request


class LogoutView(AllauthLogoutView):
    """Signing out also tells the browser to forget this site's cache, cookies and storage."""

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        response = super().post(request, *args, **kwargs)
        response["Clear-Site-Data"] = '"cache", "cookies", "storage"'
        return response


@login_required
@require_http_methods(["GET", "POST"])
def privacy(request: HttpRequest) -> HttpResponse:
    """Download one's data, or erase one's account (choosing what happens to one's posts)."""
    if request.method == "POST" and request.POST.get("action") == "export":
        export_request(user=request.user)
        messages.success(request, "We are preparing your download. Reload this page in a moment.")
        return redirect("account_privacy")
    form = EraseForm(request.POST if request.method == "POST" else None, user=request.user)
    if request.method == "POST" and form.is_valid():
        account_erase(user=request.user, delete_posts=form.cleaned_data["posts"] == "delete")
        logout(request)
        messages.success(request, "Your account has been erased.")
        response = redirect("home")
        response["Clear-Site-Data"] = '"cache", "cookies", "storage"'
        return response
    status = 400 if request.method == "POST" else 200
    export = (
        DataExport.objects.filter(user=request.user.pk)
        .order_by("-created_at", "-id")
        .defer("archive")
        .first()
    )
    context = {"form": form, "export": export, "now": timezone.now()}
    return render(request, "account/privacy.html", context, status=status)


@login_required
@require_http_methods(["GET"])
def export_download(request: HttpRequest, export_id: int) -> HttpResponse:
    export = DataExport.objects.filter(
        pk=export_id, user=request.user.pk, ready_at__isnull=False, expires_at__gt=timezone.now()
    ).first()
    if export is None or export.archive is None:
        raise Http404
    response = HttpResponse(bytes(export.archive), content_type="application/zip")
    response["Content-Disposition"] = 'attachment; filename="my-data.zip"'
    return response

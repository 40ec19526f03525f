"""Account views the site adds to allauth's."""

from typing import Any

from allauth.account.views import LogoutView as AllauthLogoutView
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from supportnet.accounts.forms_privacy import EraseForm
from supportnet.accounts.privacy import account_erase


class LogoutView(AllauthLogoutView):
    """Signing out also tells the browser to forget this site's cache, cookies and storage."""

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        response = super().post(request, *args, **kwargs)
        response["Clear-Site-Data"] = '"cache", "cookies", "storage"'
        return response


@login_required
@require_http_methods(["GET", "POST"])
def privacy(request: HttpRequest) -> HttpResponse:
    """Erase one's account (choosing what happens to one's posts)."""
    form = EraseForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        account_erase(user=request.user, delete_posts=form.cleaned_data["posts"] == "delete")
        logout(request)
        messages.success(request, "Your account has been erased.")
        response = redirect("home")
        response["Clear-Site-Data"] = '"cache", "cookies", "storage"'
        return response
    status = 400 if request.method == "POST" else 200
    return render(request, "account/privacy.html", {"form": form}, status=status)

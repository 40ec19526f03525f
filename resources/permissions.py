"""Who may edit the library: editors (or staff) who have set up two-step verification."""

from collections.abc import Callable
from functools import wraps
from typing import Any

from allauth.mfa.utils import is_mfa_enabled
from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect


def can_edit(user: Any) -> bool:
    return bool(user.is_authenticated and user.is_active and (user.is_editor or user.is_staff))


def editor_required(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    @wraps(view)
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if not can_edit(request.user):
            raise Http404
        if not is_mfa_enabled(request.user):
            messages.warning(request, "Editing the library needs two-step verification first.")
            return redirect("mfa_index")
        return view(request, *args, **kwargs)

    return wrapped

"""Who may do what with accounts: moderator pages need a moderator with MFA set up."""

from collections.abc import Callable
from functools import wraps
from typing import Any

from allauth.mfa.utils import is_mfa_enabled
from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect


def is_moderator(user: Any) -> bool:
    return bool(user.is_authenticated and user.is_active and (user.is_moderator or user.is_staff))


def can_moderate(user: Any) -> bool:
    """A moderator (or staff member) who has set up two-step verification."""
    return is_moderator(user) and is_mfa_enabled(user)


def moderator_required(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Moderator pages: sign in first; members get a 404; moderators set up MFA first."""

    @wraps(view)
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        user = request.user
        if not user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if not is_moderator(user):
            raise Http404
        if not is_mfa_enabled(user):
            messages.warning(
                request,
                "Moderator pages need two-step verification. Set it up below, then come back.",
            )
            return redirect("mfa_index")
        return view(request, *args, **kwargs)

    return wrapped

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


def role_with_mfa_required(
    has_role: Callable[[Any], bool], setup_message: str
) -> Callable[[Callable[..., HttpResponse]], Callable[..., HttpResponse]]:
    """Pages for a role: sign in first; others get a 404 (nothing revealed); the role's
    members set up two-step verification before they get in."""

    def decorator(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
        @wraps(view)
        def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
            user = request.user
            if not user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            if not has_role(user):
                raise Http404
            if not is_mfa_enabled(user):
                messages.warning(request, setup_message)
                return redirect("mfa_index")
            return view(request, *args, **kwargs)

        return wrapped

    return decorator


moderator_required = role_with_mfa_required(
    is_moderator,
    "Moderator pages need two-step verification. Set it up below, then come back.",
)

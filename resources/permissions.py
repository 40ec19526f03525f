"""Who may edit the library: editors (or staff) who have set up two-step verification."""

from typing import Any

from supportnet.accounts.permissions import role_with_mfa_required


def can_edit(user: Any) -> bool:
    return bool(user.is_authenticated and user.is_active and (user.is_editor or user.is_staff))


editor_required = role_with_mfa_required(
    can_edit, "Editing the library needs two-step verification first."
)

"""Ids as they arrive in forms: only a short run of ASCII digits is an id.

`str.isdigit()` alone also accepts digits such as "¹" that `int()` refuses, and `int()`
refuses strings of more than 4,300 digits; both ended in a 500 before this check.
"""

from typing import Any

from django import forms

# Every 18-digit number fits a 64-bit primary key.
MAX_DIGITS = 18


def parse_id(value: object) -> int | None:
    """The id `value` names, or None when it is not one."""
    text = str(value)
    if not (0 < len(text) <= MAX_DIGITS and text.isascii() and text.isdigit()):
        return None
    return int(text)


class ModelMultipleIdField(forms.ModelMultipleChoiceField):
    """Django's multiple-choice model field, refusing anything that is not an id before it
    reaches the database (a 40-digit "id" overflows SQLite and PostgreSQL integers: a 500)."""

    def _check_values(self, value: Any) -> Any:
        for pk in value:
            if parse_id(pk) is None:
                raise forms.ValidationError(
                    self.error_messages["invalid_pk_value"],
                    code="invalid_pk_value",
                    params={"pk": pk},
                )
        return super()._check_values(value)  # type: ignore[misc]  # not in the stubs

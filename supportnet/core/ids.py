"""Ids as they arrive in forms: only a short run of ASCII digits is an id.

`str.isdigit()` alone also accepts digits such as "¹" that `int()` refuses, and `int()`
refuses strings of more than 4,300 digits; both ended in a 500 before this check.
"""

# Every 18-digit number fits a 64-bit primary key.
MAX_DIGITS = 18


def parse_id(value: object) -> int | None:
    """The id `value` names, or None when it is not one."""
    text = str(value)
    if not (0 < len(text) <= MAX_DIGITS and text.isascii() and text.isdigit()):
        return None
    return int(text)

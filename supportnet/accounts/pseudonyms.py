"""Pseudonym rules: what a member may be called, and when two names are "the same".

A pseudonym is 3-30 characters of letters, digits, `_`, `-` and `.` after NFKC normalisation
(so full-width or styled letters fold to plain ones). Two pseudonyms clash when their
*skeletons* match: case-folded, with look-alike characters (0/o, 1/l/i, rn/m, vv/w, 5/s)
mapped together, so nobody can pass as another member or as staff. Reserved names (and names
that contain the strongest of them, such as "admin" or "moderator") are refused.
"""

import re
import unicodedata

from django.core.exceptions import ValidationError

MIN_LENGTH = 3
MAX_LENGTH = 30
_ALLOWED = re.compile(r"^[A-Za-z0-9_.-]+$")

# Names nobody may take, compared by skeleton.
RESERVED = frozenset(
    {
        "admin",
        "administrator",
        "anonymous",
        "deleted",
        "deletedmember",
        "everyone",
        "facilitator",
        "help",
        "helpline",
        "mod",
        "moderator",
        "moderators",
        "null",
        "official",
        "owner",
        "root",
        "security",
        "staff",
        "support",
        "supportnet",
        "system",
        "team",
        "undefined",
        "none",
        "crisis",
        "safeguarding",
        "police",
    }
)
# Names nobody may take even as part of a longer name ("admin_jo", "the.moderator").
RESERVED_PARTS = ("admin", "moderator", "supportnet", "official", "safeguarding")

_LOOKALIKES = str.maketrans({"0": "o", "1": "l", "i": "l", "|": "l", "5": "s", "$": "s"})


def normalise(value: str) -> str:
    """The display form: NFKC-normalised and stripped."""
    return unicodedata.normalize("NFKC", value).strip()


def skeleton(value: str) -> str:
    """The comparison key: two pseudonyms with one skeleton are the same name."""
    folded = normalise(value).casefold()
    folded = folded.replace("rn", "m").replace("vv", "w")
    folded = folded.translate(_LOOKALIKES)
    return folded.replace("-", "").replace("_", "").replace(".", "")


def validate_pseudonym(value: str) -> None:
    name = normalise(value)
    if not MIN_LENGTH <= len(name) <= MAX_LENGTH:
        raise ValidationError(
            f"Choose a pseudonym of {MIN_LENGTH} to {MAX_LENGTH} characters.", code="length"
        )
    if not _ALLOWED.match(name):
        raise ValidationError(
            "Use only letters (a-z), digits and the characters _ - . in your pseudonym.",
            code="characters",
        )
    if not re.search(r"[A-Za-z0-9]", name):
        raise ValidationError("Your pseudonym needs at least one letter or digit.", code="empty")
    key = skeleton(name)
    reserved_parts = tuple(skeleton(part) for part in RESERVED_PARTS)
    if key in {skeleton(r) for r in RESERVED} or any(part in key for part in reserved_parts):
        raise ValidationError("That pseudonym is reserved. Please choose another.", code="reserved")

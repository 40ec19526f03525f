"""Sign-up: an email address, a pseudonym and a password. No real names anywhere."""

from typing import Any

from allauth.account.forms import SignupForm as AllauthSignupForm

from supportnet.accounts import pseudonyms


class SignupForm(AllauthSignupForm):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["username"]
        field.label = "Pseudonym"
        field.help_text = (
            f"{pseudonyms.MIN_LENGTH}-{pseudonyms.MAX_LENGTH} letters, digits, _ - or . "
            "This is the only name other members see: please don't use your real name."
        )
        field.widget.attrs.update(
            {"autocomplete": "off", "maxlength": str(pseudonyms.MAX_LENGTH), "placeholder": ""}
        )
        self.fields["email"].help_text = (
            "Only used to sign in and reset your password. Never shown to other members. "
            "Consider an address that only you can read."
        )

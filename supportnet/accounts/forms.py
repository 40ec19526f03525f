"""Sign-up: an email address, a pseudonym and a password. No real names anywhere."""

from typing import Any

from allauth.account.forms import SignupForm as AllauthSignupForm
from django import forms

from supportnet.accounts import pseudonyms
from supportnet.core.instance import current


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
        if current().registration == "invite":
            self.fields["invite_code"] = forms.CharField(
                label="Invite code",
                max_length=64,
                help_text="This community is joined by invitation: the organisers gave you a code.",
            )
        self.fields["email"].help_text = (
            "Only used to sign in and reset your password. Never shown to other members. "
            "Consider an address that only you can read."
        )

    def clean_invite_code(self) -> str:
        import hmac

        given = self.cleaned_data.get("invite_code", "").strip()
        expected = current().invite_code.strip()
        if not expected or not hmac.compare_digest(given.encode(), expected.encode()):
            raise forms.ValidationError("That invite code doesn't match. Check it and try again.")
        return given

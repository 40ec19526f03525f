"""allauth adapter: pseudonym rules, neutral emails, and no account enumeration."""

from typing import Any

from allauth.account.adapter import DefaultAccountAdapter
from django import forms
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.http import HttpRequest

from supportnet.accounts import pseudonyms
from supportnet.core.instance import current

EMAIL_MAX_LENGTH = 254


class AccountAdapter(DefaultAccountAdapter):
    def clean_username(self, username: str, shallow: bool = False) -> str:
        """The allauth "username" is the pseudonym: validate it and refuse look-alikes."""
        name = pseudonyms.normalise(username)
        try:
            pseudonyms.validate_pseudonym(name)
        except ValidationError as error:
            raise forms.ValidationError(error.messages) from error
        if not shallow:
            taken = get_user_model().objects.filter(pseudonym_key=pseudonyms.skeleton(name))
            if taken.exists():
                raise forms.ValidationError(
                    "That pseudonym (or one that looks just like it) is taken. "
                    "Please choose another."
                )
        return name

    def clean_email(self, email: str) -> str:
        """Addresses longer than the standard allows are refused before anything is stored."""
        if len(email) > EMAIL_MAX_LENGTH:
            raise forms.ValidationError(
                f"Please enter an email address of at most {EMAIL_MAX_LENGTH} characters."
            )
        return super().clean_email(email)

    def format_email_subject(self, subject: str) -> str:
        """Every subject reads "<neutral name>: <neutral words>", whatever the template."""
        return f"{current().neutral_name}: {subject.strip()}"

    def send_mail(self, template_prefix: str, email: str, context: dict[str, Any]) -> None:
        context = {**context, "neutral_name": current().neutral_name}
        super().send_mail(template_prefix, email, context)

    def is_open_for_signup(self, request: HttpRequest) -> bool:
        return current().registration != "closed"

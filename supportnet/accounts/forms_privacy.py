from typing import Any

from django import forms


class EraseForm(forms.Form):
    posts = forms.ChoiceField(
        label="What should happen to what you posted?",
        choices=(
            ("delete", "Delete my posts and replies"),
            ("keep", "Keep them, shown as written by “deleted member”"),
        ),
        widget=forms.RadioSelect,
    )
    password = forms.CharField(
        label="Your password, to confirm", widget=forms.PasswordInput, max_length=4096
    )
    confirm = forms.BooleanField(
        label="I understand that this cannot be undone",
        error_messages={"required": "Please confirm that you want to erase your account."},
    )

    def __init__(self, *args: Any, user: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.user = user

    def clean_password(self) -> str:
        password = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise forms.ValidationError("That password is not right.")
        return password

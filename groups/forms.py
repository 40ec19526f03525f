"""Forms for groups. Limits here mirror the services' so members see errors before posting."""

from typing import Any, cast

from django import forms

from groups.models import (
    BODY_MAX,
    DESCRIPTION_MAX,
    TITLE_MAX,
    TRUST_THRESHOLD_MAX,
    ContentWarning,
    Group,
)


class JoinForm(forms.Form):
    accept_guidelines = forms.BooleanField(
        label="I have read the group's guidelines and agree to follow them",
        error_messages={"required": "Please read and accept the guidelines to join."},
    )
    intro_answer = forms.CharField(
        label="Your answer",
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class _PostForm(forms.Form):
    body = forms.CharField(
        label="Your message",
        max_length=BODY_MAX,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text="You can use Markdown: *italic*, **bold**, lists and links.",
        error_messages={"required": "Please write something before posting."},
    )
    content_warning = forms.ChoiceField(
        label="Content warning",
        choices=ContentWarning.choices,
        required=False,
        help_text="Readers will see the warning first and choose whether to open your post.",
    )
    content_warning_text = forms.CharField(
        label="If other, what is it about?", required=False, max_length=100
    )


class ThreadForm(_PostForm):
    title = forms.CharField(label="Title", max_length=TITLE_MAX)
    field_order = ("title", "body", "content_warning", "content_warning_text")


class ReplyForm(_PostForm):
    pass


class InviteForm(forms.Form):
    pseudonym = forms.CharField(label="Pseudonym of the member to invite", max_length=30)


class LiveMessageForm(forms.Form):
    body = forms.CharField(
        label="Your message",
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
        error_messages={"required": "Please write something before sending."},
    )


SITE_DEFAULT = "default"


class GroupSettingsForm(forms.Form):
    """A facilitator's settings for their group. The trust threshold is a list (the site
    default, or 0 to 20), so anything else is a form error, never a guess."""

    description = forms.CharField(
        label="Description",
        required=False,
        max_length=DESCRIPTION_MAX,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Shown on the group's page and, for listed groups, in the directory.",
    )
    guidelines = forms.CharField(
        label="Guidelines",
        required=False,
        max_length=BODY_MAX,
        widget=forms.Textarea(attrs={"rows": 10}),
        help_text="Members accept these to join. Changing them starts a new version: the "
        "group keeps a record of which version each member accepted.",
    )
    join_policy = forms.ChoiceField(
        label="Who can join",
        choices=Group.JoinPolicy.choices,
        widget=forms.RadioSelect,
        error_messages={
            "required": "Choose who can join.",
            "invalid_choice": "Choose who can join from the list.",
        },
    )
    trust_threshold = forms.ChoiceField(
        label="New members' first posts held for review",
        help_text="How many of a new member's first posts wait for a facilitator or a "
        "moderator to approve them before others can see them. Until then the member also "
        "waits longer between posts and cannot use the live room. 0 holds nobody's posts for "
        "being new (posts that screening holds still wait).",
        error_messages={
            "required": "Choose how many first posts wait for review, or the site default.",
            "invalid_choice": f"Choose a number from 0 to {TRUST_THRESHOLD_MAX}, "
            "or the site default.",
        },
    )

    def __init__(self, *args: Any, site_default: int, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        cast(forms.ChoiceField, self.fields["trust_threshold"]).choices = [
            (SITE_DEFAULT, f"Use the site default ({site_default})"),
            ("0", "0 (none held)"),
            *((str(n), str(n)) for n in range(1, TRUST_THRESHOLD_MAX + 1)),
        ]

    @staticmethod
    def initial_for(group: Group) -> dict[str, Any]:
        threshold = group.trust_threshold
        return {
            "description": group.description,
            "guidelines": group.guidelines,
            "join_policy": group.join_policy,
            "trust_threshold": SITE_DEFAULT if threshold is None else str(threshold),
        }

    def clean_trust_threshold(self) -> int | None:
        value = self.cleaned_data["trust_threshold"]
        return None if value == SITE_DEFAULT else int(value)

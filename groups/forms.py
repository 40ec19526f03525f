"""Forms for groups. Limits here mirror the services' so members see errors before posting."""

from django import forms

from groups.models import BODY_MAX, TITLE_MAX, ContentWarning


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

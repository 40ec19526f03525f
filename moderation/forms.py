from collections.abc import Sequence
from typing import Any

from django import forms

from moderation.models import Report, WatchedWord


class ReportForm(forms.Form):
    # Only the reasons a member gives: "watched word" and "contact details" come from screening.
    reason = forms.ChoiceField(
        label="What is wrong?",
        choices=[(r.value, r.label) for r in Report.MEMBER_REASONS],
        widget=forms.RadioSelect,
    )
    text = forms.CharField(
        label="Anything moderators should know (optional)",
        required=False,
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class WatchedWordForm(forms.Form):
    phrase = forms.CharField(label="Word or phrase", min_length=2, max_length=100)
    action = forms.ChoiceField(label="What happens", choices=WatchedWord.Action.choices)
    message = forms.CharField(
        label="Message to the poster (when refused)", required=False, max_length=300
    )


class QueueFilterForm(forms.Form):
    KINDS = (
        ("", "Everything"),
        ("crisis", "Crisis cases"),
        ("concern", "Concern cases"),
        ("report", "At-risk reports"),
        ("reports", "Other reports"),
        ("held", "Posts waiting for review"),
        ("appeals", "Appeals"),
    )
    group = forms.SlugField(label="Group", required=False, max_length=80)
    kind = forms.ChoiceField(label="Kind", choices=KINDS, required=False)

    def clean_group(self) -> object:
        from groups.models import Group

        slug = self.cleaned_data.get("group", "")
        if not slug:
            return None
        group = Group.objects.filter(slug=slug).first()
        if group is None:
            raise forms.ValidationError("There is no group with that address.")
        return group


class IdPrefixForm(forms.Form):
    """Several forms share one page: each gives its fields ids of its own (`<prefix>_<name>`)."""

    id_prefix = "id"

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("auto_id", f"{self.id_prefix}_%s")
        super().__init__(*args, **kwargs)


class NoteForm(IdPrefixForm):
    id_prefix = "note"
    text = forms.CharField(
        label="Private note (moderators only)",
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class MessageForm(IdPrefixForm):
    id_prefix = "message"
    text = forms.CharField(
        label="Message to the member",
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="Shown in their notices. Warm and plain words; no diagnosis.",
    )


class SanctionForm(IdPrefixForm):
    id_prefix = "sanction"
    kind = forms.ChoiceField(label="Action", choices=())
    reason = forms.CharField(
        label="Reason (the member sees it)",
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    hours = forms.TypedChoiceField(
        label="For how long",
        coerce=int,
        required=False,
        empty_value=None,
        choices=(
            ("", "Not needed (warning, removal) / until lifted (suspension)"),
            ("1", "1 hour"),
            ("6", "6 hours"),
            ("24", "1 day"),
            ("72", "3 days"),
            ("168", "7 days"),
            ("720", "30 days"),
        ),
    )
    group = forms.TypedChoiceField(
        label="Group (for removal)", coerce=int, required=False, empty_value=None, choices=()
    )

    def __init__(self, *args: Any, memberships: Sequence[Any] = (), **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        from moderation.models import Sanction

        kind: Any = self.fields["kind"]
        kind.choices = Sanction.Kind.choices
        group: Any = self.fields["group"]
        group.choices = [("", "—"), *((m.group_id, m.group.name) for m in memberships)]


class HideForm(forms.Form):
    reason = forms.CharField(
        label="Why (the author sees it)", max_length=500, widget=forms.Textarea(attrs={"rows": 2})
    )


class ModeratorEditForm(forms.Form):
    body = forms.CharField(
        label="Text", max_length=10_000, widget=forms.Textarea(attrs={"rows": 8})
    )
    note = forms.CharField(
        label="Note shown with the post",
        max_length=300,
        help_text='For example: "Edited by a moderator to remove a name."',
    )


class AppealForm(forms.Form):
    text = forms.CharField(
        label="Why should this be looked at again?",
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )


class AppealDecisionForm(forms.Form):
    decision = forms.ChoiceField(
        label="Decision",
        choices=(("uphold", "Keep the decision"), ("overturn", "Reverse it")),
        widget=forms.RadioSelect,
    )
    outcome = forms.CharField(
        label="What the member is told", max_length=500, widget=forms.Textarea(attrs={"rows": 2})
    )

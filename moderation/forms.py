from django import forms

from moderation.models import Report, WatchedWord


class ReportForm(forms.Form):
    reason = forms.ChoiceField(
        label="What is wrong?", choices=Report.Reason.choices, widget=forms.RadioSelect
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

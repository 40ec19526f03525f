from django import forms


class ArticleForm(forms.Form):
    title = forms.CharField(label="Title", max_length=200)
    summary = forms.CharField(
        label="Summary", max_length=400, widget=forms.Textarea(attrs={"rows": 2})
    )
    body = forms.CharField(
        label="Body (Markdown)",
        max_length=50_000,
        widget=forms.Textarea(attrs={"rows": 20}),
        help_text="Cite sources as [@key]. End with a note that this is information, not therapy.",
    )

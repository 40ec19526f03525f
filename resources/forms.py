from typing import Any, ClassVar

from django import forms

from resources.models import Article, Citation, Topic
from resources.services import CONTENT_WARNINGS
from supportnet.core.ids import ModelMultipleIdField


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
    topics = ModelMultipleIdField(
        label="Topics",
        queryset=Topic.objects.order_by("name"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    content_warnings = forms.MultipleChoiceField(
        label="Content warnings",
        choices=CONTENT_WARNINGS,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="Readers see the warning first and open the article themselves.",
    )
    citations = ModelMultipleIdField(
        label="Sources in the reference list",
        queryset=Citation.objects.order_by("authors", "year"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="Sources cited in the text as [@key] are listed first, in order, "
        "whether ticked here or not.",
    )
    related = ModelMultipleIdField(
        label="Related articles",
        queryset=Article.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="Shown under the article. If none are ticked, articles on the same topics "
        "are suggested.",
    )

    def __init__(self, *args: Any, article: Article | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        others = Article.objects.exclude(status=Article.Status.ARCHIVED).order_by("title")
        if article is not None:
            others = others.exclude(pk=article.pk)
        related: Any = self.fields["related"]
        related.queryset = others


class CitationForm(forms.ModelForm):
    class Meta:
        model = Citation
        fields = ("key", "authors", "year", "title", "venue", "doi", "url")
        help_texts: ClassVar[dict[str, str]] = {
            "key": "Short and unique, used in the text as [@key], e.g. stark2007.",
            "doi": "Only the DOI, e.g. 10.1037/h0079474 (not the https://doi.org/ link).",
        }

    def clean_year(self) -> int:
        from django.utils import timezone

        year = int(self.cleaned_data["year"])
        if not 1500 <= year <= timezone.now().year + 1:
            raise forms.ValidationError("Give the year it was published, e.g. 2007.")
        return year

    def clean_doi(self) -> str:
        import re

        doi = self.cleaned_data.get("doi", "").strip()
        doi = re.sub(r"^(?:https?://(?:dx\.)?doi\.org/|doi:)", "", doi, flags=re.IGNORECASE)
        if doi and not re.fullmatch(r"10\.\d{4,9}/\S+", doi):
            raise forms.ValidationError("That doesn't look like a DOI (they start with 10.).")
        return doi

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if not data.get("doi") and not data.get("url") and not data.get("venue"):
            raise forms.ValidationError("Give a DOI, a web address or where it was published.")
        return data

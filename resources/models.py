"""The resource library: articles with citations, and the help-line directory."""

from django.conf import settings
from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.urls import reverse
from django.utils import timezone


class Topic(models.Model):
    slug = models.SlugField(max_length=40, unique=True)
    name = models.CharField(max_length=60)

    class Meta:
        ordering = ("name",)

    def __str__(self) -> str:
        return self.name


class Citation(models.Model):
    key = models.SlugField(max_length=40, unique=True)
    authors = models.CharField(max_length=300)
    year = models.PositiveSmallIntegerField()
    title = models.CharField(max_length=300)
    venue = models.CharField(max_length=300, blank=True)
    doi = models.CharField(max_length=100, blank=True)
    url = models.URLField(blank=True)

    class Meta:
        ordering = ("authors", "year")

    def __str__(self) -> str:
        return f"{self.authors} ({self.year}). {self.title}."

    @property
    def link(self) -> str:
        return f"https://doi.org/{self.doi}" if self.doi else self.url


class Article(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", "Draft"
        IN_REVIEW = "in_review", "In review"
        PUBLISHED = "published", "Published"
        ARCHIVED = "archived", "Archived"

    title = models.CharField(max_length=200)
    slug = models.SlugField(max_length=100, unique=True)
    summary = models.CharField(max_length=400)
    body = models.TextField()
    body_html = models.TextField(editable=False)
    topics = models.ManyToManyField(Topic, blank=True, related_name="articles")
    content_warnings = models.JSONField(default=list, blank=True)
    reading_minutes = models.PositiveSmallIntegerField(default=1)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.DRAFT)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    last_reviewed = models.DateField(null=True, blank=True)
    review_due = models.DateField(null=True, blank=True)
    citations = models.ManyToManyField(Citation, through="ArticleCitation", blank=True)
    related = models.ManyToManyField("self", symmetrical=False, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)
    # Weighted full-text vector (title A, summary B, body C), kept by services on PostgreSQL and
    # GIN-indexed there; unused on SQLite.
    search_vector = SearchVectorField(null=True, editable=False)

    class Meta:
        ordering = ("title",)
        indexes = (models.Index(fields=("status", "title")),)

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("resources:article", kwargs={"slug": self.slug})


class ArticleCitation(models.Model):
    article = models.ForeignKey(Article, on_delete=models.CASCADE)
    citation = models.ForeignKey(Citation, on_delete=models.CASCADE)
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ("order",)
        constraints = (
            models.UniqueConstraint(fields=("article", "citation"), name="resources_cite_once"),
        )

    def __str__(self) -> str:
        return f"{self.article_id}:{self.citation_id}"


class ArticleRevision(models.Model):
    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="revisions")
    title = models.CharField(max_length=200)
    summary = models.CharField(max_length=400)
    body = models.TextField()
    editor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ("-created_at",)

    def __str__(self) -> str:
        return f"revision {self.pk} of {self.article_id}"


class HelpLine(models.Model):
    class Topic(models.TextChoices):
        SUICIDE = "suicide", "Suicide and crisis"
        DOMESTIC_ABUSE = "domestic-abuse", "Domestic abuse"
        SEXUAL_VIOLENCE = "sexual-violence", "Sexual violence"
        CHILDREN = "children", "Children and young people"
        EMERGENCY = "emergency", "Emergency services"

    name = models.CharField(max_length=120)
    country = models.CharField(max_length=2, help_text="ISO 3166-1 alpha-2", db_index=True)
    region = models.CharField(max_length=6, blank=True, help_text="ISO 3166-2, if regional")
    phone = models.CharField(max_length=40, blank=True)
    text = models.CharField(max_length=120, blank=True)
    chat_url = models.URLField(blank=True)
    website = models.URLField(blank=True)
    hours = models.CharField(max_length=60, blank=True)
    languages = models.JSONField(default=list, blank=True)
    topics = models.JSONField(default=list, blank=True)
    source = models.URLField(help_text="The official page these details come from.")
    last_verified = models.DateField()
    in_crisis_panel = models.BooleanField(
        default=False,
        help_text="Chosen by this instance for the crisis help panel. When any line of a "
        "country is chosen, members from there see only the chosen lines in the panel.",
    )

    class Meta:
        ordering = ("country", "name")
        constraints = (
            models.UniqueConstraint(fields=("name", "country"), name="resources_helpline_once"),
        )

    def __str__(self) -> str:
        return f"{self.name} ({self.country})"

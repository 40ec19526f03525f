"""Cross-cutting data: the audit log."""

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models


class AuditEntry(models.Model):
    """One thing someone did that must be accountable later. Append-only.

    `data` holds identifiers and decisions, never post content or full IP addresses.
    """

    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    action = models.CharField(max_length=100, db_index=True)
    target_type = models.ForeignKey(
        ContentType, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    target_id = models.CharField(max_length=64, blank=True, default="")
    data = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ("-created_at", "-id")
        indexes = (models.Index(fields=["target_type", "target_id"]),)
        verbose_name = "audit entry"
        verbose_name_plural = "audit log"

    def __str__(self) -> str:
        return f"{self.created_at:%Y-%m-%d %H:%M:%S} {self.action}"


def _validate_colour(value: str) -> None:
    from django.core.exceptions import ValidationError

    from supportnet.core.branding import contrast_problem

    problem = contrast_problem(value)
    if problem:
        raise ValidationError(problem)


def _validate_region(value: str) -> None:
    from django.core.exceptions import ValidationError

    if not (len(value) == 2 and value.isascii() and value.isalpha() and value.isupper()):
        raise ValidationError("Use a two-letter country code in capitals (ISO 3166), e.g. GB.")


def _validate_https(value: str) -> None:
    from django.core.exceptions import ValidationError

    if not value.startswith("https://"):
        raise ValidationError("Use an https:// address.")


class InstanceSettings(models.Model):
    """The instance's own settings, edited in the admin (one row). A blank field means the
    environment's default (docs/configuration.md); `supportnet.core.instance.current()` gives
    the resolved values, cached."""

    class Registration(models.TextChoices):
        OPEN = "open", "Open: anyone can join"
        INVITE = "invite", "With an invite code"
        CLOSED = "closed", "Closed: no new accounts"

    site_name = models.CharField(max_length=60, blank=True)
    neutral_name = models.CharField(
        max_length=60,
        blank=True,
        help_text="Used in tab titles and email subjects: something that does not reveal what "
        "the site is about.",
    )
    logo = models.BinaryField(null=True, blank=True, editable=False)
    logo_type = models.CharField(max_length=20, blank=True, editable=False)
    logo_alt = models.CharField(
        max_length=100, blank=True, help_text="Describe the logo for screen readers."
    )
    brand_colour = models.CharField(
        max_length=7,
        blank=True,
        validators=[_validate_colour],
        help_text="Links and buttons, as #rrggbb. It must contrast 4.5:1 with white (WCAG AA).",
    )
    default_region = models.CharField(max_length=2, blank=True, validators=[_validate_region])
    language = models.CharField(
        max_length=10,
        blank=True,
        choices=(
            ("en-gb", "English (UK)"),
            ("en-us", "English (US)"),
            ("en-au", "English (Australia)"),
            ("en-ca", "English (Canada)"),
            ("en-ie", "English (Ireland)"),
        ),
        help_text="The pages' language and date formats. The content is in English for now.",
    )
    quick_exit_url = models.URLField(
        blank=True,
        validators=[_validate_https],
        help_text="Where the quick-exit button goes: an ordinary, harmless site.",
    )
    registration = models.CharField(
        max_length=10, choices=Registration.choices, default=Registration.OPEN
    )
    invite_code = models.CharField(
        max_length=64, blank=True, help_text="Asked for at sign-up when registration needs one."
    )
    new_member_held_posts = models.PositiveSmallIntegerField(
        null=True, blank=True, help_text="How many first posts of a new member wait for review."
    )
    crisis_second_oncall_minutes = models.PositiveIntegerField(null=True, blank=True)
    crisis_lead_minutes = models.PositiveIntegerField(null=True, blank=True)
    concern_escalate_minutes = models.PositiveIntegerField(null=True, blank=True)
    report_escalate_minutes = models.PositiveIntegerField(null=True, blank=True)
    retain_live_messages_days = models.PositiveIntegerField(null=True, blank=True)
    retain_case_details_days = models.PositiveIntegerField(null=True, blank=True)
    retain_task_results_days = models.PositiveIntegerField(null=True, blank=True)
    contact_page = models.TextField(
        blank=True,
        max_length=20_000,
        help_text="Markdown: who runs this site and how to reach them.",
    )
    safeguarding_page = models.TextField(
        blank=True, max_length=20_000, help_text="Markdown: the organisation's safeguarding policy."
    )
    updated_at = models.DateTimeField(auto_now=True)

    # Timers and retention periods: blank keeps the environment's default, 0 is refused.
    PERIOD_FIELDS = (
        "crisis_second_oncall_minutes",
        "crisis_lead_minutes",
        "concern_escalate_minutes",
        "report_escalate_minutes",
        "retain_live_messages_days",
        "retain_case_details_days",
        "retain_task_results_days",
    )

    class Meta:
        verbose_name = "instance settings"
        verbose_name_plural = "instance settings"
        constraints = (
            models.CheckConstraint(condition=models.Q(pk=1), name="core_one_instance_settings"),
        )

    def __str__(self) -> str:
        return "Instance settings"

    def clean(self) -> None:
        from django.core.exceptions import ValidationError

        errors: dict[str, str] = {}
        if self.registration == self.Registration.INVITE and len(self.invite_code.strip()) < 8:
            errors["invite_code"] = "Choose an invite code of at least 8 characters."
        for name in self.PERIOD_FIELDS:
            if getattr(self, name) == 0:
                errors[name] = "Leave it blank for the default, or use 1 or more."
        second, lead = self.crisis_second_oncall_minutes, self.crisis_lead_minutes
        if second and lead and lead <= second:
            errors["crisis_lead_minutes"] = "The crisis lead is told after the second on-call."
        if errors:
            raise ValidationError(errors)

"""Moderation data: cases, the content in them, alerts to moderators, and who is on duty."""

from typing import ClassVar

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils import timezone


class Case(models.Model):
    """Someone may need help: opened by screening (crisis, concern) or an "at risk" report.

    Repeated posts by the same member while a case is open join it (`CaseItem`).
    """

    class Level(models.TextChoices):
        CRISIS = "crisis", "Crisis"
        CONCERN = "concern", "Concern"
        REPORT = "report", "Report"

    class State(models.TextChoices):
        OPEN = "open", "Open"
        ACKNOWLEDGED = "acknowledged", "Acknowledged"
        ESCALATED = "escalated", "Escalated"
        RESOLVED = "resolved", "Resolved"
        FALSE_ALARM = "false_alarm", "False alarm"

    ACTIVE_STATES = (State.OPEN, State.ACKNOWLEDGED, State.ESCALATED)
    UNACKNOWLEDGED_STATES = (State.OPEN, State.ESCALATED)
    PRIORITY: ClassVar[dict[str, int]] = {"crisis": 0, "concern": 1, "report": 2}

    level = models.CharField(max_length=10, choices=Level.choices)
    state = models.CharField(max_length=12, choices=State.choices, default=State.OPEN)
    subject = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="The member who may need help.",
    )
    reasons = models.JSONField(default=list, blank=True)
    opened_at = models.DateTimeField(default=timezone.now, db_index=True)
    acknowledged_at = models.DateTimeField(null=True, blank=True)
    acknowledged_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    escalation_step = models.PositiveSmallIntegerField(
        default=0, help_text="0: on-duty moderators; 1: second on-call; 2: crisis lead."
    )
    closed_at = models.DateTimeField(null=True, blank=True)
    outcome = models.CharField(max_length=500, blank=True)

    class Meta:
        ordering = ("opened_at",)
        indexes = (models.Index(fields=("state", "level", "opened_at")),)

    def __str__(self) -> str:
        return f"{self.get_level_display()} case {self.pk}"

    @property
    def is_active(self) -> bool:
        return self.state in self.ACTIVE_STATES


class CaseItem(models.Model):
    """One piece of content (thread, reply, live message) in a case."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="items")
    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    object_id = models.PositiveBigIntegerField()
    content = GenericForeignKey("content_type", "object_id")
    level = models.CharField(max_length=10, choices=Case.Level.choices)
    reasons = models.JSONField(default=list, blank=True)
    group = models.ForeignKey(
        "groups.Group", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ("created_at", "id")
        indexes = (models.Index(fields=("content_type", "object_id")),)

    def __str__(self) -> str:
        return f"item {self.pk} of case {self.case_id}"


class Alert(models.Model):
    """A case brought to one moderator's attention. Never only in Redis: this row is the alert,
    the websocket push is a courtesy."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="alerts")
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="moderation_alerts"
    )
    step = models.PositiveSmallIntegerField(default=0)
    level = models.CharField(max_length=10, choices=Case.Level.choices)
    created_at = models.DateTimeField(default=timezone.now)
    # When it was last raised: written, or raised again after it was acknowledged (a member
    # asking for a moderator to reach out). Sockets tell a raise they have sent from a new one.
    raised_at = models.DateTimeField(default=timezone.now)
    delivered_at = models.DateTimeField(null=True, blank=True)
    emailed_at = models.DateTimeField(null=True, blank=True)
    acknowledged_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ("created_at", "id")
        constraints = (
            models.UniqueConstraint(
                fields=("case", "recipient", "step", "level"),
                name="moderation_one_alert_per_step",
            ),
        )
        indexes = (models.Index(fields=("recipient", "acknowledged_at")),)

    def __str__(self) -> str:
        return f"alert {self.pk} for case {self.case_id}"


class ModeratorProfile(models.Model):
    """A site moderator's duty status and place in the escalation rota."""

    class RotaRole(models.TextChoices):
        NONE = "", "Moderator"
        SECOND = "second", "Second on-call"
        LEAD = "lead", "Crisis lead"

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="moderator_profile"
    )
    on_duty = models.BooleanField(default=False)
    rota_role = models.CharField(max_length=10, choices=RotaRole.choices, blank=True, default="")
    on_duty_since = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return f"moderator {self.user_id}"


class Report(models.Model):
    """A member's report of a post or message. The reported member never learns who reported."""

    class Reason(models.TextChoices):
        AT_RISK = "at_risk", "Someone may be at risk"
        HARASSMENT = "harassment", "Harassment or abuse"
        IDENTIFYING = "identifying", "Shares identifying information"
        WATCHED = "watched", "Watched word (automatic)"
        CONTACT = "contact", "Shares or asks for contact details (automatic)"
        SPAM = "spam", "Spam"
        OTHER = "other", "Something else"

    class State(models.TextChoices):
        OPEN = "open", "Open"
        UPHELD = "upheld", "Upheld"
        DISMISSED = "dismissed", "Dismissed"

    # What a member may choose; the others are written by screening (reporter None).
    MEMBER_REASONS = (
        Reason.AT_RISK,
        Reason.HARASSMENT,
        Reason.IDENTIFYING,
        Reason.SPAM,
        Reason.OTHER,
    )

    reporter = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    object_id = models.PositiveBigIntegerField()
    content = GenericForeignKey("content_type", "object_id")
    reason = models.CharField(max_length=12, choices=Reason.choices)
    text = models.CharField(max_length=500, blank=True)
    state = models.CharField(max_length=10, choices=State.choices, default=State.OPEN)
    case = models.ForeignKey(Case, null=True, blank=True, on_delete=models.SET_NULL)
    group = models.ForeignKey(
        "groups.Group", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    decided_at = models.DateTimeField(null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ("created_at", "id")
        constraints = (
            models.UniqueConstraint(
                fields=("reporter", "content_type", "object_id"), name="moderation_one_report_each"
            ),
        )

    def __str__(self) -> str:
        return f"report {self.pk}"


class WatchedWord(models.Model):
    """A word or phrase the instance watches for in every post and live message."""

    class Action(models.TextChoices):
        FLAG = "flag", "Flag for a moderator"
        HOLD = "hold", "Hold the post for review"
        BLOCK = "block", "Refuse the post with a message"

    phrase = models.CharField(max_length=100, unique=True)
    action = models.CharField(max_length=5, choices=Action.choices, default=Action.FLAG)
    message = models.CharField(
        max_length=300, blank=True, help_text="Shown to the poster when the post is refused."
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ("phrase",)

    def __str__(self) -> str:
        return self.phrase


class Claim(models.Model):
    """A moderator is working on a queue item (a case, report, held post or appeal), so others
    leave it to them. A claim left alone for `CLAIM_MINUTES` may be taken over."""

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    object_id = models.PositiveBigIntegerField()
    item = GenericForeignKey("content_type", "object_id")
    moderator = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    claimed_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = (
            models.UniqueConstraint(
                fields=("content_type", "object_id"), name="moderation_one_claim_per_item"
            ),
        )

    def __str__(self) -> str:
        return f"claim {self.pk}"


class MemberNote(models.Model):
    """Moderators' private note about a member. Never shown to the member, never exported."""

    subject = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    text = models.TextField(max_length=2000)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ("-created_at", "-id")
        indexes = (models.Index(fields=("subject", "created_at")),)

    def __str__(self) -> str:
        return f"note {self.pk}"


class Sanction(models.Model):
    """A moderator's action on a member: a warning, silence (no posting for a while),
    suspension (no groups at all for a while, or until lifted) or removal from one group."""

    class Kind(models.TextChoices):
        WARNING = "warning", "Warning"
        SILENCE = "silence", "Posting paused"
        SUSPENSION = "suspension", "Suspended"
        GROUP_REMOVAL = "removal", "Removed from a group"

    RESTRICTING = (Kind.SILENCE, Kind.SUSPENSION)

    member = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="sanctions"
    )
    kind = models.CharField(max_length=10, choices=Kind.choices)
    group = models.ForeignKey(
        "groups.Group", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    reason = models.CharField(max_length=500)
    starts_at = models.DateTimeField(default=timezone.now)
    ends_at = models.DateTimeField(null=True, blank=True, help_text="Empty: until lifted.")
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    lifted_at = models.DateTimeField(null=True, blank=True)
    lifted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ("-starts_at", "-id")
        indexes = (models.Index(fields=("member", "kind", "lifted_at")),)

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.pk}"


class Notice(models.Model):
    """What a member is told about a moderator's action on them or their content, and their
    one appeal against it. Supportive messages are notices too (not appealable)."""

    class Kind(models.TextChoices):
        POST_HIDDEN = "hidden", "A post of yours was hidden"
        POST_EDITED = "edited", "A post of yours was edited by a moderator"
        WARNING = "warning", "A warning from the moderators"
        SILENCE = "silence", "Your posting is paused for a while"
        SUSPENSION = "suspension", "Your account is suspended"
        GROUP_REMOVAL = "removal", "You were removed from a group"
        MESSAGE = "message", "A message from the moderators"

    class Appeal(models.TextChoices):
        NONE = "", "Not appealed"
        OPEN = "open", "Appeal waiting for a moderator"
        UPHELD = "upheld", "Decision kept"
        OVERTURNED = "overturned", "Decision reversed"

    member = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="moderation_notices"
    )
    kind = models.CharField(max_length=10, choices=Kind.choices)
    message = models.TextField(max_length=2000, blank=True)
    content_type = models.ForeignKey(
        ContentType, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    object_id = models.PositiveBigIntegerField(null=True, blank=True)
    content = GenericForeignKey("content_type", "object_id")
    sanction = models.ForeignKey(Sanction, null=True, blank=True, on_delete=models.SET_NULL)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    read_at = models.DateTimeField(null=True, blank=True)
    appeal_state = models.CharField(
        max_length=10, choices=Appeal.choices, blank=True, default=Appeal.NONE
    )
    appeal_text = models.TextField(max_length=2000, blank=True)
    appealed_at = models.DateTimeField(null=True, blank=True)
    appeal_decided_at = models.DateTimeField(null=True, blank=True)
    appeal_decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    appeal_outcome = models.CharField(max_length=500, blank=True)

    class Meta:
        ordering = ("-created_at", "-id")
        indexes = (
            models.Index(fields=("member", "read_at")),
            models.Index(fields=("appeal_state", "appealed_at")),
        )

    def __str__(self) -> str:
        return f"notice {self.pk}"

    @property
    def appealable(self) -> bool:
        return self.kind != self.Kind.MESSAGE and self.appeal_state == self.Appeal.NONE

"""Peer-support groups: groups, memberships, threads, replies, reactions and blocks."""

from typing import Any, ClassVar

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone

TITLE_MAX = 150
BODY_MAX = 10_000
DESCRIPTION_MAX = 2000
# A group's trust threshold, as facilitators may set it: how many first posts wait for review.
TRUST_THRESHOLD_MAX = 20


class Group(models.Model):
    class Visibility(models.TextChoices):
        LISTED = "listed", "Listed in the directory"
        UNLISTED = "unlisted", "Unlisted (reachable by link or invitation)"

    class JoinPolicy(models.TextChoices):
        OPEN = "open", "Anyone can join"
        REQUEST = "request", "Members ask to join; a facilitator approves"
        INVITE = "invite", "By invitation only"

    name = models.CharField(max_length=80, unique=True)
    slug = models.SlugField(max_length=90, unique=True)
    description = models.TextField(max_length=DESCRIPTION_MAX, blank=True)
    guidelines = models.TextField(
        max_length=BODY_MAX, blank=True, help_text="Markdown. Members accept these to join."
    )
    guidelines_version = models.PositiveIntegerField(default=1)
    topics = models.JSONField(default=list, blank=True, help_text="Short topic tags.")
    visibility = models.CharField(
        max_length=10, choices=Visibility.choices, default=Visibility.LISTED
    )
    join_policy = models.CharField(max_length=10, choices=JoinPolicy.choices, default="open")
    intro_question = models.CharField(
        max_length=300, blank=True, help_text="Asked of members who request to join."
    )
    trust_threshold = models.PositiveSmallIntegerField(
        null=True,
        blank=True,
        help_text="How many first posts wait for review (empty: the instance's default).",
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    # Set by `services.group_settings_update` on the group it returns: the fields it changed.
    settings_changed: Any = ()

    class Meta:
        ordering = ("name",)

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("groups:detail", kwargs={"slug": self.slug})

    @property
    def guidelines_html(self) -> str:
        """The guidelines' Markdown as sanitised HTML (the same cleaning as posts)."""
        from django.utils.safestring import mark_safe

        from supportnet.core.text import render_markdown

        return mark_safe(render_markdown(self.guidelines))  # noqa: S308 — sanitised by nh3

    @property
    def effective_trust_threshold(self) -> int:
        if self.trust_threshold is not None:
            return self.trust_threshold
        from supportnet.core.instance import current

        return current().new_member_held_posts


class Membership(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", "Waiting for approval"
        ACTIVE = "active", "Member"
        REMOVED = "removed", "Removed"
        BANNED = "banned", "Banned"

    class Role(models.TextChoices):
        MEMBER = "member", "Member"
        FACILITATOR = "facilitator", "Facilitator"

    group = models.ForeignKey(Group, on_delete=models.CASCADE, related_name="memberships")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships"
    )
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PENDING)
    role = models.CharField(max_length=12, choices=Role.choices, default=Role.MEMBER)
    accepted_guidelines_version = models.PositiveIntegerField(null=True, blank=True)
    intro_answer = models.TextField(max_length=1000, blank=True)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    approved_posts = models.PositiveIntegerField(
        default=0, help_text="Posts of this member that others can see (for the trust rule)."
    )
    notifications_muted = models.BooleanField(
        default=False,
        help_text="The member muted the whole group: no notifications from any of its threads. "
        "Private to the member.",
    )
    created_at = models.DateTimeField(default=timezone.now)
    joined_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = (
            models.UniqueConstraint(fields=("group", "user"), name="groups_one_membership"),
        )

    def __str__(self) -> str:
        return f"{self.user} in {self.group} ({self.status})"

    @property
    def guidelines_outdated(self) -> bool:
        """The group's guidelines changed since this member last accepted them."""
        return self.is_active and (self.accepted_guidelines_version or 0) < (
            self.group.guidelines_version
        )

    @property
    def is_active(self) -> bool:
        return self.status == self.Status.ACTIVE

    @property
    def is_facilitator(self) -> bool:
        return self.is_active and self.role == self.Role.FACILITATOR


class ContentWarning(models.TextChoices):
    NONE = "", "No content warning"
    SELF_HARM = "self-harm", "Self-harm"
    SUICIDE = "suicide", "Suicide"
    SEXUAL_VIOLENCE = "sexual-violence", "Sexual violence"
    PHYSICAL_VIOLENCE = "physical-violence", "Physical violence"
    CHILD_ABUSE = "child-abuse", "Child abuse"
    OTHER = "other", "Other"


class PostState(models.TextChoices):
    VISIBLE = "visible", "Visible"
    PENDING = "pending", "Waiting for review"
    HIDDEN = "hidden", "Hidden by a moderator"
    DELETED = "deleted", "Deleted"


class Post(models.Model):
    """What threads and replies share: an author, a body and its moderation state."""

    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    body = models.TextField(max_length=BODY_MAX)
    body_html = models.TextField(editable=False)
    content_warning = models.CharField(
        max_length=20, choices=ContentWarning.choices, blank=True, default=""
    )
    content_warning_text = models.CharField(max_length=100, blank=True)
    state = models.CharField(max_length=10, choices=PostState.choices, default="visible")
    created_at = models.DateTimeField(default=timezone.now, db_index=True)
    # When others could first see it: the posting time, or when a moderator approved it after
    # review. Unread markers compare with this, so a held reply approved later is new to readers.
    published_at = models.DateTimeField(null=True, blank=True, editable=False)
    edited_at = models.DateTimeField(null=True, blank=True)
    moderator_note = models.CharField(
        max_length=300, blank=True, help_text="Shown with the post when a moderator edited it."
    )

    # Set by the posting services on the object they return: what screening found.
    screening: Any = None
    # Set by selectors.attach_reactions for the page: (kind, label, count, mine) tuples.
    reaction_summary: Any = ()
    # Set by the thread page: posted since the viewer last read the thread.
    is_new: bool = False

    class Meta:
        abstract = True

    @property
    def content_warning_label(self) -> str:
        if self.content_warning == ContentWarning.OTHER and self.content_warning_text:
            return self.content_warning_text
        return str(ContentWarning(self.content_warning).label) if self.content_warning else ""


class Thread(Post):
    group = models.ForeignKey(Group, on_delete=models.CASCADE, related_name="threads")
    title = models.CharField(max_length=TITLE_MAX)
    last_activity_at = models.DateTimeField(default=timezone.now, db_index=True)
    reply_count = models.PositiveIntegerField(default=0)
    # For the group page: activity the viewer hasn't read (set by selectors.mark_unread from
    # the `seen_up_to` the selectors annotate).
    is_unread: bool = False
    # How moderation and reporting URLs name this kind of post (`selectors.find_post`).
    post_kind: ClassVar[str] = "thread"

    class Meta:
        ordering = ("-last_activity_at", "-id")
        indexes = (models.Index(fields=("group", "state", "-last_activity_at")),)

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("groups:thread", kwargs={"slug": self.group.slug, "thread_id": self.pk})


class Reply(Post):
    thread = models.ForeignKey(Thread, on_delete=models.CASCADE, related_name="replies")
    # When the reply last came into others' view or left it: posted visible, approved after
    # review, restored; hidden, deleted or held again after an edit while visible. Empty while
    # it has never been shown. (`published_at` records only the first of these.) Open thread
    # pages catch up from it (`selectors.thread_changes`), so a reply approved or hidden while
    # a reader's connection was down reaches them when it comes back.
    changed_at = models.DateTimeField(null=True, blank=True, editable=False)
    post_kind: ClassVar[str] = "reply"

    class Meta:
        ordering = ("created_at", "id")
        indexes = (
            models.Index(fields=("thread", "state", "created_at")),
            models.Index(fields=("thread", "changed_at"), name="groups_reply_changed_idx"),
        )
        verbose_name_plural = "replies"

    def __str__(self) -> str:
        return f"Reply {self.pk} in {self.thread_id}"

    def get_absolute_url(self) -> str:
        return f"{self.thread.get_absolute_url()}#reply-{self.pk}"


class Block(models.Model):
    """`blocker` no longer sees anything of `blocked`. Never shown to the blocked member."""

    blocker = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="blocks_made"
    )
    blocked = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints: ClassVar = (
            models.UniqueConstraint(fields=("blocker", "blocked"), name="groups_one_block"),
            models.CheckConstraint(
                condition=~models.Q(blocker=models.F("blocked")), name="groups_no_self_block"
            ),
        )

    def __str__(self) -> str:
        return f"block {self.pk}"


class Reaction(models.Model):
    """A quiet way to say "I hear you" under a thread or a reply."""

    class Kind(models.TextChoices):
        SUPPORT = "support", "Support"
        HUG = "hug", "Hug"
        ME_TOO = "me_too", "Me too"
        THANK_YOU = "thank_you", "Thank you"

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    thread = models.ForeignKey(
        Thread, null=True, blank=True, on_delete=models.CASCADE, related_name="reactions"
    )
    reply = models.ForeignKey(
        Reply, null=True, blank=True, on_delete=models.CASCADE, related_name="reactions"
    )
    kind = models.CharField(max_length=10, choices=Kind.choices)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = (
            models.CheckConstraint(
                condition=(
                    models.Q(thread__isnull=False, reply__isnull=True)
                    | models.Q(thread__isnull=True, reply__isnull=False)
                ),
                name="groups_reaction_on_one_post",
            ),
            models.UniqueConstraint(
                fields=("user", "thread", "kind"),
                condition=models.Q(thread__isnull=False),
                name="groups_one_reaction_per_thread",
            ),
            models.UniqueConstraint(
                fields=("user", "reply", "kind"),
                condition=models.Q(reply__isnull=False),
                name="groups_one_reaction_per_reply",
            ),
        )

    def __str__(self) -> str:
        return f"{self.kind} {self.pk}"


class PostRevision(models.Model):
    """An earlier version of an edited thread or reply. Moderators can read the history."""

    thread = models.ForeignKey(
        Thread, null=True, blank=True, on_delete=models.CASCADE, related_name="revisions"
    )
    reply = models.ForeignKey(
        Reply, null=True, blank=True, on_delete=models.CASCADE, related_name="revisions"
    )
    title = models.CharField(max_length=TITLE_MAX, blank=True)
    body = models.TextField(max_length=BODY_MAX)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ("created_at", "id")
        constraints = (
            models.CheckConstraint(
                condition=(
                    models.Q(thread__isnull=False, reply__isnull=True)
                    | models.Q(thread__isnull=True, reply__isnull=False)
                ),
                name="groups_revision_of_one_post",
            ),
        )

    def __str__(self) -> str:
        return f"revision {self.pk}"


class Subscription(models.Model):
    """A member follows a thread (they started it, replied, or chose to), or muted it."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    thread = models.ForeignKey(Thread, on_delete=models.CASCADE, related_name="subscriptions")
    muted = models.BooleanField(default=False)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = (
            models.UniqueConstraint(fields=("user", "thread"), name="groups_one_subscription"),
        )

    def __str__(self) -> str:
        return f"subscription {self.pk}"


class ThreadRead(models.Model):
    """How far a member has read a thread: replies posted after `seen_up_to` are new to them.

    Private to the member (never shown to others, in their data export, gone with them)."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    thread = models.ForeignKey(Thread, on_delete=models.CASCADE, related_name="+")
    seen_up_to = models.DateTimeField()

    class Meta:
        constraints = (
            models.UniqueConstraint(fields=("user", "thread"), name="groups_one_thread_read"),
        )

    def __str__(self) -> str:
        return f"thread read {self.pk}"


class Notification(models.Model):
    """In the member's own list only. Emails, if any, never carry content."""

    class Kind(models.TextChoices):
        REPLY = "reply", "New reply"
        MENTION = "mention", "Mention"

    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications"
    )
    kind = models.CharField(max_length=10, choices=Kind.choices)
    thread = models.ForeignKey(Thread, on_delete=models.CASCADE, related_name="+")
    reply = models.ForeignKey(
        Reply, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    read_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ("-created_at", "-id")
        indexes = (models.Index(fields=("recipient", "read_at")),)

    def __str__(self) -> str:
        return f"notification {self.pk}"

    def get_absolute_url(self) -> str:
        """The reply, on whichever page of the thread it now falls for the reader."""
        if self.reply_id:
            slug, thread_id = self.thread.group.slug, self.thread_id
            return reverse("groups:reply_link", args=[slug, thread_id, self.reply_id])
        return self.thread.get_absolute_url()


class LiveMessage(models.Model):
    """A message in a group's live room. Stored, screened and rate limited like posts."""

    group = models.ForeignKey(Group, on_delete=models.CASCADE, related_name="live_messages")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    body = models.TextField(max_length=2000)
    body_html = models.TextField(editable=False)
    state = models.CharField(max_length=10, choices=PostState.choices, default="visible")
    created_at = models.DateTimeField(default=timezone.now)
    # When the message last came into the room's view or left it: sent visible, approved
    # after review, hidden while visible, restored. Empty while it has never been shown (held,
    # or hidden while held). Sockets catch up from it (`selectors.room_changes`), so a message
    # approved or hidden while a reader was away reaches them on reconnect.
    changed_at = models.DateTimeField(null=True, blank=True, editable=False)

    # How moderation and reporting URLs name a live message (`selectors.find_post`).
    post_kind: ClassVar[str] = "live"
    # Set by `services.live_message_create` on the message it returns: what screening found.
    screening: Any = None

    class Meta:
        ordering = ("id",)
        indexes = (
            models.Index(fields=("group", "state", "id")),
            models.Index(fields=("group", "changed_at"), name="groups_live_changed_idx"),
        )

    def __str__(self) -> str:
        return f"live message {self.pk}"

    def get_absolute_url(self) -> str:
        return reverse("groups:room", kwargs={"slug": self.group.slug}) + f"#message-{self.pk}"

"""The member: a pseudonym and an email address, and nothing that names a person."""

from typing import Any, ClassVar

from django.contrib.auth.base_user import AbstractBaseUser, BaseUserManager
from django.contrib.auth.models import PermissionsMixin
from django.db import models
from django.utils import timezone

from supportnet.accounts import pseudonyms


class UserManager(BaseUserManager["User"]):
    use_in_migrations = True

    def _create(self, email: str, password: str | None, pseudonym: str, **extra: Any) -> "User":
        if not email:
            raise ValueError("an email address is required")
        if not pseudonym:
            raise ValueError("a pseudonym is required")
        pseudonyms.validate_pseudonym(pseudonym)
        user = self.model(email=self.normalize_email(email).lower(), pseudonym=pseudonym, **extra)
        user.pseudonym_key = pseudonyms.skeleton(pseudonym)
        user.set_password(password)
        user.full_clean(exclude=["password"])
        user.save(using=self._db)
        return user

    def create_user(
        self, email: str, password: str | None = None, pseudonym: str = "", **extra: Any
    ) -> "User":
        extra.setdefault("is_staff", False)
        extra.setdefault("is_superuser", False)
        return self._create(email, password, pseudonym, **extra)

    def create_superuser(
        self, email: str, password: str | None = None, pseudonym: str = "", **extra: Any
    ) -> "User":
        extra["is_staff"] = True
        extra["is_superuser"] = True
        return self._create(email, password, pseudonym, **extra)


class User(AbstractBaseUser, PermissionsMixin):
    """A member. Other members only ever see the pseudonym; nobody sees the email but staff."""

    email = models.EmailField("email address", max_length=254, unique=True)  # stored lower-case
    pseudonym = models.CharField(
        max_length=pseudonyms.MAX_LENGTH,
        validators=[pseudonyms.validate_pseudonym],
        help_text="The only name other members see. Please don't use your real name.",
    )
    # Look-alike-proof comparison key, kept unique by the database.
    pseudonym_key = models.CharField(max_length=pseudonyms.MAX_LENGTH, unique=True, editable=False)
    is_active = models.BooleanField(default=True)
    is_staff = models.BooleanField(default=False, help_text="Can open the administration.")
    is_moderator = models.BooleanField(default=False, help_text="A site moderator.")
    is_editor = models.BooleanField(default=False, help_text="Edits the resource library.")
    date_joined = models.DateTimeField(default=timezone.now)
    erased_at = models.DateTimeField(
        null=True, blank=True, help_text="When the member erased their account."
    )
    region = models.CharField(
        max_length=6,
        blank=True,
        default="",
        help_text="ISO 3166 country or region code used to choose help lines.",
    )

    objects: ClassVar[UserManager] = UserManager()

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS: ClassVar[list[str]] = ["pseudonym"]

    def __str__(self) -> str:
        return self.pseudonym

    def save(self, *args: Any, **kwargs: Any) -> None:
        self.email = self.email.strip().lower()
        self.pseudonym = pseudonyms.normalise(self.pseudonym)
        self.pseudonym_key = pseudonyms.skeleton(self.pseudonym)
        update_fields = kwargs.get("update_fields")
        if update_fields is not None and "pseudonym" in update_fields:
            kwargs["update_fields"] = {*update_fields, "pseudonym_key"}
        super().save(*args, **kwargs)

    def clean(self) -> None:
        super().clean()
        self.email = self.__class__.objects.normalize_email(self.email).lower()
        self.pseudonym = pseudonyms.normalise(self.pseudonym)
        self.pseudonym_key = pseudonyms.skeleton(self.pseudonym)

    def get_full_name(self) -> str:
        return self.pseudonym

    def get_short_name(self) -> str:
        return self.pseudonym


class DataExport(models.Model):
    """A member's download of their own data, built by a task, kept for a few days."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="data_exports")
    created_at = models.DateTimeField(default=timezone.now)
    ready_at = models.DateTimeField(null=True, blank=True)
    expires_at = models.DateTimeField(null=True, blank=True)
    archive = models.BinaryField(null=True, blank=True, editable=False)

    class Meta:
        ordering = ("-created_at",)

    def __str__(self) -> str:
        return f"export {self.pk}"

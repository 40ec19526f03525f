"""The instance's settings as the code reads them: the admin's `InstanceSettings` row over the
environment's defaults, cached (one cache read per call; the row is read again only after it
changes or the cache expires)."""

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from django.conf import settings
from django.core.cache import cache

CACHE_KEY = "core:instance-settings:v1"
CACHE_SECONDS = 300
_NO_ROW = "none"
_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


@dataclass(frozen=True)
class Instance:
    site_name: str
    neutral_name: str
    quick_exit_url: str
    default_region: str
    language: str
    registration: str
    invite_code: str
    new_member_held_posts: int
    escalation_seconds: dict[str, list[int]]
    retention_days: dict[str, int]
    brand_colour: str = ""
    logo_type: str = ""
    logo_alt: str = ""
    contact_page: str = ""
    safeguarding_page: str = ""
    version: str = "0"

    @property
    def has_logo(self) -> bool:
        return bool(self.logo_type)


def _row_values() -> dict[str, Any] | None:
    """The row's fields (not the logo bytes), from the cache or the database."""
    found = cache.get(CACHE_KEY)
    if found is None:
        from django.db import DatabaseError

        from supportnet.core.models import InstanceSettings

        names = [f.attname for f in InstanceSettings._meta.concrete_fields if f.name != "logo"]
        try:
            row = InstanceSettings.objects.filter(pk=1).values(*names).first()
        except DatabaseError:
            # The database is down: the environment's defaults keep the error pages (503, 500)
            # working. Nothing is cached, so the row is read again once it is back.
            return None
        found = row if row is not None else _NO_ROW
        cache.set(CACHE_KEY, found, CACHE_SECONDS)
    return None if found == _NO_ROW else dict(found)


def forget() -> None:
    """Called when the row changes, so every process reads it again."""
    cache.delete(CACHE_KEY)


def current() -> Instance:
    row = _row_values() or {}

    def pick(name: str, default: Any) -> Any:
        value = row.get(name)
        return default if value in (None, "") else value

    def minutes(name: str, default_seconds: int) -> int:
        value = row.get(name)
        return int(value) * 60 if value else int(default_seconds)

    # The environment gives every step (settings.py): crisis second on-call and lead, concern,
    # report. An admin's minutes replace the matching step.
    (second, lead), (concern,), (report,) = (
        settings.SUPPORTNET_ESCALATION_SECONDS[level] for level in ("crisis", "concern", "report")
    )
    escalation = {
        "crisis": [
            minutes("crisis_second_oncall_minutes", second),
            minutes("crisis_lead_minutes", lead),
        ],
        "concern": [minutes("concern_escalate_minutes", concern)],
        "report": [minutes("report_escalate_minutes", report)],
    }
    env_retention = settings.SUPPORTNET_RETENTION_DAYS
    retention = {
        key: int(pick(f"retain_{key}_days", env_retention[key]))
        for key in ("live_messages", "case_details", "task_results")
    }
    updated = row.get("updated_at")
    return Instance(
        site_name=pick("site_name", settings.SUPPORTNET_SITE_NAME),
        neutral_name=pick("neutral_name", settings.SUPPORTNET_NEUTRAL_NAME),
        quick_exit_url=pick("quick_exit_url", settings.SUPPORTNET_QUICK_EXIT_URL),
        default_region=pick("default_region", settings.SUPPORTNET_DEFAULT_REGION).upper(),
        language=pick("language", settings.LANGUAGE_CODE),
        registration=pick("registration", settings.SUPPORTNET_REGISTRATION),
        invite_code=pick("invite_code", ""),
        new_member_held_posts=int(
            pick("new_member_held_posts", settings.SUPPORTNET_NEW_MEMBER_HELD_POSTS)
        ),
        escalation_seconds=escalation,
        retention_days=retention,
        brand_colour=pick("brand_colour", ""),
        logo_type=pick("logo_type", ""),
        logo_alt=pick("logo_alt", ""),
        contact_page=pick("contact_page", ""),
        safeguarding_page=pick("safeguarding_page", ""),
        # Microseconds since 1970: two saves within one second still give the brand files a
        # new address, so browsers holding the old ones for a day fetch them again.
        version=str((updated - _EPOCH) // timedelta(microseconds=1)) if updated else "0",
    )


def settings_save(
    *, row: Any, by: Any, logo: bytes | None = None, remove_logo: bool = False
) -> Any:
    """Save the admin's instance settings (and a new logo, already checked), audit it and make
    every process read them again."""
    from django.db import transaction

    from supportnet.core import audit

    with transaction.atomic():
        row.pk = 1
        fields_changed = []
        if logo is not None:
            from supportnet.core.branding import logo_type

            row.logo, row.logo_type = logo, logo_type(logo)
            fields_changed.append("logo")
        elif remove_logo:
            row.logo, row.logo_type = None, ""
            fields_changed.append("logo")
        row.save()
        audit.log(by, "instance.settings_saved", data={"logo": bool(fields_changed)})
        transaction.on_commit(forget)
    return row

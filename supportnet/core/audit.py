"""The audit log: `audit.log(actor, "dotted.action", target=..., data=...)`.

Actions are dotted names (`case.escalated`, `account.login`, `article.approved`). Callers pass
identifiers and decisions in `data`, never post content. The entry is written in the caller's
transaction, so an action and its audit entry are committed together or not at all.
"""

from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.db import models

from supportnet.core.models import AuditEntry


def log(
    actor: Any,
    action: str,
    *,
    target: models.Model | None = None,
    data: dict[str, Any] | None = None,
) -> AuditEntry:
    if not action or "." not in action:
        raise ValueError("audit actions are dotted names such as 'case.escalated'")
    user = actor if getattr(actor, "is_authenticated", False) else None
    entry = AuditEntry(actor=user, action=action, data=data or {})
    if target is not None:
        entry.target_type = ContentType.objects.get_for_model(target, for_concrete_model=False)
        entry.target_id = str(target.pk)
    entry.save(force_insert=True)
    return entry


def entries_for(target: models.Model) -> models.QuerySet[AuditEntry]:
    """Every entry about one object, newest first."""
    return AuditEntry.objects.filter(
        target_type=ContentType.objects.get_for_model(target, for_concrete_model=False),
        target_id=str(target.pk),
    ).select_related("actor")

"""Group test data, made through the services as production does."""

from typing import Any

from groups.models import Group, Membership
from groups.services import group_create
from tests.factories import UserFactory


def make_group(*, creator: Any = None, name: str | None = None, **extra: Any) -> Group:
    creator = creator or UserFactory()
    name = name or f"Group {Group.objects.count() + 1}"
    extra.setdefault("guidelines", "Be kind.")
    return group_create(name=name, created_by=creator, **extra)


def make_member(group: Group, user: Any = None, *, trusted: bool = True) -> Any:
    """An active member; `trusted` members are past the new-member review stage."""
    user = user or UserFactory()
    Membership.objects.create(
        group=group,
        user=user,
        status=Membership.Status.ACTIVE,
        accepted_guidelines_version=group.guidelines_version,
        approved_posts=100 if trusted else 0,
    )
    return user

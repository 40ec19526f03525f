"""Account writes."""

from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.db import transaction

from supportnet.accounts.models import User


@transaction.atomic
def account_ensure_verified(
    *, email: str, pseudonym: str, password: str, is_moderator: bool = False
) -> User:
    """Create (or update) an account whose email address is already verified.

    Used for demo accounts and by operators creating accounts on members' behalf.
    """
    users = get_user_model().objects
    user = users.filter(email__iexact=email).first()
    if user is None:
        user = users.create_user(email=email, password=password, pseudonym=pseudonym)
    user.set_password(password)
    user.is_moderator = is_moderator
    user.save(update_fields=["password", "is_moderator"])
    EmailAddress.objects.update_or_create(
        user=user, email=user.email, defaults={"verified": True, "primary": True}
    )
    return user


def account_region_set(*, user: User, region: str) -> User:
    """The member's country, used to choose help lines for them."""
    user.region = region.upper()[:6]
    user.save(update_fields=["region"])
    return user

"""Factories for test data. Accounts are created through the manager, as production does."""

from typing import Any

import factory
from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from allauth.mfa.utils import decrypt
from django.contrib.auth import get_user_model

PASSWORD = "a-long-test-password"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"member{n}@example.org")
    pseudonym = factory.Sequence(lambda n: f"member_{n}")

    @classmethod
    def _create(cls, model_class: Any, *args: Any, **kwargs: Any) -> Any:
        password = kwargs.pop("password", PASSWORD)
        verified = kwargs.pop("verified", True)
        user = model_class.objects.create_user(*args, password=password, **kwargs)
        EmailAddress.objects.create(user=user, email=user.email, verified=verified, primary=True)
        return user


def enable_totp(user: Any) -> str:
    """Set up TOTP for `user`, as the MFA page would; returns the secret (the one set up
    before, if there is one)."""
    existing = Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).first()
    if existing is not None:
        return str(decrypt(existing.data["secret"]))
    secret = generate_totp_secret()
    TOTP.activate(user, secret)
    return secret


def give_same_time(rows: Any, *, field: str = "created_at") -> None:
    """Give every row in `rows` the same `field` time, updating them in the order given. On
    PostgreSQL an update writes the row anew at the end of the table, so the rows are then
    stored in that order: a list ordered by the time alone comes out in it, not by id. Pass the
    rows in the opposite of the order a page must show them to catch a missing tie-breaker."""
    from django.utils import timezone

    at = timezone.now()
    for row in rows:
        type(row).objects.filter(pk=row.pk).update(**{field: at})

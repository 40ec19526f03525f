"""Durable moderation jobs (django-tasks-db). Thin: they take ids and call services; running
one twice does what running it once does."""

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.tasks import task
from django.utils import timezone

from moderation import services
from moderation.models import Alert


@task(queue_name="default", priority=100)
def escalate_case(case_id: int, step: int, clock: str = "") -> bool:
    return services.case_escalate(case_id=case_id, step=step, clock=clock)


@task(queue_name="default", priority=90)
def send_alert_email(alert_id: int) -> bool:
    """A neutral email to a moderator: no content, a link that needs sign-in and MFA."""
    with transaction.atomic():
        alert = (
            Alert.objects.select_for_update()
            .select_related("recipient", "case")
            .filter(pk=alert_id)
            .first()
        )
        if alert is None or alert.emailed_at is not None or alert.acknowledged_at is not None:
            return False
        if not alert.case.is_active:
            return False
        from supportnet.core.instance import current

        name = current().neutral_name
        send_mail(
            subject=f"{name}: you have a new notification",
            message=(
                "Hello,\n\nSomething needs your attention. Please sign in to see it:\n\n"
                f"{settings.SUPPORTNET_SITE_URL.rstrip('/')}/moderation/\n\n{name}\n"
            ),
            from_email=None,
            recipient_list=[alert.recipient.email],
        )
        Alert.objects.filter(pk=alert.pk).update(emailed_at=timezone.now())
    return True

from django.apps import AppConfig


class ModerationConfig(AppConfig):
    name = "moderation"
    verbose_name = "Moderation"

    def ready(self) -> None:
        from allauth.mfa.models import Authenticator
        from django.contrib.auth import get_user_model
        from django.db.models.signals import post_delete, post_save

        from moderation import signals

        post_save.connect(
            signals.user_saved, sender=get_user_model(), dispatch_uid="moderation-user-saved"
        )
        post_delete.connect(
            signals.authenticator_deleted,
            sender=Authenticator,
            dispatch_uid="moderation-authenticator-deleted",
        )

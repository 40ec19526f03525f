from django.apps import AppConfig
from django.contrib.admin import apps as admin_apps


class CoreConfig(AppConfig):
    default = True
    name = "supportnet.core"
    label = "core"
    verbose_name = "Core"

    def ready(self) -> None:
        from supportnet.core import signals  # noqa: F401  (connects receivers)


class SupportNetAdminConfig(admin_apps.AdminConfig):
    default = False
    """The Django admin, open only to staff who have set up two-step verification."""

    default_site = "supportnet.core.admin_site.SupportNetAdminSite"

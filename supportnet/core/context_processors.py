"""Template context every page needs: the instance's names and the quick-exit target."""

from typing import Any

from django.conf import settings
from django.http import HttpRequest


def instance(request: HttpRequest | None = None) -> dict[str, Any]:
    return {
        "site_name": settings.SUPPORTNET_SITE_NAME,
        "neutral_name": settings.SUPPORTNET_NEUTRAL_NAME,
        "quick_exit_url": settings.SUPPORTNET_QUICK_EXIT_URL,
    }

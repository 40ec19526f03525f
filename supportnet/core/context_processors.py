"""Template context every page needs: the instance's names and the quick-exit target."""

from typing import Any

from django.http import HttpRequest


def instance(request: HttpRequest | None = None) -> dict[str, Any]:
    from supportnet.core.instance import current

    found = current()
    return {
        "instance": found,
        "site_name": found.site_name,
        "neutral_name": found.neutral_name,
        "quick_exit_url": found.quick_exit_url,
    }

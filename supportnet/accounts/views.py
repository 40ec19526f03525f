"""Account views the site adds to allauth's."""

from typing import Any

from allauth.account.views import LogoutView as AllauthLogoutView
from django.http import HttpRequest, HttpResponse


class LogoutView(AllauthLogoutView):
    """Signing out also tells the browser to forget this site's cache, cookies and storage."""

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        response = super().post(request, *args, **kwargs)
        response["Clear-Site-Data"] = '"cache", "cookies", "storage"'
        return response

"""A refusal the member may be told the reason for, shown on the 403 page.

Most refusals say nothing (a private group is a 404 to outsiders). But a member whose own
account is suspended already knows they are a member; a bare 404 on their own group only
confuses them. Raise `Refused(message, link=..., link_text=...)` and the 403 page shows the
message and the link (never anything about other people).
"""

from django.core.exceptions import PermissionDenied


class Refused(PermissionDenied):
    def __init__(self, message: str, *, link: str = "", link_text: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.link = link
        self.link_text = link_text

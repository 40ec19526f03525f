"""The calm help panel a member sees at once after posting something screening assessed as
crisis or concern: the instance's help lines for their region, a way to ask a moderator to
reach out, safe-messaging wording (`templates/groups/_help_panel.html`).

Pages show it after the redirect that follows a post; the live room's socket sends it to the
poster's own socket only (`groups.consumers.RoomConsumer`), never to other readers.
"""

from typing import Any

from django.template.loader import render_to_string


def offers_help(post: Any) -> bool:
    """Did screening find something in `post` (as a posting service returned it) that calls
    for the help panel?"""
    screening = getattr(post, "screening", None)
    return screening is not None and screening.level != "none"


def help_lines_for(user: Any) -> list[Any]:
    """Up to three help lines for the member's region, for the crisis help panel."""
    from resources.selectors import help_lines
    from supportnet.core.instance import current

    region = getattr(user, "region", "") or current().default_region
    return help_lines(region=region, topic="suicide", panel=True)


def render_for_socket(*, user: Any, back_to: str) -> str:
    """The panel as HTML for the member's own socket. No request: the form's CSRF token is
    left blank for the page's script to fill in (as in replies pushed over a socket), and
    "ask a moderator" returns to `back_to`."""
    context = {"help_lines": help_lines_for(user), "csrf_token": "", "help_next": back_to}
    return render_to_string("groups/_help_panel.html", context)

"""Rendered replies for the thread page and the live thread socket.

A thread page shows up to 50 replies, and rendering each through the `reply` partial of
`groups/thread.html` was most of the page's time. Every reply is still rendered by that one
partial, but the result is kept in a small per-process cache whose key is *everything the
partial reads*: the reply's own fields, its author's pseudonym, its reaction counts and the
viewer's own reactions, whether the viewer wrote it, is signed in or has not seen it yet
(the "New" marker), and the language. Nothing is
ever invalidated: an edit, a hide, a new reaction or a renamed member gives a different key, and
the old entry ages out of the LRU. Two viewers who would see the same HTML share the entry.

The two per-request values in a reply, the CSRF token and the page address for "Block"
(`next`), are rendered as per-process random markers and replaced in the joined HTML, so
a cached fragment never carries one viewer's token to another.

The reply form under the thread is the same for every reader until someone submits it, so its
fields' HTML (an unbound form, without initial values: no CSRF token or anything of the
reader's is in it) is kept too, per form class and language (`form_fields`).

The cache lives in the worker's memory only (not Redis), holds at most `MAX_ENTRIES` fragments,
and is lost on restart; an erased post's fragment can no longer be reached because no row
produces its key, and it ages out. When you change the partial so that it reads a new value,
add that value to `_key` (tests/groups/test_reply_fragments.py checks the two agree).
"""

import hashlib
import secrets
import threading
from collections import OrderedDict
from collections.abc import Iterable
from typing import Any

from django import forms
from django.template.loader import get_template, render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

MAX_ENTRIES = 4096
# Memory is bounded too, not only the count: 4,096 fragments of the largest posts (10,000
# characters render to 50 KB or more) would be hundreds of MB per worker. Fragments larger than
# MAX_FRAGMENT are rendered each time instead of kept, and the total kept stays under MAX_CHARS.
MAX_FRAGMENT = 16_000
MAX_CHARS = 16_000_000
_CSRF_MARK = f"csrf-{secrets.token_hex(16)}"
_HERE_MARK = f"here-{secrets.token_hex(16)}"


class _LRU:
    """A bounded (entries and characters), thread-safe least-recently-used map of key ->
    rendered HTML."""

    def __init__(self, size: int, max_chars: int = MAX_CHARS) -> None:
        self.size = size
        self.max_chars = max_chars
        self.chars = 0
        self._items: OrderedDict[str, str] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: str) -> str | None:
        with self._lock:
            found = self._items.get(key)
            if found is not None:
                self._items.move_to_end(key)
            return found

    def put(self, key: str, value: str) -> None:
        if len(value) > MAX_FRAGMENT:
            return
        with self._lock:
            previous = self._items.pop(key, None)
            if previous is not None:
                self.chars -= len(previous)
            self._items[key] = value
            self.chars += len(value)
            while len(self._items) > self.size or self.chars > self.max_chars:
                _, dropped = self._items.popitem(last=False)
                self.chars -= len(dropped)

    def clear(self) -> None:
        with self._lock:
            self._items.clear()
            self.chars = 0

    def __len__(self) -> int:
        return len(self._items)


cache = _LRU(MAX_ENTRIES)


def _key(reply: Any, viewer_id: int | None) -> str:
    author = reply.author
    parts = (
        translation.get_language(),
        reply.pk,
        reply.author_id,
        author.pseudonym if author is not None else None,
        reply.created_at.isoformat(),
        reply.edited_at.isoformat() if reply.edited_at else None,
        reply.moderator_note,
        reply.state,
        reply.content_warning,
        str(reply.content_warning_label) if reply.content_warning else "",
        reply.body_html,
        tuple((kind, count, mine) for kind, _label, count, mine in reply.reaction_summary),
        viewer_id is not None,
        viewer_id is not None and reply.author_id == viewer_id,
        getattr(reply, "is_new", False),
    )
    return hashlib.blake2b(repr(parts).encode(), digest_size=20).hexdigest()


def render_replies(
    replies: Iterable[Any], *, viewer_id: int | None, csrf_token: str, here: str
) -> SafeString:
    """The HTML of `replies` (each with its `reaction_summary` attached), in order."""
    template = get_template("groups/thread.html#reply")
    shared = {
        "viewer_id": viewer_id,
        "block_url": reverse("groups:block"),
        "react_url": reverse("groups:react"),
        "here": _HERE_MARK,
        "csrf_token": _CSRF_MARK,
    }
    parts = []
    for reply in replies:
        key = _key(reply, viewer_id)
        html = cache.get(key)
        if html is None:
            html = template.render({**shared, "reply": reply})
            cache.put(key, html)
        parts.append(html)
    joined = "".join(parts)
    joined = joined.replace(_CSRF_MARK, escape(csrf_token)).replace(_HERE_MARK, escape(here))
    return mark_safe(joined)  # noqa: S308 — rendered by the autoescaping partial, markers escaped


_forms: dict[tuple[str, str | None], str] = {}


def form_fields(form: forms.Form) -> SafeString:
    """The HTML of `includes/form_fields.html` for `form`. A blank form (unbound, no initial
    values, default prefix and ids) gives the same HTML to everyone, so it is rendered once per
    process and language; a submitted form (with its values and errors) is rendered each time."""
    blank = (
        not form.is_bound
        and not form.initial
        and form.prefix is None
        and form.auto_id == "id_%s"
        and not any(field.initial for field in form.fields.values())
    )
    if not blank:
        return render_to_string("includes/form_fields.html", {"form": form})
    key = (f"{type(form).__module__}.{type(form).__qualname__}", translation.get_language())
    html = _forms.get(key)
    if html is None:
        html = _forms[key] = render_to_string("includes/form_fields.html", {"form": form})
    return mark_safe(html)  # noqa: S308 — rendered by the autoescaping template above

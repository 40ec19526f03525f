"""Member-written text: cleaning and safe Markdown rendering, shared by every app.

`clean_text` strips characters that can disguise text (bidi overrides and isolates, zero-width
characters, other control characters except newlines and tabs) and normalises line endings.
`render_markdown` turns cleaned Markdown into HTML through markdown-it (raw HTML disabled) and
then an nh3 allow-list, so nothing a member writes can run script, load a resource from
elsewhere, or style the page. Links open safely and are never followed by search engines.
"""

import html
import re
import unicodedata
from typing import Any

import nh3
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from markdown_it import MarkdownIt

# Bidi embeddings/overrides/isolates, zero-width and other invisible formatting characters.
_INVISIBLE = re.compile(
    "[\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\u206a-\u206f\ufeff\u00ad\u180e]"
)
# C0/C1 controls except tab and newline.
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")

ALLOWED_TAGS = {
    "p", "br", "strong", "em", "b", "i", "s", "del", "blockquote", "code", "pre", "ul", "ol",
    "li", "a", "h2", "h3", "h4", "hr", "sup", "table", "thead", "tbody", "tr", "th", "td",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {"a": {"href", "title", "id"}, "sup": {"id"}, "li": {"id"}, "ol": {"start"}}
LINK_REL = "nofollow noopener noreferrer"

_markdown = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False})
_markdown.enable(["table", "strikethrough"])
# Headings inside posts start at h2 (the page has the h1), keeping the outline sane.


def _heading(renderer: Any, tokens: Any, idx: int, *args: Any) -> str:
    level = min(int(tokens[idx].tag[1]) + 1, 4)
    return f"<h{level}>" if tokens[idx].nesting == 1 else f"</h{level}>"


_markdown.add_render_rule("heading_open", _heading)
_markdown.add_render_rule("heading_close", _heading)


def clean_text(value: str) -> str:
    value = unicodedata.normalize("NFC", value.replace("\r\n", "\n").replace("\r", "\n"))
    value = _INVISIBLE.sub("", value)
    return _CONTROL.sub("", value)


def sanitise_html(html: str) -> str:
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes={"http", "https", "mailto"},
        link_rel=LINK_REL,
        strip_comments=True,
    )


def render_markdown(value: str) -> str:
    """Cleaned, sanitised HTML for member-written Markdown (safe to mark_safe)."""
    return sanitise_html(_markdown.render(clean_text(value)))


def plain_text(value: str) -> str:
    """The visible words of Markdown, for screening and excerpts."""
    return html.unescape(nh3.clean(_markdown.render(clean_text(value)), tags=set())).strip()


def clean_query(value: str, *, max_length: int = 200) -> str:
    """A search box's words: cleaned of control characters (PostgreSQL refuses NUL), trimmed
    and capped, so any input at all can be searched for safely."""
    return clean_text(value).replace("\n", " ").replace("\t", " ").strip()[:max_length].strip()


# Search snippets: the database marks matched words with these two control characters (which
# clean text never contains), and `marked_snippet` turns only them into markup.
SNIPPET_START, SNIPPET_STOP = "\x02", "\x03"


def marked_snippet(snippet: str) -> SafeString:
    """A search snippet as HTML: everything escaped, the matched words in `<mark>`."""
    escaped = escape(snippet).replace(SNIPPET_START, "<mark>").replace(SNIPPET_STOP, "</mark>")
    return mark_safe(escaped)  # noqa: S308  (escaped above; only our markers become markup)

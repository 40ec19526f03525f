"""Article Markdown to HTML: the site's safe renderer plus numbered inline references."""

import re

from supportnet.core.text import render_markdown

_REFERENCE = re.compile(r"\[@([a-z0-9_-]+)\]")


def render_article(body: str, citation_keys: list[str]) -> str:
    """`[@key]` becomes a numbered link to the reference list (`#ref-key`); numbers follow
    the article's citation order. Unknown keys are left as written."""
    numbers = {key: n for n, key in enumerate(citation_keys, start=1)}

    def number(match: re.Match[str]) -> str:
        key = match.group(1)
        if key not in numbers:
            return match.group(0)
        return f"[[{numbers[key]}]](#ref-{key})"

    return render_markdown(_REFERENCE.sub(number, body))


def cited_keys(body: str) -> list[str]:
    """The `[@key]` references in `body`, in order of first use."""
    return list(dict.fromkeys(_REFERENCE.findall(body)))


def reading_minutes(body: str) -> int:
    return max(1, round(len(body.split()) / 200))

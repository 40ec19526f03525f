"""What the site's full-text searches (the library, a group's conversations) share on
PostgreSQL."""

from django.contrib.postgres.search import SearchHeadline, SearchQuery

from supportnet.core.text import SNIPPET_START, SNIPPET_STOP


def snippet(field: str, search: SearchQuery) -> SearchHeadline:
    """A short excerpt of `field` around the matched words, which are marked for
    `supportnet.core.text.marked_snippet` to turn into `<mark>` (and nothing else into markup)."""
    return SearchHeadline(
        field,
        search,
        config="english",
        start_sel=SNIPPET_START,
        stop_sel=SNIPPET_STOP,
        max_words=30,
        min_words=12,
    )

"""What the fuzz tests share: the hypothesis profile, strategies for hostile input, and the
helpers that send it as raw HTTP and check what it may and may not change.

Bodies are built by hand (not by the test client's encoder) so they can carry what a browser
or a script could send: lone surrogates as invalid UTF-8, null bytes, broken percent escapes,
repeated and missing fields, malformed multipart and JSON, and content types that lie.
"""

import json
import os
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from typing import Any
from urllib.parse import quote_from_bytes

from django.core.cache import cache
from django.db import models
from django.http import HttpResponse
from django.test import Client
from django.utils.http import url_has_allowed_host_and_scheme
from hypothesis import HealthCheck, Phase, settings
from hypothesis import strategies as st

EXAMPLES = int(os.environ.get("SUPPORTNET_FUZZ_EXAMPLES", "25"))

# The world's facilitator (conftest.py): an existing account the account forms are aimed at.
# Fixed, not from the factory's sequence, whose numbers depend on how many tests ran before.
REGISTERED_EMAIL = "registered.member@example.org"
REGISTERED_NAME = "member_registered"

settings.register_profile(
    "supportnet-fuzz",
    max_examples=EXAMPLES,
    # Requests hit the database and render pages: timing says nothing about correctness.
    deadline=None,
    suppress_health_check=[
        # The world of rows is built once per test, and examples share it on purpose.
        HealthCheck.function_scoped_fixture,
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
        HealthCheck.large_base_example,
    ],
    # No "explain" phase: tracing every line of a 100k-character request costs gigabytes.
    phases=[Phase.explicit, Phase.reuse, Phase.generate, Phase.target, Phase.shrink],
    print_blob=True,
)
FUZZ = settings.get_profile("supportnet-fuzz")

# --- hostile text -----------------------------------------------------------------------------

BIDI_AND_INVISIBLE = (
    "\u202e\u202d\u2066\u2067\u2068\u2069\u200b\u200c\u200d\u200e\u200f\ufeff\u00ad"
)
NASTY = (
    "",
    " ",
    "\x00",
    "a\x00b",
    "\x00" * 50,
    "\r\n\r\n",
    "\t",
    "\u202eevil.exe",
    "\u2066hidden\u2069",
    "\u200b",
    "\ufeff\u200b\u200d",
    "\ud800",
    "a\udfffb",
    "\U0010ffff",
    "e\u0301",
    "İ",
    "ß",
    "ﬃ",
    "ﷺ",
    "\u0958" * 150,  # NFC turns each into two characters
    "ﷺ" * 30,  # NFKC turns each into eighteen
    "0",
    "-1",
    "1.5",
    "1e309",
    "9" * 40,
    "NaN",
    "None",
    "null",
    "true",
    "[]",
    "{}",
    "on",
    "<script>alert(1)</script>",
    "'; DROP TABLE groups_thread; --",
    "%00",
    "%zz",
    "../../../etc/passwd",
    "//evil.example/",
    "https://evil.example/",
    "javascript:alert(1)",
    "\\\\evil.example",
    "a-long-test-password",
)

# Every code point, lone surrogates included (they reach the server as invalid UTF-8).
any_char = st.characters(codec=None, exclude_categories=())
any_text = st.text(any_char, max_size=60)


@st.composite
def _huge(draw: Any) -> str:
    unit = draw(st.text(any_char, min_size=1, max_size=4))
    size = draw(st.sampled_from([1_001, 10_001, 100_000]))
    return (unit * (size // len(unit) + 1))[:size]


huge_text = _huge()
numbers = st.one_of(st.integers().map(str), st.floats(allow_nan=True, allow_infinity=True).map(str))
nasty_text = st.one_of(
    st.sampled_from(NASTY),
    any_text,
    st.text(st.sampled_from(BIDI_AND_INVISIBLE + "\x00\r\n a"), max_size=30),
    numbers,
    huge_text,
)
# Raw bytes, sent as they are: invalid UTF-8 and all.
raw_value = st.one_of(nasty_text, st.binary(max_size=200))


def weighted(*choices: tuple[int, st.SearchStrategy[Any]]) -> st.SearchStrategy[Any]:
    """Draw from one of `choices`, each picked in proportion to its weight (`st.one_of` picks
    its branches about evenly whatever their number)."""
    picks = [strategy for weight, strategy in choices for _ in range(weight)]
    return st.sampled_from(picks).flatmap(lambda strategy: strategy)


def mostly(good: st.SearchStrategy[Any], bad: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    """Three draws in four from `good`, so most requests get past the router and reach the
    form; the rest from `bad`."""
    return weighted((3, good), (1, bad))


Value = str | bytes
Pairs = list[tuple[Value, Value]]


def field_pairs(fields: Mapping[str, Sequence[str]]) -> st.SearchStrategy[Pairs]:
    """Form fields: `fields` maps each name the endpoint reads to some values it accepts.

    Draws complete forms (every field once, good or hostile values) and arbitrary lists of
    pairs (fields missing, repeated, unknown names)."""
    names = list(fields)

    def value_for(name: Value) -> st.SearchStrategy[Value]:
        good = list(fields.get(name, ())) if isinstance(name, str) else []
        if not good:
            return raw_value
        return mostly(st.sampled_from(good), raw_value)

    pair = st.one_of(st.sampled_from(names), st.text(any_char, max_size=20)).flatmap(
        lambda name: st.tuples(st.just(name), value_for(name))
    )
    complete = st.tuples(*(value_for(name) for name in names)).map(
        lambda values: list(zip(names, values, strict=True))
    )
    return weighted((2, complete), (1, st.lists(pair, max_size=8)))


def _raw(value: Value) -> bytes:
    return value if isinstance(value, bytes) else value.encode("utf-8", "surrogatepass")


def _quote(value: Value) -> str:
    return quote_from_bytes(_raw(value), safe="")


def urlencode(pairs: Iterable[tuple[Value, Value]]) -> str:
    return "&".join(f"{_quote(name)}={_quote(value)}" for name, value in pairs)


BOUNDARY = b"fuzzBoundary7MA4YWxkTrZu0gW"


def multipart(pairs: Iterable[tuple[Value, Value]]) -> bytes:
    body = b""
    for name, value in pairs:
        body += (
            b"--" + BOUNDARY + b'\r\nContent-Disposition: form-data; name="' + _raw(name) + b'"'
            b"\r\n\r\n" + _raw(value) + b"\r\n"
        )
    return body + b"--" + BOUNDARY + b"--\r\n"


def _json_text(value: Value) -> str:
    return value.decode("latin-1") if isinstance(value, bytes) else value


json_values = st.recursive(
    st.one_of(st.none(), st.booleans(), st.integers(), st.floats(), any_text),
    lambda children: st.one_of(
        st.lists(children, max_size=4), st.dictionaries(any_text, children, max_size=4)
    ),
    max_leaves=10,
)

ODD_CONTENT_TYPES = (
    "",
    "text/plain",
    "application/octet-stream",
    "application/json",
    "application/x-www-form-urlencoded; charset=utf-16",
    "application/x-www-form-urlencoded; charset=no-such-charset",
    "multipart/form-data",
    "multipart/form-data; boundary=",
    "multipart/form-data; boundary=" + "b" * 300,
    "multipart/mixed; boundary=x",
    "image/png",
    "\x00/\x00",
    "application/x-www-form-urlencoded\r\nX-Injected: 1",
)


def bodies(fields: Mapping[str, Sequence[str]]) -> st.SearchStrategy[tuple[str, bytes]]:
    """(content type, body) pairs: well-formed forms with hostile values, multipart, JSON
    where no JSON is expected, malformed JSON, and random bytes under lying content types."""
    pairs = field_pairs(fields)
    form = pairs.map(lambda p: ("application/x-www-form-urlencoded", urlencode(p).encode("ascii")))
    mixed = pairs.map(
        lambda p: (f"multipart/form-data; boundary={BOUNDARY.decode()}", multipart(p))
    )
    as_json = st.one_of(
        pairs.map(lambda p: {_json_text(k): _json_text(v) for k, v in p}), json_values
    ).map(lambda data: ("application/json", json.dumps(data).encode("utf-8", "surrogatepass")))
    broken_json = st.tuples(
        pairs.map(lambda p: json.dumps({_json_text(k): _json_text(v) for k, v in p})),
        st.integers(min_value=0, max_value=40),
    ).map(lambda t: ("application/json", t[0][: t[1]].encode("utf-8", "surrogatepass")))
    lying = st.tuples(st.sampled_from(ODD_CONTENT_TYPES), st.binary(max_size=500))
    wrong_type = st.tuples(
        st.sampled_from(ODD_CONTENT_TYPES), pairs.map(lambda p: urlencode(p).encode("ascii"))
    )
    # Most bodies are well-formed forms, so that most requests reach the view's own checks.
    return weighted(
        (8, form), (2, mixed), (1, as_json), (1, broken_json), (1, lying), (1, wrong_type)
    )


def queries(fields: Mapping[str, Sequence[str]]) -> st.SearchStrategy[str]:
    """Query strings: the endpoint's parameters with hostile values, repeated or missing,
    broken escapes, a 100k-character string and more fields than Django accepts."""
    return st.one_of(
        field_pairs(fields).map(urlencode),
        field_pairs(fields).map(urlencode),
        st.just("q=" + "x" * 100_000),
        st.just("&".join(f"f{i}=1" for i in range(1_500))),
        st.text(st.sampled_from("%zZ0a=&;+?#/\\"), max_size=40),
        st.binary(max_size=100).map(lambda b: quote_from_bytes(b, safe="=&")),
    )


# Path segments for <slug:…>, <int:…> and <str:…>: the router refuses most with a 404, and
# whatever it lets through must not break the view.
path_segments = st.one_of(
    st.sampled_from(
        ["0", "-1", "00", "1" * 25, "9" * 400, "thread", "reply", "x", ".", "..", "%00", "a b"]
    ),
    st.integers(min_value=0, max_value=2**70).map(str),
    st.text(any_char, min_size=1, max_size=30).map(_quote),
    st.from_regex(r"\A[a-z0-9-]{1,120}\Z"),
)


METHODS = ("GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "HEAD")


# --- sending and checking ---------------------------------------------------------------------

requests_sent: Counter[int] = Counter()  # status code -> responses


def send(
    client: Client,
    method: str,
    path: str,
    *,
    query: str = "",
    body: tuple[str, bytes] | None = None,
) -> Any:
    """Send one request with a fresh rate-limit window; the response must not be a 5xx
    (the test client re-raises an exception a view lets escape, which fails the test too)."""
    cache.clear()
    content_type, data = body or ("", b"")
    url = f"{path}?{query}" if query else path
    response = client.generic(method, url, data, content_type=content_type)
    requests_sent[response.status_code] += 1
    assert response.status_code < 500, (method, url[:300], content_type, response.status_code)
    return response


def post(client: Client, path: str, body: tuple[str, bytes], *, query: str = "") -> Any:
    """POST `body`; whatever the audit log recorded must be storable (see below)."""
    from supportnet.core.models import AuditEntry

    response = send(client, "POST", path, query=query, body=body)
    _assert_storable(AuditEntry, AuditEntry.objects.order_by("-pk")[:5])
    return response


REFUSED = frozenset({400, 403, 404, 405, 413, 429})


def refused(response: HttpResponse) -> bool:
    """The site said no: a 4xx answer, or a redirect carrying an error message (how views
    report a service's refusal, e.g. an unknown reaction or joining an invite-only group)."""
    from django.contrib import messages

    if response.status_code in REFUSED:
        return True
    request = getattr(response, "wsgi_request", None)
    return request is not None and any(
        message.level == messages.ERROR for message in messages.get_messages(request)
    )


def counts(*model_classes: type[models.Model]) -> tuple[int, ...]:
    return tuple(model._default_manager.count() for model in model_classes)


def assert_saved_text_fits(*model_classes: type[models.Model]) -> None:
    """Every stored string fits its column and holds no NUL character, and no stored JSON
    holds one either. SQLite accepts all three; PostgreSQL answers each with an error (a 500),
    so this catches on SQLite what would break in production."""
    for model in model_classes:
        _assert_storable(model, model._default_manager.all())


def _assert_storable(model: type[models.Model], rows: Any) -> None:
    text_fields = [
        (f.attname, f.max_length if isinstance(f, models.CharField) else None)
        for f in model._meta.concrete_fields
        if isinstance(f, models.CharField | models.TextField)
    ]
    json_fields = [
        f.attname for f in model._meta.concrete_fields if isinstance(f, models.JSONField)
    ]
    for row in rows.values(*(name for name, _ in text_fields), *json_fields):
        for name, max_length in text_fields:
            value = row[name]
            if value is None:
                continue
            assert "\x00" not in value, (model.__name__, name, "NUL")
            assert max_length is None or len(value) <= max_length, (
                model.__name__,
                name,
                len(value),
            )
        for name in json_fields:
            assert "\\u0000" not in json.dumps(row[name]), (model.__name__, name, "NUL")


def assert_local_redirect(response: HttpResponse) -> None:
    """A redirect, if any, stays on this site (no open redirect through `next`)."""
    if response.status_code in (301, 302, 303, 307, 308):
        assert url_has_allowed_host_and_scheme(
            response["Location"], allowed_hosts={"testserver"}
        ), response["Location"]

"""Necessary literals of regular expressions: a cheap proof that a pattern cannot match a text.

`required(pattern)` reads a compiled pattern's syntax tree (Python's own regex parser) and
returns groups of strings such that every match of the pattern contains at least one string of
*each* group. A text that lacks every string of some group cannot contain a match, so the
pattern need not be run over it; a text that passes may or may not hold a match. `Screen` turns
the groups of many patterns into keys looked up in one pass over a text.

The derivation is by construction, node by node, and only ever errs towards knowing less:
- a node's *exact* set is every string the node can match (kept only while small): a literal
  is itself, a class of a few characters is those characters, `x?` is x or "", a sequence is
  the concatenations of its parts, an alternation the union of its branches, and what matches
  no characters (anchors, lookarounds) is "". A word boundary (`\\b`), a start or end (`^`,
  `$`) or a lookaround that sees only non-letters is written as the mark `_EDGE`: "no letter
  a-z here", which tells whole words from parts of words; marks are removed before a string
  is searched for;
- a node's *required* groups: a match of a sequence holds a match of each of its parts, so it
  holds one string of each part's groups and of each run of parts with an exact set; a match
  of an alternation holds a match of one of its branches, so one string of the union of any
  one group of each branch (none if a branch has none); a repeat of at least once requires
  what its body requires. Only the few most selective groups of each node are kept.
Character classes with categories or negation, `.`, back-references and case-insensitive
patterns give no exact set, so they only ever make the result weaker, never wrong.
"""

import re
from functools import cache
from itertools import product
from re import _constants as c  # type: ignore[attr-defined]
from re import _parser as parser  # type: ignore[attr-defined]
from typing import Any

_EDGE = "\x00"  # no letter a-z on this side (normalised posts hold no NUL)
_MAX_EXACT = 64  # strings kept in an exact set before it is given up
_MAX_CLASS = 8  # characters in a class still treated as literals
_MAX_GROUPS = 4  # groups kept per pattern: the most selective
_LETTERS = frozenset("abcdefghijklmnopqrstuvwxyz")

_Groups = list[frozenset[str]]
_Info = tuple[frozenset[str] | None, _Groups]  # (exact, required groups)

_TOKEN = re.compile(r"[a-z]+")
_MIN_PREFIX = 3  # the shortest word beginning looked up (shorter ones are in most posts)
# Words in many posts (at least 3 in 100 of the labelled posts): a literal is keyed by one of
# them only if it has nothing better.
_COMMON_WORDS = (
    "a about after again all and anyone are at back be been but can car d do don everyone"
    " everything ex feel for from go going got has have he her here him his how i if in is"
    " it just keep kids kill know last like ll m me my myself new night not now of off on out"
    " s said see she so t that the think this time to today tonight took up ve want was what"
    " when with won years you"
)
_COMMON = frozenset(_COMMON_WORDS.split(" "))


@cache
def _odds(key: str) -> float:
    """A rough share of posts that hold a key: short or common words in many, long ones in few."""
    kind, text = key[:2], key[2:]
    letters = max((len(run) for run in _TOKEN.findall(text)), default=0)
    if letters < _MIN_PREFIX:
        return 1.0
    if kind == "w:" and text in _COMMON:
        return 0.3
    odds = 0.03 * 0.7 ** (letters - 3)
    if kind == "s:":
        return min(0.5, odds * 3 * 0.7 ** text.count(" "))
    if kind != "w:":
        return odds * 1.5
    return odds


def _cost(key: str) -> float:
    """What looking a key up costs, in posts let through: a substring is searched for in the
    whole text, a word or word beginning is one set look-up."""
    return _odds(key) * 3 + 0.05 if key.startswith("s:") else _odds(key)


@cache
def _key(literal: str) -> str:
    """One fact true of every text that holds `literal` (with `_EDGE` marks), as a key of
    `Screen.facts`: "w:word" (a whole word of the text), "p:beginning" (a word of the text
    begins so), "e:ending" (a word ends so) or "s:substring" (the text contains it).

    A run of letters with a non-letter or mark on each side *inside* the literal is a whole
    word of any text that holds the literal; one with a non-letter before it begins a word, one
    with a non-letter after it ends a word; any other part of the literal (the whole literal at
    worst) is a substring of the text."""
    options = [f"s:{literal.replace(_EDGE, '')}"]
    for match in _TOKEN.finditer(literal):
        run = match.group(0)
        if match.start() > 0 and match.end() < len(literal):
            options.append("w:" + run)
        elif match.start() > 0 and len(run) >= _MIN_PREFIX:
            options.append("p:" + run)
        elif match.end() < len(literal) and len(run) >= _MIN_PREFIX:
            options.append("e:" + run)
        elif len(run) >= _MIN_PREFIX:
            options.append("s:" + run)
    return min(options, key=lambda key: (_cost(key), -len(key), key))


def _group_odds(group: frozenset[str]) -> float:
    """A rough share of posts that hold a string of the group: lower is more selective."""
    missing = 1.0
    for key in {_key(literal) for literal in group}:
        missing *= 1.0 - _odds(key)
    return 1.0 - missing


def _as_group(exact: frozenset[str] | None) -> _Groups:
    """An exact set read as a required group (none if it can match no letters at all)."""
    if exact is None or any(not literal.replace(_EDGE, "") for literal in exact):
        return []
    return [exact]


def _sequence(items: Any) -> _Info:
    groups: _Groups = []
    run: frozenset[str] | None = frozenset({""})  # the exact set of the current run of parts
    whole = True
    for op, av in items:
        exact, required = _node(op, av)
        groups.extend(required)
        if exact is not None and run is not None:
            joined = frozenset(a + b for a, b in product(run, exact))
            if len(joined) <= _MAX_EXACT:
                run = joined
                continue
        # the run ends here: one of its strings is in every match; a new run starts here
        groups.extend(_as_group(run))
        run = exact
        whole = False
    groups.extend(_as_group(run))
    groups = sorted(set(groups), key=lambda group: (_group_odds(group), sorted(group)))
    return (run if whole else None), groups[:_MAX_GROUPS]


def _branches(alternatives: list[Any]) -> _Info:
    exacts: set[str] | None = set()
    per_branch: list[_Groups] = []
    for alternative in alternatives:
        exact, required = _sequence(alternative)
        if exacts is not None:
            exacts = exacts | exact if exact is not None else None
            if exacts is not None and len(exacts) > _MAX_EXACT:
                exacts = None
        per_branch.append(required)
    # (a1 and a2) or (b1 and b2) implies (a1 or b1), (a2 or b2), (a1 or b2), ...: the union of
    # one group of each branch is a group; the k-th best of each are joined, for a few k
    groups: set[frozenset[str]] = set()
    if all(per_branch):
        for k in range(_MAX_GROUPS):
            groups.add(frozenset().union(*(req[min(k, len(req) - 1)] for req in per_branch)))
    return (
        frozenset(exacts) if exacts is not None else None,
        sorted(groups, key=lambda group: (_group_odds(group), sorted(group))),
    )


def _char_class(items: list[Any]) -> frozenset[str] | None:
    chars: set[str] = set()
    for op, av in items:
        if op is c.LITERAL:
            chars.add(chr(av))
        elif op is c.RANGE and av[1] - av[0] < _MAX_CLASS:
            chars.update(chr(code) for code in range(av[0], av[1] + 1))
        else:  # NEGATE, CATEGORY, a wide range: not a short list of characters
            return None
    return frozenset(chars) if len(chars) <= _MAX_CLASS else None


def _sees_no_letter(body: Any, side: int) -> bool:
    """Whether a lookaround's every match has a non-letter at the side next to the cue."""
    exact, _ = _sequence(body)
    return (
        exact is not None
        and bool(exact)
        and all(
            literal and literal[side] not in _LETTERS and literal[side] != _EDGE
            for literal in exact
        )
    )


def _node(op: Any, av: Any) -> _Info:
    if op is c.LITERAL:
        return frozenset({chr(av)}), []
    if op is c.IN:
        exact = _char_class(av)
        return exact, _as_group(exact)
    if op is c.AT:
        # \b: a word character on one side only, so no letter beside a letter of the cue;
        # ^ and $: the text's (or a line's) start or end
        edges = (c.AT_BOUNDARY, c.AT_BEGINNING, c.AT_BEGINNING_STRING, c.AT_END, c.AT_END_STRING)
        return frozenset({_EDGE if av in edges else ""}), []
    if op is c.ASSERT:
        direction, body = av
        # a positive lookbehind's last character, or lookahead's first, is a non-letter
        side = -1 if direction < 0 else 0
        return frozenset({_EDGE if _sees_no_letter(body, side) else ""}), []
    if op is c.ASSERT_NOT:
        return frozenset({""}), []
    if op is c.SUBPATTERN:
        _group, add_flags, _del_flags, body = av
        if add_flags & re.IGNORECASE:
            return None, []
        return _sequence(body)
    if op is c.ATOMIC_GROUP:
        return _sequence(av)
    if op is c.BRANCH:
        return _branches(av[1])
    if op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT):
        low, high, body = av
        exact, required = _sequence(body)
        if exact is not None and low == 0 and high == 1:
            return exact | {""}, []
        if exact is not None and low == high and low <= 4:
            joined = frozenset("".join(parts) for parts in product(sorted(exact), repeat=low))
            if len(joined) <= _MAX_EXACT:
                return joined, _as_group(joined)
        if low >= 1:
            return None, required or _as_group(exact)
        return None, []
    # ANY, NOT_LITERAL, CATEGORY, GROUPREF, GROUPREF_EXISTS, ...: nothing known
    return None, []


def required(pattern: re.Pattern[str]) -> list[frozenset[str]]:
    """Groups of strings (with `_EDGE` marks): each match holds a string of every group."""
    if pattern.flags & re.IGNORECASE:
        return []
    _exact, groups = _sequence(parser.parse(pattern.pattern, pattern.flags))
    return groups


class Facts:
    """What `Screen` knows of one text: its words, word beginnings and word endings at once,
    its substrings as they are asked about."""

    __slots__ = ("_substrings", "found", "text")

    def __init__(self, text: str, found: set[str]) -> None:
        self.text = text
        self.found = found
        self._substrings: dict[str, bool] = {}

    def has_substring(self, substring: str) -> bool:
        known = self._substrings.get(substring)
        if known is None:
            known = self._substrings[substring] = substring in self.text
        return known


class Screen:
    """Which of many patterns may match a text, from their required literals.

    `facts(text)` reads the text once; `may_match(i, facts)` is False only if pattern `i`
    cannot match the text. Each pattern's groups are tried with the cheap ones first (words
    and word parts are set look-ups; a substring is searched for in the text), and the first
    group none of whose strings is in the text rules the pattern out."""

    def __init__(self, patterns: list[re.Pattern[str]]) -> None:
        self._groups: list[tuple[tuple[frozenset[str], tuple[str, ...]], ...]] = []
        needed: set[str] = set()
        for pattern in patterns:
            groups = []
            for group in required(pattern):
                keys = frozenset(map(_key, group))
                # a group that almost every post passes (one holding "a" or " ") is no help
                if max(map(_odds, keys)) >= 1.0:
                    continue
                looked_up = frozenset(key for key in keys if not key.startswith("s:"))
                searched = tuple(sorted(key[2:] for key in keys if key.startswith("s:")))
                groups.append((looked_up, searched))
                needed |= looked_up
            groups.sort(key=lambda group: (len(group[1]), sorted(group[0])))
            self._groups.append(tuple(groups))
        self._beginnings = frozenset(key for key in needed if key.startswith("p:"))
        self._endings = frozenset(key for key in needed if key.startswith("e:"))

    def facts(self, text: str) -> Facts:
        words = set(_TOKEN.findall(text))
        found = {"w:" + word for word in words}
        found.update(
            key
            for word in words
            for end in range(_MIN_PREFIX, len(word) + 1)
            if (key := "p:" + word[:end]) in self._beginnings
        )
        found.update(
            key
            for word in words
            for start in range(len(word) - _MIN_PREFIX + 1)
            if (key := "e:" + word[start:]) in self._endings
        )
        return Facts(text, found)

    def may_match(self, index: int, facts: Facts) -> bool:
        found = facts.found
        for looked_up, searched in self._groups[index]:
            if looked_up.isdisjoint(found) and not any(map(facts.has_substring, searched)):
                return False
        return True

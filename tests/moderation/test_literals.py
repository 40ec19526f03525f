"""The detector's screen (moderation.literals): a cue it rules out for a post can never match
that post, checked on hand-made patterns, on texts written from each cue's own regular
expression, and on every labelled post outside the held-out sets."""

import json
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bench.train_crisis_model import DATA, HELD_OUT
from moderation import crisis
from moderation.literals import Screen, required

_PATTERNS = [
    re.compile(r"\bkill(?:ing)? myself\b|\bend(?:ing)? it all\b"),
    re.compile(r"(?:^|(?<=[.!?] ))(?:going to|about to) (?:\w+ ){0,2}?(?:jump|die)\b"),
    re.compile(r"\b(?:he|she)(?:'s| is) (?:outside|at the door)(?! for)"),
    re.compile(r"escalat\w*|\bsu(?:i|ic)cide"),
]
_PIECES = [
    *[
        "kill",
        "myself",
        "ending",
        "it",
        "all",
        "going",
        "to",
        "about",
        "jump",
        "die",
        "he's",
        "she",
        "is",
        "outside",
        "at",
        "the",
        "door",
    ],
    "killing",
    "escalating",
    "suicide",
    "suiicide",
    "end",
    ".",
    "!",
    ",",
    " ",
    "\n",
    "x",
    "for",
]
_SCREEN = Screen(_PATTERNS)


def test_every_match_holds_a_string_of_each_required_group():
    groups = required(_PATTERNS[0])
    assert groups
    for text in ("i could kill myself", "ending it all tonight"):
        match = _PATTERNS[0].search(text)
        assert match is not None
        for group in groups:
            assert any(literal.replace("\x00", "") in match.group(0) for literal in group)


def test_a_post_without_the_words_is_screened_out():
    facts = _SCREEN.facts("we had a lovely walk by the river today")
    assert not any(_SCREEN.may_match(i, facts) for i in range(len(_PATTERNS)))


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=30).map(" ".join))
def test_the_screen_never_rules_out_a_pattern_that_matches(text):
    facts = _SCREEN.facts(text)
    for index, pattern in enumerate(_PATTERNS):
        if pattern.search(text):
            assert _SCREEN.may_match(index, facts)


_CUE_WORDS = sorted(
    {word for kind, reason, *_ in crisis._CUES for word in reason.split()}
    | {
        "i'm",
        "i'll",
        "going",
        "to",
        "kill",
        "myself",
        "tonight",
        "pills",
        "he's",
        "outside",
        "knife",
        "door",
        "goodbye",
    }
)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from([*_CUE_WORDS, ".", ",", "\n"]), max_size=25).map(" ".join))
def test_no_crisis_cue_that_matches_a_post_is_screened_out(text):
    facts = crisis._SCREEN.facts(text)
    for index, (_kind, _reason, pattern, _scope, _needs) in enumerate(crisis._COMPILED):
        if pattern.search(text):
            assert crisis._SCREEN.may_match(index, facts)


@pytest.mark.parametrize("index", range(len(crisis._COMPILED)))
def test_text_made_to_match_a_crisis_cue_is_never_screened_out(index):
    """Hypothesis writes texts that match the cue itself (from its regular expression)."""
    pattern = crisis._COMPILED[index][2]
    matched = []

    @settings(max_examples=25, deadline=None, database=None)
    @given(st.from_regex(pattern))
    def check(text: str) -> None:
        text = text.lower()
        if pattern.search(text):
            matched.append(text)
            assert crisis._SCREEN.may_match(index, crisis._SCREEN.facts(text))

    check()
    assert matched  # the cue was really tried


def test_no_cue_matching_a_labelled_post_is_screened_out():
    for path in sorted(DATA.glob("*.jsonl")):
        if path.name in HELD_OUT:
            continue
        for line in path.read_text().splitlines():
            text = crisis.normalise(json.loads(line)["text"])
            facts = crisis._SCREEN.facts(text)
            for index, (_kind, _reason, pattern, *_) in enumerate(crisis._COMPILED):
                if pattern.search(text):
                    assert crisis._SCREEN.may_match(index, facts), (path.name, index)


def test_an_ordinary_post_runs_few_of_the_cues():
    """The screen does its job: most cues cannot match an everyday post and are not run."""
    from bench.crisis_speed import BENIGN

    facts = crisis._SCREEN.facts(crisis.normalise(BENIGN))
    run = sum(crisis._SCREEN.may_match(i, facts) for i in range(len(crisis._COMPILED)))
    assert run < len(crisis._COMPILED) // 2

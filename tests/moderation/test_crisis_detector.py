"""The crisis detector: levels, reasons, the rules for negation, the past and third person,
robustness to any input, and the targets on the labelled sets."""

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from moderation.crisis import assess, normalise

ROOT = Path(__file__).resolve().parents[2]
DEV_SET = Path(__file__).resolve().parent / "data" / "dev.jsonl"
OWN_SET = Path(__file__).parent / "data" / "crisis_extra.jsonl"
BLIND3_SET = Path(__file__).parent / "data" / "crisis_blind3.jsonl"


@pytest.mark.parametrize(
    "text",
    [
        "I'm going to kill myself tonight.",
        "i have the pills in my hand right now",
        "He said he'd stab me and he's waiting outside my house",
        "He put his hands around my neck and squeezed",
        "Goodbye everyone. I love you all. I'm sorry.",
        "i wanna kms fr",
        "Thinking of unaliving tonight honestly",
        "su1c1de tonight, I've decided",
        "I took an overdose",
        "My ex is kicking the door in",
        "💊💊 tonight. done.",
    ],
)
def test_imminent_danger_is_a_crisis(text):
    result = assess(text)
    assert result.level == "crisis", result
    assert result.reasons


@pytest.mark.parametrize(
    "text",
    [
        "I sometimes wish I could disappear.",
        "He keeps driving past my house.",
        "He says he'll hurt himself if I don't unblock him.",
        "I feel hopeless.",
        "The urge to cut is back.",
    ],
)
def test_distress_that_is_not_imminent_is_a_concern(text):
    result = assess(text)
    assert result.level == "concern", result
    assert result.reasons


@pytest.mark.parametrize(
    "text",
    [
        "This traffic is killing me.",
        "I could murder a pizza.",
        "Killer workout today.",
        "My phone is dying.",
        "I attempted suicide at 19 and I'm now 35 and doing well.",
        "He used to threaten to kill me. I left four years ago and I'm safe now.",
        "The article on intermittent reinforcement explained my marriage.",
        "",
        "   ",
    ],
)
def test_stories_idioms_and_recovery_are_not_flagged(text):
    assert assess(text).level == "none"


def test_negation_lowers_but_never_clears_an_explicit_plan_or_means():
    assert assess("I'm not going to kill myself.").level == "none"
    assert assess("I'm not going to do anything, but I have the pills saved up.").level != "none"
    assert assess("I'm not okay. I have the pills and I'm taking them tonight.").level == "crisis"


def test_the_past_and_third_person_lower_priority():
    assert assess("Back then I wanted to kill myself.").level == "none"
    assert assess("My friend told me she wants to kill herself.").level == "concern"


def test_reasons_name_the_combination_for_moderators():
    reasons = assess("I'm going to end my life tonight").reasons
    assert reasons[0] == "intent + timeframe"


def test_normalisation_undoes_slang_leetspeak_accents_and_long_letters():
    assert "kill myself" in normalise("KMS")
    assert "suicide" in normalise("sewerslide")
    assert "kill" in normalise("k1lllll")
    assert "pills" in normalise("💊")
    assert normalise("Ｔｏｎｉｇｈｔ") == "tonight"


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=400))
def test_any_text_gets_a_valid_level_and_never_raises(text):
    result = assess(text)
    assert result.level in ("none", "concern", "crisis")
    assert isinstance(result.reasons, list)


def test_very_long_posts_are_assessed_and_a_buried_crisis_is_found():
    filler = "We talked about the holidays and the kids' school plays. " * 300
    assert assess(filler + "I have the rope and I'm doing it tonight. " + filler).level == "crisis"


def _rates(path: Path) -> dict[str, float]:
    rows = [json.loads(line) for line in path.read_text().splitlines() if line.strip()]
    by_label: dict[str, list[str]] = {"crisis": [], "concern": [], "none": []}
    for row in rows:
        by_label[row["label"]].append(assess(row["text"]).level)

    def share(label: str, levels: tuple[str, ...]) -> float:
        got = by_label[label]
        return sum(level in levels for level in got) / len(got)

    return {
        "crisis": share("crisis", ("crisis",)),
        "crisis_flagged": share("crisis", ("crisis", "concern")),
        "concern_flagged": share("concern", ("crisis", "concern")),
        "none_flagged": share("none", ("crisis", "concern")),
        "none_crisis": share("none", ("crisis",)),
    }


@pytest.mark.parametrize(
    "path", [DEV_SET, OWN_SET, BLIND3_SET], ids=["shared-dev-set", "own-set", "crisis-blind3"]
)
def test_the_detector_meets_its_targets_on_the_labelled_sets(path):
    rates = _rates(path)
    assert rates["crisis"] >= 0.90
    assert rates["crisis_flagged"] >= 0.97
    assert rates["concern_flagged"] >= 0.80
    assert rates["none_flagged"] <= 0.10
    assert rates["none_crisis"] <= 0.03

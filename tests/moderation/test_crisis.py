"""The crisis detector's contract: levels and reasons for each kind of post, the rules for
negation, the past and third person, the rule that a plan or means is never cleared, robustness
to any input, and the targets on the labelled sets. Needs no Django settings or database."""

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from moderation.crisis import Assessment, assess, normalise

DEV_SET = Path(__file__).resolve().parents[3] / "shared" / "crisis" / "dev.jsonl"
OWN_SET = Path(__file__).resolve().parent / "data" / "crisis_extra.jsonl"
LEVELS = ("none", "concern", "crisis")


# --- each kind of post ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        # intent with a plan, means or timeframe
        "I'm going to end my life this weekend.",
        "planning to take every pill in the house after the kids are asleep",
        "I've got the pills lined up and I'm done.",
        "Life isn't worth living. I bought a rope this morning.",
        "I want to die. I've written letters to my kids.",
        "Im going to jump off the bridge near my work tomorrow",
        # slang, leetspeak, emoji, repeated letters, typos
        "gonna kms tn",
        "going to unalive myself, I've decided",
        "k1ll mys3lf tonight",
        "sewerslide tonight, nobody will care",
        "🔫 tonight. i'm sorry",
        "I want to diee. I'm taking allll my tablets tonight",
        # attempt in progress
        "I took 30 pills about an hour ago",
        "already swallowed the whole packet, I feel sick",
        "I cut and it won't stop bleeding",
        # goodbye messages
        "This is my last post. Tell my kids I love them.",
        "goodbye everyone, thank you for everything",
        "I won't be around tomorrow. Please don't be sad.",
        # danger from another person
        "He said he'll kill me when he gets home tonight",
        "he told me he'd stab me if I leave",
        "He choked me till I passed out last night",
        "he had his hands around my neck an hour ago",
        "My husband has a gun and he's been drinking",
        "he pointed a knife at me in the kitchen",
        "My ex is outside banging on the door right now",
        "he's broken in through the back door, I'm hiding in the bathroom",
        "He's taken the kids and says I'll never see them alive again",
    ],
)
def test_imminent_risk_to_life_is_a_crisis(text: str) -> None:
    result = assess(text)
    assert result.level == "crisis", result
    assert result.reasons


@pytest.mark.parametrize(
    "text",
    [
        "I wish I could just disappear.",
        "Honestly I wouldn't mind not waking up.",
        "The urge to self harm is back after a year.",
        "I feel hopeless, nothing ever gets better.",
        "I think he's tracking my phone.",
        "He keeps showing up at my work.",
        "I'm scared of what he'll do when he finds out I've moved.",
        "He says he'll kill himself if I leave.",
        "My sister told me she's been cutting herself.",
    ],
)
def test_distress_that_is_not_imminent_is_a_concern(text: str) -> None:
    result = assess(text)
    assert result.level == "concern", result
    assert result.reasons


@pytest.mark.parametrize(
    "text",
    [
        # idioms
        "This traffic is killing me.",
        "I could murder a pizza.",
        "I'm dying to see the film.",
        "My feet are killing me.",
        "Killed it at the interview!",
        "This heat is going to be the death of me lol",
        # stories, recovery, the past
        "Two years ago I tried to end my life, today I'm doing better.",
        "He used to choke me. I left four years ago and I'm safe now.",
        "I self-harmed as a teenager. The scars have faded.",
        "He'd always say he'd kill himself if I left. It was control.",
        # news, the library, everyday life
        "A woman in our town was killed by her ex, it was on the news.",
        "The library article says strangulation is a red flag for homicide.",
        "The chapter on trauma bonds explained why I kept going back.",
        "Tonight I'm going to watch a film with my kids.",
        "Goodbye 2024, you were hard but I made it.",
        "Bought a new knife set for my own kitchen!",
        "",
        "   \n\t ",
    ],
)
def test_stories_idioms_news_and_recovery_are_not_flagged(text: str) -> None:
    assert assess(text).level == "none", assess(text)


# --- lower priority: negation, the past, third person ------------------------------------------


def test_negated_intent_is_not_a_crisis() -> None:
    assert assess("I'm not going to kill myself.").level == "none"
    assert assess("I would never end my life, my kids need me.").level == "none"
    assert assess("I'm going to kill myself tonight.").level == "crisis"


def test_the_distant_past_lowers_intent_and_danger() -> None:
    assert assess("Back then I wanted to kill myself.").level == "none"
    assert assess("When I was 16 I overdosed. I'm 30 now and a nurse.").level == "none"
    assert assess("He once said he'd put me in the ground. I got an order.").level == "none"


def test_a_recent_attempt_without_recovery_is_still_a_concern() -> None:
    assert assess("I tried to kill myself last month.").level == "concern"


def test_someone_else_at_risk_is_a_concern_not_a_crisis() -> None:
    assert assess("My friend told me she wants to kill herself.").level == "concern"
    assert assess("My son said he's going to jump off the bridge.").level == "concern"


def test_a_passive_wish_with_safety_stated_is_a_concern() -> None:
    assert assess("I don't really want to be alive right now, but I'm safe.").level == "concern"


# --- never cleared --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "I'm not okay, I have the pills and I'm taking them tonight",
        "I'm not going to do anything stupid, but I've been saving my pills.",
        "Not suicidal or anything. The rope is already up in the garage.",
        "I used to self-harm. Tonight I've got the blades out and I'm ready.",
    ],
)
def test_an_explicit_plan_or_means_with_a_timeframe_is_never_cleared(text: str) -> None:
    assert assess(text).level == "crisis", assess(text)


def test_a_buried_crisis_sentence_in_a_long_post_is_found() -> None:
    before = "We moved last spring and the kids like their new school. " * 200
    after = " The weather has been lovely and I started a pottery class." * 200
    text = before + "Honestly I have the pills counted out and tonight is the night." + after
    assert assess(text).level == "crisis"


# --- reasons --------------------------------------------------------------------------------------


def test_reasons_name_the_combination_first() -> None:
    assert assess("I'm going to end my life tonight").reasons[0] == "intent + timeframe"


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("he said he'll kill me", "threat to kill"),
        ("he strangled me this morning", "strangulation"),
        ("This is my last post. Goodbye everyone.", "goodbye message"),
        ("He keeps driving past my house", "stalking or monitoring"),
    ],
)
def test_reasons_say_what_was_found(text: str, reason: str) -> None:
    assert reason in assess(text).reasons


def test_flagged_posts_have_reasons_and_unflagged_posts_have_none() -> None:
    for text in ("gonna kms tonight", "I feel hopeless", "What's everyone reading?"):
        result = assess(text)
        assert bool(result.reasons) == (result.level != "none"), (text, result)


def test_an_assessment_is_immutable() -> None:
    result = assess("i want to die")
    with pytest.raises(AttributeError):
        result.level = "none"


# --- normalisation --------------------------------------------------------------------------------


def test_normalisation_undoes_slang_leetspeak_accents_emoji_and_long_letters() -> None:
    assert "kill myself" in normalise("KMS")
    assert "kill myself" in normalise("unalive")
    assert "suicide" in normalise("sewerslide")
    assert "suicide" in normalise("su1c1de")
    assert "kill" in normalise("k1lllll")
    assert normalise("sooooo") == "so"
    assert "pills" in normalise("💊")
    assert "rope" in normalise("🪢")
    assert normalise("Ｔｏｎｉｇｈｔ") == "tonight"
    assert normalise("naïve café") == "naive cafe"


def test_normalisation_keeps_numbers_and_times() -> None:
    assert "10 pills" in normalise("10 pills")
    assert "3am" in normalise("3am")


# --- robustness -----------------------------------------------------------------------------------


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=500))
def test_any_text_gets_a_valid_level_and_never_raises(text: str) -> None:
    result = assess(text)
    assert isinstance(result, Assessment)
    assert result.level in LEVELS
    assert all(isinstance(reason, str) and reason for reason in result.reasons)


# fmt: off
RISK_WORDS = (
    "he", "i", "kill", "me", "myself", "not", "tonight", "pills", "knife", "door", "going to",
    "used to", "'", '"', ".", ",", "\n", "💊", "k1ll", "\x00", "\u200b",
)
# fmt: on


@settings(max_examples=100, deadline=None)
@given(st.lists(st.sampled_from(RISK_WORDS), max_size=300).map(" ".join))
def test_word_salad_of_risk_words_never_raises(text: str) -> None:
    assert assess(text).level in LEVELS


@pytest.mark.parametrize(
    "text",
    [
        "a" * 100_000,
        "he " * 33_000,
        "\x00\x01\x1f\x7f" * 25_000,
        "💊🔪🪦⚰️🔫🩸🪢" * 2_000,
        "\ud800 lone surrogate",
        "ｋｉｌｌ ｍｙｓｅｌｆ",
    ],
    ids=["letters", "pronouns", "control", "emoji", "surrogate", "fullwidth"],
)
def test_huge_and_odd_input_is_assessed(text: str) -> None:
    assert assess(text).level in LEVELS


def test_the_same_text_always_gets_the_same_assessment() -> None:
    text = "He's outside. I have the pills. Goodbye."
    assert assess(text) == assess(text)


# --- targets on the labelled sets ---------------------------------------------------------------


def _rates(path: Path) -> dict[str, float]:
    rows = [json.loads(line) for line in path.read_text().splitlines() if line.strip()]
    got: dict[str, list[str]] = {level: [] for level in LEVELS}
    for row in rows:
        got[row["label"]].append(assess(row["text"]).level)

    def share(label: str, levels: tuple[str, ...]) -> float:
        return sum(level in levels for level in got[label]) / len(got[label])

    return {
        "crisis -> crisis": share("crisis", ("crisis",)),
        "crisis flagged": share("crisis", ("crisis", "concern")),
        "concern flagged": share("concern", ("crisis", "concern")),
        "none flagged": share("none", ("crisis", "concern")),
        "none -> crisis": share("none", ("crisis",)),
    }


def _assert_targets(rates: dict[str, float]) -> None:
    assert rates["crisis -> crisis"] >= 0.90, rates
    assert rates["crisis flagged"] >= 0.97, rates
    assert rates["concern flagged"] >= 0.80, rates
    assert rates["none flagged"] <= 0.10, rates
    assert rates["none -> crisis"] <= 0.03, rates


def test_the_detector_meets_its_targets_on_the_shared_dev_set() -> None:
    assert DEV_SET.exists(), (
        f"The shared development set is missing: expected {DEV_SET} "
        "(the repository sits beside shared/)."
    )
    _assert_targets(_rates(DEV_SET))


def test_the_detector_meets_its_targets_on_the_projects_own_set() -> None:
    assert OWN_SET.exists(), f"{OWN_SET} is missing"
    _assert_targets(_rates(OWN_SET))

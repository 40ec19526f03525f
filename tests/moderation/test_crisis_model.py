"""The statistical crisis model beside the rules: loads, is deterministic, only ever raises."""

import json
from pathlib import Path

import pytest

from bench.train_crisis_model import main as train
from bench.train_crisis_model import training_files
from moderation import crisis, crisis_model

ROOT = Path(__file__).resolve().parents[2]
DATA = Path(__file__).resolve().parent / "data"
SAMPLES = [
    "I'm going to end it tonight, I've got everything ready",
    "some days I wish I could just not wake up",
    "made a lasagne for the kids, they loved it",
    "he keeps turning up outside my work and I'm scared",
    "I can't see the point in anything any more",
    "",
]
ORDER = {"none": 0, "concern": 1, "crisis": 2}


def _training_posts() -> list[str]:
    return [
        json.loads(line)["text"]
        for path in training_files()  # never the held-out sets (HELD_OUT)
        for line in path.read_text().splitlines()
        if line.strip()
    ]


def test_the_model_file_loads_and_is_small() -> None:
    assert crisis_model.MODEL_PATH.stat().st_size < 1_000_000
    probs = crisis_model.probabilities(crisis.normalise(SAMPLES[0]))
    assert set(probs) == {"crisis", "concern", "none"}
    assert abs(sum(probs.values()) - 1.0) < 1e-9


def test_an_empty_post_has_no_probabilities() -> None:
    assert crisis_model.probabilities("") == {}


def test_the_model_raises_but_never_lowers_the_rules_level() -> None:
    raised = 0
    for text in _training_posts():
        normalised = crisis.normalise(text)
        if not normalised:
            continue
        ruled = crisis._decide(crisis._scan(normalised))
        combined = crisis.assess(text)
        assert ORDER[combined.level] >= ORDER[ruled.level]
        assert combined.reasons[: len(ruled.reasons)] == ruled.reasons
        if combined.level != ruled.level:
            raised += 1
            assert combined.reasons[-1] in {
                crisis_model.REASON_CRISIS,
                crisis_model.REASON_CONCERN,
            }
    assert raised > 0, "the model raised no post: it is not being consulted"


@pytest.mark.parametrize("level", ["none", "concern", "crisis"])
def test_the_decision_never_goes_below_the_given_level(level: str) -> None:
    thresholds = {"none_to_concern": 0.5, "concern_to_crisis": 0.5, "none_to_crisis": 0.9}
    for probs in (
        {"crisis": 0.0, "concern": 0.0, "none": 1.0},
        {"crisis": 0.3, "concern": 0.6, "none": 0.1},
        {"crisis": 0.6, "concern": 0.3, "none": 0.1},
        {"crisis": 0.95, "concern": 0.04, "none": 0.01},
        {},
    ):
        assert ORDER[crisis_model.decide(level, probs, thresholds)] >= ORDER[level]


def test_very_crisis_like_wording_is_raised_from_none_to_crisis_only_above_its_threshold() -> None:
    th = {"none_to_concern": 0.5, "concern_to_crisis": 0.5, "none_to_crisis": 0.9}
    sure = {"crisis": 0.95, "concern": 0.04, "none": 0.01}
    fairly = {"crisis": 0.6, "concern": 0.3, "none": 0.1}
    assert crisis_model.decide("none", sure, th) == "crisis"
    assert crisis_model.decide("none", fairly, th) == "concern"
    assert crisis_model.decide("concern", fairly, th) == "crisis"


def test_a_missing_model_file_leaves_the_rules_alone(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(crisis_model, "MODEL_PATH", Path("/nonexistent/crisis_model.json"))
    crisis_model._model.cache_clear()
    try:
        assert crisis_model.probabilities("i want to die") == {}
        assert crisis_model.raise_level("i want to die", "none") == ("none", None)
    finally:
        monkeypatch.undo()
        crisis_model._model.cache_clear()


def test_training_again_reproduces_the_shipped_model(tmp_path: Path) -> None:
    first = tmp_path / "model.json"
    train(["--quick", "--out", str(first)])
    shipped = json.loads(crisis_model.MODEL_PATH.read_text())
    retrained = json.loads(first.read_text())
    assert retrained["config"] == shipped["config"]
    assert retrained["data"] == shipped["data"], (
        "the labelled sets changed since the model was trained: run "
        "`python bench/train_crisis_model.py` and commit moderation/data/crisis_model.json"
    )
    assert retrained == shipped


@pytest.mark.parametrize(
    "text",
    ["he's", "he's home", "he's asleep now", "omg he's", "he's at work", "he's " * 4000],
)
def test_the_model_says_nothing_about_posts_of_a_few_different_words(text: str) -> None:
    """The labelled sets hold almost no posts this short: the model's view of them is its bias.
    (Before this rule "he's asleep now" was a crisis, "he's home" a concern.)"""
    normalised = crisis.normalise(text)
    assert len(set(normalised.split())) < crisis_model.MIN_WORDS
    assert crisis_model.raise_level(normalised, "none") == ("none", None)
    assert crisis.assess(text).level == crisis._decide(crisis._scan(normalised)).level


@pytest.mark.parametrize(
    "text",
    [
        "might do something daft this weekend and cut my own fringe, wish me luck",
        "gonna do something crazy tonight like order a takeaway AND dessert",
        "thinking of doing something drastic tomorrow and booking a solo holiday",
    ],
)
def test_the_model_stays_out_when_the_euphemism_is_given_an_everyday_meaning(text: str) -> None:
    normalised = crisis.normalise(text)
    assert crisis_model.raise_level(normalised, "none") == ("none", None)
    assert crisis.assess(text).level == "none"


def test_the_euphemism_on_its_own_is_still_flagged() -> None:
    assert crisis.assess("going to do something stupid tonight, can't do this").level != "none"


@pytest.mark.parametrize(
    "text",
    [
        "he bought petrol for the car on the way home",
        "I won't be here in the morning, I'm off to Spain on the early flight",
        "I'll be with my mum soon, she's picking me up",
    ],
)
def test_the_model_stays_out_when_the_post_gives_an_everyday_purpose(text: str) -> None:
    normalised = crisis.normalise(text)
    assert crisis_model.raise_level(normalised, "none") == ("none", None)
    assert crisis.assess(text).level == "none"


def test_a_goodbye_without_a_trip_is_still_raised() -> None:
    assert crisis.assess("I won't be here in the morning. Thank you all x").level == "crisis"


@pytest.mark.parametrize(
    "text",
    [
        "he's trying the front door key, it sticks every time, landlord won't fix it",
        "said bye to the kids, they're at their dad's and I'm on a night shift",
    ],
)
def test_the_model_stays_out_for_a_sticking_lock_or_a_shift(text: str) -> None:
    normalised = crisis.normalise(text)
    assert crisis_model.raise_level(normalised, "none") == ("none", None)


def test_the_model_stays_out_when_ending_things_means_a_relationship() -> None:
    text = "I'm going to end things with my boyfriend tonight, wish me luck"
    assert crisis_model.raise_level(crisis.normalise(text), "none") == ("none", None)
    assert crisis.assess("I'm going to end things tonight, wish me luck").level != "none"

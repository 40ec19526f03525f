"""A small statistical crisis model that sits beside the rules in `moderation.crisis`.

Multinomial logistic regression over word unigrams, word bigrams and character 4-grams of the
*normalised* text (`moderation.crisis.normalise`), trained by `bench/train_crisis_model.py` and
stored as compact JSON in `moderation/data/crisis_model.json` together with the thresholds the
training script chose by leave-one-file-out cross-validation.

Pure Python standard library, deterministic, no network. The JSON is loaded once, lazily. If the
file is missing or unreadable the model is simply absent: `probabilities` returns `{}` and
`raise_level` leaves the rules' level alone. The model only ever *raises* a level.
"""

import json
import math
import re
from functools import lru_cache
from itertools import pairwise
from pathlib import Path
from typing import Any

MODEL_PATH = Path(__file__).resolve().parent / "data" / "crisis_model.json"
CLASSES = ("crisis", "concern", "none")
REASON_CRISIS = "wording like earlier crisis posts"
REASON_CONCERN = "wording like earlier concern posts"
_ORDER = {"none": 0, "concern": 1, "crisis": 2}
# The model cannot read negation or tell who is at risk, so two guards keep it off the rules'
# deliberate judgements: it does not raise a post that negates self-harm wording ("I'm not going
# to kill myself"), and it raises a concern to a crisis only when the rules' concern is about the
# poster's own risk (not stalking, fear, an abuser's threats or someone else at risk).
_NEGATED_HARM = re.compile(
    r"\b(?:not|never|no longer|won't|wouldn't|don't|am not|will not|would not)\b"
    r"(?:\s+\S+){0,3}?\s+(?:kill|hurt|harm|end|die|cut|overdose|do it|jump)"
)
# "going to do something silly tonight and dye my hair pink": the euphemism with its everyday
# meaning spelled out. The rules read it as nothing; the model, which sees "do something silly
# tonight", must not raise it either.
_EVERYDAY_MEANING = re.compile(
    # ending a relationship, not a life: "end things with my boyfriend tonight"
    r"\bend(?:ing)? (?:things|it) with (?:my |him\b|her\b|them\b|the )|"
    r"\bdo something (?:silly|stupid|daft|crazy|wild|drastic|mad|reckless)\b[^.!?\n]{0,30}?"
    r"\b(?:and|like|i\.e\.|as in)\s+(?:\w+\s+)?(?:dye|dyed|cut|chop|shave|bleach|pierce|tattoo|get"
    r"|buy|book|order|eat|bake|quit|text|call|go|sign up|adopt|paint|move|try|enter|apply)\b"
)
# An everyday purpose stated in the post ("petrol for the car", "off to Spain on the early
# flight", "she's picking me up"): when the rules found nothing, the model says nothing either.
# Trained on goodbyes such as "I won't be here in the morning" it otherwise raises a trip.
_EVERYDAY_PURPOSE = re.compile(
    r"\b(?:flights?|flying (?:out|home|back|to)|holiday|hols|trip|picking me up|pick me up"
    r"|for the (?:car|van|mower|lawnmower|bbq|barbecue|generator|boat)|driving lesson|school run"
    r"|on the way home from (?:work|school|the shops)|(?:night|late|early|double) shifts?"
    r"|(?:key|lock)s?\b[^.!?\n]{0,15}\b(?:sticks?|is stuck|jams|is stiff|won't turn)|locksmith)\b"
)
_NOT_OWN_RISK = frozenset(
    {
        "stalking or monitoring",
        "fear of escalation",
        "abuser threatening self-harm to control",
        "someone else may be at risk",
        "recent attempt or suicidal thoughts",
        "anniversary of a suicide attempt",
    }
)
_TOKEN = re.compile(r"[a-z]+(?:'[a-z]+)?|\d+")


def features(normalised: str, char_n: int = 4) -> list[str]:
    """The sorted, distinct feature names of one normalised post."""
    words = _TOKEN.findall(normalised)
    found = {"w:" + w for w in words}
    found.update(f"b:{a} {b}" for a, b in pairwise(words))
    if char_n:
        for word in words:
            padded = f" {word} "
            found.update("c:" + padded[i : i + char_n] for i in range(len(padded) - char_n + 1))
    return sorted(found)


def scores(feats: list[str], weights: dict[str, list[float]], bias: list[float]) -> list[float]:
    """Softmax probabilities (in CLASSES order) for the given features, weights and bias."""
    scale = 1.0 / math.sqrt(len(feats)) if feats else 0.0
    logits = list(bias)
    for name in feats:
        row = weights.get(name)
        if row is not None:
            for k in range(len(logits)):
                logits[k] += row[k] * scale
    top = max(logits)
    exps = [math.exp(v - top) for v in logits]
    total = sum(exps)
    return [e / total for e in exps]


@lru_cache(maxsize=1)
def _model() -> dict[str, Any] | None:
    try:
        data = json.loads(MODEL_PATH.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(data, dict) or tuple(data.get("classes", ())) != CLASSES:
        return None
    return data


def probabilities(normalised_text: str) -> dict[str, float]:
    """Class probabilities for one normalised post; `{}` when the model file is absent."""
    model = _model()
    if model is None or not normalised_text:
        return {}
    feats = features(normalised_text, int(model.get("char_n", 4)))
    probs = scores(feats, model["weights"], model["bias"])
    return dict(zip(CLASSES, probs, strict=True))


def decide(level: str, probs: dict[str, float], thresholds: dict[str, float]) -> str:
    """The level after the model has had its say: never below the rules' `level`."""
    if not probs:
        return level
    crisis = probs["crisis"]
    flagged = probs["crisis"] + probs["concern"]
    proposed = "none"
    if crisis >= thresholds["none_to_crisis"] or (
        level == "concern" and crisis >= thresholds["concern_to_crisis"]
    ):
        proposed = "crisis"
    elif flagged >= thresholds["none_to_concern"]:
        proposed = "concern"
    return proposed if _ORDER[proposed] > _ORDER[level] else level


# The model says nothing about posts with fewer different words than this (normalised text).
MIN_WORDS = 6


def raise_level(
    normalised_text: str, level: str, reasons: tuple[str, ...] | list[str] = ()
) -> tuple[str, str | None]:
    """(new level, reason or None). The new level is never below `level`."""
    model = _model()
    if (
        model is None
        or level == "crisis"
        or _NEGATED_HARM.search(normalised_text)
        or _EVERYDAY_MEANING.search(normalised_text)
        or (level == "none" and _EVERYDAY_PURPOSE.search(normalised_text))
    ):
        return level, None
    if len(set(normalised_text.split())) < MIN_WORDS:
        # Too little to go on: the labelled sets hold almost no posts this short, so the
        # model's view of "he's asleep now" (or of "he's" said 4,000 times) is its bias, not
        # evidence. The rules still judge it.
        return level, None
    if level == "concern" and all(reason in _NOT_OWN_RISK for reason in reasons):
        return level, None
    new = decide(level, probabilities(normalised_text), model["thresholds"])
    if new == level:
        return level, None
    return new, REASON_CRISIS if new == "crisis" else REASON_CONCERN

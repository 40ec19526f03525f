"""Evaluate the crisis detector on labelled JSONL files and print the figures.

    python bench/crisis_eval.py [--all] [--rules] [--speed] [--blind] [FILE.jsonl ...]

Without files: the shared development set (a copy in tests/moderation/data/dev.jsonl)
and the project's own set (tests/moderation/data/crisis_extra.jsonl). `--all` adds every other
tests/moderation/data/crisis_*.jsonl. Each line: {"text": "...", "label": "crisis|concern|none"}.

For each file it prints the five target rates with PASS/FAIL, p50/p95 time per post, a confusion
matrix and the misclassified posts (truncated). Always exits 0: it is a benchmark, not a test.
`--rules` measures the rules alone, without the statistical model (the honest figure on wording
the model was trained on). `--speed` times pathological posts (walls of repeated words, emoji,
risk words) and prints the worst case; each should stay well under a second.
`--blind` prints the figures and the confusion matrix but never a post: for measuring a held-out
set without reading its misses (anyone who reads them can no longer judge a later round on it).
"""

import json
import random
import statistics
import sys
import time
import traceback
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from moderation import crisis  # noqa: E402
from moderation.crisis import Assessment, assess  # noqa: E402

LEVELS = ("crisis", "concern", "none")
DATA = ROOT / "tests" / "moderation" / "data"
DEV_SET = Path(__file__).resolve().parents[1] / "tests" / "moderation" / "data" / "dev.jsonl"
OWN_SET = DATA / "crisis_extra.jsonl"
# (name, label, assessed levels that count, comparison, goal in per cent)
TARGETS = [
    ("crisis posts -> crisis", "crisis", ("crisis",), ">=", 90.0),
    ("crisis posts -> crisis or concern", "crisis", ("crisis", "concern"), ">=", 97.0),
    ("concern posts flagged", "concern", ("crisis", "concern"), ">=", 80.0),
    ("none posts flagged", "none", ("crisis", "concern"), "<=", 10.0),
    ("none posts -> crisis", "none", ("crisis",), "<=", 3.0),
]
P95_GOAL_MS = 50.0
SHOWN_CHARS = 100


def _percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(share * (len(ordered) - 1))))
    return ordered[index]


def rules_only(text: str) -> Assessment:
    """The rules' verdict without the statistical model beside them."""
    normalised = crisis.normalise(crisis.collapse_repeats(text[: crisis.MAX_CHARS]))
    return crisis._decide(crisis._scan(normalised)) if normalised else Assessment()


# Walls of text that have been slow before: each is timed once (best of three).
PATHOLOGICAL = {
    '"he\'s " x 4000': "he's " * 4000,
    '"i\'m " x 4000': "i'm " * 4000,
    '"kill myself tonight " x 1000': "kill myself tonight " * 1000,
    "10,000 characters of emoji": "💊🔪😭" * 3333,
    '"my ex is outside with a knife, " x 330': "my ex is outside with a knife, " * 330,
    "20,000 letters without a space": "a" * 20_000,
}
# Walls that do not simply repeat (a repeated piece is cut to a few repeats before the scan, so
# the walls above no longer show the cost of the patterns): the dev set's posts run together,
# and emoji and risk words in a fixed pseudo-random order.
_RISK = ["💊", "🔪", "😭", "kill", "myself", "tonight", "he's", "outside", "knife", "pills", "i'm"]
_rng = random.Random(20261205)
PATHOLOGICAL["10,000 characters of dev posts run together"] = " ".join(
    json.loads(line)["text"] for line in DEV_SET.read_text(encoding="utf-8").splitlines() if line
)[:10_000]
PATHOLOGICAL["10,000 characters of shuffled emoji and risk words"] = " ".join(
    _rng.choice(_RISK) for _ in range(3000)
)[:10_000]


def speed(judge: Callable[[str], Assessment]) -> None:
    print("\n== worst-case speed (best of three, ms)")
    worst = 0.0
    for name, text in PATHOLOGICAL.items():
        best = float("inf")
        for _ in range(3):
            start = time.perf_counter()
            judge(text)
            best = min(best, (time.perf_counter() - start) * 1000)
        worst = max(worst, best)
        print(f"  {name:52s} {best:9.1f} ms")
    print(f"  worst {worst:.1f} ms   goal < 1000 ms   {'PASS' if worst < 1000 else 'FAIL'}")


def evaluate(
    path: Path, judge: Callable[[str], Assessment] = assess, *, blind: bool = False
) -> None:
    print(f"\n== {path}")
    if not path.exists():
        print("  missing: nothing to evaluate")
        return
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]
    matrix = {(label, level): 0 for label in LEVELS for level in LEVELS}
    times: list[float] = []
    wrong: list[tuple[str, str, str]] = []
    for row in rows:
        start = time.perf_counter()
        assessed = judge(row["text"]).level
        times.append((time.perf_counter() - start) * 1000)
        matrix[(row["label"], assessed)] += 1
        if assessed != row["label"]:
            wrong.append((row["label"], assessed, row["text"]))
    counts = {label: sum(matrix[(label, level)] for level in LEVELS) for label in LEVELS}
    print(f"  {len(rows)} posts: " + ", ".join(f"{counts[label]} {label}" for label in LEVELS))

    for name, label, levels, op, goal in TARGETS:
        total = counts[label]
        if not total:
            print(f"  {name:36s}    n/a   (no {label} posts)")
            continue
        value = 100 * sum(matrix[(label, level)] for level in levels) / total
        ok = value >= goal if op == ">=" else value <= goal
        print(f"  {name:36s} {value:6.1f} %   goal {op} {goal:g} %   {'PASS' if ok else 'FAIL'}")

    if times:
        p50, p95 = statistics.median(times), _percentile(times, 0.95)
        verdict = "PASS" if p95 <= P95_GOAL_MS else "FAIL"
        print(
            f"  time per post: p50 {p50:.3f} ms, p95 {p95:.3f} ms, max {max(times):.3f} ms"
            f"   goal p95 <= {P95_GOAL_MS:g} ms   {verdict}"
        )
    print("  confusion (rows: label; columns: assessed crisis / concern / none)")
    for label in LEVELS:
        print(f"    {label:8s}" + "".join(f"{matrix[(label, level)]:8d}" for level in LEVELS))
    if wrong and blind:
        print(f"  misclassified: {len(wrong)} (not shown: --blind)")
    elif wrong:
        print(f"  misclassified ({len(wrong)}):")
        for label, level, text in wrong:
            shown = text if len(text) <= SHOWN_CHARS else text[: SHOWN_CHARS - 1] + "…"
            print(f"    {label:8s} -> {level:8s} {shown!r}")


def main(argv: list[str]) -> None:
    flags = {"--all", "--rules", "--speed", "--blind"}
    args = [a for a in argv if a not in flags]
    judge = rules_only if "--rules" in argv else assess
    if "--rules" in argv:
        print("rules alone (the statistical model is not consulted)")
    files = [Path(a) for a in args] or ([] if "--speed" in argv else [DEV_SET, OWN_SET])
    if "--all" in argv:
        files += [p for p in sorted(DATA.glob("crisis_*.jsonl")) if p not in files]
    if "--speed" in argv:
        speed(judge)
    for path in files:
        try:
            evaluate(path, judge, blind="--blind" in argv)
        except Exception:  # a benchmark reports a broken file and carries on
            print(f"  could not evaluate {path}:")
            traceback.print_exc(file=sys.stdout)


if __name__ == "__main__":
    main(sys.argv[1:])
    sys.exit(0)

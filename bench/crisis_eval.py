"""Evaluate the crisis detector on labelled JSONL files and print the figures.

    .venv/bin/python bench/crisis_eval.py [FILE.jsonl ...]

Without arguments: the shared development set (../shared/crisis/dev.jsonl) and the project's
own sets in tests/moderation/data/. Each line: {"text": "...", "label": "crisis|concern|none"}.
Prints the five target rates with PASS/FAIL, p50/p95 time per post, a confusion matrix and
the misclassified posts. Always exits 0: it is a benchmark, not a test.
"""

import json
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from moderation.crisis import assess  # noqa: E402

LEVELS = ("crisis", "concern", "none")
DEFAULT_FILES = [
    ROOT.parent / "shared" / "crisis" / "dev.jsonl",
    ROOT / "tests" / "moderation" / "data" / "crisis_extra.jsonl",
    ROOT / "tests" / "moderation" / "data" / "crisis_holdout.jsonl",
    ROOT / "tests" / "moderation" / "data" / "crisis_fresh.jsonl",
    ROOT / "tests" / "moderation" / "data" / "crisis_unseen.jsonl",
    ROOT / "tests" / "moderation" / "data" / "crisis_unseen2.jsonl",
    # Never tuned against: the honest estimate of how the rules meet new wording.
    ROOT / "tests" / "moderation" / "data" / "crisis_unseen3.jsonl",
]


def evaluate(path: Path) -> None:
    rows = [json.loads(line) for line in path.read_text().splitlines() if line.strip()]
    matrix = {(t, p): 0 for t in LEVELS for p in LEVELS}
    times, wrong = [], []
    for row in rows:
        start = time.perf_counter()
        level = assess(row["text"]).level
        times.append((time.perf_counter() - start) * 1000)
        matrix[(row["label"], level)] += 1
        if level != row["label"]:
            wrong.append((row["label"], level, row["text"]))

    def share(label: str, predicted: tuple[str, ...]) -> float:
        total = sum(matrix[(label, p)] for p in LEVELS)
        return 100 * sum(matrix[(label, p)] for p in predicted) / total if total else float("nan")

    print(f"\n== {path} ({len(rows)} posts)")
    checks = [
        ("crisis posts -> crisis", share("crisis", ("crisis",)), ">=", 90),
        ("crisis posts -> crisis or concern", share("crisis", ("crisis", "concern")), ">=", 97),
        ("concern posts flagged", share("concern", ("crisis", "concern")), ">=", 80),
        ("none posts flagged", share("none", ("crisis", "concern")), "<=", 10),
        ("none posts -> crisis", share("none", ("crisis",)), "<=", 3),
    ]
    for name, value, op, goal in checks:
        ok = value >= goal if op == ">=" else value <= goal
        print(f"  {name:36s} {value:6.1f} %   goal {op} {goal} %   {'PASS' if ok else 'FAIL'}")
    p50 = statistics.median(times)
    p95 = statistics.quantiles(times, n=20)[-1] if len(times) > 1 else times[0]
    print(f"  time per post: p50 {p50:.3f} ms, p95 {p95:.3f} ms (goal p95 <= 50 ms)")
    print("  confusion (rows: label, columns: assessed crisis / concern / none)")
    for t in LEVELS:
        print(f"    {t:8s} " + " ".join(f"{matrix[(t, p)]:5d}" for p in LEVELS))
    if wrong:
        print("  misclassified:")
        for label, level, text in wrong:
            print(f"    {label:8s} -> {level:8s} {text[:90]!r}")


def main() -> None:
    files = [Path(a) for a in sys.argv[1:]] or [p for p in DEFAULT_FILES if p.exists()]
    for path in files:
        evaluate(path)


if __name__ == "__main__":
    main()

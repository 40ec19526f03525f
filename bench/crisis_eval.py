"""Evaluate the crisis detector on labelled JSONL files and print the figures.

    python bench/crisis_eval.py [--all] [FILE.jsonl ...]

Without files: the shared development set (a copy in tests/moderation/data/dev.jsonl)
and the project's own set (tests/moderation/data/crisis_extra.jsonl). `--all` adds every other
tests/moderation/data/crisis_*.jsonl. Each line: {"text": "...", "label": "crisis|concern|none"}.

For each file it prints the five target rates with PASS/FAIL, p50/p95 time per post, a confusion
matrix and the misclassified posts (truncated). Always exits 0: it is a benchmark, not a test.
"""

import json
import statistics
import sys
import time
import traceback
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from moderation.crisis import assess  # noqa: E402

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


def evaluate(path: Path) -> None:
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
        assessed = assess(row["text"]).level
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
    if wrong:
        print(f"  misclassified ({len(wrong)}):")
        for label, level, text in wrong:
            shown = text if len(text) <= SHOWN_CHARS else text[: SHOWN_CHARS - 1] + "…"
            print(f"    {label:8s} -> {level:8s} {shown!r}")


def main(argv: list[str]) -> None:
    args = [a for a in argv if a != "--all"]
    files = [Path(a) for a in args] or [DEV_SET, OWN_SET]
    if "--all" in argv:
        files += [p for p in sorted(DATA.glob("crisis_*.jsonl")) if p not in files]
    for path in files:
        try:
            evaluate(path)
        except Exception:  # a benchmark reports a broken file and carries on
            print(f"  could not evaluate {path}:")
            traceback.print_exc(file=sys.stdout)


if __name__ == "__main__":
    main(sys.argv[1:])
    sys.exit(0)

"""Time the crisis detector against an earlier version of it, and check they agree on every post.

    python bench/crisis_speed.py [--baseline REF] [--repeat N] [--random N] [--no-timing]

The earlier version is `moderation/crisis.py` and `moderation/crisis_model.py` as they are at
git `REF` (default `main`), loaded into a throw-away module beside the current one.

Agreement: (level, reasons) of both, and `normalise` with and without squeezing, on every post
of the shared development set and of every tests/moderation/data/*.jsonl file, and on `--random`
posts made up from their words and the words the rules look for. Posts that differ are shown,
except for the held-out sets (HELD_OUT), of which only the number of differences is printed:
their posts and per-post results are never printed or saved.

Timing (not on the held-out sets): each post is assessed `--repeat` times by each version in
turn; a post's time is the median of its runs. Prints mean / p50 / p95 / max per post for the
development set, all other labelled posts, and a few long posts, with the before → after ratio.
Exits 1 if any post differs, else 0.
"""

import argparse
import importlib.util
import json
import random
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from moderation import crisis  # noqa: E402

DATA = ROOT / "tests" / "moderation" / "data"
SHARED_DEV = ROOT.parent / "shared" / "crisis" / "dev.jsonl"
# Held-out evaluation sets: run over to count differences, never read, printed or saved.
HELD_OUT = frozenset({"crisis_blind10.jsonl", "crisis_blind12.jsonl"})
SHOWN_CHARS = 160

# An ordinary post of about 500 characters, with nothing for the rules to find.
BENIGN = (
    "Thank you all for the kind replies last week. I finally went to the support group at the "
    "community centre on Tuesday and it was easier than I expected. The facilitator was lovely "
    "and nobody made me talk until I was ready. My sister drove me there and we got coffee "
    "afterwards. I'm still getting used to living on my own, and some evenings are quiet, but "
    "the kids are settling in at their new school and I've started cooking proper meals again. "
    "Does anyone have tips for sleeping better? I keep waking at 4am."
)
_RISK = ["💊", "🔪", "😭", "kill", "myself", "tonight", "he's", "outside", "knife", "pills", "i'm"]


def _git_show(ref: str, path: str) -> str:
    command = ["git", "show", f"{ref}:{path}"]
    return subprocess.run(command, cwd=ROOT, check=True, capture_output=True, text=True).stdout  # noqa: S603


def _module(name: str, source: str, path: Path, **namespace: Any) -> ModuleType:
    spec = importlib.util.spec_from_loader(name, loader=None, origin=str(path))
    assert spec is not None
    module = importlib.util.module_from_spec(spec)
    module.__file__ = str(path)  # the model finds its JSON beside it
    module.__dict__.update(namespace)
    sys.modules[name] = module  # dataclasses look their module up
    exec(compile(source, f"{ref_label}:{path.name}", "exec"), module.__dict__)  # noqa: S102
    return module


ref_label = "baseline"


def load_baseline(ref: str) -> ModuleType:
    """`moderation.crisis` (with its model) as it is at git `ref`."""
    global ref_label
    ref_label = ref
    model = _module(
        "_baseline_crisis_model",
        _git_show(ref, "moderation/crisis_model.py"),
        ROOT / "moderation" / "crisis_model.py",
    )
    source = _git_show(ref, "moderation/crisis.py")
    import_line = "from moderation import crisis_model\n"
    if import_line not in source:
        raise SystemExit(f"{ref}:moderation/crisis.py does not import crisis_model as expected")
    return _module(
        "_baseline_crisis",
        source.replace(import_line, ""),
        ROOT / "moderation" / "crisis.py",
        crisis_model=model,
    )


def _texts(path: Path) -> list[str]:
    lines = path.read_text(encoding="utf-8").splitlines()
    return [json.loads(line)["text"] for line in lines if line.strip()]


def _outputs(module: ModuleType, text: str) -> tuple[Any, ...]:
    assessed = module.assess(text)
    return (
        assessed.level,
        list(assessed.reasons),
        module.normalise(text),
        module.normalise(text, squeeze=False),
    )


def _shown(text: str) -> str:
    return repr(text if len(text) <= SHOWN_CHARS else text[: SHOWN_CHARS - 1] + "…")


def compare(old: ModuleType, name: str, texts: list[str], *, held_out: bool) -> int:
    differing = 0
    for text in texts:
        before, after = _outputs(old, text), _outputs(crisis, text)
        if before == after:
            continue
        differing += 1
        if not held_out:
            print(f"    DIFFERS {_shown(text)}")
            print(f"      before {before[:2]}\n      after  {after[:2]}")
            if before[2:] != after[2:]:
                print("      (normalised text differs)")
    note = "  (held out: counts only)" if held_out else ""
    print(f"  {name:32s} {len(texts):6d} posts  {differing:4d} differ{note}")
    return differing


def random_posts(vocabulary: list[str], count: int, seed: int = 20261206) -> list[str]:
    rng = random.Random(seed)
    glue = [" ", " ", " ", ", ", ". ", "! ", "? ", "\n", " - ", ' "', '" ', " '", "' "]
    posts = []
    for _ in range(count):
        words = [rng.choice(vocabulary) for _ in range(rng.randint(3, 120))]
        posts.append("".join(word + rng.choice(glue) for word in words).strip())
    return posts


def _per_post(judge: Callable[[str], Any], text: str, repeat: int) -> float:
    runs = []
    for _ in range(repeat):
        start = time.perf_counter()
        judge(text)
        runs.append((time.perf_counter() - start) * 1000)
    return statistics.median(runs)


def _summary(times: list[float]) -> str:
    ordered = sorted(times)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    return (
        f"mean {statistics.fmean(times):7.3f}  p50 {statistics.median(times):7.3f}"
        f"  p95 {p95:7.3f}  max {max(times):7.3f} ms"
    )


def timing(old: ModuleType, name: str, texts: list[str], repeat: int) -> None:
    before: list[float] = []
    after: list[float] = []
    for text in texts:  # the two versions in turn, so that a busy moment slows both
        before.append(_per_post(old.assess, text, repeat))
        after.append(_per_post(crisis.assess, text, repeat))
    ratio = statistics.fmean(before) / statistics.fmean(after)
    print(f"  {name} ({len(texts)} posts)")
    print(f"    before {_summary(before)}")
    print(f"    after  {_summary(after)}")
    print(f"    mean before / after: {ratio:.2f}x")


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--baseline", default="main", help="git ref of the earlier version")
    parser.add_argument("--repeat", type=int, default=5, help="runs per post and version")
    parser.add_argument("--random", type=int, default=3000, help="made-up posts compared")
    parser.add_argument("--no-timing", action="store_true", help="only check agreement")
    args = parser.parse_args(argv)

    old = load_baseline(args.baseline)
    files = ([SHARED_DEV] if SHARED_DEV.exists() else []) + sorted(DATA.glob("*.jsonl"))
    print(f"== agreement with {args.baseline}: (level, reasons) and normalised text")
    differing = 0
    readable: dict[str, list[str]] = {}
    for path in files:
        held_out = path.name in HELD_OUT
        name = f"shared/{path.name}" if path == SHARED_DEV else path.name
        texts = _texts(path)
        differing += compare(old, name, texts, held_out=held_out)
        if not held_out:
            readable[name] = texts
    vocabulary = sorted(
        {word for texts in readable.values() for text in texts for word in text.split()}
    )
    vocabulary += _RISK * 20
    differing += compare(
        old, "made-up posts", random_posts(vocabulary, args.random), held_out=False
    )
    print(f"  total differing: {differing}")

    if not args.no_timing:
        dev = readable.get("shared/dev.jsonl") or readable["dev.jsonl"]
        rest = [text for name, texts in readable.items() if "dev" not in name for text in texts]
        rng = random.Random(20261205)
        long_posts = {
            "benign post, 508 characters": BENIGN,
            "benign posts run together, 2,000 characters": (BENIGN + " ") * 4,
            "dev posts run together, 10,000 characters": " ".join(dev)[:10_000],
            "shuffled emoji and risk words, 10,000 characters": " ".join(
                rng.choice(_RISK) for _ in range(3000)
            )[:10_000],
        }
        print(f"\n== time per post (median of {args.repeat} runs), before -> after")
        old.assess(BENIGN)  # load both models before timing
        crisis.assess(BENIGN)
        timing(old, "development set", dev, args.repeat)
        timing(old, "other labelled posts (not held out)", rest, max(1, args.repeat // 2))
        for name, text in long_posts.items():
            timing(old, name, [text], args.repeat * 4)
    return 1 if differing else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

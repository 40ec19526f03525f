"""Stepped load test of the local production stack; prints figures, asserts nothing.

Prepares the load-test accounts (prepare.py), then runs the Locust users of locustfile.py
headless, in-process, at increasing user counts. Each step ramps up, settles, and is then
measured on its own (statistics reset). It stops after the first step that misses the target
(p95 over 500 ms, or any error), and prints each step's request rate, p95 and errors, the
p95 of each page per step, and the highest request rate held with p95 <= 500 ms and no
errors. Results are also written to var/prod/load/result-<time>.json.

    make prod-up && make load                      # defaults: 7 steps of 45 s, about 6 minutes
    make load LOAD_ARGS="--users 10,20,40 --step-seconds 30"

Only a loopback host; the whole run is bounded (at most 10 minutes of steps).
"""

import argparse
import datetime as dt
import http.client
import json
import os
import subprocess
import sys
import time
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
RESULTS = ROOT / "var" / "prod" / "load"
P95_TARGET_MS = 500
MAX_TOTAL_SECONDS = 600


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--users", default="20,50,90,140,200,260,320", help="users per step")
    parser.add_argument("--step-seconds", type=int, default=45, help="length of each step")
    parser.add_argument("--settle-seconds", type=int, default=12, help="ramp-up, not measured")
    parser.add_argument("--all-steps", action="store_true", help="don't stop at the first miss")
    parser.add_argument("--skip-prepare", action="store_true")
    args = parser.parse_args()
    steps = [int(n) for n in args.users.split(",")]
    if args.step_seconds * len(steps) > MAX_TOTAL_SECONDS or args.step_seconds > 120:
        raise SystemExit(f"Keep steps short: at most {MAX_TOTAL_SECONDS} s in all.")
    if not 0 < args.settle_seconds < args.step_seconds:
        raise SystemExit("--settle-seconds must be shorter than --step-seconds.")

    host = f"http://127.0.0.1:{os.environ.get('PROD_WEB_PORT', '8000')}"
    check_stack(host)
    if not args.skip_prepare:
        subprocess.run(  # noqa: S603  (our own script, fixed arguments)
            [sys.executable, str(HERE / "prepare.py"), "--members", str(max(300, max(steps)))],
            check=True,
        )
    os.environ["LOAD_HOST"] = host
    results = run_steps(host, steps, args)
    report(results, host)


def check_stack(host: str) -> None:
    parts = urlsplit(host)
    connection = http.client.HTTPConnection(parts.hostname or "", parts.port, timeout=5)
    try:
        connection.request("GET", "/healthz")
        status = connection.getresponse().status
    except OSError:
        status = 0
    if status != 200:
        raise SystemExit(f"{host}/healthz does not answer 200: start the stack with make prod-up.")


def run_steps(host: str, steps: list[int], args: argparse.Namespace) -> list[dict[str, Any]]:
    # Locust monkey-patches the standard library with gevent when imported: import it here.
    import gevent
    from locust.env import Environment
    from locust.log import setup_logging

    sys.path.insert(0, str(HERE))
    import locustfile

    setup_logging("WARNING")
    env = Environment(
        user_classes=[
            locustfile.Visitor,
            locustfile.Member,
            locustfile.ReturningMember,
            locustfile.Moderator,
        ],
        host=host,
    )
    runner = env.create_local_runner()
    results = []
    previous = 0
    try:
        for users in steps:
            spawn_rate = max(1.0, (users - previous) / max(1, args.settle_seconds - 4))
            runner.start(users, spawn_rate=spawn_rate)
            gevent.sleep(args.settle_seconds)
            env.stats.reset_all()
            runner.exceptions = {}
            started = time.monotonic()
            load_before = os.getloadavg()[0]
            gevent.sleep(args.step_seconds - args.settle_seconds)
            step = snapshot(env, runner, users, time.monotonic() - started)
            step["loadavg_1m"] = round((load_before + os.getloadavg()[0]) / 2, 2)
            results.append(step)
            print_step(step)
            previous = users
            if not step["held"] and not args.all_steps:
                break
    finally:
        runner.quit()
    return results


def snapshot(env: Any, runner: Any, users: int, seconds: float) -> dict[str, Any]:
    total = env.stats.total
    errors = total.num_failures + sum(e["count"] for e in runner.exceptions.values())
    p95 = total.get_response_time_percentile(0.95) if total.num_requests else 0
    pages = {
        f"{entry.method} {entry.name}": {
            "requests": entry.num_requests,
            "failures": entry.num_failures,
            "p95_ms": entry.get_response_time_percentile(0.95),
        }
        for entry in sorted(env.stats.entries.values(), key=lambda e: (e.name, e.method))
        if entry.num_requests
    }
    return {
        "users": users,
        "seconds": round(seconds, 1),
        "requests": total.num_requests,
        "rps": round(total.num_requests / seconds, 1),
        "p95_ms": p95,
        "errors": errors,
        "error_kinds": [f"{e.method} {e.name}: {e.error}" for e in env.stats.errors.values()][:5],
        "held": bool(total.num_requests) and errors == 0 and p95 <= P95_TARGET_MS,
        "locust_cpu_percent": round(runner.current_cpu_usage),
        "pages": pages,
    }


def print_step(step: dict[str, Any]) -> None:
    verdict = "held" if step["held"] else "missed"
    print(
        f"{step['users']:>4} users: {step['rps']:>6.1f} req/s  p95 {step['p95_ms']:>5} ms  "
        f"errors {step['errors']:>3}  (load {step['loadavg_1m']}, locust CPU "
        f"{step['locust_cpu_percent']}%)  {verdict}",
        flush=True,
    )
    for kind in step["error_kinds"]:
        print(f"       {kind}")


def report(results: list[dict[str, Any]], host: str) -> None:
    held = [step for step in results if step["held"]]
    names = sorted({name for step in results for name in step["pages"]})
    width = max(len(name) for name in names) if names else 10
    print("\np95 (ms) of each page, per step (users):")
    print(" " * width + "".join(f"{step['users']:>7}" for step in results))
    for name in names:
        cells = "".join(
            f"{step['pages'][name]['p95_ms'] if name in step['pages'] else '-':>7}"
            for step in results
        )
        print(f"{name:<{width}}{cells}")
    print()
    if held:
        best = max(held, key=lambda step: step["rps"])
        print(
            f"Highest rate held (p95 <= {P95_TARGET_MS} ms, no errors): {best['rps']} req/s "
            f"with {best['users']} users (p95 {best['p95_ms']} ms)."
        )
    else:
        print(f"No step held p95 <= {P95_TARGET_MS} ms with no errors.")
    RESULTS.mkdir(parents=True, exist_ok=True)
    now = dt.datetime.now(dt.UTC)
    out = RESULTS / f"result-{now:%Y%m%dT%H%M%SZ}.json"
    machine = {"cores": os.cpu_count(), "host": host, "date": now.isoformat(timespec="seconds")}
    out.write_text(json.dumps({"machine": machine, "steps": results}, indent=1))
    print(f"Figures written to {out.relative_to(ROOT)}.")


if __name__ == "__main__":
    main()

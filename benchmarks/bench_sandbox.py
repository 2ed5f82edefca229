"""Sandbox start-up overhead: warm fork server vs a fresh interpreter per run.

    python -m benchmarks.bench_sandbox --out benchmarks/results/sandbox.json

Measures wall time per `solvers.sandbox.run` call as the caller sees it (work dir, isolation, run,
kill, clean-up included) for a program that only prints `{}`, one that imports cpmpy, and one that
solves a tiny cpmpy model; plus the fork server's first start and throughput from 8 threads.
The target for the trivial program is a median of at most 150 ms.
"""

from __future__ import annotations

import argparse
import datetime as _dt
import json
import logging
import os
import shlex
import statistics
import sys
import threading
import time
from pathlib import Path
from typing import Any

from benchmarks.provenance import git_commit
from benchmarks.provenance import machine as _machine
from solvers.sandbox import run

TARGET_MEDIAN_MS = 150.0
PRINT_JSON = "print('{}')\n"
IMPORT_CPMPY = "import cpmpy\nprint('{}')\n"
SOLVE_CPMPY = (
    "import json\nimport cpmpy as cp\nx = cp.intvar(0, 9, shape=4, name='x')\n"
    "m = cp.Model(cp.AllDifferent(x), cp.sum(x) == 20)\nm.maximize(x[0])\nassert m.solve()\n"
    "print(json.dumps({'x': [int(v) for v in x.value()]}))\n"
)


class _FallbackCounter(logging.Handler):
    """Counts warm runs that fell back to a fresh interpreter (they would distort the warm numbers)."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.count = 0

    def emit(self, record: logging.LogRecord) -> None:
        if "running cold" in record.getMessage():
            self.count += 1


def machine() -> dict[str, Any]:
    # root runs add a mount namespace and a uid switch per run, so say which this was
    return {**_machine(), "euid": os.geteuid()}


def stats_ms(seconds: list[float]) -> dict[str, float]:
    ms = sorted(s * 1000 for s in seconds)
    p90 = ms[min(len(ms) - 1, round(0.9 * (len(ms) - 1)))]
    return {
        "n": len(ms),
        "median_ms": round(statistics.median(ms), 1),
        "p90_ms": round(p90, 1),
        "mean_ms": round(statistics.fmean(ms), 1),
        "min_ms": round(ms[0], 1),
        "max_ms": round(ms[-1], 1),
    }


def time_runs(code: str, n: int, warm: bool) -> dict[str, float]:
    times = []
    for _ in range(n):
        start = time.perf_counter()
        res = run(code, warm=warm, timeout=120)
        times.append(time.perf_counter() - start)
        if res.status != "ok":
            raise SystemExit(f"benchmark program failed ({'warm' if warm else 'cold'}): {res.message}")
    return stats_ms(times)


def concurrent_throughput(threads: int, per_thread: int) -> dict[str, float]:
    failures: list[str] = []

    def work() -> None:
        for _ in range(per_thread):
            res = run(PRINT_JSON, timeout=60)
            if res.status != "ok":
                failures.append(res.message)

    pool = [threading.Thread(target=work) for _ in range(threads)]
    start = time.perf_counter()
    for t in pool:
        t.start()
    for t in pool:
        t.join()
    elapsed = time.perf_counter() - start
    if failures:
        raise SystemExit(f"concurrent runs failed: {failures[:3]}")
    total = threads * per_thread
    return {
        "threads": threads,
        "runs": total,
        "seconds": round(elapsed, 2),
        "runs_per_s": round(total / elapsed, 1),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", required=True, help="where to write the results JSON")
    parser.add_argument("--runs", type=int, default=50, help="runs of the trivial program per mode")
    parser.add_argument("--import-runs", type=int, default=10, help="runs of the cpmpy programs per mode")
    args = parser.parse_args(argv)
    fallbacks = _FallbackCounter()
    logging.getLogger("solvers.sandbox.api").addHandler(fallbacks)

    start = time.perf_counter()
    first = run(PRINT_JSON, timeout=120)  # starts the fork server: imports numpy, cpmpy, ortools
    server_start = time.perf_counter() - start
    if first.status != "ok":
        raise SystemExit(f"sandbox does not work here: {first.message}\n{first.stderr}")

    results: dict[str, Any] = {"first_warm_call_s": round(server_start, 3)}
    for name, code, n in (
        ("print_json", PRINT_JSON, args.runs),
        ("import_cpmpy", IMPORT_CPMPY, args.import_runs),
        ("solve_cpmpy", SOLVE_CPMPY, args.import_runs),
    ):
        results[name] = {"warm": time_runs(code, n, True), "cold": time_runs(code, n, False)}
        print(f"{name:>13}: warm {results[name]['warm']}\n{'':>13}  cold {results[name]['cold']}", flush=True)
    results["concurrent_warm_print_json"] = concurrent_throughput(8, 10)
    print(f"   concurrent: {results['concurrent_warm_print_json']}")
    results["warm_runs_fallen_back_to_cold"] = fallbacks.count  # 0 unless the fork server failed
    median = results["print_json"]["warm"]["median_ms"]
    results["target"] = {
        "what": "median wall time of a warm run of print('{}')",
        "max_median_ms": TARGET_MEDIAN_MS,
        "met": median <= TARGET_MEDIAN_MS,
    }
    report = {
        "benchmark": "sandbox start-up overhead",
        "command": " ".join(
            shlex.quote(a)
            for a in [sys.executable, "-m", "benchmarks.bench_sandbox", *(argv or sys.argv[1:])]
        ),
        "git_commit": git_commit(),
        "machine": machine(),
        "date": _dt.datetime.now(_dt.UTC).isoformat(timespec="seconds"),
        "results": results,
    }
    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(report, indent=2) + "\n")
    print(
        f"target median <= {TARGET_MEDIAN_MS} ms: {'met' if results['target']['met'] else 'NOT met'} ({median} ms)"
    )
    print(f"wrote {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

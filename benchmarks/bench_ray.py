"""Ray executor benchmark: scaling 1 -> 2 workers on CP-Bench scoring, and per-task overhead vs local.

    python -m benchmarks.bench_ray --limit 40 --out benchmarks/results/ray/bench.json

(a) Scaling: the CP-Bench ground-truth selfcheck (suite `cpbench-sia`, reference strategy, the suite's
    scorer) through a RayExecutor on a local Ray with 1 CPU, then with 2, on the same items, each into a
    fresh results folder. The clock covers the run only (Ray's start-up is excluded, and stated), and
    efficiency = T1 / (2 * T2).
(b) Overhead: a no-op task sent through `Executor.map` one at a time (window of one), `--calls` times,
    on the local process pool (2 workers) and on Ray (2 CPUs), after a warm-up; the median round trip of
    each and their difference. Both run in this process, side by side, so machine load hits both.
(c) An estimate of a full 164 x 3 x 10 CP-Bench evaluation on 1, 8 and 64 nodes from the measured
    per-item scoring time, with stated assumptions for the LLM side (see `estimate`).
"""

from __future__ import annotations

import argparse
import datetime as _dt
import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from benchmarks.executors import Executor, LocalProcessExecutor
from benchmarks.provenance import command_line, git_commit, machine
from benchmarks.runner import resolve_producer, run_suite, select_items
from benchmarks.suites.base import DataNotFoundError, data_dir, get_suite


def noop(x: int) -> int:
    return x


def round_trips(executor: Executor, calls: int, warmup: int = 5) -> list[float]:
    """Seconds per single-task map() call, after `warmup` calls that start workers and import code."""
    for i in range(warmup):
        list(executor.map(noop, [i]))
    times = []
    for i in range(calls):
        t = time.perf_counter()
        list(executor.map(noop, [i]))
        times.append(time.perf_counter() - t)
    return times


def overhead(calls: int) -> dict[str, Any]:
    from benchmarks.executors_ray import RayExecutor

    with LocalProcessExecutor(workers=2) as local:
        local_times = round_trips(local, calls)
    with RayExecutor(workers=2) as ray_ex:
        ray_times = round_trips(ray_ex, calls)
    ml, mr = statistics.median(local_times), statistics.median(ray_times)
    return {"calls": calls, "local_median_ms": 1000 * ml, "ray_median_ms": 1000 * mr,
            "ray_overhead_vs_local_ms": 1000 * (mr - ml), "target_ms": 20.0}


def scaling(limit: int | None, data: str | None) -> dict[str, Any]:
    from benchmarks.executors_ray import RayExecutor

    suite = get_suite("cpbench-sia")
    items = select_items(suite.items(data_dir(data)), limit=limit)
    produce = resolve_producer("reference", None, None, 1, suite)
    config = {"strategy": "reference", "llm": None, "target": None, "samples": 1}
    runs: dict[str, Any] = {}
    for workers in (1, 2):
        with RayExecutor(workers=workers) as ex:
            list(ex.map(noop, range(2 * workers)))  # Ray up and its workers started: not timed
            out = Path(tempfile.mkdtemp(prefix=f"optipilot-ray-{workers}-"))
            t = time.perf_counter()
            outcome = run_suite(suite, items, produce, out, config=config, executor=ex, progress=False)
            wall = time.perf_counter() - t
        runs[str(workers)] = {"wall_time": wall, "passed": outcome.summary["passed"], "items": len(items),
                              "item_time_sum": outcome.summary["item_time"]}
    t1, t2 = runs["1"]["wall_time"], runs["2"]["wall_time"]
    return {"suite": "cpbench-sia", "runs": runs, "speedup": t1 / t2, "efficiency": t1 / (2 * t2),
            "target_efficiency": 0.8}


def estimate(per_item_s: float, overhead_ms: float) -> dict[str, Any]:
    """Wall time of 164 problems x 3 frameworks x 10 samples = 4,920 units on 1, 8 and 64 nodes.

    Assumptions (stated, not measured here: no LLM is reachable from this machine): one LLM call per
    unit of 15 s latency and ~2,000 tokens; a provider limit of 500 requests/min and 16 concurrent
    calls per node's share of a cluster-wide limit of 64; nodes of 16 cores. Solver/sandbox time per
    unit is the measured mean CP-Bench ground-truth scoring time per item on this machine.
    """
    units = 164 * 3 * 10
    llm_latency, rpm_limit, concurrent_limit, cores = 15.0, 500.0, 64, 16
    out: dict[str, Any] = {"units": units, "assumptions": {
        "llm_latency_s": llm_latency, "provider_requests_per_minute": rpm_limit,
        "cluster_concurrent_llm_calls": concurrent_limit, "cores_per_node": cores,
        "solver_seconds_per_unit (measured)": per_item_s, "ray_overhead_ms (measured)": overhead_ms}}
    for nodes in (1, 8, 64):
        solver_h = units * (per_item_s + overhead_ms / 1000) / (nodes * cores) / 3600
        concurrency = min(concurrent_limit, nodes * 16)
        llm_h = max(units * llm_latency / concurrency, units / rpm_limit * 60) / 3600
        limit = "LLM rate limit" if llm_h >= solver_h else "solver time"
        out[f"{nodes}_nodes"] = {"hours": round(max(llm_h, solver_h), 2), "llm_hours": round(llm_h, 2),
                                 "solver_hours": round(solver_h, 2), "limited_by": limit}
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--limit", type=int, default=40, help="CP-Bench items for the scaling run")
    ap.add_argument("--calls", type=int, default=200, help="round trips for the overhead measurement")
    ap.add_argument("--data", default=None)
    ap.add_argument("--out", type=Path, default=None)
    args = ap.parse_args(argv)
    os.environ.setdefault("RAY_AUTH_MODE", "disabled")
    try:
        result: dict[str, Any] = {"overhead": overhead(args.calls), "scaling": scaling(args.limit, args.data)}
    except (KeyError, DataNotFoundError) as e:
        print(f"error: {e}", file=sys.stderr)
        return 2
    s = result["scaling"]["runs"]["1"]
    result["estimate"] = estimate(s["item_time_sum"] / max(1, s["items"]),
                                  result["overhead"]["ray_overhead_vs_local_ms"])
    result.update(command=command_line(), git_commit=git_commit(), machine=machine(),
                  load_average=os.getloadavg(), date=_dt.datetime.now(_dt.UTC).isoformat(timespec="seconds"))
    text = json.dumps(result, indent=2)
    print(text)
    if args.out:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(text + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())

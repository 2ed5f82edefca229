"""Neur2RO benchmark: the robust-knapsack suite, and Neur2RO against exact CCG side by side.

    python -m benchmarks.bench_neur2ro --per-stratum 2 --exact-count 6 --out benchmarks/results/neur2ro

(a) `robust-knapsack` with the `neur2ro` solver through the runner (results.jsonl, summary.json with
    median_gap, median_time, count and per size) on a stratified sample: `--per-stratum K` instances of
    every (n, correlation, Gamma) stratum, fixed seed (K = 2: 168 of the 504, every n, correlation and
    Gamma). Gaps are to the branch-and-price best primal bound shipped with the data; the profit of each
    decision is its exact worst case, recomputed by the scorer.
(b) On `--exact-count` instances with n >= 50 from that sample, exact CCG (true second stage, time limit
    `--exact-time`) and Neur2RO (`--time-limit`), one after the other in this process: times, gaps (both
    rescored exactly), the speed ratio, and when exact CCG's incumbent first came within 2 % of the bound.
(c) `--parts polish --sizes 20`: the local-search polish before/after on the sample's instances of those
    sizes, from one run each: the CCG's best x (before, recorded by neur2ro) and the polished x (after),
    both scored by the exact worst case, gaps to the branch-and-price bound (polish.json).

Capital budgeting (`--problem capital`): the `robust-capital` suite (generated, fixed seeds, n = 10..50,
`--per-size` per n), scored against exact CCG run on each item in the same benchmark:

    python -m benchmarks.bench_neur2ro --problem capital --per-size 2 --time-limit 20 --exact-time 45 \
        --workers 1 --out benchmarks/results/neur2ro-capital
"""

from __future__ import annotations

import argparse
import datetime as _dt
import json
import os
import statistics
import time
from pathlib import Path
from typing import Any

import numpy as np

from benchmarks.executors import make_executor
from benchmarks.provenance import command_line, git_commit, machine
from benchmarks.runner import resolve_producer, run_suite
from benchmarks.suites.base import data_dir, get_suite


def compare(items: list[Any], time_limits: list[float], exact_time: float, target: float = 0.02) -> dict[str, Any]:
    """Neur2RO (once per limit in `time_limits`) and exact CCG (limit `exact_time`) on each item, one after
    the other; every decision rescored by the exact worst case. Two clocks per run: `time`, until the
    method returned (exact CCG: proof of optimality or its limit), and `time_to_target`, when its incumbent
    first came within `target` of the branch-and-price bound (from its trace; None when it never did)."""
    from solvers.neur2ro import parse_instance, solve, worst_case

    def reached(trace: list[tuple[float, float]], bound: float) -> float | None:
        hit = [t for t, profit in trace if (bound - profit) / abs(bound) <= target]
        return hit[0] if hit else None

    runs = [(f"neur2ro-{limit:g}s", "neur2ro", limit) for limit in time_limits] + [("exact-ccg", "exact-ccg", exact_time)]
    rows = []
    for item in items:
        bound = item.data["bp_bound"]
        out: dict[str, Any] = {"id": item.id, "n": item.data["n"], "bp_bound": bound}
        for name, method, limit in runs:
            inst = parse_instance(item.data["text"], item.id)
            t = time.perf_counter()
            r = solve(inst, method=method, time_limit=limit)
            wall = time.perf_counter() - t
            profit = -worst_case(inst, np.asarray(r.x, float))[0]  # rescored, not trusted
            out[name] = {"gap": (bound - profit) / abs(bound), "time": wall, "optimal": r.optimal,
                         "time_to_target": reached(r.trace, bound), "time_to_best": r.trace[-1][0] if r.trace else None}
        rows.append(out)
        print(json.dumps(out), flush=True)

    def med(name: str, key: str) -> float | None:
        vals = [r[name][key] for r in rows if r[name][key] is not None]
        return statistics.median(vals) if vals else None

    exact = [r["exact-ccg"] for r in rows]
    per_limit = {}
    inf = float("inf")

    def target_ratio(e: dict[str, Any], o: dict[str, Any]) -> float:
        """Exact CCG's time to the target over Neur2RO's; one that never got there counts as infinitely
        slow (Neur2RO never: 0, whatever exact CCG did)."""
        return (e["time_to_target"] or inf) / o["time_to_target"] if o["time_to_target"] else 0.0

    for name, _, _ in runs[:-1]:
        own = [r[name] for r in rows]
        per_limit[name] = {
            "median_gap": statistics.median(o["gap"] for o in own), "median_time": med(name, "time"),
            "within_target": sum(o["gap"] <= target for o in own),
            "median_time_to_target": statistics.median(o["time_to_target"] or inf for o in own),
            # exact CCG's time to finish (proof, or its limit: a lower bound then) over Neur2RO's
            "finish_ratio_median": statistics.median(e["time"] / o["time"] for e, o in zip(exact, own, strict=True)),
            "target_ratio_median": statistics.median(target_ratio(e, o) for e, o in zip(exact, own, strict=True))}
    return {"rows": rows, "time_limits": time_limits, "exact_time_limit": exact_time, "target_gap": target,
            "neur2ro": per_limit, "exact_median_time": med("exact-ccg", "time"),
            "exact_median_gap": statistics.median(e["gap"] for e in exact),
            "exact_median_time_to_target": statistics.median(e["time_to_target"] or inf for e in exact),
            "exact_proven_optimal": sum(e["optimal"] for e in exact),
            "exact_reached_target": sum(e["time_to_target"] is not None for e in exact)}


def polish_compare(items: list[Any], time_limit: float) -> dict[str, Any]:
    """Neur2RO with its polish on each item; before = the CCG's best x, after = the polished x (exact)."""
    from solvers.neur2ro import parse_instance, solve, worst_case

    rows = []
    for item in items:
        inst = parse_instance(item.data["text"], item.id)
        r = solve(inst, time_limit=time_limit, polish=True)
        last = r.history[-1] if r.history and "polish_before" in r.history[-1] else None
        before = -last["polish_before"] if last else r.profit
        after = -worst_case(inst, np.asarray(r.x, float))[0]  # rescored, not trusted
        bound = item.data["bp_bound"]
        rows.append({"id": item.id, "n": item.data["n"], "bp_bound": bound, "profit_before": before,
                     "profit_after": after, "gap_before": (bound - before) / abs(bound),
                     "gap_after": (bound - after) / abs(bound), "time_before": last["ccg_seconds"] if last else r.time,
                     "time_after": r.time, "exact_evaluations": last["polish_exact_evaluations"] if last else 0})
        print(json.dumps(rows[-1]), flush=True)  # progress (and the rows, should the run be stopped)
    return {"rows": rows, "time_limit": time_limit,
            "median_gap_before": statistics.median(r["gap_before"] for r in rows),
            "median_gap_after": statistics.median(r["gap_after"] for r in rows),
            "mean_gap_before": statistics.mean(r["gap_before"] for r in rows),
            "mean_gap_after": statistics.mean(r["gap_after"] for r in rows),
            "improved": sum(r["profit_after"] > r["profit_before"] + 1e-6 for r in rows),
            "median_time_before": statistics.median(r["time_before"] for r in rows),
            "median_time_after": statistics.median(r["time_after"] for r in rows)}


def capital(args: argparse.Namespace) -> int:
    import benchmarks.suites.robust_capital  # noqa: F401  (registers the suite)

    suite = get_suite("robust-capital", per_size=args.per_size, time_limit=args.time_limit,
                      exact_time=args.exact_time, eval_time=args.eval_time)
    items = list(suite.items(None))
    summaries = {}
    for method in args.methods:
        produce = resolve_producer(method, None, None, 1, suite)
        config = {"strategy": method, "llm": None, "target": None, "samples": 1,
                  "suite_options": {"per_size": args.per_size, "time_limit": args.time_limit,
                                    "exact_time": args.exact_time, "eval_time": args.eval_time}}
        with make_executor(args.workers) as ex:
            outcome = run_suite(suite, items, produce, args.out / method, config=config, executor=ex,
                                progress=False, retry_errors=args.retry_errors)
        summaries[method] = outcome.summary
        print(f"{method}: median gap to exact CCG {outcome.summary.get('median_gap')}")
    result = {"summaries": summaries, "settings": vars(args) | {"out": str(args.out)}, "command": command_line(),
              "git_commit": git_commit(), "machine": machine(), "load_average": os.getloadavg(),
              "date": _dt.datetime.now(_dt.UTC).isoformat(timespec="seconds")}
    (args.out / "bench.json").write_text(json.dumps(result, indent=2, default=str) + "\n")
    return 0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--per-stratum", type=int, default=2)
    ap.add_argument("--time-limit", type=float, default=30.0)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--exact-count", type=int, default=6)
    ap.add_argument("--exact-time", type=float, default=120.0)
    ap.add_argument("--compare-limits", type=float, nargs="+", default=None,
                    help="Neur2RO time limits for --parts compare (default: --time-limit)")
    ap.add_argument("--data", default=None)
    ap.add_argument("--out", type=Path, required=True)
    ap.add_argument("--retry-errors", action="store_true", help="on resume, redo items that ended in an error")
    ap.add_argument("--parts", nargs="+", default=["suite", "compare"], choices=("suite", "compare", "polish"))
    ap.add_argument("--sizes", type=int, nargs="+", default=[20], help="instance sizes for --parts polish")
    ap.add_argument("--problem", choices=("knapsack", "capital"), default="knapsack")
    ap.add_argument("--per-size", type=int, default=2, help="capital: instances per n")
    ap.add_argument("--eval-time", type=float, default=5.0, help="capital: seconds per worst-case evaluation")
    ap.add_argument("--methods", nargs="+", default=["neur2ro"], help="capital: solvers to run")
    args = ap.parse_args(argv)
    try:  # one thread: the 2-core host is shared, and the timings should not depend on its load pattern
        import torch

        torch.set_num_threads(1)
    except ImportError:
        pass
    if args.problem == "capital":
        return capital(args)
    suite = get_suite("robust-knapsack", per_stratum=args.per_stratum, time_limit=args.time_limit)
    items = list(suite.items(data_dir(args.data)))
    produce = resolve_producer("neur2ro", None, None, 1, suite)
    config = {"strategy": "neur2ro", "llm": None, "target": None, "samples": 1,
              "suite_options": {"per_stratum": args.per_stratum, "time_limit": args.time_limit}}
    summary: dict[str, Any] | None = None
    if "polish" in args.parts:
        picked = [it for it in items if it.data["n"] in args.sizes]
        side = polish_compare(picked, args.time_limit)
        side |= {"settings": vars(args) | {"out": str(args.out)}, "command": command_line(), "git_commit": git_commit(),
                 "machine": machine(), "load_average": os.getloadavg(),
                 "date": _dt.datetime.now(_dt.UTC).isoformat(timespec="seconds")}
        args.out.mkdir(parents=True, exist_ok=True)
        (args.out / "polish.json").write_text(json.dumps(side, indent=2, default=str) + "\n")
        print(f"polish on {len(picked)}: median gap {side['median_gap_before']:.2%} -> {side['median_gap_after']:.2%}, "
              f"improved {side['improved']}")
    if "suite" in args.parts:
        with make_executor(args.workers) as ex:
            outcome = run_suite(suite, items, produce, args.out / "suite", config=config, executor=ex, progress=False,
                                retry_errors=args.retry_errors)
        summary = outcome.summary
    if "compare" not in args.parts:
        return 0
    big = compare_pick(items, args.exact_count)
    side = compare(big, args.compare_limits or [args.time_limit], args.exact_time)
    result = {"suite_summary": summary, "neur2ro_vs_exact_ccg": side, "settings": vars(args) | {"out": str(args.out)},
              "command": command_line(), "git_commit": git_commit(), "machine": machine(),
              "load_average": os.getloadavg(), "date": _dt.datetime.now(_dt.UTC).isoformat(timespec="seconds")}
    name = "bench.json" if summary is not None else "compare.json"
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / name).write_text(json.dumps(result, indent=2, default=str) + "\n")
    for name, m in side["neur2ro"].items():
        print(f"{name} vs exact CCG on {len(big)} (n >= 50): gap {m['median_gap']:.2%} vs {side['exact_median_gap']:.2%}, "
              f"finish {m['finish_ratio_median']:.1f}x, time to {side['target_gap']:.0%} {m['target_ratio_median']:.2f}x")
    return 0


def compare_pick(items: list[Any], count: int) -> list[Any]:
    """`count` instances with n >= 50 for the exact-CCG comparison, spread over the sizes and, in turn,
    over the correlation types and Gammas (a plain stride through the sorted list gave one type only)."""
    big = [it for it in items if it.data["n"] >= 50]
    sizes = sorted({it.data["n"] for it in big})
    corrs = sorted({it.data["correlation"] for it in big})
    picked: list[Any] = []
    for j in range(count):
        n, corr = sizes[j % len(sizes)], corrs[j % len(corrs)]
        pool = [it for it in big if it.data["n"] == n and it.data["correlation"] == corr and it not in picked]
        pool = pool or [it for it in big if it not in picked]
        if not pool:
            break
        picked.append(pool[(j // len(sizes)) % len(pool)])
    return picked


if __name__ == "__main__":
    raise SystemExit(main())

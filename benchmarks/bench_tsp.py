"""TSP benchmark: our heatmap + MCTS solver and LKH-3 side by side on the same instances, same process.

    python -m benchmarks.bench_tsp --n 500 --count 8 --time-factor 0.02 --out benchmarks/results/tsp500
    python -m benchmarks.bench_tsp --n 500 --count 4 --curve --out runs/tsp500-curve

Per instance it runs our solver (time limit T = time_factor * n seconds, or --time) and then LKH-3
(elkai; settings from solvers.tsp.baseline.default_settings, recorded in every row); the gap is
our length / LKH length - 1, both as Euclidean float lengths. Writes results.jsonl (one row per
instance and heatmap), summary.json (mean gap and time per heatmap, LKH settings and time, peak memory,
command, machine, date, git commit) and, with --curve, gap_vs_time.png over T in {0.01, 0.02, 0.05, 0.1} n.
Data: $OPTIPILOT_DATA/tsp/tsp{N}_test.zip (or --data DIR).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import resource
from pathlib import Path
from typing import Any

import numpy as np

from benchmarks.runner import command_line, git_commit, machine
from benchmarks.suites.base import DataNotFoundError, data_dir

CURVE_FACTORS = (0.01, 0.02, 0.05, 0.1)


def instance_file(root: Path, n: int) -> Path:
    f = root / "tsp" / f"tsp{n}_test.zip"
    if not f.is_file():
        raise DataNotFoundError(f"{f} is missing: the TSP test sets live in $OPTIPILOT_DATA/tsp/tsp{{500,1000,10000}}_test.zip.")
    return f


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0  # Linux reports KiB


def run(args: argparse.Namespace) -> dict[str, Any]:
    from solvers.tsp import read_instances, solve, solve_lkh
    from solvers.tsp.baseline import default_settings

    root = data_dir(args.data)
    insts = read_instances(instance_file(root, args.n))[args.start:args.start + args.count]
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    factors = CURVE_FACTORS if args.curve else (args.time_factor,)
    heatmaps = args.heatmap
    rows: list[dict[str, Any]] = []
    # warm the numba cache on a tiny instance so compilation never eats an instance's time budget
    solve(np.random.default_rng(0).random((50, 2)), time_limit=0.2)
    with open(out / "results.jsonl", "w") as fh:
        for inst in insts:
            n = len(inst.coords)
            ours: list[dict[str, Any]] = []
            for factor in factors:
                limit = args.time if args.time is not None and not args.curve else factor * n
                for hm in heatmaps:
                    extra = {} if args.restart_per_city is None else {"restart_per_city": args.restart_per_city}
                    r = solve(inst.coords, heatmap=hm, time_limit=limit, seed=args.seed, restart=args.restart, **extra)
                    ours.append({"heatmap": hm, "restart": args.restart, "time_factor": factor, "time_limit": limit, "length": r.length,
                                 "time": r.time, "timings": r.timings, "stats": r.stats,
                                 "peak_rss_mb_after": peak_rss_mb()})
            settings = default_settings(n, args.lkh_time)
            lkh = solve_lkh(inst.coords, **settings)
            for o in ours:
                row = {"id": inst.name, "n": n, **o, "lkh_length": lkh.length, "lkh_time": lkh.time,
                       "lkh_settings": lkh.settings, "gap": o["length"] / lkh.length - 1.0}
                rows.append(row)
                fh.write(json.dumps(row) + "\n")
                fh.flush()
                print(f"{inst.name} {o['heatmap']:8s} T={o['time_limit']:.1f}s ours {o['length']:.4f} "
                      f"({o['time']:.1f}s) LKH {lkh.length:.4f} ({lkh.time:.1f}s) gap {100 * row['gap']:.2f}%",
                      flush=True)
    summary = summarize(rows, args)
    (out / "summary.json").write_text(json.dumps(summary, indent=2))
    if args.curve:
        plot_curve(rows, out / "gap_vs_time.png", args.n)
    return summary


def summarize(rows: list[dict[str, Any]], args: argparse.Namespace) -> dict[str, Any]:
    groups: dict[str, dict[str, Any]] = {}
    for r in rows:
        key = f"{r['heatmap']}@{r['time_limit']:g}s"
        groups.setdefault(key, {"gaps": [], "times": [], "stage": {}})
        g = groups[key]
        g["gaps"].append(r["gap"])
        g["times"].append(r["time"])
        for stage, sec in r["timings"].items():
            g["stage"][stage] = g["stage"].get(stage, 0.0) + sec
    by = {
        key: {"mean_gap": float(np.mean(g["gaps"])), "max_gap": float(np.max(g["gaps"])),
              "mean_time": float(np.mean(g["times"])), "count": len(g["gaps"]),
              "mean_stage_seconds": {s: v / len(g["gaps"]) for s, v in g["stage"].items()}}
        for key, g in groups.items()
    }
    first = next(iter(by.values()), {"mean_gap": None, "mean_time": None, "count": 0})
    lkh = {r["id"]: (r["lkh_time"], r["lkh_settings"]) for r in rows}
    return {
        "suite": f"tsp{args.n}", "instances": f"{args.start}..{args.start + args.count - 1}",
        "restart": args.restart, "restart_per_city": args.restart_per_city,
        "mean_gap": first["mean_gap"], "mean_time": first["mean_time"], "count": first["count"],
        "primary": next(iter(by), None), "by_setting": by,
        "lkh_mean_time": float(np.mean([t for t, _ in lkh.values()])) if lkh else None,
        "lkh_settings": next(iter(lkh.values()))[1] if lkh else None,
        "peak_rss_mb": peak_rss_mb(), "command": command_line(), "machine": machine(),
        "date": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"), "git_commit": git_commit(),
    }


def plot_curve(rows: list[dict[str, Any]], path: Path, n: int) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(6, 4))
    for hm in sorted({r["heatmap"] for r in rows}):
        pts = sorted({r["time_factor"] for r in rows if r["heatmap"] == hm})
        xs = [np.mean([r["time"] for r in rows if r["heatmap"] == hm and r["time_factor"] == f]) for f in pts]
        ys = [100 * np.mean([r["gap"] for r in rows if r["heatmap"] == hm and r["time_factor"] == f]) for f in pts]
        ax.plot(xs, ys, marker="o", label=hm)
    lkh_t = np.mean([r["lkh_time"] for r in rows])
    ax.axvline(lkh_t, color="grey", linestyle="--", label=f"LKH-3 time ({lkh_t:.1f}s)")
    ax.set_xlabel("seconds per instance")
    ax.set_ylabel("gap to LKH-3 (%)")
    ax.set_title(f"TSP-{n}: heatmap + MCTS vs LKH-3 ({len({r['id'] for r in rows})} instances)")
    ax.grid(alpha=0.3)
    ax.legend()
    fig.tight_layout()
    fig.savefig(path, dpi=120)
    plt.close(fig)


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, choices=(500, 1000, 10000), required=True)
    ap.add_argument("--count", type=int, default=8, help="instances (from --start)")
    ap.add_argument("--start", type=int, default=0)
    ap.add_argument("--time-factor", type=float, default=0.02, help="our time limit T = factor * n seconds")
    ap.add_argument("--time", type=float, default=None, help="absolute time limit per instance (overrides)")
    ap.add_argument("--curve", action="store_true", help=f"run T in {CURVE_FACTORS} x n and plot gap vs time")
    ap.add_argument("--heatmap", nargs="+", default=["softdist"], choices=("softdist", "knn"))
    ap.add_argument("--restart", choices=("kick", "sample"), default="kick",
                    help="when the search is stuck: kick the best tour, or sample a new one (Fu et al.)")
    ap.add_argument("--restart-per-city", type=float, default=None,
                    help="restart after this many fruitless simulations per city (default: the solver's)")
    ap.add_argument("--lkh-time", type=float, default=None, help="LKH TIME_LIMIT (default: none up to n = 2000)")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--data", default=None, help="data folder (default $OPTIPILOT_DATA)")
    ap.add_argument("--out", required=True)
    args = ap.parse_args(argv)
    try:
        s = run(args)
    except DataNotFoundError as e:
        raise SystemExit(f"error: {e}") from None
    print(json.dumps({k: s[k] for k in ("suite", "mean_gap", "mean_time", "count", "by_setting", "lkh_mean_time",
                                        "peak_rss_mb")}, indent=2))


if __name__ == "__main__":
    main()

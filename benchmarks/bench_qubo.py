"""QUBO benchmark: slack-free Lagrangian vs slack penalty (MDKP), vs a fixed penalty (MIS), small TSP.

    python -m benchmarks.bench_qubo --out benchmarks/results/qubo

Every method gets the same sampler budget per instance: `--calls` simulated-annealing calls of
`--reads` reads (1,000 sweeps each). References are OR-Tools CP-SAT run here (2 workers, `--ref-time`
seconds; whether it proved optimality is recorded). Writes bench.json (every row, settings, machine,
date, commit), tables.md and plots (feasibility and gap per method, variables per encoding).

- MDKP n = 100, m = 5, tightness 0.25 / 0.5 / 0.75, seeds 0-2. The slack encoding's penalty weight is
  tuned first, and so is the augmented Lagrangian's starting rho: each over a grid of multiples of its
  default, on separate instances (every tightness, seeds 100, 101), by one rule (`_score`: a solution
  everywhere, mean gap within 2 %, then feasibility rate, then gap); the grids and the choices are
  recorded. The Lagrangian methods start from the LP
  relaxation's duals; two more rows: the plain subgradient from zero multipliers (the earlier default)
  and a "cautious" subgradient whose steps from feasible samples are scaled by FEASIBLE_STEP.
- MIS n = 200, p = 0.05 / 0.1, seeds 0-1: Lagrangian updates against fixed penalties P in {0.5, 1, 2}.
- TSP n in {5, 6, 8, 10}, seeds 0-4: how often SA reaches the CP-SAT optimum; QAOA on n = 3, 4, 5, 6, 8
  (4 to 49 qubits; the statevector is exact up to 20 qubits, a bond-dimension-8 MPS beyond).
- Variables: slack vs slack-free counts over the whole MDKP and MIS grids.
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

from benchmarks.provenance import command_line, git_commit, machine

METHODS = ("subgradient", "bundle", "cutting-plane", "alm")
FEASIBLE_STEP = 0.03  # "cautious" subgradient: steps taken from a feasible sample are scaled by this
TARGET_GAP = 0.02
SLACK_GRID = (0.25, 0.5, 1.0, 2.0, 4.0)  # multiples of default_slack_penalty
ALM_GRID = (0.1, 0.3, 1.0, 3.0, 10.0)  # multiples of the ALM's default starting rho
# QAOA (p = 1) on TSP n: (n - 1)^2 qubits once city 0 is fixed first; COBYLA iterations per size (each
# costs a full simulation: exact statevector up to 20 qubits, matrix product states beyond).
QAOA_RUNS = ((3, 40), (4, 40), (5, 20), (6, 10), (8, 8))


def _row(problem: Any, label: str, r: Any, ref: tuple[float, bool]) -> dict[str, Any]:
    from solvers.qubo import gap

    g = gap(problem, r.objective, ref[0])
    return {"instance": problem.name, "method": label, "num_variables": r.num_variables, "feasible": r.feasible,
            "feasibility_rate": r.feasibility_rate, "objective": r.objective, "reference": ref[0],
            "reference_proven": ref[1], "gap": g, "optimal": g is not None and g <= 1e-9,
            "sampler_calls": r.sampler_calls, "reads": r.reads, "time": r.time, "settings": r.settings}


def _score(rows: list[dict[str, Any]]) -> tuple[int, bool, float, float]:
    """One rule for both encodings, the issue's target in order: a solution on every instance, a mean
    gap within 2 %, then the feasibility rate as sampled, then the mean gap."""
    gaps = [r["gap"] for r in rows if r["gap"] is not None]
    mean_gap = statistics.mean(gaps) if gaps else 1e9
    rate = statistics.mean(r["feasibility_rate"] for r in rows)
    return (len(gaps), mean_gap <= TARGET_GAP, rate, -mean_gap)


def mdkp(calls: int, reads: int, ref_time: float) -> dict[str, Any]:
    from solvers.qubo import exact_optimum, generate_mdkp, solve
    from solvers.qubo.solve import default_slack_penalty, method_scales

    tune = [generate_mdkp(100, 5, t, seed=s) for t in (0.25, 0.5, 0.75) for s in (100, 101)]
    tune_refs = [exact_optimum(p, ref_time) for p in tune]

    def tuning(grid: tuple[float, ...], run: Any) -> tuple[float, dict[str, Any]]:
        scores = {f: _score([_row(p, "", run(p, f), ref) for p, ref in zip(tune, tune_refs, strict=True)])
                  for f in grid}
        table = {str(f): {"solved": v[0], "gap_within_target": v[1], "feasibility_rate": v[2],
                          "mean_gap": -v[3]} for f, v in scores.items()}
        return max(scores, key=lambda f: scores[f]), table

    def slack(p: Any, f: float) -> Any:
        return solve(p, "slack", iterations=calls, reads=reads, penalty=f * default_slack_penalty(p))

    def alm(p: Any, f: float) -> Any:
        return solve(p, "lagrangian", "alm", iterations=calls, reads=reads, rho=f * method_scales(p)[1])

    factor, slack_tuning = tuning(SLACK_GRID, slack)
    rho_factor, alm_tuning = tuning(ALM_GRID, alm)
    rows = []
    for t in (0.25, 0.5, 0.75):
        for s in (0, 1, 2):
            p = generate_mdkp(100, 5, t, seed=s)
            ref = exact_optimum(p, ref_time)
            rows.append(_row(p, "slack", slack(p, factor), ref))
            for m in METHODS:
                r = alm(p, rho_factor) if m == "alm" else solve(p, "lagrangian", m, iterations=calls, reads=reads)
                rows.append(_row(p, f"lagrangian-{m}", r, ref))
            rows.append(_row(p, "lagrangian-subgradient-cautious", solve(
                p, "lagrangian", "subgradient", iterations=calls, reads=reads, feasible_step=FEASIBLE_STEP), ref))
            rows.append(_row(p, "lagrangian-subgradient-zero-start", solve(
                p, "lagrangian", "subgradient", iterations=calls, reads=reads, warm_start="zero"), ref))
    return {"rows": rows, "slack_penalty_factor": factor, "slack_penalty_tuning": slack_tuning,
            "alm_rho_factor": rho_factor, "alm_rho_tuning": alm_tuning,
            "tuning_rule": _score.__doc__.replace("\n    ", " ").strip()}


def mis(calls: int, reads: int, ref_time: float) -> dict[str, Any]:
    from solvers.qubo import exact_optimum, generate_mis, solve

    rows = []
    for prob in (0.05, 0.1):
        for s in (0, 1):
            p = generate_mis(200, prob, seed=s)
            ref = exact_optimum(p, ref_time)
            for pen in (0.5, 1.0, 2.0):
                rows.append(_row(p, f"fixed-penalty-{pen:g}", solve(p, "penalty", iterations=calls, reads=reads,
                                                                    penalty=pen), ref))
            rows.append(_row(p, "slack", solve(p, "slack", iterations=calls, reads=reads, penalty=2.0), ref))
            for m in METHODS:
                rows.append(_row(p, f"lagrangian-{m}", solve(p, "lagrangian", m, iterations=calls, reads=reads), ref))
    return {"rows": rows}


def tsp(calls: int, reads: int) -> dict[str, Any]:
    from solvers.qubo import exact_optimum, generate_tsp, solve

    rows = []
    for n in (5, 6, 8, 10):
        for s in range(5):
            p = generate_tsp(n, seed=s)
            ref = exact_optimum(p)
            rows.append(_row(p, "sa-penalty", solve(p, "slack", iterations=calls, reads=reads * 5, seed=s), ref))
            rows.append(_row(p, "sa-lagrangian-subgradient",
                             solve(p, "lagrangian", "subgradient", iterations=calls, reads=reads * 5, seed=s), ref))
    qaoa = []
    for n, maxiter in QAOA_RUNS:
        p = generate_tsp(n, seed=0)
        r = solve(p, "slack", sampler="qaoa", iterations=1, reads=1000, seed=0,
                  sampler_options={"layers": 1, "maxiter": maxiter})
        qaoa.append(_row(p, "qaoa-p1", r, exact_optimum(p)))
    return {"rows": rows, "qaoa": qaoa}


def variables() -> list[dict[str, Any]]:
    from solvers.qubo import generate_mdkp, generate_mis
    from solvers.qubo.encode import slack_bits

    out = []
    for n in (50, 100, 250):
        for m in (5, 10):
            for t in (0.25, 0.5, 0.75):
                p = generate_mdkp(n, m, t, seed=0)
                out.append({"instance": p.name, "slack_free": n,
                            "slack": n + sum(len(slack_bits(c)) for c in p.capacities)})
    for n in (50, 100, 200):
        for prob in (0.05, 0.1):
            g = generate_mis(n, prob, seed=0)
            out.append({"instance": g.name, "slack_free": n, "slack": n + len(g.edges)})
    return out


def aggregate(rows: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    by: dict[str, list[dict[str, Any]]] = {}
    for r in rows:
        by.setdefault(r["method"], []).append(r)
    out = {}
    for k, rs in by.items():
        gaps = [r["gap"] for r in rs if r["gap"] is not None]
        out[k] = {"instances": len(rs), "mean_num_variables": statistics.mean(r["num_variables"] for r in rs),
                  "mean_feasibility_rate": statistics.mean(r["feasibility_rate"] for r in rs),
                  "solved": len(gaps), "mean_gap": statistics.mean(gaps) if gaps else None,
                  "optimal": sum(r["optimal"] for r in rs), "mean_time": statistics.mean(r["time"] for r in rs)}
    return out


def _table(title: str, agg: dict[str, dict[str, Any]]) -> str:
    lines = [f"### {title}", "", "| method | variables | feasibility rate (as sampled) | mean gap | optimal | "
             "mean time (s) |", "|---|---|---|---|---|---|"]
    for k, a in agg.items():
        g = "-" if a["mean_gap"] is None else f"{a['mean_gap']:.2%}"
        lines.append(f"| {k} | {a['mean_num_variables']:.0f} | {a['mean_feasibility_rate']:.1%} | {g} | "
                     f"{a['optimal']}/{a['instances']} | {a['mean_time']:.2f} |")
    return "\n".join(lines) + "\n"


def _tuning_table(res: dict[str, Any]) -> str:
    lines = [f"Tuning on separate instances ({res['tuning_rule']}):", "",
             "| encoding | multiple of default | solved | mean gap | feasibility rate | chosen |", "|---|---|---|---|---|---|"]
    for label, key, chosen in (("slack penalty", "slack_penalty_tuning", res["slack_penalty_factor"]),
                               ("ALM starting rho", "alm_rho_tuning", res["alm_rho_factor"])):
        for f, v in res[key].items():
            lines.append(f"| {label} | {f} | {v['solved']} | {v['mean_gap']:.2%} | {v['feasibility_rate']:.1%} | "
                         f"{'yes' if float(f) == chosen else ''} |")
    return "\n".join(lines) + "\n"


def plots(result: dict[str, Any], out: Path) -> None:
    """qubo.png: feasibility and gap per method for each part present (MDKP, MIS), and the variable counts."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    parts = [key for key in ("mdkp", "mis") if key in result]
    fig, axes = plt.subplots(1, len(parts) + 1, figsize=(5 * (len(parts) + 1), 4.5), squeeze=False)
    for ax, key in zip(axes[0], parts, strict=False):
        agg = result[key]["summary"]
        names = list(agg)
        ax.bar(range(len(names)), [100 * agg[n]["mean_feasibility_rate"] for n in names], width=0.4,
               label="feasibility rate as sampled (%, left)")
        gap_ax = ax.twinx()  # gaps are a few per cent: their own scale
        gap_ax.bar([i + 0.4 for i in range(len(names))], [100 * (agg[n]["mean_gap"] or 0) for n in names],
                   width=0.4, color="tab:orange", label="mean gap (%, right)")
        ax.set_xticks([i + 0.2 for i in range(len(names))], names, rotation=45, ha="right", fontsize=7)
        ax.set_title(f"{key.upper()}: feasibility and gap per method")
        ax.legend(loc="upper left", fontsize=7)
        gap_ax.legend(loc="upper right", fontsize=7)
    ax, v = axes[0][-1], result["variables"]
    ax.bar(range(len(v)), [r["slack"] for r in v], label="slack encoding")
    ax.bar(range(len(v)), [r["slack_free"] for r in v], label="slack-free")
    ax.set_xticks(range(len(v)), [r["instance"].rsplit("-s", 1)[0] for r in v], rotation=90, fontsize=6)
    ax.set_title("binary variables")
    ax.legend(fontsize=7)
    fig.tight_layout()
    fig.savefig(out / "qubo.png", dpi=120)
    plt.close(fig)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--calls", type=int, default=20)
    ap.add_argument("--reads", type=int, default=20)
    ap.add_argument("--ref-time", type=float, default=20.0)
    ap.add_argument("--parts", nargs="+", default=["mdkp", "mis", "tsp"])
    ap.add_argument("--out", type=Path, required=True)
    args = ap.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    result: dict[str, Any] = {"variables": variables()}
    if "mdkp" in args.parts:
        result["mdkp"] = mdkp(args.calls, args.reads, args.ref_time)
    if "mis" in args.parts:
        result["mis"] = mis(args.calls, args.reads, args.ref_time)
    if "tsp" in args.parts:
        result["tsp"] = tsp(args.calls, args.reads)
    md = ["# QUBO benchmark", "", f"Budget per instance and method: {args.calls} SA calls x {args.reads} reads "
          f"(TSP: x {args.reads * 5}). Reference: CP-SAT, {args.ref_time:g} s.", ""]
    for key in ("mdkp", "mis", "tsp"):
        if key in result:
            result[key]["summary"] = aggregate(result[key]["rows"])
            md.append(_table(key.upper(), result[key]["summary"]))
    if "mdkp" in result:
        md.append(_tuning_table(result["mdkp"]))
    if "tsp" in result:
        md.append("QAOA: " + "; ".join(f"{r['instance']}: {r['num_variables']} qubits, feasible "
                                       f"{r['feasibility_rate']:.1%} of shots, gap {r['gap']}, {r['time']:.1f} s"
                                       for r in result["tsp"]["qaoa"]) + "\n")
    result.update(settings=vars(args) | {"out": str(args.out)}, command=command_line(), git_commit=git_commit(),
                  machine=machine(), load_average=os.getloadavg(), wall_time=time.perf_counter() - started,
                  date=_dt.datetime.now(_dt.UTC).isoformat(timespec="seconds"))
    (args.out / "bench.json").write_text(json.dumps(result, indent=2, default=str) + "\n")
    (args.out / "tables.md").write_text("\n".join(md))
    plots(result, args.out)
    print("\n".join(md))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

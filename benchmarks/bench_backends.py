"""Backend benchmark: build, compile and solve times and peak memory per backend, on the reference
models and on scaled families (knapsack n = 50..5,000; assignment n = 10..200), with the same model
written directly in the OR-Tools API as the baseline in the same run.

    python -m benchmarks.bench_backends --out benchmarks/results/backends.json [--quick]

Every measurement runs in a fresh child process so that peak memory (ru_maxrss) belongs to it alone and
solver imports are paid before timing starts. Overhead = (our IR build + grounding + compile) minus
(the direct model's build), as a fraction of the direct model's solve time: the target is <= 10 % for
n >= 1,000.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing as mp
import platform
import resource
import statistics
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from benchmarks.provenance import command_line, git_commit

ROOT = Path(__file__).resolve().parents[1]
MODELS = ROOT / "tests" / "models"
TIME_LIMIT = 60.0

KNAPSACK_N = [50, 100, 500, 1000, 2000, 5000]
ASSIGNMENT_N = [10, 20, 50, 100, 200]
# Backends per family. Z3 and MiniZinc/Gecode are not built for large MILPs: they run the small sizes.
FAMILY_BACKENDS = {
    "cpsat": None, "ortools-mip": None, "pyomo-highs": None, "pulp-cbc": None, "cpmpy": None,
    "minizinc": {"knapsack": 500, "assignment": 20}, "z3": {"knapsack": 100, "assignment": 10},
}


def _preimport(backend: str) -> None:
    """Pay the solver package's import before timing (it is a one-off cost per process)."""
    mods = {"cpsat": ["ortools.sat.python.cp_model"], "ortools-mip": ["ortools.linear_solver.pywraplp"],
            "pyomo-highs": ["pyomo.environ", "highspy"], "pulp-cbc": ["pulp"], "cpmpy": ["cpmpy"],
            "minizinc": [], "z3": ["z3"]}[backend]
    import importlib

    for m in mods:
        importlib.import_module(m)


def _measure_ours(spec: dict[str, Any]) -> dict[str, Any]:
    from modeler.ir import Model
    from modeler.ir.ground import ground
    from solvers.backends import base

    _preimport(spec["backend"])
    b = base.get(spec["backend"])
    data = spec["model"]
    # one-off per process (grammar tables, pydantic schemas): measured, but not charged to every build
    ts = time.perf_counter()
    ground(Model.from_json({"variables": {"x": {}}, "objective": {"sense": "min", "expr": "x"},
                            "constraints": {"c": "sum(x for i in 1..2) >= 0"}}))
    startup = time.perf_counter() - ts
    t0 = time.perf_counter()
    model = Model.from_json(data)
    t1 = time.perf_counter()
    gm = ground(model)
    t2 = time.perf_counter()
    ok, why = b.supports(gm)
    if not ok:
        return {"skipped": why}
    compiled = b.compile(gm)
    t3 = time.perf_counter()
    sol = b.solve(compiled, spec.get("time_limit", TIME_LIMIT))
    t4 = time.perf_counter()
    return {"status": sol.status.value, "objective": sol.objective, "startup_s": startup, "build_s": t1 - t0, "ground_s": t2 - t1,
            "compile_s": t3 - t2, "solve_s": t4 - t3, "solver_reported_s": sol.solve_time,
            "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}


def _measure_direct(spec: dict[str, Any]) -> dict[str, Any]:
    from benchmarks import families

    _preimport("cpsat" if spec["backend"] == "cpsat" else "ortools-mip")
    fn = getattr(families, f"{spec['family']}_direct")
    objective, build_s, solve_s = fn(spec["n"], spec["seed"], spec["backend"], spec.get("time_limit", TIME_LIMIT))
    return {"objective": objective, "build_s": build_s, "solve_s": solve_s,
            "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}


def _run(fn, spec: dict[str, Any]) -> dict[str, Any]:
    ctx = mp.get_context("spawn")
    with ctx.Pool(1, maxtasksperchild=1) as pool:
        try:
            return pool.apply_async(fn, (spec,)).get(timeout=spec.get("time_limit", TIME_LIMIT) * 3 + 60)
        except Exception as e:  # a crash or hang is a measured outcome, not the end of the benchmark
            return {"error": f"{type(e).__name__}: {e}"}


def reference_models(backends: list[str]) -> list[dict[str, Any]]:
    rows = []
    for path in sorted(MODELS.glob("*.json")):
        if path.name == "expected.json":
            continue
        model = json.loads(path.read_text())
        for b in backends:
            r = _run(_measure_ours, {"backend": b, "model": model, "time_limit": 30.0})
            rows.append({"model": path.stem, "backend": b, **r})
    return rows


def families_run(backends: list[str], quick: bool, only: str | None = None) -> list[dict[str, Any]]:
    from benchmarks import families

    rows = []
    sizes = {"knapsack": KNAPSACK_N[:3] if quick else KNAPSACK_N, "assignment": ASSIGNMENT_N[:2] if quick else ASSIGNMENT_N}
    if only:
        sizes = {}
        for part in only.split(","):
            fam, _, n = part.partition(":")
            sizes.setdefault(fam, []).append(int(n))
    for family, ns in sizes.items():
        for n in ns:
            model = getattr(families, family)(n, seed=0)
            direct = {}
            for base_backend in ("cpsat", "scip"):
                direct[base_backend] = _run(_measure_direct, {"family": family, "n": n, "seed": 0, "backend": base_backend})
            for b in backends:
                cap = (FAMILY_BACKENDS.get(b) or {}).get(family)
                if cap is not None and n > cap:
                    continue
                r = _run(_measure_ours, {"backend": b, "model": model})
                row = {"family": family, "n": n, "backend": b, **r}
                ref = direct["cpsat" if b == "cpsat" else "scip"]
                if "solve_s" in r and "solve_s" in ref:
                    ours = r["build_s"] + r["ground_s"] + r["compile_s"]
                    row["direct"] = ref
                    row["overhead_vs_direct_solve"] = (ours - ref["build_s"]) / ref["solve_s"] if ref["solve_s"] > 0 else None
                rows.append(row)
    return rows


def summarize(family_rows: list[dict[str, Any]]) -> dict[str, Any]:
    """Overhead per backend at n >= 1,000 (knapsack) and the largest assignments."""
    out: dict[str, Any] = {}
    for r in family_rows:
        if r.get("overhead_vs_direct_solve") is None:
            continue
        big = (r["family"] == "knapsack" and r["n"] >= 1000) or (r["family"] == "assignment" and r["n"] >= 100)
        if big:
            out.setdefault(r["backend"], []).append(r["overhead_vs_direct_solve"])
    return {b: {"median_overhead": statistics.median(v), "max_overhead": max(v), "cases": len(v)} for b, v in out.items()}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--out", type=Path, required=True)
    ap.add_argument("--quick", action="store_true", help="small sizes only (a smoke run)")
    ap.add_argument("--backends", default=None, help="comma-separated (default: every available backend)")
    ap.add_argument("--sizes", default=None,
                    help="only these family sizes, e.g. knapsack:1000,knapsack:5000,assignment:200 (skips the reference models)")
    args = ap.parse_args()

    from solvers import list_backends

    names = args.backends.split(",") if args.backends else [i.name for i in list_backends() if i.available]
    t0 = time.time()
    ref = [] if args.sizes else reference_models(names)
    fam = families_run(names, args.quick, args.sizes)
    result = {
        "command": command_line(),
        "git_commit": git_commit(),
        "date": datetime.now(UTC).isoformat(timespec="seconds"),
        "machine": {"platform": platform.platform(), "cpus": mp.cpu_count(), "python": platform.python_version()},
        "versions": {i.name: i.version for i in list_backends()},
        "wall_s": time.time() - t0,
        "overhead_summary": summarize(fam),
        "reference_models": ref,
        "families": fam,
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, indent=2))
    print(json.dumps(result["overhead_summary"], indent=2))


if __name__ == "__main__":
    main()

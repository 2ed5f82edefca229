"""Measure the offline modeler on NL4Opt: `python -m benchmarks.bench_offline --split dev|test --out DIR`.

Runs every document through `Modeler(strategy="offline")` in one process (text to solved model),
scores it with the NL4Opt suite's scorers and writes DIR/results.jsonl (one line per document) and
DIR/summary.json: formulation score, objective-value accuracy, how often integrality changes the optimum
against the all-continuous relaxation, per-problem time (median, p90, from text to solved model,
start-up excluded), peak memory, start-up (model load) time, how many problems it refused (its
confidence too low: each result line carries the confidence), the accuracy in each band of the
reader's own confidence (does it know when it is unsure?), and which gold constraint types are missed
most; with the machine, the date and the git commit.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time
from pathlib import Path
from typing import Any

from benchmarks.provenance import run_record


def _peak_rss_mb() -> float:
    import resource

    kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return kb / 1024 if sys.platform != "darwin" else kb / 2**20


def type_breakdown(item: Any, model: Any) -> dict[str, tuple[int, int]]:
    """Per gold constraint type (and the objective): (count, missed) for one document."""
    from benchmarks.suites.nl4opt_canonical import Canonical, _same, canonical_from_model, constraint_row

    data = item.data
    n = len(data["columns"])
    out: dict[str, list[int]] = {}
    pred_rows: list[tuple[float, ...]] = []
    pred_obj = None
    if model is not None:
        try:
            pred, _ = canonical_from_model(model, data["columns"])
            pred_rows, pred_obj = pred.rows, pred.objective
        except Exception:  # an unreadable model misses everything
            pass
    gold = Canonical.from_dict(data["canonical"])
    ok = pred_obj is not None and gold.objective is not None and _same(pred_obj, gold.objective)
    out["objective"] = [1, 0 if ok else 1]
    for decl in data["constraints"]:
        row = constraint_row(decl, data["order_mapping"], n)
        hit = any(_same(row, p) for p in pred_rows)
        c = out.setdefault(decl["type"], [0, 0])
        c[0] += 1
        c[1] += 0 if hit else 1
    return {k: (v[0], v[1]) for k, v in out.items()}


def nl4opt_split(split: str) -> tuple[Any, list[Any], Path]:
    """The NL4Opt suite of a split, its items and the data folder (from OPTIPILOT_DATA); raises
    DataNotFoundError with what to do when the data is not there."""
    from benchmarks.suites.base import DataNotFoundError
    from benchmarks.suites.nl4opt import NL4OptDevSuite, NL4OptTestSuite

    data_root = os.environ.get("OPTIPILOT_DATA")
    if not data_root:
        raise DataNotFoundError("OPTIPILOT_DATA is not set; point it at the folder holding nl4opt/")
    suite = NL4OptDevSuite() if split == "dev" else NL4OptTestSuite()
    return suite, list(suite.items(Path(data_root))), Path(data_root)


def tagger_used(result: Any) -> str:
    """Whose entities the kept reading rests on: "first", or the alternate tagger's file name (the
    offline modeler turns to its alternates when the first reading is unsure)."""
    return next((u["tagger"] for u in result.understanding if u.get("kind") == "reading"), "first")


def taggers_loaded() -> list[str]:
    """The file names of the offline modeler's taggers, first first (the run's record of what read)."""
    from modeler.strategies.offline import taggers

    return [t.path.name for t in taggers()]


def confidence_band(confidence: float | None, refused: bool) -> str:
    """The band a reading's own confidence falls in, for how well it predicts being right."""
    if refused:
        return "refused"
    if confidence is None:
        return "unknown"
    return "high (>= 0.85)" if confidence >= 0.85 else "middle (0.6-0.85)" if confidence >= 0.6 else "low (< 0.6)"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--split", choices=["dev", "test"], default="dev")
    ap.add_argument("--out", type=Path, required=True)
    ap.add_argument("--limit", type=int, default=0, help="only the first N documents (0: all)")
    args = ap.parse_args(argv)

    from benchmarks.suites.base import DataNotFoundError
    from benchmarks.suites.nl4opt import LP_TIME_LIMIT
    from solvers.relaxation import solve_relaxation

    try:
        suite, items, _ = nl4opt_split(args.split)
    except DataNotFoundError as e:
        print(f"error: {e}", file=sys.stderr)
        return 2
    if args.limit:
        items = items[: args.limit]

    t0 = time.perf_counter()
    from modeler import Modeler

    modeler = Modeler(strategy="offline", backend=os.environ.get("OPTIPILOT_OFFLINE_BACKEND") or None)
    from modeler.strategies.offline import taggers

    taggers()
    import solvers  # noqa: F401  (the solve path's own imports are start-up, not per-problem cost)

    startup = time.perf_counter() - t0
    modeler.solve("A shop makes chairs and tables. A chair gives $5 profit and a table $7. Each needs 1 hour "
                  "of work; 10 hours are available. How many of each maximize profit?")  # warm the solve path

    args.out.mkdir(parents=True, exist_ok=True)
    times: list[float] = []
    verdicts = []
    types: dict[str, list[int]] = {}
    bands: dict[str, list[int]] = {}
    integral_changed = integral_models = refused = 0
    read_by: dict[str, int] = {}
    with (args.out / "results.jsonl").open("w", encoding="utf-8") as f:
        for item in items:
            t = time.perf_counter()
            result = modeler.solve(item.text)
            times.append(time.perf_counter() - t)
            verdict = suite.score(item, result)
            refused += result.status == "refused"
            verdicts.append(verdict)
            for k, (cnt, miss) in type_breakdown(item, result.model).items():
                c = types.setdefault(k, [0, 0])
                c[0] += cnt
                c[1] += miss
            changed = None
            if result.model is not None and result.solution is not None and any(
                    v.type == "integer" for v in result.model.variables):
                integral_models += 1
                lp = solve_relaxation(result.model, LP_TIME_LIMIT)
                changed = not (lp.status == result.solution.status and (
                    lp.objective is None or result.solution.objective is None
                    or abs(lp.objective - result.solution.objective) <= 1e-6 * max(1.0, abs(lp.objective))))
                integral_changed += bool(changed)
            confidence = next((e.get("confidence") for e in result.transcript if e.get("step") == "offline"), None)
            band = confidence_band(confidence, result.status == "refused")
            c = bands.setdefault(band, [0, 0])
            c[0] += 1
            c[1] += verdict.passed
            used = tagger_used(result)
            read_by[used] = read_by.get(used, 0) + 1
            f.write(json.dumps({
                "id": item.id, "passed": verdict.passed, "category": verdict.category, "message": verdict.message,
                "metrics": verdict.metrics, "status": result.status, "error": result.error,
                "objective": result.solution.objective if result.solution else None,
                "seconds": round(times[-1], 5), "integrality_changed_optimum": changed,
                "confidence": confidence, "tagger": used,
                "model": result.model.to_json() if result.model is not None else None,
            }) + "\n")
    summary = suite.summarize(verdicts)
    times_ms = sorted(1000 * t for t in times)
    summary.update({
        "split": args.split,
        "strategy": "offline",
        "refused": refused,
        "integer_models": integral_models,
        "integrality_changed_optimum": integral_changed,
        "integrality_change_rate": integral_changed / integral_models if integral_models else None,
        "ms_median": round(statistics.median(times_ms), 2) if times_ms else None,
        "ms_p90": round(times_ms[int(0.9 * (len(times_ms) - 1))], 2) if times_ms else None,
        "startup_seconds": round(startup, 3),
        "peak_rss_mb": round(_peak_rss_mb(), 1),
        "taggers": taggers_loaded(),
        "read_by": dict(sorted(read_by.items())),
        "accuracy_by_confidence": {k: {"count": v[0], "accuracy": round(v[1] / v[0], 3)}
                                   for k, v in sorted(bands.items())},
        "missed_by_type": {k: {"count": v[0], "missed": v[1], "miss_rate": round(v[1] / v[0], 3)}
                           for k, v in sorted(types.items(), key=lambda kv: -kv[1][1])},
        **run_record("benchmarks.bench_offline", argv),
    })
    (args.out / "summary.json").write_text(json.dumps(summary, indent=2) + "\n", encoding="utf-8")
    keys = ("count", "formulation_score", "objective_accuracy", "objective_accuracy_as_typed", "refused", "ms_median",
            "ms_p90", "startup_seconds", "peak_rss_mb", "integrality_change_rate")
    print(json.dumps({k: summary[k] for k in keys}))
    print(json.dumps(summary["missed_by_type"]))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

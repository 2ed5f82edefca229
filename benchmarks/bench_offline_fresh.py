"""Measure the offline modeler on fresh LP word problems: `python -m benchmarks.bench_offline_fresh --out DIR`.

The problems (`benchmarks/data/fresh_lp/problems.jsonl`, or `--data PATH`) were written for OptiPilot
without reference to NL4Opt or to the offline reader, so this measures how the reader copes with wording
nobody tuned it for. Each text goes through `Modeler(strategy="offline")`; a problem passes when the LP
relaxation of the model it produced has the gold LP optimum (relative tolerance 1e-4). A refusal, an
error or no model is a miss. Writes DIR/results.jsonl (one line per problem) and DIR/summary.json
(accuracy overall, by domain and by the reader's own confidence band; refusals; time per problem; the
machine, the date, the git commit and the data file's hash).

Beside the verdict (which the comparison never changes), each result carries `compare`: the produced
model set against the gold one in the NL4Opt scorer's canonical form (`benchmarks.suites.nl4opt_canonical`).
The gold variables are the columns (a variable's texts: its name and description); the candidate's
variables are matched to them by `match_variables`. It reports variables (gold, candidate, matched), the
objective row ("exact", "scaled": equal after dividing by the largest coefficient magnitude, as the NL4Opt
scorer's `scaled` variant, or "wrong"; the sense must agree) and constraint rows (matched, missed, extra
gold/candidate rows, compared scaled; `matched_exact` without scaling). A failed problem gets a one-word
`stage`: `refused`, `error` (no model, or one that cannot be grounded), `variables` (a gold variable
unmatched or an extra candidate variable), else `objective` (not "exact": a scaled objective scales the
optimum too), else `constraints` (a row missed or extra),
else `other` (the same rows and a different optimum: integrality, bounds the rows do not carry, ...).
summary.json adds the counts by stage, the row totals and the passed problems whose rows still differ.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import math
import os
import statistics
import sys
import time
from pathlib import Path
from typing import Any

from benchmarks.bench_offline import confidence_band, tagger_used, taggers_loaded
from benchmarks.provenance import run_record
from modeler.strategies.offline.silver import read_problems

DATA = Path(__file__).resolve().parent / "data" / "fresh_lp" / "problems.jsonl"
REL_TOL = 1e-4
# Only for a gold optimum of 0 (none in the shipped data), where a relative tolerance alone accepts nothing.
ABS_TOL = 1e-9
REQUIRED = ("id", "domain", "text", "sense", "model", "lp_optimum", "typed_optimum")


def load_problems(path: Path = DATA) -> list[dict[str, Any]]:
    """The problems of a JSONL file, checked for the fields the scorer needs and for unique ids."""
    problems = read_problems([path], REQUIRED)
    ids = [p["id"] for p in problems]
    if len(set(ids)) != len(ids):
        raise ValueError(f"{path}: duplicate ids")
    return problems


def same_optimum(ours: float | None, gold: float) -> bool:
    return ours is not None and math.isclose(ours, gold, rel_tol=REL_TOL, abs_tol=ABS_TOL)


def lp_optimum(model: Any) -> tuple[str, float | None]:
    """(status, objective) of a model's LP relaxation, on the same LP path the NL4Opt scorer uses, so
    that integrality (which the text may or may not imply) never decides a pass."""
    from benchmarks.suites.nl4opt import LP_TIME_LIMIT
    from solvers.relaxation import solve_relaxation

    sol = solve_relaxation(model, LP_TIME_LIMIT)
    return str(sol.status), sol.objective


def compare_models(candidate: Any, gold: Any) -> dict[str, Any]:
    """The candidate model against the gold one, in NL4Opt canonical form over the gold variables.

    Raises the model form's errors when either model cannot be grounded.
    """
    from benchmarks.suites.nl4opt_canonical import canonical_from_model, cell_texts, compare_rows, score_rows
    from modeler.ir.ground import ground

    grounded = ground(gold).vars
    cols = [cell_texts(v, gold) for v in grounded]  # the columns: each gold variable's name, description
    gold_vars = [v.label for v in grounded]
    gold_can, gold_map = canonical_from_model(gold, cols)
    if gold_map != {label: j for j, label in enumerate(gold_vars)}:  # never with distinct gold names
        raise ValueError(f"the gold variables do not match themselves: {gold_map}")
    cand_vars = [v.label for v in ground(candidate).vars]
    cand_can, cand_map = canonical_from_model(candidate, cols)
    if score_rows(cand_can, gold_can, strict=True).objective_match:
        objective = "exact"
    elif score_rows(cand_can, gold_can, strict=True, scaled=True).objective_match:
        objective = "scaled"
    else:
        objective = "wrong"
    matched, missed, extra = compare_rows(cand_can, gold_can, scaled=True)
    matched_exact = compare_rows(cand_can, gold_can)[0]
    hit = set(cand_map.values())
    return {
        "variables": {"gold": len(gold_vars), "candidate": len(cand_vars), "matched": len(cand_map),
                      "unmatched_gold": [g for j, g in enumerate(gold_vars) if j not in hit],
                      "extra": [c for c in cand_vars if c not in cand_map],
                      "matching": {c: gold_vars[j] for c, j in cand_map.items()}},
        "objective": objective,
        "sense_ok": cand_can.sense == gold_can.sense,
        "rows": {"gold": len(gold_can.rows), "matched": matched, "missed": missed, "extra": extra,
                 "matched_exact": matched_exact},
        "notes": cand_can.notes,
    }


def differs(compare: dict[str, Any]) -> str | None:
    """The first place the candidate departs from the gold model, or None where the comparison finds none."""
    v, rows = compare["variables"], compare["rows"]
    if v["matched"] < v["gold"] or v["candidate"] > v["matched"]:
        return "variables"
    if compare["objective"] != "exact":  # a scaled objective scales the optimum the verdict compares
        return "objective"
    if rows["missed"] or rows["extra"]:
        return "constraints"
    return None


def stage(passed: bool, status: str, compare: dict[str, Any] | None) -> str | None:
    """Where a failed problem fails (None for a pass): see the module docstring."""
    if passed:
        return None
    if status == "refused":
        return "refused"
    if compare is None or "error" in compare:
        return "error"
    return differs(compare) or "other"


def _compare(model: Any, gold: dict[str, Any]) -> dict[str, Any] | None:
    if model is None:
        return None
    from modeler.ir import Model

    try:
        return compare_models(model, Model.from_json(gold))
    except Exception as e:  # a model that cannot be grounded: nothing of it can be compared
        return {"error": f"{type(e).__name__}: {e}"}


def _confidence(result: Any) -> float | None:
    return next((e.get("confidence") for e in result.transcript if e.get("step") == "offline"), None)


def _rate(passed: int, count: int) -> float | None:
    return round(passed / count, 4) if count else None


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, required=True)
    ap.add_argument("--data", type=Path, default=DATA)
    ap.add_argument("--limit", type=int, default=0, help="only the first N problems (0: all)")
    args = ap.parse_args(argv)

    try:
        problems = load_problems(args.data)
    except (OSError, ValueError) as e:
        print(f"error: cannot read the problems: {e}", file=sys.stderr)
        return 2
    if args.limit:
        problems = problems[: args.limit]

    t0 = time.perf_counter()
    from modeler import Modeler

    modeler = Modeler(strategy="offline", backend=os.environ.get("OPTIPILOT_OFFLINE_BACKEND") or None)
    # One throwaway problem loads the tagger and the solve path, so the per-problem times below are
    # steady-state times, as in bench_offline.
    modeler.solve("A shop makes chairs and tables. A chair gives $5 profit and a table $7. Each needs 1 hour "
                  "of work; 10 hours are available. How many of each maximize profit?")
    startup = time.perf_counter() - t0

    args.out.mkdir(parents=True, exist_ok=True)
    times: list[float] = []
    by_domain: dict[str, list[int]] = {}
    bands: dict[str, list[int]] = {}
    passed_total = refused = no_model = typed_passed = 0
    read_by: dict[str, int] = {}
    stages: dict[str, int] = {}
    rows_total = dict.fromkeys(("gold", "matched", "missed", "extra", "matched_exact"), 0)
    objectives: dict[str, int] = {}
    vars_total = dict.fromkeys(("gold", "candidate", "matched"), 0)
    compared = 0
    passed_differing: dict[str, str] = {}
    with (args.out / "results.jsonl").open("w", encoding="utf-8") as f:
        for p in problems:
            t = time.perf_counter()
            result = modeler.solve(p["text"])
            times.append(time.perf_counter() - t)
            lp_status, ours = (None, None) if result.model is None else lp_optimum(result.model)
            passed = result.status != "refused" and lp_status == "optimal" and same_optimum(ours, p["lp_optimum"])
            typed = result.solution.objective if result.solution is not None else None
            typed_ok = result.status != "refused" and same_optimum(typed, p["typed_optimum"])
            refused += result.status == "refused"
            no_model += result.model is None
            passed_total += passed
            typed_passed += typed_ok
            d = by_domain.setdefault(p["domain"], [0, 0])
            d[0] += 1
            d[1] += passed
            confidence = _confidence(result)
            b = bands.setdefault(confidence_band(confidence, result.status == "refused"), [0, 0])
            b[0] += 1
            b[1] += passed
            used = tagger_used(result)
            read_by[used] = read_by.get(used, 0) + 1
            compare = _compare(result.model, p["model"])
            where = stage(passed, result.status, compare)
            if where is not None:
                stages[where] = stages.get(where, 0) + 1
            if compare is not None and "error" not in compare:
                compared += 1
                for k in rows_total:
                    rows_total[k] += compare["rows"][k]
                for k in vars_total:
                    vars_total[k] += compare["variables"][k]
                objectives[compare["objective"]] = objectives.get(compare["objective"], 0) + 1
                if passed and (departs := differs(compare)):
                    passed_differing[p["id"]] = departs
            f.write(json.dumps({
                "id": p["id"], "domain": p["domain"], "passed": passed, "status": result.status,
                "error": result.error, "lp_status": lp_status, "lp_optimum": ours, "gold_lp_optimum": p["lp_optimum"],
                "typed_optimum": typed, "gold_typed_optimum": p["typed_optimum"], "typed_passed": typed_ok,
                "confidence": confidence, "tagger": used, "seconds": round(times[-1], 5),
                "stage": where, "compare": compare,
                "model": result.model.to_dict() if result.model is not None else None,
            }) + "\n")

    count = len(problems)
    times_ms = sorted(1000 * t for t in times)
    summary = {
        "suite": "fresh_lp",
        "strategy": "offline",
        "data": str(args.data),
        "data_sha256": hashlib.sha256(args.data.read_bytes()).hexdigest(),
        "count": count,
        "passed": passed_total,
        "accuracy": _rate(passed_total, count),
        "accuracy_as_typed": _rate(typed_passed, count),
        "refused": refused,
        "no_model": no_model,
        "tolerance": {"relative": REL_TOL, "absolute": ABS_TOL},
        "by_domain": {k: {"count": v[0], "passed": v[1], "accuracy": _rate(v[1], v[0])}
                      for k, v in sorted(by_domain.items())},
        "accuracy_by_confidence": {k: {"count": v[0], "passed": v[1], "accuracy": _rate(v[1], v[0])}
                                   for k, v in sorted(bands.items())},
        "ms_median": round(statistics.median(times_ms), 2) if times_ms else None,
        "ms_p90": round(times_ms[int(0.9 * (len(times_ms) - 1))], 2) if times_ms else None,
        "startup_seconds": round(startup, 3),
        "taggers": taggers_loaded(),
        "read_by": dict(sorted(read_by.items())),
        "failed_by_stage": dict(sorted(stages.items())),
        "comparison": {
            "compared": compared,
            "variables": vars_total,
            "objective": dict(sorted(objectives.items())),
            "rows": rows_total,
            "passed_but_differing": passed_differing,
        },
        **run_record("benchmarks.bench_offline_fresh", argv),
    }
    (args.out / "summary.json").write_text(json.dumps(summary, indent=2) + "\n", encoding="utf-8")
    print(json.dumps({k: summary[k] for k in ("count", "passed", "accuracy", "accuracy_as_typed", "refused",
                                              "no_model", "ms_median")}))
    print(json.dumps({k: v["accuracy"] for k, v in summary["by_domain"].items()}))
    print(json.dumps({"failed_by_stage": summary["failed_by_stage"], **summary["comparison"]}))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

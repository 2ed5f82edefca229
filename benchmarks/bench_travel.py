"""Travel planning measurements: the offline parser field by field, and unsatisfiable variants.

    OPTIPILOT_DATA=../shared/data .venv/bin/python -m benchmarks.bench_travel [--max-variants 40]

Parser: on the 45 training queries, origin/destination/days/visiting_city_number/dates are compared with
the truth derived from the human plans and ref_info (modeler.travel.truth); people, budget and the local
constraints have no derivable truth, so the parsed values are checked for consistency with the human
plan instead (reported separately).

Unsat variants: each feasible training query (gold fields) is changed in one field so that it becomes
infeasible -- budget set to 90 % of the cheapest plan's cost (z3 Optimize), a room type, a house rule, or a
'no flight' ban that no accommodation / route allows -- so the reason is known (the changed field). We
check that the explanation names that reason and that the rule-based suggester's first repair yields a
plan passing every TravelPlanner constraint of the repaired request.
Writes benchmarks/results/travelplanner/{parser,unsat}.json and travel.md.
"""

from __future__ import annotations

import argparse
import json
import math
import statistics
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from benchmarks.provenance import command_line, git_commit, machine

OUT = Path(__file__).resolve().parent / "results" / "travelplanner"
FIELD_CAT = {"budget": "budget", "room_type": "room type", "house_rule": "house rule",
             "transportation": "transportation ban"}


def _prov() -> dict[str, Any]:
    return {"command": command_line(), "git_commit": git_commit(), "machine": machine(),
            "date": datetime.now(UTC).isoformat(timespec="seconds")}


def bench_parser() -> dict[str, Any]:
    from modeler.travel import load_query, parse_request
    from modeler.travel.database import train_size
    from modeler.travel.truth import DERIVED, consistency, derived_fields

    per_field = {f: 0 for f in DERIVED}
    cons = {f: 0 for f in ("budget", "house_rule", "cuisine", "room_type", "transportation")}
    errors, n = [], train_size()
    for i in range(n):
        text, _ = load_query(i)
        req = parse_request(text)
        truth = derived_fields(i)
        for f in DERIVED:
            ok = getattr(req, f) == truth[f]
            per_field[f] += ok
            if not ok:
                errors.append({"index": i, "field": f, "parsed": getattr(req, f), "truth": truth[f]})
        for f, ok in consistency(i, req).items():
            cons[f] += ok
    return {"queries": n, "derived_field_accuracy": {f: v / n for f, v in per_field.items()},
            "consistency_with_human_plan": {f: v / n for f, v in cons.items()}, "errors": errors, **_prov()}


def _variants(max_variants: int, kinds: list[str] | None = None) -> list[tuple[int, str, Any]]:
    """(query index, changed field, infeasible request), each checked infeasible; originals feasible."""
    from modeler.travel import load_query, parse_request
    from modeler.travel.database import sandbox_from_ref_info
    from modeler.travel.encode import HOUSE_RULE_TEXT, ROOM_TYPE_OK
    from modeler.travel.planner import min_cost, solve_request
    from modeler.travel.truth import gold_request

    def impossible(sb: Any, upd: dict[str, Any]) -> bool:
        """Some city of the sandbox (all are on the route) has no accommodation allowing the change."""
        key, value = next(iter(upd.items()))
        for rows in sb.accommodations.values():
            if key == "room_type" and not any(a.room_type in ROOM_TYPE_OK[value] for a in rows):
                return True
            if key == "house_rule" and all(HOUSE_RULE_TEXT[value] in a.house_rules for a in rows):
                return True
        return key == "transportation"

    out: list[tuple[int, str, Any]] = []
    rotate = kinds is None
    kinds = kinds or ["budget", "room_type", "house_rule", "transportation"]
    for i in range(45):
        text, ref = load_query(i)
        req = gold_request(i, parse_request(text))
        sb = sandbox_from_ref_info(ref)
        tries: list[dict[str, Any]] = []
        for kind in [kinds[i % 4]] if rotate else kinds:
            tries += _tries(kind, req)
        tries = [u for u in tries if impossible(sb, u)]
        for upd in tries + ([{"budget": None}] if rotate else []):
            if "budget" in upd:
                cheapest = min_cost(req, sb)
                if cheapest is None:
                    break
                upd = {"budget": float(math.floor(0.9 * cheapest))}
            new = req.model_copy(update=upd)
            probe = solve_request(new, sb, 20)
            if probe.status == "infeasible" and not any("time limit" in c for c in probe.core):
                print(f"variant q{i:02d} {upd}", flush=True)
                out.append((i, next(iter(upd)), new))
                break
        if len(out) >= max_variants:
            break
    return out


def _tries(kind: str, req: Any) -> list[dict[str, Any]]:
    if kind == "room_type":
        return [{"room_type": rt} for rt in ("shared room", "private room", "entire room") if rt != req.room_type]
    if kind == "house_rule":
        return [{"house_rule": h} for h in ("smoking", "parties", "children under 10", "visitors", "pets")
                if h != req.house_rule]
    if kind == "transportation" and req.transportation != "no flight":
        return [{"transportation": "no flight"}]
    return []


def bench_unsat(max_variants: int, kinds: list[str] | None = None) -> dict[str, Any]:
    from modeler.travel import load_query, plan_trip
    from modeler.travel.database import city_states, sandbox_from_ref_info
    from modeler.travel.evaluate import evaluate_plan
    from modeler.travel.planner import solve_request
    from modeler.travel.repair import core_categories

    rows = []
    for i, field, req in _variants(max_variants, kinds):
        _, ref = load_query(i)
        sb = sandbox_from_ref_info(ref)
        start = time.monotonic()
        out = plan_trip(req, ref_info=sb)
        seconds = time.monotonic() - start
        cats = core_categories(out.core)
        named = FIELD_CAT[field] in cats and any(FIELD_CAT[field].split()[0] in r for r in out.reasons)
        valid = False
        if out.suggestions:
            fixed = out.suggestions[0].request
            re_out = solve_request(fixed, sb)
            checks = evaluate_plan(fixed, re_out.plan, sb, city_states())
            valid = re_out.status == "planned" and all(v is not False for v in checks.values())
        rows.append({"index": i, "changed": field, "value": getattr(req, field), "core": out.core,
                     "reasons": out.reasons, "named_right_reason": named,
                     "first_repair": out.suggestions[0].description if out.suggestions else None,
                     "repair_valid": valid, "seconds": round(seconds, 2)})
        print(f"q{i:02d} {field:15s} named={named} repair_valid={valid} {seconds:.1f}s", flush=True)
    n = len(rows) or 1
    by_kind = {k: sum(r["changed"] == k for r in rows) for k in FIELD_CAT}
    return {"variants": len(rows), "by_changed_field": by_kind,
            "explanation_accuracy": sum(r["named_right_reason"] for r in rows) / n,
            "repair_validity": sum(r["repair_valid"] for r in rows) / n,
            "median_seconds": statistics.median([r["seconds"] for r in rows]) if rows else None,
            "rows": rows, **_prov()}


def write_report() -> Path:
    """travel.md from the saved JSON files (suite summaries, parser.json, unsat*.json)."""
    lines = ["# Travel planning with Z3 (TravelPlanner, 45 training queries)", ""]
    for strat in ("offline", "gold"):
        f = OUT / strat / "summary.json"
        if f.is_file():
            d = json.loads(f.read_text())
            run = d.get("run", {})
            lines += [f"## Suite travelplanner, solver `{strat}`", "",
                      f"`{run.get('command')}` -- commit {run.get('git_commit')} (work tree not yet committed), "
                      f"{run.get('date')}, {run.get('machine')}", "",
                      "| metric | value |", "| --- | --- |"]
            for k in ("final_pass_rate", "delivery_rate", "commonsense_micro", "commonsense_macro", "hard_micro",
                      "hard_macro", "median_solve_seconds", "max_solve_seconds"):
                lines.append(f"| {k} | {d[k]:.3f} |")
            lines.append("")
    f = OUT / "parser.json"
    if f.is_file():
        d = json.loads(f.read_text())
        lines += ["## Offline parser, field by field", "", f"`{d['command']}` -- {d['git_commit']}, {d['date']}", "",
                  "Truth derived from the human plans and ref_info (modeler/travel/truth.py):", "",
                  "| field | accuracy |", "| --- | --- |"]
        lines += [f"| {k} | {v:.3f} |" for k, v in d["derived_field_accuracy"].items()]
        lines += ["", "No derivable truth (only in the query's words); share of queries whose human plan is "
                  "consistent with the parsed value:", "", "| field | consistent |", "| --- | --- |"]
        lines += [f"| {k} | {v:.3f} |" for k, v in d["consistency_with_human_plan"].items()]
        lines.append("")
    rows = []
    for f in sorted(OUT.glob("unsat*.json")):
        d = json.loads(f.read_text())
        rows += d["rows"]
        lines += [f"## {f.name}", "", f"`{d['command']}` -- {d['git_commit']}, {d['date']}", "",
                  f"variants {d['variants']} {d['by_changed_field']}; explanation names the right reason "
                  f"{d['explanation_accuracy']:.3f}; first rule-based repair gives a valid plan "
                  f"{d['repair_validity']:.3f}; median seconds per variant {d['median_seconds']}", ""]
    if rows:
        n = len(rows)
        lines += ["## All unsatisfiable variants together", "",
                  f"{n} variants; explanation accuracy {sum(r['named_right_reason'] for r in rows) / n:.3f}; "
                  f"repair validity {sum(r['repair_valid'] for r in rows) / n:.3f}", ""]
    lines += ["## Notes", "",
              "- Plans are scored against the gold request: fields derivable from the human plan and ref_info "
              "(origin, destination, days, number of cities, dates) replace the parsed ones; people, budget and the "
              "local constraints exist only in the query's words, so they come from the parser in both solvers. "
              "The offline parser reads all five derivable fields right on all 45 queries, so `offline` and `gold` "
              "plan the same requests.",
              "- The consistency misses (0.978) are all query 41: its human plan lists San Angelo attractions on days "
              "spent in San Antonio, outside the ref_info sandbox, so TravelPlanner's rules fail it (within "
              "sandbox, hence every hard constraint) whatever was parsed.",
              "- Solve time is planning only (z3 over the city orderings); timings were taken with other jobs "
              "sharing the 2 cores.",
              "- Unsat variants: one field of a feasible training query is changed (budget to 90 % of the cheapest "
              "plan found by z3 Optimize, a room type no accommodation of a route city offers, a 'no flight' ban "
              "where ref_info has no road for a leg) and checked infeasible; no single house rule was impossible "
              "for any query, so there are no house-rule variants.", ""]
    out = OUT / "travel.md"
    out.write_text("\n".join(lines) + "\n")
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--max-variants", type=int, default=40)
    ap.add_argument("--skip-unsat", action="store_true")
    ap.add_argument("--skip-parser", action="store_true")
    ap.add_argument("--kinds", help="only these changes, e.g. house_rule,transportation (default: rotate)")
    ap.add_argument("--name", default="unsat", help="output file stem under results/travelplanner")
    ap.add_argument("--report-only", action="store_true", help="only rewrite travel.md from saved results")
    args = ap.parse_args()
    OUT.mkdir(parents=True, exist_ok=True)
    if args.report_only:
        print(write_report())
        return
    if not args.skip_parser:
        parser = bench_parser()
        (OUT / "parser.json").write_text(json.dumps(parser, indent=2, default=str))
        print(json.dumps({k: parser[k] for k in ("derived_field_accuracy", "consistency_with_human_plan")}, indent=1))
    if not args.skip_unsat:
        unsat = bench_unsat(args.max_variants, args.kinds.split(",") if args.kinds else None)
        (OUT / f"{args.name}.json").write_text(json.dumps(unsat, indent=2, default=str))
        print(json.dumps({k: unsat[k] for k in ("variants", "by_changed_field", "explanation_accuracy",
                                                  "repair_validity")}, indent=1))
    write_report()


if __name__ == "__main__":
    main()

"""Suite `travelplanner`: the 45 TravelPlanner training queries, planned with Z3 and scored with
TravelPlanner's metrics (modeler.travel.evaluate).

Solvers: `offline` (the offline parser reads the query) and `gold` (fields derivable from the human plan
and ref_info replace the parsed ones; see modeler.travel.truth). Plans are scored against the gold
request. summary.json: final_pass_rate, delivery_rate, commonsense/hard micro and macro, solve times.
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from benchmarks.suites.base import DataNotFoundError, Item, Suite, Verdict, register
from modeler.result import ModelResult
from solvers.result import Solution, Status


def _produce(item: Item, gold: bool) -> ModelResult:
    from modeler.travel import TravelError, load_query, parse_request, plan_trip
    from modeler.travel.truth import gold_request

    start = time.perf_counter()
    i = int(item.data["index"])
    text, ref = load_query(i)
    try:
        req = parse_request(text)
    except TravelError as e:
        return ModelResult(status="refused", error=str(e), time=time.perf_counter() - start)
    if gold:
        req = gold_request(i, req)
    out = plan_trip(req, ref_info=ref, repairs=False)
    status = Status.FEASIBLE if out.status == "planned" else Status.INFEASIBLE
    sol = Solution(status=status, objective=out.cost.get("total"), solve_time=out.solve_seconds, backend="z3",
                   values={"plan": out.plan, "request": req.model_dump(), "cost": out.cost, "core": out.core})
    return ModelResult(solution=sol, status=status.value, time=time.perf_counter() - start,
                       understanding=[req.model_dump()])


def produce_offline(item: Item) -> ModelResult:
    return _produce(item, gold=False)


def produce_gold(item: Item) -> ModelResult:
    return _produce(item, gold=True)


@register
class TravelPlannerSuite(Suite):
    name = "travelplanner"
    description = "TravelPlanner's 45 training queries: Z3 plans scored with the official metrics."

    def items(self, data_dir: Path) -> Iterable[Item]:
        root = Path(data_dir) / "travelplanner"
        if not (root / "train" / "train_ref_info.jsonl").is_file():
            raise DataNotFoundError(f"{root}/train is missing: suite travelplanner reads $OPTIPILOT_DATA/travelplanner.")
        import os

        os.environ.setdefault("OPTIPILOT_DATA", str(data_dir))
        from modeler.travel.database import load_query, train_size

        for i in range(train_size(str(root))):
            text, _ = load_query(i, str(root))
            yield Item(id=f"train-{i:02d}", text=text, data={"index": i})

    def solvers(self) -> dict[str, Any]:
        return {"offline": produce_offline, "gold": produce_gold}

    def score(self, item: Item, result: ModelResult) -> Verdict:
        from modeler.travel import TravelError, load_query, parse_request
        from modeler.travel.database import city_states, sandbox_from_ref_info
        from modeler.travel.evaluate import COMMONSENSE, HARD, evaluate_plan
        from modeler.travel.truth import gold_request

        i = int(item.data["index"])
        text, ref = load_query(i)
        try:
            truth = gold_request(i, parse_request(text))
        except TravelError as e:
            return Verdict(id=item.id, passed=False, category="no_truth", message=str(e))
        plan = (result.solution.values.get("plan") if result.solution else None) or None
        checks = evaluate_plan(truth, plan, sandbox_from_ref_info(ref), city_states())
        metrics = {k: float(v) for k, v in checks.items() if v is not None}
        metrics["delivered"] = float(plan is not None)
        metrics["solve_time"] = float(result.solution.solve_time if result.solution else result.time)
        failed = [k for k in (*COMMONSENSE, *HARD) if checks[k] is False]
        if plan is None:
            return Verdict(id=item.id, passed=False, category="not_delivered",
                           message=result.error or f"no plan ({result.status})", metrics=metrics)
        return Verdict(id=item.id, passed=not failed, category="passed" if not failed else failed[0],
                       message="fails: " + ", ".join(failed) if failed else "", metrics=metrics)

    def summarize(self, verdicts: list[Verdict]) -> dict[str, Any]:
        from modeler.travel.evaluate import COMMONSENSE, HARD, aggregate

        rows = [{k: (bool(v.metrics[k]) if k in v.metrics else (None if k in HARD else False))
                 for k in (*COMMONSENSE, *HARD)} for v in verdicts]
        out: dict[str, Any] = aggregate(rows, [bool(v.metrics.get("delivered")) for v in verdicts])
        times = [v.metrics["solve_time"] for v in verdicts if "solve_time" in v.metrics]
        out["median_solve_seconds"] = statistics.median(times) if times else None
        out["max_solve_seconds"] = max(times) if times else None
        out["passed"] = sum(v.passed for v in verdicts)
        return out

"""Suite `robust-capital`: two-stage robust capital budgeting (capital.py), generated instances with fixed
seeds, n in {10, 20, 30, 40, 50}; each decision is scored by its worst case (capital.worst_case_bounds, the
same evaluation for every solver) against exact CCG run on the same item in this benchmark.

No data folder is needed. Options: `per_size=K` instances per n (seeds 1..K per size), `time_limit=S` for
the solver under test, `exact_time=S` for the exact CCG reference, `eval_time=S` for one worst-case
evaluation. Solvers: `neur2ro` (the shipped capital network, with its local-search polish), `neur2ro-raw`
(without the polish) and `exact-ccg`. The score never trusts a solver's own number: it recomputes the
worst case of the returned x; gap = (reference profit - profit) / |reference profit| (negative: better
than exact CCG's decision). The worst case is reported as an interval: `profit` (the worst scenario found,
exact second stage) and `profit_lower` (a proven lower bound; they meet when the evaluation converges).
"""

from __future__ import annotations

import functools
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import numpy as np

from benchmarks.suites.base import Item, Suite, Verdict, register
from modeler.result import ModelResult
from solvers.result import Solution, Status

SIZES = (10, 20, 30, 40, 50)
SEED_BASE = 20_240_000  # instance seed = SEED_BASE + 1000 n + index: far from the training stream


def _instance(item: Item) -> Any:
    from solvers.neur2ro.capital import parse_instance

    return parse_instance(item.data["json"], item.id)


def produce(item: Item, method: str, time_limit: float) -> ModelResult:
    from solvers.neur2ro import solve

    polish = method != "neur2ro-raw"
    r = solve(_instance(item), method="neur2ro" if method == "neur2ro-raw" else method, time_limit=time_limit,
              polish=polish)
    sol = Solution(status=Status.OPTIMAL if r.optimal else Status.FEASIBLE, objective=r.profit,
                   values={"x": r.x, "iterations": r.iterations}, solve_time=r.time, backend=method)
    return ModelResult(solution=sol, status=sol.status.value, time=r.time)


@functools.cache
def _reference(item_json: str, item_id: str, exact_time: float, eval_time: float) -> tuple[float, float, bool, float]:
    """Exact CCG on the item (once per process): (profit, proven lower bound, optimal, seconds)."""
    from solvers.neur2ro.capital import exact_ccg, parse_instance, worst_case_bounds

    inst = parse_instance(item_json, item_id)
    r = exact_ccg(inst, time_limit=exact_time)
    attack, bound, _ = worst_case_bounds(inst, np.asarray(r.x, float), time_limit=eval_time)
    return -attack, -bound, r.optimal, r.time


@register
class RobustCapital(Suite):
    name = "robust-capital"
    description = "Generated two-stage robust capital budgeting, n = 10..50; gap to exact CCG's decision."
    needs_data = False

    def __init__(self, per_size: int = 2, time_limit: float = 20.0, exact_time: float = 45.0,
                 eval_time: float = 5.0, sizes: str | tuple[int, ...] = SIZES):
        self.per_size = int(per_size)
        self.time_limit = float(time_limit)
        self.exact_time = float(exact_time)
        self.eval_time = float(eval_time)
        self.sizes = tuple(int(v) for v in (sizes.split(",") if isinstance(sizes, str) else sizes))

    def items(self, data_dir: Path | None = None) -> Iterable[Item]:
        from solvers.neur2ro.capital import generate_instance

        items = []  # seed-major: a run stopped early still has every size
        for k in range(1, self.per_size + 1):
            for n in self.sizes:
                seed = SEED_BASE + 1000 * n + k
                inst = generate_instance(np.random.default_rng(seed), n, name=f"CB_n{n}_xi4_s{k}")
                items.append(Item(id=inst.name, text=f"Two-stage robust capital budgeting {inst.name}",
                                  data={"json": inst.to_json(), "n": n, "seed": seed}))
        return items

    def solvers(self) -> dict[str, Any]:
        return {m: functools.partial(produce, method=m, time_limit=self.time_limit)
                for m in ("neur2ro", "neur2ro-raw", "exact-ccg")}

    def score(self, item: Item, result: ModelResult) -> Verdict:
        from solvers.neur2ro.capital import worst_case_bounds

        sol = result.solution
        if sol is None or len(sol.values.get("x", [])) != item.data["n"]:
            return Verdict(id=item.id, passed=False, category="no_solution", message=result.error or "no first-stage x")
        inst = _instance(item)
        attack, bound, _ = worst_case_bounds(inst, np.asarray(sol.values["x"], float), time_limit=self.eval_time)
        if not np.isfinite(attack):
            return Verdict(id=item.id, passed=False, category="infeasible",
                           message="the first-stage decision breaks the budget in some scenario")
        ref, ref_lower, ref_optimal, ref_time = _reference(item.data["json"], item.id, self.exact_time, self.eval_time)
        profit = -attack
        return Verdict(id=item.id, passed=True, category="passed", metrics={
            "profit": profit, "profit_lower": -bound, "reference": ref, "reference_lower": ref_lower,
            "gap": (ref - profit) / max(abs(ref), 1e-9), "time": float(sol.solve_time or result.time),
            "reference_time": ref_time, "reference_optimal": float(ref_optimal), "n": float(item.data["n"]),
            "eval_certified": float(-bound >= profit - 1e-4 * max(1.0, abs(profit)))})

    def summarize(self, verdicts: list[Verdict]) -> dict[str, Any]:
        ok = [v for v in verdicts if v.passed]
        if not ok:
            return {"count": len(verdicts), "median_gap": None, "median_time": None}
        by_n: dict[int, list[Verdict]] = {}
        for v in ok:
            by_n.setdefault(int(v.metrics["n"]), []).append(v)

        def stats(vs: list[Verdict]) -> dict[str, Any]:
            return {"count": len(vs), "median_gap": float(np.median([v.metrics["gap"] for v in vs])),
                    "mean_gap": float(np.mean([v.metrics["gap"] for v in vs])),
                    "median_time": float(np.median([v.metrics["time"] for v in vs])),
                    "median_reference_time": float(np.median([v.metrics["reference_time"] for v in vs])),
                    "reference_proven_optimal": int(sum(v.metrics["reference_optimal"] for v in vs)),
                    "evaluations_certified": int(sum(v.metrics["eval_certified"] for v in vs))}

        return {"count": len(verdicts), "solved": len(ok), **stats(ok),
                "by_n": {str(n): stats(vs) for n, vs in sorted(by_n.items())}}

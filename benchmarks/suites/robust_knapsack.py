"""Suite `robust-knapsack`: the 504 two-stage robust knapsack instances of Arslan & Detienne, scored by
the exact worst-case profit of the first-stage decision against the branch-and-price best primal bound.

Data: $OPTIPILOT_DATA/robust_knapsack/instances.zip and results_branch_and_price.csv. Options:
`per_stratum=K` keeps K instances (fixed-seed pick) of every (n, correlation, Gamma) stratum (84 strata)
instead of all 504; `time_limit=S` for the solvers. Solvers: `neur2ro` (the shipped value network) and
`exact-ccg`. The score never trusts a solver's own number: it recomputes the worst case of the returned x.
"""

from __future__ import annotations

import csv
import functools
import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import numpy as np

from benchmarks.suites.base import DataNotFoundError, Item, Suite, Verdict, register
from modeler.result import ModelResult
from solvers.result import Solution, Status

_NAME = re.compile(r"RKP_(?P<corr>[A-Z]+)_n(?P<n>\d+)_R\d+_H\d+_h(?P<h>\d+)_dev(?P<dev>[\d.]+)_d(?P<d>[\d.]+)")


BP_TIME_LIMIT = 3 * 3600.0  # branch-and-price runs that hit their limit say TIME_LIMIT (3 hours)


def _seconds(text: str) -> float:
    return BP_TIME_LIMIT if text.strip() == "TIME_LIMIT" else float(text)


def _instance(item: Item) -> Any:
    from solvers.neur2ro import parse_instance

    return parse_instance(item.data["text"], item.id)


def produce(item: Item, method: str, time_limit: float) -> ModelResult:
    from solvers.neur2ro import solve

    r = solve(_instance(item), method=method, time_limit=time_limit)
    sol = Solution(status=Status.OPTIMAL if r.optimal else Status.FEASIBLE, objective=r.profit,
                   values={"x": r.x, "iterations": r.iterations}, solve_time=r.time, backend=method)
    return ModelResult(solution=sol, status=sol.status.value, time=r.time)


@register
class RobustKnapsack(Suite):
    name = "robust-knapsack"
    description = "504 two-stage robust knapsack instances; gap to the branch-and-price best bound."

    def __init__(self, per_stratum: int | None = None, time_limit: float = 30.0, seed: int = 0):
        self.per_stratum = None if per_stratum in (None, "", 0) else int(per_stratum)
        self.time_limit = float(time_limit)
        self.seed = int(seed)

    def items(self, data_dir: Path) -> Iterable[Item]:
        import zipfile

        root = Path(data_dir) / "robust_knapsack"
        zpath, cpath = root / "instances.zip", root / "results_branch_and_price.csv"
        if not zpath.is_file() or not cpath.is_file():
            raise DataNotFoundError(f"{root} needs instances.zip and results_branch_and_price.csv")
        with open(cpath, encoding="utf-8-sig") as fh:
            bp = {row["File name"]: row for row in csv.DictReader(fh)}
        items = []
        with zipfile.ZipFile(zpath) as z:
            for name in sorted(z.namelist()):
                base = name.rsplit("/", 1)[-1]
                m = _NAME.match(base)
                if m is None or "__MACOSX" in name or base not in bp:
                    continue
                row = bp[base]
                items.append(Item(id=base, text=f"Two-stage robust knapsack {base}", data={
                    "text": z.read(name).decode(), "bp_bound": float(row["Best primal bound"]),
                    "bp_time": _seconds(row["Time"]), "bp_optimal": row["Solved to optimality"].strip() == "1",
                    "n": int(m["n"]), "correlation": m["corr"], "dev": float(m["dev"]), "h": int(m["h"]),
                    "delta": float(m["d"])}))
        if self.per_stratum:
            rng = np.random.default_rng(self.seed)
            strata: dict[tuple[Any, ...], list[Item]] = {}
            for it in items:
                strata.setdefault((it.data["n"], it.data["correlation"], it.data["dev"]), []).append(it)
            items = [s[i] for key in sorted(strata) for s in [strata[key]]
                     for i in sorted(rng.permutation(len(s))[: self.per_stratum])]
        return items

    def solvers(self) -> dict[str, Any]:
        return {m: functools.partial(produce, method=m, time_limit=self.time_limit) for m in ("neur2ro", "exact-ccg")}

    def score(self, item: Item, result: ModelResult) -> Verdict:
        from solvers.neur2ro import worst_case

        sol = result.solution
        if sol is None or len(sol.values.get("x", [])) != item.data["n"]:
            return Verdict(id=item.id, passed=False, category="no_solution", message=result.error or "no first-stage x")
        inst = _instance(item)
        profit = -worst_case(inst, np.asarray(sol.values["x"], float))[0]
        bound = item.data["bp_bound"]
        gap = (bound - profit) / abs(bound)
        return Verdict(id=item.id, passed=True, category="passed", metrics={
            "profit": profit, "bp_bound": bound, "gap": gap, "time": float(sol.solve_time or result.time),
            "beats_bp": float(profit > bound + 1e-6), "n": float(item.data["n"]), "bp_time": item.data["bp_time"]})

    def summarize(self, verdicts: list[Verdict]) -> dict[str, Any]:
        ok = [v for v in verdicts if v.passed]
        if not ok:
            return {"count": len(verdicts), "median_gap": None, "median_time": None}
        by_n: dict[int, list[Verdict]] = {}
        for v in ok:
            by_n.setdefault(int(v.metrics["n"]), []).append(v)
        return {"count": len(verdicts), "solved": len(ok),
                "median_gap": float(np.median([v.metrics["gap"] for v in ok])),
                "mean_gap": float(np.mean([v.metrics["gap"] for v in ok])),
                "median_time": float(np.median([v.metrics["time"] for v in ok])),
                "beats_bp": int(sum(v.metrics["beats_bp"] for v in ok)),
                "by_n": {str(n): {"count": len(vs), "median_gap": float(np.median([v.metrics["gap"] for v in vs])),
                                  "median_time": float(np.median([v.metrics["time"] for v in vs])),
                                  "beats_bp": int(sum(v.metrics["beats_bp"] for v in vs))}
                         for n, vs in sorted(by_n.items())}}

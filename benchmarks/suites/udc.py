"""UDC suites, each scored against its classical reference run in the same benchmark:

- `udc-tsp500`, `udc-tsp1000`: the shared TSP test sets ($OPTIPILOT_DATA/tsp), gap to LKH-3 (memoised per
  process, settings as in the `tsp*` suites).
- `udc-cvrp500`, `udc-cvrp1000`: generated instances (UDC paper settings, instance seeds 1000 + i), gap to
  PyVRP given the same wall time UDC used on the item (at least 1 s).
- `udc-kp500`, `udc-kp1000`: generated instances (seeds 1000 + i), gap to the exact optimum (HiGHS).

Options: `count=K` (generated suites: how many instances, default 16), `rounds=R`, `time_limit=S`.
Solver `udc` (the shipped models). A result carries its solution in `solution.values["solution"]`,
the objective before conquering in `values["initial"]`; the scorer re-checks feasibility itself.
Gap is always "how much worse than the reference": ours / ref - 1 for lengths, 1 - ours / ref for value.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable
from pathlib import Path
from typing import Any, ClassVar

import numpy as np

from benchmarks.suites.base import DataNotFoundError, Item, Suite, Verdict, register
from modeler.result import ModelResult
from solvers.result import Solution, Status

SEED_BASE = 1000


def _instance(item: Item) -> Any:
    from solvers.udc import TSPInstance, random_instance

    d = item.data
    if d["problem"] == "tsp":
        return TSPInstance(coords=np.asarray(d["coords"], dtype=np.float64), name=item.id)
    return random_instance(d["problem"], int(d["n"]), int(d["seed"]))


def produce_udc(item: Item, rounds: int | None = None, time_limit: float | None = None) -> ModelResult:
    from solvers.udc import solve

    r = solve(_instance(item), rounds=rounds, time_limit=time_limit, seed=0)
    sol = r.solution.tolist() if hasattr(r.solution, "tolist") else r.solution
    values = {"solution": sol, "initial": r.initial_objective, "history": r.history, "timings": r.timings}
    out = Solution(status=Status.FEASIBLE, objective=r.objective, values=values, solve_time=r.time, backend="udc")
    return ModelResult(solution=out, status=out.status.value, time=r.time)


@functools.lru_cache(maxsize=64)
def _exact_kp(n: int, seed: int) -> tuple[float, float]:
    from solvers.udc import random_instance
    from solvers.udc.reference import exact_kp

    r = exact_kp(random_instance("kp", n, seed))  # type: ignore[arg-type]
    return r["objective"], r["time"]


class _UDCSuite(Suite):
    problem: ClassVar[str]
    n: ClassVar[int]
    reference_name: ClassVar[str]

    def __init__(self, count: int = 16, rounds: int | None = None, time_limit: float | None = None) -> None:
        self.count = int(count)
        self.rounds = None if rounds in (None, "") else int(rounds)
        self.time_limit = None if time_limit in (None, "") else float(time_limit)

    def items(self, data_dir: Path) -> Iterable[Item]:
        for i in range(self.count):
            seed = SEED_BASE + i
            yield Item(id=f"{self.problem}{self.n}-s{seed}", text=f"Random {self.problem.upper()} with n = {self.n}",
                       data={"problem": self.problem, "n": self.n, "seed": seed})

    def solvers(self) -> dict[str, Any]:
        return {"udc": functools.partial(produce_udc, rounds=self.rounds, time_limit=self.time_limit)}

    def _reference(self, item: Item, result: ModelResult) -> tuple[float, float, str]:
        raise NotImplementedError  # each problem's subclass runs its own reference

    def _check(self, inst: Any, solution: Any) -> float:
        from solvers.udc import check_cvrp, check_kp, check_tsp

        return {"tsp": check_tsp, "cvrp": check_cvrp, "kp": check_kp}[self.problem](inst, solution)

    def score(self, item: Item, result: ModelResult) -> Verdict:
        from solvers.udc import UDCInputError

        sol = result.solution
        if sol is None or "solution" not in sol.values:
            return Verdict(id=item.id, passed=False, category="no_solution", message=result.error or "no solution")
        inst = _instance(item)
        try:
            obj = self._check(inst, sol.values["solution"])
        except (UDCInputError, TypeError, ValueError, IndexError) as e:
            return Verdict(id=item.id, passed=False, category="infeasible", message=str(e))
        ref, ref_time, ref_name = self._reference(item, result)
        maximise = self.problem == "kp"
        gap = (1.0 - obj / ref) if maximise else (obj / ref - 1.0)
        init = float(sol.values.get("initial", obj))
        gap0 = (1.0 - init / ref) if maximise else (init / ref - 1.0)
        return Verdict(id=item.id, passed=True, category="passed", metrics={
            "objective": obj, "reference": ref, "gap": gap, "gap_before_conquer": gap0,
            "time": float(result.time or sol.solve_time), "reference_time": ref_time,
            "rounds": len(sol.values.get("history", []))})

    def summarize(self, verdicts: list[Verdict]) -> dict[str, Any]:
        ok = [v for v in verdicts if v.passed]

        def mean(key: str) -> float | None:
            return float(np.mean([v.metrics[key] for v in ok])) if ok else None

        return {"count": len(verdicts), "feasible": len(ok), "mean_gap": mean("gap"),
                "mean_gap_before_conquer": mean("gap_before_conquer"),
                "max_gap": float(max(v.metrics["gap"] for v in ok)) if ok else None,
                "mean_time": mean("time"), "reference_mean_time": mean("reference_time"),
                "reference": self.reference_name}


class _UDCTSP(_UDCSuite):
    problem = "tsp"
    reference_name = "LKH-3"

    def items(self, data_dir: Path) -> Iterable[Item]:
        from solvers.tsp import read_instances

        f = Path(data_dir) / "tsp" / f"tsp{self.n}_test.zip"
        if not f.is_file():
            raise DataNotFoundError(f"{f} is missing: suite {self.name} reads $OPTIPILOT_DATA/tsp/tsp{self.n}_test.zip.")
        for inst in read_instances(f):
            yield Item(id=inst.name, text=f"TSP with n = {self.n}",
                       data={"problem": "tsp", "n": self.n, "coords": inst.coords.tolist()})

    def _reference(self, item: Item, result: ModelResult) -> tuple[float, float, str]:
        from benchmarks.suites.tsp import lkh_reference

        length, seconds, _, _ = lkh_reference(item)
        return length, seconds, "LKH-3"


class _UDCCVRP(_UDCSuite):
    problem = "cvrp"
    reference_name = "PyVRP (same time)"
    needs_data = False

    def _reference(self, item: Item, result: ModelResult) -> tuple[float, float, str]:
        from solvers.udc.reference import pyvrp_cvrp

        r = pyvrp_cvrp(_instance(item), time_limit=max(float(result.time or 0.0), 1.0))
        return r["objective"], r["time"], "PyVRP (same time)"


class _UDCKP(_UDCSuite):
    problem = "kp"
    reference_name = "exact (HiGHS)"
    needs_data = False

    def _reference(self, item: Item, result: ModelResult) -> tuple[float, float, str]:
        value, seconds = _exact_kp(int(item.data["n"]), int(item.data["seed"]))
        return value, seconds, "exact (HiGHS)"


def _suite(base: type[_UDCSuite], size: int) -> type[_UDCSuite]:
    name = f"udc-{base.problem}{size}"
    what = {"tsp": "shared TSP test set, gap to LKH-3", "cvrp": "generated CVRP, gap to PyVRP at the same time",
            "kp": "generated knapsack, gap to the exact optimum"}[base.problem]
    cls = type(f"UDC_{base.problem}{size}", (base,), {"name": name, "n": size, "description": f"UDC on {what} (n = {size})."})
    return register(cls)


for _base in (_UDCTSP, _UDCCVRP, _UDCKP):
    for _size in (500, 1000):
        _suite(_base, _size)

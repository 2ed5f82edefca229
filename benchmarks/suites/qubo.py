"""QUBO suites `qubo-mdkp`, `qubo-mis`, `qubo-tsp`: generated instances (fixed seeds), scored against
OR-Tools CP-SAT run in the same process.

Instances: MDKP like Chu & Beasley (n in {50, 100, 250}, m in {5, 10}, tightness 0.25 / 0.5 / 0.75,
seed 0), MIS on Erdos-Renyi graphs (n in {50, 100, 200}, p in {0.05, 0.1}, seeds 0 and 1), TSP with n in
{5, 6, 8, 10} (seeds 0..4). No data folder is needed.

Solvers (`bench run qubo-mdkp --strategy NAME`): `slack`, `lagrangian-subgradient`, `lagrangian-bundle`,
`lagrangian-cutting-plane`, `lagrangian-alm`, and for MIS `fixed-penalty`; each with simulated
annealing and 20 calls x 20 reads. Per item: binary variables, feasibility rate over the reads, best
feasible objective, gap to CP-SAT's best (with whether CP-SAT proved it optimal within `reference_time`
seconds), sampler calls and time.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable
from pathlib import Path
from typing import Any, ClassVar

import numpy as np

from benchmarks.suites.base import Item, Suite, Verdict, register
from modeler.result import ModelResult
from solvers.result import Solution, Status

ITERATIONS, READS = 20, 20


def _problem(item: Item) -> Any:
    from solvers.qubo import from_json

    return from_json(item.data["problem"])


@functools.lru_cache(maxsize=128)
def _reference(key: str, payload: str, time_limit: float) -> tuple[float, bool]:
    import json

    from solvers.qubo import exact_optimum, from_json

    return exact_optimum(from_json(json.loads(payload)), time_limit=time_limit)


def produce(item: Item, encoding: str, method: str = "subgradient") -> ModelResult:
    from solvers.qubo import solve

    r = solve(_problem(item), encoding, method, "sa", iterations=ITERATIONS, reads=READS, seed=0)
    sol = Solution(status=Status.FEASIBLE if r.feasible else Status.UNKNOWN, objective=r.objective,
                   values={"x": r.solution or [], "num_variables": r.num_variables,
                           "feasibility_rate": r.feasibility_rate, "sampler_calls": r.sampler_calls},
                   solve_time=r.time, backend=f"qubo-{encoding}-{r.method or ''}-sa", message=str(r.settings))
    return ModelResult(solution=sol, status=sol.status.value, time=r.time)


class _QUBOSuite(Suite):
    kind: ClassVar[str]
    needs_data = False

    def __init__(self, reference_time: float = 30.0):
        self.reference_time = float(reference_time)

    def problems(self) -> list[Any]:
        raise NotImplementedError

    def items(self, data_dir: Path) -> Iterable[Item]:
        for p in self.problems():
            yield Item(id=p.name, text=f"{self.kind} instance {p.name}", data={"problem": p.to_json()})

    def solvers(self) -> dict[str, Any]:
        out: dict[str, Any] = {"slack": functools.partial(produce, encoding="slack")}
        for m in ("subgradient", "bundle", "cutting-plane", "alm"):
            out[f"lagrangian-{m}"] = functools.partial(produce, encoding="lagrangian", method=m)
        return out

    def score(self, item: Item, result: ModelResult) -> Verdict:
        import json

        from solvers.qubo import gap

        p = _problem(item)
        sol = result.solution
        if sol is None or not sol.values.get("x"):
            return Verdict(id=item.id, passed=False, category="no_feasible_solution",
                           message=result.error or "no feasible sample (after repair)")
        x = np.asarray(sol.values["x"], float)
        if np.any(p.violations(x) > 1e-9):
            return Verdict(id=item.id, passed=False, category="infeasible", message="the solution breaks a constraint")
        obj = p.objective(x)
        ref, proven = _reference(item.id, json.dumps(item.data["problem"]), self.reference_time)
        g = gap(p, obj, ref)
        return Verdict(id=item.id, passed=True, category="passed", metrics={
            "objective": obj, "reference": ref, "reference_proven": float(proven), "gap": float(g),
            "num_variables": float(sol.values["num_variables"]),
            "feasibility_rate": float(sol.values["feasibility_rate"]),
            "sampler_calls": float(sol.values["sampler_calls"]), "time": float(sol.solve_time or 0.0)})

    def summarize(self, verdicts: list[Verdict]) -> dict[str, Any]:
        ok = [v for v in verdicts if v.passed]

        def mean(k: str) -> float | None:
            return float(np.mean([v.metrics[k] for v in ok])) if ok else None

        return {"count": len(verdicts), "feasible": len(ok), "mean_gap": mean("gap"),
                "mean_feasibility_rate": mean("feasibility_rate"), "mean_num_variables": mean("num_variables"),
                "mean_time": mean("time"), "optimum_found": sum(v.metrics["gap"] <= 1e-9 for v in ok),
                "reference_proven": sum(v.metrics["reference_proven"] > 0 for v in ok)}


@register
class QUBOMDKP(_QUBOSuite):
    name = "qubo-mdkp"
    description = "18 Chu-Beasley MDKP instances (n 50/100/250, m 5/10, tightness 0.25/0.5/0.75) as QUBOs."
    kind = "mdkp"

    def problems(self) -> list[Any]:
        from solvers.qubo import generate_mdkp

        return [generate_mdkp(n, m, t, seed=0) for n in (50, 100, 250) for m in (5, 10) for t in (0.25, 0.5, 0.75)]


@register
class QUBOMIS(_QUBOSuite):
    name = "qubo-mis"
    description = "12 Erdos-Renyi MIS instances (n 50/100/200, p 0.05/0.1, 2 seeds) as QUBOs."
    kind = "mis"

    def problems(self) -> list[Any]:
        from solvers.qubo import generate_mis

        return [generate_mis(n, p, seed=s) for n in (50, 100, 200) for p in (0.05, 0.1) for s in (0, 1)]

    def solvers(self) -> dict[str, Any]:
        return super().solvers() | {"fixed-penalty": functools.partial(produce, encoding="penalty")}


@register
class QUBOTSP(_QUBOSuite):
    name = "qubo-tsp"
    description = "20 random TSP instances (n 5/6/8/10, 5 seeds) as n^2-variable QUBOs."
    kind = "tsp"

    def problems(self) -> list[Any]:
        from solvers.qubo import generate_tsp

        return [generate_tsp(n, seed=s) for n in (5, 6, 8, 10) for s in range(5)]

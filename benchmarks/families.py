"""Scaled benchmark families: the same problem at any size, as a model and as direct OR-Tools code.

Each family has three parts sharing one data generator, so both sides of a comparison see the same
instance:

- `<family>_data(n, seed)`: the numbers, deterministic from `seed` (a private `random.Random`, so the
  global random state is neither used nor disturbed);
- `<family>(n, seed)`: the instance in the model form (`modeler/ir/FORMAT.md`) as a plain,
  JSON-serialisable dict;
- `<family>_direct(n, seed, backend, time_limit)`: the baseline, the same model written by hand in the
  OR-Tools API (CP-SAT or SCIP through `pywraplp`), returning the objective and the seconds spent
  building and solving it. The gap between this and solving the dict through the project measures
  what the modelling layer costs.

OR-Tools is imported inside the direct functions only (it costs about a second to import), and the
import happens before the build timer starts.
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable
from typing import Any, Literal, NamedTuple

Backend = Literal["cpsat", "scip"]
# The relative MIP gap the ortools-mip backend asks SCIP to prove (solvers/backends/ortools_mip.py:MIP_GAP);
# the direct baseline asks the same, or it would stop earlier at a worse answer and look faster.
SCIP_GAP = 1e-9
BACKENDS: tuple[Backend, ...] = ("cpsat", "scip")


class FamilyError(ValueError):
    """A family was asked for an instance it cannot make or a backend it does not know."""


class DirectResult(NamedTuple):
    """What a direct baseline reports; unpacks as `(objective, build_seconds, solve_seconds)`.

    `objective` is the best objective found within the time limit (the optimum when the solver
    proved it), or None when the solver found no solution in time.
    """

    objective: float | None
    build_seconds: float
    solve_seconds: float


def _check(n: int, backend: str | None = None) -> None:
    if not isinstance(n, int) or isinstance(n, bool) or n < 1:
        raise FamilyError(f"instance size n must be a positive integer, got {n!r}")
    if backend is not None and backend not in BACKENDS:
        raise FamilyError(f"unknown backend {backend!r}; choose one of {', '.join(BACKENDS)}")


# ------------------------------------------------------------------------------------------- knapsack
def knapsack_data(n: int, seed: int = 0) -> tuple[list[int], list[int], int]:
    """`(values, weights, capacity)` of a 0/1 knapsack with `n` items.

    Weights are 10..100 and each value is its weight plus noise in -10..10 (a "weakly correlated"
    instance: uncorrelated random data is solved by bound propagation alone and measures nothing).
    The capacity is half the total weight, rounded down.
    """
    _check(n)
    rng = random.Random(f"knapsack:{n}:{seed}")
    weights = [rng.randint(10, 100) for _ in range(n)]
    values = [max(1, w + rng.randint(-10, 10)) for w in weights]
    return values, weights, sum(weights) // 2


def knapsack(n: int, seed: int = 0) -> dict[str, Any]:
    """A 0/1 knapsack with `n` items in the model form: binary `take[i]`, maximise value."""
    values, weights, capacity = knapsack_data(n, seed)
    return {
        "name": f"knapsack_{n}_{seed}",
        "description": f"Pick among {n} items the most valuable set weighing at most {capacity}.",
        "sets": {"ITEMS": f"1..{n}"},
        "parameters": {
            "value": {"index": ["ITEMS"], "value": values},
            "weight": {"index": ["ITEMS"], "value": weights},
            "capacity": capacity,
        },
        "variables": {"take": {"index": ["ITEMS"], "type": "binary"}},
        "objective": {"sense": "max", "expr": "sum(value[i] * take[i] for i in ITEMS)"},
        "constraints": {
            "weight_limit": {"expr": "sum(weight[i] * take[i] for i in ITEMS) <= capacity"},
        },
    }


def knapsack_direct(n: int, seed: int = 0, backend: Backend = "cpsat",
                    time_limit: float = 60.0) -> DirectResult:
    """Solve `knapsack(n, seed)` written directly in OR-Tools; see `DirectResult`."""
    _check(n, backend)
    values, weights, capacity = knapsack_data(n, seed)
    items = range(n)
    if backend == "cpsat":
        from ortools.sat.python import cp_model

        t0 = time.perf_counter()
        model = cp_model.CpModel()
        take = [model.NewBoolVar(f"take_{i}") for i in items]
        model.Add(sum(weights[i] * take[i] for i in items) <= capacity)
        model.Maximize(sum(values[i] * take[i] for i in items))
        return _solve_cpsat(model, t0, time_limit)

    from ortools.linear_solver import pywraplp

    t0 = time.perf_counter()
    solver = _scip(pywraplp)
    take = [solver.BoolVar(f"take_{i}") for i in items]
    solver.Add(solver.Sum([weights[i] * take[i] for i in items]) <= capacity)
    solver.Maximize(solver.Sum([values[i] * take[i] for i in items]))
    return _solve_scip(solver, t0, time_limit)


# ----------------------------------------------------------------------------------------- assignment
def assignment_data(n: int, seed: int = 0) -> list[list[int]]:
    """An `n` x `n` matrix of integer costs 1..100; row = worker, column = job."""
    _check(n)
    rng = random.Random(f"assignment:{n}:{seed}")
    return [[rng.randint(1, 100) for _ in range(n)] for _ in range(n)]


def assignment(n: int, seed: int = 0) -> dict[str, Any]:
    """Assign `n` workers to `n` jobs one-to-one at least cost, in the model form: binary `x[i, j]`."""
    cost = assignment_data(n, seed)
    return {
        "name": f"assignment_{n}_{seed}",
        "description": f"Assign {n} workers to {n} jobs, each worker one job and each job one worker, "
                       "at least total cost.",
        "sets": {"WORKERS": f"1..{n}", "JOBS": f"1..{n}"},
        "parameters": {"cost": {"index": ["WORKERS", "JOBS"], "value": cost}},
        "variables": {"x": {"index": ["WORKERS", "JOBS"], "type": "binary"}},
        "objective": {"sense": "min", "expr": "sum(cost[i, j] * x[i, j] for i in WORKERS for j in JOBS)"},
        "constraints": {
            "one_job_each": {"expr": "sum(x[i, j] for j in JOBS) == 1", "forall": "i in WORKERS"},
            "one_worker_each": {"expr": "sum(x[i, j] for i in WORKERS) == 1", "forall": "j in JOBS"},
        },
    }


def assignment_direct(n: int, seed: int = 0, backend: Backend = "cpsat",
                      time_limit: float = 60.0) -> DirectResult:
    """Solve `assignment(n, seed)` written directly in OR-Tools; see `DirectResult`."""
    _check(n, backend)
    cost = assignment_data(n, seed)
    rows = range(n)
    if backend == "cpsat":
        from ortools.sat.python import cp_model

        t0 = time.perf_counter()
        model = cp_model.CpModel()
        x = [[model.NewBoolVar(f"x_{i}_{j}") for j in rows] for i in rows]
        for i in rows:
            model.AddExactlyOne(x[i])
        for j in rows:
            model.AddExactlyOne(x[i][j] for i in rows)
        model.Minimize(sum(cost[i][j] * x[i][j] for i in rows for j in rows))
        return _solve_cpsat(model, t0, time_limit)

    from ortools.linear_solver import pywraplp

    t0 = time.perf_counter()
    solver = _scip(pywraplp)
    x = [[solver.BoolVar(f"x_{i}_{j}") for j in rows] for i in rows]
    for i in rows:
        solver.Add(solver.Sum(x[i]) == 1)
    for j in rows:
        solver.Add(solver.Sum([x[i][j] for i in rows]) == 1)
    solver.Minimize(solver.Sum([cost[i][j] * x[i][j] for i in rows for j in rows]))
    return _solve_scip(solver, t0, time_limit)


# ------------------------------------------------------------------------------------ solver plumbing
def _solve_cpsat(model: Any, t0: float, time_limit: float) -> DirectResult:
    from ortools.sat.python import cp_model

    t1 = time.perf_counter()
    solver = cp_model.CpSolver()
    solver.parameters.max_time_in_seconds = float(time_limit)
    status = solver.Solve(model)
    t2 = time.perf_counter()
    found = status in (cp_model.OPTIMAL, cp_model.FEASIBLE)
    return DirectResult(solver.ObjectiveValue() if found else None, t1 - t0, t2 - t1)


def _scip(pywraplp: Any) -> Any:
    solver = pywraplp.Solver.CreateSolver("SCIP")
    if solver is None:  # an OR-Tools build without SCIP
        raise FamilyError("this OR-Tools build has no SCIP solver; use backend='cpsat'")
    return solver


def _solve_scip(solver: Any, t0: float, time_limit: float) -> DirectResult:
    from ortools.linear_solver import pywraplp

    t1 = time.perf_counter()
    solver.SetTimeLimit(max(1, int(time_limit * 1000)))  # milliseconds
    params = pywraplp.MPSolverParameters()
    params.SetDoubleParam(params.RELATIVE_MIP_GAP, SCIP_GAP)
    status = solver.Solve(params)
    t2 = time.perf_counter()
    found = status in (pywraplp.Solver.OPTIMAL, pywraplp.Solver.FEASIBLE)
    return DirectResult(solver.Objective().Value() if found else None, t1 - t0, t2 - t1)


# ---------------------------------------------------------------------------------------- registry
class Family(NamedTuple):
    """One scaled family: its model generator and its direct OR-Tools baseline."""

    model: Callable[[int, int], dict[str, Any]]
    direct: Callable[..., DirectResult]


FAMILIES: dict[str, Family] = {
    "knapsack": Family(knapsack, knapsack_direct),
    "assignment": Family(assignment, assignment_direct),
}

"""UDC (Zheng et al., NeurIPS 2024): unified neural divide-and-conquer for large TSP, CVRP and knapsack.

A GNN on a sparse k-nearest-neighbour graph builds a first solution (dividing); the solution is cut into
fixed-size sub-problems that an attention model re-solves, keeping only improvements (conquering), for a
number of rounds with a rotating offset.

    from solvers.udc import random_instance, solve
    r = solve(random_instance("tsp", 500, seed=1), rounds=20)   # UDCResult: r.solution, r.objective

Modules: base.py (instances, generators, feasibility checks, result, errors), graph.py (k-NN graphs),
gnn.py (the edge-gated GNN), tsp.py / cvrp.py / knapsack.py (each problem's divide and conquer,
`solve` and `load_model`), conquer_*.py (the attention sub-solvers), train_*.py (training, through
`python -m solvers.udc.train --problem tsp|cvrp|kp`), io.py (instance files), reference.py (PyVRP, exact knapsack).
Trained weights and their logs ship in artifacts/.
"""

from __future__ import annotations

import importlib
from typing import Any

from solvers.udc.base import (
    PROBLEMS,
    CVRPInstance,
    Instance,
    KPInstance,
    TSPInstance,
    UDCInputError,
    UDCResult,
    check_cvrp,
    check_kp,
    check_tsp,
    random_instance,
    validate,
)

_MODULES = {"tsp": "solvers.udc.tsp", "cvrp": "solvers.udc.cvrp", "kp": "solvers.udc.knapsack"}


def problem_of(inst: Instance) -> str:
    if isinstance(inst, TSPInstance):
        return "tsp"
    if isinstance(inst, CVRPInstance):
        return "cvrp"
    if isinstance(inst, KPInstance):
        return "kp"
    raise UDCInputError(f"not a UDC instance: {type(inst).__name__}")


def problem_module(problem: str) -> Any:
    """The module that solves `problem` (imported on first use: it pulls in torch)."""
    if problem not in _MODULES:
        raise UDCInputError(f"unknown problem {problem!r}: choose one of {', '.join(PROBLEMS)}")
    return importlib.import_module(_MODULES[problem])


def solve(inst: Instance, *, rounds: int | None = None, time_limit: float | None = None, seed: int = 0,
          model: Any | None = None) -> UDCResult:
    """Divide and conquer `inst` with the shipped (or given) model; see UDCResult."""
    mod = problem_module(problem_of(inst))
    kwargs: dict[str, Any] = {"time_limit": time_limit, "seed": seed, "model": model}
    if rounds is not None:
        if rounds < 0:
            raise UDCInputError("rounds must be >= 0")
        kwargs["rounds"] = rounds
    return mod.solve(inst, **kwargs)


__all__ = ["CVRPInstance", "Instance", "KPInstance", "PROBLEMS", "TSPInstance", "UDCInputError", "UDCResult",
           "check_cvrp", "check_kp", "check_tsp", "problem_module", "problem_of", "random_instance", "solve",
           "validate"]

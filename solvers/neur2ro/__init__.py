"""Neur2RO (Dumouchelle et al., ICLR 2024): two-stage robust optimization with a learned second-stage
value function inside column-and-constraint generation, on the robust knapsack of Arslan & Detienne.

    from solvers.neur2ro import read_instance, solve
    r = solve(read_instance("RKP_UN_n50_..."), time_limit=30)     # r.profit is the exact worst case of r.x

Modules: knapsack.py (problem, reader, generator, exact second stage and worst case), model.py (the
DeepSets value network), train.py (data + training, one command), milp.py (the network inside a MILP:
main and adversarial problems), ccg.py (Neur2RO and exact CCG).
"""

from __future__ import annotations

from typing import Any

from solvers.neur2ro.ccg import RobustResult, exact_ccg, neur2ro
from solvers.neur2ro.errors import RobustInputError
from solvers.neur2ro.knapsack import Instance, parse_instance, read_dataset, read_instance, worst_case

_NET: list[Any] = []


def solve(inst: Instance, method: str = "neur2ro", time_limit: float = 30.0) -> RobustResult:
    """Solve a robust knapsack instance with `neur2ro` (the shipped network) or `exact-ccg`."""
    if time_limit <= 0:
        raise RobustInputError("the time limit must be positive")
    if method == "exact-ccg":
        return exact_ccg(inst, time_limit=time_limit)
    if method != "neur2ro":
        raise RobustInputError(f"unknown method {method!r}: neur2ro or exact-ccg")
    if not _NET:
        from solvers.neur2ro.model import load

        _NET.append(load())
    return neur2ro(inst, _NET[0], time_limit=time_limit)


__all__ = ["Instance", "RobustInputError", "RobustResult", "exact_ccg", "neur2ro", "parse_instance",
           "read_dataset", "read_instance", "solve", "worst_case"]

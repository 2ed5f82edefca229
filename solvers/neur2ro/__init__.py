"""Neur2RO (Dumouchelle et al., ICLR 2024): two-stage robust optimization with a learned second-stage
value function inside column-and-constraint generation, on the robust knapsack of Arslan & Detienne and
on robust capital budgeting (Subramanyam et al.).

    from solvers.neur2ro import read_instance, solve
    r = solve(read_instance("RKP_UN_n50_..."), time_limit=30)     # r.profit is the exact worst case of r.x
    from solvers.neur2ro.capital import generate_instance
    r = solve(generate_instance(np.random.default_rng(0), 30), time_limit=30)

Modules: problem.py (the interface a problem gives Neur2RO), knapsack.py and capital.py (the problems:
readers, generators, exact second stage and worst case; capital.exact_ccg), model.py (the DeepSets value
networks), train.py (data + training, one command per problem), milp.py (the network inside a MILP:
main and adversarial problems), ccg.py (Neur2RO with its local-search polish, the knapsack's exact CCG).
"""

from __future__ import annotations

from typing import Any

from solvers.neur2ro.ccg import RobustResult, exact_ccg, neur2ro
from solvers.neur2ro.errors import RobustInputError
from solvers.neur2ro.knapsack import Instance, parse_instance, read_dataset, read_instance, worst_case

_NETS: dict[str, Any] = {}


def solve(inst: Any, method: str = "neur2ro", time_limit: float = 30.0, polish: bool = True) -> RobustResult:
    """Solve a robust knapsack (knapsack.Instance) or capital budgeting (capital.CapitalInstance) instance
    with `neur2ro` (the shipped network of that problem; `polish`: the local search after CCG) or
    `exact-ccg`."""
    if time_limit <= 0:
        raise RobustInputError("the time limit must be positive")
    kind = getattr(inst, "kind", None)
    if kind not in ("knapsack", "capital"):
        raise RobustInputError(f"not a robust instance: {type(inst).__name__}")
    if method == "exact-ccg":
        if kind == "capital":
            from solvers.neur2ro.capital import exact_ccg as capital_ccg

            return capital_ccg(inst, time_limit=time_limit)
        return exact_ccg(inst, time_limit=time_limit)
    if method != "neur2ro":
        raise RobustInputError(f"unknown method {method!r}: neur2ro or exact-ccg")
    if kind == "capital" and inst.loans:
        raise RobustInputError("Neur2RO here has a binary first stage only: with loans use --method exact-ccg")
    if kind not in _NETS:
        from solvers.neur2ro.model import ARTIFACT, CAPITAL_ARTIFACT, load

        _NETS[kind] = load(CAPITAL_ARTIFACT if kind == "capital" else ARTIFACT)
    return neur2ro(inst, _NETS[kind], time_limit=time_limit, polish=polish)


__all__ = ["Instance", "RobustInputError", "RobustResult", "exact_ccg", "neur2ro", "parse_instance",
           "read_dataset", "read_instance", "solve", "worst_case"]

"""Whether a reading's model has a solution at all.

A word problem is written to be solved, so a model with no solution (constraints that contradict each
other, or an objective that runs off to infinity) is a misreading. When the surest reading's model has
none, `read_surest` shows the surest reading of another tagging that has one. The check solves the
model's LP relaxation (`solvers.relaxation`): no integer model has a solution when its relaxation is
infeasible, and an unbounded relaxation marks the misreadings that leave a variable unlimited.
"""

from __future__ import annotations

from typing import Any

# (no answer within this time is no verdict: the reading stays as it is)
TIME_LIMIT = 2.0


def has_solution(model_json: dict[str, Any]) -> bool | None:
    """False when the model's LP relaxation is infeasible or unbounded, True when it has an optimum,
    None when the check cannot tell (no LP backend, a timeout, a model the solvers refuse)."""
    from solvers.result import Status

    sol = _relaxation(model_json)
    if sol is None:
        return None
    if sol.status in (Status.INFEASIBLE, Status.UNBOUNDED):
        return False
    return True if sol.status == Status.OPTIMAL else None


def lp_optimum(model_json: dict[str, Any]) -> float | None:
    """The optimum of the model's LP relaxation; None when it has none or the check cannot tell."""
    from solvers.result import Status

    sol = _relaxation(model_json)
    return sol.objective if sol is not None and sol.status == Status.OPTIMAL else None


def _relaxation(model_json: dict[str, Any]) -> Any:
    """The Solution of the model's LP relaxation; None when the check cannot run."""
    from modeler.ir import Model
    from solvers.relaxation import solve_relaxation

    try:
        return solve_relaxation(Model.from_json(model_json), TIME_LIMIT)
    except Exception:  # noqa: BLE001 - a check that cannot run gives no verdict
        return None

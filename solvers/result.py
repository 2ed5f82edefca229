"""What every solve returns, whatever the backend: a status, the objective, the values by name."""

from __future__ import annotations

from enum import StrEnum
from typing import Any

from pydantic import BaseModel, Field


class Status(StrEnum):
    OPTIMAL = "optimal"  # proven optimal (or, without an objective, a solution was found)
    FEASIBLE = "feasible"  # a solution, optimality not proven (time limit)
    INFEASIBLE = "infeasible"
    UNBOUNDED = "unbounded"
    TIMEOUT = "timeout"  # time limit reached with no solution
    ERROR = "error"  # the backend failed; `message` says why

    @property
    def has_solution(self) -> bool:
        return self in (Status.OPTIMAL, Status.FEASIBLE)


class Conflict(BaseModel):
    """One constraint of an infeasibility explanation, named as in the model."""

    name: str  # e.g. "demand[b]" or "bounds of x[a]"
    description: str = ""  # the constraint's own description, when the model gives one
    text: str = ""  # the constraint as written, instantiated for this copy


class Solution(BaseModel):
    status: Status
    objective: float | None = None
    # values[var_name] is a number for a scalar variable, else {index_key: number} where the key is the
    # member for one index set and "a,b" (members joined by commas) for two or more.
    values: dict[str, Any] = Field(default_factory=dict)
    solve_time: float = 0.0  # seconds in the solver itself
    compile_time: float = 0.0  # seconds from model to the backend's own form
    backend: str = ""
    backend_version: str = ""
    model_text: str = ""  # the generated model text / code, readable and reusable
    model_language: str = ""  # "lp", "minizinc", "smt2", "python", ...
    message: str = ""  # why, for errors; notes otherwise
    conflicts: list[Conflict] = Field(default_factory=list)  # for infeasible models

    def value(self, name: str, *index: Any) -> Any:
        """The value of a variable: `sol.value("x")`, `sol.value("x", "a")`, `sol.value("y", 1, 2)`."""
        v = self.values[name]
        if not index:
            return v
        return v[",".join(str(i) for i in index)]

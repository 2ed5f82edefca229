"""ModelResult: what the modeler hands back for a problem (and what benchmark scorers read)."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, Field

from solvers.result import Solution


class ModelResult(BaseModel):
    model: Any | None = None  # the five-element model (modeler.ir.Model) when the strategy produced one
    code: str | None = None  # generated program, when the strategy produced code
    language: str | None = None  # "cpmpy", "ortools", "minizinc", "pyomo", "pulp" for code
    solution: Solution | None = None
    status: str = "error"  # the solution's status, or "error" / "refused" before solving
    error: str = ""  # a message a person can act on, when something failed
    explanation: str = ""
    understanding: list[dict[str, Any]] = Field(default_factory=list)  # what the strategy read from the text
    transcript: list[dict[str, Any]] = Field(default_factory=list)
    tokens: int = 0
    cost: float = 0.0
    time: float = 0.0  # seconds end to end

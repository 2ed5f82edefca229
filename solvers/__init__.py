"""Everything that solves: `solve(model)` over many real backends, `cross_check`, `list_backends()`.

    from modeler.ir import Model
    from solvers import solve
    sol = solve(Model.load("knapsack.json"), backend="cpsat", time_limit=10)
    sol.status, sol.objective, sol.value("take", "tent")
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from solvers.errors import BackendUnavailableError, SolverError, UnknownBackendError, UnsupportedModelError
from solvers.result import Conflict, Solution, Status

__all__ = ["solve", "cross_check", "list_backends", "choose_backend", "Solution", "Status", "Conflict",
           "SolverError", "UnknownBackendError", "BackendUnavailableError", "UnsupportedModelError",
           "CrossCheck", "BackendInfo"]

DEFAULT_TIME_LIMIT = 60.0

# Preference by model kind, best first: the first backend that is available and supports the model wins.
_PREFERENCE = {
    "lp": ["ortools-mip", "pyomo-highs", "pulp-cbc", "z3"],
    # SCIP beats CP-SAT on knapsack and assignment MILPs here (benchmarks/results/backends.json)
    "milp": ["ortools-mip", "pyomo-highs", "cpsat", "pulp-cbc", "z3"],
    "cp": ["cpsat", "cpmpy", "minizinc", "z3"],
    "nonlinear": ["z3"],
}


def _as_ground(model: Any):
    from modeler.ir import Model
    from modeler.ir.ground import GroundModel, ground

    if isinstance(model, GroundModel):
        return model
    if isinstance(model, str) and not model.lstrip().startswith("{") and Path(model).is_file():
        model = Path(model)  # a path given as text
    if not isinstance(model, Model):
        model = Model.from_json(model)
    return ground(model)


def choose_backend(model: Any) -> str:
    """The backend `solve` uses when none is named: the best available one for the model's kind."""
    from solvers.backends import base

    gm = _as_ground(model)
    kind = gm.features.kind
    for name in _PREFERENCE[kind]:
        try:
            b = base.get(name)
        except ImportError:  # a backend whose module cannot load is simply not a candidate
            continue
        if b.available()[0] and b.supports(gm)[0]:
            return name
    raise UnsupportedModelError(f"no installed backend can solve this {kind} model")


def solve(model: Any, backend: str | None = None, time_limit: float | None = DEFAULT_TIME_LIMIT,
          explain: bool = True, keep_text: bool = True) -> Solution:
    """Solve a model (Model, dict, JSON text or Path) and return a Solution.

    backend: a name from `list_backends()`, or None to choose by the model's kind.
    explain: for an infeasible model, find a small set of conflicting named constraints.
    keep_text: put the generated model text in `Solution.model_text` (costs time on big models).
    Raises ModelError (modeler.ir) for a bad model and SolverError for a backend that cannot take it;
    solver failures at run time come back as Status.ERROR with a message.
    """
    from solvers.backends import base

    gm = _as_ground(model)
    name = backend or choose_backend(gm)
    b = base.get(name)
    ok, version = b.available()
    if not ok:
        raise BackendUnavailableError(f"backend {name!r} is not usable here: {version}")
    ok, why = b.supports(gm)
    if not ok:
        raise UnsupportedModelError(f"backend {name!r} cannot solve this model: {why}")
    compiled = b.compile(gm)
    sol = b.solve(compiled, time_limit)
    if keep_text:
        sol.model_text, sol.model_language = compiled.text()
    if sol.status == Status.INFEASIBLE and explain:
        from solvers.conflicts import explain_infeasible

        sol.conflicts = explain_infeasible(gm, time_limit=min(time_limit or 30.0, 30.0))
        if sol.conflicts and not sol.conflicts.minimal:
            sol.message = (sol.message + " " if sol.message else "") + "(conflict set not proven minimal)"
    return sol


@dataclass
class BackendInfo:
    name: str
    available: bool
    version: str  # the version, or why it is not available
    description: str


def list_backends() -> list[BackendInfo]:
    """Every registered backend, whether it is usable here, and its version.

    (Not named `backends`: that is the subpackage `solvers.backends`, which would shadow it.)
    """
    from solvers.backends import base

    out = []
    for name in base.names():
        try:
            b = base.get(name)
            ok, version = b.available()
            out.append(BackendInfo(name, ok, version, b.description))
        except Exception as e:  # a broken backend module must not hide the others
            out.append(BackendInfo(name, False, f"failed to load: {e}", ""))
    return out


@dataclass
class CrossCheck:
    solutions: dict[str, Solution] = field(default_factory=dict)
    skipped: dict[str, str] = field(default_factory=dict)  # backend -> why it was not run
    disagreements: list[str] = field(default_factory=list)

    @property
    def agree(self) -> bool:
        return not self.disagreements


def cross_check(model: Any, backends: list[str] | None = None, time_limit: float | None = DEFAULT_TIME_LIMIT,
                rel_tol: float = 1e-6) -> CrossCheck:
    """Solve with several backends (default: every available one that supports the model) and report
    disagreements: different statuses, different optimal objectives, or a returned solution that
    breaks a constraint of the model."""
    from modeler.ir.evaluate import values_vector, violations
    from solvers.backends import base

    gm = _as_ground(model)
    report = CrossCheck()
    for name in backends or base.names():
        b = base.get(name)
        ok, why = b.available()
        if ok:
            ok, why = b.supports(gm)
        if not ok:
            report.skipped[name] = why
            continue
        sol = b.solve(b.compile(gm), time_limit)
        report.solutions[name] = sol
        if sol.status.has_solution:
            bad = violations(gm, values_vector(gm, sol.values))
            if bad:
                report.disagreements.append(f"{name}: its solution breaks {', '.join(bad[:5])}")
    finished = {n: s for n, s in report.solutions.items() if s.status in (Status.OPTIMAL, Status.INFEASIBLE,
                                                                          Status.UNBOUNDED)}
    statuses = {s.status for s in finished.values()}
    if len(statuses) > 1:
        report.disagreements.append("statuses differ: " + ", ".join(f"{n}={s.status.value}" for n, s in finished.items()))
    if gm.objective is not None:
        objs = {n: s.objective for n, s in finished.items() if s.status == Status.OPTIMAL and s.objective is not None}
        if objs:
            ref = next(iter(objs.values()))
            if any(not math.isclose(o, ref, rel_tol=rel_tol, abs_tol=1e-6) for o in objs.values()):
                report.disagreements.append("optimal objectives differ: " + ", ".join(f"{n}={o:g}" for n, o in objs.items()))
    return report

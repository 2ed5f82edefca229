"""PuLP with the CBC binary it ships: LPs and MILPs, linear constraints and objective only.

PuLP 3.3 deprecates `PULP_CBC_CMD` (for PuLP 4.0, where CBC becomes a separate install), so the
bundled binary is run through `COIN_CMD(path=...)`, which is what `PULP_CBC_CMD` does inside; a `cbc`
on the PATH is used when the bundled one is missing. Variable and constraint names are the model's
labels made safe for LP files (`take[tent]` -> `take_tent`).
"""

from __future__ import annotations

import os
import shutil
import tempfile
import time
from pathlib import Path
from typing import Any

from modeler.ir.ground import GroundModel
from solvers.backends._linear import (
    LinearForm,
    NameMaker,
    false_constraint_message,
    gc_paused,
    linear_form,
    linear_support,
    objective_value,
    resting_value,
    settle_infeasible_or_unbounded,
)
from solvers.backends.base import Backend, Compiled
from solvers.result import Solution, Status

# PuLP refuses LP-file names longer than 100 characters; leave room for a "_2" de-duplication suffix.
MAX_NAME = 90


def _cbc_path() -> str | None:
    """The CBC binary: PuLP's bundled one, else `cbc` on the PATH."""
    try:
        from pulp.apis.coin_api import PULP_CBC_CMD
    except ImportError:
        return None
    bundled = PULP_CBC_CMD.pulp_cbc_path
    if bundled and os.path.isfile(bundled) and os.access(bundled, os.X_OK):
        return bundled
    return shutil.which("cbc")


class PulpCbcBackend(Backend):
    name = "pulp-cbc"
    description = "PuLP with its bundled CBC: LPs and MILPs (linear constraints and objective only)"
    package = "pulp"

    def available(self) -> tuple[bool, str]:
        ok, version = super().available()
        if ok and _cbc_path() is None:
            return False, "PuLP is installed but finds no CBC binary (pip install 'pulp[cbc]' or put cbc on PATH)"
        return ok, version

    def supports(self, gm: GroundModel) -> tuple[bool, str]:
        return linear_support(gm)

    def compile(self, gm: GroundModel) -> Compiled:
        t0 = time.perf_counter()
        with gc_paused():
            c = _Compiler(gm, linear_form(gm))
            c.problem = c.build(with_objective=True)
        return Compiled(self.name, gm, c.problem, c, time.perf_counter() - t0, _text=c.lp_text)

    def solve(self, compiled: Compiled, time_limit: float | None = None) -> Solution:
        import pulp

        comp: _Compiler = compiled.handles
        gm = compiled.ground
        if comp.form.always_infeasible:
            return self._solution(compiled, Status.INFEASIBLE, None, None, 0.0,
                                  false_constraint_message(comp.form))
        t0 = time.perf_counter()
        try:
            comp.run(comp.problem, time_limit)
        except pulp.PulpSolverError as e:
            return self._solution(compiled, Status.ERROR, None, None, time.perf_counter() - t0,
                                  f"CBC failed: {e}")
        elapsed = time.perf_counter() - t0
        prob = comp.problem
        status, sol_status = prob.status, prob.sol_status
        if sol_status in (pulp.LpSolutionOptimal, pulp.LpSolutionIntegerFeasible):
            values = [resting_value(v) if x.varValue is None else float(x.varValue)
                      for v, x in zip(gm.vars, comp.vars, strict=True)]
            objective = None
            if gm.objective is not None:
                objective = objective_value(gm, comp.form, values)
            done = sol_status == pulp.LpSolutionOptimal or gm.objective is None
            result = Status.OPTIMAL if done else Status.FEASIBLE
            message = "" if done else "time limit reached; optimality not proven"
            return self._solution(compiled, result, objective, values, elapsed, message)
        if status in (pulp.LpStatusInfeasible, pulp.LpStatusUnbounded):
            reported = Status.INFEASIBLE if status == pulp.LpStatusInfeasible else Status.UNBOUNDED
            left = None if time_limit is None else max(1.0, time_limit - elapsed)
            result, message = settle_infeasible_or_unbounded(
                reported, gm.objective is not None, lambda: comp.feasible_without_objective(left), "CBC")
            return self._solution(compiled, result, None, None, time.perf_counter() - t0, message)
        if status == pulp.LpStatusNotSolved and time_limit is not None and elapsed >= 0.9 * time_limit:
            return self._solution(compiled, Status.TIMEOUT, None, None, elapsed, "no solution within the time limit")
        return self._solution(compiled, Status.ERROR, None, None, elapsed,
                              f"CBC ended with status {pulp.LpStatus.get(status, status)!r} and no solution")


class _Compiler:
    """Builds a PuLP problem from the linear form; `build` can run again without the objective."""

    def __init__(self, gm: GroundModel, form: LinearForm):
        self.gm = gm
        self.form = form
        self.problem: Any = None
        self.vars: list[Any] = []

    def build(self, with_objective: bool) -> Any:
        import pulp

        gm, form = self.gm, self.form
        sense = pulp.LpMaximize if with_objective and gm.sense == "max" else pulp.LpMinimize
        prob = pulp.LpProblem(NameMaker(MAX_NAME)(gm.model.name or "model"), sense)
        names = NameMaker(MAX_NAME)
        cats = {"continuous": pulp.LpContinuous, "integer": pulp.LpInteger, "binary": pulp.LpBinary}
        xs = [prob.add_variable(names(v.label), v.lb, v.ub, cats[v.type]) for v in gm.vars]
        LE, GE, EQ = pulp.LpConstraintLE, pulp.LpConstraintGE, pulp.LpConstraintEQ
        Expr, Con = pulp.LpAffineExpression, pulp.LpConstraint
        for row in form.rows:
            expr = Expr([(xs[vid], c) for vid, c in row.coefs.items()])
            name = names(row.name)
            if row.lo is not None and row.hi is not None and row.lo == row.hi:
                prob.addConstraint(Con(expr, EQ, name, row.lo))
                continue
            if row.lo is not None and row.hi is not None:  # a range: two rows, as LP files have no ranges
                prob.addConstraint(Con(expr, GE, names(row.name + "_lo"), row.lo))
                prob.addConstraint(Con(Expr(expr), LE, names(row.name + "_hi"), row.hi))
            elif row.lo is not None:
                prob.addConstraint(Con(expr, GE, name, row.lo))
            else:
                prob.addConstraint(Con(expr, LE, name, row.hi))
        if with_objective and gm.objective is not None:
            prob.setObjective(Expr([(xs[vid], c) for vid, c in form.objective.items()],
                                   constant=form.objective_const))
        if with_objective:
            self.vars = xs
        return prob

    def run(self, prob: Any, time_limit: float | None) -> None:
        import pulp

        cbc = pulp.COIN_CMD(path=_cbc_path(), msg=False,
                            timeLimit=None if time_limit is None else max(0.1, float(time_limit)))
        prob.solve(cbc)

    def feasible_without_objective(self, time_limit: float | None) -> bool | None:
        import pulp

        prob = self.build(with_objective=False)
        self.run(prob, time_limit)
        if prob.sol_status in (pulp.LpSolutionOptimal, pulp.LpSolutionIntegerFeasible):
            return True
        if prob.status == pulp.LpStatusInfeasible:
            return False
        return None

    def lp_text(self) -> tuple[str, str]:
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / "model.lp"
            self.problem.writeLP(str(path))
            return path.read_text(), "lp"

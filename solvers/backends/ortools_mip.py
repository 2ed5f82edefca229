"""OR-Tools linear solver (pywraplp): SCIP for models with integer variables, GLOP for pure LPs.

SCIP is chosen for MILPs because the other MILP backends already run HiGHS (pyomo-highs) and CBC
(pulp-cbc): a cross-check then compares three different branch-and-bound codes. The MIP gap is set to
(nearly) zero, since pywraplp's default of 1e-4 would report near-optimal answers as optimal.
"""

from __future__ import annotations

import time
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
    settle_infeasible_or_unbounded,
)
from solvers.backends.base import Backend, Compiled
from solvers.result import Solution, Status

MIP_SOLVER = "SCIP"
LP_SOLVER = "GLOP"
MIP_GAP = 1e-9


class OrtoolsMipBackend(Backend):
    name = "ortools-mip"
    description = (f"OR-Tools linear solver: {MIP_SOLVER} for MILPs, {LP_SOLVER} for LPs "
                   "(linear constraints and objective only)")
    package = "ortools"

    def supports(self, gm: GroundModel) -> tuple[bool, str]:
        return linear_support(gm)

    def compile(self, gm: GroundModel) -> Compiled:
        t0 = time.perf_counter()
        with gc_paused():
            c = _Compiler(gm, linear_form(gm))
            c.build(with_objective=True)
        return Compiled(self.name, gm, c.solver, c, time.perf_counter() - t0,
                        _text=lambda: (c.solver.ExportModelAsLpFormat(False), "lp"))

    def solve(self, compiled: Compiled, time_limit: float | None = None) -> Solution:
        from ortools.linear_solver import pywraplp

        comp: _Compiler = compiled.handles
        gm = compiled.ground
        if comp.form.always_infeasible:
            return self._solution(compiled, Status.INFEASIBLE, None, None, 0.0,
                                  false_constraint_message(comp.form))
        t0 = time.perf_counter()
        code = comp.run(comp.solver, time_limit)
        elapsed = time.perf_counter() - t0
        solver_name = comp.solver_name
        S = pywraplp.Solver
        if code in (S.OPTIMAL, S.FEASIBLE):
            values = [v.solution_value() for v in comp.vars]
            objective = objective_value(gm, comp.form, values) if gm.objective is not None else None
            # without an objective any solution is the answer; with one, FEASIBLE means the time ran out
            status = Status.OPTIMAL if code == S.OPTIMAL or gm.objective is None else Status.FEASIBLE
            message = "" if status == Status.OPTIMAL else "time limit reached; optimality not proven"
            return self._solution(compiled, status, objective, values, elapsed, message)
        if code in (S.INFEASIBLE, S.UNBOUNDED):
            reported = Status.INFEASIBLE if code == S.INFEASIBLE else Status.UNBOUNDED
            left = None if time_limit is None else max(1.0, time_limit - elapsed)
            status, message = settle_infeasible_or_unbounded(
                reported, gm.objective is not None, lambda: comp.feasible_without_objective(left), solver_name)
            return self._solution(compiled, status, None, None, time.perf_counter() - t0, message)
        if code == S.NOT_SOLVED and time_limit is not None and elapsed >= 0.9 * time_limit:
            return self._solution(compiled, Status.TIMEOUT, None, None, elapsed, "no solution within the time limit")
        what = {S.MODEL_INVALID: "rejected the model as invalid", S.ABNORMAL: "stopped abnormally",
                S.NOT_SOLVED: "did not solve the model"}.get(code, f"returned status {code}")
        return self._solution(compiled, Status.ERROR, None, None, elapsed, f"{solver_name} {what}")


class _Compiler:
    """Builds a pywraplp Solver from the linear form; `build` can run again without the objective."""

    def __init__(self, gm: GroundModel, form: LinearForm):
        self.gm = gm
        self.form = form
        self.solver_name = MIP_SOLVER if gm.features.integer else LP_SOLVER
        self.solver: Any = None
        self.vars: list[Any] = []

    def build(self, with_objective: bool) -> Any:
        from ortools.linear_solver import pywraplp

        gm, form = self.gm, self.form
        solver = pywraplp.Solver.CreateSolver(self.solver_name)
        if solver is None:
            raise RuntimeError(f"this OR-Tools build has no {self.solver_name} solver")
        inf = solver.infinity()
        names = NameMaker()
        xs = []
        for v in gm.vars:
            lo = -inf if v.lb is None else float(v.lb)
            hi = inf if v.ub is None else float(v.ub)
            name = names(v.label)
            xs.append(solver.IntVar(lo, hi, name) if v.is_integer else solver.NumVar(lo, hi, name))
        for row in form.rows:
            ct = solver.RowConstraint(-inf if row.lo is None else row.lo, inf if row.hi is None else row.hi,
                                      names(row.name))
            set_coef = ct.SetCoefficient
            for vid, c in row.coefs.items():
                set_coef(xs[vid], c)
        obj = solver.Objective()
        if with_objective and gm.objective is not None:
            for vid, c in form.objective.items():
                obj.SetCoefficient(xs[vid], c)
            obj.SetOffset(form.objective_const)
            if gm.sense == "max":
                obj.SetMaximization()
            else:
                obj.SetMinimization()
        if with_objective:
            self.solver, self.vars = solver, xs
        return solver

    def run(self, solver: Any, time_limit: float | None) -> int:
        from ortools.linear_solver import pywraplp

        if time_limit is not None:
            solver.SetTimeLimit(max(1, int(time_limit * 1000)))
        params = pywraplp.MPSolverParameters()
        if self.solver_name == MIP_SOLVER:
            params.SetDoubleParam(params.RELATIVE_MIP_GAP, MIP_GAP)
        return solver.Solve(params)

    def feasible_without_objective(self, time_limit: float | None) -> bool | None:
        from ortools.linear_solver import pywraplp

        S = pywraplp.Solver
        code = self.run(self.build(with_objective=False), time_limit)
        if code in (S.OPTIMAL, S.FEASIBLE):
            return True
        if code == S.INFEASIBLE:
            return False
        return None

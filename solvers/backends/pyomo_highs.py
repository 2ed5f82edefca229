"""Pyomo with HiGHS through highspy (Pyomo's `pyomo.contrib.solver` HiGHS interface): LPs and MILPs.

No external executable is involved: Pyomo hands the model to HiGHS in process. The Pyomo model has one
indexed variable `x` and one indexed constraint `c`, both indexed by the model's labels made safe for
LP files (`x(take_tent)`, `c(demand_b)`), so the written LP file reads like the model. Each row is one
`LinearExpression` built from coefficient and variable lists, which skips Pyomo's per-term operator
overloading.
"""

from __future__ import annotations

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

# HiGHS stops a MIP at a relative gap of 1e-4 by default; that would report near-optimal as optimal.
MIP_GAP = 1e-9


class PyomoHighsBackend(Backend):
    name = "pyomo-highs"
    description = "Pyomo model solved by HiGHS (highspy, in process): LPs and MILPs"
    package = "pyomo"

    def available(self) -> tuple[bool, str]:
        ok, version = super().available()
        if not ok:
            return ok, version
        try:
            import importlib.metadata

            highs = importlib.metadata.version("highspy")
        except importlib.metadata.PackageNotFoundError:
            return False, "Pyomo is installed but highspy is not (pip install highspy)"
        return True, f"{version} (highspy {highs})"

    def supports(self, gm: GroundModel) -> tuple[bool, str]:
        return linear_support(gm)

    def compile(self, gm: GroundModel) -> Compiled:
        t0 = time.perf_counter()
        with gc_paused():
            c = _Compiler(gm, linear_form(gm))
            c.build()
        return Compiled(self.name, gm, c.model, c, time.perf_counter() - t0, _text=c.lp_text)

    def solve(self, compiled: Compiled, time_limit: float | None = None) -> Solution:
        from pyomo.contrib.solver.common.results import SolutionStatus
        from pyomo.contrib.solver.common.results import TerminationCondition as TC

        comp: _Compiler = compiled.handles
        gm = compiled.ground
        if comp.form.always_infeasible:
            return self._solution(compiled, Status.INFEASIBLE, None, None, 0.0,
                                  false_constraint_message(comp.form))
        t0 = time.perf_counter()
        try:
            res = comp.run(time_limit)
        except Exception as e:  # HiGHS or Pyomo failing on a model it was given is an answer, not a crash
            return self._solution(compiled, Status.ERROR, None, None, time.perf_counter() - t0,
                                  f"Pyomo/HiGHS failed: {type(e).__name__}: {e}")
        elapsed = time.perf_counter() - t0
        tc, ss = res.termination_condition, res.solution_status
        # before the solution branch: HiGHS may keep a feasible point when it finds the model unbounded
        if tc in (TC.provenInfeasible, TC.unbounded, TC.infeasibleOrUnbounded):
            reported = {TC.provenInfeasible: Status.INFEASIBLE, TC.unbounded: Status.UNBOUNDED}.get(tc)
            left = None if time_limit is None else max(1.0, time_limit - elapsed)
            status, message = settle_infeasible_or_unbounded(
                reported, gm.objective is not None, lambda: comp.feasible_without_objective(left), "HiGHS")
            return self._solution(compiled, status, None, None, time.perf_counter() - t0, message)
        if ss in (SolutionStatus.optimal, SolutionStatus.feasible):
            values = comp.values(res)
            objective = None
            if gm.objective is not None:
                objective = objective_value(gm, comp.form, values)
            done = tc == TC.convergenceCriteriaSatisfied or gm.objective is None
            status = Status.OPTIMAL if done else Status.FEASIBLE
            message = "" if done else f"stopped ({tc.name}); optimality not proven"
            return self._solution(compiled, status, objective, values, elapsed, message)
        if tc in (TC.maxTimeLimit, TC.iterationLimit, TC.interrupted):
            return self._solution(compiled, Status.TIMEOUT, None, None, elapsed,
                                  f"no solution before the limit ({tc.name})")
        return self._solution(compiled, Status.ERROR, None, None, elapsed,
                              f"HiGHS ended with {tc.name} and no solution")


class _Compiler:
    def __init__(self, gm: GroundModel, form: LinearForm):
        self.gm = gm
        self.form = form
        self.model: Any = None
        self.vars: list[Any] = []

    def build(self) -> None:
        import pyomo.environ as pyo
        from pyomo.core.expr.numeric_expr import LinearExpression

        gm, form = self.gm, self.form
        names = NameMaker()
        m = pyo.ConcreteModel(name=gm.model.name or "model")
        var_names = [names(v.label) for v in gm.vars]
        domains = {"continuous": pyo.Reals, "integer": pyo.Integers, "binary": pyo.Binary}
        # one domain / one pair of bounds for all when they agree (the common case): no rule call per variable
        types = {v.type for v in gm.vars}
        pairs = {(v.lb, v.ub) for v in gm.vars}
        if len(types) <= 1:
            within: Any = domains[types.pop() if types else "continuous"]
        else:
            dom = dict(zip(var_names, (domains[v.type] for v in gm.vars), strict=True))
            within = lambda _m, k: dom[k]  # noqa: E731
        if len(pairs) <= 1:
            bounds: Any = pairs.pop() if pairs else (None, None)
        else:
            bnd = dict(zip(var_names, ((v.lb, v.ub) for v in gm.vars), strict=True))
            bounds = lambda _m, k: bnd[k]  # noqa: E731
        m.x = pyo.Var(var_names, within=within, bounds=bounds)
        xs = [m.x[n] for n in var_names]
        self.vars = xs

        rows = form.rows
        row_names = [names(r.name) for r in rows]
        by_name = dict(zip(row_names, rows, strict=True))

        def rule(_m: Any, k: str) -> Any:
            r = by_name[k]
            e = LinearExpression(constant=0, linear_coefs=list(r.coefs.values()),
                                 linear_vars=[xs[v] for v in r.coefs])
            if r.lo is not None and r.lo == r.hi:
                return e == r.lo
            return (r.lo, e, r.hi)

        m.c = pyo.Constraint(row_names, rule=rule)
        # a constant objective needs no Objective component: any feasible point is optimal
        if gm.objective is not None and form.objective:
            obj = LinearExpression(constant=form.objective_const, linear_coefs=list(form.objective.values()),
                                   linear_vars=[xs[v] for v in form.objective])
            m.obj = pyo.Objective(expr=obj, sense=pyo.maximize if gm.sense == "max" else pyo.minimize)
        self.model = m

    def run(self, time_limit: float | None) -> Any:
        from pyomo.contrib.solver.solvers.highs import Highs

        options: dict[str, Any] = {"mip_rel_gap": MIP_GAP} if self.gm.features.integer else {}
        return Highs().solve(self.model, load_solutions=False, raise_exception_on_nonoptimal_result=False,
                             time_limit=time_limit, solver_options=options)

    def values(self, res: Any) -> list[float]:
        got = res.solution_loader.get_vars()
        out = []
        for v, x in zip(self.gm.vars, self.vars, strict=True):
            val = got.get(x)  # a variable in no constraint and not in the objective never reaches HiGHS
            out.append(resting_value(v) if val is None else float(val))
        return out

    def feasible_without_objective(self, time_limit: float | None) -> bool | None:
        from pyomo.contrib.solver.common.results import SolutionStatus
        from pyomo.contrib.solver.common.results import TerminationCondition as TC

        obj = getattr(self.model, "obj", None)
        if obj is not None:
            obj.deactivate()
        try:
            res = self.run(time_limit)
        finally:
            if obj is not None:
                obj.activate()
        if res.solution_status in (SolutionStatus.optimal, SolutionStatus.feasible):
            return True
        if res.termination_condition == TC.provenInfeasible:
            return False
        return None

    def lp_text(self) -> tuple[str, str]:
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / "model.lp"
            self.model.write(str(path), io_options={"symbolic_solver_labels": True})
            return path.read_text(), "lp"

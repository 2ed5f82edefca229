"""Z3 (SMT): every model the IR can express, continuous and nonlinear ones included.

`z3.Optimize` solves models with an objective, `z3.Solver` satisfaction models. Integer variables are
`Int`, continuous ones `Real`, and binary variables are `Int` restricted to 0..1 rather than `Bool`: the
common binary model (knapsack, assignment, facility location) then stays pure linear integer
arithmetic, which is what Z3's optimizer is built on, and a binary used as a condition (`lit`) costs only
`b == 1`. Numbers are turned into exact rationals (`10.75` is 43/4), so Z3 decides with exact arithmetic.

The same compiler serves `solvers.conflicts`: `build_items` returns every constraint (and every
variable's bounds) as one Z3 formula under its label, so an explanation can track them one by one.
"""

from __future__ import annotations

import math
import time
from dataclasses import dataclass, field
from fractions import Fraction
from typing import Any

from modeler.ir.ground import GroundModel, Lin, Node, conjuncts
from solvers.backends.base import Backend, Compiled
from solvers.result import Solution, Status


class Z3Backend(Backend):
    name = "z3"
    description = "Z3 SMT solver: integer, real and nonlinear models, logic, all_different (exact arithmetic)"
    package = "z3-solver"

    def supports(self, gm: GroundModel) -> tuple[bool, str]:
        # Z3 takes every node of the ground language; nonlinear models may be slow, not refused.
        return True, ""

    def compile(self, gm: GroundModel) -> Compiled:
        import z3

        t0 = time.perf_counter()
        terms = build_items(gm)
        native: Any = z3.Optimize() if gm.objective is not None else z3.Solver()
        for _, formula in terms.items:
            native.add(formula)
        for formula in terms.side:
            native.add(formula)
        handle = None
        if gm.objective is not None:
            handle = native.maximize(terms.objective) if gm.sense == "max" else native.minimize(terms.objective)
        handles = _Handles(terms, handle)
        return Compiled(self.name, gm, native, handles, time.perf_counter() - t0,
                        _text=lambda: (_smt2_text(gm, native), "smt2"))

    def solve(self, compiled: Compiled, time_limit: float | None = None) -> Solution:
        import z3

        gm = compiled.ground
        native = compiled.native
        h: _Handles = compiled.handles
        if time_limit is not None:
            native.set("timeout", max(1, int(time_limit * 1000)))
        t0 = time.perf_counter()
        try:
            result = native.check()
        except z3.Z3Exception as e:
            return self._solution(compiled, Status.ERROR, None, None, time.perf_counter() - t0, f"Z3 failed: {e}")
        elapsed = time.perf_counter() - t0
        if result == z3.unsat:
            return self._solution(compiled, Status.INFEASIBLE, None, None, elapsed)
        if result == z3.sat:
            model = native.model()
            values = [model_value(model, v) for v in h.terms.vars]
            if gm.objective is None:
                return self._solution(compiled, Status.OPTIMAL, None, values, elapsed)
            bound = h.objective.value().sexpr()
            if "oo" in bound:  # Z3 writes an infinite optimum with the symbol oo
                return self._solution(compiled, Status.UNBOUNDED, None, None, elapsed,
                                      "Z3 reports an infinite optimum: the objective is unbounded")
            objective = value_of(model.eval(h.terms.objective, model_completion=True))
            if "epsilon" in bound:
                # e.g. max x with x < 5 over reals: the supremum is not reached by any solution
                return self._solution(compiled, Status.FEASIBLE, objective, values, elapsed,
                                      f"the optimum is a supremum that no solution attains ({bound}), "
                                      "because of a strict inequality; this is one solution near it")
            return self._solution(compiled, Status.OPTIMAL, objective, values, elapsed)
        # unknown: a time-out, or Z3 gave up (nonlinear arithmetic is undecidable in general)
        reason = native.reason_unknown()
        timed_out = any(w in reason for w in ("timeout", "canceled", "cancelled", "resource"))
        values = self._best_so_far(compiled, native) if gm.objective is not None else None
        if values is not None:
            objective = _eval_objective(gm, values)
            return self._solution(compiled, Status.FEASIBLE, objective, values, elapsed,
                                  f"Z3 stopped ({reason}); best solution found, optimality not proven")
        if timed_out:
            return self._solution(compiled, Status.TIMEOUT, None, None, elapsed, "no solution within the time limit")
        return self._solution(compiled, Status.ERROR, None, None, elapsed,
                              f"Z3 could not decide this model ({reason}); nonlinear arithmetic is incomplete "
                              "in Z3 — try bounding the variables or a different formulation")

    @staticmethod
    def _best_so_far(compiled: Compiled, native: Any) -> list[float] | None:
        """The optimizer's last model after an `unknown`, if there is one and it really is a solution."""
        import z3

        from modeler.ir.evaluate import violations

        try:
            model = native.model()
        except z3.Z3Exception:
            return None
        if model is None or len(model) == 0:
            return None
        values = [model_value(model, v) for v in compiled.handles.terms.vars]
        # an interrupted search can leave a partial assignment: only a model that checks is a solution
        if any(x is None for x in values) or violations(compiled.ground, values):
            return None
        return values


@dataclass
class Terms:
    """A ground model as Z3 formulas: one per constraint copy and per variable's bounds, by label."""

    vars: list[Any]
    items: list[tuple[str, Any]]  # (label, formula): constraint copies, then "bounds of <var>"
    objective: Any = None
    side: list[Any] = field(default_factory=list)  # conditions from the objective (nonzero divisors)


@dataclass
class _Handles:
    terms: Terms
    objective: Any  # the Optimize handle, None for a satisfaction model


def build_items(gm: GroundModel) -> Terms:
    """Compile a ground model into Z3 formulas (no solver): used by the backend and by conflicts."""
    return _Compiler(gm).build()


def _eval_objective(gm: GroundModel, values: list[float]) -> float:
    from modeler.ir.evaluate import value

    return float(value(gm.objective, values))


def value_of(x: Any) -> float | None:
    """A Z3 numeral (integer, rational or algebraic) as a float."""
    import z3

    if z3.is_int_value(x):
        return float(x.as_long())
    if z3.is_rational_value(x):
        f = x.as_fraction()
        return f.numerator / f.denominator
    if z3.is_algebraic_value(x):  # an irrational root, e.g. of x*x == 2: a close rational approximation
        f = x.approx(20).as_fraction()
        return f.numerator / f.denominator
    if z3.is_true(x) or z3.is_false(x):
        return 1.0 if z3.is_true(x) else 0.0
    return None


def model_value(model: Any, var: Any) -> float | None:
    return value_of(model.eval(var, model_completion=True))


def _smt2_text(gm: GroundModel, native: Any) -> str:
    name = gm.model.name or "model"
    body = native.sexpr() if hasattr(native, "objectives") else native.to_smt2()
    head = f"; OptiPilot model {name!r} in SMT-LIB2 (Z3): run it with `z3 model.smt2`\n"
    if gm.objective is not None:
        body = body.rstrip() + "\n" if "(check-sat)" in body else body.rstrip() + "\n(check-sat)\n"
        body += "(get-objectives)\n(get-model)\n"
    elif "(check-sat)" not in body:
        body = body.rstrip() + "\n(check-sat)\n(get-model)\n"
    else:
        body = body.rstrip() + "\n(get-model)\n"
    return head + body


def _num(x: float | int) -> Any:
    """An exact Z3 numeral: integers stay integers, decimals become rationals (0.1 is 1/10)."""
    import z3

    if isinstance(x, bool):
        return z3.IntVal(int(x))
    if float(x).is_integer():
        return z3.IntVal(int(x))
    if math.isinf(x) or math.isnan(x):
        raise ValueError(f"the number {x} cannot be given to Z3")
    # repr gives the shortest decimal that reads back as this float: what the modeller wrote
    return z3.RealVal(str(Fraction(repr(float(x)))))


class _Compiler:
    def __init__(self, gm: GroundModel):
        import z3

        self.z3 = z3
        self.gm = gm
        self.vars: list[Any] = []
        self._side: list[Any] = []  # nonzero-divisor conditions met while compiling the current formula

    def build(self) -> Terms:
        z3, gm = self.z3, self.gm
        items: list[tuple[str, Any]] = []
        bound_items: list[tuple[str, Any]] = []
        for v in gm.vars:
            var = z3.Real(v.label) if v.type == "continuous" else z3.Int(v.label)
            self.vars.append(var)
            lo, hi = (0, 1) if v.type == "binary" else (v.lb, v.ub)
            parts = []
            if lo is not None:
                parts.append(var >= _num(lo))
            if hi is not None:
                parts.append(var <= _num(hi))
            if parts:
                bound_items.append((f"bounds of {v.label}", z3.And(*parts) if len(parts) > 1 else parts[0]))
        for c in gm.constraints:
            self._side = []
            parts = [self.cond(p) for p in conjuncts(c.expr)]
            parts += self._side  # a division inside the constraint needs a nonzero divisor
            items.append((c.label, z3.And(*parts) if len(parts) > 1 else parts[0]))
        objective, side = None, []
        if gm.objective is not None:
            self._side = []
            objective = self.num(gm.objective)
            side = self._side
        return Terms(self.vars, items + bound_items, objective, side)

    # ------------------------------------------------------------------------------------ numbers
    def lin(self, g: Lin) -> Any:
        z3 = self.z3
        terms = [self.vars[v] if c == 1 else _num(c) * self.vars[v] for v, c in g.terms.items()]
        if g.const or not terms:
            terms.append(_num(g.const))
        return terms[0] if len(terms) == 1 else z3.Sum(terms)

    def num(self, g: Any) -> Any:
        z3 = self.z3
        if isinstance(g, bool | int | float):
            return _num(g)
        if isinstance(g, Lin):
            return self.lin(g)
        op, a = g.op, g.args
        if op == "add":
            return z3.Sum([self.num(x) for x in a])
        if op == "mul":
            return self.num(a[0]) * self.num(a[1])
        if op == "div":
            num, den = self.num(a[0]), self.num(a[1])
            self._side.append(den != 0)  # Z3 leaves x/0 unspecified; the IR calls it undefined
            # real division even between integers (Z3's `/` on two Ints would truncate)
            return _real(num) / _real(den)
        if op == "pow":
            base = self.num(a[0])
            return z3.Product([base] * a[1])  # a product Z3's nonlinear solver handles, unlike `**`
        if op == "abs":
            x = self.num(a[0])
            return z3.If(x >= 0, x, -x)
        if op in ("min", "max"):
            vals = [self.num(x) for x in a]
            acc = vals[0]
            for x in vals[1:]:
                acc = z3.If(x < acc, x, acc) if op == "min" else z3.If(x > acc, x, acc)
            return acc
        if op == "bool2int":
            return z3.If(self.cond(a[0]), z3.IntVal(1), z3.IntVal(0))
        if op in _CONDITIONS:  # a condition used as a number
            return z3.If(self.cond(g), z3.IntVal(1), z3.IntVal(0))
        raise ValueError(f"Z3 backend: unknown numeric node {op!r}")

    # --------------------------------------------------------------------------------- conditions
    def cond(self, g: Node) -> Any:
        z3, op, a = self.z3, g.op, g.args
        if op == "lin":
            lin, lo, hi = a
            e = self.lin(lin)
            if lo is not None and lo == hi:
                return e == _num(lo)
            parts = ([e >= _num(lo)] if lo is not None else []) + ([e <= _num(hi)] if hi is not None else [])
            return parts[0] if len(parts) == 1 else z3.And(*parts)
        if op == "cmp":
            cmp, left, right = a
            x, y = self.num(left), self.num(right)
            return {"<=": lambda: x <= y, ">=": lambda: x >= y, "==": lambda: x == y, "!=": lambda: x != y,
                    "<": lambda: x < y, ">": lambda: x > y}[cmp]()
        if op == "lit":
            return self.vars[a[0]] == 1
        if op == "const":
            return z3.BoolVal(bool(a[0]))
        if op == "and":
            return z3.And(*[self.cond(p) for p in a])
        if op == "or":
            return z3.Or(*[self.cond(p) for p in a])
        if op == "not":
            return z3.Not(self.cond(a[0]))
        if op == "implies":
            return z3.Implies(self.cond(a[0]), self.cond(a[1]))
        if op == "iff":
            return self.cond(a[0]) == self.cond(a[1])
        if op == "alldiff":
            vals = [self.num(x) for x in a]
            return z3.Distinct(*vals) if len(vals) > 1 else z3.BoolVal(True)
        raise ValueError(f"Z3 backend: unknown condition {op!r}")


_CONDITIONS = frozenset({"lin", "cmp", "and", "or", "not", "implies", "iff", "lit", "alldiff", "const"})


def _real(x: Any) -> Any:
    import z3

    return z3.ToReal(x) if z3.is_int(x) else x

"""OR-Tools CP-SAT: integer models, linear or not, with logic, all_different, min / max / abs, products.

Every condition is compiled as "a linear expression lies in a domain" (`e in D`), so posting it,
enforcing it under a literal and reifying it (b <-> e in D, with not b -> e in complement(D)) are one
mechanism. Rational coefficients in constraints are scaled to integers; the objective may keep them.
"""

from __future__ import annotations

import math
import time
from fractions import Fraction
from typing import Any

from modeler.ir.ground import GroundModel, Lin, Node
from solvers.backends.base import Backend, Compiled
from solvers.result import Solution, Status

# CP-SAT needs finite domains. A variable without a bound gets this one, and a solution that reaches it
# is reported as unbounded rather than as a suspicious optimum.
BIG = 10**9
BIG_NONLINEAR = 10**6  # smaller where products of two unbounded variables must still fit in int64


class CpSatBackend(Backend):
    name = "cpsat"
    description = "OR-Tools CP-SAT: integer programs, logic, all_different, min/max/abs, products"
    package = "ortools"

    def supports(self, gm: GroundModel) -> tuple[bool, str]:
        if gm.features.continuous:
            return False, "CP-SAT takes integer and binary variables only; this model has continuous ones"
        for c in gm.constraints:
            bad = _rational_trouble(c.expr)
            if bad:
                return False, f"constraint {c.label}: {bad}"
        if gm.objective is not None and _has_division(gm.objective):
            return False, "division by a variable in the objective"
        return True, ""

    def compile(self, gm: GroundModel, track: bool = False) -> Compiled:
        from ortools.sat.python import cp_model  # noqa: F401  (imported before timing: a one-off cost)

        t0 = time.perf_counter()
        c = _Compiler(gm, track)
        c.build()
        return Compiled(self.name, gm, c.model, c, time.perf_counter() - t0,
                        _text=lambda: (str(c.model.proto), "cpsat-proto"))

    def solve(self, compiled: Compiled, time_limit: float | None = None) -> Solution:
        from ortools.sat.python import cp_model

        from solvers.threads import solver_threads

        comp: _Compiler = compiled.handles
        solver = cp_model.CpSolver()
        if time_limit is not None:
            solver.parameters.max_time_in_seconds = float(time_limit)
        solver.parameters.num_workers = solver_threads()
        t0 = time.perf_counter()
        code = solver.solve(comp.model)
        elapsed = time.perf_counter() - t0
        gm = compiled.ground
        if code == cp_model.MODEL_INVALID:
            return self._solution(compiled, Status.ERROR, None, None, elapsed,
                                  f"CP-SAT rejected the model: {comp.model.validate()}")
        if code == cp_model.INFEASIBLE:
            return self._solution(compiled, Status.INFEASIBLE, None, None, elapsed)
        if code == cp_model.UNKNOWN:
            return self._solution(compiled, Status.TIMEOUT, None, None, elapsed, "no solution within the time limit")
        values = [float(solver.value(v)) for v in comp.vars]
        at_artificial = [gm.vars[i].label for i in comp.unbounded if abs(values[i]) >= comp.big[i]]
        if at_artificial and gm.objective is not None:
            return self._solution(compiled, Status.UNBOUNDED, None, None, elapsed,
                                  f"{', '.join(at_artificial[:3])} reached the artificial bound ±{BIG:g} CP-SAT needs: "
                                  "the model is unbounded (or its optimum lies beyond that bound)")
        status = Status.OPTIMAL if code == cp_model.OPTIMAL or gm.objective is None else Status.FEASIBLE
        objective = None
        if gm.objective is not None:
            objective = solver.objective_value
        return self._solution(compiled, status, objective, values, elapsed,
                              "" if status == Status.OPTIMAL else "time limit reached; optimality not proven")


_FLIP = {"<=": ">=", ">=": "<=", "<": ">", ">": "<", "==": "==", "!=": "!="}


# ------------------------------------------------------------------------------------------ checks
def _has_division(g: Any) -> bool:
    return isinstance(g, Node) and (g.op == "div" or any(_has_division(a) for a in g.args))


def _rational_trouble(g: Any) -> str:
    if isinstance(g, Lin):
        for c in (*g.terms.values(), g.const):
            if scale_of(c) is None:
                return f"coefficient {c!r} cannot be made an integer exactly"
        return ""
    if isinstance(g, Node):
        if g.op == "div":
            return "division by a variable (CP-SAT would truncate it)"
        for a in g.args:
            bad = _rational_trouble(a)
            if bad:
                return bad
    elif isinstance(g, float) and scale_of(g) is None:
        return f"number {g!r} cannot be made an integer exactly"
    return ""


def scale_of(x: float) -> int | None:
    """The denominator that makes x an integer, if x is a decimal with at most 6 places."""
    if float(x).is_integer():
        return 1
    f = Fraction(x).limit_denominator(10**6)
    return f.denominator if abs(float(f) - x) <= 1e-9 * max(1.0, abs(x)) else None


def integral_scaling(coefs: list[float], *consts: float | None) -> tuple[list[int], list[int | None], int]:
    """Scale coefficients and constants by their common denominator so every one is an integer."""
    scale = 1
    for x in (*coefs, *(c for c in consts if c is not None)):
        s = scale_of(x)
        if s is None:
            raise ValueError(f"{x!r} is not a decimal CP-SAT can scale")
        scale = scale * s // math.gcd(scale, s)
    return ([round(c * scale) for c in coefs], [None if c is None else round(c * scale) for c in consts], scale)


# ---------------------------------------------------------------------------------------- compiler
class _Compiler:
    def __init__(self, gm: GroundModel, track: bool):
        from ortools.sat.python import cp_model

        self.cp = cp_model
        self.gm = gm
        self.model = cp_model.CpModel()
        self.track = track
        self.vars: list[Any] = []
        self.unbounded: list[int] = []
        self.big: dict[int, int] = {}
        self.assumptions: dict[int, str] = {}  # literal index -> label, when tracking for explanations

    def build(self) -> None:
        gm, m = self.gm, self.model
        big = BIG_NONLINEAR if gm.features.nonlinear else BIG
        for v in gm.vars:
            if v.type == "binary":
                self.vars.append(m.new_bool_var(v.label))
                continue
            lo = -big if v.lb is None else int(v.lb)
            hi = big if v.ub is None else int(v.ub)
            if v.lb is None or v.ub is None:
                self.unbounded.append(v.id)
                self.big[v.id] = big
            if self.track and (v.lb is not None or v.ub is not None):
                # bounds become constraints of their own, so an explanation can name them
                var = m.new_int_var(-big, big, v.label)
                lit = m.new_bool_var(f"bounds of {v.label}")
                m.add(var >= lo).only_enforce_if(lit)
                m.add(var <= hi).only_enforce_if(lit)
                self.assumptions[lit.index] = f"bounds of {v.label}"
                m.add_assumption(lit)
                self.vars.append(var)
            else:
                self.vars.append(m.new_int_var(lo, hi, v.label))
        for c in gm.constraints:
            if self.track:
                lit = m.new_bool_var(c.label)
                self.assumptions[lit.index] = c.label
                m.add_assumption(lit)
                self.post(c.expr, [lit])
            else:
                self.post(c.expr, [])
        if gm.objective is not None:
            obj = self.expr(gm.objective)
            if gm.sense == "max":
                m.maximize(obj)
            else:
                m.minimize(obj)

    # ---------------------------------------------------------------------------------- numbers
    def lin(self, g: Lin) -> Any:
        if not g.terms:
            return int(g.const) if float(g.const).is_integer() else g.const
        vs = [self.vars[v] for v in g.terms]
        cs = list(g.terms.values())
        if all(float(c).is_integer() for c in cs):
            cs = [int(c) for c in cs]
        e = self.cp.LinearExpr.weighted_sum(vs, cs)
        return e + (int(g.const) if float(g.const).is_integer() else g.const) if g.const else e

    def expr(self, g: Any) -> Any:
        """A numeric ground expression as a CP-SAT linear expression (nonlinear parts via new variables)."""
        if isinstance(g, bool):
            return int(g)
        if isinstance(g, int | float):
            return int(g) if float(g).is_integer() else g
        if isinstance(g, Lin):
            return self.lin(g)
        return self.aux(g)

    def _int_expr(self, g: Any) -> Any:
        """Like `expr`, but with integer coefficients, as CP-SAT's constraints need (scaling if needed)."""
        if isinstance(g, Lin) and any(not float(c).is_integer() for c in (*g.terms.values(), g.const)):
            coefs, (const,), scale = integral_scaling(list(g.terms.values()), g.const)
            if scale != 1:
                # the caller gets a variable equal to the rational expression (exactly, as it is integral)
                t = self.model.new_int_var(-BIG * 10, BIG * 10, "")
                self.model.add(scale * t == self.cp.LinearExpr.weighted_sum([self.vars[v] for v in g.terms], coefs)
                               + const)
                return t
        return self.expr(g)

    def bounds(self, g: Any) -> tuple[int, int]:
        from modeler.ir.ground import Lin as _Lin

        if isinstance(g, bool):
            return int(g), int(g)
        if isinstance(g, int | float):
            return math.floor(g), math.ceil(g)
        if isinstance(g, _Lin):
            lo = hi = g.const
            for v, c in g.terms.items():
                gv = self.gm.vars[v]
                vlo = -self.big.get(v, BIG) if gv.lb is None else gv.lb
                vhi = self.big.get(v, BIG) if gv.ub is None else gv.ub
                lo += min(c * vlo, c * vhi)
                hi += max(c * vlo, c * vhi)
            return math.floor(lo), math.ceil(hi)
        op, a = g.op, g.args
        if op == "add":
            bs = [self.bounds(x) for x in a]
            return sum(b[0] for b in bs), sum(b[1] for b in bs)
        if op == "mul":
            (l1, h1), (l2, h2) = self.bounds(a[0]), self.bounds(a[1])
            ps = [l1 * l2, l1 * h2, h1 * l2, h1 * h2]
            return min(ps), max(ps)
        if op == "pow":
            lo, hi = self.bounds(a[0])
            ps = [lo ** a[1], hi ** a[1]]
            low = 0 if a[1] % 2 == 0 and lo <= 0 <= hi else min(ps)
            return low, max(ps)
        if op == "abs":
            lo, hi = self.bounds(a[0])
            return (0 if lo <= 0 <= hi else min(abs(lo), abs(hi))), max(abs(lo), abs(hi))
        if op in ("min", "max"):
            bs = [self.bounds(x) for x in a]
            f = min if op == "min" else max
            return f(b[0] for b in bs), f(b[1] for b in bs)
        if op == "bool2int":
            return 0, 1
        return -BIG, BIG

    def aux(self, g: Node) -> Any:
        m, op, a = self.model, g.op, g.args
        if op == "add":
            return sum((self.expr(x) for x in a), 0)
        if op == "bool2int":
            return self.reify(a[0])
        lo, hi = self.bounds(g)
        lo, hi = max(lo, -(2**62)), min(hi, 2**62)
        t = m.new_int_var(lo, hi, "")
        if op == "mul":
            if isinstance(a[0], int | float):
                k = a[0]
                inner = self._int_expr(a[1])
                if float(k).is_integer():
                    m.add(t == int(k) * inner)
                else:
                    return k * inner  # a rational multiple of an expression; only the objective meets these
                return t
            m.add_multiplication_equality(t, [self._int_expr(a[0]), self._int_expr(a[1])])
        elif op == "pow":
            base = self._int_expr(a[0])
            m.add_multiplication_equality(t, [base] * a[1])
        elif op == "abs":
            m.add_abs_equality(t, self._int_expr(a[0]))
        elif op == "min":
            m.add_min_equality(t, [self._int_expr(x) for x in a])
        elif op == "max":
            m.add_max_equality(t, [self._int_expr(x) for x in a])
        else:
            raise ValueError(f"CP-SAT backend: unsupported numeric node {op!r}")
        return t

    # ------------------------------------------------------------------------------- conditions
    def domain_form(self, g: Node) -> tuple[Any, Any]:
        """A comparison as (integer linear expression e, Domain D) meaning e in D."""
        Domain = self.cp.Domain
        if g.op == "lin":
            lin, lo, hi = g.args
            coefs, (lo_i, hi_i), _ = integral_scaling(list(lin.terms.values()), lo, hi)
            # integer coefficients: a fractional bound rounds inwards
            e = self.cp.LinearExpr.weighted_sum([self.vars[v] for v in lin.terms], coefs)
            return e, Domain(-(2**62) if lo_i is None else lo_i, 2**62 if hi_i is None else hi_i)
        op, left, right = g.args
        k: float = 0
        if isinstance(right, int | float):
            e, k = self._int_expr(left), right
        elif isinstance(left, int | float):
            e, k, op = self._int_expr(right), left, _FLIP[op]
        else:
            e = self._int_expr(left) - self._int_expr(right)
        if not float(k).is_integer():  # comparisons of integers with a fraction
            lo_k, hi_k = math.floor(k), math.ceil(k)
        else:
            lo_k = hi_k = int(k)
        big = 2**62
        doms = {"<=": (-big, lo_k), ">=": (hi_k, big), "<": (-big, hi_k - 1), ">": (lo_k + 1, big)}
        if op in doms:
            return e, Domain(*doms[op])
        if op == "==":
            return (e, Domain(lo_k, lo_k)) if lo_k == hi_k else (e, Domain.from_values([]))
        # !=
        return (e, Domain(lo_k, lo_k).complement()) if lo_k == hi_k else (e, Domain(-big, big))

    def post(self, g: Node, enforce: list[Any]) -> None:
        m, op, a = self.model, g.op, g.args
        if op in ("lin", "cmp"):
            e, d = self.domain_form(g)
            m.add_linear_expression_in_domain(e, d).only_enforce_if(enforce)
        elif op == "and":
            for p in a:
                self.post(p, enforce)
        elif op == "const":
            if not a[0]:
                m.add_bool_or([e.negated() for e in enforce]) if enforce else m.add_bool_or([m.new_constant(0)])
        elif op == "implies":
            self.post(a[1], [*enforce, self.reify(a[0])])
        elif op == "alldiff" and not enforce:
            m.add_all_different([self._int_expr(x) for x in a])
        else:
            m.add_bool_and([self.reify(g)]).only_enforce_if(enforce)

    def reify(self, g: Node) -> Any:
        """A literal equivalent to the condition."""
        m, op, a = self.model, g.op, g.args
        if op == "lit":
            return self.vars[a[0]]
        if op == "const":
            return m.new_constant(int(bool(a[0])))
        if op == "not":
            return self.reify(a[0]).negated()
        b = m.new_bool_var("")
        if op in ("lin", "cmp"):
            e, d = self.domain_form(g)
            m.add_linear_expression_in_domain(e, d).only_enforce_if(b)
            m.add_linear_expression_in_domain(e, d.complement()).only_enforce_if(b.negated())
        elif op in ("and", "or"):
            lits = [self.reify(p) for p in a]
            if op == "and":
                m.add_bool_and(lits).only_enforce_if(b)
                m.add_bool_or([x.negated() for x in lits]).only_enforce_if(b.negated())
            else:
                m.add_bool_or(lits).only_enforce_if(b)
                m.add_bool_and([x.negated() for x in lits]).only_enforce_if(b.negated())
        elif op == "implies":
            return self.reify(Node("or", (Node("not", (a[0],)), a[1])))
        elif op == "iff":
            la, lb = self.reify(a[0]), self.reify(a[1])
            m.add(la == lb).only_enforce_if(b)
            m.add(la != lb).only_enforce_if(b.negated())
        elif op == "alldiff":
            pairs = [Node("cmp", ("!=", Node("add", (x,)), Node("add", (y,)))) for i, x in enumerate(a) for y in a[i + 1:]]
            return self.reify(Node("and", tuple(pairs))) if pairs else m.new_constant(1)
        else:
            raise ValueError(f"CP-SAT backend: unsupported condition {op!r}")
        return b

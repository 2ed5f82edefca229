"""CPMpy over OR-Tools: integer models as readable CPMpy code, solved with CPMpy's default solver.

The point of this backend is the generated text: a short Python script that rebuilds the same model
with CPMpy (`cp.intvar`, `cp.sum`, `.implies()`, `cp.AllDifferent`, ...) and prints the solution as JSON,
so a user can read it, change it and run it without OptiPilot.

One walk over the ground model drives two emitters: `_CpmpyEmit` builds CPMpy expressions (what is
solved) and `_TextEmit` writes the same expressions as Python source (what is shown), so the script
and the solved model cannot drift apart.

CPMpy's integer solvers need integer coefficients and finite domains: decimal coefficients in linear
comparisons and in the objective are scaled to integers exactly (the objective value is scaled back);
a decimal inside a nonlinear term is refused; a variable with no bound gets an artificial one, and a
solution on it is reported as UNBOUNDED (the same rule as the CP-SAT backend).
"""

from __future__ import annotations

import builtins
import json
import keyword
import time
from dataclasses import dataclass
from typing import Any

from modeler.ir.ground import GroundModel, GVar, Lin, Node, conjuncts
from solvers.backends.base import Backend, Compiled
from solvers.backends.cpsat import BIG, BIG_NONLINEAR, integral_scaling, scale_of
from solvers.result import Solution, Status


class CpmpyBackend(Backend):
    name = "cpmpy"
    description = "CPMpy (OR-Tools underneath): integer models with logic and globals, shown as CPMpy code"
    package = "cpmpy"

    def supports(self, gm: GroundModel) -> tuple[bool, str]:
        if gm.features.continuous:
            return False, "CPMpy's solvers take integer and binary variables only; this model has continuous ones"
        for c in gm.constraints:
            bad = _cond_trouble(c.expr)
            if bad:
                return False, f"constraint {c.label}: {bad}"
        if gm.objective is not None:
            bad = _objective_trouble(gm.objective)
            if bad:
                return False, f"objective: {bad}"
        return True, ""

    def compile(self, gm: GroundModel) -> Compiled:
        import cpmpy  # noqa: F401  (imported before timing: a one-off cost)

        t0 = time.perf_counter()
        emit = _CpmpyEmit(gm)
        c = _Compiler(gm, emit)
        c.build()
        return Compiled(self.name, gm, emit.model, c, time.perf_counter() - t0,
                        _text=lambda: (script(gm), "python"))

    def solve(self, compiled: Compiled, time_limit: float | None = None) -> Solution:
        import cpmpy as cp
        from cpmpy.solvers.solver_interface import ExitStatus

        from solvers.threads import solver_threads

        comp: _Compiler = compiled.handles
        gm = compiled.ground
        kwargs: dict[str, Any] = {"num_search_workers": solver_threads()}
        if time_limit is not None:
            kwargs["time_limit"] = float(time_limit)
        t0 = time.perf_counter()
        try:
            solver = cp.SolverLookup.get("ortools", compiled.native)
            solver.solve(**kwargs)
        except Exception as e:  # CPMpy raises its own exception classes for what it cannot transform
            return self._solution(compiled, Status.ERROR, None, None, time.perf_counter() - t0,
                                  f"CPMpy failed: {type(e).__name__}: {e}")
        elapsed = time.perf_counter() - t0
        code = solver.status().exitstatus
        if code == ExitStatus.UNSATISFIABLE:
            return self._solution(compiled, Status.INFEASIBLE, None, None, elapsed)
        if code == ExitStatus.UNKNOWN:
            return self._solution(compiled, Status.TIMEOUT, None, None, elapsed, "no solution within the time limit")
        if code not in (ExitStatus.OPTIMAL, ExitStatus.FEASIBLE):
            return self._solution(compiled, Status.ERROR, None, None, elapsed, f"CPMpy returned status {code.name}")
        values = [float(int(v.value())) for v in comp.emit.vars]
        at_artificial = [gm.vars[i].label for i in comp.unbounded if abs(values[i]) >= comp.big]
        if at_artificial and gm.objective is not None:
            return self._solution(compiled, Status.UNBOUNDED, None, None, elapsed,
                                  f"{', '.join(at_artificial[:3])} reached the artificial bound ±{comp.big:g} CPMpy "
                                  "needs: the model is unbounded (or its optimum lies beyond that bound)")
        status = Status.OPTIMAL if code == ExitStatus.OPTIMAL or gm.objective is None else Status.FEASIBLE
        objective = None
        if gm.objective is not None:
            objective = solver.objective_value() / comp.objective_scale
        return self._solution(compiled, status, objective, values, elapsed,
                              "" if status == Status.OPTIMAL else "time limit reached; optimality not proven")


def script(gm: GroundModel) -> str:
    """The model as a runnable CPMpy script that prints {"status", "objective", "values"} as JSON."""
    emit = _TextEmit(gm)
    c = _Compiler(gm, emit)
    c.build()
    return emit.finish(c)


# ------------------------------------------------------------------------------------------ checks
def _is_num(g: Any) -> bool:
    return isinstance(g, int | float) and not isinstance(g, bool)


def _is_linear(g: Any) -> bool:
    return _is_num(g) or isinstance(g, Lin)


def _scalable(values: list[float]) -> str:
    for x in values:
        if scale_of(x) is None:
            return f"the number {x!r} cannot be made an integer exactly"
    return ""


def _cond_trouble(g: Node) -> str:
    """Why a condition cannot be compiled (empty when it can). Linear comparisons may have decimals."""
    op, a = g.op, g.args
    if op == "lin":
        return _scalable([*a[0].terms.values(), *(b for b in a[1:] if b is not None)])
    if op == "cmp":
        if _is_linear(a[1]) and _is_linear(a[2]):
            return _scalable(_numbers_of(a[1]) + _numbers_of(a[2]))
        return _num_trouble(a[1]) or _num_trouble(a[2])
    if op in ("lit", "const"):
        return ""
    if op == "alldiff":
        return next((t for t in map(_num_trouble, a) if t), "")
    return next((t for t in map(_cond_trouble, a) if t), "")


def _numbers_of(g: Any) -> list[float]:
    return [*g.terms.values(), g.const] if isinstance(g, Lin) else [g]


def _num_trouble(g: Any) -> str:
    """Numeric expressions inside nonlinear terms must have integer numbers (they cannot be scaled)."""
    if isinstance(g, bool):
        return ""
    if _is_num(g) or isinstance(g, Lin):
        bad = [x for x in _numbers_of(g) if not float(x).is_integer()]
        return (f"the decimal {bad[0]!r} inside a nonlinear or logical term; CPMpy's integer solvers need "
                "integer numbers there (scale the data, or use z3)") if bad else ""
    if g.op == "div":
        return "division by a variable (CPMpy's integer division would truncate it; use z3)"
    if g.op == "bool2int":
        return _cond_trouble(g.args[0])
    if g.op in _CONDITIONS:
        return _cond_trouble(g)
    return next((t for t in map(_num_trouble, g.args) if t), "")


def _objective_top(g: Any) -> list[Any]:
    """The terms of the objective that a common scale factor multiplies directly."""
    return list(g.args) if isinstance(g, Node) and g.op == "add" else [g]


def _objective_trouble(g: Any) -> str:
    for t in _objective_top(g):
        if _is_linear(t):
            bad = _scalable(_numbers_of(t))
        elif t.op == "mul" and _is_num(t.args[0]):
            bad = _scalable([t.args[0]]) or _num_trouble(t.args[1])
        else:
            bad = _num_trouble(t)
        if bad:
            return bad
    return ""


def _objective_scale(g: Any) -> int:
    nums: list[float] = []
    for t in _objective_top(g):
        if _is_linear(t):
            nums += _numbers_of(t)
        elif t.op == "mul" and _is_num(t.args[0]):
            nums.append(t.args[0])
    return integral_scaling(nums)[2] if nums else 1


_CONDITIONS = frozenset({"lin", "cmp", "and", "or", "not", "implies", "iff", "lit", "alldiff", "const"})
_FLIP = {"<=": ">=", ">=": "<=", "<": ">", ">": "<", "==": "==", "!=": "!="}


# ---------------------------------------------------------------------------------------- compiler
class _Compiler:
    """Walks the ground model once and drives an emitter (CPMpy objects or Python source)."""

    def __init__(self, gm: GroundModel, emit: Any):
        self.gm = gm
        self.emit = emit
        self.big = BIG_NONLINEAR if gm.features.nonlinear else BIG
        self.unbounded: list[int] = []
        self.objective_scale = 1

    def build(self) -> None:
        gm, e = self.gm, self.emit
        for v in gm.vars:
            if v.type != "binary" and (v.lb is None or v.ub is None):
                self.unbounded.append(v.id)
        e.declare(self.big)
        for c in gm.constraints:
            e.post(c, [self.cond(p) for p in conjuncts(c.expr)])
        if gm.objective is not None:
            self.objective_scale = _objective_scale(gm.objective)
            e.objective(gm.sense, self.objective(gm.objective, self.objective_scale), self.objective_scale)

    def objective(self, g: Any, k: int) -> Any:
        terms = []
        for t in _objective_top(g):
            if _is_num(t):
                terms.append(self.emit.num(round(t * k)))
            elif isinstance(t, Lin):
                terms.append(self.lin(t.scaled(k)))
            elif t.op == "mul" and _is_num(t.args[0]):
                terms.append(self.emit.mul(self.emit.num(round(t.args[0] * k)), self.num(t.args[1])))
            else:
                inner = self.num(t)
                terms.append(inner if k == 1 else self.emit.mul(self.emit.num(k), inner))
        return terms[0] if len(terms) == 1 else self.emit.add(terms)

    # ---------------------------------------------------------------------------------- numbers
    def lin(self, g: Lin) -> Any:
        """A Lin whose numbers are integers (callers scale first)."""
        return self.emit.lin([(v, int(round(c))) for v, c in g.terms.items() if c != 0], int(round(g.const)))

    def num(self, g: Any) -> Any:
        e = self.emit
        if isinstance(g, bool):
            return e.num(int(g))
        if _is_num(g):
            return e.num(int(g))
        if isinstance(g, Lin):
            return self.lin(g)
        op, a = g.op, g.args
        if op == "add":
            return e.add([self.num(x) for x in a])
        if op == "mul":
            return e.mul(self.num(a[0]), self.num(a[1]))
        if op == "pow":
            return e.pow(self.num(a[0]), a[1])
        if op == "abs":
            return e.abs(self.num(a[0]))
        if op in ("min", "max"):
            return e.minmax(op, [self.num(x) for x in a])
        if op == "bool2int":
            return self.cond(a[0])  # CPMpy reads a true/false expression as 0/1 in arithmetic
        if op in _CONDITIONS:
            return self.cond(g)
        raise ValueError(f"CPMpy backend: unsupported numeric node {op!r}")

    # ------------------------------------------------------------------------------- conditions
    def cond(self, g: Node) -> Any:
        e, op, a = self.emit, g.op, g.args
        if op == "lin":
            lin, lo, hi = a
            coefs, (lo_i, hi_i), _ = integral_scaling(list(lin.terms.values()), lo, hi)
            body = e.lin([(v, c) for v, c in zip(lin.terms, coefs, strict=True)], 0)
            if lo_i is not None and lo_i == hi_i:
                return e.cmp("==", body, e.num(lo_i))
            parts = ([e.cmp(">=", body, e.num(lo_i))] if lo_i is not None else []) + (
                [e.cmp("<=", body, e.num(hi_i))] if hi_i is not None else [])
            return parts[0] if len(parts) == 1 else e.and_(parts)
        if op == "cmp":
            cmp, left, right = a
            if _is_linear(left) and _is_linear(right):
                return self._linear_cmp(cmp, left, right)
            return e.cmp(cmp, self.num(left), self.num(right))
        if op == "lit":
            return e.var(a[0])
        if op == "const":
            return e.const(bool(a[0]))
        if op == "and":
            return e.and_([self.cond(p) for p in a])
        if op == "or":
            return e.or_([self.cond(p) for p in a])
        if op == "not":
            return e.not_(self.cond(a[0]))
        if op == "implies":
            return e.implies(self.cond(a[0]), self.cond(a[1]))
        if op == "iff":
            return e.cmp("==", self.cond(a[0]), self.cond(a[1]))
        if op == "alldiff":
            return e.alldiff([self.num(x) for x in a])
        raise ValueError(f"CPMpy backend: unsupported condition {op!r}")

    def _linear_cmp(self, op: str, left: Any, right: Any) -> Any:
        """left op right, both linear: moved to one side and scaled to integer coefficients."""
        diff = (left.copy() if isinstance(left, Lin) else Lin(const=left)).iadd(right, -1.0).prune()
        rhs = -diff.const
        coefs, (k,), _ = integral_scaling(list(diff.terms.values()), rhs)
        body = self.emit.lin([(v, c) for v, c in zip(diff.terms, coefs, strict=True)], 0)
        return self.emit.cmp(op, body, self.emit.num(k))


# ---------------------------------------------------------------------------------------- emitters
class _CpmpyEmit:
    """Builds CPMpy objects."""

    def __init__(self, gm: GroundModel):
        import cpmpy as cp

        self.cp = cp
        self.gm = gm
        self.model = cp.Model()
        self.vars: list[Any] = []

    def declare(self, big: int) -> None:
        cp = self.cp
        for v in self.gm.vars:
            if v.type == "binary":
                self.vars.append(cp.boolvar(name=v.label))
            else:
                lo, hi = _domain(v, big)
                self.vars.append(cp.intvar(lo, hi, name=v.label))

    def post(self, c: Any, parts: list[Any]) -> None:
        self.model += parts

    def objective(self, sense: str | None, expr: Any, scale: int) -> None:
        if sense == "max":
            self.model.maximize(expr)
        else:
            self.model.minimize(expr)

    def var(self, i: int) -> Any:
        return self.vars[i]

    def num(self, k: int) -> Any:
        return int(k)

    def lin(self, terms: list[tuple[int, int]], const: int) -> Any:
        from cpmpy.expressions.core import Operator

        if not terms:
            return const
        if len(terms) == 1 and terms[0][1] == 1:
            body: Any = self.vars[terms[0][0]]
        else:
            body = Operator("wsum", [[c for _, c in terms], [self.vars[v] for v, _ in terms]])
        return body + const if const else body

    def add(self, terms: list[Any]) -> Any:
        return self.cp.sum(terms)

    def mul(self, a: Any, b: Any) -> Any:
        return a * b

    def pow(self, a: Any, k: int) -> Any:
        return a**k

    def abs(self, a: Any) -> Any:
        return self.cp.abs(a)

    def minmax(self, op: str, args: list[Any]) -> Any:
        return self.cp.min(args) if op == "min" else self.cp.max(args)

    def cmp(self, op: str, a: Any, b: Any) -> Any:
        return _PY_CMP[op](a, b)

    def and_(self, args: list[Any]) -> Any:
        return self.cp.all(args)

    def or_(self, args: list[Any]) -> Any:
        return self.cp.any(args)

    def not_(self, a: Any) -> Any:
        return ~a

    def implies(self, a: Any, b: Any) -> Any:
        return a.implies(b)

    def alldiff(self, args: list[Any]) -> Any:
        return self.cp.AllDifferent(args)

    def const(self, v: bool) -> Any:
        return self.cp.BoolVal(v)


_PY_CMP = {
    "<=": lambda a, b: a <= b, ">=": lambda a, b: a >= b, "==": lambda a, b: a == b,
    "!=": lambda a, b: a != b, "<": lambda a, b: a < b, ">": lambda a, b: a > b,
}


def _domain(v: GVar, big: int) -> tuple[int, int]:
    return (-big if v.lb is None else int(v.lb)), (big if v.ub is None else int(v.ub))


# Python operator precedence, lowest first: what decides where the source text needs parentheses.
_CMP, _OR, _AND, _ADD, _MUL, _UNARY, _POW, _ATOM = range(8)


@dataclass(frozen=True)
class _Code:
    text: str
    prec: int

    def at(self, prec: int) -> str:
        """The text as an operand of an operator of precedence `prec` (parenthesised if it binds looser)."""
        return self.text if self.prec >= prec else f"({self.text})"


_RESERVED = {"cp", "json", "itertools", "model", "found", "values", "key", "BIG", "k", "v"}


def _py_name(name: str) -> str:
    """A model name as a Python identifier that shadows nothing the script uses."""
    taken = keyword.iskeyword(name) or name in _RESERVED or hasattr(builtins, name)
    return f"{name}_" if taken else name


def _lit(member: Any) -> str:
    return json.dumps(member, ensure_ascii=False) if isinstance(member, str) else repr(member)


class _TextEmit:
    """Writes the same expressions as Python source using CPMpy."""

    def __init__(self, gm: GroundModel):
        self.gm = gm
        self.lines: list[str] = []
        self.refs: list[str] = []
        self._last_constraint = ""
        self.big = 0

    # -------------------------------------------------------------------------------- structure
    def declare(self, big: int) -> None:
        gm = self.gm
        self.big = big
        by_name: dict[str, list[GVar]] = {}
        for v in gm.vars:
            by_name.setdefault(v.name, []).append(v)
        self.refs = [""] * len(gm.vars)
        self.groups: list[tuple[str, str, bool]] = []  # (model name, python name, indexed)
        info = {mv.name: mv for mv in gm.model.variables}
        for n, vs in by_name.items():
            py = _py_name(n)
            mv = info.get(n)
            if mv is not None and mv.description:
                self.lines.append(f"# {n}: {_one_line(mv.description)}")
            if not vs[0].index:
                self.refs[vs[0].id] = py
                self.lines.append(f"{py} = {self._decl(vs[0], big, json.dumps(vs[0].label))}")
                self.groups.append((n, py, False))
                continue
            for v in vs:
                self.refs[v.id] = f"{py}[{', '.join(_lit(k) for k in v.index)}]"
            self.groups.append((n, py, True))
            self.lines.append(f"{py} = {self._indexed_decl(n, vs, big)}")
        self.lines += ["", "model = cp.Model()"]

    def _decl(self, v: GVar, big: int, name_code: str) -> str:
        if v.type == "binary":
            return f"cp.boolvar(name={name_code})"
        lo = "-BIG" if v.lb is None else str(int(v.lb))
        hi = "BIG" if v.ub is None else str(int(v.ub))
        return f"cp.intvar({lo}, {hi}, name={name_code})"

    def _indexed_decl(self, n: str, vs: list[GVar], big: int) -> str:
        decls = {self._decl(v, big, "") for v in vs}
        dims = len(vs[0].index)
        if len(decls) == 1:  # the same domain everywhere: one comprehension over the index sets
            if dims == 1:
                keys = f"[{', '.join(_lit(v.index[0]) for v in vs)}]"
                name_code = f'f"{n}[{{k}}]"'
            else:
                columns = [list(dict.fromkeys(v.index[d] for v in vs)) for d in range(dims)]
                keys = "itertools.product(" + ", ".join(f"[{', '.join(map(_lit, col))}]" for col in columns) + ")"
                name_code = f'"{n}[" + ",".join(map(str, k)) + "]"'
            return "{k: " + self._decl(vs[0], big, name_code) + f" for k in {keys}}}"
        body = ",\n".join(f"    {self._key(v)}: {self._decl(v, big, json.dumps(v.label))}" for v in vs)
        return "{\n" + body + ",\n}"

    @staticmethod
    def _key(v: GVar) -> str:
        keys = [_lit(k) for k in v.index]
        return keys[0] if len(keys) == 1 else f"({', '.join(keys)})"

    def post(self, c: Any, parts: list[_Code]) -> None:
        if c.name != self._last_constraint:
            self._last_constraint = c.name
            about = f": {_one_line(c.description)}" if c.description else ""
            self.lines.append(f"# {c.name}{about}")
        if len(parts) == 1:
            self.lines.append(f"model += {parts[0].text}")
        else:
            self.lines.append(f"model += [{', '.join(p.text for p in parts)}]")

    def objective(self, sense: str | None, expr: _Code, scale: int) -> None:
        what = "maximize" if sense == "max" else "minimize"
        self.lines += ["", f"model.{what}({expr.text})"]
        if scale != 1:
            self.lines.insert(-1, f"# the objective is multiplied by {scale} to make its coefficients integers")

    def _header(self) -> list[str]:
        m = self.gm.model
        body = "\n".join(self.lines)
        head = [f"# OptiPilot model {m.name or 'model'!r} as CPMpy code: run it with `python this_file.py` "
                "(pip install cpmpy)."]
        if m.description:
            head.append(f"# {_one_line(m.description)}")
        head.append("# It prints the solution as JSON: status, objective and the values by variable name.")
        if "itertools.product" in body:
            head.append("import itertools")
        head += ["import json", "", "import cpmpy as cp", ""]
        if "BIG" in body:
            head += [f"BIG = {self.big:_}  # CPMpy needs finite domains: the bound given to variables "
                     "the model leaves unbounded", ""]
        return head

    def finish(self, c: _Compiler) -> str:
        scale = c.objective_scale
        obj = "model.objective_value()" + (f" / {scale}" if scale != 1 else "")
        lines = [*self._header(), *self.lines, "",
                 "found = model.solve(time_limit=60)  # seconds",
                 "",
                 "",
                 "def key(k):",
                 '    return ",".join(map(str, k)) if isinstance(k, tuple) else str(k)',
                 "",
                 "",
                 "values = {"]
        for n, py, indexed in self.groups:
            if indexed:
                lines.append(f"    {json.dumps(n)}: {{key(k): int(v.value()) for k, v in {py}.items()}},")
            else:
                lines.append(f"    {json.dumps(n)}: int({py}.value()),")
        lines += ["} if found else {}",
                  "print(json.dumps({",
                  '    "status": model.status().exitstatus.name,',
                  f'    "objective": {obj if self.gm.objective is not None else "None"} if found else None,',
                  '    "values": values,',
                  "}))"]
        return "\n".join(lines) + "\n"

    # ------------------------------------------------------------------------------ expressions
    def var(self, i: int) -> _Code:
        return _Code(self.refs[i], _ATOM)

    def num(self, k: int) -> _Code:
        return _Code(str(int(k)), _ATOM if k >= 0 else _UNARY)

    def lin(self, terms: list[tuple[int, int]], const: int) -> _Code:
        parts: list[str] = []
        for v, c in terms:
            ref = self.refs[v]
            mag = ref if abs(c) == 1 else f"{abs(c)}*{ref}"
            parts.append(("-" if c < 0 else "") + mag if not parts else (" - " if c < 0 else " + ") + mag)
        if const or not parts:
            if not parts:
                return self.num(const)
            parts.append((" - " if const < 0 else " + ") + str(abs(const)))
        text = "".join(parts)
        if len(terms) == 1 and not const:
            c = terms[0][1]
            return _Code(text, _ATOM if c == 1 else _UNARY if c == -1 else _MUL)
        return _Code(text, _ADD)

    def add(self, terms: list[_Code]) -> _Code:
        return _Code(" + ".join(t.at(_ADD) for t in terms), _ADD)

    def mul(self, a: _Code, b: _Code) -> _Code:
        return _Code(f"{a.at(_MUL)} * {b.at(_UNARY)}", _MUL)

    def pow(self, a: _Code, k: int) -> _Code:
        return _Code(f"{a.at(_ATOM)}**{k}", _POW)

    def abs(self, a: _Code) -> _Code:
        return _Code(f"cp.abs({a.text})", _ATOM)

    def minmax(self, op: str, args: list[_Code]) -> _Code:
        return _Code(f"cp.{op}([{', '.join(x.text for x in args)}])", _ATOM)

    def cmp(self, op: str, a: _Code, b: _Code) -> _Code:
        return _Code(f"{a.at(_ADD)} {op} {b.at(_ADD)}", _CMP)

    def and_(self, args: list[_Code]) -> _Code:
        return _Code(" & ".join(x.at(_ADD) for x in args), _AND)

    def or_(self, args: list[_Code]) -> _Code:
        return _Code(" | ".join(x.at(_ADD) for x in args), _OR)

    def not_(self, a: _Code) -> _Code:
        return _Code(f"~{a.at(_UNARY)}", _UNARY)

    def implies(self, a: _Code, b: _Code) -> _Code:
        return _Code(f"{a.at(_ATOM)}.implies({b.text})", _ATOM)

    def alldiff(self, args: list[_Code]) -> _Code:
        return _Code(f"cp.AllDifferent([{', '.join(x.text for x in args)}])", _ATOM)

    def const(self, v: bool) -> _Code:
        return _Code(f"cp.BoolVal({v})", _ATOM)


def _one_line(text: str) -> str:
    return " ".join(text.split())


"""Grounding: expand a model's sums, foralls and indices into flat expressions over variable instances.

Every backend compiles the same `GroundModel`, so the meaning of the language is decided once, here.
A ground expression is a number, a `Lin` (linear: coefficients by variable id plus a constant) or a
`Node` (anything else: products, min/max/abs, comparisons, logic, all_different). Linear parts stay
`Lin` as long as possible because that is what LP/MILP backends take and what keeps compilation fast.

Boolean nodes (the `op` of a Node):
  lin      (Lin, lo, hi)        lo <= lin <= hi, either bound may be None; lin has no constant
  cmp      (op, left, right)    any other comparison: != , strict < / > on non-integers, nonlinear sides
  and / or (args...)            not (arg)   implies (a, b)   iff (a, b)
  lit      (var_id,)            a binary variable used as a condition
  alldiff  (args...)            all_different over numeric expressions
  const    (bool,)              a condition that folded to true or false
Numeric nodes: add (terms...), mul (a, b), div (a, b), pow (a, k), abs (a), min (args...), max (args...),
bool2int (condition).
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from modeler.ir import expr as E
from modeler.ir.model import Issue, Key, Member, Model, ModelError

BOOL_OPS = frozenset({"lin", "cmp", "and", "or", "not", "implies", "iff", "lit", "alldiff", "const"})


class Lin:
    """sum(terms[v] * var_v) + const. Mutable only while being built (see `iadd`)."""

    __slots__ = ("terms", "const")

    def __init__(self, terms: dict[int, float] | None = None, const: float = 0.0):
        self.terms = terms if terms is not None else {}
        self.const = const

    def iadd(self, other: Num | Lin, scale: float = 1.0) -> Lin:
        if isinstance(other, Lin):
            t = self.terms
            for v, c in other.terms.items():
                t[v] = t.get(v, 0.0) + scale * c
            self.const += scale * other.const
        else:
            self.const += scale * other
        return self

    def scaled(self, k: float) -> Lin:
        return Lin({v: k * c for v, c in self.terms.items()}, k * self.const)

    def copy(self) -> Lin:
        return Lin(dict(self.terms), self.const)

    def prune(self) -> Lin:
        self.terms = {v: c for v, c in self.terms.items() if c != 0}
        return self

    def __repr__(self) -> str:
        return f"Lin({self.terms}, {self.const})"


@dataclass(frozen=True, slots=True)
class Node:
    op: str
    args: tuple[Any, ...]


Num = int | float
GExpr = int | float | Lin | Node


@dataclass(slots=True)
class GVar:
    id: int
    name: str
    index: Key
    type: str  # continuous | integer | binary
    lb: float | None
    ub: float | None

    @property
    def label(self) -> str:
        return self.name if not self.index else f"{self.name}[{','.join(map(str, self.index))}]"

    @property
    def is_integer(self) -> bool:
        return self.type != "continuous"


@dataclass(slots=True)
class GConstraint:
    name: str  # the model's constraint name
    index: Key  # the forall members of this copy, () when there is no forall
    expr: Node  # a boolean node
    description: str = ""
    text: str = ""  # the constraint as written

    @property
    def label(self) -> str:
        return self.name if not self.index else f"{self.name}[{','.join(map(str, self.index))}]"


@dataclass
class Features:
    """What a model uses; backends decide from this whether they can take it."""

    continuous: bool = False
    integer: bool = False
    nonlinear: bool = False  # products/division/powers of variables
    logic: bool = False  # and / or / not / implies / iff / binary literals / conditions as numbers
    alldiff: bool = False
    minmaxabs: bool = False
    not_equal: bool = False  # != or a strict inequality that could not be made non-strict

    @property
    def linear(self) -> bool:
        return not (self.nonlinear or self.logic or self.alldiff or self.minmaxabs or self.not_equal)

    @property
    def kind(self) -> str:
        """'lp', 'milp', 'cp' (integer, uses CP constructs) or 'nonlinear'."""
        if self.linear:
            return "milp" if self.integer else "lp"
        if self.continuous and (self.nonlinear or not self.linear):
            return "nonlinear"
        return "cp"


@dataclass
class GroundModel:
    model: Model
    vars: list[GVar]
    objective: GExpr | None  # None for a satisfaction problem
    sense: str | None  # "min" | "max" | None
    constraints: list[GConstraint]
    features: Features = field(default_factory=Features)
    var_ids: dict[tuple[str, Key], int] = field(default_factory=dict)

    def values_by_name(self, values: list[float]) -> dict[str, Any]:
        """Solver values (by var id) to the Solution's `values` layout, integers rounded."""
        out: dict[str, Any] = {}
        for v in self.vars:
            x = values[v.id]
            if v.is_integer and x is not None:
                x = int(round(x))
            if not v.index:
                out[v.name] = x
            else:
                out.setdefault(v.name, {})[",".join(map(str, v.index))] = x
        return out


def ground(model: Model) -> GroundModel:
    """Expand a checked model (from `Model.from_json`) into a GroundModel; ModelError on bad data."""
    return _Grounder(model).run()


class _Grounder:
    def __init__(self, model: Model):
        self.m = model
        self.members = {s.name: s.members for s in model.sets}
        self.params = {p.name: p for p in model.parameters}
        self.varinfo = {v.name: v for v in model.variables}
        self.vars: list[GVar] = []
        self.var_ids: dict[tuple[str, Key], int] = {}
        self.f = Features()
        self.element = "model"
        self.name = ""
        self.tables = {p.name: model.table(p.name) for p in model.parameters}
        # node id -> (node, closure): expressions are compiled once, then run for every index combination
        self._compiled: dict[int, tuple[E.Expr, Any]] = {}

    def fail(self, message: str) -> ModelError:
        return ModelError(Issue(element=self.element, name=self.name, message=message))

    # ------------------------------------------------------------------------------------- driver
    def run(self) -> GroundModel:
        for v in self.m.variables:
            self.element, self.name = "variable", v.name
            if v.type == "continuous":
                self.f.continuous = True
            else:
                self.f.integer = True
            per_element = isinstance(v.lb, str) or isinstance(v.ub, str)
            lb, ub = (None, None) if per_element else self._bounds(v, ())
            for key in itertools.product(*(self.members[s] for s in v.index)):
                if per_element:
                    lb, ub = self._bounds(v, key)
                gv = GVar(len(self.vars), v.name, key, v.type, lb, ub)
                self.var_ids[(v.name, key)] = gv.id
                self.vars.append(gv)

        objective, sense = None, None
        if self.m.objective is not None:
            self.element, self.name = "objective", ""
            objective = self.numeric(self.value(E.parse(self.m.objective.expr), {}))
            sense = self.m.objective.sense

        constraints: list[GConstraint] = []
        for c in self.m.constraints:
            self.element, self.name = "constraint", c.name
            tree = E.parse(c.expr)
            if c.forall is None:
                envs: Iterator[tuple[Key, dict[str, Member]]] = iter([((), {})])
            else:
                gen = E.parse_forall(c.forall)
                envs = ((tuple(env[b.var] for b in gen.binders), env) for env in self.expand(gen, {}))
            for key, env in envs:
                node = self.cond(tree, env)
                constraints.append(GConstraint(c.name, key, node, c.description, c.expr))
        return GroundModel(self.m, self.vars, objective, sense, constraints, self.f, self.var_ids)

    def _bounds(self, v: Any, key: Key) -> tuple[float | None, float | None]:
        lb, ub = (self.tables[b][key] if isinstance(b, str) else b for b in (v.lb, v.ub))
        if v.type == "binary":
            return 0, 1
        if v.type == "integer":
            lb = None if lb is None else math.ceil(lb - 1e-9)
            ub = None if ub is None else math.floor(ub + 1e-9)
        return lb, ub

    # ---------------------------------------------------------------------------------- iteration
    def expand(self, gen: E.Generator, env: dict[str, Member]) -> Iterator[dict[str, Member]]:
        """Every binding of the generator's names (filtered by its condition), as one dict updated in
        place: consumers use each binding before asking for the next."""
        if all(isinstance(b, E.SetBinder) for b in gen.binders):
            names = [b.var for b in gen.binders]
            e = dict(env)
            cond = gen.cond
            for combo in itertools.product(*(self.members[b.set] for b in gen.binders)):
                e.update(zip(names, combo, strict=True))
                if cond is None or self.truth(cond, e):
                    yield e
            return
        yield from self._expand_ranges(gen, env)

    def _expand_ranges(self, gen: E.Generator, env: dict[str, Member]) -> Iterator[dict[str, Member]]:
        def rec(i: int, env: dict[str, Member]) -> Iterator[dict[str, Member]]:
            if i == len(gen.binders):
                if gen.cond is None or self.truth(gen.cond, env):
                    yield env
                return
            b = gen.binders[i]
            if isinstance(b, E.SetBinder):
                domain: Any = self.members[b.set]
            else:
                lo, hi = self.const(b.lo, env), self.const(b.hi, env)
                if not (float(lo).is_integer() and float(hi).is_integer()):
                    raise self.fail(f"range {lo}..{hi} for {b.var!r} needs integer ends")
                domain = range(int(lo), int(hi) + 1)
            for m in domain:
                yield from rec(i + 1, {**env, b.var: m})

        return rec(0, env)

    def truth(self, node: E.Expr, env: dict[str, Member]) -> bool:
        g = self.cond(node, env)
        if g.op != "const":
            raise self.fail("an 'if' condition must compare constants and index values only")
        return bool(g.args[0])

    def const(self, node: E.Expr, env: dict[str, Member]) -> Any:
        v = self.value(node, env)
        if isinstance(v, Lin | Node):
            raise self.fail(f"expected a constant, found an expression over variables in {node!r}")
        return v

    # -------------------------------------------------------------------------------- evaluation
    def value(self, node: E.Expr, env: dict[str, Member]) -> Any:
        """A number, a member (str), a bool (folded condition), a Lin or a Node."""
        hit = self._compiled.get(id(node))
        if hit is None:
            hit = (node, self._compile(node))
            self._compiled[id(node)] = hit
        return hit[1](env)

    def _compile(self, node: E.Expr) -> Any:
        """A closure env -> value for the node: the dispatch on node types happens once, not per index."""
        match node:
            case E.Num(value=v) | E.Str(value=v) | E.Bool(value=v):
                return lambda env: v
            case E.Name(id=n) if n in self.params:
                v = self.tables[n][()]
                return lambda env: v
            case E.Name(id=n) if n in self.varinfo:
                vid = self.var_ids[(n, ())]
                return lambda env: Lin({vid: 1.0})
            case E.Name(id=n):
                return lambda env: env[n]
            case E.Index(name=n, args=args):
                key = self._key_fn(args)
                if n in self.params:
                    table, index_sets = self.tables[n], self.params[n].index

                    def param(env: dict[str, Member]) -> Any:
                        k = key(env)
                        try:
                            return table[k]
                        except KeyError:
                            raise self.fail(self._out_of_range(n, index_sets, k)) from None

                    return param

                def var(env: dict[str, Member]) -> Lin:
                    return self.var_ref(n, key(env))

                return var
            case E.BinOp(op=op, left=left, right=right):
                lf, rf = self._fn(left), self._fn(right)
                return lambda env: self.arith(op, lf(env), rf(env))
            case E.Neg(arg=a):
                af = self._fn(a)
                return lambda env: self.arith("*", -1, af(env))
            case E.Gen(func="sum", body=body, gen=gen):
                product_sum = self._product_sum_fn(body, gen)
                if product_sum is not None:
                    return product_sum
                term = self._term_fn(body)
                if term is not None:
                    def fast_sum(env: dict[str, Member]) -> Any:
                        terms: dict[int, float] = {}
                        get = terms.get
                        for e in self.expand(gen, env):
                            vid, c = term(e)
                            terms[vid] = get(vid, 0.0) + c
                        return Lin(terms) if terms else 0.0

                    return fast_sum
        return lambda env: self._value_slow(node, env)

    def _fn(self, node: E.Expr) -> Any:
        return lambda env: self.value(node, env)

    def _key_fn(self, args: tuple[E.Expr, ...]) -> Any:
        names = [a.id for a in args if isinstance(a, E.Name) and a.id not in self.params and a.id not in self.varinfo]
        if len(names) == len(args):  # all loop names: their values are members already
            if len(names) == 1:
                (a0,) = names
                return lambda env: (env[a0],)
            if len(names) == 2:
                a0, a1 = names
                return lambda env: (env[a0], env[a1])
            return lambda env: tuple(env[a] for a in names)
        return lambda env: tuple(self.member(a, env) for a in args)

    def _product_sum_fn(self, body: E.Expr, gen: E.Generator) -> Any:
        """The fastest path, for `sum(p[..] * x[..] for i in I for j in J)` with no filter and indices that
        are loop names: iterate member tuples directly, no per-term dicts or closures over bindings."""
        if gen.cond is not None or not all(isinstance(b, E.SetBinder) for b in gen.binders):
            return None
        var_node, coef_node = None, None
        if isinstance(body, E.Index) and body.name in self.varinfo:
            var_node = body
        elif isinstance(body, E.BinOp) and body.op == "*":
            for a, b in ((body.left, body.right), (body.right, body.left)):
                if isinstance(b, E.Index) and b.name in self.varinfo and (
                        isinstance(a, E.Num) or (isinstance(a, E.Name | E.Index) and
                                                 (a.id if isinstance(a, E.Name) else a.name) in self.params)):
                    var_node, coef_node = b, a
                    break
        if var_node is None:
            return None
        position = {b.var: i for i, b in enumerate(gen.binders)}
        model_names = self.params.keys() | self.varinfo.keys()

        def key_builder(args: tuple[E.Expr, ...]) -> Any:
            if not all(isinstance(a, E.Name) and a.id not in model_names for a in args):
                return None
            parts = [(a.id in position, position.get(a.id, a.id)) for a in args]  # type: ignore[union-attr]
            if all(b for b, _ in parts) and [p for _, p in parts] == list(range(len(gen.binders))):
                return lambda combo, env: combo
            if len(parts) == 1:
                (b0, p0), = parts
                return (lambda combo, env: (combo[p0],)) if b0 else (lambda combo, env: (env[p0],))
            if len(parts) == 2:
                (b0, p0), (b1, p1) = parts
                if not b0 and b1:
                    return lambda combo, env: (env[p0], combo[p1])
                if b0 and not b1:
                    return lambda combo, env: (combo[p0], env[p1])
            return lambda combo, env: tuple(combo[p] if b else env[p] for b, p in parts)

        vkey = key_builder(var_node.args)
        if vkey is None:
            return None
        if coef_node is None or isinstance(coef_node, E.Num) or isinstance(coef_node, E.Name):
            k = 1.0 if coef_node is None else (coef_node.value if isinstance(coef_node, E.Num)
                                               else self.tables[coef_node.id][()])  # type: ignore[union-attr]
            coef = lambda combo, env: k  # noqa: E731
        else:
            pkey = key_builder(coef_node.args)  # type: ignore[union-attr]
            if pkey is None:
                return None
            table = self.tables[coef_node.name]  # type: ignore[union-attr]
            coef = lambda combo, env: table[pkey(combo, env)]  # noqa: E731
        vname, ids = var_node.name, self.var_ids
        domains = [self.members[b.set] for b in gen.binders]

        def product_sum(env: dict[str, Member]) -> Any:
            terms: dict[int, float] = {}
            get = terms.get
            try:
                for combo in itertools.product(*domains):
                    vid = ids[(vname, vkey(combo, env))]
                    terms[vid] = get(vid, 0.0) + coef(combo, env)
            except KeyError:  # an index outside its set: the general path names it precisely
                return self._value_slow(E.Gen("sum", body, gen), env)
            return Lin(terms) if terms else 0.0

        return product_sum

    def _term_fn(self, body: E.Expr) -> Any:
        """For sum bodies of the form `var[...]`, `p[...] * var[...]` or `var[...] * p[...]` (p a parameter
        or a number): a closure env -> (variable id, coefficient), the fast path of big linear sums."""
        def var_part(node: E.Expr) -> Any:
            if isinstance(node, E.Index) and node.name in self.varinfo:
                key, n = self._key_fn(node.args), node.name
                ids = self.var_ids

                def vid(env: dict[str, Member]) -> int:
                    k = key(env)
                    i = ids.get((n, k))
                    if i is None:
                        self.var_ref(n, k)  # raises the out-of-range error
                    return i  # type: ignore[return-value]

                return vid
            return None

        def const_part(node: E.Expr) -> bool:
            return isinstance(node, E.Num) or (isinstance(node, E.Name | E.Index)
                                               and (node.id if isinstance(node, E.Name) else node.name) in self.params)

        v = var_part(body)
        if v is not None:
            return lambda env: (v(env), 1.0)
        if isinstance(body, E.BinOp) and body.op == "*":
            for a, b in ((body.left, body.right), (body.right, body.left)):
                v = var_part(b)
                if v is not None and const_part(a):
                    cf = self._fn(a)
                    return lambda env: (v(env), cf(env))
        return None

    def _value_slow(self, node: E.Expr, env: dict[str, Member]) -> Any:
        match node:
            case E.Num(value=v):
                return v
            case E.Str(value=v):
                return v
            case E.Bool(value=v):
                return v
            case E.BinOp(op=op, left=left, right=right):
                return self.arith(op, self.value(left, env), self.value(right, env))
            case E.Neg(arg=a):
                return self.arith("*", -1, self.value(a, env))
            case E.Call(func=f, args=args):
                return self.call(f, [self._whole_or_value(a, f, args, env) for a in args], env)
            case E.Gen(func=f, body=body, gen=gen):
                if f == "sum":
                    acc = Lin()
                    rest: list[Any] = []
                    for e in self.expand(gen, env):
                        self._accumulate(acc, rest, self.value(body, e))
                    return self._finish_sum(acc, rest)
                return self.call(f, [[self.value(body, e) for e in self.expand(gen, env)]], env)
            case _:
                return self.cond(node, env)

    def _whole_or_value(self, a: E.Expr, f: str, args: tuple[E.Expr, ...], env: dict[str, Member]) -> Any:
        # `sum(x)`, `all_different(x)`: a bare indexed name stands for all its elements.
        if f in E.AGGREGATES and len(args) == 1 and isinstance(a, E.Name) and a.id not in env:
            n = a.id
            if n in self.varinfo and self.varinfo[n].index:
                return [self.var_ref(n, k) for (name, k) in self.var_ids if name == n]
            if n in self.params and self.params[n].index:
                return list(self.tables[n].values())
        return self.value(a, env)

    def member(self, a: E.Expr, env: dict[str, Member]) -> Member:
        v = self.value(a, env)
        if isinstance(v, bool) or isinstance(v, Lin | Node):
            raise self.fail(f"an index must be a set member or a number, not {a!r}")
        if isinstance(v, float):
            if not v.is_integer():
                raise self.fail(f"index {v} is not an integer")
            v = int(v)
        return v

    def _out_of_range(self, n: str, index_sets: list[str], key: Key) -> str:
        for s, k in zip(index_sets, key, strict=False):
            if k not in self.members[s]:
                shown = self.members[s][:6]
                more = ", ..." if len(self.members[s]) > 6 else ""
                return (f"{n}[{', '.join(map(repr, key))}]: {k!r} is not a member of set {s!r} "
                        f"({', '.join(map(repr, shown))}{more}); filter with 'if' where an index leaves the set")
        return f"{n}[{', '.join(map(repr, key))}] is not defined"

    def var_ref(self, n: str, key: Key) -> Lin:
        vid = self.var_ids.get((n, key))
        if vid is None:
            raise self.fail(self._out_of_range(n, self.varinfo[n].index, key))
        return Lin({vid: 1.0})

    # -------------------------------------------------------------------------------- arithmetic
    def arith(self, op: str, a: Any, b: Any) -> Any:
        a, b = self.numeric(a), self.numeric(b)
        a_num, b_num = _is_const(a), _is_const(b)
        if a_num and b_num:
            try:
                if op == "+":
                    return a + b
                if op == "-":
                    return a - b
                if op == "*":
                    return a * b
                if op == "/":
                    return a / b
                return a**b
            except ZeroDivisionError:
                raise self.fail("division by zero") from None
            except OverflowError:
                raise self.fail("a number too large for the solvers") from None
        if op in "+-":
            scale = 1.0 if op == "+" else -1.0
            if isinstance(a, Node) or isinstance(b, Node):
                return self._finish_sum(Lin(), [a, b] if op == "+" else [a, self.arith("*", -1, b)])
            out = a.copy() if isinstance(a, Lin) else Lin(const=a)
            return out.iadd(b, scale)
        if op == "*":
            if a_num or b_num:
                k, e = (a, b) if a_num else (b, a)
                if isinstance(e, Lin):
                    return e.scaled(k)
                return Node("mul", (k, e)) if k != 1 else e
            self.f.nonlinear = True
            return Node("mul", (a, b))
        if op == "/":
            if b_num:
                if b == 0:
                    raise self.fail("division by zero")
                return a.scaled(1.0 / b) if isinstance(a, Lin) else Node("mul", (1.0 / b, a))
            self.f.nonlinear = True
            return Node("div", (a, b))
        # power: a constant exponent (checked by validation)
        if not b_num:
            raise self.fail("an exponent must be a constant")
        if b == 1:
            return a
        if b == 0:
            return 1
        if not float(b).is_integer() or b < 0:
            raise self.fail(f"only positive integer powers of variables are supported, got ^{b}")
        self.f.nonlinear = True
        return Node("pow", (a, int(b)))

    def numeric(self, v: Any) -> Any:
        if isinstance(v, bool):
            return int(v)
        if isinstance(v, str):
            raise self.fail(f"the member {v!r} is used as a number")
        if isinstance(v, Node) and v.op in BOOL_OPS:
            if v.op == "const":
                return int(v.args[0])
            self.f.logic = True
            return Node("bool2int", (v,))
        return v

    def _accumulate(self, acc: Lin, rest: list[Any], v: Any) -> None:
        v = self.numeric(v)
        if isinstance(v, Node):
            rest.append(v)
        else:
            acc.iadd(v)

    def _finish_sum(self, acc: Lin, rest: list[Any]) -> Any:
        lin_part: list[Any] = []
        for r in rest:
            if isinstance(r, Node) and r.op == "add":
                for t in r.args:
                    self._accumulate(acc, lin_part, t)
            else:
                self._accumulate(acc, lin_part, r)
        if not lin_part:
            return acc.const if not acc.terms else acc
        if acc.terms or acc.const:
            return Node("add", (acc, *lin_part))
        return lin_part[0] if len(lin_part) == 1 else Node("add", tuple(lin_part))

    def call(self, f: str, args: list[Any], env: dict[str, Member]) -> Any:
        # an aggregate over a generator or a whole array arrives as one list argument
        items: list[Any] = args[0] if len(args) == 1 and isinstance(args[0], list) else args
        if f == "sum":
            acc, rest = Lin(), []
            for it in items:
                self._accumulate(acc, rest, it)
            return self._finish_sum(acc, rest)
        if f in ("forall", "exists"):
            return self.logic("and" if f == "forall" else "or", [self.as_cond(x) for x in items])
        vals = [self.numeric(x) for x in items]
        if f == "abs":
            if len(vals) != 1:
                raise self.fail("abs takes one argument")
            if _is_const(vals[0]):
                return abs(vals[0])
            self.f.minmaxabs = True
            return Node("abs", (vals[0],))
        if f in ("min", "max"):
            if not vals:
                raise self.fail(f"{f} of nothing (an empty set?)")
            if all(_is_const(v) for v in vals):
                return min(vals) if f == "min" else max(vals)
            if len(vals) == 1:
                return vals[0]
            self.f.minmaxabs = True
            return Node(f, tuple(vals))
        if f == "all_different":
            self.f.alldiff = True
            return Node("alldiff", tuple(vals))
        raise self.fail(f"unknown function {f!r}")

    # ---------------------------------------------------------------------------------- conditions
    def cond(self, node: E.Expr, env: dict[str, Member]) -> Node:
        match node:
            case E.Bool(value=v):
                return Node("const", (v,))
            case E.Compare(ops=ops, operands=operands):
                vals = [self.value(o, env) for o in operands]
                parts = [self.compare(op, vals[i], vals[i + 1]) for i, op in enumerate(ops)]
                return parts[0] if len(parts) == 1 else self.logic("and", parts)
            case E.BoolOp(op=op, args=args):
                return self.logic(op, [self.cond(a, env) for a in args])
            case E.Not(arg=a):
                inner = self.cond(a, env)
                if inner.op == "const":
                    return Node("const", (not inner.args[0],))
                self.f.logic = True
                return Node("not", (inner,))
            case E.Implies(left=left, right=right):
                a, b = self.cond(left, env), self.cond(right, env)
                if a.op == "const":
                    return b if a.args[0] else Node("const", (True,))
                self.f.logic = True
                return Node("implies", (a, b))
            case E.Iff(left=left, right=right):
                a, b = self.cond(left, env), self.cond(right, env)
                self.f.logic = True
                return Node("iff", (a, b))
            case E.Call(func="all_different" | "forall" | "exists") | E.Gen(func="all_different" | "forall" | "exists"):
                return self.value(node, env)
        return self.as_cond(self.value(node, env))

    def as_cond(self, v: Any) -> Node:
        if isinstance(v, Node) and v.op in BOOL_OPS:
            return v
        if isinstance(v, bool):
            return Node("const", (v,))
        if isinstance(v, Lin) and len(v.terms) == 1 and v.const == 0:
            (vid, c), = v.terms.items()
            if c == 1 and self.vars[vid].type == "binary":
                self.f.logic = True
                return Node("lit", (vid,))
        raise self.fail("a number is used where a condition (true/false) is needed; compare it with something")

    def logic(self, op: str, parts: list[Node]) -> Node:
        keep = []
        for p in parts:
            if p.op == "const":
                if p.args[0] == (op == "or"):  # true in an or, false in an and: decides the whole
                    return p
                continue
            keep.append(p)
        if not keep:
            return Node("const", (op == "and",))
        if len(keep) == 1:
            return keep[0]
        if op == "or":  # a conjunction needs no logic support: backends post its parts one by one
            self.f.logic = True
        return Node(op, tuple(keep))

    def compare(self, op: str, a: Any, b: Any) -> Node:
        if isinstance(a, str) or isinstance(b, str):  # member comparisons, in 'if' filters
            if op in ("==", "!="):
                return Node("const", ((a == b) == (op == "==") ,))
            if type(a) is not type(b):
                raise self.fail(f"cannot order {a!r} and {b!r}")
            return Node("const", (_PY_CMP[op](a, b),))
        a, b = self.numeric(a), self.numeric(b)
        if _is_const(a) and _is_const(b):
            return Node("const", (_PY_CMP[op](a, b),))
        if isinstance(a, Node) or isinstance(b, Node):
            if op == "!=":
                self.f.not_equal = True
            return Node("cmp", (op, a, b))
        diff = (a.copy() if isinstance(a, Lin) else Lin(const=a)).iadd(b, -1.0).prune()
        rhs = -diff.const
        diff.const = 0.0
        if not diff.terms:
            return Node("const", (_PY_CMP[op](0, rhs),))
        if op in _FLIP and all(c < 0 for c in diff.terms.values()):  # read `1 <= z` as `z >= 1`
            diff, rhs, op = diff.scaled(-1.0), -rhs, _FLIP[op]
        if op in ("<", ">"):
            integral = all(self.vars[v].is_integer and float(c).is_integer() for v, c in diff.terms.items())
            if integral:  # x < k over integers is x <= ceil(k) - 1: keeps the model linear
                if op == "<":
                    return Node("lin", (diff, None, math.ceil(rhs) - 1))
                return Node("lin", (diff, math.floor(rhs) + 1, None))
            self.f.not_equal = True
            return Node("cmp", (op, diff, rhs))
        if op == "<=":
            return Node("lin", (diff, None, rhs))
        if op == ">=":
            return Node("lin", (diff, rhs, None))
        if op == "==":
            return Node("lin", (diff, rhs, rhs))
        self.f.not_equal = True
        return Node("cmp", ("!=", diff, rhs))


_FLIP = {"<=": ">=", ">=": "<=", "<": ">", ">": "<", "==": "==", "!=": "!="}

_PY_CMP = {
    "<=": lambda a, b: a <= b, ">=": lambda a, b: a >= b, "==": lambda a, b: a == b,
    "!=": lambda a, b: a != b, "<": lambda a, b: a < b, ">": lambda a, b: a > b,
}


def _is_const(v: Any) -> bool:
    return isinstance(v, int | float) and not isinstance(v, bool)


def conjuncts(node: Node) -> list[Node]:
    """The parts of a top-level conjunction (a chained comparison, an explicit `and`): posted one by one."""
    if node.op == "and":
        return [p for a in node.args for p in conjuncts(a)]
    return [node]


def is_linear(g: Any) -> bool:
    return _is_const(g) or isinstance(g, Lin)


def render(g: Any, gm: GroundModel) -> str:
    """A ground expression in words-and-symbols, for conflict reports and debugging."""
    if isinstance(g, bool):
        return "true" if g else "false"
    if _is_const(g):
        return _fmt(g)
    if isinstance(g, Lin):
        parts = []
        for v, c in g.terms.items():
            name = gm.vars[v].label
            parts.append(name if c == 1 else f"-{name}" if c == -1 else f"{_fmt(c)}*{name}")
        if g.const or not parts:
            parts.append(_fmt(g.const))
        return " + ".join(parts).replace("+ -", "- ")
    op, args = g.op, g.args
    if op == "lin":
        lin, lo, hi = args
        body = render(lin, gm)
        if lo is not None and hi is not None:
            return f"{body} == {_fmt(lo)}" if lo == hi else f"{_fmt(lo)} <= {body} <= {_fmt(hi)}"
        return f"{body} <= {_fmt(hi)}" if lo is None else f"{body} >= {_fmt(lo)}"
    if op == "cmp":
        return f"{render(args[1], gm)} {args[0]} {render(args[2], gm)}"
    if op == "lit":
        return gm.vars[args[0]].label
    if op == "const":
        return "true" if args[0] else "false"
    if op in ("and", "or"):
        return f" {op} ".join(f"({render(a, gm)})" for a in args)
    if op == "not":
        return f"not ({render(args[0], gm)})"
    if op == "implies":
        return f"({render(args[0], gm)}) -> ({render(args[1], gm)})"
    if op == "iff":
        return f"({render(args[0], gm)}) <-> ({render(args[1], gm)})"
    if op == "add":
        return " + ".join(render(a, gm) for a in args)
    if op == "mul":
        return f"{_paren(args[0], gm)} * {_paren(args[1], gm)}"
    if op == "div":
        return f"{_paren(args[0], gm)} / {_paren(args[1], gm)}"
    if op == "pow":
        return f"{_paren(args[0], gm)}^{args[1]}"
    if op == "bool2int":
        return f"[{render(args[0], gm)}]"
    return f"{'all_different' if op == 'alldiff' else op}({', '.join(render(a, gm) for a in args)})"


def _paren(g: Any, gm: GroundModel) -> str:
    s = render(g, gm)
    return f"({s})" if (isinstance(g, Lin) and (len(g.terms) > 1 or g.const)) or (
        isinstance(g, Node) and g.op == "add") else s


def _fmt(x: float) -> str:
    return str(int(x)) if float(x).is_integer() else f"{x:g}"

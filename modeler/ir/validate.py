"""Semantic checks of a model: every name known, every index of the right arity, every table complete.

All problems are collected and raised together as one `ModelError`, so an LLM (or a person) repairing a
model sees everything wrong at once, each problem located by element and name.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterator

from modeler.ir import expr as E
from modeler.ir.model import Issue, Model, ModelError

_BOOL_NODES = (E.Compare, E.BoolOp, E.Not, E.Implies, E.Iff, E.Bool)


def check(model: Model) -> None:
    issues = list(_issues(model))
    if issues:
        raise ModelError(issues)


def _issues(model: Model) -> Iterator[Issue]:
    seen: dict[str, str] = {}
    for element, items in (("set", model.sets), ("parameter", model.parameters), ("variable", model.variables)):
        for it in items:
            if it.name in seen:
                yield Issue(element=element, name=it.name, message=f"name already used by a {seen[it.name]}")
            else:
                seen[it.name] = element
    cnames: set[str] = set()
    for c in model.constraints:
        if c.name in cnames:
            yield Issue(element="constraint", name=c.name, message="two constraints have this name")
        cnames.add(c.name)

    sets = {s.name: s for s in model.sets}
    for s in model.sets:
        if len(set(map(str, s.members))) != len(s.members):
            yield Issue(element="set", name=s.name, message="members must be distinct")
        kinds = {type(m) for m in s.members}
        if bool in kinds or len(kinds) > 1:
            yield Issue(element="set", name=s.name, message="members must be all integers or all strings")

    for p in model.parameters:
        missing = [s for s in p.index if s not in sets]
        if missing:
            yield Issue(element="parameter", name=p.name, message=f"index set {missing[0]!r} is not defined"
                        + _suggest(missing[0], sets))
            continue
        try:
            model.table(p.name)
        except ModelError as e:
            yield from e.issues

    params = {p.name: p for p in model.parameters}
    for v in model.variables:
        missing = [s for s in v.index if s not in sets]
        if missing:
            yield Issue(element="variable", name=v.name, message=f"index set {missing[0]!r} is not defined"
                        + _suggest(missing[0], sets))
        for side in ("lb", "ub"):
            bound = getattr(v, side)
            if isinstance(bound, str):
                p = params.get(bound)
                if p is None:
                    yield Issue(element="variable", name=v.name,
                                message=f"{side} {bound!r} is neither a number nor a parameter" + _suggest(bound, params))
                elif p.index != v.index:
                    yield Issue(element="variable", name=v.name,
                                message=f"{side} parameter {bound!r} is indexed by {p.index}, the variable by {v.index}")
        if isinstance(v.lb, int | float) and isinstance(v.ub, int | float) and v.lb > v.ub:
            yield Issue(element="variable", name=v.name, message=f"lb {v.lb} is greater than ub {v.ub}")

    scope = _Scope(model)
    if model.objective is not None:
        yield from scope.check_text("objective", "", model.objective.expr, want="num", bound=frozenset())
    for c in model.constraints:
        bound: frozenset[str] = frozenset()
        if c.forall is not None:
            try:
                gen = E.parse_forall(c.forall)
            except E.ExprSyntaxError as e:
                yield Issue(element="constraint", name=c.name, message=f"forall: {e}")
                continue
            found = list(scope.check_generator(gen, bound))
            for msg in found:
                yield Issue(element="constraint", name=c.name, message=f"forall: {msg}")
            if found:
                continue
            bound = bound | {b.var for b in gen.binders}
        yield from scope.check_text("constraint", c.name, c.expr, want="bool", bound=bound)


def _suggest(name: str, known) -> str:
    close = difflib.get_close_matches(name, list(known), n=1)
    return f" (did you mean {close[0]!r}?)" if close else ""


class _Scope:
    """Name resolution for expressions of one model."""

    def __init__(self, model: Model):
        self.sets = {s.name for s in model.sets}
        self.params = {p.name: len(p.index) for p in model.parameters}
        self.vars = {v.name: len(v.index) for v in model.variables}
        self.binary = {v.name for v in model.variables if v.type == "binary"}
        self.all_names = self.sets | set(self.params) | set(self.vars)

    def check_text(self, element: str, name: str, text: str, want: str, bound: frozenset[str]) -> Iterator[Issue]:
        try:
            node = E.parse(text)
        except E.ExprSyntaxError as e:
            yield Issue(element=element, name=name, message=str(e))
            return
        msgs = list(self.check(node, bound))
        for m in msgs:
            yield Issue(element=element, name=name, message=m)
        if msgs:
            return
        kind = self.kind(node)
        if want == "bool" and kind == "num":
            yield Issue(element=element, name=name,
                        message=f"{text!r} is a number, not a condition: write a comparison such as '... <= ...'")
        if want == "num" and kind == "bool":
            yield Issue(element=element, name=name,
                        message=f"{text!r} is a condition; an objective is a number to minimize or maximize")

    def kind(self, node: E.Expr) -> str:
        """'bool', 'num', or 'both' (a binary variable, usable as either)."""
        match node:
            case _ if isinstance(node, _BOOL_NODES):
                return "bool"
            case E.Call(func="all_different") | E.Gen(func="all_different" | "forall" | "exists"):
                return "bool"
            case E.Call(func="forall" | "exists"):
                return "bool"
            case E.Name(id=n) | E.Index(name=n) if n in self.binary:
                return "both"
        return "num"

    def check_generator(self, gen: E.Generator, bound: frozenset[str]) -> Iterator[str]:
        inner = set(bound)
        for b in gen.binders:
            if b.var in self.all_names:
                yield f"loop name {b.var!r} is already the name of a set, parameter or variable; use another"
            if isinstance(b, E.SetBinder):
                if b.set not in self.sets:
                    yield f"{b.set!r} is not a set" + _suggest(b.set, self.sets)
            else:
                for end in (b.lo, b.hi):
                    yield from self.check(end, frozenset(inner))
                    yield from self._constant(end, "a range bound")
            inner.add(b.var)
        if gen.cond is not None:
            yield from self.check(gen.cond, frozenset(inner))
            yield from self._constant(gen.cond, "an 'if' condition")

    def _constant(self, node: E.Expr, what: str) -> Iterator[str]:
        for n in E.walk(node):
            if isinstance(n, E.Name | E.Index) and (n.id if isinstance(n, E.Name) else n.name) in self.vars:
                yield f"{what} may not use the variable {(n.id if isinstance(n, E.Name) else n.name)!r}"
                return

    def check(self, node: E.Expr, bound: frozenset[str], whole_ok: bool = False) -> Iterator[str]:
        match node:
            case E.Num() | E.Bool() | E.Str():
                return
            case E.Name(id=n):
                if n in bound:
                    return
                arity = self.params.get(n, self.vars.get(n))
                if arity is None:
                    if n in self.sets:
                        yield f"{n!r} is a set; sets are used in 'for {n[0].lower()} in {n}', not as values"
                    else:
                        yield f"unknown name {n!r}" + _suggest(n, self.all_names | bound)
                elif arity and not whole_ok:
                    yield f"{n!r} is indexed by {arity} set(s); write {n}[...]"
            case E.Index(name=n, args=args):
                if n in bound:
                    yield f"{n!r} is a loop name, it cannot be indexed"
                    return
                arity = self.params.get(n, self.vars.get(n))
                if arity is None:
                    yield f"unknown name {n!r}" + _suggest(n, self.all_names)
                    return
                if arity != len(args):
                    yield f"{n!r} takes {arity} index(es), got {len(args)} in {n}[...]"
                for a in args:
                    yield from self.check(a, bound)
                    yield from self._constant(a, f"an index of {n!r}")
            case E.BinOp(op=op, left=left, right=right):
                yield from self.check(left, bound)
                yield from self.check(right, bound)
                if op == "^":
                    yield from self._constant(right, "an exponent")
            case E.Neg(arg=a) | E.Not(arg=a):
                yield from self.check(a, bound)
            case E.Call(func=f, args=args):
                if f not in E.FUNCTIONS:
                    yield f"unknown function {f!r} (known: {', '.join(sorted(E.FUNCTIONS))})"
                    return
                if f == "abs" and len(args) != 1:
                    yield "abs takes exactly one argument"
                whole = f in E.AGGREGATES and len(args) == 1
                for a in args:
                    yield from self.check(a, bound, whole_ok=whole)
            case E.Gen(func=f, body=body, gen=gen):
                if f not in E.AGGREGATES:
                    yield f"{f!r} cannot take a 'for' generator (these can: {', '.join(sorted(E.AGGREGATES))})"
                    return
                msgs = list(self.check_generator(gen, bound))
                yield from msgs
                if not msgs:
                    yield from self.check(body, bound | {b.var for b in gen.binders})
            case E.Compare(operands=ops):
                for a in ops:
                    yield from self.check(a, bound)
            case E.BoolOp(args=args):
                for a in args:
                    yield from self.check(a, bound)
            case E.Implies(left=left, right=right) | E.Iff(left=left, right=right):
                yield from self.check(left, bound)
                yield from self.check(right, bound)

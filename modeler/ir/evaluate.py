"""Evaluate ground expressions on a solution: check what a backend returned, independently of it."""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any

from modeler.ir.ground import GroundModel, Lin


def value(g: Any, x: Sequence[float]) -> float | bool:
    """The value of a ground expression given variable values by id."""
    if isinstance(g, bool):
        return g
    if isinstance(g, int | float):
        return g
    if isinstance(g, Lin):
        return g.const + sum(c * x[v] for v, c in g.terms.items())
    op, a = g.op, g.args
    if op == "lin":
        s = value(a[0], x)
        return (a[1] is None or s >= a[1] - _tol(a[1])) and (a[2] is None or s <= a[2] + _tol(a[2]))
    if op == "cmp":
        lhs, rhs = value(a[1], x), value(a[2], x)
        return {"<=": lhs <= rhs + _tol(rhs), ">=": lhs >= rhs - _tol(rhs), "==": abs(lhs - rhs) <= _tol(rhs),
                "!=": abs(lhs - rhs) > _tol(rhs), "<": lhs < rhs, ">": lhs > rhs}[a[0]]
    if op == "const":
        return bool(a[0])
    if op == "lit":
        return x[a[0]] > 0.5
    if op == "and":
        return all(value(p, x) for p in a)
    if op == "or":
        return any(value(p, x) for p in a)
    if op == "not":
        return not value(a[0], x)
    if op == "implies":
        return (not value(a[0], x)) or bool(value(a[1], x))
    if op == "iff":
        return bool(value(a[0], x)) == bool(value(a[1], x))
    if op == "alldiff":
        vals = [round(float(value(p, x)), 6) for p in a]
        return len(set(vals)) == len(vals)
    if op == "add":
        return sum(float(value(p, x)) for p in a)
    if op == "mul":
        return float(value(a[0], x)) * float(value(a[1], x))
    if op == "div":
        d = float(value(a[1], x))
        return math.nan if d == 0 else float(value(a[0], x)) / d
    if op == "pow":
        return float(value(a[0], x)) ** a[1]
    if op == "abs":
        return abs(float(value(a[0], x)))
    if op == "min":
        return min(float(value(p, x)) for p in a)
    if op == "max":
        return max(float(value(p, x)) for p in a)
    if op == "bool2int":
        return 1.0 if value(a[0], x) else 0.0
    raise ValueError(f"unknown ground node {op!r}")


def _tol(ref: float | None) -> float:
    return 1e-6 * max(1.0, abs(ref or 0.0))


def violations(gm: GroundModel, x: Sequence[float]) -> list[str]:
    """Labels of the constraints and bounds that the values break (empty: a valid solution)."""
    bad = []
    for v in gm.vars:
        xv = x[v.id]
        if xv is None or (v.lb is not None and xv < v.lb - _tol(v.lb)) or (v.ub is not None and xv > v.ub + _tol(v.ub)):
            bad.append(f"bounds of {v.label}")
        elif v.is_integer and abs(xv - round(xv)) > 1e-6:
            bad.append(f"integrality of {v.label}")
    bad.extend(c.label for c in gm.constraints if not value(c.expr, x))
    return bad


def values_vector(gm: GroundModel, values: dict[str, Any]) -> list[float | None]:
    """The Solution `values` layout (by name and index key) back to a list by variable id."""
    out: list[float | None] = [None] * len(gm.vars)
    for v in gm.vars:
        entry = values.get(v.name)
        if not v.index:
            out[v.id] = entry
        elif isinstance(entry, dict):
            out[v.id] = entry.get(",".join(map(str, v.index)))
    return out

"""Constraint templates (after Li, Zhang & Mak-Hau 2023): typed constraints with slots -> a linear model.

An LLM (or any reader, e.g. the offline modeler) says what each sentence is: an upper / lower bound on
one variable, on a sum, on a weighted sum, on a proportion of a group; a comparison `factor * x <= y`;
or logic over yes/no indicators (if-then, exactly one, at least one, at most one). This module checks
the slots, fills the templates and assembles a five-element model (plain dicts, for `Model.from_json`).

Logic on amounts (an integer or continuous variable, not a binary one) gets an indicator `use_<x>`
with big-M links added automatically: `x <= M * use_x` (x > 0 forces use_x = 1), with M the variable's
upper bound, declared or implied by the bound / sum constraints (the tightest valid one); and
`x >= m * use_x` (use_x = 1 forces x >= m) with m = 1 for integers or the variable's `min_amount`.
Only the links a logic constraint needs are added.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from typing import Any

from modeler.strategies.inference import RepairableError

VAR_TYPES = {"continuous", "integer", "binary"}
# type -> (required slots, the relation); "sum" / "weighted_sum" / "proportion" families share code
CONSTRAINT_TYPES: dict[str, tuple[tuple[str, ...], str]] = {
    "upper_bound": (("var", "limit"), "<="),
    "lower_bound": (("var", "limit"), ">="),
    "sum_upper": (("vars", "limit"), "<="),
    "sum_lower": (("vars", "limit"), ">="),
    "sum_equal": (("vars", "limit"), "=="),
    "weighted_sum_upper": (("coefficients", "limit"), "<="),
    "weighted_sum_lower": (("coefficients", "limit"), ">="),
    "weighted_sum_equal": (("coefficients", "limit"), "=="),
    "proportion_upper": (("var", "ratio"), "<="),
    "proportion_lower": (("var", "ratio"), ">="),
    "comparison": (("smaller", "larger"), "<="),
    "if_then": (("if", "then"), "<="),
    "exactly_one": (("vars",), "=="),
    "at_least_one": (("vars",), ">="),
    "at_most_one": (("vars",), "<="),
}
LOGIC_TYPES = {"if_then", "exactly_one", "at_least_one", "at_most_one"}


class TemplateError(RepairableError):
    """Slots that do not fit the scheme; every problem is listed, for the LLM to repair."""

    def __init__(self, issues: list[str]):
        self.issues = issues
        super().__init__("the classification has problems:\n" + "\n".join(f"  - {i}" for i in issues))


@dataclass
class Var:
    name: str
    type: str = "continuous"
    lb: float | None = 0.0
    ub: float | None = None
    min_amount: float | None = None  # the least positive amount when used (logic on continuous amounts)
    description: str = ""


def _num(value: Any) -> float | None:
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        return None
    return float(value)


def _fmt(x: float) -> str:
    return str(int(x)) if float(x).is_integer() else repr(float(x))


def read_variables(data: dict[str, Any]) -> list[Var]:
    """Step 1's answer, {"variables": [{"name", "type", "lb", "ub", "min_amount", "description"}]}."""
    items = data.get("variables")
    if isinstance(items, dict):
        items = [{"name": k, **(v if isinstance(v, dict) else {})} for k, v in items.items()]
    if not isinstance(items, list) or not items:
        raise TemplateError(['"variables" must be a non-empty list of {"name", "type", "lb", "ub", "description"}'])
    out: list[Var] = []
    issues: list[str] = []
    for i, item in enumerate(items):
        if not isinstance(item, dict) or not isinstance(item.get("name"), str):
            issues.append(f"variable #{i + 1} needs a \"name\"")
            continue
        name = item["name"].strip()
        if not re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", name):
            issues.append(f"variable name {name!r} must be an identifier (letters, digits, _)")
        vtype = str(item.get("type", "continuous")).lower()
        vtype = {"int": "integer", "bool": "binary", "boolean": "binary", "real": "continuous"}.get(vtype, vtype)
        if vtype not in VAR_TYPES:
            issues.append(f"variable {name!r}: type must be continuous, integer or binary, not {vtype!r}")
        bounds = {}
        for key in ("lb", "ub", "min_amount"):
            raw = item.get(key, 0.0 if key == "lb" else None)
            if raw is not None and _num(raw) is None:
                issues.append(f"variable {name!r}: {key} must be a number or null, not {raw!r}")
            bounds[key] = _num(raw)
        if any(v.name == name for v in out):
            issues.append(f"variable {name!r} is listed twice")
        out.append(Var(name, vtype, bounds["lb"], bounds["ub"], bounds["min_amount"],
                       str(item.get("description", ""))))
    if issues:
        raise TemplateError(issues)
    return out


class _Builder:
    def __init__(self, variables: list[Var]):
        self.vars = {v.name: v for v in variables}
        self.issues: list[str] = []
        self.constraints: dict[str, dict[str, Any]] = {}
        self.linear: list[tuple[dict[str, float], str, float]] = []  # for implied bounds
        self.indicators: dict[str, str] = {}

    # -- slot readers (each records an issue and returns None when the slot is unusable)
    def var(self, where: str, value: Any) -> str | None:
        if not isinstance(value, str) or value not in self.vars:
            self.issues.append(f"{where}: {value!r} is not one of the variables ({', '.join(self.vars)})")
            return None
        return value

    def var_list(self, where: str, value: Any) -> list[str] | None:
        if value is None or value == "all":
            return list(self.vars)
        if not isinstance(value, list) or not value:
            self.issues.append(f"{where}: expected a non-empty list of variable names")
            return None
        names = [self.var(where, v) for v in value]
        return None if None in names else [n for n in names if n is not None]

    def number(self, where: str, value: Any) -> float | None:
        x = _num(value)
        if x is None:
            self.issues.append(f"{where}: expected a number, got {value!r}")
        return x

    def coefficients(self, where: str, value: Any) -> dict[str, float] | None:
        if not isinstance(value, dict) or not value:
            self.issues.append(f"{where}: expected an object {{variable: coefficient}}")
            return None
        out = {}
        for k, v in value.items():
            name, coef = self.var(where, k), self.number(f"{where}, coefficient of {k}", v)
            if name is not None and coef is not None:
                out[name] = coef
        return out if len(out) == len(value) else None

    # -- templates
    def add(self, i: int, item: Any) -> dict[str, Any] | None:
        where = f"constraint #{i + 1}"
        if not isinstance(item, dict):
            self.issues.append(f"{where}: expected an object with a \"type\" and its slots")
            return None
        ctype = item.get("type")
        if ctype not in CONSTRAINT_TYPES:
            self.issues.append(f"{where}: unknown type {ctype!r}; the types are: {', '.join(CONSTRAINT_TYPES)}")
            return None
        where = f"{where} ({ctype})"
        required, rel = CONSTRAINT_TYPES[ctype]
        missing = [s for s in required if s not in item]
        if missing:
            self.issues.append(f"{where}: missing slot(s) {', '.join(missing)}")
            return None
        lhs = self._lhs(where, ctype, item)
        if lhs is None:
            return None
        terms, rhs = lhs
        expr = f"{_linear(terms)} {rel} {_fmt(rhs)}"
        if ctype not in LOGIC_TYPES:  # logic rows are over indicators: no use for implied bounds
            self.linear.append((terms, rel, rhs))
        name = f"c{i + 1}_{ctype}"
        self.constraints[name] = {"expr": expr, "description": str(item.get("sentence", ""))}
        return {"element": "constraint", "name": name, "type": ctype, "sentence": item.get("sentence", ""),
                "expr": expr}

    def _lhs(self, where: str, ctype: str, item: dict[str, Any]) -> tuple[dict[str, float], float] | None:
        """The constraint as (terms of the left side moved together, right-hand constant)."""
        if ctype in ("upper_bound", "lower_bound"):
            v, lim = self.var(where, item["var"]), self.number(f"{where}, limit", item["limit"])
            return None if v is None or lim is None else ({v: 1.0}, lim)
        if ctype.startswith("sum_"):
            vs, lim = self.var_list(where, item["vars"]), self.number(f"{where}, limit", item["limit"])
            return None if vs is None or lim is None else ({v: 1.0 for v in vs}, lim)
        if ctype.startswith("weighted_sum_"):
            co, lim = self.coefficients(where, item["coefficients"]), self.number(f"{where}, limit", item["limit"])
            return None if co is None or lim is None else (co, lim)
        if ctype.startswith("proportion_"):
            # x <= r * sum(group)  ->  x - r * sum(group) <= 0
            v, r = self.var(where, item["var"]), self.number(f"{where}, ratio", item["ratio"])
            group = self.var_list(where, item.get("vars"))
            if v is None or r is None or group is None:
                return None
            if not 0 <= r <= 1:
                self.issues.append(f"{where}: ratio must be a fraction between 0 and 1 (40% is 0.4), got {r:g}")
                return None
            terms = {g: -r for g in group}
            terms[v] = terms.get(v, 0.0) + 1.0
            return terms, 0.0
        if ctype == "comparison":  # factor * smaller <= larger
            a, b = self.var(where, item["smaller"]), self.var(where, item["larger"])
            d = self.number(f"{where}, factor", item.get("factor", 1))
            if a is None or b is None or d is None:
                return None
            if a == b:
                self.issues.append(f"{where}: smaller and larger must be different variables")
                return None
            return {a: d, b: -1.0}, 0.0
        if ctype == "if_then":  # use_a <= use_b
            a, b = self.var(where, item["if"]), self.var(where, item["then"])
            if a is None or b is None:
                return None
            ua, ub = self.indicator(where, a, upper=True), self.indicator(where, b, lower=True)
            return None if ua is None or ub is None else ({ua: 1.0, ub: -1.0}, 0.0)
        vs = self.var_list(where, item["vars"])  # exactly / at least / at most one
        if vs is None:
            return None
        need_upper = ctype in ("exactly_one", "at_most_one")
        need_lower = ctype in ("exactly_one", "at_least_one")
        us = [self.indicator(where, v, upper=need_upper, lower=need_lower) for v in vs]
        return None if None in us else ({u: 1.0 for u in us if u is not None}, 1.0)

    def indicator(self, where: str, name: str, upper: bool = False, lower: bool = False) -> str | None:
        """The 0/1 variable saying whether `name` is used: itself when binary, else use_<name> with the
        needed big-M links (added once each)."""
        v = self.vars[name]
        if v.type == "binary":
            return name
        u = self.indicators.setdefault(name, f"use_{name}")
        if upper and f"link_{name}_upper" not in self.constraints:
            self.constraints[f"link_{name}_upper"] = {"expr": f"{name} <= M_{name} * {u}",  # M filled in finish()
                                                      "description": f"{name} can be positive only if {u} = 1"}
        if lower and f"link_{name}_lower" not in self.constraints:
            m = v.min_amount if v.min_amount is not None else (1.0 if v.type == "integer" else None)
            if m is None or m <= 0:
                self.issues.append(f"{where}: {name} is a continuous amount; give it a positive \"min_amount\" "
                                   f"(the least amount when used) in the variables, or make it integer")
                return None
            self.constraints[f"link_{name}_lower"] = {"expr": f"{name} >= {_fmt(m)} * {u}",
                                                      "description": f"{u} = 1 means at least {_fmt(m)} of {name}"}
        return u

    def implied_ub(self, name: str) -> float | None:
        """The tightest upper bound on a variable that its own bound and the <= / == constraints imply,
        counting only constraints whose other terms cannot be negative (so the bound is valid)."""
        v = self.vars[name]
        best = v.ub
        for terms, rel, rhs in self.linear:
            a = terms.get(name, 0.0)
            if rel == ">=" or a <= 0:
                continue
            others_nonneg = all(c >= 0 and (self.vars[o].lb or 0) >= 0 and self.vars[o].lb is not None
                                for o, c in terms.items() if o != name)
            if others_nonneg:
                bound = rhs / a
                best = bound if best is None else min(best, bound)
        return best

    def finish(self) -> None:
        for name in self.indicators:
            key = f"link_{name}_upper"
            if key not in self.constraints:
                continue
            m = self.implied_ub(name)
            if m is None:
                self.issues.append(f"{name} needs an upper bound for its yes/no indicator (big-M): give it an "
                                   "\"ub\" in the variables, or classify the sentence that limits it")
                continue
            c = self.constraints[key]
            c["expr"] = c["expr"].replace(f"M_{name}", _fmt(max(m, 0.0)))


def _linear(terms: dict[str, float]) -> str:
    parts: list[str] = []
    for name, c in terms.items():
        if c == 0:
            continue
        mag = abs(c)
        term = name if mag == 1 else f"{_fmt(mag)} * {name}"
        parts.append(("- " if c < 0 else "+ ") + term if parts else ("-" if c < 0 else "") + term)
    return " ".join(parts) or "0"


def build_model(variables: list[Var], classification: dict[str, Any], name: str = "templates",
                description: str = "") -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """(five-element model as a dict, what was understood) from the variables and the classification
    {"objective": {"sense", "coefficients", "constant"?, "description"?}, "constraints": [{"type", slots...,
    "sentence"}]}. Raises TemplateError listing every problem."""
    b = _Builder(variables)
    understanding: list[dict[str, Any]] = []
    obj = classification.get("objective")
    objective = None
    if obj is not None:
        if not isinstance(obj, dict) or obj.get("sense") not in ("min", "max"):
            b.issues.append('objective: expected {"sense": "min" | "max", "coefficients": {variable: number}}')
        else:
            co = b.coefficients("objective", obj.get("coefficients"))
            const = _num(obj.get("constant", 0)) or 0.0
            if co is not None:
                expr = _linear(co) + (f" + {_fmt(const)}" if const > 0 else f" - {_fmt(-const)}" if const < 0 else "")
                objective = {"sense": obj["sense"], "expr": expr, "description": str(obj.get("description", ""))}
                understanding.append({"element": "objective", "sense": obj["sense"], "expr": expr})
    items = classification.get("constraints", [])
    if not isinstance(items, list):
        b.issues.append('"constraints" must be a list')
        items = []
    for i, item in enumerate(items):
        u = b.add(i, item)
        if u is not None:
            understanding.append(u)
    b.finish()
    if b.issues:
        raise TemplateError(b.issues)
    model_vars: dict[str, Any] = {}
    for v in variables:
        entry: dict[str, Any] = {"type": v.type, "lb": v.lb, "ub": v.ub, "description": v.description}
        model_vars[v.name] = entry
        understanding.insert(len(model_vars) - 1, {"element": "variable", "name": v.name, "type": v.type,
                                                   "description": v.description})
    for name, u in b.indicators.items():
        model_vars[u] = {"type": "binary", "description": f"1 if {name} is used"}
    return ({"name": name, "description": description, "sets": {}, "parameters": {}, "variables": model_vars,
             "objective": objective, "constraints": b.constraints}, understanding)

"""What the LP / MILP backends (ortools-mip, pyomo-highs, pulp-cbc) share.

- `linear_support(gm)`: can an LP/MILP solver take this model, and if not, which constraint uses what;
- `linear_form(gm)`: the model as rows `lo <= sum(coefs[v] * x_v) <= hi` plus a linear objective, so
  each backend only has to hand plain numbers to its solver;
- `settle_infeasible_or_unbounded(...)`: the rule for telling an infeasible model from an unbounded one
  when a solver is unsure (or known to mix the two up), by re-solving with a zero objective;
- small helpers for values and names.
"""

from __future__ import annotations

import gc
import math
import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from modeler.ir.ground import GroundModel, GVar, Lin, Node, conjuncts
from solvers.result import Status


def _other_backends(gm: GroundModel) -> str:
    # the CP backends take integer variables only; z3 is the one left for continuous ones
    return "use z3" if gm.features.continuous else "use cpsat, cpmpy, minizinc or z3"


# What each non-linear construct is called in a refusal, by ground node op.
_USES = {
    "alldiff": "all_different",
    "mul": "a product of variables",
    "div": "a division by a variable",
    "pow": "a power of a variable",
    "abs": "abs()",
    "min": "min()",
    "max": "max()",
    "or": "'or'",
    "not": "'not'",
    "implies": "an implication (->)",
    "iff": "an equivalence (<->)",
    "lit": "a binary variable as a condition",
    "bool2int": "a condition used as a number",
}


# ------------------------------------------------------------------------------------------ support
def _first_use(g: Any) -> str:
    """The first construct in a ground expression that an LP/MILP solver cannot take ('' when none)."""
    if not isinstance(g, Node):
        return ""
    if g.op == "cmp":
        op = g.args[0]
        if op == "!=":
            return "!= (not equal)"
        if op in ("<", ">"):
            found = _first_use(g.args[1]) or _first_use(g.args[2])
            return found or f"a strict '{op}' between non-integer quantities"
        return _first_use(g.args[1]) or _first_use(g.args[2]) or "a nonlinear comparison"
    if g.op in _USES:
        return _USES[g.op]
    for a in g.args:
        found = _first_use(a)
        if found:
            return found
    return ""


def linear_support(gm: GroundModel) -> tuple[bool, str]:
    """(True, '') when every constraint is linear and the objective is a number or linear; otherwise the
    reason names the first offending constraint (or the objective) and what it uses."""
    obj = gm.objective
    if obj is not None and not isinstance(obj, int | float | Lin):
        what = _first_use(obj) or "a nonlinear expression"
        return False, f"the objective uses {what}, which LP/MILP solvers do not take; {_other_backends(gm)}"
    for c in gm.constraints:
        for part in conjuncts(c.expr):
            if part.op not in ("lin", "const"):
                what = _first_use(part) or part.op
                return False, (f"constraint {c.label!r} uses {what}, which LP/MILP solvers do not take; "
                               f"{_other_backends(gm)}")
    return True, ""


# ------------------------------------------------------------------------------------- linear form
@dataclass(slots=True)
class Row:
    """lo <= sum(coefs[v] * x_v) <= hi; `lo` / `hi` None for no bound. `name` is unique in the model."""

    name: str
    label: str  # the model's constraint label, e.g. "demand[b]"
    coefs: dict[int, float]
    lo: float | None
    hi: float | None


@dataclass
class LinearForm:
    rows: list[Row]
    objective: dict[int, float]  # coefficients by variable id (empty for a constant or no objective)
    objective_const: float
    false_constraints: list[str] = field(default_factory=list)  # labels of constraints that fold to false

    @property
    def always_infeasible(self) -> bool:
        return bool(self.false_constraints)


def linear_form(gm: GroundModel) -> LinearForm:
    """Split the (linear) constraints into rows; call only after `linear_support(gm)` said yes."""
    rows: list[Row] = []
    false: list[str] = []
    for c in gm.constraints:
        parts = conjuncts(c.expr)
        label = c.label
        for k, part in enumerate(parts):
            if part.op == "const":
                if not part.args[0]:
                    false.append(label)
                continue
            lin, lo, hi = part.args
            name = label if len(parts) == 1 else f"{label}#{k + 1}"
            rows.append(Row(name, label, lin.terms, lo, hi))
    obj = gm.objective
    if isinstance(obj, Lin):
        terms, const = {v: c for v, c in obj.terms.items() if c != 0}, float(obj.const)
    else:
        terms, const = {}, float(obj or 0.0)
    return LinearForm(rows, terms, const, false)


def false_constraint_message(form: LinearForm) -> str:
    names = ", ".join(repr(n) for n in form.false_constraints[:3])
    more = f" and {len(form.false_constraints) - 3} more" if len(form.false_constraints) > 3 else ""
    return f"constraint {names}{more} can never hold (it compares constants only), so the model is infeasible"


# --------------------------------------------------------------------------- infeasible or unbounded
def settle_infeasible_or_unbounded(reported: Status | None, has_objective: bool,
                                   feasible_without_objective: Callable[[], bool | None],
                                   solver: str) -> tuple[Status, str]:
    """Decide between INFEASIBLE and UNBOUNDED.

    `reported` is what the solver said: INFEASIBLE, UNBOUNDED, or None for "infeasible or unbounded".
    Solvers mix these up (presolve and MIP codes often only prove "infeasible or unbounded"), so with an
    objective the answer is checked by solving the same constraints with a zero objective: a feasible
    point there means the objective was unbounded, none means the model is infeasible.
    `feasible_without_objective()` returns True / False, or None when that check did not finish.
    """
    if not has_objective:
        return Status.INFEASIBLE, ""
    feasible = feasible_without_objective()
    if feasible is None:
        if reported is None:
            return Status.ERROR, (f"{solver} says the model is infeasible or unbounded, and the check with a "
                                  "zero objective did not finish within the time limit")
        return reported, ""
    status = Status.UNBOUNDED if feasible else Status.INFEASIBLE
    if reported is None:
        return status, (f"{solver} said 'infeasible or unbounded'; a re-solve with a zero objective "
                        f"found the model {'feasible, so it is unbounded' if feasible else 'infeasible'}")
    if reported != status:
        return status, (f"{solver} said {reported.value}, but a re-solve with a zero objective found the model "
                        f"{'feasible, so it is unbounded' if feasible else 'infeasible'}")
    return status, ""


# -------------------------------------------------------------------------------------------- values
def resting_value(v: GVar) -> float:
    """A value for a variable the solver never saw (it appears in no constraint and not in the
    objective): 0 pushed into its bounds."""
    x = 0.0
    if v.lb is not None and x < v.lb:
        x = float(v.lb)
    if v.ub is not None and x > v.ub:
        x = float(v.ub)
    return x


def objective_value(gm: GroundModel, form: LinearForm, values: list[float]) -> float:
    """The objective at the values as reported: integer variables rounded, as `values_by_name` shows
    them, so the objective and the values agree exactly (152, not 151.99999999999994)."""
    total = form.objective_const
    for vid, c in form.objective.items():
        x = values[vid]
        total += c * (round(x) if gm.vars[vid].is_integer else x)
    return total


def bound(x: float | None, default: float) -> float:
    """A bound with None (no bound) replaced by the solver's infinity."""
    return default if x is None or math.isinf(x) else float(x)


_UNSAFE = re.compile(r"[^A-Za-z0-9_]+")


class NameMaker:
    """Names that LP files accept (letters, digits, '_'; not starting with a digit), unique, and close
    to the model's labels: `take[tent]` becomes `take_tent`, `x[1,2]` becomes `x_1_2`."""

    def __init__(self, max_len: int = 200) -> None:
        self.used: set[str] = set()
        self.max_len = max_len

    def __call__(self, label: str) -> str:
        base = _UNSAFE.sub("_", label).strip("_") or "_"
        if base[0].isdigit() or re.match(r"[eE][0-9eE]", base):  # LP readers take e1 for a number
            base = "_" + base
        base = base[: self.max_len]
        name, k = base, 1
        while name in self.used:
            k += 1
            name = f"{base}_{k}"
        self.used.add(name)
        return name


@contextmanager
def gc_paused() -> Iterator[None]:
    """Pause Python's cycle collector while a solver model is built: building creates hundreds of
    thousands of small objects and no cycles, and the collector's passes over them took about half of
    the compile time of a 40,000-variable model."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()

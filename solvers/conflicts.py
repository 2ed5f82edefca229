"""Why a model is infeasible: a small set of named constraints that cannot all hold together.

Every ground constraint copy (`demand[b]`) and every variable's bounds (`bounds of x[a]`) is one item
that can be switched on or off. A solver that understands assumptions gives a first core: CP-SAT
(`sufficient_assumptions_for_infeasibility`) for the integer models it takes, Z3 (`unsat_core`) for the
rest, continuous and nonlinear models included. A deletion filter then shrinks the core: drop one item,
re-check, and put it back only if the rest became satisfiable. What remains is minimal: each item is
needed for the conflict. When the time limit cuts the filter short the core is still a real conflict
(its last check was infeasible) but may hold items that are not needed; `Explanation.minimal` says so.

The objective plays no part: only whether the constraints can hold together matters.

`explain_infeasible` returns an `Explanation`, which *is* a list of `Conflict` (so it drops straight
into `Solution.conflicts`) and also carries `minimal` and a `note`.
"""

from __future__ import annotations

import dataclasses
import time
from collections.abc import Iterable
from typing import Any

from modeler.ir.ground import GroundModel, render
from solvers.result import Conflict

Verdict = str  # "unsat" | "sat" | "unknown"


class Explanation(list):
    """The conflicting constraints, as a list of Conflict, plus whether the set is proven minimal.

    minimal: every item was checked to be necessary (dropping any one makes the rest satisfiable).
    note: how the explanation came about, or why it is empty or unproven ("time limit reached ...").
    """

    def __init__(self, conflicts: Iterable[Conflict] = (), minimal: bool = True, note: str = ""):
        super().__init__(conflicts)
        self.minimal = minimal
        self.note = note

    @property
    def conflicts(self) -> list[Conflict]:
        return list(self)


def explain_infeasible(gm: GroundModel, time_limit: float = 30.0) -> Explanation:
    """A minimal set of constraint copies and variable bounds that cannot hold together.

    Empty when the constraints can in fact all hold (the model is feasible), or when the solver could
    not decide within the time limit (then `note` says so). Never names constraints that do not conflict:
    every returned set was checked infeasible by a solver.
    """
    deadline = time.perf_counter() + max(0.1, time_limit)

    def left() -> float:
        return deadline - time.perf_counter()

    checker = _checker(dataclasses.replace(gm, objective=None, sense=None))
    verdict, core = checker.check(checker.labels, left())
    if verdict == "sat":
        return Explanation([], True, "the constraints can all hold together: nothing conflicts")
    if verdict == "unknown":
        return Explanation([], False, f"{checker.name} could not decide within the time limit; no conflict to show")
    order = {label: i for i, label in enumerate(checker.labels)}
    core = sorted(set(core or checker.labels), key=order.__getitem__)
    minimal, i = True, 0
    while i < len(core):
        if left() <= 0:
            minimal = False
            break
        trial = core[:i] + core[i + 1:]
        verdict, sub = checker.check(trial, left())
        if verdict == "unsat":
            # the solver's own core of the trial may drop more items at once; items before i were
            # proven necessary, so (by monotonicity) they are all still in it and i moves on correctly
            keep = set(sub) if sub else set(trial)
            core = [label for label in trial if label in keep]
        else:
            if verdict == "unknown":
                minimal = False  # kept without proof that it is needed
            i += 1
    note = f"found with {checker.name}" + ("" if minimal else "; time limit reached, so not proven minimal")
    return Explanation([_conflict(gm, label) for label in core], minimal, note)


def describe_conflicts(conflicts: list[Conflict]) -> str:
    """Plain words for an explanation: "These constraints cannot all hold together: name (why): text; ..."."""
    if not conflicts:
        return ""
    parts = []
    for c in conflicts:
        head = f"{c.name} ({c.description})" if c.description else c.name
        parts.append(f"{head}: {c.text}" if c.text else head)
    words = "These constraints cannot all hold together: " + "; ".join(parts)
    if not getattr(conflicts, "minimal", True):
        words += " (not proven minimal: some of them may not be needed for the conflict)"
    return words


# ------------------------------------------------------------------------------------------ items
def _conflict(gm: GroundModel, label: str) -> Conflict:
    if label.startswith("bounds of "):
        v = next(v for v in gm.vars if v.label == label[len("bounds of "):])
        info = next((mv for mv in gm.model.variables if mv.name == v.name), None)
        return Conflict(name=label, description=info.description if info else "", text=_bounds_text(v))
    c = next(c for c in gm.constraints if c.label == label)
    return Conflict(name=label, description=c.description, text=render(c.expr, gm))


def _bounds_text(v: Any) -> str:
    lo, hi = (0, 1) if v.type == "binary" else (v.lb, v.ub)
    if lo is not None and hi is not None:
        return f"{_fmt(lo)} <= {v.label} <= {_fmt(hi)}"
    return f"{v.label} >= {_fmt(lo)}" if lo is not None else f"{v.label} <= {_fmt(hi)}"


def _fmt(x: float) -> str:
    return str(int(x)) if float(x).is_integer() else f"{x:g}"


# --------------------------------------------------------------------------------------- checkers
def _checker(gm: GroundModel) -> Any:
    from solvers.backends.cpsat import CpSatBackend

    cpsat = CpSatBackend()
    if cpsat.available()[0] and cpsat.supports(gm)[0]:
        return _CpSatChecker(gm)
    return _Z3Checker(gm)


class _CpSatChecker:
    """Items as CP-SAT assumption literals (see `cpsat.compile(gm, track=True)`)."""

    name = "CP-SAT"

    def __init__(self, gm: GroundModel):
        from solvers.backends.cpsat import CpSatBackend

        self.comp = CpSatBackend().compile(gm, track=True).handles
        self.index = {label: i for i, label in self.comp.assumptions.items()}
        self.labels = list(self.index)

    def check(self, labels: list[str], time_left: float) -> tuple[Verdict, list[str]]:
        from ortools.sat.python import cp_model

        m = self.comp.model
        m.clear_assumptions()
        m.add_assumptions([m.get_bool_var_from_proto_index(self.index[label]) for label in labels])
        solver = cp_model.CpSolver()
        solver.parameters.max_time_in_seconds = max(0.01, time_left)
        solver.parameters.num_workers = 1  # assumption cores are exact in single-worker search
        code = solver.solve(m)
        if code == cp_model.INFEASIBLE:
            core = [self.comp.assumptions[i] for i in solver.sufficient_assumptions_for_infeasibility()
                    if i in self.comp.assumptions]
            return "unsat", core
        if code in (cp_model.OPTIMAL, cp_model.FEASIBLE):
            return "sat", []
        return "unknown", []


class _Z3Checker:
    """Items as Z3 formulas guarded by tracking literals: `track_i -> item_i`, checked under assumptions.

    (This is what `assert_and_track` does, with the literals passed to `check` by hand so that one solver
    can check any subset of the items.)
    """

    name = "Z3"

    def __init__(self, gm: GroundModel):
        import z3

        from solvers.backends.z3_backend import build_items

        self.z3 = z3
        terms = build_items(gm)
        self.solver = z3.Solver()
        self.track: dict[str, Any] = {}
        self.label_of: dict[str, str] = {}
        for i, (label, formula) in enumerate(terms.items):
            p = z3.Bool(f"track!{i}")
            self.solver.add(z3.Implies(p, formula))
            self.track[label] = p
            self.label_of[str(p)] = label
        self.labels = list(self.track)

    def check(self, labels: list[str], time_left: float) -> tuple[Verdict, list[str]]:
        z3 = self.z3
        self.solver.set("timeout", max(1, int(time_left * 1000)))
        result = self.solver.check(*[self.track[label] for label in labels])
        if result == z3.unsat:
            return "unsat", [self.label_of[str(p)] for p in self.solver.unsat_core()]
        if result == z3.sat:
            return "sat", []
        return "unknown", []

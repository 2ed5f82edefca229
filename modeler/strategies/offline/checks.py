"""Self-checks of a reading, for its confidence and for refusing: what a wrong reading usually shows.

* Numbers the text gives that the model never uses: word problems rarely state numbers for nothing,
  so each unused one is a coefficient or a limit the reading missed.
* An objective the constraints cannot hold: a word problem always limits what it maximizes, so an
  objective variable that nothing bounds means a limit was misread (its direction or its terms).
* A variable no constraint names: a word problem asks about a thing because something limits or requires
  it, so a variable only the objective holds is most often a word misread as a name ("a tutoring company
  needs at least 1,200 hours" with the company made a variable and the 1,200 its cost).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from modeler.strategies.offline.entities import is_number
from modeler.strategies.offline.words import parse_value

if TYPE_CHECKING:
    from modeler.strategies.offline.classify import ConstraintSpec, Objective
    from modeler.strategies.offline.reading import Reading

_NOT_DATA_AFTER = frozenset({"times", "time", "%", "percent"})  # multiples and shares are read elsewhere


def used_values(obj: Objective, specs: list[ConstraintSpec]) -> set[float]:
    """Every number the model writes: coefficients, limits, shares and multiples."""
    out = {float(c) for c in obj.terms.values()}
    for s in specs:
        out.add(float(s.limit))
        out.update(float(c) for c in s.terms.values())
        if s.param is not None:
            out.add(float(s.param))
    return out


def unused_numbers(r: Reading, obj: Objective, specs: list[ConstraintSpec]) -> tuple[list[str], int]:
    """(numbers written in digits that the model does not use, how many such numbers there are). A "1"
    is how a text names one unit ("1 kg of paint") and is not counted; shares count as used when the
    model holds their fraction."""
    # a loss per unit is written as a negative profit, but the text gives it as a positive number
    used = {abs(u) for u in used_values(obj, specs)}
    out: list[str] = []
    total = 0
    for k, w in enumerate(r.words):
        if not is_number(w) or not w[:1].isdigit():
            continue
        value = parse_value(w)
        if value is None or value == 1:
            continue
        total += 1
        nxt = r.words[k + 1].lower() if k + 1 < len(r.words) else ""
        candidates = {value, value / 100} if nxt in _NOT_DATA_AFTER else {value}
        if not any(abs(c - u) <= 1e-9 * max(1.0, abs(c)) for c in candidates for u in used):
            out.append(w)
    return out, total


def unbounded_variables(r: Reading, obj: Objective, specs: list[ConstraintSpec]) -> list[int]:
    """Variables that push the objective on with nothing to stop them (the variables are >= 0): for a
    maximum those with a positive coefficient that no "<=" reaches, directly or through comparisons and
    shares; for a minimum those with a negative one."""
    bounded: set[int] = set()
    for s in specs:
        if s.kind == "upperbound" or (s.kind in ("linear", "sum") and s.sense == "<=" and s.terms
                                      and all(c > 0 for c in s.terms.values())):
            bounded.update(s.terms)
        if s.kind in ("linear", "sum") and s.sense == ">=" and s.terms and all(c < 0 for c in s.terms.values()):
            bounded.update(s.terms)
    everything = {v.index for v in r.variables}
    changed = True
    while changed:
        changed = False
        for s in specs:
            new: set[int] = set()
            if s.kind in ("xy", "xby") and s.x is not None and s.y is not None and (s.param or 1.0) > 0:
                if s.sense == "<=" and s.y in bounded:
                    new.add(s.x)
                if s.sense == ">=" and s.x in bounded:
                    new.add(s.y)
            elif s.kind == "ratio" and s.terms:
                (v,) = s.terms
                others = everything - {v}
                if s.sense == "<=" and s.limit < 1 and others <= bounded:
                    new.add(v)
                if s.sense == ">=" and s.limit > 0 and v in bounded:
                    new |= others
            if new - bounded:
                bounded |= new
                changed = True
    sign = 1 if obj.sense == "max" else -1
    return [v for v, c in obj.terms.items() if sign * c > 0 and v not in bounded]


def idle_variables(r: Reading, specs: list[ConstraintSpec]) -> list[int]:
    """Variables that no constraint names (a share of the total names them all)."""
    if any(s.kind == "ratio" for s in specs):
        return []
    named: set[int] = set()
    for s in specs:
        named.update(s.terms)
        named.update(v for v in (s.x, s.y) if v is not None)
    return [v.index for v in r.variables if v.index not in named]

"""Self-checks of a reading, for its confidence and for refusing: what a wrong reading usually shows.

* Numbers the text gives that the model never uses: word problems rarely state numbers for nothing,
  so each unused one is a coefficient or a limit the reading missed.
* An objective the constraints cannot hold: a word problem always limits what it maximizes, so an
  objective variable that nothing bounds means a limit was misread (its direction or its terms).
* A variable no constraint names: a word problem asks about a thing because something limits or requires
  it, so a variable only the objective holds is most often a word misread as a name ("a tutoring company
  needs at least 1,200 hours" with the company made a variable and the 1,200 its cost).
* Shapes a right model of a word problem almost never has (`shape_doubts`): no optimum at all, an
  optimum that decides nothing (every variable at zero), a variable the objective leaves out, one row limited twice the same way, a limit on the objective's own
  row in its own direction, a limit equal to a coefficient of its row, a capacity too small for one unit
  of anything, a limit whose row names no decision, two variables named alike.
  Each is weak alone (the benchmarks' right readings show each a few times in a thousand), so each
  costs little: enough to send an otherwise sure reading to the alternate taggers.
"""

from __future__ import annotations

import os
import re
import sys
from typing import TYPE_CHECKING, Any

from modeler.strategies.offline.entities import is_number
from modeler.strategies.offline.words import parse_value, singular

if TYPE_CHECKING:
    from modeler.strategies.offline.classify import ConstraintSpec, Objective
    from modeler.strategies.offline.reading import Reading

_NOT_DATA_AFTER = frozenset({"times", "time", "%", "percent"})  # multiples and shares are read elsewhere


def used_values(obj: Objective, specs: list[ConstraintSpec]) -> set[float]:
    """Every number the model writes: coefficients, limits, shares and multiples."""
    out = {float(c) for c in obj.terms.values()} | {float(c) for c in getattr(obj, "factors", ())}
    for s in specs:
        out.add(float(s.limit))
        out.update(float(c) for c in s.terms.values())
        if s.param is not None:
            out.add(float(s.param))
        if s.kind == "xby" and s.param:
            # "at least $1 in bonds for every $2 in equities" is x >= 0.5 y: the rate's "2" is written too
            out.add(1.0 / float(s.param))
            if 0 < abs(s.param - 1) < 1:  # ("at least 10 percent more bread than cake" is x >= 1.1 y)
                out.add(round(abs(float(s.param) - 1), 12))
    return out


def unused_numbers(r: Reading, obj: Objective, specs: list[ConstraintSpec]) -> tuple[list[str], int]:
    """(numbers written in digits that the model does not use, how many such numbers there are). A "1"
    is how a text names one unit ("1 kg of paint") and is not counted; shares count as used when the
    model holds their fraction."""
    from modeler.strategies.offline.entities import Span
    from modeler.strategies.offline.reading import one_per
    from modeler.strategies.offline.repairs import bracket_aside

    # a loss per unit is written as a negative profit, but the text gives it as a positive number
    used = {abs(u) for u in used_values(obj, specs)}
    # ("Depot 2", "Line 3": a number that ends a variable's name names, it is no datum)
    named = {(a, b) for v in r.variables for m in v.mentions
             for a, b in zip(m.lower().split(), m.lower().split()[1:], strict=False) if b[:1].isdigit()}
    from modeler.strategies.offline.limit_words import head_count, head_counts

    heads = head_counts(r)  # ("its 30 cats. Each cat needs ...": the count multiplies the needs)
    # (and each need is written times the count)
    times = {s: found[1] for s in r.sentences if (found := head_count(r, s)) is not None}
    out: list[str] = []
    total = 0
    for k, w in enumerate(r.words):
        if not is_number(w) or not w[:1].isdigit() or k in heads:
            continue
        if k and (r.words[k - 1].lower(), w.lower()) in named:
            continue
        value = parse_value(w)
        if value is None or value == 1 or bracket_aside(r.words, r.spans, Span("LIMIT", k, k + 1, w)):
            continue  # ("A group walk (up to 4 dogs, ...)": an aside the reading leaves out on purpose)
        total += 1
        nxt = r.words[k + 1].lower() if k + 1 < len(r.words) else ""
        candidates = {value, value / 100} if nxt in _NOT_DATA_AFTER else {value}
        if r.tokens[k].sent in times:
            candidates.add(value * times[r.tokens[k].sent])
        if value and one_per(r.words, Span("PARAM", k, k + 1, w)):
            candidates.add(1 / value)  # ("one steward per 50 standing": the model holds 1/50)
        if not any(abs(c - u) <= 1e-9 * max(1.0, abs(c)) for c in candidates for u in used):
            out.append(w)
    return out, total


def unbounded_variables(r: Reading, obj: Objective, specs: list[ConstraintSpec]) -> list[int]:
    """Variables that push the objective on with nothing to stop them (the variables are >= 0): for a
    maximum those with a positive coefficient that no "<=" reaches, directly or through comparisons and
    shares; for a minimum those with a negative one."""
    bounded: set[int] = set()
    for s in specs:
        # ("==": "the fund of $120,000 is to be invested in full" holds its terms as a "<=" does)
        if s.kind == "upperbound" or (s.kind in ("linear", "sum") and s.sense in ("<=", "==") and s.terms
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


def _row(s: ConstraintSpec) -> tuple[tuple[int, float], ...] | None:
    """The left-hand side of a limit on a (weighted) sum or on one variable, as sorted (variable,
    coefficient) pairs; None for comparisons, shares and blends."""
    if s.kind not in ("linear", "sum", "upperbound", "lowerbound"):
        return None
    return tuple(sorted((v, float(c)) for v, c in s.terms.items() if c))


def lp_rows(r: Reading, specs: list[ConstraintSpec]) -> list[tuple[dict[int, float], str, float]]:
    """Every constraint as (coefficients, sense, right-hand side) over the variables (all >= 0), as
    `assemble.constraint_expr` writes it: shares and blends moved to one side."""
    everything = [v.index for v in r.variables]
    rows: list[tuple[dict[int, float], str, float]] = []
    for s in specs:
        coefs: dict[int, float] = {}
        limit = 0.0
        if s.kind in ("linear", "sum", "upperbound", "lowerbound"):
            coefs = {v: float(c) for v, c in s.terms.items()}
            limit = float(s.limit)
        elif s.kind in ("ratio", "blend"):  # sum a_i x_i (op) q * (x_1 + ... + x_n)
            coefs = {v: float(c) for v, c in s.terms.items()}
            for v in everything:
                coefs[v] = coefs.get(v, 0.0) - float(s.limit)
        elif s.kind in ("xy", "xby") and s.x is not None and s.y is not None:
            param = float(s.param or 1.0) if s.kind == "xby" else 1.0
            coefs = {s.x: 1.0}
            coefs[s.y] = coefs.get(s.y, 0.0) - param
        else:
            continue
        rows.append((coefs, s.sense, limit))
    return rows


def lp_outcome(r: Reading, obj: Objective, specs: list[ConstraintSpec]) -> str:
    """"optimal", "idle" (optimal at all zeros), "infeasible" or "unbounded": what the model's LP relaxation
    comes to (HiGHS); "unknown"
    when the solver gives no verdict. A word problem is posed to have an answer, so a reading whose model
    has none has misread a limit (its direction, its number or its terms)."""
    import highspy
    import numpy as np

    n = len(r.variables)
    if n == 0:
        return "unknown"
    inf = highspy.kHighsInf
    h = _quiet_highs()
    sign = -1.0 if obj.sense == "max" else 1.0
    cost = np.zeros(n)
    for v, c in obj.terms.items():
        cost[v] = sign * float(c)
    h.addVars(n, np.zeros(n), np.full(n, inf))
    h.changeColsCost(n, np.arange(n, dtype=np.int32), cost)
    for coefs, sense, limit in lp_rows(r, specs):
        idx = np.array(sorted(coefs), dtype=np.int32)
        val = np.array([coefs[v] for v in sorted(coefs)], dtype=float)
        lo = limit if sense in (">=", "==") else -inf
        hi = limit if sense in ("<=", "==") else inf
        h.addRow(lo, hi, len(idx), idx, val)
    h.run()
    status = h.getModelStatus()
    if status == highspy.HighsModelStatus.kOptimal:
        # "idle": the optimum is to decide nothing at all (every variable at zero); a word problem asks
        # for the amounts that best meet its needs, so a reading whose answer is "none of anything" has
        # most often turned a requirement into a cap ("saving up $480 ... the fewest hours" read as <= 480)
        return "idle" if max(abs(x) for x in h.getSolution().col_value) <= 1e-9 else "optimal"
    if status == highspy.HighsModelStatus.kInfeasible:
        return "infeasible"
    if status in (highspy.HighsModelStatus.kUnbounded, highspy.HighsModelStatus.kUnboundedOrInfeasible):
        return "unbounded"
    return "unknown"


_highs_made = False


def _quiet_highs() -> Any:
    """A HiGHS instance with its output off. The first one made in a process prints HiGHS's banner on
    standard output before any option can be set, which would land in the middle of `optipilot solve`'s
    answer, so that one is made with standard output pointed at the null device."""
    global _highs_made
    import highspy

    if not _highs_made:
        sys.stdout.flush()
        saved, null = os.dup(1), os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, 1)
        try:
            h = highspy.Highs()
        finally:
            os.dup2(saved, 1)
            os.close(saved)
            os.close(null)
        _highs_made = True
    else:
        h = highspy.Highs()
    h.setOptionValue("output_flag", False)
    # one thread, like every other HiGHS in the project: HiGHS keeps one global thread pool, and a later
    # model asking for another thread count fails to run (solvers/neur2ro/knapsack.py)
    h.setOptionValue("threads", 1)
    return h


def redundant_row(specs: list[ConstraintSpec]) -> bool:
    """Two limits on the same row in the same direction with different numbers: one of them can never
    bind, so it says nothing, and a word problem does not state limits that say nothing (most often two
    numbers of different rows were read onto one: "12 drivers ... 8 cargo bikes" both as a count)."""
    seen: dict[tuple[Any, str], float] = {}
    for s in specs:
        row = _row(s)
        if not row:
            continue
        key = (row, s.sense)
        if key in seen and seen[key] != float(s.limit):
            return True
        seen.setdefault(key, float(s.limit))
    return False


def self_bounded(obj: Objective, specs: list[ConstraintSpec]) -> bool:
    """A limit on the objective's own row in the objective's direction (maximize 3x + 2y with
    3x + 2y <= 60): the answer is then the text's own number, which a word problem does not ask for."""
    if obj.kind != "weighted":
        return False
    own = tuple(sorted((v, float(c)) for v, c in obj.terms.items() if c))
    pull = "<=" if obj.sense == "max" else ">="
    return bool(own) and any(s.kind == "linear" and s.sense == pull and _row(s) == own for s in specs)


def limit_in_own_row(specs: list[ConstraintSpec]) -> bool:
    """A limit equal to one of its own row's coefficients (40 x + 5 y <= 40): one number read twice,
    as a per-unit amount and as the total."""
    return any(s.kind == "linear" and s.limit not in (0, 1) and
               any(abs(float(c) - float(s.limit)) <= 1e-9 * max(1.0, abs(float(s.limit))) for c in s.terms.values())
               for s in specs)


def too_small(specs: list[ConstraintSpec]) -> bool:
    """A "<=" on positive amounts whose limit is below every coefficient of its row (60 x + 130 y <= 4):
    not one unit of anything fits, so a coefficient or a count was read as the limit."""
    return any(s.kind == "linear" and s.sense == "<=" and s.terms and all(c > 0 for c in s.terms.values())
               and s.limit < min(s.terms.values()) for s in specs)


def empty_row(specs: list[ConstraintSpec]) -> bool:
    """A limit whose row holds no decision ("0 <= 100"): its number was read, its coefficients lost."""
    return any(s.kind == "linear" and not any(s.terms.values()) for s in specs)


def twin_names(r: Reading) -> bool:
    """Two variables named alike but for a plural ("peas" and "pea"): one thing read as two."""
    keys = [" ".join(singular(w) for w in v.text.split()) for v in r.variables]
    return len(set(keys)) < len(keys)


_KINDS_SAID = re.compile(r"\b(two|three|four|five|six) (?:kinds|types|sorts|varieties|flavou?rs)\b(?! of (?:the|its|our))",
                         re.I)


def fewer_than_said(r: Reading) -> bool:
    """"I make soap in three kinds: lavender, oatmeal and charcoal" read with two variables: a name the
    tagger missed (the text counts its kinds in so many words)."""
    text = " ".join(r.words)
    said = [parse_value(m.group(1)) or 0 for m in _KINDS_SAID.finditer(text)]
    return bool(said) and len(r.variables) < max(said)


def shape_doubts(r: Reading, obj: Objective, specs: list[ConstraintSpec]) -> list[str]:
    """The shapes of the model that a right reading almost never shows, each as a sentence for the
    understanding (see the module's docstring)."""
    out: list[str] = []
    outcome = lp_outcome(r, obj, specs) if specs else "unknown"
    # (an unbounded one that `unbounded_variables` already names is doubted there)
    if outcome == "infeasible" or (outcome == "unbounded" and not unbounded_variables(r, obj, specs)):
        out.append(f"the model has no optimum (its LP is {outcome})")
    if outcome == "idle":
        out.append("the model's best answer is to do nothing at all (every variable at zero)")
    if obj.kind == "weighted" and len(r.variables) > 1:
        left = [v.text for v in r.variables if not obj.terms.get(v.index)]
        if left:
            out.append("the objective leaves out " + ", ".join(left))
    if redundant_row(specs):
        out.append("one row is limited twice in the same direction")
    if self_bounded(obj, specs):
        out.append("a constraint caps the objective's own row")
    if limit_in_own_row(specs):
        out.append("a limit equals a coefficient of its own row")
    if too_small(specs):
        out.append("a capacity holds not one unit of anything")
    if empty_row(specs):
        out.append("a limit names no decision")
    if twin_names(r):
        out.append("two variables are named alike")
    if fewer_than_said(r):
        out.append("the text names more kinds than the reading has variables")
    if any(s.guessed for s in specs):
        # a limit that names none of the coefficient groups, given the one left over while another limit
        # in the same direction took its group on a word or two (limit_rows._assign_features): the two may
        # be swapped ("600,000 among 18-34s" against "40,000 young and 60,000 older")
        out.append("a limit took the coefficients left over, beside another limit like it")
    return out

"""NL4Opt canonical form and the competition's formulation score (subtask 2, "generation").

The anchor is the NL4Opt competition's own scorer (github.com/nl4opt/nl4opt-subtask2-baseline:
`parsers.convert_to_canonical` and `scoring.py`, read, not copied). It writes a formulation as

* an objective row: one coefficient per variable column (the direction is *not* part of it), and
* one row per constraint, `[a_1 .. a_n, b]` meaning `a . x <= b`: a `>=` declaration is negated,

with the columns numbered by the document's `order_mapping` (variable mention -> column). Per document
(`per_example_scores`), with `d = 1 + number of gold constraints`:

* predicted rows are de-duplicated first;
* FP = (1 if the objective rows differ) + (predicted rows that equal no gold row), capped at `d`;
* FN = max(gold rows - predicted rows, 0)  (a count difference, not "gold rows left unmatched");

and over a split (`overall_score`): `score = 1 - sum(FP + FN) / sum(d)` (micro average).

How each constraint type becomes a row (`n` columns, `c` the limit, the row is for `<=` and negated for
`>=` by the declaration's `operator`), as in the competition's table:

    sum          x + y + ... <= c        every column 1, right-hand side c
    upperbound / lowerbound   x <= c     the named column 1
    linear       a1 x + a2 y <= c        the terms' coefficients
    ratio        x <= c (x + y + ...)    every column -c, the named one 1 - c, right-hand side 0
    xby          x <= a y                x: 1, y: -a, right-hand side 0
    xy           x <= y                  x: 1, y: -1, right-hand side 0

Where ours knowingly differs from the baseline code, and why:

* The baseline starts `linear` and `xy` rows from a vector of ones and only overwrites the named
  columns, so `2x <= 5` over (x, y) becomes `2x + y <= 1 * ...` and `x <= y` gets a right-hand side 1.
  In the competition both prediction and gold go through the same code, so this cancels out; here the
  prediction comes from a solved model, so rows must mean what the table says: other columns are 0.
* An `objvar` objective (no coefficients: "minimize the total number of ...") gets coefficient 1 on the
  declaration's own `vars`; the baseline passes the document's full variable list instead, which is
  wrong for "minimize the number of vans" (5 test documents). An empty `vars` list means all variables.
* Exact float equality becomes closeness (relative 1e-6, absolute 1e-9) so that 0.3 and 1 - 0.7 agree.
* Columns still come from `order_mapping` verbatim, errors included (a few documents map two different
  variables to one column); `annotation_issues` lists what looks wrong, nothing is silently repaired.

Objective direction: the competition's canonical objective ignores min/max. `score_rows(...)` follows
that; `strict=True` also counts an objective with the wrong direction as a false positive.
`scaled=True` divides every row by its largest coefficient magnitude first (so `3x >= 7y` matches
`0.3x >= 0.7y`); both are reported as extra metrics beside the competition's number.

A candidate model (the project's model form) becomes canonical rows through `canonical_from_model`:
its variables are matched to the gold columns (see `match_variables`), each linear constraint gives
one row (`==` gives two: `<=` and `>=`; a range `lo <= e <= hi` two), a variable's `lb > 0` / `ub`
gives a bound row (the competition treats bounds as declarations), a bare nonnegativity `x >= 0` gives
none (NL4Opt variables are nonnegative by definition, the model form's default `lb` is 0). A constraint
that is not linear or that uses a variable no gold column matched still counts as a predicted row that
matches nothing.
"""

from __future__ import annotations

import difflib
import itertools
import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any


class NL4OptDataError(ValueError):
    """An NL4Opt annotation cannot be read (a number or direction the converter does not know)."""


LE, GE = "LESS_OR_EQUAL", "GREATER_OR_EQUAL"
REL_TOL, ABS_TOL = 1e-6, 1e-9  # closeness of canonical entries

# ------------------------------------------------------------------------------------------- numbers
_WORD_VALUES = {  # fractions and multipliers as they appear in the annotations
    "half": 0.5, "a half": 0.5, "one half": 0.5, "third": 1 / 3, "a third": 1 / 3, "one third": 1 / 3,
    "fourth": 0.25, "a fourth": 0.25, "one fourth": 0.25, "quarter": 0.25, "a quarter": 0.25,
    "fifth": 0.2, "a fifth": 0.2, "one fifth": 0.2, "twice": 2.0, "double": 2.0, "thrice": 3.0,
    "triple": 3.0,
}
_UNITS = {w: i for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
    "sixteen seventeen eighteen nineteen".split())}
_TENS = {w: 10 * (i + 2) for i, w in enumerate("twenty thirty forty fifty sixty seventy eighty ninety".split())}
_SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000}
_NUMBER_RE = re.compile(r"\d+(?:\.\d+)?|\.\d+")


def _words_to_number(text: str) -> float | None:
    """English number words ("one hundred thousand", "three times") to a number; None if there are none."""
    total, current, seen = 0.0, 0.0, False
    for w in re.findall(r"[a-z]+", text):
        if w in _UNITS:
            current += _UNITS[w]
            seen = True
        elif w in _TENS:
            current += _TENS[w]
            seen = True
        elif w == "hundred":
            current = (current or 1) * 100
            seen = True
        elif w in _SCALES:
            total += (current or 1) * _SCALES[w]
            current, seen = 0.0, True
    return total + current if seen else None


def parse_number(text: str | float | int) -> float:
    """An annotated number: "4,000", "70%", "thirty percent", "twice", "a third", "3 times", "8000 minutes"."""
    if isinstance(text, int | float):
        return float(text)
    x = text.strip().lower().replace(",", "").strip(";$ ").rstrip(".")
    scale = 1.0
    stripped = re.sub(r"percent|%|¢", "", x).strip()
    if stripped != x:
        scale, x = 0.01, stripped
    try:
        return float(x) * scale
    except ValueError:
        pass
    m = _NUMBER_RE.search(x)
    if m:  # "3 times", "8000 minutes": the number in it (the baseline keeps the digits alone, the same here)
        return float(m.group()) * scale
    if x in _WORD_VALUES:
        return _WORD_VALUES[x] * scale
    value = _words_to_number(x)
    if value is None:
        raise NL4OptDataError(f"cannot read {text!r} as a number")
    return value * scale


_MIN_WORDS = ("min", "reduc", "decreas", "lowest", "least", "lower", "cheapest", "smallest", "fewest")
_MAX_WORDS = ("max", "highest", "increas", "most", "greatest", "largest", "biggest")


def objective_sense(direction: str) -> str:
    """"min" or "max" for an objective's direction word ("minimize", "reduce", "highest", ...)."""
    d = direction.strip().lower()
    if d.startswith(_MIN_WORDS):
        return "min"
    if d.startswith(_MAX_WORDS):
        return "max"
    raise NL4OptDataError(f"unknown objective direction {direction!r}")


# --------------------------------------------------------------------------------------- the form
@dataclass
class Canonical:
    """A formulation in NL4Opt canonical form over `n` columns.

    rows[k] = (a_1, ..., a_n, b) for `a . x <= b`. `opaque_rows` counts predicted constraints that
    cannot be written over the columns (nonlinear, or using an unmatched variable): they match nothing.
    `objective` is None when there is no usable linear objective over the columns.
    """

    n: int
    objective: tuple[float, ...] | None
    sense: str | None  # "min" | "max"
    rows: list[tuple[float, ...]] = field(default_factory=list)
    opaque_rows: int = 0
    notes: list[str] = field(default_factory=list)  # what the conversion could not take, in words

    def to_dict(self) -> dict[str, Any]:
        return {"n": self.n, "objective": list(self.objective) if self.objective is not None else None,
                "sense": self.sense, "rows": [list(r) for r in self.rows], "opaque_rows": self.opaque_rows}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Canonical:
        obj = d.get("objective")
        return cls(n=int(d["n"]), objective=tuple(obj) if obj is not None else None, sense=d.get("sense"),
                   rows=[tuple(r) for r in d.get("rows", [])], opaque_rows=int(d.get("opaque_rows", 0)))


def columns(record: dict[str, Any]) -> list[list[str]]:
    """The mentions of each column: `columns(record)[j]` lists every mention the order mapping puts at j."""
    om: dict[str, int] = record.get("order_mapping") or {}
    n = max(om.values()) + 1 if om else 0
    cols: list[list[str]] = [[] for _ in range(n)]
    for first in record.get("vars", []):  # first mentions first: they name the column best
        j = om.get(first)
        if j is not None and first not in cols[j]:
            cols[j].append(first)
    for mention, j in om.items():
        if mention not in cols[j]:
            cols[j].append(mention)
    return cols


def _col(om: dict[str, int], name: str, where: str) -> int:
    try:
        return om[name]
    except KeyError:
        raise NL4OptDataError(f"{where} names {name!r}, which the order mapping lacks") from None


def canonical_from_annotation(record: dict[str, Any]) -> Canonical:
    """The gold formulation's canonical form, from an NL4Opt record (the value under the document id)."""
    om: dict[str, int] = record.get("order_mapping") or {}
    n = max(om.values()) + 1 if om else 0
    obj_decl = record["obj_declaration"]
    objective = [0.0] * n
    if "terms" in obj_decl:
        for name, coef in obj_decl["terms"].items():
            objective[_col(om, name, "the objective")] = parse_number(coef)
    else:
        names = obj_decl.get("vars") or []
        cols = {_col(om, v, "the objective") for v in names} if names else set(range(n))
        for j in cols:
            objective[j] = 1.0
    rows = [constraint_row(c, om, n) for c in record.get("const_declarations", [])]
    return Canonical(n, tuple(objective), objective_sense(obj_decl.get("direction", "")), rows)


def constraint_row(decl: dict[str, Any], om: dict[str, int], n: int) -> tuple[float, ...]:
    """One constraint declaration as a `<=` row (assignments in the baseline's order: later names win)."""
    kind = decl["type"]
    where = f"a {kind} constraint"
    row = [0.0] * (n + 1)
    limit = parse_number(decl["limit"]) if "limit" in decl else 0.0
    if kind == "sum":
        row = [1.0] * n + [limit]
    elif kind in ("upperbound", "lowerbound"):
        row[_col(om, decl["var"], where)] = 1.0
        row[n] = limit
    elif kind == "linear":
        for name, coef in decl["terms"].items():
            row[_col(om, name, where)] = parse_number(coef)
        row[n] = limit
    elif kind == "ratio":
        row = [-limit] * n + [0.0]
        row[_col(om, decl["var"], where)] = 1.0 - limit
    elif kind == "xby":
        row[_col(om, decl["y_var"], where)] = -parse_number(decl["param"])
        row[_col(om, decl["x_var"], where)] = 1.0
    elif kind == "xy":
        row[_col(om, decl["y_var"], where)] = -1.0
        row[_col(om, decl["x_var"], where)] = 1.0
    else:
        raise NL4OptDataError(f"unknown constraint type {kind!r}")
    op = decl.get("operator")
    if op == GE:
        row = [-v for v in row]
    elif op != LE:
        raise NL4OptDataError(f"unknown operator {op!r} in {where}")
    return tuple(row)


def annotation_issues(record: dict[str, Any]) -> list[str]:
    """What looks wrong in a record's annotation (the canonical form keeps it; this only says so)."""
    om: dict[str, int] = record.get("order_mapping") or {}
    issues: list[str] = []
    decls = [record["obj_declaration"], *record.get("const_declarations", [])]
    for d in decls:
        names = list(d.get("terms", {})) + [d[k] for k in ("var", "x_var", "y_var") if k in d]
        cols = [om.get(x) for x in names]
        if len({c for c in cols if c is not None}) < len([c for c in cols if c is not None]):
            issues.append(f"{d['type']} declaration names different variables {names} that share a column")
        if d["type"] == "linear" and not d.get("terms"):
            issues.append(f"linear declaration with no terms ({d.get('direction', '')} {d.get('limit', '')}) "
                          "reads 0 <= / >= limit")
    n = max(om.values()) + 1 if om else 0
    n_first = len({om[v] for v in record.get("vars", []) if v in om})
    if n_first < n:
        issues.append(f"the order mapping has {n} columns but the first mentions cover {n_first}")
    cols = columns(record)
    for a, b in itertools.combinations(range(n), 2):
        if {" ".join(_tokens(m)) for m in cols[a]} & {" ".join(_tokens(m)) for m in cols[b]}:
            issues.append(f"columns {a} {cols[a]} and {b} {cols[b]} look like the same variable")
    try:
        rows = [constraint_row(c, om, n) for c in record.get("const_declarations", [])]
    except NL4OptDataError:
        return issues
    if len(_unique(rows)) < len(rows):
        issues.append("two constraint declarations are the same row: a prediction (de-duplicated, as in "
                      "the competition) can never match both, so even the gold scores below 1")
    return issues


# ---------------------------------------------------------------------------------------- scoring
def _close(a: float, b: float) -> bool:
    return math.isclose(a, b, rel_tol=REL_TOL, abs_tol=ABS_TOL)


def _same(a: Sequence[float], b: Sequence[float]) -> bool:
    return len(a) == len(b) and all(_close(x, y) for x, y in zip(a, b, strict=True))


def _scaled(row: Sequence[float], n: int) -> tuple[float, ...]:
    """A row divided by its largest coefficient magnitude (a positive scale: the direction stays)."""
    m = max((abs(v) for v in row[:n]), default=0.0)
    return tuple(v / m for v in row) if m > 0 else tuple(row)


def _unique(rows: Iterable[tuple[float, ...]]) -> list[tuple[float, ...]]:
    out: list[tuple[float, ...]] = []
    for r in rows:
        if not any(_same(r, u) for u in out):
            out.append(r)
    return out


@dataclass(frozen=True)
class RowScore:
    """One document's counts, as the competition's `per_example_scores` defines them."""

    fp: int
    fn: int
    d: int  # 1 + number of gold constraints
    objective_match: bool
    matched_rows: int


def score_rows(pred: Canonical, gold: Canonical, *, scaled: bool = False, strict: bool = False) -> RowScore:
    """FP, FN and d for one document (see the module docstring); `scaled`/`strict` are our variants."""
    n = gold.n

    def prep(r: Sequence[float]) -> tuple[float, ...]:
        return _scaled(r, n) if scaled else tuple(r)

    gold_rows = [prep(r) for r in gold.rows]
    pred_rows = _unique(prep(r) for r in pred.rows)
    n_pred = len(pred_rows) + pred.opaque_rows
    d = 1 + len(gold_rows)
    obj_ok = (pred.objective is not None and gold.objective is not None and pred.n == n
              and _same(prep(pred.objective), prep(gold.objective)))
    if strict and pred.sense != gold.sense:
        obj_ok = False
    fp = 0 if obj_ok else 1
    matched = sum(1 for r in pred_rows if pred.n == n and any(_same(r, g) for g in gold_rows))
    fp += n_pred - matched
    fn = max(len(gold_rows) - n_pred, 0)
    return RowScore(fp=min(fp, d), fn=fn, d=d, objective_match=obj_ok, matched_rows=matched)


def compare_rows(pred: Canonical, gold: Canonical, *, scaled: bool = False) -> tuple[int, int, int]:
    """(matched, missed, extra) constraint rows, by gold row rather than the competition's count difference.

    `matched`/`missed`: gold rows that equal some / no predicted row; `extra`: de-duplicated predicted rows
    that equal no gold row, plus the opaque ones. Rows are compared as in `score_rows` (same columns,
    closeness, `scaled` as there). `score_rows` itself is unchanged: this is for diagnosis only.
    """
    n = gold.n

    def prep(r: Sequence[float]) -> tuple[float, ...]:
        return _scaled(r, n) if scaled else tuple(r)

    gold_rows = [prep(r) for r in gold.rows]
    pred_rows = _unique(prep(r) for r in pred.rows) if pred.n == n else []
    opaque = pred.opaque_rows + (len(_unique(pred.rows)) if pred.n != n else 0)
    matched = sum(1 for g in gold_rows if any(_same(r, g) for r in pred_rows))
    extra = sum(1 for r in pred_rows if not any(_same(r, g) for g in gold_rows)) + opaque
    return matched, len(gold_rows) - matched, extra


def formulation_score(scores: Iterable[RowScore | tuple[int, int, int]]) -> float:
    """The competition's overall score: 1 - sum(FP + FN) / sum(d) over the documents."""
    num = den = 0
    for s in scores:
        fp, fn, d = (s.fp, s.fn, s.d) if isinstance(s, RowScore) else s
        num += fp + fn
        den += d
    return 1.0 - num / den if den else float("nan")


# ---------------------------------------------------------------------------- from a candidate model
_STOP = frozenset(
    "number num no of the a an amount qty quantity total count units unit to be used use per each "
    "how many var variable variables decision produce produced make made buy bought".split()
)


def _tokens(text: str) -> list[str]:
    text = re.sub(r"([a-z])([A-Z])", r"\1 \2", text)  # camelCase
    out = []
    for t in re.split(r"[^a-z0-9]+", text.lower()):
        if not t or t in _STOP:
            continue
        if t.endswith("ies") and len(t) > 4:
            t = t[:-3] + "y"
        elif t.endswith("s") and not t.endswith("ss") and len(t) > 3:
            t = t[:-1]
        out.append(t)
    return out


def similarity(a: str, b: str) -> float:
    """How well a model's variable text names a mention: 0..1 (characters and shared words, averaged)."""
    ta, tb = _tokens(a), _tokens(b)
    if not ta or not tb:
        return 0.0
    chars = difflib.SequenceMatcher(None, " ".join(ta), " ".join(tb)).ratio()
    sa, sb = set(ta), set(tb)
    words = len(sa & sb) / min(len(sa), len(sb))
    return (chars + words) / 2


MATCH_THRESHOLD = 0.5


def match_variables(cells: Sequence[Sequence[str]], cols: Sequence[Sequence[str]]) -> dict[int, int]:
    """Which candidate variable cell goes to which gold column: {cell index: column index}.

    `cells[i]` are texts naming candidate cell i (its name, description, index members); `cols[j]` the
    mentions of column j. A pair's similarity is the best `similarity` over those texts; the one-to-one
    assignment with the largest total over pairs at or above MATCH_THRESHOLD wins (exhaustively for
    NL4Opt's 2-4 columns, greedily beyond 6). Cells left over are then paired with columns left over
    in order (cell declaration order to column order, which is order of first mention) but only when
    exactly as many of each remain: that catches models that name variables x1, x2 in text order.
    """
    sim = [[max((similarity(t, m) for t in texts for m in mentions), default=0.0) for mentions in cols]
           for texts in cells]
    ok = [[s if s >= MATCH_THRESHOLD else 0.0 for s in r] for r in sim]
    n_cells, n_cols = len(cells), len(cols)
    best: dict[int, int] = {}
    if n_cols <= 6 and n_cells <= 12:
        best_total = 0.0
        options = [None, *range(n_cells)]
        for choice in itertools.product(options, repeat=n_cols):
            used = [c for c in choice if c is not None]
            if len(used) != len(set(used)):
                continue
            total = sum(ok[c][j] for j, c in enumerate(choice) if c is not None)
            if total > best_total + 1e-12:
                best_total = total
                best = {c: j for j, c in enumerate(choice) if c is not None and ok[c][j] > 0}
    else:
        pairs = sorted(((ok[i][j], i, j) for i in range(n_cells) for j in range(n_cols) if ok[i][j] > 0),
                       reverse=True)
        for _, i, j in pairs:
            if i not in best and j not in best.values():
                best[i] = j
    free_cells = [i for i in range(n_cells) if i not in best]
    free_cols = [j for j in range(n_cols) if j not in best.values()]
    if free_cells and len(free_cells) == len(free_cols):
        best.update(zip(free_cells, free_cols, strict=True))
    return best


def cell_texts(gv: Any, model: Any) -> list[str]:
    var = model.variable(gv.name)
    texts = [gv.name, var.description] if var.description else [gv.name]
    if gv.index:
        members = " ".join(str(m) for m in gv.index)
        texts += [members, f"{gv.name} {members}"]
    return [t for t in texts if t]


def canonical_from_model(model: Any, cols: Sequence[Sequence[str]]) -> tuple[Canonical, dict[str, int]]:
    """A candidate model (`modeler.ir.Model`) in canonical form over the gold columns.

    Returns the form and the variable matching ({variable label: column}). Raises the model form's
    own `ModelError` when the model cannot be grounded.
    """
    from modeler.ir.ground import Lin, conjuncts, ground

    gm = ground(model)
    n = len(cols)
    mapping = match_variables([cell_texts(v, model) for v in gm.vars], cols)
    notes: list[str] = []

    def vector(lin: Any) -> list[float] | None:
        vec = [0.0] * n
        for vid, coef in lin.terms.items():
            if coef == 0:
                continue
            if vid not in mapping:
                return None
            vec[mapping[vid]] += coef
        return vec

    objective: tuple[float, ...] | None = None
    if isinstance(gm.objective, Lin):
        vec = vector(gm.objective)
        objective = tuple(vec) if vec is not None else None
        if vec is None:
            notes.append("the objective uses a variable that matches no gold variable")
    elif isinstance(gm.objective, int | float):
        objective = tuple([0.0] * n)
    elif gm.objective is not None:
        notes.append("the objective is not linear")

    rows: list[tuple[float, ...]] = []
    opaque = 0
    for gc in gm.constraints:
        for part in conjuncts(gc.expr):
            if part.op == "const":
                continue
            if part.op != "lin":
                opaque += 1
                notes.append(f"{gc.label} is not a linear comparison")
                continue
            lin, lo, hi = part.args
            vec = vector(lin)
            if vec is None:
                opaque += (lo is not None) + (hi is not None)
                notes.append(f"{gc.label} uses a variable that matches no gold variable")
                continue
            if hi is not None:
                rows.append((*vec, float(hi)))
            if lo is not None and not _is_nonnegativity(vec, lo):
                rows.append((*(-v for v in vec), -float(lo)))
    for v in gm.vars:  # bounds are declarations too in NL4Opt (lowerbound / upperbound)
        if v.type == "binary":
            continue
        j = mapping.get(v.id)
        if v.lb is not None and v.lb > 0:
            if j is None:
                opaque += 1
            else:
                rows.append((*(-1.0 if k == j else 0.0 for k in range(n)), -float(v.lb)))
        if v.ub is not None:
            if j is None:
                opaque += 1
            else:
                rows.append((*(1.0 if k == j else 0.0 for k in range(n)), float(v.ub)))
    labels = {gm.vars[i].label: j for i, j in mapping.items()}
    return Canonical(n, objective, gm.sense, rows, opaque, notes), labels


def _is_nonnegativity(vec: Sequence[float], lo: float) -> bool:
    """`x >= 0` for a single variable: implied in NL4Opt, so not a declaration."""
    nz = [v for v in vec if v != 0]
    return lo == 0 and len(nz) == 1 and nz[0] > 0

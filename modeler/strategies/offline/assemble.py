"""Fill the typed templates and write the model in the five-element form, with what was understood.

Variables are named after their first mention (the scorer and the reader both match by that text),
typed integer when the text counts them ("how many", "number of trucks") and continuous when it
measures them ("kg of flour", "acres", "how much ... invest").
"""

from __future__ import annotations

import re
from typing import Any

from modeler.ir.expr import identifier
from modeler.strategies.offline.classify import ConstraintSpec, Objective
from modeler.strategies.offline.reading import Reading, Variable

_MEASURES = frozenset(
    "kg kilogram kilograms gram grams g mg lb lbs pound pounds ton tons tonne tonnes liter liters litre litres "
    "ml gallon gallons acre acres hectare hectares hour hours minute minutes meter meters feet square cubic "
    "ounce ounces oz cup cups $ dollar dollars percent % amount volume weight units".split())
_MONEY_VERBS = ("invest", "allocate", "spend", "put", "place")


def is_integer(r: Reading, v: Variable) -> bool:
    """Counts of things are integers; measured quantities (kg, acres, dollars invested) are not."""
    text = " ".join(r.words).lower()
    asked = _asked_measure(r)
    if asked is not None:
        return asked
    for pos in v.positions:
        prev = _window(r, pos)
        if any(w in _MEASURES for w in prev):
            return False
    if "how much" in text and "how many" not in text:
        return False
    if any(re.search(rf"\b{verb}", text) for verb in _MONEY_VERBS) and "$" in text and "how many" not in text and not _priced_one(r):
        return False
    return "how many" in text or "number of" in text


# what the question counts when it counts a measure: "How many tonnes / hours / MWh / acres ..."
_ASKED_MEASURES = (_MEASURES - {"units", "amount", "$", "%", "percent", "square", "cubic"}) | frozenset(
    "mwh kwh megawatt-hours kilowatt-hours megawatt kilowatt litre-s km kilometers kilometres miles "
    "hectares tons barrels millilitre millilitres milliliter milliliters".split())
_FRACTIONS_OK = re.compile(r"\bfractions? (?:are |is )?allowed\b|\bfractional amounts\b|\bneed not be whole\b")


def _asked_measure(r: Reading) -> bool | None:
    """Integrality decided once for the problem: continuous (False) when the question counts a measure
    ("How many tonnes should be bought", "How many hours should each line run") or allows fractions;
    None when the question leaves it to each variable's mentions."""
    low = r.low
    if _FRACTIONS_OK.search(" ".join(low)):
        return False
    for k in range(len(low) - 2):
        if low[k] == "how" and low[k + 1] == "many" and (low[k + 2] in _ASKED_MEASURES or _compound_measure(low[k + 2])):
            return False
    return None


def _compound_measure(word: str) -> bool:
    """"instance-hours", "machine-hours", "person-days": a hyphened count of a measure is that measure."""
    parts = word.split("-")
    return len(parts) >= 2 and all(parts) and parts[-1] in _ASKED_MEASURES


# ("thirty thousand dollars to buy laptops": the measure before "to" is what buys them, not their unit)
_WINDOW_STOP = frozenset({",", ";", ".", ":", "and", "or", "while", "but", "to"})


def _window(r: Reading, pos: int) -> list[str]:
    """The three words before a mention, within its clause, less a price of one ("$ 22 per cake",
    "$ 8 each"): a per-item price is evidence of a count, not of a measure."""
    prev = [w.lower() for w in r.words[max(0, pos - 3): pos]]
    cut = max((i + 1 for i, w in enumerate(prev) if w in _WINDOW_STOP), default=0)
    prev = prev[cut:]
    if len(prev) >= 3 and prev[-3] == "$" and prev[-1] in {"per", "each", "a", "every", "for"}:
        prev = prev[-2:]
    return prev


def _priced_one(r: Reading) -> bool:
    """"A TV commercial costs $2,500": a variable priced by the piece, so money spent on it buys counts."""
    for v in r.variables:
        for pos in v.positions:
            if pos == 0 or r.words[pos - 1].lower() not in {"a", "an", "each", "every", "one"}:
                continue
            after = [w.lower() for w in r.words[pos: pos + 7]]
            if any(w in {"costs", "cost"} and nxt == "$" for w, nxt in zip(after, after[1:], strict=False)):
                return True
    return False


def _fmt(x: float) -> str:
    return format(x, ".12g")


def _lin(terms: dict[int, float], names: list[str]) -> str:
    parts: list[str] = []
    for v, c in terms.items():
        if c == 0:
            continue
        term = names[v] if abs(c) == 1 else f"{_fmt(abs(c))} * {names[v]}"
        if not parts:
            parts.append(f"-{term}" if c < 0 else term)
        else:
            parts.append(f"{'-' if c < 0 else '+'} {term}")
    return " ".join(parts) or "0"


def constraint_expr(spec: ConstraintSpec, names: list[str]) -> str:
    op = spec.sense
    everything = " + ".join(names)
    if spec.kind in ("linear", "sum", "upperbound", "lowerbound"):
        return f"{_lin(spec.terms, names)} {op} {_fmt(spec.limit)}"
    if spec.kind == "blend":  # the mix's share of a property: sum p_i x_i (op) q * (x_1 + x_2 + ...)
        return f"{_lin(spec.terms, names)} {op} {_fmt(spec.limit)} * ({everything})"
    if spec.kind == "ratio":
        (v,) = spec.terms
        total = " + ".join(names[k] for k in spec.over) if spec.over else everything
        return f"{names[v]} {op} {_fmt(spec.limit)} * ({total})"
    if spec.kind == "xby":
        return f"{names[spec.x]} {op} {_fmt(spec.param or 1.0)} * {names[spec.y]}"
    if spec.kind == "xy":
        return f"{names[spec.x]} {op} {names[spec.y]}"
    raise ValueError(f"unknown constraint kind {spec.kind!r}")


_WORDS = {
    "upperbound": "an upper bound on one variable", "lowerbound": "a lower bound on one variable",
    "sum": "a limit on the sum of all variables", "linear": "a limit on a weighted sum",
    "ratio": "a limit on a proportion of the total", "xby": "one variable compared with a multiple of another",
    "xy": "one variable compared with another",
    "blend": "a share of a property in the whole mix (a weighted average)",
}


def _says_nonnegative(spec: ConstraintSpec) -> bool:
    """"x1 and x2 are unknown values, each 0 or more": a sum (or a bound) of decisions at least 0 says only what every
    decision's lower bound already says, so the model leaves it out (the reading still counts its number used)."""
    if spec.limit == 0 and spec.kind in {"sum", "upperbound", "lowerbound", "linear"} and _NOT_BELOW_ZERO.search(
            spec.sentence.lower()):
        return True  # ("where neither x1 nor x2 can be less than 0": the same, said with a negation)
    return spec.sense == ">=" and spec.limit == 0 and spec.kind in {"sum", "lowerbound", "linear"} and bool(
        spec.terms) and all(c >= 0 for c in spec.terms.values())


_NOT_BELOW_ZERO = re.compile(r"\b(?:cannot|can't|can not|could not|may not|must not|neither|never|nor|not) (?:[a-z0-9]+ ){0,3}?"
                             r"(?:be |go |fall |drop )?(?:less than|below|lower than|fewer than|under) (?:0|zero)\b(?![.,]\d)")


def build(r: Reading, obj: Objective, specs: list[ConstraintSpec], name: str = "offline") -> tuple[
        dict[str, Any], list[dict[str, Any]]]:
    """The model as a JSON dict (for `Model.from_json`) and the understanding shown to the user."""
    taken: set[str] = set()
    names = [identifier(v.text, taken) for v in r.variables]
    variables: dict[str, Any] = {}
    understanding: list[dict[str, Any]] = []
    for v, n in zip(r.variables, names, strict=True):
        typ = "integer" if is_integer(r, v) else "continuous"
        variables[n] = {"type": typ, "lb": 0, "description": v.text}
        understanding.append({"kind": "variable", "name": n, "mention": v.text, "type": typ,
                              "mentions": sorted(set(v.mentions))})
    model: dict[str, Any] = {
        "name": name,
        "description": "Read from the problem text by the offline modeler.",
        "variables": variables,
        "objective": {"sense": obj.sense, "expr": _lin(obj.terms, names), "description": obj.name},
        "constraints": {},
    }
    understanding.append({"kind": "objective", "sense": obj.sense, "name": obj.name, "type": obj.kind,
                          "expr": model["objective"]["expr"], "sentence": obj.sentence})
    seen: set[str] = set()
    for k, spec in enumerate(specs, start=1):
        expr = constraint_expr(spec, names)
        if expr in seen or _says_nonnegative(spec):
            continue
        seen.add(expr)
        cname = f"c{k}_{spec.kind}"
        words = f"{_WORDS[spec.kind]} ({spec.cue.strip()})" if spec.cue else _WORDS[spec.kind]
        model["constraints"][cname] = {"expr": expr, "description": words}
        understanding.append({"kind": "constraint", "name": cname, "type": spec.kind, "expr": expr,
                              "words": words, "sentence": spec.sentence})
    return model, understanding

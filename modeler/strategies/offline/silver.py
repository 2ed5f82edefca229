"""Silver NER annotations for word problems that carry a gold model but no span labels.

`silver_documents(problems)` turns problems in OptiPilot's JSONL form (``text`` plus a gold ``model``
with named variables and string expressions such as ``"2*birdhouses + spice_racks <= 40"``) into
documents of (words, BIO tags) in NL4Opt's conventions, so the entity tagger can be trained on NL4Opt
plus these texts. Words are `entities.tokenize(text)`, exactly as the tagger sees them.

The tags are derived, not hand-made:

* VAR: every text mention of a gold variable, found by matching the variable name's words to tokens by
  stem (plural, hyphenated forms). A mention is a maximal run of tokens that all belong to one
  variable's name and holds at least one word that names only that variable ("small" for
  small_trucks, never the shared "trucks" alone). Units of measure in a name ("gas_mwh", "line_a_hours")
  are never matched; container words ("trays", "cups") may join a run but never make one alone. A
  bare head word ("buses" for large_buses) counts only where the text never names the variable in
  full; a noun that follows mentions of two or more variables ("VIP tickets", "standard tickets")
  joins their spans, as NL4Opt's VAR spans hold it.
* PARAM / LIMIT: every number literal of the gold objective and constraints gets a role (a literal
  that multiplies or divides a variable is a PARAM; a free constant is a LIMIT; a literal applied to a
  sum of several variables, "0.25*(x + y)", is the share of a share-of-total constraint, a LIMIT as in
  NL4Opt). Each literal is placed on the text numbers with its value ("1,200", "25 %" as 0.25, "$1.2
  million", "twice", "a third"); "%" joins the number's span (NL4Opt's majority convention), "$" and
  "million" stay O. A value that is both a PARAM and a LIMIT is settled per occurrence by nearby cue
  words ("at least", "available" against "each", "per"), else by elimination. Where a variable has no
  written coefficient, a "1" the literals leave untagged is that coefficient ("1 hour of polishing").
  Unit-scaled readings ("9 kilograms" for a limit kept as 9000 g, "50 hours" as 3000 minutes) are
  tried only for a literal the plain readings miss.
* CONST_DIR / OBJ_DIR: from a small lexicon of NL4Opt's usual cue words (`_cue_tags`). OBJ_NAME: the
  shipped tagger's OBJ_NAME spans that hold the objective's word (the word after "maximize"/"minimize"),
  plus that word's other mentions (with no such word: the name word just before the objective's
  coefficients, "costs $ 50"); the lexicon alone without a tagger. On NL4Opt's dev split (tagger
  trained on ner_train only) span F1 against the gold: CONST_DIR 0.888 lexicon / 0.897 tagger, OBJ_DIR
  0.980 / 0.931, OBJ_NAME 0.434 lexicon / 0.495 tagger / 0.521 this combination.

A problem is dropped, with a reason, rather than annotated wrongly: when a gold variable has no mention,
when a number of the model cannot be found in the text, or when a number's role stays ambiguous.

CLI: ``python -m modeler.strategies.offline.silver --data P1.jsonl [P2.jsonl ...] --out FILE`` writes
NL4Opt's column format (``word _ _ TAG``, blank line between documents; `train.read_conll` reads it).
"""

from __future__ import annotations

import argparse
import ast
import json
import math
import re
import sys
from pathlib import Path

from modeler.strategies.offline.entities import (
    EntityModelMissingError,
    EntityTagger,
    spans_from_tags,
    tokenize,
)
from modeler.strategies.offline.words import FRACTIONS, MEASURES, MULTIPLIERS, SPELT, parse_value, stem

Doc = tuple[list[str], list[str]]

# Name words that are units of measure: never a mention of the variable (gas_mwh is "gas").
_UNIT_WORDS = MEASURES | frozenset(
    "hour hr hrs mwh kwh mw kw gwh l lb lbs oz m2 m3 sqft dollar usd eur tonnes".split())
# Containers and counting words: may be part of a mention ("rice bowls") but never a mention alone.
_WEAK_WORDS = frozenset(
    "cup cups can cans tray trays box boxes bag bags bottle bottles batch batches pack packs pallet pallets "
    "load loads serving servings portion portions crate crates unit units type model brand item items "
    "product products plant line fund shift shifts session sessions trip trips run runs".split())
# verbs that follow a variable's name ("Gas costs $45"): never part of its mention (plural-stemmed)
_VERBS = frozenset(
    "cost earn need take use give hold carry require produce make sell contain yield bring generate "
    "deliver collect serve seat weigh run return pay get has have is are can must will should may might "
    "reach emit burn provide supply consume occupy cover clear treat process feed last let sit fit go "
    "come add want offer seem look move ship pack fill stock sold made worth consist net using "
    "mean include".split())
# words whose following capital letter names something other than a variable ("vitamin C")
_LETTER_NAMERS = frozenset("vitamin vitamins grade hepatitis class".split())
_F_PLURALS = frozenset("shelf bookshelf loaf half leaf calf wolf knife scarf wharf hoof thief".split())
_STOP = frozenset("a an the of to in on for and or by with at from per each that which who where while".split())
# "9 kilograms" of a limit the model keeps in grams, "50 hours" of one kept in minutes
_UNIT_SCALE = {**dict.fromkeys("kilograms kilogram kg litres liters litre liter tonnes tonne tons ton".split(), 1000.0),
               **dict.fromkeys("hours hour".split(), 60.0)}
_ONES = frozenset("one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
                  "sixteen seventeen eighteen nineteen".split())
_UNIT_FACTORS = frozenset(_UNIT_SCALE.values())
_SCALE_AFTER = {"thousand": 1e3, "million": 1e6, "billion": 1e9}
_PERCENT = frozenset({"%", "percent"})

# Cue words (NL4Opt's most frequent CONST_DIR / OBJ_DIR / OBJ_NAME spans), longest first.
_CONST_PHRASES = sorted((tuple(p.split()) for p in (
    "at least", "at most", "at the most", "no more than", "no less than", "no fewer than", "not more than",
    "go beyond", "not go beyond",
    "not less than", "up to", "can not exceed", "cannot exceed", "must not exceed", "does not exceed",
    "do not exceed", "should not exceed", "not exceed", "not to exceed", "exceed", "available", "budget",
    "minimum", "maximum", "more than", "less than", "fewer than")), key=len, reverse=True)
_OBJ_DIR_WORDS = frozenset(
    "maximize maximise minimize minimise maximizing maximising minimizing minimising maximized maximised "
    "minimized minimised maximizes minimizes".split())
_OBJ_DIR_ADJ = frozenset("maximum minimum lowest highest minimal maximal".split())
_OBJ_NAMES = frozenset(
    "profit profits cost costs revenue revenues return returns earnings earning earn earns income "
    "expense expenses expenditure spending".split())
_OBJ_SKIP = frozenset("the its their his her our your my total daily weekly monthly yearly annual overall net expected "
                      "combined".split())
# "machine 1", "line 1": a 1 that names, not counts
_NAMING = frozenset("machine machines line lines plant plants phase type route level stage grade model product "
                    "mine site zone step option no number warehouse factory center centre shift".split())
_GENERIC_OBJ = frozenset("number amount total how it its this that".split())
_LIMIT_CUES = frozenset("least most exceed exceeds up maximum minimum max min available budget limit limited "
                        "than only total capacity".split())
_PARAM_CUES = frozenset("each per every times as".split())


class SilverError(ValueError):
    """A problem whose silver annotation would be unreliable (the message says why)."""


# ------------------------------------------------------------------------------------ numbers of a model
def _literals(expr: str) -> list[tuple[float, str, bool]]:
    """(value, role, is_divisor) of each number literal in a gold expression; role PARAM or LIMIT."""
    tree = ast.parse(expr, mode="eval").body
    out: list[tuple[float, str, bool]] = []

    def has_var(n: ast.AST) -> bool:
        return any(isinstance(x, ast.Name) for x in ast.walk(n))

    def n_vars(n: ast.AST) -> int:
        return len({x.id for x in ast.walk(n) if isinstance(x, ast.Name)})

    def walk(n: ast.AST, role: str | None, div: bool = False) -> None:
        if isinstance(n, ast.Constant) and isinstance(n.value, (int, float)):
            out.append((float(n.value), role or "LIMIT", div))
        elif isinstance(n, ast.Compare):
            for side in (n.left, *n.comparators):
                walk(side, None)
        elif (isinstance(n, ast.BinOp) and isinstance(n.op, ast.Mult) and not has_var(n)
              and _folded(n) is not None):
            out.append((_folded(n), role or "LIMIT", div))  # "40*60": 40 hours kept as minutes
        elif isinstance(n, ast.BinOp) and isinstance(n.op, (ast.Mult, ast.Div)):
            lv, rv = has_var(n.left), has_var(n.right)
            if lv != rv:
                var_side, num_side = (n.left, n.right) if lv else (n.right, n.left)
                share = isinstance(var_side, ast.BinOp) and n_vars(var_side) >= 2
                walk(var_side, role)
                walk(num_side, role or ("LIMIT" if share else "PARAM"),
                     div=isinstance(n.op, ast.Div) and num_side is n.right)
            else:
                walk(n.left, role, div)
                walk(n.right, role, div)
        elif isinstance(n, ast.BinOp):
            walk(n.left, role, div)
            walk(n.right, role, div)
        elif isinstance(n, ast.UnaryOp):
            walk(n.operand, role, div)
        elif not isinstance(n, ast.Name):
            raise SilverError(f"cannot read expression {expr!r}")

    walk(tree, None)
    return [t for t in out if t[0] != 0]


def _folded(n: ast.BinOp) -> float | None:
    """The value of a product of two number literals one of which is a unit factor ("40*60" of hours
    kept as minutes, "12*1000" of kilograms kept as grams); None for any other product."""
    if not all(isinstance(x, ast.Constant) and isinstance(x.value, (int, float)) for x in (n.left, n.right)):
        return None
    a, b = float(n.left.value), float(n.right.value)
    if b in _UNIT_FACTORS or a in _UNIT_FACTORS:
        return a * b
    return None


def _implicit_one(expr: str) -> bool:
    """Whether some variable of the expression stands without a coefficient ("x + 2*y <= 40")."""
    tree = ast.parse(expr, mode="eval").body
    for n in ast.walk(tree):
        kids: list[ast.AST] = []
        if isinstance(n, ast.Compare):
            sides = [n.left, *n.comparators]
            if sum(any(isinstance(x, ast.Name) for x in ast.walk(k)) for k in sides) >= 2:
                kids = sides  # "4*doctors >= nurses"; not a bound "x >= 20", whose 1 the text never says
        elif isinstance(n, ast.BinOp) and isinstance(n.op, (ast.Add, ast.Sub)):
            kids = [n.left, n.right]
        elif isinstance(n, ast.UnaryOp):
            kids = [n.operand]
        if any(isinstance(k, ast.Name) for k in kids):
            return True
    return False


def _model_literals(model: dict) -> list[tuple[float, str, bool]]:
    exprs = [model["objective"]["expr"], *(c["expr"] for c in model.get("constraints", {}).values())]
    lits = [lit for e in exprs for lit in _literals(e)]
    for spec in model.get("variables", {}).values():
        for key in ("lb", "ub"):
            v = spec.get(key)
            if v not in (None, 0) and not (isinstance(v, float) and math.isinf(v)):
                lits.append((float(v), "LIMIT", False))
    return lits


def _close(a: float, b: float) -> bool:
    return math.isclose(a, b, rel_tol=1e-6, abs_tol=1e-9)


def _text_values(words: list[str], i: int) -> tuple[list[float], int]:
    """Values the number word at i may stand for, and the length of its span (2 with "%")."""
    first, second, n = _text_readings(words, i)
    return first + second, n


def _text_readings(words: list[str], i: int) -> tuple[list[float], list[float], int]:
    """The number word at i read as values: the likely readings, the less likely ones ("25 %" as 25,
    "9 kilograms" as 9000 of a limit kept in grams; tried only for a literal the likely ones miss), and
    the length of its span (2 with "%")."""
    w, lw = words[i], words[i].lower()
    nxt = words[i + 1].lower() if i + 1 < len(words) else ""
    m = re.fullmatch(r"(\d+(?:,\d{3})*(?:\.\d+)?)-[a-z]+", w)
    if m:  # "100-tonne", "90,000-word": the number of a compound, the whole token its span
        return [float(m.group(1).replace(",", ""))], [], 1
    if re.fullmatch(r"\d+(?:,\d{3})*(?:\.\d+)?|\d*\.\d+", w):
        v = float(w.replace(",", ""))
        if nxt in _PERCENT:
            return [v / 100], [v], 2
        if nxt in _SCALE_AFTER:
            return [v * _SCALE_AFTER[nxt], v], [], 1
        if nxt in {"cent", "cents"}:
            return [v / 100, v], [], 1
        if nxt in _UNIT_SCALE:
            return [v], [v * _UNIT_SCALE[nxt]], 1
        return [v], [], 1
    if lw in MULTIPLIERS:
        return [MULTIPLIERS[lw]], [], 1
    if lw in FRACTIONS:
        return [FRACTIONS[lw]], [], 1
    if _cardinal(lw):
        n = _spelt_length(words, i)
        v = parse_value(" ".join(words[i:i + n]).lower())
        if v is None:
            return [], [], 0
        nxt = words[i + n].lower() if i + n < len(words) else ""
        if nxt in _PERCENT:
            return [v / 100], [], n + 1
        if nxt in _UNIT_SCALE:
            return [v], [v * _UNIT_SCALE[nxt]], n
        return [v], [], n
    return [], [], 0


def _spelt_length(words: list[str], i: int) -> int:
    """Tokens of the spelt-out number starting at i: 1 for "four", 3 for "Two hundred forty", 2 for
    "thirty thousand" (NL4Opt tags such a number as one span)."""
    j = i + 1
    while j < len(words):
        lw = words[j].lower()
        if lw == "and" and j + 1 < len(words) and _cardinal(words[j + 1].lower()) and \
                words[j - 1].lower() in {"hundred", "thousand"}:
            j += 2
        elif _cardinal(lw) and not (lw in _ONES and words[j - 1].lower() in _ONES):
            j += 1  # "two three" are two numbers, "twenty five" / "two hundred" one
        else:
            break
    return j - i


def _cardinal(word: str) -> bool:
    """A spelt-out cardinal: "four", "seventy", "twenty-five"."""
    parts = _token_parts(word)
    return bool(parts) and all(p in SPELT for p in parts) and parts != ["zero"]


def _place_numbers(words: list[str], tags: list[str], lits: list[tuple[float, str, bool]],
                   implicit_one: bool = False) -> None:
    """Tag the text numbers of the model's literals PARAM / LIMIT in place (SilverError if unsure).
    With `implicit_one` (a variable of the model has no written coefficient), a "1" the literals leave
    untagged is that coefficient: PARAM ("1 hour of polishing")."""
    cands: list[tuple[int, list[float], list[float], int]] = []
    i = 0
    while i < len(words):
        if tags[i] != "O":
            i += 1
            continue
        first, second, n = _text_readings(words, i)
        if first or second:
            cands.append((i, first, second, n))
        i += max(n, 1) if _cardinal(words[i].lower()) else 1  # "Two hundred forty": one number
    digit_vals = [v for i, vals, _, _ in cands if words[i][0].isdigit() for v in vals]
    first_end = next((i for i, w in enumerate(words) if w in {".", "?", "!"}), len(words))
    claims: dict[int, set[str]] = {}
    found: list[tuple[str, list[int], bool]] = []  # (role, occurrences, found through a unit only)
    for value, role, div in lits:
        wanted = [value, 1 / value] if div else [value]
        hits: list[int] = []
        fallback: list[int] = []
        for i, vals, second, n in cands:
            lw = words[i].lower()
            if _cardinal(lw) and not (n >= 2 and any(x >= 100 for x in vals)):  # "thirty thousand" counts
                # "two products": a spelt-out cardinal counts after a limit cue ("a minimum of four"),
                # before "times", or where no digit has its value and it is not in the opening sentence
                nxt = words[i + 1].lower() if i + 1 < len(words) else ""
                cued = bool({w.lower() for w in words[max(0, i - 3):i]} & _LIMIT_CUES)
                if not (cued or nxt == "times" or (
                        i > first_end and not any(_close(v, x) for v in wanted for x in digit_vals))):
                    continue
            if any(_close(v, x) for v in wanted for x in vals):
                hits.append(i)
            elif any(_close(v, x) for v in wanted for x in second):
                fallback.append(i)
        by_unit = not hits
        hits = hits or fallback
        if div:  # "/3" of a share: "one third" rather than a "3" that counts something else
            parts = [i for i in hits if words[i].lower() in FRACTIONS]
            hits = parts or hits
        if not hits:
            raise SilverError(f"number {value:g} ({role}) not found in the text")
        found.append((role, hits, by_unit))
    # a number read through its unit ("30 hours" as 1800 minutes) is that literal's alone; a plain literal
    # of the same face value ("30 minutes on the wheel") keeps its other occurrences
    scaled = {i for _, hits, by_unit in found if by_unit for i in hits}
    for role, hits, by_unit in found:
        own = hits if by_unit else [i for i in hits if i not in scaled] or hits
        for i in own:
            claims.setdefault(i, set()).add(role)
    need: dict[float, set[str]] = {}
    for value, role, _ in lits:
        need.setdefault(value, set()).add(role)
    spans = {i: n for i, _, _, n in cands}
    role_of = {i: next(iter(r)) if len(r) == 1 else _cue_role(words, i) for i, r in claims.items()}
    # a value used as both whose cued occurrences cover one role: its uncued occurrences take the other
    for i, r in claims.items():
        if role_of[i] is None:
            same = [j for j in claims if claims[j] == r and _same_value(words, i, j)]
            covered = {role_of[j] for j in same} - {None}
            if len(covered) == 1:
                role_of[i] = next(iter(r - covered))
    for i in sorted(claims):
        role = role_of[i]
        if role is None:
            raise SilverError(f"number {words[i]} is both a coefficient and a limit; its cues do not say which")
        tags[i] = f"B-{role}"
        for j in range(i + 1, i + spans[i]):
            tags[j] = f"I-{role}"
    if implicit_one:
        for i, _, _, n in cands:
            prev = words[i - 1] if i > 0 else "."
            if (words[i] == "1" and tags[i] == "O" and n == 1 and prev.lower() not in _NAMING
                    and not (prev[:1].isupper() and prev.isalpha() and i > 1 and words[i - 2] not in ".?!")):
                tags[i] = "B-PARAM"
    for value, roles in need.items():
        for role in roles:
            if not any(t == f"B-{role}" and _close_any(words, i, value) for i, t in enumerate(tags)):
                raise SilverError(f"number {value:g} has no {role} occurrence in the text")


def _same_value(words: list[str], i: int, j: int) -> bool:
    return any(_close(a, b) for a in _text_values(words, i)[0] for b in _text_values(words, j)[0])


def _close_any(words: list[str], i: int, value: float) -> bool:
    vals, _ = _text_values(words, i)
    return any(_close(value, v) or _close(1 / value, v) for v in vals)


def _sentence(words: list[str], i: int) -> tuple[int, int]:
    s = i
    while s > 0 and words[s - 1] not in {".", "?", "!", ";"}:
        s -= 1
    e = i
    while e < len(words) and words[e] not in {".", "?", "!", ";"}:
        e += 1
    return s, e


def _cue_role(words: list[str], i: int) -> str | None:
    """LIMIT or PARAM for a number used as both, from the cue words just before / after it."""
    s, e = _sentence(words, i)
    before = {w.lower() for w in words[max(s, i - 4):i]}
    after = {w.lower() for w in words[i + 1:min(e, i + 4)]}
    if i + 1 < len(words) and words[i + 1].lower() == "times":
        return "PARAM"  # "at least 3 times the number of ...": a ratio's factor
    limit = bool(before & _LIMIT_CUES) or bool(after & {"available", "budget", "total"})
    param = bool((before | after) & _PARAM_CUES)
    if limit != param:
        return "LIMIT" if limit else "PARAM"
    return None


# ------------------------------------------------------------------------------------ variable mentions
def _name_words(name: str) -> list[str]:
    """"line1_hours" -> ["line", "1", "hours"]; "spiceRacks" -> ["spice", "racks"]."""
    name = re.sub(r"([a-z])([A-Z])", r"\1_\2", name)
    name = re.sub(r"([A-Za-z])(\d)|(\d)([A-Za-z])", lambda m: "_".join(g for g in m.groups() if g), name)
    return [w.lower() for w in re.split(r"[_\W]+", name) if w]


def _norm(word: str) -> str:
    """A plural-only stem with a final "e" off, so "lecture" meets "lectures" and "potato" "potatoes"
    (not `words.stem`, whose -ing/-ed rules make "nursing" meet "nurses")."""
    w = word.lower()
    if w.endswith("ie") and len(w) > 4:
        w = w[:-2] + "y"  # "cookie" meets "cookies"
    elif w.endswith("ies") and len(w) > 4:
        w = w[:-3] + "y"
    elif w.endswith(("ches", "shes", "sses", "xes")) and len(w) > 4:
        w = w[:-2]
    elif w.endswith("ves") and len(w) > 4 and w[:-3] + "f" in _F_PLURALS:
        w = w[:-3] + "f"
    elif w.endswith("s") and not w.endswith(("ss", "us", "is")) and len(w) >= 3:
        w = w[:-1]
    return w[:-1] if w.endswith("e") and len(w) > 3 else w


def _named_runs(words: list[str], runs: list[tuple[int, int, str]], core: set[str], units: set[str],
                name: list[str]) -> list[tuple[int, int, str]]:
    """A variable's runs less those of its head word alone ("buses" for large_buses, "bins" for
    wheelie_bins) where the text names it in full elsewhere: the bare head is then the generic word."""
    kept = [w for w in name if w not in _UNIT_WORDS] or name
    if len(kept) < 2:
        return runs
    head = _norm(kept[-1])
    if len(head) <= 2 or head.isdigit():
        return runs  # drink_a, route_1: the last word is the identifier itself

    def head_only(a: int, b: int) -> bool:
        return all(_norm(p) in {head} | units or _stopword(p) for w in words[a:b] for p in _token_parts(w))

    full = [r for r in runs if not head_only(r[0], r[1])]
    return full if full else runs


def _other_senses(words: list[str], runs: list[tuple[int, int, str]], core: dict[str, set[str]],
                  names: dict[str, list[str]]) -> list[tuple[int, int, str]]:
    """Runs less a variable's word in another sense: "soy wax" for soy_candles, whose text says "soy
    candles" elsewhere (a run without the name's head word, followed by a noun not of the name)."""
    verbs = {_norm(v) for v in _VERBS}
    drop = set()
    grow: dict[tuple[int, int, str], tuple[int, int, str]] = {}
    for v, ws in names.items():
        kept = [w for w in ws if w not in _UNIT_WORDS]
        if len(kept) < 2 or len(kept[-1]) <= 2 or kept[-1].isdigit() or kept[-1] in _WEAK_WORDS:
            continue
        head = _norm(kept[-1])
        mine = [r for r in runs if r[2] == v]
        if not any(head in {_norm(w) for w in words[a:b]} for a, b, _ in mine):
            continue
        for r in mine:
            a, b, _ = r
            nxt = words[b] if b < len(words) else "."
            x = _norm(nxt)
            if (head not in {_norm(w) for w in words[a:b]} and nxt.isalpha() and nxt.islower()
                    and not _stopword(nxt) and nxt != "a" and x not in verbs and x not in core[v]
                    and not nxt.endswith(("ed", "ing")) and x not in _WEAK_WORDS and x not in {"one", "ones"}):
                if b + 1 < len(words) and _norm(words[b + 1]) == head:
                    grow[r] = (a, b + 2, v)  # "lithium battery packs", "large bronze bells": one mention
                else:
                    drop.add(r)
    return [grow.get(r, r) for r in runs if r not in drop]


def _with_class_nouns(words: list[str], runs: list[tuple[int, int, str]], core: dict[str, set[str]],
                      units: set[str]) -> list[tuple[int, int, str]]:
    """Runs extended by the noun that follows mentions of two or more variables ("VIP tickets" and
    "standard tickets", "North ore" and "South ore"): NL4Opt's VAR spans hold that noun."""
    def noun(i: int) -> str | None:
        if i >= len(words):
            return None
        w = words[i]
        x = _norm(w)
        if not w.isalpha() or not w.islower() or _stopword(w) or w == "a" or x in units or x in verbs:
            return None
        if any(x in c for c in core.values()):
            return None
        return x

    verbs = {_norm(v) for v in _VERBS}
    followers: dict[str, set[str]] = {}
    verbal: set[str] = set()
    for _, b, v in runs:
        x = noun(b)
        if x is not None:
            followers.setdefault(x, set()).add(v)
            after = words[b + 1].lower() if b + 1 < len(words) else "."
            if after in {"$", "a", "an", "the", "up", "for", "about", "only"} or after[0].isdigit() or _cardinal(after):
                verbal.add(x)  # "a panel produces 400 kWh": a verb, not a class noun
    shared = {x for x, vs in followers.items() if len(vs) >= 2 and x not in verbal}
    # a variable's own head noun: the word after most of its mentions, at least twice ("express
    # courier", "savings bond" where the name is only "express", "savings")
    own: set[tuple[str, str]] = set()
    for v in {v for _, _, v in runs}:
        mine = [noun(b) for _, b, u in runs if u == v]
        for x in {x for x in mine if x is not None and x not in verbal}:
            if mine.count(x) >= 2 and 2 * mine.count(x) >= len(mine):
                own.add((v, x))
    return [(a, b + 1, v) if noun(b) in shared or (v, noun(b)) in own else (a, b, v) for a, b, v in runs]


def _token_parts(tok: str) -> list[str]:
    return [p for p in tok.lower().split("-") if p]


def _stopword(w: str) -> bool:
    return len(w) > 1 and w.lower() in _STOP


def _mark_variables(words: list[str], tags: list[str], variables: list[str]) -> None:
    """Tag VAR on the mentions of each variable (SilverError if one has none)."""
    names = {v: _name_words(v) for v in variables}

    def cores(with_units: set[str]) -> dict[str, set[str]]:
        return {v: {_norm(w) for w in ws if v in with_units or w not in _UNIT_WORDS} or {_norm(w) for w in ws}
                for v, ws in names.items()}

    def strong_sets(core: dict[str, set[str]]) -> dict[str, set[str]]:
        out = {}
        for v in variables:
            others = set().union(*(core[u] for u in variables if u != v))
            dist = {w for w in core[v] - others if not _stopword(w)}
            out[v] = {w for w in dist if w not in _WEAK_WORDS} or dist
        return out

    core = cores(set())
    strong = strong_sets(core)
    # a unit word is kept where it alone tells two variables apart (day_shifts / night_shifts)
    needs_units = {v for v in variables if not strong[v]}
    if needs_units:
        core = cores(needs_units)
        strong = strong_sets(core)
    units = {_norm(w) for w in _UNIT_WORDS}
    joined = {v: {_norm("".join(ws[a:b])) for a in range(len(ws)) for b in range(a + 1, len(ws) + 1)}
              for v, ws in names.items()}

    def sentence_initial(i: int) -> bool:
        return i == 0 or words[i - 1] in {".", "?", "!", ":", ";", '"', "("}

    def match(i: int, v: str, prefix: bool) -> tuple[bool, bool]:
        """(token i belongs to v's name, token i names v alone)."""
        tok = words[i]
        parts = _token_parts(tok)
        if not parts:
            return False, False
        if len(tok) == 1 and tok.isalpha() and (tok.islower() or sentence_initial(i)
                                                 or words[i - 1].lower() in _LETTER_NAMERS):
            return False, False  # "a" the article, "A" opening a sentence, "vitamin C"
        if len(parts) > 1 and _norm(tok.replace("-", "")) in joined[v]:
            return True, True  # "e-readers" for ereaders, "in-person" for in_person
        stems = [_norm(p) for p in parts]
        if len(parts) > 1 and any(x in strong[v] and x not in units for x in stems) and not any(
                x in core[u] for x in stems for u in variables if u != v) and all(
                len(x) >= 3 for x in stems) and not any(
                _norm(tok.replace("-", "")) in joined[u] for u in variables if u != v):
            return True, True  # "native-speaker" for native: a compound holding v's own word
        ok = [s in core[v] or (prefix and any(len(c) >= 3 and s.startswith(c) and len(s) >= len(c) + 2
                                              for c in strong[v]))
              for s in stems]
        if not all(ok):
            return False, False
        is_strong = any(s in strong[v] and s not in units for s in stems) or (
            prefix and not any(s in core[v] for s in stems))
        if tok.isdigit() or _cardinal(tok.lower()):
            is_strong = False  # a number names a variable only beside its word ("Route 1", not "one")
        return True, is_strong

    def runs_of(v: str, prefix: bool) -> list[tuple[int, int, str]]:
        runs = []
        i = 0
        while i < len(words):
            if not match(i, v, prefix)[0]:
                i += 1
                continue
            j = i
            while j < len(words) and match(j, v, prefix)[0]:
                j += 1
            a, b = i, j
            while a < b and (_stopword(words[a]) or words[a] == "a"):
                a += 1
            while b > a and (_stopword(words[b - 1]) or words[b - 1] == "a"):
                b -= 1
            toks = [_norm(w) for w in words[a:b]]
            flags = [match(k, v, prefix)[1] for k in range(a, b)]
            # a digit or a unit word names a variable only together with another word of its name
            paired = b - a >= 2 and any(t in strong[v] for t in toks) and any(
                t in core[v] and t not in units and not t.isdigit() for t in toks)
            if any(flags) or paired:
                runs.append((a, b, v))
            i = j
        return runs

    runs = [r for v in variables for r in _named_runs(words, runs_of(v, False), core[v], units, names[v])]
    have = {v for _, _, v in runs}
    runs += [r for v in variables if v not in have for r in runs_of(v, True)]  # "veg" for "vegetarian"
    runs = _other_senses(words, runs, core, names)
    runs = _with_class_nouns(words, runs, core, units)
    # overlapping runs of different variables: neither is trusted
    bad = {k for k, (a, b, v) in enumerate(runs) for (c, d, u) in runs if u != v and a < d and c < b}
    found: set[str] = set()
    for k, (a, b, v) in enumerate(runs):
        if k in bad:
            continue
        tags[a] = "B-VAR"
        for x in range(a + 1, b):
            tags[x] = "I-VAR"
        found.add(v)
    missing = [v for v in variables if v not in found]
    for v in list(missing):  # "cd" for "certificate of deposit": the initials of a run of words
        short = names[v][0] if len(names[v]) == 1 and 2 <= len(names[v][0]) <= 4 else None
        for a, b in _initials(words, short) if short else []:
            if all(t == "O" for t in tags[a:b]):
                tags[a] = "B-VAR"
                for x in range(a + 1, b):
                    tags[x] = "I-VAR"
                if v in missing:
                    missing.remove(v)
    if missing:
        raise SilverError(f"no mention found for variable(s) {', '.join(missing)}")


def _initials(words: list[str], short: str) -> list[tuple[int, int]]:
    """Runs of words whose initials (inner "of" / "and" skipped) spell `short`: "certificate of deposit"
    for "cd"; an all-capital token equal to it ("CD", "ETF") too."""
    out = []
    for a in range(len(words)):
        if words[a].upper() == short.upper() and words[a].isupper() and len(words[a]) >= 2:
            out.append((a, a + 1))
            continue
        k, b = 0, a
        while b < len(words) and k < len(short):
            w = words[b].lower()
            if b > a and w in {"of", "and"}:
                b += 1
                continue
            if not w.isalpha() or w[0] != short[k] or _stopword(w) or len(w) < 3:
                break
            k, b = k + 1, b + 1
        if k == len(short):
            out.append((a, b))
    return out


# ------------------------------------------------------------------------------------ cue words
def _crf_obj_names(words: list[str], tags: list[str], predicted: list[str], anchor: str | None = None) -> None:
    """OBJ_NAME spans of a tagger's prediction, put on words still O (the rest of the prediction unused);
    with an `anchor` (the stem of the objective's name), only spans holding it."""
    ends = [k for k, w in enumerate(words) if w in {".", "?", "!"}]
    last = ends[-2] + 1 if len(ends) >= 2 and ends[-1] == len(words) - 1 else (ends[-1] + 1 if ends else 0)
    for sp in spans_from_tags(words, predicted):
        if anchor is not None and not any(stem(w.lower()) == anchor for w in words[sp.start:sp.end]):
            continue
        if anchor is None:  # no objective word found: only the goal's own sentence is trusted
            a, b = _sentence(words, sp.start)
            if a < last and not any(t == "B-OBJ_DIR" for t in tags[a:b]):
                continue
        if sp.label == "OBJ_NAME" and all(t == "O" for t in tags[sp.start:sp.end]):
            tags[sp.start] = "B-OBJ_NAME"
            for x in range(sp.start + 1, sp.end):
                tags[x] = "I-OBJ_NAME"


def _cue_tags(words: list[str], tags: list[str], obj_names: bool = True) -> str | None:
    """CONST_DIR, OBJ_DIR and (unless `obj_names` is False) OBJ_NAME on O words, by NL4Opt's most
    frequent cue words; returns the stem of the objective's name (the word after "maximize"), if any."""
    lower = [w.lower() for w in words]
    n = len(words)

    def free(a: int, b: int) -> bool:
        return all(t == "O" for t in tags[a:b])

    def put(a: int, b: int, label: str) -> None:
        tags[a] = f"B-{label}"
        for x in range(a + 1, b):
            tags[x] = f"I-{label}"

    # the objective: a maximize/minimize word (or "maximum profit") and the name right after it
    obj_name: str | None = None
    for i, w in enumerate(lower):
        if w in _OBJ_DIR_WORDS or w in _OBJ_DIR_ADJ:
            j = i + 1
            while j < n and j < i + 5 and lower[j] in _OBJ_SKIP:
                j += 1
            if j < n and lower[j] in _OBJ_NAMES:
                obj_name = stem(lower[j])
                if free(i, i + 1):
                    put(i, i + 1, "OBJ_DIR")
            elif w in _OBJ_DIR_WORDS and free(i, i + 1):
                put(i, i + 1, "OBJ_DIR")
                # "minimize the shipping cost": a name word close after it; "minimize the sugar
                # intake": else the first content word
                near = next((k for k in range(j, min(n, j + 3)) if lower[k] in _OBJ_NAMES), None)
                if obj_name is None and near is not None:
                    obj_name = stem(lower[near])
                elif (obj_name is None and j < n and words[j].isalpha() and tags[j] == "O"
                        and not _stopword(words[j]) and lower[j] not in _GENERIC_OBJ):
                    obj_name = stem(lower[j])
    if obj_name is not None and obj_names:
        for i, w in enumerate(lower):
            if stem(w) == obj_name and free(i, i + 1):
                put(i, i + 1, "OBJ_NAME")
    i = 0
    while i < n:
        for p in _CONST_PHRASES:
            if tuple(lower[i:i + len(p)]) == p and free(i, i + len(p)):
                k = i + len(p) + (1 if i + len(p) < n and words[i + len(p)] == "$" else 0)
                if p == ("up", "to") and k < n and tags[k] == "B-PARAM":
                    break  # "holds up to 15 kg": a coefficient's wording, not a constraint's direction
                put(i, i + len(p), "CONST_DIR")
                i += len(p) - 1
                break
        i += 1
    return obj_name


# ------------------------------------------------------------------------------------ documents
def silver_document(problem: dict, tagger: EntityTagger | None = None) -> Doc:
    """(words, BIO tags) of one problem; SilverError when its annotation would be unreliable.

    With a `tagger`, OBJ_NAME comes from its prediction (only that label, only on words still O, only
    spans holding the objective's word where the lexicon finds one) plus the lexicon's mentions of that
    word; without, from the lexicon alone (see the module doc for the check on NL4Opt dev).
    """
    text, model = problem["text"], problem["model"]
    words = [t.text for t in tokenize(text)]
    tags = ["O"] * len(words)
    _mark_variables(words, tags, list(model["variables"]))
    exprs = [model["objective"]["expr"], *(c["expr"] for c in model.get("constraints", {}).values())]
    _place_numbers(words, tags, _model_literals(model), any(_implicit_one(e) for e in exprs))
    anchor = _cue_tags(words, tags, obj_names=tagger is None)
    if anchor is None:  # "What is the cheapest mix?": the word before the objective's coefficients
        anchor = _anchor_from_objective(words, tags, model["objective"]["expr"])
        if anchor is not None and tagger is None:
            for i, w in enumerate(words):
                if tags[i] == "O" and stem(w.lower()) == anchor:
                    tags[i] = "B-OBJ_NAME"
    if tagger is not None:
        _crf_obj_names(words, tags, tagger.tag(words), anchor)
        for i, w in enumerate(words):  # the objective's other mentions the tagger left O
            if anchor is not None and tags[i] == "O" and stem(w.lower()) == anchor:
                tags[i] = "B-OBJ_NAME"
    return words, tags


def _anchor_from_objective(words: list[str], tags: list[str], objective: str) -> str | None:
    """The objective's name where no "maximize"/"minimize" gives it: the name word ("costs", "earns")
    most often just before the text's objective coefficients ("costs $ 50")."""
    values = [v for v, role, _ in _literals(objective) if role == "PARAM"]
    seen: dict[str, int] = {}
    for i, t in enumerate(tags):
        if t != "B-PARAM" or not any(_close_any(words, i, v) for v in values):
            continue
        for j in range(max(0, i - 3), i):
            if words[j].lower() in _OBJ_NAMES and tags[j] == "O":
                x = stem(words[j].lower())
                seen[x] = seen.get(x, 0) + 1
    return max(seen, key=lambda x: seen[x]) if seen else None


def shipped_tagger() -> EntityTagger | None:
    """The shipped entity tagger, or None where it has not been trained."""
    try:
        return EntityTagger()
    except EntityModelMissingError:
        return None


def silver_documents(problems: list[dict], tagger: EntityTagger | None | str = "shipped"
                     ) -> tuple[list[Doc], list[dict]]:
    """Silver documents of the problems that can be annotated, and one record per dropped problem
    ({"id", "reason"}). `tagger`: "shipped" (default) takes OBJ_NAME from the shipped tagger when it
    exists, an EntityTagger from that one, None from the lexicon alone."""
    if tagger == "shipped":
        tagger = shipped_tagger()
    assert tagger is None or isinstance(tagger, EntityTagger)
    docs: list[Doc] = []
    dropped: list[dict] = []
    for k, p in enumerate(problems):
        try:
            docs.append(silver_document(p, tagger))
        except (SilverError, SyntaxError, KeyError, ZeroDivisionError) as e:
            dropped.append({"id": p.get("id", k), "reason": f"{type(e).__name__}: {e}"})
    return docs, dropped


def write_conll(docs: list[Doc], path: Path) -> None:
    """Write documents in NL4Opt's NER format (word, _, _, tag; a blank line between documents)."""
    lines = ["-DOCSTART-\t_\t_\tO", ""]
    for words, tags in docs:
        lines.extend(f"{w}\t_\t_\t{t}" for w, t in zip(words, tags, strict=True))
        lines.append("")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def read_problems(paths: list[Path], required: tuple[str, ...] = ()) -> list[dict]:
    """The problems of JSONL files, one object per line; ValueError names the file and line of one that is
    not a JSON object or lacks a `required` field."""
    out: list[dict] = []
    for p in paths:
        for n, line in enumerate(p.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip():
                continue
            try:
                problem = json.loads(line)
            except json.JSONDecodeError as e:
                raise ValueError(f"{p}:{n}: not JSON ({e.msg})") from e
            if not isinstance(problem, dict):
                raise ValueError(f"{p}:{n}: not a JSON object")
            missing = [k for k in required if k not in problem]
            if missing:
                raise ValueError(f"{p}:{n}: missing {', '.join(missing)}")
            out.append(problem)
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, nargs="+", required=True, help="problem files (JSONL with text and model)")
    ap.add_argument("--out", type=Path, required=True, help="NER file to write (NL4Opt's format)")
    ap.add_argument("--verbose", action="store_true", help="print each dropped problem's reason")
    ap.add_argument("--lexicon-only", action="store_true", help="OBJ_NAME from the lexicon, not the shipped tagger")
    args = ap.parse_args(argv)
    try:
        problems = read_problems(args.data)
    except (OSError, ValueError) as e:
        print(f"error: {e}", file=sys.stderr)
        return 2
    docs, dropped = silver_documents(problems, None if args.lexicon_only else "shipped")
    write_conll(docs, args.out)
    print(f"kept {len(docs)} documents, dropped {len(dropped)}; wrote {args.out}")
    if args.verbose:
        for d in dropped:
            print(f"  dropped {d['id']}: {d['reason']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Which template a LIMIT that names no one variable takes beyond a plain resource row: a share or blend of the
mix ("2.2 percent of the total tonnage", "at most 8 mg/L"), a count of the decisions themselves ("at most 650
containers", what the question counts), a sum shared among them, one item per decision ("one banana"),
earnings of money decisions, and the size of the decisions' unit ("in units of 100 g")."""

from __future__ import annotations

import re

from modeler.strategies.offline.entities import Span
from modeler.strategies.offline.limit_scope import _named_in_clause, _subject_is
from modeler.strategies.offline.limit_words import (
    _asked,
    _clause_after,
    _clause_before,
    _common_head,
    _money_decisions,
)
from modeler.strategies.offline.reading import Reading
from modeler.strategies.offline.variables import decision_units
from modeler.strategies.offline.words import (
    CONCEPTS,
    FRACTIONS,
    MEASURES,
    STOP,
    content,
    one_noun,
    parse_value,
    singular,
    stem,
    weight,
)

_MASS = {"g": "g", "gram": "g", "grams": "g", "kg": "kg", "kilogram": "kg", "kilograms": "kg", "ml": "ml",
         "millilitre": "ml", "millilitres": "ml", "milliliter": "ml", "milliliters": "ml"}
_SIZED_UNIT = re.compile(r"\b(?:in units of|measured in|in portions of|in servings of) (\d+(?:\.\d+)?|a hundred|one hundred) "
                         r"(g|grams?|kg|kilograms?|ml|millilit(?:re|er)s?)\b|\b(\d+|hundred)[- ](g|gram|kg|kilogram|ml)s? "
                         r"(?:portions?|servings?|units?|packs?|bags?|scoops?)\b")


def _decision_size(r: Reading, sp: Span) -> float:
    """How many of a limit's mass units one decision unit is, when the question (or a "measured in")
    counts the decisions in sized units ("How much of each (in units of 100 g)", "How many hundred-gram
    portions", "measured in 100 g servings") and the limit is in that mass unit; else 1."""
    unit = _MASS.get(r.words[sp.end].lower(), "") if sp.end < len(r.words) else ""
    if not unit:
        return 1.0
    for s in r.sentences:
        text = r.sentence_text(s).lower()
        if not re.search(r"\bhow (?:many|much)\b|\bmeasured in\b", text):
            continue
        for m in _SIZED_UNIT.finditer(text):
            n, u = (m.group(1), m.group(2)) if m.group(1) else (m.group(3), m.group(4))
            size = 100.0 if n in {"hundred", "a hundred", "one hundred"} else parse_value(n)
            said = _MASS.get(u, _MASS.get(u + "s", ""))
            if size and said == unit:
                return size
            if size and {said, unit} == {"g", "kg"}:
                # ("no more than 2 kg of chicken" in "100 g portions": 20 of them)
                return size / 1000 if unit == "kg" else size * 1000
    return 1.0


def _size_of_unit(r: Reading, sp: Span) -> bool:
    """"(in units of 100 g)", "measured in 100 g servings": the size of the decisions' unit, no limit."""
    before = " ".join(w.lower() for w in r.words[max(sp.start - 3, 0): sp.start])
    return bool(re.search(r"\b(?:in units of|measured in|in portions of|in servings of)$", before)) or _packed_in(r, sp)


def _packed_in(r: Reading, sp: Span) -> bool:
    """"We bag two mixes in 50 L bags" beside a "Premium bag" and a "Standard bag": a number between "in" and a
    unit and the head every decision's name ends on sizes what is decided; it limits nothing."""
    k = sp.end
    if sp.start < 1 or r.words[sp.start - 1].lower() not in {"in", "into"} or k + 1 >= len(r.words) or len(
            r.variables) < 2:
        return False
    heads = r.name_heads()
    return len(heads) == 1 and r.words[k].isalpha() and stem(r.words[k + 1].lower()) in heads


def _one_per_item(r: Reading, sp: Span) -> dict[int, float] | None:
    """"Each smoothie uses 150 ml of milk and one banana ... the kiosk gets 60 bananas", "the Deluxe basket
    holds 4 cheeses, 1 jar of jam and a bottle of wine ... 40 bottles of wine": a stock of a thing that
    some items take one of ("a", "an", "one"), and no coefficient group measures, is a row over those
    items with coefficient 1 (the item named last before it in its sentence)."""
    _, b = r.sentences[r.tokens[sp.start].sent]
    k = sp.end
    if k + 2 < b and (r.words[k].lower() in MEASURES or r.words[k].lower() in _CONTAINERS) and (
            r.words[k + 1].lower() == "of"):
        k += 2
    head = None
    while k < b and r.words[k].isalpha() and r.words[k].lower() not in STOP and k not in r.mention_var:
        head, k = k, k + 1
    if head is None:
        return None
    noun = stem(r.words[head].lower())
    if r.words[head].lower() in MEASURES or CONCEPTS.get(r.words[head].lower()) in {"HOUR", "MINUTE"} or any(
            noun in f.context for f in r.features):
        return None
    if r.variables and all(noun in v.keys for v in r.variables):
        # "round watches and square watches ... check a maximum of 8 watches": the noun every decision's name
        # ends with counts the decisions themselves, it is no part that some of them take one of
        return None
    if noun in decision_units(r):
        return None  # ("crusts for 30 pies in total" where the pies are decided: the decisions counted, a sum)
    out: dict[int, float] = {}
    for j in range(1, len(r.words)):
        if j == head or not one_noun(stem(r.words[j].lower()), noun):
            continue
        a = j - 1
        while a > 0 and r.words[a].isalpha() and r.words[a].lower() not in {"a", "an", "one", "of"} and (
                a not in r.mention_var) and j - a < 3:  # "one DSP chip", "one activated filter"
            a -= 1
        if r.words[a].lower() == "of" and a >= 2 and r.words[a - 1].lower() in MEASURES | _CONTAINERS:
            a -= 2  # "a bottle of wine"
        if r.words[a].lower() not in {"a", "an", "one"}:
            continue
        s0, _ = r.sentences[r.tokens[j].sent]
        named = [r.mention_var[m] for m in range(s0, a) if m in r.mention_var]
        if not named:
            return None
        out[named[-1]] = 1.0
    return out if 0 < len(out) < len(r.variables) else None


_CONTAINERS = frozenset("bottle bottles jar jars bag bags box boxes can cans pack packs packet packets tin tins "
                        "crate crates sack sacks carton cartons roll rolls sheet sheets piece pieces".split())


def _is_share(r: Reading, sp: Span) -> bool:
    w = sp.text.lower()
    nxt = r.words[sp.end].lower() if sp.end < len(r.words) else ""
    return "%" in w or "percent" in w or nxt in {"%", "percent"} or any(f in w.split() for f in FRACTIONS)


def _of_mix(r: Reading, sp: Span) -> bool:
    """"He needs 1000 kg of feed a day, and at least 25% of the feed must be protein": an amount of the mix
    whose shares the text states (the noun after "N% of the") is the sum of its parts."""
    k = next((j for j in range(sp.end, min(sp.end + 3, len(r.words))) if r.words[j].lower() == "of"), None)
    if k is None or k + 1 >= len(r.words):
        return False
    j = k + 2 if r.words[k + 1].lower() == "the" else k + 1
    if j >= len(r.words) or not r.words[j].isalpha():
        return False
    w = r.words[j].lower()
    if any(w in m.lower().split() for v in r.variables for m in v.mentions):
        return False
    text = " ".join(x.lower() for x in r.words)
    return bool(re.search(rf"(?:%|percent) of (?:the |its |their )?{re.escape(w)}\b", text))


def _of_product(r: Reading, sp: Span) -> bool:
    """"must make at least 1,000 tonnes of lime in an old kiln and a new kiln" (How many tonnes should each
    kiln make?): the stuff after "of" is what the decisions are made of -- no word of a variable's name,
    nothing a coefficient group measures ("0.9 tonnes of CO2") -- so the amount counts the decisions, when
    the rest of its clause names none of them or every one."""
    k = next((j for j in range(sp.end, min(sp.end + 3, len(r.words))) if r.words[j].lower() == "of"), None)
    if k is None or k + 1 >= len(r.words):
        return False
    j = k + 2 if r.words[k + 1].lower() == "the" else k + 1
    if j >= len(r.words) or not r.words[j].isalpha() or r.words[j].lower() in STOP or j in r.mention_var:
        return False
    w = r.words[j].lower()
    if any(w in m.lower().split() for v in r.variables for m in v.mentions) or any(
            stem(w) in f.context for f in r.features):
        return False
    _, b = r.sentences[r.tokens[sp.start].sent]
    # (a comma inside a list of the names goes on: "to a building site by rail, barge and road")
    end = next((x for x in range(j + 1, b) if r.words[x] == ";" or (r.words[x] == "," and x + 1 not in r.mention_var)), b)
    named = {r.mention_var[x] for x in range(j + 1, end) if x in r.mention_var}
    return not named or len(named) == len(r.variables)


_EARN = re.compile(r"\b(earns?|earned|earning|returns?|interest|income|yields?|profits?|gains?)\b")


def _earned(r: Reading, sp: Span) -> bool:
    """"so that she earns at least $3,000 a year", "the yearly interest must be at least $900": with money
    decisions, a sum of money the clause says is earned is the return row, not the amounts put in."""
    return bool(_EARN.search(_clause_before(r, sp, 8).lower()) or _EARNED_AFTER.match(_clause_after(r, sp, 5)))


def _money_put_in(r: Reading, sp: Span, vars_: list[int]) -> int | None:
    """"and transportation must get a minimum of $5000", "shipping must receive $1000 or more": with money
    decisions, a sum of money that the clause's one option, its subject, gets is a bound on the amount put in
    it, not a row its coefficients measure (nothing is earned)."""
    if len(vars_) != 1 or sp.start < 1 or r.words[sp.start - 1] != "$" or not _money_decisions(r):
        return None
    return vars_[0] if (_subject_is(r, sp, vars_[0]) or _put_into(r, sp, vars_[0])) and not _earned(r, sp) else None


# ("At least $300000 must go to product B", "may be put into bonds", "is allocated to ads")
_PUT_INTO = re.compile(r"^(?:[a-z]+ ){0,3}?(?:go|goes|be put|is put|are put|be allocated|is allocated|be spent|is spent|be "
                       r"invested|is invested|be placed|is placed) (?:to|into|in|on|toward|towards)$")


def _put_into(r: Reading, sp: Span, var: int) -> bool:
    """The amount is placed in `var`, named right after a verb of placing ("$300000 must go to product B")."""
    for k in range(sp.end, min(sp.end + 8, len(r.words))):
        if r.words[k] in {".", ";", ",", "?", "!"}:
            return False
        if r.mention_var.get(k) == var:
            return bool(_PUT_INTO.match(" ".join(w.lower() for w in r.words[sp.end: k])))
    return False


def _spent_on_one(r: Reading, sp: Span) -> dict[int, float] | None:
    """"The total budget is $20000, and at most $5000 can be spent on radio ads", each ad priced: money spent on one
    kind of decision is that kind's row of the one group of prices (500 radio <= 5000), not the prices of all of
    them (the total budget keeps the group)."""
    if sp.start < 1 or r.words[sp.start - 1] != "$" or _money_decisions(r) or len(r.variables) < 2:
        return None
    a, b = r.sentences[r.tokens[sp.start].sent]
    after = [k for k in range(sp.end, min(sp.end + 8, b)) if r.words[k].lower() in {"on", "for", "to", "into", "toward",
                                                                                   "towards"}]
    if not after or any(r.words[k] in {",", ";"} or r.words[k].lower() in {"and", "but", "while"}
                        for k in range(sp.end, after[0])):
        return None
    k = after[0] + 1
    while k < b and r.words[k].lower() in {"the", "a", "an"}:
        k += 1
    if k >= b or _common_head(r, k) or stem(r.words[k].lower()) in decision_units(r) or (
            f"how many {r.words[k].lower()}" in " ".join(r.words).lower()):
        return None  # ("a daily budget of $2700 for guides" ... "How many guides of each kind": all of them)
    var = r.mention_var.get(k)
    if var is None and r.words[k + 1: k + 2] in ([], ["."], [","], [";"]):
        # ("spend no more than $6000 on TV ." with "TV" untagged: the one decision whose name holds the word)
        named = [v.index for v in r.variables if stem(r.words[k].lower()) in v.keys]
        var = named[0] if len(named) == 1 else None
    # (the limit's own clause: "At least 2 parks must be built, and at most $1000000 can be spent on libraries")
    a = max([q + 1 for q in range(a, sp.start) if r.words[q] in {",", ";"} or r.words[q].lower() in {
        "and", "but", "while"}], default=a)
    clause = [q for q in r.mention_var if a <= q < b and r.mention_var[q] != var]
    if var is None or clause:
        return None
    prices = [f for f in r.features if len(f.coefs) == len(r.variables) and "MONEY" in f.context and (
        "PROFIT" not in f.context) and all(
        c.tok > 0 and r.words[c.tok - 1] == "$" for c in f.coefs.values())]
    return {var: prices[0].coefs[var].value} if len(prices) == 1 else None


# "$11,000 of return a year", "$900 in yearly interest": the sum is what is earned
_EARNED_AFTER = re.compile(r"^(?:of|in) (?:yearly |annual |total |combined )?(?:returns?|interest|income|earnings|profits?)\b")


def _modifier_unit(r: Reading, k: int, units: set[str]) -> bool:
    """"56 waiter shifts": the word at k qualifies the noun after it, which the coefficients measure (the
    head noun, "shifts", is the limit's unit; "waiter" is not a count of waiters)."""
    if k + 1 >= len(r.words) or not r.words[k + 1].isalpha() or k + 1 in r.mention_var:
        return False
    nxt = stem(r.words[k + 1])
    # ("500 nurse hours": the groups hold "hours" as the concept HOUR)
    said = content([r.words[k + 1]])
    return nxt not in units and nxt not in STOP and any(nxt in f.context or said and said[0] in f.context
                                                        for f in r.features)


_OF_TOTAL = re.compile(r"^(?:percent |% )?of (?:the |its |their |all )?(?:total|whole|entire|combined|overall|mix|"
                       r"mixture|blend)\b")

# "25% of the feed must be protein", "at most 10% of the mix may be sugar"
_MUST_BE = re.compile(r"^(?:percent |% )?of (?:the |its |their |each |every )?(?:[a-z-]+ ){1,2}(?:must|should|has to|"
                      r"needs to|may|can|will) (?:only )?be ([a-z-]+)$")

_MIX_WHOLE = re.compile(r"\b(?:blend|blends|mix|mixture|mixtures|average|combined|resulting|final)\b")


def _concentration(r: Reading, sp: Span) -> dict[int, float] | None:
    """"The blend may contain at most 8 mg/L of nitrate", each source having its own "12 mg/L of nitrate": a
    limit per unit of the mix is a weighted average, sum c_i x_i <= 8 sum x_i (a "blend" row: the c_i)."""
    after = [w.lower() for w in r.words[sp.end: sp.end + 4]]
    a, _ = r.sentences[r.tokens[sp.start].sent]
    # (and the limits coordinated after it share the verb: "average at least 6.5 for body and at least 5 for
    # acidity")
    lead = " ".join(w.lower() for w in r.words[max(a, sp.start - 12): sp.start])
    if not ("/" in "".join(after[:3]) or "per" in after[:3]) and re.search(
            r"\b(?:average|averages)(?: (?:at least|at most|no more than|no less than|of))?(?: \d[\d.,]*(?: [a-z]+){0,3} "
            r"(?:and|,)(?: (?:at least|at most|no more than|no less than))?)?$", lead):
        # "The blend has to average at least 6.5 for body": "average" said as the verb (a mix's score, no
        # unit "per" anything) is the weighted average of the one measure the words after it name
        said = set(content(_clause_after(r, sp, 6).split()))
        found = [f for f in r.features if len(f.coefs) >= 2 and not {"MONEY", "PROFIT"} & set(f.context)
                 and said & set(f.context)]
        return {v: c.value for v, c in found[0].coefs.items()} if len(found) == 1 else None
    if not ("/" in "".join(after[:3]) or "per" in after[:3]) or not _MIX_WHOLE.search(_clause_before(r, sp, 10)):
        return None
    said = set(content([w for w in re.split(r"[/\s]+", " ".join(after)) if w and w != "per"]))
    # "the average hardness must be at most 120 mg per liter", each source's "hardness is 50 mg per liter":
    # the measure the average names is said too (its "per liter" is often left out of the group's words)
    avg = re.search(r"\baverage ([a-z-]+)", _clause_before(r, sp, 10))
    said |= set(content([avg.group(1)])) if avg else set()
    for f in r.features:
        if len(f.coefs) >= 2 and not {"MONEY", "PROFIT"} & set(f.context) and len(said & set(f.context)) >= 2:
            return {v: c.value for v, c in f.coefs.items()}
    return _averaged_per(r, sp, said)


def _averaged_per(r: Reading, sp: Span, said: set[str]) -> dict[int, float] | None:
    """"Canal water has 700 mg of salt per litre and well water 100 mg per litre, and the mixed water must
    average at most 400 mg per litre": "average" said as the verb right before a limit per unit is a
    weighted average, of the one group measured in the limit's unit (the group's own "per litre" is said
    once, or not at all, so only the unit is shared)."""
    lead = " ".join(w.lower() for w in r.words[max(r.sentences[r.tokens[sp.start].sent][0], sp.start - 4): sp.start])
    if not re.search(r"\b(?:average|averages)(?: (?:at least|at most|no more than|no less than|of))?$", lead):
        return None
    found = [f for f in r.features if len(f.coefs) >= 2 and not {"MONEY", "PROFIT"} & set(f.context)
             and said & set(f.context)]
    return {v: c.value for v, c in found[0].coefs.items()} if len(found) == 1 else None


def _sized_row(r: Reading, sp: Span) -> dict[int, float] | None:
    """"She has 1,200 truffles" when the decisions are "boxes of 9" and "boxes of 16" she packs truffles in,
    "ship 1,800 bottles" in "6-bottle cartons" and "12-bottle cartons": an amount of what the packs hold
    is a row of their sizes (9 x + 16 y)."""
    from modeler.strategies.offline.name_repairs import size_in_name

    if sp.end >= len(r.words) or not r.words[sp.end].isalpha() or len(r.variables) < 2:
        return None
    sizes = {v.index: size_in_name(v.text) for v in r.variables}
    if any(n is None for n in sizes.values()):
        return None
    unit = singular(r.words[sp.end].lower())
    held = {singular(m.group(1)) for v in r.variables for m in [re.match(r"\d{1,3}-([a-z]+) ", v.text.lower())] if m}
    for v in r.variables:
        for p in v.positions:  # "packs truffles in boxes of 9"
            if p >= 2 and r.words[p - 1].lower() in {"in", "into"}:
                held.add(singular(r.words[p - 2].lower()))
    # ("400 bars of soap" packed "in packs of 3": what the measure is of)
    of = singular(r.words[sp.end + 2].lower()) if sp.end + 2 < len(r.words) and r.words[sp.end + 1].lower() == "of" else ""
    return {v: float(n) for v, n in sizes.items() if n is not None} if unit in held or of in held else None


def _blend(r: Reading, sp: Span, value: float) -> dict[int, float] | None:
    """"the sulfur in the coal must not exceed 2.2 percent of the total tonnage", where each variable has
    its own share of sulfur (2%, 3.5%, 1%): sum a_i x_i <= p sum x_i (a "blend" row: the a_i)."""
    if value >= 1:
        return None
    if _OF_TOTAL.match(_clause_after(r, sp, 6)):
        said = set(content(_clause_before(r, sp, 12).split()))
    elif _MUST_BE.match(_clause_after(r, sp, 10)):
        # "at least 25% of the feed must be protein": the share of the attribute the clause names
        said = set(content([_MUST_BE.match(_clause_after(r, sp, 10)).group(1)]))
    elif re.search(r"\b(?:average|averages|on average)\b", _clause_before(r, sp, 12).split(" and ")[0]):
        # "the blend must average at least 56% iron and at most 6.5% silica": what follows the number
        said = set(content(_clause_after(r, sp, 3).replace("%", " ").replace("percent", " ").split()[:2]))
    else:
        return None
    for f in r.features:
        # (not rates of money: "a trust paying 6.5% may get at most 40% of the total" is a share)
        if f.coefs and all(0 < c.value < 1 for c in f.coefs.values()) and not {"MONEY", "PROFIT"} & set(
                f.context) and said & set(f.context):
            return {v: c.value for v, c in f.coefs.items()}
    return None


def _of_every(r: Reading, sp: Span) -> bool:
    """"10,000 tonnes of iron ore" where the variables are "ore from Amber mine", "ore from Birch mine":
    the amount is "of" a noun that names two variables or more, so of them all."""
    k = next((j for j in range(sp.end, min(sp.end + 3, len(r.words))) if r.words[j].lower() == "of"), None)
    if k is None:
        return False
    for j in range(k + 1, min(k + 4, len(r.words))):
        w = r.words[j].lower()
        if not w.isalpha() or w in STOP:
            break
        if sum(any(stem(w) in {stem(x) for x in m.split()} for m in v.mentions) for v in r.variables) >= 2:
            nxt = r.words[j + 1] if j + 1 < len(r.words) else ""
            return not nxt.isalpha() or (nxt.islower() and nxt in STOP)  # (not "of drug A": a name)
    return False


def _asked_unit(r: Reading, sp: Span) -> bool:
    """The word right after a limit's number is what the question counts ("at most 35 hours" and "How
    many hours should each line run"), money aside."""
    k = sp.end
    return k < len(r.words) and r.words[k].replace("-", "").isalpha() and _asked(r, k) and not (
        sp.start > 0 and r.words[sp.start - 1] == "$")


def _asked_measure(r: Reading, sp: Span) -> bool:
    """"The station needs at least 1000 tonnes this week" when the question asks "How many tonnes ...":
    a limit in the unit the question counts, of no one thing ("1000 tonnes of coal from mine B"), is the
    sum of the decisions."""
    k = sp.end
    if k + 1 < len(r.words) and r.words[k].lower().endswith("ing") and r.words[k + 1].isalpha() and content(
            [r.words[k + 1]]) and _asked(r, k + 1) and not set(content([r.words[k]])) & {
            w for f in r.features for w in f.context}:
        # ("at most 300 consulting hours can be billed" when the question asks "How many hours"; not "400
        # processing hours" where each decision needs some "data processing")
        k += 1
    # ("12 operator-days" when the question asks "How many days": a unit joined to what it is of, `_asked`)
    if k >= len(r.words) or not r.words[k].replace("-", "").isalpha() or not _asked(r, k) or (
            sp.start > 0 and r.words[sp.start - 1] == "$"):
        return False
    if any(j in r.mention_var for j in range(k + 1, min(k + 4, len(r.words)))):
        return False
    # ("has 120 seat spaces" when the question asks "How many seats" and "a first class seat takes up 2 seat
    # spaces": the unit is the word after, a resource the coefficients measure, not the seats themselves)
    if k + 1 < len(r.words) and r.words[k + 1].isalpha() and not _asked(r, k + 1) and set(
            content([r.words[k + 1]])) & {w for f in r.features if "MONEY" not in f.context for w in f.context}:
        return False
    if any(r.words[j].lower() == "of" for j in range(k + 1, min(k + 4, len(r.words)))) and not _of_every(
            r, sp) and not _of_mix(r, sp) and not _of_product(r, sp):
        return False
    if _named_in_clause(r, sp) is not None:
        return False  # ("Birch can ship no more than 4,000 tonnes": one of them)
    # ("the sludge press can take no more than 4,000 kilograms": a resource the coefficients measure)
    own = _clause_before(r, sp).split(" and ")[-1].split()
    # ("only 50 nurse-days" where a clinic day "needs 4 nurses": what the unit is of is such a measured resource
    # too; not a word of a price's clause, "costs $400 a day with operator" against "12 operator-days")
    of = set(content(r.words[k].split("-")[:-1]))
    if of & {w for f in r.features if "MONEY" not in f.context for w in f.context}:
        return False
    # ("The ship can carry at most 20000 tonnes" beside "The shipping line earns $30 per tonne": a money
    # group's words say who is paid, not what an amount in tonnes measures)
    return not set(content(own)) & {w for f in r.features if "MONEY" not in f.context for w in f.context}


_GOAL_SIZES = frozenset("maximum minimum max min greatest largest smallest fewest highest lowest".split())


def _counts_decisions(r: Reading, sp: Span, units: set[str]) -> bool:
    """The limit counts the decisions themselves ("at most 650 containers", "200 square kilometers"
    when each decision is a square kilometer): the words right after its number name a decision unit."""
    if (sp.start > 0 and r.words[sp.start - 1] == "$") or "$" in sp.text:
        return False  # "spend at most $5000 in buying donuts": money, not donuts
    # "limits the number of ads from a single company to at most 8": the count is named before the limit
    a, _ = r.sentences[r.tokens[sp.start].sent]
    low = [w.lower() for w in r.words[a: sp.start]]
    for k in range(len(low) - 2):
        if low[k: k + 2] == ["number", "of"] and stem(low[k + 2]) in units and not any(
                j in r.mention_var for j in range(a + k, sp.start)) and not (k and low[k - 1] in _GOAL_SIZES):
            return True  # (not the goal's "maximum number of batches ... we can bake using 3000 g of flour")
    for k in range(sp.end, min(sp.end + 3, len(r.words))):
        w = r.words[k].lower()
        if w in {"of", ",", ".", ";", "and", "or", "per", "every", "each"} or k in r.mention_var:
            return False
        if k > sp.end and r.words[k - 1].lower() == "to":
            return False  # "3000 items to pack": a verb, though "How many packs" makes "pack" a unit
        if _every_name_ends(r, k):
            return True  # ("at most 90 total boxes of chocolates" of "large boxes of chocolates" and small ones)
        if stem(w) in units and not _modifier_unit(r, k, units):
            # "4 milliliters of active compound", where coefficients measure the compound: that amount,
            # not the decisions themselves
            if _of_resource(r, k) or (k + 2 < len(r.words) and r.words[k + 1].lower() == "of" and any(
                    stem(r.words[k + 2]) in f.context for f in r.features)):
                return False
            # "300 containers of the strong anesthetics": a bound on that one, not a sum (a name past "and"
            # is the next clause's: "We have 150 ha and can grow lentils and chickpeas")
            end = next((j for j in range(k + 1, min(k + 5, len(r.words))) if r.words[j].lower() in {"and", ","}),
                       min(k + 5, len(r.words)))
            return not any(j in r.mention_var for j in range(k + 1, end))
    return False


def _every_name_ends(r: Reading, k: int) -> bool:
    """"90 total boxes of chocolates" where the decisions are "large boxes of chocolates" and "small boxes of
    chocolates": a phrase "X of Y" that ends every decision's name counts the decisions, though a
    coefficient group ("24 individual chocolates") measures Y."""
    if len(r.variables) < 2 or k + 2 >= len(r.words) or r.words[k + 1].lower() != "of" or not (
            r.words[k].isalpha() and r.words[k + 2].isalpha()):
        return False
    said = [stem(r.words[k].lower()), stem(r.words[k + 2].lower())]
    return all(any(len(m.split()) > 3 and [stem(w.lower()) for w in m.split()[-3::2]] == said and
                   m.split()[-2].lower() == "of" for m in v.mentions) for v in r.variables)


def _generic_count(r: Reading, sp: Span, sense: str) -> bool:
    """"The booking system allows no more than 50 appointments in a day", where the question asks how
    many haircuts and colourings: a plural count noun after the number that is no unit of measure, no
    word of a decision's name and nothing a coefficient measures counts every decision, when the limit's
    own clause, to its end, names no decision and the limit is a most."""
    if sense != "<=" or sp.end + 1 >= len(r.words) or r.words[sp.end + 1].lower() in {"with", "of", "for"} or sp.end >= len(r.words) or "$" in sp.text or (sp.start > 0 and r.words[sp.start - 1] == "$"):
        return False
    w = r.words[sp.end].lower()
    if not (w.isalpha() and w.endswith("s") and len(w) > 3) or w in MEASURES or w in STOP or sp.end in r.mention_var:
        return False
    key = stem(w)
    if key in r.distinct or any(key in f.context for f in r.features) or any(
            key in c.context for f in r.features for c in f.coefs.values()):
        return False
    if "how many" not in " ".join(x.lower() for x in r.words):
        return False
    a, _ = r.sentences[r.tokens[sp.start].sent]
    cut = max([k + 1 for k in range(a, sp.start) if r.words[k] in {",", ";"}], default=a)
    end = next((k for k in range(sp.end, len(r.words)) if r.words[k] in {",", ";", ".", "?", "!"}), len(r.words))
    return not any(cut <= k < end for k in r.mention_var)


def _shared_among(r: Reading, sp: Span, objective_feature: int | None = None) -> bool:
    """"shares 300 hours of telescope time among a galaxy survey, an exoplanet survey and a comet survey",
    "makes 100 kilograms of blend from soy wax, beeswax and paraffin": an amount shared out among the
    variables, or made from them, is their sum. (Not money earned from them: "wants to earn at least $3000 a
    year from a stock fund and a bond fund" is the return row.)"""
    if sp.start > 0 and r.words[sp.start - 1] == "$" and _earned(r, sp):
        return False
    for k in range(sp.end, min(sp.end + 8, len(r.words) - 2)):
        w = r.words[k].lower()
        if w in {".", ";", "?", "!", "which", "while", "and"} or k in r.mention_var:
            return False
        if (r.words[k - 1].lower() == "of" or k == sp.end) and w not in MEASURES and any(
                stem(w) in f.context for j, f in enumerate(r.features) if len(f.coefs) >= 2 and j != objective_feature
                and "MONEY" not in f.context):
            # "25 mg of iron a day from tofu, chickpeas and spinach": what they contain, weighted ("at least
            # 1,200 MWh from wind turbines and solar arrays" where each turbine "produces 300 MWh": the limit's
            # own unit is what a group measures)
            return False
        if w in {"among", "between", "amongst", "from"}:
            # a list of two variables or more follows ("from soy wax, beeswax, and paraffin")
            named = set()
            for j in range(k + 1, min(k + 14, len(r.words))):
                if r.words[j] in {".", ";", "?", "!"} or r.words[j].lower() in {"which", "at", "while"}:
                    break
                if j in r.mention_var:
                    named.add(r.mention_var[j])
            return len(named) >= 2
    return False


def _of_resource(r: Reading, k: int) -> bool:
    """The unit at k is "of" a thing the coefficients measure and no variable names ("4 milliliters of
    active compound" where "Solution A contains 12% active compound")."""
    if k + 1 >= len(r.words) or r.words[k + 1].lower() != "of":
        return False
    out: list[str] = []
    for j in range(k + 2, min(k + 5, len(r.words))):
        if r.words[j] in {",", ".", ";", "?", "!"} or j in r.mention_var:
            break
        out.append(r.words[j])
    var_words = {key for v in r.variables for key in v.keys}
    keys = {t for t in content(out) if weight(t) >= 1 and t not in var_words}
    return bool(keys) and any(keys & set(f.context) for f in r.features)


_SHARE_OF_UNIT = re.compile(r"\bof (?:the|our|all|its|their) (?:\w+ )?([a-z]+)\b")


def _weighted_shares(specs: list) -> None:
    """A share of a measure the decisions carry, not of the decisions themselves: with "at least 640
    agent-hours" read as 40 x + 20 y, "at least 60% of the covered hours must be worked by full-time agents"
    is 40 x >= 0.6 (40 x + 20 y), not x >= 0.6 (x + y): a share "of the <unit>" whose unit is the unit of a
    row over every decision weighs each decision by its coefficient in that row. Rewritten in place as one
    row: sum_j a_j (1[j = x] - q) x_j (op) 0."""
    rows = [s for s in specs if s.kind == "linear" and s.unit and s.unit != "MONEY" and s.terms
            and all(c > 0 for c in s.terms.values())]
    for s in specs:
        if s.kind != "ratio" or len(s.terms) != 1 or not 0 < s.limit < 1:
            continue
        (var,) = s.terms
        said = {stem(m.group(1)) for m in _SHARE_OF_UNIT.finditer(s.sentence.lower())}
        said.discard("")
        match = [row for row in rows if var in row.terms and len(row.terms) > 1 and any(
            w == stem(p) for w in said for p in re.split(r"[^a-z]+", row.unit.lower()) if p)]
        if len(match) != 1:
            continue
        row, q = match[0], float(s.limit)
        s.kind, s.limit, s.param = "linear", 0.0, q  # (param: the share stays a number the model uses)
        s.terms = {j: a * ((1.0 if j == var else 0.0) - q) for j, a in row.terms.items()}

"""Classify the objective and each constraint of a read problem into typed templates.

The scheme is the constraint classification of Li, Zhang & Mak-Hau (2023), as NL4Opt annotates it:

    upperbound / lowerbound   x <= c, x >= c            one variable and a limit
    sum                       x + y + ... <= c          a limit on everything together
    linear                    a1 x + a2 y <= c          a limit on a resource the coefficients measure
    ratio                     x <= c (x + y + ...)      a share: "at most 30% of ... ", "a third of"
    xby                       x <= a y                  "at least twice as many X as Y"
    xy                        x <= y                    "X must not exceed Y"

Each LIMIT entity gives one constraint, typed by rules over its sentence; two-variable comparisons
are found from their cue words even when no LIMIT is tagged.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from modeler.strategies.offline.entities import Span
from modeler.strategies.offline.reading import Feature, Reading, overlap
from modeler.strategies.offline.repairs import ALL_MUST, ALL_OWED, OWED, SUPPLIED, _one_each
from modeler.strategies.offline.variables import decision_units
from modeler.strategies.offline.words import _MAGNITUDES as MAGNITUDES
from modeler.strategies.offline.words import (
    CONCEPTS,
    FRACTIONS,
    MEASURES,
    MULTIPLIERS,
    STOP,
    content,
    direction,
    goal_frame,
    one_noun,
    parse_value,
    stem,
    unit_scale,
    weight,
)

_COMPARE = ("exceed", "more than", "less than", "greater than", "fewer than", "larger than", "smaller than",
            "as many", "as much", "at least as", "at most as", "higher than", "lower than")
_TIMES = re.compile(r"\b(times|twice|double|thrice|triple|half as)\b")
_TOTAL = frozenset("total combined altogether together combination either all overall".split())
_OBJ_WORDS = re.compile(r"(maximi[sz]|minimi[sz]|maximum|minimum|minimal|maximal|highest|lowest|largest|smallest|greatest|"
                        r"fewest|cheapest|most|least|reduce|decrease|increase)")
_MAX_WORDS = ("maxim", "most", "highest", "greatest", "largest", "best", "increas")
_MIN_WORDS = ("minim", "least", "lowest", "fewest", "smallest", "cheapest", "reduc", "decreas")


@dataclass
class Objective:
    sense: str  # "max" | "min"
    terms: dict[int, float]
    name: str
    kind: str  # "weighted" (coefficients) | "count" (sum of the variables)
    sentence: str
    said: bool = False  # a count the text asks for in so many words ("the number of trucks")
    factors: set[float] = field(default_factory=set)  # numbers the terms multiply ("$6 per kg" x "30 kg")


@dataclass
class ConstraintSpec:
    kind: str
    sense: str  # "<=" | ">="
    limit: float = 0.0
    terms: dict[int, float] = field(default_factory=dict)  # for linear; var for bounds/ratio: {var: 1}
    x: int | None = None
    y: int | None = None
    param: float | None = None
    sentence: str = ""
    cue: str = ""
    unit: str = ""  # the word after a limit's number ("hours"), as a concept
    share: bool = False  # the limit is a fraction ("at least 40 percent of the gravel"): a blend if its row is


def _sense_of(text: str) -> str | None:
    t = text.lower()
    if t.startswith(_MIN_WORDS) or any(w in t for w in ("minimiz", "minimis", "minimum", "reduce", "lowest")):
        return "min"
    if t.startswith(_MAX_WORDS) or any(w in t for w in ("maximiz", "maximis", "maximum", "highest", "most")):
        return "max"
    return None


def _as_possible(words: list[str]) -> tuple[str, int] | None:
    """"as many readers as possible" (max), "as few trucks as possible" (min): the sense, and where the
    goal's words begin (at "many" / "few")."""
    lower = [w.lower() for w in words]
    for k in range(len(lower) - 3, 0, -1):
        if lower[k - 1] != "as" or lower[k] not in {"many", "much", "few", "little", "less"}:
            continue
        tail = lower[k + 1: k + 7]
        # "as possible", or "as it can" / "as we can" / "as they can": as many as the limits allow
        if any(tail[j: j + 2] == ["as", "possible"] or (
                tail[j] == "as" and tail[j + 1: j + 3] in (["it", "can"], ["we", "can"], ["they", "can"],
                                                          ["he", "can"], ["she", "can"], ["i", "can"]))
               for j in range(len(tail) - 1)):
            return ("max" if lower[k] in {"many", "much"} else "min"), k
    return None


def objective(r: Reading, used: set[int]) -> Objective | None:
    """The objective: its sense from OBJ_DIR, its coefficients from the feature named like OBJ_NAME."""
    dirs = [sp for sp in r.spans if sp.label == "OBJ_DIR"]
    # the direction that says max or min anchors the name: "Find the maximum number of batches ... we can
    # bake using 3000 g of flour" has a second OBJ_DIR ("using") that says neither
    said = [sp for sp in dirs if _sense_of(sp.text)]
    sense = _sense_of(said[-1].text) if said else None
    anchor = said[-1].start if said else (dirs[-1].start if dirs else len(r.words))
    frame = goal_frame(r.words) if sense is None else None
    goal: list[str] | None = None
    if frame is not None:  # "as much profit as possible", "keep the cost as low as possible"
        sense, start, end = frame
        anchor, goal = max(start - 1, 0), r.words[start:end]
    if sense is None:  # "to reach as many readers as possible", "as little waste as possible"
        sense, anchor = _as_possible(r.words) or (None, anchor)
    if sense is None:  # the tagger missed it: the last direction word not inside "a minimum of"
        for k in range(len(r.words) - 1, -1, -1):
            w = r.words[k].lower()
            prev = r.words[k - 1].lower() if k else ""
            # "a minimum of" / "at least" are limits, but the adjectives "minimal" / "maximal" only
            # describe a goal ("spending a minimal amount of time", "at minimal cost")
            limit_article = prev in {"a", "at"} and w not in {"minimal", "maximal"}
            if _OBJ_WORDS.match(w) and not limit_article and not (
                    k + 1 < len(r.words) and r.words[k + 1].lower() == "of"):
                sense = _sense_of(w)
                anchor = k
                break
        if sense is None:
            return None
    names = [sp for sp in r.spans if sp.label == "OBJ_NAME"]
    after = [sp for sp in names if sp.start >= anchor]
    # the name follows its direction closely; an OBJ_NAME elsewhere ("costs" in a coefficient) is not it
    name_span = after[0] if after and after[0].start - anchor <= 8 else (names[-1] if names and not dirs else None)
    if goal is not None and frame is not None:  # the goal's own words name it, a tag elsewhere does not
        name_span = next((sp for sp in names if frame[1] <= sp.start < frame[2]), None)
    name = name_span.text if name_span else ""
    sent = r.tokens[anchor].sent if anchor < len(r.tokens) else max(r.sentences)
    name_ctx = Counter(content(name.split()))
    # the words after the direction name the objective too ("minimize the total amount of pollution
    # produced"), up to the end of the clause: the tagger often misses OBJ_NAME
    tail: list[str] = []
    for w in (goal if goal is not None else r.words[anchor + 1: anchor + 9]):
        if w in {".", "?", ",", ";", "!"} or w.lower() in {"while", "and", "subject", "given", "if"}:
            break
        tail.append(w)
    for t in content(tail):
        name_ctx.setdefault(t, 1)
    if _cheap_goal(r, anchor, frame):  # "as cheaply as possible", "the cheapest daily mix": the cost
        name, tail, goal, name_ctx = "cost", ["cost"], None, Counter({"MONEY": 1})
    # "minimize the total number of production lines": the variables themselves
    var_words = {k for v in r.variables for k in v.keys}
    # ("the maximum number of batches of cookies": what a batch holds names them too)
    m = re.search(r"\bnumber of (?:the )?([\w-]+)(?: of (?:the )?([\w-]+))?", f"{name} {' '.join(tail)}".lower())
    goal_words = set(content(goal)) if goal else set()
    if (m and any(g and stem(g) in var_words for g in m.groups())) or (goal_words and goal_words <= var_words) or _asked_unit_goal(r, name_ctx):
        # ("make as many chairs as possible": the decisions themselves)
        return Objective(sense, {v.index: 1.0 for v in r.variables}, name or " ".join(tail), "count",
                         r.sentence_text(sent), said=True)
    if not name and tail:
        name = " ".join(tail)
    # words of the variables' own names ("tea" of "black tea") rarely say which coefficients: try
    # without them first, then with them ("protein intake" with a "protein shake" variable)
    factors: set[float] = set()
    derived = _priced_output(r, name_ctx, used, factors) if sense == "max" else None
    if derived is not None:  # "yields 12 kg of copper", "Copper sells for $9 per kg": price times amount
        return Objective(sense, derived, name, "weighted", r.sentence_text(sent), factors=factors)
    best = _objective_feature(r, Counter({k: c for k, c in name_ctx.items() if k not in var_words}))
    if best is None:
        best = _objective_feature(r, name_ctx)
    if best is None and m:
        best = _done_to_limit(r, m.group(1))
    if best is not None:
        used.add(best)
        terms = {v: c.value for v, c in r.features[best].coefs.items()}
        _money_terms(r, best, terms)
        _coordinated_rate(r, best, terms)
        factors = _paid_per_head(r, best, terms)
        for k in _audience_too(r, best, name_ctx):  # "reaches 1,800 listeners", "is seen by 900 people"
            used.add(k)
            terms.update({v: c.value for v, c in r.features[k].coefs.items()})
        return Objective(sense, terms, name, "weighted", r.sentence_text(sent), factors=factors)
    if r.variables:  # "maximize the number of ..." / "minimize the total number of ..."
        return Objective(sense, {v.index: 1.0 for v in r.variables}, name or "total", "count", r.sentence_text(sent))
    return None


_CHEAP = frozenset("cheap cheaply cheapest inexpensive inexpensively economically".split())


def _done_to_limit(r: Reading, head: str) -> int | None:
    """"minimize the total number of deliveries": a goal noun that no number's words name, made from the
    verb of a limit's clause ("needs to deliver at least 800 packages"), counts what that limit counts: the
    one coefficient group measured in the limit's unit."""
    head = head.lower()
    if len(head) < 6:
        return None
    found = None
    for sp in r.spans:
        if sp.label != "LIMIT" or sp.end >= len(r.words):
            continue
        before = []
        for k in range(sp.start - 1, max(sp.start - 7, -1), -1):
            if r.words[k] in {",", ".", ";", "?", "!"}:
                break
            before.append(r.words[k].lower())
        if not any(_verb_of(head, w) for w in before):
            continue
        unit = content([r.words[sp.end]])
        fits = [k for k, f in enumerate(r.features) if unit and unit[0] in f.context and len(f.coefs) == len(
            r.variables)]
        if len(fits) != 1 or (found is not None and found != fits[0]):
            return None
        found = fits[0]
    # ("Snowmobiles can deliver 150 packages ... minimize the total number of deliveries": where the group's
    # own numbers are what one decision does with that verb, each decision is one delivery: a count)
    if found is not None and any(_verb_of(head, w.lower()) for c in r.features[found].coefs.values()
                                 for w in r.words[max(c.tok - 3, 0): c.tok]):
        return None
    return found


def _verb_of(head: str, w: str) -> bool:
    """"deliver" is the verb of the noun "deliveries"."""
    return len(w) >= 5 and len(w) <= len(head) and head.startswith(w[:max(len(w) - 1, 5)])


_PAYERS = re.compile(r"(?:^| )([\w.,-]+) [a-z-]+ (?:(?:who|that|which|each) )?(?:pay|pays|paying|spend|spends|spending)"
                     r"(?: \$)?$")


def _paid_per_head(r: Reading, best: int, terms: dict[int, float]) -> set[float]:
    """"A group session ... has six students who pay $18 each": a price each of so many payers pays is
    worth the number of payers times the price per decision."""
    out: set[float] = set()
    for v, c in r.features[best].coefs.items():
        k = next((sp.end for sp in r.spans if sp.start == c.tok), c.tok + 1)
        if v not in terms or k >= len(r.words) or r.words[k].lower() not in {"each", "apiece"}:
            continue
        a = r.sentences[c.sent][0]
        m = _PAYERS.search(" ".join(w.lower() for w in r.words[max(a, c.tok - 8): c.tok]))
        n = parse_value(m.group(1)) if m else None
        if n is not None and n > 1:
            terms[v] = n * c.value
            out |= {n, c.value}
    return out


def _coordinated_rate(r: Reading, best: int, terms: dict[int, float]) -> None:
    """"An agent costs $150 per shift on the morning or afternoon shift, $170 on the evening shift": a
    number whose clause names its variable coordinated with another ("morning or afternoon") is that
    other's number too, where the group holds none for it."""
    f = r.features[best]
    for c in list(f.coefs.values()):
        k = next((sp.end for sp in r.spans if sp.start == c.tok), c.tok + 1)
        end = k
        while end < min(k + 10, len(r.words)) and r.words[end] not in {",", ";", ".", "?", "!", "$"} and not any(
                sp.start == end for sp in r.spans if sp.label in {"PARAM", "LIMIT"}):
            end += 1
        marks = sorted(p for p in r.mention_var if k <= p < end)
        for p, q in zip(marks, marks[1:], strict=False):
            a, w = r.mention_var[p], r.mention_var[q]
            name_end = next((sp.end for sp in r.spans if sp.start == p), p + 1)
            between = {x.lower() for x in r.words[name_end: q]} - {"the", "a", "an"}
            if a == c.var and w != a and w not in f.coefs and w not in terms and between and between <= {
                    "or", "and", ","}:
                terms[w] = c.value


def _money_written(r: Reading, tok: int) -> bool:
    """A number written as money: "$300", "300 dollars"."""
    return (tok > 0 and r.words[tok - 1] == "$") or (
        tok + 1 < len(r.words) and r.words[tok + 1].lower() in {"dollar", "dollars", "cents", "cent", "euros"})


def _money_terms(r: Reading, best: int, terms: dict[int, float]) -> None:
    """A group of money ("at a cost of $300") that holds, for one variable, a number not written as money
    ("covers 3,000 words at a cost of $420": the words share the clause's "cost") takes that variable's
    number written as money from the group that holds it alone, in the same sentence."""
    f = r.features[best]
    if "MONEY" not in f.context and "PROFIT" not in f.context:
        return
    plain = [v for v, c in f.coefs.items() if not _money_written(r, c.tok)]
    if not plain or len(plain) == len(f.coefs):
        return
    for v in plain:
        c = f.coefs[v]
        alt = [(k, g.coefs[v]) for k, g in enumerate(r.features) if k != best and v in g.coefs
               and len(g.coefs) == 1 and g.coefs[v].sent == c.sent and _money_written(r, g.coefs[v].tok)
               and {"MONEY", "PROFIT"} & set(g.context)]
        if len(alt) == 1:
            terms[v] = alt[0][1].value


def _asked_unit_goal(r: Reading, name_ctx: Counter[str]) -> bool:
    """"How many hours should I work for each client ... with as few working hours as possible": the
    question asks for the decisions in a unit, and the goal names that unit, so the goal sums the
    decisions, unless some number measures that unit per decision ("a job takes 3 hours"); a rate per that
    unit ("pays $45 an hour") does not measure it."""
    low = [w.lower() for w in r.words]
    asked = [low[k + 2] for k in range(len(low) - 2) if low[k] == "how" and low[k + 1] in {"many", "much"}]
    if not asked or not asked[-1].isalpha():
        return False
    unit = content([asked[-1]])
    if not unit or unit[0] not in name_ctx or unit[0] in {k for v in r.variables for k in v.keys} or {
            "PROFIT", "MONEY"} & set(name_ctx) or unit[0] in {"PROFIT", "MONEY"}:
        return False
    for c in r.coefs:  # the number's own unit: the word right after it ("3 hours")
        j = c.tok + 1
        while j < len(low) and r.tokens[j].sent == c.sent and any(
                sp.start <= j < sp.end for sp in r.spans if sp.start <= c.tok < sp.end):
            j += 1
        if j < len(low) and content([low[j]])[:1] == unit:
            return False
    return True



def _cheap_goal(r: Reading, anchor: int, frame: tuple[str, int, int] | None) -> bool:
    """A goal of cheapness ("as cheaply as possible", "What is the cheapest daily mix?") is the cost, whatever
    the words around it name ("to pack all the books", "daily mix")."""
    ks = [anchor] + ([frame[2] + 1] if frame is not None else [])
    return any(0 <= k < len(r.words) and r.words[k].lower() in _CHEAP for k in ks)


# the people an offer reaches, whatever they are called: "people", "listeners", "viewers", "readers"
_AUDIENCE = frozenset(content("people person listeners viewers readers users customers visitors followers "
                              "subscribers audience reach reaches seen impressions".split()))


def _audience_too(r: Reading, best: int, name_ctx: Counter[str]) -> list[int]:
    """An objective of people reached ("reach as many people as possible") takes, beside the group its name
    found, each group of the other variables that counts an audience ("reaches 1,800 listeners" beside "is
    seen by 900 people"): one measure written in different words."""
    if not set(name_ctx) & _AUDIENCE or not set(r.features[best].context) & _AUDIENCE:
        return []
    have = set(r.features[best].coefs)
    out = []
    for k, f in enumerate(r.features):
        if k != best and f.coefs and not set(f.coefs) & have and set(f.context) & _AUDIENCE and not {
                "MONEY", "PROFIT"} & set(f.context):
            out.append(k)
            have |= set(f.coefs)
    return out


def _priced_output(r: Reading, name_ctx: Counter[str], used: set[int],
                   factors: set[float] | None = None) -> dict[int, float] | None:
    """"A tonne of North ore yields 12 kg of copper ... Copper sells for $9 per kg; mining costs $40 per
    tonne of North ore": a price per unit that no decision takes, of what a coefficient group measures in
    that unit (the sentence names it too), makes the earnings price x amount; a profit also takes off the
    costs per decision. None when the text gives no such price or the goal is no earnings."""
    if "PROFIT" not in name_ctx:
        return None
    taken = {c.tok for c in r.coefs}
    for sp in r.spans:
        k = sp.start
        if sp.label not in {"PARAM", "LIMIT"} or k in taken or k < 1 or r.words[k - 1] != "$" or sp.end + 1 >= len(
                r.words) or r.words[sp.end].lower() != "per":
            continue
        price = parse_value(sp.text)
        unit = content([r.words[sp.end + 1]])
        a, b = r.sentences[r.tokens[k].sent]
        said = set(content(r.words[a: k])) - set(unit)
        fits = [(i, f) for i, f in enumerate(r.features) if unit and unit[0] in f.context and said & set(f.context)
                and "MONEY" not in f.context]
        if price is None or len(fits) != 1:
            continue
        i, f = fits[0]
        terms = {v: price * c.value for v, c in f.coefs.items()}
        used.add(i)
        parts = {price} | {c.value for c in f.coefs.values()}  # the numbers the products are made of
        if "profit" in " ".join(name_ctx).lower():
            for j, g in enumerate(r.features):
                if "MONEY" in g.context and "PROFIT" not in g.context and any(
                        w.lower() in {"cost", "costs"} for c in g.coefs.values()
                        for w in r.words[max(c.tok - 6, 0): c.tok]):
                    for v, c in g.coefs.items():
                        terms[v] = terms.get(v, 0.0) - c.value
                        parts.add(c.value)
                    used.add(j)
        for j, g in enumerate(r.features):
            # "... and also earns a pollination fee of $80": money earned per decision besides
            if j != i and "MONEY" in g.context and ("PROFIT" in g.context or "fee" in g.context):
                for v, c in g.coefs.items():
                    terms[v] = terms.get(v, 0.0) + c.value
                    parts.add(c.value)
                used.add(j)
        if factors is not None:
            factors |= parts
        return terms
    return None


def spare_objective(r: Reading, obj: Objective, specs: list[ConstraintSpec]) -> Objective:
    """A count objective the text did not ask for ("maximize his earnings", "maximize viewership") takes
    the one coefficient group over every variable that no constraint uses: numbers are rarely given for
    nothing, and the objective's name often differs from its coefficients' words ("earns $100", "reaches
    5000 viewers")."""
    if obj.kind != "count" or obj.said or len(r.variables) < 2:
        return obj
    used = [s.terms for s in specs if s.kind == "linear"]
    spare = [f for f in r.features if len(f.coefs) == len(r.variables)
             and {v: c.value for v, c in f.coefs.items()} not in used
             and any(c.value != 1 for c in f.coefs.values())]
    if len(spare) != 1:
        return obj
    terms = {v: c.value for v, c in spare[0].coefs.items()}
    return Objective(obj.sense, terms, obj.name, "weighted", obj.sentence)


def _objective_feature(r: Reading, name_ctx: Counter[str]) -> int | None:
    """The coefficient group the objective's name points at, or None."""
    strong_time = bool(name_ctx.get("time") or name_ctx.get("MINUTE") or name_ctx.get("HOUR"))
    best, best_score = None, 0.0
    strong_name = {t for t in name_ctx if weight(t) >= 1} | ({"MINUTE", "HOUR"} if strong_time else set())
    money_name = bool(strong_name & {"PROFIT", "MONEY"})
    for k, f in enumerate(r.features):
        hints = sum(c.objective_hint for c in f.coefs.values()) / max(len(f.coefs), 1)
        named = overlap(Counter(strong_name), f.context) + (
            0.5 if strong_time and {"MINUTE", "HOUR"} & set(f.context) else 0.0)
        if money_name and not named and {"PROFIT", "MONEY"} & set(f.context):
            named = 0.5  # "profit" is money: "$600 per suit" in a profit sentence
        weak = overlap(name_ctx, f.context)
        # "a yearly fee of 0.1%", "a side-effect score of 3": the name's own word introduces each number
        # (where a window of words around it only brushes them: "pays 3% with no fees")
        led = sum(_led_by(r, c.tok, strong_name) for c in f.coefs.values()) / max(len(r.variables), 1) if named else 0.0
        score = 1.5 * named + hints + 0.3 * weak + 0.05 * len(f.coefs) + 0.5 * led
        # a name that says what is counted must be found among the coefficients ("sugar intake"); hints
        # alone decide only when the name is money or says nothing
        ok = named > 0 or (hints > 0 and (money_name or not name_ctx)) or (not strong_name and weak > 0)
        if ok and score > best_score:
            best, best_score = k, score
    return best


def _led_by(r: Reading, tok: int, name: set[str]) -> bool:
    """A number right after "<name word> of" / "<name word> is" ("a yearly fee of 0.1%")."""
    k = tok - 1
    if k >= 0 and r.words[k] == "$":
        k -= 1
    if k < 1 or r.words[k].lower() not in {"of", "is", "are", ":"}:
        return False
    return bool(set(content([r.words[k - 1]])) & name)


def _clause_vars(r: Reading, sp: Span, limits: list[Span]) -> list[int]:
    """Variables a limit speaks about: mentions after it up to the next limit, else before it."""
    a, b = r.sentences[r.tokens[sp.start].sent]
    nxt = min([x.start for x in limits if x.start > sp.start] + [b])
    prv = max([x.end for x in limits if x.end <= sp.start] + [a])
    # a one-word mention that ends every variable's name ("at most 1000 donuts") names none of them
    common = {k for k in r.mention_var if _common_head(r, k) and not any(
        x.start == k and x.end > k + 1 for x in r.spans if x.label == "VAR")}
    after = [k for k in sorted(r.mention_var) if sp.end <= k < nxt and k not in common]
    before = [r.mention_var[k] for k in sorted(r.mention_var) if prv <= k < sp.start and k not in common]
    # "at least 15 bottles of Dusk, and the number of Dawn bottles cannot exceed 50": before a limit, its
    # own clause (after the last comma or "and") names what it bounds, when it names anything
    # (a bare "and" joins names as often as clauses: "grows beans and peas in their 100 acre farm")
    cut = max([k + 1 for k in range(prv, sp.start) if r.words[k].lower() in _CLAUSE_BREAK - {"and"}], default=prv)
    own = [r.mention_var[k] for k in sorted(r.mention_var) if cut <= k < sp.start and k not in common]
    before = own or before
    # "The large telescope is available for at most 20 hours and the small one for at most 40 hours": past
    # a clause break, the names before the next limit are that limit's subject, when this limit's own
    # clause has one that numbers measure ("the hardware section only has 200 hours available ... and the
    # software section ...": a resource's owner, tagged as a name, is no decision)
    brk = next((k for k in range(sp.end, nxt) if r.words[k].lower() in _CLAUSE_BREAK), None)
    # ("The utility must supply at least 5000 megawatt-hours this week, wind can supply at most 3500": the
    # next clause's subject, where this clause names no variable at all)
    if after and nxt < b and brk is not None and brk < after[0] and (not own or any(
            v in f.coefs for f in r.features for v in own)):
        after = []
    # "the demand for regular phones is at most 20 and the demand for premium phones ...": a bare number
    # ending its clause speaks about the variable named before it, not one past "and" or a comma
    if after and before and sp.end < len(r.words) and r.words[sp.end].lower() in _CLAUSE_BREAK:
        after = []
    if after:
        return list(dict.fromkeys(r.mention_var[k] for k in after))
    return list(dict.fromkeys(before))


_CLAUSE_BREAK = frozenset({"and", ",", ";", "while", "whereas", "but"})


def _cue(r: Reading, sp: Span) -> str:
    """The CONST_DIR words nearest the limit in its sentence, else the words before it."""
    s = r.tokens[sp.start].sent
    dirs = [d for d in r.spans if d.label == "CONST_DIR" and r.tokens[d.start].sent == s]
    if dirs:
        d = min(dirs, key=lambda d: abs(d.start - sp.start) + (0 if d.start < sp.start else 2))
        return d.text
    a, _ = r.sentences[s]
    return " ".join(r.words[max(a, sp.start - 4): sp.start])


def _words_before(r: Reading, sp: Span) -> str:
    """Up to eight words right before a limit, within its clause: "needs to move 1000" says ">=" even
    where the tagger found another sentence's cue ("a maximum of 40%") nearer, and "does not want to
    spend more than $500" keeps its negation."""
    out: list[str] = []
    for k in range(sp.start - 1, max(sp.start - 9, -1), -1):
        if r.words[k] in {",", ".", ";", "?", "!"} or any(
                x.start <= k < x.end for x in r.spans if x.label in {"VAR", "PARAM", "LIMIT"}):
            break
        out.append(r.words[k])
    return " ".join(reversed(out))


def _available_after(r: Reading, sp: Span) -> str | None:
    """"<=" for a limit its own clause then calls available ("900 oven minutes are available")."""
    out: list[str] = []
    for k in range(sp.end, min(sp.end + 12, len(r.words))):  # over a list: "60000 g of flour and 900 ..."
        if r.words[k] in {",", ".", ";", "?", "!"}:
            break
        out.append(r.words[k].lower())
    text = " ".join(out)
    # ("60 kilograms of flour are delivered daily", "400 tonnes are on hand": a supply, as much as there is)
    return "<=" if re.search(r"\b(is|are)( still| only)? available\b", text) or SUPPLIED.search(text + " ") else None


_MASS = {"g": "g", "gram": "g", "grams": "g", "kg": "kg", "kilogram": "kg", "kilograms": "kg", "ml": "ml",
         "millilitre": "ml", "millilitres": "ml", "milliliter": "ml", "milliliters": "ml"}
_SIZED_UNIT = re.compile(r"\b(?:in units of|measured in|in portions of|in servings of) (\d+(?:\.\d+)?|a hundred|one hundred) "
                         r"(g|grams?|kg|kilograms?|ml|millilit(?:re|er)s?)\b|\b(\d+|hundred)-(g|gram|kg|kilogram|ml)s? "
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
            if size and _MASS.get(u, _MASS.get(u + "s", "")) == unit:
                return size
    return 1.0


def _size_of_unit(r: Reading, sp: Span) -> bool:
    """"(in units of 100 g)", "measured in 100 g servings": the size of the decisions' unit, no limit."""
    before = " ".join(w.lower() for w in r.words[max(sp.start - 3, 0): sp.start])
    return bool(re.search(r"\b(?:in units of|measured in|in portions of|in servings of)$", before))


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


def _there_is(r: Reading, sp: Span) -> str | None:
    """"<=" for "There are 18 booths and ...", "there are only 12 lids": an existential that states what
    there is, when the noun phrase after the number ends the clause (or an "and" begins the next) with no
    duty on it ("there are 300 parcels to deliver", "there are 40 guests who need a seat" are owed)."""
    a, b = r.sentences[r.tokens[sp.start].sent]
    before = " ".join(w.lower() for w in r.words[max(a, sp.start - 4): sp.start])
    if not re.search(r"(?:^|[,;] |\band )there (?:are|is|will be)(?: only| just)?$", before):
        return None
    for k in range(sp.end, min(sp.end + 6, b)):
        w = r.words[k].lower()
        if w in {",", ";", ".", "?", "!", "and", "but", "so", "in", "on", "at", "available", "total"}:
            return "<="
        if not w.isalpha() or w in {"to", "that", "who", "which", "must", "need", "needs", "waiting", "each",
                                     "per", "a", "an", "every"}:
            return None
    return None


def _owed(r: Reading, sp: Span) -> str | None:
    """">=" for a limit after an obligation to deliver in its sentence ("a contract to provide a store
    with 12 kg of ..."): what is owed is a least amount, though no direction word says so."""
    a, _ = r.sentences[r.tokens[sp.start].sent]
    if OWED.search(" ".join(r.words[a: sp.start])):
        return ">="
    # an obligation whose verb takes the number itself, or a list of numbers joined to it ("George has
    # to collect 50 units of wood and 60 units of metal"): a duty met by an amount is met by more of it
    return ">=" if _DUTY.search(" ".join(r.words[a: sp.start + 1])) else None


_PROMISED = re.compile(r"\b(?:already [a-z]+ed|promised|pledged|guaranteed)$")


def _promised(r: Reading, sp: Span) -> str | None:
    """">=" for a number right after a commitment already made ("they've already promised four small
    jobs", "has already booked 12 rooms"): what is promised is a least amount, whatever bound the
    sentence states before it."""
    return ">=" if _PROMISED.search(" ".join(w.lower() for w in r.words[max(sp.start - 3, 0): sp.start])) else None


# a past participle's ending: "seated", "sown", "given", "sold", "spent"
_PP = "(?:ed|en|wn|ld|nt|ne)"
_DONE = re.compile(rf"(?:[a-z-]+ ){{0,3}}(?:must|has to|have to|needs to|need to) be [a-z]+{_PP}\b")
_DUTY = re.compile(r"\b(?:must|has to|have to|had to|needs to|need to) [a-z]+ [\d.,]*\d(?: [a-z]+){0,4}"
                   r"(?: (?:,|and|, and) [\d.,]*\d(?: [a-z]+){0,4})*(?: ,| and|, and)?$", re.I)


# "shelf space limits the print copies to 150", "regulations cap the audience at 620"
_VERB_BOUND = re.compile(r"\b(?:limits?|limited|caps?|capped|restricts?|restricted)\b(?: [\w'-]+){0,6}? (?:to|at)"
                         r"(?: (?:a|an|\$|most|maximum|of))*$")
# "63,000 jobs have to be processed", "a target of 6,100 tonnes a day must be met": a duty on the amount
_DUTY_AFTER = re.compile(r"^(?:[\w'-]+ ){0,5}?(?:must|has to|have to|needs to|need to|should) be (?!exceeded|more|less|"
                         r"at|no|under|below|over|above|kept|limited|capped)[a-z]+")
_NOT_EXCEEDED = re.compile(r"^(?:[\w'-]+ ){0,5}?(?:must not|mustn't|may not|should not|cannot|can not|can't) be exceeded")


# verbs of handling an amount: what one has "to pack" is to be covered by the items that pack it
_HANDLE = (r"(?:pack|move|ship|carry|transport|deliver|haul|seat|feed|serve|house|accommodate|cover|clear|"
           r"process|fill|look after|take care of|cater for)")
_TO_HANDLE = re.compile(rf"^(?:[a-z-]+ ){{0,4}}?to {_HANDLE}\b")
_EVERYONE = re.compile(r"\bso (?:that )?(?:everyone|everybody|every guest|every person|each guest|each person)\b")
_ALL_HANDLED = re.compile(rf"\b(?:to|must|can|will|should|could) (?:be able to )?{_HANDLE} all (?:the |of the )?"
                          r"([\d,]+ )?([a-z-]+)")


def _covered(r: Reading, sp: Span, objective_sense: str) -> str | None:
    """">=" for an amount that the items must cover at least cost, though no direction word says so: "I have
    600 kg of books to pack" (the boxes' capacities cover it), "a hall for 300 guests ... so everyone has a
    seat", "a session of 120 children ... must look after all the children". With a goal to maximize,
    what one has to process is a stock ("has 200 units of compound A to process")."""
    if objective_sense != "min":
        return None
    if _TO_HANDLE.match(" ".join(w.lower() for w in r.words[sp.end: sp.end + 7])):
        return ">="
    if direction(r.sentence_text(r.tokens[sp.start].sent)) is not None:
        return None
    text = " ".join(w.lower() for w in r.words)
    if sp.start > 0 and r.words[sp.start - 1].lower() == "for" and _EVERYONE.search(text):
        return ">="
    # "a wedding for 300 guests ... A caterer can look after 25 guests": what each item can handle, the
    # whole "for" which the items are booked is to be covered
    if sp.start > 0 and r.words[sp.start - 1].lower() == "for" and sp.end < len(r.words) and re.search(
            rf"\b{_HANDLE} (?:up to |as many as )?[\d.,]+ {re.escape(r.words[sp.end].lower())}\b", text):
        return ">="
    own = {stem(w.lower()) for w in r.words[sp.end: sp.end + 3]}
    return ">=" if any(stem(m.group(2)) in own for m in _ALL_HANDLED.finditer(text)) else None


def _said_again(r: Reading, sp: Span) -> bool:
    """"its summer session of 120 campers ... must be able to look after all 120 campers": an amount with no
    direction of its own that a later clause states again as what must be covered is that one row."""
    if direction(r.sentence_text(r.tokens[sp.start].sent)) is not None:
        return False
    later = " ".join(w.lower() for w in r.words[sp.end:])
    own = {stem(w.lower()) for w in r.words[sp.end: sp.end + 3]}
    return any(m.group(1) and parse_value(m.group(1)) == parse_value(sp.text) and stem(m.group(2)) in own
               for m in _ALL_HANDLED.finditer(later))


def _clause_before(r: Reading, sp: Span, n: int = 12) -> str:
    """The words of a limit's clause before it, names and all, lower-cased."""
    out: list[str] = []
    for k in range(sp.start - 1, max(sp.start - n - 1, -1), -1):
        if r.words[k] in {",", ".", ";", "?", "!", ":"}:
            break
        out.append(r.words[k].lower())
    return " ".join(reversed(out))


def _clause_after(r: Reading, sp: Span, n: int = 10) -> str:
    out: list[str] = []
    for k in range(sp.end, min(sp.end + n, len(r.words))):
        if r.words[k] in {",", ".", ";", "?", "!", ":"}:
            break
        out.append(r.words[k].lower())
    return " ".join(out)


def _verb_bound(r: Reading, sp: Span) -> str | None:
    """"<=" for a limit that a verb of limiting puts a ceiling on ("limits the print copies to 150", "caps
    the audience at 620"), though another clause's "at least" stands nearer."""
    return "<=" if _VERB_BOUND.search(_clause_before(r, sp)) else None


def _duty_after(r: Reading, sp: Span) -> str | None:
    """">=" for an amount its clause then says has to be reached ("63,000 jobs have to be processed", "a
    haulage target of 6,100 tonnes must be met"); "<=" for one that "must not be exceeded"."""
    after = _clause_after(r, sp)
    if _NOT_EXCEEDED.search(after):
        return "<="
    if ALL_MUST.search(" ".join(w.lower() for w in r.words[sp.end: sp.end + 14])):
        return ">="  # "take up 420 cubic meters, and all of it must be moved"
    return ">=" if _DUTY_AFTER.search(after) else None


_ALL_OF = re.compile(r"^(?:[\w'-]+ ){0,4}?(?:will |must |wants to |plans to )?(?:invest|invests|spend|spends|use|uses|put|puts|"
                     r"allocate|allocates) (?:all|the whole|the entire) (?:of )?(?:it|them|this|that|the money|the sum)\b")


def _all_of(r: Reading, sp: Span) -> str | None:
    """"==" for a sum its sentence then says is used up: "has inherited $50000 and will invest all of it"."""
    return "==" if _ALL_OF.search(_clause_after(r, sp, 14).replace(" and ", " ", 1)) else None


def _percent_row(r: Reading, f: Feature) -> bool:
    """Every coefficient of the row is a share ("contains 62% iron", "60 percent crushed stone")."""
    return len(f.coefs) >= 2 and all(
        any(w.lower() in {"%", "percent"} for w in r.words[c.tok: c.tok + 3]) for c in f.coefs.values())


def _neither_before(r: Reading, sp: Span) -> bool:
    """"Neither line can run more than 20 hours a day", "none of the ovens may be used for more than 8
    hours": the limit holds for each decision on its own."""
    return bool(re.search(r"(?:^| )(?:neither|none of)\b", _clause_before(r, sp)))


def _unit(r: Reading, sp: Span) -> str:
    if (sp.start > 0 and r.words[sp.start - 1] == "$") or "$" in sp.text:
        return "MONEY"  # "spend at most $250 on transporting potatoes": money, whatever follows
    for w in r.words[sp.end: sp.end + 2]:
        c = content([w])
        if c:
            return c[0]
    return ""


def _limit_context(r: Reading, sp: Span) -> Counter[str]:
    from modeler.strategies.offline.reading import _context

    labels = ["O"] * len(r.words)
    for x in r.spans:
        if x.label in {"VAR", "PARAM", "LIMIT"}:
            for k in range(x.start, x.end):
                labels[k] = x.label
    ctx = _context(r.words, labels, sp.start, sp.end, limit=True)
    ctx.update({k: 1 for k in _clause_subject(r, sp, labels) if k not in ctx})
    s = r.tokens[sp.start].sent
    # the sentence's direction words ("budget", "available") name resources too, each the one of the
    # limits next to it: "a budget of $30000 for saplings and 600 available hours" (no other limit between)
    limits = [x for x in r.spans if x.label == "LIMIT" and x is not sp]
    for d in r.spans:
        if d.label == "CONST_DIR" and r.tokens[d.start].sent == s and not any(
                min(d.end, sp.end) <= x.start < max(d.start, sp.start) for x in limits):
            ctx.update(content(d.text.split()))
    return ctx


def _clause_subject(r: Reading, sp: Span, labels: list[str]) -> list[str]:
    """"the sludge press can take no more than 4,000 kilograms": the resource a limit's clause names before
    it, past the words `_context` reads (not a variable's name, nor a number's words)."""
    out: list[str] = []
    modal = False
    for k in range(sp.start - 1, max(sp.start - 13, -1), -1):
        w = r.words[k].lower()
        if w in {",", ".", ";", "?", "!", ":", "and", "while", "but", "whereas"} or labels[k] in {"PARAM", "LIMIT"}:
            break
        if w in {"can", "could", "cannot", "may"} or (w == "must" and r.words[k + 1].lower() == "not"):
            # what the subject can take: a capacity ("the sulfur fed to the mill must not exceed 10,000 kg")
            modal, out = True, []
        elif labels[k] != "VAR":
            out.append(r.words[k])
    return content(out) if modal else []


def _named_subject(r: Reading, sp: Span) -> int | None:
    """"..., and Birch can ship no more than 4,000 tonnes": a limit's clause whose subject is a proper name
    that only one variable's name holds ("ore from Birch mine"), before "can / could / may / will", bounds that
    variable alone."""
    k = sp.start - 1
    while k >= 0 and r.words[k].lower() not in {",", ".", ";", "?", "!", ":", "and", "but", "while", "whereas"}:
        k -= 1
    clause = r.words[k + 1: sp.start]
    if len(clause) < 3 or not any(w.lower() in {"can", "could", "may", "will", "cannot"} for w in clause[1:4]):
        return None
    w = clause[1] if clause[0].lower() == "the" else clause[0]
    if not w[:1].isupper():
        return None
    owners = {v.index for v in r.variables for m in v.mentions if w.lower() in m.lower().split()}
    if len(owners) != 1:
        # "Type A can fly at most 7 times a week": the whole subject ("type a") only one name holds
        at = next(i for i, x in enumerate(clause) if x.lower() in {"can", "could", "may", "will", "cannot"})
        subject = [x.lower() for x in clause[:at] if x.lower() != "the"]
        owners = {v.index for v in r.variables for m in v.mentions if subject and set(subject) <= set(
            m.lower().split())} if 1 < len(subject) <= 3 else set()
    return owners.pop() if len(owners) == 1 else None


def _that_many(r: Reading, sp: Span) -> Counter[str]:
    """"They expect at least 9,000 admissions, so the slots must offer at least that many seats": a limit
    that a later clause of its sentence takes up again as "that many / that much X" bounds X, the row the
    words after it name (empty when no such words follow)."""
    _, b = r.sentences[r.tokens[sp.start].sent]
    for k in range(sp.end, b - 2):
        if r.words[k].lower() == "that" and r.words[k + 1].lower() in {"many", "much"}:
            out: list[str] = []
            for w in r.words[k + 2: k + 5]:
                if w in {",", ".", ";", "?", "!"} or w.lower() in {"and", "but", "while", "for", "to"}:
                    break
                out.append(w)
            return Counter(content(out))
        if any(x.label == "LIMIT" and x.start == k for x in r.spans):
            break
    return Counter()


def _of_every_head(r: Reading, sp: Span) -> bool:
    """"The mill can handle up to 5,000 tonnes of ore" with decisions "North ore" and "South ore" and the
    question "How many tonnes ...": an amount in the unit the question counts, "of" the head every
    variable's name shares, is their sum."""
    if sp.end + 2 >= len(r.words) or r.words[sp.end + 1].lower() != "of" or sp.end + 2 in r.mention_var:
        return False
    k = sp.end + 1
    # the amount's unit is what the question counts ("How many tonnes should be taken")
    low = [w.lower() for w in r.words]
    asked = {stem(low[j + 2]) for j in range(len(low) - 2) if low[j] == "how" and low[j + 1] in {"many", "much"}}
    if stem(low[sp.end]) not in asked:
        return False
    return _common_head(r, k + 1)


def _best_feature(r: Reading, ctx: Counter[str]) -> tuple[Feature | None, float]:
    best, best_score = None, 0.0
    for f in r.features:
        sc = overlap(ctx, f.context)
        if sc > best_score:
            best, best_score = f, sc
    return best, best_score


def _is_share(r: Reading, sp: Span) -> bool:
    w = sp.text.lower()
    nxt = r.words[sp.end].lower() if sp.end < len(r.words) else ""
    return "%" in w or "percent" in w or nxt in {"%", "percent"} or any(f in w.split() for f in FRACTIONS)


def _named_at(r: Reading, k: int) -> int | None:
    """The variable the word at k names, tagged or by a word only its name has."""
    if k in r.mention_var:
        return r.mention_var[k]
    return r.distinct.get(stem(r.words[k]), _open_compound(r, k))


def _for_every(r: Reading, sp: Span) -> tuple[int, int, float] | None:
    """"at least 1 doctor shift for every 4 nurse shifts", "one supervisor per 10 workers": a rate between
    two variables (x, y and the number of y per limit's worth of x), not a bound on x."""
    _, b = r.sentences[r.tokens[sp.start].sent]
    x = None
    for k in range(sp.end, min(sp.end + 5, b - 2)):
        w = r.words[k].lower()
        if x is None:
            x = _named_at(r, k)
            continue
        if w in {"for", "to"} and r.words[k + 1].lower() in {"every", "each"}:
            k += 1
        elif w != "per":
            continue
        # "at least $1 in bonds for every $2 in equities": the currency sign before the rate's number;
        # "no more than two maths sessions for each chemistry session": no number is one
        at = k + 2 if r.words[k + 1] == "$" and k + 2 < b else k + 1
        n = parse_value(r.words[at])
        if n is None and r.words[k].lower() in {"every", "each"} and _named_at(r, at) is not None:
            n, at = 1.0, at - 1
        if n is None or n <= 0:
            return None
        for j in range(at + 1, min(at + 4, b)):
            y = _named_at(r, j)
            if y is not None:
                return (x, y, n) if y != x else None
        return None
    return _every_before(r, sp)


def _every_before(r: Reading, sp: Span) -> tuple[int, int, float] | None:
    """"for every lecture section there must be at least two lab sections": the rate stated before its
    limit (x after the limit, y after "for every", n the y's number if one is written, else 1)."""
    a, b = r.sentences[r.tokens[sp.start].sent]
    x = next((v for v in (_named_at(r, k) for k in range(sp.end, min(sp.end + 4, b))) if v is not None), None)
    if x is None:
        return None
    for k in range(sp.start - 2, max(sp.start - 12, a - 1), -1):
        w = r.words[k].lower()
        if w in {";", ".", "?", "!"} or any(x_.start <= k < x_.end for x_ in r.spans if x_.label == "LIMIT") or (
                _new_clause(r, k)):
            return None
        if w not in {"for", "to"} or r.words[k + 1].lower() not in {"every", "each"}:
            continue
        n = parse_value(r.words[k + 2]) if k + 2 < sp.start else None
        n = n if n is not None and n > 0 else 1.0
        for j in range(k + 2, min(k + 6, sp.start)):
            y = _named_at(r, j)
            if y is not None:
                return (x, y, n) if y != x else None
        return None
    return None


def _new_clause(r: Reading, k: int) -> bool:
    """", and we need at least 4 senior coaches": a comma before "and / but / while" begins a clause of its
    own; a rate stated in the clause before it ("one senior coach for every three junior coaches") is not
    this limit's."""
    return r.words[k] == "," and k + 1 < len(r.words) and r.words[k + 1].lower() in {"and", "but", "while",
                                                                                       "whereas"}


def _share_of(r: Reading, sp: Span) -> int | None:
    """"At least 30% of the teachers must be native speakers": a share "of" the whole, named by the words
    shared by every variable, is the share of the one variable its clause then names, though untagged
    ("native" of "native-speaker teachers", "part-time" of "part-time clerks")."""
    if "of" not in [w.lower() for w in r.words[sp.end: sp.end + 2]]:
        return None
    _, b = r.sentences[r.tokens[sp.start].sent]
    for k in range(sp.end, b):
        w = r.words[k].lower()
        if w in _CLAUSE_BREAK or any(x.start == k for x in r.spans if x.label == "LIMIT"):
            break
        key = stem(w)
        var = r.distinct.get(key, _open_compound(r, k))
        if var is not None:
            return var
    return None


def _share_in_it(r: Reading, sp: Span) -> int | None:
    """"Because Fund C is risky, she will put at most 25 percent of her money in it": a share put "in it"
    ("into it", "on it") is the share of the variable named last before the limit."""
    a, b = r.sentences[r.tokens[sp.start].sent]
    low = [w.lower() for w in r.words[sp.end: b]]
    cut = next((i for i, w in enumerate(low) if w in {",", ";", "and", "but", "while"}), len(low))
    if not any(w in {"in", "into", "on", "to", "for"} and nxt == "it" for w, nxt in zip(low[:cut], low[1:cut], strict=False)):
        return None
    before = [k for k in r.mention_var if k < sp.start]
    if not before or r.tokens[max(before)].sent < r.tokens[sp.start].sent - 1:
        return None
    return r.mention_var[max(before)]


def _into_several(r: Reading, k: int) -> bool:
    """"up to $25,000 to put into a certificate of deposit paying 4.5% a year and a bond fund paying 6%": a sum
    put into one variable and, later in the clause, another (no limit between them) is put into both."""
    b = r.sentences[r.tokens[k].sent][1]
    for j in range(k + 1, b):
        if r.words[j] == "," and r.mention_var.get(j + 1, r.mention_var[k]) != r.mention_var[k]:
            return True  # "exactly $200,000 in bonds, dividend stocks and a REIT": a list of places
        if any(x.start == j and x.label == "LIMIT" for x in r.spans) or r.words[j] in {",", ";", ".", "?", "!"}:
            return False
        if j in r.mention_var and r.mention_var[j] != r.mention_var[k]:
            return r.words[j - 1].lower() in {"and", "a", "an", "the"} and "and" in (
                w.lower() for w in r.words[k: j])
    return False


def _open_compound(r: Reading, k: int) -> int | None:
    """"native speakers" for "native-speaker teachers": a hyphenated word of one variable's name written
    open, in two words."""
    if k + 1 >= len(r.words) or not r.words[k].isalpha() or not r.words[k + 1].isalpha():
        return None
    return r.distinct.get(stem(f"{r.words[k]}-{r.words[k + 1]}"))


def _var_follows(r: Reading, sp: Span) -> int | None:
    """The variable named right after a limit ("at least 40 2-piece suits", "at most 30 units of X"; "at
    least $1000 in company B" where the decisions are sums of money)."""
    glue = {"of", "the", "units", "unit", "new", "more", "fewer", "less", "a", "an"}
    # "at least $1000 has to be invested in the shipping industry": the words between say where it goes
    k0 = sp.end
    while k0 < min(sp.end + 5, len(r.words)) and r.words[k0].lower() in _MONEY_GLUE:
        k0 += 1
    if sp.start > 0 and r.words[sp.start - 1] == "$" and _money_decisions(r) and k0 < len(r.words) and (
            r.words[k0].lower() in {"in", "into", "on"}):
        for k in range(k0, min(k0 + 5, len(r.words))):  # "at least $1000 in toothpaste company B"
            if k in r.mention_var:
                return None if _listed_with_another(r, r.mention_var[k], sp) or _into_several(
                    r, k) else r.mention_var[k]
            if r.words[k] in {",", ".", ";", "?", "!"} or r.words[k].lower() in {"and", "or", "than", "while"}:
                break
    given = _given_to(r, sp.end) if sp.end < len(r.words) else None
    if given is not None:  # "at least 10 hectares must be planted with Riesling"
        return given
    for k in range(sp.end, min(sp.end + 4, len(r.words))):
        if k in r.mention_var:
            one_word = not any(x.start == k and x.end > k + 1 for x in r.spans if x.label == "VAR")
            return None if one_word and _common_head(r, k) else r.mention_var[k]
        if stem(r.words[k]) in r.distinct and r.words[k - 1].lower() != "of" and _head_of(r, k) and not (
                _common_head(r, k)):
            return r.distinct[stem(r.words[k])]  # "40 2-piece suites" untagged
        if stem(r.words[k]) in r.distinct and "-" in r.words[k].strip("-") and r.words[k - 1].lower() != "of":
            # "at most 18 full-time positions": a hyphenated modifier only one name has is never a head noun
            # (unlike "600 eggs" of "eggs benedict"), whatever noun it qualifies
            return r.distinct[stem(r.words[k])]
        if _open_compound(r, k) is not None:  # "up to 8 native speakers" of "native-speaker teachers"
            return _open_compound(r, k)
        if _unit_of(r, sp, k):
            return r.mention_var[k + 2]  # "at least 15 bottles of Dusk": what the counted things hold
        if _measure_of(r, sp, k) is not None:
            return _measure_of(r, sp, k)  # "at least 3 kg of fruit in the mix"
        if r.words[k].lower() not in glue:
            return _counted_for(r, k)
    return None


def _measure_of(r: Reading, sp: Span, k: int) -> int | None:
    """"at least 3 kg of fruit", "no more than 20 litres of the red paint": a unit of measure and "of" a
    variable's name bound that variable, whatever the unit (not when the name is listed with another)."""
    if k + 2 >= len(r.words) or r.words[k].lower() not in MEASURES | {"kg", "lb", "lbs", "oz", "mg", "l"} or (
            r.words[k + 1].lower() != "of"):
        return None
    j = k + 2 + (1 if r.words[k + 2].lower() in {"the", "a", "an"} else 0)
    var = r.mention_var.get(j)
    # (a name no coefficient is given for is no decision: "300 acres of land to grow spinach")
    if var is None or _listed_with_another(r, var, sp) or not any(var in f.coefs for f in r.features):
        return None
    return var


# ("at least 3 agents must be on the night shift": the bare "be" of a place one works in or on)
_GIVEN = re.compile(rf"(?:must|should|will|can|has to|have to|needs to|need to|is to|are to) (?:(?:be [a-z]+{_PP}|go|come) "
                    r"(?:with|to|for|on|in|into|as|by|from)|be (?:on|in|at)) "
                    r"(?:the |a |an )?$")


def _asked(r: Reading, k: int) -> bool:
    """The word at k is what the question counts ("How many kilograms of each wax ...")."""
    w = stem(r.words[k])
    return any(a.lower() == "how" and b.lower() == "many" and (stem(c) == w or _UNIT_NAMES.get(w.lower()) == stem(c))
               for a, b, c in zip(r.words, r.words[1:], r.words[2:], strict=False))


# a unit's short name and the stem of its long one: "1000 kg" in a text that asks "How many kilograms"
_UNIT_NAMES = {"kg": "kilogram", "g": "gram", "ml": "millilitre", "l": "litre", "t": "tonne", "lb": "pound",
               "lbs": "pound", "hr": "hour", "hrs": "hour", "km": "kilometre"}


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


def _given_to(r: Reading, k: int) -> int | None:
    """"At least 10 hectares must be planted with Riesling", "no more than 8 bundles can be delivered by
    wholesaler Y", "at least 40 hours must go to the comet survey": what a count of the decisions' unit (the question's "how many bundles") is put to or
    comes from, named after its verb, is the variable it bounds."""
    if stem(r.words[k]) not in decision_units(r) and not _asked(r, k):
        return None
    for j in range(k + 4, min(k + 10, len(r.words))):
        if j in r.mention_var:
            said = " ".join(w.lower() for w in r.words[k + 1: j]) + " "
            return r.mention_var[j] if _GIVEN.fullmatch(said) else None
        if r.words[j] in {",", ".", ";", "?", "!"}:
            return None
    return None


def _unit_of(r: Reading, sp: Span, k: int) -> bool:
    """"at least 15 bottles of Dusk", "at most 30 pairs of skis": the word at k is what one unit of every
    decision is ("per bottle", "how many pairs"), and "of" names a variable that numbers measure (not
    "300 acres of land", land no coefficient is given for)."""
    if k + 2 >= len(r.words) or r.words[k + 1].lower() != "of" or k + 2 not in r.mention_var:
        return False
    var = r.mention_var[k + 2]
    # ("at least 20 kilograms of beeswax" where the question counts kilograms of each)
    return (stem(r.words[k]) in decision_units(r) or _asked(r, k)) and any(var in f.coefs for f in r.features) and not (
        _listed_with_another(r, var, sp))


def _counted_for(r: Reading, k: int) -> int | None:
    """"reserved a minimum of 10 tickets for vehicles", "a minimum of 50 books displayed are hardcover":
    what a variable is counted in, "for" it or said to "be" it, is that variable ("vehicle tickets",
    "hardcover books"): the word at k is a head of its name."""
    j = k + 1
    if j < len(r.words) and r.words[j].lower() not in _COUNTED_FOR and r.words[j].isalpha() and j not in r.mention_var:
        j += 1  # one word between: "books displayed are"
    if r.words[j: j + 2] == ["to", "be"]:
        j += 1
    if j + 1 >= len(r.words) or r.words[j].lower() not in _COUNTED_FOR:
        return None
    j += 1
    var = r.mention_var.get(j)
    # either number of the word: "vehicles" of "vehicle tickets" (stems "vehicl" and "vehicle")
    forms = [stem(r.words[j]), stem(r.words[j][:-1]) if r.words[j].lower().endswith("s") else ""]
    var = var if var is not None else next((r.distinct[f] for f in forms if f in r.distinct), None)
    if var is None:
        return None
    heads = {stem(m.split()[-1]) for m in r.variables[var].mentions if m.split()}
    return var if stem(r.words[k]) in heads else None


_COUNTED_FOR = frozenset({"for", "are", "be", "is"})
_MONEY_GLUE = frozenset("must has have to should needs need be is are invested put placed spent allocated kept "
                        "going go stay stays remain remains left".split())


def _money_decisions(r: Reading) -> bool:
    """The decisions are amounts of money ("invest in ...", "how much money")."""
    text = " ".join(r.words).lower()
    return ("invest" in text and "how many" not in text) or "how much money" in text or bool(
        "$" in text and "how many" not in text and _PUT_MONEY.search(text))


# "How much should he put into each?": with sums of money in the text, the decisions are amounts put in
_PUT_MONEY = re.compile(r"\bhow much (?:should|must|will|would|can|does|do) (?:[a-z]+ ){0,3}?(?:put|place|deposit|lend) "
                        r"(?:in|into|on)\b")


def _common_head(r: Reading, k: int) -> bool:
    """The word at k ends a name of every variable ("at most 150 sandwiches" of "peanut butter sandwiches"
    and "chocolate spread sandwiches"): it counts them all, whichever name kept it."""
    w = stem(r.words[k])
    return len(r.variables) >= 2 and all(
        any(m.split() and stem(m.split()[-1]) == w for m in v.mentions) for v in r.variables)


def _head_of(r: Reading, k: int) -> bool:
    """The word at k ends its variable's name ("40 suits" of "2-piece suits"; "600 eggs" is not "eggs
    benedict")."""
    v = r.variables[r.distinct[stem(r.words[k])]]
    heads = {stem(m.split()[-1]) for m in v.mentions if m.split()}
    # or the head comes next, however spelt ("40 2-piece suites" of "2-piece suits")
    nxt = stem(r.words[k + 1]) if k + 1 < len(r.words) else ""
    return stem(r.words[k]) in heads or (len(nxt) > 3 and any(h[:4] == nxt[:4] for h in heads))


def constraints(r: Reading, objective_sense: str = "max", objective_feature: int | None = None) -> list[
        ConstraintSpec]:
    """Every constraint the text states. `objective_sense` is the objective's direction;
    `objective_feature` the coefficient group the objective uses (no limit is left to take it alone)."""
    out: list[ConstraintSpec] = []
    limits = [sp for sp in r.spans if sp.label == "LIMIT"]
    compared: list[tuple[int, int]] = []
    for s in sorted(r.sentences):
        for spec, rng in comparisons(r, s, limits):
            out.append(spec)
            compared.append(rng)
    pending: list[tuple[ConstraintSpec, Counter[str], list[int]]] = []  # specs that may need a feature
    units = decision_units(r)
    totals: list[bool] = []
    shared: set[int] = set()  # pending specs whose limit holds for each of several resources
    ranges = _ranges(r, limits)
    listed = _respective_limits(r, limits)
    narrowed: list[tuple[ConstraintSpec, ConstraintSpec, int]] = []  # "..., at least 40 of which must be X"
    for sp in limits:
        s = r.tokens[sp.start].sent
        if any(a <= sp.start < b for a, b in compared):
            continue
        value = parse_value(sp.text)
        if value is None or _compares(r, sp) or _said_again(r, sp) or _size_of_unit(r, sp):
            continue
        cue = _cue(r, sp)
        sentence = r.sentence_text(s)
        share = _is_share(r, sp)
        if share and "%" not in sp.text and value > 1:
            value /= 100
        # (a limit with no direction word at all is a capacity: defaulting to ">=" under a minimum was
        # tried and read dev worse)
        before = _words_before(r, sp)
        # "and the department has 30 teaching assistants": a stock, whatever duty the sentence also states
        stock = "<=" if re.search(r"\b(has|have)( available)?$", before.lower()) else None
        # "60000 grams of flour and 900 oven minutes are available, and at least 50 ...": what is available
        # is a most, whatever cue the next clause holds
        stock = stock or _available_after(r, sp)
        # "the cinemas offer 4,500 seat-days": what a place offers is a most
        stock = stock or ("<=" if re.search(r"\b(offers|offer)$", before.lower()) else None)
        # "There are 18 booths and each person needs one": what there is, named by a bare noun phrase that no
        # duty follows, is a stock
        stock = stock or _there_is(r, sp)
        # "240 guests must be seated", "1800 parcels have to be delivered": an amount required to be done,
        # whatever cue the rest of the sentence holds
        done = ">=" if _DONE.match(" ".join(w.lower() for w in r.words[sp.end: sp.end + 7])) or ALL_OWED.match(
            " ".join(r.words[sp.end:])) else None
        # "the detailer works six hours a day": the time one works is a most
        stock = stock or ("<=" if re.search(r"\b(works|work|operates|operate|runs|run|(is|are) open)$", before.lower())
                          and _unit(r, sp) in {"HOUR", "MINUTE"} else None)
        sense = (_promised(r, sp) or direction(before) or _verb_bound(r, sp) or _covered(r, sp, objective_sense) or stock or done or _duty_after(r, sp) or direction(cue)
                 or _owed(r, sp) or direction(sentence) or "<=")
        sense = _all_of(r, sp) or sense  # "has inherited $50000 and will invest all of it"
        vars_ = _clause_vars(r, sp, limits)
        total = _total_near(r, sp) or _whole_of(r, sp)
        per = _for_every(r, sp)
        if per is not None:  # "at least 1 doctor shift for every 4 nurse shifts": x >= (1 / 4) y
            x, y, n = per
            out.append(ConstraintSpec("xby", sense, 0.0, x=x, y=y, param=value / n, sentence=sentence, cue=cue))
            continue
        which = _of_which(r, sp)
        if which is not None and pending and pending[-1][0].sentence == sentence:
            # "at least 120 boards, at least 40 of which must be longboards": the earlier limit's row, for
            # that one variable
            spec = ConstraintSpec("linear", sense, value, sentence=sentence, cue=cue)
            out.append(spec)
            narrowed.append((spec, pending[-1][0], which))
            continue
        again = _that_many(r, sp)
        if again and r.variables:  # "at least 9,000 admissions, so the slots must offer at least that many seats"
            spec = ConstraintSpec("linear", sense, value, sentence=sentence, cue=cue, unit=_unit(r, sp))
            out.append(spec)
            pending.append((spec, again, vars_))
            totals.append(False)
            continue
        blend = _blend(r, sp, value) if share and r.variables else _concentration(r, sp) if r.variables else None
        if blend is not None:  # "the sulfur must not exceed 2.2 percent of the total tonnage"
            out.append(ConstraintSpec("blend", sense, value, blend, sentence=sentence, cue=cue))
            continue
        some = _named_together(r, sp) if r.variables and not share else None
        if some is not None:  # "the afternoon and evening shifts together at least 16"
            out.append(ConstraintSpec("sum", sense, value, {v: 1.0 for v in some}, sentence=sentence, cue=cue))
            continue
        subset = _subset_of_them(r, sp, limits) if r.variables and r.features else None
        if subset is not None:  # "at least 60 of them can only go in refrigerated trucks"
            out.append(ConstraintSpec("linear", sense, value, subset, sentence=sentence, cue=cue))
            continue
        if share and r.variables:
            var = _share_in_it(r, sp)  # "at most 25 percent of her money in it": the one just named
            var = var if var is not None else vars_[0] if vars_ else (
                _share_of(r, sp) if _share_of(r, sp) is not None else _share_subject(r, sp))
            if var is not None:
                out.append(ConstraintSpec("ratio", sense, value, {var: 1.0}, sentence=sentence, cue=cue))
                continue
        if r.variables and (_of_each_type(r, sp) or _neither_before(r, sp)):
            # "more than 8 of either type", "neither line can run more than 20 hours": a bound on each
            kind = "lowerbound" if sense == ">=" else "upperbound"
            out += [ConstraintSpec(kind, sense, value, {v.index: 1.0}, sentence=sentence, cue=cue)
                    for v in r.variables]
            continue
        if r.variables and value > 1 and sp.end < len(r.words) and stem(r.words[sp.end].lower()) in _one_each(
                r.words):
            # "only 30 lids, and every tin, small or large, needs one lid": one of them to each, all together
            out.append(ConstraintSpec("sum", sense, value, {v.index: 1.0 for v in r.variables},
                                      sentence=sentence, cue=cue))
            continue
        follows = ranges.get(sp.start, _var_follows(r, sp))
        ones = _one_per_item(r, sp) if r.variables and value > 1 and sense == "<=" and follows is None and (
            not vars_) else None
        if ones is not None:  # "the Deluxe basket holds ... a bottle of wine ... 40 bottles of wine"
            out.append(ConstraintSpec("linear", sense, value, ones, sentence=sentence, cue=cue))
            continue
        if follows is None and _money_decisions(r) and sp.start > 0 and r.words[sp.start - 1] == "$" and (
                len(vars_) != 1 or total) and not _earned(r, sp):
            # "invest up to $5000": the amounts themselves add up to it
            out.append(ConstraintSpec("sum", sense, value, {v.index: 1.0 for v in r.variables},
                                      sentence=sentence, cue=cue))
            continue
        if follows is None and not vars_ and not total and (named := _named_subject(r, sp)) is not None:
            # "and Birch can ship no more than 4,000 tonnes": the one source the subject names
            kind = "lowerbound" if sense == ">=" else "upperbound"
            out.append(ConstraintSpec(kind, sense, value, {named: 1.0}, sentence=sentence, cue=cue))
            continue
        if follows is not None and _listed_with_another(r, follows, sp):
            follows, total = None, True  # "at most 40 vans and trucks": both together
        if follows is None and r.variables and (((len(vars_) != 1 or total) and (_counts_decisions(
                r, sp, units) or _of_every_head(r, sp) or _asked_measure(r, sp))) or (
                _shared_among(r, sp, objective_feature)) or _generic_count(r, sp, sense)):
            out.append(ConstraintSpec("sum", sense, value, {v.index: 1.0 for v in r.variables},
                                      sentence=sentence, cue=cue))
            continue
        if follows is not None and not total:
            kind = "lowerbound" if sense == ">=" else "upperbound"
            # "at least 100 g of tofu" when the decisions are "in units of 100 g": the bound in those units
            value /= _decision_size(r, sp)
            out.append(ConstraintSpec(kind, sense, value, {follows: 1.0}, sentence=sentence, cue=cue))
            continue
        subject = (vars_[0] if len(vars_) == 1 and _subject_is(r, sp, vars_[0]) else
                   _named_in_clause(r, sp) if not vars_ else None)
        if follows is None and not total and subject is not None and _asked_unit(r, sp):
            # "line 2 can run at most 35 hours" when the question asks "How many hours should each line
            # run": the decision itself, not the group whose rate is "for an hour"
            kind = "lowerbound" if sense == ">=" else "upperbound"
            out.append(ConstraintSpec(kind, sense, value, {subject: 1.0}, sentence=sentence, cue=cue))
            continue
        spec = ConstraintSpec("linear", sense, value, sentence=sentence, cue=cue, unit=_unit(r, sp),
                              share=share and 0 < value < 1)
        out.append(spec)
        pending.append((spec, listed.get(sp.start) or _limit_context(r, sp), vars_))
        totals.append(total)
        if _each_resource(r, sp):
            shared.add(len(pending) - 1)
    out += _assign_features(r, pending, totals, objective_feature, shared)
    out += _batch_total(r, out)
    for spec, ref, var in narrowed:
        spec.terms = {var: ref.terms[var]} if var in ref.terms and ref.kind == "linear" else {var: 1.0}
    return [c for c in out if c.kind != "drop"]


_ONLY_IN = re.compile(r"\b(?:only|solely|just|exclusively)\b")


def _subset_of_them(r: Reading, sp: Span, limits: list[Span]) -> dict[int, float] | None:
    """"At least 200 pallets must be shipped, and at least 60 of them ... can only go in refrigerated
    trucks": a part of the amount the limit before counts, which only the variables named after "only"
    can carry -- that amount's row over them alone."""
    if [w.lower() for w in r.words[sp.end: sp.end + 2]] not in (["of", "them"], ["of", "these"], ["of", "those"]):
        return None
    s = r.tokens[sp.start].sent
    prev = [x for x in limits if x.start < sp.start and r.tokens[x.start].sent == s]
    if not prev:
        return None
    _, b = r.sentences[s]
    end = next((k for k in range(sp.end, b) if r.words[k] in {".", ";", "?", "!"}), b)
    only = next((k for k in range(sp.end + 2, end) if _ONLY_IN.match(r.words[k].lower())), None)
    if only is None:
        return None
    named = {r.mention_var[k] for k in range(only + 1, end) if k in r.mention_var}
    if not named or len(named) == len(r.variables):
        return None
    ctx = _limit_context(r, prev[-1])
    unit = r.words[prev[-1].end].lower() if prev[-1].end < len(r.words) else ""
    best, score = None, 0.0
    for f in r.features:
        if not named <= set(f.coefs) or {"MONEY", "PROFIT"} & set(f.context):
            continue
        sc = overlap(ctx, f.context) + (1.0 if stem(unit) in {stem(w) for w in f.context} else 0.0)
        if sc > score:
            best, score = f, sc
    if best is None:
        return None
    return {v: best.coefs[v].value for v in sorted(named)}


def _compares(r: Reading, sp: Span) -> bool:
    """"at least three times as many hardcover than paperback textbooks": a multiple of another
    variable (read by `comparisons` when it can name both), never a bound of its own."""
    after = " ".join(w.lower() for w in r.words[sp.end: sp.end + 4])
    if any(f in sp.text.lower().split() for f in FRACTIONS):
        return False  # "at most half the number of ads": a share of the total, a limit of its own
    return _is_multiplier(r, sp) and bool(re.match(r"(times? )?(as many|as much|more|fewer|less|the)\b", after))


_EACH = frozenset({"each", "both", "every", "all", "either"})
_RANGE_GLUE = frozenset("but and to or - , at most least no not more less than fewer maximum minimum a the up under "
                        "over exceed never nor $ between".split())


def _ranges(r: Reading, limits: list[Span]) -> dict[int, int]:
    """Two limits of one range share their variable: "at least 10 but at most 30 pairs of skis", "at
    least 10 lenses but at most 25": limit start -> the variable named after the other one."""
    out: dict[int, int] = {}
    for a, b in zip(limits, limits[1:], strict=False):
        between = [w.lower() for w in r.words[a.end: b.start]]
        if not between or r.tokens[a.start].sent != r.tokens[b.start].sent:
            continue
        va, vb = _var_follows(r, a), _var_follows(r, b)
        if va is None and vb is not None and all(w in _RANGE_GLUE for w in between):
            out[a.start] = vb
        elif va is not None and vb is None:
            k = next((k for k in range(a.end, b.start) if r.mention_var.get(k) == va), None)
            if k is None:
                continue
            end = next((x.end for x in r.spans if x.start == k), k + 1)
            rest = [w.lower() for w in r.words[end: b.start]]
            after = r.words[b.end].lower() if b.end < len(r.words) else "."
            if rest and rest[0] in {"but", "and", "to", "-"} and all(w in _RANGE_GLUE for w in rest) and (
                    after in {".", ",", ";", "are", "is", "be", "will", "can", "units", "of", "each", "per"}):
                out[b.start] = va
    return out


def _respective_limits(r: Reading, limits: list[Span]) -> dict[int, Counter[str]]:
    """"The minimum requirements of dye, thinner, and water are 15 units, 20 units, and 18 units
    respectively": the k limits of a "respectively" sentence take, in order, the k resources named
    before them that the coefficients measure. Limit start -> its resource's context."""
    out: dict[int, Counter[str]] = {}
    known = {t for f in r.features for t in f.context if weight(t) >= 1 and t not in {"MONEY", "PROFIT"}}
    for a, b in r.sentences.values():
        if "respectively" not in {w.lower() for w in r.words[a:b]}:
            continue
        lims = [sp for sp in limits if a <= sp.start < b]
        if len(lims) < 2:
            continue
        names = list(dict.fromkeys(t for w in r.words[a: lims[0].start] for t in content([w]) if t in known))
        if len(names) != len(lims):
            # "has 500 units and 400 units of cheddar and American cheese available respectively": the
            # resources follow the numbers; a word every group names ("cheese") names none of them
            own = {t for t in known if sum(t in f.context for f in r.features) == 1}
            names = list(dict.fromkeys(t for w in r.words[lims[-1].end: b] for t in content([w]) if t in own))
        if len(names) == len(lims):
            out.update({sp.start: Counter({t: 1}) for sp, t in zip(lims, names, strict=True)})
    return out


def _of_each_type(r: Reading, sp: Span) -> bool:
    """"at most 8 of either type", "no more than 12 of each kind", "at least 10 of each"."""
    nxt = [w.lower() for w in r.words[sp.end: sp.end + 3]]
    if len(nxt) >= 2 and nxt[0] == "of" and nxt[1] in {"either", "each"} and (
            len(nxt) < 3 or stem(nxt[2]) not in _TIME_WORDS):
        return True
    # "at most 15 tons of each per week": a unit between and "each" ending the phrase. Not "either":
    # "at least 200 binders of either type" is a total, and not "300 minutes of each machine" (a limit
    # per machine)
    nxt = [w.lower() for w in r.words[sp.end: sp.end + 4]]
    return len(nxt) >= 3 and nxt[0].isalpha() and nxt[1:3] == ["of", "each"] and (
        len(nxt) < 4 or nxt[3] in _AFTER_EACH)


_AFTER_EACH = frozenset(". , ; per every a in and but daily weekly monthly".split())


def _each_resource(r: Reading, sp: Span) -> bool:
    """The limit holds for several resources at once: "each machine is available for 720 minutes",
    "both machines are available for at most 600 minutes", "20 grams of biotin and folate each"."""
    a, b = r.sentences[r.tokens[sp.start].sent]
    lowered = [w.lower() for w in r.words[a:b]]
    for k, w in enumerate(lowered):
        if w not in _EACH:
            continue
        nxt = lowered[k + 1] if k + 1 < len(lowered) else ""
        if not nxt or nxt in {".", ",", ";", "?", "!"}:
            return a + k > sp.start  # "... fiber and iron each."
        if nxt == "of" or stem(nxt) in _TIME_WORDS or (a + k + 1) in r.mention_var:
            continue
        if a + k < sp.start or a + k <= sp.end + 3:  # "a minimum of 20 grams of each biotin and folate"
            return True
    return False


_TIME_WORDS = frozenset(stem(w) for w in "day days week weeks month months year years hour hours minute minutes "
                        "shift shifts season morning night time times".split())


_EARN = re.compile(r"\b(earns?|earned|earning|returns?|interest|income|yields?|profits?|gains?)\b")


def _earned(r: Reading, sp: Span) -> bool:
    """"so that she earns at least $3,000 a year", "the yearly interest must be at least $900": with money
    decisions, a sum of money the clause says is earned is the return row, not the amounts put in."""
    return bool(_EARN.search(_clause_before(r, sp, 8).lower()) or _EARNED_AFTER.match(_clause_after(r, sp, 5)))


# "$11,000 of return a year", "$900 in yearly interest": the sum is what is earned
_EARNED_AFTER = re.compile(r"^(?:of|in) (?:yearly |annual |total |combined )?(?:returns?|interest|income|earnings|profits?)\b")


def _modifier_unit(r: Reading, k: int, units: set[str]) -> bool:
    """"56 waiter shifts": the word at k qualifies the noun after it, which the coefficients measure (the
    head noun, "shifts", is the limit's unit; "waiter" is not a count of waiters)."""
    if k + 1 >= len(r.words) or not r.words[k + 1].isalpha() or k + 1 in r.mention_var:
        return False
    nxt = stem(r.words[k + 1])
    return nxt not in units and nxt not in STOP and any(nxt in f.context for f in r.features)


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
    if not ("/" in "".join(after[:3]) or "per" in after[:3]) or not _MIX_WHOLE.search(_clause_before(r, sp, 10)):
        return None
    said = set(content([w for w in re.split(r"[/\s]+", " ".join(after)) if w and w != "per"]))
    for f in r.features:
        if len(f.coefs) >= 2 and not {"MONEY", "PROFIT"} & set(f.context) and len(said & set(f.context)) >= 2:
            return {v: c.value for v, c in f.coefs.items()}
    return None


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
    return k < len(r.words) and r.words[k].isalpha() and _asked(r, k) and not (
        sp.start > 0 and r.words[sp.start - 1] == "$")


def _subject_is(r: Reading, sp: Span, var: int) -> bool:
    """The limit's own clause names `var` before it, and no other variable: its subject ("and line 2 can
    run at most 35 hours"), not a place named after it ("owns 80 hives ... in an orchard")."""
    a, _ = r.sentences[r.tokens[sp.start].sent]
    cut = max([k + 1 for k in range(a, sp.start) if r.words[k].lower() in _CLAUSE_BREAK], default=a)
    named = {r.mention_var[k] for k in r.mention_var if cut <= k < sp.start}
    return named == {var}


def _named_in_clause(r: Reading, sp: Span) -> int | None:
    """"Birch can ship no more than 4,000 tonnes" of "ore from Birch mine": the one variable a word only its
    name has names, untagged, in the limit's own clause before it."""
    a, _ = r.sentences[r.tokens[sp.start].sent]
    cut = max([k + 1 for k in range(a, sp.start) if r.words[k].lower() in _CLAUSE_BREAK], default=a)
    named = {r.distinct[stem(r.words[k])] for k in range(cut, sp.start) if stem(r.words[k]) in r.distinct}
    return named.pop() if len(named) == 1 else None


def _asked_measure(r: Reading, sp: Span) -> bool:
    """"The station needs at least 1000 tonnes this week" when the question asks "How many tonnes ...":
    a limit in the unit the question counts, of no one thing ("1000 tonnes of coal from mine B"), is the
    sum of the decisions."""
    k = sp.end
    if k >= len(r.words) or not r.words[k].isalpha() or not _asked(r, k) or (sp.start > 0 and r.words[sp.start - 1] == "$"):
        return False
    if any(j in r.mention_var for j in range(k + 1, min(k + 4, len(r.words)))):
        return False
    if any(r.words[j].lower() == "of" for j in range(k + 1, min(k + 4, len(r.words)))) and not _of_every(
            r, sp) and not _of_mix(r, sp):
        return False
    if _named_in_clause(r, sp) is not None:
        return False  # ("Birch can ship no more than 4,000 tonnes": one of them)
    # ("the sludge press can take no more than 4,000 kilograms": a resource the coefficients measure)
    own = _clause_before(r, sp).split(" and ")[-1].split()
    return not set(content(own)) & {w for f in r.features for w in f.context}


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
                j in r.mention_var for j in range(a + k, sp.start)):
            return True
    for k in range(sp.end, min(sp.end + 3, len(r.words))):
        w = r.words[k].lower()
        if w in {"of", ",", ".", ";", "and", "or", "per", "every", "each"} or k in r.mention_var:
            return False
        if stem(w) in units and not _modifier_unit(r, k, units):
            # "4 milliliters of active compound", where coefficients measure the compound: that amount,
            # not the decisions themselves
            if _of_resource(r, k) or (k + 2 < len(r.words) and r.words[k + 1].lower() == "of" and any(
                    stem(r.words[k + 2]) in f.context for f in r.features)):
                return False
            # "300 containers of the strong anesthetics": a bound on that one, not a sum
            return not any(j in r.mention_var for j in range(k + 1, min(k + 5, len(r.words))))
    return False


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
    variables, or made from them, is their sum."""
    for k in range(sp.end, min(sp.end + 8, len(r.words) - 2)):
        w = r.words[k].lower()
        if w in {".", ";", "?", "!", "which", "while", "and"} or k in r.mention_var:
            return False
        if r.words[k - 1].lower() == "of" and w not in MEASURES and any(
                stem(w) in f.context for j, f in enumerate(r.features) if len(f.coefs) >= 2 and j != objective_feature
                and "MONEY" not in f.context):
            return False  # "25 mg of iron a day from tofu, chickpeas and spinach": what they contain, weighted
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


def _listed_with_another(r: Reading, var: int, sp: Span) -> bool:
    """The variable after a limit is followed by "and|or <another variable>" ("40 vans and trucks")."""
    # within the limit's sentence: "room for at most 24 panels. How many panels and turbines ..." lists
    # the question's names, not the limit's
    _, b = r.sentences[r.tokens[sp.start].sent]
    k = next((k for k in range(sp.end, min(sp.end + 6, b)) if r.mention_var.get(k) == var), None)
    if k is None:
        return False
    end = next((x.end for x in r.spans if x.start == k), k + 1)
    nxt = r.words[end].lower() if end < len(r.words) else ""
    other = end + 2 if end + 2 < len(r.words) and r.words[end + 1].lower() == "the" else end + 1  # "X and the Y"
    return nxt in {"and", "or"} and r.mention_var.get(other, var) != var


def _total_near(r: Reading, sp: Span) -> bool:
    """"in total", "combined", "all": the limit is on everything together (words within its clause)."""
    a, b = r.sentences[r.tokens[sp.start].sent]
    lo = max([k + 1 for k in range(a, sp.start) if r.words[k] in {",", ";"} or r.words[k].lower() == "and"],
             default=a)
    hi = min([k for k in range(sp.end, b) if r.words[k] in {",", ";"} or r.words[k].lower() == "and"], default=b)
    near = r.words[max(a, sp.start - 5): sp.start]  # "In total, at most 40 ..."
    # ("at most 4 billboards (that is all the sites on offer)": an aside in brackets says why, not what)
    hi = min([k for k in range(sp.end, hi) if r.words[k] in {"(", "["}], default=hi)
    return bool(_TOTAL & {w.lower() for w in [*r.words[lo:hi], *near]})


def _named_together(r: Reading, sp: Span) -> list[int] | None:
    """"the afternoon and evening shifts together at least 16", "peat moss and coir together must make up at
    least 25 litres": a limit on some of the variables, the ones its own clause joins by "and" before
    "together" / "combined" (not all of them: a limit on all is a sum of its own)."""
    a, _ = r.sentences[r.tokens[sp.start].sent]
    lo = max([k + 1 for k in range(a, sp.start) if r.words[k] in {",", ";", ":"}], default=a)
    words = [w.lower() for w in r.words[lo: sp.start]]
    if not any(w in {"together", "combined"} for w in words):
        return None
    at = lo + max(i for i, w in enumerate(words) if w in {"together", "combined"})
    named = [v for v in (_named_at(r, k) for k in range(lo, at)) if v is not None]
    joined = {w for w in r.words[lo:at]}
    if "and" not in joined and "&" not in joined:
        return None
    out = list(dict.fromkeys(named))
    return out if 2 <= len(out) < len(r.variables) else None


def _whole_of(r: Reading, sp: Span) -> bool:
    """"the depot has 25 parking spaces for the whole fleet": a limit "for the whole / entire" group the
    decisions make up is on them all together (not "for the whole week": a time)."""
    _, b = r.sentences[r.tokens[sp.start].sent]
    for k in range(sp.end, min(sp.end + 6, b - 2)):
        w = r.words[k].lower()
        if w in {",", ";", "and", "but", "while"}:
            return False
        if w == "for" and r.words[k + 1].lower() == "the" and r.words[k + 2].lower() in {"whole", "entire"}:
            nxt = r.words[k + 3].lower() if k + 3 < b else ""
            return nxt not in _PERIOD_WORDS
    return False


_PERIOD_WORDS = frozenset("day days week weeks month months year years season term night morning evening shift "
                          "festival period".split())


def _share_subject(r: Reading, sp: Span) -> int | None:
    """"..., and minibuses must make up at least a quarter of the vehicles": a share whose clause opens with
    one variable's own word (untagged) is that variable's share."""
    k = sp.start - 1
    while k >= 0 and r.words[k] not in {",", ";", ".", "?", "!"} and r.words[k].lower() not in {"and", "but", "while"}:
        k -= 1
    found = {r.distinct[f] for w in r.words[k + 1: sp.start] for f in (stem(w), w.lower().removesuffix("es"))
             if f in r.distinct}
    return found.pop() if len(found) == 1 else None


def _of_which(r: Reading, sp: Span) -> int | None:
    """"..., at least 40 of which must be longboards": the variable a limit "of which / of them" names."""
    w = [x.lower() for x in r.words[sp.end: sp.end + 6]]
    if w[:2] not in (["of", "which"], ["of", "them"]):
        return None
    for k in range(sp.end + 2, min(sp.end + 7, len(r.words))):
        if k in r.mention_var:
            return r.mention_var[k]
        if r.words[k] in {",", ".", ";"}:
            break
    return None


def _assign_features(r: Reading, pending: list[tuple[ConstraintSpec, Counter[str], list[int]]],
                     totals: list[bool], objective_feature: int | None = None,
                     shared: set[int] | None = None) -> list[ConstraintSpec]:
    """Give each resource limit the coefficient group it names, best matches first, each group once. A
    limit that holds for each of several resources (`shared`) also takes the other groups it names as
    well as its best one (returned as extra constraints)."""
    pairs = []
    for i, (spec, ctx, _) in enumerate(pending):
        for j, f in enumerate(r.features):
            sc = overlap(ctx, f.context)
            if sc > 0 and _priced_per(spec.unit, ctx, f):
                continue
            if sc > 0:
                # the unit right after the number ("8000 minutes") must agree with the coefficients'
                sc += 0.7 if spec.unit and spec.unit in f.context else 0.0
                # between groups the limit names equally ("spend at most $10000": the profit per headset
                # and the cost of one; "8000 minutes available for picking": the pounds picked and the
                # minutes taken), not the objective's: a limit rarely bounds what is optimized
                sc -= 0.01 if j == objective_feature else 0.0
                pairs.append((sc, -j, i, j))
    # between pairs that score the same, a limit with only one best group goes first: "6500 hours for the
    # parts, 3500 hours for assembling the parts" -- the first names the parts only, the second the parts
    # and the assembly, so the second takes the assembly
    top: dict[int, float] = {}
    for sc, _, i, _j in pairs:
        top[i] = max(top.get(i, sc), sc)
    n_best = Counter(i for sc, _, i, _j in pairs if sc >= top[i] - 1e-9)
    pairs = [p for _, p in sorted(((p[0], -n_best[p[2]], p[1], p[2], p[3]), p) for p in pairs)[::-1]]
    taken_spec: dict[int, int] = {}
    taken_feat: set[int] = set()
    for _sc, _, i, j in pairs:
        if i in taken_spec or j in taken_feat:
            continue
        taken_spec[i] = j
        taken_feat.add(j)
    _opposite_ranges(pending, pairs, taken_spec)
    # a limit naming nothing the coefficients measure ("500 customers every minute" against "20 people
    # per minute") takes the one coefficient group over every variable that nothing else uses
    spare = [j for j, f in enumerate(r.features) if j not in taken_feat and j != objective_feature
             and len(f.coefs) == len(r.variables) >= 2]
    unmatched = [i for i, (_, _, vars_) in enumerate(pending)
                 if i not in taken_spec and not totals[i] and len(vars_) != 1]
    if len(spare) == 1 and len(unmatched) == 1:
        taken_spec[unmatched[0]] = spare[0]
    extra: list[ConstraintSpec] = []
    best = {i: sc for sc, _, i, j in pairs if taken_spec.get(i) == j}
    for sc, _, i, j in pairs:
        unit = pending[i][0].unit
        if i in (shared or set()) and i in best and j not in taken_feat and j != objective_feature and (
                sc >= 0.5 * best[i]) and (not unit or unit in r.features[j].context):
            spec = pending[i][0]
            extra.append(ConstraintSpec(spec.kind, spec.sense, spec.limit * unit_scale(unit, set(r.features[j].context)), {
                v: c.value for v, c in r.features[j].coefs.items()}, sentence=spec.sentence, cue=spec.cue,
                unit=spec.unit))
            taken_feat.add(j)
    for i, (spec, _, vars_) in enumerate(pending):
        if i in taken_spec:
            spec.terms = _in_one_unit(r, r.features[taken_spec[i]], spec.unit)
            # "sixteen hours of working time" against "10 minutes" a candle: the limit in the row's unit
            spec.limit *= unit_scale(spec.unit, set(r.features[taken_spec[i]].context))
            if spec.share and _percent_row(r, r.features[taken_spec[i]]):
                # "gravel that is 60 percent crushed stone ... at least 40 percent of the gravel must be
                # crushed stone": the mix's share, sum p_i x_i >= 0.4 (x_1 + x_2 + ...)
                spec.kind = "blend"
            continue
        if len(vars_) == 1 and not totals[i]:
            spec.kind = "lowerbound" if spec.sense == ">=" else "upperbound"
            spec.terms = {vars_[0]: 1.0}
        elif (sizes := _sizes(r, spec.unit)) is not None:
            spec.terms = sizes  # "small 250-gram jars and large 1-kilogram jars ... 150 kg of honey"
        elif r.variables:
            spec.kind = "sum"
            spec.terms = {v.index: 1.0 for v in r.variables}
        else:
            spec.kind = "drop"
    return extra


_BATCH = re.compile(r"^(\d[\d,]*(?:\.\d+)?)-([a-z]+)$")


def _batch_total(r: Reading, out: list[ConstraintSpec]) -> list[ConstraintSpec]:
    """"A smelter blends three ores into a 100-tonne charge ... How many tonnes of each ore": the decisions,
    counted in the batch's unit, add up to the batch exactly (the size said as "<number>-<unit>" after
    "into a", a number no entity holds)."""
    if len(r.variables) < 2:
        return []
    low = [w.lower() for w in r.words]
    # what one unit of a decision is: "How many tonnes ...", or what a price is quoted per ("$80 a tonne")
    units = decision_units(r) | {stem(low[k + 2]) for k in range(len(low) - 2) if low[k: k + 2] == ["how", "many"]} | {
        u for f in r.features if "MONEY" in f.context for u in f.context if u != "MONEY"}
    for k in range(len(r.words) - 3):
        if r.words[k].lower() != "into" or r.words[k + 1].lower() not in {"a", "an", "one"}:
            continue
        m = _BATCH.match(r.words[k + 2].lower())
        if not m or stem(m.group(2)) not in units or any(sp.start <= k + 2 < sp.end for sp in r.spans):
            continue
        value = float(m.group(1).replace(",", ""))
        if any(c.kind == "sum" and c.limit == value for c in out):
            return []
        return [ConstraintSpec("sum", "==", value, {v.index: 1.0 for v in r.variables},
                               sentence=r.sentence_text(r.tokens[k].sent), cue="into")]
    return []


def _sizes(r: Reading, unit: str) -> dict[int, float] | None:
    """"small 250-gram jars and large 1-kilogram jars": each item's size, said as "<number>-<unit>" beside a
    word of its name only, in the limit's unit (0.25 and 1 against "150 kg of honey"); None unless every
    variable has one, in one table of magnitudes with the limit."""
    table = next((t for t in MAGNITUDES if unit in t), None)
    if table is None or len(r.variables) < 2:
        return None
    out: dict[int, float] = {}
    for k, w in enumerate(r.words):
        m = _BATCH.match(w.lower())
        if not m or m.group(2) not in table or any(sp.start <= k < sp.end for sp in r.spans if sp.label != "VAR"):
            continue
        near = {r.words[j].lower() for j in (k - 1, k + 1) if 0 <= j < len(r.words)}
        owners = {v.index for v in r.variables if near & {x.lower() for m_ in v.mentions for x in m_.split()}}
        if len(owners) == 1 and (v := owners.pop()) not in out:
            out[v] = float(m.group(1).replace(",", "")) * table[m.group(2)] / table[unit]
    return out if len(out) == len(r.variables) else None


def _priced_per(unit: str, ctx: Counter[str], f: Feature) -> bool:
    """A limit in the unit a money group is quoted per ("A litre costs $14 at North, $11 at South ... South can
    make at most 2,000 litres"): the unit names what is priced, not what the price measures, so a limit in it
    sharing nothing else with the group is not that group's row."""
    return bool(unit) and unit != "MONEY" and "MONEY" in f.context and "MONEY" not in ctx and not (
        (set(ctx) & set(f.context)) - {unit})


def _in_one_unit(r: Reading, f: Feature, unit: str) -> dict[int, float]:
    """The coefficients of a group, each in the limit's unit: "30 hours of dentist time ... A cleaning needs 15
    minutes of the dentist's time ... a filling needs 1 hour of the dentist's time" is 0.25 c + f <= 30. Only
    when every coefficient says its unit right after its number, in one table of magnitudes, and they differ."""
    terms = {v: c.value for v, c in f.coefs.items()}
    starts = {sp.start: sp for sp in r.spans if sp.label == "PARAM"}
    if not terms or any(c.tok not in starts for c in f.coefs.values()):
        return terms
    units = {v: _unit(r, starts[c.tok]) for v, c in f.coefs.items()}
    for table in MAGNITUDES:
        if unit in table and all(u in table for u in units.values()) and len(set(units.values())) > 1:
            return {v: terms[v] * table[units[v]] / table[unit] for v in terms}
    return terms


def _opposite_ranges(pending: list[tuple[ConstraintSpec, Counter[str], list[int]]], pairs: list[tuple],
                     taken_spec: dict[int, int]) -> None:
    """"at least 30 mg of sodium, but no more than 45 mg of sodium": a coefficient group may take two limits
    of opposite direction (a range on one resource), so a limit left over whose best group went to a limit
    of the other direction, in the same unit, takes that group too."""
    owner = {j: i for i, j in taken_spec.items()}
    best: dict[int, tuple[float, int]] = {}
    for sc, _, i, j in pairs:
        if i not in best or sc > best[i][0]:
            best[i] = (sc, j)
    for i, (_sc, j) in best.items():
        if i in taken_spec or j not in owner:
            continue
        spec, other = pending[i][0], pending[owner[j]][0]
        if {spec.sense, other.sense} == {"<=", ">="} and spec.unit and spec.unit == other.unit and (
                spec.limit != other.limit) and spec.sentence == other.sentence:
            taken_spec[i] = j


_MODAL = re.compile(r"\b(must|should|shall|can|cannot|can't|could|need|needs|has to|have to|want|wants|prefer|"
                    r"prefers|required?|at least|at most|no more|no less|exceed|exceeds|limit|will)\b")
_CLAUSE_SPLIT = frozenset({",", ";", "but", "while", "whereas", "and", "however", "so", "since", "because"})
_FRACTION_OF = re.compile(r"\b(half|third|quarter|fourth|fifth|\d+(?:\.\d+)? ?%|\d+ percent)\b (?:of )?(the|that)\b")
_NEGATED_MORE = re.compile(r"\b(?:can't|cannot|can not|mustn't|must not|may not|shouldn't|should not|won't|will not|"
                           r"isn't|aren't|is not|are not) (?:be |have |hire |use |take |book |run |make |get )?"
                           r"(?:any )?(more|greater|larger|higher|less|fewer|smaller|lower)\b[^,;]*?\bthan\b")
_MORE_THAN = re.compile(r"\b(more|fewer|less|greater|larger|smaller|higher|lower)\b.*\bthan\b")


def _clauses(r: Reading, s: int) -> list[tuple[int, int]]:
    a, b = r.sentences[s]
    cuts = [k for k in range(a, b) if r.words[k].lower() in _CLAUSE_SPLIT]
    bounds = [a, *cuts, b]
    return [(bounds[i] + (1 if i else 0), bounds[i + 1]) for i in range(len(bounds) - 1)
            if bounds[i + 1] > bounds[i] + (1 if i else 0)]


# "the number of small boxes must be at least the number of large boxes": a comparison with no multiplier
_AS_THE_NUMBER = re.compile(r"\b(?:at least|at most|no more than|no less than|no fewer than|not more than|not less than|"
                            r"not fewer than|equal to|the same as) (?:the|that of the) (?:number|amount|quantity|count) of\b")


def comparisons(r: Reading, s: int, limits: list[Span]) -> list[tuple[ConstraintSpec, tuple[int, int]]]:
    """xby / xy in a sentence: two variables compared in one clause ("at least twice as many X as Y")."""
    out = []
    sentence = r.sentence_text(s)
    if re.search(r"(than or equal to|at least|no less than) (0|zero)\b|non-?negative", sentence.lower()):
        return out
    clauses = _clauses(r, s)
    for i, (a, b) in enumerate(clauses):
        # a comparison may continue into the next clause: "more X than Y, ..." rarely; "X and Y" splits
        # wrongly, so a clause with one variable borrows the next clause's first mention
        low = " ".join(r.words[a:b]).lower()
        m_times = _TIMES.search(low)
        has_times = bool(m_times) and not re.match(r"\s*(a|an|per|every|each|daily|weekly|monthly)\b",
                                                   low[m_times.end():]) and bool(
            re.search(r"\b(as|than|that of|the number|the amount|the \w+ (?:of|for))\b", low[m_times.end():]))
        frac = _FRACTION_OF.search(low)
        compare = any(c in low for c in _COMPARE) or bool(_MORE_THAN.search(low)) or bool(_AS_THE_NUMBER.search(low))
        if not (has_times or frac or compare):
            continue
        if any(sp for sp in limits if a <= sp.start < b and not _is_multiplier(r, sp) and not frac):
            continue  # a real limit in the clause: a bound or a sum, not a comparison
        distinct = list(dict.fromkeys(r.mention_var[k] for k in sorted(r.mention_var) if a <= k < b))
        if not distinct and i + 1 < len(clauses) and (has_times or compare):
            # "at least 2 times as many people prefer to save money and travel by regular seats than
            # cushioned seats": the things compared come in the next clause
            na, nb = clauses[i + 1]
            distinct = list(dict.fromkeys(r.mention_var[k] for k in sorted(r.mention_var) if na <= k < nb))
            b = nb
        if len(distinct) == 1 and len(r.variables) == 2 and has_times and " than" not in low and " as " not in (
                " ".join(r.words[b:r.sentences[s][1]]).lower() + " ") and i + 1 >= len(clauses):
            # "at least 3 times as many people prefer to sit in regular seats": than the other one
            distinct.append(1 - distinct[0] if distinct[0] in (0, 1) else 0)
        if len(distinct) == 1 and i + 1 < len(clauses):
            na, nb = clauses[i + 1]
            more = [r.mention_var[k] for k in sorted(r.mention_var) if na <= k < nb and r.mention_var[k] != distinct[0]]
            # (not the "than" of a bound: "no more than 60 percent of the money ..., and she wants ...")
            if more and (re.search(r"\bthan\b(?! (?:\$ )?\d)", low) or " as " in f" {low} "):
                distinct.append(more[0])
                b = nb
        if len(distinct) < 2:
            continue
        x, y = distinct[0], distinct[1]
        clause = " ".join(r.words[a:b])
        sense = direction(clause) or ">="
        cl = clause.lower()
        if any(w in cl for w in ("less than", "fewer than", "smaller than", "lower than")) or re.search(
                r"\b(less|fewer|smaller|lower)\b.*\bthan\b", cl):
            if not any(w in cl for w in ("no less", "not less", "no fewer", "not fewer")):
                sense = "<="
        # "there can't be more volunteers than nurses", "there may not be fewer vans than trucks": a
        # negated modal before the comparative turns it round
        neg = _NEGATED_MORE.search(cl.replace("ca n't", "can't").replace(" n't", "n't"))
        if neg and not has_times and not frac:
            sense = ">=" if neg.group(1) in {"less", "fewer", "smaller", "lower"} else "<="
        if has_times or frac:
            mult = None
            if frac:
                mult = parse_value(frac.group(1))
            for sp in r.spans:
                if mult is None and sp.label in {"PARAM", "LIMIT"} and a <= sp.start < b:
                    mult = parse_value(sp.text)
            if mult is None and m_times:
                mult = MULTIPLIERS.get(m_times.group(1))
                if m_times.group(1) == "times":
                    before = low[: m_times.start()].split()
                    mult = parse_value(before[-1]) if before else None
            if "half as" in low:
                mult = 0.5
            if mult is None:
                continue
            out.append((ConstraintSpec("xby", sense, 0.0, x=x, y=y, param=mult, sentence=sentence, cue=clause),
                        (a, b)))
        elif _MODAL.search(cl):  # "there are usually more sofas than beds" states a fact, not a rule
            out.append((ConstraintSpec("xy", sense, 0.0, x=x, y=y, sentence=sentence, cue=clause), (a, b)))
    return out


def _is_multiplier(r: Reading, sp: Span) -> bool:
    nxt = r.words[sp.end].lower() if sp.end < len(r.words) else ""
    if nxt == "of" and " ".join(w.lower() for w in r.words[sp.end + 1: sp.end + 3]).startswith(
            ("it ", "them ", "this ", "all ", "its ", "their ", "the total", "the whole")):
        return False  # "no more than half of it may be compost": a share of the whole, not of another variable
    return nxt in {"times", "time"} or sp.text.lower() in MULTIPLIERS or "times" in sp.text.lower()

"""Reading the objective: its sense ("maximize", "as few ... as possible"), whether it weighs a coefficient
group or counts the decisions, which group its name points at, and the money terms and prices that make up
its coefficients (`objective`); and the objective the text never asked for (`spare_objective`)."""

from __future__ import annotations

import itertools
import re
from collections import Counter
from collections.abc import Callable

from modeler.strategies.offline.entities import Span
from modeler.strategies.offline.reading import Feature, Reading, Variable, overlap
from modeler.strategies.offline.specs import ConstraintSpec, Objective
from modeler.strategies.offline.words import (
    CONCEPTS,
    content,
    goal_frame,
    parse_value,
    stem,
    subject_start,
    weight,
)

# (people asking in their own words say "for max profit?" and "the biggest profit": the clipped "max" --
# a whole word, "maxed" is not it -- and "biggest" say the goal as surely as "maximum" and "largest")
_OBJ_WORDS = re.compile(r"(maximi[sz]|minimi[sz]|maximum|minimum|minimal|maximal|highest|lowest|largest|smallest|greatest|"
                        r"biggest|max$|fewest|cheapest|most|least|reduce|decrease|increase)")
_MAX_WORDS = ("maxim", "most", "highest", "greatest", "largest", "biggest", "best", "increas")
_MIN_WORDS = ("minim", "least", "lowest", "fewest", "smallest", "cheapest", "reduc", "decreas")


def _sense_of(text: str) -> str | None:
    t = text.lower()
    if t.startswith(_MIN_WORDS) or any(w in t for w in ("minimiz", "minimis", "minimum", "reduce", "lowest")):
        return "min"
    if t.startswith(_MAX_WORDS) or t == "max" or any(w in t for w in ("maximiz", "maximis", "maximum", "highest", "most")):
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
        if any((tail[j] == "as" and _possible_slip(tail[j + 1])) or (
                tail[j] == "as" and tail[j + 1: j + 3] in (["it", "can"], ["we", "can"], ["they", "can"],
                                                          ["he", "can"], ["she", "can"], ["i", "can"]))
               for j in range(len(tail) - 1)):
            return ("max" if lower[k] in {"many", "much"} else "min"), k
    return None


def _how_many_at_most(words: list[str]) -> tuple[str, int] | None:
    """"how many muffins in total can the bakery make at most?": a question that asks for a count and ends on
    "at most" / "at the most" asks for the largest one (max; the goal's words begin at "many"). Its "at most"
    closes the question, so it bounds nothing, unlike "at most 40 muffins"."""
    lower = [w.lower() for w in words]
    for k in range(len(lower) - 3, 0, -1):
        if lower[k - 1] != "how" or lower[k] not in {"many", "much"}:
            continue
        end = next((j for j in range(k + 1, min(k + 16, len(lower))) if lower[j] in {"?", "."}), None)
        if end is not None and (lower[end - 2: end] == ["at", "most"] or lower[end - 3: end] == ["at", "the", "most"]):
            return "max", k
    return None


def _possible_slip(word: str) -> bool:
    """"possible", or "possible" with one letter dropped, doubled or swapped by a hurried writer ("as few as
    posible"): the end of an "as many / as few ... as possible" goal read whatever the slip."""
    w, target = word.lower(), "possible"
    if not w.isalpha() or abs(len(w) - len(target)) > 1 or w[:2] != "po":
        return False
    return any(w[:k] + w[k + 1:] == target or target[:k] + target[k + 1:] == w for k in range(len(target) + 1)) or (
        len(w) == len(target) and sum(a != b for a, b in zip(w, target, strict=True)) <= 1)


# the words that end a goal's name: what follows says under what it holds ("the maximum exposure within the budget")
_GOAL_ENDS = frozenset({"while", "and", "subject", "given", "if", "within"})


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
        sense, anchor = _as_possible(r.words) or _how_many_at_most(r.words) or (None, anchor)
    if sense is None:  # the tagger missed it: the last direction word not inside "a minimum of"
        for k in range(len(r.words) - 1, -1, -1):
            w = r.words[k].lower()
            prev = r.words[k - 1].lower() if k else ""
            # "a minimum of" / "at least" are limits, but the adjectives "minimal" / "maximal" only
            # describe a goal ("spending a minimal amount of time", "at minimal cost")
            limit_article = prev in {"a", "at"} and w not in {"minimal", "maximal"}
            # ("max 20 hours" is a limit written short, not a goal)
            limit_article |= w == "max" and k + 1 < len(r.words) and r.words[k + 1][:1].isdigit()
            # ("buy at least cost?" is the goal "at the least cost": a money word, not a number, after it)
            limit_article &= not _least_cost(r.words, k)
            if (_OBJ_WORDS.match(w) or _best_earning(r.words, k)) and not limit_article and not (
                    k + 1 < len(r.words) and r.words[k + 1].lower() == "of"):
                sense = _sense_of(w)
                anchor = k
                break
        if sense is None:
            return _unstated_profit(r, used)
    names = [sp for sp in r.spans if sp.label == "OBJ_NAME"]
    after = [sp for sp in names if sp.start >= anchor]
    # the name follows its direction closely; an OBJ_NAME elsewhere ("costs" in a coefficient) is not it
    name_span = after[0] if after and after[0].start - anchor <= 8 else (names[-1] if names and not dirs else None)
    passive = _passive_end(r, anchor) if goal is None else None
    if passive is not None and (name_span is None or (not dirs and name_span.end != passive)):
        # "so that profit is maximized": the name said just before its direction, passive (with no direction
        # tagged, a name tagged elsewhere is another's: "costs $40 ... so that the staff time used is minimized")
        name_span = next((sp for sp in names if sp.end == passive), None)
    if goal is not None and frame is not None:  # the goal's own words name it, a tag elsewhere does not
        name_span = next((sp for sp in names if frame[1] <= sp.start < frame[2]), None)
    if name_span is not None and name_span.start < anchor and anchor < len(r.tokens) and r.tokens[
            name_span.start].sent != r.tokens[anchor].sent and _goal_verb(r.words, anchor):
        # ("... and gives 2 points. ... How many of each do I buy to pay the least?": the goal's own verb names
        # it, not a name tagged sentences before)
        name_span = None
    if name_span is not None and not dirs and _own_goal_words(r, name_span, anchor):
        name_span = None
    name = name_span.text if name_span else ""
    sent = r.tokens[anchor].sent if anchor < len(r.tokens) else max(r.sentences)
    name_ctx = Counter(content(name.split()))
    # the words after the direction name the objective too ("minimize the total amount of pollution
    # produced"), up to the end of the clause: the tagger often misses OBJ_NAME
    tail: list[str] = []
    for w in (goal if goal is not None else r.words[anchor + 1: anchor + 9]):
        if w in {".", "?", ",", ";", "!"} or w.lower() in _GOAL_ENDS:
            break
        tail.append(w)
    for t in content(tail):
        name_ctx.setdefault(t, 1)
    if not name and not any(w[:1].isalpha() for w in tail) and passive is not None:
        # untagged, said before its direction: "in order that profit be maximized", "keep his cost at a minimum",
        # "so that the number of deluxe chairs is maximized" (the subject whole: what it counts, or measures)
        goal = r.words[subject_start(r.low, passive, 8): passive] or [r.words[passive - 1]]
        tail = list(goal)
        name_ctx = Counter(content(tail))
    if not name and not any(w[:1].isalpha() for w in tail) and goal is None:  # "to spend the least"
        said_by = _goal_verb(r.words, anchor)
        if said_by:
            name, tail, name_ctx = said_by.lower(), [said_by], Counter({said_by: 1})
    if not name and not tail and goal is None and 2 <= anchor < len(r.words) and r.words[anchor - 1].lower() == "the":
        # "so I spend the least" with a verb `_goal_verb` does not list: what the verb's word means names it
        verb = content([r.words[anchor - 2]])
        if verb and verb[0] in {"MONEY", "PROFIT"}:
            name, name_ctx = r.words[anchor - 2], Counter({verb[0]: 1})
    if _cheap_goal(r, anchor, frame):  # "as cheaply as possible", "the cheapest daily mix": the cost
        name, tail, goal, name_ctx = "cost", ["cost"], None, Counter({"MONEY": 1})
    sized = _sized_goal(r, goal if goal is not None else [name, *tail])
    if sized:  # "2-litre jugs" and "1-litre cartons", "to maximize the total litres of milk packed": 2 x + y
        return Objective(sense, sized, name or " ".join(tail), "weighted", r.sentence_text(sent))
    # "minimize the total number of production lines": the variables themselves
    var_words = {k for v in r.variables for k in v.keys}
    # ("the maximum number of batches of cookies": what a batch holds names them too)
    # ("to maximize the production of deluxe chairs", "the output of", "to minimize the use of night shifts": counted)
    m = re.search(r"\b(?:number|production|output|use|usage) of (?:the )?([\w-]+)(?: of (?:the )?([\w-]+))?",
                  f"{name} {' '.join(tail)}".lower())
    goal_words = set(content(goal)) if goal else set()
    if (m and any(g and stem(g) in var_words for g in m.groups()) and not _group_measures(r, m)) or _counted_sales(
            r, m) or _classed_count(r, f"{name} {' '.join(tail)}".lower()) or (
            goal_words and goal_words <= var_words) or _headed_goal(r, goal, frame) or _asked_unit_goal(
            r, name_ctx) or _total_time_goal(r, anchor) or _time_asked_goal(r, anchor) or _total_of_names(
            tail, var_words) or _shared_head_goal(r, tail) or _most_of_one(r, anchor):
        # ("make as many chairs as possible": the decisions themselves)
        return Objective(sense, _counted(r, _of_them(r, goal if goal is not None else _goal_clause(r, name_span, anchor),
                                                    anchor)),
                         name or " ".join(tail), "count", r.sentence_text(sent), said=True)
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
    if best is None:
        best = _stock_unit_group(r, name_ctx)
    if best is not None and sense == "max" and {"MONEY", "PROFIT"} & set(name_ctx):
        best = _earned_group(r, best)
    # ("to make the most money" where each thing is bought for one price and sold for another: what is made is the
    # difference, as with "profit")
    margin = _margin(r, best) if best is not None and sense == "max" and {"profit", "money"} & {
        w.lower() for w in [*name.split(), *tail]} else None
    if margin is not None:
        terms, factors, sold = margin
        used.add(sold)  # (the costs stay free for a budget: "We only have $150 for ingredients")
        return Objective(sense, terms, name, "weighted", r.sentence_text(sent), factors=factors)
    if best is not None:
        used.add(best)
        terms = {v: c.value for v, c in r.features[best].coefs.items()}
        _money_terms(r, best, terms)
        if sense == "max":
            _losses(r, best, terms)
        _coordinated_rate(r, best, terms)
        factors = _paid_per_head(r, best, terms)
        for k in _audience_too(r, best, name_ctx):  # "reaches 1,800 listeners", "is seen by 900 people"
            used.add(k)
            terms.update({v: c.value for v, c in r.features[k].coefs.items()})
        return Objective(sense, terms, name, "weighted", r.sentence_text(sent), factors=factors)
    if r.variables:  # "maximize the number of ..." / "minimize the total number of ..."
        them = _of_them(r, tail, anchor)  # ("as few of them as possible": what "them" names)
        # ("wants to hire the fewest doctors" beside nurses: a goal naming one decision whole counts it alone)
        return Objective(sense, _counted(r, them) if them is not tail else _one_named(r, tail),
                         name or "total", "count", r.sentence_text(sent))
    return None


def _stock_unit_group(r: Reading, name_ctx: Counter[str]) -> int | None:
    """"uses 2 kWh per hour ... has 100 kWh of electricity ... minimize the electricity used": the goal's name is
    what a stock holds ("100 kWh of electricity"), and the one group of every decision in the stock's unit
    measures it."""
    strong = {t for t in name_ctx if weight(t) >= 1}
    if not strong:
        return None
    found: set[int] = set()
    for sp in r.spans:
        if sp.label != "LIMIT":
            continue
        after = [w.lower() for w in r.words[sp.end: sp.end + 5]]
        if "of" not in after[1:4] or not set(content(after[after.index("of") + 1:])[:1]) & strong:
            continue
        unit = set(content(after[:after.index("of")]))
        found |= {k for k, f in enumerate(r.features)
                  if len(f.coefs) == len(r.variables) >= 2 and unit and unit <= set(f.context)}
    return found.pop() if len(found) == 1 else None


# what stands between a goal's name and its direction said passively ("the total cost is minimized"); a participle
# after the name says how it comes ("the staff time used is minimized"), "at a" where it is kept ("cost at a minimum")
_PASSIVE = frozenset("is are be will gets get can could would should been at to a used spent needed required "
                     "incurred paid consumed produced earned generated burned emitted".split())


def _passive_end(r: Reading, anchor: int) -> int | None:
    """Where the goal's name ends when it is said before its direction, passively: "so that profit is maximized",
    "such that the cost will be minimized", "to keep the cost at a minimum"; None when it is not."""
    k = anchor
    while k > 0 and anchor - k < 4 and r.words[k - 1].lower() in _PASSIVE:
        k -= 1
    return k if 0 < k < anchor and content(r.words[k - 1:k]) else None


def _unstated_profit(r: Reading, used: set[int]) -> Objective | None:
    """"I sell tacos ($3 profit each) and burritos ($5 profit each) ... How many of each should I plan for?": a text
    that states no goal but what each decision earns, in one group of every decision, is read as making the most of
    it (`Objective.assumed`: a doubt says so)."""
    groups = [k for k, f in enumerate(r.features) if len(f.coefs) == len(r.variables) >= 2 and "PROFIT" in f.context]
    if not groups:
        # ("The profit per sofa is $300 and per armchair $120": the profit word said before the rate, out of the
        # numbers' own words, in the money group's sentence)
        groups = [k for k, f in enumerate(r.features) if len(f.coefs) == len(r.variables) >= 2 and "MONEY" in f.context
                  and _profit_said(r, f)]
    if len(groups) != 1:
        return None
    used.add(groups[0])
    coefs = r.features[groups[0]].coefs
    sent = r.tokens[min(c.tok for c in coefs.values())].sent
    return Objective("max", {v: c.value for v, c in coefs.items()}, "profit", "weighted", r.sentence_text(sent),
                     assumed=True)


def _profit_said(r: Reading, f: Feature) -> bool:
    """The sentences of a group's numbers say "profit" (or another word of earning, or of selling) and no word of
    paying."""
    said = [w.lower() for s in {r.tokens[c.tok].sent for c in f.coefs.values()} for w in r.sentence_text(s).split()]
    return any(CONCEPTS.get(w) == "PROFIT" or w in _SELLING for w in said) and not any(w in _PAYING for w in said)


# ("She sells bracelets for $8 and necklaces for $18. How many of each should she make?": what sales bring in)
_SELLING = frozenset("sell sells sold".split())


_PAYING = frozenset("cost costs costing pay pays paid price prices priced spend spends spent".split())


def _total_of_names(tail: list[str], var_words: set[str]) -> bool:
    """"to make the most toys in total" beside "toy cars" and "toy trains", "to maximize deluxe chair output": a goal
    whose words, "total" or "output" aside, are only words of the decisions' names counts the decisions."""
    low = [w.lower() for w in tail if w.isalpha()]
    marks = {"total", "altogether", "overall", "output", "production"}  # ("to maximize deluxe chair output")
    if not marks & set(low):
        return False
    said = set(content([w for w in low if w not in marks]))
    return bool(said) and said <= var_words


def _own_goal_words(r: Reading, name_span: Span, anchor: int) -> bool:
    """"Shipping costs $20 per tonne by rail ... How many tonnes should be shipped by each way to ship the most
    tonnes?": with no direction tagged, a goal word found in the text whose clause names what it counts
    ("the most tonnes") is named by those words, not by a money word tagged sentences before it."""
    if not name_span.start < anchor < len(r.tokens) or r.tokens[name_span.start].sent == r.tokens[anchor].sent:
        return False
    tail = []
    for w in r.words[anchor + 1: anchor + 5]:
        if not w[:1].isalpha() or w.lower() in _GOAL_ENDS:
            break
        tail.append(w)
    return bool(content(tail))


def _shared_head_goal(r: Reading, tail: list[str]) -> bool:
    """"so that it needs the fewest printers" beside laser and inkjet printers: a goal that says nothing but the
    head every decision's name ends on counts the decisions (a group "prints 3,000 pages" is no measure of
    printers)."""
    heads = r.name_heads()
    # (every word: "to spend the least on caregivers" is money spent on them, not a count)
    said = [stem(w.lower()) for w in _before_as(tail) if w.lower() not in {"the", "total"}]
    return len(r.variables) >= 2 and len(heads) == 1 and bool(said) and set(said) == heads


_QUESTION_VERBS = frozenset("can could should will would does do is are must may".split())


def _one_named(r: Reading, tail: list[str]) -> dict[int, float]:
    """"Because doctors are hard to find, the center wants to hire the fewest doctors": a count goal whose
    words right after its direction are one decision's whole name, and nothing else, counts that decision
    alone; any other goal counts them all."""
    every = {v.index: 1.0 for v in r.variables}
    words = [w for w in _before_as(tail) if w.isalpha()]
    # ("How many deluxe chairs can the factory make at most?": the words before the question's verb)
    words = list(itertools.takewhile(lambda w: w.lower() not in _QUESTION_VERBS, words))
    if not 1 <= len(words) <= 3 or len(r.variables) < 2:
        return every
    named = set(content(words))
    picked = [v for v in r.variables if named and v.keys == named]
    return {picked[0].index: 1.0} if len(picked) == 1 else every


def _before_as(tail: list[str]) -> list[str]:
    """"as many deluxe bikes as it can this month": the goal's words end at the second "as" (what follows is
    how far the goal goes, not what it counts)."""
    low = [w.lower() for w in tail]
    return tail[:low.index("as")] if "as" in low else tail


def _headed_goal(r: Reading, goal: list[str] | None, frame: tuple[str, int, int] | None) -> bool:
    """"wants to use as few diesel vans as possible" beside electric cargo bikes: an "as few / as many ... as
    possible" goal whose last word is the head of a decision's name counts decisions, though a word before it
    ("diesel") is no word of any name (not "as much milk as possible" beside "milk trucks": the head)."""
    if not goal or not 2 <= len(goal) <= 3 or not goal[-1].isalpha() or frame is None or frame[1] < 1:
        return False
    if r.words[frame[1] - 1].lower() not in {"few", "many", "fewer"}:
        return False  # (not "keep my sodium as low as possible")
    return stem(goal[-1].lower()) in r.name_heads() and not {"MONEY", "PROFIT"} & set(content(goal))


_SIZE_IN_NAME = re.compile(r"\b(\d+(?:\.\d+)?)-([a-z]+)\b")


def _sized_goal(r: Reading, said: list[str]) -> dict[int, float]:
    """"packs milk into 2-litre jugs and 1-litre cartons ... to maximize the total litres of milk packed": when
    every decision's name says its size in one unit ("2-litre") and the goal counts that unit, each decision
    weighs its size. Empty otherwise."""
    goal = {stem(w) for w in " ".join(said).lower().split()}
    sizes: dict[int, float] = {}
    units: set[str] = set()
    for v in r.variables:
        m = next((m for m in (_SIZE_IN_NAME.search(t.lower()) for t in v.mentions) if m), None)
        if m is None:
            return {}
        sizes[v.index] = float(m.group(1))
        units.add(stem(m.group(2)))
    return sizes if len(units) == 1 and units <= goal and len(sizes) >= 2 else {}


def _counted(r: Reading, said: list[str]) -> dict[int, float]:
    """The decisions a count goal counts: all of them ("the total number of vehicles", "the number of
    pipelines and trains"), or only those its words pick out ("to minimize the number of large trucks used",
    "to maximize the number of senior agents", "as few diesel generators as possible") -- a goal that names
    one kind of the decisions, not their total, counts that kind alone."""
    every = {v.index: 1.0 for v in r.variables}
    low = [w.lower() for w in said]
    listed = _kinds_listed(r, low)
    if listed:  # "the combined number of vegan and family kits" beside classic kits
        return listed
    if {"total", "combined", "overall", "sum", "all", "altogether"} & set(low):
        return every
    at = _number_of_at(low)
    if at is not None:  # the words after "number of"
        low = low[at + 2:]
    if {"each", "both", "and", "or", "/", "&"} & set(low):  # "the number of pipelines and trains"
        return every
    var_words = {k for v in r.variables for k in v.keys}
    named = set(content(_hyphens_opened(low, var_words))) & var_words
    picked = [v for v in r.variables if named and named <= v.keys]
    if not picked or len(picked) == len(r.variables):
        return every
    # ("as many toys as possible" beside "toy robots" and "jigsaw puzzles": a noun the goal says in the plural,
    # that one name holds in the singular before its head, is the class of them all)
    plural = {stem(w) for w in low if w.isalpha() and stem(w) != w}
    if len(picked) == 1 and named == plural and all(
            w in [x.lower() for x in picked[0].text.split()[:-1]] for w in named):
        return every
    # a modifier picks them out ("large trucks" beside "small trucks"), not a head word only some of the
    # names happen to carry ("flights" of "large jet flights" beside "small jet")
    shared = set.intersection(*(v.keys for v in r.variables))
    if not any(w not in shared and w != stem(v.text.split()[-1]) for v in picked for w in named) and not (
            _whole_name(picked, named)):
        return every
    return {v.index: 1.0 for v in picked}


def _most_of_one(r: Reading, anchor: int) -> bool:
    """"What's the most chocolate cereal I can put in?": a direction word right before one decision's name,
    which the question's subject and "can" close, asks for as much of that decision as the limits allow."""
    k = anchor + 1
    while k < len(r.words) and r.words[k].lower() in {"the", "a"}:
        k += 1
    span = next((x for x in r.spans if x.label == "VAR" and x.start == k and k in r.mention_var), None)
    if span is None or span.end + 1 >= len(r.words):
        return False
    return r.words[span.end].lower() in {"i", "we", "you", "it", "they", "he", "she"} and r.words[
        span.end + 1].lower() in {"can", "could"}


def _hyphens_opened(low: list[str], var_words: set[str]) -> list[str]:
    """"as few small-oven batches as possible" beside "big oven" and "small oven": a hyphenated word no
    decision's name holds whole is its parts ("small", "oven"); "e-bikes", a name's own word, stays whole."""
    out: list[str] = []
    for w in low:
        opened = "-" in w.strip("-") and not set(content([w])) & var_words
        out += w.split("-") if opened else [w]
    return out


def _whole_name(picked: list[Variable], named: set[str]) -> bool:
    """"as many nurses as possible" beside doctors: the goal's words are the one picked decision's whole name
    (not the head word of a longer one, "flights" of "large jet flights" beside "small jet")."""
    return len(picked) == 1 and picked[0].keys == named


def _kinds_listed(r: Reading, low: list[str]) -> dict[int, float]:
    """"to maximize the combined number of vegan and family kits" beside classic kits: a list after "number
    of" whose every item picks one decision by a word no other decision's name carries, and that leaves some
    decision out, counts the listed decisions alone ("total" or "combined" sums the list, not every
    decision). Empty when the list is no such list (a list naming every decision counts them all anyway)."""
    at = _number_of_at(low)
    if at is None:
        return {}
    items: list[list[str]] = [[]]
    for w in low[at + 2:]:
        if w in {"and", "or", ","}:
            items.append([])
        elif w in {"as", "to", "that", "which", "who", "we", "it", "they", "in", "for", "made", "used"}:
            break
        else:
            items[-1].append(w)
    if len(items) < 2 or any(not item for item in items):
        return {}
    owners: dict[str, list[int]] = {}
    for v in r.variables:
        for k in v.keys:
            owners.setdefault(k, []).append(v.index)
    picked: set[int] = set()
    for item in items:
        own = {owners[w][0] for w in content(item) if len(owners.get(w, [])) == 1}
        if len(own) != 1:
            return {}
        picked |= own
    if len(picked) != len(items) or len(picked) == len(r.variables):
        return {}
    return {i: 1.0 for i in sorted(picked)}


def _number_of_at(low: list[str]) -> int | None:
    """Where "number of" starts in a goal's lower-cased words, if it is said."""
    return next((k for k in range(len(low) - 1) if low[k: k + 2] == ["number", "of"]), None)


def _of_them(r: Reading, said: list[str], anchor: int) -> list[str]:
    """"Because fast chargers are expensive, the mall wants as few of them as possible": a count goal that
    says "them" and no decision's name counts what the nearest name before it in its sentence names."""
    low = [w.lower() for w in said]
    var_words = {k for v in r.variables for k in v.keys}
    if "them" not in low or set(content(low)) & var_words or anchor >= len(r.tokens):
        return said
    s = r.tokens[anchor].sent
    before = [sp for sp in r.spans if sp.label == "VAR" and sp.end <= anchor and r.tokens[sp.start].sent == s]
    return r.words[before[-1].start: before[-1].end] if before else said


# what counts the decisions by another name: "the total number of sales of ice cream" (cones and tubs)
_COUNT_NOUNS = frozenset(stem(w) for w in "sales orders items pieces".split())


def _counted_sales(r: Reading, m: re.Match[str] | None) -> bool:
    """"to maximize the total number of sales of ice cream" where the decisions are cones and tubs: a count of
    sales, orders or items that no coefficient group measures counts the decisions themselves."""
    if m is None or stem(m.group(1)) not in _COUNT_NOUNS:
        return False
    return not any(stem(m.group(1)) in f.context for f in r.features)


# nouns that name the decisions by their class: "the total number of installations" (turbines and arrays),
# "the total number of animals" (goats and sheep), "the total number of cooling units" (small, medium, large)
_CLASS_NOUNS = frozenset(stem(w) for w in "units installations animals vehicles machines devices".split())


def _classed_count(r: Reading, goal: str) -> bool:
    """"to minimize the total number of installations" where the decisions are wind turbines and solar
    arrays: a count of a noun that names the decisions' class ("units", "animals", one or two words after
    "number of") and that no coefficient group measures counts the decisions themselves."""
    m = re.search(r"\bnumber of (?:the )?([\w-]+)(?: ([\w-]+))?", goal)
    if m is None:
        return False
    head = next((stem(g) for g in m.groups() if g and stem(g) in _CLASS_NOUNS), None)
    # ("Old machines fill 500 bottles" with decisions named "old" and "new": the noun each name stands before
    # is said beside the group, and measures nothing)
    return head is not None and (head in _heads_after_names(r) or not any(head in f.context for f in r.features))


def _heads_after_names(r: Reading) -> set[str]:
    """The words, stemmed, that follow some mention of every decision: the head noun a tagger left out of
    names like "old" and "new" ("old filling machines", "Old machines fill", "new machines")."""
    after = [{stem(r.words[p + len(m.split())].lower()) for p, m in zip(v.positions, v.mentions, strict=False)
              if p + len(m.split()) < len(r.words)} for v in r.variables]
    return set.intersection(*after) if len(after) >= 2 else set()


def _group_measures(r: Reading, m: re.Match[str]) -> bool:
    """"maximize the number of donations collected" where a decision is named "donation tents" and "collects
    30 donations" is a coefficient group: a goal word that a decision's name carries only as a modifier (not
    its last word) while a group of coefficients measures it names that group, not the decision."""
    heads = r.name_heads()
    said = [stem(g) for g in m.groups() if g]
    return bool(said) and all(g not in heads and any(g in f.context for f in r.features) for g in said
                              if any(g in v.keys for v in r.variables))


def _goal_clause(r: Reading, name_span: Span | None, anchor: int) -> list[str]:
    """The words of a goal from its name (or from its direction word on) to the end of its clause, "and"
    included: "minimize the total number of pipelines and trains needed"."""
    k = min(name_span.start, anchor + 1) if name_span is not None and name_span.start > anchor else (
        name_span.start if name_span is not None else anchor + 1)  # ("minimize the total" + "number of flights")
    out: list[str] = []
    while k < len(r.words) and len(out) < 12 and r.words[k] not in {".", "?", ",", ";", "!"} and r.words[
            k].lower() not in {"while", "subject", "given", "if", "because", "since"}:
        out.append(r.words[k])
        k += 1
    return out


_CHEAP = frozenset("cheap cheaply cheapest inexpensive inexpensively economically".split())
# verbs of money going out or coming in, said right before a goal that names nothing ("to pay the least")
_PAYS = frozenset("spend spends spending pay pays paying cost costs costing".split())
_EARNS = frozenset("raise raises raising earn earns earning make makes making bring brings bringing take takes "
                   "taking generate generates generating".split())


def _best_earning(words: list[str], k: int) -> bool:
    """"How many of each should we take on for the best profit?": "best" before a word of earnings says the
    goal as "most" would ("the best way to ..." says none)."""
    return words[k].lower() == "best" and k + 1 < len(words) and (
        content([words[k + 1]]) == ["PROFIT"] or stem(words[k + 1].lower()) == "margin")


def _least_cost(words: list[str], k: int) -> bool:
    """"How much of each should the farm buy at least cost?": "at least" before a word of money that ends the
    sentence is the goal "at the least cost", not a limit (which a number follows)."""
    return (words[k].lower() == "least" and k + 2 < len(words) and content([words[k + 1]]) == ["MONEY"]
            and words[k + 2] in {".", "?", "!"})


def _goal_verb(words: list[str], anchor: int) -> str | None:
    """"to spend the least", "to pay the least", "to raise the most", "that bring in the most": a goal word
    with nothing after it is named by the verb before it: money paid out is the cost ("MONEY"), money raised,
    earned or brought in is the income ("PROFIT"). None when no such verb stands right before it."""
    k = anchor - 1
    if k >= 0 and words[k].lower() == "the":
        k -= 1
    if k >= 1 and words[k].lower() in {"in", "up"}:  # "bring in", "take in", "make up"
        k -= 1
    w = words[k].lower() if k >= 0 else ""
    return "MONEY" if w in _PAYS else "PROFIT" if w in _EARNS else None


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


def _said_earned(r: Reading, tok: int) -> bool:
    """A number said as what one earns: "we make $25", "i usually make $45 on it", "earns about $30", "rent for
    $45 a day", "sells for $12"."""
    k = tok - 1
    while k >= 0 and r.words[k].lower() in {"$", "us", "me", "about", "around", "roughly"}:
        k -= 1
    if k >= 1 and r.words[k].lower() == "for" and r.words[k - 1].lower() in _SOLD_FOR:
        return True
    return k >= 0 and r.words[k].lower() in _EARNS - {"take", "takes", "taking"}


_SOLD_FOR = frozenset("rent rents sell sells go goes fetch fetches".split())


def _earned_group(r: Reading, best: int) -> int:
    """Money to make the most of, read from a group of money that is not said as earned ("$8 in parts"): the
    one group of money whose every number is said as earned ("Tune-ups: ..., $8 in parts, we make $25") is it."""
    if all(_said_earned(r, c.tok) for c in r.features[best].coefs.values()):
        return best
    earned = [k for k, f in enumerate(r.features) if len(f.coefs) == len(r.variables) >= 2
              and all(_said_earned(r, c.tok) and _money_written(r, c.tok) for c in f.coefs.values())]
    if not earned and all(_said_cost(r, c.tok) for c in r.features[best].coefs.values()):
        # "A sedan costs $20000 and an SUV costs $35000 ... A sedan brings in $3000 a year and an SUV $5000 ...
        # maximize yearly income": what each costs is no income; the one other group of money is
        earned = [k for k, f in enumerate(r.features) if k != best and len(f.coefs) == len(r.variables) >= 2 and all(
            _money_written(r, c.tok) and not _said_cost(r, c.tok) for c in f.coefs.values())]
    if not earned and all(_spent_on(r, c.tok) for c in r.features[best].coefs.values()):
        # "Standard house: 1.5 hours, $3 of supplies, $45": money said as spent on something is no takings;
        # the one other group of plain money is
        earned = [k for k, f in enumerate(r.features) if len(f.coefs) == len(r.variables) >= 2 and all(
            _money_written(r, c.tok) and not _spent_on(r, c.tok) for c in f.coefs.values())]
    return earned[0] if len(earned) == 1 else best


def _margin(r: Reading, best: int) -> tuple[dict[int, float], set[float], int] | None:
    """"Cupcakes cost us $0.80 to make and sell for $3, pies cost $4 to make and sell for $12 ... the most
    profit": the profit of each is its price less its cost, when the objective's group is one of a group of prices
    and a group of costs (every decision in each) and no group says the profit itself. (terms, the numbers they
    come from, the price group)."""
    full = [k for k, f in enumerate(r.features) if len(f.coefs) == len(r.variables) >= 2 and all(
        _money_written(r, c.tok) for c in f.coefs.values())]
    sold = [k for k in full if _group_said(r, k, _said_sold)]
    cost = [k for k in full if _group_said(r, k, _said_cost) or _group_said(r, k, _said_bought)]
    if len(sold) != 1 or len(cost) != 1 or best not in (sold[0], cost[0]):
        return None
    price, spent = r.features[sold[0]].coefs, r.features[cost[0]].coefs
    terms = {v: round(price[v].value - spent[v].value, 12) for v in price}
    return terms, {c.value for c in [*price.values(), *spent.values()]}, sold[0]


def _group_said(r: Reading, k: int, said: Callable[[Reading, int], bool]) -> bool:
    """Every number of group k said so, or its first said so and the rest in the same sentence, the verb left
    out ("Wheat costs $200 per ton and rice $300 per ton")."""
    coefs = sorted(r.features[k].coefs.values(), key=lambda c: c.tok)
    return all(said(r, c.tok) for c in coefs) or said(r, coefs[0].tok) and all(c.sent == coefs[0].sent for c in coefs)


def _said_sold(r: Reading, tok: int) -> bool:
    """A number said as what a thing sells for: "sell for $3", "sold at $12", "retails for $40", "we charge $80",
    "can sell wheat at $260" (the thing named between)."""
    return _verb_of_price(r, tok) in {"sell", "sells", "sold", "selling", "retail", "retails", "retailing", "charge",
                                      "charges", "charged", "charging"}


def _said_bought(r: Reading, tok: int) -> bool:
    """A number said as what a thing is bought for: "buys T-shirts for $6", "pays $2 per kg"."""
    return _verb_of_price(r, tok) in {"buy", "buys", "bought", "buying", "purchase", "purchases", "purchased", "pay",
                                      "pays", "paid"}


# what stands between a price and the word that says what it is ("costs about $5", "sells at $3")
_BEFORE_PRICE = frozenset({"$", "about", "around", "roughly", "only", "just", "at", "a"})


def _verb_of_price(r: Reading, tok: int, skip: frozenset[str] = _BEFORE_PRICE | {"for"},
                   past_names: bool = True) -> str:
    """The word before a price, past the `skip` words and (`past_names`) the thing named just before "at" /
    "for" ("can sell wheat at $260")."""
    named = {k for sp in r.spans if sp.label == "VAR" for k in range(sp.start, sp.end)} | set(
        r.mention_var) if past_names else set()
    k = tok - 1
    while k >= 0 and (r.words[k].lower() in skip or (
            k in named and k + 1 < tok and (r.words[k + 1].lower() in {"at", "for"} or k + 1 in named))):
        k -= 1
    return r.words[k].lower() if k >= 0 else ""


def _said_cost(r: Reading, tok: int) -> bool:
    """A number said as what a thing costs: "costs $20000", "priced at $5", "at a cost of $300", "cost us $4"."""
    return _verb_of_price(r, tok, _BEFORE_PRICE | {"of", "us", "me"}, past_names=False) in {
        "cost", "costs", "costing", "priced"}


def _spent_on(r: Reading, tok: int) -> bool:
    """Money said as spent on a thing: "$3 of supplies", "$8 in parts", "$2 for postage"."""
    return _money_written(r, tok) and tok + 2 < len(r.words) and r.words[tok + 1].lower() in {
        "of", "in", "for", "on"} and r.words[tok + 2].isalpha() and r.words[tok + 2].lower() not in {
        "each", "every", "a", "an", "the", "one", "it", "them"} and content([r.words[tok + 2]]) != ["PROFIT"]
    # ("$500 of net revenue", "$40 in profit": what is earned, not what is spent on)


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


_LOSES = frozenset("loses lose lost loss".split())


def _losses(r: Reading, best: int, terms: dict[int, float]) -> None:
    """"Every black shoe sold loses $3, while every blue shoe sold earns $6": an amount one kind of decision
    loses (the verb right before its "$", or "a loss of $3") counts against the profit the others earn."""
    f = r.features[best]
    if len(f.coefs) < 2:
        return
    for v, c in f.coefs.items():
        k = c.tok - (c.tok > 0 and r.words[c.tok - 1] == "$")
        before = [w.lower() for w in r.words[max(0, k - 3): k]]
        if before and (before[-1] in _LOSES or before[-2:] == ["loss", "of"]) and terms.get(v, 0) > 0:
            terms[v] = -terms[v]


def _asked_unit_goal(r: Reading, name_ctx: Counter[str]) -> bool:
    """"How many hours should I work for each client ... with as few working hours as possible": the
    question asks for the decisions in a unit, and the goal names that unit, so the goal sums the
    decisions, unless some number measures that unit per decision ("a job takes 3 hours"); a rate per that
    unit ("pays $45 an hour") does not measure it."""
    low = r.low
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


_TIME_GOALS = frozenset("hours minutes time days weeks".split())


def _total_time_goal(r: Reading, anchor: int) -> bool:
    """"What's the fewest total hours I have to work", "the least total time I can spend exercising": a goal
    of the total time itself, when the decisions are times -- every coefficient a rate per that time ("pays
    $14 an hour", "burns 9 kcal a minute") and none a time per unit ("a job takes 3 hours") -- sums them."""
    low = r.low
    k = anchor + 1
    if k + 1 >= len(low) or low[k] not in {"total", "combined"} or low[k + 1] not in _TIME_GOALS or not r.coefs:
        return False
    for c in r.coefs:
        j = c.tok + 1
        # (any one unit before "a" / "per": "9 xp a minute", "40 words a minute")
        if j + 1 < len(low) and low[j].isalpha() and low[j + 1] in {"a", "an", "per"} and low[j] not in _TIME_GOALS:
            j += 1
        while j < len(low) and low[j] in {"kcal", "dollars", "miles", "km", "pounds"} | {"a", "an", "per", "each"}:
            j += 1
        if j == c.tok + 1 and j < len(low) and low[j] in {",", ".", ";", "and"}:
            continue  # ("and running about 12,": the rate's unit said once, before)
        if j >= len(low) or low[j - 1] not in {"a", "an", "per"} or low[j] not in {
                "hour", "minute", "day", "week"}:
            return False  # (not a rate per time: "a job takes 3 hours")
    return True


def _time_asked_goal(r: Reading, anchor: int) -> bool:
    """"How many hours should he spend at each lake to minimize the amount of time he spends at both lakes?": when
    the question asks for times and the goal is the time itself, the decisions are the time, so the goal sums
    them (the rates "per hour at lake 1" are what the hours yield, never what they cost in time)."""
    low = r.low
    k = anchor + 1
    while k < len(low) and low[k] in {"the", "total", "combined", "overall", "amount", "of"}:
        k += 1
    if k >= len(low) or low[k] not in _TIME_GOALS or k == anchor + 1:
        return False
    return any(low[j] == "how" and low[j + 1] == "many" and low[j + 2] in _TIME_GOALS for j in range(len(low) - 2))


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
        if ok and (score > best_score or (score == best_score and best is not None and not money_name
                                          and _limited(r, best) and not _limited(r, k))):
            best, best_score = k, score
    return best


def _limited(r: Reading, k: int) -> bool:
    """A group that a limit's sentence speaks of ("The seam must get at least 80 units" of "4 units of heat to the
    seam"): between two groups the goal's name points at alike ("to minimize the heat to the hand", one group
    holding "heat", the other "hand"), the one no limit takes is the goal's."""
    said = set(r.features[k].context)
    return any(sp.label == "LIMIT" and said & set(content(r.words[slice(*r.sentences[r.tokens[sp.start].sent])]))
               for sp in r.spans)


def _led_by(r: Reading, tok: int, name: set[str]) -> bool:
    """A number right after "<name word> of" / "<name word> is" ("a yearly fee of 0.1%")."""
    k = tok - 1
    if k >= 0 and r.words[k] == "$":
        k -= 1
    if k < 1 or r.words[k].lower() not in {"of", "is", "are", ":"}:
        return False
    return bool(set(content([r.words[k - 1]])) & name)

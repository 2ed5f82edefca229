"""Fewer, truer decision variables: most linear word problems decide two or three quantities.

When the reading finds more than two variables, the extras are usually slips of the tagger:

* one product named two ways ("single-load model" and "single-load machine", "individual latex" and
  "latex gloves"): mentions that share a naming word are joined;
* a category ("two models of monitors: Aleph 3 and ..."), a resource that is only counted out ("4
  packages every hour", "2000 trout") or an actor ("the hardware section", "a milk company"): dropped.

Nothing is joined or dropped below two variables, so true three-variable problems keep what the text
gives them when no extra looks wrong.
"""

from __future__ import annotations

import itertools
from typing import TYPE_CHECKING

from modeler.strategies.offline.entities import is_number
from modeler.strategies.offline.words import STOP, same_word, singular, stem

if TYPE_CHECKING:
    from collections.abc import Iterator

    from modeler.strategies.offline.reading import Reading, Variable

MIN_VARIABLES = 2
_CATEGORY = frozenset("type types kind kinds model models form forms method methods way ways sort sorts "
                      "category categories option options".split())
_ACTOR_NEXT = frozenset(stem(w) for w in (
    "company companies section department shop store factory firm farm farmer plant business supplier "
    "manufacturer team office").split())
# heads that say "a product" and nothing about which one: "machine" and "model" of one product
_GENERIC = frozenset(stem(w) for w in "machine model one unit version item product type kind option choice variety "
                                          "style".split())


def _words(text: str) -> list[str]:
    """A mention's naming words; a lone capital names one ("Bar A" is not "Bar B"), unlike the article "a"."""
    return [stem(w) for w in text.split() if (w.lower() not in STOP or (len(w) == 1 and w.isupper())) and w[:1].isalnum()]


def _join_pairs(variables: list[Variable], units: frozenset[str] = frozenset()) -> dict[int, int]:
    """Later variable -> earlier variable, for two names of one product (a shared naming word, not
    a shared head only: "2-piece suits" and "3-piece suits" stay apart)."""
    out = _grid_pairs(variables)
    left = len(variables) - len(out)
    for j, b in enumerate(variables):
        if j in out:
            continue
        if left <= MIN_VARIABLES:
            break
        wb = _words(b.text)
        for i in range(j):
            if i in out:
                continue
            wa = _words(variables[i].text)
            shared = _whole_words(variables[i].text, b.text, set(wa) & set(wb) - _GENERIC)
            if not shared or not wa or not wb:
                continue
            # a lone letter is a whole name: "A" and "drinks A" (of "three drinks, A, B and C") are one
            letter = len(wa[-1]) == 1 and min(len(wa), len(wb)) == 1
            if shared == {wa[-1]} and shared == {wb[-1]} and not letter:
                continue  # the same head with different names ("diced onions" / "chopped onions")
            # the other words must not name a difference: generic heads or words of the other mention
            # (nor the unit every decision is counted in: "first-aid staff" paid "per shift" and "first-aid
            # shifts" are one)
            rest = (set(wa) ^ set(wb)) - _GENERIC - units
            # one name cut short: the shared word ends one and qualifies the other ("individual latex"
            # and "latex gloves")
            truncated = bool(shared & ({wa[-1]} ^ {wb[-1]}))
            if len(rest) <= 1 or (truncated and len(rest) <= 2):
                out[j] = i
                left -= 1
                break
    return out


def _whole_words(a: str, b: str, shared: set[str]) -> set[str]:
    """The shared stems two names share as whole words: "nurses" and "nursing assistants" share the stem
    "nurs", not a word."""
    return {s for s in shared if any(stem(x) == s and stem(y) == s and same_word(x, y)
                                     for x in a.split() for y in b.split())}


def _grid_pairs(variables: list[Variable]) -> dict[int, int]:
    """"North pit", "South pit", "North ore", "South ore": two heads, each with the same set of two or more
    qualifiers, name one set of decisions twice (the pits and the ore dug from them; premium / standard
    seats and premium / standard tickets). Each later "<qualifier> <head>" joins the first-named head's
    variable with its qualifier. Two-word names only; nothing is joined below two variables."""
    names = [_words(v.text) for v in variables]
    by_head: dict[str, dict[str, int]] = {}
    for i, w in enumerate(names):
        if len(w) == 2 and w[0] != w[1]:
            by_head.setdefault(w[1], {}).setdefault(w[0], i)
    heads = sorted(by_head, key=lambda h: min(by_head[h].values()))
    out: dict[int, int] = {}
    for h in heads[1:]:
        first = by_head[heads[0]]
        if len(by_head[h]) < 2 or not set(by_head[h]) <= set(first):
            continue
        for q, j in by_head[h].items():
            if first[q] < j and len(variables) - len(out) > MIN_VARIABLES:
                out[j] = first[q]
    return out


_RATE = frozenset({"per", "each", "every", "for", "a", "an"})
# (a bracket too: "Profit per piece: $12 ... and $45 (mugs, bowls, plates, vases in that order)" -- the
# number before a bracket does not count what the bracket names)
_BREAKS = frozenset({".", ",", ";", "?", "!", ":", "(", ")"})


_BOUND_WORDS = (("at", "least"), ("at", "most"), ("more", "than"), ("less", "than"), ("fewer", "than"),
                ("minimum", "of"), ("maximum", "of"), ("up", "to"))


def _bounded(before: list[str]) -> bool:
    """The words before a number end with a bound's wording ("at least", "no more than", "a minimum of")."""
    return tuple(before[-2:]) in _BOUND_WORDS


# a bound said after what it counts: "deep enough for 2 boats at most", "5 vans or fewer"
_BOUND_AFTER = frozenset({("at", "most"), ("at", "least"), ("or", "fewer"), ("or", "less"), ("or", "more")})


def _bound_after(r: Reading, end: int) -> bool:
    """The words right after a mention (ending before token `end`) are a bound's wording."""
    return tuple(w.lower() for w in r.words[end: end + 2]) in _BOUND_AFTER


def _list_bounded(r: Reading, num: int) -> bool:
    """"Only 8 buses and 6 minibuses are available": a number right after "only", or after "and" / "," going on
    a list of amounts that "only" opens, bounds the decision named right after it (counts nothing out; not "at
    least 600 chairs and 40 tables": what a job needs)."""
    low = r.low
    if num >= 1 and low[num - 1] in {"only", "just"}:
        return True
    if num < 3 or low[num - 1] not in {"and", ","}:
        return False
    q = next((j for j in range(num - 2, max(num - 6, 0), -1) if is_number(low[j])), None)
    if q is None or any(w in {".", ";", "?", "!"} for w in low[q:num]):
        return False
    return q >= 1 and low[q - 1] in {"only", "just"}


def _after_mentions(r: Reading, v: Variable, reach: int, room: int) -> Iterator[tuple[list[str], int]]:
    """(lower-cased words, k) for each word k within `reach` words after each mention of v, in the mention's own
    clause, leaving `room` words after k."""
    lower = r.low
    names = {w.lower() for m in v.mentions for w in m.split()}
    for p in v.positions:
        end = p
        while end < len(lower) and lower[end] in names:
            end += 1
        for k in range(end, min(end + reach, len(lower) - room)):
            if lower[k] in _BREAKS:
                break
            yield lower, k


def _priced(r: Reading, v: Variable) -> bool:
    """A mention followed by its own unit price ("TV ads at $8,000 each", "vans for $300 each"): a thing one buys
    or makes, so a bound on its number ("at least 2 TV ads") bounds a decision; a resource counted out ("at
    least 7000 trout") has no price of its own."""
    names = {stem(w) for m in v.mentions for w in m.split()}
    # its own clause's price: "TV ads at $8,000 each", "large containers hold 300 cubic feet and cost $390"
    for lower, k in _after_mentions(r, v, 14, 2):
        if lower[k] in _PRICE_OPEN and lower[k + 1] == "$" and is_number(lower[k + 2]):
            # a price per something else is not its own: "2000 trout and costs $300 per trip"; a price
            # per time is ("a counsellor costs $900 a week")
            per = lower[k + 3: k + 5]
            return not (len(per) == 2 and per[0] in {"per", "a", "an", "every"} and stem(per[1]) not in names
                        and stem(per[1]) not in _TIME)
    return False


def _in_units(between: list[str]) -> bool:
    """"at most 6 tablets of drug A", "at least 3 batches of scones": the number counts the decision in the units it
    comes in, it does not count it out."""
    from modeler.strategies.offline.mentions import CONTAINERS

    return len(between) == 2 and between[0] in CONTAINERS and between[1] == "of"


def _rated_in(r: Reading, v: Variable, between: list[str]) -> bool:
    """"Only 15 tonnes of electronics" where "electronics earn $800 per tonne": the number counts the decision in
    the unit its own rates are per, it does not count out a resource."""
    if len(between) != 2 or between[1] != "of" or not between[0].isalpha():
        return False
    unit = stem(between[0])
    return any(lower[k] == "per" and stem(lower[k + 1]) == unit for lower, k in _after_mentions(r, v, 10, 1))


_PRICE_OPEN = frozenset("at for costs cost costing priced".split())


def _row_named(r: Reading, v: Variable) -> bool:
    """A mention opens a note's row of figures ("Tumbler set: 1.5 kg, 1 h, $48"): the row gives one decision
    what it uses and brings, so "at most 60 tumbler sets" later bounds that decision, it counts out no resource."""
    return any(p + len(m.split()) + 1 < len(r.words) and r.words[p + len(m.split())] == ":" and (
        is_number(r.words[p + len(m.split()) + 1]) or r.words[p + len(m.split()) + 1] == "$")
        for p, m in zip(v.positions, v.mentions, strict=False))


def _suspicion(r: Reading, v: Variable) -> float:
    """0 (looks like a decision) .. 1 (looks like a resource, a category or an actor)."""
    from modeler.strategies.offline.mentions import CONTAINERS

    if _row_named(r, v):
        return 0.0

    counted = 0
    category = actor = False
    from modeler.strategies.offline.name_repairs import _listed_with

    listed = _listed_with(r, v)
    for p in v.positions:
        before = [w.lower() for w in r.words[max(0, p - 3): p]]
        while any(w in _BREAKS for w in before):  # within the mention's clause
            before = before[next(k for k, w in enumerate(before) if w in _BREAKS) + 1:]
        # and within its list item: "bowls for $24 and vases for $55" (the 24 is the bowls'), "coal 0.9 tonnes
        # and hydro none" (the 0.9 is coal's: a conjunction after a number closes the item it counts)
        cut = [k for k in range(1, len(before)) if before[k] in {"and", "or"} and any(is_number(w) for w in before[:k])]
        if cut:
            before = before[cut[-1] + 1:]
        # "one" counts only as a list's last item, an amount beside others ("1 hour of testing and one DSP
        # chip"): a name with a verb after it is a subject ("and one chair needs")
        last = p + len(v.text.split())
        listed_one = last >= len(r.words) or not r.words[last][:1].isalpha() or r.words[last].lower() in {"and", "or"}
        at = max((k for k, w in enumerate(before) if is_number(w) and (w not in {"1", "one"} or (
            listed_one and k and before[k - 1] == "and"))), default=-1)
        # "2000 trout" counts the mention out; "$2231 for each star layout" is a rate per decision, and
        # "at least 100 sparkler boxes" bounds a decision (one listed with others: "rockets, fountains and
        # sparkler boxes")
        num = p - len(before) + at  # the number's position in the text
        # money put in a mention: "$200,000 in bonds"
        placed = at >= 0 and num > 0 and r.words[num - 1] == "$" and before[at + 1: at + 2] in (["in"], ["into"])
        # ("at most 35% in stocks": a share of the money put in a mention names an investment, a decision)
        put_share = at >= 0 and before[at + 1: at + 3] in (["%", "in"], ["%", "into"])
        # ("at least 25% compost" in a mix made from it: a share of the whole that is this decision)
        put_share = put_share or (at >= 0 and before[at + 1:] == ["%"] and _bounded(
            [w.lower() for w in r.words[max(0, num - 2): num]]))
        # "a batch of 1,000 printed flyers": the number sizes what one unit of the decision comes in
        sized = at >= 2 and before[at - 1] == "of" and before[at - 2] in CONTAINERS
        # (and money put in a list of mentions is split among them: "$200,000 in bonds, dividend stocks and ...")
        # ("twice as much sand as clay loam": a multiple in a comparison counts nothing out)
        compared = at >= 0 and before[at + 1: at + 2] == ["as"]
        own = sized or placed or put_share or compared or _rated_in(r, v, before[at + 1:])
        if at >= 0 and not own and not _RATE & set(before[at + 1:]) and not (
                (listed or _priced(r, v) or _in_units(before[at + 1:]) or _rated_subject(r, v)) and (_bounded(
                [w.lower() for w in r.words[max(0, num - 2): num]]) or _bound_after(r, last))) and not (
                not before[at + 1:] and _list_bounded(r, num)):
            counted += 1
        if len(before) >= 2 and before[-1] == "of" and before[-2] in _CATEGORY:
            category = True
        # the word after the mention: "hardware section", "milk company"
        names = {w.lower() for m in v.mentions for w in m.split()}
        end = p
        while end < len(r.words) and end - p < 6 and r.words[end].lower() in names:
            end += 1
        # ("Each machine-day plants 600 trees": a word right before a number is the clause's verb, not the head
        # of a compound that names an actor, as in "the tree plants")
        if end < len(r.words) and stem(r.words[end]) in _ACTOR_NEXT and not (
                end + 1 < len(r.words) and is_number(r.words[end + 1])):
            actor = True
    # the text's opening subject acts ("A cruise ship has at most 800 rooms", "An ice cream bar sells vanilla and
    # chocolate cones ... the ice cream bar can make at most 80 cones"): the place or firm the decisions are of
    actor = actor or _opening_subject(r, v)
    share = counted / max(len(v.positions), 1)
    # a unit of measure named alone ("A litre costs $14 at North", "$95 per MWh") measures the decisions
    measure = all(_words(m) and set(_words(m)) <= _STUFF_UNITS for m in v.mentions)
    # so is the head two other decisions are named with, when rates are per it ("$60 per trip" beside "van
    # trips" and "truck trips")
    own = {w for m in v.mentions for w in _words(m)}
    heads = [i for o in r.variables if o is not v for i in {_words(m)[-1] for m in o.mentions if len(_words(m)) > 1}]
    measure = measure or (len(own) == 1 and heads.count(next(iter(own))) >= 2 and next(iter(own)) in _per_words(r.words))
    actor = actor or _sole_means(r, v, listed)
    # ("an aide costs $150 per day and sees no patients": a name with "no" or "not" in it says what is not done)
    negated = any({"no", "not"} & {w.lower() for w in m.split()} for m in v.mentions)
    return max(share if share >= 0.5 else 0.0, 1.0 if category or measure or negated else 0.0, 0.8 if actor else 0.0)


def _sole_means(r: Reading, v: Variable, listed: bool) -> bool:
    """"ships them to a distributor by truck in cases. The truck can take at most 600 cases": one vehicle or
    means, said in the singular after "by" and then "the", never counted, asked about or listed with a
    decision, is how the decisions go, not one of them."""
    if listed or not v.positions:
        return False
    lower = r.low
    by = False
    for p in v.positions:
        n = len(next((sp.text.split() for sp in r.spans if sp.start == p and sp.label == "VAR"), [r.words[p]]))
        last = lower[p + n - 1]
        if p == 0 or lower[p - 1] not in {"by", "the"} or singular(last) != last or not last.isalpha():
            return False
        by = by or lower[p - 1] == "by"
    # ("ships frozen fish by sea, by rail and by air": ways listed, each after "by", are no sole means)
    if any(lower[q - 1] == "by" and lower[q - 2] in {",", "or", "and"} for o in r.variables for q in o.positions
           if q >= 2):
        return False
    asked = {singular(c) for a, b, c in zip(lower, lower[1:], lower[2:], strict=False) if (a, b) == ("how", "many")}
    return by and not asked & {singular(w) for m in v.mentions for w in m.lower().split()}


def _rated_subject(r: Reading, v: Variable) -> bool:
    """"a rapid run processes 25 samples ... At least 5 rapid runs are needed": a mention that a verb and a
    number follow is the subject of its own rate, a decision (the bound on it counts no resource out)."""
    for p in v.positions:
        k = p + len(v.text.split())
        if k + 1 < len(r.words) and r.words[k].isalpha() and r.words[k].lower() not in STOP and is_number(
                r.words[k + 1]):
            return True
    return False


_OPENING_VERBS = frozenset("has have sells makes produces manufactures bakes offers owns employs runs operates can "
                           "is wants needs must will".split())


def _opening_subject(r: Reading, v: Variable) -> bool:
    """One of v's mentions is the whole noun phrase that opens the text, right before its verb ("A cruise ship
    has ...", "An ice cream bar sells ...")."""
    low = [w.lower() for w in r.words[:10]]
    if not low or low[0] not in {"a", "an", "the"}:
        return False
    for m in v.mentions:
        mw = m.lower().split()
        k = 1 + len(mw)
        if low[1:k] == mw and k < len(low) and low[k] in _OPENING_VERBS:
            return True
    return False


def _per_words(words: list[str]) -> frozenset[str]:
    lower = [w.lower() for w in words]
    return frozenset(stem(b) for a, b in zip(lower, lower[1:], strict=False) if a == "per" and b.isalpha())


def _counted_in(words: list[str]) -> frozenset[str]:
    """Stems of what the question counts and what rates are per ("How many shifts", "$180 per shift")."""
    lower = [w.lower() for w in words]
    asked = {stem(c) for a, b, c in zip(lower, lower[1:], lower[2:], strict=False) if (a, b) == ("how", "many")}
    per = {stem(b) for a, b in zip(lower, lower[1:], strict=False) if a == "per" and b.isalpha()}
    return frozenset(asked & per)


def _asked(words: list[str]) -> frozenset[str]:
    """Stems of what the question counts: "How many trips of each kind ..." -> trip."""
    lower = [w.lower() for w in words]
    return frozenset(stem(c) for a, b, c in zip(lower, lower[1:], lower[2:], strict=False)
                     if (a, b) == ("how", "many") and c.isalpha()) - _UNIT_STOP - _CATEGORY


def _asked_head_pairs(variables: list[Variable], asked: frozenset[str]) -> dict[int, int]:
    """"trawlers, longliners and gillnet boats" then "a trawler trip ..., a gillnet trip ...", asked "How
    many trips": "<qualifier> <counted noun>" names the decision of that qualifier, so "gillnet trip" joins
    the one other variable named "gillnet <something>" (or "gillnet" alone); "a clover hive" joins "clover
    meadows" when the question counts hives. The other variable must not itself be named with the counted
    noun, and no third variable may carry the qualifier."""
    out: dict[int, int] = {}
    if not asked:
        return out
    names = [_words(v.text) for v in variables]
    # the counted noun names a decision no other variable stands for ("ski instructor", "snowboard instructor"
    # and "dual-certified instructor" beside "ski lessons", "snowboard lessons"): those named with it are the
    # decisions, the others what they cover
    counted = {w[0] for w in names if len(w) == 2 and w[1] in asked}
    if len(counted) >= 2 and counted - {x[0] for x in names if x and not (len(x) == 2 and x[1] in asked)}:
        return out
    for j, w in enumerate(names):
        if len(w) != 2 or w[1] not in asked or w[0] in asked:
            continue
        with_q = [i for i, x in enumerate(names) if i != j and x and x[0] == w[0]]
        if len(with_q) != 1:
            continue
        i = with_q[0]
        if asked & set(names[i]) or any(asked & set(_words(m)) for m in variables[i].mentions):
            continue
        if len(names[i]) > 2:
            continue
        a, b = sorted((i, j))
        out[b] = a
    return out


def _aliases(r: Reading) -> dict[int, int]:
    """"a real estate trust (REIT) ... each dollar in the REIT": a word in brackets right after a mention is
    another name of its variable; a later variable named by that word joins it."""
    ends = {sp.end: r.mention_var[sp.start] for sp in r.spans if sp.label == "VAR" and sp.start in r.mention_var}
    alias: dict[str, int] = {}
    for k in range(1, len(r.words) - 2):
        if r.words[k] == "(" and r.words[k + 2] == ")" and k in ends and r.words[k + 1].isalpha():
            alias.setdefault(r.words[k + 1].lower(), ends[k])
    out: dict[int, int] = {}
    for v in r.variables:
        first = v.text.split()[0].lower() if v.text.split() else ""
        i = alias.get(first)
        if i is not None and i < v.index and not (set(v.text.lower().split()) & set(r.variables[i].text.lower().split())):
            out[v.index] = i
    return out


# the words a writer puts after the name of a line of business, one for another
_FIELDS = frozenset(stem(w) for w in "industry industries sector sectors market markets business field portion".split())


def _same_field(variables: list[Variable]) -> dict[int, int]:
    """"the pharmaceuticals industry ... the pharmaceutical sector": a later two-word name whose head is a word for a
    line of business, and whose first word is an earlier one's (singular or plural) with such a head, names that
    decision again."""
    names = [_words(v.text) for v in variables]
    out: dict[int, int] = {}
    for j, w in enumerate(names):
        if len(w) != 2 or w[1] not in _FIELDS:
            continue
        # (the stems of a plural and its singular may differ by an "e": "textile" / "textil")
        hits = [i for i in range(j) if len(names[i]) == 2 and names[i][1] in _FIELDS and (
            names[i][0].rstrip("s").rstrip("e") == w[0].rstrip("s").rstrip("e"))]
        if hits:
            out[j] = out.get(hits[0], hits[0])
    return out


def _hyphen_named(variables: list[Variable]) -> dict[int, int]:
    """"an old press and a new press ... Each old-press batch needs 4 hours": a later name whose first word
    joins by a hyphen the whole of an earlier two-word name ("old-press" of "old press") names that decision
    again, what it makes or runs counted in its own word ("batch")."""
    names = [_words(v.text) for v in variables]
    out: dict[int, int] = {}
    for j, w in enumerate(names):
        if len(w) != 2 or w[0].count("-") != 1:  # (not "low-sodium cottage cheese" beside "low sodium")
            continue
        parts = [stem(p) for p in w[0].split("-")]
        hits = [i for i in range(j) if names[i] == parts]
        if len(hits) == 1:
            out[j] = hits[0]
    return out


def _hyphen_tails(r: Reading) -> dict[int, int]:
    """"t-shirts ... Shirts take 20 minutes": a one-word name that is the tail of an earlier one-word name after a
    one-letter prefix and a hyphen names that decision again, when no other name ends so and no sentence names both
    ("bikes, scooters and e-bikes" are three)."""
    names = [_words(v.text) for v in r.variables]
    out: dict[int, int] = {}
    for j, w in enumerate(names):
        if len(w) != 1:
            continue
        hits = [i for i, x in enumerate(names[:j]) if len(x) == 1 and len(x[0]) > 2 and x[0][1] == "-"
                and x[0][0].isalpha() and x[0][2:] == w[0]]
        if len(hits) != 1 or any(i not in (j, hits[0]) and x and x[-1] == w[0] for i, x in enumerate(names)):
            continue
        said = {r.tokens[p].sent for p in r.variables[hits[0]].positions}
        if not said & {r.tokens[p].sent for p in r.variables[j].positions}:
            out[j] = hits[0]
    return out


def surplus_variables(r: Reading) -> tuple[dict[int, int], set[int]]:
    """(join, drop) for a reading with more than two variables: `join` maps a mention's first token to
    the first token of the earlier mention it names again; `drop` holds variables to forget."""
    if len(r.variables) <= MIN_VARIABLES:
        return {}, set()
    pairs = _join_pairs(r.variables, _counted_in(r.words))
    for j, i in _aliases(r).items():
        if j not in pairs and i not in pairs and len(r.variables) - len(pairs) > MIN_VARIABLES:
            pairs[j] = i
    for j, i in [*_hyphen_named(r.variables).items(), *_hyphen_tails(r).items()]:
        if j not in pairs and i not in pairs and len(r.variables) - len(pairs) > MIN_VARIABLES:
            pairs[j] = i
    for j, i in _same_field(r.variables).items():
        if j not in pairs and i not in pairs and len(r.variables) - len(pairs) > MIN_VARIABLES:
            pairs[j] = i
    for j, i in _asked_head_pairs(r.variables, _asked(r.words)).items():
        if j not in pairs and i not in pairs and len(r.variables) - len(pairs) > MIN_VARIABLES:
            pairs[j] = i
    join = {p: r.variables[i].positions[0] for j, i in pairs.items() for p in r.variables[j].positions}
    kept = [v for v in r.variables if v.index not in pairs]
    ranked = sorted(((s, v.index) for v in kept if (s := _suspicion(r, v)) >= 0.5), reverse=True)
    drop: set[int] = set()
    for _s, idx in ranked:
        if len(kept) - len(drop) <= MIN_VARIABLES:
            break
        drop.add(idx)
    return join, drop


# rates per unit of time ("4 packages every hour") say nothing about what one decision is
_TIME = frozenset(stem(w) for w in "hour hours minute minutes day days week weeks month months year years "
                  "second seconds time times".split())
# measures of stuff (a resource is counted in these, rarely a decision); land (acres, hectares) stays
_STUFF_UNITS = frozenset(stem(w) for w in "kg kilogram kilograms g gram grams mg lb lbs pound pounds ton tons tonne "
                      "tonnes oz ounce ounces liter liters litre litres ml gallon gallons dollar dollars $ cent cents "
                      "kw kwh mw mwh gw gwh".split())
_UNIT_STOP = frozenset(stem(w) for w in "unit units item items of the a an each type kind amount number total".split()) | _STUFF_UNITS


_SUBJECTS = frozenset("should would will can could must shall we i you they he she it".split())


def _compound_units(words: list[str], units: set[str]) -> set[str]:
    """"How many square meters of each": a unit said in two words ("square meters", "cubic feet") is one
    unit, its noun as much as its first word."""
    return {stem(words[k + 1]) for k in range(len(words) - 1) if words[k] in {"square", "cubic"} and stem(
        words[k]) in units and words[k + 1].isalpha()}


def _noun_after_names(r: Reading, words: list[str]) -> set[str]:
    """"Each chocolate croissant brings $4 ... each strawberry croissant brings $6 ... sales of up to 1200
    croissants": the word every decision's name is followed by, when a limit counts it, is what one of each is."""
    counted = {stem(words[sp.end + (words[sp.end] in {"total", "more"})]) for sp in r.spans
               if sp.label == "LIMIT" and sp.end + 1 < len(words)}
    after = []
    for v in r.variables:
        ends = {k + 1 for k, i in r.mention_var.items() if i == v.index and r.mention_var.get(k + 1) != v.index}
        after.append({stem(words[e]) for e in ends if e < len(words) and words[e].isalpha() and e not in r.mention_var})
    return set.intersection(*after) & counted if len(after) >= 2 and all(after) else set()


def decision_units(r: Reading) -> set[str]:
    """Stems of what one unit of every decision is ("How many hectares ...", "each type of container",
    "costs $300 per trip", "two different methods"): a limit counted in these units is a sum."""
    out: set[str] = set()
    words = r.low
    n = len(words)
    for k, w in enumerate(words):
        nxt = words[k + 1: k + 5]
        if w == "how" and nxt[:1] == ["many"] and len(nxt) > 1:
            out.add(stem(nxt[1]))
        elif (w in {"per", "every"} or (w == "each" and k > 0 and words[k - 1] == "for")) and nxt and nxt[0].isalpha() and not (
                k >= 2 and is_number(words[k - 2]) and any(stem(words[k - 1]) in v.keys for v in r.variables)):
            # (not "12 bunches per bucket": so many of a decision per one of something else)
            out.add(stem(nxt[0]))
        elif w == "each" and k > 0 and words[k - 1] == "of" and nxt:
            j = 2 if nxt[0] in _CATEGORY and len(nxt) > 2 and nxt[1] == "of" else 0
            # ("How many of each should we let": the words after "of each" are no unit when a verb's
            # subject follows)
            # ("How many classes of each should be offered": no word past a modal is a unit, "be" least of all)
            said = list(itertools.takewhile(lambda x: x not in _SUBJECTS, nxt[j: j + (1 if j else 2)]))
            out.update(stem(x) for x in said if x.isalpha())
        elif w in _CATEGORY and k + 1 < n and words[k - 1] in {"two", "three", "different", "both"}:
            out.add(stem(w))
            if nxt[:1] == ["of"] and len(nxt) > 1:
                out.add(stem(nxt[1]))
    # "Each cup of lemonade ... a cup of iced tea": a measure every decision is said in ("at most 70 cups in total")
    said_in = [{stem(words[p - 2]) for p in v.positions if p >= 2 and words[p - 1] == "of" and words[p - 2].isalpha()}
               for v in r.variables]
    if len(said_in) >= 2:
        out |= set.intersection(*said_in)
    out |= _compound_units(words, out) | _noun_after_names(r, words)
    out -= _TIME | _UNIT_STOP | {k for v in r.variables for k in v.keys}
    # a head every variable shares counts them all: "short shots" and "long shots", "slow balls" and
    # "fast balls" ("at most 14 shots")
    heads = r.name_heads()
    if len(r.variables) >= 2 and len(heads) == 1 and all(len(v.text.split()) > 1 for v in r.variables):
        out |= heads
    return out

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

This module holds the entry points: `constraints` (below), which types each limit, and `objective` /
`spare_objective` (from `objective_reads`), with the templates `Objective` / `ConstraintSpec` (`specs`).
The rules live in modules by what they read:

    objective_reads   the objective: sense, coefficient group or count, money terms
    limit_sense       a limit's direction when no cue word gives it
    limit_scope       which variables a limit is on (one, some, all, each, a rate, a share's)
    limit_kinds       blends, counts of the decisions, sums shared among them, per-item limits
    limit_rows        coefficient groups for resource limits, in the limit's unit; batch totals
    comparisons       two variables compared (xby / xy)
    limit_words       helpers the limit readers share (a clause's words, units, names)

At its end it also holds the whole-problem shapes `_understand` tries before any of this, each on the text
alone and only when every part of the shape is said: a transport grid, shift cover, machines' hours on
products, regular time and overtime over months, cutting patterns (each returns its own variables,
objective and rows, or None).
"""

from __future__ import annotations

import re
from collections import Counter

from modeler.strategies.offline.comparisons import _compares, comparisons
from modeler.strategies.offline.entities import is_number
from modeler.strategies.offline.limit_kinds import (
    _asked_measure,
    _asked_unit,
    _blend,
    _concentration,
    _counts_decisions,
    _decision_size,
    _earned,
    _generic_count,
    _is_share,
    _one_per_item,
    _shared_among,
    _size_of_unit,
    _sized_row,
    _weighted_shares,
)
from modeler.strategies.offline.limit_rows import _assign_features, _batch_total
from modeler.strategies.offline.limit_scope import (
    _clause_vars,
    _each_resource,
    _for_every,
    _named_in_clause,
    _named_subject,
    _named_together,
    _neither_before,
    _of_each_kind,
    _of_each_type,
    _of_every_head,
    _of_which,
    _ranges,
    _rate_second,
    _respective_limits,
    _share_in_it,
    _share_of,
    _share_subject,
    _share_together,
    _subject_is,
    _subset_of_them,
    _that_many,
    _total_near,
    _var_follows,
    _whole_of,
)
from modeler.strategies.offline.limit_sense import (
    _DONE,
    _all_of,
    _available_after,
    _covered,
    _cue,
    _duty_after,
    _had_too,
    _owed,
    _promised,
    _said_again,
    _there_is,
    _verb_bound,
    _whole_of_part,
    _words_before,
)
from modeler.strategies.offline.limit_words import (
    _crew,
    _limit_context,
    _listed_with_another,
    _money_decisions,
    _unit,
)
from modeler.strategies.offline.objective_reads import objective, spare_objective
from modeler.strategies.offline.reading import Reading, Variable
from modeler.strategies.offline.repairs import ALL_OWED, _one_each, _stock_subject
from modeler.strategies.offline.specs import ConstraintSpec, Objective
from modeler.strategies.offline.variables import decision_units
from modeler.strategies.offline.words import direction, parse_value, singular, stem

__all__ = ["ConstraintSpec", "Objective", "constraints", "objective", "spare_objective"]


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
        value = value * _crew(r, sp) if value is not None else None  # "the two attendants work 8 hours each"
        if value is None or _compares(r, sp) or _said_again(r, sp) or _size_of_unit(r, sp) or _rate_second(r, sp):
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
        stock = stock or _available_after(r, sp) or _had_too(r, sp)
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
        # "a tour needs 2 guides, and 20 guides work each day": the stock is a most, whatever need came before
        sense = (("<=" if _stock_subject(r.words, r.spans, sp) else None) or _promised(r, sp) or direction(before) or _verb_bound(r, sp) or _covered(r, sp, objective_sense) or stock or done or _duty_after(r, sp) or _whole_of_part(r, sp) or direction(cue)
                 or _owed(r, sp) or direction(sentence) or "<=")
        sense = _all_of(r, sp) or sense  # "has inherited $50000 and will invest all of it"
        vars_ = _clause_vars(r, sp, limits)
        total = _total_near(r, sp) or _whole_of(r, sp) or _of_each_kind(r, sp)
        per = _for_every(r, sp)
        if per is not None:  # "at least 1 doctor shift for every 4 nurse shifts": x >= (1 / 4) y
            x, y, n = per
            out.append(ConstraintSpec("xby", sense, 0.0, x=x, y=y, param=value / n, sentence=sentence, cue=cue))
            continue
        sized = _sized_row(r, sp)
        if sized is not None:  # "1,200 truffles" packed in "boxes of 9" and "boxes of 16": 9 x + 16 y
            out.append(ConstraintSpec("linear", sense, value, sized, sentence=sentence, cue=cue))
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
        group = _share_together(r, sp) if share and r.variables else None
        if group is not None:  # "at least 25% of the money in bonds and bills together": of their sum
            # (a "blend" row with weight 1 on each of the group: x_1 + x_2 (op) q * (x_1 + ... + x_n))
            out.append(ConstraintSpec("blend", sense, value, {v: 1.0 for v in group}, sentence=sentence, cue=cue))
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
    _weighted_shares(out)  # "60% of the covered hours": weighted by the hours row (limit_kinds)
    return [c for c in out if c.kind != "drop"]


# ---- a transport grid: "$0.05 from Depot 1 to Ashby, ...", each source's supply and each destination's need
_GRID_BREAKS = frozenset({",", ";", ".", ":", "?", "!", "and", "or", "while", "but", "whereas"})
_GRID_CAP = re.compile(r"\b(?:room|capacity|holds?|can take|can accept|accepts?|at most|up to|no more than|seats?)\b")
_GRID_NEED = re.compile(r"\b(?:needs?|requires?|orders?|ordered|demands?|wants?|at least|must get|must receive)\b")
_GRID_ALL = re.compile(r"\b(?:every|all|each)\b(?: [a-z-]+){1,3} (?:must|has to|have to|needs? to)\b")
_GRID_MIN = re.compile(r"\b(?:minimi[sz]e|minimum|lowest|least|cheapest|cheaply|as small as possible|as low as possible)\b")
_GRID_STOP = frozenset("The A An Each Every All Shipping Transport Moving Sending Plan How What Which".split())


def _grid_name_before(words: list[str], k: int) -> tuple[int, int] | None:
    """The name ending at k ("Ashby", "Depot 1", "Plant B"): a capitalised word, with a number or a single
    capital letter after it."""
    if k < 0:
        return None
    w = words[k]
    if (w.isdigit() and len(w) <= 2) or (len(w) == 1 and w.isupper()):
        if k >= 1 and words[k - 1][:1].isupper() and words[k - 1].isalpha() and words[k - 1] not in _GRID_STOP:
            return k - 1, k + 1
        return None
    if w[:1].isupper() and w.isalpha() and len(w) > 1 and w not in _GRID_STOP:
        return k, k + 1
    return None


def _grid_name_after(words: list[str], k: int) -> tuple[int, int] | None:
    if k >= len(words) or not (words[k][:1].isupper() and words[k].isalpha() and len(words[k]) > 1) or (
            words[k] in _GRID_STOP):
        return None
    if k + 1 < len(words) and ((words[k + 1].isdigit() and len(words[k + 1]) <= 2) or (
            len(words[k + 1]) == 1 and words[k + 1].isupper())):
        return k, k + 2
    return k, k + 1


def _grid_costs(words: list[str]) -> tuple[dict[tuple[str, str], float], set[int]]:
    """Each "S to D" with a price beside it ("$0.05 from Depot 1 to Ashby", "North to Lincoln $1.10"): the
    price of one unit moved, and the tokens those statements take."""
    out: dict[tuple[str, str], float] = {}
    taken: set[int] = set()
    for k, w in enumerate(words):
        if w.lower() != "to":
            continue
        s, d = _grid_name_before(words, k - 1), _grid_name_after(words, k + 1)
        if s is None or d is None:
            continue
        a = s[0] - 1 if s[0] >= 1 and words[s[0] - 1].lower() == "from" else s[0]
        price = None
        j = d[1]
        while j < len(words) and j < d[1] + 3 and words[j].lower() in {":", ",", "is", "costs", "cost", "at", "for"}:
            j += 1
        # ("$0.05 from Depot 1 to Ashby, $0.08 from ...": the price before "from", when there is one)
        if a < s[0] and a >= 2 and words[a - 2] == "$" and parse_value(words[a - 1]) is not None:
            price, used = parse_value(words[a - 1]), {a - 2, a - 1}
        elif j + 1 < len(words) and words[j] == "$" and parse_value(words[j + 1]) is not None:
            price, used = parse_value(words[j + 1]), {j, j + 1}
        if price is None:
            continue
        key = (" ".join(words[s[0]: s[1]]), " ".join(words[d[0]: d[1]]))
        if key in out:
            return {}, set()
        out[key] = price
        taken |= used | set(range(a, d[1]))
    return out, taken


def _paired_amounts(words: list[str], names: list[str], taken: set[int]) -> dict[str, tuple[float, str]]:
    """"our depots in Leeds and York hold 40 and 60 tonnes": names joined by "and" (or commas), then as many
    numbers joined the same way a few words on, pair in order."""
    out: dict[str, tuple[float, str]] = {}
    k = 0
    while k < len(words):
        run, j = [], k
        while j < len(words):
            hit = next((n for n in names if words[j: j + len(n.split())] == n.split()), None)
            if hit is None:
                break
            run.append(hit)
            j += len(hit.split())
            if j < len(words) and words[j] in {",", "and"} and j + 1 < len(words) and words[j + 1] != "and":
                j += 1
            elif j + 1 < len(words) and words[j] == "," and words[j + 1] == "and":
                j += 2
            else:
                break
        if len(run) >= 2:
            x = next((i for i in range(j, min(j + 4, len(words))) if is_number(words[i]) and words[i][:1].isdigit()), None)
            nums: list[int] = []
            while x is not None and x < len(words) and is_number(words[x]) and x not in taken:
                nums.append(x)
                x = x + 2 if x + 2 < len(words) and words[x + 1] in {",", "and"} else None
            if len(nums) == len(run):
                clause = " ".join(w.lower() for w in words[k: nums[-1] + 3])
                for n, i in zip(run, nums, strict=True):
                    value = parse_value(words[i])
                    if value is not None:
                        out.setdefault(n, (value, clause))
        k = max(j, k + 1)
    return out


def transport_grid(r: Reading) -> tuple[Reading, Objective, list[ConstraintSpec]] | None:
    """"Shipping a litre costs $0.05 from Depot 1 to Ashby, $0.08 from Depot 1 to Brook, ...", with "9,000
    litres in Depot 1" and "Ashby needs 6,000 litres": a price for every source-destination pair of two
    sources or more and two destinations or more, and one amount said beside each name, is a transport
    problem: a decision per pair, the cheapest plan, each source's amount a most (all of it when the text
    says every unit must go and the destinations' amounts are room) and each destination's a least (a most
    when it is room: "room for 280")."""
    words = r.words
    low = " ".join(w.lower() for w in words)
    if not _GRID_MIN.search(low):
        return None
    costs, taken = _grid_costs(words)
    sources = list(dict.fromkeys(s for s, _ in costs))
    dests = list(dict.fromkeys(d for _, d in costs))
    if len(sources) < 2 or len(dests) < 2 or set(sources) & set(dests) or len(costs) != len(sources) * len(dests):
        return None
    amounts: dict[str, tuple[float, str]] = _paired_amounts(words, sources + dests, taken)
    for name in sources + dests:
        if name in amounts:
            continue
        ph = name.split()
        for k in range(len(words) - len(ph) + 1):
            if words[k: k + len(ph)] != ph or k in taken:
                continue
            a = k
            while a > 0 and words[a - 1].lower() not in _GRID_BREAKS:
                a -= 1
            b = k + len(ph)
            while b < len(words) and words[b].lower() not in _GRID_BREAKS:
                b += 1
            clause = words[a:b]
            if any(other != name and " ".join(clause).find(other) >= 0 and other not in name
                   for other in sources + dests):
                continue
            nums = [j for j in range(a, b) if j not in taken and is_number(words[j]) and not (
                j > 0 and words[j - 1] == "$") and not k <= j < k + len(ph)]
            if len(nums) == 1:
                value = parse_value(words[nums[0]])
                if value is not None and value > 1:
                    amounts.setdefault(name, (value, " ".join(w.lower() for w in clause)))
                    break
    if len(amounts) != len(sources) + len(dests):
        return None
    pairs = [(s, d) for s in sources for d in dests]
    variables = [Variable(i, [f"{s} {d}"], {s.lower(), d.lower()}) for i, (s, d) in enumerate(pairs)]
    grid = Reading(r.tokens, words, r.spans, variables, {}, [], [], r.sentences, {})
    sentence = next((r.sentence_text(s) for s in r.sentences if "$" in r.sentence_text(s)), "")
    obj = Objective("min", {i: costs[p] for i, p in enumerate(pairs)}, "cost", "weighted", sentence)
    dest_cap = all(_GRID_CAP.search(amounts[d][1]) for d in dests)
    src_need = all(_GRID_NEED.search(amounts[s][1]) for s in sources)
    if dest_cap and src_need:
        return None  # (the sources need and the destinations hold: read the other way round, not guessed)
    every = bool(_GRID_ALL.search(low))
    if dest_cap and not every:
        return None
    src_sense, dest_sense = ("==", "<=") if dest_cap else ("<=", ">=")
    specs = [ConstraintSpec("sum", src_sense, amounts[s][0], {i: 1.0 for i, p in enumerate(pairs) if p[0] == s},
                            sentence=amounts[s][1], cue=s) for s in sources]
    specs += [ConstraintSpec("sum", dest_sense, amounts[d][0], {i: 1.0 for i, p in enumerate(pairs) if p[1] == d},
                             sentence=amounts[d][1], cue=d) for d in dests]
    return grid, obj, specs


# ---- shift cover: periods in a cycle, a need in each, and shifts that cover so many periods in a row
_COVER = re.compile(r"\b(?:covering|covers|cover|spanning|spans|span|works?|working) (two|three|four|five|six|2|3|4|5|6) "
                    r"(?:consecutive |successive |straight )?([a-z]+?)s?(?: in a row)?\b")
_SMALL = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7}
_FEWEST = re.compile(r"\b(?:fewest|as few|minimi[sz]e|minimum|smallest|least)\b")


def shift_cover(r: Reading) -> tuple[Reading, Objective, list[ConstraintSpec]] | None:
    """"splits the day into four 6-hour blocks: midnight-6am, 6am-noon, noon-6pm and 6pm-midnight, and needs
    4, 6, 8 and 10 guards on duty in them respectively. Every guard works a 12-hour shift covering two blocks
    in a row ... How many guards should start at each of the four times ... with the fewest guards?": the
    decisions are how many start in each period, each period's need is met by those who started in it or in
    the periods just before it (round the cycle), and the fewest start in all."""
    words = r.words
    low = [w.lower() for w in words]
    text = " ".join(low)
    m = _COVER.search(text)
    if not m or "start" not in text or not _FEWEST.search(text):
        return None
    span, unit = _SMALL.get(m.group(1)) or int(m.group(1)), m.group(2)
    # the needs: one list of numbers said "respectively"
    k = next((j for j, w in enumerate(low) if w == "respectively"), None)
    if k is None:
        return None
    a = max([j + 1 for j in range(k) if words[j] in {".", ";", "?", "!"}], default=0)
    nums = [j for j in range(a, k) if is_number(words[j]) and words[j][:1].isdigit() and not (j and words[j - 1] == "$")]
    if len(nums) < 3 or any(low[x] not in {",", "and"} for p, q in zip(nums, nums[1:], strict=False)
                            for x in range(p + 1, q)):
        return None
    needs = [parse_value(words[j]) for j in nums]
    n = len(needs)
    if span >= n or any(v is None for v in needs):
        return None
    # the periods' names: a list of n after a colon ("blocks: midnight-6am, 6am-noon, ...")
    names: list[str] = []
    for c in (j for j, w in enumerate(words) if w == ":"):
        items, cur = [], []
        for w in words[c + 1:]:
            if w in {",", "and"} or w in {".", ";"}:
                if cur:
                    items.append(" ".join(cur))
                    cur = []
                if w in {".", ";"} or len(items) == n:
                    break
                continue
            cur.append(w)
        if len(items) == n and singular(unit) in {singular(x) for x in low[max(0, c - 2): c]}:
            names = [x.split("-")[0] for x in items]
            break
    if not names:
        return None
    variables = [Variable(i, [f"start {x}"], {x.lower()}) for i, x in enumerate(names)]
    cover = Reading(r.tokens, words, r.spans, variables, {}, [], [], r.sentences, {})
    sentence = next((r.sentence_text(s) for s in r.sentences if "start" in r.sentence_text(s).lower()), "")
    obj = Objective("min", {i: 1.0 for i in range(n)}, "the number who start", "count", sentence, said=True)
    specs = [ConstraintSpec("sum", ">=", float(needs[i]), {(i - d) % n: 1.0 for d in range(span)},
                            sentence=" ".join(words[a:k]), cue=names[i]) for i in range(n)]
    return cover, obj, specs


# ---- machines x products: "How many hours should each oven spend on bread and on pastries?"
_EACH_ON = re.compile(r"\bhow many hours should each ([a-z]+) (?:spend |run |work |be used |give )?on (?:the )?([a-z]+) "
                      r"and (?:on )?(?:the )?([a-z]+)\b")
_PER_HOUR = frozenset({"an", "per", "each", "every", "a"})


def machine_products(r: Reading) -> tuple[Reading, Objective, list[ConstraintSpec]] | None:
    """"Oven A bakes 60 loaves or 40 trays an hour and costs $30 an hour to run. Oven B bakes 40 loaves or 45
    trays an hour and costs $25 an hour. Each oven can run for at most 12 hours ... at least 600 loaves and
    450 trays ... How many hours should each oven spend on bread and on pastries": the decisions are the
    hours of each machine on each product; each product's amount is the machines' rates times their hours,
    each machine's hours are capped, and the hours cost each machine's price."""
    words = r.words
    low = [w.lower() for w in words]
    text = " ".join(low)
    q = _EACH_ON.search(text)
    if not q or not _GRID_MIN.search(text):
        return None
    head, products = q.group(1), [q.group(2), q.group(3)]
    machines = list(dict.fromkeys(f"{words[k]} {words[k + 1]}" for k in range(len(words) - 1)
                                  if singular(low[k]) == head and len(words[k + 1]) == 1 and words[k + 1].isupper()))
    if len(machines) < 2:
        return None
    rates: dict[str, list[tuple[float, str]]] = {}
    price: dict[str, float] = {}
    for mname in machines:
        ph = mname.split()
        k = next(j for j in range(len(words) - 1) if words[j: j + 2] == ph)
        _, b = r.sentences[r.tokens[k].sent]
        j, found = k + 2, []
        while j < b:
            if is_number(words[j]) and words[j][:1].isdigit() and j + 1 < b and words[j + 1].isalpha() and words[j - 1] != "$":
                found.append((parse_value(words[j]), singular(low[j + 1])))
                j += 2
                if j < b and low[j] in {"or", "and", ","}:
                    j += 1
                    continue
                break
            j += 1
        if len(found) != 2 or not (j + 1 < b and low[j] in _PER_HOUR and singular(low[j + 1]) == "hour"):
            return None
        rates[mname] = [(float(v), u) for v, u in found if v is not None]
        cost = next((parse_value(words[x + 1]) for x in range(j + 2, b - 1) if words[x] == "$"), None)
        if cost is None:
            return None
        price[mname] = cost
    units = [u for _, u in rates[machines[0]]]
    if any([u for _, u in rates[m]] != units for m in machines):
        return None
    # what must be turned out: "at least 600 loaves and 450 trays of pastries"
    need: dict[str, float] = {}
    for k in range(len(words) - 1):
        if is_number(words[k]) and words[k][:1].isdigit() and singular(low[k + 1]) in units and not any(
                words[k: k + 2] == m.split() for m in machines):
            in_rate = any(abs((parse_value(words[k]) or -1) - v) < 1e-9 and u == singular(low[k + 1])
                          for m in machines for v, u in rates[m])
            if not in_rate:
                need.setdefault(singular(low[k + 1]), float(parse_value(words[k]) or 0))
    cap = re.search(r"\beach " + head + r"s? (?:can|may) (?:only )?(?:run|work|be used|operate) (?:for )?(?:at most|up to|no more "
                    r"than) (\d+(?:\.\d+)?) hours?\b", text)
    if len(need) != len(units) or not cap:
        return None
    pairs = [(m, p) for m in machines for p in range(len(products))]
    variables = [Variable(i, [f"{m} {products[p]}"], {m.lower(), products[p]}) for i, (m, p) in enumerate(pairs)]
    grid = Reading(r.tokens, words, r.spans, variables, {}, [], [], r.sentences, {})
    obj = Objective("min", {i: price[m] for i, (m, _) in enumerate(pairs)}, "cost", "weighted", q.group(0))
    specs = [ConstraintSpec("linear", ">=", need[u], {i: rates[m][p][0] for i, (m, p) in enumerate(pairs) if p == pu},
                            sentence=q.group(0), cue=u) for pu, u in enumerate(units)]
    specs += [ConstraintSpec("sum", "<=", float(cap.group(1)), {i: 1.0 for i, (m2, _) in enumerate(pairs) if m2 == m},
                             sentence=cap.group(0), cue=m) for m in machines]
    return grid, obj, specs


# ---- regular time and overtime over months: "up to 350 jars can be made in regular hours ... in overtime"
_MONTHS = ("january february march april may june july august september october november december").split()


def _month_amounts(words: list[str], lo: int, hi: int, money: bool) -> dict[str, float]:
    """Numbers in words[lo:hi] each followed (within five words) by a month: "300 jars of jam in June and 500
    in July", "$2.00 a jar in June and $2.10 in July" (money: only those after "$")."""
    out: dict[str, float] = {}
    for k in range(lo, hi):
        if not (is_number(words[k]) and words[k][:1].isdigit()) or (words[k - 1] == "$") != money:
            continue
        for j in range(k + 1, min(k + 6, hi)):
            if words[j].lower() in _MONTHS and words[j][:1].isupper():
                value = parse_value(words[k])
                if value is not None:
                    out.setdefault(words[j].lower(), value)
                break
            if is_number(words[j]) or words[j] in {";", "."}:
                break
    return out


def regular_overtime(r: Reading) -> tuple[Reading, Objective, list[ConstraintSpec]] | None:
    """"must deliver 300 jars of jam in June and 500 in July. In each month up to 350 jars can be made in
    regular hours, at $2.00 a jar in June and $2.10 in July; beyond that, jars can be made in overtime at
    $3.10 a jar in June and $3.00 in July. Jars made in June can be stored for July": the decisions are each
    month's regular and overtime output; regular output is capped each month, what is made by each month
    covers what is owed by then (each month's own when nothing is stored), at the least cost."""
    words = r.words
    low = [w.lower() for w in words]
    if "regular" not in low or "overtime" not in low or not _GRID_MIN.search(" ".join(low)):
        return None
    reg, ot = low.index("regular"), low.index("overtime")
    if ot < reg:
        return None
    sent_reg = r.tokens[reg].sent
    a, _ = r.sentences[sent_reg]
    cap = next((parse_value(words[k + 2]) for k in range(a, reg - 2) if low[k: k + 2] == ["up", "to"]
                and is_number(words[k + 2])), None)
    need = _month_amounts(words, 0, a, money=False)
    cost_reg = _month_amounts(words, reg, ot, money=True)
    _, b = r.sentences[r.tokens[ot].sent]
    cost_ot = _month_amounts(words, ot, b, money=True)
    months = [m for m in _MONTHS if m in need]
    if cap is None or len(months) < 2 or set(cost_reg) != set(months) or set(cost_ot) != set(months):
        return None
    stored = bool(re.search(r"\b(?:stored|store|kept|carried over|carry over|held)\b", " ".join(low)))
    pairs = [(m, kind) for m in months for kind in ("regular", "overtime")]
    variables = [Variable(i, [f"{m.capitalize()} {kind}"], {m, kind}) for i, (m, kind) in enumerate(pairs)]
    plan = Reading(r.tokens, words, r.spans, variables, {}, [], [], r.sentences, {})
    obj = Objective("min", {i: (cost_reg if kind == "regular" else cost_ot)[m] for i, (m, kind) in enumerate(pairs)},
                    "cost", "weighted", r.sentence_text(r.tokens[ot].sent))
    specs = []
    for t, m in enumerate(months):
        upto = months[: t + 1] if stored else [m]
        specs.append(ConstraintSpec("sum", ">=", sum(need[x] for x in upto),
                                    {i: 1.0 for i, (x, _) in enumerate(pairs) if x in upto}, cue=m))
    specs += [ConstraintSpec("upperbound", "<=", float(cap), {pairs.index((m, "regular")): 1.0}, cue=m) for m in months]
    return plan, obj, specs


# ---- cutting patterns: "Pattern B cuts it into one 2 m piece and two 1.5 m pieces"
_LENGTHS = frozenset("m metre metres meter meters cm ft foot feet inch inches".split())
_PIECES = frozenset("piece pieces length lengths bit bits".split())


def cutting_patterns(r: Reading) -> tuple[Reading, Objective, list[ConstraintSpec]] | None:
    """"an order for 120 pieces of 2 m and 90 pieces of 1.5 m. Pattern A cuts a beam into two 2 m pieces ...
    Pattern B cuts it into one 2 m piece and two 1.5 m pieces ... using the fewest beams": the decisions are
    how many stock pieces each pattern cuts; each ordered length is met by the pieces the patterns give,
    with the fewest stock pieces cut."""
    words = r.words
    low = [w.lower() for w in words]
    if not _FEWEST.search(" ".join(low)):
        return None
    counts = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "a": 1, "an": 1}
    # what is ordered: "120 pieces of 2 m"
    need: dict[float, float] = {}
    for k in range(len(words) - 4):
        if is_number(words[k]) and words[k][:1].isdigit() and low[k + 1] in _PIECES and low[k + 2] == "of" and (
                is_number(words[k + 3]) and low[k + 4] in _LENGTHS):
            n, size = parse_value(words[k]), parse_value(words[k + 3])
            if n is not None and size is not None:
                need.setdefault(size, n)
    names = [k for k in range(len(words) - 1) if low[k] == "pattern" and (
        (len(words[k + 1]) == 1 and words[k + 1].isupper()) or (words[k + 1].isdigit() and len(words[k + 1]) == 1))]
    if len(need) < 2 or len(names) < 2:
        return None
    gives: dict[str, dict[float, float]] = {}
    for k in names:
        name = f"{words[k]} {words[k + 1]}"
        _, b = r.sentences[r.tokens[k].sent]
        got: dict[float, float] = {}
        for j in range(k + 2, b - 3):
            c = counts.get(low[j]) or (parse_value(words[j]) if words[j].isdigit() else None)
            if c and is_number(words[j + 1]) and words[j + 1][:1].isdigit() and low[j + 2] in _LENGTHS and (
                    low[j + 3] in _PIECES):
                size = parse_value(words[j + 1])
                if size in need:
                    got[size] = got.get(size, 0.0) + c
        if not got or name in gives:
            continue
        gives[name] = got
    if len(gives) < 2 or not all(any(s in g for g in gives.values()) for s in need):
        return None
    pats = list(gives)
    variables = [Variable(i, [p], {p.lower()}) for i, p in enumerate(pats)]
    plan = Reading(r.tokens, words, r.spans, variables, {}, [], [], r.sentences, {})
    obj = Objective("min", {i: 1.0 for i in range(len(pats))}, "stock pieces cut", "count", "", said=True)
    specs = [ConstraintSpec("linear", ">=", n, {i: gives[p][s] for i, p in enumerate(pats) if s in gives[p]},
                            cue=f"{s:g} pieces") for s, n in need.items()]
    return plan, obj, specs

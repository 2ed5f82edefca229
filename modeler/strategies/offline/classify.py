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

Before any of this, `_understand` tries the whole-problem shapes of `whole_problems` (a transport grid,
shift cover, machines' hours on products, regular time and overtime, cutting patterns).
"""

from __future__ import annotations

import re
from collections import Counter

from modeler.strategies.offline.comparisons import _compares, comparisons
from modeler.strategies.offline.entities import Span
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
    _money_put_in,
    _one_per_item,
    _shared_among,
    _size_of_unit,
    _sized_row,
    _spent_on_one,
    _weighted_shares,
)
from modeler.strategies.offline.limit_rows import _assign_features, _batch_total, _fractions_of_one
from modeler.strategies.offline.limit_scope import (
    _asked_head_total,
    _but_range,
    _clause_vars,
    _counts_its_head,
    _each_one_before,
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
    _one_bounded,
    _ranges,
    _rate_second,
    _respective_bounds,
    _respective_limits,
    _share_in_it,
    _share_must_be,
    _share_of,
    _share_put_in,
    _share_subject,
    _share_together,
    _so_named,
    _subject_is,
    _subset_of_them,
    _that_many,
    _total_near,
    _trips_of_one,
    _var_follows,
    _whole_of,
)
from modeler.strategies.offline.limit_sense import (
    _DONE,
    _all_before,
    _all_of,
    _available_after,
    _batch_made,
    _covered,
    _cue,
    _duty_after,
    _every_unit,
    _had_too,
    _list_lead,
    _listed_owed,
    _negated_subject,
    _negation_carried,
    _only_so_many,
    _or_less_after,
    _owed,
    _promised,
    _said_again,
    _there_is,
    _total_duty,
    _verb_bound,
    _whole_of_part,
    _words_before,
)
from modeler.strategies.offline.limit_words import (
    _crew,
    _limit_context,
    _listed_with_another,
    _money_decisions,
    _per_head,
    _unit,
    head_counts,
)
from modeler.strategies.offline.objective_reads import objective, spare_objective
from modeler.strategies.offline.reading import Reading
from modeler.strategies.offline.repairs import ALL_OWED, _definite_stock, _one_each, _stock_subject
from modeler.strategies.offline.specs import ConstraintSpec, Objective
from modeler.strategies.offline.variables import decision_units
from modeler.strategies.offline.words import direction, each_gets_one, parse_value, stem

__all__ = ["ConstraintSpec", "Objective", "constraints", "objective", "spare_objective"]


def _one_for_each(r: Reading, sp: Span) -> bool:
    """A count of those who each get exactly one decision ("for a conference of 250 people. Each person gets exactly
    one meal"): as many decisions as there are of them."""
    if sp.end >= len(r.words) or not r.words[sp.end].isalpha():
        return False
    # (said exactly: "one piece per slot", "Each driver takes one vehicle" may leave slots and drivers over)
    return each_gets_one(" ".join(r.words), r.words[sp.end], exactly=True)


def _after_which(r: Reading, sp: Span) -> bool:
    """"Group classes need the big classroom, which is free for only 30 hours": the limit's clause opens with
    ", which" (or ", where")."""
    k = sp.start - 1
    while k > 0 and r.words[k] not in {",", ".", ";", "?", "!", ":"}:
        k -= 1
    return k > 0 and r.words[k] == "," and r.words[k + 1].lower() in {"which", "where"}


def _to_spend(r: Reading, sp: Span) -> bool:
    """"$500 to spend", "$500000 to invest": a sum there is to use, right after its number."""
    return [w.lower() for w in r.words[sp.end: sp.end + 2]] in (["to", "spend"], ["to", "invest"], ["to", "allocate"])


# ("can invest up to $50000 in two farms, one run by Bob and one run by Joe": the sum goes into all the options counted)
_IN_SOME_OPTIONS = re.compile(r"^(?:in|into|between|among|across) (?:the )?(?:two|three|four|five|both|several) [a-z]+")


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
    own: dict[int, int] = {}  # pending specs whose "which" clause bounds one decision's share of its group
    ranges = _ranges(r, limits)
    listed = _respective_limits(r, limits)
    respective = _respective_bounds(r, limits)  # "at least 20 and 10 acres ... to apples and pears respectively"
    narrowed: list[tuple[ConstraintSpec, ConstraintSpec, int]] = []  # "..., at least 40 of which must be X"
    heads = head_counts(r)  # "for its 30 cats. Each cat needs ...": the 30 multiplies, it limits nothing
    made: list[tuple[Span, int]] = []  # each limit and where its specs start in `out`
    for sp in limits:
        made.append((sp, len(out)))
        s = r.tokens[sp.start].sent
        if any(a <= sp.start < b for a, b in compared) or sp.start in heads:
            continue
        value = parse_value(sp.text)
        value = value * _crew(r, sp) if value is not None else None  # "the two attendants work 8 hours each"
        value = value * _per_head(r, sp) if value is not None else None  # "Each of the 5 dogs needs at least 36 g"
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
        # ("the supply gives us 160 kW": what is given to us is a stock too)
        stock = "<=" if re.search(r"\b(has|have)( available)?( \$)?$|(\bhave|\bhas|'ve|'s|\u2019ve) got( \$)?$|"
                                  r"\b(gives|give|provides|provide|supplies|supply) (us|me)$"
                                  r"|\bcan (spare|devote|supply|provide)( \$)?$", before.lower()) else None
        # "60000 grams of flour and 900 oven minutes are available, and at least 50 ...": what is available
        # is a most, whatever cue the next clause holds
        stock = stock or _available_after(r, sp) or _had_too(r, sp)
        # ("With $500 to spend, how many trips ...": a sum there is to spend is a most, whatever the question says)
        stock = stock or ("<=" if _to_spend(r, sp) else None)
        # "the cinemas offer 4,500 seat-days": what a place offers is a most
        stock = stock or ("<=" if re.search(r"\b(offers|offer)$", before.lower()) else None)
        # "..., and the pool is 150 square meters" after each one's need: what a definite thing holds is a most
        stock = stock or ("<=" if _definite_stock(r.tokens, r.spans, sp) else None)
        # "There are 18 booths and each person needs one": what there is, named by a bare noun phrase that no
        # duty follows, is a stock
        stock = stock or _there_is(r, sp)
        # "240 guests must be seated", "1800 parcels have to be delivered": an amount required to be done,
        # whatever cue the rest of the sentence holds
        done = ">=" if _DONE.match(" ".join(w.lower() for w in r.words[sp.end: sp.end + 7])) or ALL_OWED.match(
            " ".join(r.words[sp.end:])) else None
        # "the detailer works six hours a day": the time one works is a most ("the reactor is free for 100 hours")
        stock = stock or ("<=" if re.search(r"\b(works|work|operates|operate|runs|run|drives|drive|volunteers|volunteer|(is|are) open|(is|are) free for)$",
                                            before.lower())
                          and _unit(r, sp) in {"HOUR", "MINUTE"} else None)
        # "a tour needs 2 guides, and 20 guides work each day": the stock is a most, whatever need came before
        sense = (_or_less_after(r, sp) or _listed_owed(r, sp) or _only_so_many(r, sp) or ("<=" if _stock_subject(r.words, r.spans, sp) else None) or _promised(r, sp) or _negated_subject(r, sp) or _negation_carried(r, sp) or direction(before) or _list_lead(r, sp) or _verb_bound(r, sp) or _covered(r, sp, objective_sense) or stock or done or _duty_after(r, sp) or _whole_of_part(r, sp) or direction(cue)
                 or _owed(r, sp) or direction(sentence) or "<=")
        sense = _all_of(r, sp) or _all_before(r, sp) or _total_duty(r, sp) or _every_unit(r, sp) or _batch_made(r, sp) or sense  # "has inherited $50000 and will invest all of it"
        vars_ = _clause_vars(r, sp, limits)
        if direction(cue) is None and _one_for_each(r, sp) and r.variables and len(vars_) != 1:
            # ("for a conference of 250 people. Each person gets exactly one meal": as many meals as people)
            out.append(ConstraintSpec("sum", "==", value, {v.index: 1.0 for v in r.variables}, sentence=sentence,
                                      cue=cue))
            continue
        total = _total_near(r, sp) or _whole_of(r, sp) or _of_each_kind(r, sp) or _asked_head_total(r, sp)
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
            var = var if var is not None else _share_put_in(r, sp)  # ("of the fund in shares": a share fund)
            # ("a third of the carriers must ride bikes": the kind the verb names)
            var = var if var is not None else _share_must_be(r, sp)
            var = var if var is not None else vars_[0] if vars_ else (
                _share_of(r, sp) if _share_of(r, sp) is not None else _share_subject(r, sp))
            # ("the mix must be no more than 80% sand": the name after the share, said by its head alone)
            var = var if var is not None else _var_follows(r, sp)
            if var is not None:
                out.append(ConstraintSpec("ratio", sense, value, {var: 1.0}, sentence=sentence, cue=cue,
                                          over=_share_base(r, sp, var)))
                continue
        if r.variables and (_of_each_type(r, sp) or _neither_before(r, sp) or (
                _each_one_before(r, sp) and _asked_unit(r, sp))):
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
        one = _spent_on_one(r, sp) if not share else None
        if one is not None:  # "at most $5000 can be spent on radio ads", each radio ad $500: 500 radio <= 5000
            out.append(ConstraintSpec("linear", sense, value, one, sentence=sentence, cue=cue))
            continue
        follows = respective.get(sp.start, ranges.get(sp.start, _var_follows(r, sp)))
        ones = _one_per_item(r, sp) if r.variables and value > 1 and sense == "<=" and follows is None and (
            not vars_) else None
        if ones is not None:  # "the Deluxe basket holds ... a bottle of wine ... 40 bottles of wine"
            out.append(ConstraintSpec("linear", sense, value, ones, sentence=sentence, cue=cue))
            continue
        # ("has inherited fifty thousand dollars and will invest all of it": money said in words)
        dollars = (sp.start > 0 and r.words[sp.start - 1] == "$") or (sp.end < len(r.words) and r.words[
            sp.end].lower() in {"dollars", "dollar"})
        if follows is None and _money_decisions(r) and dollars and (
                len(vars_) != 1 or total or _to_spend(r, sp) or _IN_SOME_OPTIONS.match(
                    " ".join(w.lower() for w in r.words[sp.end: sp.end + 4]))) and not _earned(r, sp):
            # ("... into two films, an action movie and an animated movie, and has no more than $500000 to invest":
            # the sum there is to invest, whichever one the clause named)
            # "invest up to $5000": the amounts themselves add up to it
            out.append(ConstraintSpec("sum", sense, value, {v.index: 1.0 for v in r.variables},
                                      sentence=sentence, cue=cue))
            continue
        if follows is None and not total and (given := _money_put_in(r, sp, vars_)) is not None:
            kind = "lowerbound" if sense == ">=" else "upperbound"
            out.append(ConstraintSpec(kind, sense, value, {given: 1.0}, sentence=sentence, cue=cue))
            continue
        if follows is None and vars_ and not total and (named := _named_subject(r, sp)) is not None and (
                _counts_its_head(r, sp, r.variables[named].text.split()[0])):
            # ("The radio station can run at most 15 ads and the department wants ... flyer drops": the subject
            # names the radio ads, whatever the rest of the sentence names)
            kind = "lowerbound" if sense == ">=" else "upperbound"
            out.append(ConstraintSpec(kind, sense, value, {named: 1.0}, sentence=sentence, cue=cue))
            continue
        if follows is None and not vars_ and not total and (named := _one_bounded(r, sp)) is not None:
            # "and Birch can ship no more than 4,000 tonnes": the one source the subject names (or the quota:
            # "Our cod quota for the season is 40 tonnes")
            kind = "lowerbound" if sense == ">=" else "upperbound"
            out.append(ConstraintSpec(kind, sense, value, {named: 1.0}, sentence=sentence, cue=cue))
            continue
        if follows is None and not total and (one := _trips_of_one(r, sp)) is not None:
            # "the large truck can only make 12 trips per day": that vehicle's trips alone
            kind = "lowerbound" if sense == ">=" else "upperbound"
            out.append(ConstraintSpec(kind, sense, value, {one: 1.0}, sentence=sentence, cue=cue))
            continue
        if follows is not None and _listed_with_another(r, follows, sp):
            follows, total = None, True  # "at most 40 vans and trucks": both together
        # ("I can only babysit on Fridays, so 20 hours at most": the one decision the clause before spoke of,
        # not all the hours asked for together)
        so_named = _so_named(r, sp) if follows is None and not total and not vars_ else None
        if so_named is not None:
            kind = "lowerbound" if sense == ">=" else "upperbound"
            out.append(ConstraintSpec(kind, sense, value, {so_named: 1.0}, sentence=sentence, cue=cue))
            continue
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
        if len(vars_) == 1 and len(r.variables) > 1 and _after_which(r, sp):
            own[len(pending) - 1] = vars_[0]
    made_end = len(out)
    out += _assign_features(r, pending, totals, objective_feature, shared, own)
    _narrow_but_ranges(r, out[:made_end], made)
    out += _batch_total(r, out)
    out += _fractions_of_one(r, out)
    for spec, ref, var in narrowed:
        spec.terms = {var: ref.terms[var]} if var in ref.terms and ref.kind == "linear" else {var: 1.0}
    _weighted_shares(out)  # "60% of the covered hours": weighted by the hours row (limit_kinds)
    return [c for c in out if c.kind != "drop"]


def _narrow_but_ranges(r: Reading, out: list[ConstraintSpec], made: list[tuple[Span, int]]) -> None:
    """"a minimum of 50 must be sold, but no more than 80 can be prepared": a bound of the other sense after
    "but" that names nothing is the other end of the range the bound before it set on one decision, not a
    sum of all of them (`_but_range`)."""
    if len(made) < 2:
        return
    ends = [n for _, n in made[1:]] + [len(out)]
    specs = [out[n:e] for (_, n), e in zip(made, ends, strict=True)]
    for i in range(1, len(made)):
        one, two = specs[i - 1], specs[i]
        if len(one) != 1 or len(two) != 1 or one[0].kind not in {"lowerbound", "upperbound"} or (
                two[0].kind != "sum") or one[0].sense == two[0].sense or len(two[0].terms) < 2:
            continue
        if _but_range(r, made[i - 1][0], made[i][0]):
            (var,) = one[0].terms
            two[0].kind = "lowerbound" if two[0].sense == ">=" else "upperbound"
            two[0].terms = {var: 1.0}


def _share_base(r: Reading, sp: Span, var: int) -> tuple[int, ...]:
    """"at least a quarter of all counselors (senior plus junior) must be seniors" beside lifeguards: a share "of
    all" / "of the" decisions whose names end on one head the others' do not is a share of their total alone
    (empty: of every decision)."""
    k = sp.end + (sp.end < len(r.words) and r.words[sp.end].lower() in {"%", "percent"})
    low = [w.lower() for w in r.words[k: k + 4]]
    if low[:1] != ["of"] or len(low) < 3:
        return ()
    # (a plural head: "of the fund in shares" is the whole sum, whatever names end on "fund")
    head = low[2] if low[1] in {"all", "the"} and stem(low[2]) != low[2] else ""
    some = tuple(v.index for v in r.variables if head and v.text.split() and stem(v.text.split()[-1]) == stem(head))
    if not (2 <= len(some) < len(r.variables) and var in some):
        return ()
    # (not where the others are kinds of it too: "three types of ads: magazine ads, flyers, and billboard ads",
    # "newspaper, radio and television ads")
    return () if _kinds_of(r, head, [v.index for v in r.variables if v.index not in some]) else some


def _kinds_of(r: Reading, head: str, others: list[int]) -> bool:
    """The text says what the decisions `others` are kinds of `head`: "types of ads", or a mention of one of them
    opens a list that ends on the head ("newspaper, radio and television ads")."""
    low = r.low
    if any(low[k] in {"types", "kinds", "sorts", "forms"} and low[k + 1] == "of" and stem(low[k + 2]) == stem(head)
           for k in range(len(low) - 2)):
        return True
    ends = {sp.start: sp.end for sp in r.spans}
    for k, v in r.mention_var.items():
        if v not in others:
            continue
        j = ends.get(k, k + 1)
        while j < len(low) and j - k <= 8 and (low[j] in {",", "and", "or"} or j in r.mention_var):
            j = ends.get(j, j + 1) if j in r.mention_var else j + 1
            if stem(low[j - 1]) == stem(head) and j - 1 > k:
                return True
    return False


"""The rows of resource limits: each linear limit gets the coefficient group it names, best matches first,
in the limit's unit (`_assign_features`: per-item sizes, minutes against hours, a price's unit, opposite
limits on one resource), and the decisions that must add up to a whole batch (`_batch_total`) or to one
unit of a blend (`_fractions_of_one`)."""

from __future__ import annotations

import re
from collections import Counter

from modeler.strategies.offline.limit_words import _unit
from modeler.strategies.offline.reading import Feature, Reading, overlap
from modeler.strategies.offline.specs import ConstraintSpec
from modeler.strategies.offline.variables import decision_units
from modeler.strategies.offline.words import _MAGNITUDES as MAGNITUDES
from modeler.strategies.offline.words import CONCEPTS, content, parse_value, stem, unit_scale


def _percent_row(r: Reading, f: Feature) -> bool:
    """Every coefficient of the row is a share ("contains 62% iron", "60 percent crushed stone")."""
    return len(f.coefs) >= 2 and all(
        any(w.lower() in {"%", "percent"} for w in r.words[c.tok: c.tok + 3]) for c in f.coefs.values())


_ELIDED = frozenset({"", "among", "for", "in", "from", "of", "with", "on", "at", "to", "across", "within"})


def _worked_by(ctx: Counter[str], feature: Counter[str]) -> float:
    """"The printer is available for 175 minutes and the cutter for 115": a machine named by what it does
    (printer, cutter, laminator, grinder) limits the group of that work ("2 minutes of printing", "3 minutes
    of cutting"), a word the group never says."""
    found = 0.0
    for w in set(ctx) - set(feature):
        if len(w) < 5 or not w.endswith(("er", "or")) or not w.isalpha():
            continue
        root = w[:-2]
        root = root[:-1] if len(root) > 3 and root[-1] == root[-2] else root  # ("cutter": "cut")
        if root in feature or content([root + "ing"])[:1] and content([root + "ing"])[0] in feature:
            found += 1.0
    return found


def _after_its_numbers(r: Reading, spec: ConstraintSpec, f: Feature) -> bool:
    """The limit closes its sentence's list of the group's numbers: stated after every one of them, as the
    stock they draw on (not a number among them that the tagger took for a limit)."""
    last = max(c.tok for c in f.coefs.values())
    # (a sentence that says what each one takes: "Spraying takes 1.2 days per acre ...", not "Machine 1 runs
    # for 8 hours a day and machine 2 for 7 hours", whose "1" and "2" name the machines)
    return any(sp.label == "LIMIT" and sp.start > last and parse_value(sp.text) == spec.limit and r.sentence_text(
        r.tokens[sp.start].sent) == spec.sentence and (_TAKES & {w.lower() for w in r.words[
            r.sentences[r.tokens[sp.start].sent][0]: last]} or _row_head(r, r.tokens[sp.start].sent)) for sp in r.spans)


def _row_head(r: Reading, s: int) -> bool:
    """The sentence opens with a resource's name and a colon ("Sewing: 12 minutes per laptop bag and 10 minutes per
    briefcase, with no more than 300 minutes available")."""
    a, b = r.sentences[s]
    colon = next((k for k in range(a + 1, min(a + 4, b)) if r.words[k] == ":"), None)
    return colon is not None and not any(k in r.mention_var for k in range(a, colon))


_TAKES = frozenset("takes take needs need requires require uses use consumes consume".split())


def _same_dimension(unit: str, feature: Counter[str]) -> float:
    """"no more than 12 hours total commuting" against "takes 40 minutes door to door": a limit in one unit of a
    dimension and a group in another of it (hours and minutes, kg and g) share that measure, though no word."""
    if not unit or unit in feature:
        return 0.0
    return 0.5 if any(unit in t and any(u in t for u in feature) for t in MAGNITUDES) else 0.0


def _first_tok(f: Feature) -> int:
    return min(c.tok for c in f.coefs.values())


def _assign_features(r: Reading, pending: list[tuple[ConstraintSpec, Counter[str], list[int]]],
                     totals: list[bool], objective_feature: int | None = None,
                     shared: set[int] | None = None, own: dict[int, int] | None = None) -> list[ConstraintSpec]:
    """Give each resource limit the coefficient group it names, best matches first, each group once. A
    limit that holds for each of several resources (`shared`) also takes the other groups it names as
    well as its best one (returned as extra constraints). A limit that bounds one decision's part of a group
    (`own`: "Group classes need the big classroom, which is free for only 30 hours" beside "Our teachers have
    120 hours") takes that decision's coefficient alone and leaves the group to the others."""
    own = own or {}
    pairs = []
    # (money a limit spends, not earns: "the money she puts into inventory cannot exceed $10000" beside "Buying a
    # bottle costs $6" and "she makes $1 profit on each" is the cost's, whatever other word the profit shares)
    costs = any("MONEY" in f.context and "PROFIT" not in f.context for f in r.features)
    # ("Spraying takes 1.2 days per acre of carrots and 1.5 days per acre of peas, with at most 110 days a year
    # available for it": the one group whose numbers all stand in the limit's own sentence)
    own_sentence: dict[str, int] = {}
    for j, f in enumerate(r.features):
        sents = {c.sent for c in f.coefs.values()}
        if len(sents) == 1 and j != objective_feature:
            said = r.sentence_text(next(iter(sents)))
            own_sentence[said] = -1 if said in own_sentence else j
    for i, (spec, ctx, _) in enumerate(pending):
        for j, f in enumerate(r.features):
            sc = overlap(ctx, f.context) + _worked_by(ctx, f.context) + _same_dimension(spec.unit, f.context)
            if sc > 0 and (_priced_per(spec.unit, ctx, f) or _quoted_per(r, spec.unit, ctx, f)):
                continue
            if sc > 0:
                # the unit right after the number ("8000 minutes") must agree with the coefficients'
                sc += 0.7 if spec.unit and spec.unit in f.context else 0.0
                # between groups the limit names equally ("spend at most $10000": the profit per headset
                # and the cost of one; "8000 minutes available for picking": the pounds picked and the
                # minutes taken), not the objective's: a limit rarely bounds what is optimized
                sc -= 0.01 if j == objective_feature else 0.0
                if costs and "MONEY" in ctx and "PROFIT" not in ctx and "PROFIT" in f.context:
                    sc -= 1.0
                if own_sentence.get(spec.sentence) == j and _after_its_numbers(r, spec, r.features[j]):
                    sc += 0.5
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
        if i in own and own[i] not in r.features[j].coefs:
            continue
        taken_spec[i] = j
        if i not in own:
            taken_feat.add(j)
    _opposite_ranges(r, pending, pairs, taken_spec)
    # a limit naming nothing the coefficients measure ("500 customers every minute" against "20 people
    # per minute") takes the one coefficient group over every variable that nothing else uses
    spare = [j for j, f in enumerate(r.features) if j not in taken_feat and j != objective_feature
             and len(f.coefs) == len(r.variables) >= 2]
    unmatched = [i for i, (_, _, vars_) in enumerate(pending)
                 if i not in taken_spec and not totals[i] and len(vars_) != 1]
    if len(spare) == 1 and len(unmatched) == 1:
        taken_spec[unmatched[0]] = spare[0]
        # a guess when another limit in the same direction took a group over every variable on no word but
        # its unit ("600,000 impressions among 18-34s" against "60,000 older impressions"): the unit is
        # what both groups count, so which limit goes to which group is unread (checks.shape_doubts)
        # -- and the lone limit's own unit is left out ("and 400,000 among over-50s": a preposition
        # after its number), so it counts what the other counts
        u = unmatched[0]
        lone = pending[u][0]
        like = [k for k, g in taken_spec.items() if k != u and pending[k][0].sense == lone.sense and len(
            r.features[g].coefs) == len(r.variables) and set(pending[k][1]) & set(r.features[g].context) <= {
            pending[k][0].unit}]
        if lone.unit in _ELIDED and like:
            lone.guessed = True
            # ("at least 100,000 impressions among 18-34 year olds and at least 60,000 among over-35s" against
            # "gives 8,000 young and 12,000 older impressions": with nothing read, the two lists keep one order)
            k = like[0]
            if len(like) == 1 and (k < u) != (_first_tok(r.features[taken_spec[k]]) < _first_tok(
                    r.features[taken_spec[u]])):
                taken_spec[k], taken_spec[u] = taken_spec[u], taken_spec[k]
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
            if own.get(i) in spec.terms:  # (a group `_opposite_ranges` handed on may not hold the decision)
                spec.terms = {own[i]: spec.terms[own[i]]}
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
    low = r.low
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


def _fractions_of_one(r: Reading, out: list[ConstraintSpec]) -> list[ConstraintSpec]:
    """"Let x be the fraction of each liter that is Egret paint and y be the fraction that is Crane paint": the
    decisions are the parts of one unit of the blend, so they add up to 1 exactly ("the proportion of every
    kilogram which is oats" too)."""
    if len(r.variables) < 2 or any(c.kind == "sum" and c.sense == "==" for c in out):
        return []
    low = r.low
    for k in range(len(low) - 4):
        if low[k] in {"fraction", "proportion", "share"} and low[k + 1] == "of" and low[k + 2] in {
                "each", "a", "one", "every"} and low[k + 3].isalpha() and low[k + 4] in {"that", "which"}:
            return [ConstraintSpec("sum", "==", 1.0, {v.index: 1.0 for v in r.variables},
                                   sentence=r.sentence_text(r.tokens[k].sent), cue="fraction")]
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
        # ("8-hour shifts" against "1200 nurse hours": the hour is the table's HOUR)
        said = CONCEPTS.get(m.group(2), m.group(2)) if m else ""
        if not m or said not in table or any(sp.start <= k < sp.end for sp in r.spans if sp.label != "VAR"):
            continue
        near = {r.words[j].lower() for j in (k - 1, k + 1) if 0 <= j < len(r.words)}
        owners = {v.index for v in r.variables if near & {x.lower() for m_ in v.mentions for x in m_.split()}}
        # (or the size inside a tagged name: "30-second ads" and "60-second ads")
        owners = {r.mention_var[sp.start] for sp in r.spans if sp.label == "VAR" and sp.start <= k < sp.end
                  and sp.start in r.mention_var} or owners
        if len(owners) == 1 and (v := owners.pop()) not in out:
            out[v] = float(m.group(1).replace(",", "")) * table[said] / table[unit]
    return out if len(out) == len(r.variables) else None


def _priced_per(unit: str, ctx: Counter[str], f: Feature) -> bool:
    """A limit in the unit a money group is quoted per ("A litre costs $14 at North, $11 at South ... South can
    make at most 2,000 litres"): the unit names what is priced, not what the price measures, so a limit in it
    sharing nothing else with the group is not that group's row."""
    return bool(unit) and unit != "MONEY" and "MONEY" in f.context and "MONEY" not in ctx and not (
        (set(ctx) & set(f.context)) - {unit})


def _quoted_per(r: Reading, unit: str, ctx: Counter[str], f: Feature) -> bool:
    """"ryegrass seed at $6 a kg ... I need exactly 10 kg of seed": every price of the group said "a kg" (or
    "per kg") right after its number is a price per the limit's unit, and a limit in that unit that says no
    money is no row of prices, whatever else the two share (the "seed" of the names)."""
    if not unit or unit == "MONEY" or "MONEY" in ctx or "MONEY" not in f.context:
        return False
    # (the first price may say it for the list: "Fine fescue costs $4.20 a kg, the wildflower mix $6.50 and ...",
    # so long as no price says another unit)
    said = 0
    for c in f.coefs.values():
        k = c.tok + 1
        if k + 1 < len(r.words) and r.words[k].lower() in {"a", "an", "per", "/"}:
            if content([r.words[k + 1]]) != [unit]:
                return False
            said += 1
    return said > 0


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


def _opposite_ranges(r: Reading, pending: list[tuple[ConstraintSpec, Counter[str], list[int]]], pairs: list[tuple],
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
        # (with no unit read, "no fewer than 6 units of aromatic notes ... its aromatic notes cannot exceed 8
        # units": the two limits name the same measure)
        same = spec.unit or set(pending[i][1]) & set(pending[owner[j]][1]) & set(r.features[j].context)
        if {spec.sense, other.sense} == {"<=", ">="} and same and spec.unit == other.unit and (
                spec.limit != other.limit) and spec.sentence == other.sentence:
            taken_spec[i] = j

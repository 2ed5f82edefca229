"""Repairs of the entity tagger's usual slips with variable names, made from the text itself.

* variable mentions the tagger missed: coordinated names ("in bonds and stocks"), later repeats of a
  known name, names from per-unit and parallel clauses, and, when nothing was tagged, the first "X or Y"
  pair (`complete_mentions`);
* "variables" that are resources or actors ("4 wheels", "the toy company"), dropped
  (`resource_variables`), and the business a text opens with, said again after "by" or "for", dropped
  before the reading (`_opening_actor`).

The repairs of numbers are in `repairs.py`.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from typing import TYPE_CHECKING

from modeler.strategies.offline.entities import Span, is_number
from modeler.strategies.offline.limit_words import _PP
from modeler.strategies.offline.mentions import _MAKES, CONTAINERS
from modeler.strategies.offline.repairs import _BOUND_CUE, _MEASURE_VERBS, _SUBJECT_VERBS, _before
from modeler.strategies.offline.variables import _TIME, MIN_VARIABLES
from modeler.strategies.offline.words import _IRREGULAR, CONCEPTS, MEASURES, STOP, content, singular, stem

if TYPE_CHECKING:
    from modeler.strategies.offline.reading import Reading, Variable

_COORD_BEFORE = frozenset({"in", "either", "between", ",", "both", ":", "into", "on", "using", "use", "make",
                           "makes", "produce", "produces", "sell", "sells", "buy", "grow", "grows",
                           # ("prepares vegetarian and meat meals", "bakes rye and wheat loaves")
                           *"prepare prepares bake bakes offer offers serve serves ship ships pack packs build builds "
                            "raise raises rent rents hire hires manufacture manufactures assemble assembles brew brews "
                            "sew sews knit knits cook cooks".split()})


_NOT_NAMES = STOP | {"more", "less", "most", "least", "cost", "costs", "profit", "hours", "minutes", "time"}


def _asked_pair(words: list[str], k: int) -> bool:
    """"What number of deer and bears should you shoot", "how many vans and trucks": the question's count opens
    the pair of decisions, so the word before "and" is one of them too (a count's "of" is no mixture's)."""
    low = [w.lower() for w in words[max(0, k - 2): k]]
    return low == ["number", "of"] or low[-1:] == ["many"]


def _pronoun_tails(words: list[str], spans: list[Span]) -> list[Span]:
    """"What's the most chocolate cereal I can put in?": a name the tagger ran on into the pronoun "I" after it
    ends before the pronoun."""
    out = []
    for sp in spans:
        if sp.label == "VAR" and sp.end - sp.start > 1 and words[sp.end - 1] == "I":
            sp = Span("VAR", sp.start, sp.end - 1, " ".join(words[sp.start: sp.end - 1]))
        out.append(sp)
    return out


def _split_heads(words: list[str], spans: list[Span]) -> list[Span]:
    """"Sunflower seed costs $67 ..., and rose [seed] costs $52" beside "sunflowers and roses": a lone head noun
    that ends another tagged name, right after an untagged word that is a tagged name said alone, is the name
    of that one ("rose seed"), not a second mention of the other name's head."""
    ends = {singular(words[sp.end - 1].lower()) for sp in spans if sp.label == "VAR" and sp.end - sp.start > 1}
    ones = {singular(sp.text.lower()) for sp in spans if sp.label == "VAR" and sp.end - sp.start == 1}
    taken = {k for sp in spans for k in range(sp.start, sp.end)}
    out: list[Span] = []
    for sp in spans:
        k = sp.start - 1
        if (sp.label == "VAR" and sp.end - sp.start == 1 and k >= 0 and k not in taken and words[k].isalpha()
                and singular(words[sp.start].lower()) in ends and singular(words[k].lower()) in ones - ends):
            sp = Span("VAR", k, sp.end, " ".join(words[k: sp.end]))
        out.append(sp)
    return out


def _named_dirs(words: list[str], spans: list[Span]) -> list[Span]:
    """"while a [bike carries] 30 bananas" tagged as a direction cue beside "cars and motor bikes": a cue that
    says no direction at all and opens with a tagged name's word is the tagger's slip, untagged here so that
    the name's repeat is found like any other."""
    from modeler.strategies.offline.words import direction

    named = {singular(w) for sp in spans if sp.label == "VAR" for w in sp.text.lower().split()} - STOP
    return [sp for sp in spans if not (sp.label == "CONST_DIR" and singular(words[sp.start].lower()) in named
                                       and direction(sp.text) is None)]


def _cut_before_bracket(words: list[str], spans: list[Span]) -> list[Span]:
    """"screened clay loam ($30/t), sharp sand ($22/t) and compost" tagged "sharp": a name cut one word short of
    the bracket that gives its figures takes that word in (a lowercase noun, no number or function word)."""
    taken = {k for sp in spans for k in range(sp.start, sp.end)}
    out = []
    for sp in spans:
        e = sp.end
        if sp.label == "VAR" and e + 1 < len(words) and words[e + 1] == "(" and e not in taken and words[e].isalpha() and (
                words[e].islower() and words[e] not in STOP):
            sp = Span("VAR", sp.start, e + 1, " ".join(words[sp.start: e + 1]))
        out.append(sp)
    return out


def complete_mentions(words: list[str], spans: list[Span]) -> list[Span]:
    """Add VAR spans the tagger missed: "in bonds and stocks" (a word coordinated with a tagged
    variable) and later untagged repeats of a known variable's words."""
    from modeler.strategies.offline.mentions import (
        counted_list_names,
        head_names,
        joined_proper_names,
        lettered_names,
        listed_names,
        listed_qualifiers,
        modified_names,
        numbered_names,
        ones_for_noun,
        ordinal_names,
        per_unit_names,
        placed_units,
        possessive_names,
        run_objects,
        second_name,
        sized_ones,
        tidy_mentions,
        whole_names,
    )

    spans = placed_units(words, joined_proper_names(words, _named_dirs(words, _split_heads(words, _pronoun_tails(
        words, _numbers_out_of_names(words, _container_pair(words, spans)))))))
    spans = _producers(words, _one_size_prefix(words, spans))
    spans = _row_names(words, _trailing_figures(words, spans))
    spans = _mixed_into(words, _rate_and_measure_nouns(words, _gapped_siblings(words, _quoted_names(words, spans))))
    spans = _marked_items(words, _cut_before_bracket(words, spans))
    spans = _per_units(words, spans)
    spans = _kinds_of_head(words, spans)
    spans = _source_names(words, spans)
    spans = sized_names(words, spans)
    spans = composed_names(words, spans)
    spans = _parallel_numbers(words, sized_ones(words, ones_for_noun(words, numbered_names(words, ordinal_names(
        words, lettered_names(words, _unit_from(words, spans)))))))
    spans = listed_names(words, modified_names(words, whole_names(words, tidy_mentions(words, run_objects(
        words, per_unit_names(words, spans))))))
    spans = listed_qualifiers(words, head_names(words, spans))
    spans = counted_list_names(words, spans)
    tagged = {k for sp in spans for k in range(sp.start, sp.end)}
    extra: list[Span] = []
    var_spans = [sp for sp in spans if sp.label == "VAR"]
    if not var_spans:
        var_spans = tidy_mentions(words, _subjects(words, tagged) or _listed_pair(words, tagged) or _portion_names(
            words, tagged) or _colon_labels(words, tagged) or _each_lettered(words, tagged) or _priced_pair(
            words, tagged) or _priced_subjects(words, tagged) or _rated_subjects(words, tagged))
        extra += var_spans
        tagged.update(k for sp in var_spans for k in range(sp.start, sp.end))
    else:
        extra += _lone_siblings(words, var_spans, tagged)
        extra += _priced_second(words, var_spans + extra, tagged)
    bracketed = _bracket_priced(words, tagged)
    extra += bracketed
    var_spans += bracketed
    for sp in var_spans:
        k = sp.start - 2  # "X and|or VAR"
        if k >= 1 and words[k + 1].lower() in {"and", "or"} and k not in tagged:
            w = words[k]
            if (w.isalpha() and w.lower() not in _NOT_NAMES and (words[k - 1].lower() in _COORD_BEFORE or _asked_pair(
                    words, k)) and not is_number(w)):
                extra.append(Span("VAR", k, k + 1, w))
                tagged.add(k)
            elif (k >= 2 and k - 1 not in tagged and all(x.isalpha() and x.lower() not in _NOT_NAMES
                                                         for x in words[k - 1: k + 1])
                  and words[k - 2].lower() in _LIST_OPENERS - {"of", "with", "use", "uses"}
                  and _named_again(words, k - 1, k + 1)):
                # two words named again later: "burns wood chips and natural gas ... A ton of wood chips"
                extra.append(Span("VAR", k - 1, k + 1, " ".join(words[k - 1: k + 1])))
                tagged.update((k - 1, k))
            elif _sized_alike(words, k - 1, sp) and k - 1 not in tagged:
                # "fills 4-hour shifts and 8-hour shifts": the same head sized by another number
                extra.append(Span("VAR", k - 1, k + 1, " ".join(words[k - 1: k + 1])))
                tagged.update((k - 1, k))
    extra += _the_other_is(words, var_spans, tagged)
    extra += _how_many_each(words, var_spans, tagged)
    extra += _passive_pair(words, tagged)
    extra += _labelled_siblings(words, var_spans, tagged)
    extra += _list_middles(words, var_spans, tagged)
    extra += _bare_lists(words, var_spans, tagged)
    extra += _list_items(words, var_spans + extra, tagged, {sp.start for sp in spans if sp.label == "PARAM"})
    extra += _list_firsts(words, var_spans, tagged)
    parallel = _parallel_mentions(words, var_spans + extra, tagged)
    parallel += second_name(words, [sp for sp in spans + extra + parallel if sp.label == "VAR"])
    extra += parallel
    tagged.update(k for sp in parallel for k in range(sp.start, sp.end))
    # (a bracket the tagger took in, "( b ) futures", is no word of the name)
    names = {tuple(singular(w) for w in sp.text.split() if any(ch.isalnum() for ch in w)) for sp in var_spans + extra}
    names = {n for n in names if n and not all(x in STOP for x in n)}
    # a lone word that ends a longer name ("drops" of "eye drops") is too vague to look for
    # (but one that opens a single longer name, the pack it comes in or its measure, is that name's short form:
    # "vodka" of "vodka bottle", "beets" of "beet acreage"; not "van" of "van trips", the vehicle, not the
    # decision, nor "strawberry" of "strawberry smoothie", what it is made of)
    lone = {n for n in names if len(n) == 1 and any(len(o) > 1 and n[0] in o for o in names)}
    opened = {n: _opened_names(n[0], names) for n in lone}
    kept = {n for n in lone if opened[n] and all(len(o) == 2 and o[-1] in _PACKS | _MEASURED_AS for o in opened[n])}
    # (a label is never vague: "P1" of "Product P1")
    kept |= {n for n in lone if re.fullmatch(r"[a-z]{1,2}\d{1,2}", n[0])}
    lowered = [singular(w) for w in words]
    extra += _closing_openers(words, lowered, {n[0] for n in lone - kept if len(opened[n]) == 1}, tagged)
    names -= lone - kept
    # longer names first; of two names as long, the one that stands first in the text ("West Moon Designs" with
    # "Moon Designs" and "West Moon" tagged: "West Moon"), whatever the hash seed
    for m in sorted({len(n) for n in names}, reverse=True):
        for k in range(len(words) - m + 1):
            if tuple(lowered[k:k + m]) in names and not any(j in tagged for j in range(k, k + m)):
                extra.append(Span("VAR", k, k + m, " ".join(words[k:k + m])))
                tagged.update(range(k, k + m))
    extra += _head_repeats(words, names, tagged, {sp.start for sp in var_spans + extra})
    extra += _modifier_repeats(words, names, tagged)
    extra += _modifier_plurals(words, names, tagged)
    extra += _shorthand_siblings(words, [sp for sp in var_spans + extra if sp.label == "VAR"], tagged)
    extra += _hyphen_shortened(words, [sp for sp in var_spans + extra if sp.label == "VAR"], tagged)
    extra += _prefix_said(words, [sp for sp in var_spans + extra if sp.label == "VAR"], tagged)
    return _bare_containers(words, _opening_actor(words, _story_participles(words, _priced_for_firsts(words, _compared_heads(words, _compared_tails(words, _timed_names(words, _counted_modifiers(words, possessive_names(words, _material_of_names(
        words, _contained_names(words, _none_of(words, _letter_names(words, _parallel_verb_params(words, _gapped_params(
            words, _late_second_names(words, _coordinated_repeats(words, _shared_heads(
                words, sorted(spans + extra, key=lambda sp: sp.start)))))))))))))))))))


def _container_pair(words: list[str], spans: list[Span]) -> list[Span]:
    """"stores pallets of rice and pallets of flour", "rice" tagged and "flour" not: what the same container holds
    in the other half of the pair is the other name, as long as the tagged one."""
    var_at = {sp.start: sp for sp in spans if sp.label == "VAR"}
    taken = {k for sp in spans for k in range(sp.start, sp.end)}
    lower = [w.lower() for w in words]
    out = list(spans)
    for k in range(len(words) - 6):
        x = var_at.get(k + 2)
        if x is None or lower[k + 1] != "of" or not words[k].isalpha() or k in taken:
            continue
        j = x.end
        n = x.end - x.start
        if j + 2 + n < len(words) and lower[j] in {"and", "or"} and singular(lower[j + 1]) == singular(lower[k]) and (
                lower[j + 2] == "of") and all(words[q].isalpha() and q not in taken and lower[q] not in STOP
                                             for q in range(j + 3, j + 3 + n)):
            out.append(Span("VAR", j + 3, j + 3 + n, " ".join(words[j + 3: j + 3 + n])))
            taken.update(range(j + 3, j + 3 + n))
    return sorted(out, key=lambda sp: sp.start)


# what a container alone may stand for (not a measure: "per acre", "a unit")
_BARE_CONTAINERS = CONTAINERS - frozenset("unit units kg acre acres hectare hectares piece pieces sheet sheets pair pairs "
                                          "order orders serving servings".split()) | frozenset(
    "bundle bundles sack sacks tin tins tub tubs bucket buckets basket baskets keg kegs pouch pouches packet "
    "packets".split())


# the words before a container said alone ("on a bundle", "per sack", "twice as many bags as bundles")
_BARE_BEFORE = frozenset("a an per each every one the by as than".split())


def _bare_containers(words: list[str], spans: list[Span]) -> list[Span]:
    """"A bundle of firewood takes 0.75 hours ... a bag of kindling takes 0.5 hours ... I make $6 on a bundle and
    $3.50 on a bag": a container said alone, past the one name it was said to hold ("bundle of firewood") or to be
    priced by ("dry food at $30 per bag"), is a mention of that name. Each container must hold one name only in the
    text ("a bag of rice", "a bag of flour" leave "a bag" unread) and be no word of a name ("Pill A costs $2.50 per
    pill"). After a number ("At least 30 bottles must be carried") only a limit's count of a container said to hold
    the name is read so: not a coefficient's unit ("has 8 slices"), nor a container known by its price alone."""
    lower = [w.lower() for w in words]
    var_at = {sp.start: sp for sp in spans if sp.label == "VAR"}
    held: dict[str, set[str]] = {}
    first: dict[str, int] = {}
    priced: set[str] = set()  # containers named by a price only ("$30 per bag")
    var_spans = [sp for sp in spans if sp.label == "VAR"]
    for k in range(len(words) - 2):
        if lower[k] in _BARE_CONTAINERS and lower[k + 1] == "of":
            c = singular(lower[k])
            j = k + 2 + (lower[k + 2] in {"the", "a", "an"})
            sp = var_at.get(j)
            held.setdefault(c, set()).add(singular(sp.text.lower()) if sp is not None else "?")
            first.setdefault(c, k)
        elif lower[k] in _BARE_CONTAINERS and k > 2 and lower[k - 1] == "per" and lower[k - 3] == "$":
            # a price per container ("dry food at $30 per bag"; not "12 bunches per bucket", so many of a decision in
            # each) is said of the name last before it in its sentence; every such price counts, so that "X for $5
            # per box and Y for $6 per box" leaves "a box" unread
            a = max((j for j in range(k) if words[j] in {".", "?", "!", ";"}), default=-1)
            named = [sp for sp in var_spans if a < sp.start and sp.end <= k]
            if named:
                held.setdefault(singular(lower[k]), set()).add(singular(named[-1].text.lower()))
                first.setdefault(singular(lower[k]), k)
                priced.add(singular(lower[k]))
    # (not a word of a name: "Pill A costs $2.50 per pill and pill B costs $3 per pill")
    named_words = {singular(w) for sp in var_spans if sp.text.lower() not in _BARE_CONTAINERS
                   for w in sp.text.lower().split()}
    names = {c: next(iter(x)) for c, x in held.items() if len(x) == 1 and "?" not in x and c not in named_words}
    if not names:
        return spans
    text_of = {singular(sp.text.lower()): sp.text for sp in spans if sp.label == "VAR"}
    covered = {k: sp for sp in spans for k in range(sp.start, sp.end)}
    out = list(spans)
    for k, w in enumerate(lower):
        c = singular(w)
        if c not in names or k == 0 or k <= first[c] or (k + 1 < len(words) and lower[k + 1] == "of"):
            continue
        counted = is_number(lower[k - 1])
        if lower[k - 1] not in _BARE_BEFORE and not counted:
            continue
        sp = covered.get(k)
        if sp is not None and not (sp.label == "VAR" and sp.end - sp.start == 1):
            continue
        if counted and (c in priced or covered.get(k - 1) is None or covered[k - 1].label != "LIMIT"):
            continue
        if sp is not None:
            out.remove(sp)
        out.append(Span("VAR", k, k + 1, text_of[names[c]]))
    return sorted(out, key=lambda sp: sp.start)


def _numbers_out_of_names(words: list[str], spans: list[Span]) -> list[Span]:
    """"a skiff catches 1 ton per trip" tagged as one name, "skiff catches 1": a number is no word of a name. The
    name ends before it, and before the verb in front of it, when what is left is a name said elsewhere; the number
    is a coefficient."""
    names = {tuple(singular(w) for w in sp.text.lower().split()) for sp in spans if sp.label == "VAR"}
    out: list[Span] = []
    for sp in spans:
        j = next((k for k in range(sp.start + 1, sp.end) if is_number(words[k])), None)
        if sp.label != "VAR" or j is None:
            out.append(sp)
            continue
        end = j - 1 if j - 1 > sp.start and words[j - 1].lower().endswith("s") else j
        kept = tuple(singular(w) for w in words[sp.start: end])
        if not any(n == kept for n in names if n != tuple(singular(w) for w in sp.text.lower().split())):
            out.append(sp)
            continue
        out += [Span("VAR", sp.start, end, " ".join(words[sp.start: end])), Span("PARAM", j, j + 1, words[j])]
    return out


def _opened_names(word: str, names: set[tuple[str, ...]]) -> list[tuple[str, ...]]:
    """The longer names that open with `word`; none when a longer name holds it further on."""
    longer = [o for o in names if len(o) > 1]
    return [] if any(word in o[1:] for o in longer) else [o for o in longer if o[0] == word]


# what the amount of a decision is measured as, after its name: "the beet acreage", "the barge tonnage"
_MEASURED_AS = frozenset("acreage tonnage mileage".split())


def _closing_openers(words: list[str], lowered: list[str], openers: set[str], tagged: set[int]) -> list[Span]:
    """"hours of group sessions and one-on-one sessions ... every hour of one-on-one takes ... at least 20 hours of
    one-on-one.": the hyphened first word of one decision's longer name, said alone after a preposition and
    closing its clause, is that decision named short (before another noun or a number it qualifies something
    else: "enough vans for 20 van trips"; and a plain word may be a material, "50 grams of cheese," of "cheese
    pizza")."""
    out = []
    for k in range(1, len(words)):
        if lowered[k] in openers and "-" in lowered[k].strip("-") and k not in tagged and lowered[k - 1] in {
                "of", "on", "for", "per", "in"} and (
                k + 1 == len(words) or words[k + 1] in {".", ",", ";", "?", "!"}):
            out.append(Span("VAR", k, k + 1, words[k]))
            tagged.add(k)
    return out


def _story_participles(words: list[str], spans: list[Span]) -> list[Span]:
    """"An upcycling workshop restores old dressers and chairs ... A restored dresser earns $180": a name opened
    by the participle of a verb the story says elsewhere ("restores"), whose rest is another
    tagged name, is that name; the participle qualifies nothing (not "baked potatoes" beside "mashed
    potatoes", nor "used cars" beside "new cars": other words before one name set them apart)."""
    low = [w.lower() for w in words]
    var_spans = [sp for sp in spans if sp.label == "VAR"]
    inside = {k for sp in var_spans for k in range(sp.start, sp.end)}
    names = {tuple(singular(w) for w in low[sp.start: sp.end]) for sp in var_spans}
    fronts: dict[tuple[str, ...], set[str]] = {}
    for sp in var_spans:  # (the words before each name's last ones: "used" and "new" of "used cars", "new cars")
        for k in range(sp.start + 1, sp.end):
            fronts.setdefault(tuple(singular(w) for w in low[k: sp.end]), set()).add(" ".join(low[sp.start: k]))

    def said(part: str) -> bool:  # the verb in the present ("restores", "paints", "refurbishes"), not "feed" again
        forms = {part[:-1] + "s", part[:-2] + "s", part[:-2] + "es"}
        return len(part) > 4 and any(low[k] in forms for k in range(len(low)) if k not in inside)

    out = []
    for sp in spans:
        rest = tuple(singular(w) for w in low[sp.start + 1: sp.end])
        if sp.label == "VAR" and sp.end - sp.start >= 2 and low[sp.start].endswith("ed") and rest in names and len(
                fronts.get(rest, ())) == 1 and said(low[sp.start]):
            sp = Span("VAR", sp.start + 1, sp.end, " ".join(words[sp.start + 1: sp.end]))
        out.append(sp)
    return out


def _priced_for_firsts(words: list[str], spans: list[Span]) -> list[Span]:
    """"The profit per kit is $12 for pain relief, $13 for cold relief and $13 for allergy": in a list of prices
    "$N for X" whose other items name tagged decisions, an untagged last item that is the first word of one
    decision's name ("allergy" of "allergy kits") names that decision."""
    low = [w.lower() for w in words]
    tagged = {k for sp in spans for k in range(sp.start, sp.end)}
    firsts: dict[str, set[str]] = {}
    for sp in spans:
        if sp.label == "VAR":
            firsts.setdefault(low[sp.start], set()).add(" ".join(singular(w) for w in low[sp.start: sp.end]))
    priced = [k + 3 for k in range(len(low) - 3) if low[k] == "$" and is_number(words[k + 1]) and low[k + 2] == "for"]
    extra: list[Span] = []
    for j in priced:
        if j in tagged or not low[j].isalpha() or len(firsts.get(low[j], ())) != 1 or (
                j + 1 < len(low) and low[j + 1].isalpha() and low[j + 1] not in {"and", "or"}):
            continue
        if any(i != j and i in tagged and abs(i - j) <= 12 for i in priced):
            extra.append(Span("VAR", j, j + 1, words[j]))
    return sorted(spans + extra, key=lambda sp: sp.start) if extra else spans


_TIME_PLURALS = frozenset("minutes hours days weeks".split())


def _timed_names(words: list[str], spans: list[Span]) -> list[Span]:
    """"dungeon runs earn 9 xp a minute and arena matches 11 ... dungeon minutes at least one and a half times
    arena minutes": where the decisions are times (rated "a minute"), an untagged first word of a two-word name
    with that time unit after it ("dungeon minutes") names that decision again (the word alone is its mention)."""
    low = [w.lower() for w in words]
    firsts: dict[str, set[str]] = {}
    for sp in spans:
        if sp.label == "VAR" and len(sp.text.split()) == 2:
            firsts.setdefault(low[sp.start], set()).add(sp.text.lower())
    tagged = {k for sp in spans for k in range(sp.start, sp.end)}
    extra = []
    for k in range(len(low) - 1):
        unit = low[k + 1]
        # ("delivery hours" for "delivering food": a word of the same root)
        first = low[k] if low[k] in firsts else next((f for f in firsts if len(f) > 6 and len(low[k]) > 6 and (
            stem(f)[:6] == stem(low[k])[:6])), low[k])
        if (k in tagged or k + 1 in tagged or unit not in _TIME_PLURALS or len(firsts.get(first, ())) != 1
                or not any(low[j] in {"a", "an", "per"} and low[j + 1] == unit[:-1] for j in range(len(low) - 1))):
            continue
        # (the first word alone joins the decision's name; said another way, it carries the name's word)
        extra.append(Span("VAR", k, k + 1, words[k] if first == low[k] else first))
        tagged.add(k)
    return sorted(spans + extra, key=lambda sp: sp.start) if extra else spans


def _hyphen_shortened(words: list[str], var_spans: list[Span], tagged: set[int]) -> list[Span]:
    """"A small-boat berth takes 40 m2 ... one per small berth": a name that opens with a hyphen compound is said
    again with the compound's first part alone ("small berth"), or without a one-letter prefix ("an e-scooter
    ... a scooter"), when no other name shortens the same way; the shorter mention carries the full name, so
    the two are one decision."""
    short: dict[tuple[str, ...], list[str]] = {}
    for sp in var_spans:
        n = sp.text.lower().split()
        if len(n) >= 2 and "-" in n[0][1:-1]:
            short.setdefault((n[0].split("-")[0], *(singular(w) for w in n[1:])), []).append(sp.text)
        head, _, tail = n[0].partition("-")
        if len(head) == 1 and len(tail) > 3 and "-" not in tail:  # "an e-scooter ... a scooter takes 1"
            short.setdefault((singular(tail), *(singular(w) for w in n[1:])), []).append(sp.text)
    lowered = [singular(w.lower()) for w in words]
    out = []
    for s, full in short.items():
        if len({f.lower() for f in full}) != 1:
            continue
        for k in range(len(words) - len(s) + 1):
            # (said with an article: "a scooter", not the "Bike" of "Bike shop owner")
            if tuple(lowered[k:k + len(s)]) == s and not any(j in tagged for j in range(k, k + len(s))) and (
                    k > 0 and words[k - 1].lower() in {"a", "an", "the", "each", "every", "per"}):
                out.append(Span("VAR", k, k + len(s), full[0]))
                tagged.update(range(k, k + len(s)))
    return out


def _prefix_said(words: list[str], var_spans: list[Span], tagged: set[int]) -> list[Span]:
    """"$30 for every e-bike run ... A bike run takes 1 hour": the converse of `_hyphen_shortened`, a name
    said elsewhere with a one-letter prefix glued on by a hyphen ("e-bike run" of "bike run"), after an
    article or "every" / "per", is that name, when no other name reads the same way."""
    names: dict[tuple[str, ...], set[str]] = {}
    for sp in var_spans:
        n = sp.text.lower().split()
        if n and n[0].isalpha() and len(n[0]) > 2:
            names.setdefault(tuple(singular(w) for w in n), set()).add(sp.text.lower())
    out = []
    for k in range(1, len(words)):
        head, dash, tail = words[k].lower().partition("-")
        if not dash or len(head) != 1 or not tail.isalpha() or k in tagged or (
                words[k - 1].lower() not in {"a", "an", "the", "each", "every", "per"}):
            continue
        for n, full in names.items():
            m = len(n)
            said = (singular(tail), *(singular(w.lower()) for w in words[k + 1: k + m]))
            if said == n and len(full) == 1 and not any(j in tagged for j in range(k, k + m)):
                out.append(Span("VAR", k, k + m, next(iter(full))))
                tagged.update(range(k, k + m))
                break
    return out


def _bracket_priced(words: list[str], tagged: set[int]) -> list[Span]:
    """"soil mix made from screened clay loam ($30/t), sharp sand ($22/t) and compost ($45/t)": a list whose items
    each carry their price in brackets names the options (two at least in one sentence; the tagged ones kept)."""
    out: list[Span] = []
    a = 0
    for k, w in enumerate(words + ["."]):
        if w not in {".", "?", "!", ";"}:
            continue
        found = []
        for j in range(a + 1, k - 2):
            if words[j] != "(" or words[j + 1] != "$" or not is_number(words[j + 2]):
                continue
            s = j
            while s > a and j - s < 3 and words[s - 1].replace("-", "").isalpha() and words[s - 1].lower() not in STOP:
                s -= 1
            if s < j:
                found.append((s, j))
        if len(found) >= 2:
            out += [Span("VAR", s, e, " ".join(words[s:e])) for s, e in found if not tagged & set(range(s, e))]
        a = k + 1
    tagged.update(j for sp in out for j in range(sp.start, sp.end))
    return out


def _compared_tails(words: list[str], spans: list[Span]) -> list[Span]:
    """"no more than twice as much sand as clay loam" with "sharp sand" and "screened clay loam" the options: the
    two sides of a comparison ("as much X as Y", "more X than Y") name the options whose names they end (or one
    side does, the other named in full)."""
    low = [w.lower() for w in words]
    names = {tuple(singular(w) for w in sp.text.lower().split()) for sp in spans if sp.label == "VAR"}
    tagged = {k for sp in spans for k in range(sp.start, sp.end)}

    def owner(k: int, e: int, strict: bool = True) -> bool:
        tail = tuple(singular(w) for w in low[k:e])
        return not any(j in tagged for j in range(k, e)) and len(
            [n for n in names if len(n) > len(tail) and n[-len(tail):] == tail]) == 1 and (
            not strict or tail not in names)

    extra: list[Span] = []
    mixed: list[Span] = []
    for k in range(len(low) - 3):
        if not (low[k: k + 2] in (["as", "much"], ["as", "many"]) or low[k] in {"more", "less", "fewer"}):
            continue
        a = k + (2 if low[k] == "as" else 1)
        c = next((j for j in range(a + 1, min(a + 4, len(low))) if low[j] in {"as", "than"}), None)
        if c is None:
            continue
        e = next((j for j in range(c + 1, min(c + 4, len(low))) if not low[j].isalpha() or low[j] in STOP), min(
            c + 4, len(low)))
        sides = [(s, t) for s, t in ((a, c), (c + 1, e)) if s < t]
        found = [Span("VAR", s, t, " ".join(words[s:t])) for s, t in sides if owner(s, t)]
        extra += found
        # ("at least as many assistants as certified teachers", "an assistant" the only other mention: one side
        # named in full already, the other the end of one other name, though said alone before)
        named = [s for s, _ in sides if any(sp.label == "VAR" and sp.start == s for sp in spans)]
        if len(sides) == 2 and len(named) == 1 and not mixed:
            mixed = [Span("VAR", s, t, " ".join(words[s:t])) for s, t in sides if s not in named and owner(s, t, False)]
    if len(extra) == 2:
        return sorted(spans + extra, key=lambda sp: sp.start)
    return sorted(spans + mixed, key=lambda sp: sp.start) if mixed and not extra else spans


def _compared_heads(words: list[str], spans: list[Span]) -> list[Span]:
    """"at least three times as many hardcover than paperback textbooks", "the number of juniors cannot exceed 3
    times the number of seniors" (the decisions "hardcover versions", "junior waiters", "senior waiters"): a side
    of a comparison of decisions that is the first word of one decision's longer name, and of no other name, is
    that decision said short. (The tagger may have taken the word into the comparison's cue, "juniors cannot exceed": the cue then
    starts after it.)"""
    low = [w.lower() for w in words]
    var_spans = [sp for sp in spans if sp.label == "VAR"]
    names = {tuple(singular(w) for w in sp.text.lower().split()) for sp in var_spans}
    longer = [n for n in names if len(n) > 1]
    starts = _sentence_starts(words)
    sentence = [bisect.bisect_right(starts, j) - 1 for j in range(len(words))]  # the sentence each word stands in
    cue_at = {sp.start: sp for sp in spans if sp.label == "CONST_DIR"}
    tagged = {k for sp in spans for k in range(sp.start, sp.end)}
    out = list(spans)
    for k in range(len(low) - 1):
        if low[k: k + 2] in (["as", "many"], ["as", "much"]):
            a = k + 2
        elif low[k: k + 3] == ["the", "number", "of"]:
            a = k + 3
        elif low[k] == "than":
            a = k + 1
        else:
            continue
        if a >= len(low) or not low[a].isalpha() or (a in tagged and a not in cue_at):
            continue
        opened = [n for n in longer if n[0] == singular(low[a])]
        if len(opened) != 1 or any(singular(low[a]) in n[1:] for n in longer) or (
                a + 1 < len(low) and singular(low[a + 1]) == opened[0][1]):
            continue
        clause = [j for j in range(len(low)) if sentence[j] == sentence[a]]
        cued = any(low[j] in {"than", "exceed", "times", "twice"} for j in clause)
        others = any(sp.start != a and sentence[sp.start] == sentence[a] for sp in var_spans)
        if not (cued and others):
            continue
        if a in cue_at:  # the cue the tagger began at the name starts after it
            cue = cue_at[a]
            out.remove(cue)
            if cue.end > a + 1:
                out.append(Span("CONST_DIR", a + 1, cue.end, " ".join(words[a + 1: cue.end])))
        out.append(Span("VAR", a, a + 1, words[a]))
        tagged.add(a)
    return sorted(out, key=lambda sp: sp.start)


def _sized_alike(words: list[str], j: int, sp: Span) -> bool:
    """words[j: j + 2] ("4-hour shifts") and the tagged sp ("8-hour shifts") are one head sized by two
    numbers written into the word before it."""
    if j < 0 or sp.end - sp.start != 2:
        return False
    mine, theirs = words[j: j + 2], words[sp.start: sp.end]
    sized = re.compile(r"^\d+(?:\.\d+)?-[a-z]+$")
    return bool(sized.match(mine[0].lower()) and sized.match(theirs[0].lower())) and mine[0].split("-")[1].lower() == \
        theirs[0].split("-")[1].lower() and mine[0] != theirs[0] and stem(mine[1]) == stem(theirs[1])


def _sentence_starts(words: list[str]) -> list[int]:
    """Where each sentence (or ";"-clause) of the text begins."""
    return [0] + [k + 1 for k, w in enumerate(words) if w in {".", "?", "!", ";"}]


_IS_VERBS = frozenset("is are cost costs".split())
_SUBJECT_OPENERS = frozenset(". , ; : ! ? ( - and but while whereas the a an my our their its his her your".split())


def _label_letter(words: list[str], k: int) -> bool:
    """A capital "A" inside a sentence is a label ("Grade A chuck mince"), not the article."""
    return words[k] == "A" and k > 0 and words[k - 1] not in {".", "!", "?", ":"}


def _said_alike(words: list[str]) -> list[tuple[tuple[str, str], int, int]]:
    """Clauses "<name> is|are|costs [us|about] [$]N <word>": (the verb and the word after the amount, the name's
    span). The name is up to three plain words right before the verb; "ones" ("the XL ones") is left off."""
    out = []
    for v, w in enumerate(words):
        if w.lower() not in _IS_VERBS:
            continue
        j = v + 1
        while j < len(words) and words[j].lower() in _ASIDES:
            j += 1
        if j < len(words) and words[j] == "$":
            j += 1
        if j + 1 >= len(words) or not is_number(words[j]):
            continue
        e = v - 1 if v >= 1 and words[v - 1].lower() in {"one", "ones"} else v
        a = e
        while a > 0 and e - a < 3 and words[a - 1].replace("-", "").isalpha() and words[a - 1].lower() not in STOP:
            a -= 1
        # the whole subject: after a clause's start or an article ("Grade A chuck mince is" is not "chuck mince")
        if a < e and (a == 0 or words[a - 1].lower() in _SUBJECT_OPENERS and not _label_letter(words, a - 1)):
            out.append(((w.lower().rstrip("s"), singular(words[j + 1].lower())), a, e))
    return out


def _lone_siblings(words: list[str], var_spans: list[Span], tagged: set[int]) -> list[Span]:
    """One name tagged ("the train is $2.90 a trip ..., a share scooter is $4.50 a trip" with only "share
    scooter"; "Standard cartridges are $18 and ..., the XL ones are $32 and ..."): the clauses said alike to the
    one that prices or measures the tagged name (same verb, same word after the amount) name its siblings."""
    if len({sp.text.lower() for sp in var_spans}) != 1:
        return []
    own = {singular(x.lower()) for x in var_spans[0].text.split()} - STOP
    clauses = _said_alike(words)
    frames = {f for f, a, e in clauses if own & {singular(x.lower()) for x in words[a:e]}}
    if len(frames) != 1:
        return []
    out = [Span("VAR", a, e, " ".join(words[a:e])) for f, a, e in clauses
           if f in frames and not own & {singular(x.lower()) for x in words[a:e]} and not tagged & set(range(a, e))]
    tagged.update(k for sp in out for k in range(sp.start, sp.end))
    return out


_PRICE_VERBS = frozenset("is are costs cost sells sell".split())


def _priced_pair(words: list[str], tagged: set[int]) -> list[Span]:
    """"Kiln-dried sand is $42 a tonne and screened loam $55 a tonne": things priced in one sentence, the verb
    left out after the first, are the decisions (read only when nothing else names one)."""
    def name_ok(ws: list[str]) -> bool:
        return 1 <= len(ws) <= 3 and all(w.replace("-", "").isalpha() and w.lower() not in STOP for w in ws)

    for k, w in enumerate(words):
        if w.lower() != "and" or k + 4 >= len(words):
            continue
        e = next((j for j in range(k + 1, min(k + 5, len(words))) if words[j] == "$"), None)
        if e is None or not is_number(words[e + 1]) or not name_ok(words[k + 1:e]):
            continue
        a = max((j + 1 for j in range(k) if words[j] in {".", "?", "!", ";", ":"}), default=0)
        v = next((j for j in range(a, k) if words[j].lower() in _PRICE_VERBS), None)
        if v is None or v + 2 >= k or words[v + 1] != "$" or not is_number(words[v + 2]):
            continue
        first = words[a:v]
        if first and first[0].lower() in {"the", "a", "an", "our"}:
            first, a = first[1:], a + 1
        if not name_ok(first) or tagged & set(range(a, v)) or tagged & set(range(k + 1, e)):
            continue
        out = [Span("VAR", a, v, " ".join(words[a:v]))]
        # ("Fine fescue costs $4.20 a kg, the wildflower mix $6.50 and yellow rattle $8": the items between)
        for c in (j for j in range(v + 3, k) if words[j] == ","):
            m = next((j for j in range(c + 1, min(c + 6, k)) if words[j] == "$"), None)
            b = c + 2 if words[c + 1].lower() in {"the", "a", "an"} else c + 1
            if m is not None and is_number(words[m + 1]) and name_ok(words[b:m]) and not tagged & set(range(b, m)):
                out.append(Span("VAR", b, m, " ".join(words[b:m])))
        return [*out, Span("VAR", k + 1, e, " ".join(words[k + 1:e]))]
    return []


def _priced_second(words: list[str], var_spans: list[Span], tagged: set[int]) -> list[Span]:
    """"Board games cost us $96 a case and jigsaws $84 a case": a tagged name priced by its verb, then "and" and
    a few untagged words priced with the verb left out, in the same sentence: those words name a sibling."""
    out: list[Span] = []
    # (a name with a word some tagged name has is no new sibling: "ferric sulphate $0.62 per kg" where "each kg of
    # ferric" is tagged names a decision the tagger has)
    known = {singular(w.lower()) for sp in var_spans for w in sp.text.split()}
    for sp in var_spans:
        v = sp.end
        if v >= len(words) or words[v].lower() not in _IS_VERBS:
            continue
        j = v + 1
        while j < len(words) and words[j].lower() in _ASIDES:
            j += 1
        if j + 1 >= len(words) or words[j] != "$" or not is_number(words[j + 1]):
            continue
        k = next((i for i in range(j + 2, min(j + 6, len(words))) if words[i].lower() == "and"
                  or words[i] in {".", ";", "?", "!"}), None)
        if k is None or words[k].lower() != "and":
            continue
        e = next((i for i in range(k + 1, min(k + 5, len(words))) if words[i] == "$"), None)
        name = words[k + 1: e] if e is not None else []
        if not name or e + 1 >= len(words) or not is_number(words[e + 1]) or tagged & set(range(k + 1, e)) or not all(
                w.replace("-", "").isalpha() and w.lower() not in STOP for w in name) or known & {
                singular(w.lower()) for w in name}:
            continue
        low = [w.lower() for w in name]
        if any(words[i].lower() == low[0] and [w.lower() for w in words[i:i + len(low)]] != low
               for i in range(len(words))):
            continue  # ("ferric sulphate" then "each kg of ferric": the text's own short name is read elsewhere)
        out.append(Span("VAR", k + 1, e, " ".join(name)))
        tagged.update(range(k + 1, e))
    return out


_CHARGE_VERBS = frozenset("cost costs charge charges".split())


def _priced_subjects(words: list[str], tagged: set[int]) -> list[Span]:
    """"Our own cleaners cost $19 an hour ... The contractor charges $26 an hour": sentences that open with who
    or what is paid for, a price right after the verb, name the decisions when two or more do (read only when
    nothing else names one)."""
    out: list[Span] = []
    starts = _sentence_starts(words)
    for a in starts:
        k = a
        while k < len(words) and words[k].lower() in {"the", "our", "their", "a", "an", "each", "own"}:
            k += 1
        v = next((j for j in range(k + 1, min(k + 4, len(words))) if words[j].lower() in _CHARGE_VERBS), None)
        if v is None or v + 1 >= len(words) or words[v + 1] != "$" or tagged & set(range(k, v)) or not all(
                w.isalpha() and w.lower() not in STOP for w in words[k:v]):
            continue
        if {" ".join(words[k:v]).lower()} & {sp.text.lower() for sp in out}:
            continue
        out.append(Span("VAR", k, v, " ".join(words[k:v])))
    return out if len(out) >= 2 else []


_RATE_VERBS = frozenset("pays pay earns earn costs cost charges charge burns burn gives give puts has have covers cover "
                        "is".split())
# verbs that say the same of each option ("The stove puts out 6 kWh", "the heat pump gives 3 kWh")
_SAME_VERB = {"puts": "gives", "give": "gives", "pay": "pays", "earn": "pays", "earns": "pays", "burn": "burns",
              "cost": "costs", "charge": "costs", "charges": "costs", "have": "has"}
_OPENERS = frozenset("the our their a an my his her each own".split())
_ASIDES = frozenset("me us him her them about around roughly only just out".split())
_SETTING_OPENERS = frozenset("this that my our the".split())


def _rated_subjects(words: list[str], tagged: set[int]) -> list[Span]:
    """"Babysitting pays me $14 an hour and raking leaves for the neighbours pays $10 an hour", "dandelion
    greens have 200 mg of calcium ...; the tortoise pellets have 800 mg", "Swimming burns about 9 kcal a minute
    and running about 12": clauses that open with what is done or bought, one verb of pay or measure and an
    amount right after it, the verb said again or left out after "and", name the decisions when two or more do
    (read only when nothing else names one)."""
    n = len(words)

    def amount(j: int) -> bool:
        while j < n and words[j].lower() in _ASIDES:
            j += 1
        if j + 1 < n and words[j].lower() in {"a", "an"} and words[j - 1].lower() in {"is", "are"}:
            j += 1  # ("a bridal design is a 1.5 hour appointment")
        return j + 1 < n and (words[j] == "$" and is_number(words[j + 1]) or is_number(words[j]))

    found: list[tuple[str, Span]] = []
    # (and after a verb of saying: "The garden centre says a water lily pot covers 0.6 m2")
    starts = [0] + [k + 1 for k, w in enumerate(words) if w in {".", "?", "!", ";", ",", "and", "but", "while"}
                    or w.lower() in {"says", "said"}]
    for a in starts:
        k = a
        # ("in this game dungeon runs earn about 9 xp a minute": a setting said first is no subject)
        if k + 3 < n and words[k].lower() in {"in", "on", "at"} and words[k + 1].lower() in _SETTING_OPENERS:
            k += 3
        while k < n and words[k].lower() in _OPENERS:
            k += 1
        e = k
        while e < n and e - k < 3 and words[e].replace("-", "").isalpha() and words[e].lower() not in STOP | (
                _RATE_VERBS | _ASIDES) and e not in tagged:
            e += 1
        if e == k + 1 and e + 1 < n and words[e].lower() == "of" and words[e + 1].isalpha() and words[
                e + 1].lower() not in STOP:  # "a bunch of oxygenating weed covers 0.1 m2"
            e += 1
            while e < n and e - k < 5 and words[e].replace("-", "").isalpha() and words[e].lower() not in STOP | (
                    _RATE_VERBS | _ASIDES) and e not in tagged:
                e += 1
        if e == k or e >= n:
            continue
        v = e
        if words[e].lower() in {"for", "at", "from", "on", "in"}:  # "raking leaves [for the neighbours] pays"
            v = next((j for j in range(e + 1, min(e + 5, n)) if words[j].lower() in _RATE_VERBS), e)
        verb = words[v].lower()
        verb = _SAME_VERB.get(verb, verb)
        if verb in _RATE_VERBS and amount(v + 1):
            found.append((verb, Span("VAR", k, e, " ".join(words[k:e]))))
        elif found and a > 0 and words[a - 1] == "and" and amount(e):  # "... and running about 12"
            found.append((found[-1][0], Span("VAR", k, e, " ".join(words[k:e]))))
    verbs = Counter(singular(v) for v, _ in found)
    top = max(verbs.values(), default=0)
    out: list[Span] = []
    for v, sp in found:
        if verbs[singular(v)] == top and singular(sp.text.lower()) not in {singular(x.text.lower()) for x in out}:
            out.append(sp)
    return out if top >= 2 and len(out) >= 2 else []


def _trailing_figures(words: list[str], spans: list[Span]) -> list[Span]:
    """"food stalls need 6 kW each and craft chalets 1 kW": a name that ends in a number followed by the unit
    that another number of its sentence has ("6 kW") took the next item's figure in; the number is a
    coefficient ("Route 12 needs", with no such unit after it, keeps its number)."""
    out = []
    for sp in spans:
        k = sp.end - 1
        # ("for nuts 800 per day" beside "500 per day": the rate's unit after "per")
        per = 1 if sp.end + 1 < len(words) and words[sp.end].lower() == "per" else 0
        if sp.label == "VAR" and k > sp.start and words[k][:1].isdigit() and is_number(words[k]) and sp.end + per < len(
                words) and words[sp.end + per].isalpha() and (per or words[sp.end].lower() not in STOP):
            unit = words[sp.end + per].lower()
            a = max((j + 1 for j in range(sp.start) if words[j] in {".", "?", "!", ";"}), default=0)
            e = next((j for j in range(sp.end, len(words)) if words[j] in {".", "?", "!", ";"}), len(words))
            # (not a sibling's own label: "Package 1 holds 5 souvenirs, while Package 2 holds 4"; a label's name is
            # capitalized somewhere, unlike a verb the tagger took in: "each short shot [scores 2] points")
            label = any(words[i].lower() == words[k - 1].lower() and words[i][:1].isupper() and i + 1 < len(words)
                        and words[i + 1].isdigit() for i in range(len(words) - 1))
            if any(j != k and is_number(words[j]) and j + 1 + per < len(words) and words[j + 1 + per].lower() == unit
                   and (not per or words[j + 1].lower() == "per") and not (
                       label and j > 0 and words[j - 1].lower() == words[k - 1].lower()) for j in range(a, e - 1)):
                # ("packs 90 boxes a day" beside "packs 75 boxes", "reaches 1,000 people" beside "reaches 8,000
                # people": a lone word said before another number too is the items' verb, no name)
                verb = k - sp.start == 1 and any(j != sp.start and words[j].lower() == words[sp.start].lower() and is_number(
                    words[j + 1]) for j in range(len(words) - 1))
                out += [Span("PARAM", k, k + 1, words[k])] if verb else [
                    Span("VAR", sp.start, k, " ".join(words[sp.start:k])), Span("PARAM", k, k + 1, words[k])]
                continue
        if sp.label == "VAR" and k > sp.start and words[k][:1].isdigit() and is_number(words[k]) and (
                sp.end == len(words) or words[sp.end].lower() in {",", "and", ".", ";"}) and _elided_figure(
                words, sp.start, k):
            out += [Span("VAR", sp.start, k, " ".join(words[sp.start:k])), Span("PARAM", k, k + 1, words[k])]
            continue
        out.append(sp)
    return out


def _elided_figure(words: list[str], a: int, k: int) -> bool:
    """"A senior counselor can supervise 12 campers, a junior 8 and a lifeguard 6": a name run on into a number
    that closes its list item, after an article, where the name is said elsewhere with no number after it (not
    "lake 1" ... "lake 2"), is a name and its figure, the verb and unit left out."""
    if a < 1 or words[a - 1].lower() not in {"a", "an", "each", "every"}:
        return False
    name = [singular(w) for w in words[a:k]]
    low = [singular(w) for w in words]
    n = len(name)
    said = [j for j in range(len(words) - n + 1) if j != a and low[j: j + n] == name]
    return bool(said) and not any(j + n < len(words) and is_number(words[j + n]) for j in said)


def _counted_modifiers(words: list[str], spans: list[Span]) -> list[Span]:
    """"a loft conversion takes 6 crew-weeks ... We have enquiries for 15 lofts ... $15,000 per loft": a
    two-word name said again by its first word alone, where that word is counted ("15 lofts") or priced ("per
    loft"), is that variable; not where the word is counted as what a decision uses ("Each egg sandwich
    requires 5 eggs")."""
    names = [sp for sp in spans if sp.label == "VAR" and len(sp.text.split()) == 2]
    firsts: dict[str, set[str]] = {}
    for sp in spans:
        if sp.label == "VAR":
            for w in sp.text.lower().split()[:-1]:
                firsts.setdefault(singular(w), set()).add(" ".join(singular(x) for x in sp.text.lower().split()))
    tagged = {k for sp in spans for k in range(sp.start, sp.end)}
    extra = []
    for sp in names:
        first, head = (singular(w) for w in sp.text.lower().split())
        if len(firsts.get(first, ())) != 1 or not first.isalpha() or first in STOP:
            continue
        alone = [k for k, w in enumerate(words) if k not in tagged and k > 0 and _counted_key(w) == first and not (
            k + 1 < len(words) and singular(words[k + 1].lower()) == head)]
        # ("Each egg sandwich requires 5 eggs": counted after a decision in its sentence, the word is what the
        # decision uses; a decision itself counted before it, "at least 5 ducks and at least 3 geese", uses nothing)
        if any(k > 0 and _counted_key(w) == first and is_number(words[k - 1]) and any(
                x.label == "VAR" and x.end <= k and not any(words[j] in {".", "?", "!", ";"} for j in range(x.end, k))
                and not (x.start > 0 and is_number(words[x.start - 1])) for x in spans) for k, w in enumerate(words)):
            continue
        for k in alone:
            prev = words[k - 1].lower()
            if prev in {"per", "each", "every"} or (is_number(prev) and words[k].lower() != first):
                extra.append(Span("VAR", k, k + 1, words[k]))
                tagged.add(k)
    return sorted(spans + extra, key=lambda sp: sp.start) if extra else spans


def _counted_key(word: str) -> str:
    """`singular`, with the plurals not made with "s" too: "3 geese" counts the "goose shot"s."""
    return singular(_IRREGULAR.get(word.lower(), word))


_ROW_ENDS = frozenset({".", "?", "!", ";", ":"})


def _listed_row(words: list[str], k: int) -> bool:
    """The row opens a line of a list: right after a "." the letter's line end put there, or after the colon
    that opens the list ("Per item:")."""
    return k >= 0 and words[k] in {".", ":"}


def _row_names(words: list[str], spans: list[Span]) -> list[Span]:
    """"Oyster: 2.5 kg substrate, 12 minutes labour, $11 margin. Shiitake: 3 kg substrate, ...": a note's rows
    that each open with a short name and a colon, then give several figures with their words, name one
    decision each (two rows at least, as a list of options has). The name before each colon is a variable,
    names tagged inside the figures are what the decision uses ("0.40 kg fruit and veg"; so are those words
    elsewhere: "We have 343 kg of fruit and veg"), and each figure is
    a coefficient of the row's decision. A row of bare numbers ("Clay per piece: 0.5, 0.8, 1.2 and 2 kg", one
    per decision) or one figure ("Budget: $186,000") names no decision."""
    rows: list[tuple[int, int, int]] = []  # name start, colon, row end
    named = 0  # how many figures the first row that names its figures' measures gives
    a = 0
    for k, w in enumerate(words):
        if w != ":":
            if w in _ROW_ENDS - {":"}:
                a = k + 1
            continue
        e = next((j for j in range(k + 1, len(words)) if words[j] in _ROW_ENDS), len(words))
        name = words[a:k]
        a = k + 1
        nums = [j for j in range(k + 1, e) if is_number(words[j])]
        items = " ".join(words[k + 1: e]).split(",")
        # (a list typed in a hurry starts its rows in lower case: "- banana bread loaf: 45 min, 0.5 kg flour")
        if (1 <= len(name) <= 4 and all(w[:1].isalpha() for w in name) and (
                name[0][:1].isupper() or _listed_row(words, k - len(name) - 1))
                and not any(w.lower() in STOP | {"per"} for w in _row_name_ends(name)) and len(nums) >= 2
                and not _rates_per_item(words, nums, e, {singular(w.lower()) for sp in spans if sp.label == "VAR"
                                                         for w in sp.text.split()[:1]})):
            # ("Small bowl: 0.3 kg glass, 0.2 h furnace, $8. Large bowl: 0.6 kg, 0.3 h, $15": the rows after
            # one that names its measures may leave them out, with as many figures)
            if any(len([x for x in it.split() if x[:1].isalpha()]) >= 2 for it in items):
                named = named or len(nums)
            elif not named or len(nums) != named or not any(x[:1].isalpha() for x in words[k + 1: e]):
                continue
            rows.append((k - len(name), k, e))
    if len(rows) < 2:
        return spans
    crossed = _crossed_rows(words, spans, rows)
    if crossed is not None:
        return crossed
    inside = {j for s, c, e in rows for j in range(s, e)}
    measures = {singular(words[j].lower()) for _, c, e in rows for j in range(c + 1, e)}
    dropped = [sp for sp in spans if sp.label == "VAR" and (sp.start in inside or all(
        singular(w.lower()) in measures for w in words[sp.start:sp.end]))]
    out = [sp for sp in spans if sp not in dropped]
    # a figure the tagger took into a name ("sorts 1 delivery route") is still the row's coefficient
    out += [Span("PARAM", j, j + 1, words[j]) for sp in dropped if sp.start in inside
            for j in range(sp.start, sp.end) if is_number(words[j])]
    out = [Span("PARAM", sp.start, sp.end, sp.text) if sp.label == "LIMIT" and sp.start in inside else sp
           for sp in out]
    out += [Span("VAR", s, c, " ".join(words[s:c])) for s, c, _ in rows]
    return sorted(out, key=lambda sp: sp.start)


def _rates_per_item(words: list[str], nums: list[int], e: int, named: frozenset[str] | set[str] = frozenset()) -> bool:
    """"Oven: 20 minutes for a sourdough loaf, 15 minutes for a baguette", "Wood: 20 units per regular desk and 15
    units per standing desk": two or more of a row's figures are rates for one item each, named after them ("for
    a", or "per" and a word that opens a tagged name), so the row is a resource the items use, not one (a rate "per bag" is the
    row's own: "Salted almonds: 4 min in the roaster ... per bag")."""
    def per_item(j: int) -> bool:
        low = [w.lower() for w in words[j + 1: min(j + 5, e)]]
        return any(w == "for" and low[i + 1: i + 2] in (["a"], ["an"], ["each"], ["every"]) or (
            w == "per" and i + 1 < len(low) and singular(low[i + 1]) in named) for i, w in enumerate(low))
    return sum(per_item(j) for j in nums) >= 2


def _item_leads(words: list[str], c: int, e: int) -> list[tuple[int, int]]:
    """The words that open each comma item of a row before its first figure: (start, end) of each."""
    out = []
    k = c + 1
    while k < e:
        j = k
        while j < e and words[j][:1].isalpha() and not is_number(words[j]):
            j += 1
        if j > k and j < e and (is_number(words[j]) or words[j] == "$"):
            out.append((k, j))
        k = next((i for i in range(j, e) if words[i] == ","), e) + 1
    return out


def _crossed_rows(words: list[str], spans: list[Span], rows: list[tuple[int, int, int]]) -> list[Span] | None:
    """"Leather: gloves 0.1 m2, boots 0.6 m2, hats 0.25 m2; 120 m2 in stock. Sewing: gloves 0.3 h, boots 1.5 h,
    ...": a table written the other way round -- each row a resource, each item opening with the same names in
    the same order in every row. The names that open the items are the decisions (each a VAR there), and the
    rows' headings are what they use, not decisions."""
    leads = [_item_leads(words, c, e) for _, c, e in rows]
    names = [tuple(" ".join(words[a:b]).lower() for a, b in row) for row in leads]
    if len(names[0]) < 2 or len(set(names[0])) != len(names[0]) or any(n != names[0] for n in names[1:]):
        return None
    # every item opens with its name, and a name is no measure or price ("fish costs $14/kg, margin $9/kg")
    if any(len(row) != " ".join(words[c + 1: e]).count(",") + 1 for row, (_, c, e) in zip(leads, rows, strict=True)) or any(
            w in STOP or not w.isalpha() or content([w])[0].isupper() for n in names[0] for w in n.split()):
        return None
    inside = {j for a, b in (x for row in leads for x in row) for j in range(a, b)}
    heads = {j for s, c, _ in rows for j in range(s, c)}
    out = [sp for sp in spans if not (sp.label == "VAR" and ({*range(sp.start, sp.end)} & (inside | heads)))]
    out += [Span("VAR", a, b, " ".join(words[a:b])) for row in leads for a, b in row]
    return sorted(out, key=lambda sp: sp.start)


def _row_name_ends(name: list[str]) -> list[str]:
    """The words of a row's name that must not be small words: all of them, but "with" may join two words
    inside it ("Full clean with gutters: 4 hours, ...", "Burger with fries: ...")."""
    return [w for k, w in enumerate(name) if not (0 < k < len(name) - 1 and w.lower() == "with")]


# verbs of what one unit of a machine, a shift or a crew turns out: "The big dishwasher does 400 plates"
_TURNS_OUT = frozenset("makes does produces handles washes cleans bakes prints fills turns yields delivers "
                       "processes packs screens serves covers cuts".split())


def _producers(words: list[str], spans: list[Span]) -> list[Span]:
    """"A shift in the central kitchen makes 600 sandwiches and 200 salads ... A shift in the satellite kitchen
    makes 300 sandwiches ...", "The big dishwasher does 400 plates ... The small one does 150 plates": when every
    tagged name is only ever counted ("600 sandwiches"), what is decided is what turns them out -- the subjects
    of two or more sentences built alike (a determiner, 1-6 words, a verb of output, a number). Those become the
    names; the counted things are what the limits and the coefficients measure."""
    vars_ = [sp for sp in spans if sp.label == "VAR"]
    if not vars_:
        return spans
    nums = {sp.start for sp in spans if sp.label in {"LIMIT", "PARAM"}} | {
        k for k, w in enumerate(words) if is_number(w) and w[:1].isdigit()}
    # (a list of counts: "600 sandwiches and 200 salads" -- each name right after its number)
    if not all(sp.start - 1 in nums for sp in vars_):
        return spans
    # (and after a colon: "quick one from the office: the CNC router cuts 20 panels ...; the laser does 12")
    starts = sorted(_sentence_starts(words) + [k + 1 for k, w in enumerate(words) if w == ":"])
    found: list[Span] = []
    for a in starts:
        if a >= len(words) or words[a].lower() not in {"a", "an", "the", "each", "one"}:
            continue
        e = next((k for k in range(a + 1, min(a + 8, len(words) - 1)) if words[k].lower() in _TURNS_OUT
                  and is_number(words[k + 1])), None)
        if e is None or e == a + 1:
            continue
        name = words[a + 1: e]
        if not all(w.replace("-", "").isalpha() for w in name) or name[-1].lower() in STOP - {"one"} or any(
                a < k < e for k in nums):
            continue
        found.append(Span("VAR", a + 1, e, " ".join(name)))
    if len({sp.text.lower() for sp in found}) < 2:
        return spans
    return sorted([sp for sp in spans if sp.label != "VAR"] + found, key=lambda sp: sp.start)


_SIZE_WORD = re.compile(r"\d+(\.\d+)?-[a-z]+")


def _one_size_prefix(words: list[str], spans: list[Span]) -> list[Span]:
    """"each concert commercial is seen by 9 million ... A 1-minute concert ad costs $80,000, and a 1-minute
    cinema ad costs $30,000": a size that opens every sized name alike ("1-minute") tells no two decisions apart,
    so a name it opens whose rest begins another tagged name ("concert" of "concert commercial", "concerts") is
    that name. Two sizes anywhere in the text ("4-hour shifts and 8-hour shifts") do tell them apart and stay."""
    sized = [sp for sp in spans if sp.label == "VAR" and sp.end - sp.start >= 2 and _SIZE_WORD.fullmatch(
        words[sp.start].lower())]
    # (every size the text says, tagged or not: "4-hour shifts" untagged beside a tagged "8-hour shifts")
    if not sized or len({w.lower() for w in words if _SIZE_WORD.fullmatch(w.lower())}) != 1:
        return spans
    others = [tuple(singular(w.lower()) for w in words[sp.start: sp.end]) for sp in spans
              if sp.label == "VAR" and sp not in sized]
    out = []
    for sp in spans:
        rest = tuple(singular(w.lower()) for w in words[sp.start + 1: sp.end])
        if sp in sized and any(o[:len(rest)] == rest for o in others):
            sp = Span("VAR", sp.start + 1, sp.end, " ".join(words[sp.start + 1: sp.end]))
        out.append(sp)
    return out


def _opening_actor(words: list[str], spans: list[Span]) -> list[Span]:
    """"West Moon Designs are famous for its furniture. Each coffee table produced by West Moon Designs ...":
    a capitalised name of two or more words the text opens with, as the subject of its first sentence, is the
    business the story is about; said again in full after "by" or "for" (who makes, for whom the plan is), no
    word of it names a decision. Only when another name is tagged (the business alone may be what is decided)."""
    n = 0
    while n < len(words) and words[n][:1].isupper() and words[n].isalpha():
        n += 1
    if n < 2 or n >= len(words) or not words[n].isalpha() or words[n][:1].isupper():
        return spans
    low = [w.lower() for w in words]
    opening = low[:n]
    inside = {j for k in range(1, len(low) - n + 1) if low[k - 1] in {"by", "for"} and low[k: k + n] == opening
              for j in range(k, k + n)}

    def actor(sp: Span) -> bool:
        return sp.label == "VAR" and all(j in inside for j in range(sp.start, sp.end))

    if not any(actor(sp) for sp in spans) or not any(sp.label == "VAR" and not actor(sp) for sp in spans):
        return spans
    return [sp for sp in spans if not actor(sp)]


def _the_other_is(words: list[str], var_spans: list[Span], tagged: set[int]) -> list[Span]:
    """"One is orange flavored and costs $8 per serving. The other is apple flavored and costs $5": of two
    things introduced as "One is X" (X tagged) and "The other is Y", Y is the second name, up to the verb or
    clause edge after it, whether or not the tagger saw it."""
    low = [w.lower() for w in words]
    starts = {sp.start for sp in var_spans}
    if not any(k >= 2 and low[k - 2] == "one" and low[k - 1] == "is" and k in starts for k in range(len(low))):
        return []
    out: list[Span] = []
    for k in range(len(low) - 3):
        if low[k: k + 3] != ["the", "other", "is"]:
            continue
        a = k + 3
        if a < len(low) and low[a] in {"a", "an"}:
            a += 1
        e = a
        while e < len(low) and e - a < 4 and low[e].replace("-", "").isalpha() and low[e] not in STOP and (
                low[e] not in _NOT_NAMES):
            e += 1
        if e == a or any(j in tagged for j in range(a, e)) or e >= len(low) or low[e] not in {"and", ",", ".", "that",
                                                                                              "which", "with"}:
            continue
        out.append(Span("VAR", a, e, " ".join(words[a:e])))
        tagged.update(range(a, e))
    return out


def _colon_labels(words: list[str], tagged: set[int]) -> list[Span]:
    """No variable tagged at all: "Flyers in local cafes: $45 per batch, ... Boosted Instagram posts: $90 each":
    two or more sentences of a note that open with a label, a colon and an amount name the options (the label
    up to its first preposition)."""
    out: list[Span] = []
    starts = _sentence_starts(words)
    for a in starts:
        c = next((k for k in range(a, min(a + 10, len(words))) if words[k] == ":"), None)
        if c is None or c == a or c + 1 >= len(words) or not (words[c + 1] == "$" or is_number(words[c + 1])):
            continue
        # ("Brown rice (cooked) per 100 g: 3 g protein, ...": the name ends at a bracket too)
        e = next((k for k in range(a, c) if words[k].lower() in {"in", "at", "on", "for", "from", "of", "per", "("}), c)
        name = words[a:e]
        if not name or not all(w.replace("-", "").isalpha() for w in name) or any(k in tagged for k in range(a, e)) or (
                name[-1].lower() in _NOT_NAMES or name[-1].lower() in CONCEPTS):
            continue
        out.append(Span("VAR", a, e, " ".join(name)))
    return out if len({sp.text.lower() for sp in out}) >= 2 else []


def _each_lettered(words: list[str], tagged: set[int]) -> list[Span]:
    """No variable tagged at all: "Supplier A sells ... and Supplier B ...", asked "How many boxes from each
    supplier": a noun the question says "each" of, written with two or more letters after it, names the options."""
    lower = [w.lower() for w in words]
    asked = {singular(lower[k + 1]) for k in range(len(words) - 1) if lower[k] == "each" and words[k + 1].isalpha()}
    out: list[Span] = []
    seen: set[str] = set()
    for k in range(len(words) - 1):
        if singular(lower[k]) in asked and len(words[k + 1]) == 1 and words[k + 1].isupper() and not (
                {k, k + 1} & tagged) and words[k + 1] not in seen:
            seen.add(words[k + 1])
            out.append(Span("VAR", k, k + 2, f"{words[k]} {words[k + 1]}"))
    return out if len(seen) >= 2 else []


def _labelled_siblings(words: list[str], var_spans: list[Span], tagged: set[int]) -> list[Span]:
    """"Combo Y" tagged, "Combo X is made of 2 keyboards" not: a head noun with another capital letter for its
    label names a sibling of the labelled name, a decision too."""
    heads = {(words[sp.start].lower(), words[sp.end - 1]) for sp in var_spans if sp.end - sp.start == 2}
    heads = {(h, x) for h, x in heads if len(x) == 1 and x.isupper() and x != "I" and h.isalpha()}
    out: list[Span] = []
    for k in range(len(words) - 1):
        x = words[k + 1]
        if (k in tagged or k + 1 in tagged or len(x) != 1 or not x.isupper() or x == "I"
                or not any(h == words[k].lower() and x != y for h, y in heads)):
            continue
        out.append(Span("VAR", k, k + 2, " ".join(words[k: k + 2])))
        tagged.update((k, k + 1))
    return out


# what is done to resources, not what is made or sold: "Wood and glass are used by the workshop"
_RESOURCE_PARTICIPLES = frozenset("used needed required consumed supplied given limited shared stored".split())


def _passive_pair(words: list[str], tagged: set[int]) -> list[Span]:
    """"Kayaks and canoes are built by a company", "Fridges and ovens are repaired by a repairman": a sentence
    that opens with two things coordinated, then a passive verb and who or where ("by", "at"), names the two
    kinds that are made, sold or served, the decisions (the subject the active voice would put last)."""
    out: list[Span] = []
    lower = [w.lower() for w in words]

    def phrase(a: int) -> int:
        e = a
        while e < len(words) and e - a < 3 and words[e].isalpha() and lower[e] not in _NOT_NAMES and e not in tagged:
            e += 1
        return e

    for a in _sentence_starts(words):
        e1 = phrase(a)
        if e1 == a or e1 >= len(words) or lower[e1] != "and":
            continue
        e2 = phrase(e1 + 1)
        v = e2 + 1
        if e2 == e1 + 1 or v + 1 >= len(words) or lower[e2] not in {"are", "get"}:
            continue
        if not re.search(_PP + "$|lt$|de$", lower[v]) or lower[v] in _RESOURCE_PARTICIPLES or lower[v + 1] not in {
                "by", "at", "in", "on"}:
            continue
        for x, y in ((a, e1), (e1 + 1, e2)):
            out.append(Span("VAR", x, y, " ".join(words[x:y])))
            tagged.update(range(x, y))
    return out


def _how_many_each(words: list[str], var_spans: list[Span], tagged: set[int]) -> list[Span]:
    """"how many vinyl and how many CDs to order": a question that asks "how many" twice over names a
    decision after each; the second (one plain word, or two) is one too when the first is tagged."""
    out: list[Span] = []
    lower = [w.lower() for w in words]
    for sp in var_spans:
        k = sp.end
        if sp.start < 2 or lower[sp.start - 2: sp.start] != ["how", "many"] or lower[k: k + 3] != ["and", "how", "many"]:
            continue
        a = k + 3
        e = a
        while e < len(words) and e - a < 2 and words[e].isalpha() and lower[e] not in _NOT_NAMES and e not in tagged:
            e += 1
        if e > a and (e == len(words) or not words[e].isalpha() or lower[e] in STOP):
            out.append(Span("VAR", a, e, " ".join(words[a:e])))
            tagged.update(range(a, e))
    return out


def _gapped_siblings(words: list[str], spans: list[Span]) -> list[Span]:
    """"A large plane carries 40 tonnes per flight at a cost of $30,000, a medium plane 20 tonnes for $16,000, and
    a small plane 8 tonnes for $6,200" with "large plane" tagged: the verb left out (gapping), "a <word> <head>"
    right before a number, after a comma or "and", where a name of the sentence before it has that head with
    another first word, is another kind of the same thing -- a variable."""
    lower = [w.lower() for w in words]
    tagged = {k for sp in spans for k in range(sp.start, sp.end)}
    ends = {".", "?", "!", ";"}
    out: list[Span] = []
    for sp in spans:
        if sp.label != "VAR" or sp.end - sp.start != 2 or lower[sp.start] in STOP:
            continue
        head = singular(lower[sp.end - 1])
        k = sp.end
        while k + 3 < len(words) and lower[k] not in ends:
            if lower[k] in {"a", "an"} and lower[k - 1] in {",", "and"} and singular(lower[k + 2]) == head and (
                    words[k + 1].isalpha() and lower[k + 1] not in STOP and lower[k + 1] != lower[sp.start]) and (
                    is_number(words[k + 3]) or words[k + 3] == "$") and not (tagged & {k + 1, k + 2}):
                out.append(Span("VAR", k + 1, k + 3, " ".join(words[k + 1: k + 3])))
                tagged.update((k + 1, k + 2))
            k += 1
    return sorted(spans + out, key=lambda x: x.start) if out else spans


_OPEN_QUOTES = frozenset({"“", '"', "``", "‘"})
_CLOSE_QUOTES = frozenset({"”", '"', "''", "’"})


def _quoted_names(words: list[str], spans: list[Span]) -> list[Span]:
    """A name in quotation marks is one name: "a “puff of air” test", where the tagger took only "air ” test"
    (or "“ puff" and "air ” test" apart), runs from the opening quote, over the words inside it, to the span's
    end (the quote marks themselves name nothing). Only plain words, or names inside the quotes, may lie
    between the opening quote and the span."""
    drop: set[int] = set()
    grown: dict[int, Span] = {}
    for i, sp in enumerate(spans):
        close = next((k for k in range(sp.start, sp.end) if words[k] in _CLOSE_QUOTES), None)
        if sp.label != "VAR" or close is None or any(words[k] in _OPEN_QUOTES for k in range(sp.start, close)):
            continue
        a = next((k for k in range(sp.start - 1, max(sp.start - 7, -1), -1) if words[k] in _OPEN_QUOTES), None)
        if a is None or not all(words[k].isalpha() for k in range(a + 1, sp.start)):
            continue
        inner = {j for j, o in enumerate(spans) if j != i and a <= o.start and o.end <= sp.start and o.label == "VAR"}
        inside = {k for j in inner for k in range(spans[j].start, spans[j].end)}
        if any(o.start < sp.start and o.end > a and j not in inner and j != i for j, o in enumerate(spans)) or (
                a + 1 == sp.start and not inner and not inside):
            continue
        drop |= inner
        grown[i] = Span("VAR", a + 1, sp.end, " ".join(words[a + 1: sp.end]))
    return [grown.get(i, sp) for i, sp in enumerate(spans) if i not in drop]


def _marked_items(words: list[str], spans: list[Span]) -> list[Span]:
    """"on two channels: (1) global news and (2) talent shows", with "global news" tagged: items a writer marks
    "(1)", "(2)" or "(a)", "(b)" in one sentence are alike, so where one item is a name, the untagged items (a few
    plain words up to the next mark, comma, stop or "and") are names too."""
    marks = [k for k in range(len(words) - 3) if words[k] == "(" and words[k + 2] == ")" and (
        words[k + 1] in {"1", "2", "3", "4"} or (len(words[k + 1]) == 1 and words[k + 1].isalpha()))]
    items: list[tuple[int, int]] = []
    for k in marks:
        e = k + 3
        while e < len(words) and words[e].isalpha() and words[e].lower() not in {"and", "or"}:
            e += 1
        if e > k + 3 and e - k - 3 <= 4 and not any(w in {".", "?", "!", ";"} for w in words[k:e]):
            items.append((k + 3, e))
    tagged = {k for sp in spans for k in range(sp.start, sp.end)}
    named = [(a, e) for a, e in items if any(sp.label == "VAR" and sp.start == a and sp.end == e for sp in spans)]
    if len(items) < 2 or not named:
        return spans
    # (the marks restart in each list: only the named item's own sentence is its list)
    stops = [k for k, w in enumerate(words) if w in {".", "?", "!"}]
    here = {sum(1 for j in stops if j < a) for a, _ in named}
    extra = [Span("VAR", a, e, " ".join(words[a:e])) for a, e in items
             if sum(1 for j in stops if j < a) in here and not tagged & set(range(a, e))
             and not any(w.lower() in STOP for w in words[a:e])]
    return sorted(spans + extra, key=lambda sp: sp.start) if extra else spans


def _contained_names(words: list[str], spans: list[Span]) -> list[Span]:
    """"cakes, pies and batches of cookies": a lone container word right before "of <variable>" is the unit that
    variable comes in, not a decision of its own."""
    from modeler.strategies.offline.mentions import CONTAINERS

    starts = {sp.start for sp in spans if sp.label == "VAR"}
    return [sp for sp in spans if not (sp.label == "VAR" and sp.end - sp.start == 1 and sp.text.lower() in CONTAINERS
                                       and sp.end < len(words) and words[sp.end].lower() == "of"
                                       and sp.end + 1 in starts)]


def _none_of(words: list[str], spans: list[Span]) -> list[Span]:
    """"A serving of chicken has 25 grams of protein and no fiber": "no <measure>" says a measure is nil (a zero
    coefficient), it names no decision; not a kind named by what it lacks ("commercials with no people")."""
    return [sp for sp in spans if not (sp.label == "VAR" and words[sp.start].lower() == "no" and sp.end > sp.start + 1
                                       and not (sp.start and words[sp.start - 1].lower() in {"with", "for"}))]


def _material_of_names(words: list[str], spans: list[Span]) -> list[Span]:
    """"sells ice cream cones and ice cream cups. Each ice cream cone requires 3 scoops of ice cream": what
    comes after "of" and opens two or more names of decisions ("ice cream" of "ice cream cone" and "ice cream
    cup") is what they are made of, not a decision of its own."""
    names = {tuple(singular(w.lower()) for w in sp.text.split()) for sp in spans if sp.label == "VAR"}

    def material(sp: Span) -> bool:
        key = tuple(singular(w.lower()) for w in sp.text.split())
        longer = {n for n in names if len(n) > len(key) and n[:len(key)] == key}
        return sp.start > 0 and words[sp.start - 1].lower() == "of" and len({n[len(key)] for n in longer}) >= 2

    return [sp for sp in spans if not (sp.label == "VAR" and material(sp))]


_LIST_OPEN = frozenset({"from", "between", "of", "with", "using", "sells", "makes", "produces", "grows"})


def _coordinated_repeats(words: list[str], spans: list[Span]) -> list[Span]:
    """"a menu from oatmeal and peanut butter. 100 grams of oatmeal give ...; 100 grams of peanut butter give ...":
    the words coordinated with a variable after a list's opening word, up to the clause's end, name a decision when
    the text names them again elsewhere (known words the tagger missed)."""
    lower = [w.lower() for w in words]
    taken = {k for sp in spans for k in range(sp.start, sp.end)}
    new: list[Span] = []
    for sp in spans:
        k = sp.end
        if sp.label != "VAR" or k >= len(words) or lower[k] not in {"and", "or"} or sp.start == 0 or \
                lower[sp.start - 1] not in _LIST_OPEN:
            continue
        a = k + 1 + (k + 1 < len(words) and lower[k + 1] in {"a", "an", "the"})
        tagged = next((x for x in spans if x.label == "VAR" and x.start == a and x.end - x.start > 1), None)
        if tagged is not None and tagged.end < len(words) and lower[tagged.end] in {".", ",", ";", "?", "!"} and \
                sp.text.split()[-1].lower() != lower[tagged.end - 1]:  # not "chicken and goat curry" (one head)
            # "from oats and Greek yogurt" tagged: "100 grams of yogurt" names the second again
            head = lower[tagged.end - 1]
            new += [Span("VAR", j, j + 1, words[j]) for j in range(1, len(words)) if lower[j] == head
                    and j not in taken and lower[j - 1] in {"of", "the"}]
            taken.update(x.start for x in new)
            continue
        e = a
        while e < len(words) and e - a < 3 and lower[e].isalpha() and lower[e] not in STOP and e not in taken:
            e += 1
        if e == a or e >= len(words) or lower[e] not in {".", ",", ";", "?", "!"}:
            continue
        name = lower[a:e]
        m = len(name)
        if any(lower[j:j + m] == name for j in range(len(words)) if j != a):
            new.append(Span("VAR", a, e, " ".join(words[a:e])))
            taken.update(range(a, e))
        elif m > 1 and any(lower[j] == name[-1] and j not in taken and lower[j - 1] in {"of", "the"}
                           for j in range(1, len(words)) if j != e - 1):
            # "from oats and Greek yogurt ... 100 grams of yogurt": the head alone names it again
            new.append(Span("VAR", a, e, " ".join(words[a:e])))
            new += [Span("VAR", j, j + 1, words[j]) for j in range(1, len(words)) if j != e - 1
                    and lower[j] == name[-1] and j not in taken and lower[j - 1] in {"of", "the"}]
            taken.update(range(a, e))
    return _with_repeats(words, spans, new)


def _with_repeats(words: list[str], spans: list[Span], new: list[Span]) -> list[Span]:
    """The spans with `new` names added, and every untagged repeat of them."""
    if not new:
        return spans
    taken = {k for sp in spans + new for k in range(sp.start, sp.end)}
    lowered = [singular(w) for w in words]
    extra = list(new)
    for sp in new:
        n = tuple(singular(w) for w in sp.text.split())
        m = len(n)
        for k in range(len(words) - m + 1):
            if tuple(lowered[k:k + m]) == n and not any(j in taken for j in range(k, k + m)):
                extra.append(Span("VAR", k, k + m, " ".join(words[k:k + m])))
                taken.update(range(k, k + m))
    return sorted(spans + extra, key=lambda sp: sp.start)


def _letter_names(words: list[str], spans: list[Span]) -> list[Span]:
    """"Scores per tablet are 3 for A, 4 for B and 4 for C" with "drug A", "drug B", "drug C" the variables: a lone
    capital after "for" that ends a variable's name stands for that name."""
    letters = {sp.text.split()[-1] for sp in spans if sp.label == "VAR" and len(sp.text.split()) >= 2
               and len(sp.text.split()[-1]) == 1 and sp.text.split()[-1].isupper()}
    if len(letters) < 2:
        return spans
    taken = {k for sp in spans for k in range(sp.start, sp.end)}
    extra = [Span("VAR", k, k + 1, w) for k, w in enumerate(words) if w in letters and k not in taken and k > 0
             and words[k - 1].lower() == "for" and k >= 2 and is_number(words[k - 2])]
    # ("Lines A and B need 1 operator hour" with "Lines A" tagged: the capital joined to a tagged name
    # that ends in a capital names the sibling)
    ends = {sp.end for sp in spans if sp.label == "VAR" and sp.text.split()[-1] in letters}
    extra += [Span("VAR", k, k + 1, w) for k, w in enumerate(words) if w in letters and k not in taken and k >= 2
              and words[k - 1].lower() in {"and", "or"} and k - 1 in ends]
    return sorted(spans + extra, key=lambda sp: sp.start) if extra else spans


# verbs of a stock or a bound: "Farm A has 100 acres" may be a decision's own limit
_OWN_LIMIT_VERBS = frozenset("has have had owns own needs need needs requires require must can may could "
                             "should will is are".split())


def _parallel_verb_params(words: list[str], spans: list[Span]) -> list[Span]:
    """"small containers hold 50 cubic feet and cost $80, medium containers hold 120 cubic feet ..., and large
    containers hold 300 cubic feet": a number right after "<variable> <verb>", where two or more variables open
    the same verb with a number, is each one's coefficient, not a limit."""
    lower = [w.lower() for w in words]
    seq = sorted(spans, key=lambda sp: sp.start)
    var_at = {sp.end: sp for sp in seq if sp.label == "VAR"}
    frames: dict[str, set[str]] = {}
    for sp in seq:
        k = sp.start - 1
        if sp.label in {"LIMIT", "PARAM"} and k >= 1 and lower[k].isalpha() and lower[k] not in _OWN_LIMIT_VERBS \
                and k in var_at:
            frames.setdefault(lower[k], set()).add(var_at[k].text.lower())
    verbs = {v for v, names in frames.items() if len(names) >= 2}
    if not verbs:
        return spans
    return [Span("PARAM", sp.start, sp.end, sp.text) if sp.label == "LIMIT" and sp.start >= 1
            and lower[sp.start - 1] in verbs and sp.start - 1 in var_at else sp for sp in spans]


def _gapped_params(words: list[str], spans: list[Span]) -> list[Span]:
    """Gapping: "Fund A returns 5% a year, Fund B 7% a year and Fund C 11% a year" -- a number right after a
    variable's name, shaped like a coefficient that follows another variable's name in the same sentence (the same
    sign and the same two words after it), continues that list: a coefficient, not a limit."""
    lower = [w.lower() for w in words]
    seq = sorted(spans, key=lambda sp: sp.start)
    var_ends = {sp.end for sp in seq if sp.label == "VAR"}

    def shape(sp: Span) -> tuple[str, ...]:
        sign = "%" if "%" in sp.text or "percent" in lower[sp.end: sp.end + 1] else ""
        money = "$" if sp.start > 0 and lower[sp.start - 1] == "$" else ""
        return sign, money, *lower[sp.end + (sign == "%" and "%" not in sp.text): sp.end + 2]

    def sentence_of(k: int) -> int:
        return sum(w in {".", "?", "!"} for w in lower[:k])

    params = [sp for sp in seq if sp.label == "PARAM" and sp.start in var_ends]
    out = []
    for sp in seq:
        if sp.label == "LIMIT" and sp.start in var_ends and any(
                shape(p) == shape(sp) and sentence_of(p.start) == sentence_of(sp.start) for p in params):
            sp = Span("PARAM", sp.start, sp.end, sp.text)
        out.append(sp)
    return out


def _late_second_names(words: list[str], spans: list[Span]) -> list[Span]:
    """A name found only as an untagged repeat ("Full-time workers work 8 hours ...; part-time workers work 4
    hours", with only "the number of full-time workers" tagged) opens a clause another name's clause copies: the
    copy's subject is a decision too (`second_name` once more, on the repeats), and so are its later repeats."""
    from modeler.strategies.offline.mentions import second_name

    return _with_repeats(words, spans, second_name(words, spans))


# the "a night" of "$420 a night": a time a price or a rate is per
_RATE_TIMES = frozenset("night nights day days week weeks month months year years hour hours minute minutes "
                        "quarter quarters season seasons".split())


# what a number measures: "50 cubic feet", "380 calories"
_MEASURE_NOUNS = frozenset("cubic square feet foot calorie calories kcal gram grams g kg kilogram kilograms mg ml "
                           "liter liters litre litres gallon gallons ounce ounces oz lb lbs pound pounds ton tons "
                           "tonne tonnes meter meters metre metres mile miles km".split())


_RATE_WORDS = frozenset({"a", "an", "per", "each", "every"})


_MIX_VERBS = frozenset("mix mixes mixed mixing blend blends blended blending combine combines combined combining "
                       "turn turns turned process processes processed".split())


def _mixed_into(words: list[str], spans: list[Span]) -> list[Span]:
    """"A farmer mixes corn and soybean meal into chicken feed": what two or more named things are mixed
    into is the product, not one more decision; its name is no VAR anywhere in the text."""
    lower = [w.lower() for w in words]
    drop: set[str] = set()
    for sp in spans:
        k = sp.start - 1
        if sp.label != "VAR" or k < 1 or lower[k] != "into":
            continue
        a = max((j for j in range(k) if words[j] in {".", ";", "?", "!"}), default=-1) + 1
        before = [x for x in spans if x.label == "VAR" and a <= x.start and x.end <= k]
        if len(before) >= 2 and any(w in _MIX_VERBS for w in lower[a: before[0].start]):
            drop.add(" ".join(lower[sp.start: sp.end]))
    return [sp for sp in spans if not (sp.label == "VAR" and " ".join(lower[sp.start: sp.end]) in drop)]


def _rate_and_measure_nouns(words: list[str], spans: list[Span]) -> list[Span]:
    """A time right after "a / per" after a number ("costs $420 a night") is what the rate is per, and a span
    of measure words right after a number ("holds 50 cubic feet", "2,400 calories") is the number's unit:
    neither is a decision, whatever the tagger says."""
    lower = [w.lower() for w in words]
    out = []
    for sp in spans:
        if sp.label == "VAR":
            ws = lower[sp.start: sp.end]
            k = sp.start
            rate = (len(ws) == 1 and ws[0] in _RATE_TIMES and k >= 2 and lower[k - 1] in _RATE_WORDS
                    and is_number(lower[k - 2]))
            measure = all(w in _MEASURE_NOUNS for w in ws) and k >= 1 and is_number(lower[k - 1])
            if rate or measure:
                continue
        out.append(sp)
    return out


# words before a unit: "$50 per MWh", "measured in hectolitres", "How many tonnes of each"
_UNIT_BEFORE = frozenset({"per", "in", "many"})


def _per_units(words: list[str], spans: list[Span]) -> list[Span]:
    """"Gas power costs $50 per MWh" with "MWh" tagged: a tagged name right after "per" whose words,
    wherever they occur in the text, only ever follow "per", a number ("900 MWh", "10 million litres"),
    "in" ("makes ale in hectolitres") or "how many" is the unit the amounts are counted in, never a
    decision, so long as two other names are left to decide."""
    lower = [w.lower() for w in words]
    stems = [stem(w) for w in words]
    names = {tuple(stems[sp.start: sp.end]) for sp in spans if sp.label == "VAR"}
    units = set()
    for sp in spans:
        if sp.label != "VAR" or sp.start < 1 or lower[sp.start - 1] != "per":
            continue
        key = tuple(stems[sp.start: sp.end])
        n = len(key)
        hits = [k for k in range(len(words) - n + 1) if tuple(stems[k: k + n]) == key]
        if all(k >= 1 and (lower[k - 1] in _UNIT_BEFORE or is_number(lower[k - 1])) for k in hits) and any(
                _rate_of_other(lower, spans, stems, k, key) for k in hits if lower[k - 1] == "per"):
            units.add(key)
    if not units or len(names - units) < 2:
        return spans
    return [sp for sp in spans if not (sp.label == "VAR" and tuple(stems[sp.start: sp.end]) in units)]


def _rate_of_other(lower: list[str], spans: list[Span], stems: list[str], k: int, key: tuple[str, ...]) -> bool:
    """"Gas power costs $50 per MWh": the sentence of the "per" at `k` names another thing, not itself
    after "per", whose rate it is ("Profit per chair is $5" names none: there the chair is decided)."""
    ends = [j for j, w in enumerate(lower) if w in {".", "?", "!", ";"}]
    lo = max((j for j in ends if j < k), default=-1)
    hi = min((j for j in ends if j > k), default=len(lower))
    others = {tuple(stems[sp.start: sp.end]) for sp in spans if sp.label == "VAR" and not (
        sp.start >= 1 and lower[sp.start - 1] == "per")} - {key}
    return any(tuple(stems[j: j + len(o)]) == o and (j == 0 or lower[j - 1] != "per")
               for o in others for j in range(lo + 1, hi - len(o) + 1))


def _kinds_of_head(words: list[str], spans: list[Span]) -> list[Span]:
    """"is hiring full-time and part-time staff" with "part-time staff" tagged, where the text goes on to name
    "a full-time employee" and "a part-time employee": modifiers coordinated before one head name the kinds
    the other names decide; the head with the last modifier is no decision of its own."""
    lower = [w.lower() for w in words]
    firsts: dict[str, set[str]] = {}
    for sp in spans:
        if sp.label == "VAR" and sp.end - sp.start >= 2:
            firsts.setdefault(lower[sp.start], set()).add(stem(lower[sp.end - 1]))
    out = []
    for sp in spans:
        k = sp.start
        if sp.label == "VAR" and sp.end - k == 2 and k >= 2 and lower[k - 1] in {"and", "or"}:
            head = stem(lower[sp.end - 1])
            mods = (lower[k - 2], lower[k])
            if all(firsts.get(m, set()) - {head} for m in mods):
                continue
        out.append(sp)
    return out


def _portion_names(words: list[str], tagged: set[int]) -> list[Span]:
    """"Each 100 g of Crunchies has ...; each 100 g of Oat Flakes has ...", nothing tagged a name: the
    capitalised names that two or more clauses measure out by a portion ("each N g of") are what is bought."""
    lower = [w.lower() for w in words]
    out: list[Span] = []
    for k in range(len(words) - 4):
        if lower[k] in {"each", "every"} and is_number(lower[k + 1]) and lower[k + 2] in _MEASURE_NOUNS and \
                lower[k + 3] == "of":
            e = k + 4
            while e < len(words) and e - k - 4 < 3 and words[e][:1].isupper() and words[e].isalpha() and e not in tagged:
                e += 1
            if e > k + 4:
                out.append(Span("VAR", k + 4, e, " ".join(words[k + 4: e])))
    return out if len({sp.text.lower() for sp in out}) >= 2 else []


_PACKS = frozenset("box boxes pack packs bag bags carton cartons crate crates case cases tray trays jar jars "
                   "bundle bundles tin tins packet packets sack sacks bottle bottles barrel barrels bouquet bouquets".split())


def sized_names(words: list[str], spans: list[Span]) -> list[Span]:
    """"packs truffles in boxes of 9 and boxes of 16", "a 6-bottle carton ... a 12-bottle carton": a pack
    named by how many it holds, two sizes or more of one pack, is a decision each ("box of 9", "12-bottle
    carton"); its number is its name (and, for a row of what it holds, its size: `size_in_name`), no datum."""
    lower = [w.lower() for w in words]
    found: dict[str, list[tuple[int, int, str]]] = {}
    for k in range(len(words) - 1):
        if lower[k] in _PACKS and k + 2 < len(words) and lower[k + 1] == "of" and re.fullmatch(r"\d{1,3}", words[k + 2]) and (
                k + 3 >= len(words) or not words[k + 3].isalpha() or lower[k + 3] in STOP):
            found.setdefault(singular(lower[k]), []).append((k, k + 3, words[k + 2]))
        m = re.fullmatch(r"(\d{1,3})-([a-z]+)", lower[k])
        # (not a measure: "250-gram jars" and "1-kilogram jars" are sized by weight, not by what they hold)
        if m and lower[k + 1] in _PACKS and m.group(2) not in MEASURES and m.group(2) + "s" not in MEASURES and (
                m.group(2) not in {"oz", "ounce", "lb", "inch", "cm", "mm", "foot", "litre", "liter", "l"}):
            found.setdefault(singular(lower[k + 1]), []).append((k, k + 2, m.group(1)))
    # "Vendor A sells packs of 20 ... How many packs from each vendor": the decisions are the sources the
    # question asks about, each selling one pack size, not the packs
    asked = {singular(lower[k + 2]) for k in range(len(words) - 2) if lower[k] == "from" and lower[k + 1] == "each"}
    out = list(spans)
    for head, places in found.items():
        if len({n for _, _, n in places}) < 2 or asked - {head}:
            continue
        for a, b, _ in places:
            if any(sp.label == "VAR" and sp.start == a and sp.end == b for sp in out):
                continue
            out = [sp for sp in out if sp.end <= a or sp.start >= b] + [Span("VAR", a, b, " ".join(words[a:b]))]
    return sorted(out, key=lambda sp: sp.start)


_COUNTS = {"two": 2, "three": 3, "four": 4, "2": 2, "3": 3, "4": 4}
_OFFERS = frozenset("sells sell makes make offers offer produces produce mixes mix blends blend bottles bakes "
                    "brews brew has roast roasts prepare prepares create creates".split())


def composed_names(words: list[str], spans: list[Span]) -> list[Span]:
    """"She sells two blends. Morning blend is 80% black tea and 20% green tea ... Twilight blend is 40%
    black and 60% green": the products the text counts ("two blends") are the ones named by a capitalised
    word before that head; what they are made of ("black tea"), though tagged, is what they use, not a
    decision (the products made of ingredients)."""
    lower = [w.lower() for w in words]
    for k in range(len(words) - 2):
        if lower[k] not in _OFFERS or lower[k + 1] not in _COUNTS or not lower[k + 2].isalpha():
            continue
        n, head = _COUNTS[lower[k + 1]], singular(lower[k + 2])
        found: dict[str, list[int]] = {}
        for j in range(len(words) - 1):
            if singular(lower[j + 1]) != head or not words[j].isalpha() or lower[j] in STOP or lower[j] in _NOT_CAPS:
                continue
            # a capitalised name ("Morning blend"), or "the house blend is 70% arabica": a lower-case one
            # that a definition follows
            defined = j >= 1 and lower[j - 1] in {"the", "our", "my"} and j + 3 < len(words) and lower[j + 2] in {
                "is", "contains", "has"} and is_number(words[j + 3])
            if words[j][:1].isupper() or defined:
                found.setdefault(lower[j], []).append(j)
        if len(found) != n:
            continue
        named = {j for js in found.values() for j in js}
        out = [sp for sp in spans if not (sp.label == "VAR" and head not in {singular(w) for w in lower[sp.start: sp.end]})
               and not any(sp.start <= j + 1 and j < sp.end for j in named)]
        out += [Span("VAR", j, j + 2, " ".join(words[j: j + 2])) for j in sorted(named)]
        return sorted(out, key=lambda sp: sp.start)
    return spans


_NOT_CAPS = frozenset("each every our my their its this that these those which what how both either".split())


def size_in_name(text: str) -> float | None:
    """The size a pack's name says ("box of 9": 9, "12-bottle carton": 12)."""
    m = re.search(r"\bof (\d{1,3})$", text.lower()) or re.match(r"(\d{1,3})-[a-z]+ ", text.lower())
    return float(m.group(1)) if m else None


def _source_names(words: list[str], spans: list[Span]) -> list[Span]:
    """"from a gas plant and a solar farm ... Gas power costs $50 and solar power costs $70": where two or more
    modifiers each name one decision with one shared head ("gas power", "solar power") and a tagged name with
    another head ("solar farm"), that other name is where the decision comes from: it names the same decision,
    by its modifier alone."""
    lower = [w.lower() for w in words]
    two = [sp for sp in spans if sp.label == "VAR" and sp.end - sp.start == 2]
    heads: dict[str, set[str]] = {}
    for sp in two:
        heads.setdefault(stem(lower[sp.end - 1]), set()).add(lower[sp.start])
    shared = [h for h, mods in heads.items() if len(mods) >= 2]
    if len(shared) != 1:
        return spans
    mods = heads[shared[0]]
    names = {(lower[sp.start], stem(lower[sp.end - 1])) for sp in spans if sp.label == "VAR"}
    if any(len(sp.text.split()) != 2 or lower[sp.start] not in mods for sp in spans if sp.label == "VAR"):
        return spans
    # (named as a source somewhere: "from a gas plant and a solar farm")
    sources = {(lower[sp.start], stem(lower[sp.end - 1])) for sp in spans if sp.label == "VAR" and "from" in (
        ws := lower[max(0, sp.start - 6): sp.start]) and not {".", ";", "?", "!"} & set(ws[ws.index("from"):])}
    out = []
    for sp in spans:
        name = (lower[sp.start], stem(lower[sp.end - 1]))
        if sp.label == "VAR" and name[1] != shared[0] and (name[0], shared[0]) in names and name in sources:
            sp = Span("VAR", sp.start, sp.start + 1, words[sp.start])
        out.append(sp)
    return out


def _unit_from(words: list[str], spans: list[Span]) -> list[Span]:
    """"Each megawatt-hour from gas costs $45" with "megawatt-hour from gas" tagged, where the question asks
    "How many megawatt-hours should come from each source": the unit the question counts is not the name;
    where it comes from is ("gas")."""
    lower = [w.lower() for w in words]
    asked = {singular(c) for a, b, c in zip(lower, lower[1:], lower[2:], strict=False) if (a, b) == ("how", "many")}
    out = []
    for sp in spans:
        if sp.label == "VAR" and sp.end - sp.start >= 3 and lower[sp.start + 1] == "from" and \
                singular(words[sp.start]) in asked:
            sp = Span("VAR", sp.start + 2, sp.end, " ".join(words[sp.start + 2: sp.end]))
        out.append(sp)
    return out


def _named_again(words: list[str], a: int, e: int) -> bool:
    """The words at a..e stand again elsewhere in the text (a plural aside)."""
    name = [singular(w) for w in words[a:e]]
    m = e - a
    return any([singular(w) for w in words[k: k + m]] == name for k in range(len(words) - m + 1) if k != a)


_HEAD_BEFORE = frozenset({"of"})


def _head_repeats(words: list[str], names: set[tuple[str, ...]], tagged: set[int],
                  starts: set[int] = frozenset()) -> list[Span]:
    """"private tutoring at $40 per hour ... Every hour of tutoring", "a pack of wax melts ... a pack of melts": a
    two-word name's head alone, after "of", names it again when no other name holds that head (nor is it a
    container or a measure). ("each shift" after "expert shifts" is the period, not the name: "of" only.)
    So does the head in a parallel frame, "<number> <word> <head>" where a name starts after "<number> <word>"
    too ("$40,000 for solar and $70,000 for storage" of "battery storage")."""
    out: list[Span] = []
    lowered = [singular(w) for w in words]
    frames = {words[j - 1].lower() for j in starts if j >= 2 and is_number(words[j - 2]) and words[j - 1].isalpha()}
    for n in names:
        if len(n) != 2:
            continue
        head = n[-1]
        # (a word that mostly serves as a verb ends a name as its noun: "fresh produce" ... "5 tonnes of produce")
        if head in _NOT_NAMES - STOP or len(head) < 3 or head in {singular(c) for c in CONTAINERS} or any(
                o != n and head in o for o in names):
            continue
        for k in range(1, len(words)):
            if lowered[k] == head and k not in tagged and (words[k - 1].lower() in _HEAD_BEFORE or (
                    k >= 2 and is_number(words[k - 2]) and words[k - 1].lower() in frames) or _has_amount(words, k)):
                out.append(Span("VAR", k, k + 1, words[k]))
                tagged.add(k)
    return out


_HAS = frozenset("has contains gives provides holds needs takes costs".split())


def _has_amount(words: list[str], k: int) -> bool:
    """"A wrap has 28 g of protein" (of "chicken wraps"): the word at k opens its clause after an article, and
    what it has, an amount, follows. So "$200 profit on every console sold" (of "video-game consoles"): the
    unit a rate is per, closing its phrase."""
    if words[k - 1].lower() not in {"a", "an", "each", "every"}:
        return False
    if words[k - 1].lower() in {"each", "every"} and (k + 1 == len(words) or words[k + 1] in {
            ".", ",", ";", "?", "!"} or words[k + 1].lower() in _SOLD):
        return True
    return k + 2 < len(words) and words[k + 1].lower() in _HAS and (is_number(words[k + 2]) or words[k + 2] == "$")


_SOLD = frozenset("sold made produced built installed delivered shipped".split())


def _modifier_repeats(words: list[str], names: set[tuple[str, ...]], tagged: set[int]) -> list[Span]:
    """"jar candles and tealight candles ... $6 per box of tealights": the converse of `_head_repeats`, a
    two-word name whose head another name shares is said again by its modifier alone, after a container and
    "of" ("box of", not the measure of an ingredient: "300 grams of beeswax" beside "beeswax candles") and with
    no noun after it ("kg of milk powder" is not "milk chocolate"), when no other name holds that modifier."""
    out: list[Span] = []
    lowered = [singular(w) for w in words]
    for n in names:
        if len(n) != 2 or not any(o != n and o[-1] == n[-1] for o in names):
            continue
        mod = n[0]
        if mod in _NOT_NAMES or len(mod) < 3 or not mod.isalpha() or mod in {singular(c) for c in CONTAINERS} or any(
                o != n and mod in o for o in names):
            continue
        for k in range(1, len(words)):
            if lowered[k] == mod and k not in tagged and words[k - 1].lower() in _HEAD_BEFORE and k >= 2 and (
                    words[k - 2].lower() in CONTAINERS - MEASURES) and (
                    k + 1 >= len(words) or not words[k + 1].isalpha() or words[k + 1].lower() in STOP):
                out.append(Span("VAR", k, k + 1, " ".join(words[k:k + 1])))
                tagged.add(k)
    return out


_NEED_VERBS = frozenset("need needs take takes use uses require requires cost costs get gets".split())


def _modifier_plurals(words: list[str], names: set[tuple[str, ...]], tagged: set[int]) -> list[Span]:
    """"flu patients, injury patients and checkup patients ... injuries need 20 minutes ..., and checkups: 15
    minutes": a two-word name whose head another name shares, said again by its modifier made plural (a
    modifier is never plural, so the word is the noun the name stands for)."""
    out: list[Span] = []
    for n in names:
        if len(n) != 2 or not any(o != n and o[-1] == n[-1] for o in names) or any(o != n and n[0] in o for o in names):
            continue
        for k, w in enumerate(words):
            low = w.lower()
            if k in tagged or not low.isalpha() or low == n[0] or singular(low) != n[0] or (
                    k + 1 < len(words) and singular(words[k + 1].lower()) == n[1]):
                continue
            # (as the subject of a clause of figures only: not "the boats can make at most 10 trips")
            if (k and words[k - 1].lower() not in {",", ";", ".", "and", ":"}) or k + 1 >= len(words) or (
                    words[k + 1].lower() not in _NEED_VERBS | {":"}):
                continue
            out.append(Span("VAR", k, k + 1, w))
            tagged.add(k)
    return out


def _shorthand_siblings(words: list[str], var_spans: list[Span], tagged: set[int]) -> list[Span]:
    """"the floral and healthcare industries ... every dollar invested in floral returns $1.3, every dollar in
    healthcare $1.5": where one of two names that share a head ("floral industry", "healthcare industry") is said
    by its modifier alone, the writer shortens its sibling the same way; the sibling's modifier alone, untagged,
    after the same word as the tagged shorthand ("in"), names it too."""
    names = {tuple(singular(w.lower()) for w in sp.text.split()) for sp in var_spans}
    short = [sp for sp in var_spans if sp.end - sp.start == 1 and sp.start >= 1]
    out: list[Span] = []
    lowered = [singular(w.lower()) for w in words]
    for sp in short:
        mine = singular(sp.text.lower())
        heads = {n[-1] for n in names if len(n) == 2 and n[0] == mine}
        frame = words[sp.start - 1].lower()
        for n in names:
            mod = n[0]
            if len(n) != 2 or n[-1] not in heads or mod == mine or mod in _NOT_NAMES or len(mod) < 3 or any(
                    o != n and mod in o for o in names):
                continue
            for k in range(1, len(words)):
                if lowered[k] == mod and k not in tagged and words[k - 1].lower() == frame and (
                        k + 1 >= len(words) or lowered[k + 1] != n[-1]):
                    out.append(Span("VAR", k, k + 1, words[k]))
                    tagged.add(k)
    return out


def _parallel_numbers(words: list[str], spans: list[Span]) -> list[Span]:
    """"algebra questions worth 1 point each and calculus questions worth 3 points each" with only the 3
    tagged: an untagged number between the same two words as a tagged coefficient (the unit's plural
    aside) is a coefficient too, outside sentences that state limits ("his inventory of ten wired
    earbuds": a limit, left to other rules)."""
    taken = {k for sp in spans for k in range(sp.start, sp.end)}
    ends = [k for k, w in enumerate(words) if w in {".", "?", "!"}]

    def sent(k: int) -> int:  # the sentence of word k
        return bisect.bisect_left(ends, k)

    limit_sents = {sent(sp.start) for sp in spans if sp.label in {"LIMIT", "CONST_DIR"}}
    frames = {(words[sp.start - 1].lower(), stem(words[sp.end])) for sp in spans
              if sp.label == "PARAM" and sp.end - sp.start == 1 and 0 < sp.start and sp.end < len(words)
              and words[sp.end].isalpha()}
    # ("each algebra question is worth 1 point and each calculus question 3 points": a worth said once, the
    # second number gapped; the unit in the same sentence is enough)
    units = {(sent(sp.start), stem(words[sp.end])) for sp in spans if sp.label == "PARAM"
             and sp.end < len(words) and words[sp.end].isalpha()}
    out = list(spans)
    for k in range(1, len(words) - 1):
        if k not in taken and is_number(words[k]) and sent(k) not in limit_sents and (
                (words[k - 1].lower(), stem(words[k + 1])) in frames or (
                words[k - 1].lower() == "worth" and (sent(k), stem(words[k + 1])) in units)):
            out.append(Span("PARAM", k, k + 1, words[k]))
    return sorted(out, key=lambda sp: sp.start)


# words that open a list of what is decided: a verb taking the list as its object, or a preposition
_LIST_OPENERS = frozenset("in between among from into using use uses with of make makes produce produces manufacture "
                          "manufactures sell sells buy buys grow grows plant plants burn burns hire hires employ employs "
                          "stock stocks offer offers bake bakes brew brews build builds rent rents run runs operate "
                          "operates ship ships mix mixes blend blends serve serves raise raises breed breeds print prints "
                          "assemble assembles cook cooks prepare prepares purchase purchases order orders melt melts "
                          "process processes refine refines import imports export exports transport transports carry "
                          "carries sow sows feed feeds sew sews".split()) | {":"}


_ARTICLES = frozenset({"a", "an", "the"})


def _list_item_ok(ws: list[str], letters: bool) -> bool:
    """Plain words that can name an item of a list (a lone capital letter where the list names by letters)."""
    if not ws or len(ws) > 3:
        return False
    if letters and len(ws) == 1 and len(ws[0]) == 1 and ws[0].isupper():
        return True
    return all((w.isalpha() or "-" in w) and w.lower() not in _NOT_NAMES and not is_number(w) for w in ws)


def _list_items(words: list[str], var_spans: list[Span], tagged: set[int], params: set[int]) -> list[Span]:
    """"burns wood pellets, biogas and heating oil", "produces rockets, fountains and sparkler boxes": every
    item of a comma list ("X, Y and Z", three items or more) in which the tagger found one name is a name,
    as is every item of such a list followed in its sentence by as many coefficients (`params`: their
    first tokens) and "respectively" ("draws
    water from a reservoir, a river and a desalination plant at $0.20, $0.35 and $1.10 per cubic meter,
    respectively"), whatever the tagger found."""
    lower = [w.lower() for w in words]
    n = len(words)
    out: list[Span] = []
    taken = tagged  # (updated in place, as by the other finders)
    done: set[int] = set()

    def add(items: list[tuple[int, int]]) -> None:
        for a2, e2 in sorted(items):
            done.add(a2)
            if not any(x in taken for x in range(a2, e2)):
                out.append(Span("VAR", a2, e2, " ".join(words[a2:e2])))
                taken.update(range(a2, e2))

    for sp in sorted(var_spans, key=lambda x: x.start):
        if sp.start in done:
            continue
        sent_a = max((k for k in range(sp.start) if words[k] in {".", "?", "!", ";"}), default=-1) + 1
        sent_e = next((k for k in range(sp.end, n) if words[k] in {".", "?", "!", ";"}), n)
        # the list's conjunction: right before the tagged item (the last) or after it
        conj = next((k for k in range(sp.start - 1, sent_a - 1, -1) if lower[k] in {"and", "or"}), None)
        if conj is None or conj < sp.start - 1:
            conj = next((k for k in range(sp.end, min(sent_e, sp.end + 12)) if lower[k] in {"and", "or"}), None)
        items = _list_around(words, conj, sent_a, sent_e) if conj is not None else None
        if items and any(any(x.start <= a2 < x.end or a2 <= x.start < e2 for x in var_spans) for a2, e2 in items):
            add(items)
    # a "respectively" sentence: its first list, when as many numbers follow it
    starts = _sentence_starts(words)
    for sent_a in starts:
        sent_e = next((k for k in range(sent_a, n) if words[k] in {".", "?", "!", ";"}), n)
        if "respectively" not in lower[sent_a: sent_e] or any(sent_a <= x.start < sent_e for x in var_spans):
            continue
        conj = next((k for k in range(sent_a, sent_e) if lower[k] in {"and", "or"}), None)
        items = _list_around(words, conj, sent_a, sent_e) if conj is not None else None
        # (coefficients, not "requirements of dye, thinner, and oil ... are 10, 12 and 15 units, respectively")
        if items and sum(1 for k in range(max(e2 for _, e2 in items), sent_e) if k in params) == len(items):
            add(items)
    for sent_a in starts:
        sent_e = next((k for k in range(sent_a, n) if words[k] in {".", "?", "!", ";"}), n)
        if "respectively" in lower[sent_a: sent_e]:
            add(_clause_list_objects(words, var_spans, params, sent_a, sent_e))
    return out


_OBJECT_DETERMINERS = _ARTICLES | {"its", "their", "his", "her", "our"}
_OBJECT_ENDS = frozenset("under at for from in on with by to of per".split())


def _clause_list_objects(words: list[str], var_spans: list[Span], params: set[int], sent_a: int,
                         sent_e: int) -> list[tuple[int, int]]:
    """"It can buy from the grid, run its diesel generators, or take power from a solar farm under contract,
    at $95, $160 and $70 per MWh respectively": a list of verb phrases, one clause per comma and the last
    after "and" / "or", each ending on its object (the words after its last article or possessive, up to a
    preposition), with as many coefficients after it as clauses, before "respectively". When one object is
    a tagged name, every clause's object names a decision."""
    lower = [w.lower() for w in words]
    first = next((k for k in range(sent_a, sent_e) if k in params), None)
    if first is None:
        return []
    # the clauses: comma-separated runs before the first coefficient's run (a "$" or "at" may open it)
    cut = max((k for k in range(sent_a, first) if words[k] == ","), default=None)
    if cut is None:
        return []
    clauses: list[tuple[int, int]] = []
    a = sent_a
    for k in range(sent_a, cut + 1):
        if words[k] == ",":
            clauses.append((a, k))
            a = k + 1
    if len(clauses) < 2 or lower[clauses[-1][0]] not in {"and", "or"}:
        return []
    if sum(1 for k in range(cut, sent_e) if k in params) != len(clauses):
        return []
    objects: list[tuple[int, int]] = []
    for a2, e2 in clauses:
        det = max((k for k in range(a2, e2) if lower[k] in _OBJECT_DETERMINERS), default=None)
        if det is None:
            return []
        b = det + 1
        e = b
        while e < e2 and lower[e] not in _OBJECT_ENDS:
            e += 1
        if not _list_item_ok(words[b:e], False):
            return []
        objects.append((b, e))
    if not any(any(x.start <= b < x.end or b <= x.start < e for x in var_spans) for b, e in objects):
        return []
    return objects


def _list_around(words: list[str], conj: int, sent_a: int, sent_e: int) -> list[tuple[int, int]] | None:
    """The items (token ranges, articles aside) of the comma list whose conjunction is at `conj`, when it
    has three or more plain items: the first runs back (one or two words) to a word that opens such a
    list, a verb taking it as its object ("burns", "hires") or a preposition ("from", "between"); the last
    runs to the first word that cannot name (a function word, a number, punctuation)."""
    lower = [w.lower() for w in words]
    n = len(words)
    # the last item: after the conjunction up to a word that cannot name
    b = conj + 1
    while b < sent_e and lower[b] in _ARTICLES:
        b += 1
    e = b
    while e < sent_e and e - b < 3 and (words[e].isalpha() or "-" in words[e]) and lower[e] not in _NOT_NAMES:
        e += 1
    if e == b and not (b < n and len(words[b]) == 1 and words[b].isupper()):
        return None
    if e == b:
        e = b + 1
    items = [(b, e)]
    # earlier items, back from the conjunction: ", item" runs (an optional "," before the conjunction)
    k = conj - 1
    if k >= 0 and words[k] == ",":
        k -= 1
    while k >= sent_a:
        e2 = k + 1
        a2 = e2
        while a2 > sent_a and words[a2 - 1] not in {",", ".", ";", ":"} and e2 - a2 < 4:
            a2 -= 1
        if a2 == sent_a or words[a2 - 1] != ",":
            break
        items.append((a2, e2))
        k = a2 - 2
    # the first item: one or two words after a list opener (an article aside); without one, the list
    # needs three items after it ("three drinks, A, B and C")
    for m in (2, 1):
        a2 = k + 1 - m
        if a2 < sent_a + 1:
            continue
        before = a2 - 1
        if lower[before] in _ARTICLES:
            before -= 1
        if m == 2 and lower[a2] in _LIST_OPENERS - {"use", "uses"} and _list_item_ok(words[a2 + 1: k + 1], False):
            continue  # "to plant with maize, soybeans and ...": the opener is "with", the item one word
        if before >= 0 and lower[before] in _LIST_OPENERS and not any(lower[x] in _ARTICLES for x in range(a2, k + 1)):
            # "two types of donuts, regular and jelly-filled": a counted first item is the category
            # the rest name, not an item
            # (an amount of money is no count: "invest $200,000 in bonds, dividend stocks and ...")
            if _list_item_ok(words[a2: k + 1], False) and not any(
                    is_number(words[j]) and words[j - 1] != "$" for j in range(max(0, a2 - 3), a2)):
                items.append((a2, k + 1))
            break
    if len(items) < 3:
        return None
    items = [(a2 + 1 if lower[a2] in _ARTICLES and e2 > a2 + 1 else a2, e2) for a2, e2 in items]
    letters = sum(1 for a2, e2 in items if e2 - a2 == 1 and len(words[a2]) == 1 and words[a2].isupper()) >= 2
    if not all(_list_item_ok(words[a2:e2], letters) for a2, e2 in items):
        return None
    return items


def _list_middles(words: list[str], var_spans: list[Span], tagged: set[int]) -> list[Span]:
    """"on planes, blimps, and hot air balloons" with "planes" and "air balloons" tagged: the plain words
    between two tagged names of one list ("VAR, X, and VAR", "VAR, X or VAR") name another item. The
    later name may begin with an untagged word of its own ("hot")."""
    out: list[Span] = []
    spans = sorted(var_spans, key=lambda sp: sp.start)
    for a, b in zip(spans, spans[1:], strict=False):
        between = [w.lower() for w in words[a.end: b.start]]
        if len(between) < 3 or between[0] != ",":
            continue
        k = 1
        while k < len(between) and k <= 3 and between[k] not in {",", "and", "or"}:
            k += 1
        item = words[a.end + 1: a.end + k]
        rest = between[k:]
        if rest[:1] == [","]:
            rest = rest[1:]
        if not item or len(item) > 2 or rest[:1] not in (["and"], ["or"]) or len(rest) > 2:
            continue
        if not all(w.isalpha() and w.lower() not in _NOT_NAMES for w in item + words[b.start - len(rest) + 1: b.start]):
            continue
        start = a.end + 1
        if any(j in tagged for j in range(start, start + len(item))):
            continue
        out.append(Span("VAR", start, start + len(item), " ".join(item)))
        tagged.update(range(start, start + len(item)))
    return out


_BARE_LIST_ENDS = frozenset("each every per daily weekly monthly at for in on to from with".split())


def _bare_lists(words: list[str], var_spans: list[Span], tagged: set[int]) -> list[Span]:
    """"A workshop makes chairs, tables, desks, beds, stools, benches." with every item tagged but
    "benches": a list joined by commas alone, no "and" or "or" (which `_list_items` and `_list_middles`
    need), of three or more tagged names, each item a few plain words, ending where its clause does. Its
    untagged items (at most half as many as the tagged ones) are names too. The tagger learnt lists that
    end in "and X", so it tends to miss the last item of a list that does not."""
    lower = [w.lower() for w in words]
    n = len(words)
    at = {sp.start: sp for sp in var_spans}
    out: list[Span] = []
    seen: set[int] = set()
    for sp in sorted(var_spans, key=lambda x: x.start):
        if sp.start in seen or sp.end - sp.start > 3:
            continue
        items = [(sp.start, sp.end, True)]
        k = sp.end
        while k < n and words[k] == ",":
            b = k + 1
            if b in at and at[b].end - b <= 3:
                items.append((b, at[b].end, True))
                k = at[b].end
                continue
            e = b
            while (e < n and e - b < 3 and e not in tagged and (words[e].isalpha() or "-" in words[e])
                   and lower[e] not in _NOT_NAMES):
                e += 1
            if e == b:
                break
            items.append((b, e, False))
            k = e
        seen.update(a for a, _, _ in items)
        named = sum(1 for *_, t in items if t)
        unnamed = [(a, e) for a, e, t in items if not t]
        if named < 3 or not unnamed or len(unnamed) > named // 2:
            continue
        if k < n and words[k] not in {".", ";", "?", "!"} and lower[k] not in _BARE_LIST_ENDS:
            continue  # the list runs on ("..., benches and stools"): not a bare list
        for a, e in unnamed:
            if _list_item_ok(words[a:e], False):
                out.append(Span("VAR", a, e, " ".join(words[a:e])))
                tagged.update(range(a, e))
    return out


_POSSESSIVE_OPENERS = frozenset("its their his her our with using".split())


def _list_firsts(words: list[str], var_spans: list[Span], tagged: set[int]) -> list[Span]:
    """"for its trawlers, longliners and gillnet boats", "trips with motorbikes, vans, and trucks" with the
    last two tagged: the plural noun that opens the list, right after a possessive or "with" / "using",
    names another item ("two juices, Juice A and Juice B" or "types of donuts, regular and jelly-filled"
    open with the category instead, after a number or "of")."""
    out: list[Span] = []
    spans = sorted(var_spans, key=lambda sp: sp.start)
    for a, b in zip(spans, spans[1:], strict=False):
        between = [w.lower() for w in words[a.end: b.start]]
        if between not in (["and"], [",", "and"], ["or"], [",", "or"]) or a.start < 3 or words[a.start - 1] != ",":
            continue
        k = a.start - 2
        if _plural_noun(words[k]) and words[k].lower() not in _NOT_NAMES and words[k - 1].lower() in _POSSESSIVE_OPENERS \
                and k not in tagged:
            out.append(Span("VAR", k, k + 1, words[k]))
            tagged.add(k)
    return out


def _plural_noun(w: str) -> bool:
    """One word that reads as a plural noun ("sofas", "longliners"), not an adjective ("black", "various")."""
    lw = w.lower()
    return lw.isalpha() and len(lw) > 3 and lw.endswith("s") and not lw.endswith(("ss", "ous", "us", "is"))


def _shared_heads(words: list[str], spans: list[Span]) -> list[Span]:
    """"black and blue shoes": the first name of the pair shares the second's head noun ("black shoes"),
    so that "125 shoes" later counts both rather than naming the one whose name ends in "shoes"."""
    out = list(spans)
    for i, (a, b) in enumerate(zip(spans, spans[1:], strict=False)):
        if a.label != "VAR" or b.label != "VAR" or a.end - a.start != 1 or b.end - b.start < 2:
            continue
        if b.start != a.end + 1 or words[a.end].lower() not in {"and", "or"}:
            continue
        head = words[b.end - 1]
        # a plural first name is a whole name ("rockets, fountains and sparkler boxes", "sofas and group
        # tables"), not an adjective
        if (a.text.lower().endswith("s") and singular(a.text) != a.text.lower()) or _plural_noun(a.text) or (
                _no_shared_head(words, a, b)):
            # "her Statistics and History exams ... each hour on Statistics ... each hour on History": the
            # first name stands whole, the pair shares the head "exams", and where the text names the second
            # alone later too, its name is its own words without that head (people drop the head once both
            # are introduced)
            lower = [w.lower() for w in words]
            own = lower[b.start: b.end - 1]
            alone = [k for k in range(b.end, len(words)) if lower[k: k + len(own)] == own and (
                k + len(own) >= len(words) or lower[k + len(own)] != head.lower())]
            # (not "margherita and pepperoni pizzas ... A pepperoni pizza uses ... 80 g of pepperoni": a name
            # the text says whole again keeps its head, and its words alone are something else)
            again = any(lower[k: k + len(own)] == own and k + len(own) < len(words) and singular(
                lower[k + len(own)]) == singular(head.lower()) for k in range(b.end, len(words)))
            if own and not again and all(w.isalpha() and w not in STOP for w in own) and alone and any(
                    lower[k] == a.text.lower() for k in range(b.end, len(words))):
                out[i + 1] = Span("VAR", b.start, b.end - 1, " ".join(words[b.start: b.end - 1]))
                taken = {j for x in spans for j in range(x.start, x.end)}
                out += [Span("VAR", k, k + len(own), " ".join(words[k: k + len(own)])) for k in alone
                        if not taken & set(range(k, k + len(own)))]
            continue
        if head.lower() != a.text.lower() and head.isalpha() and not words[b.start][:1].isupper():
            # all of the second name after its first word: "small or large production lines" -> "small
            # production lines"
            out[i] = Span("VAR", a.start, a.end, " ".join([a.text, *words[b.start + 1: b.end]]))
    return sorted(out, key=lambda sp: sp.start)


def _no_shared_head(words: list[str], a: Span, b: Span) -> bool:
    """"Product X and product Y": a lone letter is a whole name, no head ("X Y"); "oatmeal and peanut butter" with
    "100 grams of oatmeal" elsewhere: a first name the text uses alone, before no noun of the second name's, and never
    with the second name's head ("oatmeal butter"), is a whole name too."""
    last = words[b.end - 1]
    if len(last) == 1 and last.isupper():
        return True
    lower = [w.lower() for w in words]
    word, rest = lower[a.start], lower[b.start + 1: b.end]
    if any(lower[k] == word and [singular(w) for w in lower[k + 1: k + 1 + len(rest)]] == [singular(w) for w in rest]
           for k in range(len(words))):
        return False  # "cheese and pepperoni pizza ... Each cheese pizza": the shared name is used
    return any(lower[k] == word and lower[k + 1: k + 1 + len(rest)] != rest and (k + 1 >= len(words) or not (
        lower[k + 1].isalpha() and lower[k + 1] not in STOP)) for k in range(len(words)) if k != a.start)


_CLAUSE_OPEN = frozenset({".", "?", "!", ";", ",", "and", "while", "whereas", "but"})


_PRONOUNS = frozenset("he she they it we you i someone everyone".split())


_FRAME_STOP = STOP - {"each", "a", "an", "the", "one", "every", "per", "of", "in", "at", "on", "for"}


def _parallel_mentions(words: list[str], var_spans: list[Span], tagged: set[int]) -> list[Span]:
    """Names the tagger missed in clauses built like one where it found a variable: "Each dryer takes 10
    minutes" names "washing machine" in "Each washing machine takes 20 minutes", "Model A can make 10
    pizzas" names "Model B" in "Model B can make 8 pizzas". The frame is the clause's opening words
    before the name and the two words after it (any number alike); the name between (1-3 words) must be
    plain words, not a pronoun."""
    # the frame's opening words as they matter: "a" and "an" alike, any container alike ("A cup of kibble
    # has" frames "A can of wet food has")
    lower = ["a" if w.lower() == "an" else "<unit>" if w.lower() in CONTAINERS else w.lower() for w in words]
    n = len(words)
    opens = [0] + [k + 1 for k, w in enumerate(lower) if w in _CLAUSE_OPEN and k + 1 < n]
    def after(k: int) -> tuple[str, str]:  # the verb after a name and the word after it (a number as such)
        nxt = lower[k + 1] if k + 1 < n else ""
        return lower[k], "<num>" if is_number(nxt) or nxt == "$" else nxt

    frames: dict[tuple[tuple[str, ...], tuple[str, str]], None] = {}  # in text order, whatever the hash seed
    for sp in var_spans:
        a = max((o for o in opens if o <= sp.start), default=0)
        left = tuple(lower[a: sp.start])
        end = sp.end
        # "A hand crew with chainsaws clears 0.3 hectares": what the name has is no part of the frame
        if sp.end + 3 < n and lower[end] == "with":
            end = next((end + 1 + m for m in (1, 2) if all(
                w.isalpha() and w not in STOP for w in lower[end + 1: end + 1 + m]) and after(end + 1 + m)[1] == "<num>"),
                end)
        if len(left) > 4 or end >= n or not words[end].isalpha() or lower[end] in _FRAME_STOP - {
                "takes", "requires", "needs", "costs", "contains", "uses", "produces", "gives", "yields", "can",
                "makes", "has", "earns"}:
            continue
        frames[(left, after(end))] = None
    out: list[Span] = []
    taken = set(tagged)
    for a in opens:
        for left, verb in frames:
            b = a + len(left)
            if tuple(lower[a:b]) != left:
                continue
            if b + 2 < n and lower[b] == "<unit>" and lower[b + 1] == "of" and "<unit>" not in left:
                # what one unit comes in, before the name: "a batch of 1,000 printed flyers costs $120"
                b += 2 + is_number(words[b + 2])
            for m in (1, 2, 3):
                e = b + m
                if e >= n or after(e) != verb:
                    continue
                s = b + 2 if m == 3 and lower[b] in _PRONOUNS and words[b + 1].islower() else b
                # ("[We sell] electricity at $90" framed by "heat at $40": who sells and the verb open the
                # clause, the name is what they sell)
                name = words[s:e]
                if any(k in taken for k in range(s, e)) or not all(w.isalpha() or "-" in w for w in name) or (
                        name[-1].lower() in _NOT_NAMES | _PRONOUNS) or any(w.lower() in STOP for w in name):
                    break
                out.append(Span("VAR", s, e, " ".join(name)))
                taken.update(range(s, e))
                break
    return out


# the verbs before where something is sold or made ("sold at a juice store"; not "a film at the local cinema")
_SOLD_AT = frozenset("sold bought served offered made produced baked brewed".split())

# who decides, not what is decided: "A toy company ...", "The mall ...", "the hardware section". Weak ones
# are decisions too at times ("gaming stations", "students" hired) and stay when numbers measure them.
_ACTORS = frozenset(stem(w) for w in (
    "company companies factory firm manufacturer business corporation owner person government team section office "
    "department man woman family household organization agency authority broadcaster").split())


_WEAK_ACTORS = frozenset(stem(w) for w in (
    "shop store farmer supplier mall bakery hospital restaurant patient zoo clinic lab laboratory "
    "university school city distributor seller student professor club station resort center centre park theatre "
    "theater cinema arena hotel venue stadium kitchen diner cafe gym pharmacy grocery bank fund").split())


_AMOUNT = frozenset("amount amounts quantity quantities content concentration level levels".split())


def _available_for(r: Reading, p: int) -> bool:
    """"The laser cutter is available for 100 minutes and the press for 110 minutes": the mention at p is
    what is available for an amount of time, its verb said or left out, or what time is spent on ("needs 1
    minute on the press")."""
    back = [w.lower() for w in r.words[max(0, p - 4): p]]
    if back[-1:] == ["the"]:
        back = back[:-1]
    if len(back) >= 3 and back[-1] == "on" and is_number(back[-3]) and stem(back[-2]) in _TIME_STEMS:
        return True
    e = next((sp.end for sp in r.spans if sp.label == "VAR" and sp.start == p), p + 1)
    nxt = [w.lower() for w in r.words[e: e + 5]]
    if nxt[:2] in (["is", "available"], ["are", "available"]):
        nxt = nxt[2:]
    return len(nxt) >= 3 and nxt[0] == "for" and is_number(nxt[1]) and stem(nxt[2]) in _TIME_STEMS


_TIME_STEMS = frozenset(stem(w) for w in "minutes minute hours hour days day weeks week".split())


def _held_in(r: Reading, p: int, var: int) -> bool:
    """The mention at p is what another variable holds: "the amount of pain killer and fever reliever in
    drug A" (the mention alone or in a list of mentions, between "amount of" and "in <another
    variable>")."""
    ends = {sp.start: sp.end for sp in r.spans if sp.label == "VAR"}
    starts = {sp.end: sp.start for sp in r.spans if sp.label == "VAR"}
    a, e = p, ends.get(p, p + 1)
    while e + 1 < len(r.words) and r.words[e].lower() in {"and", ","} and e + 1 in ends:
        e = ends[e + 1]
    while a >= 2 and r.words[a - 1].lower() in {"and", ","} and a - 1 in starts:
        a = starts[a - 1]
    if a < 2 or r.words[a - 1].lower() != "of" or r.words[a - 2].lower() not in _AMOUNT:
        return False
    if e >= len(r.words) or r.words[e].lower() != "in":
        return False
    k = e + 1
    while k < len(r.words) and r.words[k].lower() in {"the", "a", "an", "each", "one"}:
        k += 1
    return r.mention_var.get(k, var) != var


def _listed_with(r: Reading, v: Variable) -> bool:
    """A mention of v stands in an "X and Y" / "X, Y" / "X or Y" list with another variable's mention."""
    glue = {"and", "or", ","}
    for p in v.positions:
        end = next((sp.end for sp in r.spans if sp.start == p and sp.label == "VAR"), p + 1)
        k = end
        while k < len(r.words) and k - end < 2 and r.words[k].lower() in glue:
            k += 1
        if k > end and r.mention_var.get(k, v.index) != v.index:
            return True
        k = p
        while k > 0 and p - k < 2 and r.words[k - 1].lower() in glue:
            k -= 1
        if k < p and any(sp.label == "VAR" and sp.end == k and r.mention_var.get(sp.start, v.index) != v.index
                         for sp in r.spans):
            return True
    return False


def _item_before(words: list[str], p: int, n: int) -> list[str]:
    """`_before`, within the list item too: "tickets sell for $75 and standard tickets for $50" (an "and"
    or "or" right after a number ends the item before, so the 75 does not count "standard tickets" out)."""
    out = _before(words, p, n)
    cut = [k for k in range(len(out) - 1) if out[k].lower() in {"and", "or"} and is_number(out[k + 1])]
    return out[: cut[0]] if cut else out


def _count(w: str) -> bool:
    """A number other than one (one is how a problem names the unit of a decision: "1 kg of paint")."""
    return is_number(w) and w.lower() not in {"1", "one", "1.0"}


_TYPE_WORDS = frozenset("type kind model grade class brand size version".split())


def _subjects(words: list[str], tagged: set[int]) -> list[Span]:
    """No variable tagged at all: the things sentences open with before a resource verb ("Each bottle of
    pills takes 20 minutes", "Shio ramen requires 2 eggs", "Printer A can print"), when two or more
    differ. Each gives its first mention."""
    out: list[Span] = []
    seen: set[tuple[str, ...]] = set()
    starts = _sentence_starts(words)
    # "A day team cleans 6 floors ..., and a night team cleans 8 floors": a clause after ", and" opens with a
    # subject too, but from there only kinds of one thing (below) are taken
    inner = [k + 2 for k in range(1, len(words) - 2) if words[k - 1] == "," and words[k].lower() == "and" and words[
        k + 1].lower() in {"a", "an", "each", "every", "one", "the"}]
    kinds: list[Span] = []
    for a in sorted(starts + inner):
        k = a
        while k < len(words) and words[k].lower() in {"each", "a", "an", "one", "the", "every"}:
            k += 1
        if k + 2 < len(words) and (words[k].lower() in CONTAINERS or (
                k > a and words[k].isalpha() and words[k].lower() not in STOP and _of_subject(words, k + 2))) and \
                words[k + 1].lower() == "of" and words[k + 2].lower() not in _TYPE_WORDS:
            k += 2  # "a batch of pancakes", "A pallet of fridges weighs" ("a meal of type A" is the meal)
            if k + 1 < len(words) and words[k].lower() == "the":
                k += 1  # "a litre of the juice has"
        end = k
        while end < len(words) and end - k < 3 and not _subject_verb(words, end) and (
                words[end].isalnum() or "-" in words[end]) and (words[end].lower() not in STOP or (
                end > k and len(words[end]) == 1 and words[end].isupper())):  # "Printer A can print"
            end += 1
        # "An experiment of type A needs 2 hours": the type's label names the subject
        if end > k and end + 3 < len(words) and words[end].lower() == "of" and words[end + 1].lower() in _TYPE_WORDS and (
                (len(words[end + 2]) == 1 and words[end + 2].isupper()) or words[end + 2].isdigit()):
            end += 3
        if end == k or end >= len(words) or not _subject_verb(words, end):
            continue
        head = stem(words[end - 1])
        if words[a].lower() == "the" and words[end].lower() in {"has", "have", "can"}:
            continue  # "The kiosk has 600 minutes": who holds the resources
        if any(j in tagged for j in range(k, end)) or is_number(words[k]):
            continue
        if head in _ACTORS or head in _WEAK_ACTORS or a in inner:
            # ("A strawberry farmer has ..." is who decides) unless kinds of it: "a day team" and "a night team"
            if end - k == 2 and k > 0 and words[k - 1].lower() in {"a", "an", "each", "every", "one", "the"}:
                kinds.append(Span("VAR", k, end, " ".join(words[k:end])))
            continue
        key = tuple(singular(w) for w in words[k:end])
        if key not in seen:
            seen.add(key)
            out.append(Span("VAR", k, end, " ".join(words[k:end])))
    by_head: dict[str, list[Span]] = {}
    for sp in kinds:
        by_head.setdefault(stem(words[sp.end - 1]), []).append(sp)
    for same in by_head.values():
        if len({words[sp.start].lower() for sp in same}) >= 2 and not any(
                stem(words[sp.end - 1]) == stem(words[o.end - 1]) for o in out):
            out += [sp for i, sp in enumerate(same) if words[sp.start].lower() not in {
                words[o.start].lower() for o in same[:i]}]
    if len(out) == 1 and out[0].end - out[0].start == 2:
        # "The old machine fills 300 bottles ..., and the new machine fills 500 bottles": the one subject
        # found and a kind of the same thing after ", and" are the two kinds
        one = out[0]
        out += [sp for sp in kinds if stem(words[sp.end - 1]) == stem(words[one.end - 1]) and words[
            sp.start].lower() != words[one.start].lower()][:1]
    out.sort(key=lambda sp: sp.start)
    return out if len(out) >= 2 else []


def _of_subject(words: list[str], k: int) -> bool:
    """The words from k on are a name of one or two plain words, then the clause's verb: "[a pallet of] fridges
    weighs 900 kg"."""
    if k < len(words) and words[k].lower() == "the":
        k += 1  # "a litre of the juice has 88 g"
    for m in (1, 2):
        if k + m < len(words) and all(w.isalpha() and w.lower() not in STOP for w in words[k: k + m]) and \
                _subject_verb(words, k + m):
            return True
    return False


def _subject_verb(words: list[str], k: int) -> bool:
    """A verb that opens a clause's predicate after its subject: a resource verb, or any verb in the third person
    right before a number ("A full-time receptionist works 40 hours", "A pallet of fridges weighs 900 kg")."""
    w = words[k].lower()
    if w in _SUBJECT_VERBS:
        return True
    # (not who makes or sells: "Nutty Corner sells three nut mixes")
    return (k > 0 and w.isalpha() and len(w) > 3 and w.endswith("s") and not w.endswith(("ss", "us", "is"))
            and w not in _MAKES
            and k + 1 < len(words) and (is_number(words[k + 1]) or words[k + 1] == "$"))


def _listed_pair(words: list[str], tagged: set[int]) -> list[Span]:
    """No variable tagged at all: the first "X or Y." / "X and Y," pair of names (1-2 words each)."""
    def name_ok(ws: list[str]) -> bool:
        return bool(ws) and all(w.isalpha() or "-" in w for w in ws) and ws[-1].lower() not in _NOT_NAMES

    ends = 0
    for k, w in enumerate(words):
        if w in {".", "?", "!"}:
            ends += 1
            if ends >= 2:
                break
        if w.lower() not in {"or", "and"} or k in tagged:
            continue
        for n1 in (2, 1):
            left = words[max(0, k - n1): k]
            if not name_ok(left) or any(x.lower() in _NOT_NAMES for x in left):
                continue
            for n2 in (2, 1):
                right = words[k + 1: k + 1 + n2]
                after = words[k + 1 + n2] if k + 1 + n2 < len(words) else "."
                if name_ok(right) and not any(x.lower() in _NOT_NAMES for x in right) and after in {".", ",", "?"}:
                    return [Span("VAR", k - n1, k, " ".join(left)), Span("VAR", k + 1, k + 1 + n2, " ".join(right))]
    return []


_DETS = frozenset("the a an each every both".split())


def _split_count(words: list[str]) -> set[str]:
    """What a question counts when it shares it out over something else: "How many posters should be placed
    in each location", "How many kilograms of snow should be removed from each city" (posters, snow). The
    decisions are then the shares (one per location, per city), and a "variable" named like the count is
    their unit, not one of them."""
    lower = [w.lower() for w in words]
    n = len(words)
    for k in range(n - 2, -1, -1):
        if lower[k] != "how" or lower[k + 1] != "many":
            continue
        j = k + 2
        if j >= n or not lower[j].isalpha() or lower[j] in STOP:
            return set()
        if j + 1 < n and lower[j + 1] in {"and", "or", ","}:
            return set()  # "How many cleanings and fillings ... each week": the decisions themselves
        out = {stem(lower[j])}
        if j + 2 < n and lower[j + 1] == "of":
            m = j + 2
            while m < n and lower[m] in _DETS:
                m += 1
            if m > j + 2 or m >= n or not lower[m].isalpha() or lower[m] in STOP:
                return set()  # "how many bottles of each juice": the count is of the decisions themselves
            out.add(stem(lower[m]))
        for e in range(j + 1, n - 1):
            if lower[e] in {".", "?", "!", ";"}:
                break
            if lower[e] == "each" and lower[e + 1].isalpha() and lower[e + 1] not in STOP and stem(lower[e + 1]) not in _TIME:
                return out if stem(lower[e + 1]) not in out else set()
        return set()
    return set()


def resource_variables(r: Reading) -> set[int]:
    """Mentions that are only ever counted out ("4 wheels", "60 units of garbage"), or that carry no
    coefficient and name what coefficients measure ("20 boxes"): a resource, not a decision."""
    with_coefs = {c.var for c in r.coefs}
    heads = Counter(stem(v.text.split()[-1]) for v in r.variables)
    counted = _split_count(r.words)
    split = {v.index for v in r.variables if len(v.text.split()) == 1 and stem(v.text) in counted}
    out: set[int] = set()
    bare: set[int] = set()
    for v in r.variables:
        keys = {CONCEPTS.get(k, k) for k in v.keys}
        # "at least 2 long words": a number with a direction before it bounds a decision, it does not
        # measure a resource
        bounded = any(_BOUND_CUE.search(" ".join(reversed(_before(r.words, p, 6)))) for p in v.positions)
        # (within the mention's own phrase or list item: "for $25 each and long tables" does not count long tables)
        measured = not bounded and all(
            any(_count(w) for w in _before(r.words, p, 3, phrase=True))
            and any(_count(w) for w in _item_before(r.words, p, 3)) and not _sized(r.words, p) for p in v.positions)
        # "10 minutes of peeling", "12 units of carbon dioxide", "82 minutes on CNG machine": most mentions
        # are a measure's object or place
        # ("1 kg of paint" is the unit of a decision, not a measure)
        # (and "needs 1 hour of chair time": after a verb of use, one is an amount too; "70 hours of hygienist
        # chair time": one plain word may qualify the measured name)
        of_measure = sum(1 for p in v.positions if any(
            q >= 1 and r.words[q - 1].lower() in {"of", "the", "on"} and (q == p or r.words[p - 1].isalpha() and (
                r.words[p - 1].lower() not in STOP and p - 1 not in r.mention_var)) and _measured_at(r.words, q - 1)
            and not _earned_on(r.words, q - 1) for q in (p, p - 1)) or _held_in(r, p, v.index) or _available_for(r, p))
        measured = measured or (of_measure * 2 > len(v.positions) and v.index not in _portioned(r))
        head = stem(v.text.split()[-1])
        # an actor is not one of several alike ("a camera company, a laptop company") nor listed with
        # another decision ("monitors and gaming stations")
        # ("Juice A and Juice B are sold at a juice store ... the store needs 20 g": where they are sold, whatever
        # numbers "the store" then took)
        at_place = all(p >= 3 and r.words[p - 3].lower() in _SOLD_AT and r.words[p - 2].lower() in {
            "at", "by", "from"} and r.words[p - 1].lower() in {"a", "an", "the"} for p in v.positions)
        actor = (head in _ACTORS or (head in _WEAK_ACTORS and (v.index not in with_coefs or at_place))) and heads[
            head] == 1 and not _listed_with(r, v)
        shared = v.index in split and len(r.variables) - len(split) >= MIN_VARIABLES
        shared = shared or _umbrella(r, v, with_coefs)
        if measured or actor or shared:
            out.add(v.index)
        elif v.index not in with_coefs and any(keys <= set(f.context) for f in r.features if f.coefs):
            bare.add(v.index)
    # (a resource read as a decision takes the coefficients of the decision it is used by ("A cleaning needs
    # 1 hour of chair time"): with one found, a decision without coefficients is not one more)
    if not out:
        out = bare
    if len(out) == len(r.variables):  # nothing left to decide: keep them rather than guess
        return set()
    return out


# words that name what every decision is one of ("at least 25% of the vehicles used must be shuttle vans")
_UMBRELLAS = frozenset(stem(w) for w in "vehicles machines workers employees staff people items products units "
                       "appliances devices shifts trips flights teams crews".split())


def _umbrella(r: Reading, v: Variable, with_coefs: set[int]) -> bool:
    """"A bus carries 60 fans and a shuttle van carries 15 fans ... at least 25% of the vehicles used": a
    one-word name for what all the decisions are, with no number of its own while two or more others have
    theirs, is their total, not one more decision."""
    low = r.low
    # (said as what is shared or counted out: "of the vehicles", "number of vehicles", "total vehicles")
    whole = any(p >= 2 and (low[p - 2: p] in (["of", "the"], ["of", "all"], ["number", "of"]) or low[p - 1] in {
        "total", "all"}) for p in v.positions)
    return whole and len(v.text.split()) == 1 and stem(v.text) in _UMBRELLAS and v.index not in with_coefs and sum(
        1 for o in r.variables if o.index != v.index and o.index in with_coefs and stem(v.text) not in o.keys) >= 2


def _earned_on(words: list[str], q: int) -> bool:
    """"Margin per case is $40 on board games and $30 on jigsaws": money "on" a name is that decision's rate,
    not an amount of a resource it measures."""
    return words[q].lower() == "on" and q >= 2 and words[q - 2] == "$"


def _measured_at(words: list[str], q: int) -> bool:
    """A counted amount in the 3 words before position q ("70 hours of"), or one after a verb of use
    ("needs 1 hour of"). "5 hours of time on Printer A" says the amount before "of time", the measure's noun."""
    before = _before(words, q, 3)
    if q >= 3 and words[q - 1].lower() == "time" and words[q - 2].lower() == "of" and _measured_at(words, q - 2):
        return True
    return any(_count(w) for w in before) or any(
        w.lower() in {"1", "one"} and k + 1 < len(before) and before[k + 1].lower() in _MEASURE_VERBS
        for k, w in enumerate(before)) or _listed_one(words, q - 2)


def _listed_one(words: list[str], j: int) -> bool:
    """"needs 2 kg of hydrogen and 1 kg of oxygen": a "1" after "and" that goes on a list of amounts in its unit
    is an amount too, not the unit a decision is named by."""
    return j >= 5 and words[j].lower() in {"1", "one"} and words[j - 1].lower() in {"and", ","} and words[
        j - 3].lower() == "of" and _count(words[j - 5]) and singular(words[j - 4].lower()) == singular(words[j + 1].lower())


def _sized(words: list[str], p: int) -> bool:
    """"a batch of 1,000 printed flyers": the number sizes what one unit of the mention comes in."""
    return p >= 3 and is_number(words[p - 1]) and words[p - 2].lower() == "of" and words[p - 3].lower() in CONTAINERS


def _portioned(r: Reading) -> set[int]:
    """"100 grams of oatmeal give 380 calories ...; 100 grams of peanut butter give 590 calories": two or more
    variables measured out by the same number of the same mass or volume unit, each opening its own clause, are
    bought in portions of that size; the measure is their unit, they are not resources."""
    words = r.low
    by: dict[tuple[str, str], set[int]] = {}
    for v in r.variables:
        for p in v.positions:
            if p >= 3 and words[p - 1] == "of" and words[p - 2] in _MEASURE_NOUNS and is_number(words[p - 3]) and (
                    p < 4 or words[p - 4] in {".", ";", ",", "and"}):
                by.setdefault((words[p - 3], words[p - 2]), set()).add(v.index)
    return {i for vs in by.values() if len(vs) >= 2 for i in vs}

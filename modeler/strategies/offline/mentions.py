"""Variable mentions made whole: the tagger's span edges and list items, judged by the words around them.

On unseen text the tagger often

* takes a function word or a number into a name ("has 1" of "has 1 serving", "on tables", "hour at"),
* tags a container as a product ("A batch of pancakes", "How many bags of each brand"),
* stops inside a list of names ("oil paintings, acrylic paintings, and watercolor paintings" with the
  middle one untagged, "pharmaceutical vessels" tagged as "pharmaceutical").

These repairs run on the spans before the reading (`tidy_mentions` first, `listed_names` after the
other mention repairs); each looks at the text alone, so they hold for gold tags too.
"""

from __future__ import annotations

import re

from modeler.strategies.offline.entities import Span, is_number
from modeler.strategies.offline.words import STOP, direction, singular, stem

# what one unit of a product comes in: "a batch of pancakes", "bags of each brand"
CONTAINERS = frozenset("unit units bottle bottles container containers pack packs package packages batch batches cup "
                       "cups bowl bowls serving servings kg box boxes can cans bag bags order orders bar bars "
                       "plate plates piece pieces acre acres hectare hectares glass glasses jar jars meal meals "
                       "portion portions dose doses pill pills tablet tablets scoop scoops slice slices tray trays "
                       "crate crates case cases barrel barrels carton cartons roll rolls sheet sheets pair pairs".split())
_MEASURES = frozenset("profit profits cost costs revenue revenues earnings income".split())
_OF_NEXT = frozenset({"each", "both", "the", "a", "an", "these", "those", "every"})
_SEP = frozenset({",", "and", "or"})


def _function(w: str) -> bool:
    """A word that cannot begin or end a name: a function word (a lone capital names one: "mixture A",
    and so does "one" after a noun: "area one")."""
    return (w.lower() in STOP or w.lower() in _EDGE) and w.lower() != "one" and not (len(w) == 1 and w.isupper())


_PERSONS = frozenset("i we you he she they me us him her them".split())

# not in STOP, yet never the first or last word of a name: "through employees", "more fruits", "as many trains",
# "neither type" (no name at all)
_EDGE = frozenset("through via during using into onto over under per more less fewer extra many much neither".split())


_PUT_VERBS = frozenset("put puts invest invests place places spend spends allocate allocates".split())


def tidy_mentions(words: list[str], spans: list[Span]) -> list[Span]:
    """Trim function words off a VAR span's edges ("on tables" -> "tables"); drop it when nothing is left
    but numbers ("has 1" of "has 1 serving of meat"), when the rest is the head every other name shares
    ("tables" beside "dinning table" and "coffee table": the category, not a product), or when it is a
    container of another variable ("A batch of pancakes", "bags of each brand")."""
    heads = [singular(sp.text.split()[-1]) for sp in spans if sp.label == "VAR" and sp.end - sp.start > 1]
    starts = {sp.start for sp in spans if sp.label == "VAR"}
    containers = {singular(sp.text) for sp in spans if sp.label == "VAR" and _container_of(words, sp, starts)}
    containers |= {singular(sp.text) for sp in spans if sp.label == "VAR" and _maker(words, sp, starts)}
    # actor heads that end two or more tagged names: "electric vehicle company", "microprocessor company"
    ends = [singular(words[sp.end - 1]) for sp in spans if sp.label == "VAR" and sp.end - sp.start > 1]
    named_heads = {h for h in ends if h in _ACTOR_HEADS and ends.count(h) >= 2}
    names = {singular(sp.text) for sp in spans if sp.label == "VAR"}
    # a name brought in by brackets: "a real estate trust (REIT)"
    names |= {singular(words[k + 1]) for k in range(len(words) - 2) if words[k] == "(" and words[k + 2] == ")"
              and words[k + 1].isalpha()}
    out: list[Span] = []
    for sp in spans:
        if sp.label != "VAR":
            out.append(sp)
            continue
        if _coordinated_verb(words, sp):
            continue
        cut = _verb_cut(words, sp)
        if cut is not None:
            out += cut[1:]
            if cut[0] is None:
                continue
            sp = cut[0]
        a, b = sp.start, sp.end
        if _person_and_verb(words, a, b):
            a += 2  # "[I knit hats] and scarves": who decides and the verb open the clause, the name follows
        while a < b and (_function(words[a]) or re.fullmatch(r"[xX]\d+", words[a])):  # "x2 fries"
            a += 1
        # a verb of measure right after the span makes its last word the subject's head noun, even a word
        # that is mostly a verb ("fresh produce earns $350")
        while b > a and _function(words[b - 1]) and not (
                b == sp.end and b - a > 1 and b < len(words) and words[b].lower() in MEASURE_VERBS
                and words[b - 1].isalpha() and len(words[b - 1]) > 3 and words[b - 1].lower() not in _EDGE | CONTAINERS):
            b -= 1
        if b - a == 1 and words[a].lower() == "one" and a and words[a - 1].lower() in {"each", "every", "this", "that"}:
            continue  # ("and each one takes time to mix ingredients": a pronoun, no number and no name)
        if a < b and b - a == 1 and is_number(words[a]) and b < len(words) and words[b].isalpha():
            # "which [has 1] serving of meat": the number the tagger took into a name counts what follows
            out.append(Span("PARAM", a, b, words[a]))
            continue
        if b - a == 2 and a >= 1 and words[a - 1].lower() == "to" and is_number(words[b - 1]) and b < len(
                words) and words[b].isalpha():
            continue  # "to [remove 1] kilogram of snow requires": an infinitive and the amount it acts on
        if b - a >= 2 and words[b - 1][:1].isdigit() and b < len(words) and (words[b].isalpha() or words[b] in {
                ".", ",", ";"}) and (
                singular(" ".join(words[a: b - 1])) in names) and not _numbered_siblings(words, spans, a, b):
            # "a laptop can serve 3 students a day and [a tablet 2] students a day": the digits the tagger
            # took into a name seen alone elsewhere are that name's coefficient ("Plan 2" never stands as
            # "Plan"; "a regular one" stays a name)
            out += [Span("VAR", a, b - 1, " ".join(words[a: b - 1])), Span("PARAM", b - 1, b, words[b - 1])]
            continue
        if a == b or all(is_number(w) for w in words[a:b]) or (b - a == 1 and words[a].lower() in _MEASURES):
            continue  # nothing but a number left, or what the objective measures ("profits")
        if all(w.lower() in _PERSONS for w in words[a:b]):
            continue  # ("and [I] make $5 each", "[we] pay $90 a day"): who decides, never what is decided
        if sp.end - sp.start >= 2 and words[sp.start].lower() in _PUT_VERBS and words[sp.start + 1].lower() in {
                "into", "in"} and all(w.lower() in _PUT_VERBS | {"into", "in", "them", "it"} for w in words[sp.start:sp.end]):
            continue  # ("that he can [put into] them"): the verb of putting money, no name
        if (a, b) != (sp.start, sp.end):
            rest = singular(words[b - 1])
            # ("[Type A] ... [Type A]" trimmed to "A": a lone capital is a label, never the category names share)
            if b - a == 1 and heads.count(rest) >= 2 and not (len(words[a]) == 1 and words[a].isupper()):
                continue
            sp = Span("VAR", a, b, " ".join(words[a:b]))
        if b < len(words) and words[b].lower() in _ACTOR_HEADS and singular(words[b]) in named_heads:
            # "a construction supply company" beside tagged "electric vehicle company", "microprocessor
            # company": the head ends the names of the decisions, so it ends this one too
            b += 1
            sp = Span("VAR", a, b, " ".join(words[a:b]))
        if singular(sp.text) in containers or (b < len(words) and words[b].lower() in _ACTOR_HEADS and not
                                             words[b - 1].endswith("'s")):
            continue  # a container, or who acts: "a small coffee shop", "the milk company"
        out.extend(_split_pair(words, sp))
    return sorted(out, key=lambda s: s.start)


def _numbered_siblings(words: list[str], spans: list[Span], a: int, b: int) -> bool:
    """"To make [Bowl 1], the store uses ...; [Bowl 2] uses ...": the same word tagged with another number is a
    numbered pair of names, the digits part of each, even where "bowls" stands alone elsewhere."""
    base = singular(" ".join(words[a: b - 1]).lower())
    return any(sp.label == "VAR" and sp.end - sp.start == b - a and words[sp.end - 1][:1].isdigit()
               and words[sp.end - 1] != words[b - 1] and singular(" ".join(words[sp.start: sp.end - 1]).lower()) == base
               for sp in spans)


def _coordinated_verb(words: list[str], sp: Span) -> bool:
    """"A cleaning needs ... and [brings] in $120. A filling needs ... and brings in $200": one word in the
    third person after "and", then a preposition and an amount, said so twice in the text, is a second
    predicate of each clause, not a name."""
    a = sp.start
    if sp.end - a != 1 or a < 1 or words[a - 1].lower() != "and" or sp.end + 2 >= len(words):
        return False
    w = words[a].lower()
    if not w.isalpha() or not w.endswith("s") or w.endswith("ss"):
        return False
    if w in MEASURE_VERBS and _article_amount(words, sp.end):
        return True  # ("takes 9 hours to make and [earns] a larger profit of $80": the verb, with its object)
    if words[sp.end].lower() not in _AMOUNT_PREPS:
        return False
    if w in MEASURE_VERBS and (words[sp.end + 1] == "$" or is_number(words[sp.end + 1])):
        return True  # ("puts out 6 kWh an hour and [burns] about $0.40 of wood": a verb of measure, said once)
    lower = [x.lower() for x in words]
    frame = [k for k in range(1, len(lower) - 2) if lower[k - 1] == "and" and lower[k] == w and
             lower[k + 1] in _AMOUNT_PREPS and (lower[k + 2] == "$" or is_number(lower[k + 2]))]
    return a in frame and len(frame) >= 2


_AMOUNT_PREPS = frozenset("in at for about around".split())


def _article_amount(words: list[str], k: int) -> bool:
    """An object opened by an article that states an amount within its phrase: "a larger profit of $80", "a
    profit of 30 dollars" (what a verb of measure takes; a name is not followed by one)."""
    if k >= len(words) or words[k].lower() not in {"a", "an", "the"}:
        return False
    for j in range(k + 1, min(k + 7, len(words))):
        if words[j] == "$" or is_number(words[j]):
            return True
        if not words[j].isalpha():
            return False
    return False


# verbs that give a per-unit amount: "a van carries 14", "a sofa seats three", "processes 90 jobs" (the
# third person only: "a standard seat 0.5 square metres" is a noun with its verb left out)
MEASURE_VERBS = frozenset(
    "carries processes seats holds takes needs uses requires burns yields produces lands earns serves covers "
    "feeds handles collects treats occupies accommodates transports delivers vaccinates sleeps houses "
    "contains gives generates brings".split())


def _person_and_verb(words: list[str], a: int, b: int) -> bool:
    """A name span that opens with a person and a plain lower-case verb ("[I knit hats]", "[we bake
    loaves]"): the person and the verb are the clause's, not the name's (a name is left after them)."""
    return (b - a >= 3 and words[a].lower() in _PERSONS and words[a + 1].isalpha() and words[a + 1].islower()
            and words[a + 1] not in STOP and words[a + 1] not in _EDGE and words[a + 2].isalpha())


_SALE_VERBS = frozenset({"sells", "sell", "sold", "retails", "retail"})


def _verb_cut(words: list[str], sp: Span) -> tuple[Span | None, ...] | None:
    """A name never holds a verb and the number it governs: "[van carries 14] and costs $90" is the name
    "van" and the coefficient 14, "[sofa seats three]" is "sofa" and 3, "[processes 90] jobs" is no name
    at all, and "[study carrel seats] one person" is "study carrel". The cut is at a verb of measure
    right before a number (in the span or just after it); None when the span has none."""
    n = len(words)
    for k in range(sp.start + 1, sp.end):
        # "An order of [burritos sells] for $17": a verb of sale with its price after "for" ends the name
        if words[k].lower() in _SALE_VERBS and k == sp.end - 1 and words[sp.end: sp.end + 1] == ["for"] and (
                sp.end + 1 < n and (words[sp.end + 1] == "$" or is_number(words[sp.end + 1]))):
            return (Span("VAR", sp.start, k, " ".join(words[sp.start:k])),)
    for k in range(sp.start, sp.end):
        if words[k].lower() not in MEASURE_VERBS or k + 1 >= n or not is_number(words[k + 1]):
            continue
        if k + 1 < sp.end and words[k + 1].lower() in {"half", "third", "quarter", "fourth", "fifth"}:
            continue
        name = Span("VAR", sp.start, k, " ".join(words[sp.start:k])) if k > sp.start else None
        if k + 1 >= sp.end:
            return (name,)  # the number lies outside: it keeps its own label
        return (name, Span("PARAM", k + 1, k + 2, words[k + 1]))
    return None


_ORDINALS = frozenset("first second third fourth fifth".split())
_NAME_END = frozenset({",", ".", ";", "and", "which", "that", "with", "it", "requires", "takes", "needs"})


def ordinal_names(words: list[str], spans: list[Span]) -> list[Span]:
    """"The first product, a vase décor, requires ..." and "The second décor is a wood canvas and it
    requires ...": what an ordinal introduces ("the first <noun>, a X," / "the second <noun> is a X") is
    a name. Two or more such introductions with different ordinals are needed (a lone "the first step is
    a review" names nothing). Each name (1-3 plain words) becomes a VAR span, replacing tagged parts of it;
    a name overlapping another label is left alone."""
    lower = [w.lower() for w in words]
    n = len(words)
    found: dict[str, tuple[int, int]] = {}
    for k in range(1, n - 4):
        if lower[k] in _ORDINALS and lower[k - 1] == "the" and lower[k + 1] == ",":
            # ("The first, carrot juice, costs $3": the ordinal alone, its name set off by commas)
            e = next((x for x in range(k + 2, min(k + 6, n)) if lower[x] in _NAME_END), None)
            if e is not None and e > k + 2 and lower[e] == "," and all(
                    w.replace("-", "").isalpha() and not _function(w) for w in words[k + 2: e]):
                found.setdefault(lower[k], (k + 2, e))
            continue
        if lower[k] not in _ORDINALS or lower[k - 1] != "the" or not words[k + 1].isalpha():
            continue
        j = k + 2
        if lower[j] in {",", "is"} and j + 1 < n and lower[j + 1] in {"a", "an"}:
            a = j + 2
            e = next((x for x in range(a, min(a + 4, n)) if lower[x] in _NAME_END), None)
            if e is None or e == a or (lower[j] == "," and lower[e] != ","):
                continue
            if all(w.replace("-", "").isalpha() and not _function(w) for w in words[a:e]):
                found.setdefault(lower[k], (a, e))
    if len(found) < 2:
        return spans
    out = list(spans)
    for a, e in found.values():
        inside = [sp for sp in out if sp.start < e and sp.end > a]
        if any(sp.label != "VAR" or sp.start < a or sp.end > e for sp in inside):
            continue
        out = [sp for sp in out if sp not in inside] + [Span("VAR", a, e, " ".join(words[a:e]))]
    return sorted(out, key=lambda sp: sp.start)


def whole_names(words: list[str], spans: list[Span]) -> list[Span]:
    """A tagged name cut short: "[ice cream] cones" where "ice cream cone" is tagged elsewhere, "Zippered
    [hoodies]" beside a tagged "zippered hoodie". The untagged words around the mention that make it
    another tagged name (plural aside) join it: the text names the same thing in full."""
    names = {tuple(singular(w) for w in words[sp.start: sp.end]) for sp in spans if sp.label == "VAR"}
    taken = {k for sp in spans for k in range(sp.start, sp.end)}
    out: list[Span] = []
    for sp in spans:
        if sp.label != "VAR":
            out.append(sp)
            continue
        own = tuple(singular(w) for w in words[sp.start: sp.end])
        best: tuple[int, int] | None = None
        for name in sorted(names):  # (sorted: the same choice whatever the hash seed)
            for i in range(len(name) - len(own) + 1 if len(name) > len(own) else 0):
                a, b = sp.start - i, sp.start - i + len(name)
                if name[i: i + len(own)] != own or a < 0 or b > len(words):
                    continue
                added = [words[k] for k in range(a, b) if not sp.start <= k < sp.end]
                # plain words only ("PCB's" may not cluster with "PCB"), none of them tagged
                if tuple(singular(w) for w in words[a:b]) == name and all(
                        w.replace("-", "").isalpha() for w in added) and not any(
                        k in taken for k in range(a, b) if not sp.start <= k < sp.end) and (
                        best is None or b - a > best[1] - best[0]):
                    best = (a, b)
        if best is not None:
            sp = Span("VAR", best[0], best[1], " ".join(words[best[0]: best[1]]))
            taken.update(range(*best))
        out.append(sp)
    return out


def modified_names(words: list[str], spans: list[Span]) -> list[Span]:
    """One name the text qualifies two ways is two names: a plain word between a determiner and a tagged
    name is its adjective ("The west side operation" beside "The east side operation", both tagged "side
    operation"), so when one name has two or more different adjectives, each mention takes its own."""
    found: dict[str, list[int]] = {}
    for i, sp in enumerate(spans):
        k = sp.start - 1
        if sp.label != "VAR" or k < 1 or words[k - 1].lower() not in _DETERMINERS:
            continue
        if not words[k].isalpha() or _function(words[k]) or words[k].lower() in _DETERMINERS:
            continue
        found.setdefault(sp.text.lower(), []).append(i)
    out = list(spans)
    for idx in found.values():
        if len({words[spans[i].start - 1].lower() for i in idx}) < 2:
            continue
        for i in idx:
            sp = spans[i]
            out[i] = Span("VAR", sp.start - 1, sp.end, " ".join(words[sp.start - 1: sp.end]))
    return out


def _split_pair(words: list[str], sp: Span) -> list[Span]:
    """"fish or birds" tagged as one name is two: split at a lone "or" with words on both sides ("oil and gas"
    may name one industry)."""
    cut = [k for k in range(sp.start + 1, sp.end - 1) if words[k].lower() == "or"]
    if len(cut) != 1:
        return [sp]
    k = cut[0]
    return [Span("VAR", sp.start, k, " ".join(words[sp.start:k])), Span("VAR", k + 1, sp.end, " ".join(words[k + 1: sp.end]))]


_MAKES = frozenset("offers offer sells sell produces produce manufactures manufacture makes bakes grows employs "
                   "builds ships".split())
_MADE_BY = frozenset("produced made manufactured built grown baked sold offered".split())


def _maker(words: list[str], sp: Span, var_starts: set[int]) -> bool:
    """Who makes the products, not a product: "a train service offers heated seats and regular seats",
    "Each coffee table produced by West Moon Designs"."""
    k = sp.end
    if k < len(words) and words[k].lower() in _MAKES and any(j in var_starts for j in range(k + 1, k + 4)):
        return True
    return sp.start >= 2 and words[sp.start - 1].lower() == "by" and words[sp.start - 2].lower() in _MADE_BY and not (
        _trips_made_by(words, sp.start - 2))


# what vehicles make, not products: "at least 40% of all trips must be made by small trucks"
_TRIP_NOUNS = frozenset("trip trips run runs journey journeys delivery deliveries flight flights crossing "
                        "crossings visit visits".split())


def _trips_made_by(words: list[str], k: int) -> bool:
    """"made" at k is said of trips, runs or deliveries in its clause (the ones who make them are the
    vehicles or people decided on, not a maker of the products)."""
    j = k - 1
    while j >= 0 and k - j <= 8 and words[j] not in {".", ";", "?", "!", ","}:
        if words[j].lower() in _TRIP_NOUNS:
            return True
        j -= 1
    return False


def _container_of(words: list[str], sp: Span, var_starts: set[int]) -> bool:
    """"a batch of pancakes", "bags of each brand": a container word that somewhere in the text is followed
    by "of" and another name or "each" (the tagged mention may be another one: "the profit per batch")."""
    if sp.end - sp.start != 1 or words[sp.start].lower() not in CONTAINERS:
        return False
    name = singular(words[sp.start])
    for k, w in enumerate(words[:-2]):
        if singular(w) != name or words[k + 1].lower() != "of":
            continue
        j = k + 2
        if words[j].lower() in {"each", "both"}:
            return True
        while j < len(words) and words[j].lower() in _OF_NEXT:
            j += 1
        if j in var_starts:
            return True
    return False


def lettered_names(words: list[str], spans: list[Span]) -> list[Span]:
    """"a bundle from wholesaler X has 20 roses" with "bundle from wholesaler" tagged: a lone capital letter
    right after a name is its label ("wholesaler X", "wholesaler Y" name two things), and belongs to it.
    ("A" only where "B" labels a name too: else it is an article.)"""
    n = len(words)
    def label_at(k: int) -> bool:
        return k < n and len(words[k]) == 1 and words[k].isupper() and words[k] != "I"

    labels = {words[sp.end] for sp in spans if sp.label == "VAR" and label_at(sp.end)}
    taken = {k for sp in spans for k in range(sp.start, sp.end)}
    out = []
    for sp in spans:
        if sp.label == "VAR" and label_at(sp.end) and sp.end not in taken and (words[sp.end] != "A" or "B" in labels) \
                and not words[sp.end - 1][:1].isupper():
            sp = Span("VAR", sp.start, sp.end + 1, " ".join(words[sp.start: sp.end + 1]))
        out.append(sp)
    return out


def listed_names(words: list[str], spans: list[Span]) -> list[Span]:
    """Names in a list with a tagged one that share its head noun ("oil paintings, acrylic paintings, and
    watercolor paintings"; "general purpose vessels, pharmaceutical vessels or pressure vessels"): the
    untagged items become VAR spans, and a tagged item cut before the head ("pharmaceutical") takes it."""
    label = {k: i for i, sp in enumerate(spans) for k in range(sp.start, sp.end)}
    out = list(spans)
    new: list[Span] = []
    taken = set(label)
    lower = [w.lower() for w in words]
    n = len(words)
    for sp in spans:
        if sp.label != "VAR" or sp.end - sp.start < 2:
            continue
        head = singular(words[sp.end - 1])
        if not words[sp.end - 1].isalpha() or _function(words[sp.end - 1]):
            continue
        # forward: ", X head", "and X head", ", and X head", ", or X head"
        k = sp.end
        while True:
            j = k
            while j < n and j - k < 2 and lower[j] in _SEP:
                j += 1
            if j == k or j >= n:
                break
            e = next((x for x in range(j, min(j + 3, n)) if singular(words[x]) == head), None)
            if e is None:
                # a tagged item cut before the head: "pharmaceutical" + "vessels"
                i = label.get(j)
                if i is not None and spans[i].label == "VAR" and spans[i].start == j and spans[i].end < n and \
                        singular(words[spans[i].end]) == head and spans[i].end not in taken:
                    out[i] = Span("VAR", j, spans[i].end + 1, " ".join(words[j: spans[i].end + 1]))
                    taken.add(spans[i].end)
                    k = spans[i].end + 1
                    continue
                break
            if not all(words[x].isalpha() or "-" in words[x] for x in range(j, e + 1)) or any(
                    _function(words[x]) for x in range(j, e + 1)):
                break
            if e == j:
                break  # the head alone is the category ("paintings"), not another item
            i = label.get(j)
            if not any(x in taken for x in range(j, e + 1)):
                new.append(Span("VAR", j, e + 1, " ".join(words[j: e + 1])))
                taken.update(range(j, e + 1))
            elif i is None or spans[i].start != j:
                break
            elif spans[i].label == "VAR" and spans[i].end <= e and not any(
                    x in taken for x in range(spans[i].end, e + 1)):
                out[i] = Span("VAR", j, e + 1, " ".join(words[j: e + 1]))  # "copper" + "pans"
                taken.update(range(j, e + 1))
            k = e + 1
    return sorted(out + new, key=lambda sp: sp.start)


_RUN = frozenset("running operating run operate".split())
_SPAN_OF_TIME = frozenset("hour hours day days week weeks minute minutes shift shifts".split())


def run_objects(words: list[str], spans: list[Span]) -> list[Span]:
    """What a sentence opens by running "for an hour" is a decision (how long to run it): "Running the local
    factory for an hour costs $600", "Operating plant B for a day yields ...". The object (1-3 plain words
    after an optional determiner) becomes a VAR span when nothing tags it."""
    taken = {k for sp in spans for k in range(sp.start, sp.end)}
    n = len(words)
    out = list(spans)
    for k in range(n):
        if words[k].lower() not in _RUN or not (k == 0 or words[k - 1] in {".", "?", "!", ";"}):
            continue
        a = k + 2 if k + 1 < n and words[k + 1].lower() in _DETERMINERS else k + 1
        e = next((j for j in range(a + 1, min(a + 4, n)) if words[j].lower() == "for"), None)
        if e is None or e + 2 >= n or words[e + 1].lower() not in {"a", "an", "one", "each", "every"} or \
                words[e + 2].lower() not in _SPAN_OF_TIME:
            continue
        if any(j in taken for j in range(a, e)) or not all(w.isalnum() for w in words[a:e]) or any(
                _function(w) for w in words[a:e]):
            continue
        out.append(Span("VAR", a, e, " ".join(words[a:e])))
        taken.update(range(a, e))
    return sorted(out, key=lambda sp: sp.start)


_LIST_OPEN = frozenset({":", ",", "(", "-", "--", "—"})


def ones_for_noun(words: list[str], spans: list[Span]) -> list[Span]:
    """"two factories: a north one and a south one": each "a X one" of a list that opens right after a
    plural noun stands for that noun, so it is the name "X factory" (the tagger tags at most "south").
    Two or more such items, joined by "," / "and" / "or", are needed: a lone "the larger one" may point
    anywhere. Each becomes a VAR span over "X one", named with the noun, replacing spans inside it."""
    lower = [w.lower() for w in words]
    n = len(words)
    out = list(spans)
    k = 1
    while k < n:
        noun = k - 1
        if lower[k] not in _LIST_OPEN or not words[noun].isalpha() or _function(words[noun]) or \
                stem(words[noun]) == lower[noun]:
            k += 1
            continue  # the list must follow a plural noun ("factories", not "factory" nor "of")
        items: list[int] = []  # index of each item's adjective
        j = k + 1
        while j + 2 < n and lower[j] in {"a", "an", "the"} and words[j + 1].isalpha() and \
                not _function(words[j + 1]) and lower[j + 2] == "one":
            items.append(j + 1)
            j += 3
            if j < n and lower[j] in _SEP:
                j += 1
                if j < n and lower[j] in {"and", "or"}:
                    j += 1  # ", and a south one"
            else:
                break
        if len(items) >= 2:
            head = stem(words[noun])
            for a in items:
                overlap = [sp for sp in out if sp.start < a + 2 and sp.end > a]
                if any(sp.label != "VAR" or sp.start < a or sp.end > a + 2 for sp in overlap):
                    continue  # another label there, or a longer name: leave the tagger's reading
                out = [sp for sp in out if not (sp.start < a + 2 and sp.end > a)]
                out.append(Span("VAR", a, a + 2, f"{words[a]} {head}"))
        k = max(j, k + 1)
    return sorted(out, key=lambda sp: sp.start)


_SIZES = frozenset("small large big little medium short long tall wide narrow mini standard deluxe".split())


def sized_ones(words: list[str], spans: list[Span]) -> list[Span]:
    """"Small boxes hold 1.5 cubic feet ...; large ones hold 4", "A small canvas costs $8 ...; a large one costs
    $25": a size word and "one(s)" stand for the head of a tagged two-word name that opens with a size word,
    so "large ones" is the name "large box" (tagged or not; a size word that no such name has is left)."""
    heads: dict[str, str] = {}
    for sp in spans:
        if sp.label == "VAR" and sp.end - sp.start == 2 and words[sp.start].lower() in _SIZES and words[
                sp.end - 1].lower() not in {"one", "ones"} and words[sp.end - 1].isalpha():
            heads.setdefault(words[sp.end - 1].lower(), words[sp.start].lower())
    if len(heads) != 1:
        return spans
    head = next(iter(heads))
    out = list(spans)
    for k in range(len(words) - 1):
        if words[k].lower() not in _SIZES or words[k + 1].lower() not in {"one", "ones"}:
            continue
        inside = [sp for sp in out if sp.start < k + 2 and sp.end > k]
        if any(sp.label != "VAR" or sp.start < k or sp.end > k + 2 for sp in inside):
            continue
        out = [sp for sp in out if sp not in inside]
        out.append(Span("VAR", k, k + 2, f"{words[k]} {head}"))
    return sorted(out, key=lambda sp: sp.start)


# function words that are nouns all the same: a number before them counts them
_COUNTED = frozenset("unit units number amount total type types kind kinds one ones".split())


# a number spelt out labels a noun just as a digit does ("area one" ... "area two")
_NUMBER_WORDS = frozenset("one two three four five six seven eight nine".split())


def numbered_names(words: list[str], spans: list[Span]) -> list[Span]:
    """A noun numbered two or more ways ("lake 1" ... "lake 2", "Running shop 1 for an hour") is a name:
    a lone digit (or "one" ... "nine") right after a plain noun and before a function word or punctuation labels the noun, it
    counts nothing. Such a pair becomes one VAR span, replacing the number's own label."""
    lower = [w.lower() for w in words]
    n = len(words)
    seen: dict[str, list[int]] = {}
    for k in range(n - 1):
        after = lower[k + 2] if k + 2 < n else "."
        if not words[k].isalpha() or _function(words[k]) or lower[k] in _PREPOSITIONS or not (
                re.fullmatch(r"[1-9]", words[k + 1]) or lower[k + 1] in _NUMBER_WORDS):
            continue
        if after.isalnum() and (after not in STOP | _PRONOUNS or after in _COUNTED) and not (
                words[k + 1].isdigit() and _named_noun(lower, k)):
            continue  # "uses 3 units": the number counts what follows
        if after.isalpha() and _unit_of_another(lower, k + 1):
            continue  # "Each cat requires 2 square meters and each dog 5 square meters": the dog's figure
        seen.setdefault(singular(words[k]), []).append(k)
    picks = [k for ks in seen.values() if len({words[k + 1] for k in ks}) >= 2 for k in ks]
    if not picks:
        return spans
    out = list(spans)
    # "seafood medley one" tagged whole elsewhere: an untagged "medley one" is part of that longer name
    longer = {tuple(w.lower() for w in words[sp.end - 2: sp.end]) for sp in spans
              if sp.label == "VAR" and sp.end - sp.start > 2}
    for k in picks:
        if any(sp.label == "VAR" and sp.start == k and sp.end == k + 2 for sp in out) or \
                (lower[k], lower[k + 1]) in longer:
            continue
        if any((sp.start < k < sp.end) or (sp.start <= k + 1 < sp.end and sp.end > k + 2) for sp in out):
            continue  # inside a longer span: leave the tagger's reading
        out = [sp for sp in out if not (k <= sp.start < k + 2)] + [Span("VAR", k, k + 2, " ".join(words[k:k + 2]))]
    return sorted(out, key=lambda sp: sp.start)


def _unit_of_another(lower: list[str], k: int) -> bool:
    """The word after the number at k follows another number of its sentence too, one that no word like the noun
    before k precedes ("Each cat requires 2 square meters and each dog 5 square meters"): the number is an amount
    in that unit, not a label ("route 1 earns $500 ... route 2 earns $650" numbers the routes)."""
    a = max((j + 1 for j in range(k) if lower[j] in {".", "?", "!", ";"}), default=0)
    e = next((j for j in range(k, len(lower)) if lower[j] in {".", "?", "!", ";"}), len(lower))
    noun = singular(lower[k - 1])
    return k + 1 < len(lower) and any(j != k and is_number(lower[j]) and lower[j + 1] == lower[k + 1] and (
        j == 0 or singular(lower[j - 1]) != noun) for j in range(a, e - 1))


# never the noun a digit numbers: "can look after 8" (campers elided)
_PREPOSITIONS = frozenset("after before about around above below beyond within near past".split())
_NOUN_BEFORE = frozenset("two three four five both each every".split())


def _named_noun(lower: list[str], k: int) -> bool:
    """"Mine 1 costs ...", where the text also says "two mines" or "each mine": the word before the digit is a
    noun the text counts or points at elsewhere (a verb such as "uses 3 units" never is), so the digit names
    it even before a verb."""
    w = singular(lower[k])
    return w not in _COUNTED and lower[k] not in _MEASURES and any(
        singular(x) == w and lower[j - 1] in _NOUN_BEFORE and not (j + 1 < len(lower) and is_number(lower[j + 1]))
        for j, x in enumerate(lower) if j > 0 and j != k)


_DETERMINERS = frozenset("a an the each every one his her their its our your my".split())
_PRONOUNS = frozenset("he she they it we you i someone everyone this that these those which who".split())
_ACTOR_HEADS = frozenset("company companies factory firm manufacturer business owner person man woman team store "
                         "shop farmer bakery restaurant".split())


def second_name(words: list[str], spans: list[Span]) -> list[Span]:
    """Only one thing named where a problem decides two or more: find the others in clauses built like a
    mention of it. After the name: the same verb and the same kind of word next ("A boat can take 200" ->
    "His neighbor can take 40", "students earning $200 ... full-time employees earning $500"); before
    it: the same three words ("a cup of coffee ... a cup of tea")."""
    var = [sp for sp in spans if sp.label == "VAR"]
    names = {tuple(stem(w) for w in sp.text.split()) for sp in var}
    # "boat" and "boat trips" name one thing
    if len({x for x in names if not any(set(x) < set(y) for y in names)}) != 1:
        return []
    taken = {k for sp in spans for k in range(sp.start, sp.end)}
    lower = [w.lower() for w in words]
    n = len(words)

    def kind(k: int) -> str:
        return "<num>" if k < n and (is_number(lower[k]) or lower[k] == "$") else (lower[k] if k < n else "")

    def name_ok(a: int, b: int) -> bool:
        ws = lower[a:b]
        return all(w.isalpha() or ("-" in w and w.replace("-", "").isalpha()) for w in ws) and not any(
            w in STOP or w in _PRONOUNS for w in ws) and ws[-1] not in _ACTOR_HEADS and not any(
            k in taken for k in range(a, b)) and tuple(stem(w) for w in ws) not in names
    out: list[Span] = []
    for sp in var:
        if sp.end + 1 < n and words[sp.end].isalpha() and lower[sp.end] not in {"and", "or", "of", "is", "are"}:
            frame = (lower[sp.end], kind(sp.end + 1))
            for e in range(1, n - 1):
                if e == sp.end or (lower[e], kind(e + 1)) != frame:
                    continue
                for m in (2, 1):
                    a = e - m
                    if a >= 0 and name_ok(a, e) and (a == 0 or not words[a - 1].isalpha() or
                                                     lower[a - 1] in _DETERMINERS | {"and", "or", "employs", "hires"}):
                        out.append(Span("VAR", a, e, " ".join(words[a:e])))
                        taken.update(range(a, e))
                        break
    # every occurrence of a one-word name, tagged or not, may open the frame "a cup of coffee"
    one = {x[0] for x in names if len(x) == 1}
    for p in range(3, n):
        if stem(lower[p]) not in one or "of" not in lower[p - 3: p]:
            continue
        left = lower[p - 3: p]
        for a in range(3, n - 1):
            if a == p or lower[a - 3: a] != left or not name_ok(a, a + 1):
                continue
            if lower[a + 1] in {".", ",", ";", "?", "!", "and", "or", ")"}:
                out.append(Span("VAR", a, a + 1, words[a]))
                taken.add(a)
    return out


# verbs a per-unit clause states its amount with ("A slot at the Rialto seats 400", "each crate costs $9")
PER_UNIT_VERBS = MEASURE_VERBS | frozenset(
    "costs earns returns sells pays vaccinates occupies lands prints covers reaches".split())
_UNIT_PREPS = frozenset("of in at from on".split())
_CLAUSE_EDGE = frozenset({".", ";", ",", ":", "and", "while", "whereas", "but", "?", "!"})
_ONE_OF = frozenset({"a", "an", "each", "every", "one"})
_HOW_MANY_EACH = re.compile(r"\bhow many\b[^.?!]*\beach\b", re.I)


def _demands_decision(words: list[str], spans: list[Span], v: int, num: int) -> bool:
    """The number of a per-unit clause is a bound ("at least") on a tagged decision ("a pharmacy chain needs
    at least 10 allergy kits"): the clause is a demand on that decision, its subject a customer, not a decision
    of its own."""
    return direction(" ".join(words[v + 1: num])) is not None and any(
        sp.label == "VAR" and sp.start in (num + 1, num + 2) for sp in spans)


def per_unit_names(words: list[str], spans: list[Span]) -> list[Span]:
    """When the question asks "how many ... of each / at each ...", the things the per-unit clauses open
    with are the decisions: "A/Each <name> <verb of measure> ... <number>" ("A bus drive collects 35 units",
    "each baguette tray uses 3 kilograms"). A name that counts units of something names that something:
    "a slot at the Rialto seats 400" is the Rialto's slots, "a clinic day in a school gym vaccinates 300"
    the school gym's. Two or more different such names are needed. Each untagged one becomes a VAR span;
    a tagged name is left as it is, and so is any other label but a cue the words cannot read as one
    ("minibus carries" tagged as a direction), and a tagged name cut short takes the whole subject. A
    clause may also open with a bare noun at a sentence's start ("Ore from Amber mine contains 62%"), or
    leave its verb out after an earlier one with the same unit ("an hour of cycling burns 600 calories, an
    hour of swimming 500"). A found name needs a parallel, another with the same verb or unit ("A steel
    mill needs 10,000 tonnes" alone is who decides). The head two found names share is their kind, not one
    of them ("at most 7 drives" beside "a bus drive" and "a community-hall drive"), and the last part of a
    hyphenated qualifier after "the" ("the halls") names its decision. Then "trays of baguettes" names
    "baguette tray" too: the head, "of" and the modifier of a found two-word name, untagged, become a VAR
    span as well."""
    from modeler.strategies.offline.words import direction

    if not _HOW_MANY_EACH.search(" ".join(words)):
        return spans
    lower = [w.lower() for w in words]
    n = len(words)
    found: list[tuple[int, int, int]] = []  # (name start, name end, verb)
    gapped: list[tuple[int, int, str]] = []  # "an hour of swimming 500": the verb left out
    units: set[str] = set()
    frames: list[tuple[str, str]] = []  # (verb, unit) of each found clause
    for k in range(n):
        bare = k + 1 < n and (k == 0 or lower[k - 1] in {".", "?", "!", ";"}) and words[k].isalpha() and \
            lower[k] not in STOP and lower[k + 1] in _UNIT_PREPS  # "Ore from Amber mine contains 62%"
        # "The small boat carries 30 cars": a sentence may open with "The" and its name as well
        the = lower[k] == "the" and (k == 0 or lower[k - 1] in {".", "?", "!", ";"})
        if not bare and not the and (lower[k] not in _ONE_OF or (k > 0 and lower[k - 1] not in _CLAUSE_EDGE)):
            continue
        first = k if bare else k + 1
        v = next((j for j in range(first + 1, min(first + 8, n)) if lower[j] in PER_UNIT_VERBS or
                  not words[j].replace("-", "").isalpha()), None)
        if v is None:
            continue
        p = next((j for j in range(first, v) if lower[j] in _UNIT_PREPS), None)
        a = first
        if p is not None:
            if p == first or p - first > 2:
                continue
            a = p + 1
            while a < v and lower[a] in {"the", "a", "an"}:
                a += 1
        if a >= v or v - a > 3 or any(_function(words[j]) or lower[j] in _ACTOR_HEADS for j in range(a, v)):
            continue
        if lower[v] not in PER_UNIT_VERBS:
            if p is not None and is_number(words[v]) and not bare:
                gapped.append((a, v, " ".join(lower[first:p])))
            continue
        num = next((j for j in range(v + 1, min(v + 6, n)) if is_number(words[j]) or words[j] == "$" or
                    not words[j].replace("-", "").isalpha()), None)
        if num is None or not (is_number(words[num]) or words[num] == "$"):
            continue
        if _demands_decision(words, spans, v, num):  # "a pharmacy chain needs at least 10 allergy kits": who asks
            continue
        unit = " ".join(lower[first:p]) if p is not None else ""
        found.append((a, v, v))
        frames.append((lower[v], unit))
        units.add(unit)
    for a, e, u in gapped:
        if u in units:
            found.append((a, e, e))
            frames.append(("", u))
    # a decision has a parallel: another such clause with the same verb or the same unit ("A steel mill
    # needs 10,000 tonnes" beside "ore from Amber mine contains 62%" is who decides)
    keep = [i for i, (a, e, _) in enumerate(found) if any(
        words[a:e] != words[b:f] and (frames[i][0] and frames[i][0] == frames[j][0] or frames[i][1] and
                                      frames[i][1] == frames[j][1]) for j, (b, f, _) in enumerate(found))]
    found = [found[i] for i in keep]
    if len({tuple(singular(w) for w in words[a:e]) for a, e, _ in found}) < 2:
        return spans
    out = list(spans)
    for a, e, v in found:
        inside = [sp for sp in out if sp.start <= v and sp.end > a]
        if any(sp.label == "VAR" and sp.start < e for sp in inside):
            if len(inside) == 1 and inside[0].start >= a and inside[0].end < e:
                # a tagged name cut short ("in-house translator" of "an in-house translator day covers")
                out = [sp for sp in out if sp is not inside[0]] + [Span("VAR", a, e, " ".join(words[a:e]))]
            continue
        if any(sp.start < a or sp.end > v + 1 or sp.label != "CONST_DIR" or direction(sp.text) is not None
               for sp in inside):
            continue
        out = [sp for sp in out if sp not in inside] + [Span("VAR", a, e, " ".join(words[a:e]))]
    # the head that two or more found names share is their kind, not one of them ("at most 7 drives"
    # beside "a bus drive" and "a community-hall drive")
    heads = [singular(words[e - 1]) for a, e, _ in found if e - a >= 2]
    shared = {h for h in heads if heads.count(h) >= 2} - {singular(" ".join(words[a:e])) for a, e, _ in found}
    out = [sp for sp in out if not (sp.label == "VAR" and sp.end - sp.start == 1 and singular(sp.text) in shared)]
    taken = {k for sp in out for k in range(sp.start, sp.end)}
    # "a community-hall drive" ... "the halls can be booked for": the last part of a hyphenated qualifier
    # that only one found name has, after "the", names that decision
    parts: dict[str, list[tuple[int, int]]] = {}
    for a, e, _ in found:
        if e - a >= 2 and "-" in words[a]:
            parts.setdefault(singular(words[a].split("-")[-1]), []).append((a, e))
    for k in range(1, n):
        hits = parts.get(singular(words[k]), [])
        if lower[k - 1] == "the" and k not in taken and words[k].isalpha() and len(
                {words[a].lower() for a, _ in hits}) == 1:
            out.append(Span("VAR", k, k + 1, " ".join(words[hits[0][0]: hits[0][1]])))
            taken.add(k)
    for a, e, _ in found:
        if e - a != 2:
            continue
        mod, head = singular(words[a]), singular(words[a + 1])
        for k in range(n - 2):
            if singular(words[k]) == head and lower[k + 1] == "of" and singular(words[k + 2]) == mod and not any(
                    j in taken for j in range(k, k + 3)):
                out.append(Span("VAR", k, k + 3, " ".join(words[k: k + 3])))
                taken.update(range(k, k + 3))
    return sorted(out, key=lambda sp: sp.start)


def head_names(words: list[str], spans: list[Span]) -> list[Span]:
    """"burns wood chips and natural gas. ... a thousand cubic meters of gas gives 10 MWh": the bare head of a
    two- or three-word name, where it opens a per-unit clause after "of" ("<amount> of gas gives"), is that
    name again. Only a head that ends exactly one name, and only an untagged word."""
    names = [sp for sp in spans if sp.label == "VAR" and sp.end - sp.start >= 2]
    heads: dict[str, set[str]] = {}
    for sp in names:
        heads.setdefault(singular(words[sp.end - 1]), set()).add(singular(" ".join(words[sp.start: sp.end - 1])))
    taken = {k for sp in spans for k in range(sp.start, sp.end)}
    lower = [w.lower() for w in words]
    out = list(spans)
    for k in range(1, len(words) - 1):
        if k in taken or lower[k - 1] != "of" or lower[k + 1] not in PER_UNIT_VERBS or not words[k].isalpha():
            continue
        if len(heads.get(singular(words[k]), ())) == 1:
            out.append(Span("VAR", k, k + 1, words[k]))
    return sorted(out, key=lambda sp: sp.start)


def listed_qualifiers(words: list[str], spans: list[Span]) -> list[Span]:
    """"runs collection drives at schools, offices, and shopping malls. A school drive collects 40 units,
    an office drive 55, and a mall drive 70": a list whose last item is a tagged name (with at most one
    untagged word before it, "shopping malls") and whose items each qualify one head later in the text
    ("school drive", "office drive", "mall drive") lists the decisions; its untagged one-word items are
    names as well, in the list's order. Three items or more."""
    lower = [w.lower() for w in words]
    n = len(words)
    taken = {k for sp in spans for k in range(sp.start, sp.end)}
    out = list(spans)
    for sp in spans:
        if sp.label != "VAR" or sp.start < 3:
            continue
        a = sp.start - 1
        if lower[a] not in {"and", "or"} and words[a].isalpha() and a not in taken and lower[a] not in STOP:
            a -= 1  # "and shopping [malls]"
        if lower[a] not in {"and", "or"}:
            continue
        k = a - 2 if lower[a - 1] == "," else a - 1  # an Oxford comma or not
        items: list[int] = []
        while k >= 0 and words[k].isalpha() and k not in taken and lower[k] not in STOP:
            items.append(k)
            if k < 2 or lower[k - 1] != ",":
                break
            k -= 2
        if len(items) < 2:
            continue
        # the head the tagged item qualifies later on, after a/an/each/every/one: "a mall drive"
        last = singular(words[sp.end - 1])
        head = next((lower[j + 1] for j in range(sp.end, n - 1) if singular(words[j]) == last and
                     lower[j - 1] in _ONE_OF and words[j + 1].isalpha() and lower[j + 1] not in STOP and
                     lower[j + 1] not in PER_UNIT_VERBS), None)
        if head is None or any(singular(words[i]) == singular(head) for i in items):
            continue
        if all(any(singular(words[j]) == singular(words[i]) and lower[j - 1] in _ONE_OF and lower[j + 1] == head
                   for j in range(sp.end, n - 1)) for i in items):
            out += [Span("VAR", i, i + 1, words[i]) for i in items]
            taken.update(items)
    return sorted(out, key=lambda sp: sp.start)


_SENTENCE_END = frozenset({".", "?", "!", ";"})


def possessive_names(words: list[str], spans: list[Span]) -> list[Span]:
    """"allow the big boat no more than twelve crossings, and its charter requires a minimum of four": "its"
    after ", and" stands for the one name its sentence gave before it, when a bound (a LIMIT) follows in
    its clause. The pronoun becomes a VAR span carrying that name."""
    lower = [w.lower() for w in words]
    taken = {k for sp in spans for k in range(sp.start, sp.end)}
    out = list(spans)
    for k in range(2, len(words)):
        if lower[k] != "its" or k in taken or lower[k - 1] != "and" or lower[k - 2] != ",":
            continue
        a = k
        while a > 0 and lower[a - 1] not in _SENTENCE_END:
            a -= 1
        e = k
        while e < len(words) and lower[e] not in _SENTENCE_END:
            e += 1
        before = [sp for sp in spans if sp.label == "VAR" and a <= sp.start and sp.end <= k]
        if len({singular(sp.text.lower()) for sp in before}) != 1:
            continue
        if not any(sp.label == "LIMIT" and k < sp.start < e for sp in spans):
            continue
        out.append(Span("VAR", k, k + 1, before[0].text))
    return sorted(out, key=lambda sp: sp.start)


def joined_proper_names(words: list[str], spans: list[Span]) -> list[Span]:
    """"Orange Premium Video" tagged as "Orange" and "Premium Video": a one-word name and a name right after it,
    each opening with a capital, are one proper name the tagger cut in two (two decisions are always set apart by
    a comma or "and")."""
    out: list[Span] = []
    for sp in sorted(spans, key=lambda x: x.start):
        last = out[-1] if out else None
        # (a one-word first part only, its stop not glued on: "Bundle A and Bundle B. Bundle A brings ..." is
        # two names that a stop the tokenizer kept in "B." sets apart)
        if (last is not None and last.label == sp.label == "VAR" and last.end == sp.start and last.start > 0
                and last.end - last.start == 1 and words[last.start][:1].isupper() and words[last.start].isalpha()
                and words[sp.start][:1].isupper() and words[last.start - 1] not in {".", "?", "!", ":"}):
            out[-1] = Span("VAR", last.start, sp.end, " ".join(words[last.start: sp.end]))
        else:
            out.append(sp)
    return out


_PLACES = frozenset("on in at for with through".split())
_AD_UNITS = frozenset("ad ads advert adverts advertisement advertisements commercial commercials spot spots".split())


def placed_units(words: list[str], spans: list[Span]) -> list[Span]:
    """"On Durian TV, each ad costs $300 and attracts 10,000 viewers": after a clause naming where ("On X ,"), "each
    ad" is one unit of that option, not another decision, so the word loses its name tag and the numbers after it
    go to X."""
    starts = {sp.start: sp for sp in spans if sp.label == "VAR"}
    drop: set[int] = set()
    for sp in spans:
        if sp.label != "VAR" or sp.end - sp.start != 1 or words[sp.start].lower() not in _AD_UNITS or sp.start < 4:
            continue
        if words[sp.start - 1].lower() not in {"each", "every", "one", "an", "a"} or words[sp.start - 2] != ",":
            continue
        # the clause before the comma: a place word, then one tagged name, from the sentence's start
        c = sp.start - 2
        opener = next((k for k in range(c - 1, -1, -1) if words[k] in {".", "?", "!", ";"}), -1) + 1
        named = starts.get(opener + 1)
        if words[opener].lower() in _PLACES and named is not None and named.end == c:
            drop.add(sp.start)
    return [sp for sp in spans if not (sp.label == "VAR" and sp.start in drop)]



_COUNTS = {w: i + 2 for i, w in enumerate("two three four five six seven eight nine".split())}


def counted_list_names(words: list[str], spans: list[Span]) -> list[Span]:
    """"has chosen four industries: energy, telecom, utilities, and health care" with "energy" untagged: a
    list after a colon that a count announces ("four industries:") and that has as many items as the count,
    one of them tagged, lists the decisions; its untagged items (one to three plain words) become VAR spans."""
    lower = [w.lower() for w in words]
    label = {k for sp in spans for k in range(sp.start, sp.end)}
    starts = {sp.start for sp in spans if sp.label == "VAR"}
    new: list[Span] = []
    for c in range(2, len(words) - 2):
        if words[c] != ":" or lower[c - 2] not in _COUNTS or not words[c - 1].isalpha():
            continue
        items: list[tuple[int, int]] = []
        k = c + 1
        while k < len(words) and words[k] not in {".", ";", ":", "?", "!"}:
            e = k
            while e < len(words) and words[e].isalpha() and lower[e] not in _SEP and e - k < 3:
                e += 1
            if e == k or (e < len(words) and words[e] not in _SEP and words[e] not in {".", ";", "?", "!"}):
                items = []
                break
            items.append((k, e))
            k = e
            while k < len(words) and lower[k] in _SEP:
                k += 1
        if len(items) != _COUNTS[lower[c - 2]] or not any(a in starts for a, _ in items):
            continue
        new += [Span("VAR", a, e, " ".join(words[a:e])) for a, e in items
                if not any(x in label for x in range(a, e)) and not any(_function(words[x]) for x in range(a, e))]
    return sorted([*spans, *new], key=lambda sp: sp.start) if new else spans

"""Which variables a LIMIT is on: the variable named after it or in its clause ("at least 40 2-piece suits",
"Birch can ship ..."), several named together or all of them ("in total", "for the whole fleet"), each on its
own ("of either type"), a rate between two ("1 doctor for every 4 nurses"), a share's variable ("at most 25
percent of it"), and limits that pair up (ranges, "respectively", "of which", "of them")."""

from __future__ import annotations

import re
from collections import Counter

from modeler.strategies.offline.entities import Span
from modeler.strategies.offline.limit_words import (
    _CLAUSE_BREAK,
    _PP,
    _asked,
    _clause_before,
    _common_head,
    _head_of,
    _limit_context,
    _listed_with_another,
    _money_decisions,
    _named_at,
    _open_compound,
    opens_clause,
    past_or_bound,
)
from modeler.strategies.offline.mentions import _TRIP_NOUNS
from modeler.strategies.offline.reading import Reading, overlap
from modeler.strategies.offline.variables import decision_units
from modeler.strategies.offline.words import MEASURES, OWNERS, STOP, content, parse_value, stem, weight

_TOTAL = frozenset("total combined altogether together combination either all overall".split())


def _list_comma(r: Reading, k: int) -> bool:
    """The comma at k stands between two names of a list that ends on "and" / "or" and a name ("wheat, corn, and
    soybeans"), not after a clause ("wildflower at least 20% of the mix, yellow rattle at least 15%", "At least
    100 acres must be wheat, and corn can be at most 40%")."""
    spans = {x.start: x.end for x in r.spans if x.label == "VAR" and x.start in r.mention_var}
    starts = {spans.get(q, q + 1) - 1: q for q in r.mention_var}  # the last word of each mention -> its first
    if r.words[k] != "," or k - 1 not in starts:
        return False
    j, names = k + 1, 0
    while j < len(r.words):
        w = r.words[j].lower()
        if w in {"and", "or"}:
            first = starts[k - 1]  # (", and corn" right after the comma: only with an earlier list comma)
            return names >= 1 or (first >= 2 and r.words[first - 1] == "," and first - 2 in starts)
        if w == ",":
            j += 1
        elif j in r.mention_var:
            names, j = names + 1, spans.get(j, j + 1)
        else:
            return False
    return False


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
    # ("grows wheat, corn, and soybeans on 500 acres": a comma between names lists them, it ends no clause)
    # ("At least 20 laptops must be stocked and tablets can be at most 60": an "and" with a subject and verb after it
    # does open a clause)
    cut = max([k + 1 for k in range(prv, sp.start) if (r.words[k].lower() in _CLAUSE_BREAK - {"and"}
               and not _list_comma(r, k)) or opens_clause(r, k)], default=prv)
    own = [r.mention_var[k] for k in sorted(r.mention_var) if cut <= k < sp.start and k not in common]
    own = own or _untagged_subject(r, cut, sp) or _but_subject(r, cut, sp) or _relative_antecedent(r, cut, prv, common)
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
    # "no more than 500 MWh at peak, and off-peak sales have to be ...": the names up to a new clause (", and")
    # are the limit's; the next clause speaks of its own
    joint = next((k for k in range(sp.end, nxt - 1) if r.words[k] in {",", ";"} and r.words[k + 1].lower() in {
        "and", "but", "while", "whereas"}), None)
    # ("At most 500 kg can go by air and rail must carry at least twice as much as truck": "and" opening a clause
    # with its own subject and verb)
    joint = joint if joint is not None else next((k for k in range(sp.end, nxt - 2) if opens_clause(r, k)), None)
    if joint is not None and any(k < joint for k in after):
        after = [k for k in after if k < joint]
    if after:
        return list(dict.fromkeys(r.mention_var[k] for k in after))
    return list(dict.fromkeys(before))


_SUBJECT_LEAD = frozenset("yet so that the then also and".split())


def _untagged_subject(r: Reading, cut: int, sp: Span) -> list[int]:
    """"..., yet wood is capped at $7000", "and that wood take no more than 70%": a clause that opens (past "yet",
    "that", "the") on a word only one decision's name holds, untagged, speaks about that decision."""
    k = cut
    while k < sp.start and r.words[k].lower() in _SUBJECT_LEAD:
        k += 1
    if k + 1 >= sp.start or k in r.mention_var or not r.words[k].isalpha():
        return []
    var = r.distinct.get(stem(r.words[k].lower()))
    return [var] if var is not None else []


def _but_subject(r: Reading, cut: int, sp: Span) -> list[int]:
    """"warehouse B charges $9 but only has room for 280": a clause after "but" with no subject of its own
    (it opens with its verb or an adverb) speaks about the one variable the clause before it opens with."""
    if cut < 2 or r.words[cut - 1].lower() != "but" or cut >= sp.start or r.words[cut].lower() in _OWN_SUBJECT or (
            r.words[cut][:1].isupper()) or any(k in r.mention_var for k in range(cut, sp.start)):
        return []
    k = cut - 2
    while k >= 0 and r.words[k].lower() not in {",", ";", ".", "?", "!", ":", "and", "while", "whereas", "but"}:
        k -= 1
    named = list(dict.fromkeys(r.mention_var[j] for j in range(k + 1, cut - 1) if j in r.mention_var))
    return named if len(named) == 1 and min(j for j in range(k + 1, cut - 1) if j in r.mention_var) <= _subject_start(
        r, k + 1) + 1 else []


# "the number of chocolate cones has to be at least 25 but ...": words that lead a clause's subject to its name
_COUNT_OF = frozenset("number amount quantity count total".split())


def _subject_start(r: Reading, k: int) -> int:
    """Where the name of a clause's subject may start when the clause opens at `k`: past "the number of" (and
    its kin), which counts the named thing and is no other subject; `k` itself otherwise."""
    low = [w.lower() for w in r.words[k: k + 4]]
    if len(low) >= 3 and low[0] in {"the", "a"} and low[1] in _COUNT_OF and low[2] == "of":
        return k + 3
    return k


# words that open a clause with its own subject
_OWN_SUBJECT = frozenset("the a an we i you they it he she there this that these those each every our my its".split())


def _relative_antecedent(r: Reading, cut: int, prv: int, common: set[int]) -> list[int]:
    """"but B's work can only be done in the shared office, which I can book for at most 20 hours": a limit's
    clause that opens with "which" / "where" after a comma speaks of the noun before the comma, so the
    names of that clause are the limit's."""
    if not (prv + 1 < cut < len(r.words) and r.words[cut - 1] == "," and r.words[cut].lower() in {"which", "where"}):
        return []
    lo = max([k + 1 for k in range(prv, cut - 1) if r.words[k].lower() in _CLAUSE_BREAK - {"and"}], default=prv)
    return [r.mention_var[k] for k in sorted(r.mention_var) if lo <= k < cut - 1 and k not in common]


def _neither_before(r: Reading, sp: Span) -> bool:
    """"Neither line can run more than 20 hours a day", "none of the ovens may be used for more than 8
    hours": the limit holds for each decision on its own."""
    m = re.search(r"(?:^| )(?:neither|none of)\b(?: (?:the|these|those|our|its|their|two|three))* ([a-z-]+)",
                  _clause_before(r, sp))
    if m is None:
        return False
    # ("Neither machine can run more than 3000 hours" of sausages and patties: a resource no decision's name
    # holds, so each machine's row is bounded, not each decision: `_each_resource`; but "Neither machine can
    # work more than 14 hours" when the question asks how many hours each machine works bounds each decision)
    if m.group(1) in {"them", "these", "those"} and _them_resources(r, sp):
        return False
    return not _resource_noun(r, m.group(1)) or _in_asked_unit(r, sp)


def _them_resources(r: Reading, sp: Span) -> bool:
    """"The company owns one snow plow, one truck and one shovel, and none of them can be used for more than
    500 minutes": "them" are what the sentence named before it, resources, when it named two or more things
    the coefficient groups measure and no decision."""
    a, _ = r.sentences[r.tokens[sp.start].sent]
    low = [w.lower() for w in r.words[a: sp.start]]
    at = next((k for k in range(len(low) - 2) if low[k] in {"none", "neither", "each"} and low[k + 1] == "of"
               and low[k + 2] in {"them", "these", "those"}), None)
    if at is None or any(j in r.mention_var for j in range(a, a + at)):
        return False
    measured = {t for f in r.features for t in f.context if t.isalpha() and t.islower()}
    named = {t for t in content(r.words[a: a + at]) if t in measured and not any(t in v.keys for v in r.variables)}
    return len(named) >= 2 and not _in_asked_unit(r, sp)


def _in_asked_unit(r: Reading, sp: Span) -> bool:
    """The word right after a limit's number is what the question counts ("at most 14 hours" and "How many
    hours should each machine work"): the decisions are in the limit's unit, no resource is between."""
    return sp.end < len(r.words) and r.words[sp.end].isalpha() and _asked(r, sp.end)


def _resource_noun(r: Reading, word: str) -> bool:
    """A noun after "neither" / "each of the" that is no word of any decision's name ("machine" of sausages
    and patties) and no pronoun: what the decisions use, not one of them."""
    return word.isalpha() and word not in STOP | {"them", "us", "these", "those", "it", "kind", "type", "kinds",
                                                  "types", "option", "options", "product", "products"} and not any(
        stem(word) in v.keys for v in r.variables)


def _each_one_before(r: Reading, sp: Span) -> bool:
    """"Each generator can run for at most 24 hours a day" of a diesel and a gas generator: a limit whose
    clause opens with "each" and the noun every decision's name shares holds for each decision on its own
    (the caller asks that the unit after it be what the question counts, so "each truck carries at most 20
    tonnes" stays a size)."""
    words = _clause_before(r, sp).split()
    if len(words) < 2 or words[0] not in {"each", "every"} or len(r.variables) < 2:
        return False
    shared = set.intersection(*(v.keys for v in r.variables))
    return stem(words[1]) in shared




def _named_subject(r: Reading, sp: Span) -> int | None:
    """"..., and Birch can ship no more than 4,000 tonnes": a limit's clause whose subject is a proper name
    that only one variable's name holds ("ore from Birch mine"), before "can / could / may / will", bounds that
    variable alone."""
    clause = _clause_to(r, sp)
    if len(clause) < 3 or not any(w.lower() in {"can", "could", "may", "will", "cannot"} for w in clause[1:4]):
        return None
    w = clause[1] if clause[0].lower() in OWNERS else clause[0]
    # ("Our bank staff can only take 45 shifts": a possessive subject whose first word only one name holds; "The
    # radio station can run at most 15 ads": the one name that word opens ends on what the limit counts)
    if not w[:1].isupper() and clause[0].lower() not in OWNERS - {"the"} and not _counts_its_head(r, sp, w):
        return None
    owners = {v.index for v in r.variables for m in v.mentions if w.lower() in m.lower().split()}
    if len(owners) != 1:
        # "Type A can fly at most 7 times a week": the whole subject ("type a") only one name holds
        at = next(i for i, x in enumerate(clause) if x.lower() in {"can", "could", "may", "will", "cannot"})
        subject = [x.lower() for x in clause[:at] if x.lower() not in OWNERS]
        owners = {v.index for v in r.variables for m in v.mentions if subject and set(subject) <= set(
            m.lower().split())} if 1 < len(subject) <= 3 else set()
    return owners.pop() if len(owners) == 1 else None


def _counts_its_head(r: Reading, sp: Span, w: str) -> bool:
    """The word after the limit is the head of the one name `w` opens."""
    if sp.end >= len(r.words):
        return False
    names = [v.text.lower().split() for v in r.variables if v.text.lower().split()[:1] == [w.lower()]]
    return len(names) == 1 and len(names[0]) > 1 and stem(names[0][-1]) == stem(r.words[sp.end])


def _clause_to(r: Reading, sp: Span) -> list[str]:
    """The words of a limit's clause before it: back to the last stop, comma or joining word."""
    k = sp.start - 1
    while k >= 0 and r.words[k].lower() not in {",", ".", ";", "?", "!", ":", "and", "but", "while", "whereas"}:
        k -= 1
    return r.words[k + 1: sp.start]


def _quota_of(r: Reading, sp: Span) -> int | None:
    """"Our cod quota for the season is 40 tonnes": a quota whose word before it only one variable's name holds
    bounds that variable alone."""
    clause = [w.lower() for w in _clause_to(r, sp)]
    if "quota" not in clause or clause.index("quota") < 1:
        return None
    return r.distinct.get(stem(clause[clause.index("quota") - 1]))


def _one_bounded(r: Reading, sp: Span) -> int | None:
    """The one decision a limit's clause bounds by its subject ("Birch can ship ...") or its quota ("Our cod
    quota ...")."""
    named = _named_subject(r, sp)
    return named if named is not None else _quota_of(r, sp)


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


def _asked_head_total(r: Reading, sp: Span) -> bool:
    """"A beekeeper owns 80 hives and decides where to place them ...: in clover meadows or in an orchard", with
    "a clover hive", "an orchard hive" and the question "How many hives should go to each site": an amount of the
    head every variable's name shares, the unit the question counts, is their total, whichever name its clause
    says."""
    if sp.end >= len(r.words) or not r.words[sp.end].isalpha() or len(r.variables) < 2:
        return False
    low = r.low
    asked = {stem(low[j + 2]) for j in range(len(low) - 2) if low[j] == "how" and low[j + 1] in {"many", "much"}}
    # (not "The ferry must make at least 8 trips", "The radio station sells at most 15 ads": a name before it in
    # its clause says whose amount it is)
    # (nor "keeps at least 30 tickets for seniors": nor one after it, before its clause ends)
    a, b = r.sentences[r.tokens[sp.start].sent]
    cut = max([k + 1 for k in range(a, sp.start) if low[k] in _CLAUSE_BREAK], default=a)
    end = min([k for k in range(sp.end, b) if low[k] in _CLAUSE_BREAK | {":", "."}], default=b)
    # (nor "must make at least 10 cakes of strawberry but can not make more than 20 cakes": the first limit of its
    # sentence only)
    # (nor "The dump truck is old, so it can make at most 6 trips": one vehicle's own trips, `_trips_of_one`)
    # (nor "For vanilla, it has to sell a minimum of 20 cones": the name a sentence opens on with "For" is its topic)
    if low[a] in {"for", "as"} and any(a < k < cut and k in r.mention_var for k in range(a, cut)) and "," in low[a: cut]:
        return False
    return stem(low[sp.end]) in asked and _common_head(r, sp.end) and _trips_of_one(r, sp) is None and all(
        _named_at(r, k) is None for k in [*range(cut, sp.start), *range(sp.end + 1, end)]) and not any(
        x.label == "LIMIT" and a <= x.start < sp.start for x in r.spans)


def _of_every_head(r: Reading, sp: Span) -> bool:
    """"The mill can handle up to 5,000 tonnes of ore" with decisions "North ore" and "South ore" and the
    question "How many tonnes ...": an amount in the unit the question counts, "of" the head every
    variable's name shares, is their sum."""
    if sp.end + 2 >= len(r.words) or r.words[sp.end + 1].lower() != "of" or sp.end + 2 in r.mention_var:
        return False
    k = sp.end + 1
    # the amount's unit is what the question counts ("How many tonnes should be taken")
    low = r.low
    asked = {stem(low[j + 2]) for j in range(len(low) - 2) if low[j] == "how" and low[j + 1] in {"many", "much"}}
    if stem(low[sp.end]) not in asked:
        return False
    return _common_head(r, k + 1)


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
        # ("at most 3 juniors per senior": people leave out the "one" after "per" as after "every")
        if n is None and r.words[k].lower() in {"every", "each", "per"} and _named_at(r, at) is not None:
            n, at = 1.0, at - 1
        if n is None or n <= 0:
            return None
        for j in range(at + 1, min(at + 4, b)):
            y = _named_at(r, j)
            if y is not None:
                return (x, y, n) if y != x else None
        return None
    return _every_before(r, sp)


def _rate_second(r: Reading, sp: Span) -> bool:
    """"at least $1 in gold for every $3 in tech": the number after "for every" is the rate's second, read
    with its first (`_for_every`), no limit of its own."""
    a, _ = r.sentences[r.tokens[sp.start].sent]
    k = sp.start - 1 if sp.start > a and r.words[sp.start - 1] == "$" else sp.start
    if k - 2 < a or r.words[k - 2].lower() not in {"for", "to"} or r.words[k - 1].lower() not in {"every", "each"}:
        return False
    return any(x.label in {"LIMIT", "PARAM"} and max(a, k - 10) <= x.start < k - 2 for x in r.spans)


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
                _new_clause(r, k) or _and_cue(r, k)):
            return None
        # ("every driver needs at least one loader with them": "every" opening the clause says it as well)
        subject = w in {"every", "each"} and (k == a or r.words[k - 1].lower() in {",", ";", ":", "says", "that"}) and (
            k + 3 < sp.start and (r.words[k + 2].lower() in _NEEDS or _each_can(r, k + 1, sp)))
        if not subject and (w not in {"for", "to"} or r.words[k + 1].lower() not in {"every", "each"}):
            continue
        k -= subject
        n = parse_value(r.words[k + 2]) if k + 2 < sp.start else None
        n = n if n is not None and n > 0 else 1.0
        for j in range(k + 2, min(k + 6, sp.start)):
            y = _named_at(r, j)
            if y is not None:
                return (x, y, n) if y != x else None
        return None
    return None


_NEEDS = frozenset("needs need requires require gets get".split())
_CAN_VERBS = frozenset("can may could".split())


def _each_can(r: Reading, k: int, sp: Span) -> bool:
    """"Each experienced worker can supervise at most 2 trainees": after "each", a tagged name of several
    words or one, then "can" and one verb right before the limit's cue: what one of them can do for the others."""
    name = next((x for x in r.spans if x.label == "VAR" and x.start == k), None)
    if name is None or name.end + 2 > sp.start or r.words[name.end].lower() not in _CAN_VERBS:
        return False
    cue = {j for x in r.spans if x.label == "CONST_DIR" for j in range(x.start, x.end)}
    return r.words[name.end + 1].isalpha() and all(j in cue for j in range(name.end + 2, sp.start))


def _and_cue(r: Reading, k: int) -> bool:
    """"at least 2 nurses for every doctor and at least 6 aides": an "and" followed by a comparison cue of its
    own begins another limit; the rate before it is not this limit's."""
    after = " ".join(w.lower() for w in r.words[k + 1: k + 3])
    return r.words[k].lower() == "and" and after in {"at least", "at most", "no more", "no less", "no fewer",
                                                        "more than", "less than", "fewer than", "up to"}


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
        if var is None and len(r.words[k]) == 1 and r.words[k].isupper() and r.words[k - 1].lower() in _PLACE_IN:
            # "at least 40% of the pallets must be in A" of "warehouse A": the letter only one name ends with
            owners = [v.index for v in r.variables if key in v.keys]
            var = owners[0] if len(owners) == 1 else None
        if var is not None:
            return var
    return None


_PLACE_IN = frozenset("in at into to from with by".split())


def _share_in_it(r: Reading, sp: Span) -> int | None:
    """"Because Fund C is risky, she will put at most 25 percent of her money in it": a share put "in it"
    ("into it", "on it") is the share of the variable named last before the limit."""
    a, b = r.sentences[r.tokens[sp.start].sent]
    low = [w.lower() for w in r.words[sp.end: b]]
    cut = next((i for i, w in enumerate(low) if w in {",", ";", "and", "but", "while"}), len(low))
    if any(w == "there" and prv in _PUT_THERE for prv, w in zip(low[:cut], low[1:cut], strict=False)) and not any(
            sp.end + i in r.mention_var for i in range(cut)):
        # ("given recent problems in fast food, it will put no more than 40% of the amount invested there"):
        # the place named last before the share in its own sentence, by its name or a word only its name has
        a = r.sentences[r.tokens[sp.start].sent][0]
        for k in range(sp.start - 1, a - 1, -1):
            named = r.mention_var.get(k, r.distinct.get(stem(r.words[k].lower())))
            if named is not None:
                return named
        return None
    if not any(w in {"in", "into", "on", "to", "for"} and nxt == "it" for w, nxt in zip(low[:cut], low[1:cut], strict=False)):
        return None
    before = [k for k in r.mention_var if k < sp.start]
    if not before or r.tokens[max(before)].sent < r.tokens[sp.start].sent - 1:
        return None
    return r.mention_var[max(before)]


_PUT_THERE = frozenset("invested put placed spent allocated lent loaned kept held go goes".split())


def _share_put_in(r: Reading, sp: Span) -> int | None:
    """"at most 30% of the fund in shares" beside a "share fund": a share put "in" (or "into") a word that only
    one decision's name has, untagged, is the share of that decision (not of a name said earlier in the
    sentence, past "and")."""
    b = r.sentences[r.tokens[sp.start].sent][1]
    low = [w.lower() for w in r.words[sp.end: b]]
    cut = next((i for i, w in enumerate(low) if w in {",", ";", "and", "but", "while"}), len(low))
    if any(sp.end + i in r.mention_var for i in range(cut)):
        return None  # ("50% of all items in stock are beds": the name the clause gives, not a word of "stock")
    for i in range(cut - 1):
        # ("no more than 65% should go to microprocessors": where money goes "to" is where it is put)
        if low[i] in {"in", "into"} or low[i] in {"to", "toward", "towards"} and i and low[i - 1] in _GO_TO:
            j = i + 1 + (low[i + 1] == "the" and i + 2 < cut)
            if sp.end + j not in r.mention_var and stem(low[j]) in r.distinct:
                return r.distinct[stem(low[j])]
    return None


_GO_TO = frozenset("go goes going allocated given assigned devoted directed".split())


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


def _var_follows(r: Reading, sp: Span) -> int | None:
    """The variable named right after a limit ("at least 40 2-piece suits", "at most 30 units of X"; "at
    least $1000 in company B" where the decisions are sums of money)."""
    them = _from_them(r, sp)
    if them is not None:
        return them
    if _counted_as_coefficients(r, sp):
        return None
    glue = {"of", "the", "units", "unit", "new", "more", "fewer", "less", "a", "an"}
    end = past_or_bound(r.words, sp.end)
    # "at least $1000 has to be invested in the shipping industry": the words between say where it goes
    k0 = end
    while k0 < min(sp.end + 5, len(r.words)) and r.words[k0].lower() in _MONEY_GLUE:
        k0 += 1
    if k0 >= 2 and k0 < len(r.words) and r.words[k0 - 1].lower() == "to" and r.words[k0 - 2].lower() in {
            "go", "goes", "going", "allocated", "given", "sent"}:
        k0 -= 1  # ("at least $10000 must go to savings": "to" says where it goes, as "in" does)
    if sp.start > 0 and r.words[sp.start - 1] == "$" and _money_decisions(r) and k0 < len(r.words) and (
            r.words[k0].lower() in {"in", "into", "on", "to"}) and not _used_in_full(r, sp):
        for k in range(k0, min(k0 + 5, len(r.words))):  # "at least $1000 in toothpaste company B"
            if k in r.mention_var:
                return None if _listed_with_another(r, r.mention_var[k], sp) or _into_several(
                    r, k) else r.mention_var[k]
            if k == k0 + 1 and stem(r.words[k]) in r.distinct and r.words[k + 1: k + 2] in ([], ["."], [","], [";"]):
                # ("can go into healthcare ." with the name untagged: the word only one option's name has,
                # ending the clause)
                return r.distinct[stem(r.words[k])]
            if r.words[k] in {",", ".", ";", "?", "!"} or r.words[k].lower() in {"and", "or", "than", "while"}:
                break
    given = _given_to(r, end) if end < len(r.words) else None
    if given is not None:  # "at least 10 hectares must be planted with Riesling"
        return given
    suited = _suited_for(r, end)
    if suited is not None:  # "only 500 homes suitable for loft insulation"
        return suited
    for k in range(end, min(end + 4, len(r.words))):
        if k + 1 < len(r.words) and r.words[k + 1].lower() in _MEASURE_HEADS and k not in r.mention_var:
            return None  # ("100 board feet of walnut" beside "cutting boards": a unit of measure, not boards)
        if k in r.mention_var:
            one_word = not any(x.start == k and x.end > k + 1 for x in r.spans if x.label == "VAR")
            return None if one_word and _common_head(r, k) else r.mention_var[k]
        if stem(r.words[k]) in r.distinct and r.words[k - 1].lower() != "of" and _each_type_asked(r, k):
            return None  # "sell at most 300 tickets" where the question asks "How many of each ticket type"
        if stem(r.words[k]) in r.distinct and r.words[k - 1].lower() != "of" and _head_of(r, k) and not (
                _common_head(r, k)):
            return r.distinct[stem(r.words[k])]  # "40 2-piece suites" untagged
        if stem(r.words[k]) in r.distinct and r.words[k - 1].lower() != "of" and _kind_of_head(r, k):
            return r.distinct[stem(r.words[k])]  # "only 60 sleeper beds" of "sleeper tickets"
        if stem(r.words[k]) in r.distinct and "-" in r.words[k].strip("-") and r.words[k - 1].lower() != "of":
            # "at most 18 full-time positions": a hyphenated modifier only one name has is never a head noun
            # (unlike "600 eggs" of "eggs benedict"), whatever noun it qualifies
            return r.distinct[stem(r.words[k])]
        parts = {stem(x) for x in r.words[k].lower().split("-") if x}
        named = [v.index for v in r.variables if len(parts) > 1 and parts == set(v.keys)]
        if len(named) == 1 and r.words[k - 1].lower() != "of":
            return named[0]  # "at most 5 large-plane flights" of "large plane": its whole name, hyphened
        if _open_compound(r, k) is not None:  # "up to 8 native speakers" of "native-speaker teachers"
            return _open_compound(r, k)
        if _unit_of(r, sp, k):
            return r.mention_var[k + 2]  # "at least 15 bottles of Dusk": what the counted things hold
        if _measure_of(r, sp, k) is not None:
            return _measure_of(r, sp, k)  # "at least 3 kg of fruit in the mix"
        if r.words[k].lower() not in glue:
            return _counted_for(r, k)
    return None


def _said_after(r: Reading, k: int) -> tuple[str, ...]:
    """The stems of the words from k that say what a number counts ("units of peanut butter"), up to a stop."""
    out: list[str] = []
    while k < len(r.words) and len(out) < 5 and (r.words[k].isalpha() or "-" in r.words[k]) and r.words[k].lower() not in {
            "and", "or", "per", "each", "a", "an", "for", "in", "on", "to", "than", "while", "but"}:
        out.append(stem(r.words[k].lower()))
        k += 1
    return tuple(out)


def _counted_as_coefficients(r: Reading, sp: Span) -> bool:
    """"An egg sandwich takes 5 eggs ..., a ham sandwich 1 egg ... The truck has no more than 50 eggs", "A peanut
    butter smoothie takes 2 units of peanut butter ... The shop has 80 units of peanut butter": a limit counted in
    the very words each number of a coefficient group is counted in is that group's resource, whatever decision
    the words name."""
    said = _said_after(r, past_or_bound(r.words, sp.end))
    # (one of the group's numbers may say its unit short: "2 ski and 2 snowboard lessons" beside "4 ski lessons")
    return bool(said) and any(f.coefs and any(p == said for p in ps) and all(p[:1] == said[:1] for p in ps) for f in (
        r.features) if (ps := [_said_after(r, c.tok + 1) for c in f.coefs.values()]))


def _each_type_asked(r: Reading, k: int) -> bool:
    """"A travel company can sell at most 300 tickets ... guided tour packages as well as regular tickets ... How
    many of each ticket type should be sold": the word the question says every decision is a type of ("each
    ticket type") names them all, though only one name ends with it."""
    low = r.low
    w = stem(low[k])
    return any(low[j] == "each" and stem(low[j + 1]) == w and low[j + 2] in {"type", "kind", "types", "kinds"}
               for j in range(k + 1, len(low) - 2))


def _kind_of_head(r: Reading, k: int) -> bool:
    """"The train has only 60 sleeper beds and 150 couchette beds" of "sleeper tickets" and "couchette
    tickets": the word that opens one decision's name, before a noun that names no decision and that no
    number measures, picks out that decision (the beds of its kind)."""
    if k + 1 >= len(r.words) or not r.words[k + 1].isalpha():
        return False
    head = stem(r.words[k + 1].lower())
    v = r.variables[r.distinct[stem(r.words[k])]]
    opens = any(len(m.split()) > 1 and stem(m.split()[0].lower()) == stem(r.words[k].lower()) for m in v.mentions)
    if not opens or r.words[k + 1].lower() in MEASURES or r.words[k + 1].lower() in STOP or any(
            head in o.keys for o in r.variables):
        return False
    if not any(head in f.context for f in r.features) and not any(head in c.context for c in r.coefs):
        return True
    # a word numbers measure is no such noun, unless each time it is said elsewhere a decision's own word opens it
    # and no number counts it: "Profit is $20 for a small board" beside "small PCBs", and "at least 5 small boards"
    # ("4 ski lessons a day" beside "ski instructor": a number before the decision's word counts the noun)
    return not any(stem(r.words[j].lower()) == head and (stem(r.words[j - 1].lower()) not in r.distinct or (
        j >= 2 and parse_value(r.words[j - 2]) is not None)) for j in range(1, len(r.words)) if j != k + 1)


def _from_them(r: Reading, sp: Span) -> int | None:
    """"To keep our account with A open we have to buy at least 30 boxes from them": "from them" after the
    limit's unit points back at the one variable its sentence named before it (by its name or its letter)."""
    k = sp.end + (1 if sp.end < len(r.words) and r.words[sp.end].isalpha() and r.words[sp.end].lower() not in {
        "from", "of"} else 0)
    if [w.lower() for w in r.words[k: k + 2]] not in (["from", "them"], ["from", "it"], ["with", "them"]):
        return None
    a, _ = r.sentences[r.tokens[sp.start].sent]
    named = {r.mention_var[j] for j in range(a, sp.start) if j in r.mention_var}
    for j in range(a, sp.start):
        if len(r.words[j]) == 1 and r.words[j].isupper() and r.words[j - 1].lower() in _PLACE_IN:
            named |= {v.index for v in r.variables if stem(r.words[j]) in v.keys}
    return named.pop() if len(named) == 1 else None


def _used_in_full(r: Reading, sp: Span) -> bool:
    """"The fund of $120,000 is to be invested in full in a term deposit (4.2%), bonds (5%) and ...": a sum
    its own clause says is used up goes into all the options it lists, not the first one named."""
    from modeler.strategies.offline.repairs import FULLY_USED

    return bool(FULLY_USED.match(" ".join(r.words[sp.end: sp.end + 12])))


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


_SUITED = frozenset("suitable eligible fit ready approved right".split())


def _suited_for(r: Reading, k: int) -> int | None:
    """"The survey found only 500 homes suitable for loft insulation": things counted after a limit that are
    "suitable / eligible / fit for" what one variable's name (tagged or not) says are how many of that
    variable there can be."""
    if k + 3 >= len(r.words) or not r.words[k].isalpha() or r.words[k + 1].lower() not in _SUITED or (
            r.words[k + 2].lower() != "for"):
        return None
    j = k + 3
    if j in r.mention_var:
        return r.mention_var[j]
    owners = {r.distinct[stem(w)] for w in r.words[j: j + 3] if w.isalpha() and stem(w) in r.distinct}
    return owners.pop() if len(owners) == 1 else None


def _given_to(r: Reading, k: int) -> int | None:
    """"At least 10 hectares must be planted with Riesling", "no more than 8 bundles can be delivered by
    wholesaler Y", "at least 40 hours must go to the comet survey": what a count of the decisions' unit (the question's "how many bundles") is put to or
    comes from, named after its verb, is the variable it bounds."""
    if stem(r.words[k]) not in decision_units(r) and not _asked(r, k):
        return None
    # ("At least 3 acres must be planted with carrots and at least 5 acres with beets": the verb left out of a
    # second clause the first one gave)
    said = [w.lower() for w in r.words[k + 1: k + 4]]
    j = k + 2 + (said[1:2] in (["the"], ["a"], ["an"]))
    if said[:1] and said[0] in {"with", "to", "for", "on", "in", "by", "from"} and j in r.mention_var:
        a, _ = r.sentences[r.tokens[k].sent]
        if re.search(rf"\b(?:must|should|will|can|has to|have to|needs to|need to) be [a-z]+ {said[0]} ",
                     " ".join(w.lower() for w in r.words[a:k]) + " "):
            return r.mention_var[j]
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
    return (stem(r.words[k]) in decision_units(r) or _asked(r, k) or _own_unit(r, k, var)) and any(
        var in f.coefs for f in r.features) and not _listed_with_another(r, var, sp)


def _own_unit(r: Reading, k: int, var: int) -> bool:
    """"at most 60 loaves of bread" where "Each loaf of bread gives $3": the word at k is what one unit of that
    decision is, said so elsewhere ("each" / "a" / "one" / "per" before it, "of" and the decision after)."""
    unit = stem(r.words[k])
    return any(j != k and stem(r.words[j]) == unit and r.words[j - 1].lower() in {"each", "a", "an", "one", "per", "every"}
               and r.words[j + 1].lower() == "of" and r.mention_var.get(j + 2) == var for j in range(1, len(r.words) - 2))


def _counted_for(r: Reading, k: int) -> int | None:
    """"reserved a minimum of 10 tickets for vehicles", "a minimum of 50 books displayed are hardcover":
    what a variable is counted in, "for" it or said to "be" it, is that variable ("vehicle tickets",
    "hardcover books"): the word at k is a head of its name."""
    j = k + 1
    kept = _KEPT_FOR.match(" ".join(w.lower() for w in r.words[j: j + 5]))
    if kept:
        j += len(kept.group(0).split())  # "15 tickets are set aside for children": what is kept for one kind
    elif j < len(r.words) and r.words[j].lower() not in _COUNTED_FOR and r.words[j].isalpha() and j not in r.mention_var:
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


# ("A minimum of 50 seats are reserved as first-class": what a count is kept as, like what it is kept for)
_COUNTED_FOR = frozenset({"for", "are", "be", "is", "as"})
_KEPT_FOR = re.compile(r"(?:(?:are|is|must be|will be|should be|have been|has been|be) )?(?:set aside|reserved|kept|held|"
                       r"saved|earmarked)(?= (?:for|as)\b)")
# the head of a unit of measure a decision's word may qualify ("board feet", "man hours")
_MEASURE_HEADS = frozenset("feet foot".split()) | MEASURES - {"units", "square", "cubic"}

# ("no more than $12000 can go into healthcare", "$5000 may be put in bonds": a modal before the verb too)
_MONEY_GLUE = frozenset("must has have to should needs need be is are invested put placed spent allocated kept "
                        "going go stay stays remain remains left can may could sit sits".split())

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


_EACH = frozenset({"each", "both", "every", "all", "either"})
# ("It sells a minimum of 30 and a maximum of 65 microwaves": "of" after "maximum")
_RANGE_GLUE = frozenset("but and to or - , at most least no not more less than fewer maximum minimum a the up under "
                        "over exceed never nor $ between of".split())


def _ranges(r: Reading, limits: list[Span]) -> dict[int, int]:
    """Two limits of one range share their variable: "at least 10 but at most 30 pairs of skis", "at
    least 10 lenses but at most 25": limit start -> the variable named after the other one."""
    out: dict[int, int] = {}
    for a, b in zip(limits, limits[1:], strict=False):
        between = [w.lower() for w in r.words[a.end: b.start]]
        if not between or r.tokens[a.start].sent != r.tokens[b.start].sent:
            continue
        va, vb = _var_follows(r, a), _var_follows(r, b)
        if va is None and vb is not None and all(w in _RANGE_GLUE for w in between) and not _money_then_count(
                r, a, b):
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


def _but_range(r: Reading, a: Span, b: Span) -> bool:
    """Limit b opens a clause after "but" / "yet" (or "and" with only its cue) in a's sentence and names nothing, from a on to the
    sentence's end ("a minimum of 50 must be sold, but no more than 80 can be prepared daily"), nor speaks of
    all together ("in total")."""
    s = r.tokens[a.start].sent
    if r.tokens[b.start].sent != s:
        return False
    _, end = r.sentences[s]
    between = [w.lower() for w in r.words[a.end: b.start]]
    # ("The number of cakes must be at least 10 and at most 30", "a minimum of 20 cones and no more than 60": "and"
    # with nothing but the other end's cue, past a's unit)
    glued = between[1:] if len(between) > 1 and between[0].isalpha() and between[1] == "and" else between
    joined = glued[:1] == ["and"] and len(glued) <= 4 and set(glued) <= _RANGE_GLUE
    # (to the end of b's own clause: "Chocolate cone sales must be at least 30 and at most 50, and vanilla cone
    # sales at least 20 and at most 60")
    if joined:
        end = next((k for k in range(b.end, end) if r.words[k] in {",", ";"}), end)
    if not ({"but", "yet"} & set(between) or joined) or any(a.end <= k < end for k in r.mention_var):
        return False
    return not _TOTAL & {w.lower() for w in r.words[a.end: end]} and "each" not in between


def _money_then_count(r: Reading, a: Span, b: Span) -> bool:
    """"The daily budget is $9,000, and at most 12 rail wagons are available": a sum of money and then a
    count are two limits, not the two ends of one range."""
    def money(sp: Span) -> bool:
        return sp.start > 0 and r.words[sp.start - 1] == "$"
    return money(a) and not money(b)


def _respective_bounds(r: Reading, limits: list[Span]) -> dict[int, int]:
    """"At least 20 and 10 acres must be given to apples and pears respectively": in a "respectively" sentence that
    names as many decisions as it has limits, and measures nothing of them, the k-th limit bounds the k-th decision
    named. Limit start -> that decision."""
    out: dict[int, int] = {}
    for s, (a, b) in r.sentences.items():
        if "respectively" not in {w.lower() for w in r.words[a:b]} or any(c.sent == s for c in r.coefs):
            continue
        here = [sp for sp in limits if a <= sp.start < b]
        named = list(dict.fromkeys(r.mention_var[k] for k in sorted(r.mention_var) if a <= k < b))
        if len(here) >= 2 and len(named) == len(here):
            out.update({sp.start: v for sp, v in zip(here, named, strict=True)})
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
        len(nxt) < 4 or nxt[3] in _AFTER_EACH or nxt[3] in _EACH_KIND)


_AFTER_EACH = frozenset(". , ; per every a in and but daily weekly monthly".split())
# ("at least 2 ads of each type", "at least 4 hours of each subject": a word for what every decision is a kind of)
_EACH_KIND = frozenset("type kind sort variety category subject product item option flavor flavour model style "
                       "brand channel medium crop".split())


def _each_resource(r: Reading, sp: Span) -> bool:
    """The limit holds for several resources at once: "each machine is available for 720 minutes",
    "both machines are available for at most 600 minutes", "20 grams of biotin and folate each"."""
    a, b = r.sentences[r.tokens[sp.start].sent]
    lowered = [w.lower() for w in r.words[a:b]]
    for k, w in enumerate(lowered):
        if w == "neither" and a + k < sp.start and k + 1 < len(lowered) and _resource_noun(r, lowered[k + 1]) and (
                not _in_asked_unit(r, sp)):
            return True  # "Neither machine can run more than 3000 hours a year": each machine's own row
        if w in {"each", "none", "neither"} and a + k < sp.start and lowered[k + 1: k + 2] == ["of"] and (
                _them_resources(r, sp)):
            return True  # "one plow, one truck and one shovel, and none of them can be used for more than ..."
        if w in {"each", "apiece"} and sp.end <= a + k <= sp.end + 1 and lowered[k + 1: k + 2] == ["of"] and (
                a + k + 2 < b and (a + k + 2) not in r.mention_var and not _in_asked_unit(r, sp)):
            return True  # "no less than 13 grams each of fiber and of iron", "20 grams apiece of biotin and folate"
        if w not in _EACH:
            continue
        nxt = lowered[k + 1] if k + 1 < len(lowered) else ""
        if not nxt or nxt in {".", ",", ";", "?", "!"}:
            # "... fiber and iron each." (not "and the quick shots may not exceed 12 either": "too")
            return a + k > sp.start and w != "either"
        if nxt == "of" and w == "each" and a + k < sp.start and _each_of_resource(r, lowered, k) and (
                not _in_asked_unit(r, sp)):
            return True  # "each of the two machines can be used for no more than 400 minutes"
        if nxt == "of" or stem(nxt) in _TIME_WORDS or (a + k + 1) in r.mention_var:
            continue
        if a + k < sp.start or a + k <= sp.end + 3:  # "a minimum of 20 grams of each biotin and folate"
            return True
    return False


def _each_of_resource(r: Reading, lowered: list[str], k: int) -> bool:
    """"each of the two machines", "each of these machines": the noun after "each of" and its determiners
    is a resource (`_resource_noun`), not a decision and not a pronoun."""
    j = k + 2
    while j < len(lowered) and lowered[j] in {"the", "these", "those", "two", "three", "four", "our", "its", "their"}:
        j += 1
    return j > k + 2 and j < len(lowered) and _resource_noun(r, lowered[j])


_TIME_WORDS = frozenset(stem(w) for w in "day days week weeks month months year years hour hours minute minutes "
                        "shift shifts season morning night time times".split())


def _clause_start(r: Reading, a: int, end: int) -> int:
    """Where the clause holding the word before `end` opens: after the last clause break from `a` (the
    sentence's start) on."""
    return max([k + 1 for k in range(a, end) if r.words[k].lower() in _CLAUSE_BREAK], default=a)


def _subject_is(r: Reading, sp: Span, var: int) -> bool:
    """The limit's own clause names `var` before it, and no other variable: its subject ("and line 2 can
    run at most 35 hours"), not a place named after it ("owns 80 hives ... in an orchard")."""
    a, _ = r.sentences[r.tokens[sp.start].sent]
    cut = _clause_start(r, a, sp.start)
    named = {r.mention_var[k] for k in r.mention_var if cut <= k < sp.start}
    # ("but B's lawns need the big mower, which I can rent for at most 6 lawns": the clause "which" speaks of)
    named = named or set(_relative_antecedent(r, cut, a, set()))
    return named == {var}


def _named_in_clause(r: Reading, sp: Span) -> int | None:
    """"Birch can ship no more than 4,000 tonnes" of "ore from Birch mine": the one variable a word only its
    name has names, untagged, in the limit's own clause before it."""
    a, _ = r.sentences[r.tokens[sp.start].sent]
    cut = _clause_start(r, a, sp.start)
    named = {r.distinct[stem(r.words[k])] for k in range(cut, sp.start) if stem(r.words[k]) in r.distinct}
    # ("the railway can take at most 900 tonnes", "the airline can take at most 100 tonnes" of "by rail" and
    # "by air": the way's line, one word that opens with the name)
    named = named or {v for k in range(cut, sp.start) for key, v in r.distinct.items() if len(key) >= 3 and (
        r.words[k].lower()[len(key):] in _WAY_TAILS and r.words[k].lower().startswith(key))}
    return named.pop() if len(named) == 1 else _way_named(r, cut, sp.start)


# the ways goods travel, each by its usual words: a limit on "the dock" or "the only ship" is one on the way by
# water, whether the decision is called "sea", "barge" or "ship"
_WAYS = {**dict.fromkeys("sea ship ships shipping vessel vessels boat boats ferry freighter barge barges dock docks "
                         "port harbour harbor water waterway".split(), "water"),
         **dict.fromkeys("air airline airlines plane planes aircraft airport jet jets airplane airplanes".split(), "air"),
         **dict.fromkeys("rail railway railroad train trains".split(), "rail"),
         **dict.fromkeys("road truck trucks lorry lorries convoy highway".split(), "road")}
# (a way's word is a noun after these, not the verb of "can ship at most 500 tonnes")
_BEFORE_NOUN = frozenset("the a an its our their only one each every".split())


def _way_named(r: Reading, cut: int, end: int) -> int | None:
    """"The rail line can take at most 200 tonnes and the dock can handle at most 150" of "by rail, truck and
    barge": a limit's clause that names one way of moving goods by another of its words ("dock", "ship",
    "airline") bounds the one decision named by a word of that way."""
    low = r.low
    # (the clause's first word is a noun too: "Trains can take at most 300 tonnes")
    ways = {_WAYS[low[k]] for k in range(cut, end) if low[k] in _WAYS and (
        k == cut or low[k - 1] in _BEFORE_NOUN or low[k + 1] in _WAY_TAILS)}
    if len(ways) != 1:
        return None
    way = ways.pop()
    owners = {v.index for v in r.variables if any(_WAYS.get(w.lower()) == way for w in v.text.split())}
    return owners.pop() if len(owners) == 1 else None


def _so_named(r: Reading, sp: Span) -> int | None:
    """"I can only babysit on Friday nights, so 20 hours at most": a limit in a clause opened by ", so" and
    naming nothing bounds the one variable the clause before it names by a word only its name has."""
    a, _ = r.sentences[r.tokens[sp.start].sent]
    cut = _clause_start(r, a, sp.start)
    if not (a < cut < sp.start and r.words[cut].lower() == "so" and r.words[cut - 1] == ","):
        return None
    if any(cut <= k < sp.start for k in r.mention_var) or any(
            stem(r.words[k]) in r.distinct for k in range(cut, sp.start)):
        return None
    prev = _clause_start(r, a, cut - 1)
    named = {r.distinct[stem(r.words[k])] for k in range(prev, cut - 1) if stem(r.words[k]) in r.distinct}
    named |= {r.mention_var[k] for k in r.mention_var if prev <= k < cut - 1}
    return named.pop() if len(named) == 1 else None


# what a way's line is called after the way: "railway", "airline", "waterway"
_WAY_TAILS = frozenset("way ways line lines road roads".split())


# words that open a part of a whole said just before ("..., including at least 300 of them")
_PART_OPENERS = frozenset("including includes include".split())


def _total_near(r: Reading, sp: Span) -> bool:
    """"in total", "combined", "all": the limit is on everything together (words within its clause)."""
    a, b = r.sentences[r.tokens[sp.start].sent]
    lo = max([k + 1 for k in range(a, sp.start) if r.words[k] in {",", ";"} or r.words[k].lower() in {
        "and", "whom", "which"}], default=a)
    hi = min([k for k in range(sp.end, b) if r.words[k] in {",", ";"} or r.words[k].lower() == "and"], default=b)
    near = r.words[max(a, sp.start - 5): sp.start]  # "In total, at most 40 ..."
    # ("at least 800 tonnes of steel in total, including at least 300 tonnes of sheet steel": a part)
    near = near[max((i + 1 for i, w in enumerate(near) if w.lower() in _PART_OPENERS), default=0):]
    # ("no more than 180 bins in total, and at least 100 wheelie bins", "30 total cooks of whom at least 5", "30
    # nurses in total, with at least 10 on the night shift": the clause before ends at "and", "whom", "which", "with")
    near = near[max((i + 1 for i, w in enumerate(near) if w.lower() in {"and", "whom", "which", "with"}), default=0):]
    # ("at most 4 billboards (that is all the sites on offer)": an aside in brackets says why, not what)
    hi = min([k for k in range(sp.end, hi) if r.words[k] in {"(", "["}], default=hi)
    # ("bench space for 110 pots of any kind": any of them counts against it)
    clause = [w.lower() for w in r.words[lo:hi]]
    any_kind = any(w == "any" and clause[i + 1] in {"kind", "kinds", "type", "types", "sort"}
                   for i, w in enumerate(clause[:-1]))
    # (not a closing "either", "too": "and the quick shots may not exceed 12 either.")
    said = {w.lower() for k, w in enumerate(r.words[lo:hi], start=lo) if not (
        w.lower() == "either" and (k + 1 >= len(r.words) or r.words[k + 1] in {".", "!", "?", ",", ";"}))}
    return bool(_TOTAL & (said | {w.lower() for w in near})) or any_kind or _whatever_kind(r, sp)


_WHATEVER = frozenset({"whatever", "regardless", "irrespective"})


def _whatever_kind(r: Reading, sp: Span) -> bool:
    """"cannot make more than 300 bottles per day, whatever the type", "at most 50 units, regardless of
    kind": a limit that holds whichever kind is made counts every kind, though the aside stands past a comma."""
    _, b = r.sentences[r.tokens[sp.start].sent]
    low = [w.lower() for w in r.words[sp.end:b]]
    return any(w in _WHATEVER and _KINDS & set(low[i + 1: i + 4]) for i, w in enumerate(low))


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


def _share_together(r: Reading, sp: Span) -> list[int] | None:
    """"at least 25% of the endowment in treasury bills and corporate bonds together": a share whose clause
    then joins some of the variables by "and" and closes with "together" / "combined" is the share of
    their sum (people name the group after the share, not before it as with plain limits)."""
    _, b = r.sentences[r.tokens[sp.start].sent]
    end = next((k for k in range(sp.end, b) if r.words[k] in {",", ";", ".", "?", "!"}), b)
    at = next((k for k in range(sp.end, end) if r.words[k].lower() in {"together", "combined"}), None)
    if at is None or not any(r.words[k].lower() in {"and", "&"} for k in range(sp.end, at)):
        return None
    out = list(dict.fromkeys(v for v in (_named_at(r, k) for k in range(sp.end, at)) if v is not None))
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


_KINDS = frozenset("kind kinds type types sort sorts variety varieties flavour flavours flavor flavors".split())


def _of_each_kind(r: Reading, sp: Span) -> bool:
    """"curing racks for 90 kg of soap", where the decisions are "soap in three kinds" and the question asks
    "How many kg of each soap": an amount of the noun every decision is a kind of is of them all."""
    _, b = r.sentences[r.tokens[sp.start].sent]
    k = next((j for j in range(sp.end, min(sp.end + 3, b)) if r.words[j].lower() == "of"), None)
    if k is None:
        return False
    j = k + 2 if k + 2 < b and r.words[k + 1].lower() in {"the", "our", "my", "all"} else k + 1
    if j >= b or not r.words[j].isalpha() or j in r.mention_var or r.words[j].lower() in _STOP_KIND:
        return False
    if j + 1 < b and r.words[j + 1].isalpha() and r.words[j + 1].lower() not in _STOP_KIND:
        return False  # ("of soap base": a compound, not the kind)
    noun = stem(r.words[j])
    low = r.low
    for i in range(1, len(low) - 2):
        if (low[i - 1] == "of" and low[i] == "each" and stem(low[i + 1]) == noun) or (
                low[i] in _KINDS and low[i + 1] == "of" and stem(low[i + 2]) == noun) or (
                i != j and stem(low[i]) == noun and low[i + 1] == "in" and low[i + 3] in _KINDS):
            return True
    return False


_STOP_KIND = frozenset("a an the and or of for in to at on per each every this that it its their is are".split())


_PERIOD_WORDS = frozenset("day days week weeks month months year years season term night morning evening shift "
                          "festival period".split())


def _share_subject(r: Reading, sp: Span) -> int | None:
    """"..., and minibuses must make up at least a quarter of the vehicles": a share whose clause opens with
    one variable's own word (untagged) is that variable's share."""
    k = sp.start - 1
    while k >= 0 and r.words[k] not in {",", ";", ".", "?", "!"} and r.words[k].lower() not in {"and", "but", "while"}:
        k -= 1
    said = r.words[k + 1: sp.start]
    found = {r.distinct[f] for w in said for f in (stem(w), w.lower().removesuffix("es")) if f in r.distinct}
    if not found:
        # ("Commercials with no people can make up no more than a third" of "no-people commercial": a hyphened
        # word of one name said open)
        words = {stem(w.lower()) for w in said}
        # (a key's parts are cut as the whole was stemmed: "no-fac" of "no-face")
        found = {v for key, v in r.distinct.items() if "-" in key and all(any(
            w == part or (len(part) >= 3 and w.startswith(part)) for w in words) for part in key.split("-") if part)}
    return found.pop() if len(found) == 1 else None


def _of_which(r: Reading, sp: Span) -> int | None:
    """"..., at least 40 of which must be longboards": the variable a limit "of which / of them" names (or one "of
    whom" / "of which" opens: "a minimum of 30 total cooks of whom at least 5 must be senior cooks")."""
    w = [x.lower() for x in r.words[sp.end: sp.end + 6]]
    before = [x.lower() for x in r.words[max(sp.start - 4, 0): sp.start]]
    opened = any(before[i: i + 2] in (["of", "whom"], ["of", "which"]) and all(
        x in _RANGE_GLUE for x in before[i + 2:]) for i in range(len(before) - 1))
    if w[:2] not in (["of", "which"], ["of", "them"], ["of", "whom"]) and not opened:
        return None
    for k in range(sp.end + 2, min(sp.end + 7, len(r.words))):
        if k in r.mention_var:
            return r.mention_var[k]
        if r.words[k] in {",", ".", ";"}:
            break
    return None


# what one vehicle makes, counted: "the large truck can only make 12 trips per day"
_VEHICLE_TRIPS = _TRIP_NOUNS - {"delivery", "deliveries", "visit", "visits"}


def _trips_of_one(r: Reading, sp: Span) -> int | None:
    """"The large truck can only make 12 trips per day and the medium truck can make at most 10 trips", "The
    road train is slow, so it can make at most 10 trips": a count of trips (runs, flights) whose clause's subject,
    before "can / could / may / will", is one decision's vehicle, by name or by "it" for the sentence's subject,
    bounds that decision alone (not the trips of all, though every decision is a kind of trip)."""
    if sp.end >= len(r.words) or r.words[sp.end].lower() not in _VEHICLE_TRIPS:
        return None
    a, _ = r.sentences[r.tokens[sp.start].sent]
    k = sp.start - 1
    while k >= a and r.words[k].lower() not in _CLAUSE_BREAK | {"so", ":", "."}:
        k -= 1
    clause = [w.lower() for w in r.words[k + 1: sp.start]]
    at = next((i for i, w in enumerate(clause) if w in {"can", "could", "may", "will", "cannot"}), 0)
    lo, hi = k + 1, k + 1 + at
    if clause[:at] == ["it"]:  # "..., so it can make": the sentence's own subject, up to its verb
        lo = a
        hi = next((j for j in range(a, k + 1) if r.words[j].lower() in {
            "is", "was", "has", "can", "could", "may", "will", "needs", "must", "only"}), a)
    if hi - lo < 2 or r.words[lo].lower() not in {"the", "its", "their", "our", "his", "her"}:
        return None
    named = {r.mention_var[j] for j in range(lo, hi) if j in r.mention_var} | {
        r.distinct[stem(r.words[j].lower())] for j in range(lo, hi) if stem(r.words[j].lower()) in r.distinct}
    return named.pop() if len(named) == 1 else None


# verbs that say which kind a share of the whole is: "a third of the carriers must ride bikes"
_SHARE_VERBS = frozenset("be ride use drive take go fly travel".split())


def _share_must_be(r: Reading, sp: Span) -> int | None:
    """"At least a third of the carriers must ride bikes" (How many carriers of each kind ...): a share of the
    whole the question counts, then "must / should / have to <verb> <name>", is the share of the decision
    named after the verb (not of one named by the whole's word)."""
    k = sp.end
    if k + 2 >= len(r.words) or r.words[k].lower() != "of" or r.words[k + 1].lower() != "the":
        return None
    if not r.words[k + 2].isalpha() or not _asked(r, k + 2):
        return None
    j = k + 3
    if j < len(r.words) and r.words[j].lower() in {"must", "should"}:
        j += 1
    elif r.words[j: j + 2] and [w.lower() for w in r.words[j: j + 2]] in (["have", "to"], ["need", "to"]):
        j += 2
    else:
        return None
    if j >= len(r.words) or r.words[j].lower() not in _SHARE_VERBS:
        return None
    return next((r.mention_var[x] for x in range(j + 1, min(j + 4, len(r.words))) if x in r.mention_var), None)

"""From tagged tokens to what a problem talks about: variables, coefficients grouped by what they measure.

* Variables are the distinct VAR mentions, clustered: "regular glass" joins "regular glasses" (same
  stems) and "Standard" joins "Standard grade alloy" (one's words inside the other's), while "diced
  onions" and "diced carrots" stay apart (each has a word the other lacks).
* Each PARAM is attached to a variable (the nearest mention before it in the sentence, the one after
  it when none comes before, all of them for "respectively" lists and "they both ..." sentences) and
  carries a context: the content words around it ("hours of measuring", "$ cost").
* Coefficients measuring the same thing form a feature (one value per variable): the objective is one
  feature, each resource limit ("150 hours of measuring time available") uses another.
"""

from __future__ import annotations

import difflib
import functools
import math
import os
import re
from collections import Counter
from dataclasses import dataclass, field

from modeler.strategies.offline.entities import Span, Token, is_number
from modeler.strategies.offline.words import (
    _MAGNITUDES,
    FRACTIONS,
    MULTIPLIERS,
    STOP,
    WEAK,
    content,
    one_noun,
    parse_value,
    singular,
    stem,
    weight,
)

# ("5 minutes on the machine plus 3 minutes of air filling": "plus" joins two amounts as "and" does)
_BOUNDARY = frozenset({",", ".", ";", "?", "!", "and", "while", "but", "whereas", "respectively", "then", "plus"})
_MENTION_STOP = frozenset("the a an each one ones of number amount type kind kinds their its unit units".split())
_PER = frozenset({"per", "every", "each"})
_NAMING = frozenset({"each", "every", "a", "an", "the", "one", "more", "fewer", "than"})
_PHRASE_WORDS = frozenset("by with using via from for on in into to at more less fewer extra additional new "
                          "than and or".split())
_ALL_WORDS = frozenset({"both", "they", "all", "either", "them", "each", "every"})


@dataclass
class Variable:
    index: int
    mentions: list[str]
    keys: set[str]  # stems of the first mention's words
    positions: list[int] = field(default_factory=list)  # token index of each mention

    @property
    def text(self) -> str:
        return self.mentions[0]


@dataclass
class Coef:
    var: int
    value: float
    tok: int
    sent: int
    context: Counter[str]
    objective_hint: bool  # an OBJ_NAME ("profit") sits in its clause


@dataclass
class Feature:
    coefs: dict[int, Coef] = field(default_factory=dict)
    context: Counter[str] = field(default_factory=Counter)

    def add(self, c: Coef) -> None:
        self.coefs[c.var] = c
        self.context.update(c.context)


@dataclass
class Reading:
    tokens: list[Token]
    words: list[str]
    spans: list[Span]
    variables: list[Variable]
    mention_var: dict[int, int]  # span start token -> variable index
    features: list[Feature]
    coefs: list[Coef]
    sentences: dict[int, tuple[int, int]]  # sentence -> (first token, end token)
    distinct: dict[str, int] = field(default_factory=dict)  # word stem -> the one variable it names

    @functools.cached_property
    def low(self) -> list[str]:
        """The words in lower case, made once: many rules read them, and the words never change. Read it,
        never change it."""
        return [w.lower() for w in self.words]

    def span_var(self, span: Span) -> int | None:
        return self.mention_var.get(span.start)

    def sentence_text(self, sent: int) -> str:
        a, b = self.sentences[sent]
        return " ".join(self.words[a:b])

    def name_heads(self) -> set[str]:
        """The stemmed last word of each decision's name ("printer" of "laser printers")."""
        return {stem(v.text.split()[-1]) for v in self.variables if v.text.split()}


def _mention_words(text: str) -> list[str]:
    """Stems of a mention's naming words, in order. A lone capital ("mixture A") names the variable,
    unlike the article "a"; "one" after a noun ("area one", "medley one") names it, before it does not."""
    return list(_mention_stems(text))


@functools.lru_cache(maxsize=16384)
def _mention_stems(text: str) -> tuple[str, ...]:
    # cached: clustering compares every mention with every variable's, so a text with hundreds of names
    # would stem the same mentions millions of times
    words = re.findall(r"[A-Za-z0-9][A-Za-z0-9'-]*", text)
    return tuple(stem(w) for k, w in enumerate(words)
                 if w.lower() not in _MENTION_STOP or (len(w) == 1 and w.isupper()) or (k and w.lower() == "one"))


def _mention_keys(text: str) -> set[str]:
    return set(_mention_words(text))


def _same_word(a: str, b: str) -> bool:
    if re.sub(r"\D", "", a) != re.sub(r"\D", "", b):  # "2-piece" is not "3-piece"
        return False
    # one noun in the singular and the plural ("peas" / "pea", words.one_noun); a spelling slip ("dinning" / "dining"), not another word with the same ending ("eastside" / "westside")
    # (one letter typed wrong in a six-letter word, "regular ticker" for "regular ticket", "mangos" beside
    # "mangoes": the ratio's 0.85 takes it only from seven letters on; five-letter pairs such as "plane" /
    # "plant" are left apart)
    return one_noun(a, b) or (len(a) > 3 and a[:2] == b[:2] and (difflib.SequenceMatcher(None, a, b).ratio() >= 0.85 or (
        len(a) == len(b) >= 6 and sum(x != y for x, y in zip(a, b, strict=True)) == 1)))


def _covers(small: set[str], big: set[str]) -> bool:
    return bool(small) and all(any(_same_word(s, b) for b in big) for s in small)


def _match_score(new: str, old: str, others: set[str]) -> float:
    """How well a new mention names a known variable's mention (0: not at all). A new mention may be a
    short form of a longer name ("sanitizer" of "hand sanitizers"), though less surely when the longer
    name carries a qualifier that sets it apart ("blue t-shirt" is rather "blue" than "dark blue t-shirts");
    a new longer name with such a qualifier is another variable."""
    wn, wo = _mention_words(new), _mention_words(old)
    if not _covers(set(wn), set(wo)) and not _covers(set(wo), set(wn)):
        return 0.0
    kn, ko = set(wn), set(wo)
    score = len(kn & ko) / max(len(kn | ko), 1) + 0.01
    if _names_same(new, old, others):
        return score
    return 0.5 * score if len(wn) < len(wo) else 0.0


def _names_same(a: str, b: str, others: set[str]) -> bool:
    """One mention's words inside the other's, and the longer one does not add a qualifier in front that
    sets it apart: "Standard" is "Standard grade alloy", but "blue" is not "dark blue t-shirts". A
    qualifier that other variables share ("stuffed" of "stuffed donuts", "stuffed pastry") says nothing."""
    wa, wb = _mention_words(a), _mention_words(b)
    if len(wa) > len(wb):
        wa, wb = wb, wa
    if not _covers(set(wa), set(wb)):
        return False
    first = next((k for k, w in enumerate(wb) if any(_same_word(w, x) or _same_word(x, w) for x in wa)), 0)
    front = wb[:first]
    # a phrase rather than a name ("transports by van", "more cappuccino", "deliveries using drones")
    raw = re.findall(r"[A-Za-z0-9][A-Za-z0-9'-]*", (b if len(_mention_words(b)) >= len(_mention_words(a)) else a).lower())
    if len(front) > 2 or any(w in _PHRASE_WORDS for w in raw):
        return True
    # ("P1" and "Product P1": a word for what every option is sets nothing apart)
    return all(w in _GENERIC_FRONT or any(_same_word(w, o) for o in others) for w in front)


_GENERIC_FRONT = frozenset(stem(w) for w in "product item model brand option version".split())


def _conflicts(new: str, v: Variable) -> bool:
    """"Pizza B" does not join a variable named "pizza" and "Pizza A": a name that no mention of the
    variable covers, beside a mention it neither covers nor is covered by, names another thing."""
    kn = _mention_keys(new) - {"one"}  # "premium one" is "premium mobile phone"
    keys = [_mention_keys(m) - {"one"} for m in v.mentions]
    if any(_covers(kn, k) for k in keys):
        return False
    return any(k and not _covers(k, kn) for k in keys)


def cluster_variables(spans: list[Span], join: dict[int, int] | None = None) -> tuple[
        list[Variable], dict[int, int]]:
    """Distinct decision variables from the VAR mentions, in order of first mention. `join` maps a
    mention's first token to an earlier mention's first token whose variable it must join."""
    variables: list[Variable] = []
    mention_var: dict[int, int] = {}
    join = join or {}
    for sp in spans:
        if sp.label != "VAR":
            continue
        keys = _mention_keys(sp.text)
        if not keys:
            continue
        if join.get(sp.start) in mention_var:
            v = variables[mention_var[join[sp.start]]]
            v.mentions.append(sp.text)
            v.positions.append(sp.start)
            mention_var[sp.start] = v.index
            continue
        best, best_score = None, 0.0
        for v in variables:
            if _conflicts(sp.text, v):
                continue
            others = {k for o in variables if o is not v for m in o.mentions for k in _mention_keys(m)}
            for m in v.mentions:
                score = _match_score(sp.text, m, others)
                if score > best_score:
                    best, best_score = v, score
        if best is None:
            best = Variable(len(variables), [], keys)
            variables.append(best)
        best.mentions.append(sp.text)
        best.positions.append(sp.start)
        mention_var[sp.start] = best.index
    return variables, mention_var


def _context(words: list[str], labels: list[str], i: int, j: int, limit: bool = False) -> Counter[str]:
    """Content words around the number at tokens [i, j) within its clause: up to 5 after it and 4 before;
    a coefficient stops at "per trip" (the unit of the rate), a limit skips "per year"."""
    after: list[str] = []
    k = j
    while k < len(words) and len(after) < 5:
        w = words[k].lower()
        if labels[k] in {"VAR", "PARAM", "LIMIT"} or w in _BOUNDARY or (
                w == "$" and k + 1 < len(words) and labels[k + 1] in {"PARAM", "LIMIT"}):
            break  # ("8 guests for $25": the "$" is the next number's)
        if not limit and i > 0 and words[i - 1].lower() == "of" and k > j and k + 1 < len(words) and (
                words[k + 1] == "$" or labels[k + 1] in {"PARAM", "LIMIT"}):
            break  # ("a leaflet drop of 1,000 leaflets costs $70": the verb is the next number's, not the size's)
        if w in _PER:
            if not limit:
                break
            if w != "per" and k > j and words[k - 1].lower() == "of" and k + 1 < len(words) and words[
                    k + 1].isalpha() and words[k + 1].lower() not in _PERIODS:
                k += 1  # ("at least 25 units of each vitamin": what each one is of names the resource)
                continue
            k += 2
            continue
        after.append(words[k])
        k += 1
        if limit and w in {"the", "a", "an"}:
            after.pop()  # "... for assembling the parts": an article does not take a word's place
    if len(after) == 5 and k < len(words) and labels[k] == "O" and len(words[k]) == 1 and words[k].isupper() and (
            words[k] != "I" and after[-1].isalpha()):
        after.append(words[k])  # ("2 units / mg of compound X": the letter that names what the window ends on)
    before: list[str] = []
    k = i - 1
    # "The filling machine is available for at most 12500 minutes": what is available is named before
    # "is available for ...", past the four words the window holds; those words do not count
    skip = 0
    while limit and k - skip >= 0 and labels[k - skip] == "O" and words[k - skip].lower() in _AVAILABLE_FOR | _CUE:
        skip += 1
    if "available" not in {w.lower() for w in words[k - skip + 1: k + 1]}:
        skip = _elided_verb(words, labels, k) if limit else 0
    while k >= 0 and len(before) < 4 + skip:
        if labels[k] in {"VAR", "PARAM", "LIMIT"} or words[k].lower() in _BOUNDARY:
            break
        if k > 0 and labels[k - 1] in {"PARAM", "LIMIT"} and i - k > 1 + (words[i - 1] == "$"):
            break  # "seat 8 guests for $25": "guests" is the unit of the 8
        before.append(words[k])
        k -= 1
    # "On the baking machine, a donut takes 2 minutes and a pastry takes 5": a place said before the clause's comma,
    # at its opening, is where the numbers after it are spent
    if not limit:
        comma = next((j for j in range(i - 1, max(i - 16, -1), -1) if words[j] in {",", ".", ";", "?", "!", ":"}), -1)
        if comma >= 0 and words[comma] == ",":
            before += _opening_place(words, labels, comma)
    # "Profit per acre is $260 for wheat", "Planting costs per acre are $100": the measure a rate is of is named
    # before its "per <unit>", past the words the window holds
    if not limit and before and before[-1].lower() == "per":
        for _ in range(2):
            if k < 0 or labels[k] != "O" or not words[k].isalpha() or words[k].lower() in _BOUNDARY:
                break
            before.append(words[k])
            k -= 1
    # "polishing a bedside table takes 3.5 hours": the activity is named before its object, the variable
    if not limit and len(before) <= 1 and k >= 0 and labels[k] == "VAR":
        while k >= 0 and labels[k] == "VAR":
            k -= 1
        while k >= 0 and words[k].lower() in {"a", "an", "the", "each", "one", "every"}:
            k -= 1
        if k >= 0 and labels[k] == "O" and words[k].lower().endswith("ing") and len(words[k]) > 5:
            before.append(words[k])
    if "-" in words[i] and words[i][:1].isdigit():  # "an 8-hour shift": the unit is in the number's word
        after.append(words[i].split("-", 1)[1])
    made = ["PROFIT"] if not limit and i >= 2 and words[i - 1] == "$" and words[i - 2].lower() in _MAKE_MONEY else []
    return Counter(_compound_parts(content(after) + content(before) + made, words) + _numbered(after) + _numbered(
        before[::-1]))


def _elided_verb(words: list[str], labels: list[str], k: int) -> int:
    """"The measuring team can work no more than 60 hours, the cutting team no more than 80 hours", "and the
    pastry chef for no more than 35 hours": a limit in a list whose verb is said once has only a short name
    between its clause's break and its direction words. The direction's words (and a "for") before the
    number at k + 1 are then skipped, so that the window reaches the name; 0 where no such name is there."""
    skip = 0
    while k - skip >= 0 and labels[k - skip] == "O" and words[k - skip].lower() in _CUE:
        skip += 1
    if not skip:
        return 0
    skip += k - skip >= 0 and words[k - skip].lower() == "for"
    j = k - skip
    named = 0
    while j >= 0 and named < 4 and labels[j] == "O" and words[j].lower() not in _BOUNDARY:
        named += 1
        j -= 1
    # (the name must follow a clause break: "won't rent one person more than 5 units" has its verb)
    return skip if 0 < named < 4 and j >= 0 and words[j].lower() in _BOUNDARY else 0


def _opening_place(words: list[str], labels: list[str], comma: int) -> list[str]:
    """The words of "On the baking machine" when the phrase before the comma at `comma` opens its sentence (or
    follows a semicolon) with "on" or "in", holds no name or number, and a parallel one opens another clause
    ("...; on the stuffing machine, ..."): the places the text walks through; else none."""
    phrase = _place_before(words, labels, comma)
    if not phrase:
        return []
    others = [_place_before(words, labels, k) for k, w in enumerate(words) if w == "," and k != comma]
    return phrase if any(others) else []


def _place_before(words: list[str], labels: list[str], comma: int) -> list[str]:
    j = comma - 1
    while j >= 0 and comma - j <= 5 and labels[j] == "O" and words[j] not in {".", ";", "?", "!", ",", ":"}:
        j -= 1
    if comma - j > 5 or j + 1 >= comma or (j >= 0 and words[j] not in {".", ";", "?", "!"}):
        return []
    return words[j + 2: comma] if words[j + 1].lower() in {"on", "in"} else []


def _numbered(seq: list[str]) -> list[str]:
    """"2 hours on machine 1", "Machine 2 for 90 hours", "4 units of compound X": a resource numbered (or lettered)
    by a small label is a key of its own ("machin#1", "compound#X"), so that the rows of machine 1 and machine 2
    keep their limits apart."""
    return [f"{stem(a.lower())}#{b}" for a, b in zip(seq, seq[1:], strict=False)
            if a.isalpha() and a.lower() not in STOP and ((b.isdigit() and int(b) <= 20) or (
                len(b) == 1 and b.isupper() and b != "I"))]


# "I make $12 on each one sold", "each one clears $5": money one makes is earned
_MAKE_MONEY = frozenset("make makes made clear clears".split())


# the second part of "tank-days", "staff-hours", "machine-minutes": a unit of time spent on the first
_COMPOUND_UNITS = frozenset("day hour minute week month year shift HOUR MINUTE".split())


def _compound_parts(keys: list[str], words: list[str]) -> list[str]:
    """"needs 21 tank-days" and "occupies a fermentation tank for 14 days" measure the same thing: a
    compound unit also counts as its two parts; so does any hyphened pair the text also writes apart ("1.5
    low-end units" beside "0.5 units in the low end")."""
    out = list(keys)
    for key in keys:
        head, _, tail = key.rpartition("-")
        if not head or "-" in head:
            continue
        if tail in _COMPOUND_UNITS:
            out += content([head, tail])
        elif (apart := _written_apart(words, key)) is not None:
            out += content(list(apart))
    return out


def _written_apart(words: list[str], key: str) -> tuple[str, str] | None:
    """The two words, side by side in the text, that hyphened make `key` (a stem)."""
    low = [w.lower() for w in words]
    return next(((a, b) for a, b in zip(low, low[1:], strict=False) if a.isalpha() and b.isalpha()
                 and stem(f"{a}-{b}") == key), None)


# the words of "is available for at most", "are available for up to a maximum of", "available only for"
_PERIODS = frozenset("day days week weeks month months year years hour hours minute minutes shift shifts season "
                     "seasons night nights morning mornings".split())
_AVAILABLE_FOR = frozenset("is are be was available only for at the most up to a maximum of total".split())
_CUE = frozenset("no not more less fewer than at most least up to a maximum minimum of".split())


def one_per(words: list[str], sp: Span) -> bool:
    """"one steward per 50 standing and one per 40 seated", "one member of staff for every 3 babies": the number
    is how many of a decision share one of a resource, so each takes its inverse."""
    low = [w.lower() for w in words[max(sp.start - 6, 0): sp.start]]
    for k in range(len(low) - 1, -1, -1):
        if low[k] in {"one", "1", "a"} and (low[-1] == "per" or low[-2:] == ["for", "every"] or low[-2:] == [
                "for", "each"]) and k < len(low) - 1:
            return low[k] != "a" or k == len(low) - 2  # ("a" only right before "per": "one a day" is no share)
        if low[k] in {".", ",", ";", "and", "$"} or is_number(low[k]):
            return False
    return False


def _value(words: list[str], sp: Span) -> float | None:
    v = parse_value(sp.text)
    if v and one_per(words, sp):
        return 1 / v
    if v is not None and sp.end < len(words) and words[sp.end].lower() in {"%", "percent"} and "%" not in sp.text:
        v = v / 100
    # "costs 4 cents per gram" where other money is in dollars: the model counts dollars
    if v is not None and sp.end < len(words) and words[sp.end].lower() in {"cents", "cent", "¢"} and any(
            w == "$" or w.lower() in {"dollar", "dollars"} for w in words):
        v = v / 100
    return v


def _measure_names(spans: list[Span]) -> list[Span]:
    """"how many square meters of each should be grown" beside tomatoes and peppers: a "name" that is only a
    unit of measure ("square meters", "acres") says how the decisions are measured, it is none of them,
    where two names or more that are no measure are tagged."""
    from modeler.strategies.offline.words import MEASURES

    def measure(sp: Span) -> bool:
        return sp.label == "VAR" and all(w.lower() in MEASURES or w.lower() + "s" in MEASURES for w in sp.text.split())

    others = {sp.text.lower() for sp in spans if sp.label == "VAR" and not measure(sp)}
    return [sp for sp in spans if not measure(sp)] if len(others) >= 2 else spans


def _letter_siblings(words: list[str], spans: list[Span]) -> list[Span]:
    """"A plant makes two chemicals, A and B": a capital letter listed right before a tagged one-letter name
    ("A and B", after a comma or colon) is a sibling name, not the article the tagger takes it for."""
    out = list(spans)
    taken = {k for sp in spans for k in range(sp.start, sp.end)}
    for sp in spans:
        k = sp.end - 1  # (the tagger may take the "and" in: "and B")
        if sp.label != "VAR" or not (len(words[k]) == 1 and words[k].isupper()) or k < 3 or k - sp.start > 1 or (
                k > sp.start and words[sp.start].lower() not in {"and", "or"}):
            continue
        if words[k - 1].lower() in {"and", "or"} and len(words[k - 2]) == 1 and words[k - 2].isupper() and words[
                k - 2] != "I" and words[k - 3] in {",", ":"} and k - 2 not in taken:
            out.append(Span("VAR", k - 2, k - 1, words[k - 2]))
            taken.add(k - 2)
            # ("Each liter of A uses 5 liters", "$9 per liter of A": the letter again after "of" is it)
            for j in range(k + 1, len(words)):
                if words[j] == words[k - 2] and words[j - 1].lower() == "of" and j not in taken:
                    out.append(Span("VAR", j, j + 1, words[j]))
                    taken.add(j)
    return sorted(out, key=lambda x: x.start)


def read(tokens: list[Token], spans: list[Span]) -> Reading:
    """The reading of a tagged document, after repairing the tagger's usual slips with the text itself:
    a variable named beside a tagged one ("in bonds and stocks") or again later untagged joins the
    variables, and a "variable" that is only ever measured ("carries 20 boxes") is a resource instead."""
    from modeler.strategies.offline.name_repairs import complete_mentions, resource_variables
    from modeler.strategies.offline.repairs import (
        elided_amounts,
        fraction_shares,
        owed_amounts,
        priced_verbs,
        relabel_numbers,
        spelt_numbers,
    )
    from modeler.strategies.offline.variables import surplus_variables

    words = [t.text for t in tokens]
    spans = _letter_siblings(words, _measure_names(spans))
    spans = relabel_numbers(tokens, fraction_shares(words, spelt_numbers(words, elided_amounts(
        words, owed_amounts(words, priced_verbs(words, complete_mentions(words, spans)))))))
    r = _read(tokens, spans)
    resources = resource_variables(r)
    if resources:
        spans = [sp for sp in spans if not (sp.label == "VAR" and r.mention_var.get(sp.start) in resources)]
        r = _read(tokens, spans)
    join, drop = surplus_variables(r)
    if join or drop:
        spans = [sp for sp in spans if not (sp.label == "VAR" and r.mention_var.get(sp.start) in drop)]
        r = _read(tokens, spans, join)
    return r


def _read(tokens: list[Token], spans: list[Span], join: dict[int, int] | None = None) -> Reading:
    words = [t.text for t in tokens]
    labels = ["O"] * len(words)
    for sp in spans:
        for k in range(sp.start, sp.end):
            labels[k] = sp.label
    sentences: dict[int, tuple[int, int]] = {}
    for k, t in enumerate(tokens):
        a, _ = sentences.get(t.sent, (k, k))
        sentences[t.sent] = (a, k + 1)
    variables, mention_var = cluster_variables(spans, join)
    distinct = _distinct_keys(variables)
    by_sent: dict[int, list[Span]] = {}
    for sp in spans:
        by_sent.setdefault(tokens[sp.start].sent, []).append(sp)

    coefs: list[Coef] = []
    prev_vars: list[int] = []
    # the numbers of a clause that ends with ";" ("Zap uses 3 units of sugar a bottle; Fizz uses 2."): the frame
    # of a number in the clause after it, its unit left out
    before_semicolon: list[Span] = []
    colon = _colon_lists(words, spans, mention_var, distinct)
    for s in sorted(sentences):
        ss = by_sent.get(s, [])
        var_spans = [sp for sp in ss if sp.label == "VAR" and sp.start in mention_var]
        var_spans = sorted(var_spans + _soft_mentions(words, sentences[s], var_spans, labels, distinct, mention_var,
                                                       {v.index: v.keys for v in variables}),
                           key=lambda sp: sp.start)
        params = [sp for sp in ss if sp.label == "PARAM" and not _multiplier(words, sp)]
        a, b = sentences[s]
        lower = [w.lower() for w in words[a:b]]
        sent_vars = list(dict.fromkeys(mention_var[sp.start] for sp in var_spans))
        obj_names = [sp for sp in ss if sp.label == "OBJ_NAME"]
        assign: list[int | list[int] | None] = []
        respectively = False
        lists = 0  # the length of each list where a sentence holds several "respectively" lists
        measures: list[list[str]] = []
        listed = bool(params) and all(p.start in colon for p in params)
        if listed:
            assign = [colon[p.start][0] for p in params]
            respectively = True  # one measure for the whole list, named before its colon
        elif params and (_respectively(lower) or _colon_row(lower, words, params, a, len(variables), sent_vars)
                         or _paired_lists(words, var_spans, params, mention_var) or (
                             not sent_vars and len(params) == len(variables) >= 2 and _bare_list(words, params))):
            # ("Profits are $50, $30, and $45 per batch", no name in the sentence: one number for each decision in
            # their order, as with "respectively")
            # (naming none, "Quality checking takes 20 minutes and 30 minutes, respectively" after "Cutting takes 10
            # minutes for a small puzzle and 15 minutes for a large one": the order of the sentence before's numbers)
            before = [c.var for c in coefs if c.sent == s - 1]
            targets = sent_vars if len(sent_vars) == len(params) else before if (
                not sent_vars and len(before) == len(params) == len(set(before))) else list(range(len(variables)))
            measures = _listed_measures(words, labels, a, params[0].start, len(params), variables) if len(
                sent_vars) == 1 else []
            alike = _clauses_alike(words, labels, params, var_spans, mention_var, a) if not measures else None
            if measures:
                # "The amount of pain killer and fever reliever in drug A is 3 units/mg and 2.5 units/mg
                # respectively": the numbers are the one variable's, one per listed measure
                assign = [sent_vars[0]] * len(params)
            elif alike is not None:
                # "A car needs 2 hours of assembly time and 1 hour of mechanic time; a truck needs 2.5 hours and
                # 1.5 hours, respectively": each clause's numbers are its own variable's, in the first one's
                # measures
                assign, measures = alike
            elif len(targets) == len(params):
                assign = list(targets)
                respectively = True
            elif len(sent_vars) >= 2 and len(params) % len(sent_vars) == 0 and _lists_of(
                    words, params, len(sent_vars)):
                # "which cost it $400, $60 and $10 and bring a profit of $80, $25 and $8, respectively":
                # several lists, each in the variables' order, each its own measure
                assign = sent_vars * (len(params) // len(sent_vars))
                respectively = True
                lists = len(sent_vars)
            elif not sent_vars and len(variables) >= 2 and len(params) % len(variables) == 0 and _lists_of(
                    words, params, len(variables)):
                # "These need 0.5, 0.3 and 0.1 kg of powder and 12, 8 and 5 minutes of assembly,
                # respectively": no variable named (a pronoun stands for them), each list in their order
                assign = list(range(len(variables))) * (len(params) // len(variables))
                respectively = True
                lists = len(variables)
        tail = _respective_tail(words, params, var_spans, mention_var) if not assign and params and _respectively(
            lower) else None
        # "It takes 5 minutes to make a coffee and 3 minutes to make a tea": a sentence that opens with a
        # number and closes with a variable names each variable after its numbers
        ents = sorted([*params, *var_spans], key=lambda sp: sp.start)
        numbers_first = len(ents) > 2 and ents[0].label == "PARAM" and ents[-1].label == "VAR" and len(
            {mention_var[sp.start] for sp in var_spans}) > 1
        # "Every bike of either type needs one battery pack": a subject of any type, no variable named
        every_type = bool(_EVERY_TYPE.search(" ".join(lower))) and not any(sp.label == "VAR" for sp in ss)
        if not assign:
            for p in params:
                if every_type and variables:
                    assign.append(list(range(len(variables))))
                    continue
                if variables and (_all_kinds_clause(words, var_spans, p, a) or _for_either_kind(words, var_spans, p)):
                    assign.append(list(range(len(variables))))
                    continue
                pair = _joint_subject(words, var_spans, mention_var, p, a, distinct) or _either_after(
                    words, var_spans, mention_var, p)
                if pair:
                    assign.append(pair)
                    continue
                near = [sp for sp in var_spans if sp.end <= p.start and not _BOUNDARY & {
                    w.lower() for w in words[sp.end: p.start]}]  # "x1 regular donuts at $2 per donut"
                if not near and _per_common_head(words, p, variables) and not _which_of_name(words, var_spans, p):
                    assign.append(list(range(len(variables))))
                    continue
                if near and _each_common_head(words, near[-1], variables):
                    assign.append(list(range(len(variables))))
                    continue
                # "Each sofa produced by East Oak Designs nets $400": who makes it is not what is made
                before = [sp for sp in var_spans if sp.end <= p.start and not (
                    sp.start > 0 and words[sp.start - 1].lower() == "by" and any(x.end <= sp.start and not (
                        (_BOUNDARY | {"or"}) & {w.lower() for w in words[x.end: sp.start]}) for x in var_spans))]
                after = [sp for sp in var_spans if sp.start >= p.end]
                between = [w.lower() for w in words[p.end: after[0].start]] if after else []
                last_per = max((j for j, w in enumerate(between) if w in {"per", "each", "every", "for"}), default=-1)
                # "4 points each or hard questions": the "each" ends this number's phrase, it does not
                # name the next variable
                # ("profit $4 per litre - dish soap: ...": a dash opens the next item of a list)
                per = len(between) <= 5 and last_per >= 0 and not (_BOUNDARY & set(between)) and not (
                    {"or", "and", "-"} & set(between[last_per + 1:]))
                if after and (per or not before or numbers_first):
                    assign.append(mention_var[after[0].start])
                elif before:
                    assign.append(mention_var[before[-1].start])
                elif after:
                    assign.append(mention_var[after[0].start])
                elif _ALL_WORDS & set(lower) and variables:
                    assign.append(list(range(len(variables))))
                elif len(prev_vars) == 1:
                    assign.append(prev_vars[0])
                else:
                    assign.append(None)
        shared: Counter[str] | None = None
        coefs_of_sent: list[int] = []
        if respectively:
            # "quality ratings of 50 and 90, respectively", "the profit on each X and Y are $2 and $3
            # respectively": one list, one measure; its words may sit by any number or open the sentence
            shared = Counter()
            for p in params:
                shared.update(_context(words, labels, p.start, p.end))
            first = min(sp.start for sp in [*params, *var_spans])
            if listed:  # "The annual rate of return for each industry is known to be:"
                shared.update(colon[params[0].start][1])
            else:
                shared.update(content([w for w in words[max(a, first - 6): first] if w.lower() not in _BOUNDARY]))
        # several lists: each its own measure, from the words by its numbers and the few before its first
        per_list: list[Counter[str]] = []
        if lists:
            for g in range(0, len(params), lists):
                c: Counter[str] = Counter()
                for p in params[g: g + lists]:
                    c.update(_context(words, labels, p.start, p.end))
                lo = params[g - 1].end if g else a
                # (from the last "and" / "," on: "$90 per tonne and release 4, 5 and 10 megawatt-hours":
                # "per tonne" ends the list before)
                lo = max([lo] + [k + 1 for k in range(lo, params[g].start) if words[k].lower() in {"and", ","}])
                c.update(content([w for w in words[max(lo, params[g].start - 6): params[g].start]
                                  if w.lower() not in _BOUNDARY]))
                per_list.append(c)
        tail_ctx: Counter[str] = Counter()
        if tail is not None:
            # "..., and needs 1, 2 and 2.5 operator-hours on looms A, B and C, respectively": the last list
            # of the sentence, one number per variable in the order named after it, one measure
            assign[len(params) - len(tail):] = tail
            for p in params[len(params) - len(tail):]:
                tail_ctx.update(_context(words, labels, p.start, p.end))
        for i, (p, target) in enumerate(zip(params, assign, strict=False)):
            value = _value(words, p)
            if value is None or target is None:
                continue
            ctx = Counter(per_list[i // lists]) if per_list else Counter(shared) if shared is not None else _context(
                words, labels, p.start, p.end)
            if tail is not None and i >= len(params) - len(tail):
                ctx = Counter(tail_ctx)
            frame = next((q for q in reversed(params[:i]) if _elliptical(words, q, p)), None) or _gapped(
                words, labels, params[:i], p) or (next((q for q in reversed(before_semicolon) if _elliptical(
                    words, q, p)), None) if i == 0 else None)
            if shared is None and not per_list and frame is not None:
                # "rates a laptop at 10 learning points, a tablet at 7 and an e-reader at 3": a number with
                # no words of its own after the same word as one before measures what that one does
                ctx.update(_context(words, labels, frame.start, frame.end))
            per = _own_per(words, p, variables, target)
            if per is not None and value:
                # "Rose bunch: ..., 12 bunches per bucket": so many of the decision per unit of a resource; one
                # of it takes 1/12 of a bucket
                value, ctx = 1 / value, Counter(content([per]))
            if p.end < len(words) and words[p.end].lower() in {"loss", "losses"}:
                # "each black shoe sold results in a $3 loss": a loss per unit is a profit below zero
                value = -value
                ctx["PROFIT"] += 1
            if measures:
                ctx.update(content(measures[len(coefs_of_sent)]))
                coefs_of_sent.append(p.start)
            # an OBJ_NAME between the previous entity and the next one marks an objective coefficient
            lo = max([sp.end for sp in ss if sp.end <= p.start and sp.label in {"VAR", "PARAM"}], default=a)
            hi = min([sp.start for sp in ss if sp.start >= p.end and sp.label in {"PARAM", "VAR"}], default=b)
            # (not one that follows the number before, past a break: "makes a $50 profit selling it, and pays $2
            # for a puck": the profit is the 50's)
            after_prev = any(sp.end == lo and sp.label == "PARAM" for sp in ss)
            hint = any(lo <= o.start and o.end <= hi and not (after_prev and o.end <= p.start and any(
                w.lower() in {"and", ",", ";"} for w in words[o.end: p.start])) for o in obj_names) or (
                shared is not None and bool(obj_names))
            for t in target if isinstance(target, list) else [target]:
                coefs.append(Coef(t, value, p.start, s, ctx, hint))
        if sent_vars:
            prev_vars = sent_vars
        before_semicolon = params if words[b - 1] == ";" else []
    limit_ctx = [set(_context(words, labels, sp.start, sp.end, limit=True)) for sp in spans if sp.label == "LIMIT"]
    features = merge_scaled(merge_parallel(group_features(coefs, distinct, words, labels, limit_ctx), len(variables),
                                           limit_ctx))
    return Reading(tokens, words, spans, variables, mention_var, features, coefs, sentences, distinct)


def _own_per(words: list[str], p: Span, variables: list[Variable], target: int | list[int] | None) -> str | None:
    """The resource word of "12 bunches per bucket" ("30 phones an hour") after a coefficient of the "Rose bunch"
    decision: the number counts the decision's own unit (a word of its name) per one of another thing."""
    # ("can make 30 phones an hour or 20 laptops an hour": "an hour" is "per hour")
    if not isinstance(target, int) or p.end + 2 >= len(words) or words[p.end + 1].lower() not in {"per", "an", "a", "each",
                                                                                                  "every"}:
        return None
    unit, res = stem(words[p.end]), words[p.end + 2]
    if not res.isalpha() or res.lower() in STOP or unit not in variables[target].keys or stem(res) in variables[
            target].keys:
        return None
    return res


def _colon_row(lower: list[str], words: list[str], params: list[Span], a: int, n_vars: int,
               sent_vars: list[int]) -> bool:
    """"Clay per piece: 0.5, 0.8, 1.2 and 2 kg.": a note's row -- a measure, a colon, then one number per
    decision and no name -- lists the numbers in the order the decisions were introduced (people writing
    notes and tables drop "respectively"; the heading before the colon says what the numbers measure)."""
    if sent_vars or n_vars < 2 or len(params) != n_vars or ":" not in lower:
        return False
    colon = a + lower.index(":")
    between = [w.lower() for w in words[colon + 1: params[-1].end]]
    return colon < params[0].start and all(w in {",", "and", "$", "%"} or is_number(w) for w in between)


def _respectively(lower: list[str]) -> bool:
    """A sentence that pairs its lists in order: "respectively", "in that order", "in this order"."""
    return "respectively" in lower or any(lower[k: k + 3] in (["in", "that", "order"], ["in", "this", "order"])
                                          for k in range(len(lower) - 2))


_LIST_JOINS = frozenset({",", "and", "or"})


def _paired_lists(words: list[str], var_spans: list[Span], params: list[Span], mention_var: dict[int, int]) -> bool:
    """"sells bags of light, medium and dark roast for $5, $4 and $2.50 a bag": a list of different names
    right followed by a list of as many numbers pairs them in order, as "respectively" would. Both lists
    stand alone in the sentence (nothing between their items but commas and "and" / "or"), and a few
    words join them ("for", "at", "cost")."""
    if len(params) < 2 or len(var_spans) != len(params):
        return False
    if len({mention_var[sp.start] for sp in var_spans}) != len(var_spans) or var_spans[-1].end > params[0].start:
        return False
    if not _joined(words, var_spans, _LIST_JOINS) or not _joined(words, params, _LIST_JOINS | {"$"}):
        return False
    join = [w.lower() for w in words[var_spans[-1].end: params[0].start] if w != "$"]
    return 1 <= len(join) <= 3 and join[0] in {"for", "at", "cost", "costs", "costing", "priced"}


def _joined(words: list[str], spans: list[Span], joins: frozenset[str]) -> bool:
    """Consecutive spans with only `joins` words (and at least one) between each and the next: a list."""
    return all(words[x.end: y.start] and all(w.lower() in joins for w in words[x.end: y.start])
               for x, y in zip(spans, spans[1:], strict=False))


def _respective_tail(words: list[str], params: list[Span], var_spans: list[Span],
                     mention_var: dict[int, int]) -> list[int] | None:
    """A "respectively" sentence whose numbers do not all fall into lists: the last run of numbers ("1, 2 and
    2.5 operator-hours") when as many different variables are named after it, in that order ("on looms A,
    B and C, respectively"), and earlier numbers stand apart; the variables for the run, else None."""
    after = list(dict.fromkeys(mention_var[sp.start] for sp in var_spans if sp.start >= params[-1].end))
    if not after:
        # ("3 hours for a diamond necklace and 5 hours for a gold necklace, while crafting takes 10 hours and 2
        # hours respectively": a run with no name after it pairs with the names the sentence gave, in order)
        # (not "a vegetable smoothie needs 7 and 4 minutes on those machines respectively": a name in the run's own
        # clause makes the numbers its own, one per measure)
        after = list(dict.fromkeys(mention_var[sp.start] for sp in var_spans))
        if not 2 <= len(after) < len(params):
            return None
        run = params[-len(after)].start
        opens = max((k for k in range(run) if words[k].lower() in {",", ";", "while", "whereas", "but"}), default=0)
        if any(sp.start >= opens for sp in var_spans):
            return None
    n = len(after)
    if n < 2 or len(params) <= n or not _lists_of(words, params[-n:], n):
        return None
    gap = [w.lower() for w in words[params[-n - 1].end: params[-n].start]]
    if len(gap) < 2:  # (the run must stand apart from the number before it)
        return None
    return after


def _gapped(words: list[str], labels: list[str], before: list[Span], p: Span) -> Span | None:
    """"North ore carries 3 kg of sulfur per tonne and South ore 1 kg": a number right after a name, its
    verb left out, with the unit of an earlier number of the sentence, measures what that number does."""
    if p.start < 1 or labels[p.start - 1] != "VAR" or p.end >= len(words):
        return None
    unit = words[p.end].lower()
    return next((q for q in reversed(before) if q.end < len(words) and words[q.end].lower() == unit
                 and unit.isalpha()), None)


def _elliptical(words: list[str], prev: Span, p: Span) -> bool:
    """p repeats prev's frame with its unit left out: the same word before both ("at 10 learning points",
    "at 7"; "covers one swimmer", "covers three"), nothing but a break after p, a unit word after prev."""
    if p.start < 1 or prev.start < 1 or words[p.start - 1].lower() != words[prev.start - 1].lower():
        return False
    if not words[p.start - 1].isalpha() or words[p.start - 1] in {"and", "or"}:
        return False
    nxt = words[p.end].lower() if p.end < len(words) else "."
    return nxt in _BOUNDARY and prev.end < len(words) and words[prev.end].isalpha() and \
        words[prev.end].lower() not in _BOUNDARY


def _bare_list(words: list[str], params: list[Span]) -> bool:
    """The numbers are one list and nothing else stands between them ("$50, $30, and $45"): commas, "and" before
    the last, currency signs."""
    gaps = [[w.lower() for w in words[x.end: y.start]] for x, y in zip(params, params[1:], strict=False)]
    return all(g and set(g) <= {",", "and", "$"} for g in gaps) and "and" in gaps[-1]


def _lists_of(words: list[str], params: list[Span], n: int) -> bool:
    """The numbers fall into lists of n, each written as one run ("$400, $60 and $10"): within a list only
    commas, "and", currency signs and units stand between the numbers."""
    for g in range(0, len(params), n):
        for x, y in zip(params[g: g + n - 1], params[g + 1: g + n], strict=False):
            gap = [w.lower() for w in words[x.end: y.start]]
            if len(gap) > 4 or "and" not in gap and "," not in gap:
                return False
        if g and len(words[params[g - 1].end: params[g].start]) < 2:
            return False
    return True


def _either_after(words: list[str], var_spans: list[Span], mention_var: dict[int, int], p: Span) -> list[int]:
    """"It takes 2 hours to make one kg of either syrup or candy", "3 hours for a batch of both jam and jelly":
    a number whose phrase goes on to "either A or B" / "both A and B" is the same for each of the two."""
    after = [sp for sp in var_spans if sp.start >= p.end]
    if len(after) < 2:
        return []
    x, y = after[0], after[1]
    gap = [w.lower() for w in words[p.end: x.start]]
    if not gap or len(gap) > 10 or _BOUNDARY & set(gap) or mention_var[x.start] == mention_var[y.start]:
        return []
    joint = {("either", "or"), ("both", "and")}
    if (gap[-1], words[x.end].lower() if x.end < len(words) else "") not in joint or y.start != x.end + 1:
        return []
    return [mention_var[x.start], mention_var[y.start]]


def _joint_subject(words: list[str], var_spans: list[Span], mention_var: dict[int, int], p: Span,
                   a: int, distinct: dict[str, int] | None = None) -> list[int]:
    """"Each kg of Granny Smith apples and McIntosh apples requires 3 hours": two names joined by "and" as
    the subject of an "each" / "every" / "both" clause share the number that follows them; so do "each ton
    of chocolate and caramel syrup", the first name cut short to its own word."""
    before = [sp for sp in var_spans if sp.end <= p.start]
    if before and distinct and before[-1].start >= 2 and words[before[-1].start - 1].lower() == "and":
        y = before[-1]
        k = y.start - 2
        v = distinct.get(stem(words[k]))
        gap = [w.lower() for w in words[y.end: p.start]]
        lead = {w.lower() for w in words[max(a, k - 3): k]}
        if v is not None and v != mention_var[y.start] and not any(x.start <= k < x.end for x in var_spans) and (
                gap and len(gap) <= 3 and not _BOUNDARY & set(gap) and lead & {"each", "every", "both"}):
            return [v, mention_var[y.start]]
    if len(before) < 2:
        return []
    x, y = before[-2], before[-1]
    gap = [w.lower() for w in words[y.end: p.start]]
    if [w.lower() for w in words[x.end: y.start]] not in (["and"], ["and", "the"], ["and", "a"], ["and", "an"]) or \
            not gap or len(gap) > 3 or _BOUNDARY & set(gap) or mention_var[x.start] == mention_var[y.start]:
        return []
    lead = {w.lower() for w in words[max(a, x.start - 3): x.start]}
    # ("Lines A and B need 1 operator hour": a plural head before two capitals names both as one subject)
    plural = x.end - x.start == 2 and words[x.start].lower() != singular(words[x.start].lower()) and all(
        len(words[sp.end - 1]) == 1 and words[sp.end - 1].isupper() for sp in (x, y))
    # ("A small van and a medium truck each need 1 driver": "each" after the subject)
    return [mention_var[x.start], mention_var[y.start]] if lead & {"each", "every", "both"} or _each_after(
        words, p) or plural or {"each", "both"} & set(gap) else []


def _each_after(words: list[str], p: Span) -> bool:
    """"weekend and VIP passes use three seat-days each": an "each" right after the number and its unit
    gives the number to every name of the subject."""
    return any(w.lower() == "each" for w in words[p.end: p.end + 2])


def _clauses_alike(words: list[str], labels: list[str], params: list[Span], var_spans: list[Span],
                   mention_var: dict[int, int], a: int) -> tuple[list[int | list[int] | None], list[list[str]]] | None:
    """A "respectively" clause after a ";" that names one variable before its numbers, as many as the clause
    before the ";" has ("A car needs 2 hours of assembly time and 1 hour of mechanic time; a truck needs 2.5 hours
    and 1.5 hours, respectively"): its numbers are that variable's, and measure what the clause before's numbers
    do, in order (returned as the words after each of those numbers). None for any other clause."""
    if a < 1 or words[a - 1] != ";" or len(params) < 2:
        return None
    named = {mention_var[v.start] for v in var_spans if v.start < params[0].start}
    if len(named) != 1 or any(v.start > params[0].start for v in var_spans):
        return None
    # the clause before: from its sentence's opening (a ".", "?", "!" or the text's start) to the ";"
    lo = max([k + 1 for k in range(a - 1) if words[k] in {".", "?", "!", ";"}], default=0)
    before = [k for k in range(lo, a - 1) if labels[k] == "PARAM" and (k == lo or labels[k - 1] != "PARAM")]
    owners = {mention_var[k] for k in range(lo, before[0]) if k in mention_var} if before else set()
    if len(before) != len(params) or len(owners) != 1 or owners == named:
        return None
    said = []
    for i, k in enumerate(before):
        end = before[i + 1] if i + 1 < len(before) else a - 1
        said.append([words[j] for j in range(k + 1, end) if words[j].isalpha() and words[j].lower() not in _BOUNDARY])
    return [named.pop()] * len(params), said


def _listed_measures(words: list[str], labels: list[str], a: int, e: int, n: int,
                     variables: list[Variable]) -> list[list[str]]:
    """The n things a "respectively" sentence measures, listed before its numbers ("pain killer and fever
    reliever", "protein, fat, and fiber"): untagged plain names (1-3 words each) joined by "," / "and",
    none of them a variable's name. Empty when no such list of exactly n is there."""
    keys = {k for v in variables for k in v.keys}

    def item(k: int, step: int) -> int:  # how many name words from k on, going by step
        m = 0
        while a <= k < e and labels[k] == "O" and re.fullmatch(r"[A-Za-z][A-Za-z-]*", words[k]) and \
                words[k].lower() not in STOP and words[k].lower() not in _BOUNDARY and m < 4:
            k += step
            m += 1
        return m
    for j in range(a, e):
        if words[j].lower() != "and" or labels[j] != "O":
            continue
        m = item(j + 1, 1)
        if not 1 <= m <= 3:
            continue
        items = [words[j + 1: j + 1 + m]]
        k = j - 1 if j - 1 >= a and words[j - 1] == "," else j  # ", and"
        k -= 1
        while True:
            m = item(k, -1)
            if not 1 <= m <= 3:
                break
            items.insert(0, words[k - m + 1: k + 1])
            k -= m
            if k < a or words[k] != ",":
                break
            k -= 1
        if len(items) == n and not any(stem(w) in keys for it in items for w in it):
            return items
    return []


def _colon_lists(words: list[str], spans: list[Span], mention_var: dict[int, int],
                 distinct: dict[str, int]) -> dict[int, tuple[int, Counter[str]]]:
    """"The annual rate of return is known to be: gold, 3%; diamond, 5%; ruby, 6%; and sapphire 10%.": a
    colon opens a list, to the end of its sentence, whose items (cut at ";", or at "," when no ";" is
    there) each pair one variable's name with one number. Each number belongs to its item's name, and
    all of them measure what the words before the colon name. Number start -> (variable, those words).
    Lists with fewer than two numbers, or an item with two numbers or two names, are left alone."""
    out: dict[int, tuple[int, Counter[str]]] = {}
    params = [sp for sp in spans if sp.label == "PARAM"]
    names = [sp for sp in spans if sp.label == "VAR" and sp.start in mention_var]
    for colon in (k for k, w in enumerate(words) if w == ":"):
        end = next((k for k in range(colon + 1, len(words)) if words[k] in {".", "?", "!", ":"}), len(words))
        cut = ";" if ";" in words[colon:end] else ","
        bounds = [colon, *(k for k in range(colon + 1, end) if words[k] == cut), end]
        found: dict[int, int] = {}
        for i, j in zip(bounds, bounds[1:], strict=False):
            nums = [p for p in params if i < p.start < j]
            if not nums:
                continue
            owners = {mention_var[sp.start] for sp in names if i < sp.start < j}
            if not owners:  # "and sapphire 10%": an untagged word that names one variable only
                owners = {distinct[stem(w)] for w in words[i + 1: j] if stem(w) in distinct}
            if len(nums) != 1 or len(owners) != 1:
                found = {}
                break
            found[nums[0].start] = next(iter(owners))
        if len(found) < 2 or len(set(found.values())) != len(found):
            continue
        # the measure: the clause before the colon ("The annual rate of return for each industry")
        start = max((k + 1 for k in range(colon) if words[k] in {".", "?", "!", ";", ","}), default=0)
        ctx = Counter(content([w for w in words[max(start, colon - 14): colon] if w.lower() not in _BOUNDARY]))
        out.update({p: (v, ctx) for p, v in found.items()})
    return out


def _which_of_name(words: list[str], var_spans: list[Span], p: Span) -> bool:
    """"by pickup truck, which can take 130 jars per trip, or by minivan": a number in a relative clause right
    after a name ("which" / "that" and at most four words before it) is that name's, not every decision's."""
    for sp in var_spans:
        k = sp.end + (sp.end < len(words) and words[sp.end] == ",")
        if k < p.start and words[k].lower() in {"which", "that"} and p.start - k <= 5 and not {
                ".", ";", ",", "?", "!"} & set(words[k: p.start]):
            return True
    return False


def _per_common_head(words: list[str], p: Span, variables: list[Variable]) -> bool:
    """"The software section works 3 hours for each mobile phone" where the decisions are "economical
    mobile phones" and "premium mobile phones": a rate per the head every variable's name shares is a
    coefficient of them all."""
    if len(variables) < 2:
        return False
    names = [max(v.mentions, key=lambda m: len(m.split())).split() for v in variables]  # the fullest name
    heads = {stem(n[-1]) for n in names if n}
    if len(heads) != 1 or any(len(n) < 2 for n in names):
        return False
    k = p.end
    while k < len(words) and k - p.end < 4 and words[k].lower() not in _PER:
        if words[k].lower() in _BOUNDARY:
            return False
        k += 1
    if k >= len(words) or words[k].lower() not in _PER:
        return False
    rest = [w for w in words[k + 1: k + 4]]
    end = next((j for j, w in enumerate(rest) if stem(w) in heads), None)
    # only the head (and words every name shares) between "each" and it: no qualifier that picks one (nor one
    # after it: "$7 per package of fish meat")
    after = k + 2 + end if end is not None else len(words)
    return end is not None and all(all(stem(w) in {stem(x) for x in n} for n in names) for w in rest[:end]) and not (
        after < len(words) and words[after].lower() == "of")


def _each_common_head(words: list[str], sp: Span, variables: list[Variable]) -> bool:
    """"Each flight needs 2 pilots" where the decisions are "helicopter flights" and "plane flights": "each"
    or "every" before the bare head every variable's name shares makes the number a coefficient of them all."""
    if len(variables) < 2 or sp.start < 1 or words[sp.start - 1].lower() not in {"each", "every"}:
        return False
    names = [max(v.mentions, key=lambda m: len(m.split())).split() for v in variables]  # the fullest name
    heads = {stem(n[-1]) for n in names if n}
    said = words[sp.start: sp.end]
    return len(heads) == 1 and all(len(n) >= 2 for n in names) and len(said) == 1 and stem(said[0]) in heads


def _distinct_keys(variables: list[Variable]) -> dict[str, int]:
    """Words that name exactly one variable ("premium" in "premium one"), for untagged mentions."""
    owners: dict[str, set[int]] = {}
    for v in variables:
        for k in v.keys:
            owners.setdefault(k, set()).add(v.index)
    # ("Shipping by barge costs $18 ... shipping by rail costs $25": a word another variable's mention says
    # too names neither, though only one first mention holds it)
    said = {v.index: {k for m in v.mentions for k in _mention_keys(m)} for v in variables}
    return {k: next(iter(o)) for k, o in owners.items() if len(o) == 1 and len(k) > 2 and not any(
        k in ks for i, ks in said.items() if i not in o)}


# "..., and both types use 25 kg of steel apiece", "all three models need 2 hours of testing": a clause whose
# subject is every kind at once
_ALL_KINDS = re.compile(r"^(?:both|all|all three|all four|all of the|both of the|all the) (?:types|kinds|models|products|"
                        r"sorts|items|of them|varieties|designs|versions)\b")


def _all_kinds_clause(words: list[str], var_spans: list[Span], p: Span, a: int) -> bool:
    """The number's own clause (from the last break before it) opens with "both types" / "all kinds" and names
    no variable: the number measures every variable alike."""
    k = p.start - 1
    while k >= a and words[k].lower() not in _BOUNDARY:
        k -= 1
    if any(k < sp.start < p.start for sp in var_spans):
        return False
    if _ALL_KINDS.match(" ".join(w.lower() for w in words[k + 1: p.start])):
        return True
    # "and each vehicle of either kind uses 30 kg of steel", "Each keyboard, of either model, takes 1.5 hours":
    # one of any kind is the clause's subject (its commas are no break)
    k = p.start - 1
    while k >= a and words[k].lower() not in _BOUNDARY - {","}:
        k -= 1
    return not any(k < sp.start < p.start for sp in var_spans) and bool(_EACH_OF_ANY_KIND.match(
        " ".join(w.lower() for w in words[k + 1: p.start])))


_EACH_OF_ANY_KIND = re.compile(r"^(?:each|every) [a-z-]+ (?:, )?(?:of|for) (?:either|any|both|each|every) (?:type|kind|model|"
                               r"sort|version|design)s? (?:, )?[a-z]+(?: up| about)?$")
_EVERY_TYPE = re.compile(r"\b(?:of|for) (?:either|each|both|every|any) (?:type|kind|model|sort)s?\b")
_EITHER_KIND = re.compile(r"^(?:[a-z]+ ){0,2}?(?:for|of|on) (?:either|each|both|every|any|all) (?:type|kind|model|sort|shape|"
                          r"product|item|option|style|size|version)s?(?: alike)?(?: [,.;]| and\b| or\b|$)")


def _for_either_kind(words: list[str], var_spans: list[Span], p: Span) -> bool:
    """"polishing takes 12 minutes for either shape": a number whose own phrase says it holds for either kind (no
    variable named between, the kind closing its clause) measures every variable alike (not "$200 for each type A
    layout": one type, named; nor "I make $12 on each one sold": the one just named)."""
    m = _EITHER_KIND.match(" ".join(w.lower() for w in words[p.end: p.end + 7]))
    return m is not None and not any(p.end <= sp.start < p.end + len(m.group(0).split()) for sp in var_spans)


def _derived(w: str, distinct: dict[str, int]) -> int | None:
    """The one variable a word is derived from: "desalinated" of "desalination plant", the two words alike
    but for their endings (the first eight letters or more in common, one key only)."""
    if len(w) < 9 or not w.isalpha():
        return None
    # (both endings differ: "chocolates" of "chocolate" is the same word, left to the stem match)
    found = {v for key, v in distinct.items() if len(key) >= 8 and key[:8] == w[:8]
             and min(len(key), len(w)) - 4 <= len(os.path.commonprefix([key, w])) < min(len(key), len(w))}
    return next(iter(found)) if len(found) == 1 else None


def _soft_mentions(words: list[str], bounds: tuple[int, int], tagged: list[Span], labels: list[str],
                   distinct: dict[str, int], mention_var: dict[int, int],
                   one_word: dict[int, set[str]] | None = None) -> list[Span]:
    """Untagged words that name one variable, as extra mentions (the tagger misses "regular one").
    `one_word`: each variable's naming words."""
    one_word = one_word or {}
    out: list[Span] = []
    a, b = bounds
    for k in range(a, b):
        if labels[k] != "O":
            continue
        v = distinct.get(stem(words[k]))
        if v is None:
            # a one-word name in the other number ("each vehicle" of "vehicles": their stems differ); not
            # a word of a longer name ("each cell-phone" of "regular cell-phones" may be either phone)
            w = words[k].lower()
            v = distinct.get(stem(w[:-1]) if w.endswith("s") else stem(w + "s"))
            v = v if v is not None and len(one_word.get(v, ())) == 1 else None
        if v is None:
            v = _derived(words[k].lower(), distinct)
        if v is None:
            v = _possessive_letter(words[k], one_word)
            if v is None and k > a and words[k - 1].lower() == "of" and re.fullmatch(r"[A-Z]", words[k]):
                # ("at least 50 units of X" of "Product X": the letter alone after "of" is no article)
                v = _possessive_letter(words[k] + "'s", one_word)
            if v is not None:  # ("but B's work can only be done in the office": a name, whatever before it)
                out.append(Span("VAR", k, k + 1, words[k]))
                mention_var.setdefault(k, v)
                continue
        prev = words[k - 1].lower() if k > a else ""  # "" at the start of a sentence
        # only where the word is used as a name ("each premium one"), not as a measure ("units of protein")
        # ("more people travel by coach than by business class": a means compared, in a sentence with "than")
        by_means = prev == "by" and "than" in {w.lower() for w in words[a:b]}
        by_means = by_means or _money_in(words, k, a)
        # (nor a word a unit of measure follows: "half a board foot" beside "cutting boards")
        # ("House earns $9 a kg and Bright $12 a kg": a name after "and", its verb left out, right before its amount)
        gapped = prev in {"and", "but"} and k + 1 < b and (words[k + 1] == "$" or is_number(words[k + 1]))
        if v is not None and words[k].lower() not in _MENTION_STOP and (prev in _NAMING or by_means or gapped or prev in {
                ",", ";", "", "whereas", "while"}) and not (k + 1 < b and words[k + 1].lower() in {"foot", "feet"}):
            out.append(Span("VAR", k, k + 1, words[k]))
            mention_var.setdefault(k, v)
    return out


def _possessive_letter(word: str, one_word: dict[int, set[str]]) -> int | None:
    """"Client A ... Client B ... but B's work": the letter (or number) that tells one name from the others,
    said alone in the possessive, names that one (too short a word for `_distinct_keys`)."""
    m = re.fullmatch(r"([A-Z]|\d{1,2})['’]s", word)
    if not m:
        return None
    owners = [v for v, keys in one_word.items() if m.group(1).lower() in keys]
    return owners[0] if len(owners) == 1 else None


def _money_in(words: list[str], k: int, a: int) -> bool:
    """"at least $1 in bonds for every $2 in equities", "no more than 40% in tech": an amount of money (or a
    share) put "in" a word names the decision it is put in ("bonds" of "bond portfolio")."""
    if k - 2 < a or words[k - 1].lower() not in {"in", "into"}:
        return False
    before = words[k - 2].lower()
    # ("each dollar in bonds has risk 0.1", "every dollar put into education gives $2.10")
    # ("whatever goes into healthcare has to be no less than three times the fishing amount")
    return before in {"%", "percent", "dollar", "put", "invested", "placed", "goes", "go", "going"} or (bool(re.fullmatch(r"\d[\d,]*(?:\.\d+)?", before)) and (
        "$" in words[max(a, k - 4): k - 2] or "dollars" in before))


def _multiplier(words: list[str], sp: Span) -> bool:
    """"twice", "three times", "a third of": comparisons between variables, not coefficients."""
    nxt = words[sp.end].lower() if sp.end < len(words) else ""
    after = words[sp.end + 1].lower() if sp.end + 1 < len(words) else ""
    t = sp.text.lower()
    if (nxt in {"times", "time"} or t.endswith("times")) and (after if nxt in {"times", "time"} else nxt) in {
            "a", "an", "per", "every", "each", "daily", "weekly"}:
        return False  # "re-stocked five times a month": a frequency, a coefficient
    if t in FRACTIONS and nxt in {"a", "an"} and after.replace("-", "").isalpha() and after not in {
            "third", "quarter", "half"}:
        return False  # "half an hour for the comet survey", "half a bed-day": an amount (0.5 hours), a coefficient
    unit = words[sp.end + 2].lower() if sp.end + 2 < len(words) else ""
    if t in FRACTIONS and nxt == "of" and after in {"a", "an"} and unit.isalpha() and unit not in FRACTIONS:
        return False  # "a quarter of an hour on the wheel": an amount of one unit (0.25 hours), as above
    if t == "half" and nxt.isalpha() and any(words[k] == "%" and words[k + 1].lower() == nxt
                                             for k in range(len(words) - 1)):
        return False  # "Classic is 80% peanuts ... Deluxe is half peanuts": a share of what a percentage measures
    return nxt in {"times", "time"} or "times" in t or t in MULTIPLIERS or t in FRACTIONS or (
        nxt == "as" and sp.end + 1 < len(words) and words[sp.end + 1].lower() in {"many", "much"})


def overlap(a: Counter[str], b: Counter[str]) -> float:
    return math.fsum(weight(t) for t in set(a) & set(b))  # (fsum: the same sum in any order, whatever the hash seed)


def _material(words: list[str], labels: list[str], c: Coef, distinct: dict[str, int]) -> set[str]:
    """The words that only one variable's name has among what a coefficient measures, after its number
    ("1.25 tonnes of sorted PET scrap": "pet"), untagged; the variable named before the number is not one."""
    out: list[str] = []
    k = c.tok + 1
    while k < len(words) and labels[k] in {"PARAM", "LIMIT"} and labels[k] == labels[c.tok]:
        k += 1  # the rest of the number ("62 %")
    if k + 1 < len(words) and words[k + 1].lower() == "per":
        return set()  # ("30 packs per tray": the decision's own unit per one of something else)
    for j in range(k, min(k + 7, len(words))):
        w = words[j]
        if labels[j] in {"VAR", "PARAM", "LIMIT"} or w in {".", ",", ";", "?", "!", ":"} or w.lower() in {
                "and", "or", "but", "while", "per", "each"}:
            break
        if w.lower() == "for" and j + 1 < len(words) and words[j + 1].lower() in {"a", "an", "each", "every", "one"}:
            break  # ("7 minutes for a breakfast": the one the rate is for, not what it measures)
        out.append(w)
    # ("3 oranges" of "orange juice": `stem` keeps the plural's "e" and drops the singular's, "orange" / "orang")
    return {k if k in distinct else k[:-1] for k in content(out) if k in distinct or k[-1:] == "e" and k[:-1] in distinct}


def _unit_after(words: list[str], labels: list[str], tok: int) -> str | None:
    """The content word right after a number ("12 employees": "employee"), if any."""
    k = tok + 1
    while k < len(words) and labels[k] in {"PARAM", "LIMIT"} and labels[k] == labels[tok]:
        k += 1
    said = content(words[k: k + 1]) if k < len(words) and words[k].isalpha() else []
    return said[0] if said else None


def _same_unit(words: list[str], labels: list[str], c: Coef, f: Feature, features: list[Feature]) -> bool:
    """c's number is followed by the same word as a number of group f ("12 employees", "26 employees"), a
    word that tells groups apart (not "au" after every number: "5 au of aluminum, 1 au of oxygen")."""
    mine = _unit_after(words, labels, c.tok)
    return mine is not None and any(_unit_after(words, labels, o.tok) == mine for o in f.coefs.values()) and not all(
        mine in g.context for g in features)


def group_features(coefs: list[Coef], distinct: dict[str, int] | None = None,
                   words: list[str] | None = None, labels: list[str] | None = None,
                   limit_ctx: list[set[str]] | None = None) -> list[Feature]:
    """Coefficients that measure the same thing, one per variable, matched by context words. Two that
    each measure a thing named with a different variable's own word ("1.25 tonnes of PET scrap" for PET
    pellets, "1.1 tonnes of HDPE scrap" for HDPE pellets) measure different materials, each its own row; so do
    two whose words differ by what limits of their own name ("4 minutes on the grill", "5 minutes on the wok",
    "Grill: 800 minutes. Wok: 1,000 minutes")."""
    features: list[Feature] = []
    material = {id(c): _material(words, labels, c, distinct) for c in coefs} if distinct and words and labels else {}
    after = {id(c): _said_after(words, labels, c) for c in coefs} if limit_ctx and words and labels else {}
    for c in coefs:
        best, best_score = None, 0.0
        mine = material.get(id(c), set())
        # no words of its own but its variable's name ("each aide 2")
        bare = not set(c.context) - {k for k, v in (distinct or {}).items() if v == c.var}
        for f in features:
            if c.var in f.coefs:
                continue
            theirs = [material.get(id(o), set()) for o in f.coefs.values()]
            if mine and any(t and not (t <= mine or mine <= t) for t in theirs):
                continue
            if after and _named_apart(after[id(c)], {w for o in f.coefs.values() for w in after[id(o)]}, limit_ctx or [],
                                      strong=True) and not any(
                    c.var in g.coefs and after[id(c)] & set(g.context) - WEAK for g in features):
                # (unless its own measure already holds the variable: "15 kg of dye and 2 kg of dye" is a slip for
                # the other measure)
                continue
            score = overlap(c.context, f.context) + (0.5 if c.objective_hint and _hinted(f) else 0.0)
            if c.context and f.context and not (set(c.context) & set(f.context)):
                score = 0.0
            elif score and words and labels and _same_unit(words, labels, c, f, features):
                score += 0.5  # ("takes 12 employees", "requires 26 employees to create 500 sets": the unit)
            if not c.context and not f.context:
                score = 0.1
            if bare and any(o.sent == c.sent for o in f.coefs.values()):
                # a measure its clause leaves out is the one stated earlier in its sentence: "a risk score of
                # 2, each dollar in dividend stocks 5 and each dollar in the REIT 7"
                score = max(score, 0.2)
            if score > best_score:
                best, best_score = f, score
        if best is None:
            best = Feature()
            features.append(best)
        best.add(c)
    return _regroup(features)


# units of an amount of stuff (`_regroup`: words that tell nothing apart)
_STUFF = frozenset(stem(w) for w in "g gram grams kg kilogram kilograms ml liter liters litre litres lb pound pounds "
                   "oz ounce ounces ton tons tonne tonnes".split())


def _feature_of(coefs: list[Coef]) -> Feature:
    f = Feature()
    for c in coefs:
        f.add(c)
    return f


def _regroup(features: list[Feature]) -> list[Feature]:
    """"A small line makes 150 sets of clothing and takes 12 employees ...; a large line requires 26 employees to
    create 500 sets of clothing": taken in order, "26 employees to create" joined the first group by "create"
    and "500 sets of clothing" was left alone. A coefficient left alone that shares more words with another
    variable's group than that variable's own member does takes its place, when the member it puts out then
    shares words with another group left alone (which lacks that variable), as "26 employees" with "12
    employees"."""
    for _ in range(len(features)):
        done = False
        for s in features:
            if len(s.coefs) != 1:
                continue
            v, c = next(iter(s.coefs.items()))
            for f in features:
                if f is s or v not in f.coefs or len(f.coefs) < 2:
                    continue
                out = f.coefs[v]
                rest = [o for o in f.coefs.values() if o.var != v]
                rest_ctx: Counter[str] = Counter()
                for o in rest:
                    rest_ctx.update(o.context)
                if overlap(c.context, rest_ctx) <= overlap(out.context, rest_ctx):
                    continue
                home = max((g for g in features if g is not s and g is not f and v not in g.coefs
                            and overlap(out.context, g.context) > 0),
                           key=lambda g: overlap(out.context, g.context), default=None)
                named = set(c.context) - WEAK - _STUFF  # (what c measures, past its units)
                if home is None and named and set(c.context) <= set(rest_ctx) and set(out.context) - set(rest_ctx) and (
                        set(out.context) & set(rest_ctx) <= WEAK | _STUFF):
                    # ("a berry smoothie uses 200 g of fruit and 50 g of yogurt; a green smoothie uses 100 g of
                    # fruit, 100 g of spinach, and 50 g of yogurt": the yogurt joins the yogurt, and the spinach,
                    # which shared only the "g", stands alone)
                    k_f = features.index(f)
                    features[k_f] = _feature_of([*rest, c])
                    features[features.index(s)] = _feature_of([out])
                    done = True
                    break
                # (the two groups together share more words than before: the first keeps its own measure)
                if home is None or overlap(c.context, rest_ctx) + overlap(out.context, home.context) <= overlap(
                        out.context, rest_ctx):
                    continue
                k_f, k_h = features.index(f), features.index(home)
                features[k_f] = _feature_of([*rest, c])
                features[k_h] = _feature_of([*home.coefs.values(), out])
                features = [g for g in features if g is not s]
                done = True
                break
            if done:
                break
        if not done:
            break
    return features


def merge_parallel(features: list[Feature], n_vars: int, limit_ctx: list[set[str]] | None = None) -> list[Feature]:
    """One measure stated for each variable in one sentence with different words ("15,000 viewers for
    each morning show spot and 30,000 internet users for a social media spot", "$50 per car washed and
    $75 per bus washed"): groups that each hold one coefficient, all from one sentence, each for another
    variable that no other such group of the sentence names, are one group."""
    by_sent: dict[int, list[int]] = {}
    for k, f in enumerate(features):
        sents = {c.sent for c in f.coefs.values()}
        if len(f.coefs) == 1 and len(sents) == 1:
            by_sent.setdefault(next(iter(sents)), []).append(k)
    drop: set[int] = set()
    for ks in by_sent.values():
        var_of = [next(iter(features[k].coefs)) for k in ks]
        if len(ks) < 2 or len(set(var_of)) != len(ks) or len(ks) > n_vars:
            continue
        if _limited_apart(features, ks, limit_ctx or []):
            continue
        # the coefficients of one group sit in one list: nothing but other numbers of the list between them
        toks = sorted(next(iter(features[k].coefs.values())).tok for k in ks)
        if toks[-1] - toks[0] > 12 * (len(ks) - 1):
            continue
        head = features[ks[0]]
        for k in ks[1:]:
            for c in features[k].coefs.values():
                head.add(c)
            drop.add(k)
    return [f for k, f in enumerate(features) if k not in drop]


def merge_scaled(features: list[Feature]) -> list[Feature]:
    """"A parcel ... takes 6 minutes ... A pallet ... takes half an hour": one measure said for each decision in
    units of one dimension at different scales (minutes and hours, grams and kilograms). Groups of different
    variables whose words are the same but for such a unit are one group (each coefficient is then put in the
    limit's unit: `limit_rows._in_one_unit`)."""
    def unit_of(f: Feature) -> tuple[int, str] | None:
        units = [(t, u) for t, table in enumerate(_MAGNITUDES) for u in f.context if u in table]
        return units[0] if len(units) == 1 else None

    drop: set[int] = set()
    for i, f in enumerate(features):
        ui = unit_of(f)
        if ui is None or i in drop:
            continue
        for j in range(i + 1, len(features)):
            g = features[j]
            uj = unit_of(g)
            if j in drop or uj is None or uj[0] != ui[0] or uj[1] == ui[1] or set(f.coefs) & set(g.coefs) or (
                    set(f.context) - {ui[1]} != set(g.context) - {uj[1]}):
                continue
            for c in g.coefs.values():
                f.add(c)
            drop.add(j)
    return [f for k, f in enumerate(features) if k not in drop]


def _said_after(words: list[str], labels: list[str], c: Coef) -> set[str]:
    """The content words right after a coefficient's number, to its clause's end ("5 minutes on the wok": minute,
    wok), as the groups key them."""
    out: list[str] = []
    for j in range(c.tok + 1, min(c.tok + 7, len(words))):
        if labels[j] in {"VAR", "PARAM", "LIMIT"} or words[j] in {".", ",", ";", "?", "!", ":"} or words[j].lower() in {
                "and", "or", "but", "while", "per", "each"}:
            break
        out.append(words[j])
    return set(content(out))


def _named_apart(x: set[str], y: set[str], limit_ctx: list[set[str]], strong: bool = False) -> bool:
    """Two contexts that differ by words each named by a limit that does not name the other's (`strong`: words of
    a measure only, not of time or a unit: "per hour on 6 square meters" is no other measure than "4 square meters")."""
    a, b = x - y, y - x
    if strong:
        a, b = {w for w in a if weight(w) >= 1 and w not in WEAK}, {w for w in b if weight(w) >= 1 and w not in WEAK}
    return bool(a and b and any(lim & a and not lim & b for lim in limit_ctx) and any(
        lim & b and not lim & a for lim in limit_ctx))


def _limited_apart(features: list[Feature], ks: list[int], limit_ctx: list[set[str]]) -> bool:
    """"DAP is 18% nitrogen and 46% phosphate, and potash is 60% potassium ... at least 60 kg of phosphate and
    50 kg of potassium": two measures of one sentence, each named by a limit of its own that does not name
    the other, are two rows, not one measure said with different words."""
    ctxs = [set(features[k].context) for k in ks]
    return any(_named_apart(ctxs[x], ctxs[y], limit_ctx) for x in range(len(ks)) for y in range(x + 1, len(ks)))


def _hinted(f: Feature) -> bool:
    return any(c.objective_hint for c in f.coefs.values())

"""Two variables compared in one clause, with or without a tagged LIMIT: "at least twice as many X as Y"
(xby), "X must not exceed Y" (xy), "at least 10 more X than Y" (a linear row x - y >= 10, `_difference`);
and the test that keeps such a limit from being read as a bound (`_compares`)."""

from __future__ import annotations

import re

from modeler.strategies.offline.entities import Span
from modeler.strategies.offline.limit_scope import _share_must_be
from modeler.strategies.offline.reading import Reading
from modeler.strategies.offline.specs import ConstraintSpec
from modeler.strategies.offline.words import (
    FRACTIONS,
    MEASURES,
    MULTIPLIERS,
    OWNERS,
    direction,
    parse_value,
    stem,
)

_COMPARE = ("exceed", "more than", "less than", "greater than", "fewer than", "larger than", "smaller than",
            "as many", "as much", "at least as", "at most as", "higher than", "lower than")
_TIMES = re.compile(r"\b(times|twice|double|thrice|triple|half as)\b")


def _compares(r: Reading, sp: Span) -> bool:
    """"at least three times as many hardcover than paperback textbooks": a multiple of another
    variable (read by `comparisons` when it can name both), never a bound of its own."""
    after = " ".join(w.lower() for w in r.words[sp.end: sp.end + 4])
    if any(f in sp.text.lower().split() for f in FRACTIONS):
        return False  # "at most half the number of ads": a share of the total, a limit of its own
    return _is_multiplier(r, sp) and bool(re.match(r"(times? )?(as many|as much|more|fewer|less|the)\b", after))


_MODAL = re.compile(r"\b(must|should|shall|can|cannot|can't|could|may|need|needs|has to|have to|want|wants|prefer|"
                    r"prefers|required?|at least|at most|no more|no less|exceed|exceeds|limit|will)\b")
_CLAUSE_SPLIT = frozenset({",", ";", "but", "while", "whereas", "and", "however", "so", "since", "because"})
_FRACTION_OF = re.compile(r"\b(half|third|quarter|fourth|fifth|\d+(?:\.\d+)? ?%|\d+ percent)\b (?:of )?(the|that)\b")
_NEGATED_MORE = re.compile(r"\b(?:can't|cannot|can not|mustn't|must not|may not|shouldn't|should not|won't|will not|"
                           r"isn't|aren't|is not|are not|don't want|do not want|doesn't want|does not want) (?:(?!much )[a-z]+ )?"
                           r"(?:any )?(more|greater|larger|higher|less|fewer|smaller|lower)\b[^,;]*?\bthan\b")
_AS_MANY_AS = re.compile(r"(?:\bas (?:many|much)\b.* as|\bthan)$")
_MORE_THAN = re.compile(r"\b(more|fewer|less|greater|larger|smaller|higher|lower)\b.*\bthan\b")


def _clauses(r: Reading, s: int) -> list[tuple[int, int]]:
    a, b = r.sentences[s]
    # (not the "and" inside one number: "at least one and a half times")
    inside = {k for sp in r.spans if sp.label in {"PARAM", "LIMIT"} and a <= sp.start < b for k in range(sp.start, sp.end)}
    cuts = [k for k in range(a, b) if r.words[k].lower() in _CLAUSE_SPLIT and k not in inside]
    bounds = [a, *cuts, b]
    return [(bounds[i] + (1 if i else 0), bounds[i + 1]) for i in range(len(bounds) - 1)
            if bounds[i + 1] > bounds[i] + (1 if i else 0)]


# "the number of small boxes must be at least the number of large boxes": a comparison with no multiplier
_AS_THE_NUMBER = re.compile(r"\b(?:at least|at most|no more than|no less than|no fewer than|not more than|not less than|"
                            r"not fewer than|equal to|the same as) (?:the|that of the) (?:number|amount|quantity|count) of\b")


def _its_owner(r: Reading, s: int, a: int, b: int, named: int) -> int | None:
    """The variable "its" (or "their") opening the clause [a, b), or an "it" money is put into before the comparison,
    stands for: the other one named last before the clause in its sentence ("Ylang ylang oil sells better, but its
    acreage cannot be more than double ...")."""
    k = a + (r.words[a].lower() in {"but", "and", "yet", "so", "while"} if a < b else 0)
    low = [w.lower() for w in r.words[k:b]]
    cue = next((i for i, w in enumerate(low) if w in {"times", "than", "twice", "double", "triple", "as"}), len(low))
    # ("Since the shoe factory is more experienced, the amount he puts into it must be at least 4 times the amount
    # he puts into the hat factory": "it", where the amount is put, before the comparison's cue)
    put_in_it = any(w == "it" and i and low[i - 1] in {"into", "in", "on", "to"} for i, w in enumerate(low[:cue]))
    if k >= b or (r.words[k].lower() not in {"its", "their"} and not put_in_it):
        return None
    before = [r.mention_var[j] for j in sorted(r.mention_var) if r.sentences[s][0] <= j < a and r.mention_var[j] != named]
    return before[-1] if before else None


def comparisons(r: Reading, s: int, limits: list[Span]) -> list[tuple[ConstraintSpec, tuple[int, int]]]:
    """xby / xy in a sentence: two variables compared in one clause ("at least twice as many X as Y")."""
    out = []
    sentence = r.sentence_text(s)
    if re.search(r"(than or equal to|at least|no less than) (0|zero)\b(?![.,]\d)|non-?negative", sentence.lower()):
        return out
    clauses = _clauses(r, s)
    for i, (a, b) in enumerate(clauses):
        plus = _multiple_plus(r, a, b, sentence) or _difference(r, a, b, sentence)
        if plus is not None:
            out.append((plus, (a, b)))
            continue
        # a comparison may continue into the next clause: "more X than Y, ..." rarely; "X and Y" splits
        # wrongly, so a clause with one variable borrows the next clause's first mention
        low = " ".join(r.words[a:b]).lower()
        m_times = _TIMES.search(low)
        has_times = bool(m_times) and not re.match(r"\s*(a|an|per|every|each|daily|weekly|monthly)\b",
                                                   low[m_times.end():]) and (bool(
            re.search(r"\b(as|than|that of|the number|the amount|the \w+ (?:of|for)|the \w+ (?:amount|investment|acreage))\b",
                      low[m_times.end():])
            or _MONEY_PUT.match(low[m_times.end():]))
            or _times_named(r, a, b) or _times_the_other(r, a, b))
        frac = _FRACTION_OF.search(low)
        # ("desktop sales can be no more than one third of laptop sales": a fraction of the other's name)
        of_name = None if frac else _fraction_of_name(r, a, b)
        if frac and any(sp.label == "LIMIT" and a <= sp.start < b and _share_must_be(r, sp) is not None for sp in r.spans):
            frac = None  # ("a third of the carriers must ride bikes": a share of the whole, not of one kind)
        # ("wants as much vitamin C as possible from orange juice and a kale smoothie": a goal, no comparison)
        plain = _AS_POSSIBLE.sub(" ", low)
        compare = any(c in plain for c in _COMPARE) or bool(_MORE_THAN.search(plain)) or bool(
            _AS_THE_NUMBER.search(plain))
        if not (has_times or frac or compare or of_name):
            continue
        if any(sp for sp in limits if a <= sp.start < b and not _is_multiplier(r, sp) and not frac and not (
                of_name and sp.start == of_name[0].start)):
            continue  # a real limit in the clause: a bound or a sum, not a comparison
        distinct = list(dict.fromkeys(r.mention_var[k] for k in sorted(r.mention_var) if a <= k < b))
        if of_name is not None:
            distinct = _fraction_sides(r, a, of_name)
        if not distinct and i + 1 < len(clauses) and (has_times or compare):
            # "at least 2 times as many people prefer to save money and travel by regular seats than
            # cushioned seats": the things compared come in the next clause
            na, nb = clauses[i + 1]
            distinct = list(dict.fromkeys(r.mention_var[k] for k in sorted(r.mention_var) if na <= k < nb))
            b = nb
        if len(distinct) == 1 and (its := _its_owner(r, s, a, b, distinct[0])) is not None:
            # ("Ylang ylang oil sells better, but its acreage cannot be more than double the vanilla acreage")
            distinct.insert(0, its)
        if len(distinct) == 1 and len(r.variables) == 2 and has_times and " than" not in low and " as " not in (
                " ".join(r.words[b:r.sentences[s][1]]).lower() + " ") and i + 1 >= len(clauses):
            # "at least 3 times as many people prefer to sit in regular seats": than the other one
            distinct.append(1 - distinct[0] if distinct[0] in (0, 1) else 0)
            # "at least three times as many maples as oaks", only "oaks" named: the one named after the
            # second "as" is what the multiple is of, so the other one is the side compared
            at = next((k for k in sorted(r.mention_var) if a <= k < b), a)
            if _AS_MANY_AS.search(" ".join(r.words[a:at]).lower()):
                distinct.reverse()
        if len(distinct) == 1 and i + 1 < len(clauses):
            na, nb = clauses[i + 1]
            more = [r.mention_var[k] for k in sorted(r.mention_var) if na <= k < nb and r.mention_var[k] != distinct[0]]
            # (not the "than" of a bound: "no more than 60 percent of the money ..., and she wants ...")
            if more and (re.search(r"\bthan\b(?! (?:\$ )?\d)", low) or " as " in f" {low} "):
                distinct.append(more[0])
                b = nb
        if len(distinct) == 1 and not (has_times or frac or of_name):
            # (a plain comparison only: with a multiple, the sides of "twice as many X than Y" stay as read)
            distinct = _named_before_than(r, a, b, distinct[0]) or distinct
        if len(distinct) == 1:
            other = _than_other(r, a, b, distinct[0])
            if other is not None:
                distinct.append(other)
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
        if has_times or frac or of_name:
            mult = None
            if frac:
                mult = parse_value(frac.group(1))
            elif of_name:
                mult = parse_value(of_name[0].text)
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


_AS_POSSIBLE = re.compile(r"\bas (?:much|many)\b(?:(?! as ).)*? as (?:possible|it can|they can|she can|he can|we can|"
                          r"you can|i can)\b")


_PLUS_BOUND = re.compile(r"\b(no more than|not more than|at most|no less than|not less than|at least)$")


def _multiple_plus(r: Reading, a: int, b: int, sentence: str) -> ConstraintSpec | None:
    """"social should be no more than twice the radio spots plus 6": one of two decisions bounded by a multiple of
    the other plus an amount, x <= m y + n (x, when the clause does not name it, is the other decision)."""
    if len(r.variables) != 2:
        return None
    low = r.low
    for k in range(a + 1, b - 3):
        mult = MULTIPLIERS.get(low[k]) if low[k] in {"twice", "double", "triple", "thrice"} else (
            parse_value(low[k]) if low[k + 1] == "times" else None)
        if mult is None:
            continue
        j = k + (2 if low[k + 1] == "times" else 1)
        j += low[j] == "the"
        bound = _PLUS_BOUND.search(" ".join(low[max(a, k - 3): k]))
        if j not in r.mention_var or bound is None:
            return None
        y = r.mention_var[j]
        e = next((q for q in range(j, b) if q not in r.mention_var and not any(
            x.start <= q < x.end for x in r.spans if x.label == "VAR")), b)
        if e + 1 >= b or low[e] not in {"plus", "+"} or parse_value(low[e + 1]) is None:
            return None
        named = [r.mention_var[q] for q in range(a, k) if q in r.mention_var]
        x = named[0] if named else 1 - y
        if x == y:
            return None
        sense = ">=" if bound.group(1) in {"no less than", "not less than", "at least"} else "<="
        return ConstraintSpec("linear", sense, float(parse_value(low[e + 1]) or 0.0), {x: 1.0, y: -mult},
                              sentence=sentence, cue=" ".join(r.words[a:b]))
    return None


_AT_LEAST = re.compile(r"\b(at least|no less than|not less than|no fewer than|not fewer than|a minimum of|minimum of)$")
_AT_MOST = re.compile(r"\b(at most|no more than|not more than|up to|a maximum of|maximum of)$")
_DUTY = re.compile(r"\b(must|should|shall|needs?|has to|have to|wants?|required)\b")
_NOT = re.compile(r"\b(cannot|can't|can not|must not|mustn't|should not|shouldn't|may not|will not|won't|not)\b")


def _difference(r: Reading, a: int, b: int, sentence: str) -> ConstraintSpec | None:
    """"at least 10 more day nurses than night nurses", "the number of motorcycles cannot exceed the number of
    vans by more than 20": one decision above another by an amount, x - y >= n (or <= n); "n fewer x than y" is
    y - x >= n. The first number of the clause that says either."""
    low = r.low
    mentions = [k for k in sorted(r.mention_var) if a <= k < b]
    for k in range(a, b - 1):
        value = parse_value(low[k]) if low[k][:1].isdigit() else None
        if value is None:
            continue
        found = _more_than(r, low, mentions, a, b, k, value)
        if found is None:
            found = _exceeds_by(r, low, mentions, a, k, value)
        if found is not None:
            if not found:
                return None  # (the clause says it, but not between two decisions: no row, and no other reading)
            kind, sense, x, y, param = found
            cue = " ".join(r.words[a:b])
            if kind == "xby":
                return ConstraintSpec("xby", sense, 0.0, x=x, y=y, param=param, sentence=sentence, cue=cue)
            return ConstraintSpec("linear", sense, float(value), {x: 1.0, y: -1.0}, sentence=sentence, cue=cue)
    return None


# what `_more_than` and `_exceeds_by` find: () for a clause that says it of no two decisions, else
# (kind, sense, x, y, multiple)
_Found = tuple[()] | tuple[str, str, int, int, float]


def _more_than(r: Reading, low: list[str], mentions: list[int], a: int, b: int, k: int,
               value: float) -> _Found | None:
    """"at least 10 more day nurses than night nurses", "$5000 more in stocks than in bonds", "at least 5
    bookcases more than desks", "at least 30 acres more of corn than of wheat" (a unit between), "at least 10
    percent more bread than cake" (a multiple, x >= 1.1 y), for the number at k."""
    more = next((j for j in range(k + 1, min(k + 4, b)) if low[j] in {"more", "fewer", "less", "extra"}), None)
    if more is None:
        return None
    pct = more == k + 2 and low[k + 1] in {"%", "percent"}
    if not (more == k + 1 or pct or all(q in r.mention_var or low[q] in MEASURES or any(
            x.label == "VAR" and x.start <= q < x.end for x in r.spans) for q in range(k + 1, more))):
        return None
    than = next((t for t in range(more + 1, b) if low[t] == "than"), None)
    if than is None or than + 1 < b and parse_value(low[than + 1]) is not None:
        return None  # ("10 more than 20": a number after "than" is a bound's)
    inside = [r.mention_var[q] for q in mentions if k < q < than]
    outside = [r.mention_var[q] for q in mentions if q < k]
    after = [r.mention_var[q] for q in mentions if q > than]
    x = inside[0] if inside else (outside[-1] if outside else None)
    y = after[0] if after else None
    if x is None or y is None or x == y:
        return ()
    before = " ".join(low[a:k]).replace(" $", "").replace("$", "").strip()
    if _AT_LEAST.search(before):
        sense = ">="
    elif _AT_MOST.search(before):
        sense = "<="
    elif _DUTY.search(before) and not _NOT.search(before):
        sense = ">="
    else:
        return ()  # ("this year it sold 20 more cakes than last year": a fact, no rule)
    fewer = low[more] in {"fewer", "less"}
    if pct:  # "10 percent fewer x than y" is x <= 0.9 y when "at least"
        return ("xby", {">=": "<=", "<=": ">="}[sense] if fewer else sense, x, y,
                1 - value / 100 if fewer else 1 + value / 100)
    return ("linear", sense, y, x, 1.0) if fewer else ("linear", sense, x, y, 1.0)


# the verbs that say one decision is above another ("Phones should outnumber tablets by at least 30")
_EXCEED = frozenset("exceed exceeds surpass surpasses outnumber outnumbers outsell outsells".split())


def _exceeds_by(r: Reading, low: list[str], mentions: list[int], a: int, k: int, value: float) -> _Found | None:
    """"the number of motorcycles cannot exceed the number of vans by more than 20", "must exceed the pear
    acreage by at least 10 acres", "should outnumber tablets by at least 30", for the number at k ("by more than
    $2000": its currency sign is no word of the cue)."""
    if k >= 1 and low[k - 1] == "$":
        k -= 1
    if not (k >= 2 and low[k - 1] in {"than", "over", "least", "most"} or k >= 1 and low[k - 1] == "by"):
        return None
    by = next((t for t in range(k - 1, max(a, k - 4) - 1, -1) if low[t] == "by"), None)
    ex = next((t for t in range(a, by or a) if low[t] in _EXCEED), None)
    if by is None or ex is None:
        return None
    first = [r.mention_var[q] for q in mentions if q < ex]
    second = [r.mention_var[q] for q in mentions if ex < q < by]
    if not first or not second or first[-1] == second[0]:
        return ()
    cue = " ".join(low[by + 1:k])
    duty = " ".join(low[a:ex])
    negated = bool(_NOT.search(duty))
    if cue in {"at most", "no more than", "not more than", "up to"} or negated and cue in {"", "more than", "over"}:
        return ("linear", "<=", first[-1], second[0], 1.0)
    if not negated and (cue in {"at least", "no less than", "not less than"} or cue in {"more than", "over"} and (
            _DUTY.search(duty))):
        return ("linear", ">=", first[-1], second[0], 1.0)
    return ()


# "at least three times the money put into the rapper": a multiple of what another option gets
_MONEY_PUT = re.compile(r"\s*the (?:money|amount|sum|investment|funds?)s? (?:\w+ )?(?:in|into|on|to)\b")


def _fraction_of_name(r: Reading, a: int, b: int) -> tuple[Span, int] | None:
    """"desktop sales can be no more than one third of laptop sales": a fraction (a word of it, not a percent)
    followed by "of" and a decision's name at once is a part of that decision, not a share of the whole;
    the span and the named variable."""
    for sp in r.spans:
        if sp.label not in {"PARAM", "LIMIT"} or not a <= sp.start < b or sp.end + 1 >= b:
            continue
        if not any(w in FRACTIONS for w in sp.text.lower().split()) or r.words[sp.end].lower() != "of":
            continue
        if sp.end + 1 in r.mention_var:
            return sp, r.mention_var[sp.end + 1]
    return None


def _fraction_sides(r: Reading, a: int, of_name: tuple[Span, int]) -> list[int]:
    """The part and the whole of `_fraction_of_name`: the part is the one other variable the clause names
    before the fraction, tagged or by a word only its name has ("desktop" of "desktop sales" untagged)."""
    sp, whole = of_name
    named = {r.mention_var[k] for k in r.mention_var if a <= k < sp.start}
    named |= {r.distinct[stem(w)] for w in r.words[a: sp.start] if stem(w) in r.distinct}
    named.discard(whole)
    return [named.pop(), whole] if len(named) == 1 else []


def _times_named(r: Reading, a: int, b: int) -> bool:
    """"dungeon runs at least one and a half times arena matches": "times" right before a decision's name (people
    leave out "as many ... as" and "the number of")."""
    return any(r.words[k].lower() == "times" and (k + 1 in r.mention_var or (
        k + 2 < b and r.words[k + 1].lower() == "the" and k + 2 in r.mention_var)) for k in range(a, b - 1))


def _times_the_other(r: Reading, a: int, b: int) -> bool:
    """"The junior hours must not exceed twice the senior hours": a multiplier, "the" and a variable's
    mention right after it (a multiple of that variable, not a rate: "twice a day")."""
    for k in range(a, b - 2):
        w = r.words[k].lower()
        # ("no less than double her fashion investment": an owner's word in the place of "the")
        if (w in MULTIPLIERS or w == "times") and r.words[k + 1].lower() in OWNERS and any(
                j in r.mention_var for j in range(k + 2, min(k + 4, b))):
            return True
    return False


def _is_multiplier(r: Reading, sp: Span) -> bool:
    nxt = r.words[sp.end].lower() if sp.end < len(r.words) else ""
    if nxt == "of" and " ".join(w.lower() for w in r.words[sp.end + 1: sp.end + 3]).startswith(
            ("it ", "them ", "this ", "all ", "its ", "their ", "the total", "the whole")):
        return False  # "no more than half of it may be compost": a share of the whole, not of another variable
    return nxt in {"times", "time"} or sp.text.lower() in MULTIPLIERS or "times" in sp.text.lower()


def _named_before_than(r: Reading, a: int, b: int, x: int) -> list[int] | None:
    """"the acreage of beets to be no less than the acreage of carrots" with only "carrots" tagged: the one
    tagged name comes after "than", so it is the side compared with; the side compared is the other variable,
    named before "than" by a word only its name has. [compared, compared with], or None."""
    k = next((k for k in range(a, b) if r.words[k].lower() == "than"), None)
    if k is None or any(j < k for j in r.mention_var if a <= j < b):
        return None
    before = {r.distinct[stem(w)] for w in r.words[a:k] if stem(w) in r.distinct} - {x}
    return [before.pop(), x] if len(before) == 1 else None


def _than_other(r: Reading, a: int, b: int, x: int) -> int | None:
    """"no more part-timers than full-timers" (only "full-time receptionist" tagged): the word after "than"
    names the other of two variables when it is one of its words, or an agent noun made of one
    ("full-timer" of "full-time", "senior" of "seniors")."""
    k = next((k for k in range(a, b - 1) if r.words[k].lower() == "than"), None)
    if k is None:
        return None
    # ("no more in corporate bonds than in TIPS": where money goes is said after "in")
    k += 1 + (k + 2 < b and r.words[k + 1].lower() in {"in", "into"})
    k += r.words[k].lower() == "the" if k < b else 0
    if k >= b or k in r.mention_var or not r.words[k].replace("-", "").isalpha():
        return None
    word = re.sub(r"(?:ers|er|s)$", "", r.words[k].lower().replace("-", ""))
    y = 1 - x if x in (0, 1) and len(r.variables) == 2 else None
    if y is None and r.words[k - 1].lower() in {"in", "into"}:
        # (among three or more: the one variable a word only its name has, "TIPS" of "TIPS fund")
        y = r.distinct.get(stem(r.words[k]))
        return y if y is not None and y != x else None
    if y is None or len(word) < 4:
        return None
    names = {w.lower().replace("-", "") for m in r.variables[y].mentions for w in m.split()}
    return y if any(n.startswith(word) and len(n) - len(word) <= 2 for n in names) else None

"""Repairs of the entity tagger's usual slips, made from the text itself before and after reading.

* LIMIT / PARAM confusions, judged by the sentence around the number (`relabel_numbers`);
* variable mentions the tagger missed: coordinated names ("in bonds and stocks"), later repeats of a
  known name, and, when nothing was tagged, the first "X or Y" pair (`complete_mentions`);
* "variables" that are resources or actors ("4 wheels", "the toy company"), dropped
  (`resource_variables`).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from modeler.strategies.offline.entities import Span, Token, is_number
from modeler.strategies.offline.words import CONCEPTS, STOP, stem

if TYPE_CHECKING:
    from modeler.strategies.offline.reading import Reading

_COORD_BEFORE = frozenset({"in", "either", "between", ",", "both", ":", "into", "on", "using", "use", "make",
                           "makes", "produce", "produces", "sell", "sells", "buy", "grow", "grows"})
_NOT_NAMES = STOP | {"more", "less", "most", "least", "cost", "costs", "profit", "hours", "minutes", "time"}


_LIMIT_CUES = re.compile(r"\b(at (most|least)|available|budget|maximum|minimum|exceed|has|have|only|limit|"
                         r"up to|no more|no less|total)\b", re.I)


def relabel_numbers(tokens: list[Token], spans: list[Span]) -> list[Span]:
    """Repair LIMIT / PARAM slips of the tagger from the sentence around them.

    A "LIMIT" among a variable's coefficients or after a variable's name, in a sentence with no limit
    wording, is a coefficient ("A kilogram of peanuts contains 25 units of protein and 40 units of fat",
    "A pipeline can carry 8000 units of gas"); a "PARAM" in a sentence
    that names no variable but states limits is a limit ("50 kg of flour and 40 hours available").
    """
    by_sent: dict[int, list[Span]] = {}
    for sp in spans:
        by_sent.setdefault(tokens[sp.start].sent, []).append(sp)
    texts: dict[int, list[str]] = {}
    for t in tokens:
        texts.setdefault(t.sent, []).append(t.text)
    out = []
    for sp in spans:
        sent = tokens[sp.start].sent
        same = by_sent[sent]
        cues = bool(_LIMIT_CUES.search(" ".join(texts[sent]))) or any(x.label == "CONST_DIR" for x in same)
        has_var = any(x.label == "VAR" for x in same)
        var_before = any(x.label == "VAR" and x.end <= sp.start for x in same)
        if sp.label == "LIMIT" and not cues and has_var and (var_before or any(x.label == "PARAM" for x in same)):
            sp = Span("PARAM", sp.start, sp.end, sp.text)
        elif sp.label == "PARAM" and cues and not has_var and any(x.label == "LIMIT" for x in same):
            sp = Span("LIMIT", sp.start, sp.end, sp.text)
        out.append(sp)
    return out


def complete_mentions(words: list[str], spans: list[Span]) -> list[Span]:
    """Add VAR spans the tagger missed: "in bonds and stocks" (a word coordinated with a tagged
    variable) and later untagged repeats of a known variable's words."""
    tagged = {k for sp in spans for k in range(sp.start, sp.end)}
    extra: list[Span] = []
    var_spans = [sp for sp in spans if sp.label == "VAR"]
    if not var_spans:
        var_spans = _listed_pair(words, tagged)
        extra += var_spans
        tagged.update(k for sp in var_spans for k in range(sp.start, sp.end))
    for sp in var_spans:
        k = sp.start - 2  # "X and|or VAR"
        if k >= 1 and words[k + 1].lower() in {"and", "or"} and k not in tagged:
            w = words[k]
            if (w.isalpha() and w.lower() not in _NOT_NAMES and words[k - 1].lower() in _COORD_BEFORE
                    and not is_number(w)):
                extra.append(Span("VAR", k, k + 1, w))
                tagged.add(k)
    names = {tuple(_plural(w) for w in sp.text.split()) for sp in var_spans + extra}
    names = {n for n in names if n and not all(x in STOP for x in n)}
    # a lone word that ends a longer name ("drops" of "eye drops") is too vague to look for
    names = {n for n in names if len(n) > 1 or not any(len(o) > 1 and n[0] in o for o in names)}
    lowered = [_plural(w) for w in words]
    for n in sorted(names, key=len, reverse=True):
        m = len(n)
        for k in range(len(words) - m + 1):
            if tuple(lowered[k:k + m]) == n and not any(j in tagged for j in range(k, k + m)):
                extra.append(Span("VAR", k, k + m, " ".join(words[k:k + m])))
                tagged.update(range(k, k + m))
    return sorted(spans + extra, key=lambda sp: sp.start)


# who decides, not what is decided: "A toy company ...", "The mall ...", "the hardware section"
_ACTORS = frozenset(stem(w) for w in (
    "company companies shop store factory firm farmer supplier mall bakery hospital manufacturer restaurant "
    "business corporation owner person patient government zoo team office clinic lab laboratory university "
    "school city section department distributor seller man woman student professor family household "
    "organization club agency station resort center centre park").split())


def _before(words: list[str], p: int, n: int) -> list[str]:
    """Up to n words before position p, not reaching back past punctuation."""
    out: list[str] = []
    for k in range(p - 1, max(-1, p - 1 - n), -1):
        if words[k] in {".", ",", ";", "?", "!", ":"}:
            break
        out.append(words[k])
    return out


def _count(w: str) -> bool:
    """A number other than one (one is how a problem names the unit of a decision: "1 kg of paint")."""
    return is_number(w) and w.lower() not in {"1", "one", "1.0"}


def _plural(w: str) -> str:
    w = w.lower()
    return w[:-1] if w.endswith("s") and not w.endswith("ss") and len(w) > 3 else w


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


def resource_variables(r: Reading) -> set[int]:
    """Mentions that are only ever counted out ("4 wheels", "60 units of garbage"), or that carry no
    coefficient and name what coefficients measure ("20 boxes"): a resource, not a decision."""
    with_coefs = {c.var for c in r.coefs}
    out: set[int] = set()
    for v in r.variables:
        keys = {CONCEPTS.get(k, k) for k in v.keys}
        measured = all(any(_count(w) for w in _before(r.words, p, 3)) for p in v.positions)
        # "10 minutes of peeling", "12 units of carbon dioxide": most mentions are a measure's object
        # ("1 kg of paint" is the unit of a decision, not a measure)
        of_measure = sum(1 for p in v.positions if p >= 2 and r.words[p - 1].lower() in {"of", "the"}
                         and any(_count(w) for w in _before(r.words, p - 1, 3)))
        measured = measured or of_measure * 2 > len(v.positions)
        head = stem(v.text.split()[-1])
        if measured or head in _ACTORS or (v.index not in with_coefs and any(keys <= set(f.context) for f in r.features if f.coefs)):
            out.add(v.index)
    if len(out) == len(r.variables):  # nothing left to decide: keep them rather than guess
        return set()
    return out

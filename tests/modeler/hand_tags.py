"""Hand-given readings for the offline modeler's rule tests: tokens and entity spans that do not depend
on the trained tagger."""

from __future__ import annotations

from modeler.strategies.offline.entities import Span, Token, tokenize


def hand(text: str, marks: list[tuple[str, str]]) -> tuple[list[Token], list[Span]]:
    """Tokens of `text` and spans for `marks` ((label, phrase), found in order)."""
    toks = tokenize(text)
    words = [t.text for t in toks]
    spans, at = [], 0
    for label, phrase in marks:
        ph = [t.text for t in tokenize(phrase)]
        k = next(k for k in range(at, len(words)) if words[k: k + len(ph)] == ph)
        spans.append(Span(label, k, k + len(ph), " ".join(ph)))
        at = k + len(ph)
    return toks, spans


def word_list(text: str) -> list[str]:
    return [t.text for t in tokenize(text)]

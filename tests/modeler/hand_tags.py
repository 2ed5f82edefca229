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


def bio(words: list[str], marks: list[tuple[str, str]]) -> list[str]:
    """BIO tags over `words` for `marks` ((label, phrase), found in order): a hand-made tagging."""
    tags, at = ["O"] * len(words), 0
    for label, phrase in marks:
        ph = [t.text for t in tokenize(phrase)]
        k = next(k for k in range(at, len(words)) if words[k: k + len(ph)] == ph)
        tags[k: k + len(ph)] = [f"B-{label}"] + [f"I-{label}"] * (len(ph) - 1)
        at = k + len(ph)
    return tags


class FixedTagger:
    """A stand-in entity tagger for `offline._taggers`: `first` on the first word, "O" on every other."""

    vocabulary = None

    def __init__(self, first: str = "O", name: str = "fixed.crfsuite") -> None:
        from pathlib import Path

        self.first, self.path = first, Path(name)

    def tag(self, words: list[str]) -> list[str]:
        return [self.first] + ["O"] * (len(words) - 1) if words else []


def word_list(text: str) -> list[str]:
    return [t.text for t in tokenize(text)]


def model_of(toks: list[Token], spans: list[Span]) -> tuple[str, list[str]]:
    """The offline reading of hand-tagged tokens, as ("sense objective", sorted constraint rows)."""
    from modeler.strategies.offline import read_model

    _, understanding, _, _, _ = read_model(toks, spans)
    rows = sorted(u["expr"] for u in understanding if u["kind"] == "constraint")
    goal = next(u for u in understanding if u["kind"] == "objective")
    return f"{goal['sense']} {goal['expr']}", rows


def read_text(text: str, marks: list[tuple[str, str]]) -> tuple[str, list[str]]:
    """`model_of` a text as the reader sees it (`as_prose` first), tagged by hand with `marks`."""
    from modeler.strategies.offline.prose import as_prose

    return model_of(*hand(as_prose(text), marks))

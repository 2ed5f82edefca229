"""Offline modeler: the vote among the taggers' readings (modeler/strategies/offline/vote.py).

Three distinct taggings whose models share an LP optimum overturn the surest reading when no reading is
sure; identical taggings are one voice, readings that leave more numbers unused do not vote, and a sure
first reading is never put to a vote. The text is written for these tests (not taken from NL4Opt); its
taggings are given by hand, and the LPs are solved for real.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

import modeler.strategies.offline as offline
from modeler.strategies.offline import SURE, _rank, read_model, read_surest, vote
from modeler.strategies.offline.entities import Span, tokenize

# infeasible as written: 10 cakes need 20 oven hours and there are 12
BAKERY = ("A bakery bakes cakes and pies. Each cake earns a profit of $5 and each pie earns a profit of $4. "
          "A cake needs 2 hours of oven time and a pie needs 3 hours of oven time. The bakery has 12 hours of "
          "oven time available. The bakery must bake at least 10 cakes. How many cakes and pies should the "
          "bakery bake to maximize profit?")
FULL = [("VAR", "cakes"), ("VAR", "pies"), ("VAR", "cake"), ("OBJ_NAME", "profit"), ("PARAM", "5"),
        ("VAR", "pie"), ("OBJ_NAME", "profit"), ("PARAM", "4"), ("VAR", "cake"), ("PARAM", "2"),
        ("VAR", "pie"), ("PARAM", "3"), ("LIMIT", "12"), ("CONST_DIR", "available"), ("CONST_DIR", "at least"),
        ("LIMIT", "10"), ("VAR", "cakes"), ("OBJ_DIR", "maximize"), ("OBJ_NAME", "profit")]
# three other taggings a tagger might give, each reading the same (infeasible) model
NO_FIRST_NAMES = FULL[2:]
NO_SECOND_OBJ_NAME = FULL[:6] + FULL[7:]
NO_AVAILABLE = [m for m in FULL if m != ("CONST_DIR", "available")]
# a tagging that takes the 10 for a direction word: a feasible model that leaves the 10 unused
NO_TEN = [m if m != ("LIMIT", "10") else ("CONST_DIR", "10") for m in FULL]


def spans_of(marks: list[tuple[str, str]]) -> list[Span]:
    """Spans of BAKERY for (label, phrase) marks, found in order."""
    words = [t.text for t in tokenize(BAKERY)]
    spans, at = [], 0
    for label, phrase in marks:
        ph = [t.text for t in tokenize(phrase)]
        k = next(k for k in range(at, len(words)) if words[k: k + len(ph)] == ph)
        spans.append(Span(label, k, k + len(ph), " ".join(ph)))
        at = k + len(ph)
    return spans


def reading(marks: list[tuple[str, str]]) -> tuple[Any, ...]:
    return read_model(tokenize(BAKERY), spans_of(marks))


def entry(marks: list[tuple[str, str]]) -> tuple[Any, ...]:
    """A (reading, tagging) pair as read_surest hands it to the vote."""
    return reading(marks), tuple(spans_of(marks))


def lone(confidence: float = 0.84) -> tuple[Any, ...]:
    """A reading that uses every number, a little surer than the infeasible ones but not sure, whose
    model caps the cakes at 10 instead (LP optimum 30: 6 cakes)."""
    model = {"name": "bakery", "variables": {"cakes": {"type": "integer", "lb": 0},
                                             "pies": {"type": "integer", "lb": 0}},
             "objective": {"sense": "max", "expr": "5 * cakes + 4 * pies"},
             "constraints": {"oven": {"expr": "2 * cakes + 3 * pies <= 12"}, "cap": {"expr": "cakes <= 10"}}}
    return (model, [], confidence, None, None), ("lone tagging",)


# ------------------------------------------------------------------------------------------ outcomes
def test_the_outcome_is_the_lp_relaxation_rounded() -> None:
    model = {"name": "m", "variables": {"x": {"type": "integer", "lb": 0}, "y": {"type": "binary"}},
             "objective": {"sense": "max", "expr": "3 * x + 2 * y"},
             "constraints": {"c": {"expr": "3 * x + 3 * y <= 10"}}}
    # integral: x = 3, y = 0 gives 9; relaxed: x = 10/3 gives 10, to 6 significant digits
    assert vote.lp_outcome(model) == ("optimal", 10.0)
    assert model["variables"]["x"]["type"] == "integer"  # the reading's own model is left as it was


def test_an_infeasible_model_and_an_unreadable_one() -> None:
    assert vote.lp_outcome(reading(FULL)[0]) == ("infeasible", None)
    broken = {"name": "m", "variables": {"x": {"lb": 0}}, "objective": {"sense": "max", "expr": "x + z"},
              "constraints": {}}
    assert vote.lp_outcome(broken) == ("error", None)


# ------------------------------------------------------------------------------------------ the vote
def test_three_distinct_taggings_that_agree_overturn_a_surer_lone_reading() -> None:
    read = [lone(), entry(FULL), entry(NO_FIRST_NAMES), entry(NO_SECOND_OBJ_NAME)]
    assert all(r[0][2] < 0.84 for r in read[1:])  # each agreeing reading is less sure than the lone one
    assert vote.outvoted(read, _rank) == (1, 3)


def test_identical_taggings_are_one_voice() -> None:
    read = [lone(), entry(FULL), entry(FULL), entry(NO_FIRST_NAMES)]
    assert vote.outvoted(read, _rank) is None


def test_two_agreeing_do_not_overturn_the_ranking() -> None:
    read = [lone(), entry(FULL), entry(NO_FIRST_NAMES)]
    assert vote.outvoted(read, _rank) is None


def test_readings_that_leave_a_number_unused_do_not_vote() -> None:
    read = [entry(FULL), entry(NO_TEN), entry(NO_TEN[2:]), entry(NO_TEN[:6] + NO_TEN[7:])]
    # the taggings that miss the 10 leave it unused: three feasible readings that agree, each surer
    # than the one that reads every number
    assert all(_rank(r[0])[0] < _rank(read[0][0])[0] and r[0][2] > read[0][0][2] for r in read[1:])
    assert len({vote.lp_outcome(r[0][0]) for r in read[1:]}) == 1
    assert vote.outvoted(read, _rank) is None


def test_no_vote_when_the_best_reading_is_in_the_majority() -> None:
    read = [entry(FULL), lone(0.5), entry(NO_FIRST_NAMES), entry(NO_SECOND_OBJ_NAME)]
    assert vote.outvoted(read, _rank) is None


def test_no_lp_is_solved_when_too_few_taggings_could_agree(monkeypatch: pytest.MonkeyPatch) -> None:
    def fail(_: Any) -> Any:
        raise AssertionError("an LP was solved")

    monkeypatch.setattr(vote, "lp_outcome", fail)
    assert vote.outvoted([lone(), entry(FULL), entry(FULL)], _rank) is None


def test_models_that_cannot_be_solved_never_agree(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(vote, "lp_outcome", lambda _: ("error", None))
    read = [lone(), entry(FULL), entry(NO_FIRST_NAMES), entry(NO_SECOND_OBJ_NAME)]
    assert vote.outvoted(read, _rank) is None


# ------------------------------------------------------------------------------ through read_surest
class HandTagger:
    """A stand-in tagger that tags BAKERY as given (and reads the lone model for LONE)."""

    def __init__(self, name: str, marks: list[tuple[str, str]]) -> None:
        self.path = Path(f"{name}.crfsuite")
        self.vocabulary = None
        self.marks = marks

    def tag(self, words: list[str]) -> list[str]:
        tags = ["O"] * len(words)
        for sp in spans_of(self.marks):
            tags[sp.start: sp.end] = [f"B-{sp.label}"] + [f"I-{sp.label}"] * (sp.end - sp.start - 1)
        return tags


@pytest.fixture
def taggers(monkeypatch: pytest.MonkeyPatch):
    """Install stand-in taggers; the lone one's reading is the lone model (the real reader reads no
    feasible model from this text that uses every number)."""
    real = read_model
    lone_spans, lone_confidence = None, 0.84

    def fake_read_model(tokens: list[Any], spans: list[Any], vocabulary: Any = None) -> tuple[Any, ...]:
        if tuple(spans) == lone_spans:
            model, _, confidence, r, specs = lone(lone_confidence)[0]
            return model, [], confidence, r, specs
        return real(tokens, spans, vocabulary)

    def install(*taggers: HandTagger, lone_marks: list[tuple[str, str]] | None = None,
                confidence: float = 0.84) -> None:
        nonlocal lone_spans, lone_confidence
        lone_spans = tuple(spans_of(lone_marks)) if lone_marks else None
        lone_confidence = confidence
        monkeypatch.setattr(offline, "_taggers", list(taggers))
        monkeypatch.setattr(offline, "read_model", fake_read_model)

    return install


def test_read_surest_shows_the_reading_three_taggers_agree_on(taggers: Any) -> None:
    lone_marks = NO_AVAILABLE
    taggers(HandTagger("first", FULL), HandTagger("lone", lone_marks), HandTagger("third", NO_FIRST_NAMES),
            HandTagger("fourth", NO_SECOND_OBJ_NAME), lone_marks=lone_marks)
    model, understanding, confidence, _, _ = read_surest(tokenize(BAKERY))
    assert confidence < SURE
    assert vote.lp_outcome(model) == ("infeasible", None)
    note = next(u for u in understanding if u["kind"] == "reading")
    assert note["votes"] == 3 and note["tagger"] == "first.crfsuite" and "same outcome" in note["sentence"]
    assert not any("alternate tagger" in u.get("type", "") for u in understanding)


def test_read_surest_keeps_the_surest_when_only_two_agree(taggers: Any) -> None:
    lone_marks = NO_AVAILABLE
    taggers(HandTagger("first", FULL), HandTagger("lone", lone_marks), HandTagger("third", NO_FIRST_NAMES),
            HandTagger("fourth", FULL), lone_marks=lone_marks)  # the fourth tags as the first: one voice
    model, understanding, confidence, _, _ = read_surest(tokenize(BAKERY))
    assert confidence == 0.84
    assert vote.lp_outcome(model) == ("optimal", 30.0)
    assert [u["type"] for u in understanding if u["kind"] == "reading"] == ["alternate tagger lone.crfsuite"]


def test_a_sure_reading_is_never_put_to_a_vote(taggers: Any) -> None:
    # the first three taggings agree (and are unsure); the last tagger's reading is sure, so it stands
    lone_marks = NO_AVAILABLE
    taggers(HandTagger("first", FULL), HandTagger("second", NO_FIRST_NAMES),
            HandTagger("third", NO_SECOND_OBJ_NAME), HandTagger("lone", lone_marks), lone_marks=lone_marks,
            confidence=SURE)
    model, understanding, confidence, _, _ = read_surest(tokenize(BAKERY))
    assert confidence == SURE
    assert vote.lp_outcome(model) == ("optimal", 30.0)
    assert [u["type"] for u in understanding if u["kind"] == "reading"] == ["alternate tagger lone.crfsuite"]

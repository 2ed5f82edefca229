"""Offline modeler: the first tagger's second thoughts (nbest.py), its nearest other taggings, read when
the reading stays unsure and kept only when clearly surer.

Texts are written for these tests (not taken from NL4Opt). The CRF here is a tiny one trained in the
test on a few hand-tagged sentences, so nothing depends on the shipped taggers.
"""

from __future__ import annotations

import math
from pathlib import Path
from typing import Any

import pytest
from hand_tags import bio

from modeler.strategies import offline
from modeler.strategies.base import Refusal
from modeler.strategies.offline import nbest, read_surest
from modeler.strategies.offline.entities import EntityTagger, features, tokenize

_BAKERY = ("A bakery bakes loaves and cakes. A loaf takes 2 kilograms of flour and a cake takes 3 kilograms. "
           "The bakery has at most 120 kilograms of flour. A loaf earns $4 of profit and a cake earns $7. "
           "How many loaves and cakes should it bake to maximize profit?")
_RIGHT = [("VAR", "loaves"), ("VAR", "cakes"), ("VAR", "loaf"), ("PARAM", "2"), ("VAR", "cake"), ("PARAM", "3"),
          ("CONST_DIR", "at most"), ("LIMIT", "120"), ("VAR", "loaf"), ("PARAM", "4"), ("OBJ_NAME", "profit"),
          ("VAR", "cake"), ("PARAM", "7"), ("VAR", "loaves"), ("VAR", "cakes"), ("OBJ_DIR", "maximize"),
          ("OBJ_NAME", "profit")]
# the slip: both flour coefficients left untagged, so the flour limit reads as a plain count
_SLIP = [m for m in _RIGHT if m not in (("PARAM", "2"), ("PARAM", "3"))]

_TRAIN = [
    ("A farm grows corn and wheat . Corn needs 3 hours and wheat needs 2 hours . At most 90 hours are "
     "available . Maximize profit .",
     [("VAR", "corn"), ("VAR", "wheat"), ("VAR", "Corn"), ("PARAM", "3"), ("VAR", "wheat"), ("PARAM", "2"),
      ("CONST_DIR", "At most"), ("LIMIT", "90"), ("OBJ_DIR", "Maximize"), ("OBJ_NAME", "profit")]),
    ("A shop sells hats and scarves . A hat earns $ 5 and a scarf earns $ 4 . It can make at most 40 items . "
     "Maximize revenue .",
     [("VAR", "hats"), ("VAR", "scarves"), ("VAR", "hat"), ("PARAM", "5"), ("VAR", "scarf"), ("PARAM", "4"),
      ("CONST_DIR", "at most"), ("LIMIT", "40"), ("OBJ_DIR", "Maximize"), ("OBJ_NAME", "revenue")]),
    ("Vans carry 8 boxes and trucks carry 20 boxes . At least 300 boxes must move . Minimize cost .",
     [("VAR", "Vans"), ("PARAM", "8"), ("VAR", "trucks"), ("PARAM", "20"), ("CONST_DIR", "At least"),
      ("LIMIT", "300"), ("OBJ_DIR", "Minimize"), ("OBJ_NAME", "cost")]),
]


@pytest.fixture(scope="module")
def tiny(tmp_path_factory: pytest.TempPathFactory) -> EntityTagger:
    import pycrfsuite

    trainer = pycrfsuite.Trainer(verbose=False)
    for text, marks in _TRAIN:
        words = [t.text for t in tokenize(text)]
        trainer.append(features(words), bio(words, marks))
    trainer.set_params({"c1": 0.05, "c2": 0.01, "max_iterations": 60})
    path = tmp_path_factory.mktemp("crf") / "tiny.crfsuite"
    trainer.train(str(path))
    return EntityTagger(path)


def _words(text: str) -> list[str]:
    return [t.text for t in tokenize(text)]


def test_gaps_are_the_crfs_own_log_odds(tiny: EntityTagger) -> None:
    words = _words("A mill grinds oats and barley . Oats need 4 hours and barley needs 6 hours . At most 50 "
                   "hours are available . Maximize profit .")
    best = tiny.tag(words)
    alts = nbest.alternatives(tiny, words, k=5, max_gap=50.0, focus=False)
    assert len(alts) == 5
    crf = tiny._tagger
    crf.set(features(words))
    seen = {tuple(best)}
    for gap, tags in alts:
        assert tuple(tags) not in seen  # each a different tagging, none the best one
        seen.add(tuple(tags))
        # the gap is how much less likely crfsuite itself finds the tagging
        assert gap == pytest.approx(math.log(crf.probability(best) / crf.probability(tags)), abs=1e-2)
    assert [g for g, _ in alts] == sorted(g for g, _ in alts) and alts[0][0] > 0


def test_focus_and_the_gap_limit_what_is_read(tiny: EntityTagger) -> None:
    words = _words("A mill grinds oats and barley . Oats need 4 hours and barley needs 6 hours . At most 50 "
                   "hours are available . Maximize profit .")
    best = tiny.tag(words)
    for _, tags in nbest.alternatives(tiny, words, k=6, max_gap=50.0):
        changed = {lab[2:] for i in range(len(words)) if tags[i] != best[i] for lab in (tags[i], best[i])}
        assert changed & {"VAR", "PARAM", "LIMIT"}, changed  # a name's or a number's tag moved
    wide = nbest.alternatives(tiny, words, k=6, max_gap=50.0)
    near = nbest.alternatives(tiny, words, k=6, max_gap=wide[2][0])
    assert near == [a for a in wide if a[0] <= wide[2][0]]
    assert nbest.alternatives(tiny, [], k=6) == []


def _reading(unused: int, confidence: float) -> tuple[Any, ...]:
    doubts = [{"kind": "doubt", "unused": unused, "sentence": "numbers left unused"}] if unused else []
    return ({}, doubts, confidence, None, [])


def test_only_a_clearly_surer_reading_replaces_the_one_in_hand(monkeypatch: pytest.MonkeyPatch) -> None:
    taggings = {"a": _reading(0, 0.8), "b": _reading(1, 0.9), "c": None, "d": _reading(0, 0.85)}
    asked: list[int] = []
    monkeypatch.setattr(nbest, "alternatives", lambda *_: asked.append(1) or [
        (0.5, ["a"]), (0.7, ["b"]), (0.9, ["c"]), (1.2, ["d"])])

    def read(tags: list[str]) -> Any:
        if taggings[tags[0]] is None:
            raise Refusal("unsure", 0.1)
        return taggings[tags[0]]

    # against 0.65 with nothing unused: "a" is surer by 0.15 only, "b" leaves a number unused, "c" is
    # refused, "d" is 0.2 surer
    found = nbest.second_thought(None, [], _reading(0, 0.65), read)
    assert found is not None and found[0] is taggings["d"] and found[1] == 1.2
    # against 0.7 none is 0.2 surer but "b", which leaves a number unused
    assert nbest.second_thought(None, [], _reading(0, 0.7), read) is None
    found = nbest.second_thought(None, [], _reading(2, 0.6), read)  # fewer unused numbers are fine too
    assert found is not None and found[0] is taggings["a"]
    asked.clear()
    # within MARGIN of the ceiling nothing can be clearly surer: the taggings are not even made
    assert nbest.second_thought(None, [], _reading(0, 0.75), read) is None
    assert nbest.second_thought(None, [], _reading(1, 0.85), read) is None and not asked


class _Fixed:
    """A tagger that tags the bakery text with given marks."""

    path = Path("fixed.crfsuite")
    vocabulary = None

    def __init__(self, marks: list[tuple[str, str]]) -> None:
        self.marks = marks

    def tag(self, words: list[str]) -> list[str]:
        return bio(words, self.marks)


def test_an_unsure_reading_gives_way_to_a_clearly_surer_tagging(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(offline, "_taggers", [_Fixed(_SLIP)])
    monkeypatch.setattr(offline, "NBEST", True)
    words = _words(_BAKERY)
    right = bio(words, _RIGHT)
    monkeypatch.setattr(nbest, "alternatives", lambda tagger, ws: [(0.3, bio(words, _SLIP[1:])), (0.9, right)])
    model_json, understanding, confidence, _, _ = read_surest(tokenize(_BAKERY))
    assert "2 * loaves + 3 * cakes <= 120" in [c["expr"] for c in model_json["constraints"].values()]
    assert confidence >= offline.SURE
    note = [u for u in understanding if u["kind"] == "reading"]
    assert len(note) == 1 and note[0]["tagger"] == "fixed.crfsuite n-best"
    assert "2.5 times less likely" in note[0]["sentence"]  # e^0.9


def test_no_second_thoughts_when_sure_or_turned_off(monkeypatch: pytest.MonkeyPatch) -> None:
    words = _words(_BAKERY)
    monkeypatch.setattr(nbest, "alternatives", lambda tagger, ws: [(0.9, bio(words, _RIGHT))])
    monkeypatch.setattr(offline, "_taggers", [_Fixed(_SLIP)])
    monkeypatch.setattr(offline, "NBEST", False)
    model_json, understanding, confidence, _, _ = read_surest(tokenize(_BAKERY))
    assert confidence < offline.SURE and not any(u["kind"] == "reading" for u in understanding)
    assert "loaves + cakes <= 120" in [c["expr"] for c in model_json["constraints"].values()]

    def unasked(*_: Any) -> Any:
        raise AssertionError("a sure reading needs no second thoughts")

    monkeypatch.setattr(nbest, "alternatives", unasked)
    monkeypatch.setattr(offline, "_taggers", [_Fixed(_RIGHT)])
    monkeypatch.setattr(offline, "NBEST", True)
    _, understanding, confidence, _, _ = read_surest(tokenize(_BAKERY))
    assert confidence >= offline.SURE and not any(u["kind"] == "reading" for u in understanding)

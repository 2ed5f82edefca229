"""Offline modeler: the alternate taggers it turns to when its first reading is unsure, how they are
trained, and the doubt that guides the choice (a variable no constraint names).

Texts are written for these tests (not taken from NL4Opt). Tests that read with the shipped taggers
skip where they have not been trained.
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from hand_tags import hand

from modeler.strategies import offline
from modeler.strategies.base import Refusal
from modeler.strategies.offline import SURE, read_model, read_surest, taggers
from modeler.strategies.offline.entities import (
    ALTERNATES,
    CRF_PATH,
    alternate_path,
    spans_from_tags,
    tokenize,
)
from modeler.strategies.offline.train import RECIPES, renamed_copies

_SHIPPED = CRF_PATH.is_file() and all(alternate_path(CRF_PATH, n).is_file() for n in ALTERNATES)
needs_taggers = pytest.mark.skipif(not _SHIPPED, reason="the taggers are not trained")

_SHOP = ("A workshop makes desks and shelves. Each desk takes 3 hours of carpentry and each shelf takes 2 "
         "hours. At most 60 hours of carpentry are available each week. A desk earns a profit of $80 and a "
         "shelf $50. How many desks and shelves should be made to maximize profit?")


class _Blank:
    """A tagger that finds nothing (every word O): its reading is always refused."""

    path = Path("blank.crfsuite")
    vocabulary = None

    def tag(self, words: list[str]) -> list[str]:
        return ["O"] * len(words)


def test_alternates_sit_beside_the_tagger_and_have_a_recipe() -> None:
    assert alternate_path(Path("a/ner.crfsuite"), "sparse") == Path("a/ner-sparse.crfsuite")
    assert set(RECIPES) == {"", *ALTERNATES}


@needs_taggers
def test_the_first_tagger_comes_first_then_the_alternates() -> None:
    names = [t.path.name for t in taggers()]
    assert names[:len(ALTERNATES) + 1] == ["ner.crfsuite", *(f"ner-{n}.crfsuite" for n in ALTERNATES)]
    # the tagger of another kind, then all of them voting (ensemble.py)
    assert names[len(ALTERNATES) + 1:] in ([], ["ner-neural.npz", "ner-ensemble"])


@needs_taggers
def test_a_sure_first_reading_is_kept_without_asking_the_alternates() -> None:
    model_json, understanding, confidence, _, _ = read_surest(tokenize(_SHOP))
    assert confidence >= SURE
    assert not any(u["kind"] == "reading" for u in understanding)
    assert model_json["objective"]["sense"] == "max"


@needs_taggers
def test_a_refused_first_reading_gives_way_to_an_alternate(monkeypatch: pytest.MonkeyPatch) -> None:
    real = taggers()[0]
    monkeypatch.setattr(offline, "_taggers", [_Blank(), real])
    model_json, understanding, _, _, _ = read_surest(tokenize(_SHOP))
    note = [u for u in understanding if u["kind"] == "reading"]
    assert note and "ner.crfsuite" in note[0]["type"]
    assert sorted(model_json["variables"]) == ["desks", "shelves"]


def test_when_every_reading_is_refused_the_first_refusal_is_raised(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(offline, "_taggers", [_Blank(), _Blank()])
    with pytest.raises(Refusal, match="too unsure"):
        read_surest(tokenize(_SHOP))


def test_a_variable_no_constraint_names_is_a_doubt() -> None:
    # the assistant's hours are not given: a reading that keeps the assistant holds it in the objective
    # alone, where a minimum sets it to zero, so the question cannot have been about it
    text = ("A tutoring centre needs at least 900 hours of tutoring. A senior tutor works 30 hours and costs "
            "$700, a junior tutor works 20 hours and costs $300, and an assistant costs $100. Minimize the cost.")
    marks = [("CONST_DIR", "at least"), ("LIMIT", "900"), ("VAR", "senior tutor"), ("PARAM", "30"),
             ("PARAM", "700"), ("VAR", "junior tutor"), ("PARAM", "20"), ("PARAM", "300")]
    model_json, understanding, confidence, _, _ = read_model(*hand(text, [*marks, ("VAR", "assistant"),
                                                                          ("PARAM", "100"), ("OBJ_DIR", "Minimize")]))
    assert "assistant" in model_json["objective"]["expr"]
    assert not any("assistant" in c["expr"] for c in model_json["constraints"].values())
    assert any("no constraint names assistant" in u["sentence"] for u in understanding if u["kind"] == "doubt")
    assert confidence <= 0.9 - 0.2 + 1e-9


def test_renamed_copies_swap_names_consistently_and_keep_the_tags_aligned() -> None:
    doc_a = ("Each chair needs 2 hours ; a chair sells for $ 5 .".split(),
             "O B-VAR O B-PARAM O O O B-VAR O O O B-PARAM O".split())
    doc_b = ("Make garden gnomes to maximize profit .".split(),
             "O B-VAR I-VAR O B-OBJ_DIR B-OBJ_NAME O".split())
    copies = renamed_copies([doc_a, doc_b], 2, random.Random(0))
    assert len(copies) == 4
    for words, tags in copies[:2]:  # doc_a's copies
        assert len(words) == len(tags)
        names = [sp.text for sp in spans_from_tags(words, tags) if sp.label == "VAR"]
        assert len(names) == 2 and names[0] == names[1]  # one stranger's name for both chair mentions
        assert names[0] in ("chair", "garden gnomes")
        rest = [w for w, t in zip(words, tags, strict=True) if not t.endswith("VAR")]
        assert rest == [w for w, t in zip(*doc_a, strict=True) if t != "B-VAR"]  # the words around stay

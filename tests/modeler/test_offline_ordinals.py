"""Offline modeler: "third" as an ordinal ("a third factory", "a third party") is no share. NL4Opt's
training texts of the held-out families (benchmarks/data/nl4opt_train_gold2) read "at most 5 cars of either
type" in a sentence opening "All cars go through a third factory" as a limit of 1/3 on the cars.

The sentences are written for these tests (not taken from any data set). Tags are given by hand, as the
tagger gives them on such texts. No trained tagger is needed.
"""

from __future__ import annotations

from hand_tags import hand, model_of, word_list

from modeler.strategies.offline.repairs import _ordinals, fraction_shares

TEXT = ("A bike maker sells road bikes and city bikes. Its road bike plant can make at most 4 road bikes a day and "
        "its city bike plant at most 6 city bikes a day. Every bike is then painted at a third plant, which can "
        "paint at most 7 bikes of either kind a day. A road bike earns $300 and a city bike $200. How many of each "
        "should be made to maximize profit?")
MARKS = [("VAR", "road bikes"), ("VAR", "city bikes"), ("CONST_DIR", "at most"), ("LIMIT", "4"),
         ("VAR", "road bikes"), ("CONST_DIR", "at most"), ("LIMIT", "6"), ("VAR", "city bikes"),
         ("LIMIT", "third"), ("CONST_DIR", "at most"), ("LIMIT", "7"), ("VAR", "road bike"), ("PARAM", "300"),
         ("VAR", "city bike"), ("PARAM", "200"), ("OBJ_DIR", "maximize"), ("OBJ_NAME", "profit")]


def test_a_third_plant_is_not_a_share() -> None:
    toks, spans = hand(TEXT, MARKS)
    _, rows = model_of(toks, spans)
    assert "city_bikes + road_bikes <= 7" in rows or "road_bikes + city_bikes <= 7" in rows, rows
    assert not any("0.33" in r for r in rows), rows


def test_a_third_of_stays_a_share() -> None:
    words = word_list("At most a third of the bikes can be city bikes.")
    toks, spans = hand("At most a third of the bikes can be city bikes.",
                       [("CONST_DIR", "At most"), ("LIMIT", "third"), ("VAR", "city bikes")])
    assert [sp.text for sp in _ordinals(words, spans) if sp.label == "LIMIT"] == ["third"]
    assert any(sp.label == "LIMIT" and "third" in sp.text for sp in fraction_shares(words, spans))


def test_a_third_before_a_verb_stays_a_share() -> None:
    # "no more than a third can be": the bound's wording before it, a verb after it
    words = word_list("Of the bikes, no more than a third can be city bikes.")
    _, spans = hand("Of the bikes, no more than a third can be city bikes.",
                    [("CONST_DIR", "no more than"), ("LIMIT", "a third"), ("VAR", "city bikes")])
    assert len(_ordinals(words, spans)) == len(spans)
    words = word_list("Then a third machine polishes them.")
    _, spans = hand("Then a third machine polishes them.", [("LIMIT", "third")])
    assert _ordinals(words, spans) == []

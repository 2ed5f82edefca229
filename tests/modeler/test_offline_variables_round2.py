"""Offline modeler: decision variables read wrong, second round -- a plural the stem keeps ("teas" / "tea"),
a unit of measure taken as a decision ("a kWh"), a resource counted by "and one chip" in a list of amounts, a
name's head alone in a parallel frame ("$50 for flooring" of "bamboo flooring"), a second predicate taken
as a name ("... and brings in $90"), a resource after "needs 1 hour of" or a qualifier ("hours of kiln
firing time"), and "How many X and Y ... each week" (not a count shared over weeks).

The sentences are written for these tests (not taken from any data set). Tags are given by hand, as the
tagger gives them on such texts. No trained tagger is needed.
"""

from __future__ import annotations

from hand_tags import hand

from modeler.strategies.offline import read_model
from modeler.strategies.offline.entities import Span
from modeler.strategies.offline.name_repairs import _split_count, complete_mentions
from modeler.strategies.offline.reading import cluster_variables


def _variables(text: str, marks: list[tuple[str, str]]) -> list[str]:
    toks, spans = hand(text, marks)
    _, _, _, r, _ = read_model(toks, spans)
    return [v.text for v in r.variables]


def test_a_plural_the_stem_keeps_is_one_name() -> None:
    spans = [Span("VAR", 0, 2, "iced teas"), Span("VAR", 3, 4, "lemonades"), Span("VAR", 6, 8, "iced tea"),
             Span("VAR", 9, 10, "lemonade")]
    variables, _ = cluster_variables(spans)
    assert [v.mentions for v in variables] == [["iced teas", "iced tea"], ["lemonades", "lemonade"]]


def test_a_unit_of_measure_is_not_a_decision() -> None:
    text = ("A bakery heats its ovens with gas, oil and wood. A kWh costs $0.10 from gas, $0.14 from oil and $0.06 "
            "from wood. At least 800 kWh are needed a day, and at most 300 can come from wood. Each kWh from "
            "oil emits 0.3 kg of soot. Minimize the cost.")
    names = _variables(text, [("VAR", "gas"), ("VAR", "oil"), ("VAR", "wood"), ("VAR", "kWh"), ("PARAM", "0.10"),
                              ("VAR", "gas"), ("PARAM", "0.14"), ("VAR", "oil"), ("PARAM", "0.06"),
                              ("VAR", "wood"), ("CONST_DIR", "At least"), ("LIMIT", "800"), ("VAR", "kWh"),
                              ("CONST_DIR", "at most"), ("LIMIT", "300"), ("VAR", "wood"), ("VAR", "kWh"),
                              ("VAR", "oil"), ("OBJ_DIR", "Minimize")])
    assert "kWh" not in names and {"oil", "wood"} <= set(names)


def test_one_as_the_last_item_of_a_list_of_amounts_counts_a_resource() -> None:
    text = ("A shop builds lamps, clocks and radios. A lamp takes 1 hour of wiring and earns $20. A clock takes 2 "
            "hours of wiring, 1 hour of testing and one chip, and earns $45. A radio takes 3 hours of wiring, 1 "
            "hour of testing and one chip, and earns $60. There are 100 hours of wiring, 40 hours of testing and "
            "25 chips. How many of each should be built to maximize earnings?")
    names = _variables(text, [("VAR", "lamps"), ("VAR", "clocks"), ("VAR", "radios"), ("VAR", "lamp"), ("PARAM", "1"),
                              ("PARAM", "20"), ("VAR", "clock"), ("PARAM", "2"), ("PARAM", "1"), ("VAR", "chip"),
                              ("PARAM", "45"), ("VAR", "radio"), ("PARAM", "3"), ("PARAM", "1"), ("VAR", "chip"),
                              ("PARAM", "60"), ("LIMIT", "100"), ("LIMIT", "40"), ("LIMIT", "25"), ("VAR", "chips"),
                              ("OBJ_DIR", "maximize")])
    assert names == ["lamps", "clocks", "radios"]


def test_a_names_head_alone_in_a_parallel_frame() -> None:
    text = ("A mill sells oak, pine and bamboo flooring. It earns $30 for oak, $20 for pine and $50 for flooring "
            "per square metre.")
    toks, spans = hand(text, [("VAR", "oak"), ("VAR", "pine"), ("VAR", "bamboo flooring"), ("PARAM", "30"),
                              ("VAR", "oak"), ("PARAM", "20"), ("VAR", "pine"), ("PARAM", "50")])
    words = [t.text for t in toks]
    found = [sp.start for sp in complete_mentions(words, spans) if sp.label == "VAR" and sp.text == "flooring"]
    assert found == [words.index("50") + 2]


def test_a_second_predicate_is_not_a_name() -> None:
    text = ("A repair shop has 60 hours of bench time. A tune-up needs 2 hours of bench time and brings in $90. "
            "An overhaul needs 5 hours of bench time and brings in $260. How many tune-ups and overhauls "
            "maximize revenue?")
    toks, spans = hand(text, [("LIMIT", "60"), ("VAR", "tune-up"), ("PARAM", "2"), ("VAR", "brings"),
                              ("PARAM", "90"), ("VAR", "overhaul"), ("PARAM", "5"), ("VAR", "brings"),
                              ("PARAM", "260"), ("VAR", "tune-ups"), ("VAR", "overhauls"), ("OBJ_DIR", "maximize")])
    words = [t.text for t in toks]
    assert "brings" not in [sp.text for sp in complete_mentions(words, spans) if sp.label == "VAR"]


def test_a_resource_after_one_hour_of_or_a_qualifier() -> None:
    text = ("A pottery has 80 hours of kiln firing time each week. A vase needs 1 hour of firing time and earns "
            "$40. A bowl needs half an hour of firing time and earns $25. How many vases and bowls should it "
            "make each week to maximize earnings?")
    names = _variables(text, [("LIMIT", "80"), ("VAR", "firing time"), ("VAR", "firing time"), ("PARAM", "40"),
                              ("VAR", "bowl"), ("VAR", "firing time"), ("PARAM", "25"), ("VAR", "vases"),
                              ("VAR", "bowls"), ("OBJ_DIR", "maximize")])
    assert names == ["vase", "bowl"]


def test_how_many_x_and_y_each_week_counts_the_decisions() -> None:
    assert _split_count("How many vases and bowls should it make each week ?".split()) == set()
    assert _split_count("How many vases should it make each week ?".split()) == set()
    assert _split_count("How many posters should be placed in each location ?".split()) == {"poster"}


def test_the_counted_noun_with_a_qualifier_of_its_own_names_the_decisions() -> None:
    text = ("A clinic must cover at least 30 adult checkups and 12 child checkups a day. An adult doctor sees 5 "
            "adult checkups a day and costs $400; a child doctor sees 4 child checkups a day and costs $380; a "
            "family-practice doctor sees 2 adult and 2 child checkups a day and costs $450. At least 2 "
            "family-practice doctors must be on duty. How many doctors of each kind should the clinic hire to "
            "keep its costs down?")
    names = _variables(text, [("CONST_DIR", "at least"), ("LIMIT", "30"), ("VAR", "adult checkups"), ("LIMIT", "12"),
                              ("VAR", "child checkups"), ("VAR", "adult doctor"), ("PARAM", "5"), ("PARAM", "400"),
                              ("VAR", "child doctor"), ("PARAM", "4"), ("PARAM", "380"), ("PARAM", "2"),
                              ("PARAM", "2"), ("PARAM", "450"), ("CONST_DIR", "At least"), ("LIMIT", "2")])
    assert names == ["adult doctor", "child doctor", "family-practice doctor"]

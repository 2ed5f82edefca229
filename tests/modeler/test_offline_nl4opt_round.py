"""Offline modeler: a rules round on NL4Opt's own crowd-written wording -- a one-letter slip in a six-letter
word of a name ("regular ticker" beside "regular ticket") is the same name, and a whole with no direction
word of its own that an "of which ..." clause about a part follows ("sells 500 tickets, of which at least 100
are premium") is what there is: "<=", the part's "at least" bounding the part only; the noun phrase that opens
the text before its verb ("A ferry boat has at most 300 berths") is the place, not a decision; and a name in
quotation marks ("a “quick dip” strip") is one name, however the tagger cut it.

The sentences are written for these tests (not taken from any data set). Tags are given by hand, as the
tagger gives them on such texts. No trained tagger is needed.
"""

from __future__ import annotations

import pytest
from hand_tags import hand, model_of

from modeler.strategies.offline import read_model
from modeler.strategies.offline.entities import Span
from modeler.strategies.offline.reading import cluster_variables


def _lp_optimum(text: str, marks: list[tuple[str, str]]) -> float:
    from modeler.ir import Model
    from solvers import solve
    from solvers.relaxation import relaxed

    toks, spans = hand(text, marks)
    model_json, _, _, _, _ = read_model(toks, spans)
    result = solve(relaxed(Model.from_json(model_json)), explain=False)
    assert result.status == "optimal"
    return float(result.objective)


_JACKETS = ("A store stocks winter jackets and rain coats. It has room for at most 300 items. It must stock at "
            "least 50 rain coats. The profit per rain coat is $25 and the profit per winter jackat is $40. How "
            "many of each should it stock to maximize profit?")
_JACKET_MARKS = [("VAR", "winter jackets"), ("VAR", "rain coats"), ("CONST_DIR", "at most"), ("LIMIT", "300"),
                 ("CONST_DIR", "at least"), ("LIMIT", "50"), ("VAR", "rain coats"), ("OBJ_NAME", "profit"),
                 ("VAR", "rain coat"), ("PARAM", "25"), ("OBJ_NAME", "profit"), ("VAR", "winter jackat"),
                 ("PARAM", "40"), ("OBJ_DIR", "maximize"), ("OBJ_NAME", "profit")]


def test_a_one_letter_slip_in_a_six_letter_word_is_the_same_name() -> None:
    spans = [Span("VAR", 0, 2, "regular ticket"), Span("VAR", 3, 5, "premium ticket"),
             Span("VAR", 6, 8, "regular ticker")]
    variables, _ = cluster_variables(spans)
    assert [v.mentions for v in variables] == [["regular ticket", "regular ticker"], ["premium ticket"]]


def test_five_letter_words_a_letter_apart_stay_two_names() -> None:
    spans = [Span("VAR", 0, 2, "plane kits"), Span("VAR", 3, 5, "plant kits")]
    variables, _ = cluster_variables(spans)
    assert len(variables) == 2


def test_a_misspelt_name_in_the_profit_sentence_joins_its_variable() -> None:
    toks, spans = hand(_JACKETS, _JACKET_MARKS)
    goal, rows = model_of(toks, spans)
    assert goal == "max 25 * rain_coats + 40 * winter_jackets"
    assert rows == ["rain_coats >= 50", "winter_jackets + rain_coats <= 300"]
    assert _lp_optimum(_JACKETS, _JACKET_MARKS) == pytest.approx(40 * 250 + 25 * 50)


_FERRY = ("A ferry company offers two kinds of seats: deck seats and cabin seats. The ferry sells 400 seats every "
          "day, of which at least 60 are set aside as cabin seats. Because most travellers are on a budget, "
          "at least 2 times as many travellers prefer deck seats than cabin seats. If the profit per deck seat is "
          "$15 and the profit per cabin seat is $45, how many of each should be sold to maximize profit?")
_FERRY_MARKS = [("VAR", "deck seats"), ("VAR", "cabin seats"), ("LIMIT", "400"), ("CONST_DIR", "at least"),
                ("LIMIT", "60"), ("VAR", "cabin seats"), ("CONST_DIR", "at least"), ("PARAM", "2"),
                ("VAR", "deck seats"), ("VAR", "cabin seats"), ("OBJ_NAME", "profit"), ("VAR", "deck seat"),
                ("PARAM", "15"), ("OBJ_NAME", "profit"), ("VAR", "cabin seat"), ("PARAM", "45"),
                ("OBJ_DIR", "maximize"), ("OBJ_NAME", "profit")]


def test_a_whole_before_of_which_is_what_there_is() -> None:
    toks, spans = hand(_FERRY, _FERRY_MARKS)
    goal, rows = model_of(toks, spans)
    assert goal == "max 15 * deck_seats + 45 * cabin_seats"
    assert "deck_seats + cabin_seats <= 400" in rows and "cabin_seats >= 60" in rows
    # as ">=" the whole leaves the profit unbounded; as a most the deck seats' share stops it at 400 seats
    assert _lp_optimum(_FERRY, _FERRY_MARKS) == pytest.approx(15 * 800 / 3 + 45 * 400 / 3)


def test_a_whole_that_is_required_keeps_its_duty_before_of_whom() -> None:
    text = ("A clinic staffs nurses and porters. The clinic requires 80 workers, of whom at least 20 must be "
            "nurses. A nurse earns $900 a week and a porter earns $600 a week. Minimize the weekly wages.")
    toks, spans = hand(text, [("VAR", "nurses"), ("VAR", "porters"), ("CONST_DIR", "requires"), ("LIMIT", "80"),
                              ("CONST_DIR", "at least"), ("LIMIT", "20"), ("VAR", "nurses"), ("VAR", "nurse"),
                              ("PARAM", "900"), ("VAR", "porter"), ("PARAM", "600"), ("OBJ_DIR", "Minimize"),
                              ("OBJ_NAME", "weekly wages")])
    _, rows = model_of(toks, spans)
    assert "nurses + porters >= 80" in rows and "nurses >= 20" in rows


_FERRY_BOAT = ("A ferry boat has at most 300 berths. A profit of $40 is made on each bunk berth and a profit of $90 is "
               "made on each private berth. The ferry boat reserves at least 50 berths for bunk berths. However, at "
               "least twice as many passengers prefer a private berth than a bunk berth. How many berths of each type "
               "should be sold to maximize the profit for the ferry boat?")
_FERRY_BOAT_MARKS = [("CONST_DIR", "at most"), ("LIMIT", "300"), ("OBJ_NAME", "profit"), ("PARAM", "40"),
                     ("VAR", "bunk berth"), ("OBJ_NAME", "profit"), ("PARAM", "90"), ("VAR", "private berth"),
                     ("VAR", "ferry boat"), ("CONST_DIR", "at least"), ("LIMIT", "50"), ("CONST_DIR", "at least"),
                     ("PARAM", "twice"), ("VAR", "private berth"), ("VAR", "bunk berth"), ("OBJ_DIR", "maximize"),
                     ("OBJ_NAME", "profit"), ("VAR", "ferry boat")]


def test_the_texts_opening_subject_is_the_place_not_a_decision() -> None:
    toks, spans = hand(_FERRY_BOAT, _FERRY_BOAT_MARKS)
    goal, rows = model_of(toks, spans)
    assert goal == "max 40 * bunk_berth + 90 * private_berth"
    # (read as a decision, the ferry boat took the 300 berths alone: "ferry_boat <= 300")
    assert rows == ["bunk_berth + private_berth <= 300", "bunk_berth >= 50", "private_berth >= 2 * bunk_berth"]
    assert _lp_optimum(_FERRY_BOAT, _FERRY_BOAT_MARKS) == pytest.approx(40 * 50 + 90 * 250)


def test_an_opening_name_with_more_words_after_it_is_not_the_subject() -> None:
    # "A taco truck sells ...": "taco" alone is not the whole opening noun phrase
    from modeler.strategies.offline.reading import read
    from modeler.strategies.offline.variables import _opening_subject

    text = "A taco truck sells beef tacos and fish tacos. A taco truck has 80 shells."
    toks, spans = hand(text, [("VAR", "taco"), ("VAR", "beef tacos"), ("VAR", "fish tacos"), ("LIMIT", "80")])
    r = read(toks, spans)
    assert [v.text for v in r.variables][:1] == ["taco"]
    assert not any(_opening_subject(r, v) for v in r.variables)


_DIP = ("A lab checks samples with either a microscope scan or a “quick dip” strip. A microscope scan takes 0.1 hours "
        "while a “quick dip” strip takes 0.04 hours. At least 20 samples must be checked with the “quick dip” strip. "
        "The lab is open for 10 hours. Maximize the number of samples checked.")


def test_a_name_in_quotation_marks_is_one_name() -> None:
    from modeler.strategies.offline.name_repairs import _quoted_names

    # the tagger's pieces of the quoted name, "“ quick" and "dip ” strip", become one mention
    toks, spans = hand(_DIP, [("VAR", "microscope scan"), ("VAR", "“ quick"), ("VAR", "dip ” strip")])
    words = [t.text for t in toks]
    assert [sp.text for sp in _quoted_names(words, spans)] == ["microscope scan", "quick dip ” strip"]
    # and a piece after the opening quote alone grows back to it
    toks, spans = hand(_DIP, [("VAR", "microscope scan"), ("VAR", "dip ” strip")])
    assert [sp.text for sp in _quoted_names(words, spans)] == ["microscope scan", "quick dip ” strip"]


def test_a_quoted_name_reads_whole_in_the_model() -> None:
    marks = [("VAR", "microscope scan"), ("VAR", "dip ” strip"), ("VAR", "microscope scan"), ("PARAM", "0.1"),
             ("VAR", "dip ” strip"), ("PARAM", "0.04"), ("CONST_DIR", "At least"), ("LIMIT", "20"),
             ("VAR", "dip ” strip"), ("LIMIT", "10"), ("OBJ_DIR", "Maximize"), ("OBJ_NAME", "number of samples")]
    toks, spans = hand(_DIP, marks)
    goal, rows = model_of(toks, spans)
    assert goal == "max microscope_scan + quick_dip_strip"
    assert rows == ["0.1 * microscope_scan + 0.04 * quick_dip_strip <= 10", "quick_dip_strip >= 20"]
    assert _lp_optimum(_DIP, marks) == pytest.approx(10 / 0.04)

"""Offline modeler: a question that asks for a count and ends on "at most" ("how many boxes in total can the
shop pack at most?") states the goal (maximize the count), though it says neither maximize nor minimize; an "at
most" before a number stays a limit.

The sentences are written for these tests (not taken from any data set); tags are given by hand.
"""

from __future__ import annotations

from hand_tags import hand, model_of

from modeler.strategies.offline.objective_reads import _how_many_at_most


def test_a_count_question_ending_on_at_most_asks_for_the_largest_count() -> None:
    text = ("A shop packs small boxes and large boxes with tape and paper. A small box uses 2 m of tape and 1 sheet "
            "of paper; a large box uses 3 m of tape and 4 sheets of paper. Only 300 m of tape and 200 sheets of "
            "paper are on hand. How many boxes in total can the shop pack at most?")
    toks, spans = hand(text, [("VAR", "small boxes"), ("VAR", "large boxes"), ("VAR", "small box"),
                              ("PARAM", "2"), ("PARAM", "1"), ("VAR", "large box"), ("PARAM", "3"),
                              ("PARAM", "4"), ("LIMIT", "300"), ("LIMIT", "200")])
    obj, rows = model_of(toks, spans)
    assert obj == "max small_boxes + large_boxes", obj
    assert "2 * small_boxes + 3 * large_boxes <= 300" in rows, rows


def test_at_most_before_a_number_is_no_goal() -> None:
    words = "How many boxes can be packed if at most 40 are large ?".split()
    assert _how_many_at_most(words) is None
    assert _how_many_at_most("How many boxes can it pack at the most ?".split()) == ("max", 1)

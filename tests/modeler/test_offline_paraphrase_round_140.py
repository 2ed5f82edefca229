"""Offline modeler: readings that the third set of NL4Opt rewrites (para3, part I, round 140) showed
missing: a negated subject ("neither machine") kept when an aside between commas stands between it and the
limit; a long goal subject after "so that".

The sentences are written for these tests (not taken from any data set). Tags are given by hand, as the
tagger gives them on such texts. No trained tagger is needed.
"""

from __future__ import annotations

from hand_tags import hand, model_of


def test_neither_before_an_aside_makes_more_than_a_most() -> None:
    # "Neither oven, the gas oven or the electric oven, can be run for more than 10 hours": each oven's hours
    # are at most 10, though the words right before the limit ("can be run for more than") say a least
    text = ("A bakery makes loaves and cakes. A loaf needs 1 hour in the gas oven and 2 hours in the electric "
            "oven, and a cake needs 4 hours in the gas oven and 1 hour in the electric oven. Neither oven, the gas "
            "oven or the electric oven, can be run for more than 10 hours a day. A loaf earns $3 and a cake earns "
            "$8. How many of each should be made to maximize profit?")
    toks, spans = hand(text, [("VAR", "loaves"), ("VAR", "cakes"), ("VAR", "loaf"), ("PARAM", "1"),
                              ("PARAM", "2"), ("VAR", "cake"), ("PARAM", "4"), ("PARAM", "1"),
                              ("CONST_DIR", "more than"), ("LIMIT", "10"), ("VAR", "loaf"), ("PARAM", "3"),
                              ("VAR", "cake"), ("PARAM", "8"), ("OBJ_DIR", "maximize"), ("OBJ_NAME", "profit")])
    _, rows = model_of(toks, spans)
    assert "loaves + 4 * cakes <= 10" in rows, rows
    assert "2 * loaves + cakes <= 10" in rows, rows


def test_a_plain_more_than_after_an_aside_stays_a_least() -> None:
    # a guard: with no negated subject, "more than" after an aside is a least
    from modeler.strategies.offline.limit_sense import _negated_subject
    from modeler.strategies.offline.reading import read

    text = "The bakery, a family firm, must sell more than 10 cakes a day."
    toks, spans = hand(text, [("CONST_DIR", "more than"), ("LIMIT", "10"), ("VAR", "cakes")])
    assert _negated_subject(read(toks, spans), spans[1]) is None


def test_neither_after_an_opening_phrase_makes_more_than_a_most() -> None:
    # "On a normal shift, neither press can be used for more than 600 minutes": the subject's name and the
    # modal stand between "neither" and "more than", farther than a negation reaches
    text = ("A workshop stamps brackets and hinges on a small press and a large press. A bracket needs 6 minutes on "
            "the small press and 9 minutes on the large press; a hinge needs 4 minutes on the small press and 3 "
            "minutes on the large press. On a normal shift, neither press can be used for more than 600 minutes. "
            "A bracket earns $5 and a hinge earns $4. How many of each should be stamped to maximize profit?")
    toks, spans = hand(text, [("VAR", "brackets"), ("VAR", "hinges"), ("VAR", "bracket"), ("PARAM", "6"),
                              ("PARAM", "9"), ("VAR", "hinge"), ("PARAM", "4"), ("PARAM", "3"),
                              ("CONST_DIR", "more than"), ("LIMIT", "600"), ("VAR", "bracket"), ("PARAM", "5"),
                              ("VAR", "hinge"), ("PARAM", "4"), ("OBJ_DIR", "maximize"), ("OBJ_NAME", "profit")])
    _, rows = model_of(toks, spans)
    assert "6 * brackets + 4 * hinges <= 600" in rows, rows
    assert "9 * brackets + 3 * hinges <= 600" in rows, rows


def test_a_long_subject_after_so_that_names_the_goal() -> None:
    # "so that the total time spent on apples at the two farms is as small as possible": the goal is the time,
    # which the question asks for, so it sums the decisions; a six-word window kept only "on apples at the
    # two farms" and weighed the apples each hour gives
    text = ("A picker needs no fewer than 60 kg of apples and no fewer than 40 kg of pears. Every hour spent on farm "
            "1 yields 6 kg of apples and 2 kg of pears, and every hour spent on farm 2 yields 3 kg of apples and 5 kg "
            "of pears. How many hours should she pick on each farm so that the total time spent on apples at the two "
            "farms is as small as possible?")
    toks, spans = hand(text, [("CONST_DIR", "no fewer than"), ("LIMIT", "60"), ("VAR", "apples"),
                              ("CONST_DIR", "no fewer than"), ("LIMIT", "40"), ("VAR", "pears"), ("VAR", "farm 1"),
                              ("PARAM", "6"), ("LIMIT", "2"), ("VAR", "pears"), ("VAR", "farm 2"), ("PARAM", "3"),
                              ("LIMIT", "5"), ("VAR", "pears")])
    goal, _ = model_of(toks, spans)
    assert goal == "min farm_1 + farm_2", goal


def test_a_short_subject_keeps_its_six_word_window() -> None:
    # a guard: without "so that" the subject is read as before
    from modeler.strategies.offline.words import _so_that_subject

    low = "we want the total time spent picking on the two farms is as small as possible".split()
    assert _so_that_subject(low, low.index("is")) is None
    low = ("so that the total time spent picking on the two farms is as small as possible").split()
    assert _so_that_subject(low, low.index("is")) == 2


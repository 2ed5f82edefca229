"""Offline modeler: readings that rewrites of NL4Opt training problems in a second writer's words showed missing
(para1 part C, round 132): a shop "open only" so many minutes, an amount "or more", a sum of money one option
"must get".

The sentences are written for these tests (not taken from any data set). Tags are given by hand, as the
tagger gives them on such texts. No trained tagger is needed.
"""

from __future__ import annotations

from hand_tags import hand, model_of


def test_a_place_open_only_so_many_minutes_a_week_is_a_limit() -> None:
    # "The bakery is open only 2400 minutes each week" with 2400 tagged as a coefficient: the time there is
    text = ("A bakery bakes loaves and cakes. A loaf takes 15 minutes to bake and a cake takes 40 minutes. The "
            "bakery is open only 2400 minutes each week. Each loaf earns $2 profit and each cake earns $9. How "
            "many of each should be baked to maximize profit?")
    toks, spans = hand(text, [("VAR", "loaves"), ("VAR", "cakes"), ("VAR", "loaf"), ("PARAM", "15"),
                              ("VAR", "cake"), ("PARAM", "40"), ("PARAM", "2400"), ("VAR", "loaf"),
                              ("OBJ_NAME", "earns"), ("PARAM", "2"), ("OBJ_NAME", "profit"), ("VAR", "cake"),
                              ("OBJ_NAME", "earns"), ("PARAM", "9"), ("OBJ_DIR", "maximize"), ("OBJ_NAME", "profit")])
    _, rows = model_of(toks, spans)
    assert "15 * loaves + 40 * cakes <= 2400" in rows, rows


def test_an_amount_or_more_is_a_bound_and_money_one_option_gets_bounds_it() -> None:
    # "bonds must receive $2500 or more" (2500 tagged as a coefficient): a bound on the money put in bonds
    text = ("Ella has $9000 to invest in stocks and bonds. Each dollar in stocks earns $0.08 and each dollar in "
            "bonds earns $0.04. Stocks may take at most 70% of the money, and bonds must receive $2500 or more. "
            "How much should she put into each to maximize her earnings?")
    toks, spans = hand(text, [("CONST_DIR", "has"), ("LIMIT", "9000"), ("VAR", "stocks"), ("VAR", "bonds"),
                              ("VAR", "stocks"), ("OBJ_NAME", "earns"), ("PARAM", "0.08"), ("VAR", "bonds"),
                              ("OBJ_NAME", "earns"), ("PARAM", "0.04"), ("VAR", "Stocks"), ("CONST_DIR", "at most"),
                              ("LIMIT", "70 %"), ("VAR", "bonds"), ("PARAM", "2500"), ("OBJ_DIR", "maximize"),
                              ("OBJ_NAME", "earnings")])
    _, rows = model_of(toks, spans)
    assert "bonds >= 2500" in rows, rows


def test_a_sum_of_money_one_option_must_get_bounds_that_option() -> None:
    # "and gold must get a minimum of $3000": the money put in gold, not the earnings row
    text = ("Omar has $12000 available to invest in silver and gold. Each dollar put into silver returns $0.2 and "
            "each dollar put into gold returns $0.1. Silver must get no less than 30% of the money, and gold must "
            "get a minimum of $3000. How much money should Omar invest in each to maximize his return?")
    toks, spans = hand(text, [("LIMIT", "12000"), ("CONST_DIR", "available"), ("VAR", "silver"), ("VAR", "gold"),
                              ("VAR", "silver"), ("OBJ_NAME", "returns"), ("PARAM", "0.2"), ("VAR", "gold"),
                              ("OBJ_NAME", "returns"), ("PARAM", "0.1"), ("VAR", "Silver"),
                              ("CONST_DIR", "no less than"), ("LIMIT", "30 %"), ("VAR", "gold"),
                              ("CONST_DIR", "minimum"), ("LIMIT", "3000"), ("OBJ_DIR", "maximize"),
                              ("OBJ_NAME", "return")])
    _, rows = model_of(toks, spans)
    assert "gold >= 3000" in rows, rows

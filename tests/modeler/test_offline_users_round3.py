"""Offline modeler: readings of problems in ordinary users' voices that the fifteenth and sixteenth fresh
development sets showed missing (round users3, helper h122): a sum the writer has set aside or budgets is
what may be spent, not a price; ", so N hours at most" after a clause about one of the decisions bounds it; "I want every dollar invested"
uses the one sum up; "I don't want more in X than in Y" compares two of three or more options.

The sentences are written for these tests (not taken from any data set). Tags are given by hand, as the
tagger gives them on such texts. No trained tagger is needed.
"""

from __future__ import annotations

from hand_tags import hand, model_of, word_list


def test_a_sum_set_aside_after_a_list_of_prices_is_a_budget() -> None:
    # "lamps for $20 and mirrors for $45, and we've set aside $900": the last sum is no third price
    text = ("We restore old lamps and mirrors. We buy lamps for $20 and mirrors for $45, and we've set aside $900 "
            "for stock. A lamp takes 3 hours of work and a mirror 4 hours, and we have 100 hours. We earn $35 on a "
            "lamp and $60 on a mirror. How many lamps and mirrors should we buy to maximize profit?")
    toks, spans = hand(text, [("VAR", "lamps"), ("PARAM", "20"), ("VAR", "mirrors"), ("PARAM", "45"),
                              ("PARAM", "900"), ("VAR", "lamp"), ("PARAM", "3"), ("VAR", "mirror"), ("PARAM", "4"),
                              ("LIMIT", "100"), ("PARAM", "35"), ("VAR", "lamp"), ("PARAM", "60"),
                              ("VAR", "mirror"), ("OBJ_DIR", "maximize"), ("OBJ_NAME", "profit")])
    goal, rows = model_of(toks, spans)
    assert "900" not in goal, goal
    assert "20 * lamps + 45 * mirrors <= 900" in rows, rows


def test_what_i_budget_a_month_is_a_budget() -> None:
    # "I budget $250 a month for materials", with "budget" tagged as a direction word and 250 as a price
    text = ("I make candles and soaps at home. A candle needs $4 of wax and a soap $2 of oils, and I budget $250 a "
            "month for materials. A candle takes 1 hour and a soap 0.5 hours, and I work at most 60 hours a "
            "month. I make $12 on a candle and $7 on a soap. How many of each should I make to earn the most?")
    toks, spans = hand(text, [("VAR", "candles"), ("VAR", "soaps"), ("VAR", "candle"), ("PARAM", "4"),
                              ("VAR", "soap"), ("PARAM", "2"), ("CONST_DIR", "budget"), ("PARAM", "250"),
                              ("VAR", "candle"), ("PARAM", "1"), ("VAR", "soap"), ("PARAM", "0.5"),
                              ("CONST_DIR", "at most"), ("LIMIT", "60"), ("PARAM", "12"), ("VAR", "candle"),
                              ("PARAM", "7"), ("VAR", "soap"), ("OBJ_DIR", "earn the most")])
    goal, rows = model_of(toks, spans)
    assert "250" not in goal, goal
    assert "4 * candles + 2 * soaps <= 250" in rows, rows


def test_set_aside_and_budget_guards() -> None:
    # a guard: "the budget $300" (no one budgeting) and a price after "set" alone stay prices
    from modeler.strategies.offline.entities import Span
    from modeler.strategies.offline.repairs import _set_aside

    words = word_list("I budget $300 a month.")
    assert _set_aside(words, Span("PARAM", 3, 4, "300"))
    words = word_list("Over the budget $300 was spent.")
    assert not _set_aside(words, Span("PARAM", 4, 5, "300"))
    words = word_list("We put aside $500 for paint.")
    assert _set_aside(words, Span("PARAM", 4, 5, "500"))
    words = word_list("A chair set costs $50.")
    assert not _set_aside(words, Span("PARAM", 5, 6, "50"))


def test_a_so_clause_bounds_what_the_clause_before_it_names() -> None:
    # "I can only tutor at weekends, so 12 hours at most": the tutoring alone, not all the work together
    text = ("I need to earn $600 this month. Tutoring pays $25 an hour and dog walking pays $12 an hour. I can only "
            "tutor at weekends, so 12 hours at most. What is the fewest total hours I can work to earn it?")
    toks, spans = hand(text, [("PARAM", "600"), ("VAR", "Tutoring"), ("PARAM", "25"), ("VAR", "dog walking"),
                              ("PARAM", "12"), ("PARAM", "12"), ("CONST_DIR", "at most")])
    _, rows = model_of(toks, spans)
    assert "tutoring <= 12" in rows, rows
    assert "dog_walking + tutoring <= 12" not in rows and "tutoring + dog_walking <= 12" not in rows, rows


_FUND_TEXT = ("My aunt left me $50,000 to put to work. The bank offers a savings account paying 2.5% a year, a "
              "gilt fund at 4% and an index fund at 6%. I want every dollar invested. I don't want more in the "
              "index fund than in savings. How should I split it to earn the most interest?")
_FUND_TAGS = [("LIMIT", "50,000"), ("VAR", "savings account"), ("PARAM", "2.5 %"), ("VAR", "gilt fund"),
              ("PARAM", "4 %"), ("VAR", "index fund"), ("PARAM", "6 %"), ("VAR", "index fund"),
              ("OBJ_DIR", "earn the most"), ("OBJ_NAME", "interest")]


def test_every_dollar_invested_uses_the_one_sum_up() -> None:
    # "I want every dollar invested", a sentence of its own: the $50,000 is all placed, not a most
    toks, spans = hand(_FUND_TEXT, _FUND_TAGS)
    _, rows = model_of(toks, spans)
    assert "savings_account + gilt_fund + index_fund == 50000" in rows, rows


def test_no_more_in_one_option_than_in_another_of_three() -> None:
    # "I don't want more in the index fund than in savings": index <= savings, "savings" untagged
    toks, spans = hand(_FUND_TEXT, _FUND_TAGS)
    _, rows = model_of(toks, spans)
    assert "index_fund <= savings_account" in rows, rows

"""Offline modeler: rule slips the NL4Opt paraphrase sets (para5-7, read with the cross-validated taggers) and
NL4Opt dev showed (round v46) -- a limit counted in the phrase that ends every decision's name, a profit word
that belongs to the number before, a resource word that opens one decision's name, a short head after a
decision's own word, a "respectively" clause after a ";" that names one decision, and the noun every decision's
name is followed by.

The sentences are written for these tests (not taken from any data set). Tags are given by hand, as the
taggers gave them on such texts. No trained tagger is needed.
"""

from __future__ import annotations

from hand_tags import hand, model_of


def test_a_limit_in_the_phrase_every_name_ends_with_counts_the_decisions() -> None:
    text = ("A florist sells big bunches of roses and small bunches of roses. A big bunch of roses holds 12 single "
            "roses and a small bunch of roses holds 5 single roses. The van can carry at most 60 total bunches of "
            "roses. How many of each should the florist send to deliver the most single roses?")
    toks, spans = hand(text, [("VAR", "big bunches of roses"), ("VAR", "small bunches of roses"),
                              ("VAR", "big bunch of roses"), ("PARAM", "12"), ("OBJ_NAME", "single roses"),
                              ("VAR", "small bunch of roses"), ("PARAM", "5"), ("OBJ_NAME", "single roses"),
                              ("CONST_DIR", "at most"), ("LIMIT", "60"), ("OBJ_DIR", "most"),
                              ("OBJ_NAME", "single roses")])
    _, rows = model_of(toks, spans)
    assert "big_bunches_of_roses + small_bunches_of_roses <= 60" in rows


def test_a_profit_word_after_the_number_before_is_that_numbers() -> None:
    text = ("A golf store can spend no more than $20000 on golf clubs and tees. The store pays $75 for a golf club "
            "and makes a $50 profit selling it, and pays $2 for a tee and makes a $5 profit on it. Find how many "
            "golf clubs and tees should be sold to maximize profit.")
    toks, spans = hand(text, [("CONST_DIR", "no more than"), ("LIMIT", "20000"), ("VAR", "golf clubs"),
                              ("VAR", "tees"), ("PARAM", "75"), ("VAR", "golf club"), ("PARAM", "50"),
                              ("OBJ_NAME", "profit"), ("PARAM", "2"), ("PARAM", "5"), ("OBJ_NAME", "profit"),
                              ("VAR", "golf clubs"), ("VAR", "tees"), ("OBJ_DIR", "maximize"),
                              ("OBJ_NAME", "profit")])
    goal, rows = model_of(toks, spans)
    assert goal == "max 50 * golf_clubs + 5 * tees"
    assert "75 * golf_clubs + 2 * tees <= 20000" in rows


def test_a_resource_every_decision_takes_is_not_the_decision_its_word_opens() -> None:
    text = ("Cheese rolls and bean rolls are sold at a stall, and both kinds use cheese and beans. A cheese roll "
            "takes 3 cheese slices and 1 cup of beans, while a bean roll takes 1 cheese slice and 2 cups of beans. "
            "The stall has no more than 45 cheese slices and 40 cups of beans. Profit is $2 on a cheese roll and "
            "$3 on a bean roll. How many of each should be made to maximize profit?")
    toks, spans = hand(text, [("VAR", "bean rolls"), ("VAR", "beans"), ("VAR", "cheese roll"), ("PARAM", "3"),
                              ("PARAM", "1"), ("VAR", "bean roll"), ("PARAM", "1"), ("PARAM", "2"),
                              ("CONST_DIR", "no more than"), ("LIMIT", "45"), ("LIMIT", "40"),
                              ("OBJ_NAME", "Profit"), ("PARAM", "2"), ("VAR", "cheese roll"), ("PARAM", "3"),
                              ("VAR", "bean roll"), ("OBJ_DIR", "maximize"), ("OBJ_NAME", "profit")])
    _, rows = model_of(toks, spans)
    assert "3 * cheese_rolls + bean_rolls <= 45" in rows
    assert "cheese_rolls <= 45" not in rows


def test_a_short_head_after_a_decisions_own_word_names_it() -> None:
    text = ("A bakery can advertise with flyer, radio and web ads. Each flyer ad costs $100 and reaches 900 "
            "people; each radio ad costs $400 and reaches 3000 people; each web ad costs $250 and reaches 2500 "
            "people. The station sells one client no more than 6 radio ads. The weekly budget is $5000. How many "
            "of each ad should be bought to reach the most people?")
    toks, spans = hand(text, [("VAR", "flyer"), ("VAR", "radio"), ("VAR", "web ads"), ("VAR", "flyer ad"),
                              ("PARAM", "100"), ("PARAM", "900"), ("VAR", "radio ad"), ("PARAM", "400"),
                              ("PARAM", "3000"), ("VAR", "web ad"), ("PARAM", "250"), ("PARAM", "2500"),
                              ("CONST_DIR", "no more than"), ("LIMIT", "6"), ("CONST_DIR", "budget"),
                              ("LIMIT", "5000"), ("OBJ_DIR", "most"), ("OBJ_NAME", "people")])
    _, rows = model_of(toks, spans)
    assert "radio_ads <= 6" in rows


def test_a_respectively_clause_after_a_semicolon_is_one_decisions_numbers() -> None:
    text = ("Desks and shelves are made in a workshop. A desk needs 3 hours of cutting time and 2 hours of "
            "finishing time; a shelf needs 1.5 hours and 0.5 hours, respectively. At most 300 hours of cutting "
            "time and 160 hours of finishing time are available. Profit is $90 per desk and $30 per shelf. How "
            "many of each should be made to maximize profit?")
    toks, spans = hand(text, [("VAR", "shelves"), ("VAR", "desk"), ("PARAM", "3"), ("PARAM", "2"),
                              ("VAR", "shelf"), ("PARAM", "1.5"), ("PARAM", "0.5"), ("CONST_DIR", "At most"),
                              ("LIMIT", "300"), ("LIMIT", "160"), ("CONST_DIR", "available"),
                              ("OBJ_NAME", "Profit"), ("PARAM", "90"), ("VAR", "desk"), ("PARAM", "30"),
                              ("OBJ_DIR", "maximize"), ("OBJ_NAME", "profit")])
    _, rows = model_of(toks, spans)
    assert "3 * desks + 1.5 * shelves <= 300" in rows
    assert "2 * desks + 0.5 * shelves <= 160" in rows


def test_the_noun_every_name_is_followed_by_counts_the_decisions() -> None:
    text = ("Muffins at Sunny Bakery come in two flavours, blueberry and banana. For every blueberry muffin the "
            "baker is paid $2, and for every banana one the baker is paid $3; the store can spend no more than "
            "$3000 on these payments in a month. Each blueberry muffin brings the store $3 of profit and each "
            "banana muffin brings $5. The owner expects monthly sales of up to 900 muffins in total. Determine "
            "the number of each flavour to make so that monthly profit is maximized.")
    toks, spans = hand(text, [("VAR", "blueberry"), ("VAR", "banana"), ("VAR", "blueberry muffin"),
                              ("PARAM", "2"), ("PARAM", "3"), ("CONST_DIR", "no more than"), ("LIMIT", "3000"),
                              ("VAR", "blueberry muffin"), ("PARAM", "3"), ("OBJ_NAME", "profit"),
                              ("VAR", "banana muffin"), ("PARAM", "5"), ("LIMIT", "900"), ("OBJ_NAME", "profit")])
    _, rows = model_of(toks, spans)
    assert "banana + blueberry <= 900" in rows or "blueberry + banana <= 900" in rows

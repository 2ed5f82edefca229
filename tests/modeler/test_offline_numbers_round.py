"""Offline modeler: numbers read wrong once the variables are right -- one coefficient group said in two units
("15 minutes of binding time" beside "1 hour of binding time" against hours), a limit in the unit a price is
quoted per ("A tonne costs $30 ... Lowford can mill at most 400 tonnes"), and a stock of a thing some items
take one of when the stem keeps its plural ("one papaya" ... "40 papayas"), and a batch size after "into a"
("melts two scraps into a 50-tonne heat") as an equality, and sizes beside the names ("small 500-gram tubs
and big 2-kilogram tubs") as the row of a stock in that unit.

The sentences are written for these tests (not taken from any data set). Tags are given by hand, as the
tagger gives them on such texts. No trained tagger is needed.
"""

from __future__ import annotations

from hand_tags import hand, model_of

from modeler.strategies.offline.words import one_noun


def test_coefficients_in_two_units_are_put_in_the_limits_unit() -> None:
    text = ("A print shop has 40 hours of press time and 20 hours of binding time each week. A brochure needs 1 "
            "hour of press time and 30 minutes of binding time and earns $50. A catalogue needs 2 hours of press "
            "time and 1 hour of binding time and earns $90. How many brochures and catalogues should it print to "
            "maximize profit?")
    toks, spans = hand(text, [("LIMIT", "40"), ("LIMIT", "20"), ("VAR", "brochure"), ("PARAM", "1"),
                              ("PARAM", "30"), ("OBJ_NAME", "earns"), ("PARAM", "50"), ("VAR", "catalogue"),
                              ("PARAM", "2"), ("PARAM", "1"), ("OBJ_NAME", "earns"), ("PARAM", "90"),
                              ("VAR", "brochures"), ("VAR", "catalogues"), ("OBJ_DIR", "maximize"),
                              ("OBJ_NAME", "profit")])
    _, rows = model_of(toks, spans)
    assert "0.5 * brochure + catalogue <= 20" in rows
    assert "brochure + 2 * catalogue <= 40" in rows


def test_a_limit_in_the_priced_unit_is_not_the_price_row() -> None:
    text = ("A miller grinds the same flour at two mills: Upton and Lowford. A tonne costs $30 at Upton "
            "and $25 at Lowford. At least 900 tonnes are needed this month. Lowford can grind at most 400 tonnes. "
            "Minimize the grinding cost.")
    toks, spans = hand(text, [("VAR", "Upton"), ("VAR", "Lowford"), ("OBJ_NAME", "costs"), ("PARAM", "30"),
                              ("VAR", "Upton"), ("PARAM", "25"), ("VAR", "Lowford"), ("CONST_DIR", "At least"),
                              ("LIMIT", "900"), ("VAR", "Lowford"), ("CONST_DIR", "at most"), ("LIMIT", "400"),
                              ("OBJ_DIR", "Minimize"), ("OBJ_NAME", "cost")])
    _, rows = model_of(toks, spans)
    assert "lowford <= 400" in rows
    assert not any("30 * upton" in row for row in rows)


def test_one_noun_singular_and_plural() -> None:
    assert one_noun("banana", "bananas") and one_noun("bananas", "banana") and one_noun("lid", "lid")
    assert not one_noun("band", "bananas")


def test_a_stock_of_what_one_item_takes_one_of_with_an_as_plural() -> None:
    text = ("A juice stand sells lemonades, papaya shakes and sodas. Each lemonade uses 100 ml of syrup and earns "
            "$2. Each shake uses 50 ml of syrup and one papaya and earns $3. The stand gets 20 litres of syrup "
            "and 40 papayas a day. How many of each drink should it sell to maximize profit?")
    toks, spans = hand(text, [("VAR", "lemonades"), ("VAR", "papaya shakes"), ("VAR", "sodas"),
                              ("VAR", "lemonade"), ("PARAM", "100"), ("OBJ_NAME", "earns"), ("PARAM", "2"),
                              ("VAR", "shake"), ("PARAM", "50"), ("OBJ_NAME", "earns"), ("PARAM", "3"),
                              ("LIMIT", "20"), ("LIMIT", "40"), ("OBJ_DIR", "maximize"), ("OBJ_NAME", "profit")])
    _, rows = model_of(toks, spans)
    assert "papaya_shakes <= 40" in rows


def test_a_batch_size_after_into_is_an_equality() -> None:
    text = ("A foundry melts two scraps into a 50-tonne heat. Scrap X costs $200 a tonne and is 2% nickel. Scrap Y "
            "costs $150 a tonne and is 1% nickel. The heat must hold at least 0.8 tonnes of nickel. How many tonnes "
            "of each scrap should go in to minimize cost?")
    toks, spans = hand(text, [("VAR", "Scrap X"), ("OBJ_NAME", "costs"), ("PARAM", "200"), ("PARAM", "2%"),
                              ("VAR", "Scrap Y"), ("OBJ_NAME", "costs"), ("PARAM", "150"), ("PARAM", "1%"),
                              ("CONST_DIR", "at least"), ("LIMIT", "0.8"), ("OBJ_DIR", "minimize"),
                              ("OBJ_NAME", "cost")])
    _, rows = model_of(toks, spans)
    assert "scrap_x + scrap_y == 50" in rows


def test_sizes_said_beside_the_names_measure_a_stock() -> None:
    text = ("A dairy packs yogurt in small 500-gram tubs and big 2-kilogram tubs. It has 300 kg of yogurt this "
            "week. A small tub sells for $3 and a big tub for $10. How many tubs of each size should it fill to "
            "make the most money?")
    toks, spans = hand(text, [("CONST_DIR", "has"), ("LIMIT", "300"), ("VAR", "small tub"), ("PARAM", "3"),
                              ("VAR", "big tub"), ("PARAM", "10"), ("OBJ_DIR", "most"), ("OBJ_NAME", "money")])
    _, rows = model_of(toks, spans)
    assert "0.5 * small_tub + 2 * big_tub <= 300" in rows

"""Offline modeler: general English readings the second fresh development set still showed missing (round
dev-v13) -- every item of a comma list is a name once one is, a plural first name keeps its own head,
"respectively" lists after a pronoun, "N units must be planted with X", amounts that open a sentence and
must be done, lettered names ("wholesaler X"), "an experiment of type A", "as many X as possible", "a hall
with N", sizes ("sessions of 90 minutes"), "half an hour", amounts shared "among" the variables, and more.

The sentences are written for these tests (not taken from any data set). Tags are given by hand, as the
tagger gives them on such texts. No trained tagger is needed.
"""

from __future__ import annotations

from hand_tags import hand, model_of


# ------------------------------------------------------------------------ comma lists and their heads
def test_every_item_of_a_comma_list_is_a_name_once_one_is() -> None:
    text = ("A smelter melts copper scrap, cans and zinc ingots, which cost $4, $9 and $3 per kilogram and "
            "yield 2, 5 and 1 units of alloy per kilogram, respectively. At least 500 units of alloy must be "
            "cast. How many kilograms of each metal should be melted to minimize the cost?")
    toks, spans = hand(text, [("VAR", "zinc ingots"), ("PARAM", "4"), ("PARAM", "9"), ("PARAM", "3"),
                              ("PARAM", "2"), ("PARAM", "5"), ("PARAM", "1"), ("CONST_DIR", "At least"),
                              ("LIMIT", "500"), ("OBJ_DIR", "minimize"), ("OBJ_NAME", "cost")])
    goal, rows = model_of(toks, spans)
    # the plural "cans" is an item of its own, not "cans ingots" named after the next item's head
    assert goal == "min 4 * copper_scrap + 9 * cans + 3 * zinc_ingots"
    assert "2 * copper_scrap + 5 * cans + zinc_ingots >= 500" in rows


def test_a_pronoun_stands_for_the_listed_variables_in_respectively_lists() -> None:
    text = ("A toy maker produces kites, yoyos and puzzle boxes. These need 3, 1 and 2 hours of work and 4, "
            "2 and 6 sheets of card, respectively. There are 120 hours of work and 200 sheets of card "
            "available. The profits are $5, $2 and $4 per item, respectively, and at least 10 puzzle boxes "
            "must be made. How many of each should be made to maximize profit?")
    toks, spans = hand(text, [("PARAM", "3"), ("PARAM", "1"), ("PARAM", "2"), ("PARAM", "4"), ("PARAM", "2"),
                              ("PARAM", "6"), ("LIMIT", "120"), ("LIMIT", "200"), ("CONST_DIR", "available"),
                              ("OBJ_NAME", "profits"), ("PARAM", "5"), ("PARAM", "2"), ("PARAM", "4"),
                              ("CONST_DIR", "at least"), ("LIMIT", "10"), ("OBJ_DIR", "maximize"),
                              ("OBJ_NAME", "profit")])
    goal, rows = model_of(toks, spans)
    assert goal == "max 5 * kites + 2 * yoyos + 4 * puzzle_boxes"
    assert "3 * kites + yoyos + 2 * puzzle_boxes <= 120" in rows
    assert "4 * kites + 2 * yoyos + 6 * puzzle_boxes <= 200" in rows
    assert "puzzle_boxes >= 10" in rows


def test_lettered_items_of_a_list_are_names() -> None:
    text = ("A farmer feeds her goats a mix of three feeds, A, B and C. A sack of feeds A, B and C holds 5, 2 "
            "and 4 units of fibre, respectively. The sacks cost $12, $7 and $10, respectively. The goats need "
            "at least 60 units of fibre, and no more than 6 sacks of feed C may be used. How many sacks of "
            "each feed minimize the cost?")
    toks, spans = hand(text, [("VAR", "B"), ("VAR", "C"), ("VAR", "feeds A"), ("VAR", "C"), ("PARAM", "5"),
                              ("PARAM", "2"), ("PARAM", "4"), ("PARAM", "12"), ("PARAM", "7"), ("PARAM", "10"),
                              ("CONST_DIR", "at least"), ("LIMIT", "60"), ("CONST_DIR", "no more than"),
                              ("LIMIT", "6"), ("VAR", "feed C"), ("OBJ_DIR", "minimize"), ("OBJ_NAME", "cost")])
    goal, rows = model_of(toks, spans)
    assert goal == "min 12 * a + 7 * b + 10 * c"
    assert "5 * a + 2 * b + 4 * c >= 60" in rows


def test_listed_names_from_a_respectively_sentence_with_no_name_tagged() -> None:
    text = ("A town buys electricity from a wind farm, a solar park and a gas plant at $0.05, $0.07 and $0.12 "
            "per kilowatt-hour, respectively. At least 9000 kilowatt-hours are needed each day. The wind farm "
            "can supply no more than 4000 kilowatt-hours and the solar park no more than 3000.")
    text += " How many kilowatt-hours should be bought from each source to minimize the cost?"
    toks, spans = hand(text, [("PARAM", "0.05"), ("PARAM", "0.07"), ("PARAM", "0.12"), ("CONST_DIR", "At least"),
                              ("LIMIT", "9000"), ("CONST_DIR", "no more than"), ("LIMIT", "4000"),
                              ("CONST_DIR", "no more than"), ("LIMIT", "3000"), ("OBJ_DIR", "minimize"),
                              ("OBJ_NAME", "cost")])
    goal, rows = model_of(toks, spans)
    assert goal == "min 0.05 * wind_farm + 0.07 * solar_park + 0.12 * gas_plant"
    assert "wind_farm + solar_park + gas_plant >= 9000" in rows
    assert "wind_farm <= 4000" in rows


# ------------------------------------------------------------------- counts put to one variable
def test_a_count_planted_with_one_variable_bounds_it() -> None:
    text = ("A farm will sow Barley and Oats on up to 80 acres. The profits are $300 and $250 per acre, "
            "respectively. At least 15 acres must be sown with Oats, and the Oats area cannot be larger than the "
            "Barley area. How many acres of each crop should be sown to maximize profit?")
    toks, spans = hand(text, [("VAR", "Barley"), ("VAR", "Oats"), ("LIMIT", "80"), ("OBJ_NAME", "profits"),
                              ("PARAM", "300"), ("PARAM", "250"), ("CONST_DIR", "At least"), ("LIMIT", "15"),
                              ("VAR", "Oats"), ("CONST_DIR", "cannot be larger than"), ("OBJ_DIR", "maximize"),
                              ("OBJ_NAME", "profit")])
    goal, rows = model_of(toks, spans)
    assert goal == "max 300 * barley + 250 * oats"
    assert "oats >= 15" in rows
    assert "barley + oats >= 15" not in rows


def test_a_count_that_must_go_to_one_variable_bounds_it() -> None:
    text = ("A studio shares 100 hours of recording time among a choir, a band and a soloist, which earn $50, "
            "$80 and $30 per hour, respectively. At least 20 hours must go to the soloist. How many hours "
            "should each act get to maximize earnings?")
    toks, spans = hand(text, [("CONST_DIR", "shares"), ("LIMIT", "100"), ("VAR", "choir"), ("VAR", "band"), ("VAR", "soloist"),
                              ("PARAM", "50"), ("PARAM", "80"), ("PARAM", "30"), ("CONST_DIR", "At least"),
                              ("LIMIT", "20"), ("VAR", "soloist"), ("OBJ_DIR", "maximize"),
                              ("OBJ_NAME", "earnings")])
    goal, rows = model_of(toks, spans)
    assert goal == "max 50 * choir + 80 * band + 30 * soloist"
    assert "soloist >= 20" in rows
    # what is shared "among" them is their sum
    assert "choir + band + soloist <= 100" in rows


# ------------------------------------------------------------- amounts that must be done, prices
def test_an_amount_that_opens_a_sentence_and_must_be_done_is_a_least() -> None:
    text = ("A caterer hires small vans that carry 20 meals for $60 each and big vans that carry 50 meals "
            "for $120 each. Three hundred meals must be delivered, yet the car park holds no more than 9 vans. "
            "How many vans of each kind should be hired to minimize the cost?")
    toks, spans = hand(text, [("VAR", "small vans"), ("PARAM", "20"), ("PARAM", "60"), ("VAR", "big vans"),
                              ("PARAM", "50"), ("PARAM", "120"), ("CONST_DIR", "no more than"), ("LIMIT", "9"),
                              ("OBJ_DIR", "minimize"), ("OBJ_NAME", "cost")])
    goal, rows = model_of(toks, spans)
    # the price after "for $" is the cost, the meals before it are what a van carries
    assert goal == "min 60 * small_vans + 120 * big_vans"
    assert "20 * small_vans + 50 * big_vans >= 300" in rows
    assert "small_vans + big_vans <= 9" in rows


# ------------------------------------------------------------------------------ lettered names
def test_a_letter_after_a_name_labels_it() -> None:
    text = ("A bakery buys flour in sacks from two mills. A sack from mill P holds 25 kilograms and costs $20; "
            "a sack from mill Q holds 40 kilograms and costs $30. At least 400 kilograms are needed. No more "
            "than 6 sacks can be supplied by mill Q. How many sacks should be bought from each mill to "
            "minimize the cost?")
    toks, spans = hand(text, [("VAR", "sack from mill"), ("PARAM", "25"), ("OBJ_NAME", "costs"), ("PARAM", "20"),
                              ("PARAM", "40"), ("OBJ_NAME", "costs"), ("PARAM", "30"), ("CONST_DIR", "At least"),
                              ("LIMIT", "400"), ("CONST_DIR", "No more than"), ("LIMIT", "6"), ("VAR", "sacks"),
                              ("VAR", "mill Q"), ("OBJ_DIR", "minimize"), ("OBJ_NAME", "cost")])
    goal, rows = model_of(toks, spans)
    assert goal == "min 20 * mill_p + 30 * mill_q"
    assert "25 * mill_p + 40 * mill_q >= 400" in rows
    assert "mill_q <= 6" in rows


def test_a_subject_of_a_lettered_type_is_a_name() -> None:
    text = ("A kitchen cooks two kinds of meals. A meal of type A needs 3 minutes of frying and 1 minute of "
            "baking and earns $6. A meal of type B needs 1 minute of frying and 4 minutes of baking and earns "
            "$7. There are 90 minutes of frying and 120 minutes of baking available. How many meals of each type "
            "should be cooked to maximize earnings?")
    toks, spans = hand(text, [("PARAM", "3"), ("PARAM", "1"), ("PARAM", "6"), ("PARAM", "1"), ("PARAM", "4"),
                              ("PARAM", "7"), ("LIMIT", "90"), ("LIMIT", "120"), ("CONST_DIR", "available"),
                              ("OBJ_DIR", "maximize"),
                              ("OBJ_NAME", "earnings")])
    goal, rows = model_of(toks, spans)
    assert goal == "max 6 * meal_of_type_a + 7 * meal_of_type_b"
    assert "3 * meal_of_type_a + meal_of_type_b <= 90" in rows


# --------------------------------------------------------------------- one thing named two ways
def test_names_differing_in_the_counted_unit_are_one() -> None:
    text = ("A theatre hires ushers, ticket staff and porters, paid $90, $110 and $70 per shift, respectively. "
            "At least 30 shifts are needed in total. There must be a minimum of 8 ticket shifts, and no more "
            "porter shifts than usher shifts. How many shifts of each kind should be booked to minimize the "
            "wage bill?")
    toks, spans = hand(text, [("VAR", "ticket staff"), ("VAR", "porters"), ("PARAM", "90"), ("PARAM", "110"),
                              ("PARAM", "70"), ("CONST_DIR", "At least"), ("LIMIT", "30"), ("CONST_DIR", "minimum"),
                              ("LIMIT", "8"), ("VAR", "ticket shifts"), ("OBJ_DIR", "minimize"),
                              ("OBJ_NAME", "wage bill")])
    goal, rows = model_of(toks, spans)
    assert goal == "min 90 * ushers + 110 * ticket_staff + 70 * porters"
    assert "ticket_staff >= 8" in rows


# ------------------------------------------------------------------------- "as many X as possible"
def test_as_many_as_possible_is_a_maximum() -> None:
    text = ("A charity runs street stalls and school talks. A stall reaches 50 people and costs $100; a talk "
            "reaches 80 people and costs $150. The charity has a budget of $3000. How many stalls and talks "
            "should be held to reach as many people as possible?")
    toks, spans = hand(text, [("VAR", "street stalls"), ("VAR", "school talks"), ("VAR", "stall"), ("PARAM", "50"),
                              ("PARAM", "100"), ("VAR", "talk"), ("PARAM", "80"), ("PARAM", "150"),
                              ("CONST_DIR", "budget"), ("LIMIT", "3000"), ("OBJ_NAME", "reach")])
    goal, rows = model_of(toks, spans)
    assert goal == "max 50 * street_stalls + 80 * school_talks"
    assert "100 * street_stalls + 150 * school_talks <= 3000" in rows


# ------------------------------------------------------------------------- sizes and places
def test_a_place_with_an_amount_holds_it_and_names_of_a_size_take_it() -> None:
    text = ("A market lets small stalls of 4 square meters and large stalls of 10 square meters in a square "
            "with 400 square meters of space. A small stall is let for $50 and a large stall for $110. At "
            "least 10 small stalls must be let. How many stalls of each kind should be let to maximize income?")
    toks, spans = hand(text, [("PARAM", "4"), ("LIMIT", "10"), ("LIMIT", "400"), ("VAR", "small stall"),
                              ("PARAM", "50"), ("VAR", "large stall"), ("PARAM", "110"), ("CONST_DIR", "At least"),
                              ("LIMIT", "10"), ("VAR", "small stalls"), ("OBJ_DIR", "maximize")])
    goal, rows = model_of(toks, spans)
    assert goal == "max 50 * small_stalls + 110 * large_stalls"
    assert "4 * small_stalls + 10 * large_stalls <= 400" in rows


def test_sessions_of_a_length_and_a_number_after_a_name() -> None:
    text = ("A swim coach plans drill sessions of 45 minutes and race sessions of 30 minutes for the week, with "
            "no more than 300 minutes in the pool in total. A drill session is worth 6 points and a race "
            "session 4. At least two drill sessions are required, and there should be no more race sessions "
            "than drill sessions. How many sessions of each type should be planned to maximize points?")
    toks, spans = hand(text, [("LIMIT", "45"), ("LIMIT", "30"), ("CONST_DIR", "no more than"), ("LIMIT", "300"),
                              ("VAR", "drill session"), ("PARAM", "6"), ("VAR", "race session 4"),
                              ("CONST_DIR", "At least"), ("LIMIT", "two"), ("VAR", "drill sessions"),
                              ("CONST_DIR", "no more"), ("VAR", "race sessions"), ("VAR", "drill sessions"),
                              ("OBJ_DIR", "maximize"), ("OBJ_NAME", "points")])
    goal, rows = model_of(toks, spans)
    assert goal == "max 6 * drill_sessions + 4 * race_sessions"
    assert "45 * drill_sessions + 30 * race_sessions <= 300" in rows


# ---------------------------------------------------------------------------------- "half an hour"
def test_half_an_hour_is_a_coefficient() -> None:
    text = ("A print shop makes posters and flyers, earning $8 and $3 each, respectively. Each item needs "
            "checking: 1 hour for a poster and half an hour for a flyer, and only 40 checking hours are "
            "available. How many of each should be made to maximize earnings?")
    toks, spans = hand(text, [("VAR", "posters"), ("VAR", "flyers"), ("PARAM", "8"), ("PARAM", "3"), ("PARAM", "1"),
                              ("VAR", "poster"), ("PARAM", "half"), ("VAR", "flyer"), ("CONST_DIR", "only"),
                              ("LIMIT", "40"), ("OBJ_DIR", "maximize"), ("OBJ_NAME", "earnings")])
    goal, rows = model_of(toks, spans)
    assert goal == "max 8 * posters + 3 * flyers"
    assert "posters + 0.5 * flyers <= 40" in rows


# ------------------------------------------------------------------- derived words, list contexts
def test_a_word_derived_from_a_name_mentions_it() -> None:
    text = ("A mill grinds wheat from a cooperative, an importer and a fertilized plot at $0.30, $0.25 and $0.40 "
            "per kilogram, respectively. At least 2000 kilograms must be ground, while fertilizing wheat must "
            "be at least 20 percent of the total. How many kilograms should come from each source to "
            "minimize the cost?")
    toks, spans = hand(text, [("PARAM", "0.30"), ("PARAM", "0.25"), ("PARAM", "0.40"), ("CONST_DIR", "At least"),
                              ("LIMIT", "2000"), ("CONST_DIR", "at least"), ("LIMIT", "20 percent"),
                              ("OBJ_DIR", "minimize"), ("OBJ_NAME", "cost")])
    goal, rows = model_of(toks, spans)
    assert goal == "min 0.3 * cooperative + 0.25 * importer + 0.4 * fertilized_plot"
    assert "fertilized_plot >= 0.2 * (cooperative + importer + fertilized_plot)" in rows


# --------------------------------------------------------------- amounts of what the question counts
def test_an_amount_in_the_questions_unit_of_one_variable_bounds_it() -> None:
    text = ("A dairy makes exactly 200 liters of drink each day from whole milk, skim milk and cream, which "
            "cost $1, $0.60 and $3 per liter, respectively. The drink must contain at least 30 liters of "
            "cream. How many liters of each should be used to minimize the cost?")
    toks, spans = hand(text, [("CONST_DIR", "exactly"), ("LIMIT", "200"), ("VAR", "whole milk"),
                              ("VAR", "skim milk"), ("VAR", "cream"), ("PARAM", "1"), ("PARAM", "0.60"),
                              ("PARAM", "3"), ("CONST_DIR", "at least"), ("LIMIT", "30"), ("VAR", "cream"),
                              ("OBJ_DIR", "minimize"), ("OBJ_NAME", "cost")])
    goal, rows = model_of(toks, spans)
    assert goal == "min whole_milk + 0.6 * skim_milk + 3 * cream"
    # what is made from them all is their sum; "30 liters of cream" bounds the cream
    assert "whole_milk + skim_milk + cream == 200" in rows
    assert "cream >= 30" in rows


def test_what_there_is_is_at_hand() -> None:
    text = ("A workshop builds stools and benches. A stool takes 2 hours and a bench takes 5 hours, and there "
            "are 200 workshop hours this month. A stool earns $30 and a bench earns $80. How many of each "
            "should be built to maximize earnings?")
    toks, spans = hand(text, [("VAR", "stools"), ("VAR", "benches"), ("VAR", "stool"), ("PARAM", "2"),
                              ("VAR", "bench"), ("PARAM", "5"), ("PARAM", "200"), ("VAR", "stool"),
                              ("PARAM", "30"), ("VAR", "bench"), ("PARAM", "80"), ("OBJ_DIR", "maximize"),
                              ("OBJ_NAME", "earnings")])
    goal, rows = model_of(toks, spans)
    assert goal == "max 30 * stools + 80 * benches"
    assert rows == ["2 * stools + 5 * benches <= 200"]


def test_the_second_list_of_a_sentence_does_not_take_the_first_lists_unit() -> None:
    text = ("A bakery bakes rye loaves, buns and bagels, which cost $2, $1 and $3 per tray and yield 20, 30 and "
            "25 portions per tray, respectively. The bakery must supply at least 900 portions this week. The "
            "oven holds only 40 trays. How many trays of each should be baked to minimize the cost?")
    toks, spans = hand(text, [("VAR", "bagels"), ("PARAM", "2"), ("PARAM", "1"), ("PARAM", "3"), ("PARAM", "20"),
                              ("PARAM", "30"), ("PARAM", "25"), ("CONST_DIR", "at least"), ("LIMIT", "900"),
                              ("CONST_DIR", "only"), ("LIMIT", "40"), ("OBJ_DIR", "minimize"),
                              ("OBJ_NAME", "cost")])
    goal, rows = model_of(toks, spans)
    assert goal == "min 2 * rye_loaves + buns + 3 * bagels"
    assert "20 * rye_loaves + 30 * buns + 25 * bagels >= 900" in rows


def test_all_of_an_amount_that_must_be_done_is_a_least() -> None:
    text = ("A removal firm rents vans at $70 per day and lorries at $150 per day. A van holds 10 cubic meters "
            "and a lorry holds 30 cubic meters. The office's contents fill 240 cubic meters, and all of it "
            "must be moved in one day. How many of each should be rented to minimize the cost?")
    toks, spans = hand(text, [("VAR", "vans"), ("PARAM", "70"), ("VAR", "lorries"), ("PARAM", "150"),
                              ("VAR", "van"), ("PARAM", "10"), ("VAR", "lorry"), ("PARAM", "30"), ("PARAM", "240"),
                              ("OBJ_DIR", "minimize"), ("OBJ_NAME", "cost")])
    goal, rows = model_of(toks, spans)
    assert goal == "min 70 * vans + 150 * lorries"
    assert rows == ["10 * vans + 30 * lorries >= 240"]


def test_every_item_of_either_type_needs_one() -> None:
    text = ("A publisher produces e-books and audio books. An e-book takes 3 hours and an audio book takes 8 "
            "hours, and there are 160 studio hours this month. Every book of either type needs one editor "
            "shift, and only 30 editor shifts are free. An e-book earns $200 and an audio book earns $700. "
            "How many of each should be produced to maximize earnings?")
    toks, spans = hand(text, [("VAR", "e-books"), ("VAR", "audio books"), ("VAR", "e-book"), ("PARAM", "3"),
                              ("VAR", "audio book"), ("PARAM", "8"), ("PARAM", "160"), ("CONST_DIR", "only"),
                              ("LIMIT", "30"), ("VAR", "e-book"), ("PARAM", "200"), ("VAR", "audio book"),
                              ("PARAM", "700"), ("OBJ_DIR", "maximize"), ("OBJ_NAME", "earnings")])
    goal, rows = model_of(toks, spans)
    assert goal == "max 200 * e_books + 700 * audio_books"
    assert "e_books + audio_books <= 30" in rows
    assert "3 * e_books + 8 * audio_books <= 160" in rows


def test_a_plural_in_ies_is_the_same_name() -> None:
    text = ("A county deploys rescue companies and patrol units across its towns. A rescue company covers 5 "
            "towns and a patrol unit covers 3 towns, and at least 60 towns must be covered. A rescue company "
            "costs $8000 per month and a patrol unit costs $3000 per month. There must be at least 4 rescue "
            "companies. How many of each should be deployed to minimize the monthly cost?")
    toks, spans = hand(text, [("VAR", "rescue company"), ("PARAM", "5"), ("VAR", "patrol unit"), ("PARAM", "3"),
                              ("CONST_DIR", "at least"), ("LIMIT", "60"), ("VAR", "rescue company"),
                              ("OBJ_NAME", "costs"), ("PARAM", "8000"), ("VAR", "patrol unit"), ("OBJ_NAME", "costs"),
                              ("PARAM", "3000"), ("CONST_DIR", "at least"), ("LIMIT", "4"),
                              ("OBJ_DIR", "minimize"), ("OBJ_NAME", "cost")])
    goal, rows = model_of(toks, spans)
    # "rescue companies", listed with "patrol units", are decisions, not who decides
    assert goal == "min 8000 * rescue_companies + 3000 * patrol"
    assert "5 * rescue_companies + 3 * patrol >= 60" in rows


def test_an_amount_of_a_measured_thing_is_not_a_count_of_the_decisions() -> None:
    text = ("A chemist blends two syrups. Syrup P contains 20% cane sugar and Syrup Q contains 5% cane sugar. The blend "
            "must be exactly 80 milliliters and contain at least 5 milliliters of cane sugar. Syrup P costs $2 "
            "per milliliter and Syrup Q costs $1 per milliliter. How many milliliters of each syrup should be "
            "used to minimize the cost?")
    toks, spans = hand(text, [("VAR", "Syrup P"), ("PARAM", "20 %"), ("VAR", "Syrup Q"), ("PARAM", "5 %"),
                              ("CONST_DIR", "must be exactly"), ("LIMIT", "80"), ("CONST_DIR", "at least"),
                              ("LIMIT", "5"), ("VAR", "Syrup P"), ("OBJ_NAME", "costs"), ("PARAM", "2"),
                              ("VAR", "Syrup Q"), ("OBJ_NAME", "costs"), ("PARAM", "1"), ("OBJ_DIR", "minimize"),
                              ("OBJ_NAME", "cost")])
    goal, rows = model_of(toks, spans)
    assert goal == "min 2 * syrup_p + syrup_q"
    assert "0.2 * syrup_p + 0.05 * syrup_q >= 5" in rows
    assert "syrup_p + syrup_q == 80" in rows


def test_the_counted_unit_is_not_the_name_and_the_next_clause_has_its_own_subject() -> None:
    text = ("A mill grinds grain from local farms and overseas growers. Each tonne from local farms costs $200 "
            "and needs 3 hours of drying, and each tonne from overseas costs $150 and needs no drying. The "
            "mill must grind at least 400 tonnes this month, overseas can ship at most 250 tonnes, and drying "
            "cannot exceed 900 hours. How many tonnes should come from each source to minimize the cost?")
    toks, spans = hand(text, [("VAR", "tonne from local farms"), ("OBJ_NAME", "costs"), ("PARAM", "200"),
                              ("PARAM", "3"), ("VAR", "overseas"), ("OBJ_NAME", "costs"), ("PARAM", "150"),
                              ("CONST_DIR", "at least"), ("LIMIT", "400"), ("VAR", "overseas"),
                              ("CONST_DIR", "at most"), ("LIMIT", "250"), ("CONST_DIR", "cannot exceed"),
                              ("LIMIT", "900"), ("OBJ_DIR", "minimize"), ("OBJ_NAME", "cost")])
    goal, rows = model_of(toks, spans)
    assert goal == "min 200 * local_farms + 150 * overseas"
    assert "local_farms + overseas >= 400" in rows
    assert "overseas <= 250" in rows

"""Offline modeler: general English readings the fifth fresh development set showed missing (round
dev-v17, helper H) -- an amount to be covered at least cost ("have 900 kg to move", "a room for 240
guests ... so everyone has a seat", "must be able to house all 90 dogs"), what one item "holds up to", a
goal of cheapness as the cost, interest as earnings, sums of money put "into" each of two places, and
"$N of return".

The sentences are written for these tests (not taken from any data set). Tags are given by hand, as the
tagger gives them on such texts. No trained tagger is needed.
"""

from __future__ import annotations

from hand_tags import hand, model_of


# ----------------------------------------------------------- an amount to cover, "holds up to N"
def test_an_amount_to_move_at_least_cost_is_covered_by_what_each_item_holds() -> None:
    text = ("We are clearing an archive: we have 900 kg of documents to move. A crate holds up to 30 kg and "
            "costs $5, a chest holds up to 50 kg and costs $7. We will use no more than 12 chests. How many "
            "crates and chests should we buy to move all the documents as cheaply as possible?")
    toks, spans = hand(text, [("CONST_DIR", "have"), ("LIMIT", "900"), ("VAR", "crate"), ("CONST_DIR", "up to"),
                              ("LIMIT", "30"), ("PARAM", "5"), ("VAR", "chest"), ("CONST_DIR", "up to"),
                              ("LIMIT", "50"), ("PARAM", "7"), ("CONST_DIR", "no more than"), ("LIMIT", "12"),
                              ("VAR", "chests")])
    goal, rows = model_of(toks, spans)
    assert goal == "min 5 * crate + 7 * chest"
    assert "30 * crate + 50 * chest >= 900" in rows
    assert "chest <= 12" in rows
    assert not any(r in rows for r in ("crate <= 30", "chest <= 50"))


def test_an_amount_to_process_under_a_maximum_stays_a_stock() -> None:
    text = ("A mill has 800 kg of grain to process into flour and bran. A bag of flour uses 20 kg of grain and "
            "a bag of bran uses 10 kg of grain. A bag of flour earns $30 and a bag of bran earns $12. How many "
            "bags of each should the mill make to maximize profit?")
    toks, spans = hand(text, [("LIMIT", "800"), ("VAR", "flour"), ("VAR", "bran"), ("VAR", "flour"),
                              ("PARAM", "20"), ("VAR", "bran"), ("PARAM", "10"), ("VAR", "flour"),
                              ("PARAM", "30"), ("VAR", "bran"), ("PARAM", "12"), ("OBJ_DIR", "maximize"),
                              ("OBJ_NAME", "profit")])
    goal, rows = model_of(toks, spans)
    assert "20 * flour + 10 * bran <= 800" in rows


def test_a_room_for_n_guests_so_everyone_has_a_seat_is_covered() -> None:
    text = ("A caterer is furnishing a banquet room for 240 guests. Small tables seat 6 and cost $10 each to "
            "rent. Large tables seat 10 and cost $14 each. The room fits at most 35 tables. How many tables of "
            "each kind should be rented so everyone has a seat and the cost is as low as possible?")
    toks, spans = hand(text, [("LIMIT", "240"), ("VAR", "Small tables"), ("PARAM", "6"), ("PARAM", "10"),
                              ("VAR", "Large tables"), ("PARAM", "10"), ("PARAM", "14"), ("CONST_DIR", "at most"),
                              ("LIMIT", "35"), ("OBJ_NAME", "cost")])
    goal, rows = model_of(toks, spans)
    assert goal == "min 10 * small_tables + 14 * large_tables"
    assert "6 * small_tables + 10 * large_tables >= 240" in rows
    assert "small_tables + large_tables <= 35" in rows


def test_an_amount_said_again_as_all_to_cover_is_one_row() -> None:
    text = ("The shelter is getting ready for a winter season of 90 dogs. A large kennel costs $200 and can "
            "house 6 dogs, and a small kennel costs $120 and can house 4 dogs. Together the kennels must be "
            "able to house all 90 dogs. How many kennels of each size should the shelter buy to minimize the "
            "cost?")
    toks, spans = hand(text, [("LIMIT", "90"), ("VAR", "large kennel"), ("PARAM", "200"), ("PARAM", "6"),
                              ("VAR", "small kennel"), ("PARAM", "120"), ("PARAM", "4"), ("LIMIT", "90"),
                              ("OBJ_DIR", "minimize"), ("OBJ_NAME", "cost")])
    goal, rows = model_of(toks, spans)
    assert goal == "min 200 * large_kennel + 120 * small_kennel"
    assert "6 * large_kennel + 4 * small_kennel >= 90" in rows
    assert len(rows) == 1


# ------------------------------------------------------------------------------ "the cheapest X"
def test_the_cheapest_plan_is_the_least_cost() -> None:
    text = ("A gardener feeds her lawn with pellets and liquid. A sack of pellets gives 8 units of nitrogen and "
            "costs $6. A bottle of liquid gives 5 units of nitrogen and costs $3. The lawn needs at least 40 "
            "units of nitrogen, and she can spend at most $30. What is the cheapest feeding plan?")
    toks, spans = hand(text, [("VAR", "pellets"), ("VAR", "liquid"), ("VAR", "pellets"), ("PARAM", "8"),
                              ("PARAM", "6"), ("VAR", "liquid"), ("PARAM", "5"), ("PARAM", "3"),
                              ("CONST_DIR", "at least"), ("LIMIT", "40"), ("CONST_DIR", "at most"),
                              ("LIMIT", "30")])
    goal, rows = model_of(toks, spans)
    assert goal == "min 6 * pellets + 3 * liquid"
    assert "8 * pellets + 5 * liquid >= 40" in rows
    assert "6 * pellets + 3 * liquid <= 30" in rows


# ------------------------------------------------- interest, money put "into" each, "$N of return"
def test_yearly_interest_is_earnings_and_money_put_into_each_is_a_decision() -> None:
    text = ("Ana has up to $40,000 to put into a savings account paying 3% a year and an index fund paying 7% "
            "a year. She wants at least $8,000 in the savings account. How much should she put into each to "
            "maximize her yearly interest?")
    toks, spans = hand(text, [("CONST_DIR", "up to"), ("LIMIT", "40,000"), ("VAR", "savings account"),
                              ("PARAM", "3%"), ("VAR", "index fund"), ("PARAM", "7%"), ("CONST_DIR", "at least"),
                              ("LIMIT", "8,000"), ("VAR", "savings account"), ("OBJ_DIR", "maximize")])
    goal, rows = model_of(toks, spans)
    assert goal == "max 0.03 * savings_account + 0.07 * index_fund"
    assert "savings_account + index_fund <= 40000" in rows
    assert "savings_account >= 8000" in rows


def test_a_sum_of_return_takes_the_rate_row() -> None:
    text = ("Ben invests $30,000 in a bond paying 5% a year and a stock fund paying 9% a year. He wants at least "
            "$2,000 of return each year, and the stock fund carries a risk score of 3 per dollar against 1 for "
            "the bond. How much should he invest in each to minimize the total risk score?")
    toks, spans = hand(text, [("LIMIT", "30,000"), ("VAR", "bond"), ("PARAM", "5%"), ("VAR", "stock fund"),
                              ("PARAM", "9%"), ("CONST_DIR", "at least"), ("LIMIT", "2,000"),
                              ("VAR", "stock fund"), ("PARAM", "3"), ("PARAM", "1"), ("VAR", "bond"),
                              ("OBJ_DIR", "minimize"), ("OBJ_NAME", "total risk score")])
    goal, rows = model_of(toks, spans)
    assert "0.05 * bond + 0.09 * stock_fund >= 2000" in rows


# ------------------------------------------------------------- "one X for every N Y", then a bound
def test_a_bound_after_a_rate_clause_is_its_own() -> None:
    text = ("A summer camp hires guides and helpers for 200 hikers. A guide costs $90 a day and can lead 10 "
            "hikers; a helper costs $50 a day and can lead 6 hikers. We want at least one guide for every two "
            "helpers, and we need at least 5 guides. How many of each should we hire to minimize the daily "
            "cost?")
    toks, spans = hand(text, [("VAR", "guides"), ("VAR", "helpers"), ("LIMIT", "200"), ("VAR", "guide"),
                              ("PARAM", "90"), ("PARAM", "10"), ("VAR", "helper"), ("PARAM", "50"),
                              ("PARAM", "6"), ("CONST_DIR", "at least"), ("LIMIT", "one"), ("VAR", "guide"),
                              ("VAR", "helpers"), ("CONST_DIR", "at least"), ("LIMIT", "5"), ("VAR", "guides"),
                              ("OBJ_DIR", "minimize"), ("OBJ_NAME", "daily cost")])
    goal, rows = model_of(toks, spans)
    assert "guides >= 5" in rows
    assert not any("1.5 * helpers" in r or "2.5 * helpers" in r for r in rows)


# ---------------------------------------------------------- "every X needs one R" with a stock of R
def test_a_stock_of_what_every_item_needs_one_of_limits_the_items_together() -> None:
    text = ("A bakery boxes cookies in gift boxes. A small box holds 12 cookies and earns $4. A large box holds "
            "30 cookies and earns $9. The bakery has 600 cookies baked and only 40 ribbons, and every box, "
            "small or large, needs one ribbon. How many small and large boxes should it pack to maximize "
            "profit?")
    toks, spans = hand(text, [("VAR", "small box"), ("PARAM", "12"), ("PARAM", "4"), ("VAR", "large box"),
                              ("PARAM", "30"), ("PARAM", "9"), ("LIMIT", "600"), ("PARAM", "40"),
                              ("VAR", "large boxes"), ("OBJ_DIR", "maximize"), ("OBJ_NAME", "profit")])
    goal, rows = model_of(toks, spans)
    assert "12 * small_box + 30 * large_box <= 600" in rows
    assert "small_box + large_box <= 40" in rows


# ---------------------------------------------- "p% of the feed must be protein", "N kg of the feed"
def test_a_share_of_the_mix_that_must_be_an_attribute_is_a_blend_and_the_mix_amount_a_sum() -> None:
    text = ("A breeder blends oats and fish meal into pig feed. Oats are 10% protein and cost $0.20 per kg. "
            "Fish meal is 60% protein and costs $1.10 per kg. She needs 500 kg of feed a week, and at least 20% "
            "of the feed must be protein. How many kilograms of oats and of fish meal should she use to "
            "minimize the cost?")
    toks, spans = hand(text, [("VAR", "oats"), ("VAR", "fish meal"), ("VAR", "pig feed"), ("VAR", "Oats"),
                              ("PARAM", "10%"), ("PARAM", "0.20"), ("VAR", "Fish meal"), ("PARAM", "60%"),
                              ("PARAM", "1.10"), ("CONST_DIR", "needs"), ("LIMIT", "500"),
                              ("CONST_DIR", "at least"), ("LIMIT", "20%"), ("OBJ_DIR", "minimize"),
                              ("OBJ_NAME", "cost")])
    goal, rows = model_of(toks, spans)
    assert goal == "min 0.2 * oats + 1.1 * fish_meal"
    assert "oats + fish_meal >= 500" in rows
    assert "0.1 * oats + 0.6 * fish_meal >= 0.2 * (oats + fish_meal)" in rows


# ------------------------------------------------------------------------- an audience objective
def test_people_reached_take_listeners_and_viewers_alike() -> None:
    text = ("A museum wants to reach as many people as possible. A radio spot costs $300 and reaches 2,000 "
            "listeners. A billboard costs $500 and is seen by 3,500 people. The museum has $9,000 to spend. "
            "How many radio spots and billboards should it buy?")
    toks, spans = hand(text, [("OBJ_DIR", "as many"), ("OBJ_NAME", "people"), ("VAR", "radio spot"),
                              ("PARAM", "300"), ("PARAM", "2,000"), ("VAR", "billboard"), ("PARAM", "500"),
                              ("PARAM", "3,500"), ("CONST_DIR", "has"), ("LIMIT", "9,000"),
                              ("VAR", "radio spots"), ("VAR", "billboards")])
    goal, rows = model_of(toks, spans)
    assert goal in {"max 2000 * radio_spot + 3500 * billboard", "max 3500 * billboard + 2000 * radio_spot"}
    assert "300 * radio_spot + 500 * billboard <= 9000" in rows


# -------------------------------------------------------------------------------- integrality
def _types(toks, spans) -> dict[str, str]:
    from modeler.strategies.offline import read_model

    model, _, _, _, _ = read_model(toks, spans)
    return {k: v["type"] for k, v in model["variables"].items()}


def test_how_many_millilitres_is_a_measure() -> None:
    text = ("A brewer mixes two syrups, Amber and Dark. Each millilitre of Amber has 2 g of sugar and costs 3 "
            "cents. Each millilitre of Dark has 5 g of sugar and costs 2 cents. A keg needs at least 400 g of "
            "sugar. How many millilitres of each syrup should go into a keg to minimize its cost?")
    toks, spans = hand(text, [("VAR", "Amber"), ("VAR", "Dark"), ("VAR", "Amber"), ("PARAM", "2"),
                              ("PARAM", "3"), ("VAR", "Dark"), ("PARAM", "5"), ("PARAM", "2"),
                              ("CONST_DIR", "at least"), ("LIMIT", "400"), ("OBJ_DIR", "minimize"),
                              ("OBJ_NAME", "cost")])
    assert set(_types(toks, spans).values()) == {"continuous"}


def test_money_to_buy_things_leaves_the_things_counted() -> None:
    text = ("A club has forty thousand dollars to buy bikes and helmets for its members. A bike costs $800 and a "
            "helmet costs $50. At least 10 bikes are needed for the computer-timed race, and the number of "
            "helmets should be at least the number of bikes. How many of each should the club buy to get as "
            "many items as possible?")
    toks, spans = hand(text, [("LIMIT", "forty thousand"), ("VAR", "bikes"), ("VAR", "helmets"),
                              ("VAR", "bike"), ("PARAM", "800"), ("VAR", "helmet"), ("PARAM", "50"),
                              ("CONST_DIR", "At least"), ("LIMIT", "10"), ("VAR", "bikes"), ("VAR", "helmets"),
                              ("VAR", "bikes")])
    assert set(_types(toks, spans).values()) == {"integer"}


# ------------------------------------------------------------------- a concentration in the mix
def test_a_concentration_limit_on_the_mix_is_a_weighted_average() -> None:
    text = ("A brewery blends spring water and tap water. Spring water costs $60 per tonne and has 20 mg/L of "
            "calcium; tap water costs $10 per tonne and has 90 mg/L of calcium. The blend may contain at most "
            "50 mg/L of calcium, and at least 30 tonnes are needed. How many tonnes of each should be used to "
            "minimize the cost?")
    toks, spans = hand(text, [("VAR", "spring water"), ("VAR", "tap water"), ("VAR", "Spring water"),
                              ("PARAM", "60"), ("PARAM", "20"), ("VAR", "tap water"), ("PARAM", "10"),
                              ("PARAM", "90"), ("CONST_DIR", "at most"), ("LIMIT", "50"),
                              ("CONST_DIR", "at least"), ("LIMIT", "30"), ("OBJ_DIR", "minimize"),
                              ("OBJ_NAME", "cost")])
    goal, rows = model_of(toks, spans)
    assert "20 * spring_water + 90 * tap_water <= 50 * (spring_water + tap_water)" in rows


# ------------------------------------------------ "exactly $N in A, B and C" is put into all of them
def test_exactly_a_sum_in_a_list_of_places_is_their_total() -> None:
    text = ("A widow will invest exactly $90,000 in a savings account, shares and a property fund. The savings "
            "account returns 3% a year, shares return 7% a year and the property fund returns 5% a year. She "
            "will put at most $30,000 into shares. How much should go into each to maximize her yearly return?")
    toks, spans = hand(text, [("PARAM", "90,000"), ("VAR", "savings account"), ("VAR", "shares"),
                              ("VAR", "property fund"), ("VAR", "savings account"), ("PARAM", "3%"),
                              ("VAR", "shares"), ("PARAM", "7%"), ("VAR", "property fund"), ("PARAM", "5%"),
                              ("CONST_DIR", "at most"), ("LIMIT", "30,000"), ("VAR", "shares"),
                              ("OBJ_DIR", "maximize"), ("OBJ_NAME", "yearly return")])
    goal, rows = model_of(toks, spans)
    assert "savings_account + shares + property_fund == 90000" in rows
    assert "shares <= 30000" in rows


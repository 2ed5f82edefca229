"""Offline modeler: general English readings the fourth fresh development set showed missing (round
dev-v16, helper E) -- limits put on the right row ("at least 3 kg of X", "earns at least $N", "56 cleaner
shifts", "buys N", "Only N ... are possible", a range on one resource, a subject in the unit the question
counts), comparisons without a multiplier, a share of the total blend, "in it", one bound word over a list of
amounts, "as cheaply as possible", and integrality decided from what the question counts.

The sentences are written for these tests (not taken from any data set). Tags are given by hand, as the
tagger gives them on such texts. No trained tagger is needed.
"""

from __future__ import annotations

from hand_tags import hand, model_of, word_list

from modeler.strategies.offline.words import goal_frame


def _types(toks, spans) -> dict[str, str]:  # noqa: ANN001
    from modeler.strategies.offline import read_model

    model, _, _, _, _ = read_model(toks, spans)
    return {n: v["type"] for n, v in model["variables"].items()}


# ---------------------------------------------------------------------------- "as cheaply as possible"
def test_as_cheaply_as_possible_is_a_minimum() -> None:
    words = word_list("Which mix feeds the flock as cheaply as possible?")
    frame = goal_frame(words)
    assert frame is not None and frame[0] == "min"


def test_as_cheaply_as_possible_minimizes_the_cost() -> None:
    text = ("A gardener needs at least 40 kg of nitrogen and at least 12 kg of potash, bought as pellets or "
            "as powder. A sack of pellets has 10 kg of nitrogen and 2 kg of potash and costs $9. A sack of "
            "powder has 4 kg of nitrogen and 3 kg of potash and costs $5. How many sacks of each should be "
            "bought to feed the lawn as cheaply as possible?")
    toks, spans = hand(text, [("CONST_DIR", "at least"), ("LIMIT", "40"), ("CONST_DIR", "at least"),
                              ("LIMIT", "12"), ("VAR", "pellets"), ("VAR", "powder"), ("VAR", "pellets"),
                              ("PARAM", "10"), ("PARAM", "2"), ("PARAM", "9"), ("VAR", "powder"),
                              ("PARAM", "4"), ("PARAM", "3"), ("PARAM", "5")])
    goal, rows = model_of(toks, spans)
    assert goal == "min 9 * pellets + 5 * powder"
    assert "10 * pellets + 4 * powder >= 40" in rows
    assert "2 * pellets + 3 * powder >= 12" in rows


# --------------------------------------------------------------------- "Only N ... are possible"
def test_only_n_at_a_sentence_start_is_a_most_though_untagged() -> None:
    text = ("A caterer delivers meals by bike and by car. A bike run carries 6 meals and costs $8; a car run "
            "carries 20 meals and costs $30. At least 200 meals must be delivered. Only 5 car runs are "
            "possible tonight. How many runs of each kind minimize the cost?")
    toks, spans = hand(text, [("VAR", "bike"), ("VAR", "car"), ("VAR", "bike run"), ("PARAM", "6"),
                              ("PARAM", "8"), ("VAR", "car run"), ("PARAM", "20"), ("PARAM", "30"),
                              ("CONST_DIR", "At least"), ("LIMIT", "200"), ("VAR", "car"),
                              ("OBJ_DIR", "minimize"), ("OBJ_NAME", "cost")])
    goal, rows = model_of(toks, spans)
    assert goal == "min 8 * bike + 30 * car"
    assert "car <= 5" in rows


# ------------------------------------------------------------------------------- "buys N of R"
def test_what_the_maker_buys_is_a_stock() -> None:
    text = ("A potter makes mugs and bowls. A mug takes 1 hour and 2 pounds of clay and earns $15; a bowl "
            "takes 2 hours and 5 pounds of clay and earns $32. She works at most 60 hours a month. Each month "
            "she buys 150 pounds of clay. How many of each should she make to earn the most?")
    toks, spans = hand(text, [("VAR", "mugs"), ("VAR", "bowls"), ("VAR", "mug"), ("PARAM", "1"),
                              ("PARAM", "2"), ("PARAM", "15"), ("VAR", "bowl"), ("PARAM", "2"), ("PARAM", "5"),
                              ("PARAM", "32"), ("CONST_DIR", "at most"), ("LIMIT", "60"), ("PARAM", "150"),
                              ("OBJ_NAME", "earn")])
    goal, rows = model_of(toks, spans)
    assert goal == "max 15 * mugs + 32 * bowls"
    assert "2 * mugs + 5 * bowls <= 150" in rows
    assert "mugs + 2 * bowls <= 60" in rows


# --------------------------------------------------------------- "at least 3 kg of X" bounds X
def test_a_measure_of_one_variable_bounds_it() -> None:
    text = ("A stable mixes oats, hay and carrots for its horses, measured in kilograms. Oats cost $3 per kg "
            "and give 900 g of fibre per kg; hay costs $1 per kg and gives 400 g of fibre per kg; carrots "
            "cost $2 per kg and give 100 g of fibre per kg. Each horse needs at least 5,000 g of fibre, and "
            "the groom wants at least 2 kg of carrots in the feed, and the oats may not exceed 4 kg. Minimize "
            "the cost of the feed.")
    toks, spans = hand(text, [("VAR", "oats"), ("VAR", "hay"), ("VAR", "carrots"), ("VAR", "Oats"),
                              ("PARAM", "3"), ("PARAM", "900"), ("VAR", "hay"), ("PARAM", "1"), ("PARAM", "400"),
                              ("VAR", "carrots"), ("PARAM", "2"), ("PARAM", "100"), ("CONST_DIR", "at least"),
                              ("LIMIT", "5,000"), ("CONST_DIR", "at least"), ("LIMIT", "2"), ("VAR", "carrots"),
                              ("VAR", "oats"), ("CONST_DIR", "may not exceed"), ("LIMIT", "4"),
                              ("OBJ_DIR", "Minimize"), ("OBJ_NAME", "cost")])
    goal, rows = model_of(toks, spans)
    assert goal == "min 3 * oats + hay + 2 * carrots"
    assert "carrots >= 2" in rows
    assert "oats <= 4" in rows
    assert "900 * oats + 400 * hay + 100 * carrots >= 5000" in rows


# ------------------------------------------------------------ "earns at least $N": the return row
def test_money_earned_is_the_return_row_not_the_amounts() -> None:
    text = ("A teacher wants to put money into a savings account and an index fund so that he earns at "
            "least $1,200 a year. The savings account pays 3% and has a risk score of 1 per dollar; the "
            "index fund pays 8% and has a risk score of 5 per dollar. He has $30,000 available. How much "
            "should he invest in each to keep the total risk score as small as possible?")
    toks, spans = hand(text, [("VAR", "savings account"), ("VAR", "index fund"), ("CONST_DIR", "at least"),
                              ("LIMIT", "1,200"), ("VAR", "savings account"), ("PARAM", "3%"), ("PARAM", "1"),
                              ("VAR", "index fund"), ("PARAM", "8%"), ("PARAM", "5"), ("LIMIT", "30,000"),
                              ("CONST_DIR", "available"), ("OBJ_NAME", "total risk score")])
    goal, rows = model_of(toks, spans)
    assert goal == "min savings_account + 5 * index_fund"
    assert "0.03 * savings_account + 0.08 * index_fund >= 1200" in rows
    assert "savings_account + index_fund <= 30000" in rows


def test_money_that_must_stay_in_one_place_bounds_it() -> None:
    text = ("An heir wants to maximize the yearly interest he earns. He has $90,000 to invest and will split it "
            "between gold paying 6% and a cash account paying 2%. At least $15,000 must stay in the cash "
            "account, and the gold may get at most 70% of the total. How much goes into each?")
    toks, spans = hand(text, [("OBJ_DIR", "maximize"), ("OBJ_NAME", "yearly interest"), ("LIMIT", "90,000"),
                              ("VAR", "gold"), ("PARAM", "6%"), ("VAR", "cash account"), ("PARAM", "2%"),
                              ("CONST_DIR", "At least"), ("LIMIT", "15,000"), ("VAR", "cash account"),
                              ("VAR", "gold"), ("CONST_DIR", "at most"), ("LIMIT", "70%")])
    _, rows = model_of(toks, spans)
    assert "cash_account >= 15000" in rows


# ------------------------------------------------------------------ "56 cleaner shifts": the head noun
def test_a_limit_s_unit_is_its_head_noun() -> None:
    text = ("A hotel needs at least 40 cleaner shifts covered each week. Senior cleaners work 5 shifts a week "
            "for $500 and junior cleaners work 2 shifts a week for $180. How many senior and junior cleaners "
            "should be hired to pay as little as possible?")
    toks, spans = hand(text, [("CONST_DIR", "at least"), ("LIMIT", "40"), ("VAR", "Senior cleaners"),
                              ("PARAM", "5"), ("PARAM", "500"), ("VAR", "junior cleaners"), ("PARAM", "2"),
                              ("PARAM", "180"), ("VAR", "junior cleaners")])
    _, rows = model_of(toks, spans)
    # (a cleaner shift is no count of cleaners)
    assert "5 * senior_cleaners + 2 * junior_cleaners >= 40" in rows


# ----------------------------------------------------------- a range on one resource: two limits
def test_one_group_takes_a_minimum_and_a_maximum() -> None:
    text = ("A vet mixes a tonic from two syrups. Each ml of syrup X holds 0.4 mg of iron and 0.1 mg of zinc; "
            "each ml of syrup Y holds 0.2 mg of iron and 0.3 mg of zinc. A dose must hold at least 8 mg of "
            "iron and at least 6 mg of zinc, but no more than 9 mg of zinc. Syrup X costs $0.05 per ml and "
            "syrup Y $0.03 per ml. How many ml of each syrup minimize the cost?")
    toks, spans = hand(text, [("VAR", "syrup X"), ("PARAM", "0.4"), ("PARAM", "0.1"), ("VAR", "syrup Y"),
                              ("PARAM", "0.2"), ("PARAM", "0.3"), ("CONST_DIR", "at least"), ("LIMIT", "8"),
                              ("CONST_DIR", "at least"), ("LIMIT", "6"), ("CONST_DIR", "no more than"),
                              ("LIMIT", "9"), ("VAR", "Syrup X"), ("PARAM", "0.05"), ("VAR", "syrup Y"),
                              ("PARAM", "0.03"), ("OBJ_DIR", "minimize"), ("OBJ_NAME", "cost")])
    _, rows = model_of(toks, spans)
    assert "0.1 * syrup_x + 0.3 * syrup_y >= 6" in rows
    assert "0.1 * syrup_x + 0.3 * syrup_y <= 9" in rows
    assert "0.4 * syrup_x + 0.2 * syrup_y >= 8" in rows


# ---------------------------------------------------- "the number of A at least the number of B"
def test_the_number_of_a_at_least_the_number_of_b() -> None:
    text = ("A club rents kayaks at $30 and canoes at $45. A kayak takes 1 hour of checks and a canoe 2 hours, "
            "and 40 hours are available. The number of kayaks should be at least the number of canoes. How "
            "many of each should be rented to maximize income?")
    toks, spans = hand(text, [("VAR", "kayaks"), ("PARAM", "30"), ("VAR", "canoes"), ("PARAM", "45"),
                              ("VAR", "kayak"), ("PARAM", "1"), ("VAR", "canoe"), ("PARAM", "2"), ("LIMIT", "40"),
                              ("VAR", "kayaks"), ("CONST_DIR", "at least"), ("VAR", "canoes"),
                              ("OBJ_DIR", "maximize"), ("OBJ_NAME", "income")])
    _, rows = model_of(toks, spans)
    assert "kayaks >= canoes" in rows


# ------------------------------------------------------------------ a share of the whole blend
def test_a_share_of_the_total_blend_is_a_blend_row() -> None:
    text = ("A mill buys wheat from two farms. Wheat from farm North costs $200 per tonne and has 4% "
            "moisture, and wheat from farm South costs $170 per tonne and has 9% moisture. The mill needs at "
            "least 600 tonnes, and the moisture in the wheat must not exceed 6 percent of the total tonnage. "
            "How many tonnes should be bought from each farm to keep the cost as low as possible?")
    toks, spans = hand(text, [("VAR", "farm North"), ("PARAM", "200"), ("PARAM", "4%"), ("VAR", "farm South"),
                              ("PARAM", "170"), ("PARAM", "9%"), ("CONST_DIR", "at least"), ("LIMIT", "600"),
                              ("CONST_DIR", "must not exceed"), ("LIMIT", "6 percent")])
    goal, rows = model_of(toks, spans)
    assert goal == "min 200 * farm_north + 170 * farm_south"
    assert "0.04 * farm_north + 0.09 * farm_south <= 0.06 * (farm_north + farm_south)" in rows
    # the demand in the unit the question counts is the sum, not the moisture row
    assert "farm_north + farm_south >= 600" in rows


# ------------------------------------------------------------------------------------ "in it"
def test_a_share_put_in_it_is_the_share_of_the_one_just_named() -> None:
    text = ("Tom has $40,000 to invest in a tech fund, a water fund and a road fund, returning 9%, 5% and 4% "
            "a year, respectively. Because the tech fund is volatile, he will put at most 30 percent of his "
            "money in it, and he wants at least as much in the water fund as in the road fund. How much "
            "should he invest in each to maximize his return?")
    toks, spans = hand(text, [("LIMIT", "40,000"), ("VAR", "tech fund"), ("VAR", "water fund"),
                              ("VAR", "road fund"), ("PARAM", "9%"), ("PARAM", "5%"), ("PARAM", "4%"),
                              ("VAR", "tech fund"), ("CONST_DIR", "at most"), ("LIMIT", "30 percent"),
                              ("CONST_DIR", "at least"), ("VAR", "water fund"), ("VAR", "road fund"),
                              ("OBJ_DIR", "maximize"), ("OBJ_NAME", "return")])
    _, rows = model_of(toks, spans)
    assert "tech_fund <= 0.3 * (tech_fund + water_fund + road_fund)" in rows


# ------------------------------------------------------------ one "at least" over a list of amounts
def test_one_bound_word_governs_a_list_of_amounts() -> None:
    text = ("A hiker packs nuts and dried fruit. A bag of nuts gives 600 calories and 20 grams of protein and "
            "costs $2; a bag of fruit gives 300 calories and 4 grams of protein and costs $1. Each day she "
            "needs at least 3,000 calories and 70 grams of protein. How many bags of each minimize the cost?")
    toks, spans = hand(text, [("VAR", "nuts"), ("VAR", "dried fruit"), ("VAR", "nuts"), ("PARAM", "600"),
                              ("PARAM", "20"), ("PARAM", "2"), ("VAR", "fruit"), ("PARAM", "300"), ("PARAM", "4"),
                              ("PARAM", "1"), ("CONST_DIR", "at least"), ("LIMIT", "3,000"), ("VAR", "calories"),
                              ("PARAM", "70"),
                              ("OBJ_DIR", "minimize"), ("OBJ_NAME", "cost")])
    _, rows = model_of(toks, spans)
    assert "20 * nuts + 4 * dried_fruit >= 70" in rows
    assert "600 * nuts + 300 * dried_fruit >= 3000" in rows


# ------------------------------------------- a subject's limit in the unit the question counts
def test_a_subject_s_hours_bound_it_when_the_question_counts_hours() -> None:
    text = ("A bakery has two ovens. Running the brick oven for an hour costs $40 and bakes 60 loaves; "
            "running the steel oven for an hour costs $25 and bakes 35 loaves. At least 840 loaves must be "
            "baked, and the steel oven can run at most 16 hours. How many hours should each oven run to "
            "keep the cost as low as possible?")
    toks, spans = hand(text, [("VAR", "brick oven"), ("PARAM", "40"), ("PARAM", "60"), ("VAR", "steel oven"),
                              ("PARAM", "25"), ("PARAM", "35"), ("CONST_DIR", "At least"), ("LIMIT", "840"),
                              ("VAR", "steel oven"), ("CONST_DIR", "at most"), ("LIMIT", "16")])
    goal, rows = model_of(toks, spans)
    assert goal == "min 40 * brick_oven + 25 * steel_oven"
    assert "steel_oven <= 16" in rows
    assert "60 * brick_oven + 35 * steel_oven >= 840" in rows
    # hours are measured: continuous
    assert set(_types(toks, spans).values()) == {"continuous"}


# ------------------------------------------------------------------------------------ integrality
def test_a_price_per_item_is_no_measure_of_the_item() -> None:
    text = ("A shop sells lamps and clocks. A lamp needs 2 hours of work and a clock needs 3 hours, and 60 "
            "hours are available. Profits are $12 per lamp and $20 per clock. How many of each should be "
            "made to maximize profit?")
    toks, spans = hand(text, [("VAR", "lamps"), ("VAR", "clocks"), ("VAR", "lamp"), ("PARAM", "2"),
                              ("VAR", "clock"), ("PARAM", "3"), ("LIMIT", "60"), ("PARAM", "12"), ("VAR", "lamp"),
                              ("PARAM", "20"), ("VAR", "clock"), ("OBJ_DIR", "maximize"), ("OBJ_NAME", "profit")])
    assert _types(toks, spans) == {"lamps": "integer", "clocks": "integer"}


def test_money_spent_on_things_priced_by_the_piece_buys_counts() -> None:
    text = ("A gym has $6,000 to spend on rowing machines and bikes. A rowing machine costs $900 and a bike "
            "costs $500. The number of bikes must be at least 2 times the number of rowing machines. "
            "Maximize the number of machines.")
    toks, spans = hand(text, [("LIMIT", "6,000"), ("VAR", "rowing machines"), ("VAR", "bikes"),
                              ("VAR", "rowing machine"), ("PARAM", "900"), ("VAR", "bike"), ("PARAM", "500"),
                              ("VAR", "bikes"), ("PARAM", "2"), ("VAR", "rowing machines"),
                              ("OBJ_DIR", "Maximize")])
    assert set(_types(toks, spans).values()) == {"integer"}


# ------------------------------------------------ "the blend must average at least p% X"
def test_a_blend_that_must_average_a_share_is_a_blend_row() -> None:
    text = ("A foundry needs exactly 2,000 tonnes of scrap this month and buys it from two dealers. Scrap "
            "from Oak dealer contains 30% copper and costs $400 per tonne; scrap from Elm dealer contains 20% "
            "copper and costs $250 per tonne. The mix must average at least 24% copper, and Elm can sell no "
            "more than 1,500 tonnes. How many tonnes should be bought from each dealer to minimize the cost?")
    toks, spans = hand(text, [("CONST_DIR", "exactly"), ("LIMIT", "2,000"), ("VAR", "Scrap from Oak dealer"),
                              ("PARAM", "30%"), ("PARAM", "400"), ("VAR", "scrap from Elm dealer"), ("PARAM", "20%"),
                              ("PARAM", "250"), ("CONST_DIR", "at least"), ("LIMIT", "24%"),
                              ("CONST_DIR", "no more than"), ("LIMIT", "1,500"), ("OBJ_DIR", "minimize"),
                              ("OBJ_NAME", "cost")])
    goal, rows = model_of(toks, spans)
    assert goal == "min 400 * scrap_from_oak_dealer + 250 * scrap_from_elm_dealer"
    assert ("0.3 * scrap_from_oak_dealer + 0.2 * scrap_from_elm_dealer >= 0.24 * (scrap_from_oak_dealer + "
            "scrap_from_elm_dealer)") in rows
    # "2,000 tonnes of scrap", the scrap every dealer sells: all of it
    assert "scrap_from_oak_dealer + scrap_from_elm_dealer == 2000" in rows
    # "Elm can sell no more than 1,500 tonnes": the one a word of its name names
    assert "scrap_from_elm_dealer <= 1500" in rows

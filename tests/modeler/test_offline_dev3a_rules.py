"""Offline modeler: general English readings the third fresh development set showed missing (round
dev-v14, helper A) -- goals stated without maximize / minimize ("as much profit as possible", "keep the
cost as low as possible"), spelt-out amounts ("fifty thousand dollars", "six hours"), limit wordings read
the wrong way ("neither ... more than", "limits X to N", "caps X at N", "an allowance ... must not be
exceeded", "N jobs have to be processed"), "a quarter of", and a limit in hours against rows in minutes.

The sentences are written for these tests (not taken from any data set). Tags are given by hand, as the
tagger gives them on such texts. No trained tagger is needed.
"""

from __future__ import annotations

from hand_tags import hand, model_of, word_list

from modeler.strategies.offline.words import direction, goal_frame, unit_scale


# ----------------------------------------------------------------------- goals without maximize
def test_goal_frames_give_sense_and_name() -> None:
    words = word_list("How many pies should be baked to earn as much money as possible?")
    sense, a, b = goal_frame(words)
    assert (sense, words[a:b]) == ("max", ["money"])
    words = word_list("How many vans should be hired to keep the fuel used as low as possible?")
    sense, a, b = goal_frame(words)
    assert (sense, words[a:b]) == ("min", ["the", "fuel", "used"])
    words = word_list("How should she split her time so that her savings are as large as possible?")
    sense, a, b = goal_frame(words)
    assert (sense, words[a:b]) == ("max", ["her", "savings"])
    words = word_list("How many tins should he buy to keep the bill, in pence, as small as possible?")
    sense, a, b = goal_frame(words)
    assert (sense, words[a:b]) == ("min", ["the", "bill"])
    words = word_list("How many of each should be ordered to keep the outlay low?")
    sense, a, b = goal_frame(words)
    assert (sense, words[a:b]) == ("min", ["the", "outlay"])
    assert goal_frame(word_list("At least as many mugs as plates must be made.")) is None


_POTTER = ("A potter makes jugs and vases. A jug takes 2 hours of kiln time and a vase takes 3 hours, and "
           "the kiln can run at most 60 hours. A jug earns a profit of $25 and a vase $40. ")
_POTTER_TAGS = [("VAR", "jugs"), ("VAR", "vases"), ("VAR", "jug"), ("PARAM", "2"), ("VAR", "vase"),
                ("PARAM", "3"), ("CONST_DIR", "at most"), ("LIMIT", "60"), ("VAR", "jug"),
                ("OBJ_NAME", "profit"), ("PARAM", "25"), ("VAR", "vase"), ("PARAM", "40")]


def test_as_much_profit_as_possible_is_a_maximum_of_the_profit() -> None:
    text = _POTTER + "How many of each should be made to earn as much profit as possible?"
    toks, spans = hand(text, _POTTER_TAGS)
    goal, rows = model_of(toks, spans)
    assert goal == "max 25 * jugs + 40 * vases"
    assert "2 * jugs + 3 * vases <= 60" in rows


def test_keep_the_cost_as_low_as_possible_is_a_minimum_of_the_cost() -> None:
    text = ("A caterer serves soup and salad. A bowl of soup costs $3 and gives 300 calories, and a salad "
            "costs $5 and gives 200 calories. The guests need at least 9000 calories. How many of each "
            "should be served to keep the cost as low as possible?")
    toks, spans = hand(text, [("VAR", "soup"), ("VAR", "salad"), ("VAR", "soup"), ("OBJ_NAME", "costs"),
                              ("PARAM", "3"), ("PARAM", "300"), ("VAR", "salad"), ("PARAM", "5"),
                              ("PARAM", "200"), ("CONST_DIR", "at least"), ("LIMIT", "9000"),
                              ("OBJ_NAME", "cost")])
    goal, rows = model_of(toks, spans)
    assert goal == "min 3 * soup + 5 * salad"
    assert "300 * soup + 200 * salad >= 9000" in rows


def test_as_many_of_the_decisions_as_possible_counts_them() -> None:
    text = _POTTER.replace(" A jug earns a profit of $25 and a vase $40. ", " ") + (
        "How many should be made to fire as many jugs and vases as possible?")
    toks, spans = hand(text, _POTTER_TAGS[:8] + [("VAR", "jugs"), ("VAR", "vases")])
    goal, _ = model_of(toks, spans)
    assert goal == "max jugs + vases"


# ------------------------------------------------------------------------------ spelt-out amounts
def test_a_spelt_out_budget_and_hours_are_limits() -> None:
    text = ("A studio records podcasts and audiobooks. A podcast needs 3 hours of studio time and costs "
            "$200, and an audiobook needs 20 hours and costs $900. The studio is open sixty hours a week "
            "and the budget is nine thousand dollars. A podcast earns $500 and an audiobook $2500. How "
            "many of each should be recorded to maximize earnings?")
    toks, spans = hand(text, [("VAR", "podcasts"), ("VAR", "audiobooks"), ("VAR", "podcast"), ("PARAM", "3"),
                              ("PARAM", "200"), ("VAR", "audiobook"), ("PARAM", "20"), ("PARAM", "900"),
                              ("CONST_DIR", "budget"), ("VAR", "podcast"), ("PARAM", "500"),
                              ("VAR", "audiobook"), ("PARAM", "2500"), ("OBJ_DIR", "maximize"),
                              ("OBJ_NAME", "earnings")])
    goal, rows = model_of(toks, spans)
    assert goal == "max 500 * podcasts + 2500 * audiobooks"
    assert "3 * podcasts + 20 * audiobooks <= 60" in rows
    assert "200 * podcasts + 900 * audiobooks <= 9000" in rows


def test_one_hour_in_a_list_of_amounts_is_a_coefficient() -> None:
    text = ("A smithy forges hooks and gates. A hook takes 2 kilograms of iron and one hour of forge time; "
            "a gate takes 30 kilograms of iron and six hours of forge time. Only 600 kilograms of iron and "
            "80 forge hours are available. A hook earns $15 and a gate $200. How many of each should be "
            "forged to maximize profit?")
    toks, spans = hand(text, [("VAR", "hooks"), ("VAR", "gates"), ("VAR", "hook"), ("PARAM", "2"),
                              ("VAR", "gate"), ("PARAM", "30"), ("CONST_DIR", "Only"), ("LIMIT", "600"),
                              ("LIMIT", "80"), ("CONST_DIR", "available"), ("VAR", "hook"), ("PARAM", "15"),
                              ("VAR", "gate"), ("PARAM", "200"), ("OBJ_DIR", "maximize"),
                              ("OBJ_NAME", "profit")])
    goal, rows = model_of(toks, spans)
    assert "2 * hooks + 30 * gates <= 600" in rows
    assert "hooks + 6 * gates <= 80" in rows


# -------------------------------------------------------------------------- limit directions
def test_limit_wordings_read_the_right_way() -> None:
    assert direction("neither oven can bake more than") == "<="
    assert direction("must not be exceeded") == "<="


def test_neither_bounds_each_variable_from_above() -> None:
    text = ("A farm hires a tractor and a harvester. An hour of the tractor ploughs 2 hectares and costs "
            "$60; an hour of the harvester ploughs 3 hectares and costs $110. At least 48 hectares must be "
            "ploughed. Neither machine can work more than 14 hours. How many hours should each machine "
            "work to minimize cost?")
    toks, spans = hand(text, [("VAR", "tractor"), ("VAR", "harvester"), ("VAR", "tractor"), ("PARAM", "2"),
                              ("OBJ_NAME", "costs"), ("PARAM", "60"), ("VAR", "harvester"), ("PARAM", "3"),
                              ("OBJ_NAME", "costs"), ("PARAM", "110"), ("CONST_DIR", "At least"),
                              ("LIMIT", "48"), ("CONST_DIR", "more than"), ("LIMIT", "14"),
                              ("OBJ_DIR", "minimize"), ("OBJ_NAME", "cost")])
    _, rows = model_of(toks, spans)
    assert "tractor <= 14" in rows and "harvester <= 14" in rows
    assert "2 * tractor + 3 * harvester >= 48" in rows


def test_limits_to_and_caps_at_are_mosts() -> None:
    text = ("A theatre sells balcony seats and stall seats. A balcony seat earns $40 and a stall seat $25. At "
            "least 100 stall seats must be sold, and the fire code caps the balcony seats at 80. How "
            "many of each should be sold to maximize revenue?")
    toks, spans = hand(text, [("VAR", "balcony seats"), ("VAR", "stall seats"), ("VAR", "balcony seat"),
                              ("PARAM", "40"), ("VAR", "stall seat"), ("PARAM", "25"), ("CONST_DIR", "At least"),
                              ("LIMIT", "100"), ("VAR", "stall seats"), ("VAR", "balcony seats"),
                              ("LIMIT", "80"), ("OBJ_DIR", "maximize"), ("OBJ_NAME", "revenue")])
    _, rows = model_of(toks, spans)
    assert "balcony_seats <= 80" in rows
    text2 = text.replace("the fire code caps the balcony seats at 80", "the floor plan limits the balcony seats to 80")
    toks, spans = hand(text2, [("VAR", "balcony seats"), ("VAR", "stall seats"), ("VAR", "balcony seat"),
                               ("PARAM", "40"), ("VAR", "stall seat"), ("PARAM", "25"), ("CONST_DIR", "At least"),
                               ("LIMIT", "100"), ("VAR", "stall seats"), ("VAR", "balcony seats"),
                               ("LIMIT", "80"), ("OBJ_DIR", "maximize"), ("OBJ_NAME", "revenue")])
    _, rows = model_of(toks, spans)
    assert "balcony_seats <= 80" in rows


def test_an_amount_that_has_to_be_processed_is_a_least() -> None:
    text = ("A laundry runs washers and dryers. A washer costs $3 per hour and cleans 8 kilograms per hour; "
            "a dryer costs $2 per hour and cleans 5 kilograms per hour. To limit noise, the dryers run at "
            "most 10 hours. This week 400 kilograms have to be processed. How many hours should each run "
            "to minimize cost?")
    toks, spans = hand(text, [("VAR", "washers"), ("VAR", "dryers"), ("VAR", "washer"), ("OBJ_NAME", "costs"),
                              ("PARAM", "3"), ("PARAM", "8"), ("VAR", "dryer"), ("OBJ_NAME", "costs"),
                              ("PARAM", "2"), ("PARAM", "5"), ("CONST_DIR", "limit"), ("VAR", "dryers"),
                              ("CONST_DIR", "at most"), ("LIMIT", "10"), ("LIMIT", "400"),
                              ("OBJ_DIR", "minimize"), ("OBJ_NAME", "cost")])
    _, rows = model_of(toks, spans)
    assert "8 * washers + 5 * dryers >= 400" in rows


def test_an_allowance_that_must_not_be_exceeded_and_only_n_drivers() -> None:
    text = ("A quarry hires large dumpers and small dumpers. A large dumper hauls 40 tonnes a day and rents "
            "for $500, a small dumper hauls 25 tonnes a day and rents for $350. At least 900 tonnes a day "
            "must be hauled. There are only 12 drivers licensed for the large dumpers. A large dumper burns "
            "200 litres of diesel a day and a small one 80 litres, and the diesel allowance of 5000 litres a "
            "day must not be exceeded. How many of each should be hired to minimize the rent?")
    toks, spans = hand(text, [("VAR", "large dumpers"), ("VAR", "small dumpers"), ("VAR", "large dumper"),
                              ("PARAM", "40"), ("PARAM", "500"), ("VAR", "small dumper"), ("PARAM", "25"),
                              ("PARAM", "350"), ("CONST_DIR", "At least"), ("LIMIT", "900"), ("PARAM", "12"),
                              ("VAR", "large dumpers"), ("VAR", "large dumper"), ("LIMIT", "200"),
                              ("LIMIT", "80"), ("LIMIT", "5000"), ("OBJ_DIR", "minimize"), ("OBJ_NAME", "rent")])
    _, rows = model_of(toks, spans)
    assert "large_dumpers <= 12" in rows
    assert "200 * large_dumpers + 80 * small_dumpers <= 5000" in rows


# ------------------------------------------------------------------------------------ shares
def test_a_quarter_of_after_a_bound_is_a_share() -> None:
    text = ("A school buys laptops and tablets. A laptop costs $600 and a tablet costs $300, and the school "
            "may spend at most $30000. At least a quarter of the devices must be laptops. How many of each "
            "should be bought to maximize the number of devices?")
    toks, spans = hand(text, [("VAR", "laptops"), ("VAR", "tablets"), ("VAR", "laptop"), ("PARAM", "600"),
                              ("VAR", "tablet"), ("PARAM", "300"), ("CONST_DIR", "at most"), ("LIMIT", "30000"),
                              ("CONST_DIR", "At least"), ("VAR", "laptops"), ("OBJ_DIR", "maximize")])
    _, rows = model_of(toks, spans)
    assert "laptops >= 0.25 * (laptops + tablets)" in rows


def test_a_share_of_the_money_is_no_comparison_with_the_next_clause() -> None:
    text = ("Omar has 20000 dollars and will invest all of it in shares and gold. Shares return 6 percent "
            "and gold 3 percent. No more than 70 percent of the money may go into shares, and he wants at "
            "least $4000 in gold. How much should he invest in each to maximize the return?")
    toks, spans = hand(text, [("LIMIT", "20000"), ("VAR", "shares"), ("VAR", "gold"), ("VAR", "Shares"),
                              ("OBJ_NAME", "return"), ("PARAM", "6"), ("VAR", "gold"), ("PARAM", "3"),
                              ("CONST_DIR", "No more than"), ("LIMIT", "70"), ("VAR", "shares"),
                              ("CONST_DIR", "at least"), ("LIMIT", "4000"), ("VAR", "gold"),
                              ("OBJ_DIR", "maximize"), ("OBJ_NAME", "return")])
    _, rows = model_of(toks, spans)
    assert "shares <= 0.7 * (shares + gold)" in rows
    assert "gold >= 4000" in rows
    assert "shares + gold == 20000" in rows


# ------------------------------------------------------------------------------------- units
def test_unit_scale() -> None:
    assert unit_scale("HOUR", {"MINUTE", "oven"}) == 60
    assert unit_scale("kilogram", {"gram", "flour"}) == 1000
    assert unit_scale("HOUR", {"HOUR", "MINUTE"}) == 1
    assert unit_scale("kilogram", {"flour"}) == 1


def test_hours_against_minutes_and_a_worker_s_day() -> None:
    text = ("A bike shop repairs and services bicycles. A repair takes 45 minutes of bench time and a "
            "service 30 minutes, and the bench is available for 40 hours a week. Each repair also needs 15 "
            "minutes of the mechanic's time, and the mechanic works five hours a week. A repair earns $50 "
            "and a service $30. How many of each should be done to maximize profit?")
    toks, spans = hand(text, [("VAR", "repairs"), ("VAR", "services"), ("VAR", "repair"), ("PARAM", "45"),
                              ("VAR", "service"), ("PARAM", "30"), ("CONST_DIR", "available"), ("LIMIT", "40"),
                              ("VAR", "repair"), ("PARAM", "15"), ("VAR", "repair"), ("PARAM", "50"),
                              ("VAR", "service"), ("PARAM", "30"), ("OBJ_DIR", "maximize"),
                              ("OBJ_NAME", "profit")])
    _, rows = model_of(toks, spans)
    assert "45 * repairs + 30 * services <= 2400" in rows
    assert "15 * repairs <= 300" in rows


# ------------------------------------------------------------------------ rows and their limits
def test_a_tank_for_days_joins_the_tank_days_row() -> None:
    text = ("A winery makes red, white and rose wine in lots. A lot of red uses 30 kg of grapes and occupies "
            "a cellar vat for 20 days. A lot of white uses 25 kg of grapes and needs 12 vat-days, and a lot "
            "of rose uses 20 kg of grapes and needs 8 vat-days. The winery has 900 kg of grapes and 400 "
            "vat-days. A lot of red earns $500, white $400 and rose $300. How many lots of each should be "
            "made to maximize profit?")
    toks, spans = hand(text, [("VAR", "red"), ("VAR", "white"), ("VAR", "rose"), ("VAR", "red"), ("PARAM", "30"),
                              ("PARAM", "20"), ("VAR", "white"), ("PARAM", "25"), ("PARAM", "12"), ("VAR", "rose"),
                              ("PARAM", "20"), ("PARAM", "8"), ("CONST_DIR", "has"), ("LIMIT", "900"),
                              ("LIMIT", "400"), ("VAR", "red"), ("PARAM", "500"), ("VAR", "white"),
                              ("PARAM", "400"), ("VAR", "rose"), ("PARAM", "300"), ("OBJ_DIR", "maximize"),
                              ("OBJ_NAME", "profit")])
    _, rows = model_of(toks, spans)
    assert "20 * red + 12 * white + 8 * rose <= 400" in rows


def test_what_a_resource_can_take_is_its_own_row() -> None:
    text = ("A plant feeds three fertilisers: urea, potash and compost. Each kilogram of urea, potash and "
            "compost adds 4, 3 and 1 units of nutrient, costs $2, $3 and $1, and leaves 1, 2 and 5 "
            "kilograms of residue, respectively. At least 1000 units of nutrient are needed, the residue "
            "bin can take no more than 2000 kilograms, and only 300 kilograms of compost are in stock. "
            "How many kilograms of each fertiliser should be used to minimize cost?")
    toks, spans = hand(text, [("VAR", "urea"), ("VAR", "potash"), ("VAR", "compost"), ("VAR", "urea"),
                              ("VAR", "potash"), ("VAR", "compost"), ("PARAM", "4"), ("PARAM", "3"),
                              ("PARAM", "1"), ("OBJ_NAME", "costs"), ("PARAM", "2"), ("PARAM", "3"),
                              ("PARAM", "1"), ("PARAM", "1"), ("PARAM", "2"), ("PARAM", "5"),
                              ("CONST_DIR", "At least"), ("LIMIT", "1000"), ("CONST_DIR", "no more than"),
                              ("LIMIT", "2000"), ("CONST_DIR", "only"), ("LIMIT", "300"), ("VAR", "compost"),
                              ("OBJ_DIR", "minimize"), ("OBJ_NAME", "cost")])
    _, rows = model_of(toks, spans)
    assert "urea + 2 * potash + 5 * compost <= 2000" in rows
    assert "compost <= 300" in rows


def test_a_supply_delivered_or_on_hand_is_a_limit_and_a_material_named_for_one_variable_is_its_own_row() -> None:
    text = ("A mill turns grain into oat flakes and rye flakes. A tonne of oat flakes takes 1.2 tonnes of "
            "cleaned oat grain and 2 hours on the roller; a tonne of rye flakes takes 1.5 tonnes of rye grain "
            "and 3 roller hours. Each week 60 tonnes of oat grain and 45 tonnes of rye grain are delivered, "
            "and the roller can run 120 hours. A tonne of oat flakes earns $90 and a tonne of rye flakes $70. "
            "How many tonnes of each should be made to maximize earnings?")
    toks, spans = hand(text, [("VAR", "oat flakes"), ("VAR", "rye flakes"), ("VAR", "oat flakes"),
                              ("PARAM", "1.2"), ("PARAM", "2"), ("VAR", "rye flakes"), ("PARAM", "1.5"),
                              ("PARAM", "3"), ("PARAM", "60"), ("PARAM", "45"), ("PARAM", "120"),
                              ("VAR", "oat flakes"), ("OBJ_NAME", "earns"), ("PARAM", "90"), ("VAR", "rye flakes"),
                              ("PARAM", "70"), ("OBJ_DIR", "maximize"), ("OBJ_NAME", "earnings")])
    _, rows = model_of(toks, spans)
    assert "1.2 * oat_flakes <= 60" in rows
    assert "1.5 * rye_flakes <= 45" in rows
    assert "2 * oat_flakes + 3 * rye_flakes <= 120" in rows


def test_sizes_after_of_and_only_n_at_a_sentence_start() -> None:
    text = ("A gym schedules yoga classes of 75 minutes and spin classes of 45 minutes, with no more than 900 "
            "minutes of studio time a week. Only 8 instructors are certified to teach spin classes. A yoga "
            "class earns $150 and a spin class $120. How many classes of each should run to maximize revenue?")
    toks, spans = hand(text, [("VAR", "yoga classes"), ("LIMIT", "75"), ("VAR", "spin classes"), ("LIMIT", "45"),
                              ("CONST_DIR", "no more than"), ("LIMIT", "900"), ("PARAM", "8"), ("VAR", "spin classes"),
                              ("VAR", "yoga class"), ("PARAM", "150"), ("VAR", "spin class"), ("PARAM", "120"),
                              ("OBJ_DIR", "maximize"), ("OBJ_NAME", "revenue")])
    _, rows = model_of(toks, spans)
    assert "75 * yoga_classes + 45 * spin_classes <= 900" in rows
    assert "spin_classes <= 8" in rows


def test_an_amount_of_what_the_coefficients_measure_is_no_count_of_the_decisions() -> None:
    text = ("A chemist mixes two syrups. Syrup A contains 30% cane sugar and syrup B contains 10% cane sugar. "
            "The mix must be exactly 200 milliliters and contain at least 30 milliliters of cane sugar. Syrup A costs $2 "
            "per milliliter and syrup B costs $1 per milliliter. How many milliliters of each syrup should be "
            "used to minimize the cost?")
    toks, spans = hand(text, [("VAR", "Syrup A"), ("PARAM", "30 %"), ("VAR", "syrup B"), ("PARAM", "10 %"),
                              ("CONST_DIR", "must be exactly"), ("LIMIT", "200"), ("CONST_DIR", "at least"),
                              ("LIMIT", "30"), ("VAR", "Syrup A"), ("OBJ_NAME", "costs"), ("PARAM", "2"),
                              ("VAR", "syrup B"), ("OBJ_NAME", "costs"), ("PARAM", "1"), ("OBJ_DIR", "minimize"),
                              ("OBJ_NAME", "cost")])
    _, rows = model_of(toks, spans)
    assert "0.3 * syrup_a + 0.1 * syrup_b >= 30" in rows


def test_what_a_place_comes_with_is_its_capacity() -> None:
    text = ("A market lets small stalls of 4 square meters and large stalls of 10 square meters in a square "
            "with 600 square meters of paving. A small stall is let for $50 and a large stall for $110. At "
            "least 30 small stalls must be offered. How many stalls of each kind should be let to maximize "
            "the rent?")
    toks, spans = hand(text, [("PARAM", "4"), ("LIMIT", "10"), ("LIMIT", "600"), ("VAR", "small stall"),
                              ("PARAM", "50"), ("VAR", "large stall"), ("PARAM", "110"), ("CONST_DIR", "At least"),
                              ("LIMIT", "30"), ("VAR", "small stalls"), ("OBJ_DIR", "maximize")])
    _, rows = model_of(toks, spans)
    assert "4 * small_stalls + 10 * large_stalls <= 600" in rows


def test_and_there_are_n_is_a_stock() -> None:
    text = ("A workshop builds desks and shelves. A desk takes 6 hours to build and a shelf takes 2 hours, and "
            "there are 240 workshop hours this month. Each desk earns $150 and each shelf earns $40. How many of "
            "each should be built to maximize profit?")
    toks, spans = hand(text, [("VAR", "desks"), ("VAR", "shelves"), ("VAR", "desk"), ("PARAM", "6"), ("VAR", "shelf"),
                              ("PARAM", "2"), ("LIMIT", "240"), ("VAR", "desk"), ("OBJ_NAME", "earns"),
                              ("PARAM", "150"), ("VAR", "shelf"), ("OBJ_NAME", "earns"), ("PARAM", "40"),
                              ("OBJ_DIR", "maximize"), ("OBJ_NAME", "profit")])
    _, rows = model_of(toks, spans)
    assert rows == ["6 * desks + 2 * shelves <= 240"]


def test_all_of_it_must_be_moved_is_a_least() -> None:
    text = ("A farm hires small carts at $40 per day and large carts at $70 per day. A small cart holds 2 tonnes "
            "of hay and a large cart holds 5 tonnes. The harvest fills 60 tonnes, and all of it must be carried "
            "in one day. How many carts of each size should be hired to minimize the cost?")
    toks, spans = hand(text, [("VAR", "small carts"), ("PARAM", "40"), ("VAR", "large carts"), ("PARAM", "70"),
                              ("VAR", "small cart"), ("PARAM", "2"), ("VAR", "large cart"), ("PARAM", "5"),
                              ("PARAM", "60"), ("OBJ_DIR", "minimize"), ("OBJ_NAME", "cost")])
    _, rows = model_of(toks, spans)
    assert "2 * small_carts + 5 * large_carts >= 60" in rows

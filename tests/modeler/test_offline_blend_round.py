"""Offline modeler: general readings of NL4Opt's crowd voice in blending, chemistry, energy and farming
stories and in goals that count things, which fresh_lp_dev27 and fresh_lp_dev21 showed missing (round h108):
a count goal that names the decisions' class ("the total number of installations"), a limit in the unit a
coefficient group measures, "must plant all 60 hectares", "each hectare of rice needs 900", the room a list
of decisions is grown on, and a unit of measure that is no decision.

The sentences are written for these tests (not taken from any data set). Tags are given by hand, as the
tagger gives them on such texts. No trained tagger is needed.
"""

from __future__ import annotations

from hand_tags import hand, model_of


def test_a_count_of_the_decisions_class_counts_the_decisions() -> None:
    text = ("An island wants at least 900 kW of power from diesel sets and battery banks. Each diesel set supplies "
            "150 kW and each battery bank supplies 60 kW. Harbour rules allow at most 4 diesel sets. How many of each "
            "should the island buy to minimize the total number of installations?")
    toks, spans = hand(text, [("CONST_DIR", "at least"), ("LIMIT", "900"), ("VAR", "diesel sets"),
                              ("VAR", "battery banks"), ("VAR", "diesel set"), ("PARAM", "150"),
                              ("VAR", "battery bank"), ("PARAM", "60"), ("CONST_DIR", "at most"), ("LIMIT", "4"),
                              ("VAR", "diesel sets"), ("OBJ_DIR", "minimize")])
    goal, rows = model_of(toks, spans)
    assert goal == "min diesel_sets + battery_banks"
    # (the power wanted "from diesel sets and battery banks" is in kW, what each one supplies: weighted)
    assert "150 * diesel_sets + 60 * battery_banks >= 900" in rows


def test_a_goal_word_a_name_carries_as_a_modifier_names_the_group_measuring_it() -> None:
    text = ("A charity runs vans and meal stalls. Each van hands out 50 meals a day and each stall hands out "
            "20 meals. A van needs 3 volunteers and a stall needs 2 volunteers, and 30 volunteers are available. How "
            "many vans and stalls should the charity run to maximize the number of meals handed out?")
    toks, spans = hand(text, [("VAR", "vans"), ("VAR", "meal stalls"), ("VAR", "van"), ("PARAM", "50"),
                              ("VAR", "stall"), ("PARAM", "20"), ("VAR", "van"), ("PARAM", "3"), ("VAR", "stall"),
                              ("PARAM", "2"), ("LIMIT", "30"), ("CONST_DIR", "available"), ("VAR", "vans"),
                              ("VAR", "stalls"), ("OBJ_DIR", "maximize")])
    goal, _ = model_of(toks, spans)
    assert goal == "max 50 * vans + 20 * meal_stalls"


def test_must_plant_all_the_land_is_an_equality() -> None:
    text = ("A grower must sow all 45 acres of his field with oats and barley. Each acre of oats needs 2 hours of "
            "labour and each acre of barley needs 3 hours, and he has 110 hours of labour. Oats earn $70 per acre "
            "and barley earns $90 per acre. How many acres of each should he sow to maximize profit?")
    toks, spans = hand(text, [("LIMIT", "45"), ("VAR", "oats"), ("VAR", "barley"), ("VAR", "oats"),
                              ("LIMIT", "2"), ("VAR", "barley"), ("PARAM", "3"), ("CONST_DIR", "has"),
                              ("LIMIT", "110"), ("VAR", "Oats"), ("PARAM", "70"), ("VAR", "barley"),
                              ("PARAM", "90"), ("OBJ_DIR", "maximize"), ("OBJ_NAME", "profit")])
    _, rows = model_of(toks, spans)
    assert "oats + barley == 45" in rows
    # ("Each acre of oats needs 2 hours": what one acre takes, a coefficient, though tagged a limit)
    assert "2 * oats + 3 * barley <= 110" in rows


def test_the_room_a_list_of_decisions_is_grown_on_is_their_sum() -> None:
    text = ("A nursery grows roses and tulips on 500 square meters of beds. Each square meter of roses needs 4 "
            "liters of water a day and each square meter of tulips needs 2 liters, and only 1600 liters are "
            "available daily. If the profit per square meter is $7 for roses and $5 for tulips, how many square "
            "meters of each should be planted to maximize profit?")
    toks, spans = hand(text, [("VAR", "roses"), ("VAR", "tulips"), ("PARAM", "500"), ("VAR", "square meter"),
                              ("VAR", "roses"), ("PARAM", "4"), ("VAR", "tulips"), ("PARAM", "2"),
                              ("CONST_DIR", "only"), ("LIMIT", "1600"), ("OBJ_NAME", "profit"), ("PARAM", "7"),
                              ("VAR", "roses"), ("PARAM", "5"), ("VAR", "tulips"), ("VAR", "square meters"),
                              ("OBJ_DIR", "maximize"), ("OBJ_NAME", "profit")])
    goal, rows = model_of(toks, spans)
    assert goal == "max 7 * roses + 5 * tulips"
    assert "roses + tulips <= 500" in rows


def test_every_amount_of_a_there_are_sentence_is_a_stock() -> None:
    text = ("A bakery makes two loaves, Rye and Spelt. Each Rye loaf uses 0.5 kg of flour and 0.2 kg of seeds, and "
            "each Spelt loaf uses 0.4 kg of flour and 0.3 kg of seeds. There are 200 kg of flour and 90 kg of seeds. "
            "If the profit is $3 per Rye loaf and $4 per Spelt loaf, how many of each should be baked to maximize "
            "profit?")
    toks, spans = hand(text, [("VAR", "Rye"), ("VAR", "Spelt"), ("VAR", "Rye"), ("PARAM", "0.5"), ("PARAM", "0.2"),
                              ("VAR", "Spelt"), ("PARAM", "0.4"), ("PARAM", "0.3"), ("LIMIT", "200"),
                              ("VAR", "flour"), ("LIMIT", "90"), ("VAR", "seeds"), ("OBJ_NAME", "profit"),
                              ("PARAM", "3"), ("VAR", "Rye"), ("PARAM", "4"), ("VAR", "Spelt"),
                              ("OBJ_DIR", "maximize"), ("OBJ_NAME", "profit")])
    _, rows = model_of(toks, spans)
    # (the names take the head "loaf" since "loaves" is read as its plural, v40)
    assert "0.2 * rye_loaf + 0.3 * spelt_loaf <= 90" in rows


def test_a_letter_listed_before_a_tagged_letter_is_a_sibling_name() -> None:
    text = ("A refinery blends two fuels, A and B. Each barrel of A needs 4 hours of heating and each barrel of B "
            "needs 1 hour, and 200 hours are available. The profit is $8 per barrel of A and $5 per barrel of B. "
            "How many barrels of each should be blended to maximize profit?")
    toks, spans = hand(text, [("VAR", "B"), ("PARAM", "4"), ("VAR", "B"), ("PARAM", "1"), ("LIMIT", "200"),
                              ("CONST_DIR", "available"), ("OBJ_NAME", "profit"), ("PARAM", "8"), ("PARAM", "5"),
                              ("VAR", "B"), ("OBJ_DIR", "maximize"), ("OBJ_NAME", "profit")])
    goal, rows = model_of(toks, spans)
    assert goal == "max 8 * a + 5 * b"
    assert "4 * a + b <= 200" in rows


def test_the_room_of_the_place_a_list_is_kept_in_is_a_limit() -> None:
    text = ("A keeper houses rabbits and guinea pigs in a shed of 300 square feet. Each rabbit needs 4 square feet "
            "and each guinea pig needs 2 square feet. The keeper wants as many rabbits as possible. How many of "
            "each should the keeper house?")
    toks, spans = hand(text, [("VAR", "rabbits"), ("VAR", "guinea pigs"), ("LIMIT", "300"), ("VAR", "rabbit"),
                              ("PARAM", "4"), ("VAR", "guinea pig"), ("PARAM", "2"), ("VAR", "rabbits")])
    _, rows = model_of(toks, spans)
    assert "4 * rabbits + 2 * guinea_pigs <= 300" in rows

"""Offline modeler: general English readings the third fresh development set showed missing (round
dev-v15, helper D) -- "only" between a variable's verb of measure and its number marks a low rate, not a
limit ("a bike courier delivers only 12 parcels an hour").

The sentences are written for these tests (not taken from any data set). Tags are given by hand, as the
tagger gives them on such texts. No trained tagger is needed.
"""

from __future__ import annotations

from hand_tags import hand, model_of


# ------------------------------------------------------------------ "but delivers only 12 parcels"
def test_only_inside_a_per_unit_clause_is_a_rate() -> None:
    text = ("A courier firm hires van drivers and bike couriers by the hour. A van driver costs $30 per hour and "
            "delivers 20 parcels an hour; a bike courier costs $14 per hour but delivers only 12 parcels an hour. "
            "The firm needs at least 2,400 parcels delivered this week. How many hours of each should be hired to "
            "minimize the wage bill?")
    toks, spans = hand(text, [("VAR", "van driver"), ("PARAM", "30"), ("PARAM", "20"), ("VAR", "bike courier"),
                              ("PARAM", "14"), ("CONST_DIR", "only"), ("LIMIT", "12"), ("CONST_DIR", "at least"),
                              ("LIMIT", "2,400"), ("OBJ_DIR", "minimize"), ("OBJ_NAME", "wage bill")])
    goal, rows = model_of(toks, spans)
    assert "20 * van_drivers + 12 * bike_couriers >= 2400" in rows
    assert not any("<= 12" in row for row in rows)


# ------------------------------------------------------------------ "flatbed lorries" / "a flatbed run", "How many runs"
def test_a_qualifier_with_the_counted_noun_joins_its_vehicle() -> None:
    text = ("A haulage firm is planning next week's runs for its vans, tippers and flatbed lorries. A van run moves "
            "2 tonnes and costs $90, a tipper run moves 8 tonnes and costs $200, and a flatbed run moves 12 tonnes "
            "and costs $260. At least 300 tonnes must be moved, and at most 20 runs can be driven. How many runs "
            "of each kind should be made to minimize the cost?")
    toks, spans = hand(text, [("VAR", "vans"), ("VAR", "tippers"), ("VAR", "flatbed lorries"), ("VAR", "van run"),
                              ("PARAM", "2"), ("OBJ_NAME", "costs"), ("PARAM", "90"), ("VAR", "tipper run"),
                              ("PARAM", "8"), ("PARAM", "200"), ("VAR", "flatbed run"), ("PARAM", "12"),
                              ("PARAM", "260"), ("CONST_DIR", "At least"), ("LIMIT", "300"), ("CONST_DIR", "at most"),
                              ("LIMIT", "20"), ("OBJ_DIR", "minimize"), ("OBJ_NAME", "cost")])
    from modeler.strategies.offline.reading import read

    names = [v.mentions for v in read(toks, spans).variables]
    assert len(names) == 3
    assert ["flatbed lorries", "flatbed run"] in names


# ------------------------------------------------------------------ "a crate of logs gives 20 hours"
def test_the_bare_head_of_a_name_opens_its_per_unit_clause() -> None:
    text = ("A bakery oven burns beech logs and bottled propane. A crate of logs gives 20 hours of heat and costs "
            "$12, while a cylinder of propane gives 50 hours of heat and costs $40. The oven needs at least 600 "
            "hours of heat a season, and the shed holds at most 25 crates. How many crates of beech logs and "
            "cylinders of bottled propane should be bought to minimize the cost?")
    toks, spans = hand(text, [("VAR", "beech logs"), ("VAR", "bottled propane"), ("PARAM", "20"),
                              ("OBJ_NAME", "costs"), ("PARAM", "12"), ("PARAM", "50"), ("OBJ_NAME", "costs"),
                              ("PARAM", "40"), ("CONST_DIR", "at least"), ("LIMIT", "600"), ("CONST_DIR", "at most"),
                              ("LIMIT", "25"), ("OBJ_DIR", "minimize"), ("OBJ_NAME", "cost")])
    goal, rows = model_of(toks, spans)
    assert goal == "min 12 * beech_logs + 40 * bottled_propane"
    assert "20 * beech_logs + 50 * bottled_propane >= 600" in rows


# ------------------------------------------------------------------ "at parks, cafes, and community halls"
def test_a_list_of_qualifiers_names_the_decisions_in_its_order() -> None:
    text = ("A library runs reading clubs at parks, cafes, and community halls. A park club reaches 12 readers, a "
            "cafe club reaches 9 readers and a hall club reaches 20 readers. The clubs need 2, 1 and 3 volunteers, "
            "respectively, and the library has 30 volunteers. How many clubs of each kind should be run to "
            "maximize the readers reached?")
    toks, spans = hand(text, [("VAR", "halls"), ("VAR", "park club"), ("PARAM", "12"), ("PARAM", "9"),
                              ("VAR", "hall club"), ("PARAM", "20"), ("PARAM", "2"), ("PARAM", "1"), ("PARAM", "3"),
                              ("CONST_DIR", "has"), ("LIMIT", "30"), ("OBJ_DIR", "maximize"),
                              ("OBJ_NAME", "readers reached")])
    goal, rows = model_of(toks, spans)
    assert goal == "max 12 * parks + 9 * cafes + 20 * halls"
    assert "2 * parks + cafes + 3 * halls <= 30" in rows


_LORRY_MARKS = [("CONST_DIR", "at least"), ("LIMIT", "400"), ("CONST_DIR", "at least"), ("LIMIT", "90"),
                ("PARAM", "20"), ("PARAM", "4"), ("PARAM", "60"), ("PARAM", "8"), ("PARAM", "3"), ("PARAM", "25"),
                ("CONST_DIR", "no more than"), ("LIMIT", "fifteen"), ("CONST_DIR", "minimum"), ("LIMIT", "five"),
                ("OBJ_DIR", "minimize"), ("OBJ_NAME", "diesel burned")]


# ------------------------------------------------------------------ "The small lorry carries 8 tonnes"
def test_a_sentence_opening_with_the_and_a_name_is_a_per_unit_clause() -> None:
    text = ("A builder must move at least 400 tonnes of sand and at least 90 tonnes of gravel this week. Each load "
            "of the large lorry carries 20 tonnes of sand and 4 tonnes of gravel and burns 60 litres of diesel. The "
            "small lorry carries 8 tonnes of sand and 3 tonnes of gravel per load and burns 25 litres. Site rules "
            "allow the large lorry no more than fifteen loads, and its lease requires a minimum of five. How many "
            "loads should each lorry make to minimize the diesel burned?")
    toks, spans = hand(text, _LORRY_MARKS)
    goal, rows = model_of(toks, spans)
    assert goal == "min 60 * large_lorry + 25 * small_lorry"
    assert "20 * large_lorry + 8 * small_lorry >= 400" in rows


# ------------------------------------------------------------------ ", and its lease requires a minimum of five"
def test_its_after_and_stands_for_the_one_name_before_it() -> None:
    text = ("A builder must move at least 400 tonnes of sand and at least 90 tonnes of gravel this week. Each load "
            "of the large lorry carries 20 tonnes of sand and 4 tonnes of gravel and burns 60 litres of diesel. Each "
            "load of the small lorry carries 8 tonnes of sand and 3 tonnes of gravel and burns 25 litres. Site rules "
            "allow the large lorry no more than fifteen loads, and its lease requires a minimum of five. How many "
            "loads should each lorry make to minimize the diesel burned?")
    toks, spans = hand(text, _LORRY_MARKS)
    goal, rows = model_of(toks, spans)
    assert "large_lorry >= 5" in rows and "large_lorry + small_lorry >= 5" not in rows

"""Offline modeler: general readings left by the earlier rounds on the developed sets (helper h92): the
failures that recur across sets (a transport grid whose places are lone letters or names of two words,
...).

The sentences are written for these tests (not taken from any data set). Tags are given by hand, as the
tagger gives them on such texts. No trained tagger is needed.
"""

from __future__ import annotations

from hand_tags import hand, model_of, word_list


def test_a_transport_grid_between_places_named_by_lone_letters() -> None:
    text = ("Two mills, P and Q, send flour to two bakeries, M and N. Mill P has 90 sacks and mill Q has 40 "
            "sacks. Bakery M needs at least 70 sacks and bakery N at least 50 sacks. Moving one sack costs $3 "
            "from P to M, $5 from P to N, $4 from Q to M and $2 from Q to N. How should the flour be moved "
            "as cheaply as possible?")
    toks, spans = hand(text, [("LIMIT", "90"), ("LIMIT", "40"), ("CONST_DIR", "at least"), ("LIMIT", "70"),
                              ("CONST_DIR", "at least"), ("LIMIT", "50"), ("PARAM", "3"), ("PARAM", "5"),
                              ("PARAM", "4"), ("PARAM", "2")])
    goal, rows = model_of(toks, spans)
    assert goal == "min 3 * p_m + 5 * p_n + 4 * q_m + 2 * q_n"
    assert "p_m + p_n <= 90" in rows and "p_n + q_n >= 50" in rows


def test_a_transport_grid_between_places_of_two_words() -> None:
    text = ("Oak Hill can give us up to 120 chairs and Mill Lane up to 80. St Mary's hall needs 100 chairs and "
            "the Town Hall needs 90. Cost per chair:\n- Oak Hill to St Mary's: $2.50, Oak Hill to Town Hall: $1.50\n"
            "- Mill Lane to St Mary's: $1.00, Mill Lane to Town Hall: $3.00\nHow many chairs should go on each "
            "route so the cost is as low as possible?")
    toks, spans = hand(text, [("LIMIT", "120"), ("LIMIT", "80"), ("LIMIT", "100"), ("LIMIT", "90"),
                              ("PARAM", "2.50"), ("PARAM", "1.50"), ("PARAM", "1.00"), ("PARAM", "3.00")])
    goal, rows = model_of(toks, spans)
    assert goal.startswith("min 2.5 * oak_hill_st_mary_s + 1.5 * oak_hill_town_hall")
    assert "mill_lane_st_mary_s + mill_lane_town_hall <= 80" in rows
    assert "oak_hill_town_hall + mill_lane_town_hall >= 90" in rows


def test_a_fraction_of_one_unit_is_a_coefficient() -> None:
    text = ("Our bakery makes loaves and trays of buns. A loaf takes 0.2 kg of flour and a quarter of an hour in "
            "the oven, and earns $4. A tray of buns takes 0.5 kg of flour and three quarters of an hour in the "
            "oven, and earns $9. We have 50 kg of flour and 30 oven hours. How many of each should we bake to "
            "earn the most?")
    toks, spans = hand(text, [("VAR", "loaves"), ("VAR", "trays of buns"), ("VAR", "loaf"), ("PARAM", "0.2"),
                              ("PARAM", "4"), ("VAR", "tray of buns"), ("PARAM", "0.5"), ("PARAM", "9"),
                              ("LIMIT", "50"), ("LIMIT", "30"), ("OBJ_NAME", "earn"), ("OBJ_DIR", "most")])
    _, rows = model_of(toks, spans)
    assert "0.25 * loaves + 0.75 * trays_of_buns <= 30" in rows


def test_what_a_cheapest_plan_wants_to_move_is_a_least_amount() -> None:
    text = ("A removal firm can use vans or lorries. A van can carry 20 crates and a lorry can carry 50 crates. A "
            "van trip costs $60 and a lorry trip costs $130. The firm wants to move 900 crates this week. How "
            "many trips of each should it make to minimize its cost?")
    toks, spans = hand(text, [("VAR", "vans"), ("VAR", "lorries"), ("VAR", "van"), ("PARAM", "20"),
                              ("VAR", "lorry"), ("PARAM", "50"), ("VAR", "van"), ("PARAM", "60"), ("VAR", "lorry"),
                              ("PARAM", "130"), ("LIMIT", "900"), ("OBJ_DIR", "minimize"), ("OBJ_NAME", "cost")])
    _, rows = model_of(toks, spans)
    assert "20 * vans + 50 * lorries >= 900" in rows


def test_a_measure_said_after_the_other_in_the_second_clause_keeps_its_row() -> None:
    text = ("A bakery can install small or large ovens. A small oven is able to bake 40 loaves of bread a day and "
            "needs 2 bakers to run. A large oven requires 5 bakers to bake 120 loaves of bread a day. There are "
            "30 bakers and the bakery must bake at least 600 loaves of bread a day. How many ovens of each size "
            "should it install to minimize the number of ovens?")
    toks, spans = hand(text, [("VAR", "small"), ("VAR", "large ovens"), ("VAR", "small oven"), ("PARAM", "40"),
                              ("PARAM", "2"), ("VAR", "large oven"), ("PARAM", "5"), ("PARAM", "120"),
                              ("LIMIT", "30"), ("CONST_DIR", "at least"), ("LIMIT", "600"),
                              ("OBJ_DIR", "minimize")])
    _, rows = model_of(toks, spans)
    assert any(r.startswith("2 * ") and "5 * " in r and r.endswith("<= 30") for r in rows), rows
    assert any(r.startswith("40 * ") and "120 * " in r and r.endswith(">= 600") for r in rows), rows


def test_what_two_names_open_with_after_of_is_their_material() -> None:
    text = ("A kiosk sells frozen yogurt bowls and frozen yogurt shakes. Each frozen yogurt bowl needs 2 cups of "
            "frozen yogurt and 30 grams of fruit. Each frozen yogurt shake needs 3 cups of frozen yogurt and 10 "
            "grams of fruit. The kiosk has 400 cups of frozen yogurt and 3000 grams of fruit. A bowl earns $4 "
            "and a shake earns $5. How many of each should it sell to maximize its revenue?")
    toks, spans = hand(text, [("VAR", "frozen yogurt bowls"), ("VAR", "frozen yogurt shakes"),
                              ("VAR", "frozen yogurt bowl"), ("PARAM", "2"), ("VAR", "frozen yogurt"),
                              ("PARAM", "30"), ("VAR", "frozen yogurt shake"), ("PARAM", "3"),
                              ("VAR", "frozen yogurt"), ("PARAM", "10"), ("LIMIT", "400"), ("LIMIT", "3000"),
                              ("PARAM", "4"), ("PARAM", "5"), ("OBJ_DIR", "maximize"), ("OBJ_NAME", "revenue")])
    goal, rows = model_of(toks, spans)
    assert goal == "max 4 * frozen_yogurt_bowls + 5 * frozen_yogurt_shakes"
    assert "30 * frozen_yogurt_bowls + 10 * frozen_yogurt_shakes <= 3000" in rows


def test_no_measure_names_no_decision() -> None:
    text = ("My dog needs at least 50 grams of protein and at least 20 grams of fat a day. I feed it rice and eggs. "
            "A cup of rice has 4 grams of protein and no fat and costs $0.40. An egg has 6 grams of protein and 5 grams "
            "of fat and costs $0.30. How many of each should I feed to pay the least?")
    toks, spans = hand(text, [("CONST_DIR", "at least"), ("LIMIT", "50"), ("CONST_DIR", "at least"), ("LIMIT", "20"),
                              ("VAR", "rice"), ("VAR", "eggs"), ("VAR", "rice"), ("PARAM", "4"), ("VAR", "no fat"),
                              ("PARAM", "0.40"), ("VAR", "egg"), ("PARAM", "6"), ("PARAM", "5"), ("PARAM", "0.30"),
                              ("OBJ_DIR", "least")])
    goal, rows = model_of(toks, spans)
    assert goal == "min 0.4 * rice + 0.3 * eggs"
    assert "5 * eggs >= 20" in rows


def test_a_kind_named_by_what_it_lacks_stays_a_decision() -> None:
    from modeler.strategies.offline.name_repairs import complete_mentions

    text = ("There are two kinds of tours: tours with a guide and tours with no guide. How many of each should "
            "we run?")
    toks, spans = hand(text, [("VAR", "a guide"), ("VAR", "no guide")])
    names = {sp.text for sp in complete_mentions(word_list(text), spans) if sp.label == "VAR"}
    assert "no guide" in names


def test_hours_of_a_resource_are_the_asked_hours_when_the_question_counts_hours() -> None:
    text = ("We have 200 pilot-hours a month and $30,000 for fuel. The east line burns $150 of fuel per flight hour "
            "and carries about 40 passengers an hour; the west line burns $100 per hour and carries about 25. "
            "How many flight hours should each line get to carry the most passengers?")
    toks, spans = hand(text, [("LIMIT", "200"), ("LIMIT", "30,000"), ("VAR", "east line"), ("PARAM", "150"),
                              ("PARAM", "40"), ("VAR", "west line"), ("PARAM", "100"), ("PARAM", "25"),
                              ("OBJ_DIR", "most"), ("OBJ_NAME", "passengers")])
    _, rows = model_of(toks, spans)
    assert "east_line + west_line <= 200" in rows


def test_days_of_a_resource_each_decision_needs_stay_a_weighted_row() -> None:
    text = ("A stall day at the fair needs 3 helpers and earns $500; a stall day at the market needs 2 helpers and "
            "earns $300. We have 40 helper-days. How many stall days at each place should we book to earn the "
            "most?")
    toks, spans = hand(text, [("VAR", "fair"), ("PARAM", "3"), ("PARAM", "500"), ("VAR", "market"), ("PARAM", "2"),
                              ("PARAM", "300"), ("LIMIT", "40"), ("OBJ_NAME", "earn"), ("OBJ_DIR", "most")])
    _, rows = model_of(toks, spans)
    assert "3 * fair + 2 * market <= 40" in rows

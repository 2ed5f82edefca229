"""Offline modeler: general readings of how ordinary users write, which the seventeenth fresh development set
(memos, notes, forum posts) showed missing (round dev17, helper h91) -- a note's rows of figures that leave
the measures out after the first row or are written the other way round (one row per resource), a figure
the tagger took into a name, money said as spent beside money taken, and a plural "-ments" unit beside its
singular.

The sentences are written for these tests (not taken from any data set). Tags are given by hand, as the
tagger gives them on such texts. No trained tagger is needed.
"""

from __future__ import annotations

from hand_tags import hand, model_of, word_list

from modeler.strategies.offline.prose import letter_body


def test_a_plural_ment_unit_meets_its_singular() -> None:
    text = ("A nurse shift costs $300 and handles 20 appointments and 5 treatments; a carer shift costs $150 and "
            "handles 8 appointments and 1 treatment. We need 200 appointments and at least 30 treatments. How "
            "many shifts of each should we book to pay the least?")
    toks, spans = hand(text, [("VAR", "nurse shift"), ("PARAM", "300"), ("PARAM", "20"), ("PARAM", "5"),
                              ("VAR", "carer shift"), ("PARAM", "150"), ("PARAM", "8"), ("PARAM", "1"),
                              ("LIMIT", "200"), ("CONST_DIR", "at least"), ("LIMIT", "30"), ("OBJ_DIR", "least")])
    _, rows = model_of(toks, spans)
    assert "5 * nurse_shift + carer_shift >= 30" in rows


def test_a_figure_the_tagger_took_into_a_name_stays_the_rows_coefficient() -> None:
    text = letter_body("Bakery night shift:\nBaker hour: $24, bakes 50 loaves, packs 1 bread crate\nHelper hour: $13, bakes 10 "
            "loaves, packs 4 crates\nWe need 900 loaves baked and 60 crates packed. Book baker and helper hours "
            "for the cheapest night.")
    toks, spans = hand(text, [("PARAM", "24"), ("PARAM", "50"), ("VAR", "packs 1"), ("PARAM", "13"),
                              ("PARAM", "10"), ("PARAM", "4"), ("LIMIT", "900"), ("LIMIT", "60")])
    _, rows = model_of(toks, spans)
    assert "baker_hour + 4 * helper_hour >= 60" in rows


def test_rows_after_the_first_may_leave_the_measures_out() -> None:
    text = ("Pottery plan. Small mug: 0.4 kg clay, 0.5 h kiln, $9. Large mug: 0.7 kg, 0.8 h, $16. Teapot: 1.2 kg, "
            "2 h, $45. We have 200 kg of clay and 150 kiln hours. The shop takes at most 30 teapots. What should "
            "we make to earn the most?")
    toks, spans = hand(text, [("PARAM", "0.4"), ("PARAM", "0.5"), ("PARAM", "9"), ("PARAM", "0.7"),
                              ("PARAM", "0.8"), ("PARAM", "16"), ("PARAM", "1.2"), ("PARAM", "2"), ("PARAM", "45"),
                              ("LIMIT", "200"), ("LIMIT", "150"), ("CONST_DIR", "at most"), ("LIMIT", "30")])
    goal, rows = model_of(toks, spans)
    assert goal == "max 9 * small_mug + 16 * large_mug + 45 * teapot"
    assert "teapot <= 30" in rows


def test_a_row_name_may_hold_with() -> None:
    text = ("Catering. Soup: 0.5 hours, $2 of ingredients, $8. Pie with mash: 1 hour, $4 of ingredients, $15. "
            "This week: 40 hours, $120 for ingredients. How many of each should we cook to bring in the most?")
    toks, spans = hand(text, [("PARAM", "0.5"), ("PARAM", "2"), ("PARAM", "8"), ("PARAM", "1"), ("PARAM", "4"),
                              ("PARAM", "15"), ("LIMIT", "40"), ("LIMIT", "120"), ("OBJ_DIR", "most")])
    _, rows = model_of(toks, spans)
    assert "0.5 * soup + pie_with_mash <= 40" in rows


def test_money_said_as_spent_is_no_takings() -> None:
    text = ("Car wash. Basic wash: 0.5 hours, $2 of soap, $20. Full valet: 2 hours, $6 of soap, $70. This week: "
            "60 hours, $150 for soap. How many of each should we book to bring in the most?")
    toks, spans = hand(text, [("PARAM", "0.5"), ("PARAM", "2"), ("PARAM", "20"), ("PARAM", "2"), ("PARAM", "6"),
                              ("PARAM", "70"), ("LIMIT", "60"), ("LIMIT", "150"), ("OBJ_DIR", "most")])
    goal, _ = model_of(toks, spans)
    assert goal == "max 20 * basic_wash + 70 * full_valet"


def test_a_table_written_one_row_per_resource() -> None:
    text = ("Joinery plan. Timber: shelves 0.2 m3, desks 0.5 m3, stools 0.1 m3; 40 m3 in stock. Labour: shelves "
            "1 h, desks 4 h, stools 0.5 h; 250 h available. Margins: $20, $90, $15. What mix earns the most?")
    toks, spans = hand(text, [("PARAM", "0.2"), ("PARAM", "0.5"), ("PARAM", "0.1"), ("LIMIT", "40"),
                              ("PARAM", "1"), ("PARAM", "4"), ("PARAM", "0.5"), ("LIMIT", "250"),
                              ("CONST_DIR", "available"), ("PARAM", "20"), ("PARAM", "90"), ("PARAM", "15"),
                              ("OBJ_NAME", "earns")])
    goal, rows = model_of(toks, spans)
    assert goal == "max 20 * shelves + 90 * desks + 15 * stools"
    assert "0.2 * shelves + 0.5 * desks + 0.1 * stools <= 40" in rows


def test_a_row_whose_items_open_with_a_price_word_is_no_table_the_other_way_round() -> None:
    from modeler.strategies.offline.name_repairs import complete_mentions

    text = letter_body("Bakery plan\nRye: 0.3 oven hours per kg, flour costs $2/kg, margin $5/kg\nSpelt: 0.2 oven hours per "
            "kg, flour costs $3/kg, margin $4/kg\nOven hours: 50")
    toks, spans = hand(text, [("PARAM", "0.3"), ("PARAM", "2"), ("PARAM", "5"), ("PARAM", "0.2"), ("PARAM", "3"),
                              ("PARAM", "4"), ("LIMIT", "50")])
    names = {sp.text for sp in complete_mentions(word_list(text), spans) if sp.label == "VAR"}
    assert names == {"Rye", "Spelt"}


def test_refusing_to_go_over_is_a_most() -> None:
    text = ("a mural takes me 10 hours plus 1 hour of site visits and pays $400. a sign takes 3 hours and half an "
            "hour of visits and pays $90. this month i have 100 hours and i refuse to spend more than 12 hours on "
            "visits. how many of each should i take to earn the most?")
    toks, spans = hand(text, [("VAR", "mural"), ("PARAM", "10"), ("PARAM", "1"), ("PARAM", "400"), ("VAR", "sign"),
                              ("PARAM", "3"), ("PARAM", "half"), ("PARAM", "90"), ("LIMIT", "100"),
                              ("CONST_DIR", "more than"), ("LIMIT", "12"), ("OBJ_NAME", "earn")])
    _, rows = model_of(toks, spans)
    assert "mural + 0.5 * sign <= 12" in rows


def test_rated_subjects_after_a_setting_and_a_multiple_in_words() -> None:
    text = ("quick one. in my app quiz rounds earn about 6 coins a minute and puzzle levels 10 coins a minute. i "
            "need 3,000 coins and i want quiz minutes at least two and a half times puzzle minutes. what's the "
            "least total minutes i can spend?")
    toks, spans = hand(text, [("PARAM", "6"), ("PARAM", "10"), ("LIMIT", "3,000"), ("CONST_DIR", "at least"),
                              ("PARAM", "half")])
    goal, rows = model_of(toks, spans)
    assert goal == "min quiz_rounds + puzzle_levels"
    assert "quiz_rounds >= 2.5 * puzzle_levels" in rows


def test_one_per_and_a_hyphen_name_said_short() -> None:
    text = ("Campsite plan. A two-person pitch takes 30 m2 and rents for $25 a night, a family-size pitch takes 60 m2 "
            "and rents for $45 a night. The field has 2,400 m2. The toilet block has 50 places and we must allow "
            "one per two pitch and one and a half per family pitch. How many pitches of each size maximize the "
            "nightly rent?")
    toks, spans = hand(text, [("VAR", "two-person pitch"), ("PARAM", "30"), ("PARAM", "25"),
                              ("VAR", "family-size pitch"), ("PARAM", "60"), ("PARAM", "45"), ("CONST_DIR", "has"),
                              ("LIMIT", "2,400"), ("LIMIT", "50"), ("PARAM", "half"), ("OBJ_DIR", "maximize")])
    _, rows = model_of(toks, spans)
    assert "two_person_pitch + 1.5 * family_size_pitch <= 50" in rows


def test_subjects_that_cover_after_a_verb_of_saying_and_the_goals_own_verb() -> None:
    text = ("Garden question. The shop says a mulch bag covers 2 m2 and gives 3 nutrient points, and a sack of bark "
            "chips covers 5 m2 and gives 1 point. I need at least 40 m2 covered and a score of at least 30. Mulch "
            "bags are $7 each and the bark is $4 a sack. How many of each do I buy to pay the least?")
    toks, spans = hand(text, [("PARAM", "2"), ("PARAM", "3"), ("OBJ_NAME", "points"), ("PARAM", "5"), ("PARAM", "1"),
                              ("CONST_DIR", "at least"), ("LIMIT", "40"), ("CONST_DIR", "at least"), ("LIMIT", "30"),
                              ("PARAM", "7"), ("PARAM", "4")])
    goal, rows = model_of(toks, spans)
    assert goal == "min 7 * mulch_bag + 4 * sack_of_bark_chips"
    assert "3 * mulch_bag + sack_of_bark_chips >= 30" in rows


def test_subjects_said_as_an_amount_of_a_unit() -> None:
    text = ("i do face painting at fairs. a full face is a 0.5 hour sitting and pays $20. a cheek design is a 0.2 "
            "hour sitting and pays $8. i can paint 6 hours a day. how many of each should i do to earn the most?")
    toks, spans = hand(text, [("PARAM", "0.5"), ("PARAM", "20"), ("PARAM", "0.2"), ("PARAM", "8"), ("LIMIT", "6"),
                              ("OBJ_NAME", "earn")])
    goal, _ = model_of(toks, spans)
    assert goal == "max 20 * full_face + 8 * cheek_design"


def test_half_of_what_a_percentage_measures_is_a_share() -> None:
    text = ("Trail mix shop. House mix is 60% raisins and 40% almonds and makes $3 per kg. Student mix is half "
            "raisins and half almonds and makes $4 per kg. We have 90 kg of raisins and 70 kg of almonds. How many "
            "kg of each mix should we make to maximize profit?")
    toks, spans = hand(text, [("VAR", "House mix"), ("PARAM", "60%"), ("PARAM", "40%"), ("PARAM", "3"),
                              ("VAR", "Student mix"), ("PARAM", "half"), ("PARAM", "half"), ("PARAM", "4"),
                              ("CONST_DIR", "have"), ("LIMIT", "90"), ("LIMIT", "70"), ("OBJ_DIR", "maximize"),
                              ("OBJ_NAME", "profit")])
    _, rows = model_of(toks, spans)
    assert "0.6 * house_mix + 0.5 * student_mix <= 90" in rows


def test_one_measure_said_in_minutes_for_one_option_and_hours_for_the_other() -> None:
    text = ("Message from the courier office: the bikes can carry 600 kg this week and the riders have 40 hours. A "
            "letter bag weighs 5 kg, takes 12 minutes and pays $6. A box weighs 20 kg, takes half an hour and pays "
            "$15. How many of each do we take to earn the most?")
    toks, spans = hand(text, [("LIMIT", "600"), ("CONST_DIR", "have"), ("LIMIT", "40"), ("VAR", "letter bag"),
                              ("PARAM", "5"), ("PARAM", "12"), ("PARAM", "6"), ("VAR", "box"), ("PARAM", "20"),
                              ("PARAM", "half"), ("PARAM", "15"), ("OBJ_NAME", "earn")])
    _, rows = model_of(toks, spans)
    assert "0.2 * letter_bag + 0.5 * box <= 40" in rows


def test_a_limit_speaks_of_the_names_before_the_next_clause() -> None:
    text = ("Wind farm, weekly sales. The farm can sell up to 800 MWh a week, daytime at $90 per MWh and night-time "
            "at $60 per MWh. The buyer takes no more than 300 MWh at night-time, and daytime sales have to be at "
            "least half the night-time sales. Maximize the week's revenue.")
    toks, spans = hand(text, [("CONST_DIR", "up to"), ("LIMIT", "800"), ("VAR", "daytime"), ("PARAM", "90"),
                              ("VAR", "night-time"), ("PARAM", "60"), ("CONST_DIR", "no more than"), ("LIMIT", "300"),
                              ("VAR", "night-time"), ("VAR", "daytime"), ("CONST_DIR", "at least"), ("LIMIT", "half"),
                              ("VAR", "night-time"), ("OBJ_DIR", "Maximize"), ("OBJ_NAME", "revenue")])
    _, rows = model_of(toks, spans)
    assert "night_time <= 300" in rows


def test_every_one_needs_at_least_one_other_and_what_the_customer_has_is_covered() -> None:
    text = ("Office move, Friday. A porter costs $150 for the day and carries about 200 boxes, a helper costs $90 and "
            "carries about 60. The customer has 1,800 boxes. The agency says every porter needs at least one helper "
            "beside them. How many porters and helpers keep the day's bill lowest?")
    toks, spans = hand(text, [("VAR", "porter"), ("PARAM", "150"), ("LIMIT", "200"), ("VAR", "helper"), ("PARAM", "90"),
                              ("LIMIT", "60"), ("LIMIT", "1,800"), ("CONST_DIR", "at least"), ("LIMIT", "one"),
                              ("VAR", "helper"), ("VAR", "porters"), ("VAR", "helpers")])
    _, rows = model_of(toks, spans)
    assert rows == ["200 * porter + 60 * helper >= 1800", "helper >= 1 * porter"]


def test_a_list_priced_in_brackets_names_the_options_and_a_comparison_their_tails() -> None:
    text = ("Bakery memo. For the festival we need exactly 50 kg of flour blend made from stoneground wholemeal "
            "($2/kg), white bread flour ($1/kg) and rye ($3/kg). The baker wants at least 20% rye and no more than "
            "three times as much flour as wholemeal. Find the cheapest blend.")
    toks, spans = hand(text, [("PARAM", "50"), ("PARAM", "2"), ("PARAM", "1"), ("PARAM", "3"), ("CONST_DIR", "at least"),
                              ("LIMIT", "20%"), ("CONST_DIR", "no more than"), ("PARAM", "three times")])
    goal, rows = model_of(toks, spans)
    assert goal == "min 2 * stoneground_wholemeal + white_bread_flour + 3 * rye"
    assert "white_bread_flour <= 3 * stoneground_wholemeal" in rows
    assert "rye >= 0.2 * (stoneground_wholemeal + white_bread_flour + rye)" in rows


def test_what_i_spend_is_no_group_of_what_i_make_and_the_room_fits_a_limit() -> None:
    text = ("Phone shop owner here. Ordering stock: an e-reader costs me $90 and I make $40 on it, a tablet costs $300 "
            "and I make $110. I can spend $9,000, and the back room fits 60 'slots' where a reader takes 1 and a "
            "tablet 2. How many of each should I order to make the most profit?")
    toks, spans = hand(text, [("VAR", "e-reader"), ("PARAM", "90"), ("PARAM", "40"), ("VAR", "tablet"), ("PARAM", "300"),
                              ("PARAM", "110"), ("PARAM", "9,000"), ("PARAM", "60"), ("PARAM", "1"), ("VAR", "tablet"),
                              ("PARAM", "2"), ("OBJ_NAME", "profit")])
    _, rows = model_of(toks, spans)
    assert rows == ["90 * e_reader + 300 * tablet <= 9000", "e_reader + 2 * tablet <= 60"]


def test_so_many_of_a_decision_per_one_of_a_resource_is_a_share_of_it() -> None:
    text = letter_body("Bakery, Easter week.\n- Hot cross bun pack: costs us $2, profit $1.50, 30 packs per tray\n"
                       "- Simnel cake: costs us $6, profit $4, 8 cakes per tray\nBudget $600 and the oven takes 12 "
                       "trays. How many of each should we bake to make the most?")
    toks, spans = hand(text, [("PARAM", "2"), ("OBJ_NAME", "profit"), ("PARAM", "1.50"), ("PARAM", "30"), ("PARAM", "6"),
                              ("OBJ_NAME", "profit"), ("PARAM", "4"), ("PARAM", "8"), ("CONST_DIR", "Budget"),
                              ("PARAM", "600"), ("PARAM", "12")])
    _, rows = model_of(toks, spans)
    assert "0.0333333333333 * hot_cross_bun_pack + 0.125 * simnel_cake <= 12" in rows


def test_an_hour_of_something_is_one_hour_beside_minutes_said_for_the_other() -> None:
    text = ("i do nails on the side. a gel set is a 1.5 hour appointment plus an hour of prep, and pays $60. a polish "
            "is a 0.5 hour appointment with 10 min of prep, pays $25. i can do 25 hours of appointments a week max "
            "and only have 8 hours for prep. how many of each should i book to earn the most?")
    toks, spans = hand(text, [("PARAM", "1.5"), ("PARAM", "60"), ("PARAM", "0.5"), ("PARAM", "10"), ("PARAM", "25"),
                              ("LIMIT", "25"), ("CONST_DIR", "only"), ("LIMIT", "8"), ("OBJ_NAME", "earn")])
    goal, rows = model_of(toks, spans)
    assert goal == "max 60 * gel_set + 25 * polish"
    assert "gel_set + 0.166666666667 * polish <= 8" in rows


def test_a_multiple_of_the_other_plus_an_amount() -> None:
    text = ("Promo plan for the fair. Poster run: $300, reaches about 2,000 people. Newspaper ad: $700, reaches about "
            "6,000. Budget is $9,000. The manager says posters should be no more than three times the newspaper ads "
            "plus 4. How many of each reach the most people?")
    toks, spans = hand(text, [("VAR", "Poster run"), ("PARAM", "300"), ("LIMIT", "2,000"), ("VAR", "Newspaper ad"),
                              ("PARAM", "700"), ("LIMIT", "6,000"), ("CONST_DIR", "Budget"), ("LIMIT", "9,000"),
                              ("CONST_DIR", "no more than"), ("PARAM", "three"), ("VAR", "newspaper ads"),
                              ("PARAM", "4")])
    _, rows = model_of(toks, spans)
    assert "poster_run - 3 * newspaper_ad <= 4" in rows


def test_machines_said_after_a_colon_priced_at_and_an_order_to_fill() -> None:
    text = ("Print shop, quick note from the floor: the big press prints 500 flyers and 40 posters an hour and costs "
            "$30 an hour to run; the small press does 200 flyers and 50 posters an hour at $18. The festival order is "
            "6,000 flyers and 800 posters. How many hours on each press to fill it at the lowest running cost?")
    toks, spans = hand(text, [("PARAM", "500"), ("LIMIT", "40"), ("PARAM", "30"), ("PARAM", "200"), ("LIMIT", "50"),
                              ("CONST_DIR", "at"), ("LIMIT", "18"), ("PARAM", "6,000"), ("LIMIT", "800"),
                              ("VAR", "posters"), ("OBJ_DIR", "lowest"), ("OBJ_NAME", "cost")])
    goal, rows = model_of(toks, spans)
    assert goal == "min 30 * big_press + 18 * small_press"
    assert rows == ["40 * big_press + 50 * small_press >= 800", "500 * big_press + 200 * small_press >= 6000"]


def test_a_transport_grid_whose_sources_are_said_by_their_letter() -> None:
    text = letter_body("Timber yard plan.\nMill A: up to 50 loads this month. Mill B: up to 40 loads.\nEast depot needs "
                       "30 loads, West depot needs 45.\nCost per load: A to East $20, A to West $35, B to East $25, B "
                       "to West $15.\nHow many loads on each route so the freight costs the least?")
    toks, spans = hand(text, [("LIMIT", "50"), ("LIMIT", "40"), ("VAR", "East depot"), ("PARAM", "30"),
                              ("VAR", "West depot"), ("PARAM", "45"), ("PARAM", "20"), ("PARAM", "35"), ("PARAM", "25"),
                              ("PARAM", "15")])
    goal, rows = model_of(toks, spans)
    assert goal == "min 20 * a_east + 35 * a_west + 25 * b_east + 15 * b_west"
    assert rows == ["a_east + a_west <= 50", "a_east + b_east >= 30", "a_west + b_west >= 45", "b_east + b_west <= 40"]


def test_a_sum_saved_for_is_a_target_and_hours_named_by_the_activitys_root() -> None:
    text = ("saving for a new phone, $600. tutoring pays $25 an hour and translating documents pays about $30 an hour. "
            "the agency only gives me tutoring if i keep doing at least 8 translation hours too. whats the fewest "
            "total hours i need to work?")
    toks, spans = hand(text, [("PARAM", "600"), ("PARAM", "25"), ("PARAM", "30"), ("CONST_DIR", "at least"),
                              ("LIMIT", "8")])
    goal, rows = model_of(toks, spans)
    assert goal == "min tutoring + translating_documents"
    assert rows == ["25 * tutoring + 30 * translating_documents >= 600", "translating_documents >= 8"]

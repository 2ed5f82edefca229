"""Offline modeler: general readings of how ordinary users write, which the seventh fresh development set
(memos, e-mails, chats) showed missing (round dev7, helper h73) -- "the mixed water must average at most
400 mg per litre" (a weighted average whose group shares only the unit), money put "in" a short name
("$1 in bonds for every $2 in equities"), "B's work" naming Client B, a "which" clause speaking of the
clause before it, an amount of the noun every decision is a kind of ("90 kg of soap" of "soap in three
kinds"), and a reading with fewer variables than the kinds the text counts.

The sentences are written for these tests (not taken from any data set). Tags are given by hand, as the
tagger gives them on such texts. No trained tagger is needed.
"""

from __future__ import annotations

from hand_tags import hand, model_of


def test_average_as_the_verb_per_unit_is_a_weighted_average() -> None:
    text = ("Our juice stand mixes apple juice and grape juice. Apple juice costs $2 per litre and grape juice $3 "
            "per litre. Apple juice has 90 g of sugar per litre and grape juice 150 g per litre, and the drink "
            "we pour must average at most 120 g per litre. We need at least 40 litres of drink. How many litres "
            "of each juice should we buy to minimize the cost?")
    toks, spans = hand(text, [("VAR", "apple juice"), ("VAR", "grape juice"), ("VAR", "Apple juice"),
                              ("PARAM", "2"), ("VAR", "grape juice"), ("PARAM", "3"), ("VAR", "Apple juice"),
                              ("PARAM", "90"), ("VAR", "grape juice"), ("PARAM", "150"), ("CONST_DIR", "at most"),
                              ("LIMIT", "120"), ("CONST_DIR", "at least"), ("LIMIT", "40"), ("OBJ_DIR", "minimize"),
                              ("OBJ_NAME", "cost")])
    _, rows = model_of(toks, spans)
    assert "90 * apple_juice + 150 * grape_juice <= 120 * (apple_juice + grape_juice)" in rows


def test_money_in_a_short_name_names_the_decision() -> None:
    text = ("We can put up to $20,000 into two funds: a gold fund that returns 3% a year and a tech fund that "
            "returns 8% a year. We want "
            "at least $1 in gold for every $3 in tech, and no more than $12,000 in tech. How much should go "
            "into each fund to maximize the return?")
    toks, spans = hand(text, [("CONST_DIR", "up to"), ("LIMIT", "20,000"), ("VAR", "gold fund"),
                              ("OBJ_NAME", "returns"), ("PARAM", "3 %"), ("VAR", "tech fund"),
                              ("OBJ_NAME", "returns"), ("PARAM", "8 %"), ("CONST_DIR", "at least"), ("PARAM", "1"),
                              ("PARAM", "3"), ("CONST_DIR", "no more than"), ("LIMIT", "12,000"),
                              ("OBJ_DIR", "maximize"), ("OBJ_NAME", "return")])
    _, rows = model_of(toks, spans)
    assert "tech_fund <= 12000" in rows
    assert "gold_fund >= 0.333333333333 * tech_fund" in rows
    assert len(rows) == 3  # (the rate's "$3" is no limit of its own)


def test_a_rate_for_every_amount_uses_its_second_number() -> None:
    from modeler.strategies.offline.checks import used_values
    from modeler.strategies.offline.specs import ConstraintSpec, Objective

    obj = Objective("max", {0: 0.03, 1: 0.08}, "return", "weighted", "")
    spec = ConstraintSpec("xby", ">=", 0.0, x=0, y=1, param=1 / 3)
    assert any(abs(v - 3.0) < 1e-9 for v in used_values(obj, [spec]))


def test_a_possessive_letter_and_a_which_clause_bound_that_one() -> None:
    text = ("I mow lawns for two landlords. Landlord A pays $30 a lawn and Landlord B pays $50 a lawn, but B's "
            "lawns need the big mower, which I can rent for at most 6 lawns. I promised Landlord A at least 4 "
            "lawns. How many lawns should I mow for each landlord to maximize my pay?")
    toks, spans = hand(text, [("VAR", "Landlord A"), ("PARAM", "30"), ("VAR", "Landlord B"), ("PARAM", "50"),
                              ("CONST_DIR", "at most"), ("LIMIT", "6"), ("CONST_DIR", "at least"), ("LIMIT", "4"),
                              ("OBJ_DIR", "maximize"), ("OBJ_NAME", "pay")])
    _, rows = model_of(toks, spans)
    assert "landlord_b <= 6" in rows
    assert "landlord_a >= 4" in rows


def test_an_amount_of_the_kind_every_decision_is_counts_them_all() -> None:
    text = ("I bake bread in three kinds: rye, spelt and wheat. Per loaf, rye uses 0.5 kg of flour plus 0.1 kg of "
            "malt and earns $4, spelt uses 0.4 kg of flour and earns $5, and wheat uses 0.45 kg of flour and earns "
            "$3. This week I have 30 kg of flour, 3 kg of malt for the rye, and oven space for 70 loaves of bread. "
            "How many loaves of each bread should I bake to maximize profit?")
    toks, spans = hand(text, [("VAR", "rye"), ("VAR", "spelt"), ("VAR", "wheat"), ("VAR", "rye"), ("PARAM", "0.5"),
                              ("PARAM", "0.1"), ("OBJ_NAME", "earns"), ("PARAM", "4"), ("VAR", "spelt"),
                              ("PARAM", "0.4"), ("OBJ_NAME", "earns"), ("PARAM", "5"), ("VAR", "wheat"),
                              ("PARAM", "0.45"), ("OBJ_NAME", "earns"), ("PARAM", "3"), ("LIMIT", "30"),
                              ("PARAM", "3"), ("VAR", "rye"), ("LIMIT", "70"), ("OBJ_DIR", "maximize"),
                              ("OBJ_NAME", "profit")])
    _, rows = model_of(toks, spans)
    assert "rye + spelt + wheat <= 70" in rows


def test_fewer_variables_than_the_kinds_said_is_a_doubt() -> None:
    from types import SimpleNamespace

    from hand_tags import word_list

    from modeler.strategies.offline.checks import fewer_than_said

    words = word_list("I bake bread in three kinds: rye, spelt and wheat. Each loaf earns $4, $5 and $3.")
    assert fewer_than_said(SimpleNamespace(words=words, variables=[0, 1]))
    assert not fewer_than_said(SimpleNamespace(words=words, variables=[0, 1, 2]))
    # ("two kinds of the flour": what the decisions use, not what they are)
    other = word_list("We sell rye and spelt loaves, made from two kinds of the flour we mill.")
    assert not fewer_than_said(SimpleNamespace(words=other, variables=[0, 1]))


def test_open_hours_and_a_crew_working_hours_each_are_limits() -> None:
    text = ("Our bike shop does tune-ups for $40 and overhauls for $150. A tune-up needs the repair stand for 30 "
            "minutes and 20 minutes of mechanic time; an overhaul needs the stand for 90 minutes and 120 minutes "
            "of mechanic time. The stand is open 10 hours a day and the three mechanics work 7 hours each. How "
            "many tune-ups and overhauls should we book per day to maximize revenue?")
    toks, spans = hand(text, [("VAR", "tune-ups"), ("PARAM", "40"), ("VAR", "overhauls"), ("PARAM", "150"),
                              ("VAR", "tune-up"), ("PARAM", "30"), ("PARAM", "20"), ("VAR", "overhaul"),
                              ("PARAM", "90"), ("PARAM", "120"), ("PARAM", "10"), ("PARAM", "7"),
                              ("OBJ_DIR", "maximize"), ("OBJ_NAME", "revenue")])
    _, rows = model_of(toks, spans)
    assert rows == ["20 * tune_ups + 120 * overhauls <= 1260", "30 * tune_ups + 90 * overhauls <= 600"]


def test_a_price_for_every_source_and_destination_is_a_transport_grid() -> None:
    text = ("We roast coffee at Mill A (up to 500 kg this week) and Mill B (up to 400 kg). Cafe Rosa needs 300 kg "
            "and Cafe Luna needs 450 kg. Delivery per kg: Mill A to Rosa $0.60, Mill A to Luna $0.90, Mill B to "
            "Rosa $0.80, Mill B to Luna $0.50. What is the cheapest delivery plan?")
    toks, spans = hand(text, [("VAR", "coffee"), ("LIMIT", "500"), ("LIMIT", "400"), ("LIMIT", "300"),
                              ("LIMIT", "450"), ("OBJ_NAME", "cheapest")])
    goal, rows = model_of(toks, spans)
    assert goal == ("min 0.6 * mill_a_rosa + 0.9 * mill_a_luna + 0.8 * mill_b_rosa + 0.5 * mill_b_luna")
    assert rows == sorted(["mill_a_rosa + mill_a_luna <= 500", "mill_b_rosa + mill_b_luna <= 400",
                           "mill_a_rosa + mill_b_rosa >= 300", "mill_a_luna + mill_b_luna >= 450"])


def test_every_unit_must_go_into_rooms_is_an_equality() -> None:
    text = ("Flood memo. East camp holds 120 people and West camp 80, and every person must be moved to Hall "
            "One (room for 150) or Hall Two (room for 100). Bus cost per person: East to One $4, East to Two $6, "
            "West to One $7, West to Two $3. Move everyone at the lowest bus cost.")
    toks, spans = hand(text, [("LIMIT", "120"), ("LIMIT", "80"), ("LIMIT", "150"), ("LIMIT", "100"),
                              ("OBJ_NAME", "lowest bus cost")])
    goal, rows = model_of(toks, spans)
    assert goal == "min 4 * east_one + 6 * east_two + 7 * west_one + 3 * west_two"
    assert rows == sorted(["east_one + east_two == 120", "west_one + west_two == 80",
                           "east_one + west_one <= 150", "east_two + west_two <= 100"])


def test_a_number_in_a_name_is_no_unused_datum() -> None:
    from modeler.strategies.offline import read_model

    text = ("Line 1 makes 30 chairs an hour at a cost of $200 and Line 2 makes 20 chairs an hour at $120. We need "
            "at least 600 chairs. How many hours should each line run to minimize cost?")
    toks, spans = hand(text, [("VAR", "Line 1"), ("PARAM", "30"), ("PARAM", "200"), ("VAR", "Line 2"),
                              ("PARAM", "20"), ("PARAM", "120"), ("CONST_DIR", "at least"), ("LIMIT", "600"),
                              ("OBJ_DIR", "minimize"), ("OBJ_NAME", "cost")])
    _, understanding, _, _, _ = read_model(toks, spans)
    assert not any("unused" in u.get("sentence", "") for u in understanding if u["kind"] == "doubt")


def test_packs_named_by_their_size_are_decisions_and_hold_that_many() -> None:
    text = ("I sell homemade cookies in bags of 6 and bags of 20 at the school fair. I baked 900 cookies and have "
            "70 ribbons; a bag of 6 takes 1 ribbon and earns $5, a bag of 20 takes 2 ribbons and earns $15. How "
            "many bags of each size should I fill to make the most money?")
    toks, spans = hand(text, [("PARAM", "6"), ("LIMIT", "20"), ("PARAM", "900"), ("LIMIT", "70"), ("PARAM", "6"),
                              ("PARAM", "1"), ("OBJ_NAME", "earns"), ("PARAM", "5"), ("PARAM", "20"), ("PARAM", "2"),
                              ("OBJ_NAME", "earns"), ("PARAM", "15")])
    goal, rows = model_of(toks, spans)
    assert goal == "max 5 * bags_of_6 + 15 * bags_of_20"
    assert "6 * bags_of_6 + 20 * bags_of_20 <= 900" in rows
    assert "bags_of_6 + 2 * bags_of_20 <= 70" in rows


def test_a_hyphened_size_names_a_pack_but_a_weight_does_not() -> None:
    from hand_tags import word_list

    from modeler.strategies.offline.entities import Span
    from modeler.strategies.offline.name_repairs import size_in_name, sized_names

    words = word_list("A 4-can pack costs $3 and a 24-can pack $15; we must ship 960 cans.")
    assert [sp.text for sp in sized_names(words, []) if sp.label == "VAR"] == ["4-can pack", "24-can pack"]
    # (one size of a pack and one of another: no sizes to tell apart)
    words = word_list("A 4-can pack costs $3 and a 24-can case $15; we must ship 960 cans.")
    assert sized_names(words, []) == []
    words = word_list("We fill 250-gram jars and 1-kilogram jars with honey.")
    assert sized_names(words, [Span("VAR", 1, 3, "250-gram jars")]) == [Span("VAR", 1, 3, "250-gram jars")]
    assert size_in_name("box of 9") == 9 and size_in_name("12-bottle carton") == 12


def test_products_counted_and_named_are_the_decisions_not_their_ingredients() -> None:
    text = ("Our mill makes two mixes from the flour in the shed: 1,400 kg of wheat flour and 900 kg of rye flour. "
            "Harbor mix is 70% wheat flour and 30% rye flour and earns $3 per kg. Summit mix is 50% wheat and 50% "
            "rye and earns $4 per kg. How many kg of each mix should we make to earn the most?")
    toks, spans = hand(text, [("LIMIT", "1,400"), ("VAR", "wheat flour"), ("LIMIT", "900"), ("VAR", "rye flour"),
                              ("PARAM", "70 %"), ("VAR", "wheat flour"), ("PARAM", "30 %"), ("VAR", "rye flour"),
                              ("OBJ_NAME", "earns"), ("PARAM", "3"), ("PARAM", "50 %"), ("PARAM", "50 %"),
                              ("OBJ_NAME", "earns"), ("PARAM", "4"), ("OBJ_NAME", "earn")])
    goal, rows = model_of(toks, spans)
    assert goal == "max 3 * harbor_mix + 4 * summit_mix"
    assert rows == ["0.3 * harbor_mix + 0.5 * summit_mix <= 900", "0.7 * harbor_mix + 0.5 * summit_mix <= 1400"]


def test_shifts_covering_periods_in_a_row_start_in_each_period() -> None:
    text = ("The call centre splits its day into three 8-hour slots: early, late and night, and needs 9, 12 and 5 "
            "agents in them respectively. Each agent works two slots in a row, and a night starter stays on into "
            "the early slot. How many agents should start in each slot so that every slot is staffed with the "
            "fewest agents?")
    toks, spans = hand(text, [("PARAM", "9"), ("PARAM", "12"), ("PARAM", "5"), ("OBJ_DIR", "fewest")])
    goal, rows = model_of(toks, spans)
    assert goal == "min start_early + start_late + start_night"
    assert rows == ["start_early + start_night >= 9", "start_late + start_early >= 12",
                    "start_night + start_late >= 5"]


def test_a_machine_running_hours_in_a_sentence_of_its_own_is_a_limit() -> None:
    text = ("My print shop makes posters and banners. A poster needs 4 minutes on the printer and 6 minutes of "
            "finishing; a banner needs 10 minutes on the printer and 3 minutes of finishing. The printer runs 8 "
            "hours a day and our three finishers work 6 hours each. A poster earns $9 and a banner $14. How many "
            "of each should we make daily to maximize profit?")
    toks, spans = hand(text, [("VAR", "posters"), ("VAR", "banners"), ("PARAM", "4"), ("PARAM", "6"),
                              ("VAR", "banner"), ("PARAM", "10"), ("PARAM", "3"), ("PARAM", "8"), ("PARAM", "6"),
                              ("VAR", "poster"), ("OBJ_NAME", "earns"), ("PARAM", "9"), ("PARAM", "14"),
                              ("OBJ_DIR", "maximize"), ("OBJ_NAME", "profit")])
    _, rows = model_of(toks, spans)
    assert rows == ["4 * posters + 10 * banners <= 480", "6 * posters + 3 * banners <= 1080"]


def test_an_amount_of_what_the_packs_hold_said_as_a_measure_of_it() -> None:
    text = ("I sell soap in packs of 3 and packs of 8. I have 400 bars of soap and 90 ribbons. A pack of 3 needs 1 "
            "ribbon and makes $7 profit, a pack of 8 needs 2 ribbons and makes $16. How many packs of each size "
            "should I make to maximize profit?")
    toks, spans = hand(text, [("PARAM", "3"), ("PARAM", "8"), ("LIMIT", "400"), ("LIMIT", "90"), ("PARAM", "3"),
                              ("PARAM", "1"), ("PARAM", "7"), ("OBJ_NAME", "profit"), ("PARAM", "8"), ("PARAM", "2"),
                              ("PARAM", "16"), ("OBJ_DIR", "maximize"), ("OBJ_NAME", "profit")])
    _, rows = model_of(toks, spans)
    assert "3 * packs_of_3 + 8 * packs_of_8 <= 400" in rows


def test_each_machine_s_hours_on_each_product_are_the_decisions() -> None:
    text = ("Our workshop must glaze at least 300 mugs and 200 plates this week. Kiln A fires 20 mugs or 10 plates "
            "an hour and costs $12 an hour to run. Kiln B fires 15 mugs or 16 plates an hour and costs $10 an hour. "
            "Each kiln can run for at most 15 hours. How many hours should each kiln spend on mugs and on plates "
            "to keep the firing cost as low as possible?")
    toks, spans = hand(text, [("CONST_DIR", "at least"), ("LIMIT", "300"), ("LIMIT", "200"), ("VAR", "Kiln A"),
                              ("PARAM", "20"), ("PARAM", "10"), ("PARAM", "12"), ("VAR", "Kiln B"), ("PARAM", "15"),
                              ("PARAM", "16"), ("PARAM", "10"), ("CONST_DIR", "at most"), ("LIMIT", "15")])
    goal, rows = model_of(toks, spans)
    assert goal == "min 12 * kiln_a_mugs + 12 * kiln_a_plates + 10 * kiln_b_mugs + 10 * kiln_b_plates"
    assert rows == sorted(["20 * kiln_a_mugs + 15 * kiln_b_mugs >= 300", "10 * kiln_a_plates + 16 * kiln_b_plates >= 200",
                           "kiln_a_mugs + kiln_a_plates <= 15", "kiln_b_mugs + kiln_b_plates <= 15"])


def test_regular_time_and_overtime_each_month_cover_what_is_owed_by_then() -> None:
    text = ("The brewery owes the pub chain 400 kegs in March and 600 in April. Each month up to 450 kegs can be "
            "brewed in regular shifts, at $30 a keg in March and $32 in April; beyond that, kegs can be brewed in "
            "overtime at $45 a keg in March and $44 in April. Kegs brewed in March can be stored until April. How "
            "many kegs should be brewed in regular time and in overtime each month at the lowest cost?")
    toks, spans = hand(text, [("LIMIT", "400"), ("LIMIT", "600"), ("CONST_DIR", "up to"), ("LIMIT", "450"),
                              ("PARAM", "30"), ("PARAM", "32"), ("PARAM", "45"), ("PARAM", "44")])
    goal, rows = model_of(toks, spans)
    assert goal == "min 30 * march_regular + 45 * march_overtime + 32 * april_regular + 44 * april_overtime"
    assert rows == sorted(["march_regular + march_overtime >= 400", "april_regular <= 450", "march_regular <= 450",
                           "march_regular + march_overtime + april_regular + april_overtime >= 1000"])


def test_cutting_patterns_give_the_ordered_pieces() -> None:
    text = ("Our shop cuts 3-metre pipes for a plumber who ordered 80 pieces of 1.2 m and 50 pieces of 0.9 m. "
            "Pattern 1 cuts a pipe into two 1.2 m pieces. Pattern 2 cuts it into one 1.2 m piece and one 0.9 m "
            "piece. Pattern 3 cuts it into three 0.9 m pieces. How many pipes should we cut with each pattern to "
            "fill the order with the fewest pipes?")
    toks, spans = hand(text, [("LIMIT", "80"), ("LIMIT", "50"), ("VAR", "Pattern 1"), ("VAR", "Pattern 2"),
                              ("VAR", "Pattern 3")])
    goal, rows = model_of(toks, spans)
    assert goal == "min pattern_1 + pattern_2 + pattern_3"
    assert rows == ["2 * pattern_1 + pattern_2 >= 80", "pattern_2 + 3 * pattern_3 >= 50"]


def test_grid_amounts_listed_in_the_order_of_their_names() -> None:
    text = ("Our yards in Ripon and Thirsk hold 70 and 50 tonnes of salt. Malton needs 40 tonnes, Bedale 35 and "
            "Easby 30. Per tonne it costs $5 from Ripon to Malton, $3 from Ripon to Bedale, $6 from Ripon to Easby, "
            "$4 from Thirsk to Malton, $7 from Thirsk to Bedale and $2 from Thirsk to Easby. How do we move the "
            "salt as cheaply as possible?")
    toks, spans = hand(text, [("LIMIT", "70"), ("LIMIT", "50"), ("LIMIT", "40"), ("LIMIT", "35"), ("LIMIT", "30")])
    _, rows = model_of(toks, spans)
    assert "ripon_malton + ripon_bedale + ripon_easby <= 70" in rows
    assert "thirsk_malton + thirsk_bedale + thirsk_easby <= 50" in rows
    assert "ripon_bedale + thirsk_bedale >= 35" in rows


def test_lower_case_products_defined_by_their_make_up() -> None:
    text = ("We roast two blends. The house blend is 70% arabica and 30% robusta and earns $9 per kg; the dark "
            "blend is 40% arabica and 60% robusta and earns $8 per kg. We have 350 kg of arabica and 300 kg of "
            "robusta. How many kg of each blend should we roast to earn the most?")
    toks, spans = hand(text, [("PARAM", "70 %"), ("VAR", "arabica"), ("PARAM", "30 %"), ("VAR", "robusta"),
                              ("OBJ_NAME", "earns"), ("PARAM", "9"), ("PARAM", "40 %"), ("PARAM", "60 %"),
                              ("OBJ_NAME", "earns"), ("PARAM", "8"), ("LIMIT", "350"), ("LIMIT", "300"),
                              ("OBJ_NAME", "earn")])
    goal, rows = model_of(toks, spans)
    assert goal == "max 9 * house_blend + 8 * dark_blend"
    assert rows == ["0.3 * house_blend + 0.6 * dark_blend <= 300", "0.7 * house_blend + 0.4 * dark_blend <= 350"]

"""Offline modeler: general readings of how ordinary users write, which the thirteenth fresh development set
(memos, e-mails, forum posts, first-person notes; the twin of dev8) showed missing (round dev13, helper h72) --
a sum "to be invested in full", "We sell X at $90" framed by "and Y at $40", a list of stocks after one "we
have" whose later amount the tagger reads as a coefficient, "can only stay 10 hours", "no more part-timers than
full-timers", a "but" clause that keeps its subject, a share "in A", the size of a unit ("a drop of 1,000
leaflets costs $70"), "150 ha and can grow X and Y", a note's line "Water licence: 270 ML.", a list item's
dash, "so at most 30" after its reason, and an aside in brackets.

The sentences are written for these tests (not taken from any data set). Tags are given by hand, as the
tagger gives them on such texts. No trained tagger is needed.
"""

from __future__ import annotations

from hand_tags import hand, model_of


def test_a_sum_to_be_invested_in_full_goes_into_every_option() -> None:
    text = ("Memo for the tennis club. The reserve of $60,000 is to be invested in full in a savings bond (3% a "
            "year), a stock fund (7%) and a property trust (5%). At most 30% of the reserve may go in the stock "
            "fund, and at least $15,000 must stay in the savings bond. Find the split with the highest return.")
    toks, spans = hand(text, [("PARAM", "60,000"), ("VAR", "savings bond"), ("PARAM", "3 %"), ("VAR", "stock fund"),
                              ("PARAM", "7 %"), ("VAR", "property trust"), ("PARAM", "5 %"), ("CONST_DIR", "At most"),
                              ("LIMIT", "30 %"), ("VAR", "stock fund"), ("CONST_DIR", "at least"),
                              ("LIMIT", "15,000"), ("VAR", "savings bond"), ("OBJ_DIR", "highest"),
                              ("OBJ_NAME", "return")])
    goal, rows = model_of(toks, spans)
    assert goal == "max 0.03 * savings_bond + 0.07 * stock_fund + 0.05 * property_trust"
    assert "savings_bond + stock_fund + property_trust == 60000" in rows


def test_who_sells_and_the_verb_are_no_part_of_a_framed_name() -> None:
    text = ("Sawmill, weekly plan. We sell planks at $12 per board and posts at $20 per board. Each planks "
            "board takes 0.5 hours of saw time; each posts board takes 0.8 hours. We have 40 hours of saw time. "
            "How much of each should we cut to maximize revenue?")
    toks, spans = hand(text, [("VAR", "posts"), ("PARAM", "20"), ("PARAM", "0.5"), ("VAR", "posts"), ("PARAM", "0.8"),
                              ("LIMIT", "40"), ("OBJ_DIR", "maximize"), ("OBJ_NAME", "revenue")])
    goal, rows = model_of(toks, spans)
    assert goal.startswith("max 12 * planks + 20 * posts")


def test_a_later_amount_of_a_have_list_is_a_stock() -> None:
    text = ("Bike shop, spring plan: we have 90 mechanic-hours and $12,000 for parts. A city bike takes 3 "
            "mechanic-hours and $400 of parts and makes $250 profit. A cargo bike takes 5 mechanic-hours and "
            "$900 of parts and makes $500. How many city bikes and cargo bikes should we build to maximize profit?")
    # (the tagger takes the first item's unit for a name, as it does on such notes)
    toks, spans = hand(text, [("LIMIT", "90"), ("VAR", "mechanic-hours"), ("PARAM", "12,000"), ("VAR", "city bike"), ("PARAM", "3"),
                              ("PARAM", "400"), ("PARAM", "250"), ("OBJ_NAME", "profit"), ("VAR", "cargo bike"),
                              ("PARAM", "5"), ("PARAM", "900"), ("PARAM", "500"), ("VAR", "city bikes"),
                              ("VAR", "cargo bikes"), ("OBJ_DIR", "maximize"), ("OBJ_NAME", "profit")])
    goal, rows = model_of(toks, spans)
    assert "400 * city_bike + 900 * cargo_bike <= 12000" in rows


def test_can_only_stay_is_a_most() -> None:
    text = ("Bakery, Saturday. We must bake at least 900 rolls. The gas oven bakes 60 rolls an hour and costs $8 "
            "an hour; the electric oven bakes 90 rolls an hour and costs $14 an hour. The gas oven's baker can "
            "only stay 6 hours. How many hours should each oven run at the lowest cost?")
    toks, spans = hand(text, [("CONST_DIR", "at least"), ("LIMIT", "900"), ("VAR", "gas oven"), ("PARAM", "60"),
                              ("OBJ_NAME", "costs"), ("PARAM", "8"), ("VAR", "electric oven"), ("PARAM", "90"),
                              ("OBJ_NAME", "costs"), ("PARAM", "14"), ("PARAM", "6"), ("OBJ_DIR", "lowest"),
                              ("OBJ_NAME", "cost")])
    goal, rows = model_of(toks, spans)
    assert "gas_oven <= 6" in rows


def test_no_more_juniors_than_an_agent_noun_of_the_other_name() -> None:
    text = ("Call centre rota. We need 300 agent-hours a week. A full-time agent works 40 hours and costs $1,000 "
            "a week; a part-timer works 15 hours and costs $330. The manager wants no more part-timers than "
            "full-timers. How many of each should we hire to keep the wage bill as low as possible?")
    toks, spans = hand(text, [("LIMIT", "300"), ("VAR", "full-time agent"), ("PARAM", "40"), ("PARAM", "1,000"),
                              ("VAR", "part-timer"), ("PARAM", "15"), ("PARAM", "330"), ("VAR", "part-timers"),
                              ("OBJ_NAME", "wage bill")])
    goal, rows = model_of(toks, spans)
    assert "part_timer <= full_time_agent" in rows


def test_a_but_clause_keeps_its_subject_and_a_share_in_a_letter() -> None:
    text = ("We must park 300 cars at the festival. Field A charges $5 per car, field B charges $3 but only has "
            "room for 180 of them. For the shuttle at least 30% of the cars must be in A. How many cars go to "
            "each field so we pay the least?")
    toks, spans = hand(text, [("LIMIT", "300"), ("VAR", "Field A"), ("OBJ_NAME", "charges"), ("PARAM", "5"),
                              ("VAR", "field B"), ("PARAM", "3"), ("LIMIT", "180"), ("CONST_DIR", "at least"),
                              ("LIMIT", "30 %")])
    goal, rows = model_of(toks, spans)
    assert "field_b <= 180" in rows
    assert "field_a >= 0.3 * (field_a + field_b)" in rows


def test_the_size_of_a_unit_does_not_take_the_price_verb() -> None:
    text = ("Choir fundraiser. A radio spot costs $50 and brings about 3 tickets; a mailing of 500 letters costs "
            "$80 and brings about 4 tickets. Budget: $1,000. We can buy at most 12 radio spots. How many radio "
            "spots and mailings sell the most tickets?")
    toks, spans = hand(text, [("VAR", "radio spot"), ("PARAM", "50"), ("PARAM", "3"), ("VAR", "mailing"),
                              ("PARAM", "500"), ("PARAM", "80"), ("PARAM", "4"), ("LIMIT", "1,000"),
                              ("CONST_DIR", "at most"), ("LIMIT", "12"), ("VAR", "radio spots"), ("VAR", "mailings")])
    goal, rows = model_of(toks, spans)
    assert "50 * radio_spot + 80 * mailing <= 1000" in rows


def test_land_we_have_before_and_can_grow_and_a_note_line_stock() -> None:
    text = ("Orchard plan. We have 80 ha and can grow apples and pears.\n- Apples: $900 profit per ha, 20 hours "
            "of pruning per ha, 3 ML of water per ha\n- Pears: $1,100 profit per ha, 30 hours of pruning per ha, "
            "2 ML of water per ha\nPruning available: 2,100 hours. Water licence: 200 ML. How many hectares of "
            "each maximize profit?")
    toks, spans = hand(text, [("LIMIT", "80"), ("VAR", "apples"), ("VAR", "pears"), ("VAR", "Apples"),
                              ("PARAM", "900"), ("OBJ_NAME", "profit"), ("PARAM", "20"), ("PARAM", "3"),
                              ("VAR", "Pears"), ("PARAM", "1,100"), ("OBJ_NAME", "profit"), ("PARAM", "30"),
                              ("PARAM", "2"), ("CONST_DIR", "available"), ("LIMIT", "2,100"), ("PARAM", "200"),
                              ("OBJ_DIR", "maximize"), ("OBJ_NAME", "profit")])
    goal, rows = model_of(toks, spans)
    assert "apples + pears <= 80" in rows
    assert "3 * apples + 2 * pears <= 200" in rows


def test_a_dash_opens_the_next_item_of_a_list() -> None:
    text = ("Candle workshop, next week. We make tea lights and pillar candles, both by the kilo.\n- tea lights: "
            "0.9 kg of wax and 0.2 hours of pouring per kilo, profit $6 per kilo\n- pillar candles: 0.8 kg of wax "
            "and 0.1 hours of pouring per kilo, profit $5 per kilo\nWe have 300 kg of wax and 40 hours of "
            "pouring. How many kilos of each should we make to maximize profit?")
    toks, spans = hand(text, [("VAR", "tea lights"), ("VAR", "pillar candles"), ("VAR", "tea lights"),
                              ("PARAM", "0.9"), ("PARAM", "0.2"), ("OBJ_NAME", "profit"), ("PARAM", "6"),
                              ("VAR", "pillar candles"), ("PARAM", "0.8"), ("PARAM", "0.1"), ("OBJ_NAME", "profit"),
                              ("PARAM", "5"), ("LIMIT", "300"), ("LIMIT", "40"), ("OBJ_DIR", "maximize"),
                              ("OBJ_NAME", "profit")])
    goal, rows = model_of(toks, spans)
    assert goal == "max 6 * tea_lights + 5 * pillar_candles"


def test_a_reason_then_so_and_the_rule_and_an_aside_in_brackets() -> None:
    text = ("I run a small window-cleaning round and can work at most 40 hours a week. A house job (up to 3 "
            "ladders, in the car) takes 2 hours and earns me $70. A flat job takes 0.5 hours and earns $20. I "
            "only have 50 flat customers, so at most 50 flat jobs a week, and the car is free for at most 15 "
            "house jobs. How many of each job should I do to earn the most?")
    toks, spans = hand(text, [("CONST_DIR", "at most"), ("LIMIT", "40"), ("VAR", "house job"), ("LIMIT", "3"),
                              ("PARAM", "2"), ("OBJ_NAME", "earns"), ("PARAM", "70"), ("VAR", "flat job"),
                              ("PARAM", "0.5"), ("OBJ_NAME", "earns"), ("PARAM", "20"), ("CONST_DIR", "only have"),
                              ("LIMIT", "50"), ("CONST_DIR", "at most"), ("LIMIT", "50"), ("VAR", "flat jobs"),
                              ("CONST_DIR", "at most"), ("LIMIT", "15"), ("VAR", "house jobs"),
                              ("OBJ_NAME", "earn")])
    goal, rows = model_of(toks, spans)
    assert rows == ["2 * house_job + 0.5 * flat_job <= 40", "flat_job <= 50", "house_job <= 15"]


def test_a_pronoun_is_never_a_decision() -> None:
    text = ("Library reading scheme - planning note. We must run at least 300 reading sessions this term. A "
            "librarian runs 25 sessions a week and costs $600 a week; a trained volunteer runs 10 sessions a week "
            "and we pay $120 a week in expenses. How many weeks of each should we book at the lowest cost?")
    toks, spans = hand(text, [("VAR", "We"), ("CONST_DIR", "at least"), ("LIMIT", "300"), ("VAR", "librarian"),
                              ("PARAM", "25"), ("PARAM", "600"), ("VAR", "trained volunteer"), ("PARAM", "10"),
                              ("VAR", "we"), ("PARAM", "120"), ("OBJ_DIR", "lowest"), ("OBJ_NAME", "cost")])
    goal, rows = model_of(toks, spans)
    assert goal == "min 600 * librarian + 120 * trained_volunteer"
    assert rows == ["25 * librarian + 10 * trained_volunteer >= 300"]


def test_how_many_asked_twice_names_both_and_money_one_makes_is_profit() -> None:
    text = ("pottery stall, quick q. a mug costs me $4 to make and I make $9 on each one sold. bowls cost $7 and I "
            "make $11 each. I've got $700 to spend and kiln room for 120 pieces. how many mugs and how many bowls "
            "to fire for the most profit?")
    toks, spans = hand(text, [("VAR", "mug"), ("PARAM", "4"), ("PARAM", "9"), ("PARAM", "7"), ("PARAM", "11"),
                              ("LIMIT", "700"), ("LIMIT", "120"), ("VAR", "mugs"), ("OBJ_NAME", "profit")])
    goal, rows = model_of(toks, spans)
    assert goal == "max 9 * mug + 11 * bowls"
    assert "4 * mug + 7 * bowls <= 700" in rows


def test_what_turns_out_the_counted_things_is_decided() -> None:
    text = ("Laundry memo: by Friday we must clean at least 2,000 sheets and 900 towels. The old washer does 100 "
            "sheets and 60 towels an hour and costs $9 an hour to run. The new one does 160 sheets and 40 towels "
            "an hour and costs $12 an hour. How long should each washer run at the lowest cost?")
    toks, spans = hand(text, [("CONST_DIR", "at least"), ("LIMIT", "2,000"), ("VAR", "sheets"), ("LIMIT", "900"),
                              ("LIMIT", "100"), ("VAR", "sheets"), ("LIMIT", "60"), ("OBJ_NAME", "costs"),
                              ("PARAM", "9"), ("LIMIT", "160"), ("VAR", "sheets"), ("LIMIT", "40"),
                              ("OBJ_NAME", "costs"), ("PARAM", "12"), ("OBJ_DIR", "lowest"), ("OBJ_NAME", "cost")])
    goal, rows = model_of(toks, spans)
    assert goal == "min 9 * old_washer + 12 * new_one"
    assert rows == ["100 * old_washer + 160 * new_one >= 2000", "60 * old_washer + 40 * new_one >= 900"]


def test_hours_written_into_one_word_with_their_unit() -> None:
    text = ("Subject: museum guards for the long weekend. We need at least 120 guard-hours. A senior guard works "
            "a 10-hour shift and costs us $250 per shift. A student guard works a 5-hour shift and costs $90. "
            "How many shifts of each do we book to keep the cost as low as possible?")
    toks, spans = hand(text, [("CONST_DIR", "at least"), ("LIMIT", "120"), ("VAR", "senior guard"),
                              ("OBJ_NAME", "costs"), ("PARAM", "250"), ("VAR", "student guard"), ("OBJ_NAME", "costs"),
                              ("PARAM", "90"), ("OBJ_NAME", "cost")])
    goal, rows = model_of(toks, spans)
    assert rows == ["10 * senior_guard + 5 * student_guard >= 120"]


def test_labels_of_a_note_name_the_options_when_nothing_is_tagged() -> None:
    text = ("Bakery promo, need advice. Posters in shop windows: $30 per batch, each batch reaches about 400 "
            "people. Radio mentions: $120 each, about 2,000 people each. Budget is $1,500 for the month. The "
            "station sells at most 8 radio mentions, and I want at least 5 batches of posters up. How many of "
            "each to reach the most people?")
    toks, spans = hand(text, [("PARAM", "30"), ("LIMIT", "400"), ("PARAM", "120"), ("PARAM", "2,000"),
                              ("CONST_DIR", "Budget"), ("PARAM", "1,500"), ("CONST_DIR", "at most"), ("LIMIT", "8"),
                              ("CONST_DIR", "at least"), ("LIMIT", "5")])
    goal, rows = model_of(toks, spans)
    assert goal == "max 400 * posters + 2000 * radio_mentions"
    assert "30 * posters + 120 * radio_mentions <= 1500" in rows


def test_a_size_word_alone_takes_the_head_of_its_pair() -> None:
    text = ("Hi Sam, about the tent rental: we have space in the van for 24 tents and $9,000 to buy them. A small "
            "tent costs $300 and should earn $700 over the summer; a large costs $500 and should earn $1,000. How "
            "many smalls and larges should we buy so the summer's earnings are as high as possible? Best, Jo")
    toks, spans = hand(text, [("LIMIT", "24"), ("LIMIT", "9,000"), ("VAR", "small tent"), ("PARAM", "300"),
                              ("OBJ_NAME", "earn"), ("PARAM", "700"), ("VAR", "large"), ("PARAM", "500"),
                              ("OBJ_NAME", "earn"), ("PARAM", "1,000"), ("VAR", "larges"), ("OBJ_NAME", "earnings")])
    goal, rows = model_of(toks, spans)
    assert "small_tent + large <= 24" in rows


def test_the_portion_after_per_is_no_coefficient_and_labels_end_at_a_bracket() -> None:
    text = ("Feeding my rabbits (the vet picked the foods, I just need the amounts). Oat hay per 100 g: 8 g fibre, "
            "40 kcal, $0.20. Timothy pellets (plain) per 100 g: 18 g fibre, 60 kcal, $0.50. They need at least 90 g "
            "of fibre and at least 300 kcal a day. How many grams of each should I buy each day so it costs the "
            "least?")
    toks, spans = hand(text, [("PARAM", "8"), ("PARAM", "40"), ("PARAM", "0.20"), ("PARAM", "100"), ("PARAM", "18"),
                              ("PARAM", "60"), ("PARAM", "0.50"), ("CONST_DIR", "at least"), ("LIMIT", "90"),
                              ("CONST_DIR", "at least"), ("LIMIT", "300")])
    goal, rows = model_of(toks, spans)
    assert goal == "min 0.2 * oat_hay + 0.5 * timothy_pellets"
    assert rows == ["40 * oat_hay + 60 * timothy_pellets >= 300", "8 * oat_hay + 18 * timothy_pellets >= 90"]


def test_lettered_options_asked_of_each_spend_the_least_and_from_them() -> None:
    text = ("Clinic ordering. I need at least 3,000 syringes. Vendor A sells packs of 20 for $6 and Vendor B packs "
            "of 50 for $13. To keep our contract with A we have to buy at least 40 packs from them. How many packs "
            "from each vendor so I spend the least?")
    toks, spans = hand(text, [("CONST_DIR", "at least"), ("LIMIT", "3,000"), ("PARAM", "20"), ("PARAM", "6"),
                              ("PARAM", "50"), ("PARAM", "13"), ("CONST_DIR", "at least"), ("LIMIT", "40")])
    goal, rows = model_of(toks, spans)
    assert goal == "min 6 * vendor_a + 13 * vendor_b"
    assert rows == ["20 * vendor_a + 50 * vendor_b >= 3000", "vendor_a >= 40"]

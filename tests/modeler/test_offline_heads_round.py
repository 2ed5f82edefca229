"""Offline modeler: a rules round on the developed fresh sets (v38).

- A goal that says only the head every decision's name ends on ("the fewest printers") counts the decisions,
  and a class noun that follows every decision's name ("old machines", "new machines") counts them too.
- A hyphened pair also written apart ("soft-range units", "in the soft range") is one measure; hours meet a
  group in minutes; "spend 10 hours" is time, not money.
- Two limits left with a guess keep the order of their groups; a limit in the unit prices are quoted per
  ("$3 a kg") is no row of prices; what a subject "must get" names its group; a ", which ..." limit bounds the
  one decision its clause names ("Vases need the big kiln, which is free for only 20 hours").
- Money "placed" or "put to work" for interest is what is decided; a share "in shares" is the share fund's;
  "twice what's in savings" is twice the amount in savings.
- Names: an untagged name priced beside a tagged one ("... and jigsaws $84 a case"), a modifier made plural as a
  clause's subject ("injuries need ..."), a name run on into the pronoun "I".
- Numbers: a size between "in" and the names' head ("in 50 L bags") limits nothing; what the writer "can spare"
  or a plant "can supply" is a most; a quota bounds what it names; "one steward per 50 standing" is 1/50 each;
  an exact amount said before any name ("Next batch is exactly 20 kg, made from ...") stays a limit.
- "Worth" is the value a goal asks for.

The sentences are written for these tests (not taken from any data set). Tags are given by hand, as the
tagger gives them on such texts. No trained tagger is needed.
"""

from __future__ import annotations

from hand_tags import hand, model_of

from modeler.strategies.offline.prose import as_prose

_PRINTERS = ("A club is buying label printers and card printers. A label printer prints 800 pages per day and "
             "costs $300, while a card printer prints 500 pages per day and costs $120. The club must print at least "
             "6,000 pages per day and has a budget of $2,400. How many printers of each kind should it buy so that "
             "it needs the fewest printers?")
_PRINTER_MARKS = [("VAR", "label printers"), ("VAR", "card printers"), ("VAR", "label printer"), ("PARAM", "800"),
                  ("OBJ_NAME", "costs"), ("PARAM", "300"), ("VAR", "card printer"), ("PARAM", "500"),
                  ("OBJ_NAME", "costs"), ("PARAM", "120"), ("CONST_DIR", "at least"), ("LIMIT", "6,000"),
                  ("CONST_DIR", "budget"), ("LIMIT", "2,400")]


def test_a_goal_saying_only_the_shared_head_counts_the_decisions() -> None:
    goal, rows = model_of(*hand(_PRINTERS, _PRINTER_MARKS))
    assert goal == "min label_printers + card_printers"
    assert rows == ["300 * label_printers + 120 * card_printers <= 2400",
                    "800 * label_printers + 500 * card_printers >= 6000"]


def test_money_spent_on_the_head_is_still_money() -> None:
    text = ("A cafe wants to spend the least on baristas. Day baristas cost $150 per shift and night baristas cost "
            "$190 per shift. The cafe needs at least 14 baristas in total and at least 5 night baristas. How many "
            "of each should be hired?")
    marks = [("VAR", "Day baristas"), ("OBJ_NAME", "cost"), ("PARAM", "150"), ("VAR", "night baristas"),
             ("OBJ_NAME", "cost"), ("PARAM", "190"), ("CONST_DIR", "at least"), ("LIMIT", "14"),
             ("CONST_DIR", "at least"), ("LIMIT", "5"), ("VAR", "night baristas")]
    goal, _ = model_of(*hand(text, marks))
    assert goal == "min 150 * day_baristas + 190 * night_baristas"


_WASHERS = ("A laundry can run old washing machines and new ones. Old machines wash 20 kg an hour and need 1 "
            "attendant, new machines wash 45 kg an hour but need 3 attendants each. There are only 12 attendants on "
            "the shift. It must wash a minimum of 180 kg an hour. Find the number of each machine that minimizes "
            "the total number of machines running.")
_WASHER_MARKS = [("VAR", "old"), ("VAR", "Old"), ("PARAM", "20"), ("PARAM", "1"), ("VAR", "new"),
                 ("PARAM", "45"), ("PARAM", "3"), ("LIMIT", "12"), ("CONST_DIR", "minimum"), ("LIMIT", "180")]


def test_the_class_noun_after_every_name_counts_the_decisions() -> None:
    goal, rows = model_of(*hand(_WASHERS, _WASHER_MARKS))
    assert goal == "min old + new"
    assert rows == ["20 * old + 45 * new >= 180", "old + 3 * new <= 12"]


_RUGS = ("Warming up the cabin. Each rug gives 4 units of warmth and 0.5 units in the soft range and costs $60. "
         "Each blanket gives 2 units of warmth and 1.5 soft-range units and costs $25. I want at least 20 units "
         "of warmth and at least 9 soft-range units. How many rugs and blankets should I get to keep the cost "
         "down?")
_RUG_MARKS = [("VAR", "rug"), ("PARAM", "4"), ("PARAM", "0.5"), ("PARAM", "60"), ("VAR", "blanket"),
              ("PARAM", "2"), ("PARAM", "1.5"), ("PARAM", "25"), ("CONST_DIR", "at least"), ("LIMIT", "20"),
              ("CONST_DIR", "at least"), ("LIMIT", "9")]


def test_a_hyphened_pair_written_apart_too_is_one_measure() -> None:
    _, rows = model_of(*hand(_RUGS, _RUG_MARKS))
    assert "0.5 * rug + 1.5 * blanket >= 9" in rows


_ADS = ("We need at least 300,000 views among teenagers and at least 200,000 among retirees. A radio slot gives "
        "10,000 young and 30,000 older views and costs $800. A web banner gives 25,000 young and 5,000 older "
        "views and costs $500. How many slots and banners should we buy at the least cost?")
_AD_MARKS = [("CONST_DIR", "at least"), ("LIMIT", "300,000"), ("CONST_DIR", "at least"), ("LIMIT", "200,000"),
             ("VAR", "radio slot"), ("PARAM", "10,000"), ("PARAM", "30,000"), ("PARAM", "800"),
             ("VAR", "web banner"), ("PARAM", "25,000"), ("PARAM", "5,000"), ("PARAM", "500")]


def test_two_guessed_limits_keep_the_order_of_their_groups() -> None:
    _, rows = model_of(*hand(_ADS, _AD_MARKS))
    assert "10000 * radio_slot + 25000 * web_banner >= 300000" in rows
    assert "30000 * radio_slot + 5000 * web_banner >= 200000" in rows


_FLAKES = ("Making muesli for the shop. I mix oat flakes at $3 a kg with barley flakes at $2 a kg. I need exactly "
           "20 kg of flakes, and at least 30% of the mix has to be oat flakes. How much of each should I buy to "
           "keep the cost as low as possible?")
_FLAKE_MARKS = [("VAR", "oat"), ("PARAM", "3"), ("VAR", "barley"), ("PARAM", "2"), ("CONST_DIR", "exactly"),
                ("LIMIT", "20"), ("CONST_DIR", "at least"), ("LIMIT", "30%"), ("VAR", "oat")]


def test_a_limit_in_the_unit_prices_are_quoted_per_is_no_price_row() -> None:
    goal, rows = model_of(*hand(_FLAKES, _FLAKE_MARKS))
    assert goal == "min 3 * oat + 2 * barley"
    assert "oat + barley == 20" in rows


_LAMPS = ("A grower uses two lamps on a bench. Every hour of lamp A gives 4 units of heat to the seedlings, 0.6 units "
          "to the sensors and 1.2 units to the walls. Every hour of lamp B gives 3 units to the seedlings, 0.2 units "
          "to the sensors and 0.5 units to the walls. The seedlings must get at least 48 units and the sensors must "
          "receive no more than 9 units. How many hours of each lamp should be used to minimize the heat to the "
          "walls?")
_LAMP_MARKS = [("VAR", "lamp A"), ("PARAM", "4"), ("PARAM", "0.6"), ("PARAM", "1.2"), ("VAR", "lamp B"),
               ("PARAM", "3"), ("PARAM", "0.2"), ("PARAM", "0.5"), ("CONST_DIR", "at least"), ("LIMIT", "48"),
               ("CONST_DIR", "no more than"), ("LIMIT", "9"), ("OBJ_DIR", "minimize")]


def test_what_a_subject_must_get_names_its_group() -> None:
    _, rows = model_of(*hand(_LAMPS, _LAMP_MARKS))
    assert rows == ["0.6 * lamp_a + 0.2 * lamp_b <= 9", "4 * lamp_a + 3 * lamp_b >= 48"]


_CHOIR = ("The choir's fund of $60,000 has to be placed in full. Options: a savings account at 3%, a bond fund at "
          "5% and a share fund at 7%. The trustees want at least $10,000 in the savings account and at most 30% of "
          "the fund in the share fund. What split earns the most interest per year?")
_CHOIR_MARKS = [("LIMIT", "60,000"), ("VAR", "savings account"), ("PARAM", "3%"), ("VAR", "bond fund"),
                ("PARAM", "5%"), ("VAR", "share fund"), ("PARAM", "7%"), ("CONST_DIR", "at least"),
                ("LIMIT", "10,000"), ("VAR", "savings account"), ("CONST_DIR", "at most"), ("LIMIT", "30%"),
                ("VAR", "share fund"), ("OBJ_DIR", "most"), ("OBJ_NAME", "interest")]


def test_money_placed_to_earn_interest_is_what_is_decided() -> None:
    _, rows = model_of(*hand(_CHOIR, _CHOIR_MARKS))
    assert "savings_account + bond_fund + share_fund == 60000" in rows
    assert "savings_account >= 10000" in rows
    assert "share_fund <= 0.3 * (savings_account + bond_fund + share_fund)" in rows


def test_a_share_put_in_a_word_of_one_name_is_that_decisions_share() -> None:
    # the same text, the share said "in shares" (untagged) rather than "in the share fund"
    text = _CHOIR.replace("in the share fund.", "in shares.")
    marks = [m for k, m in enumerate(_CHOIR_MARKS) if k != 12]  # (without the last "share fund")
    _, rows = model_of(*hand(text, marks))
    assert "share_fund <= 0.3 * (savings_account + bond_fund + share_fund)" in rows


_CRATES = ("Spring order, garden centre. Budget $9,000. Rose bushes cost us $30 a crate and tulips $12 a crate; the "
           "shed holds 400 crates. Margin per crate is $15 on rose bushes and $6 on tulips. We've promised the "
           "florist at least 100 crates of tulips. How many crates of each should we order for the most margin?")
_CRATE_MARKS = [("CONST_DIR", "Budget"), ("LIMIT", "9,000"), ("VAR", "Rose bushes"), ("PARAM", "30"), ("PARAM", "12"),
                ("LIMIT", "400"), ("PARAM", "15"), ("VAR", "rose bushes"), ("PARAM", "6"), ("CONST_DIR", "at least"),
                ("LIMIT", "100")]


def test_an_untagged_name_priced_beside_a_tagged_one_is_its_sibling() -> None:
    goal, rows = model_of(*hand(_CRATES, _CRATE_MARKS))
    assert goal == "max 15 * rose_bushes + 6 * tulips"
    assert rows == ["30 * rose_bushes + 12 * tulips <= 9000", "rose_bushes + tulips <= 400", "tulips >= 100"]


def test_a_size_between_in_and_the_names_head_limits_nothing() -> None:
    text = ("Farm shop, bird seed. We pack two blends in 20 kg sacks. A Garden sack uses 12 kg of millet and 8 kg of "
            "sunflower and earns $9. A Finch sack uses 16 kg of millet and 4 kg of sunflower and earns $7. We have "
            "2,400 kg of millet and 1,000 kg of sunflower. How many sacks of each blend should we fill to earn the "
            "most?")
    marks = [("LIMIT", "20"), ("VAR", "Garden sack"), ("PARAM", "12"), ("PARAM", "8"), ("OBJ_NAME", "earns"),
             ("PARAM", "9"), ("VAR", "Finch sack"), ("PARAM", "16"), ("PARAM", "4"), ("OBJ_NAME", "earns"),
             ("PARAM", "7"), ("LIMIT", "2,400"), ("LIMIT", "1,000"), ("OBJ_NAME", "earn")]
    _, rows = model_of(*hand(text, marks))
    assert rows == ["12 * garden_sack + 16 * finch_sack <= 2400", "8 * garden_sack + 4 * finch_sack <= 1000"]


def test_what_a_thing_is_worth_is_the_value_a_goal_asks_for() -> None:
    text = ("Herb patch. I have 40 square feet to plant with basil and mint. Basil needs 3 litres of water a week per "
            "square foot and mint 2 litres, and I can spare 100 litres a week. A square foot of basil is worth about "
            "$4 over the season and a square foot of mint $2.50. How many square feet of each should I plant to get "
            "the most value?")
    marks = [("LIMIT", "40"), ("VAR", "basil"), ("VAR", "mint"), ("VAR", "Basil"), ("PARAM", "3"), ("VAR", "mint"),
             ("PARAM", "2"), ("LIMIT", "100"), ("VAR", "basil"), ("PARAM", "4"), ("VAR", "mint"), ("PARAM", "2.50"),
             ("OBJ_NAME", "value")]
    goal, rows = model_of(*hand(text, marks))
    assert goal == "max 4 * basil + 2.5 * mint"
    # ("I can spare 100 litres a week" after "mint 2 litres": what the writer can spare is a stock, a most)
    assert rows == ["3 * basil + 2 * mint <= 100", "basil + mint <= 40"]


def test_a_name_run_on_into_the_pronoun_i_ends_before_it() -> None:
    from modeler.strategies.offline.entities import Span
    from modeler.strategies.offline.name_repairs import complete_mentions

    words = "What's the most chocolate cereal I can put in ?".split()
    spans = complete_mentions(words, [Span("VAR", 3, 6, "chocolate cereal I")])
    assert [(sp.text, sp.start, sp.end) for sp in spans if sp.label == "VAR"] == [("chocolate cereal", 3, 5)]


def test_a_modifier_made_plural_names_its_decision() -> None:
    text = ("A vet clinic sees cat patients, dog patients and bird patients. The vet has 300 minutes and the nurse "
            "has 400 minutes per day. Cat patients need 15 minutes of the vet and 10 minutes of nurse time, dogs "
            "need 20 minutes vet and 15 minutes nurse, and birds: 10 minutes vet, 5 minutes nurse. How many patients "
            "of each kind should be seen to treat the most patients in total?")
    marks = [("VAR", "cat patients"), ("VAR", "dog patients"), ("VAR", "bird patients"), ("LIMIT", "300"),
             ("LIMIT", "400"), ("VAR", "Cat patients"), ("PARAM", "15"), ("PARAM", "10"), ("PARAM", "20"),
             ("PARAM", "15"), ("PARAM", "10"), ("PARAM", "5")]
    _, rows = model_of(*hand(text, marks))
    assert rows == ["10 * cat_patients + 15 * dog_patients + 5 * bird_patients <= 400",
                    "15 * cat_patients + 20 * dog_patients + 10 * bird_patients <= 300"]


def test_a_multiple_of_whats_in_another_option_is_said_as_its_amount() -> None:
    assert as_prose("The ETF shouldn't be more than twice what's in savings.") == (
        "The ETF shouldn't be more than twice the amount in savings.")
    assert as_prose("Gilts can't be more than 3 times what sits in the bank.") == (
        "Gilts can't be more than 3 times the amount in the bank.")


def test_money_put_to_work_for_a_return_is_invested() -> None:
    text = ("I've got $30,000 from a bonus and want to put all of it to work. Options: a savings account paying 3% a "
            "year, and an index fund that should return about 6%. I want at least $8,000 in savings no matter what, "
            "and the fund shouldn't be more than twice what's in savings. How do I split it to get the biggest "
            "yearly return?")
    marks = [("LIMIT", "30,000"), ("VAR", "savings account"), ("PARAM", "3%"), ("VAR", "index fund"),
             ("OBJ_NAME", "return"), ("PARAM", "6%"), ("CONST_DIR", "at least"), ("LIMIT", "8,000"),
             ("CONST_DIR", "more than"), ("PARAM", "twice"), ("VAR", "savings"), ("OBJ_NAME", "return")]
    goal, rows = model_of(*hand(as_prose(text), marks))
    assert goal == "max 0.03 * savings_account + 0.06 * index_fund"
    assert "savings_account >= 8000" in rows
    assert "index_fund <= 2 * savings_account" in rows


def test_one_of_a_resource_per_so_many_of_a_decision_is_its_inverse() -> None:
    text = ("A venue sells standing tickets at $30 and seated tickets at $55. A standing ticket takes 0.5 m2 of floor "
            "and a seated ticket takes 1.2 m2; we have 800 m2. Safety needs one steward per 50 standing tickets and "
            "one per 40 seated tickets, and we only have 20 stewards. How many of each ticket should we sell to "
            "bring in the most?")
    marks = [("VAR", "standing tickets"), ("PARAM", "30"), ("VAR", "seated tickets"), ("PARAM", "55"),
             ("VAR", "standing ticket"), ("PARAM", "0.5"), ("VAR", "seated ticket"), ("PARAM", "1.2"),
             ("LIMIT", "800"), ("PARAM", "50"), ("VAR", "standing tickets"), ("PARAM", "40"),
             ("VAR", "seated tickets"), ("CONST_DIR", "only"), ("LIMIT", "20")]
    _, rows = model_of(*hand(text, marks))
    assert rows == ["0.02 * standing_tickets + 0.025 * seated_tickets <= 20",
                    "0.5 * standing_tickets + 1.2 * seated_tickets <= 800"]


def test_hours_spent_are_time_and_meet_a_group_in_minutes() -> None:
    text = ("I have to make at least 20 trips to the gym this month. The bus is $2.50 a trip but takes 35 minutes, a "
            "bike share is $4 a trip and only 12 minutes. I don't want to spend more than 10 hours total travelling. "
            "How many of each should I do so it costs me the least?")
    marks = [("CONST_DIR", "at least"), ("LIMIT", "20"), ("VAR", "bus"), ("PARAM", "2.50"), ("PARAM", "35"),
             ("VAR", "bike share"), ("PARAM", "4"), ("PARAM", "12"), ("CONST_DIR", "more than"), ("LIMIT", "10")]
    _, rows = model_of(*hand(text, marks))
    assert "35 * bus + 12 * bike_share <= 600" in rows


def test_a_quota_bounds_what_it_names_and_what_a_plant_can_supply_is_a_most() -> None:
    text = ("Harbour co-op, summer plan. Hake sells at $2,000 a tonne and plaice at $2,600. Our hake quota for the "
            "season is 30 tonnes. Each tonne of hake takes 0.5 boat days and each tonne of plaice 0.8; the fleet has "
            "40 boat days. The ice plant can supply 50 tonnes of ice and every tonne landed needs 0.4 tonnes of it. "
            "How many tonnes of each bring in the most?")
    marks = [("VAR", "Hake"), ("PARAM", "2,000"), ("VAR", "plaice"), ("PARAM", "2,600"), ("PARAM", "30"),
             ("VAR", "hake"), ("PARAM", "0.5"), ("VAR", "plaice"), ("PARAM", "0.8"), ("LIMIT", "40"), ("PARAM", "50"),
             ("PARAM", "0.4")]
    _, rows = model_of(*hand(text, marks))
    assert "hake <= 30" in rows
    assert any(row.endswith("<= 50") for row in rows)


def test_a_sum_the_writer_wants_all_of_placed_is_used_in_full() -> None:
    text = ("Note for the treasurer. The club holds $40,000 in reserves and wants all of it placed: a savings account "
            "at 3% a year and a bond fund at 5%. The committee wants at least $10,000 in the savings account. Find "
            "the split that earns the most interest in a year.")
    marks = [("PARAM", "40,000"), ("VAR", "savings account"), ("PARAM", "3%"), ("VAR", "bond fund"),
             ("PARAM", "5%"), ("CONST_DIR", "at least"), ("LIMIT", "10,000"), ("VAR", "savings account"),
             ("OBJ_NAME", "interest")]
    goal, rows = model_of(*hand(text, marks))
    assert goal == "max 0.03 * savings_account + 0.05 * bond_fund"
    assert rows == ["savings_account + bond_fund == 40000", "savings_account >= 10000"]


def test_what_one_uses_before_a_stock_in_stock_stays_a_coefficient() -> None:
    text = ("A toy maker assembles small kits and large kits. A small kit takes 2 hours and a large kit takes 5 hours, "
            "and there are 400 hours of assembly time. Each small kit uses 1 battery and each large kit uses 3 "
            "batteries, 240 batteries are in stock. The profit is $12 per small kit and $35 per large kit. How many "
            "of each kit should be made to maximize profit?")
    marks = [("VAR", "small kits"), ("VAR", "large kits"), ("VAR", "small kit"), ("PARAM", "2"), ("VAR", "large kit"),
             ("PARAM", "5"), ("LIMIT", "400"), ("VAR", "small kit"), ("PARAM", "1"), ("VAR", "large kit"),
             ("PARAM", "3"), ("LIMIT", "240"), ("OBJ_NAME", "profit"), ("PARAM", "12"), ("VAR", "small kit"),
             ("PARAM", "35"), ("VAR", "large kit"), ("OBJ_DIR", "maximize"), ("OBJ_NAME", "profit")]
    _, rows = model_of(*hand(text, marks))
    assert rows == ["2 * small_kits + 5 * large_kits <= 400", "small_kits + 3 * large_kits <= 240"]


def test_a_quota_named_by_one_word_of_a_name_bounds_that_decision() -> None:
    text = ("Harbour co-op, summer plan. Hake fillets sell at $2,000 a tonne and plaice fillets at $2,600. Our hake "
            "quota for the season is 30 tonnes. Each tonne of hake fillets takes 0.5 boat days and each tonne of "
            "plaice fillets 0.8; the fleet has 40 boat days. How many tonnes of each bring in the most?")
    marks = [("VAR", "Hake fillets"), ("PARAM", "2,000"), ("VAR", "plaice fillets"), ("PARAM", "2,600"),
             ("LIMIT", "30"), ("VAR", "hake fillets"), ("PARAM", "0.5"), ("VAR", "plaice fillets"), ("PARAM", "0.8"),
             ("LIMIT", "40")]
    _, rows = model_of(*hand(text, marks))
    assert rows == ["0.5 * hake_fillets + 0.8 * plaice_fillets <= 40", "hake_fillets <= 30"]


def test_an_exact_amount_said_before_any_name_stays_a_limit() -> None:
    text = ("Trail mix memo. Next batch is exactly 20 kg, made from peanuts at $4/kg and cashews at $12/kg. At least "
            "25% of the batch has to be cashews. Minimize the nut cost.")
    marks = [("LIMIT", "20"), ("VAR", "peanuts"), ("PARAM", "4"), ("VAR", "cashews"), ("PARAM", "12"),
             ("CONST_DIR", "At least"), ("LIMIT", "25%"), ("VAR", "cashews"), ("OBJ_DIR", "Minimize"),
             ("OBJ_NAME", "cost")]
    _, rows = model_of(*hand(text, marks))
    assert rows == ["cashews >= 0.25 * (peanuts + cashews)", "peanuts + cashews == 20"]


def test_a_which_clause_bounds_one_decisions_part_and_leaves_the_group() -> None:
    text = ("Pottery studio plan. A mug takes 0.5 hours and earns $12; a vase takes 2 hours and earns $40. The potters "
            "have 60 hours between them. Vases need the big kiln, which is free for only 20 hours. How many mugs and "
            "vases should we make to earn the most?")
    marks = [("VAR", "mug"), ("PARAM", "0.5"), ("PARAM", "12"), ("VAR", "vase"), ("PARAM", "2"), ("PARAM", "40"),
             ("LIMIT", "60"), ("VAR", "Vases"), ("CONST_DIR", "only"), ("LIMIT", "20"), ("VAR", "mugs"),
             ("VAR", "vases")]
    _, rows = model_of(*hand(text, marks))
    assert rows == ["0.5 * mug + 2 * vase <= 60", "2 * vase <= 20"]

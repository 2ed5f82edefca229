"""Offline modeler: readings that rewrites of NL4Opt training problems in a second writer's words showed missing
(para1 part C, round 132): a shop "open only" so many minutes, an amount "or more", a sum of money one option
"must get", a fraction "of" the other decision's name, a multiple of "the money put into" the other, a count
"set aside for" one kind, a comparison whose one tagged name comes after "than", "both types use ... apiece",
a counted list after a colon ("four industries: ..."), and an ordinal alone with its name ("The first, X, ...").

The sentences are written for these tests (not taken from any data set). Tags are given by hand, as the
tagger gives them on such texts. No trained tagger is needed.
"""

from __future__ import annotations

from hand_tags import hand, model_of


def test_a_place_open_only_so_many_minutes_a_week_is_a_limit() -> None:
    # "The bakery is open only 2400 minutes each week" with 2400 tagged as a coefficient: the time there is
    text = ("A bakery bakes loaves and cakes. A loaf takes 15 minutes to bake and a cake takes 40 minutes. The "
            "bakery is open only 2400 minutes each week. Each loaf earns $2 profit and each cake earns $9. How "
            "many of each should be baked to maximize profit?")
    toks, spans = hand(text, [("VAR", "loaves"), ("VAR", "cakes"), ("VAR", "loaf"), ("PARAM", "15"),
                              ("VAR", "cake"), ("PARAM", "40"), ("PARAM", "2400"), ("VAR", "loaf"),
                              ("OBJ_NAME", "earns"), ("PARAM", "2"), ("OBJ_NAME", "profit"), ("VAR", "cake"),
                              ("OBJ_NAME", "earns"), ("PARAM", "9"), ("OBJ_DIR", "maximize"), ("OBJ_NAME", "profit")])
    _, rows = model_of(toks, spans)
    assert "15 * loaves + 40 * cakes <= 2400" in rows, rows


def test_an_amount_or_more_is_a_bound_and_money_one_option_gets_bounds_it() -> None:
    # "bonds must receive $2500 or more" (2500 tagged as a coefficient): a bound on the money put in bonds
    text = ("Ella has $9000 to invest in stocks and bonds. Each dollar in stocks earns $0.08 and each dollar in "
            "bonds earns $0.04. Stocks may take at most 70% of the money, and bonds must receive $2500 or more. "
            "How much should she put into each to maximize her earnings?")
    toks, spans = hand(text, [("CONST_DIR", "has"), ("LIMIT", "9000"), ("VAR", "stocks"), ("VAR", "bonds"),
                              ("VAR", "stocks"), ("OBJ_NAME", "earns"), ("PARAM", "0.08"), ("VAR", "bonds"),
                              ("OBJ_NAME", "earns"), ("PARAM", "0.04"), ("VAR", "Stocks"), ("CONST_DIR", "at most"),
                              ("LIMIT", "70 %"), ("VAR", "bonds"), ("PARAM", "2500"), ("OBJ_DIR", "maximize"),
                              ("OBJ_NAME", "earnings")])
    _, rows = model_of(toks, spans)
    assert "bonds >= 2500" in rows, rows


def test_a_sum_of_money_one_option_must_get_bounds_that_option() -> None:
    # "and gold must get a minimum of $3000": the money put in gold, not the earnings row
    text = ("Omar has $12000 available to invest in silver and gold. Each dollar put into silver returns $0.2 and "
            "each dollar put into gold returns $0.1. Silver must get no less than 30% of the money, and gold must "
            "get a minimum of $3000. How much money should Omar invest in each to maximize his return?")
    toks, spans = hand(text, [("LIMIT", "12000"), ("CONST_DIR", "available"), ("VAR", "silver"), ("VAR", "gold"),
                              ("VAR", "silver"), ("OBJ_NAME", "returns"), ("PARAM", "0.2"), ("VAR", "gold"),
                              ("OBJ_NAME", "returns"), ("PARAM", "0.1"), ("VAR", "Silver"),
                              ("CONST_DIR", "no less than"), ("LIMIT", "30 %"), ("VAR", "gold"),
                              ("CONST_DIR", "minimum"), ("LIMIT", "3000"), ("OBJ_DIR", "maximize"),
                              ("OBJ_NAME", "return")])
    _, rows = model_of(toks, spans)
    assert "gold >= 3000" in rows, rows


def test_a_fraction_of_the_other_decisions_name_is_a_multiple_of_it() -> None:
    # "scooter sales can be no more than one quarter of bicycle sales": scooters <= 0.25 bicycles
    text = ("A shop can spend at most $30000 on bicycles and scooters. A bicycle costs $300 and a scooter costs "
            "$600. Each bicycle earns $90 profit and each scooter earns $200. Scooter sales can be no more than one "
            "quarter of bicycle sales. How many of each should the shop sell to maximize profit?")
    toks, spans = hand(text, [("CONST_DIR", "at most"), ("LIMIT", "30000"), ("VAR", "bicycles"), ("VAR", "scooters"),
                              ("VAR", "bicycle"), ("PARAM", "300"), ("VAR", "scooter"), ("PARAM", "600"),
                              ("VAR", "bicycle"), ("OBJ_NAME", "earns"), ("PARAM", "90"), ("OBJ_NAME", "profit"),
                              ("VAR", "scooter"), ("OBJ_NAME", "earns"), ("PARAM", "200"),
                              ("CONST_DIR", "no more than"), ("PARAM", "one quarter"), ("VAR", "bicycle sales"),
                              ("OBJ_DIR", "maximize"), ("OBJ_NAME", "profit")])
    _, rows = model_of(toks, spans)
    assert "scooters <= 0.25 * bicycles" in rows, rows


def test_a_multiple_of_the_money_put_into_the_other() -> None:
    # "The money put into the bakery must be at least twice the money put into the cafe"
    text = ("A fund is investing up to $500000 in a bakery and a cafe. The money put into the bakery must be at "
            "least 2 times the money put into the cafe. Money in the bakery earns 4% and money in the cafe earns "
            "6%. How much should the fund invest in each to maximize its earnings?")
    toks, spans = hand(text, [("CONST_DIR", "up to"), ("LIMIT", "500000"), ("VAR", "bakery"), ("VAR", "cafe"),
                              ("VAR", "bakery"), ("CONST_DIR", "at least"), ("LIMIT", "2"), ("VAR", "cafe"),
                              ("VAR", "bakery"), ("OBJ_NAME", "earns"), ("PARAM", "4 %"), ("VAR", "cafe"),
                              ("OBJ_NAME", "earns"), ("PARAM", "6 %"), ("OBJ_DIR", "maximize"),
                              ("OBJ_NAME", "earnings")])
    _, rows = model_of(toks, spans)
    assert "bakery >= 2 * cafe" in rows, rows


def test_a_count_set_aside_for_one_kind_bounds_that_kind() -> None:
    # "At least 20 seats are reserved for seniors": the senior seats, not all seats together
    text = ("A theatre sells student seats and senior seats, and it can seat at most 200 people. Each student seat "
            "earns $5 profit and each senior seat earns $4. At least 20 seats are reserved for seniors. How many "
            "seats of each kind should be sold to maximize profit?")
    toks, spans = hand(text, [("VAR", "student seats"), ("VAR", "senior seats"), ("CONST_DIR", "at most"),
                              ("LIMIT", "200"), ("VAR", "student seat"), ("OBJ_NAME", "earns"), ("PARAM", "5"),
                              ("OBJ_NAME", "profit"), ("VAR", "senior seat"), ("OBJ_NAME", "earns"), ("PARAM", "4"),
                              ("CONST_DIR", "At least"), ("LIMIT", "20"), ("OBJ_DIR", "maximize"),
                              ("OBJ_NAME", "profit")])
    _, rows = model_of(toks, spans)
    assert "senior_seats >= 20" in rows, rows


def test_the_one_tagged_name_after_than_is_the_side_compared_with() -> None:
    # "the acreage of oats to be no less than the acreage of rye" with only "rye" tagged: oats >= rye
    text = ("A farmer has 50 acres for oats and rye. Oats earn $200 per acre and rye earns $300 per acre. Because "
            "oats keep well, she wants the acreage of oats to be no less than the acreage of rye. But the oat "
            "acreage can be no more than 3 times the rye acreage. How many acres of each should she plant to "
            "maximize profit?")
    toks, spans = hand(text, [("LIMIT", "50"), ("VAR", "oats"), ("VAR", "rye"), ("VAR", "Oats"),
                              ("OBJ_NAME", "earn"), ("PARAM", "200"), ("VAR", "rye"), ("OBJ_NAME", "earns"),
                              ("PARAM", "300"), ("CONST_DIR", "no less than"), ("VAR", "rye"),
                              ("VAR", "oat acreage"), ("CONST_DIR", "no more than"), ("PARAM", "3"),
                              ("OBJ_DIR", "maximize"), ("OBJ_NAME", "profit")])
    _, rows = model_of(toks, spans)
    assert "oats >= rye" in rows, rows


def test_both_types_use_an_amount_apiece_measures_every_kind() -> None:
    # "..., and both types use 12 kg of aluminium apiece": the aluminium row has 12 for each kind
    text = ("A bike maker builds road bikes and mountain bikes. Each road bike needs 5 hours of labor and each "
            "mountain bike needs 8 hours, and both types use 12 kg of aluminium apiece. Every week the maker gets "
            "600 kg of aluminium and has 400 hours of labor. The profit is $300 on each road bike and $450 on each "
            "mountain bike. How many of each should be built to maximize profit?")
    toks, spans = hand(text, [("VAR", "road bikes"), ("VAR", "mountain bikes"), ("VAR", "road bike"), ("PARAM", "5"),
                              ("VAR", "mountain bike"), ("PARAM", "8"), ("PARAM", "12"), ("LIMIT", "600"),
                              ("CONST_DIR", "has"), ("LIMIT", "400"), ("OBJ_NAME", "profit"), ("PARAM", "300"),
                              ("VAR", "road bike"), ("PARAM", "450"), ("VAR", "mountain bike"),
                              ("OBJ_DIR", "maximize"), ("OBJ_NAME", "profit")])
    _, rows = model_of(toks, spans)
    assert "12 * road_bikes + 12 * mountain_bikes <= 600" in rows, rows


def test_a_counted_list_after_a_colon_names_every_decision() -> None:
    # "has picked three funds: gold, silver, and copper" with "gold" untagged: gold is a decision too
    text = ("A saver has $50000 to invest and has picked three funds: gold, silver, and copper. The yearly returns "
            "are 4% for gold, 6% for silver, and 7% for copper. The money put into copper should be no more than "
            "the money put into gold. How much should go into each fund to maximize the return?")
    toks, spans = hand(text, [("CONST_DIR", "has"), ("LIMIT", "50000"), ("VAR", "silver"), ("VAR", "copper"),
                              ("OBJ_NAME", "returns"), ("PARAM", "4 %"), ("PARAM", "6 %"), ("VAR", "silver"),
                              ("PARAM", "7 %"), ("CONST_DIR", "no more than"), ("OBJ_DIR", "maximize"),
                              ("OBJ_NAME", "return")])
    goal, rows = model_of(toks, spans)
    assert goal == "max 0.04 * gold + 0.06 * silver + 0.07 * copper", goal
    assert "copper <= gold" in rows, rows


def test_an_ordinal_alone_with_its_name_set_off_by_commas_names_a_decision() -> None:
    # "The first, oat bar, costs $2 ... The second, nut bar, costs $3": oat bars and nut bars are the decisions
    text = ("Two snacks give fiber and protein. The first, oat bar, costs $2 per piece and has 6 grams of fiber and "
            "4 grams of protein in each piece. The second, nut bar, costs $3 per piece and has 2 grams of fiber and 9 "
            "grams of protein in each piece. At least 30 grams of fiber and at least 40 grams of protein are needed. "
            "How many pieces of each snack should be eaten to minimize the cost?")
    toks, spans = hand(text, [("VAR", "protein"), ("OBJ_NAME", "costs"), ("PARAM", "2"), ("PARAM", "6"),
                              ("PARAM", "4"), ("OBJ_NAME", "costs"), ("PARAM", "3"), ("PARAM", "2"), ("PARAM", "9"),
                              ("CONST_DIR", "At least"), ("LIMIT", "30"), ("CONST_DIR", "at least"), ("LIMIT", "40"),
                              ("OBJ_DIR", "minimize"), ("OBJ_NAME", "cost")])
    goal, rows = model_of(toks, spans)
    assert goal == "min 2 * oat_bar + 3 * nut_bar", goal

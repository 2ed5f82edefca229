"""Offline modeler: readings that rewrites of NL4Opt training problems in a second writer's words showed
missing (paraphrase round, parts B and D, helper h131): land one grows things "on his 50 acre plot", a
limit of "neither machine" or "each of the two machines" on each machine's own row, "will not put more
into X than into Y", a time "to make one kg of either A or B", "unwilling to spend over $X",
"a minimum of 50 must be sold, but no more than 80 can be prepared" (the two ends of one decision's range),
"It has $800,000, and all of it will be invested", "no less than double her fashion investment", "no more
than $12000 can go into healthcare", "enough crusts for 30 pies in total" and "cannot sell over 40 of them".

The sentences are written for these tests (not taken from any data set). Tags are given by hand, as the
tagger gives them on such texts. No trained tagger is needed.
"""

from __future__ import annotations

from hand_tags import hand, model_of


def test_land_on_ones_own_plot_is_shared_by_the_crops() -> None:
    # "on his 50 acre plot": the owner's word between "on" and the measure, still the room both crops share
    text = ("Tom wants to grow carrots and onions on his 50 acre plot. Carrot seed costs $12 per acre and onion "
            "seed costs $8 per acre, and he can spend at most $500 on seed. Each acre of carrots gives a profit "
            "of $90 and each acre of onions a profit of $70. How many acres of each should he grow to maximize "
            "profit?")
    toks, spans = hand(text, [("VAR", "carrots"), ("VAR", "onions"), ("LIMIT", "50"), ("VAR", "Carrot seed"),
                              ("PARAM", "12"), ("VAR", "onion seed"), ("PARAM", "8"), ("CONST_DIR", "at most"),
                              ("LIMIT", "500"), ("VAR", "carrots"), ("OBJ_NAME", "profit"), ("PARAM", "90"),
                              ("VAR", "onions"), ("PARAM", "70"), ("OBJ_DIR", "maximize"), ("OBJ_NAME", "profit")])
    _, rows = model_of(toks, spans)
    assert "carrots + onions <= 50" in rows, rows


def test_neither_machine_bounds_each_machines_row() -> None:
    # "Neither machine can run more than 900 hours" of chairs and tables: the machines' rows, not each product
    text = ("A shop makes chairs and tables on a lathe and a sander. A chair takes 3 hours on the lathe and 1 hour "
            "on the sander, and a table takes 2 hours on the lathe and 4 hours on the sander. Neither machine can "
            "run more than 900 hours a year. A chair earns $40 and a table earns $75. How many of each should "
            "be made to maximize profit?")
    toks, spans = hand(text, [("VAR", "chairs"), ("VAR", "tables"), ("VAR", "chair"), ("PARAM", "3"),
                              ("PARAM", "1"), ("VAR", "table"), ("PARAM", "2"), ("PARAM", "4"),
                              ("CONST_DIR", "more than"), ("LIMIT", "900"), ("VAR", "chair"), ("PARAM", "40"),
                              ("VAR", "table"), ("PARAM", "75"), ("OBJ_DIR", "maximize"), ("OBJ_NAME", "profit")])
    _, rows = model_of(toks, spans)
    assert "3 * chairs + 2 * tables <= 900" in rows and "chairs + 4 * tables <= 900" in rows, rows


def test_each_of_the_two_named_machines_is_no_group_to_add_up() -> None:
    # "Each of the two machines" after "the mixing machine" and "the filling machine": 300 minutes each,
    # not 600 for the two together
    text = ("A bakery makes muffins and scones. A muffin needs 2 minutes on the mixing machine and 3 minutes on "
            "the filling machine, and a scone needs 4 minutes on the mixing machine and 1 minute on the filling "
            "machine. Each of the two machines can be used for at most 300 minutes a day. A muffin earns $2 and "
            "a scone earns $3. How many of each should be made to maximize profit?")
    toks, spans = hand(text, [("VAR", "muffins"), ("VAR", "scones"), ("VAR", "muffin"), ("PARAM", "2"),
                              ("PARAM", "3"), ("VAR", "scone"), ("PARAM", "4"), ("PARAM", "1"),
                              ("CONST_DIR", "at most"), ("LIMIT", "300"), ("VAR", "muffin"), ("PARAM", "2"),
                              ("VAR", "scone"), ("PARAM", "3"), ("OBJ_DIR", "maximize"), ("OBJ_NAME", "profit")])
    _, rows = model_of(toks, spans)
    assert "2 * muffins + 4 * scones <= 300" in rows and "3 * muffins + scones <= 300" in rows, rows


def test_will_not_put_more_into_one_than_another_is_a_most() -> None:
    # "she will not put more into gold than into bonds": gold <= bonds
    text = ("Mia has $40000 to invest in gold and bonds. Gold returns 6% and bonds return 4%. She will not put "
            "more into gold than into bonds. How much should she invest in each to maximize her return?")
    toks, spans = hand(text, [("LIMIT", "40000"), ("VAR", "gold"), ("VAR", "bonds"), ("VAR", "Gold"),
                              ("OBJ_NAME", "returns"), ("PARAM", "6%"), ("VAR", "bonds"), ("PARAM", "4%"),
                              ("VAR", "gold"), ("VAR", "bonds"), ("OBJ_DIR", "maximize"), ("OBJ_NAME", "return")])
    _, rows = model_of(toks, spans)
    assert "gold <= bonds" in rows, rows


def test_a_time_for_either_of_two_products_is_each_ones() -> None:
    # "3 hours in the kiln to fire one batch of either bowls or plates": 3 for each
    text = ("A studio makes bowls and plates. It takes 3 hours in the kiln to fire one batch of either bowls or "
            "plates, and the kiln can run at most 60 hours a week. A batch of bowls earns $50 and a batch of "
            "plates earns $40. How many batches of each should be made to maximize profit?")
    toks, spans = hand(text, [("VAR", "bowls"), ("VAR", "plates"), ("PARAM", "3"), ("VAR", "bowls"),
                              ("VAR", "plates"), ("CONST_DIR", "at most"), ("LIMIT", "60"), ("VAR", "bowls"),
                              ("PARAM", "50"), ("VAR", "plates"), ("PARAM", "40"), ("OBJ_DIR", "maximize"),
                              ("OBJ_NAME", "profit")])
    _, rows = model_of(toks, spans)
    assert "3 * bowls + 3 * plates <= 60" in rows, rows


def test_unwilling_to_spend_over_is_a_budget() -> None:
    # "unwilling to spend over $6000" tagged as a coefficient: a limit on what the buying costs
    text = ("Lee resells bikes and scooters. He pays $300 for each bike and $200 for each scooter. Monthly "
            "demand for the bikes and scooters together is no more than 25, and he is unwilling to spend over "
            "$6000 buying them. He makes $90 profit per bike and $60 profit per scooter. How many of each should "
            "he buy to maximize profit?")
    toks, spans = hand(text, [("VAR", "bikes"), ("VAR", "scooters"), ("PARAM", "300"), ("VAR", "bike"),
                              ("PARAM", "200"), ("VAR", "scooter"), ("VAR", "bikes"), ("VAR", "scooters"),
                              ("CONST_DIR", "no more than"), ("LIMIT", "25"), ("PARAM", "6000"), ("PARAM", "90"),
                              ("OBJ_NAME", "profit"), ("VAR", "bike"), ("PARAM", "60"), ("OBJ_NAME", "profit"),
                              ("VAR", "scooter"), ("OBJ_DIR", "maximize"), ("OBJ_NAME", "profit")])
    _, rows = model_of(toks, spans)
    assert "300 * bikes + 200 * scooters <= 6000" in rows, rows


def test_the_other_end_of_a_range_after_but_bounds_the_same_decision() -> None:
    # "a minimum of 30 must be sold, but no more than 60 can be baked": the scones' range, not all together
    text = ("A cafe bakes muffins and scones. Each muffin brings $2 profit and each scone $3. Muffins sell well, "
            "so at least 20 must be baked. Scones are popular, so a minimum of 30 must be sold, but no more than "
            "60 can be baked daily. The oven holds at most 100 items in total. How many of each should be baked "
            "to maximize profit?")
    toks, spans = hand(text, [("VAR", "muffins"), ("VAR", "scones"), ("VAR", "muffin"), ("PARAM", "2"),
                              ("OBJ_NAME", "profit"), ("VAR", "scone"), ("PARAM", "3"), ("VAR", "Muffins"),
                              ("CONST_DIR", "at least"), ("LIMIT", "20"), ("VAR", "Scones"),
                              ("CONST_DIR", "minimum"), ("LIMIT", "30"), ("CONST_DIR", "no more than"),
                              ("LIMIT", "60"), ("CONST_DIR", "at most"), ("LIMIT", "100"), ("OBJ_DIR", "maximize"),
                              ("OBJ_NAME", "profit")])
    _, rows = model_of(toks, spans)
    assert "scones <= 60" in rows and "muffins + scones <= 60" not in rows, rows


def test_all_of_it_will_be_invested_after_the_sum_is_an_equality() -> None:
    # "It has $50,000, and all of it will be invested" with the sum tagged as a coefficient: the whole sum
    text = ("A trust is choosing between a bond fund and a stock fund. It has $50,000, and all of it will be "
            "invested, part in the bond fund and the rest in the stock fund. The bond fund earns 4% and the stock "
            "fund earns 9%. At most $30,000 may go into the stock fund. How much should go into each fund to "
            "maximize the return?")
    toks, spans = hand(text, [("VAR", "bond fund"), ("VAR", "stock fund"), ("CONST_DIR", "has"),
                              ("PARAM", "50,000"), ("VAR", "bond fund"), ("VAR", "stock fund"), ("VAR", "bond fund"),
                              ("OBJ_NAME", "earns"), ("PARAM", "4%"), ("VAR", "stock fund"), ("PARAM", "9%"),
                              ("CONST_DIR", "At most"), ("LIMIT", "30,000"), ("VAR", "stock fund"),
                              ("OBJ_DIR", "maximize"), ("OBJ_NAME", "return")])
    _, rows = model_of(toks, spans)
    assert "bond_fund + stock_fund == 50000" in rows, rows


def test_a_multiple_of_her_other_investment_compares_the_two() -> None:
    # "no less than double her bond investment": stocks >= 2 bonds (an owner's word where "the" stands)
    text = ("Ann will invest $30000 in stocks and bonds. Stocks earn 7% and bonds earn 3%. Her stock investment "
            "must be no less than double her bond investment. How much should she put in each to maximize her "
            "earnings?")
    toks, spans = hand(text, [("LIMIT", "30000"), ("VAR", "stocks"), ("VAR", "bonds"), ("VAR", "Stocks"),
                              ("OBJ_NAME", "earn"), ("PARAM", "7%"), ("VAR", "bonds"), ("PARAM", "3%"),
                              ("VAR", "stock"), ("CONST_DIR", "no less than double"), ("VAR", "bond"),
                              ("OBJ_DIR", "maximize"), ("OBJ_NAME", "earnings")])
    _, rows = model_of(toks, spans)
    assert "stocks >= 2 * bonds" in rows, rows


def test_money_that_can_go_into_an_untagged_option_bounds_it() -> None:
    # "no more than $9000 can go into retail." with "retail" untagged there: that option alone
    text = ("Sam wants to invest $20000 in the retail and shipping industries. Retail investments earn 8%, and "
            "shipping investments earn 5%. However, no more than $9000 can go into retail. How should he split "
            "his money to get the most profit?")
    toks, spans = hand(text, [("LIMIT", "20000"), ("VAR", "retail"), ("VAR", "shipping industries"),
                              ("VAR", "Retail investments"), ("OBJ_NAME", "earn"), ("PARAM", "8%"),
                              ("OBJ_NAME", "earn"), ("PARAM", "5%"), ("CONST_DIR", "no more than"),
                              ("LIMIT", "9000"), ("OBJ_NAME", "profit")])
    _, rows = model_of(toks, spans)
    assert "retail <= 9000" in rows, rows


def test_enough_for_so_many_of_the_decided_things_is_their_sum() -> None:
    # "enough frosting for 40 cakes in total" of lemon and carrot cakes: both cakes together, though "a cake
    # shop" names one cake after the carrot cakes (a stock one of which some item takes is another thing)
    text = ("Lemon cakes and carrot cakes are sold at a cake shop. She must bake at least 10 lemon cakes and at least 8 "
            "carrot cakes. She only has enough frosting for 40 cakes in total, of either type. The profit is $3 "
            "on a lemon cake and $2 on a carrot cake. How many cakes of each type should she bake to maximize "
            "profit?")
    toks, spans = hand(text, [("VAR", "Lemon cakes"), ("VAR", "carrot cakes"), ("CONST_DIR", "at least"),
                              ("LIMIT", "10"), ("VAR", "lemon cakes"), ("CONST_DIR", "at least"), ("LIMIT", "8"),
                              ("VAR", "carrot cakes"), ("LIMIT", "40"), ("OBJ_NAME", "profit"), ("PARAM", "3"),
                              ("VAR", "lemon cake"), ("PARAM", "2"), ("VAR", "carrot cake"), ("OBJ_DIR", "maximize"),
                              ("OBJ_NAME", "profit")])
    _, rows = model_of(toks, spans)
    assert "lemon_cakes + carrot_cakes <= 40" in rows, rows


def test_cannot_sell_over_is_a_bound() -> None:
    # "but cannot sell over 25 of them" with 25 tagged as a coefficient: a most on the kites
    text = ("A toy stall sells kites and yo-yos. It has to sell no fewer than 10 kites but cannot sell over 25 of "
            "them, and it has to sell no fewer than 15 yo-yos. It has room for 60 toys in total. A kite earns $6 "
            "and a yo-yo earns $2. How many of each should it sell to maximize profit?")
    toks, spans = hand(text, [("VAR", "kites"), ("VAR", "yo-yos"), ("CONST_DIR", "no fewer than"), ("LIMIT", "10"),
                              ("VAR", "kites"), ("PARAM", "25"), ("CONST_DIR", "no fewer than"), ("LIMIT", "15"),
                              ("VAR", "yo-yos"), ("LIMIT", "60"), ("VAR", "kite"), ("PARAM", "6"), ("VAR", "yo-yo"),
                              ("PARAM", "2"), ("OBJ_DIR", "maximize"), ("OBJ_NAME", "profit")])
    _, rows = model_of(toks, spans)
    assert "kites <= 25" in rows, rows

"""Offline modeler: a rules round on a mixed-family fresh set and the paraphrased training texts (v39).

- Money: "invest all of it in ..." and ", which she will invest entirely in ..." use the sum in full; what "must
  sit in" an option is put in it; "the yearly return on $80,000" is the money, not a return.
- Rows and goals: "Profit per acre is $260 for wheat" names its measure before "per"; "$10,000 on maintenance"
  meets "costs $200 to maintain"; "$500 of net revenue" is earned, not spent; "as many patients as it can" is a
  goal of its own words; "The railway can take at most" bounds the rail option.
- Names: "$9 on vodka" names the "vodka bottle"; "hours of one-on-one." names the "one-on-one sessions"; "A wrap
  has 28 g" and "on every console sold" name "chicken wraps" and "video-game consoles"; "Oven: 20 minutes for a
  loaf, 15 minutes for a baguette" is a resource row.
- Numbers: "2 boats at most" bounds the boats; "$0.50 a cup with 7 grams of fiber" is what a cup holds; "mixes
  bases A, B and C to make 800 liters" fixes the batch; "$7 per package of fish meat" is the fish's alone.
- Slips: "wont" is "won't", "more then" is "more than".

The sentences are written for these tests (not taken from any data set). Tags are given by hand, as the
tagger gives them on such texts. No trained tagger is needed.
"""

from __future__ import annotations

from hand_tags import hand, model_of

from modeler.strategies.offline.prose import as_prose, slips_mended


def test_investing_all_of_it_uses_the_sum_in_full() -> None:
    text = ("Tom sold his car and now has $40000, he wants to invest all of it in a gold fund and in oil stocks. The "
            "gold fund pays 3 % a year and oil stocks return 7 % a year. At most 40 % of the money can go to oil "
            "stocks and at least $10000 must sit in the gold fund. How much should he put in each to maximize his "
            "return?")
    marks = [("CONST_DIR", "has"), ("LIMIT", "40000"), ("VAR", "gold fund"), ("VAR", "oil stocks"),
             ("VAR", "gold fund"), ("PARAM", "3 %"), ("VAR", "oil stocks"), ("OBJ_NAME", "return"), ("PARAM", "7 %"),
             ("CONST_DIR", "At most"), ("LIMIT", "40 %"), ("VAR", "oil stocks"), ("CONST_DIR", "at least"),
             ("LIMIT", "10000"), ("VAR", "gold fund"), ("OBJ_DIR", "maximize"), ("OBJ_NAME", "return")]
    goal, rows = model_of(*hand(as_prose(text), marks))
    assert goal == "max 0.03 * gold_fund + 0.07 * oil_stocks"
    assert rows == ["gold_fund + oil_stocks == 40000", "gold_fund >= 10000",
                    "oil_stocks <= 0.4 * (gold_fund + oil_stocks)"]


def test_the_money_a_return_is_on_is_invested_in_full() -> None:
    text = ("Ana wants to maximize the yearly return on $50000, which she will invest entirely in bonds and gold. "
            "Returns are 4 % for bonds and 6 % for gold. No more than 30 % of the money can go to gold.")
    marks = [("OBJ_DIR", "maximize"), ("OBJ_NAME", "return"), ("LIMIT", "50000"), ("VAR", "bonds"), ("VAR", "gold"),
             ("PARAM", "4 %"), ("VAR", "bonds"), ("PARAM", "6 %"), ("VAR", "gold"), ("CONST_DIR", "No more than"),
             ("LIMIT", "30 %"), ("VAR", "gold")]
    _, rows = model_of(*hand(as_prose(text), marks))
    assert "bonds + gold == 50000" in rows


def test_profit_per_acre_is_named_before_per() -> None:
    text = ("Sam has 300 acres for wheat, barley and rye. Seed costs per acre are $60 for wheat, $90 for barley and $40 "
            "for rye and he can spend $21000. Labour: 3 hours per acre of wheat, 2 hours per acre of barley, 1 hour "
            "per acre of rye, with 600 hours available. Profit per acre is $200 for wheat, $250 for barley, $150 for "
            "rye. How many acres of each crop to maximize profit?")
    marks = [("CONST_DIR", "has"), ("LIMIT", "300"), ("VAR", "barley"), ("VAR", "rye"), ("PARAM", "60"),
             ("VAR", "wheat"), ("PARAM", "90"), ("PARAM", "40"), ("PARAM", "21000"), ("PARAM", "3"), ("VAR", "wheat"),
             ("PARAM", "2"), ("VAR", "barley"), ("PARAM", "1"), ("VAR", "rye"), ("LIMIT", "600"),
             ("CONST_DIR", "available"), ("VAR", "acre"), ("PARAM", "200"), ("VAR", "wheat"), ("PARAM", "250"),
             ("PARAM", "150"), ("OBJ_DIR", "maximize"), ("OBJ_NAME", "profit")]
    goal, rows = model_of(*hand(text, marks))
    assert goal == "max 200 * wheat + 250 * barley + 150 * rye"
    assert "60 * wheat + 90 * barley + 40 * rye <= 21000" in rows


def test_maintenance_meets_maintain_and_net_revenue_is_earned() -> None:
    text = ("A farmer grows plums and figs on his 50 acres. An acre of plums brings in $400 of net revenue and costs "
            "$150 to maintain. An acre of figs brings in $700 of net revenue and costs $300 to maintain. He can spend "
            "at most $9000 on maintenance. How many acres of each should he plant to maximize his net revenue?")
    marks = [("VAR", "plums"), ("VAR", "figs"), ("LIMIT", "50"), ("VAR", "plums"), ("PARAM", "400"),
             ("OBJ_NAME", "net revenue"), ("OBJ_NAME", "costs"), ("PARAM", "150"), ("VAR", "figs"), ("PARAM", "700"),
             ("OBJ_NAME", "net revenue"), ("OBJ_NAME", "costs"), ("PARAM", "300"), ("CONST_DIR", "at most"),
             ("LIMIT", "9000"), ("OBJ_DIR", "maximize"), ("OBJ_NAME", "net revenue")]
    goal, rows = model_of(*hand(text, marks))
    assert goal == "max 400 * plums + 700 * figs"
    assert rows == ["150 * plums + 300 * figs <= 9000", "plums + figs <= 50"]


def test_as_many_as_it_can_is_a_count_of_what_it_names() -> None:
    text = ("A pharmacy gives flu shots and tetanus shots on Sunday and wants to vaccinate as many people as it can. "
            "A flu shot takes 6 minutes and a tetanus shot 10 minutes; the staff have 480 minutes. Supplies cost $4 "
            "per flu shot and $3 per tetanus shot and the supply budget is $300. How many of each should they give?")
    marks = [("VAR", "flu shots"), ("VAR", "tetanus shots"), ("VAR", "flu shot"), ("PARAM", "6"),
             ("VAR", "tetanus shot"), ("PARAM", "10"), ("LIMIT", "480"), ("OBJ_NAME", "cost"), ("PARAM", "4"),
             ("VAR", "flu shot"), ("PARAM", "3"), ("VAR", "tetanus shot"), ("PARAM", "300")]
    goal, _ = model_of(*hand(text, marks))
    assert goal == "max flu_shots + tetanus_shots"


def test_the_railway_is_the_rail_option() -> None:
    text = ("A mill must ship at least 4000 tonnes of flour by rail or truck. Rail costs $15 per tonne and truck $22 "
            "per tonne. The railway can take at most 2500 tonnes. How much should go each way to minimize cost?")
    marks = [("CONST_DIR", "at least"), ("LIMIT", "4000"), ("VAR", "rail"), ("VAR", "truck"), ("VAR", "Rail"),
             ("PARAM", "15"), ("VAR", "truck"), ("PARAM", "22"), ("CONST_DIR", "at most"), ("LIMIT", "2500"),
             ("OBJ_DIR", "minimize"), ("OBJ_NAME", "cost")]
    _, rows = model_of(*hand(text, marks))
    assert "rail <= 2500" in rows


def test_a_name_said_short_by_its_first_word() -> None:
    vodka = ("A distillery fills gin bottles and vodka bottles. A gin bottle takes 0.7 L of spirit and a vodka bottle "
             "0.5 L; there are 700 L of spirit. Margin is $12 on gin and $9 on vodka. How many bottles of each "
             "maximize margin?")
    marks = [("VAR", "gin bottles"), ("VAR", "vodka bottles"), ("VAR", "gin bottle"), ("PARAM", "0.7"),
             ("VAR", "vodka bottle"), ("PARAM", "0.5"), ("LIMIT", "700"), ("PARAM", "12"), ("VAR", "gin"),
             ("PARAM", "9"), ("OBJ_DIR", "maximize"), ("OBJ_NAME", "margin")]
    goal, _ = model_of(*hand(vodka, marks))
    assert goal == "max 12 * gin_bottles + 9 * vodka_bottles"
    tutoring = ("A school plans hours of group sessions and one-on-one sessions. Tutors have 150 hours. Every hour of "
                "group session takes 2 tutor hours and every hour of one-on-one takes 1 tutor hour. It charges $80 per "
                "group hour and $60 per one-on-one hour, and it promised at least 30 hours of one-on-one. How many "
                "hours of each maximize revenue?")
    marks = [("VAR", "one-on-one sessions"), ("LIMIT", "150"), ("VAR", "group session"), ("PARAM", "2"),
             ("VAR", "one-on-one"), ("PARAM", "1"), ("PARAM", "80"), ("VAR", "group hour"), ("PARAM", "60"),
             ("CONST_DIR", "at least"), ("LIMIT", "30"), ("OBJ_DIR", "maximize"), ("OBJ_NAME", "revenue")]
    _, rows = model_of(*hand(tutoring, marks))
    assert "one_on_one_sessions >= 30" in rows


def test_a_head_said_alone_where_its_amount_follows() -> None:
    text = ("Mia orders only tuna wraps and rice bowls. A wrap has 30 g of protein and 500 calories, a bowl has 10 g "
            "protein and 650 calories. She needs at least 180 g of protein and 4000 calories and wants to order as "
            "few meals as possible. How many wraps and bowls should she order?")
    marks = [("VAR", "tuna wraps"), ("VAR", "bowls"), ("PARAM", "30"), ("LIMIT", "500"), ("PARAM", "10"),
             ("LIMIT", "650"), ("CONST_DIR", "at least"), ("LIMIT", "180"), ("LIMIT", "4000"), ("VAR", "wraps"),
             ("VAR", "bowls")]
    goal, rows = model_of(*hand(text, marks))
    assert goal == "min tuna_wraps + bowls"
    assert rows == ["30 * tuna_wraps + 10 * bowls >= 180", "500 * tuna_wraps + 650 * bowls >= 4000"]
    sold = ("A shop sells board-game boxes and card decks. Boxes cost it $40 each and decks cost $5 each, and its "
            "budget is $8000. It makes $25 profit on every box sold and $3 profit on every deck sold. How many boxes "
            "and decks should it sell to maximize profit?")
    marks = [("VAR", "board-game boxes"), ("VAR", "card decks"), ("PARAM", "40"), ("PARAM", "5"),
             ("CONST_DIR", "budget"), ("LIMIT", "8000"), ("PARAM", "25"), ("OBJ_NAME", "profit"), ("PARAM", "3"),
             ("OBJ_NAME", "profit"), ("VAR", "decks"), ("OBJ_DIR", "maximize"), ("OBJ_NAME", "profit")]
    goal, _ = model_of(*hand(sold, marks))
    assert goal == "max 25 * board_game_boxes + 3 * card_decks"


def test_a_bound_said_after_what_it_counts() -> None:
    text = ("After a storm an agency must deliver at least 5000 kg of food. A helicopter carries 500 kg and uses 300 "
            "litres of fuel, a truck carries 1000 kg using 200 litres and a boat carries 1500 kg and uses 250 litres. "
            "Only 2400 litres of fuel is available. The river is only deep enough for 2 boats at most. The agency "
            "wants to send the least number of vehicles.")
    marks = [("CONST_DIR", "at least"), ("LIMIT", "5000"), ("VAR", "helicopter"), ("PARAM", "500"), ("PARAM", "300"),
             ("VAR", "truck"), ("PARAM", "1000"), ("PARAM", "200"), ("VAR", "boat carries"), ("PARAM", "1500"),
             ("PARAM", "250"), ("CONST_DIR", "Only"), ("LIMIT", "2400"), ("CONST_DIR", "available"),
             ("CONST_DIR", "only"), ("PARAM", "2")]
    _, rows = model_of(*hand(text, marks))
    assert "boat <= 2" in rows
    assert "1500 * boat + 500 * helicopter + 1000 * truck >= 5000" in rows or (
        "500 * helicopter + 1000 * truck + 1500 * boat >= 5000" in rows)


def test_what_a_cup_holds_and_slips_mended() -> None:
    assert slips_mended("she wont eat more then 12 cups") == "she won't eat more than 12 cups"
    text = ("Jo wants her cereal as cheap as possible, she mixes Corn Puffs and Rice Flakes. A cup of Corn Puffs costs "
            "$0.40 and has 3 grams of fiber. Rice Flakes are $0.60 a cup with 6 grams of fiber. She needs at least 30 "
            "grams of fiber, and she wont eat more then 8 cups of Rice Flakes. How many cups of each?")
    marks = [("VAR", "Corn Puffs"), ("VAR", "Rice Flakes"), ("VAR", "Corn Puffs"), ("PARAM", "0.40"), ("PARAM", "3"),
             ("VAR", "Rice Flakes"), ("PARAM", "0.60"), ("PARAM", "6"), ("CONST_DIR", "at least"), ("LIMIT", "30"),
             ("CONST_DIR", "more than"), ("LIMIT", "8"), ("VAR", "Rice Flakes")]
    goal, rows = model_of(*hand(as_prose(text), marks))
    assert goal == "min 0.4 * corn_puffs + 0.6 * rice_flakes"
    assert rows == ["3 * corn_puffs + 6 * rice_flakes >= 30", "rice_flakes <= 8"]


def test_a_batch_made_from_the_decisions_is_fixed() -> None:
    text = ("A dye works mixes two bases, Red and Blue, to make 500 liters of a new dye. Red costs $3 per liter and "
            "Blue $2 per liter. Per liter, Red gives 6 color units and Blue 2 color units. The batch needs at least "
            "2000 color units. How many liters of each keep cost lowest?")
    marks = [("VAR", "Red"), ("VAR", "Blue"), ("LIMIT", "500"), ("VAR", "Red"), ("PARAM", "3"), ("VAR", "Blue"),
             ("PARAM", "2"), ("VAR", "Red"), ("PARAM", "6"), ("VAR", "Blue"), ("PARAM", "2"), ("CONST_DIR", "at least"),
             ("LIMIT", "2000")]
    _, rows = model_of(*hand(text, marks))
    assert "red + blue == 500" in rows


def test_rows_of_rates_for_one_item_each_are_resources() -> None:
    from modeler.strategies.offline.name_repairs import _row_names

    oven = ("Ben's bakery makes rye loaves and baguettes. Oven: 30 minutes for a rye loaf, 10 minutes for a baguette, "
            "and there is 3000 minutes of oven time a week. Mixer: 6 minutes for a rye loaf, 2 minutes for a baguette, "
            "with 900 minutes available. How many of each maximize profit?")
    toks, spans = hand(oven, [("PARAM", "30"), ("PARAM", "10"), ("LIMIT", "3000"), ("PARAM", "6"), ("PARAM", "2"),
                              ("LIMIT", "900")])
    assert not [sp for sp in _row_names([t.text for t in toks], spans) if sp.label == "VAR"]
    # (a rate "per bag" is the row's own: each row names a decision)
    nuts = ("Salted almonds: 4 min in the roaster and 2 min at packing per bag, $2.40 profit per bag. Honey cashews: 6 "
            "min in the roaster and 1.5 min at packing per bag, $3.30 profit per bag.")
    toks, spans = hand(nuts, [("PARAM", "4"), ("PARAM", "2"), ("PARAM", "2.40"), ("PARAM", "6"), ("PARAM", "1.5"),
                              ("PARAM", "3.30")])
    assert [sp.text for sp in _row_names([t.text for t in toks], spans) if sp.label == "VAR"] == [
        "Salted almonds", "Honey cashews"]


def test_a_rate_per_the_shared_head_of_one_name() -> None:
    text = ("Beef meat and pork meat are packed at a plant. A beef meat package uses 4 minutes on the scale, whereas "
            "a pork meat package uses 2 minutes; the scale runs up to 900 minutes. The profit is $6 per package of "
            "beef meat and $4 per package of pork. Formulate an LP that maximizes profit.")
    marks = [("VAR", "pork meat"), ("VAR", "beef meat package"), ("PARAM", "4"), ("VAR", "pork meat package"),
             ("PARAM", "2"), ("CONST_DIR", "up to"), ("LIMIT", "900"), ("OBJ_NAME", "profit"), ("PARAM", "6"),
             ("VAR", "beef meat"), ("PARAM", "4"), ("VAR", "pork"), ("OBJ_DIR", "maximizes"), ("OBJ_NAME", "profit")]
    goal, _ = model_of(*hand(text, marks))
    assert goal.startswith("max 6 * ") and goal.endswith(" + 4 * pork_meat")


def test_a_respective_run_with_no_name_in_its_clause() -> None:
    text = ("Oak tables and pine tables are built at a workshop. Sanding takes 2 hours for an oak table and 1 hour for a "
            "pine table, while staining takes 3 hours and 4 hours respectively. The sanding crew has at most 40 hours "
            "and the staining crew has at most 60 hours. Every oak table earns $90 and every pine table earns $70. How "
            "many of each should be built to maximize profit?")
    marks = [("VAR", "pine tables"), ("PARAM", "2"), ("VAR", "oak table"), ("PARAM", "1"), ("VAR", "pine table"),
             ("PARAM", "3"), ("PARAM", "4"), ("CONST_DIR", "at most"), ("LIMIT", "40"), ("CONST_DIR", "at most"),
             ("LIMIT", "60"), ("VAR", "oak table"), ("PARAM", "90"), ("VAR", "pine table"), ("PARAM", "70"),
             ("OBJ_DIR", "maximize"), ("OBJ_NAME", "profit")]
    goal, rows = model_of(*hand(text, marks))
    assert goal == "max 90 * oak_tables + 70 * pine_tables"
    assert rows == ["2 * oak_tables + pine_tables <= 40", "3 * oak_tables + 4 * pine_tables <= 60"]
    # (a name in the run's own clause makes the numbers its own: one per machine)
    text = ("Apple pies and pear pies are sold at a bakery. An apple pie needs 6 minutes on the mixer and 5 minutes in "
            "the oven, and a pear pie needs 3 and 8 minutes on those machines respectively. Each of the two machines can "
            "be used for no more than 300 minutes a day. Apple pies bring in $4 profit each and pear pies $5 each. How "
            "many pies of each type should be made to maximize profit?")
    marks = [("VAR", "Apple pies"), ("VAR", "pear pies"), ("VAR", "apple pie"), ("PARAM", "6"), ("PARAM", "5"),
             ("VAR", "pear pie"), ("PARAM", "3"), ("PARAM", "8"), ("CONST_DIR", "no more than"), ("LIMIT", "300"),
             ("VAR", "Apple pies"), ("PARAM", "4"), ("VAR", "pear pies"), ("PARAM", "5"), ("OBJ_DIR", "maximize"),
             ("OBJ_NAME", "profit")]
    _, rows = model_of(*hand(text, marks))
    assert sorted(row.split(" <= ")[0] for row in rows) == ["5 * apple_pies + 8 * pear_pies",
                                                            "6 * apple_pies + 3 * pear_pies"]


def test_a_second_clause_with_its_verb_left_out() -> None:
    text = ("Onions and leeks are grown on a farmer's 40 available acres. At least 4 acres must be planted with onions "
            "and at least 6 acres with leeks. The leek acreage can be no more than 3 times the onion acreage. Onions "
            "earn $300 profit per acre and leeks earn $350 profit per acre. How many acres of each crop should the "
            "farmer plant to maximize his profit?")
    marks = [("LIMIT", "40"), ("CONST_DIR", "available"), ("CONST_DIR", "At least"), ("LIMIT", "4"), ("VAR", "onions"),
             ("CONST_DIR", "at least"), ("LIMIT", "6"), ("VAR", "leek acreage"), ("CONST_DIR", "no more than"),
             ("PARAM", "3"), ("VAR", "Onions"), ("PARAM", "300"), ("OBJ_NAME", "profit"), ("VAR", "leeks"),
             ("PARAM", "350"), ("OBJ_NAME", "profit"), ("OBJ_DIR", "maximize"), ("OBJ_NAME", "profit")]
    _, rows = model_of(*hand(text, marks))
    assert "leeks >= 6" in rows and "onions >= 4" in rows


def test_a_twin_of_a_coefficient_is_a_coefficient() -> None:
    text = ("A melon farm can ship its melons on barge trips or on lorry trips. A barge trip costs $4000 and carries 400 "
            "crates of melons, while a lorry trip costs $1000 and carries 90 crates. The farm has $100000 to spend. How "
            "many barge trips and lorry trips should it use so that the number of crates shipped is as large as "
            "possible?")
    marks = [("VAR", "lorry trips"), ("VAR", "barge trip"), ("PARAM", "4000"), ("CONST_DIR", "carries"),
             ("LIMIT", "400"), ("VAR", "lorry trip"), ("PARAM", "1000"), ("PARAM", "90"), ("CONST_DIR", "has"),
             ("PARAM", "100000"), ("VAR", "barge trips")]
    goal, rows = model_of(*hand(text, marks))
    assert goal == "max 400 * barge_trips + 90 * lorry_trips"
    assert rows == ["4000 * barge_trips + 1000 * lorry_trips <= 100000"]


def test_an_untagged_amount_that_only_is_available() -> None:
    text = ("Soap bars and candle jars are made by hand at a studio. Making a soap bar takes 3 minutes, while making a "
            "candle jar takes 5 minutes, and only 600 minutes are available. Each soap bar earns $4 and each candle jar "
            "earns $7. How many of each should be made to maximize profit?")
    marks = [("VAR", "candle jars"), ("VAR", "soap bar"), ("PARAM", "3"), ("VAR", "candle jar"), ("PARAM", "5"),
             ("VAR", "soap bar"), ("PARAM", "4"), ("VAR", "candle jar"), ("PARAM", "7"), ("OBJ_DIR", "maximize"),
             ("OBJ_NAME", "profit")]
    _, rows = model_of(*hand(text, marks))
    assert rows == ["3 * soap_bars + 5 * candle_jars <= 600"]


def test_board_feet_are_no_boards_and_so_no_more_than_that() -> None:
    text = ("Hobby question. I sell cheese boards, pot stands and trivet sets at the fair. A board uses 3 board feet "
            "of oak and 2 hours; a stand uses 4 board feet and 3 hours; a trivet set uses half a board foot and 1 "
            "hour. I have 120 board feet of oak and 90 shop hours, and the fair only takes about 25 trivet sets, so "
            "no more than that. Profit: $40 per board, $55 per stand, $15 per trivet set. What should I make to "
            "maximize profit?")
    marks = [("VAR", "trivet sets"), ("PARAM", "3"), ("PARAM", "2"), ("PARAM", "4"), ("PARAM", "3"),
             ("PARAM", "half"), ("PARAM", "1"), ("CONST_DIR", "have"), ("LIMIT", "120"), ("LIMIT", "90"),
             ("PARAM", "25"), ("PARAM", "40"), ("PARAM", "55"), ("PARAM", "15"), ("OBJ_DIR", "maximize"),
             ("OBJ_NAME", "profit")]
    _, rows = model_of(*hand(text, marks))
    assert "trivet_sets <= 25" in rows
    assert "3 * cheese_boards + 4 * pot_stands + 0.5 * trivet_sets <= 120" in rows
    assert "2 * cheese_boards + 3 * pot_stands + trivet_sets <= 90" in rows


def test_money_earned_from_the_funds_is_their_return_row() -> None:
    text = ("Lena wants to earn at least $2000 a year from a growth fund and an income fund, and she can invest at most "
            "$50000. The growth fund returns 9% and the income fund 4%. Each dollar in the growth fund has a risk score "
            "of 0.7 and each dollar in income has risk 0.2. How much should she invest in each to minimize total risk?")
    marks = [("CONST_DIR", "at least"), ("LIMIT", "2000"), ("VAR", "growth fund"), ("VAR", "income fund"),
             ("CONST_DIR", "at most"), ("LIMIT", "50000"), ("VAR", "growth fund"), ("OBJ_NAME", "returns"),
             ("PARAM", "9%"), ("VAR", "income fund"), ("PARAM", "4%"), ("VAR", "growth fund"), ("PARAM", "0.7"),
             ("PARAM", "0.2"), ("OBJ_DIR", "minimize"), ("OBJ_NAME", "risk")]
    goal, rows = model_of(*hand(text, marks))
    assert goal == "min 0.7 * growth_fund + 0.2 * income_fund"
    assert rows == ["0.09 * growth_fund + 0.04 * income_fund >= 2000", "growth_fund + income_fund <= 50000"]


def test_an_elided_figure_and_a_share_of_some() -> None:
    text = ("A summer camp hires senior leaders at $140 a day, junior leaders at $80 a day and cooks at $100 a day. A "
            "senior leader can supervise 10 campers, a junior 6 and a cook 4, and there must be supervision for at "
            "least 200 campers. At least a third of all leaders must be seniors. How many of each to hire at the lowest "
            "daily cost?")
    marks = [("VAR", "senior leaders"), ("PARAM", "140"), ("VAR", "junior leaders"), ("PARAM", "80"), ("VAR", "cooks"),
             ("PARAM", "100"), ("VAR", "senior leader"), ("PARAM", "10"), ("VAR", "junior 6"), ("VAR", "cook 4"),
             ("CONST_DIR", "at least"), ("LIMIT", "200"), ("CONST_DIR", "At least"), ("LIMIT", "a third"),
             ("VAR", "seniors"), ("OBJ_DIR", "lowest"), ("OBJ_NAME", "cost")]
    _, rows = model_of(*hand(text, marks))
    assert "10 * senior_leaders + 6 * junior_leaders + 4 * cooks >= 200" in rows
    assert "senior_leaders >= 0.333333333333 * (senior_leaders + junior_leaders)" in rows


def test_a_class_noun_goal_and_a_subject_that_names_one() -> None:
    text = ("A toy maker wants to make as many toys as possible. It makes toy trains and board games on one press. A "
            "train takes 20 minutes on the press and a game takes 5 minutes. The press is available 2000 minutes per "
            "week. It will make at most 2 times as many games as trains. How many trains and games should be made?")
    marks = [("VAR", "toy trains"), ("VAR", "board games"), ("VAR", "train"), ("PARAM", "20"), ("VAR", "game"),
             ("PARAM", "5"), ("LIMIT", "2000"), ("CONST_DIR", "at most"), ("PARAM", "2 times"), ("VAR", "games"),
             ("VAR", "trains")]
    goal, _ = model_of(*hand(text, marks))
    assert goal == "max toy_trains + board_games"
    text = ("A clinic wants to reach as many people as possible. A radio ad costs $300 and reaches 2000 people. A poster "
            "run costs $100 and reaches 600 people. The budget is $6000. The radio station can run at most 12 ads and "
            "the clinic wants at least as many poster runs as radio ads. How many radio ads and poster runs?")
    marks = [("VAR", "radio ad"), ("PARAM", "300"), ("PARAM", "2000"), ("VAR", "poster run"), ("PARAM", "100"),
             ("PARAM", "600"), ("CONST_DIR", "budget"), ("LIMIT", "6000"), ("CONST_DIR", "at most"), ("LIMIT", "12"),
             ("CONST_DIR", "at least"), ("VAR", "poster runs"), ("VAR", "radio ads"), ("VAR", "radio ads"),
             ("VAR", "poster runs")]
    _, rows = model_of(*hand(text, marks))
    assert "radio_ad <= 12" in rows


def test_any_kind_uses_and_a_list_to_move() -> None:
    text = ("A feed mill makes three mixes: Basic, Layer and Grower, measured in tonnes. A tonne of any mix uses 1 tonne "
            "of grain and the mill has 80 tonnes of grain. Mixer time is 2 hours for a tonne of Basic, 1 hour for Layer "
            "and 3 hours for Grower, with 150 mixer hours available. Profit per tonne is $30 for Basic, $25 for Layer "
            "and $45 for Grower. How much of each mix should the mill make to maximize profit?")
    marks = [("VAR", "Layer"), ("VAR", "Grower"), ("PARAM", "1"), ("CONST_DIR", "has"), ("LIMIT", "80"), ("PARAM", "2"),
             ("VAR", "Basic"), ("PARAM", "1"), ("PARAM", "3"), ("LIMIT", "150"), ("PARAM", "30"), ("PARAM", "25"),
             ("PARAM", "45"), ("OBJ_DIR", "maximize"), ("OBJ_NAME", "profit")]
    _, rows = model_of(*hand(text, marks))
    assert "basic + layer + grower <= 1" not in rows and "basic + layer + grower <= 80" in rows
    text = ("A library is moving its books with large and small vans. A large van trip takes 300 books and 5 maps. A "
            "small van trip takes 100 books and 4 maps. The library has 3000 books and 70 maps to move. How many trips "
            "of each van should be made to minimize the total trips?")
    marks = [("VAR", "large van trip"), ("PARAM", "300"), ("PARAM", "5"), ("VAR", "small van trip"), ("PARAM", "100"),
             ("PARAM", "4"), ("CONST_DIR", "has"), ("LIMIT", "3000"), ("LIMIT", "70"), ("OBJ_DIR", "minimize"),
             ("OBJ_NAME", "total trips")]
    _, rows = model_of(*hand(text, marks))
    assert rows == ["300 * large_van_trip + 100 * small_van_trip >= 3000", "5 * large_van_trip + 4 * small_van_trip >= 70"]


def test_money_put_into_a_name_and_a_may_not_comparison() -> None:
    text = ("Rita plans to invest no more than $30000 in the mining and shipping industries. Every dollar put into "
            "mining gives a $1.20 profit, and every dollar put into shipping gives a $1.50 profit. The shipping "
            "industry must receive no less than $4000. Formulate an LP to maximize Rita's profit.")
    marks = [("CONST_DIR", "no more than"), ("LIMIT", "30000"), ("VAR", "mining"), ("VAR", "shipping industries"),
             ("PARAM", "1.20"), ("OBJ_NAME", "profit"), ("PARAM", "1.50"), ("OBJ_NAME", "profit"),
             ("CONST_DIR", "no less than"), ("LIMIT", "4000"), ("OBJ_DIR", "maximize"), ("OBJ_NAME", "profit")]
    goal, _ = model_of(*hand(text, marks))
    assert goal.endswith("1.5 * shipping_industries") and goal.startswith("max 1.2 * mining")
    text = ("A fund has $900,000 available to invest in bonds, gold, and land. The annual returns are 4% for bonds, 6% "
            "for gold, and 9% for land. The manager imposes two rules: (a) the money put into land may not be more "
            "than the money put into bonds; (b) land can make up no more than 30% of the total amount invested. "
            "Formulate an LP that maximizes the annual return.")
    marks = [("LIMIT", "900,000"), ("CONST_DIR", "available"), ("VAR", "gold"), ("OBJ_NAME", "returns"),
             ("PARAM", "4%"), ("PARAM", "6%"), ("VAR", "gold"), ("PARAM", "9%"), ("CONST_DIR", "more than"),
             ("VAR", ") land"), ("CONST_DIR", "no more than"), ("LIMIT", "30%"), ("OBJ_DIR", "maximizes"),
             ("OBJ_NAME", "return")]
    goal, rows = model_of(*hand(text, marks))
    assert goal == "max 0.04 * bonds + 0.06 * gold + 0.09 * land"
    assert "land <= bonds" in rows


def test_where_they_are_sold_is_no_decision() -> None:
    text = ("Tea A and Tea B are sold at a tea shop, and each is made from mint and lemon balm. To make one Tea A, the "
            "shop needs 5 g of mint and 3 g of lemon balm; one Tea B needs 2 g of mint and 6 g of lemon balm. Supplies "
            "are limited to 500 g of mint and 600 g of lemon balm. Each Tea A brings in a profit of $3 and each Tea B a "
            "profit of $4. How many of each tea should the shop make so that profit is maximized?")
    marks = [("VAR", "Tea B"), ("VAR", "tea shop"), ("VAR", "Tea A"), ("PARAM", "5"), ("PARAM", "3"),
             ("VAR", "one Tea B"), ("PARAM", "2"), ("PARAM", "6"), ("LIMIT", "500"), ("LIMIT", "600"), ("VAR", "Tea A"),
             ("OBJ_NAME", "profit"), ("PARAM", "3"), ("VAR", "Tea B"), ("OBJ_NAME", "profit"), ("PARAM", "4"),
             ("OBJ_NAME", "profit"), ("OBJ_DIR", "maximized")]
    goal, rows = model_of(*hand(text, marks))
    assert goal == "max 3 * tea_a + 4 * tea_b"
    assert rows == ["3 * tea_a + 6 * tea_b <= 600", "5 * tea_a + 2 * tea_b <= 500"]


def test_the_verb_of_putting_money_is_no_name() -> None:
    text = ("There are two bakeries, K and L, and an investor has up to $50000 that she can put into them. The amount "
            "she puts into bakery K must be no less than two times the amount she puts into bakery L, and bakery K can "
            "receive no more than $40000. Money invested in bakery K returns 6%, while money invested in bakery L "
            "returns 8%. How should she divide her investment to get the largest earnings?")
    marks = [("VAR", "K"), ("VAR", "L"), ("CONST_DIR", "up to"), ("LIMIT", "50000"), ("VAR", "put into"),
             ("VAR", "puts into bakery K"), ("CONST_DIR", "no less than"), ("PARAM", "two times"),
             ("VAR", "into bakery L"), ("VAR", "bakery K"), ("CONST_DIR", "no more than"), ("LIMIT", "40000"),
             ("VAR", "bakery K"), ("OBJ_NAME", "returns"), ("PARAM", "6%"), ("VAR", "bakery L"),
             ("OBJ_NAME", "returns"), ("PARAM", "8%")]
    _, rows = model_of(*hand(text, marks))
    assert "k + l <= 50000" in rows

"""Offline modeler: rule slips the NL4Opt paraphrase sets (para5-7, read with the cross-validated taggers) and
NL4Opt dev showed (round v46) -- a limit counted in the phrase that ends every decision's name, a profit word
that belongs to the number before, a resource word that opens one decision's name, a short head after a
decision's own word, a "respectively" clause after a ";" that names one decision, and the noun every decision's
name is followed by.

The sentences are written for these tests (not taken from any data set). Tags are given by hand, as the
taggers gave them on such texts. No trained tagger is needed.
"""

from __future__ import annotations

from hand_tags import hand, model_of


def test_a_limit_in_the_phrase_every_name_ends_with_counts_the_decisions() -> None:
    text = ("A florist sells big bunches of roses and small bunches of roses. A big bunch of roses holds 12 single "
            "roses and a small bunch of roses holds 5 single roses. The van can carry at most 60 total bunches of "
            "roses. How many of each should the florist send to deliver the most single roses?")
    toks, spans = hand(text, [("VAR", "big bunches of roses"), ("VAR", "small bunches of roses"),
                              ("VAR", "big bunch of roses"), ("PARAM", "12"), ("OBJ_NAME", "single roses"),
                              ("VAR", "small bunch of roses"), ("PARAM", "5"), ("OBJ_NAME", "single roses"),
                              ("CONST_DIR", "at most"), ("LIMIT", "60"), ("OBJ_DIR", "most"),
                              ("OBJ_NAME", "single roses")])
    _, rows = model_of(toks, spans)
    assert "big_bunches_of_roses + small_bunches_of_roses <= 60" in rows


def test_a_profit_word_after_the_number_before_is_that_numbers() -> None:
    text = ("A golf store can spend no more than $20000 on golf clubs and tees. The store pays $75 for a golf club "
            "and makes a $50 profit selling it, and pays $2 for a tee and makes a $5 profit on it. Find how many "
            "golf clubs and tees should be sold to maximize profit.")
    toks, spans = hand(text, [("CONST_DIR", "no more than"), ("LIMIT", "20000"), ("VAR", "golf clubs"),
                              ("VAR", "tees"), ("PARAM", "75"), ("VAR", "golf club"), ("PARAM", "50"),
                              ("OBJ_NAME", "profit"), ("PARAM", "2"), ("PARAM", "5"), ("OBJ_NAME", "profit"),
                              ("VAR", "golf clubs"), ("VAR", "tees"), ("OBJ_DIR", "maximize"),
                              ("OBJ_NAME", "profit")])
    goal, rows = model_of(toks, spans)
    assert goal == "max 50 * golf_clubs + 5 * tees"
    assert "75 * golf_clubs + 2 * tees <= 20000" in rows


def test_a_resource_every_decision_takes_is_not_the_decision_its_word_opens() -> None:
    text = ("Cheese rolls and bean rolls are sold at a stall, and both kinds use cheese and beans. A cheese roll "
            "takes 3 cheese slices and 1 cup of beans, while a bean roll takes 1 cheese slice and 2 cups of beans. "
            "The stall has no more than 45 cheese slices and 40 cups of beans. Profit is $2 on a cheese roll and "
            "$3 on a bean roll. How many of each should be made to maximize profit?")
    toks, spans = hand(text, [("VAR", "bean rolls"), ("VAR", "beans"), ("VAR", "cheese roll"), ("PARAM", "3"),
                              ("PARAM", "1"), ("VAR", "bean roll"), ("PARAM", "1"), ("PARAM", "2"),
                              ("CONST_DIR", "no more than"), ("LIMIT", "45"), ("LIMIT", "40"),
                              ("OBJ_NAME", "Profit"), ("PARAM", "2"), ("VAR", "cheese roll"), ("PARAM", "3"),
                              ("VAR", "bean roll"), ("OBJ_DIR", "maximize"), ("OBJ_NAME", "profit")])
    _, rows = model_of(toks, spans)
    assert "3 * cheese_rolls + bean_rolls <= 45" in rows
    assert "cheese_rolls <= 45" not in rows


def test_a_short_head_after_a_decisions_own_word_names_it() -> None:
    text = ("A bakery can advertise with flyer, radio and web ads. Each flyer ad costs $100 and reaches 900 "
            "people; each radio ad costs $400 and reaches 3000 people; each web ad costs $250 and reaches 2500 "
            "people. The station sells one client no more than 6 radio ads. The weekly budget is $5000. How many "
            "of each ad should be bought to reach the most people?")
    toks, spans = hand(text, [("VAR", "flyer"), ("VAR", "radio"), ("VAR", "web ads"), ("VAR", "flyer ad"),
                              ("PARAM", "100"), ("PARAM", "900"), ("VAR", "radio ad"), ("PARAM", "400"),
                              ("PARAM", "3000"), ("VAR", "web ad"), ("PARAM", "250"), ("PARAM", "2500"),
                              ("CONST_DIR", "no more than"), ("LIMIT", "6"), ("CONST_DIR", "budget"),
                              ("LIMIT", "5000"), ("OBJ_DIR", "most"), ("OBJ_NAME", "people")])
    _, rows = model_of(toks, spans)
    assert "radio_ads <= 6" in rows


def test_a_respectively_clause_after_a_semicolon_is_one_decisions_numbers() -> None:
    text = ("Desks and shelves are made in a workshop. A desk needs 3 hours of cutting time and 2 hours of "
            "finishing time; a shelf needs 1.5 hours and 0.5 hours, respectively. At most 300 hours of cutting "
            "time and 160 hours of finishing time are available. Profit is $90 per desk and $30 per shelf. How "
            "many of each should be made to maximize profit?")
    toks, spans = hand(text, [("VAR", "shelves"), ("VAR", "desk"), ("PARAM", "3"), ("PARAM", "2"),
                              ("VAR", "shelf"), ("PARAM", "1.5"), ("PARAM", "0.5"), ("CONST_DIR", "At most"),
                              ("LIMIT", "300"), ("LIMIT", "160"), ("CONST_DIR", "available"),
                              ("OBJ_NAME", "Profit"), ("PARAM", "90"), ("VAR", "desk"), ("PARAM", "30"),
                              ("OBJ_DIR", "maximize"), ("OBJ_NAME", "profit")])
    _, rows = model_of(toks, spans)
    assert "3 * desks + 1.5 * shelves <= 300" in rows
    assert "2 * desks + 0.5 * shelves <= 160" in rows


def test_the_noun_every_name_is_followed_by_counts_the_decisions() -> None:
    text = ("Muffins at Sunny Bakery come in two flavours, blueberry and banana. For every blueberry muffin the "
            "baker is paid $2, and for every banana one the baker is paid $3; the store can spend no more than "
            "$3000 on these payments in a month. Each blueberry muffin brings the store $3 of profit and each "
            "banana muffin brings $5. The owner expects monthly sales of up to 900 muffins in total. Determine "
            "the number of each flavour to make so that monthly profit is maximized.")
    toks, spans = hand(text, [("VAR", "blueberry"), ("VAR", "banana"), ("VAR", "blueberry muffin"),
                              ("PARAM", "2"), ("PARAM", "3"), ("CONST_DIR", "no more than"), ("LIMIT", "3000"),
                              ("VAR", "blueberry muffin"), ("PARAM", "3"), ("OBJ_NAME", "profit"),
                              ("VAR", "banana muffin"), ("PARAM", "5"), ("LIMIT", "900"), ("OBJ_NAME", "profit")])
    _, rows = model_of(toks, spans)
    assert "banana + blueberry <= 900" in rows or "blueberry + banana <= 900" in rows


def test_a_respectively_sentence_naming_none_follows_the_sentence_before() -> None:
    text = ("Small and large lamps are made at a workshop. Wiring takes 12 minutes for a small lamp and 20 minutes "
            "for a large one. Testing takes 5 minutes and 8 minutes, respectively. The available time is 900 "
            "minutes for wiring and 400 minutes for testing. Small lamps bring $9 of profit each and large ones "
            "$14. Find how many of each to make to maximize profit.")
    toks, spans = hand(text, [("VAR", "large lamps"), ("PARAM", "12"), ("VAR", "small lamp"), ("PARAM", "20"),
                              ("PARAM", "5"), ("PARAM", "8"), ("CONST_DIR", "available"), ("LIMIT", "900"),
                              ("LIMIT", "400"), ("VAR", "Small lamps"), ("PARAM", "9"), ("OBJ_NAME", "profit"),
                              ("VAR", "large"), ("PARAM", "14"), ("OBJ_DIR", "maximize"), ("OBJ_NAME", "profit")])
    _, rows = model_of(toks, spans)
    assert "5 * small_lamp + 8 * large_lamps <= 400" in rows


def test_a_clause_opening_on_a_word_only_one_name_holds_bounds_that_decision() -> None:
    text = ("Nadia has up to $20000 to split between the tea industry and the coffee industry. Whatever goes into "
            "tea must be no less than three times the amount into coffee, yet tea is capped at $12000. Tea "
            "investments return 6% and coffee investments return 4%. How should she divide the money so that her "
            "return is as high as possible?")
    toks, spans = hand(text, [("CONST_DIR", "up to"), ("LIMIT", "20000"), ("VAR", "tea industry"),
                              ("VAR", "coffee industry"), ("CONST_DIR", "no less than"), ("PARAM", "three times"),
                              ("VAR", "coffee"), ("PARAM", "12000"), ("VAR", "Tea"), ("OBJ_NAME", "return"),
                              ("PARAM", "6 %"), ("VAR", "coffee"), ("OBJ_NAME", "return"), ("PARAM", "4 %"),
                              ("OBJ_NAME", "return")])
    _, rows = model_of(toks, spans)
    assert "tea_industry <= 12000" in rows


def test_and_that_opens_another_clause_with_its_own_subject() -> None:
    text = ("Orbit Funds can put up to $400,000 into a two-year plan. The options are the mining industry, "
            "returning 3%, and the shipping industry, returning 6%. Its board insists that no less than 30% of the "
            "total invested go to mining and that shipping take no more than 60% of the total invested. How should "
            "the money be divided between the two industries to maximize return?")
    toks, spans = hand(text, [("CONST_DIR", "up to"), ("LIMIT", "400,000"), ("VAR", "mining industry"),
                              ("PARAM", "3 %"), ("VAR", "shipping industry"), ("PARAM", "6 %"),
                              ("CONST_DIR", "no less than"), ("LIMIT", "30 %"), ("VAR", "mining"),
                              ("CONST_DIR", "no more than"), ("LIMIT", "60 %"), ("OBJ_DIR", "maximize"),
                              ("OBJ_NAME", "return")])
    _, rows = model_of(toks, spans)
    assert "shipping_industry <= 0.6 * (mining_industry + shipping_industry)" in rows


def test_a_decisions_word_before_another_head_it_goes_by_names_it() -> None:
    text = ("A copy shop makes small and large posters. A small poster uses 2 sheets of paper and a large poster "
            "uses 5 sheets. The shop has at most 300 sheets. It also wants no fewer than 10 small prints and no "
            "fewer than 4 large ones. Profit is $3 for a small print and $8 for a large one. How many of each should "
            "be made to maximize profit?")
    toks, spans = hand(text, [("VAR", "large posters"), ("VAR", "small poster"), ("PARAM", "2"),
                              ("VAR", "large poster"), ("PARAM", "5"), ("CONST_DIR", "at most"), ("LIMIT", "300"),
                              ("CONST_DIR", "no fewer than"), ("LIMIT", "10"), ("CONST_DIR", "no fewer than"),
                              ("LIMIT", "4"), ("OBJ_NAME", "Profit"), ("PARAM", "3"), ("PARAM", "8"),
                              ("OBJ_DIR", "maximize"), ("OBJ_NAME", "profit")])
    _, rows = model_of(toks, spans)
    assert "small_posters >= 10" in rows
    assert "large_posters >= 4" in rows


def test_a_noun_counted_by_numbers_after_a_decisions_word_is_a_resource() -> None:
    text = ("Lakeside Swim School must cover at least 30 crawl lessons and 12 diving lessons each day. A crawl "
            "coach teaches 5 crawl lessons a day and costs $120; a diving coach teaches 3 diving lessons a day and "
            "costs $140. How many coaches of each kind should the school hire to keep its costs down?")
    toks, spans = hand(text, [("CONST_DIR", "at least"), ("LIMIT", "30"), ("LIMIT", "12"), ("VAR", "crawl coach"),
                              ("PARAM", "5"), ("OBJ_NAME", "costs"), ("PARAM", "120"), ("VAR", "diving coach"),
                              ("PARAM", "3"), ("OBJ_NAME", "costs"), ("PARAM", "140"), ("OBJ_NAME", "costs")])
    _, rows = model_of(toks, spans)
    assert "5 * crawl_coach >= 30" in rows


def test_a_name_a_sentence_opens_on_with_for_is_its_topic() -> None:
    text = ("Lemon and lime sorbet cups are sold at a kiosk. The kiosk has to sell a minimum of 20 lemon cups, and "
            "it cannot sell more than 45 of them. For lime, it has to sell a minimum of 15 cups and no more than "
            "50. There are only enough cups to sell 80 items in total. A lemon cup earns a profit of $2 and a lime "
            "cup earns $3. How many cups of each flavor should be sold to make the most profit?")
    toks, spans = hand(text, [("VAR", "lime sorbet cups"), ("CONST_DIR", "minimum"), ("LIMIT", "20"),
                              ("CONST_DIR", "more than"), ("LIMIT", "45"), ("VAR", "lime"),
                              ("CONST_DIR", "minimum"), ("LIMIT", "15"), ("CONST_DIR", "no more than"),
                              ("LIMIT", "50"), ("LIMIT", "80"), ("CONST_DIR", "in total"), ("VAR", "lemon cup"),
                              ("OBJ_NAME", "profit"), ("PARAM", "2"), ("VAR", "lime cup"), ("PARAM", "3"),
                              ("OBJ_NAME", "profit")])
    _, rows = model_of(toks, spans)
    assert "lime_sorbet_cups >= 15" in rows
    assert "lime_sorbet_cups <= 50" in rows


def test_a_name_that_says_what_is_not_done_is_no_decision() -> None:
    text = ("A repair shop staffs fitters, welders and helpers for a shift. A fitter costs $300 per shift and fixes 6 "
            "bikes, a welder costs $350 per shift and fixes 4 bikes, and a helper costs $120 per shift and fixes no "
            "bikes. The shop expects at least 60 bikes. At least 2 fitters must be on shift. How many fitters, "
            "welders and helpers should the shop schedule to minimize the staff cost?")
    toks, spans = hand(text, [("VAR", "welders"), ("VAR", "helpers"), ("VAR", "fitter"), ("OBJ_NAME", "costs"),
                              ("PARAM", "300"), ("PARAM", "6"), ("OBJ_NAME", "bikes"), ("PARAM", "350"),
                              ("PARAM", "4"), ("OBJ_NAME", "bikes"), ("PARAM", "120"), ("VAR", "fixes no bikes"),
                              ("CONST_DIR", "at least"), ("LIMIT", "60"), ("CONST_DIR", "At least"), ("LIMIT", "2"),
                              ("VAR", "fitters"), ("VAR", "welders"), ("OBJ_DIR", "minimize"),
                              ("OBJ_NAME", "staff cost")])
    goal, rows = model_of(toks, spans)
    assert "fixes_no_bikes" not in goal + " ".join(rows)


def test_a_compound_bus_word_meets_its_plural() -> None:
    from modeler.strategies.offline.words import stem

    assert stem("minibuses") == stem("minibus")
    text = ("A club must take 300 fans to a match. A coach holds 50 fans and costs $500 for the day. A minibus holds "
            "15 fans and costs $200 for the day. Only 10 drivers are available, one per vehicle, and at least 3 "
            "minibuses are needed for the narrow lanes. Minimize the total cost of the vehicles.")
    toks, spans = hand(text, [("LIMIT", "300"), ("VAR", "coach"), ("PARAM", "50"), ("PARAM", "500"),
                              ("PARAM", "15"), ("PARAM", "200"), ("CONST_DIR", "Only"), ("LIMIT", "10"),
                              ("CONST_DIR", "available"), ("CONST_DIR", "at least"), ("LIMIT", "3"),
                              ("OBJ_DIR", "Minimize"), ("OBJ_NAME", "cost")])
    _, rows = model_of(toks, spans)
    assert "minibus >= 3" in rows


def test_a_spelt_number_tagged_in_part_is_read_whole() -> None:
    text = ("I'm planning a party for 200 guests and have to book staff. A cook can look after 20 guests and charges "
            "two hundred dollars for the evening. A waiter can look after 10 guests and charges one hundred twenty "
            "dollars. How many cooks and waiters should I book to spend as little as possible?")
    toks, spans = hand(text, [("LIMIT", "200"), ("VAR", "cook"), ("PARAM", "20"), ("VAR", "waiter"),
                              ("PARAM", "10"), ("PARAM", "twenty")])
    goal, _ = model_of(toks, spans)
    assert goal == "min 200 * cook + 120 * waiter"


def test_a_verb_the_tagger_took_into_a_name_with_its_figure_is_no_name() -> None:
    text = ("A farm hires pickers from Agency North and Agency South. An Agency North picker costs $150 a day and picks "
            "80 crates a day, an Agency South picker costs $120 per day and picks 60 crates. The farm must pick at "
            "least 2000 crates every day. How many pickers from each agency should be hired to minimize daily wages?")
    toks, spans = hand(text, [("VAR", "Agency North"), ("VAR", "Agency South"), ("VAR", "Agency North picker"),
                              ("PARAM", "150"), ("VAR", "picks 80"), ("VAR", "Agency South picker"),
                              ("OBJ_NAME", "costs"), ("PARAM", "120"), ("VAR", "picks 60"),
                              ("CONST_DIR", "at least"), ("LIMIT", "2000"), ("OBJ_DIR", "minimize"),
                              ("OBJ_NAME", "daily wages")])
    goal, rows = model_of(toks, spans)
    assert goal == "min 150 * agency_north + 120 * agency_south"
    assert "80 * agency_north + 60 * agency_south >= 2000" in rows


def test_the_most_of_one_decision_the_question_asks_for_is_the_goal() -> None:
    text = ("I'm blending my own muesli: oat flakes (10% sugar) with dried fruit (40% sugar) in one 500 g jar, and I "
            "want the whole mix at no more than 20% sugar. What's the most dried fruit I can put in?")
    toks, spans = hand(text, [("VAR", "oat flakes"), ("PARAM", "10 %"), ("VAR", "dried fruit"), ("PARAM", "40 %"),
                              ("LIMIT", "500"), ("CONST_DIR", "no more than"), ("LIMIT", "20 %"),
                              ("VAR", "dried fruit")])
    goal, _ = model_of(toks, spans)
    assert goal == "max dried_fruit"


def test_only_enough_of_something_for_so_many_is_a_most() -> None:
    text = ("A florist has to deliver at least 300 bouquets. She can use bikes and cars. A bike carries 10 bouquets "
            "per trip and a car 25 bouquets per trip. Bike trips cost $8 each while a car trip costs $30. Because of "
            "narrow lanes the number of bike trips must be at least twice the number of car trips, and there are "
            "only enough cars for 8 car trips. How many trips of each should be made in order to spend the least?")
    toks, spans = hand(text, [("CONST_DIR", "at least"), ("LIMIT", "300"), ("VAR", "bikes"), ("VAR", "cars"),
                              ("VAR", "bike"), ("PARAM", "10"), ("VAR", "car"), ("PARAM", "25"),
                              ("VAR", "Bike trips"), ("PARAM", "8"), ("VAR", "car trip"), ("PARAM", "30"),
                              ("VAR", "bike trips"), ("CONST_DIR", "at least"), ("PARAM", "twice"),
                              ("VAR", "car trips"), ("VAR", "cars"), ("LIMIT", "8"), ("VAR", "car trips")])
    _, rows = model_of(toks, spans)
    assert "cars <= 8" in rows


def test_money_said_in_words_to_invest_in_full_is_their_sum() -> None:
    text = ("Omar has inherited forty thousand dollars and will invest all of it in a bond fund and an index fund. The "
            "bond fund is expected to return 4 percent a year and the index fund 6 percent. To limit risk, no more "
            "than 70 percent of the money may go into the index fund, and he wants at least $5,000 in bonds. How "
            "much should he put in each fund to get the largest expected annual return?")
    toks, spans = hand(text, [("LIMIT", "forty thousand"), ("VAR", "bond"), ("VAR", "index"), ("VAR", "bond"),
                              ("OBJ_NAME", "return"), ("PARAM", "4 percent"), ("VAR", "index"),
                              ("PARAM", "6 percent"), ("CONST_DIR", "no more than"), ("LIMIT", "70 percent"),
                              ("VAR", "index"), ("CONST_DIR", "at least"), ("LIMIT", "5,000"), ("VAR", "bonds"),
                              ("OBJ_NAME", "return")])
    _, rows = model_of(toks, spans)
    assert "bond + index == 40000" in rows


def test_a_limit_in_a_groups_words_is_that_group_though_one_number_says_them_short() -> None:
    text = ("Summit Ski School has to cover at least 30 ski lessons and 12 snowboard lessons each day. A ski "
            "instructor teaches 5 ski lessons a day and costs $140; a snowboard instructor teaches 4 snowboard lessons "
            "a day and costs $150; a dual instructor teaches 2 ski and 2 snowboard lessons a day and costs $190. How "
            "many instructors of each kind should the school hire to keep its costs down?")
    toks, spans = hand(text, [("CONST_DIR", "at least"), ("LIMIT", "30"), ("VAR", "ski"), ("LIMIT", "12"),
                              ("VAR", "ski instructor"), ("PARAM", "5"), ("PARAM", "140"),
                              ("VAR", "snowboard instructor"), ("PARAM", "4"), ("PARAM", "150"),
                              ("VAR", "dual instructor"), ("PARAM", "2"), ("PARAM", "2"), ("PARAM", "190")])
    _, rows = model_of(toks, spans)
    assert "5 * ski + 2 * dual_instructor >= 30" in rows


def test_a_name_cut_one_word_short_of_its_bracket_takes_that_word() -> None:
    text = ("For the beds we need exactly 10 tonnes of soil mix made from garden loam ($25/t), coarse grit ($18/t) and "
            "leaf mould ($40/t). The designer wants at least 20% leaf mould and no more than twice as much grit as "
            "garden loam. Find the cheapest mix.")
    toks, spans = hand(text, [("LIMIT", "10"), ("PARAM", "25"), ("VAR", "coarse"), ("PARAM", "18"), ("PARAM", "40"),
                              ("CONST_DIR", "at least"), ("LIMIT", "20 %"), ("CONST_DIR", "no more than"),
                              ("PARAM", "twice")])
    _, rows = model_of(toks, spans)
    assert "garden_loam + coarse_grit + leaf_mould == 10" in rows


def test_each_and_a_names_head_before_a_figure_is_that_decisions_rate() -> None:
    text = ("A farmer must plough at least 200 acres this week. A hired hand can plough 4 acres a week and a "
            "ploughing tractor can plough 25 acres a week. Each tractor uses 40 liters of fuel a week and the "
            "farmer has only 300 liters of fuel. How many hired hands and tractors should be used to minimize the "
            "total number of hands and tractors?")
    toks, spans = hand(text, [("CONST_DIR", "at least"), ("LIMIT", "200"), ("VAR", "hired hand"), ("PARAM", "4"),
                              ("VAR", "ploughing tractor"), ("PARAM", "25"), ("PARAM", "40"), ("LIMIT", "300"),
                              ("VAR", "hired hands"), ("VAR", "tractors"), ("OBJ_DIR", "minimize"),
                              ("OBJ_NAME", "total number of hands and tractors")])
    _, rows = model_of(toks, spans)
    assert "40 * ploughing_tractor <= 300" in rows


def test_a_price_per_unit_said_once_for_a_list_is_no_row_of_an_amount_in_that_unit() -> None:
    text = ("Seed for the new lawn. We are sowing exactly 200 kg of seed mix. Rye grass costs $3.10 a kg, the clover "
            "mix $5.40 and red fescue $7. The spec: clover at least 10% of the mix, red fescue at least 20%, and rye "
            "no more than 60%. How much of each seed should we buy at the lowest cost?")
    toks, spans = hand(text, [("LIMIT", "200"), ("VAR", "Rye grass"), ("OBJ_NAME", "costs"), ("PARAM", "3.10"),
                              ("VAR", "clover"), ("PARAM", "5.40"), ("VAR", "red fescue"), ("PARAM", "7"),
                              ("VAR", "clover"),
                              ("CONST_DIR", "at least"), ("LIMIT", "10 %"), ("CONST_DIR", "at least"),
                              ("LIMIT", "20 %"), ("VAR", "rye"), ("CONST_DIR", "no more than"), ("LIMIT", "60 %"),
                              ("OBJ_DIR", "lowest"), ("OBJ_NAME", "cost")])
    _, rows = model_of(toks, spans)
    assert "rye_grass + clover + red_fescue == 200" in rows


def test_a_share_whose_subject_says_a_hyphened_name_open_is_that_decisions() -> None:
    text = ("A gym plans to advertise with posters of three kinds. A famous-athlete poster costs $900 and reaches 6000 "
            "people; a local-hero poster costs $400 and reaches 3000 people; a no-face poster costs $200 and reaches "
            "1500 people. Posters with no face can make up no more than a third of all posters. The budget is "
            "$9000. How many posters of each kind should the gym print to reach the most people?")
    toks, spans = hand(text, [("VAR", "famous-athlete poster"), ("PARAM", "900"), ("PARAM", "6000"),
                              ("VAR", "local-hero poster"), ("PARAM", "400"), ("PARAM", "3000"),
                              ("VAR", "no-face poster"), ("PARAM", "200"), ("PARAM", "1500"),
                              ("CONST_DIR", "no more than"), ("PARAM", "a third"), ("CONST_DIR", "budget"),
                              ("LIMIT", "9000"), ("OBJ_DIR", "most"), ("OBJ_NAME", "people")])
    _, rows = model_of(toks, spans)
    assert any(r.startswith("no_face_poster <= 0.333") for r in rows)


def test_a_one_before_a_unit_of_a_name_sizes_the_unit_and_is_no_coefficient() -> None:
    text = ("Each week a bakery has 400 kg of flour and 300 kg of butter. It can make three biscuits: plain, ginger "
            "and almond biscuits. To make 1 kg of plain biscuits it needs 0.5 kg of flour and 0.2 kg of butter; 1 kg "
            "of ginger biscuits needs 0.6 kg of flour and 0.1 kg of butter; and 1 kg of almond biscuits needs 0.4 kg "
            "of flour and 0.3 kg of butter. Profit per kg sold is $5 for plain, $6 for ginger and $8 for almond. "
            "How much of each should be made to maximize profit?")
    toks, spans = hand(text, [("LIMIT", "400"), ("LIMIT", "300"), ("VAR", "ginger"), ("VAR", "almond biscuits"),
                              ("PARAM", "0.5"), ("PARAM", "0.2"), ("PARAM", "1"), ("VAR", "ginger biscuits"),
                              ("PARAM", "0.6"), ("PARAM", "0.1"), ("PARAM", "1"), ("VAR", "almond biscuits"),
                              ("PARAM", "0.4"), ("PARAM", "0.3"), ("OBJ_NAME", "Profit"), ("PARAM", "5"),
                              ("PARAM", "6"), ("PARAM", "8"), ("OBJ_DIR", "maximize"), ("OBJ_NAME", "profit")])
    _, rows = model_of(toks, spans)
    assert any("0.4 * almond" in r and r.endswith("<= 400") for r in rows)

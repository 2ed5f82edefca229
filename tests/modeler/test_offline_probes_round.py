"""Offline modeler: rules from problems written in NL4Opt's voice to probe the reader (v41).

- An ingredient named by one product's own word is that product's row alone, whether the word is said in the
  singular or the plural ("a cup of orange juice requires 3 oranges ... the bar has 300 oranges").
- A place of a size that a list of the decisions is planted or kept in is the room they share ("plants roses and
  tulips in a 200 square foot bed").
- One decision above another by an amount: "at least 10 more day nurses than night nurses", "at most 50 fewer
  pencils than pens", "at least 5 bookcases more than desks", "the number of motorcycles cannot exceed the number
  of vans by more than 20" (x - y >= n or <= n), "at least 10 percent more bread than cake" (x >= 1.1 y);
  nothing for "20 more cakes than last year".
- "500 nurse hours" are hours of work, not a count of nurses; "two cooks who each work 8 hours" have 16; "3
  technicians working 40 hours a week each" have 120, and the 3 is no limit of its own.
- "at most 10 tons" against crates of "50 kg"; "1 adult for every 3 children" with "child tickets".
- ", with 80 hours of sewing time" after the coefficients is their stock; so is what "I can get" ("40 kg of wax").
- "no more than 2 kg of chicken" when the question counts "100 g portions" is 20 of them.
- Profit is the price less the cost when the text gives both and no profit of its own: "cost us $0.80 to make and
  sell for $3", "Wheat costs $200 per ton and rice $300 ... can sell wheat at $260", "buys T-shirts for $6 ...
  sells T-shirts for $14", "we charge $80 ... Parts cost us $20"; the costs stay free for the budget. Revenue
  stays the price.
- A text that states no goal but what each decision earns ("tacos ($3 profit each) ... How many of each should I
  plan for?") is read as the most profit, with a doubt that says so; with nothing earned it is still refused.
  "I'm open 4 hours at lunch" and "The printer runs 35 hours a week: a poster takes ..." are the time there is.
- "at least 30 workers in total, at least 8 of whom must be drivers"; "at least 50 units of X" of "Product X".

The sentences are written for these tests (not taken from any data set). Tags are given by hand, as the
tagger gives them on such texts (its slips included). No trained tagger is needed.
"""

from __future__ import annotations

from hand_tags import hand, read_text

from modeler.strategies.offline.prose import as_prose


def _rows(text: str, marks: list[tuple[str, str]]) -> list[str]:
    return read_text(text, marks)[1]


def test_an_ingredient_said_in_the_plural_is_one_products_own() -> None:
    text = ("A juice bar sells orange juice and apple juice. A cup of orange juice requires 3 oranges and a cup of "
            "apple juice requires 4 apples. The bar has 300 oranges and 320 apples. A cup of orange juice sells for "
            "$4 and a cup of apple juice for $3.5. At least 20 cups of apple juice must be sold. How many cups of "
            "each should be sold to maximize revenue?")
    # (the tagger reads the stock as coefficients: "300" and "320" come as PARAM)
    marks = [("VAR", "orange juice"), ("VAR", "apple juice"), ("VAR", "orange juice"), ("PARAM", "3"),
             ("VAR", "apple juice"), ("PARAM", "4"), ("PARAM", "300"), ("PARAM", "320"), ("VAR", "orange juice"),
             ("PARAM", "4"), ("VAR", "apple juice"), ("PARAM", "3.5"), ("CONST_DIR", "At least"), ("LIMIT", "20"),
             ("VAR", "apple juice"), ("OBJ_DIR", "maximize"), ("OBJ_NAME", "revenue")]
    rows = _rows(text, marks)
    assert "3 * orange_juice <= 300" in rows
    assert "4 * apple_juice <= 320" in rows


def test_the_bed_they_are_planted_in() -> None:
    text = ("A gardener plants roses and tulips in a 200 square foot bed. Each rose needs 4 square feet and each tulip "
            "needs 1 square foot. Roses need 3 liters of fertilizer each and tulips need 1 liter, and 250 liters are "
            "available. Each rose sells for $5 and each tulip $2. How many of each should be planted to maximize "
            "revenue?")
    marks = [("VAR", "roses"), ("VAR", "tulips"), ("LIMIT", "200"), ("VAR", "rose"), ("PARAM", "4"), ("VAR", "tulip"),
             ("PARAM", "1"), ("VAR", "Roses"), ("PARAM", "3"), ("VAR", "tulips"), ("PARAM", "1"), ("LIMIT", "250"),
             ("CONST_DIR", "available"), ("VAR", "rose"), ("PARAM", "5"), ("VAR", "tulip"), ("PARAM", "2"),
             ("OBJ_DIR", "maximize"), ("OBJ_NAME", "revenue")]
    rows = _rows(text, marks)
    assert "4 * roses + tulips <= 200" in rows
    assert "3 * roses + tulips <= 250" in rows


def test_so_many_more_of_one_than_of_the_other() -> None:
    text = ("A hospital schedules day nurses and night nurses. Each day nurse works 8 hours and each night nurse works "
            "12 hours. The hospital needs at least 500 nurse hours. There must be at least 10 more day nurses than "
            "night nurses. A day nurse is paid $300 per shift and a night nurse $450 per shift. How many nurses of "
            "each type should be scheduled to minimize cost?")
    # (the tagger leaves "more" and the second "day nurses" untagged)
    marks = [("VAR", "day nurses"), ("VAR", "night nurses"), ("VAR", "day nurse"), ("PARAM", "8"),
             ("VAR", "night nurse"), ("PARAM", "12"), ("CONST_DIR", "at least"), ("LIMIT", "500"),
             ("CONST_DIR", "at least"), ("LIMIT", "10"), ("VAR", "night nurses"), ("VAR", "day nurse"),
             ("PARAM", "300"), ("VAR", "night nurse"), ("PARAM", "450"), ("OBJ_DIR", "minimize"), ("OBJ_NAME", "cost")]
    rows = _rows(text, marks)
    assert "day_nurses - night_nurses >= 10" in rows
    # ("nurse hours": hours of work, not a count of nurses)
    assert "8 * day_nurses + 12 * night_nurses >= 500" in rows


def test_fewer_and_more_said_both_ways() -> None:
    text = ("A shop sells pens and pencils. It wants to sell at most 50 fewer pencils than pens, and at least 5 pens "
            "more than pencils. It can stock at most 400 items. Pens earn $2 and pencils $0.5. How many of each should "
            "it sell to maximize profit?")
    marks = [("VAR", "pens"), ("VAR", "pencils"), ("CONST_DIR", "at most"), ("LIMIT", "50"), ("VAR", "pencils"),
             ("VAR", "pens"), ("CONST_DIR", "at least"), ("LIMIT", "5"), ("VAR", "pens"), ("VAR", "pencils"),
             ("CONST_DIR", "at most"), ("LIMIT", "400"), ("VAR", "Pens"), ("PARAM", "2"), ("VAR", "pencils"),
             ("PARAM", "0.5"), ("OBJ_DIR", "maximize"), ("OBJ_NAME", "profit")]
    rows = _rows(text, marks)
    assert "pens - pencils <= 50" in rows
    assert "pens - pencils >= 5" in rows
    assert "pens + pencils <= 400" in rows


def test_one_may_exceed_the_other_by_so_much() -> None:
    text = ("A delivery company uses vans and motorcycles. A van can deliver 50 packages and a motorcycle 12 packages "
            "per day. The company must deliver at least 800 packages per day. A van produces 30 units of pollution "
            "and a motorcycle 8 units. The number of motorcycles cannot exceed the number of vans by more than 20. "
            "How many of each should be used to minimize pollution?")
    marks = [("VAR", "vans"), ("VAR", "motorcycles"), ("VAR", "van"), ("PARAM", "50"), ("PARAM", "12"),
             ("CONST_DIR", "at least"), ("LIMIT", "800"), ("VAR", "van"), ("PARAM", "30"), ("PARAM", "8"),
             ("VAR", "motorcycles"), ("CONST_DIR", "cannot exceed"), ("VAR", "vans"), ("CONST_DIR", "more than"),
             ("LIMIT", "20"), ("OBJ_DIR", "minimize"), ("OBJ_NAME", "pollution")]
    rows = _rows(text, marks)
    assert "motorcycles - vans <= 20" in rows
    assert "50 * vans + 12 * motorcycles >= 800" in rows


def test_no_difference_without_a_second_decision_or_a_duty() -> None:
    text = ("A bakery makes cakes and pies. A cake takes 2 hours and a pie 1 hour, and 100 hours are available. This "
            "year it sold 20 more cakes than last year. A cake earns $9 and a pie $5. How many of each should it make "
            "to maximize profit?")
    marks = [("VAR", "cakes"), ("VAR", "pies"), ("VAR", "cake"), ("PARAM", "2"), ("VAR", "pie"), ("PARAM", "1"),
             ("LIMIT", "100"), ("CONST_DIR", "available"), ("PARAM", "20"), ("VAR", "cakes"), ("VAR", "cake"),
             ("PARAM", "9"), ("VAR", "pie"), ("PARAM", "5"), ("OBJ_DIR", "maximize"), ("OBJ_NAME", "profit")]
    assert _rows(text, marks) == ["2 * cakes + pies <= 100"]


def test_cooks_who_each_work_so_long() -> None:
    text = ("A kitchen makes sandwiches and wraps. A sandwich takes 4 minutes and a wrap takes 6 minutes. The kitchen "
            "has two cooks who each work 8 hours. A sandwich earns $3 and a wrap $5. How many of each should be made "
            "to maximize earnings?")
    marks = [("VAR", "sandwiches"), ("VAR", "wraps"), ("VAR", "sandwich"), ("PARAM", "4"), ("VAR", "wrap"),
             ("PARAM", "6"), ("PARAM", "8"), ("VAR", "sandwich"), ("OBJ_NAME", "earns"), ("PARAM", "3"),
             ("PARAM", "5"), ("OBJ_DIR", "maximize"), ("OBJ_NAME", "earnings")]
    assert "4 * sandwiches + 6 * wraps <= 960" in _rows(text, marks)


def test_a_load_in_tons_against_crates_in_kilograms() -> None:
    text = ("A truck can carry at most 10 tons. It carries crates of apples weighing 50 kg each and crates of oranges "
            "weighing 40 kg each. Each apple crate earns $20 and each orange crate $15. How many crates of each should "
            "be loaded to maximize earnings?")
    marks = [("CONST_DIR", "at most"), ("LIMIT", "10"), ("VAR", "apples"), ("PARAM", "50"), ("VAR", "oranges"),
             ("PARAM", "40"), ("VAR", "apple"), ("OBJ_NAME", "earns"), ("PARAM", "20"), ("VAR", "orange"),
             ("PARAM", "15"), ("OBJ_DIR", "maximize"), ("OBJ_NAME", "earnings")]
    assert "50 * apples + 40 * oranges <= 10000" in _rows(text, marks)


def test_children_are_child_tickets() -> None:
    text = ("A museum sells adult and child tickets. It can admit at most 800 visitors a day. Adult tickets cost $20 "
            "and child tickets $8. The museum requires at least 1 adult for every 3 children. How many of each "
            "ticket should be sold to maximize revenue?")
    marks = [("VAR", "adult"), ("VAR", "child tickets"), ("CONST_DIR", "at most"), ("LIMIT", "800"),
             ("VAR", "Adult tickets"), ("PARAM", "20"), ("VAR", "child tickets"), ("PARAM", "8"),
             ("CONST_DIR", "at least"), ("LIMIT", "1"), ("VAR", "adult"), ("PARAM", "3"), ("OBJ_DIR", "maximize"),
             ("OBJ_NAME", "revenue")]
    rows = _rows(text, marks)
    assert any(r.startswith("adult_tickets >= 0.333") and r.endswith("* child_tickets") for r in rows), rows


def test_a_stock_said_after_with() -> None:
    text = ("A tailor makes shirts and trousers. A shirt needs 2 meters of fabric and a pair of trousers 3 meters. There "
            "are 150 meters of fabric. Sewing a shirt takes 1 hour and a pair of trousers 1.5 hours, with 80 hours of "
            "sewing time. A shirt brings $25 and a pair of trousers $40. How many shirts and pairs of trousers should "
            "be made to maximize earnings?")
    marks = [("VAR", "shirts"), ("VAR", "trousers"), ("VAR", "shirt"), ("PARAM", "2"), ("PARAM", "3"),
             ("LIMIT", "150"), ("VAR", "shirt"), ("PARAM", "1"), ("PARAM", "1.5"), ("LIMIT", "80"), ("VAR", "shirt"),
             ("PARAM", "25"), ("VAR", "trousers"), ("PARAM", "40"), ("VAR", "shirts"), ("OBJ_DIR", "maximize"),
             ("OBJ_NAME", "earnings")]
    assert "shirts + 1.5 * trousers <= 80" in _rows(text, marks)


def test_so_many_of_whom_must_be() -> None:
    text = ("A company wants to hire drivers and loaders. A driver earns $800 a week and a loader $600. The company "
            "needs at least 30 workers in total, at least 8 of whom must be drivers. How many of each should be hired "
            "to minimize the weekly wage bill?")
    marks = [("VAR", "drivers"), ("VAR", "loaders"), ("VAR", "driver"), ("PARAM", "800"), ("VAR", "loader"),
             ("PARAM", "600"), ("CONST_DIR", "at least"), ("LIMIT", "30"), ("CONST_DIR", "at least"), ("LIMIT", "8"),
             ("VAR", "drivers"), ("OBJ_DIR", "minimize"), ("OBJ_NAME", "wage bill")]
    rows = _rows(text, marks)
    assert "drivers >= 8" in rows and "drivers + loaders >= 30" in rows


def test_so_many_units_more_of_one_than_of_the_other() -> None:
    text = ("A farmer grows corn and wheat on 200 acres. He must plant at least 30 acres more of corn than of wheat. "
            "Corn yields $400 per acre and wheat $350. How many acres of each should he plant to maximize profit?")
    marks = [("VAR", "corn"), ("VAR", "wheat"), ("LIMIT", "200"), ("CONST_DIR", "at least"), ("LIMIT", "30"),
             ("VAR", "corn"), ("VAR", "wheat"), ("VAR", "Corn"), ("PARAM", "400"), ("VAR", "wheat"), ("PARAM", "350"),
             ("OBJ_DIR", "maximize"), ("OBJ_NAME", "profit")]
    rows = _rows(text, marks)
    assert "corn - wheat >= 30" in rows and "corn + wheat <= 200" in rows


def test_so_many_percent_more_of_one_than_of_the_other() -> None:
    text = ("A bakery makes bread and cake. It must make at least 10 percent more bread than cake. Bread takes 1 hour "
            "and cake 2 hours, with 100 hours available. Bread earns $3 and cake $5. How many of each should it make "
            "to maximize profit?")
    marks = [("VAR", "bread"), ("VAR", "cake"), ("CONST_DIR", "at least"), ("LIMIT", "10 percent"), ("VAR", "bread"),
             ("VAR", "cake"), ("VAR", "Bread"), ("PARAM", "1"), ("VAR", "cake"), ("PARAM", "2"), ("LIMIT", "100"),
             ("CONST_DIR", "available"), ("VAR", "Bread"), ("PARAM", "3"), ("VAR", "cake"), ("PARAM", "5"),
             ("OBJ_DIR", "maximize"), ("OBJ_NAME", "profit")]
    rows = _rows(text, marks)
    assert "bread >= 1.1 * cake" in rows and "bread + 2 * cake <= 100" in rows


def test_a_letter_after_of_names_its_product() -> None:
    text = ("A factory makes two products that produce waste. Product X produces 2 kg of waste per unit and product Y "
            "produces 3 kg. The factory must make at least 50 units of X and 40 units of Y, and at least 120 units in "
            "total. How many units of each should be made to minimize waste?")
    marks = [("VAR", "Product X"), ("PARAM", "2"), ("VAR", "product Y"), ("PARAM", "3"), ("CONST_DIR", "at least"),
             ("LIMIT", "50"), ("LIMIT", "40"), ("CONST_DIR", "at least"), ("LIMIT", "120"), ("OBJ_DIR", "minimize"),
             ("OBJ_NAME", "waste")]
    rows = _rows(text, marks)
    assert "product_x >= 50" in rows and "product_y >= 40" in rows and "product_x + product_y >= 120" in rows


def test_what_one_can_get_is_a_stock() -> None:
    text = ("I make soy candles and beeswax candles. A soy candle takes 20 minutes and a beeswax candle 30 minutes, and "
            "I have 25 hours a week. A soy candle uses 0.3 kg of wax and a beeswax candle 0.4 kg; I can get 40 kg of "
            "wax a week. I make $12 on a soy candle and $18 on a beeswax candle. How many of each should I make to "
            "maximize profit?")
    # (the tagger reads "40" as a coefficient)
    marks = [("VAR", "soy candles"), ("VAR", "beeswax candles"), ("VAR", "soy candle"), ("PARAM", "20"),
             ("VAR", "beeswax candle"), ("PARAM", "30"), ("LIMIT", "25"), ("VAR", "soy candle"), ("PARAM", "0.3"),
             ("VAR", "beeswax candle"), ("PARAM", "0.4"), ("PARAM", "40"), ("PARAM", "12"), ("VAR", "soy candle"),
             ("PARAM", "18"), ("VAR", "beeswax candle"), ("OBJ_DIR", "maximize"), ("OBJ_NAME", "profit")]
    assert "0.3 * soy_candles + 0.4 * beeswax_candles <= 40" in _rows(text, marks)


def test_a_limit_in_kilograms_on_portions_of_100_grams() -> None:
    text = ("Chicken breast gives 31 g protein per 100 g and costs $1.20 per 100 g. Lentils give 9 g protein per 100 g "
            "and cost $0.30 per 100 g. I need at least 700 g of protein this week, and I don't want more than 2 kg of "
            "chicken. How many 100 g portions of each should I buy to spend as little as possible?")
    marks = [("VAR", "Chicken breast"), ("PARAM", "31"), ("PARAM", "1.20"), ("VAR", "Lentils"), ("PARAM", "9"),
             ("PARAM", "0.30"), ("CONST_DIR", "at least"), ("LIMIT", "700"), ("CONST_DIR", "more than"),
             ("LIMIT", "2"), ("VAR", "chicken"), ("OBJ_DIR", "as little as possible")]
    rows = _rows(text, marks)
    assert "chicken_breast <= 20" in rows and "31 * chicken_breast + 9 * lentils >= 700" in rows, rows


def _objective(text: str, marks: list[tuple[str, str]]) -> str:
    return read_text(text, marks)[0]


def test_profit_is_the_price_less_the_cost() -> None:
    text = ("We are organizing a charity bake sale. Cupcakes cost us $0.80 to make and sell for $3, pies cost $4 to make "
            "and sell for $12. We only have $150 for ingredients. Our table fits at most 120 items. How many of each "
            "should we bake to make the most profit?")
    marks = [("VAR", "Cupcakes"), ("PARAM", "0.80"), ("PARAM", "3"), ("VAR", "pies"), ("PARAM", "4"), ("PARAM", "12"),
             ("LIMIT", "150"), ("CONST_DIR", "at most"), ("LIMIT", "120"), ("OBJ_DIR", "most"), ("OBJ_NAME", "profit")]
    assert _objective(text, marks) == "max 2.2 * cupcakes + 8 * pies"
    assert "0.8 * cupcakes + 4 * pies <= 150" in _rows(text, marks)


def test_a_price_said_with_the_thing_between() -> None:
    text = ("A trader buys wheat and rice. Wheat costs $200 per ton and rice $300 per ton, and he has $30000. His "
            "warehouse holds 120 tons. He can sell wheat at $260 per ton and rice at $380 per ton. How many tons of each "
            "should he buy to maximize profit?")
    marks = [("VAR", "wheat"), ("VAR", "rice"), ("VAR", "Wheat"), ("PARAM", "200"), ("VAR", "rice"), ("PARAM", "300"),
             ("LIMIT", "30000"), ("LIMIT", "120"), ("VAR", "wheat"), ("PARAM", "260"), ("VAR", "rice"),
             ("PARAM", "380"), ("OBJ_DIR", "maximize"), ("OBJ_NAME", "profit")]
    assert _objective(text, marks) == "max 60 * wheat + 80 * rice"
    assert "200 * wheat + 300 * rice <= 30000" in _rows(text, marks)


def test_revenue_stays_the_price() -> None:
    text = ("Cupcakes cost $0.80 to make and sell for $3, pies cost $4 to make and sell for $12. We have $150 for "
            "ingredients. How many of each should we bake to maximize revenue?")
    marks = [("VAR", "Cupcakes"), ("PARAM", "0.80"), ("PARAM", "3"), ("VAR", "pies"), ("PARAM", "4"), ("PARAM", "12"),
             ("LIMIT", "150"), ("OBJ_DIR", "maximize"), ("OBJ_NAME", "revenue")]
    assert _objective(text, marks) == "max 3 * cupcakes + 12 * pies"


def test_bought_for_and_sold_for() -> None:
    text = ("A shop buys T-shirts for $6 and hoodies for $15, and sells T-shirts for $14 and hoodies for $35. It can "
            "spend $3000 on stock and has shelf space for 300 items. How many of each should it stock to maximize "
            "profit?")
    marks = [("VAR", "T-shirts"), ("PARAM", "6"), ("VAR", "hoodies"), ("PARAM", "15"), ("VAR", "T-shirts"),
             ("PARAM", "14"), ("VAR", "hoodies"), ("PARAM", "35"), ("LIMIT", "3000"), ("LIMIT", "300"),
             ("OBJ_DIR", "maximize"), ("OBJ_NAME", "profit")]
    goal, rows = read_text(text, marks)
    assert goal.startswith("max 8 * ") and goal.endswith("+ 20 * hoodies"), goal
    assert any(r.startswith("6 * ") and r.endswith("+ 15 * hoodies <= 3000") for r in rows), rows


def test_no_goal_stated_but_what_each_earns() -> None:
    text = ("I sell tacos ($3 profit each) and burritos ($5 profit each) from my food truck. A taco takes 2 minutes to "
            "assemble and a burrito 4 minutes. I'm open 4 hours at lunch. I've only got enough tortillas for 150 "
            "items. How many of each should I plan for?")
    marks = [("VAR", "tacos"), ("PARAM", "3"), ("OBJ_NAME", "profit"), ("VAR", "burritos"), ("PARAM", "5"),
             ("OBJ_NAME", "profit"), ("VAR", "taco"), ("PARAM", "2"), ("PARAM", "4"), ("PARAM", "4"), ("LIMIT", "150")]
    toks, spans = hand(as_prose(text), marks)
    from modeler.strategies.offline import read_model

    model, understanding, confidence, _, _ = read_model(toks, spans)
    goal = next(u for u in understanding if u["kind"] == "objective")
    rows = sorted(u["expr"] for u in understanding if u["kind"] == "constraint")
    assert f"{goal['sense']} {goal['expr']}" == "max 3 * tacos + 5 * burritos"
    assert "2 * tacos + 4 * burritos <= 240" in rows  # ("I'm open 4 hours": the time there is)
    assert any("states no goal" in u.get("sentence", "") for u in understanding if u["kind"] == "doubt")
    assert confidence < 0.9


def test_no_goal_and_nothing_earned_is_still_refused() -> None:
    import pytest

    from modeler.strategies.base import Refusal

    text = ("A batch of IPA uses 5 kg of malt and a batch of stout uses 7 kg of malt. I have 35 kg of malt. How many "
            "batches of each should I brew?")
    marks = [("VAR", "IPA"), ("PARAM", "5"), ("VAR", "stout"), ("PARAM", "7"), ("LIMIT", "35")]
    with pytest.raises(Refusal):
        read_text(text, marks)


def test_what_we_charge_less_the_parts_and_a_crew_counted_in_digits() -> None:
    text = ("We run a repair shop that fixes phones and laptops. A phone repair takes 1 hour and we charge $80; a "
            "laptop repair takes 2.5 hours and we charge $150. Parts cost us $20 per phone and $45 per laptop. We have "
            "3 technicians working 40 hours a week each. How many of each repair should we take on per week to "
            "maximize profit?")
    marks = [("VAR", "phones"), ("VAR", "laptops"), ("VAR", "phone repair"), ("PARAM", "1"), ("PARAM", "80"),
             ("VAR", "laptop repair"), ("PARAM", "2.5"), ("PARAM", "150"), ("PARAM", "20"), ("VAR", "phone"),
             ("PARAM", "45"), ("VAR", "laptop"), ("PARAM", "3"), ("PARAM", "40"), ("OBJ_DIR", "maximize"),
             ("OBJ_NAME", "profit")]
    goal, rows = read_text(text, marks)
    assert goal == "max 60 * phones + 105 * laptops"
    assert rows == ["phones + 2.5 * laptops <= 120"]  # (the 3 technicians are no limit of their own)


def test_a_machines_time_before_a_colon_that_lists_the_needs() -> None:
    text = ("Posters earn me $6 each and banners $15 each. The printer runs 35 hours a week: a poster takes 6 minutes "
            "and a banner 20 minutes. What should I print to maximize profit?")
    # (the tagger reads "35" as a coefficient)
    marks = [("VAR", "Posters"), ("PARAM", "6"), ("VAR", "banners"), ("PARAM", "15"), ("PARAM", "35"),
             ("VAR", "poster"), ("PARAM", "6"), ("VAR", "banner"), ("PARAM", "20"), ("OBJ_DIR", "maximize"),
             ("OBJ_NAME", "profit")]
    assert "6 * posters + 20 * banners <= 2100" in _rows(text, marks)


def test_a_name_after_and_with_its_verb_left_out() -> None:
    text = ("Our roastery sells two blends. The House blend uses 60% Brazil beans and the Bright blend uses 30% Brazil "
            "beans. We have 300 kg of Brazil beans this month. House earns $9 a kg and Bright $12 a kg. How many kg of "
            "each blend should we roast to make the most?")
    marks = [("VAR", "House blend"), ("PARAM", "60 %"), ("VAR", "Bright blend"), ("PARAM", "30 %"),
             ("CONST_DIR", "have"), ("LIMIT", "300"), ("OBJ_NAME", "earns"), ("PARAM", "9"), ("PARAM", "12"),
             ("OBJ_DIR", "most")]
    goal, _ = read_text(text, marks)
    assert goal == "max 9 * house_blend + 12 * bright_blend"

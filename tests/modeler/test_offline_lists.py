"""Offline modeler: numbers given in lists, a colon list of "name, number" items and a "respectively"
list of what one variable holds.

The sentences are written for these tests (not taken from NL4Opt). Tags are given by hand, with the
tagger's usual slips on such texts (an item's name left untagged, a measure tagged as a variable). No
trained tagger is needed.
"""

from __future__ import annotations

from hand_tags import hand, model_of

from modeler.strategies.offline.mentions import ordinal_names, tidy_mentions
from modeler.strategies.offline.name_repairs import _parallel_numbers
from modeler.strategies.offline.reading import read

# ------------------------------------------------------------------------------- "known to be: a, 3%; b, 5%"
_FARMS = ("A farmer can plant $5000 worth of seeds in wheat, corn, and barley. The yearly yield of each crop "
          "is expected to be: wheat, 4%; corn, 7%; and barley 2%. The amount planted in barley cannot exceed "
          "the amount planted in wheat. How should she plant to maximize her yield?")
_FARM_TAGS = [("LIMIT", "5000"), ("VAR", "wheat"), ("VAR", "corn"), ("VAR", "barley"), ("OBJ_NAME", "yield"),
              ("VAR", "wheat"), ("PARAM", "4 %"), ("VAR", "corn"), ("PARAM", "7 %"), ("PARAM", "2 %"),
              ("VAR", "barley"), ("CONST_DIR", "cannot exceed"), ("VAR", "wheat"), ("OBJ_DIR", "maximize"),
              ("OBJ_NAME", "yield")]


def test_a_colon_list_gives_each_item_its_number_and_the_measure_before_the_colon() -> None:
    toks, spans = hand(_FARMS, _FARM_TAGS)
    r = read(toks, spans)
    names = [v.text for v in r.variables]
    # one coefficient group, named by the words before the colon, one number per crop (barley untagged
    # in its item: its name is still found there)
    groups = [{names[v]: c.value for v, c in f.coefs.items()} for f in r.features if "yield" in f.context]
    assert groups == [{"wheat": 0.04, "corn": 0.07, "barley": 0.02}]
    goal, _ = model_of(toks, spans)
    assert goal == "max 0.04 * wheat + 0.07 * corn + 0.02 * barley"


def test_an_item_with_two_numbers_is_no_list() -> None:
    # "wheat, 4% or 5%": the item does not pair one name with one number, so the list is not read as one
    text = ("The yearly yield of each crop is expected to be: wheat, 4% or 5%; corn, 7%. Maximize the yield of "
            "wheat and corn.")
    toks, spans = hand(text, [("OBJ_NAME", "yield"), ("VAR", "wheat"), ("PARAM", "4 %"), ("PARAM", "5 %"),
                              ("VAR", "corn"), ("PARAM", "7 %")])
    r = read(toks, spans)
    assert not any("yield" in f.context for f in r.features)


def test_an_actor_head_shared_by_the_names_is_part_of_each_name() -> None:
    # "a ... company" is who acts, unless the decisions' names end in "company" too
    text = "There is a video game company, a camera company, and a toy company."
    toks, spans = hand(text, [("VAR", "video game company"), ("VAR", "camera company"), ("VAR", "toy")])
    words = [t.text for t in toks]
    assert [sp.text for sp in tidy_mentions(words, spans)] == ["video game company", "camera company",
                                                               "toy company"]
    toks, spans = hand("The milk company sells cheese.", [("VAR", "milk"), ("VAR", "cheese")])
    assert [sp.text for sp in tidy_mentions([t.text for t in toks], spans)] == ["cheese"]


# ------------------------------------------------------------------------------- "the amount of X and Y in Z"
_SOUPS = ("A cook mixes two soups to make a meal with at least 30 units of salt and 20 units of spice. The "
          "amount of salt and spice in soup A is 4 units per bowl and 1 unit per bowl respectively. The amount "
          "of salt and spice in soup B is 2 units per bowl and 5 units per bowl respectively. A bowl of soup A "
          "costs $3 and a bowl of soup B costs $2. Minimize the cost.")


def test_respectively_after_a_list_of_what_one_variable_holds() -> None:
    tags = [("CONST_DIR", "at least"), ("LIMIT", "30"), ("LIMIT", "20"), ("VAR", "soup A"), ("PARAM", "4"),
            ("PARAM", "1"), ("VAR", "soup B"), ("PARAM", "2"), ("PARAM", "5"), ("VAR", "soup A"),
            ("OBJ_NAME", "costs"), ("PARAM", "3"), ("VAR", "soup B"), ("PARAM", "2"), ("OBJ_DIR", "Minimize"),
            ("OBJ_NAME", "cost")]
    goal, rows = model_of(*hand(_SOUPS, tags))
    assert goal == "min 3 * soup_a + 2 * soup_b"
    # salt: 4 in A, 2 in B; spice: 1 in A, 5 in B (not 4 for A and 1 for B of one measure)
    assert rows == ["4 * soup_a + 2 * soup_b >= 30", "soup_a + 5 * soup_b >= 20"]


def test_what_a_variable_holds_is_no_variable_even_when_tagged() -> None:
    # the tagger takes "salt" and "spice" for decisions: "the amount of salt and spice in soup A" says
    # soup A holds them
    tags = [("CONST_DIR", "at least"), ("LIMIT", "30"), ("VAR", "salt"), ("LIMIT", "20"), ("VAR", "spice"),
            ("VAR", "salt"), ("VAR", "spice"), ("VAR", "soup A"), ("PARAM", "4"), ("PARAM", "1"), ("VAR", "salt"),
            ("VAR", "spice"), ("VAR", "soup B"), ("PARAM", "2"), ("PARAM", "5"), ("VAR", "soup A"),
            ("OBJ_NAME", "costs"), ("PARAM", "3"), ("VAR", "soup B"), ("PARAM", "2"), ("OBJ_DIR", "Minimize"),
            ("OBJ_NAME", "cost")]
    goal, rows = model_of(*hand(_SOUPS, tags))
    assert goal == "min 3 * soup_a + 2 * soup_b"
    assert rows == ["4 * soup_a + 2 * soup_b >= 30", "soup_a + 5 * soup_b >= 20"]


def test_respectively_over_the_variables_is_unchanged() -> None:
    text = ("The profit per chair and per table is $20 and $50 respectively. At most 40 hours are available; a "
            "chair takes 1 hour and a table takes 3 hours. Maximize profit.")
    tags = [("OBJ_NAME", "profit"), ("VAR", "chair"), ("VAR", "table"), ("PARAM", "20"), ("PARAM", "50"),
            ("CONST_DIR", "At most"), ("LIMIT", "40"), ("VAR", "chair"), ("PARAM", "1"), ("VAR", "table"),
            ("PARAM", "3"), ("OBJ_DIR", "Maximize"), ("OBJ_NAME", "profit")]
    goal, rows = model_of(*hand(text, tags))
    assert goal == "max 20 * chair + 50 * table"
    assert rows == ["chair + 3 * table <= 40"]


# ------------------------------------------------------------------------------- names the tagger cut or missed
def test_a_list_item_between_two_tagged_names_is_a_name() -> None:
    # "blimps" untagged between tagged "planes" and "air balloons"
    text = ("Ads can be placed on planes, blimps, and hot air balloons. On planes an ad costs $500 and reaches "
            "1000 viewers. An ad on blimps costs $200 and reaches 600 viewers. On hot air balloons an ad costs "
            "$100 and reaches 300 viewers. The budget is $5000. Maximize the viewers.")
    tags = [("VAR", "planes"), ("VAR", "air balloons"), ("VAR", "planes"), ("PARAM", "500"), ("PARAM", "1000"),
            ("OBJ_NAME", "viewers"), ("PARAM", "200"), ("PARAM", "600"), ("OBJ_NAME", "viewers"),
            ("VAR", "air balloons"), ("PARAM", "100"), ("PARAM", "300"), ("OBJ_NAME", "viewers"),
            ("CONST_DIR", "budget"), ("LIMIT", "5000"), ("OBJ_DIR", "Maximize"), ("OBJ_NAME", "viewers")]
    goal, rows = model_of(*hand(text, tags))
    assert goal == "max 1000 * planes + 600 * blimps + 300 * air_balloons"
    assert rows == ["500 * planes + 200 * blimps + 100 * air_balloons <= 5000"]


def test_a_name_cut_short_takes_the_words_that_complete_it() -> None:
    text = ("Zippered hoodies cost $20 each and pullover hoodies cost $15 each. He can spend $450. The profit "
            "per zippered hoodie is $5 and the profit per pullover hoodie is $4. Maximize profit.")
    tags = [("VAR", "hoodies"), ("PARAM", "20"), ("VAR", "pullover hoodies"), ("PARAM", "15"), ("LIMIT", "450"),
            ("OBJ_NAME", "profit"), ("VAR", "zippered hoodie"), ("PARAM", "5"), ("OBJ_NAME", "profit"),
            ("VAR", "pullover hoodie"), ("PARAM", "4"), ("OBJ_DIR", "Maximize"), ("OBJ_NAME", "profit")]
    goal, rows = model_of(*hand(text, tags))
    assert goal == "max 5 * zippered_hoodies + 4 * pullover_hoodies"
    assert rows == ["20 * zippered_hoodies + 15 * pullover_hoodies <= 450"]


def test_a_one_word_name_in_the_singular_still_names_it() -> None:
    # "for each vehicle" of the variable "vehicles" (the stems differ: "vehicl" / "vehicle")
    # ("vehicle tickets" makes "vehicle" part of a longer name, so no later repeat of it is tagged)
    text = ("A ferry carries vehicles and passengers. A profit of $130 is made for each vehicle and a profit of "
            "$60 for each passenger. It can sell at most 200 tickets, and at least 20 vehicle tickets. "
            "Maximize profit.")
    tags = [("VAR", "vehicles"), ("VAR", "passengers"), ("OBJ_NAME", "profit"), ("PARAM", "130"),
            ("OBJ_NAME", "profit"), ("PARAM", "60"), ("CONST_DIR", "at most"), ("LIMIT", "200"),
            ("CONST_DIR", "at least"), ("LIMIT", "20"), ("VAR", "vehicle tickets"), ("OBJ_DIR", "Maximize"),
            ("OBJ_NAME", "profit")]
    goal, _ = model_of(*hand(text, tags))
    assert goal == "max 130 * vehicles + 60 * passengers"


def test_more_people_travel_by_one_than_by_the_other() -> None:
    text = ("A train sells first-class tickets and economy-class tickets. A profit of $150 is made on each "
            "first-class ticket and $50 on each economy-class ticket. It has 300 seats. At least 3 times as "
            "many people travel by economy-class than by first-class. Maximize profit.")
    tags = [("VAR", "first-class tickets"), ("VAR", "economy-class tickets"), ("OBJ_NAME", "profit"),
            ("PARAM", "150"), ("VAR", "first-class ticket"), ("PARAM", "50"), ("VAR", "economy-class ticket"),
            ("LIMIT", "300"), ("CONST_DIR", "At least"), ("PARAM", "3 times"), ("OBJ_DIR", "Maximize"),
            ("OBJ_NAME", "profit")]
    _, rows = model_of(*hand(text, tags))
    assert "economy_class_tickets >= 3 * first_class_tickets" in rows


# ------------------------------------------------------------------------------- the objective and the limits
def test_the_direction_that_says_max_anchors_the_objective() -> None:
    # "using" is tagged as a direction too, yet says neither max nor min: "the maximum number of batches"
    text = ("A batch of plain cookies needs 300 g of flour and a batch of nut cookies needs 200 g of flour. Find "
            "the maximum number of batches of cookies we can bake using 3000 g of flour.")
    tags = [("VAR", "plain cookies"), ("PARAM", "300"), ("VAR", "nut cookies"), ("PARAM", "200"),
            ("OBJ_DIR", "maximum"), ("OBJ_NAME", "number of batches"), ("OBJ_DIR", "using"), ("LIMIT", "3000")]
    goal, rows = model_of(*hand(text, tags))
    assert goal == "max plain_cookies + nut_cookies"
    assert rows == ["300 * plain_cookies + 200 * nut_cookies <= 3000"]


def test_a_direction_word_names_the_limit_next_to_it_only() -> None:
    # "budget" is money for the $30000, not for the 600 hours after it
    text = ("Apple trees cost $50 each and take 3 hours to maintain. Peach trees cost $80 each and take 5 hours "
            "to maintain. She has a budget of $30000 and has 600 available hours. The profit per apple tree is "
            "$15 and per peach tree is $25. Maximize profit.")
    tags = [("VAR", "Apple trees"), ("PARAM", "50"), ("PARAM", "3"), ("VAR", "Peach trees"), ("PARAM", "80"),
            ("PARAM", "5"), ("CONST_DIR", "budget"), ("LIMIT", "30000"), ("LIMIT", "600"),
            ("CONST_DIR", "available"), ("OBJ_NAME", "profit"), ("VAR", "apple tree"), ("PARAM", "15"),
            ("VAR", "peach tree"), ("PARAM", "25"), ("OBJ_DIR", "Maximize"), ("OBJ_NAME", "profit")]
    _, rows = model_of(*hand(text, tags))
    assert "3 * apple_trees + 5 * peach_trees <= 600" in rows


def test_a_money_limit_named_like_profit_and_cost_takes_the_cost() -> None:
    text = ("A headset earns $80 in profit and a keyboard earns $50. A headset costs $200 and a keyboard costs "
            "$110. The store can spend at most $10000. Maximize profit.")
    tags = [("VAR", "headset"), ("PARAM", "80"), ("OBJ_NAME", "profit"), ("VAR", "keyboard"), ("PARAM", "50"),
            ("VAR", "headset"), ("PARAM", "200"), ("VAR", "keyboard"), ("PARAM", "110"),
            ("CONST_DIR", "at most"), ("LIMIT", "10000"), ("OBJ_DIR", "Maximize"), ("OBJ_NAME", "profit")]
    goal, rows = model_of(*hand(text, tags))
    assert goal == "max 80 * headset + 50 * keyboard"
    assert rows == ["200 * headset + 110 * keyboard <= 10000"]


def test_what_the_first_and_the_second_introduce_are_names() -> None:
    text = ("A potter makes two kinds of pots. The first kind, a flower vase, takes 20 minutes. The second pot is a "
            "soup bowl and it takes 10 minutes. She has 300 minutes. The profit is $30 per flower vase and $25 per "
            "soup bowl. Maximize profit.")
    tags = [("PARAM", "20"), ("PARAM", "10"), ("LIMIT", "300"), ("OBJ_NAME", "profit"), ("PARAM", "30"),
            ("VAR", "flower vase"), ("PARAM", "25"), ("OBJ_DIR", "Maximize"), ("OBJ_NAME", "profit")]
    goal, rows = model_of(*hand(text, tags))
    assert goal == "max 30 * flower_vase + 25 * soup_bowl"
    assert rows == ["20 * flower_vase + 10 * soup_bowl <= 300"]
    words = [t.text for t in hand("The first step is a review. It takes 2 hours.", [])[0]]
    assert ordinal_names(words, []) == []  # one ordinal alone names nothing


def test_a_stock_of_listed_items_is_a_list_of_limits() -> None:
    # the tagger takes "apples" for a decision; "its stock of" still says the numbers are what is at hand
    text = ("A shop wants to sell its stock of 30 apples, 40 pears, and 50 plums. A small basket holds 4 apples "
            "and 8 pears and brings a profit of $5. A large basket holds 3 apples, 5 pears, and 10 plums and "
            "brings a profit of $7. Maximize profit.")
    tags = [("LIMIT", "30"), ("VAR", "apples"), ("LIMIT", "40"), ("LIMIT", "50"), ("VAR", "small basket"),
            ("PARAM", "4"), ("PARAM", "8"), ("OBJ_NAME", "profit"), ("PARAM", "5"), ("VAR", "large basket"),
            ("PARAM", "3"), ("PARAM", "5"), ("PARAM", "10"), ("OBJ_NAME", "profit"), ("PARAM", "7"),
            ("OBJ_DIR", "Maximize"), ("OBJ_NAME", "profit")]
    goal, rows = model_of(*hand(text, tags))
    assert goal == "max 5 * small_basket + 7 * large_basket"
    assert rows == ["10 * large_basket <= 50", "4 * small_basket + 3 * large_basket <= 30",
                    "8 * small_basket + 5 * large_basket <= 40"]


# ------------------------------------------------------------------------------- numbers that are limits
_SHOTS = ("A slow shot is worth 3 points and a quick shot is worth 6 points. He must take at least 8 slow shots "
          "and 5 quick shots, but he can take at most 12 slow shots or 10 quick shots. {last} Maximize the points.")
_SHOT_TAGS = [("VAR", "slow shot"), ("PARAM", "3"), ("OBJ_NAME", "points"), ("VAR", "quick shot"), ("PARAM", "6"),
              ("OBJ_NAME", "points"), ("CONST_DIR", "at least"), ("LIMIT", "8"), ("VAR", "slow shots"),
              ("PARAM", "5"), ("VAR", "quick shots"), ("CONST_DIR", "at most"), ("LIMIT", "12"),
              ("VAR", "slow shots"), ("PARAM", "10"), ("VAR", "quick shots")]


def test_limits_listed_with_or_are_limits_each() -> None:
    toks, spans = hand(_SHOTS.format(last="In total, he must take 20 shots."), [*_SHOT_TAGS, ("PARAM", "20")])
    _, rows = model_of(toks, spans)
    assert "quick_shot <= 10" in rows and "slow_shot <= 12" in rows
    # "must take 20 shots" in a sentence that names no variable: what is owed, not a coefficient ("In total, he
    # must take 20 shots": a bare duty on the whole fixes it, limit_sense._total_duty)
    assert "slow_shot + quick_shot == 20" in rows


def test_a_duty_followed_by_a_rate_is_a_coefficient() -> None:
    text = ("A shop makes tables and chairs. The workshop must work 3 hours for each table and 2 hours for each "
            "chair, and it has 40 hours available. The profit per table is $50 and per chair is $30. "
            "Maximize profit.")
    tags = [("VAR", "tables"), ("VAR", "chairs"), ("PARAM", "3"), ("PARAM", "2"), ("LIMIT", "40"),
            ("CONST_DIR", "available"), ("OBJ_NAME", "profit"), ("VAR", "table"), ("PARAM", "50"),
            ("VAR", "chair"), ("PARAM", "30"), ("OBJ_DIR", "Maximize"), ("OBJ_NAME", "profit")]
    _, rows = model_of(*hand(text, tags))
    assert rows == ["3 * tables + 2 * chairs <= 40"]


def test_a_number_that_must_be_a_variable_bounds_it() -> None:
    text = ("A company employs students earning $200 a week and full-time employees earning $500 a week. It "
            "needs at least 100 painters, of whom 30 must be full-time employees. Minimize the wage bill.")
    tags = [("VAR", "students"), ("PARAM", "200"), ("VAR", "full-time employees"), ("PARAM", "500"),
            ("CONST_DIR", "at least"), ("LIMIT", "100"), ("PARAM", "30"), ("VAR", "full-time employees"),
            ("OBJ_DIR", "Minimize"), ("OBJ_NAME", "wage bill")]
    _, rows = model_of(*hand(text, tags))
    assert rows == ["full_time_employees >= 30", "students + full_time_employees >= 100"]


def test_what_one_unit_takes_is_a_coefficient_even_with_only() -> None:
    text = ("Each headphone requires 30 dollars of labor whereas each earphone requires only 20 dollars. There "
            "are at most 2000 dollars of budget. If the profit per headphone is $50 and the profit per earphone "
            "is $40, how many of each should be made to maximize profit?")
    tags = [("VAR", "headphone"), ("PARAM", "30"), ("VAR", "earphone"), ("CONST_DIR", "only"), ("LIMIT", "20"),
            ("CONST_DIR", "at most"), ("LIMIT", "2000"), ("OBJ_NAME", "profit"), ("VAR", "headphone"),
            ("PARAM", "50"), ("OBJ_NAME", "profit"), ("VAR", "earphone"), ("PARAM", "40"), ("OBJ_DIR", "maximize"),
            ("OBJ_NAME", "profit")]
    _, rows = model_of(*hand(text, tags))
    assert rows == ["30 * headphone + 20 * earphone <= 2000"]


def test_an_untagged_number_in_a_tagged_ones_frame_is_a_coefficient() -> None:
    text = ("A quiz has easy questions worth 1 point each and hard questions worth 3 points each. You can answer "
            "at most 20 questions. Maximize your score.")
    tags = [("VAR", "easy questions"), ("VAR", "hard questions"), ("PARAM", "3"), ("CONST_DIR", "at most"),
            ("LIMIT", "20"), ("OBJ_DIR", "Maximize"), ("OBJ_NAME", "score")]
    goal, _ = model_of(*hand(text, tags))
    assert goal == "max easy_questions + 3 * hard_questions"
    # a sentence stating limits keeps its untagged numbers out of this ("his inventory holds ten ...")
    text = "His inventory holds ten wired earbuds. Box A holds 2 wired earbuds."
    toks, spans = hand(text, [("CONST_DIR", "inventory"), ("VAR", "Box A"), ("PARAM", "2")])
    assert [sp.text for sp in _parallel_numbers([t.text for t in toks], spans) if sp.label == "PARAM"] == ["2"]
    toks, spans = hand(text, [("VAR", "Box A"), ("PARAM", "2")])
    assert [sp.text for sp in _parallel_numbers([t.text for t in toks], spans) if sp.label == "PARAM"] == ["ten", "2"]


def test_each_of_two_joined_names_takes_the_number_after_them() -> None:
    text = ("A farm makes jam and juice. Each kg of jam and juice requires 2 hours at the boiling station. The "
            "station is available for at most 20 hours. The profit per kg of jam is $20 and per kg of juice is "
            "$15. Maximize profit.")
    tags = [("VAR", "jam"), ("VAR", "juice"), ("VAR", "jam"), ("VAR", "juice"), ("PARAM", "2"),
            ("CONST_DIR", "at most"), ("LIMIT", "20"), ("OBJ_NAME", "profit"), ("VAR", "jam"), ("PARAM", "20"),
            ("VAR", "juice"), ("PARAM", "15"), ("OBJ_DIR", "Maximize"), ("OBJ_NAME", "profit")]
    _, rows = model_of(*hand(text, tags))
    assert rows == ["2 * jam + 2 * juice <= 20"]


def test_a_fund_that_invests_is_who_decides() -> None:
    text = ("A hedge fund has $100000 available for investment in stocks and bonds. The annual rate of return is "
            "known to be: stocks, 8%; bonds, 3%. The hedge fund manager requires that the amount invested in "
            "stocks can not exceed the amount invested in bonds. The hedge fund wants to maximize its return.")
    tags = [("VAR", "hedge fund"), ("LIMIT", "100000"), ("CONST_DIR", "available"), ("VAR", "stocks"),
            ("VAR", "bonds"), ("OBJ_NAME", "return"), ("VAR", "stocks"), ("PARAM", "8 %"), ("VAR", "bonds"),
            ("PARAM", "3 %"), ("VAR", "hedge fund"), ("VAR", "stocks"), ("CONST_DIR", "can not exceed"),
            ("VAR", "bonds"), ("VAR", "hedge fund"), ("OBJ_DIR", "maximize"), ("OBJ_NAME", "return")]
    goal, rows = model_of(*hand(text, tags))
    assert goal == "max 0.08 * stocks + 0.03 * bonds"
    assert "stocks <= bonds" in rows


def test_what_the_decisions_are_made_using_is_a_limit() -> None:
    text = ("A cafe wants to make lattes and mochas using 5000 ml of milk. A latte contains 250 ml of milk and a "
            "mocha contains 180 ml of milk. The profit per latte is $4 and per mocha is $5. Maximize profit.")
    tags = [("VAR", "lattes"), ("VAR", "mochas"), ("LIMIT", "5000"), ("VAR", "latte"), ("PARAM", "250"),
            ("VAR", "mocha"), ("PARAM", "180"), ("OBJ_NAME", "profit"), ("VAR", "latte"), ("PARAM", "4"),
            ("VAR", "mocha"), ("PARAM", "5"), ("OBJ_DIR", "Maximize"), ("OBJ_NAME", "profit")]
    _, rows = model_of(*hand(text, tags))
    assert rows == ["250 * lattes + 180 * mochas <= 5000"]


def test_requirements_of_listed_amounts_and_a_number_taken_into_a_name() -> None:
    # "requirements of 2 servings of meat, 3 servings of grains": limits, though the tagger takes "grains"
    # for a decision; "[has 1] serving": a coefficient
    text = ("Sid must meet his daily requirements of 2 servings of meat and 3 servings of grains. He can eat a "
            "burger, which has 1 serving of meat and 1 serving of grains, or a plate of pasta, which has 0 "
            "servings of meat and 2 servings of grains. If a burger costs $3 and a plate of pasta costs $4, "
            "how many of each should he buy at minimum cost?")
    tags = [("CONST_DIR", "requirements"), ("PARAM", "2"), ("PARAM", "3"), ("VAR", "grains"), ("VAR", "burger"),
            ("VAR", "has 1"),
            ("PARAM", "1"), ("VAR", "pasta"), ("PARAM", "0"), ("PARAM", "2"), ("VAR", "burger"),
            ("OBJ_NAME", "costs"), ("PARAM", "3"), ("VAR", "pasta"), ("OBJ_NAME", "costs"), ("PARAM", "4"),
            ("OBJ_DIR", "minimum"), ("OBJ_NAME", "cost")]
    goal, rows = model_of(*hand(text, tags))
    assert goal == "min 3 * burger + 4 * pasta"
    assert rows == ["burger + 2 * pasta >= 3", "burger >= 2"]

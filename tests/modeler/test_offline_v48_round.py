"""Offline modeler: the reading rules of round v48, each read off a developed fresh-set problem or paraphrase
(an objective tie between two coefficient groups, "part-timers", a limit on "the dock", "so there can be at
most", the stock before a colon, "Per day, every cow", "compound X", "worth 1 point", "and so does").

The sentences are written for these tests (not taken from any data set). Tags are given by hand, as the
taggers gave them on such texts. No trained tagger is needed.
"""

from __future__ import annotations

from hand_tags import hand, model_of


def test_of_two_groups_the_goal_names_alike_the_one_no_limit_takes_is_the_goals() -> None:
    text = ("A welder runs two torches. Every minute of torch A gives 4 units of heat to the seam, 0.5 units to the "
            "tip and 2 units to the hand. Every minute of torch B gives 3 units to the seam, 0.2 units to the tip "
            "and 1 unit to the hand. The seam must get at least 80 units and the tip must get no more than 12 "
            "units. How many minutes of each torch should be used to minimize the heat to the hand?")
    toks, spans = hand(text, [("VAR", "torch A"), ("PARAM", "4"), ("PARAM", "0.5"), ("PARAM", "2"),
                              ("VAR", "torch B"), ("PARAM", "3"), ("PARAM", "0.2"), ("PARAM", "1"),
                              ("CONST_DIR", "at least"), ("LIMIT", "80"), ("CONST_DIR", "no more than"),
                              ("LIMIT", "12"), ("OBJ_DIR", "minimize")])
    goal, rows = model_of(toks, spans)
    assert goal == "min 2 * torch_a + torch_b"
    assert "4 * torch_a + 3 * torch_b >= 80" in rows


def test_part_timers_are_said_by_the_name_the_text_gives_them() -> None:
    from modeler.strategies.offline.prose import as_prose

    text = ("A full-time cook works 40 hours a week and a part-time cook 15. The owner wants no more part-timers than "
            "full-timers.")
    assert "no more part-time cooks than full-time cooks." in as_prose(text)
    spaced = "Full time guards cost $900 and part time guards $400; at most twice as many part-timers as full-timers."
    assert "twice as many part time guards as full time guards" in as_prose(spaced)
    # (with no such name in the text there is nothing to say it by)
    assert as_prose("We hire part-timers only.") == "We hire part-timers only."


def test_a_limit_on_the_dock_bounds_the_way_by_water() -> None:
    text = ("A quarry must send at least 800 tonnes of gravel by rail, lorry and barge. It costs $5 per tonne by "
            "rail, $11 per tonne by lorry and $4 per tonne by barge. The rail line can take at most 300 tonnes and "
            "the dock can load at most 250 tonnes. How many tonnes should go each way to minimize cost?")
    toks, spans = hand(text, [("CONST_DIR", "at least"), ("LIMIT", "800"), ("VAR", "rail"), ("VAR", "lorry"),
                              ("VAR", "barge"), ("PARAM", "5"), ("VAR", "rail"), ("PARAM", "11"), ("VAR", "lorry"),
                              ("PARAM", "4"), ("VAR", "barge"), ("CONST_DIR", "at most"), ("LIMIT", "300"),
                              ("CONST_DIR", "at most"), ("LIMIT", "250"), ("OBJ_DIR", "minimize"),
                              ("OBJ_NAME", "cost")])
    _, rows = model_of(toks, spans)
    assert "barge <= 250" in rows
    assert "rail + lorry + barge <= 250" not in rows


def test_the_verb_ship_names_no_way() -> None:
    text = ("A mill sends flour by sea and by air. It costs $2 per tonne by sea and $9 per tonne by air. The mill "
            "can ship at most 400 tonnes, and at least 100 tonnes must go by air. How many tonnes should go each "
            "way to minimize cost?")
    toks, spans = hand(text, [("VAR", "sea"), ("VAR", "air"), ("PARAM", "2"), ("VAR", "sea"), ("PARAM", "9"),
                              ("VAR", "air"), ("CONST_DIR", "at most"), ("LIMIT", "400"), ("CONST_DIR", "at least"),
                              ("LIMIT", "100"), ("VAR", "air"), ("OBJ_DIR", "minimize"), ("OBJ_NAME", "cost")])
    _, rows = model_of(toks, spans)
    assert "sea + air <= 400" in rows


def test_only_one_of_something_else_is_the_reason_for_the_limit_after_so() -> None:
    text = ("A farm must move at least 300 bales. A small trailer takes 20 bales a run and a run costs $30. A big "
            "trailer takes 50 bales a run and costs $70 a run. Only one worker can drive the big trailer so there "
            "can be at most 4 big trailer runs. How many runs of each should be made to minimize cost?")
    toks, spans = hand(text, [("CONST_DIR", "at least"), ("LIMIT", "300"), ("VAR", "small trailer"),
                              ("PARAM", "20"), ("PARAM", "30"), ("VAR", "big trailer"), ("PARAM", "50"),
                              ("PARAM", "70"), ("VAR", "big trailer"), ("CONST_DIR", "at most"), ("LIMIT", "4"),
                              ("VAR", "big trailer"), ("OBJ_DIR", "minimize"), ("OBJ_NAME", "cost")])
    _, rows = model_of(toks, spans)
    assert "big_trailer <= 4" in rows
    assert "big_trailer <= 1" not in rows



def test_an_amount_before_a_colon_that_lists_each_decisions_share_is_the_stock() -> None:
    text = ("A shop sells lamps and rugs. Shelf space is 90 square feet: a lamp takes 2 square feet and a rug 5 "
            "square feet. A lamp earns $15 and a rug $40. How many of each should it stock to maximize profit?")
    toks, spans = hand(text, [("VAR", "lamps"), ("VAR", "rugs"), ("LIMIT", "90"), ("VAR", "lamp"), ("PARAM", "2"),
                              ("VAR", "rug"), ("PARAM", "5"), ("VAR", "lamp"), ("PARAM", "15"), ("VAR", "rug"),
                              ("PARAM", "40"), ("OBJ_DIR", "maximize"), ("OBJ_NAME", "profit")])
    _, rows = model_of(toks, spans)
    assert "2 * lamps + 5 * rugs <= 90" in rows


def test_a_groups_needs_said_after_the_period_are_taken_for_every_head() -> None:
    text = ("A shelter feeds its 12 dogs a mix of kibble and rice. A kilogram of kibble has 0.25 kilograms of protein "
            "and costs $4; a kilogram of rice has 0.08 kilograms of protein and costs $1. Per day, every dog must get "
            "at least 0.1 kilograms of protein. How many kilograms of each should the shelter use per day at the "
            "lowest cost?")
    toks, spans = hand(text, [("LIMIT", "12"), ("VAR", "kibble"), ("VAR", "rice"), ("VAR", "kibble"),
                              ("PARAM", "0.25"), ("OBJ_NAME", "costs"), ("PARAM", "4"), ("VAR", "rice"),
                              ("PARAM", "0.08"), ("OBJ_NAME", "costs"), ("PARAM", "1"), ("CONST_DIR", "at least"),
                              ("LIMIT", "0.1"), ("OBJ_DIR", "lowest"), ("OBJ_NAME", "cost")])
    _, rows = model_of(toks, spans)
    assert "0.25 * kibble + 0.08 * rice >= 1.2" in rows
    assert not any(row.endswith("<= 12") for row in rows)


def test_resources_told_apart_by_a_letter_keep_their_own_limits() -> None:
    text = ("A lab mixes two powders, Gold and Silver, into a blend that needs a minimum of 6 units of nutrient P and "
            "a minimum of 9 units of nutrient Q. Powder Gold has 3 units / g of nutrient P and 1.5 units / g of "
            "nutrient Q, whereas powder Silver has 1 unit / g of nutrient P and 2.5 units / g of nutrient Q. Powder "
            "Gold costs $0.40 per g and powder Silver costs $0.30 per g. Find the cheapest blend.")
    toks, spans = hand(text, [("VAR", "Gold"), ("VAR", "Silver"), ("CONST_DIR", "minimum"), ("LIMIT", "6"),
                              ("CONST_DIR", "minimum"), ("LIMIT", "9"), ("VAR", "Powder Gold"), ("PARAM", "3"),
                              ("PARAM", "1.5"), ("VAR", "powder Silver"), ("PARAM", "1"), ("PARAM", "2.5"),
                              ("VAR", "Powder Gold"), ("OBJ_NAME", "costs"), ("PARAM", "0.40"),
                              ("VAR", "powder Silver"), ("OBJ_NAME", "costs"), ("PARAM", "0.30"),
                              ("OBJ_DIR", "cheapest")])
    _, rows = model_of(toks, spans)
    assert any(row.endswith(">= 6") and "3 * " in row for row in rows), rows
    assert any(row.endswith(">= 9") and "1.5 * " in row for row in rows), rows


def test_a_worth_said_once_gaps_the_second_number() -> None:
    text = ("In a quiz each easy question is worth 2 points and each hard question 5 points. You may answer no more "
            "than 20 questions in total and at least 4 hard questions. How many of each should you answer for the "
            "highest score?")
    toks, spans = hand(text, [("VAR", "easy question"), ("VAR", "hard question"), ("PARAM", "5"),
                              ("OBJ_NAME", "points"), ("CONST_DIR", "no more than"), ("LIMIT", "20"),
                              ("CONST_DIR", "at least"), ("LIMIT", "4"), ("VAR", "hard questions")])
    goal, _ = model_of(toks, spans)
    assert goal == "max 2 * easy_question + 5 * hard_question"


def test_a_way_said_first_in_its_clause_is_a_noun() -> None:
    text = ("A mill sends at least 600 tonnes of flour by rail and by road. It costs $3 per tonne by rail and $7 per "
            "tonne by road. Trains can take at most 250 tonnes. How many tonnes should go each way to minimize cost?")
    toks, spans = hand(text, [("CONST_DIR", "at least"), ("LIMIT", "600"), ("VAR", "rail"), ("VAR", "road"),
                              ("PARAM", "3"), ("VAR", "rail"), ("PARAM", "7"), ("VAR", "road"),
                              ("CONST_DIR", "at most"), ("LIMIT", "250"), ("OBJ_DIR", "minimize"),
                              ("OBJ_NAME", "cost")])
    _, rows = model_of(toks, spans)
    assert "rail <= 250" in rows


def test_what_so_does_repeats_is_said_again_for_its_subject() -> None:
    from modeler.strategies.offline.prose import as_prose

    said = as_prose("Each crate of pears needs 1.5 hours of packing, and so does a crate of plums; we have 60 hours.")
    assert "and a crate of plums needs 1.5 hours of packing;" in said
    assert said.startswith("Each crate of pears needs 1.5 hours of packing, and a crate of plums needs")
    # (nothing to repeat without a number: left as it is)
    assert as_prose("Tom likes pears, and so does Ann.") == "Tom likes pears, and so does Ann."

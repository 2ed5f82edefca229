"""Offline modeler: general readings of how people write for themselves, which the fifteenth fresh development
set (forum and chat posts, texts, notes to self, homework typed in a hurry) showed missing (round dev15, helper
h78) -- "[I knit] hats" (who decides and the verb inside a name), "I've got 40 hours" (the owner's "have" said
with "got"), "Gardening pays me $12 an hour and cleaning pays $15 an hour" (clauses opening with what is done,
a verb of pay and an amount, when nothing names the decisions), "the fewest total hours" (a goal of the total
time when the decisions are times), "small crates ... large ones" (a size word and "one(s)" stand for the
pair's head).

The sentences are written for these tests (not taken from any data set). Tags are given by hand, as the
tagger gives them on such texts. No trained tagger is needed.
"""

from __future__ import annotations

from hand_tags import hand, model_of, word_list

from modeler.strategies.offline.entities import Span


def test_a_name_that_opens_with_a_person_and_a_verb_keeps_what_follows() -> None:
    from modeler.strategies.offline.mentions import tidy_mentions

    words = word_list("I weave baskets and mats for the market.")
    out = tidy_mentions(words, [Span("VAR", 0, 3, "I weave baskets"), Span("VAR", 4, 5, "mats")])
    assert [sp.text for sp in out if sp.label == "VAR"] == ["baskets", "mats"]


def test_got_after_have_is_the_owners_stock() -> None:
    text = ("I weave baskets and mats. A basket takes 3 hours and a mat takes 2 hours. This week I've got "
            "30 hours. I make $20 on a basket and $12 on a mat. How many of each should I weave to maximize profit?")
    toks, spans = hand(text, [("VAR", "baskets"), ("VAR", "mats"), ("VAR", "basket"), ("PARAM", "3"),
                              ("VAR", "mat"), ("PARAM", "2"), ("PARAM", "30"), ("PARAM", "20"), ("VAR", "basket"),
                              ("PARAM", "12"), ("VAR", "mat"), ("OBJ_DIR", "maximize"), ("OBJ_NAME", "profit")])
    goal, rows = model_of(toks, spans)
    assert goal == "max 20 * baskets + 12 * mats"
    assert rows == ["3 * baskets + 2 * mats <= 30"]


def test_clauses_of_what_is_done_and_what_it_pays_name_the_decisions() -> None:
    from modeler.strategies.offline.name_repairs import _rated_subjects

    words = word_list("Gardening pays me $12 an hour and dog walking for the neighbours pays $15 an hour.")
    assert [sp.text for sp in _rated_subjects(words, set())] == ["Gardening", "dog walking"]
    words = word_list("Cycling burns about 8 kcal a minute and rowing about 11.")
    assert [sp.text for sp in _rated_subjects(words, set())] == ["Cycling", "rowing"]
    # one such clause alone names nothing
    assert _rated_subjects(word_list("Gardening pays me $12 an hour."), set()) == []


def test_the_fewest_total_hours_sums_the_hours_decided() -> None:
    text = ("I need at least $600 for a laptop. Gardening pays me $12 an hour and tutoring pays $20 an hour. "
            "I can tutor at most 10 hours. What's the fewest total hours I have to work?")
    toks, spans = hand(text, [("CONST_DIR", "at least"), ("LIMIT", "600"), ("VAR", "Gardening"), ("PARAM", "12"),
                              ("VAR", "tutoring"), ("PARAM", "20"), ("CONST_DIR", "at most"), ("LIMIT", "10")])
    goal, _ = model_of(toks, spans)
    assert goal == "min gardening + tutoring"
    # a time per unit ("a mat takes 2 hours") is no rate: the goal stays the weighted one
    text = ("A basket takes 3 hours and a mat takes 2 hours. I need at least 10 baskets and 5 mats. "
            "What's the fewest total hours I can work?")
    toks, spans = hand(text, [("VAR", "basket"), ("PARAM", "3"), ("VAR", "mat"), ("PARAM", "2"),
                              ("CONST_DIR", "at least"), ("LIMIT", "10"), ("VAR", "baskets"), ("LIMIT", "5"),
                              ("VAR", "mats")])
    goal, _ = model_of(toks, spans)
    assert goal == "min 3 * basket + 2 * mat"


def test_a_size_word_and_ones_stand_for_the_pairs_head() -> None:
    from modeler.strategies.offline.mentions import sized_ones

    words = word_list("Small crates hold 2 kg and cost $3; large ones hold 5 kg and cost $6.")
    out = sized_ones(words, [Span("VAR", 0, 2, "Small crates")])
    assert [sp.text for sp in out if sp.label == "VAR"] == ["Small crates", "large crates"]
    # no pair named by a size word: "the big one" is left
    words = word_list("Blue crates hold 2 kg; the big one holds 5 kg.")
    assert sized_ones(words, [Span("VAR", 0, 2, "Blue crates")]) == [Span("VAR", 0, 2, "Blue crates")]


def test_a_hurried_list_in_lower_case_names_its_rows_and_min_is_minutes() -> None:
    text = ("Stall plan. Per item:\n- apple pie: 40 min in the oven, 0.3 kg flour, $5 profit\n"
            "- plum tart: 20 min, 0.2 kg flour, $3 profit\nI have 10 hours of oven time and 6 kg of flour. "
            "How many of each should I bake to make the most profit?")
    from modeler.strategies.offline.prose import letter_body

    body = letter_body(text)
    toks, spans = hand(body, [("PARAM", "40"), ("PARAM", "0.3"), ("PARAM", "5"), ("OBJ_NAME", "profit"),
                              ("PARAM", "20"), ("PARAM", "0.2"), ("PARAM", "3"), ("OBJ_NAME", "profit"),
                              ("LIMIT", "10"), ("PARAM", "6"), ("OBJ_NAME", "profit")])
    goal, rows = model_of(toks, spans)
    assert goal == "max 5 * apple_pie + 3 * plum_tart"
    assert rows == ["0.3 * apple_pie + 0.2 * plum_tart <= 6", "40 * apple_pie + 20 * plum_tart <= 600"]


def test_an_amount_of_each_is_said_for_both_things_of_the_pair() -> None:
    from modeler.strategies.offline.prose import each_spelt_out

    text = ("Mix A has 4 g of fat and 2 g of sugar per bar; mix B has 3 g of each per bar. "
            "I want at least 2 of each kind.")
    assert each_spelt_out(text) == ("Mix A has 4 g of fat and 2 g of sugar per bar; mix B has 3 g of fat and 3 g "
                                    "of sugar per bar. I want at least 2 of each kind.")
    # a limit on each ("at least 2 of each") is no coefficient: left as written
    assert each_spelt_out("Buy 4 g of fat and 2 g of sugar. We need 3 of each.") == (
        "Buy 4 g of fat and 2 g of sugar. We need 3 of each.")


def test_i_can_drive_so_many_hours_is_the_time_there_is() -> None:
    text = ("Courier work pays me $20 an hour and taxi work pays $25 an hour. I can drive 35 hours a week. "
            "Taxi work is at most 20 hours. How many hours of each should I do to maximize my earnings?")
    toks, spans = hand(text, [("VAR", "Courier work"), ("PARAM", "20"), ("VAR", "taxi work"), ("PARAM", "25"),
                              ("PARAM", "35"), ("VAR", "Taxi work"), ("CONST_DIR", "at most"), ("LIMIT", "20"),
                              ("OBJ_DIR", "maximize"), ("OBJ_NAME", "earnings")])
    goal, rows = model_of(toks, spans)
    assert goal == "max 20 * courier_work + 25 * taxi_work"
    assert rows == ["courier_work + taxi_work <= 35", "taxi_work <= 20"]


def test_so_many_of_any_kind_is_a_sum() -> None:
    text = ("Clay pots take 2 hours and bowls take 3 hours. I have 40 hours and shelf room for 15 pots of any "
            "kind. I make $10 on a clay pot and $18 on a bowl. How many of each should I make to maximize profit?")
    toks, spans = hand(text, [("VAR", "Clay pots"), ("PARAM", "2"), ("VAR", "bowls"), ("PARAM", "3"),
                              ("LIMIT", "40"), ("LIMIT", "15"), ("PARAM", "10"), ("VAR", "clay pot"), ("PARAM", "18"),
                              ("VAR", "bowl"), ("OBJ_DIR", "maximize"), ("OBJ_NAME", "profit")])
    _, rows = model_of(toks, spans)
    assert "clay_pots + bowls <= 15" in rows


def test_a_verb_of_measure_after_and_is_no_name_and_like_verbs_pair_the_options() -> None:
    from modeler.strategies.offline.mentions import tidy_mentions
    from modeler.strategies.offline.name_repairs import _rated_subjects

    words = word_list("The old boiler puts out 9 kWh an hour and burns about $0.60 of gas an hour.")
    assert tidy_mentions(words, [Span("VAR", 10, 11, "burns")]) == []
    words = word_list("The old boiler puts out 9 kWh an hour for $0.60. The new heater gives 4 kWh an hour for $0.30.")
    assert [sp.text for sp in _rated_subjects(words, set())] == ["old boiler", "new heater"]


def test_at_most_said_after_the_amount_is_its_cue() -> None:
    text = ("Cycling burns 8 kcal a minute and rowing burns 11 kcal a minute. I need to burn at least 2,000 kcal, "
            "and my back lets me row when the gym is open, which is 90 minutes at most. "
            "What's the least total time I can spend?")
    toks, spans = hand(text, [("VAR", "Cycling"), ("PARAM", "8"), ("VAR", "rowing"), ("PARAM", "11"),
                              ("CONST_DIR", "at least"), ("LIMIT", "2,000"), ("VAR", "row"), ("LIMIT", "90")])
    goal, rows = model_of(toks, spans)
    assert goal == "min cycling + rowing"
    assert rows == ["8 * cycling + 11 * rowing >= 2000", "rowing <= 90"]


def test_who_pays_is_no_context_and_one_for_each_of_our_guests_is_a_cover() -> None:
    text = ("We want a gift for each of our 80 guests: a candle or a soap. A candle costs us $3 and 6 minutes to "
            "make; a soap costs $2 and 9 minutes. Between the two of us we have 10 hours for gifts. How many of each should we make to "
            "minimize the cost?")
    toks, spans = hand(text, [("LIMIT", "80"), ("VAR", "candle"), ("VAR", "soap"), ("VAR", "candle"),
                              ("PARAM", "3"), ("PARAM", "6"), ("VAR", "soap"), ("PARAM", "2"), ("PARAM", "9"),
                              ("PARAM", "10"), ("OBJ_DIR", "minimize"), ("OBJ_NAME", "cost")])
    goal, rows = model_of(toks, spans)
    assert goal == "min 3 * candle + 2 * soap"
    assert "candle + soap >= 80" in rows
    from modeler.strategies.offline.words import content

    # "costs us $3", "the two of us": who pays or works is no word of what a number measures
    assert content(["costs", "us", "minutes", "me"]) == ["MONEY", "MINUTE"]

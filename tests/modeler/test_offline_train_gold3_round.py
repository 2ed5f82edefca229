"""Offline modeler: readings of NL4Opt-style training texts that the third hand-written gold set
(nl4opt_train_gold3, helper h121) showed missing: a goal of the time itself when the question asks for
times, a whole total fixed by a bare duty ("In total, you must ..."), the length of a term ("a 12 month
commitment") that is no amount, an irregular plural ("geese") counting a two-word name ("goose shot"),
fractions of one unit of a blend that make it up whole, counts listed after "composed of" as a stock, items
marked "(1)", "(2)" that are names when one of them is, a proper name the tagger cut in two, and "each ad" after
"On <option>," as a unit of that option.

The sentences are written for these tests (not taken from any data set). Tags are given by hand, as the
tagger gives them on such texts. No trained tagger is needed.
"""

from __future__ import annotations

from hand_tags import hand, model_of

from modeler.strategies.offline.entities import Span


def test_time_goal_sums_the_hours_the_question_asks_for() -> None:
    # "How many hours ... to minimize the amount of time she spends": the hours themselves, not the first rate
    text = ("A beekeeper must collect at least 40 kg of honey and 12 kg of wax. For each hour at hive field A she "
            "spends, she can collect 4 kg of honey and 1 kg of wax. For each hour at hive field B she spends, she "
            "can collect 6 kg of honey and 2 kg of wax. How many hours should she spend at each field to minimize "
            "the amount of time she spends working?")
    toks, spans = hand(text, [("CONST_DIR", "at least"), ("LIMIT", "40"), ("LIMIT", "12"),
                              ("VAR", "hive field A"), ("PARAM", "4"), ("PARAM", "1"), ("VAR", "hive field B"),
                              ("PARAM", "6"), ("PARAM", "2"), ("OBJ_DIR", "minimize")])
    goal, _ = model_of(toks, spans)
    assert goal == "min hive_field_a + hive_field_b", goal


def test_time_goal_needs_times_asked() -> None:
    # a guard: a question that counts items, not hours, keeps the weighted reading of "the total time"
    from modeler.strategies.offline.objective_reads import _time_asked_goal
    from modeler.strategies.offline.reading import read

    text = ("A chair takes 3 hours and a table takes 5 hours. How many of each should be made to minimize the total "
            "time?")
    toks, spans = hand(text, [("VAR", "chair"), ("PARAM", "3"), ("VAR", "table"), ("PARAM", "5"),
                              ("OBJ_DIR", "minimize")])
    r = read(toks, spans)
    anchor = next(sp.start for sp in spans if sp.label == "OBJ_DIR")
    assert not _time_asked_goal(r, anchor)


def test_a_bare_duty_on_the_total_fixes_it() -> None:
    # "In total, you must plant 20 trees": exactly 20, not at least 20
    text = ("A gardener plants apple trees and pear trees. Each apple tree gives 4 baskets of fruit and each pear "
            "tree gives 3 baskets. She must plant at least 5 apple trees and at least 4 pear trees. In total, she "
            "must plant 20 trees. How many of each should she plant to maximize the fruit?")
    toks, spans = hand(text, [("VAR", "apple trees"), ("VAR", "pear trees"), ("VAR", "apple tree"), ("PARAM", "4"),
                              ("VAR", "pear tree"), ("PARAM", "3"), ("CONST_DIR", "at least"), ("LIMIT", "5"),
                              ("VAR", "apple trees"), ("CONST_DIR", "at least"), ("LIMIT", "4"),
                              ("VAR", "pear trees"), ("LIMIT", "20"), ("OBJ_DIR", "maximize"), ("OBJ_NAME", "fruit")])
    _, rows = model_of(toks, spans)
    assert "apple_trees + pear_trees == 20" in rows, rows


def test_a_term_length_is_no_amount() -> None:
    # "$50000 to invest in a 6 year commitment": 6 is how long, not a limit on the investments
    text = ("A family has $50000 to invest in a 6 year commitment. They can invest in bonds yielding a 3% return "
            "or in stocks yielding a 7% return. At least 40% of the investment must be in bonds. How much should "
            "they invest in each to maximize the return?")
    toks, spans = hand(text, [("LIMIT", "50000"), ("LIMIT", "6"), ("VAR", "bonds"), ("PARAM", "3%"),
                              ("VAR", "stocks"), ("PARAM", "7%"), ("CONST_DIR", "At least"), ("LIMIT", "40%"),
                              ("VAR", "bonds"), ("OBJ_DIR", "maximize"), ("OBJ_NAME", "return")])
    _, rows = model_of(toks, spans)
    assert not any(r.endswith("<= 6") for r in rows), rows


def test_an_irregular_plural_counts_a_two_word_name() -> None:
    # "at least 4 geese" beside the tagged "ducks": the goose shots, not the duck shots again
    text = ("In a hunting game, each duck shot scores 3 points and each goose shot scores 4 points. You must shoot "
            "at least 6 ducks and at least 4 geese. You have only 14 arrows. How many of each should you shoot to "
            "maximize your points?")
    toks, spans = hand(text, [("VAR", "duck shot"), ("PARAM", "3"), ("OBJ_NAME", "points"), ("VAR", "goose shot"),
                              ("PARAM", "4"), ("OBJ_NAME", "points"), ("CONST_DIR", "at least"), ("LIMIT", "6"),
                              ("VAR", "ducks"), ("CONST_DIR", "at least"), ("LIMIT", "4"), ("LIMIT", "14"),
                              ("OBJ_DIR", "maximize"), ("OBJ_NAME", "points")])
    _, rows = model_of(toks, spans)
    assert "goose_shot >= 4" in rows, rows


def test_fractions_of_one_unit_make_it_up_whole() -> None:
    # "Let x be the fraction of each kilogram that is oats": the fractions add up to one kilogram of the mix
    text = ("Oats and barley have protein ratings of 10 and 14, respectively. Oats cost $0.50 per kilogram and "
            "barley costs $0.80 per kilogram. A farmer wants a feed mix with a protein rating of at least 12. How "
            "should he mix them to minimize his cost? Let x be the fraction of each kilogram that is oats and y the "
            "fraction that is barley.")
    toks, spans = hand(text, [("VAR", "Oats"), ("VAR", "barley"), ("LIMIT", "10"), ("LIMIT", "14"),
                              ("VAR", "Oats"), ("OBJ_NAME", "cost"), ("PARAM", "0.50"), ("VAR", "barley"),
                              ("OBJ_NAME", "costs"), ("PARAM", "0.80"), ("CONST_DIR", "at least"), ("LIMIT", "12"),
                              ("OBJ_DIR", "minimize"), ("OBJ_NAME", "cost"), ("VAR", "oats"), ("VAR", "barley")])
    _, rows = model_of(toks, spans)
    assert "oats + barley == 1" in rows, rows


def test_counts_listed_after_composed_of_are_a_stock() -> None:
    # "a stock composed of nine red beads, twelve blue beads, and thirty clasps": each count a limit
    from hand_tags import word_list

    from modeler.strategies.offline.repairs import spelt_numbers

    words = word_list("She has a stock composed of nine red beads, twelve blue beads, and thirty clasps.")
    found = {sp.text: sp.label for sp in spelt_numbers(words, [])}
    assert found == {"nine": "LIMIT", "twelve": "LIMIT", "thirty": "LIMIT"}, found


def test_items_marked_one_two_are_names_when_one_is() -> None:
    # "(1) local radio and (2) bus posters" with only "local radio" tagged (and the shop's name taken for a
    # decision): the bus posters are a decision too
    text = ("Sunny Bakes wants to sell more bread. To do so, Sunny Bakes has decided to buy ads of two kinds: (1) local "
            "radio and (2) bus posters. Each bus poster ad reaches 400 people and costs $40. Each local radio spot "
            "reaches 900 people and costs $120. Sunny Bakes wants to reach at least 8000 people. How can it "
            "advertise at minimum cost?")
    toks, spans = hand(text, [("VAR", "Sunny Bakes"), ("VAR", "local radio"), ("PARAM", "400"), ("OBJ_NAME", "costs"),
                              ("PARAM", "40"), ("VAR", "local radio"), ("PARAM", "900"), ("OBJ_NAME", "costs"),
                              ("PARAM", "120"), ("CONST_DIR", "at least"), ("LIMIT", "8000"), ("OBJ_DIR", "minimum"),
                              ("OBJ_NAME", "cost")])
    goal, _ = model_of(toks, spans)
    assert goal == "min 40 * bus_posters + 120 * local_radio", goal


def test_marked_items_stay_in_their_own_list() -> None:
    # a guard: a second list's marks, sentences later, are not names because the first list had one
    from hand_tags import word_list

    from modeler.strategies.offline.name_repairs import _marked_items

    words = word_list("It sells (1) tea and (2) coffee. Rules: (a) be kind and (b) be quick.")
    k = words.index("tea")
    out = _marked_items(words, [Span("VAR", k, k + 1, "tea")])
    assert [sp.text for sp in out] == ["tea", "coffee"], out


def test_a_proper_name_cut_in_two_is_one_name() -> None:
    # "Lemon Morning Radio" tagged "Lemon" + "Morning Radio": one station, not two decisions
    from hand_tags import word_list

    from modeler.strategies.offline.mentions import joined_proper_names

    words = word_list("At most 10 ads should run on Lemon Morning Radio.")
    k = words.index("Lemon")
    out = joined_proper_names(words, [Span("VAR", k, k + 1, "Lemon"), Span("VAR", k + 1, k + 3, "Morning Radio")])
    assert [sp.text for sp in out] == ["Lemon Morning Radio"], out
    # a guard: two names of two words each, one's stop glued on ("Pack B."), stay two
    words = ["offers", "Pack", "A", "and", "Pack", "B.", "Pack", "A", "costs", "$", "4"]
    spans = [Span("VAR", 1, 3, "Pack A"), Span("VAR", 4, 6, "Pack B."), Span("VAR", 6, 8, "Pack A")]
    assert joined_proper_names(words, spans) == spans


def test_each_ad_after_on_a_named_option_is_that_option() -> None:
    # "On Kiwi TV, each ad costs $200 and reaches 5,000 viewers" with "ad" tagged: Kiwi TV's price and reach
    text = ("A theatre can advertise on Kiwi TV and Plum Radio. On Kiwi TV, each ad costs $200 and reaches 5,000 "
            "viewers. On Plum Radio, each ad costs $50 and reaches 1,000 listeners. The budget is $3000. How many "
            "ads should run on each to maximize the audience?")
    toks, spans = hand(text, [("VAR", "Kiwi TV"), ("VAR", "Plum Radio"), ("VAR", "Kiwi TV"), ("VAR", "ad"),
                              ("PARAM", "200"), ("PARAM", "5,000"), ("OBJ_NAME", "viewers"), ("VAR", "Plum Radio"),
                              ("VAR", "ad"), ("PARAM", "50"), ("PARAM", "1,000"), ("CONST_DIR", "budget"),
                              ("LIMIT", "3000"), ("OBJ_DIR", "maximize"), ("OBJ_NAME", "audience")])
    _, rows = model_of(toks, spans)
    assert "200 * kiwi_tv + 50 * plum_radio <= 3000" in rows, rows

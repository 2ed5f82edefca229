"""Offline modeler: general readings of how ordinary users write, which the sixteenth fresh development set
(forum posts, texts, memos) showed missing (round dev16, helper h80) -- the tagger finds one of the
options and the others are priced or measured in clauses said alike ("the bus is $3 a ride ..., a taxi is
$11 a ride", "Regular bulbs are $2 and last ..., the LED ones are $7 and last ...").

The sentences are written for these tests (not taken from any data set). Tags are given by hand, as the
tagger gives them on such texts. No trained tagger is needed.
"""

from __future__ import annotations

from hand_tags import hand, model_of, word_list


def test_clauses_said_alike_name_the_siblings_of_the_one_tagged_name() -> None:
    text = ("i need to get to work at least 20 times this month. the bus is $3 a ride and takes 50 min, a taxi "
            "is $11 a ride and takes 20 min. i only have 10 hours for commuting. how many of each should i take "
            "to pay the least?")
    toks, spans = hand(text, [("CONST_DIR", "at least"), ("LIMIT", "20"), ("PARAM", "3"), ("PARAM", "50"),
                              ("VAR", "taxi"), ("PARAM", "11"), ("PARAM", "20"), ("LIMIT", "10"),
                              ("OBJ_NAME", "pay"), ("OBJ_DIR", "least")])
    goal, _ = model_of(toks, spans)
    assert "bus" in goal and "taxi" in goal


def test_ones_after_a_modifier_name_a_sibling_in_a_clause_said_alike() -> None:
    from modeler.strategies.offline.name_repairs import complete_mentions

    text = ("Regular bulbs are $2 and last 1,000 hours, the LED ones are $7 and last 15,000 hours. How many of "
            "each should I buy?")
    toks, spans = hand(text, [("VAR", "Regular bulbs"), ("PARAM", "2"), ("PARAM", "1,000"), ("PARAM", "7"),
                              ("PARAM", "15,000")])
    words = word_list(text)
    names = {sp.text for sp in complete_mentions(words, spans) if sp.label == "VAR"}
    assert "LED" in names


def test_a_label_letter_is_not_the_article_before_a_subject() -> None:
    from modeler.strategies.offline.name_repairs import complete_mentions

    text = ("Grade A beef mince is $9 a kg and grade B trim is $6 a kg. How much of each should go into the "
            "blend?")
    toks, spans = hand(text, [("VAR", "Grade A beef mince"), ("PARAM", "9"), ("PARAM", "6")])
    words = word_list(text)
    names = {sp.text for sp in complete_mentions(words, spans) if sp.label == "VAR"}
    assert "beef mince" not in names


def test_a_verb_of_limiting_caps_a_named_decision() -> None:
    text = ("I want at least 30 hours of practice. Lessons are 2 hours for $50, solo sessions are 1 hour for $12. "
            "The club caps solo sessions at 8. How many of each should I book to pay the least?")
    toks, spans = hand(text, [("CONST_DIR", "at least"), ("LIMIT", "30"), ("VAR", "Lessons"), ("PARAM", "2"),
                              ("PARAM", "50"), ("VAR", "solo sessions"), ("PARAM", "1"), ("PARAM", "12"),
                              ("VAR", "solo sessions"), ("PARAM", "8"), ("OBJ_DIR", "least")])
    _, rows = model_of(toks, spans)
    assert "solo_sessions <= 8" in rows


def test_money_to_spend_is_a_budget() -> None:
    text = ("i resell phone cases. case A costs $4 and i make $3 on it, case B costs $7 and i make $5. i've got "
            "$350 to spend and space for 60 cases max. how many of each should i buy to make the most profit?")
    toks, spans = hand(text, [("VAR", "case A"), ("PARAM", "4"), ("PARAM", "3"), ("VAR", "case B"), ("PARAM", "7"),
                              ("PARAM", "5"), ("PARAM", "350"), ("LIMIT", "60"), ("OBJ_NAME", "profit")])
    _, rows = model_of(toks, spans)
    assert "4 * case_a + 7 * case_b <= 350" in rows


def test_money_said_as_earned_is_what_to_make_the_most_of() -> None:
    text = ("NOTE - repair desk.\nScreens: 30 min of bench time, $12 in parts, we make $40.\nBatteries: 20 min of "
            "bench time, $9 in parts, we make $25.\nThe techs have 50 hours this week and the parts budget is $900. "
            "How many screens and batteries should we fix to make the most money?")
    toks, spans = hand(text, [("VAR", "Screens"), ("PARAM", "30"), ("PARAM", "12"), ("PARAM", "40"),
                              ("VAR", "Batteries"), ("PARAM", "20"), ("PARAM", "9"), ("PARAM", "25"),
                              ("LIMIT", "50"), ("CONST_DIR", "budget"), ("LIMIT", "900")])
    goal, _ = model_of(toks, spans)
    assert goal == "max 40 * screens + 25 * batteries"


def test_a_rent_for_price_is_what_a_day_brings_in() -> None:
    text = ("We're buying boats for the lake hire. Kayaks cost $900 each and rent for $30 a day, canoes cost $1,500 "
            "and rent for $55 a day. We have $30,000 to spend and the jetty has 25 berths. How many of each do we "
            "buy so a fully hired day brings in the most?")
    toks, spans = hand(text, [("VAR", "Kayaks"), ("PARAM", "900"), ("PARAM", "30"), ("VAR", "canoes"),
                              ("PARAM", "1,500"), ("PARAM", "55"), ("LIMIT", "30,000"), ("CONST_DIR", "has"),
                              ("LIMIT", "25")])
    goal, _ = model_of(toks, spans)
    assert goal == "max 30 * kayaks + 55 * canoes"


def test_a_unit_joined_to_what_it_is_of_counts_the_asked_days() -> None:
    text = ("We must pave at least 900 m2 of road. A small paver lays 50 m2 a day and costs $300 a day; a large one "
            "lays 120 m2 a day and costs $700. We only have 14 crew-days in total. How many days of each paver "
            "keeps the cost lowest?")
    toks, spans = hand(text, [("CONST_DIR", "at least"), ("LIMIT", "900"), ("VAR", "small paver"), ("PARAM", "50"),
                              ("PARAM", "300"), ("VAR", "large one"), ("PARAM", "120"), ("PARAM", "700"),
                              ("CONST_DIR", "only"), ("LIMIT", "14"), ("OBJ_NAME", "cost")])
    _, rows = model_of(toks, spans)
    assert any(row.endswith("<= 14") and "300" not in row and "50 *" not in row for row in rows), rows

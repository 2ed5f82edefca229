"""Offline modeler: the objective row read from the goal sentence and the coefficient groups -- a goal
in the unit the question asks for (a sum of the decisions), a goal noun made from a limit's verb ("deliveries"
of "deliver at least 1200 parcels"), a price per unit of what each decision yields, a profit as price less
cost, so many payers times what each pays, the money group's numbers written as money, the goal word that
introduces each number ("a yearly fee of 0.2%"), and a rate shared by coordinated names ("on the early or
late shift").

The sentences are written for these tests (not taken from any data set). Tags are given by hand, as the
trained tagger gives them on such texts. No trained tagger is needed.
"""

from __future__ import annotations

from hand_tags import hand, model_of


def test_a_goal_in_the_asked_unit_sums_the_decisions() -> None:
    """"How many hours ... with as few teaching hours as possible": the goal names the unit the decisions are
    counted in, and "$30 an hour" is a rate, not an amount of hours: the sum of the decisions."""
    text = ("I tutor two students this month. Student A pays $30 an hour and Student B pays $40 an "
            "hour. Student B can only meet on weekends, so at most 25 hours are possible with B. I "
            "need to earn at least $1,500. How many hours should I teach each student to earn that "
            "with as few teaching hours as possible?")
    toks, spans = hand(text, [("VAR", "Student A"), ("PARAM", "30"), ("VAR", "Student B"), ("PARAM", "40"),
                              ("VAR", "Student B"), ("CONST_DIR", "at most"), ("LIMIT", "25"),
                              ("CONST_DIR", "at least"), ("LIMIT", "1,500")])
    goal, rows = model_of(toks, spans)
    assert goal == "min student_a + student_b", goal


def test_a_goal_noun_made_from_a_limits_verb_counts_what_it_counts() -> None:
    """"minimize the total number of deliveries" where "needs to deliver at least 1200 parcels": the parcels
    each decision carries, not the decisions."""
    text = ("A courier firm moves parcels with cargo bikes and vans. A cargo bike can carry 6 parcels "
            "an hour while a van can carry 40 parcels an hour. Cargo bikes cost $12 per hour to run "
            "and vans cost $55 per hour. The firm needs to deliver at least 1200 parcels and can spend"
            " at most $2,000. The number of vans cannot exceed the number of cargo bikes. How many of "
            "each vehicle should be used to minimize the total number of deliveries made by bikes and "
            "vans?")
    toks, spans = hand(text, [("VAR", "cargo bikes"), ("VAR", "vans"), ("VAR", "cargo bike"), ("PARAM", "6"),
                              ("VAR", "van"), ("PARAM", "40"), ("VAR", "Cargo bikes"), ("OBJ_NAME", "cost"),
                              ("PARAM", "12"), ("VAR", "vans"), ("OBJ_NAME", "cost"), ("PARAM", "55"),
                              ("CONST_DIR", "at least"), ("LIMIT", "1200"), ("VAR", "parcels"),
                              ("CONST_DIR", "at most"), ("LIMIT", "2,000"), ("VAR", "vans"),
                              ("VAR", "cargo bikes"), ("OBJ_DIR", "minimize"), ("OBJ_DIR", "total"),
                              ("OBJ_NAME", "number of deliveries"), ("VAR", "bikes"), ("VAR", "vans")])
    goal, rows = model_of(toks, spans)
    assert goal == "min 6 * cargo_bikes + 40 * vans", goal


def test_deliveries_are_the_decisions_when_each_one_delivers() -> None:
    """"Barges can deliver 30 cars ... minimize the total number of deliveries": each decision is one delivery."""
    text = ("A ferry service can deliver cars using either barges or rafts. Barges can deliver 30 cars"
            " while rafts can deliver 8 cars. At least three times as many rafts as barges must be "
            "used. If the ferry service wants to deliver 600 cars, minimize the total number of "
            "deliveries.")
    toks, spans = hand(text, [("VAR", "barges"), ("VAR", "rafts"), ("PARAM", "30"), ("PARAM", "8"),
                              ("CONST_DIR", "At least"), ("PARAM", "three"), ("VAR", "rafts"),
                              ("LIMIT", "600"), ("OBJ_DIR", "minimize")])
    goal, rows = model_of(toks, spans)
    assert goal == "min barges + rafts", goal


def test_so_many_payers_times_what_each_pays() -> None:
    """"has six students who pay $18 each": 108 a group session."""
    text = ("A tutoring centre offers one-on-one sessions and small-group sessions. A one-on-one "
            "session takes 1 tutor-hour and earns $55. A group session is run by one tutor for 1.5 "
            "hours in the seminar room and has six students who pay $18 each. The tutors have 90 hours"
            " a week in total, the seminar room can be used for at most 20 hours a week, and the "
            "centre must give at least 30 one-on-one sessions a week under existing contracts. How "
            "many sessions of each type should be scheduled to maximize weekly revenue?")
    toks, spans = hand(text, [("VAR", "one-on-one sessions"), ("VAR", "small-group sessions"),
                              ("VAR", "one-on-one session"), ("PARAM", "1"), ("OBJ_NAME", "earns"),
                              ("PARAM", "55"), ("PARAM", "1.5"), ("PARAM", "six"), ("PARAM", "18"),
                              ("LIMIT", "90"), ("CONST_DIR", "at most"), ("LIMIT", "20"),
                              ("CONST_DIR", "at least"), ("LIMIT", "30"), ("OBJ_DIR", "maximize"),
                              ("OBJ_NAME", "revenue")])
    goal, rows = model_of(toks, spans)
    assert goal == "max 55 * one_on_one_sessions + 108 * small_group_sessions", goal


def test_the_money_group_takes_the_numbers_written_as_money() -> None:
    """"prints 4,000 pages at a cost of $250": the cost is the $250, not the pages the clause also names."""
    text = ("A print shop has to print a 200,000-page order. A small press day prints 4,000 pages at a"
            " cost of $250, and a large press day prints 9,000 pages at a cost of $480. The small "
            "press is free for no more than 20 days. How many press days of each kind should be booked"
            " to minimize the cost of the order?")
    toks, spans = hand(text, [("VAR", "small press"), ("LIMIT", "4,000"), ("OBJ_NAME", "cost"),
                              ("PARAM", "250"), ("LIMIT", "9,000"), ("OBJ_NAME", "cost"), ("PARAM", "480"),
                              ("CONST_DIR", "no more than"), ("LIMIT", "20"), ("OBJ_DIR", "minimize"),
                              ("OBJ_NAME", "cost")])
    goal, rows = model_of(toks, spans)
    assert goal == "min 250 * small_press_day + 480 * large_press_day", goal


def test_the_goal_word_that_introduces_the_numbers_picks_the_group() -> None:
    """"pay as little in fees as possible" with "a yearly fee of 0.2%": the fees, not the rates of "pays 6%
    with ..." that a window of words around them brushes."""
    text = ("My aunt will invest all of her sixty thousand dollars and wants at least $2,400 a year in"
            " interest. A deposit account pays 2% and has no fees, an index fund pays 6% with a yearly"
            " fee of 0.2% of the amount invested, and a property fund pays 8% with a yearly fee of 1%."
            " She wants at most half of the money in the property fund. How should she split the money"
            " to pay as little in fees as possible?")
    toks, spans = hand(text, [("CONST_DIR", "at least"), ("LIMIT", "2,400"), ("PARAM", "2 %"),
                              ("PARAM", "6 %"), ("PARAM", "0.2 %"), ("PARAM", "8 %"), ("PARAM", "1 %"),
                              ("CONST_DIR", "at most"), ("LIMIT", "half"), ("VAR", "property fund")])
    goal, rows = model_of(toks, spans)
    assert goal == "min 0.002 * index_fund + 0.01 * property_fund", goal


def test_a_rate_of_two_coordinated_names_is_both_of_theirs() -> None:
    """"$120 per shift on the early or late shift": the late shift costs 120 too."""
    text = ("A hotel staffs three overlapping shifts: early, late and night. A receptionist costs $120"
            " per shift on the early or late shift and $160 on the night shift. The early and late "
            "shifts together need at least 6 receptionists, the late and night shifts together at "
            "least 5, and at least 2 receptionists must work the night shift. How many receptionists "
            "should work each shift to minimize the daily wage bill?")
    toks, spans = hand(text, [("VAR", "early"), ("VAR", "late"), ("VAR", "night"), ("VAR", "receptionist"),
                              ("PARAM", "120"), ("VAR", "early"), ("VAR", "late shift"), ("PARAM", "160"),
                              ("VAR", "early"), ("VAR", "late shifts"), ("CONST_DIR", "at least"),
                              ("LIMIT", "6"), ("VAR", "receptionists"), ("VAR", "night shifts"),
                              ("CONST_DIR", "at least"), ("LIMIT", "5"), ("CONST_DIR", "at least"),
                              ("LIMIT", "2"), ("VAR", "night shift"), ("OBJ_DIR", "minimize"),
                              ("OBJ_NAME", "daily wage bill")])
    goal, rows = model_of(toks, spans)
    assert goal == "min 120 * early + 160 * night + 120 * late", goal

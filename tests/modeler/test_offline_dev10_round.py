"""Offline modeler: general English readings the tenth fresh development set showed missing (round
dev10, helper h54) -- a multiple whose one named side comes after "as many ... as" (the other side is the
one compared), "the average <measure> must be at most c <unit> per <unit>" as a blend, an amount "of" the
stuff the decisions are made of as their sum (not the row of a by-product measured in the same unit), a
number that opens its own clause as the subject ("and 36 deckhands work each week") as a stock, two
measures of one sentence each limited apart as two rows, gapped siblings of a name ("a medium ferry 150
passengers") as variables, and a whole name said hyphened ("large-ferry trips") as that variable.

The sentences are written for these tests (not taken from any data set). Tags are given by hand, as the
tagger gives them on such texts. No trained tagger is needed.
"""

from __future__ import annotations

from hand_tags import hand, model_of


def test_a_multiple_named_only_after_as_many_as_is_of_that_one() -> None:
    text = ("A park plants birch trees and cedar trees. A birch costs $80 and gives 3 units of shade, and a cedar "
            "costs $120 and gives 5 units of shade. The park wants at least 90 trees and at least 300 units of "
            "shade. There must be at least twice as many cedars as birches. How many of each tree should be "
            "planted to minimize the cost?")
    toks, spans = hand(text, [("VAR", "birch trees"), ("VAR", "cedar trees"), ("VAR", "birch"), ("PARAM", "80"),
                              ("PARAM", "3"), ("VAR", "cedar"), ("PARAM", "120"), ("PARAM", "5"),
                              ("CONST_DIR", "at least"), ("LIMIT", "90"), ("CONST_DIR", "at least"), ("LIMIT", "300"),
                              ("CONST_DIR", "at least"), ("PARAM", "twice"), ("VAR", "birches"),
                              ("OBJ_DIR", "minimize"), ("OBJ_NAME", "cost")])
    goal, rows = model_of(toks, spans)
    assert goal == "min 80 * birch_trees + 120 * cedar_trees"
    assert "cedar_trees >= 2 * birch_trees" in rows
    assert "birch_trees >= 2 * cedar_trees" not in rows


def test_an_average_measure_per_unit_is_a_blend() -> None:
    text = ("A brewery takes water from a spring and a borehole. Spring water costs $0.40 and borehole water $0.10 "
            "per cubic meter. The sulfate is 30 mg per liter for spring water and 180 for borehole water. The "
            "brewery needs at least 500 cubic meters, and the average sulfate must be at most 90 mg per liter. "
            "Formulate an LP to meet the need at minimum cost.")
    toks, spans = hand(text, [("VAR", "spring"), ("VAR", "borehole"), ("VAR", "Spring water"), ("PARAM", "0.40"),
                              ("VAR", "borehole water"), ("PARAM", "0.10"), ("PARAM", "30"), ("VAR", "spring water"),
                              ("PARAM", "180"), ("VAR", "borehole water"), ("CONST_DIR", "at least"), ("LIMIT", "500"),
                              ("CONST_DIR", "at most"), ("LIMIT", "90"), ("OBJ_DIR", "minimum"), ("OBJ_NAME", "cost")])
    goal, rows = model_of(toks, spans)
    assert "30 * spring + 180 * borehole <= 90 * (spring + borehole)" in rows
    assert "30 * spring + 180 * borehole <= 90" not in rows


def test_an_amount_of_the_product_itself_is_the_sum() -> None:
    text = ("A foundry must cast at least 600 tonnes of steel in an electric furnace and a gas furnace. The electric "
            "furnace emits 0.2 tonnes of CO2 and costs $55 per tonne of steel, and the gas furnace emits 0.7 tonnes "
            "of CO2 and costs $35 per tonne of steel. The budget is $27,000. How many tonnes should each furnace "
            "cast to minimize CO2 emissions?")
    toks, spans = hand(text, [("CONST_DIR", "at least"), ("LIMIT", "600"), ("VAR", "electric furnace"),
                              ("VAR", "gas furnace"), ("PARAM", "0.2"), ("OBJ_NAME", "costs"), ("PARAM", "55"),
                              ("VAR", "gas furnace"), ("PARAM", "0.7"), ("OBJ_NAME", "costs"), ("PARAM", "35"),
                              ("CONST_DIR", "budget"), ("LIMIT", "27,000"), ("OBJ_DIR", "minimize"),
                              ("OBJ_NAME", "CO2 emissions")])
    goal, rows = model_of(toks, spans)
    assert goal == "min 0.2 * electric_furnace + 0.7 * gas_furnace"
    assert "electric_furnace + gas_furnace >= 600" in rows
    assert "0.2 * electric_furnace + 0.7 * gas_furnace >= 600" not in rows


def test_a_number_that_opens_its_clause_as_subject_is_a_stock() -> None:
    text = ("A ferry company wants to maximize its weekly profit. It runs day trips and night trips, which earn $500 "
            "and $700, respectively. A day trip needs 3 deckhands and a night trip needs 4 deckhands, and 36 "
            "deckhands work each week. At most 10 trips can run in a week. How many trips of each kind should it run?")
    toks, spans = hand(text, [("OBJ_DIR", "maximize"), ("OBJ_NAME", "weekly profit"), ("VAR", "day trips"),
                              ("VAR", "night trips"), ("PARAM", "500"), ("PARAM", "700"), ("VAR", "day trip"),
                              ("PARAM", "3"), ("VAR", "night trip"), ("PARAM", "4"), ("PARAM", "36"),
                              ("CONST_DIR", "At most"), ("LIMIT", "10")])
    goal, rows = model_of(toks, spans)
    assert goal == "max 500 * day_trips + 700 * night_trips"
    assert "3 * day_trips + 4 * night_trips <= 36" in rows


def test_two_measures_each_limited_apart_are_two_rows() -> None:
    text = ("A gardener buys three mixes. Mix A is 10% nitrogen, mix B is 5% nitrogen and 20% phosphate, and mix C "
            "is 30% potash. The lawn needs at least 40 kg of nitrogen, 25 kg of phosphate and 30 kg of potash. Mix A "
            "costs $2 per kg, mix B $3 per kg and mix C $1 per kg. How many kg of each mix should be bought to "
            "minimize the cost?")
    toks, spans = hand(text, [("VAR", "Mix A"), ("PARAM", "10 %"), ("VAR", "mix B"), ("PARAM", "5 %"),
                              ("PARAM", "20 %"), ("VAR", "mix C"), ("PARAM", "30 %"), ("CONST_DIR", "at least"),
                              ("LIMIT", "40"), ("LIMIT", "25"), ("LIMIT", "30"), ("VAR", "Mix A"),
                              ("OBJ_NAME", "costs"), ("PARAM", "2"), ("VAR", "mix B"), ("PARAM", "3"), ("VAR", "mix C"),
                              ("PARAM", "1"), ("OBJ_DIR", "minimize"), ("OBJ_NAME", "cost")])
    goal, rows = model_of(toks, spans)
    assert "0.2 * mix_b >= 25" in rows
    assert "0.3 * mix_c >= 30" in rows


def test_gapped_siblings_of_a_name_and_its_hyphened_whole_name() -> None:
    text = ("A ferry line must carry at least 900 passengers a day. A large ferry carries 300 passengers per trip at "
            "a cost of $2,000, a medium ferry 150 passengers for $1,100, and a small ferry 60 passengers for $500. "
            "At most 2 large-ferry trips are possible. How many trips of each ferry should be run to minimize the "
            "cost?")
    toks, spans = hand(text, [("CONST_DIR", "at least"), ("LIMIT", "900"), ("VAR", "large ferry"), ("PARAM", "300"),
                              ("OBJ_NAME", "cost"), ("PARAM", "2,000"), ("PARAM", "150"), ("PARAM", "1,100"),
                              ("PARAM", "60"), ("PARAM", "500"), ("CONST_DIR", "At most"), ("LIMIT", "2"),
                              ("OBJ_DIR", "minimize"), ("OBJ_NAME", "cost")])
    goal, rows = model_of(toks, spans)
    assert goal == "min 2000 * large_ferry + 1100 * medium_ferry + 500 * small_ferry"
    assert "300 * large_ferry + 150 * medium_ferry + 60 * small_ferry >= 900" in rows
    assert "large_ferry <= 2" in rows


def test_two_kinds_of_an_actor_word_are_the_decisions() -> None:
    text = ("A laundry must wash 120 loads of towels. A morning team washes 10 loads per shift and costs $200, and an "
            "evening team washes 12 loads per shift and costs $260. At most 6 morning-team shifts can be booked. How "
            "many shifts of each team should be used to minimize the cost?")
    toks, spans = hand(text, [("LIMIT", "120"), ("PARAM", "10"), ("OBJ_NAME", "costs"), ("PARAM", "200"),
                              ("PARAM", "12"), ("OBJ_NAME", "costs"), ("PARAM", "260"), ("CONST_DIR", "At most"),
                              ("LIMIT", "6"), ("OBJ_DIR", "minimize"), ("OBJ_NAME", "cost")])
    goal, rows = model_of(toks, spans)
    assert goal == "min 200 * morning_team + 260 * evening_team"
    assert "10 * morning_team + 12 * evening_team >= 120" in rows
    assert "morning_team <= 6" in rows


def test_a_with_phrase_after_a_name_leaves_the_parallel_frame() -> None:
    text = ("A road crew must pave at least 20 km of road. A paving train lays 1.5 km per day and uses 400 liters of "
            "diesel per day. A small crew with hand rollers lays 0.4 km per day and uses 50 liters of diesel per day. "
            "The small crew can work at most 15 days. For how many days should each be used to minimize the diesel "
            "used?")
    toks, spans = hand(text, [("CONST_DIR", "at least"), ("LIMIT", "20"), ("PARAM", "1.5"), ("PARAM", "400"),
                              ("VAR", "small crew"), ("PARAM", "0.4"), ("PARAM", "50"), ("CONST_DIR", "at most"),
                              ("LIMIT", "15"), ("OBJ_DIR", "minimize"), ("OBJ_NAME", "diesel used")])
    goal, rows = model_of(toks, spans)
    assert goal == "min 400 * paving_train + 50 * small_crew"
    assert "1.5 * paving_train + 0.4 * small_crew >= 20" in rows


def test_a_verb_before_a_number_is_no_actor_head() -> None:
    text = ("A charity plants trees with student groups and a hired tractor. Each student group-day plants 80 trees "
            "and costs $100 for buses. Each tractor-day plants 500 trees and costs $900. The charity has $9,000, and "
            "students are available for at most 30 group-days. How many group-days and tractor-days should it use "
            "to plant the most trees?")
    toks, spans = hand(text, [("VAR", "student group-day"), ("LIMIT", "80"), ("VAR", "trees"), ("PARAM", "100"),
                              ("LIMIT", "500"), ("VAR", "trees"), ("PARAM", "900"), ("CONST_DIR", "has"),
                              ("LIMIT", "9,000"), ("CONST_DIR", "at most"), ("LIMIT", "30"), ("VAR", "group-days")])
    goal, rows = model_of(toks, spans)
    assert goal == "max 80 * student_group_day + 500 * tractor_day"
    assert "100 * student_group_day + 900 * tractor_day <= 9000" in rows

"""Offline modeler: general readings of health-science problems in NL4Opt's crowd voice, which the
twenty-second fresh development set (patients, medicines, diets, veterinary care) showed missing (round
health, helper h106) -- what each one of a counted group needs ("a kennel feeds its 12 puppies ... Each
puppy needs at least 40 grams of protein": the group needs 12 times as much).

The sentences are written for these tests (not taken from any data set). Tags are given by hand, as the
tagger gives them on such texts. No trained tagger is needed.
"""

from __future__ import annotations

from hand_tags import hand, model_of


def test_each_one_of_a_counted_group_needs_that_many_times_as_much() -> None:
    text = ("A kennel feeds its 12 puppies two kinds of chow, Mix A and Mix B. Each scoop of Mix A has 8 grams "
            "of protein and costs $2. Each scoop of Mix B has 5 grams of protein and costs $1. Each puppy needs "
            "at least 40 grams of protein per day. How many scoops of each should the kennel use to minimize "
            "its cost?")
    toks, spans = hand(text, [("LIMIT", "12"), ("VAR", "Mix A"), ("VAR", "Mix B"), ("VAR", "Mix A"),
                              ("PARAM", "8"), ("PARAM", "2"), ("VAR", "Mix B"), ("PARAM", "5"), ("PARAM", "1"),
                              ("CONST_DIR", "at least"), ("LIMIT", "40"), ("OBJ_DIR", "minimize"),
                              ("OBJ_NAME", "cost")])
    _, rows = model_of(toks, spans)
    assert rows == ["8 * mix_a + 5 * mix_b >= 480"]
    # the need, written times the count, is a number the model uses (no doubt lowers the reading)
    from modeler.strategies.offline import read_model

    _, understanding, _, _, _ = read_model(toks, spans)
    assert not any("unused" in u["sentence"] for u in understanding if u["kind"] == "doubt")


def test_each_of_the_counted_group_needs_that_many_times_as_much() -> None:
    text = ("A rowing coach buys energy bars and fruit cups for the crew. Each energy bar has 30 grams of carbs "
            "and costs $2. Each fruit cup has 20 grams of carbs and costs $1. Each of the 8 rowers needs at "
            "least 90 grams of carbs before a race. How many of each should the coach buy to minimize cost?")
    toks, spans = hand(text, [("VAR", "energy bars"), ("VAR", "fruit cups"), ("VAR", "energy bar"),
                              ("PARAM", "30"), ("PARAM", "2"), ("VAR", "fruit cup"), ("PARAM", "20"),
                              ("PARAM", "1"), ("PARAM", "8"), ("CONST_DIR", "at least"), ("LIMIT", "90"),
                              ("OBJ_DIR", "minimize"), ("OBJ_NAME", "cost")])
    _, rows = model_of(toks, spans)
    assert rows == ["30 * energy_bars + 20 * fruit_cups >= 720"]


def test_a_need_of_one_uncounted_patient_stays_as_said() -> None:
    text = ("A patient takes two pills, Pill X and Pill Y. Each Pill X has 3 mg of iron and costs $2. Each Pill Y "
            "has 2 mg of iron and costs $1. The patient needs at least 12 mg of iron, and 4 nurses check the "
            "doses. How many of each pill should the patient take to minimize cost?")
    toks, spans = hand(text, [("VAR", "Pill X"), ("VAR", "Pill Y"), ("VAR", "Pill X"), ("PARAM", "3"),
                              ("PARAM", "2"), ("VAR", "Pill Y"), ("PARAM", "2"), ("PARAM", "1"),
                              ("CONST_DIR", "at least"), ("LIMIT", "12"), ("OBJ_DIR", "minimize"),
                              ("OBJ_NAME", "cost")])
    _, rows = model_of(toks, spans)
    assert "3 * pill_x + 2 * pill_y >= 12" in rows


def test_a_cue_after_but_does_not_reach_back_over_a_list() -> None:
    text = ("A vet mixes oats and bran for a pony. Each kilogram of oats has 2 units of zinc, 3 units of copper and "
            "4 units of iron and costs $3. Each kilogram of bran has 5 units of zinc, 1 unit of copper and 2 units "
            "of iron and costs $2. The pony needs at least 20 units of zinc, 9 units of copper and 16 units of "
            "iron, but at most 4 kilograms of oats. How many kilograms of each should the vet use to minimize "
            "cost?")
    toks, spans = hand(text, [("VAR", "oats"), ("VAR", "bran"), ("VAR", "oats"), ("PARAM", "2"), ("PARAM", "3"),
                              ("PARAM", "4"), ("PARAM", "3"), ("VAR", "bran"), ("PARAM", "5"), ("PARAM", "1"),
                              ("PARAM", "2"), ("PARAM", "2"), ("CONST_DIR", "at least"), ("LIMIT", "20"),
                              ("LIMIT", "9"), ("LIMIT", "16"), ("CONST_DIR", "at most"), ("LIMIT", "4"),
                              ("VAR", "oats"), ("OBJ_DIR", "minimize"), ("OBJ_NAME", "cost")])
    _, rows = model_of(toks, spans)
    assert "4 * oats + 2 * bran >= 16" in rows


def test_a_herd_a_farmer_has_is_fed_per_head_as_nl4opt_reads_it() -> None:
    text = ("A rancher has 40 goats and feeds them on hay and pellets. Hay costs $3 per kilogram while pellets cost "
            "$5 per kilogram. Each kilogram of hay contains 0.2 kilograms of protein and each kilogram of pellets "
            "contains 0.5 kilograms of protein. Each goat requires a minimum of 1.2 kilograms of protein per day. "
            "How should the rancher feed his goats to minimize cost?")
    toks, spans = hand(text, [("VAR", "hay"), ("VAR", "pellets"), ("VAR", "Hay"), ("OBJ_NAME", "costs"),
                              ("PARAM", "3"), ("VAR", "pellets"), ("PARAM", "5"), ("VAR", "hay"), ("PARAM", "0.2"),
                              ("VAR", "pellets"), ("PARAM", "0.5"), ("CONST_DIR", "minimum"), ("LIMIT", "1.2"),
                              ("OBJ_DIR", "minimize"), ("OBJ_NAME", "cost")])
    _, rows = model_of(toks, spans)
    assert "0.2 * hay + 0.5 * pellets >= 1.2" in rows


def test_as_many_of_one_decision_as_possible_counts_that_decision_alone() -> None:
    text = ("A hospice hires aides and therapists. Each aide is paid $900 per week and each therapist is paid "
            "$1,800 per week, and the hospice can spend at most $27,000 per week. There can be at most 4 aides "
            "for every therapist. The hospice wants as many aides as possible. How many aides and therapists "
            "should be hired?")
    toks, spans = hand(text, [("VAR", "aides"), ("VAR", "therapists"), ("VAR", "aide"), ("PARAM", "900"),
                              ("VAR", "therapist"), ("PARAM", "1,800"), ("CONST_DIR", "at most"),
                              ("LIMIT", "27,000"), ("CONST_DIR", "at most"), ("PARAM", "4"), ("VAR", "aides"),
                              ("VAR", "therapist"), ("VAR", "aides"), ("VAR", "aides"), ("VAR", "therapists")])
    goal, _ = model_of(toks, spans)
    assert goal == "max aides"


_KITS = ("A lab makes two kinds of test kits: flu kits and strep kits. Each flu kit needs 3 hours of assembly and 1 "
         "hour of sterilizing. Each strep kit needs 2 hours of assembly and 2 hours of sterilizing. Each month "
         "there are 120 hours of assembly time and 80 hours of sterilizing time, and a hospital needs at least 5 "
         "strep kits. The profit per kit is $30 for flu and $25 for strep. How many kits of each kind should be "
         "made to maximize profit?")
_KIT_MARKS = [("VAR", "flu kits"), ("VAR", "strep kits"), ("VAR", "flu kit"), ("PARAM", "3"), ("PARAM", "1"),
              ("VAR", "strep kit"), ("PARAM", "2"), ("PARAM", "2"), ("LIMIT", "120"), ("LIMIT", "80"),
              ("CONST_DIR", "at least"), ("LIMIT", "5"), ("VAR", "strep kits"), ("OBJ_NAME", "profit"),
              ("VAR", "kit"), ("PARAM", "30"), ("VAR", "flu"), ("PARAM", "25"), ("OBJ_DIR", "maximize"),
              ("OBJ_NAME", "profit")]


def test_a_customer_who_needs_so_many_of_a_decision_is_no_decision() -> None:
    from modeler.strategies.offline.mentions import per_unit_names

    toks, spans = hand(_KITS, _KIT_MARKS)
    names = {sp.text for sp in per_unit_names([t.text for t in toks], spans) if sp.label == "VAR"}
    assert "hospital" not in names


def test_what_there_is_each_month_is_a_stock_down_its_list() -> None:
    toks, spans = hand(_KITS, _KIT_MARKS)
    _, rows = model_of(toks, spans)
    assert "3 * flu_kits + 2 * strep_kits <= 120" in rows and "flu_kits + 2 * strep_kits <= 80" in rows


def test_the_last_price_of_a_list_names_its_decision_by_a_first_word() -> None:
    toks, spans = hand(_KITS, _KIT_MARKS)
    goal, _ = model_of(toks, spans)
    assert goal == "max 30 * flu_kits + 25 * strep_kits"


def test_an_amount_to_each_of_two_places_is_said_out() -> None:
    from modeler.strategies.offline.prose import each_spelt_out

    text = ("Each dose of serum X sends 6 units of antibody to the lungs and 1 unit to the blood; serum Y sends 2 "
            "units to the lungs and 4 units to the blood; serum Z sends 3 units to each. The doctor wants ...")
    assert "serum Z sends 3 units to the lungs and 3 units to the blood." in each_spelt_out(text)


def test_a_round_portion_a_food_gives_its_contents_for_is_no_coefficient() -> None:
    from modeler.strategies.offline.entities import Span
    from modeler.strategies.offline.repairs import relabel_numbers

    text = ("Mia mixes rice and lentils. 100 grams of rice give 7 grams of protein; 100 grams of lentils give 9 "
            "grams of protein. She needs at least 40 grams of protein.")
    toks, spans = hand(text, [("VAR", "rice"), ("VAR", "lentils"), ("PARAM", "100"), ("PARAM", "7"),
                              ("PARAM", "100"), ("PARAM", "9"), ("CONST_DIR", "at least"), ("LIMIT", "40")])
    kept = [sp.text for sp in relabel_numbers(toks, spans) if isinstance(sp, Span) and sp.label == "PARAM"]
    assert kept == ["7", "9"]


"""Offline modeler: general English readings the fourth fresh development set showed missing (round dev-v16,
helper F) -- every item of a list with one rate frame ("X paying 4%") is a decision, a number right after a bound's
wording bounds a decision rather than counting a resource out, a digit after a noun the text counts elsewhere
names it even before a verb ("Pit 1 costs ..."), a time after a price ("$90 a night") and a measure after a number
("40 cubic feet") are never decisions, and two names share a word only as a whole word ("cooking" is not "cooks").

The sentences are written for these tests (not taken from any data set). Tags are given by hand, as the tagger
gives them on such texts. No trained tagger is needed.
"""

from __future__ import annotations

from hand_tags import hand, model_of, word_list

from modeler.strategies.offline.entities import Span
from modeler.strategies.offline.mentions import numbered_names
from modeler.strategies.offline.name_repairs import _rate_and_measure_nouns
from modeler.strategies.offline.reading import Variable
from modeler.strategies.offline.unseen import rate_frame_items
from modeler.strategies.offline.variables import _join_pairs


def _vars(words: list[str], spans: list[Span]) -> list[str]:
    return [sp.text for sp in spans if sp.label == "VAR"]


# ------------------------------------------------------------------------------ one rate frame per item
def test_every_item_with_the_same_rate_frame_is_a_decision() -> None:
    words = word_list("Lena splits $9,000 between a pension plan paying 3.5%, city notes paying 4% and a "
                      "growth account paying 8%.")
    tagged = [Span("VAR", words.index("growth"), words.index("growth") + 2, "growth account")]
    names = _vars(words, rate_frame_items(words, tagged))
    assert names == ["pension plan", "city notes", "growth account"]


def test_a_relative_rate_frame_names_the_other_option_too() -> None:
    words = word_list("Omar puts $7,000 into a credit union deposit that pays 2% a year and an index fund that "
                      "returns 6% a year.")
    k = words.index("index")
    names = _vars(words, rate_frame_items(words, [Span("VAR", k, k + 2, "index fund")]))
    assert names == ["credit union deposit", "index fund"]


def test_a_rate_frame_alone_adds_nothing() -> None:
    words = word_list("A deposit paying 3% a year is all Omar holds, and a loan paying 5% is what he owes.")
    assert _vars(words, rate_frame_items(words, [])) == []


def test_a_rate_framed_option_list_reads_as_two_decisions() -> None:
    text = ("Priya has $6,000 to invest and will invest all of it, split between a harbor bond that pays 3% a "
            "year and a tech fund that returns 8% a year. She wants at least $2,000 in the harbor bond. How "
            "much should go into each to maximize her yearly return?")
    toks, spans = hand(text, [("CONST_DIR", "has"), ("LIMIT", "6,000"), ("PARAM", "3 %"),
                              ("VAR", "tech fund"), ("OBJ_NAME", "returns"), ("PARAM", "8 %"),
                              ("CONST_DIR", "at least"), ("LIMIT", "2,000"), ("OBJ_DIR", "maximize"),
                              ("OBJ_NAME", "return")])
    goal, rows = model_of(toks, spans)
    assert goal == "max 0.03 * harbor_bond + 0.08 * tech_fund"
    assert "harbor_bond >= 2000" in rows


# -------------------------------------------------------------------- a bound's number bounds a decision
def test_a_number_after_a_bound_does_not_count_a_decision_out() -> None:
    text = ("A club has $6,000 for promotion and wants to reach as many fans as possible. Choices: podcast "
            "spots at $500 each reaching 4,000 fans, flyers at $100 each reaching 600 fans, street banners at "
            "$800 each reaching 7,000 fans, and mailers at $300 each reaching 2,500 fans. The club wants at least "
            "3 podcast spots and at most 12 flyers. How many of each should it buy?")
    toks, spans = hand(text, [("CONST_DIR", "has"), ("LIMIT", "6,000"), ("VAR", "podcast spots"),
                              ("PARAM", "500"), ("PARAM", "4,000"), ("VAR", "flyers"), ("PARAM", "100"),
                              ("PARAM", "600"), ("VAR", "street banners"), ("PARAM", "800"), ("PARAM", "7,000"),
                              ("VAR", "mailers"), ("PARAM", "300"), ("PARAM", "2,500"),
                              ("CONST_DIR", "at least"), ("LIMIT", "3"), ("VAR", "podcast spots"),
                              ("CONST_DIR", "at most"), ("LIMIT", "12"), ("VAR", "flyers")])
    goal, rows = model_of(toks, spans)
    assert goal == "max 4000 * podcast_spots + 600 * flyers + 7000 * street_banners + 2500 * mailers"
    assert "podcast_spots >= 3" in rows
    assert "flyers <= 12" in rows


# -------------------------------------------------------------------------- "Pit 1 costs", a named noun
def test_a_digit_after_a_noun_the_text_counts_names_it_before_a_verb() -> None:
    words = word_list("A quarry runs two pits. Pit 1 costs $900 a day and Pit 2 costs $700 a day.")
    out = numbered_names(words, [])
    assert _vars(words, out) == ["Pit 1", "Pit 2"]


def test_a_verb_with_a_number_stays_a_count() -> None:
    words = word_list("A desk uses 3 units of oak and a shelf uses 2 units of oak.")
    assert _vars(words, numbered_names(words, [])) == []


def test_numbered_pits_read_as_two_decisions() -> None:
    text = ("A quarry runs two pits. Pit 1 costs $900 per day and yields 3 tonnes of gravel and 1 tonne of sand "
            "per day. Pit 2 costs $700 per day and yields 1 tonne of gravel and 2 tonnes of sand per day. The "
            "quarry needs at least 30 tonnes of gravel and 24 tonnes of sand. How many days should each pit run "
            "at minimum cost?")
    toks, spans = hand(text, [("PARAM", "1"), ("OBJ_NAME", "costs"), ("PARAM", "900"), ("PARAM", "3"),
                              ("PARAM", "1"), ("VAR", "Pit 2"), ("OBJ_NAME", "costs"), ("PARAM", "700"),
                              ("PARAM", "1"), ("PARAM", "2"), ("CONST_DIR", "at least"), ("LIMIT", "30"),
                              ("LIMIT", "24"), ("OBJ_DIR", "minimum"), ("OBJ_NAME", "cost")])
    goal, rows = model_of(toks, spans)
    assert goal == "min 900 * pit_1 + 700 * pit_2"
    assert "3 * pit_1 + pit_2 >= 30" in rows


# ------------------------------------------------------------------------ rates and measures are no names
def test_a_time_after_a_price_and_a_measure_after_a_number_are_no_decisions() -> None:
    words = word_list("Each guide costs $90 a night and each bin holds 40 cubic feet of grain.")
    k, m = words.index("night"), words.index("cubic")
    spans = [Span("VAR", words.index("guide"), words.index("guide") + 1, "guide"), Span("VAR", k, k + 1, "night"),
             Span("VAR", m, m + 2, "cubic feet")]
    assert _vars(words, _rate_and_measure_nouns(words, spans)) == ["guide"]


def test_a_per_item_price_keeps_its_item() -> None:
    words = word_list("The shop pays $4 per chair and $9 per table.")
    k = words.index("chair")
    spans = [Span("VAR", k, k + 1, "chair"), Span("VAR", k + 4, k + 5, "table")]
    assert _vars(words, _rate_and_measure_nouns(words, spans)) == ["chair", "table"]


# ---------------------------------------------------------------------------- whole words, not stems
def test_names_share_a_word_only_as_a_whole_word() -> None:
    vs = [Variable(0, ["cooks"], set()), Variable(1, ["cooking classes"], set()), Variable(2, ["waiters"], set())]
    assert _join_pairs(vs) == {}
    same = [Variable(0, ["tour guides"], set()), Variable(1, ["drivers"], set()), Variable(2, ["tour"], set())]
    assert _join_pairs(same) == {2: 0}


# --------------------------------------------------------------- a clause built like a found repeat's
def test_the_subject_of_a_clause_parallel_to_a_repeated_name_is_a_decision() -> None:
    text = ("A bakery needs at least 90 hours of baking every week. Senior bakers bake 30 hours a week and are "
            "paid $900 a week; trainee bakers bake 15 hours a week and are paid $350 a week. At least 2 senior "
            "bakers must be hired, and the number of trainee bakers cannot exceed the number of senior bakers. "
            "How many of each should be hired to minimize the weekly wage bill?")
    toks, spans = hand(text, [("CONST_DIR", "at least"), ("LIMIT", "90"), ("PARAM", "30"), ("PARAM", "900"),
                              ("PARAM", "15"), ("PARAM", "350"), ("CONST_DIR", "At least"), ("LIMIT", "2"),
                              ("CONST_DIR", "cannot exceed"), ("VAR", "senior bakers"), ("OBJ_DIR", "minimize"),
                              ("OBJ_NAME", "weekly wage bill")])
    goal, rows = model_of(toks, spans)
    assert goal == "min 900 * senior_bakers + 350 * trainee_bakers"
    assert "30 * senior_bakers + 15 * trainee_bakers >= 90" in rows


# ----------------------------------------------------------------------------------------- gapping
def test_a_gapped_list_item_keeps_its_coefficient() -> None:
    text = ("Tom has 50,000 dollars for three accounts: Account X returns 2% a year, Account Y 4% a year and "
            "Account Z 6% a year. He wants at least as much in Account X as in Account Z. How much should he "
            "put in each account to maximize his annual return?")
    toks, spans = hand(text, [("LIMIT", "50,000"), ("VAR", "Account X"), ("OBJ_NAME", "returns"), ("PARAM", "2 %"),
                              ("VAR", "Account Y"), ("PARAM", "4 %"), ("VAR", "Account Z"), ("LIMIT", "6 %"),
                              ("CONST_DIR", "at least"), ("VAR", "Account X"), ("VAR", "Account Z"),
                              ("OBJ_DIR", "maximize"), ("OBJ_NAME", "return")])
    goal, rows = model_of(toks, spans)
    assert goal == "max 0.02 * account_x + 0.04 * account_y + 0.06 * account_z"


# ------------------------------------------------------------ "X hold 50, Y hold 120": one verb, coefficients
def test_numbers_after_the_same_verb_of_each_variable_are_coefficients() -> None:
    text = ("A mover needs at least 600 cubic feet of space and rents two van sizes: small vans hold 200 cubic "
            "feet and cost $90, and big vans hold 350 cubic feet and cost $140. How many of each should be "
            "rented to minimize cost?")
    toks, spans = hand(text, [("CONST_DIR", "at least"), ("LIMIT", "600"), ("VAR", "small vans"), ("LIMIT", "200"),
                              ("PARAM", "90"), ("VAR", "big vans"), ("LIMIT", "350"), ("PARAM", "140"),
                              ("OBJ_DIR", "minimize"), ("OBJ_NAME", "cost")])
    goal, rows = model_of(toks, spans)
    assert goal == "min 90 * small_vans + 140 * big_vans"
    assert "200 * small_vans + 350 * big_vans >= 600" in rows


def test_a_bounded_item_with_its_own_price_later_in_its_clause_stays() -> None:
    text = ("A mover needs at least 900 cubic feet of space and rents three van sizes: small vans hold 200 cubic "
            "feet and cost $90, medium vans hold 300 cubic feet and cost $120, and big vans hold 450 cubic feet "
            "and cost $170. The lot fits at most 2 big vans. How many of each should be rented to minimize cost?")
    toks, spans = hand(text, [("CONST_DIR", "at least"), ("LIMIT", "900"), ("VAR", "small vans"), ("PARAM", "200"),
                              ("PARAM", "90"), ("VAR", "medium vans"), ("PARAM", "300"), ("PARAM", "120"),
                              ("VAR", "big vans"), ("PARAM", "450"), ("PARAM", "170"), ("CONST_DIR", "at most"),
                              ("LIMIT", "2"), ("VAR", "big vans"), ("OBJ_DIR", "minimize"), ("OBJ_NAME", "cost")])
    goal, rows = model_of(toks, spans)
    assert goal == "min 90 * small_vans + 120 * medium_vans + 170 * big_vans"
    assert "big_vans <= 2" in rows


# ------------------------------------------------------------- "at most 6 tablets of drug A", "3 for A"
def test_a_bound_in_the_units_a_decision_comes_in_keeps_it() -> None:
    text = ("A vet doses a dog with three syrups. Each spoon of syrup X gives 3 units of zinc and 1 unit of iron; "
            "syrup Y gives 1 unit of zinc and 4 units of iron; syrup Z gives 2 units of zinc and 2 units of iron. "
            "The dog needs at least 30 units of zinc and at least 28 units of iron. Each spoon costs $2 for X, $3 "
            "for Y and $2 for Z. The dog may have at most 5 spoons of syrup X. How many spoons of each syrup "
            "minimize the cost?")
    toks, spans = hand(text, [("VAR", "syrup X"), ("PARAM", "3"), ("PARAM", "1"), ("VAR", "syrup Y"), ("PARAM", "1"),
                              ("PARAM", "4"), ("VAR", "syrup Z"), ("PARAM", "2"), ("PARAM", "2"),
                              ("CONST_DIR", "at least"), ("LIMIT", "30"), ("CONST_DIR", "at least"), ("LIMIT", "28"),
                              ("OBJ_NAME", "costs"), ("PARAM", "2"), ("PARAM", "3"), ("PARAM", "2"),
                              ("CONST_DIR", "at most"), ("LIMIT", "5"), ("VAR", "syrup X"), ("OBJ_DIR", "minimize"),
                              ("OBJ_NAME", "cost")])
    goal, rows = model_of(toks, spans)
    assert "syrup_x <= 5" in rows
    assert "3 * syrup_x + syrup_y + 2 * syrup_z >= 30" in rows


def test_a_lone_letter_after_for_stands_for_the_lettered_name() -> None:
    from modeler.strategies.offline.name_repairs import _letter_names

    words = word_list("Drug A and drug B are sold. Scores are 3 for A and 4 for B.")
    spans = [Span("VAR", 0, 2, "Drug A"), Span("VAR", 3, 5, "drug B")]
    assert _vars(words, _letter_names(words, spans)) == ["Drug A", "drug B", "A", "B"]


# ------------------------------------------------ "from rice and black beans": a coordinated name named again
def test_a_name_coordinated_with_a_variable_and_named_again_is_a_decision() -> None:
    text = ("A hiker packs lunches from rice and black beans. 100 grams of rice give 350 calories and cost $0.20; "
            "100 grams of black beans give 340 calories and cost $0.50. She needs at least 1,500 calories. How many "
            "hundred-gram portions of each should she pack to minimize the cost?")
    toks, spans = hand(text, [("VAR", "rice"), ("LIMIT", "100"), ("PARAM", "350"), ("PARAM", "0.20"),
                              ("LIMIT", "100"), ("PARAM", "340"), ("PARAM", "0.50"), ("CONST_DIR", "at least"),
                              ("LIMIT", "1,500"), ("OBJ_DIR", "minimize"), ("OBJ_NAME", "cost")])
    goal, rows = model_of(toks, spans)
    assert goal == "min 0.2 * rice + 0.5 * black_beans"
    assert "350 * rice + 340 * black_beans >= 1500" in rows


def test_foods_measured_out_in_the_same_portion_are_not_resources() -> None:
    text = ("A hiker packs lunches from rice and lentils. 100 grams of rice give 350 calories and cost $0.20; "
            "100 grams of lentils give 340 calories and cost $0.50. She needs at least 1,500 calories, and she "
            "packs at least 200 grams of rice. How many hundred-gram portions of each should she pack to minimize "
            "the cost?")
    toks, spans = hand(text, [("VAR", "rice"), ("VAR", "lentils"), ("PARAM", "100"), ("VAR", "rice"),
                              ("PARAM", "350"), ("PARAM", "0.20"), ("PARAM", "100"), ("VAR", "lentils"),
                              ("PARAM", "340"), ("PARAM", "0.50"), ("CONST_DIR", "at least"), ("LIMIT", "1,500"),
                              ("CONST_DIR", "at least"), ("LIMIT", "200"), ("VAR", "rice"),
                              ("OBJ_DIR", "minimize"), ("OBJ_NAME", "cost")])
    goal, rows = model_of(toks, spans)
    assert goal == "min 0.2 * rice + 0.5 * lentils"


# --------------------------------------------------------------- no shared head across a whole first name
def test_a_lone_letter_or_a_name_used_alone_takes_no_shared_head() -> None:
    from modeler.strategies.offline.name_repairs import _shared_heads

    words = word_list("Part X and part Y are cut on two saws.")
    spans = [Span("VAR", 1, 2, "X"), Span("VAR", 3, 5, "part Y")]
    assert _vars(words, _shared_heads(words, spans)) == ["X", "part Y"]
    words = word_list("Feed is mixed from barley and sugar beet pulp. The mill holds 300 kilograms of barley.")
    k = words.index("barley")
    spans = [Span("VAR", k, k + 1, "barley"), Span("VAR", k + 2, k + 5, "sugar beet pulp")]
    assert _vars(words, _shared_heads(words, spans)) == ["barley", "sugar beet pulp"]


def test_a_first_name_used_with_the_shared_head_still_takes_it() -> None:
    from modeler.strategies.offline.name_repairs import _shared_heads

    words = word_list("A diner makes veggie and beef burgers. Each veggie burger needs 2 buns and 50 grams of veggie mix.")
    spans = [Span("VAR", 3, 4, "veggie"), Span("VAR", 5, 7, "beef burgers")]
    assert _vars(words, _shared_heads(words, spans))[0] == "veggie burgers"


# ------------------------------------------------------------------ "batches of cookies" is one decision
def test_a_container_before_of_a_variable_is_its_unit() -> None:
    from modeler.strategies.offline.name_repairs import _contained_names

    words = word_list("A cafe makes muffins, scones and trays of brownies.")
    k = words.index("trays")
    spans = [Span("VAR", 3, 4, "muffins"), Span("VAR", 5, 6, "scones"), Span("VAR", k, k + 1, "trays"),
             Span("VAR", k + 2, k + 3, "brownies")]
    assert _vars(words, _contained_names(words, spans)) == ["muffins", "scones", "brownies"]


def test_the_head_of_a_coordinated_name_names_it_again() -> None:
    from modeler.strategies.offline.name_repairs import _coordinated_repeats

    words = word_list("Ana mixes feed from corn and soybean meal. 100 grams of meal give 44 grams of protein.")
    k = words.index("corn")
    spans = [Span("VAR", k, k + 1, "corn"), Span("VAR", k + 2, k + 4, "soybean meal")]
    assert _vars(words, _coordinated_repeats(words, spans)) == ["corn", "soybean meal", "meal"]
    words = word_list("A cook makes chicken curry and goat curry. Each needs 2 units of curry paste.")
    spans = [Span("VAR", 3, 5, "chicken curry"), Span("VAR", 6, 8, "goat curry")]
    assert _vars(words, _coordinated_repeats(words, spans)) == ["chicken curry", "goat curry"]

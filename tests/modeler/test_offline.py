"""The offline modeler: entity reading, constraint classification, assembly, and whole problems.

The end-to-end problems are written for these tests (not taken from NL4Opt); their optima were worked
out by hand (the vertex arithmetic is in each comment). They need the trained entity model in
modeler/strategies/offline/artifacts/ (built by `python -m modeler.strategies.offline.train`).
"""

from __future__ import annotations

from collections import Counter

import pytest
from hand_tags import hand

from modeler import Modeler
from modeler.modeler import ProblemTextError
from modeler.strategies.base import Context, Refusal
from modeler.strategies.offline.assemble import constraint_expr, identifier
from modeler.strategies.offline.classify import ConstraintSpec
from modeler.strategies.offline.entities import CRF_PATH, Span, spans_from_tags, tokenize
from modeler.strategies.offline.reading import Coef, cluster_variables, group_features
from modeler.strategies.offline.words import direction, parse_value, stem

needs_model = pytest.mark.skipif(not CRF_PATH.is_file(), reason="entity model not trained")


# ---------------------------------------------------------------------------------------- words
@pytest.mark.parametrize(("text", "value"), [
    ("150,000", 150000.0), ("2.5", 2.5), ("40%", 0.4), ("thirty percent", 0.3), ("a third", 1 / 3),
    ("twice", 2.0), ("three times", 3.0), ("one hundred thousand", 100000.0), ("two thirds", 2 / 3),
])
def test_parse_value(text: str, value: float) -> None:
    assert parse_value(text) == pytest.approx(value)


def test_parse_value_none_for_words() -> None:
    assert parse_value("profit") is None


@pytest.mark.parametrize(("cue", "sense"), [
    ("at most", "<="), ("no more than", "<="), ("must not exceed", "<="), ("available", "<="),
    ("at least", ">="), ("a minimum of", ">="), ("no less than", ">="), ("must exceed", ">="),
])
def test_direction(cue: str, sense: str) -> None:
    assert direction(cue) == sense


def test_direction_silent() -> None:
    assert direction("the store sells") is None


def test_stem_meets_forms() -> None:
    assert stem("mixing") == stem("mix")
    assert stem("hoodies") == stem("hoodie")
    assert stem("boxes") == stem("box")


# ------------------------------------------------------------------------------------- entities
def test_tokenize_keeps_numbers_and_splits_symbols() -> None:
    words = [t.text for t in tokenize("It costs $1,500.50 and 40% of 2-piece suits.")]
    assert words == ["It", "costs", "$", "1,500.50", "and", "40", "%", "of", "2-piece", "suits", "."]


def test_tokenize_sentences() -> None:
    toks = tokenize("One. Two? Three")
    assert [t.sent for t in toks] == [0, 0, 1, 1, 2]


def test_spans_from_bio() -> None:
    words = ["at", "most", "40", "chairs"]
    spans = spans_from_tags(words, ["B-CONST_DIR", "I-CONST_DIR", "B-LIMIT", "B-VAR"])
    assert [(s.label, s.text) for s in spans] == [("CONST_DIR", "at most"), ("LIMIT", "40"), ("VAR", "chairs")]


def test_variable_clustering() -> None:
    mentions = ["regular glasses", "premium glasses", "regular glass", "Standard", "Standard grade alloy",
                "2-piece suits", "3-piece suit", "mixture A", "mixture B"]
    spans = [Span("VAR", k, k + 1, m) for k, m in enumerate(mentions)]
    variables, mention_var = cluster_variables(spans)
    groups = [sorted(v.mentions) for v in variables]
    assert sorted(["regular glass", "regular glasses"]) in groups
    assert ["premium glasses"] in groups
    assert sorted(["Standard", "Standard grade alloy"]) in groups
    assert ["2-piece suits"] in groups and ["3-piece suit"] in groups  # digits keep them apart
    assert ["mixture A"] in groups and ["mixture B"] in groups  # the capital letter names them
    assert len(variables) == 7 and len(mention_var) == len(mentions)


def test_features_group_by_what_they_measure() -> None:
    coefs = [Coef(0, 2, 0, 0, Counter(["HOUR", "carpentry"]), False),
             Coef(0, 1, 1, 0, Counter(["HOUR", "paint"]), False),
             Coef(1, 4, 2, 1, Counter(["HOUR", "carpentry"]), False),
             Coef(1, 1, 3, 1, Counter(["HOUR", "paint"]), False)]
    features = group_features(coefs)
    assert [{v: c.value for v, c in f.coefs.items()} for f in features] == [{0: 2, 1: 4}, {0: 1, 1: 1}]


# ---------------------------------------------------------------------------------- classification
def _read(text: str):  # noqa: ANN202  (a Reading)
    from modeler.strategies.offline import tagger
    from modeler.strategies.offline.reading import read

    toks = tokenize(text)
    words = [t.text for t in toks]
    return read(toks, spans_from_tags(words, tagger().tag(words)))


@needs_model
@pytest.mark.parametrize(("sentence", "kind", "sense"), [
    ("There must be at least twice as many vans as trucks.", "xby", ">="),
    ("The number of vans must not exceed the number of trucks.", "xy", "<="),
    ("At most 30% of the vehicles can be trucks.", "ratio", "<="),
    ("The company can use at most 12 trucks.", "upperbound", "<="),
    ("The company must use at least 5 vans.", "lowerbound", ">="),
    ("In total, at most 40 vans and trucks can be used.", "sum", "<="),
])
def test_constraint_types(sentence: str, kind: str, sense: str) -> None:
    from modeler.strategies.offline.classify import constraints

    r = _read("A company ships with vans and trucks. A van costs $100 and a truck costs $200. " + sentence
              + " How many vans and trucks minimize the cost?")
    specs = constraints(r)
    assert [(s.kind, s.sense) for s in specs] == [(kind, sense)]


@needs_model
def test_weighted_limit_uses_the_named_resource() -> None:
    from modeler.strategies.offline.classify import constraints

    r = _read("A bakery makes bread and cake. A loaf of bread needs 2 kg of flour and 1 hour of baking. "
              "A cake needs 1 kg of flour and 3 hours of baking. There are 50 kg of flour and 40 hours of "
              "baking available. Bread gives $3 profit and cake $5. How many of each maximize profit?")
    specs = constraints(r)
    names = {v.index: v.text for v in r.variables}
    got = {(s.kind, s.limit, tuple(sorted((names[v], c) for v, c in s.terms.items()))) for s in specs}
    assert ("linear", 50.0, (("bread", 2.0), ("cake", 1.0))) in got
    assert ("linear", 40.0, (("bread", 1.0), ("cake", 3.0))) in got


# ----------------------------------------------------------------------------------------- assembly
def test_constraint_expressions() -> None:
    names = ["vans", "trucks"]
    assert constraint_expr(ConstraintSpec("xby", ">=", x=0, y=1, param=2.0), names) == "vans >= 2 * trucks"
    assert constraint_expr(ConstraintSpec("ratio", "<=", 0.3, {1: 1.0}), names) == "trucks <= 0.3 * (vans + trucks)"
    assert constraint_expr(ConstraintSpec("linear", "<=", 50, {0: 2.0, 1: 1.0}), names) == "2 * vans + trucks <= 50"
    assert constraint_expr(ConstraintSpec("xy", "<=", x=0, y=1), names) == "vans <= trucks"


def test_identifier() -> None:
    taken: set[str] = set()
    assert identifier("2-piece suits", taken) == "x_2_piece_suits"
    assert identifier("sum", taken) == "x_sum"
    assert identifier("Sum", taken) == "x_sum_2"


# -------------------------------------------------------------------------------------- end to end
PROBLEMS = [
    # furniture: max 30c + 50t; 2c + 4t <= 100, c + t <= 40 -> vertex c=30, t=10: 1400
    ("A workshop makes chairs and tables. Each chair yields a profit of $30 and each table yields a profit "
     "of $50. A chair requires 2 hours of carpentry and 1 hour of painting. A table requires 4 hours of "
     "carpentry and 1 hour of painting. The workshop has 100 hours of carpentry and 40 hours of painting "
     "available. How many chairs and tables should be made to maximize profit?", "max", 1400.0, None),
    # diet: min 2o + 6p; 10o + 25p >= 100, 5o + 40p >= 80 -> o = 80/11, p = 12/11: 232/11
    ("A dietitian mixes oats and peanuts. A kilogram of oats contains 10 units of protein and 5 units of "
     "fat, and costs $2. A kilogram of peanuts contains 25 units of protein and 40 units of fat, and costs "
     "$6. The mix must contain at least 100 units of protein and at least 80 units of fat. How many "
     "kilograms of each should be used to minimize the cost?", "min", 232 / 11, "continuous"),
    # investment: max .04b + .09s; b + s <= 10000, s <= 0.4 (b + s) -> s = 4000, b = 6000: 600
    ("An investor has $10,000 to invest in bonds and stocks. Bonds return 4% per year and stocks return "
     "9% per year. At most 40% of the investment can be in stocks. How much should be invested in each to "
     "maximize the return?", "max", 600.0, "continuous"),
    # staffing: min 300n + 800d; 4n + 10d >= 37, integers -> LP 2775 (n = 9.25); integers: n=7, d=1: 2900
    ("A clinic hires nurses and doctors. A nurse costs $300 per shift and a doctor costs $800 per shift. "
     "A nurse can see 4 patients per shift and a doctor can see 10 patients per shift. The clinic must see "
     "at least 37 patients per shift. How many nurses and doctors should be hired to minimize the cost?",
     "min", 2900.0, "integer"),
    # transport: min 100v + 200t; 20v + 50t >= 500, v >= 2t -> LP 2222.2 at v = 2t; integers 2300 (13, 5)
    ("A company ships goods with vans and trucks. A van carries 20 boxes and a truck carries 50 boxes. "
     "A van trip costs $100 and a truck trip costs $200. The company must ship at least 500 boxes. There "
     "must be at least twice as many vans as trucks. How many vans and trucks should be used to minimize "
     "the cost?", "min", 2300.0, "integer"),
    # land: max 200w + 300c; w + c <= 100, c <= 60, c <= w -> w = c = 50: 25000
    ("A farmer grows wheat and corn on at most 100 acres of land. Each acre of wheat gives a profit of "
     "$200 and each acre of corn gives a profit of $300. The farmer can plant at most 60 acres of corn. "
     "The number of acres of corn must not exceed the number of acres of wheat. How many acres of each "
     "crop should be planted to maximize profit?", "max", 25000.0, "continuous"),
]


@pytest.fixture(scope="module")
def offline() -> Modeler:
    return Modeler(strategy="offline")


@needs_model
@pytest.mark.parametrize(("text", "sense", "optimum", "vtype"), PROBLEMS, ids=[
    "furniture", "diet", "investment", "staffing", "transport", "land"])
def test_end_to_end(offline: Modeler, text: str, sense: str, optimum: float, vtype: str | None) -> None:
    result = offline.solve(text)
    assert result.status == "optimal", result.error
    assert result.solution.objective == pytest.approx(optimum, rel=1e-6)
    assert result.model.objective.sense == sense
    if vtype is not None:
        assert {v.type for v in result.model.variables} == {vtype}


@needs_model
def test_understanding_lists_variables_constraints_objective() -> None:
    from modeler.strategies.offline import OfflineStrategy

    cand = OfflineStrategy().propose(PROBLEMS[0][0], Context())
    kinds = Counter(u["kind"] for u in cand.understanding)
    assert kinds == {"variable": 2, "objective": 1, "constraint": 2}
    c = next(u for u in cand.understanding if u["kind"] == "constraint")
    assert c["type"] == "linear" and "carpentry" in c["sentence"]
    assert 0 < cand.confidence <= 1


def test_integrality_changes_the_staffing_optimum(offline: Modeler) -> None:
    from solvers import solve
    from solvers.relaxation import relaxed

    result = offline.solve(PROBLEMS[3][0])
    lp = solve(relaxed(result.model), explain=False)
    assert lp.objective == pytest.approx(2775.0)
    assert result.solution.objective == pytest.approx(2900.0)


# ------------------------------------------------------------------------------------------ refusals
@needs_model
@pytest.mark.parametrize(("text", "words"), [
    ("Shall I compare thee to a summer's day? Thou art more lovely and more temperate. Rough winds do "
     "shake the darling buds of May.", "no numbers"),
    ("A shop sells apples and pears and wants to make as much money as possible from what it sells.",
     "no numbers"),
    ("A firm makes x and y. The profit is the product of x and y. It has 10 hours. Maximize the profit.",
     "not linear"),
    ("The area is the square of the side length, which is at most 5 metres. Maximize the area.", "not linear"),
    ("It was 5 degrees in the morning and 12 in the afternoon, a mild day.", "no objective"),
])
def test_refusals(offline: Modeler, text: str, words: str) -> None:
    result = offline.solve(text)
    assert result.status == "refused"
    assert result.error and (words in result.error or "no decision variables" in result.error)


def test_empty_text_is_refused_by_the_strategy_and_rejected_by_the_modeler() -> None:
    from modeler.strategies.offline import OfflineStrategy

    with pytest.raises(Refusal, match="empty"):
        OfflineStrategy().propose("   ", Context())
    with pytest.raises(ProblemTextError, match="empty"):
        Modeler(strategy="offline").solve("")


# ------------------------------------------------------- second round: variables, sums, directions

def test_two_names_of_one_product_are_one_variable() -> None:
    from modeler.strategies.offline.reading import read

    toks, spans = hand(
        "A supplier buys a double-load machine or a single-load model. A double-load machine sells 400 items "
        "and a single-load machine sells 325 items.",
        [("VAR", "double-load machine"), ("VAR", "single-load model"), ("VAR", "double-load machine"),
         ("PARAM", "400"), ("VAR", "single-load machine"), ("PARAM", "325")])
    r = read(toks, spans)
    assert [v.text for v in r.variables] == ["double-load machine", "single-load model"]
    assert sorted(c.value for c in r.coefs) == [325.0, 400.0]


def test_a_category_is_not_a_variable() -> None:
    from modeler.strategies.offline.reading import read

    toks, spans = hand(
        "The firm makes two models of monitors: Alpha and Beta. Each Alpha takes 2 hours and each Beta "
        "takes 3 hours.",
        [("VAR", "monitors"), ("VAR", "Alpha"), ("VAR", "Beta"), ("VAR", "Alpha"), ("PARAM", "2"),
         ("VAR", "Beta"), ("PARAM", "3")])
    assert [v.text for v in read(toks, spans).variables] == ["Alpha", "Beta"]


def test_two_variables_are_never_joined() -> None:
    from modeler.strategies.offline.reading import read
    from modeler.strategies.offline.variables import surplus_variables

    toks, spans = hand("She buys diced onions and diced carrots. Diced onions cost $2 and diced carrots $3.",
                        [("VAR", "diced onions"), ("VAR", "diced carrots"), ("VAR", "Diced onions"),
                         ("PARAM", "2"), ("VAR", "diced carrots"), ("PARAM", "3")])
    r = read(toks, spans)
    assert len(r.variables) == 2 and surplus_variables(r) == ({}, set())


def test_decision_units() -> None:
    from modeler.strategies.offline.reading import read
    from modeler.strategies.offline.variables import decision_units

    toks, spans = hand(
        "A farmer ships in boxes and buckets. A box costs $3 per trip and holds 4 kg every hour. How many "
        "of each type of container should be ordered?",
        [("VAR", "boxes"), ("VAR", "buckets"), ("VAR", "box"), ("PARAM", "3"), ("PARAM", "4")])
    units = decision_units(read(toks, spans))
    assert {stem("trip"), stem("container")} <= units
    assert not {stem("hour"), stem("kg"), stem("box")} & units


def test_a_limit_counted_in_decisions_is_a_sum() -> None:
    from modeler.strategies.offline.classify import constraints
    from modeler.strategies.offline.reading import read

    toks, spans = hand(
        "A farmer delivers in two types of containers, boxes and buckets. A box holds 7 kg of fruit and a "
        "bucket holds 9 kg of fruit. He can transport at most 650 containers. How many of each type of "
        "container maximize the fruit?",
        [("VAR", "boxes"), ("VAR", "buckets"), ("VAR", "box"), ("PARAM", "7"), ("VAR", "bucket"),
         ("PARAM", "9"), ("CONST_DIR", "at most"), ("LIMIT", "650"), ("OBJ_DIR", "maximize")])
    specs = constraints(read(toks, spans))
    assert [(s.kind, s.sense, s.limit, s.terms) for s in specs] == [("sum", "<=", 650.0, {0: 1.0, 1: 1.0})]


def test_a_limit_takes_the_direction_right_before_it() -> None:
    from modeler.strategies.offline.classify import constraints
    from modeler.strategies.offline.reading import read

    toks, spans = hand(
        "A truck takes 30 units of product and a boat takes 50 units of product. The distributor needs to "
        "move 1000 units of product and must have a maximum of 40% of the trips using boats.",
        [("VAR", "truck"), ("PARAM", "30"), ("VAR", "boat"), ("PARAM", "50"), ("LIMIT", "1000"),
         ("CONST_DIR", "maximum"), ("LIMIT", "40%"), ("VAR", "boats")])
    linear = [s for s in constraints(read(toks, spans)) if s.kind == "linear"]
    assert [(s.sense, s.limit, s.terms) for s in linear] == [(">=", 1000.0, {0: 30.0, 1: 50.0})]


def test_a_limit_after_a_variable_without_limit_words_is_a_coefficient() -> None:
    from modeler.strategies.offline.repairs import relabel_numbers

    toks, spans = hand("A pipeline can carry 8000 units of gas and a train can carry 2000 units of gas.",
                        [("VAR", "pipeline"), ("LIMIT", "8000"), ("VAR", "train"), ("LIMIT", "2000")])
    assert [s.label for s in relabel_numbers(toks, spans)] == ["VAR", "PARAM", "VAR", "PARAM"]
    toks, spans = hand("A pipeline carries gas. At most 8000 units of gas are available.",
                        [("VAR", "pipeline"), ("CONST_DIR", "At most"), ("LIMIT", "8000")])
    assert [s.label for s in relabel_numbers(toks, spans)] == ["VAR", "CONST_DIR", "LIMIT"]


def test_a_limit_naming_nothing_takes_the_one_spare_coefficient_group() -> None:
    from modeler.strategies.offline.classify import constraints
    from modeler.strategies.offline.reading import read

    toks, spans = hand(
        "A gondola moves 20 people per minute and a bus moves 5 people per minute. At least 500 customers "
        "must go up every minute.",
        [("VAR", "gondola"), ("PARAM", "20"), ("VAR", "bus"), ("PARAM", "5"), ("CONST_DIR", "At least"),
         ("LIMIT", "500")])
    r = read(toks, spans)
    assert [(s.kind, s.terms) for s in constraints(r, "min")] == [("linear", {0: 20.0, 1: 5.0})]
    # the objective's own group is not spare
    assert [s.kind for s in constraints(r, "min", objective_feature=0)] == ["sum"]


def test_an_untagged_name_at_a_clause_start_is_a_mention() -> None:
    from modeler.strategies.offline.reading import read

    toks, spans = hand(
        "A patient takes sleeping pills and sleep supplement. Furthermore, pills contain 1 unit of sugar "
        "while sleep supplement contains 2.5 units of sugar.",
        [("VAR", "sleeping pills"), ("VAR", "sleep supplement"), ("PARAM", "1"), ("VAR", "sleep supplement"),
         ("PARAM", "2.5")])
    r = read(toks, spans)
    assert {(c.var, c.value) for c in r.coefs} == {(0, 1.0), (1, 2.5)}


# ------------------------------------------- third round: rules checked on the NER training texts
@pytest.mark.parametrize(("cue", "sense"), [
    ("can not make more than", "<="), ("does not want to spend more than $", "<="), ("can't be less than", ">="),
    ("time restricts answering more than", "<="), ("no more than", "<="), ("not less than", ">="),
])
def test_direction_reads_negations(cue: str, sense: str) -> None:
    assert direction(cue) == sense


def _specs(text: str, marks: list[tuple[str, str]], sense: str = "max"):  # noqa: ANN202
    from modeler.strategies.offline.classify import constraints
    from modeler.strategies.offline.reading import read

    toks, spans = hand(text, marks)
    r = read(toks, spans)
    return r, [(s.kind, s.sense, s.limit, s.terms) for s in constraints(r, sense)]


def test_a_limit_for_each_machine_is_one_constraint_per_machine() -> None:
    _, specs = _specs(
        "A shop makes kites and drums. A kite needs 2 hours on the cutter and 3 hours on the sander. A drum "
        "needs 4 hours on the cutter and 1 hour on the sander. Each machine is available for 90 hours.",
        [("VAR", "kites"), ("VAR", "drums"), ("VAR", "kite"), ("PARAM", "2"), ("PARAM", "3"), ("VAR", "drum"),
         ("PARAM", "4"), ("PARAM", "1"), ("CONST_DIR", "available"), ("LIMIT", "90")])
    assert sorted(specs, key=str) == sorted([("linear", "<=", 90.0, {0: 2.0, 1: 4.0}),
                                             ("linear", "<=", 90.0, {0: 3.0, 1: 1.0})], key=str)


def test_a_unit_said_before_a_measured_resource_is_not_a_count_of_the_decisions() -> None:
    # "60 seat spaces" while the question asks "How many seats": the coefficients measure seat spaces
    _, specs = _specs(
        "A bus has 60 seat spaces. A wheelchair seat takes up 3 seat spaces while a standard seat takes up 1 seat "
        "space. How many seats of each type should be fitted?",
        [("CONST_DIR", "has"), ("LIMIT", "60"), ("VAR", "wheelchair seat"), ("PARAM", "3"), ("VAR", "standard seat"),
         ("PARAM", "1")])
    assert specs == [("linear", "<=", 60.0, {0: 3.0, 1: 1.0})]


def test_a_plural_head_before_two_capitals_shares_its_number() -> None:
    _, specs = _specs(
        "Machine A, machine B and machine C run for hours. Machines A and B need 2 oiling hours for every hour "
        "they run and machine C needs 3, and only 40 oiling hours are available.",
        [("VAR", "Machine A"), ("VAR", "machine B"), ("VAR", "machine C"), ("VAR", "Machines A"), ("PARAM", "2"),
         ("VAR", "machine C"), ("PARAM", "3"), ("LIMIT", "40"), ("CONST_DIR", "available")])
    assert specs == [("linear", "<=", 40.0, {0: 2.0, 1: 2.0, 2: 3.0})]


def test_a_list_of_names_right_followed_by_as_many_prices_pairs_them_in_order() -> None:
    from modeler.strategies.offline.reading import read

    text = "A bakery sells rye, spelt and oat loaves for $5, $4 and $2.50 a loaf."
    marks = [("VAR", "rye"), ("VAR", "spelt"), ("VAR", "oat loaves"), ("PARAM", "5"), ("PARAM", "4"), ("PARAM", "2.50")]
    assert sorted((c.var, c.value) for c in read(*hand(text, marks)).coefs) == [(0, 5.0), (1, 4.0), (2, 2.5)]
    # a number that is no list's ("for $5 each, and $4 ...") pairs nothing by order
    text = "A bakery sells rye and spelt for $5 each, and oat loaves for $3."
    marks = [("VAR", "rye"), ("VAR", "spelt"), ("PARAM", "5"), ("VAR", "oat loaves"), ("PARAM", "3")]
    assert (2, 3.0) in {(c.var, c.value) for c in read(*hand(text, marks)).coefs}


def test_numbers_first_sentences_name_the_variable_after_them() -> None:
    from modeler.strategies.offline.reading import read

    toks, spans = hand("It takes 5 minutes to brew a mocha and 3 minutes to brew a latte.",
                        [("PARAM", "5"), ("VAR", "mocha"), ("PARAM", "3"), ("VAR", "latte")])
    assert {(c.var, c.value) for c in read(toks, spans).coefs} == {(0, 5.0), (1, 3.0)}


def test_a_respectively_list_shares_its_measure() -> None:
    from modeler.strategies.offline.reading import read

    toks, spans = hand("Two glues, quick and slow, have strength ratings of 40 and 70, respectively.",
                        [("VAR", "quick"), ("VAR", "slow"), ("PARAM", "40"), ("PARAM", "70")])
    r = read(toks, spans)
    assert len(r.features) == 1 and {v: c.value for v, c in r.features[0].coefs.items()} == {0: 40.0, 1: 70.0}


def test_a_qualified_name_is_another_variable_and_one_is_a_name() -> None:
    variables, _ = cluster_variables([
        Span("VAR", 0, 1, "red"), Span("VAR", 2, 5, "dark red scarves"), Span("VAR", 6, 8, "red scarf"),
        Span("VAR", 9, 11, "zone one"), Span("VAR", 12, 14, "zone two")])
    assert [sorted(v.mentions) for v in variables] == [
        ["red", "red scarf"], ["dark red scarves"], ["zone one"], ["zone two"]]


def test_ranges_and_each_type_bounds() -> None:
    _, specs = _specs(
        "A baker bakes pies and tarts. He must bake at least 10 but at most 30 pies. He can not bake more than "
        "25 of either type.",
        [("VAR", "pies"), ("VAR", "tarts"), ("CONST_DIR", "at least"), ("LIMIT", "10"), ("CONST_DIR", "at most"),
         ("LIMIT", "30"), ("VAR", "pies"), ("CONST_DIR", "more than"), ("LIMIT", "25")])
    assert specs == [("lowerbound", ">=", 10.0, {0: 1.0}), ("upperbound", "<=", 30.0, {0: 1.0}),
                     ("upperbound", "<=", 25.0, {0: 1.0}), ("upperbound", "<=", 25.0, {1: 1.0})]


def test_money_decisions_bound_and_sum() -> None:
    _, specs = _specs(
        "Ann can invest up to $9000 in bonds and stocks. Each dollar in bonds yields $0.05 and each dollar in "
        "stocks yields $0.07. She wants at least $2000 in bonds.",
        [("CONST_DIR", "up to"), ("LIMIT", "9000"), ("VAR", "bonds"), ("VAR", "stocks"), ("VAR", "bonds"),
         ("PARAM", "0.05"), ("VAR", "stocks"), ("PARAM", "0.07"), ("CONST_DIR", "at least"), ("LIMIT", "2000"),
         ("VAR", "bonds")])
    assert specs == [("sum", "<=", 9000.0, {0: 1.0, 1: 1.0}), ("lowerbound", ">=", 2000.0, {0: 1.0})]


def test_times_as_many_reaches_across_and() -> None:
    _, specs = _specs(
        "A ferry sells deck seats and cabin seats. At least 3 times as many people prefer to save money and "
        "travel by deck seats than cabin seats.",
        [("VAR", "deck seats"), ("VAR", "cabin seats"), ("CONST_DIR", "At least"), ("PARAM", "3"),
         ("VAR", "deck seats"), ("VAR", "cabin seats")])
    assert [s[:2] for s in specs] == [("xby", ">=")]


def test_a_count_objective_takes_the_spare_coefficients() -> None:
    from modeler.strategies.base import Refusal as _Refusal  # noqa: F401  (the module imports cleanly)
    from modeler.strategies.offline import read_model

    toks, spans = hand(
        "A shop fixes bikes and cars. A bike takes 2 hours and a car takes 5 hours. The shop has 100 hours "
        "available. Each bike fixed earns $30 and each car fixed earns $90. Maximize the earnings.",
        [("VAR", "bikes"), ("VAR", "cars"), ("VAR", "bike"), ("PARAM", "2"), ("VAR", "car"), ("PARAM", "5"),
         ("LIMIT", "100"), ("CONST_DIR", "available"), ("VAR", "bike"), ("PARAM", "30"), ("VAR", "car"),
         ("PARAM", "90"), ("OBJ_DIR", "Maximize"), ("OBJ_NAME", "earnings")])
    model, understanding, confidence, _, _ = read_model(toks, spans)
    assert model["objective"]["expr"] == "30 * bikes + 90 * cars"
    assert confidence >= 0.8 and not [u for u in understanding if u["kind"] == "doubt"]


def test_an_unbounded_reading_is_refused_with_its_doubts() -> None:
    from modeler.strategies.offline import read_model

    toks, spans = hand(
        "A shop sells hats and caps. A hat gives $4 profit and a cap $3. It must sell at least 10 hats and "
        "the shop has 77 shelves and 58 hooks. Maximize profit.",
        [("VAR", "hats"), ("VAR", "caps"), ("VAR", "hat"), ("PARAM", "4"), ("VAR", "cap"), ("PARAM", "3"),
         ("CONST_DIR", "at least"), ("LIMIT", "10"), ("VAR", "hats"), ("OBJ_DIR", "Maximize"),
         ("OBJ_NAME", "profit")])
    with pytest.raises(Refusal, match="nothing limits") as e:
        read_model(toks, spans)
    assert e.value.confidence is not None and e.value.confidence < 0.3
    assert "77" in e.value.reason


def test_untagged_variables_come_from_sentence_subjects() -> None:
    from modeler.strategies.offline.name_repairs import complete_mentions

    words = [t.text for t in tokenize("A kiosk packs snacks. Each bag of chips takes 3 minutes. Each bag of "
                                      "nuts takes 4 minutes. The kiosk has 600 minutes.")]
    assert [s.text for s in complete_mentions(words, []) if s.label == "VAR"][:2] == ["chips", "nuts"]


def test_a_listed_number_after_a_limit_is_a_limit() -> None:
    from modeler.strategies.offline.repairs import relabel_numbers

    toks, spans = hand("You must throw at least 3 red balls and 2 blue balls.",
                        [("CONST_DIR", "at least"), ("LIMIT", "3"), ("VAR", "red balls"), ("VAR", "blue balls")])
    assert [(s.label, s.text) for s in relabel_numbers(toks, spans) if s.label == "LIMIT"] == [
        ("LIMIT", "3"), ("LIMIT", "2")]


def test_consistency_check_aligns_annotated_words() -> None:
    from modeler.strategies.offline.consistency import align_tags, check_document, detokenize

    words = ["A", "cook", "makes", "soup", "and", "stew", ".", "Soup", "needs", "2", "kg", "and", "stew", "3",
             "kg", "of", "meat", ";", "10", "kg", "are", "available", ".", "Soup", "earns", "$", "5", "and", "stew",
             "$", "4", ".", "Maximize", "profit", "."]
    tags = ["O", "O", "O", "B-VAR", "O", "B-VAR", "O", "B-VAR", "O", "B-PARAM", "O", "O", "B-VAR", "B-PARAM",
            "O", "O", "O", "O", "B-LIMIT", "O", "O", "B-CONST_DIR", "O", "B-VAR", "O", "O", "B-PARAM", "O",
            "B-VAR", "O", "B-PARAM", "O", "B-OBJ_DIR", "B-OBJ_NAME", "O"]
    text, offsets = detokenize(words)
    assert text.startswith("A cook makes soup and stew. Soup needs 2 kg") and "$5" in text
    assert align_tags(tokenize(text), offsets, tags)[3] == "B-VAR"
    rec = check_document(words, tags, None)
    assert rec["status"] == "optimal" and not rec["unused_params"] and not rec["unused_limits"]


# ------------------------------------------------------------------- round 3: rules against tagger slips
def test_stem_meets_plurals_of_s_nouns() -> None:
    assert stem("lenses") == stem("lens") and stem("buses") == stem("bus") and stem("gases") == stem("gas")
    assert stem("houses") != stem("bus")


def test_a_rate_per_decision_does_not_make_a_third_variable_a_resource() -> None:
    r, specs = _specs(
        "A florist makes three bouquets from roses and lilies. She has 500 roses and 300 lilies. A small bouquet "
        "uses 5 roses and 2 lilies; a medium bouquet uses 8 roses and 4 lilies; and a grand bouquet uses 12 "
        "roses and 9 lilies. The profit is $10 for each small bouquet, $18 for each medium bouquet, and $30 "
        "for each grand bouquet.",
        [("LIMIT", "500"), ("LIMIT", "300"), ("VAR", "small bouquet"), ("PARAM", "5"), ("PARAM", "2"),
         ("VAR", "medium bouquet"), ("PARAM", "8"), ("PARAM", "4"), ("VAR", "grand bouquet"), ("PARAM", "12"),
         ("PARAM", "9"), ("OBJ_NAME", "profit"), ("PARAM", "10"), ("VAR", "small bouquet"), ("PARAM", "18"),
         ("VAR", "medium bouquet"), ("PARAM", "30"), ("VAR", "grand bouquet")])
    assert [v.text for v in r.variables] == ["small bouquet", "medium bouquet", "grand bouquet"]
    assert ("linear", "<=", 500.0, {0: 5.0, 1: 8.0, 2: 12.0}) in specs


def test_money_that_has_to_be_invested_in_one_option_bounds_it() -> None:
    _, specs = _specs(
        "Tom can invest up to $8000 in gold and silver. Each dollar in gold yields $0.04 and each dollar in "
        "silver yields $0.06. At least $1500 has to be invested in gold.",
        [("CONST_DIR", "up to"), ("LIMIT", "8000"), ("VAR", "gold"), ("VAR", "silver"), ("VAR", "gold"),
         ("PARAM", "0.04"), ("VAR", "silver"), ("PARAM", "0.06"), ("CONST_DIR", "At least"), ("LIMIT", "1500"),
         ("VAR", "gold")])
    assert specs == [("sum", "<=", 8000.0, {0: 1.0, 1: 1.0}), ("lowerbound", ">=", 1500.0, {0: 1.0})]


def test_one_measure_in_other_words_per_variable_is_one_group() -> None:
    from modeler.strategies.offline.reading import read

    toks, spans = hand(
        "A band books radio slots and podcast slots. The expected reach is 4,000 listeners for each radio slot "
        "and 2,500 subscribers for a podcast slot.",
        [("VAR", "radio slots"), ("VAR", "podcast slots"), ("OBJ_NAME", "reach"), ("PARAM", "4,000"),
         ("VAR", "radio slot"), ("PARAM", "2,500"), ("VAR", "podcast slot")])
    r = read(toks, spans)
    assert [{v: c.value for v, c in f.coefs.items()} for f in r.features] == [{0: 4000.0, 1: 2500.0}]


@pytest.mark.parametrize(("text", "marks", "labels"), [
    # a bound's wording right before the number makes it a limit
    ("Team A can make at most 6 watches a day.", [("PARAM", "6"), ("VAR", "watches")], ["LIMIT"]),
    ("Each lamp costs $40 and the weekly budget is $9000.", [("VAR", "lamp"), ("PARAM", "40"), ("PARAM", "9000")],
     ["PARAM", "LIMIT"]),
    # a rate per decision after it makes it a coefficient
    ("The audience is 9000 viewers for each radio slot.", [("LIMIT", "9000"), ("VAR", "radio slot")], ["PARAM"]),
    # but a rate per day is a limit's period
    ("The oven must bake at least 60 loaves per day.", [("LIMIT", "60")], ["LIMIT"]),
    # a bound said further off in its clause
    ("The city limits the number of ads on trams from one brand to 5.", [("VAR", "trams"), ("PARAM", "5")],
     ["LIMIT"]),
    ("The minimum investment in bonds is 40 % of the total.", [("VAR", "bonds"), ("PARAM", "40 %")], ["LIMIT"]),
    ("What is the maximum profit if the profit per pie is $5?", [("VAR", "pie"), ("PARAM", "5")], ["PARAM"]),
    ("Bo decided to put $5000 of his savings in a fund.", [("PARAM", "5000"), ("VAR", "fund")], ["LIMIT"]),
    # what is at hand
    ("Ann has 8 hours available each day.", [("VAR", "Ann"), ("PARAM", "8")], ["LIMIT"]),
    # one list, one role: the first number's
    ("A jar of jam needs only 3 kg of fruit and 2 kg of sugar.", [("VAR", "jam"), ("PARAM", "3"), ("LIMIT", "2")],
     ["PARAM", "PARAM"]),
])
def test_numbers_take_their_role_from_the_words_around_them(text: str, marks: list[tuple[str, str]],
                                                           labels: list[str]) -> None:
    from modeler.strategies.offline.repairs import relabel_numbers

    toks, spans = hand(text, marks)
    assert [s.label for s in relabel_numbers(toks, spans) if s.label in {"LIMIT", "PARAM"}] == labels


def test_a_number_of_batches_objective_counts_the_variables() -> None:
    from modeler.strategies.offline.classify import objective
    from modeler.strategies.offline.reading import read

    toks, spans = hand(
        "A batch of oat cookies needs 200 g of flour and a batch of nut cookies needs 300 g of flour. There is "
        "6000 g of flour. Maximize the number of batches of cookies from flour.",
        [("VAR", "oat cookies"), ("PARAM", "200"), ("VAR", "nut cookies"), ("PARAM", "300"), ("LIMIT", "6000"),
         ("OBJ_DIR", "Maximize")])
    obj = objective(read(toks, spans), set())
    assert obj is not None and obj.kind == "count" and obj.terms == {0: 1.0, 1: 1.0}


def test_a_limit_on_the_number_of_decision_units_is_a_sum() -> None:
    _, specs = _specs(
        "A brand buys ads on trams and ferries. An ad on a tram costs $200 and an ad on a ferry costs $300. "
        "The city limits the number of ads from one brand to at most 12. How many ads should it buy?",
        [("VAR", "trams"), ("VAR", "ferries"), ("VAR", "tram"), ("PARAM", "200"), ("VAR", "ferry"), ("PARAM", "300"),
         ("CONST_DIR", "at most"), ("LIMIT", "12")])
    assert specs == [("sum", "<=", 12.0, {0: 1.0, 1: 1.0})]


def test_two_options_named_by_their_dishes_are_joined() -> None:
    from modeler.strategies.offline.reading import read

    toks, spans = hand(
        "A cafe sells two lunches. The fish option takes 4 minutes to cook. The bean option takes 3 minutes to "
        "cook. The profit per fish lunch is $5 and the profit per bean lunch is $4.",
        [("VAR", "fish option"), ("PARAM", "4"), ("VAR", "bean option"), ("PARAM", "3"), ("VAR", "fish lunch"),
         ("PARAM", "5"), ("VAR", "bean lunch"), ("PARAM", "4")])
    assert [v.mentions for v in read(toks, spans).variables] == [["fish option", "fish lunch"],
                                                                  ["bean option", "bean lunch"]]


def test_a_name_the_tagger_missed_is_found_in_a_clause_built_like_a_tagged_one() -> None:
    from modeler.strategies.offline.name_repairs import complete_mentions

    words = [t.text for t in tokenize(
        "A shop repairs washing machines and dryers. Each washing machine takes 20 minutes of plumbing. Each "
        "dryer takes 10 minutes of plumbing. He can take at most 9 jobs.")]
    toks, spans = hand(" ".join(words), [("VAR", "dryers"), ("VAR", "dryer")])
    found = [s.text for s in complete_mentions(words, spans) if s.label == "VAR"]
    assert "washing machine" in found and "He" not in found


def test_a_rate_per_the_shared_head_is_a_coefficient_of_every_variable() -> None:
    _, specs = _specs(
        "A studio makes basic desk lamps and deluxe desk lamps. The welding shop works 2 hours on each basic "
        "desk lamp and 5 hours on each deluxe desk lamp. The paint shop works 3 hours for each desk lamp. The "
        "welding shop has 80 hours available and the paint shop has 30 hours available.",
        [("VAR", "basic desk lamps"), ("VAR", "deluxe desk lamps"), ("PARAM", "2"), ("VAR", "basic desk lamp"),
         ("PARAM", "5"), ("VAR", "deluxe desk lamp"), ("PARAM", "3"), ("VAR", "desk lamp"), ("LIMIT", "80"),
         ("CONST_DIR", "available"),
         ("LIMIT", "30"), ("CONST_DIR", "available")])
    assert ("linear", "<=", 30.0, {0: 3.0, 1: 3.0}) in specs


def test_a_multiple_of_another_variable_is_never_a_bound() -> None:
    _, specs = _specs(
        "A press prints hardcover books and paperback books. There must be at least three times as many "
        "hardcover as paperback textbooks.",
        [("VAR", "hardcover books"), ("VAR", "paperback books"), ("CONST_DIR", "at least"), ("LIMIT", "three")])
    assert not [s for s in specs if s[2] == 3.0]


def test_who_makes_a_product_does_not_take_its_coefficient() -> None:
    from modeler.strategies.offline.reading import read

    toks, spans = hand(
        "Each stool produced by Oak Works nets a profit of $40. Each bench yields a $90 profit.",
        [("VAR", "stool"), ("VAR", "Oak Works"), ("OBJ_NAME", "profit"), ("PARAM", "40"), ("VAR", "bench"),
         ("PARAM", "90")])
    r = read(toks, spans)
    names = {v.index: v.text for v in r.variables}
    assert {names[c.var]: c.value for c in r.coefs} == {"stool": 40.0, "bench": 90.0}


def test_a_machine_named_after_minutes_on_it_is_a_resource() -> None:
    from modeler.strategies.offline.reading import read

    toks, spans = hand(
        "A shop makes chairs and tables using Saw A and Drill B. It takes 20 minutes on Saw A and 30 minutes "
        "on Drill B to make a chair, while it takes 40 minutes on Saw A and 10 minutes on Drill B to make a "
        "table.",
        [("VAR", "chairs"), ("VAR", "tables"), ("VAR", "Saw A"), ("VAR", "Drill B"), ("PARAM", "20"),
         ("VAR", "Saw A"), ("PARAM", "30"), ("VAR", "Drill B"), ("VAR", "chair"), ("PARAM", "40"), ("VAR", "Saw A"),
         ("PARAM", "10"), ("VAR", "Drill B"), ("VAR", "table")])
    assert [v.text for v in read(toks, spans).variables] == ["chairs", "tables"]


def test_a_generic_first_mention_does_not_swallow_two_named_variants() -> None:
    spans = [Span("VAR", 0, 1, "cake"), Span("VAR", 2, 4, "Cake A"), Span("VAR", 5, 7, "Cake B"),
             Span("VAR", 8, 10, "cake A"), Span("VAR", 11, 13, "premium one")]
    variables, _ = cluster_variables(spans)
    assert [v.mentions for v in variables] == [["cake", "Cake A", "cake A"], ["Cake B"], ["premium one"]]


def test_subjects_named_by_a_letter_are_variables() -> None:
    from modeler.strategies.offline.name_repairs import complete_mentions

    words = [t.text for t in tokenize("Oven A can bake 10 pies per hour and costs $500. Oven B can bake 30 pies per "
                                      "hour and costs $900. Minimize the cost.")]
    assert [s.text for s in complete_mentions(words, []) if s.label == "VAR"][:2] == ["Oven A", "Oven B"]


def test_investment_lists_keep_their_options() -> None:
    r, specs = _specs(
        "Eve will invest $9,000 in bonds and the gold market. Bonds yield a 3% return, whereas gold yields a "
        "return of 6%. The returns are as follows: bonds, 3%; gold, 6%; art, 8%; wine, 5%. At most 20% can be "
        "in art and the amount in wine can not exceed the amount in gold market.",
        [("LIMIT", "9,000"), ("VAR", "bonds"), ("VAR", "gold market"), ("VAR", "Bonds"), ("PARAM", "3%"),
         ("PARAM", "6%"), ("VAR", "bonds"), ("VAR", "gold"), ("VAR", "art"), ("VAR", "wine"), ("LIMIT", "20%"),
         ("VAR", "art"), ("VAR", "wine"), ("VAR", "gold market")])
    assert [v.text for v in r.variables] == ["bonds", "gold market", "art", "wine"]
    assert ("sum", "<=", 9000.0, {0: 1.0, 1: 1.0, 2: 1.0, 3: 1.0}) in specs
    assert not [s for s in specs if s[0] == "upperbound" and s[2] == 9000.0]
    assert {c.var: c.value for c in r.coefs if c.sent == 1} == {0: 0.03, 1: 0.06}


def test_respective_limits_take_the_resources_named_before_them() -> None:
    _, specs = _specs(
        "A can of Red paint contains 2 units of dye and 7 units of oil. A can of Blue paint contains 5 units of "
        "dye and 3 units of oil. The minimum requirements of dye and oil are 40 units and 60 units respectively.",
        [("VAR", "Red paint"), ("PARAM", "2"), ("PARAM", "7"), ("VAR", "Blue paint"), ("PARAM", "5"), ("PARAM", "3"),
         ("CONST_DIR", "minimum"), ("LIMIT", "40"), ("LIMIT", "60")], sense="min")
    assert specs == [("linear", ">=", 40.0, {0: 2.0, 1: 5.0}), ("linear", ">=", 60.0, {0: 7.0, 1: 3.0})]


def test_times_the_demand_for_another_is_a_comparison() -> None:
    _, specs = _specs(
        "A shop sells boots and clogs. The demand for boots is at least three times the demand for clogs.",
        [("VAR", "boots"), ("VAR", "clogs"), ("VAR", "boots"), ("CONST_DIR", "at least"), ("PARAM", "three times"),
         ("VAR", "clogs")])
    assert [s[:2] for s in specs] == [("xby", ">=")]


def test_a_pair_of_names_shares_its_head_noun() -> None:
    _, specs = _specs(
        "A shop makes red and green mugs. It can make at most 50 red mugs. At least 80 mugs must be shipped.",
        [("VAR", "red"), ("VAR", "green mugs"), ("CONST_DIR", "at most"), ("LIMIT", "50"), ("VAR", "red mugs"),
         ("CONST_DIR", "At least"), ("LIMIT", "80")])
    assert specs == [("upperbound", "<=", 50.0, {0: 1.0}), ("sum", ">=", 80.0, {0: 1.0, 1: 1.0})]


def test_an_untagged_qualifier_before_a_misspelt_head_bounds_its_variable() -> None:
    _, specs = _specs(
        "A tailor makes 2-piece and 3-piece suits. At least 40 2-piece suites should be made.",
        [("VAR", "2-piece"), ("VAR", "3-piece suits"), ("CONST_DIR", "At least"), ("LIMIT", "40")])
    assert specs == [("lowerbound", ">=", 40.0, {0: 1.0})]


# ------------------------------------------------------------------ mentions made whole (mentions.py)
def _var_texts(text: str, marks: list[tuple[str, str]]) -> list[str]:
    from modeler.strategies.offline.name_repairs import complete_mentions

    toks, spans = hand(text, marks)
    return [sp.text for sp in complete_mentions([t.text for t in toks], spans) if sp.label == "VAR"]


def test_function_words_and_numbers_are_trimmed_off_a_name() -> None:
    names = _var_texts("Kim can eat a wrap, which has 2 servings of meat, or a salad, which has 3 servings of greens.",
                       [("VAR", "wrap"), ("VAR", "has 2"), ("VAR", "salad")])
    assert names == ["wrap", "salad"]


def test_a_category_after_a_preposition_is_not_a_product() -> None:
    names = _var_texts("A shop sells oak chairs and pine chairs. The budget on chairs is $900.",
                       [("VAR", "oak chairs"), ("VAR", "pine chairs"), ("VAR", "on chairs")])
    assert names == ["oak chairs", "pine chairs"]


def test_a_container_of_a_product_is_not_a_product() -> None:
    names = _var_texts("A mill bakes rolls and buns. A tray of rolls takes 2 hours. A tray of buns takes 3 hours. "
                       "The profit per tray is $5 and $7 respectively.",
                       [("VAR", "rolls"), ("VAR", "buns"), ("VAR", "rolls"), ("VAR", "tray")])
    assert "tray" not in names and {"rolls", "buns"} <= set(names)


def test_an_untagged_item_of_a_list_with_a_shared_head_is_a_name() -> None:
    names = _var_texts("The studio makes clay pots, glass pots, and stone pots. The clay pots and stone pots sell.",
                       [("VAR", "clay pots"), ("VAR", "stone pots")])
    assert names[:3] == ["clay pots", "glass pots", "stone pots"]


def test_the_last_item_of_a_list_joined_by_commas_alone_is_a_name() -> None:
    text = "A workshop makes chairs, tables, desks, benches. Each bench takes 3 hours."
    marks = [("VAR", "chairs"), ("VAR", "tables"), ("VAR", "desks")]
    assert _var_texts(text, marks)[:4] == ["chairs", "tables", "desks", "benches"]
    # one that runs on past the list, or lists more untagged items than half the tagged ones, is no such list
    assert "benches" not in _var_texts("A workshop makes chairs, tables, desks, benches which are sold.", marks)
    assert "stools" not in _var_texts("It sells chairs, tables, desks, lamps, stools.", marks)


def test_a_list_item_cut_before_the_head_takes_it() -> None:
    names = _var_texts("It can cast iron pans, copper pans or steel pans.",
                       [("VAR", "iron pans"), ("VAR", "copper"), ("VAR", "steel pans")])
    assert names == ["iron pans", "copper pans", "steel pans"]


def test_two_names_tagged_as_one_are_split_at_or() -> None:
    names = _var_texts("You can catch crabs or shrimp. Each crab gives 3 points.", [("VAR", "crabs or shrimp")])
    assert names[:2] == ["crabs", "shrimp"]


def test_a_second_name_in_a_clause_built_like_the_first() -> None:
    names = _var_texts("A farmer can ship by truck or by his cousin. A truck can take 90 crates per trip. His cousin "
                       "can take 20 crates per trip.", [("VAR", "truck"), ("VAR", "truck")])
    assert "cousin" in names


def test_a_second_one_word_name_after_the_same_words() -> None:
    names = _var_texts("Ann runs a juice stand. It takes 4 minutes to make a glass of lemonade and 2 minutes to make "
                       "a glass of cider.", [("VAR", "lemonade")])
    assert names == ["lemonade", "cider"]


def test_who_makes_the_products_is_not_a_product() -> None:
    names = _var_texts("A ferry line offers deck seats and cabin seats. Each deck seat earns $20.",
                       [("VAR", "ferry line"), ("VAR", "deck seats"), ("VAR", "cabin seats"), ("VAR", "deck seat")])
    assert "ferry line" not in names


def test_names_told_apart_by_a_capital_letter_are_not_joined() -> None:
    from modeler.strategies.offline.variables import _join_pairs

    toks, spans = hand("Bar A and Bar B and Protein Bar A", [("VAR", "Bar A"), ("VAR", "Bar B"), ("VAR", "Protein Bar A")])
    variables, _ = cluster_variables(spans)
    assert _join_pairs(variables) == {2: 0}


def test_an_elided_amount_after_a_name_takes_the_unit_in_the_singular_too() -> None:
    from modeler.strategies.offline.repairs import elided_amounts

    toks, spans = hand("A bag of medium takes 2 minutes and a bag of dark 1 minute.",
                       [("VAR", "medium"), ("PARAM", "2"), ("VAR", "dark")])
    words = [t.text for t in toks]
    assert [sp.text for sp in elided_amounts(words, spans) if sp.label == "PARAM"] == ["2", "1"]

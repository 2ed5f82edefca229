"""Offline modeler: accented words, "a north one" for a noun, and requirement lists owed under a contract.

The sentences are written for these tests (not taken from NL4Opt). Tags are given by hand, as the
tagger's usual slips on such texts (a requirement list tagged as coefficients, only the adjective of
"a south one" tagged). No trained tagger is needed.
"""

from __future__ import annotations

from hand_tags import hand, word_list

from modeler.strategies.offline import read_model
from modeler.strategies.offline.mentions import modified_names, ones_for_noun
from modeler.strategies.offline.repairs import relabel_numbers


# ------------------------------------------------------------------------------- tokenizer
def test_accented_words_are_one_token() -> None:
    assert word_list("A café sells crème brûlée and Zürich-made piñatas.") == [
        "A", "café", "sells", "crème", "brûlée", "and", "Zürich-made", "piñatas", "."]


def test_ascii_tokenization_is_unchanged() -> None:
    assert word_list("It costs $1,200.50 (or 15%), doesn't it; x_y?") == [
        "It", "costs", "$", "1,200.50", "(", "or", "15", "%", ")", ",", "doesn't", "it", ";", "x", "_", "y", "?"]


# ------------------------------------------------------------------------------- "a north one"
def test_a_list_of_ones_after_a_plural_noun_names_that_noun() -> None:
    text = "The bakery has two ovens: a gas one and an electric one. The gas oven bakes 30 loaves."
    toks, spans = hand(text, [("VAR", "electric")])
    out = ones_for_noun([t.text for t in toks], spans)
    assert [(sp.label, sp.text) for sp in out] == [("VAR", "gas oven"), ("VAR", "electric oven")]
    assert [" ".join(t.text for t in toks[sp.start: sp.end]) for sp in out] == ["gas one", "electric one"]


def test_a_lone_one_or_a_singular_noun_is_left_alone() -> None:
    for text in ("Of the two trucks, pick the larger one.",  # a single item may point anywhere
                 "The shop sells one kind of bread: a rye one and a wheat one."):  # "bread" is not plural
        toks, spans = hand(text, [])
        assert ones_for_noun([t.text for t in toks], spans) == []


def test_a_number_inside_the_item_is_left_to_the_tagger() -> None:
    # the first "one" is tagged as a number: that item keeps its label, the second is still resolved
    toks, spans = hand("It runs two lines: a first one and a second one.", [("PARAM", "one")])
    assert [sp.text for sp in ones_for_noun([t.text for t in toks], spans) if sp.label == "VAR"] == ["second line"]


# ------------------------------------------------------------------------------- two adjectives, two names
def test_one_name_with_two_adjectives_is_two_names() -> None:
    text = "The upper quarry costs $90 a day. The lower quarry costs $70 a day."
    toks, spans = hand(text, [("VAR", "quarry"), ("VAR", "quarry")])
    assert [sp.text for sp in modified_names([t.text for t in toks], spans)] == ["upper quarry", "lower quarry"]


# ------------------------------------------------------------------------------- requirements owed
def test_numbers_owed_under_a_contract_are_limits_but_a_price_is_not() -> None:
    text = "The farm has a contract to supply a market with 40 kg of beans and 30 kg of peas at $5 a kg."
    toks, spans = hand(text, [("PARAM", "40"), ("PARAM", "30"), ("PARAM", "5")])
    assert [(sp.label, sp.text) for sp in relabel_numbers(toks, spans)] == [
        ("LIMIT", "40"), ("LIMIT", "30"), ("PARAM", "5")]


def test_coefficients_without_an_obligation_stay_coefficients() -> None:
    text = "Each hour the north pit yields 4 tons of coal and 2 tons of ore."
    toks, spans = hand(text, [("VAR", "north pit"), ("PARAM", "4"), ("PARAM", "2")])
    assert [sp.label for sp in relabel_numbers(toks, spans)] == ["VAR", "PARAM", "PARAM"]


def test_a_contract_to_provide_is_a_lower_bound_on_each_item() -> None:
    text = ("Kim runs two workshops. Workshop A costs $300 to run per day and makes 4 chairs and 2 tables. "
            "Workshop B costs $200 to run per day and makes 3 chairs and 5 tables. Kim has a contract to "
            "provide a hotel with 24 chairs and 20 tables. How many days should each workshop run to "
            "minimize cost?")
    toks, spans = hand(text, [
        ("VAR", "Workshop A"), ("OBJ_NAME", "costs"), ("PARAM", "300"), ("PARAM", "4"), ("PARAM", "2"),
        ("VAR", "Workshop B"), ("OBJ_NAME", "costs"), ("PARAM", "200"), ("PARAM", "3"), ("PARAM", "5"),
        ("PARAM", "24"), ("PARAM", "20"), ("OBJ_DIR", "minimize"), ("OBJ_NAME", "cost")])
    _, understanding, _, _, _ = read_model(toks, spans)
    rows = sorted(u["expr"] for u in understanding if u["kind"] == "constraint")
    assert rows == ["2 * workshop_a + 5 * workshop_b >= 20", "4 * workshop_a + 3 * workshop_b >= 24"]

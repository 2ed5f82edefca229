"""Offline modeler: decisions that are places or methods, the products being what they yield.

The sentences are written for these tests (not taken from NL4Opt). The tags are given by hand, as the
tagger's usual slips on such texts: the products tagged as variables, the places not, a place's number
tagged as a coefficient. No trained tagger is needed.
"""

from __future__ import annotations

from hand_tags import hand, word_list

from modeler.strategies.offline.mentions import numbered_names, run_objects
from modeler.strategies.offline.name_repairs import _split_count


# ------------------------------------------------------------------------------- numbered names
def test_a_noun_numbered_twice_is_a_name_not_a_number() -> None:
    text = ("A beekeeper collects honey and wax. Each day at hive 1 she gathers 3 jars of honey and 1 block of "
            "wax. Each day at hive 2 she gathers 2 jars of honey and 4 blocks of wax.")
    toks, spans = hand(text, [("PARAM", "1"), ("PARAM", "3"), ("PARAM", "2"), ("PARAM", "2")])
    out = numbered_names([t.text for t in toks], spans)
    assert [(sp.label, sp.text) for sp in out] == [
        ("VAR", "hive 1"), ("PARAM", "3"), ("VAR", "hive 2"), ("PARAM", "2")]


def test_a_number_that_counts_the_next_word_is_not_a_label() -> None:
    # "uses 3 units ... uses 2 units" and "makes 4 pies ... makes 5 pies": the numbers count what follows
    words = word_list("Recipe A uses 3 units of sugar and makes 4 pies. Recipe B uses 2 units of sugar and makes "
                   "5 pies.")
    assert numbered_names(words, []) == []


def test_a_noun_numbered_once_is_left_alone() -> None:
    words = word_list("The mill runs for 8 hours a day and grinds wheat at site 2 only.")
    assert numbered_names(words, []) == []


# ------------------------------------------------------------------------------- what is run
def test_what_a_sentence_runs_for_an_hour_is_a_decision() -> None:
    text = ("Operating the old furnace for an hour costs $90 and melts 4 tons of steel. Operating the new "
            "furnace for an hour costs $70 and melts 3 tons of steel.")
    out = run_objects(word_list(text), [])
    assert [sp.text for sp in out] == ["old furnace", "new furnace"]


def test_running_without_a_span_of_time_is_not_a_decision() -> None:
    words = word_list("Running the kitchen for charity costs $5. Running a bakery for years is hard.")
    assert run_objects(words, []) == []


# ------------------------------------------------------------------------------- shared-out counts
def test_a_count_shared_out_over_places_is_their_unit() -> None:
    assert _split_count(word_list("How many flyers should be handed out at each station?")) == {"flyer"}
    # "litres of water": both the unit and the stuff name the count
    assert _split_count(word_list("How many litres of water should be pumped from each well?")) == {"litre", "water"}


def test_a_count_of_each_decision_is_not_shared_out() -> None:
    # the count is of the decisions themselves
    assert _split_count(word_list("How many bottles of each juice should be made?")) == set()
    assert _split_count(word_list("How many of each should be bought?")) == set()
    # no "each": nothing is shared out
    assert _split_count(word_list("How many tables should be built?")) == set()


def test_places_become_the_variables_when_the_products_are_tagged() -> None:
    from modeler.strategies.offline.reading import read

    text = ("A gardener must harvest at least 40 tomatoes and 25 peppers. He tends two plots. For each hour "
            "at plot 1 he works, he can harvest 6 tomatoes and 2 peppers. For each hour at plot 2 he works, "
            "he can harvest 4 tomatoes and 5 peppers. How many hours should he work at each plot to minimize "
            "his time?")
    toks, spans = hand(text, [
        ("CONST_DIR", "at least"), ("LIMIT", "40"), ("VAR", "tomatoes"), ("LIMIT", "25"), ("VAR", "peppers"),
        ("PARAM", "1"), ("PARAM", "6"), ("VAR", "tomatoes"), ("PARAM", "2"), ("VAR", "peppers"), ("PARAM", "2"),
        ("PARAM", "4"), ("VAR", "tomatoes"), ("PARAM", "5"), ("VAR", "peppers"), ("OBJ_DIR", "minimize")])
    r = read(toks, spans)
    assert [v.text for v in r.variables] == ["plot 1", "plot 2"]
    assert {(c.var, c.value) for c in r.coefs} >= {(0, 6.0), (0, 2.0), (1, 4.0), (1, 5.0)}


def test_the_shared_out_count_gives_way_to_the_places() -> None:
    from modeler.strategies.offline.reading import read

    text = ("A charity hands out leaflets at two fairs: the spring fair and the autumn fair. At the spring "
            "fair, a leaflet costs $2 and reaches 30 people. At the autumn fair, a leaflet costs $3 and reaches "
            "50 people. The budget is $600. How many leaflets should be handed out at each fair to reach the "
            "most people?")
    toks, spans = hand(text, [
        ("VAR", "spring fair"), ("VAR", "autumn fair"), ("VAR", "spring fair"), ("VAR", "leaflet"),
        ("PARAM", "2"), ("PARAM", "30"), ("VAR", "autumn fair"), ("VAR", "leaflet"), ("PARAM", "3"),
        ("PARAM", "50"), ("CONST_DIR", "budget"), ("LIMIT", "600"), ("VAR", "leaflets")])
    r = read(toks, spans)
    assert [v.text for v in r.variables] == ["spring fair", "autumn fair"]

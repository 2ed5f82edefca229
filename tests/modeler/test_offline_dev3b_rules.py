"""Offline modeler: general English readings the third fresh development set showed missing (round
dev-v14, helper B) -- a name never swallows a verb of measure and its number ("a ferry carries 40"); when
the question asks "how many ... of each", the subjects of per-unit clauses are the decisions ("an evening
at the Granary holds 150", "a van delivery earns $40", "an hour of paddling 350"); a price list item after
"and" is not counted out; one qualifier pair over two heads is one pair of decisions; an aside after a
comma and a new clause's subject are no names; the plural noun that opens a list is a name.

The sentences are written for these tests (not taken from any data set). Tags are given by hand, as the
tagger gives them on such texts. No trained tagger is needed.
"""

from __future__ import annotations

from hand_tags import hand, model_of, word_list

from modeler.strategies.offline.entities import Span
from modeler.strategies.offline.mentions import tidy_mentions


# ------------------------------------------------------------------ a name never takes "verb + number"
def test_a_name_stops_before_a_verb_of_measure_and_its_number() -> None:
    text = ("A ferry line runs ferries and water taxis. A ferry carries 40 passengers and costs $300 per day, "
            "and a water taxi carries 8 and costs $70. At least 600 passenger places are needed each day and at "
            "most 20 boats can be crewed. How many of each should be run to minimize the daily cost?")
    toks, spans = hand(text, [("VAR", "ferries"), ("VAR", "water taxis"), ("VAR", "ferry"), ("PARAM", "40"),
                              ("OBJ_NAME", "costs"), ("PARAM", "300"), ("VAR", "water taxi carries 8"),
                              ("OBJ_NAME", "costs"), ("PARAM", "70"), ("CONST_DIR", "At least"), ("LIMIT", "600"),
                              ("CONST_DIR", "at most"), ("LIMIT", "20"), ("OBJ_DIR", "minimize"),
                              ("OBJ_NAME", "cost")])
    goal, rows = model_of(toks, spans)
    assert goal == "min 300 * ferry + 70 * water_taxis"
    assert "40 * ferry + 8 * water_taxis >= 600" in rows


def test_a_tagged_verb_and_spelt_number_leave_the_name() -> None:
    words = word_list("A bunk bed sleeps two and a single bed sleeps one person.")
    spans = tidy_mentions(words, [hand_span(words, "VAR", "bunk bed sleeps two"),
                                  hand_span(words, "VAR", "single bed sleeps")])
    assert [(sp.label, sp.text) for sp in spans] == [("VAR", "bunk bed"), ("PARAM", "two"), ("VAR", "single bed")]


def hand_span(words: list[str], label: str, phrase: str) -> Span:
    ph = phrase.split()
    k = next(k for k in range(len(words)) if words[k: k + len(ph)] == ph)
    return Span(label, k, k + len(ph), phrase)


# ------------------------------------------------- per-unit clauses name the decisions ("a slot at X")
def test_a_unit_at_a_place_names_the_place_when_the_question_asks_for_each() -> None:
    text = ("A choir books rehearsal evenings in two halls. An evening at the Granary holds 150 singers and "
            "costs $600; an evening at the Chapel holds 60 singers and costs $200. At least 1,200 singer "
            "places are needed and at least 5 evenings must be booked. How many evenings should be booked at "
            "each hall to minimize the cost?")
    toks, spans = hand(text, [("PARAM", "150"), ("OBJ_NAME", "costs"), ("PARAM", "600"), ("PARAM", "60"),
                              ("OBJ_NAME", "costs"), ("PARAM", "200"), ("CONST_DIR", "At least"), ("LIMIT", "1,200"),
                              ("CONST_DIR", "at least"), ("LIMIT", "5"), ("OBJ_DIR", "minimize"),
                              ("OBJ_NAME", "cost")])
    goal, rows = model_of(toks, spans)
    assert goal == "min 600 * granary + 200 * chapel"
    assert "150 * granary + 60 * chapel >= 1200" in rows


def test_two_names_with_one_head_are_two_decisions() -> None:
    text = ("A courier plans its deliveries. A van delivery earns $40 and takes 2 hours; a cargo-bike delivery "
            "earns $15 and takes 1 hour. Riders have 100 hours in total. How many deliveries of each kind "
            "should be made to maximize earnings?")
    toks, spans = hand(text, [("PARAM", "40"), ("PARAM", "2"), ("PARAM", "15"), ("PARAM", "1"),
                              ("LIMIT", "100"), ("VAR", "deliveries"), ("OBJ_DIR", "maximize"),
                              ("OBJ_NAME", "earnings")])
    goal, rows = model_of(toks, spans)
    assert goal == "max 40 * van_delivery + 15 * cargo_bike_delivery"
    assert "2 * van_delivery + cargo_bike_delivery <= 100" in rows


def test_a_cue_tag_before_a_verb_of_measure_is_a_name() -> None:
    text = ("A taxi firm must seat 210 passengers. A saloon carries 4 passengers and costs $60 per day; a "
            "minicab carries 7 passengers and costs $90 per day. At most 40 drivers are available. How many "
            "vehicles of each type should be hired to minimize the cost?")
    toks, spans = hand(text, [("LIMIT", "210"), ("VAR", "saloon"), ("PARAM", "4"), ("VAR", "passengers"),
                              ("OBJ_NAME", "costs"),
                              ("PARAM", "60"), ("CONST_DIR", "minicab carries"), ("PARAM", "7"),
                              ("OBJ_NAME", "costs"), ("PARAM", "90"), ("CONST_DIR", "At most"), ("LIMIT", "40"),
                              ("CONST_DIR", "available"), ("OBJ_DIR", "minimize"), ("OBJ_NAME", "cost")])
    goal, rows = model_of(toks, spans)
    assert goal == "min 60 * saloon + 90 * minicab"
    assert "saloon + minicab <= 40" in rows


def test_units_of_a_thing_join_the_thing_unit_name() -> None:
    text = ("A kitchen bakes trays of scones and trays of muffins. Each scone tray uses 2 kilograms of flour "
            "and each muffin tray uses 3 kilograms; 90 kilograms of flour are available. The profit is $20 per "
            "tray of scones and $26 per tray of muffins. How many trays of each kind should be baked to "
            "maximize profit?")
    toks, spans = hand(text, [("VAR", "scone tray"), ("PARAM", "2"), ("PARAM", "3"), ("LIMIT", "90"),
                              ("CONST_DIR", "available"), ("OBJ_NAME", "profit"), ("PARAM", "20"),
                              ("PARAM", "26"), ("OBJ_DIR", "maximize"), ("OBJ_NAME", "profit")])
    goal, rows = model_of(toks, spans)
    assert goal == "max 20 * trays_of_scones + 26 * trays_of_muffins"
    assert "2 * trays_of_scones + 3 * trays_of_muffins <= 90" in rows


# ------------------------------------------------------------- variables kept, dropped and joined
def test_a_price_list_item_is_not_counted_out_by_the_number_before_it() -> None:
    text = ("A joinery makes stools, benches and cabinets. A stool needs 2 hours of carving, a bench needs 3 "
            "hours and a cabinet needs 6 hours; 90 hours of carving are available. Stools sell for $30, benches "
            "for $45 and cabinets for $120, and a hotel has ordered at least 4 cabinets. How many pieces of each "
            "kind should be made to maximize revenue?")
    toks, spans = hand(text, [("VAR", "stools"), ("VAR", "benches"), ("VAR", "cabinets"), ("VAR", "stool"),
                              ("PARAM", "2"), ("VAR", "bench"), ("PARAM", "3"), ("PARAM", "6"), ("LIMIT", "90"),
                              ("CONST_DIR", "available"), ("VAR", "Stools"), ("PARAM", "30"), ("VAR", "benches"),
                              ("PARAM", "45"), ("VAR", "cabinets"), ("PARAM", "120"), ("CONST_DIR", "at least"),
                              ("LIMIT", "4"), ("VAR", "cabinets"), ("OBJ_DIR", "maximize"),
                              ("OBJ_NAME", "revenue")])
    goal, rows = model_of(toks, spans)
    assert goal == "max 30 * stools + 45 * benches + 120 * cabinets"
    assert "2 * stools + 3 * benches + 6 * cabinets <= 90" in rows


def test_a_second_price_after_and_is_not_a_resource() -> None:
    text = ("A stadium sells box seats and terrace seats. A box seat takes 2 square metres and a terrace seat "
            "1 square metre; 3,000 square metres are free. Box tickets sell for $90 and terrace tickets for "
            "$40. How many seats of each type should be built to maximize ticket revenue?")
    toks, spans = hand(text, [("VAR", "box seats"), ("VAR", "terrace seats"), ("VAR", "box seat"), ("PARAM", "2"),
                              ("VAR", "terrace seat"), ("PARAM", "1"), ("LIMIT", "3,000"), ("VAR", "Box tickets"),
                              ("PARAM", "90"), ("VAR", "terrace tickets"), ("PARAM", "40"),
                              ("OBJ_DIR", "maximize"), ("OBJ_NAME", "revenue")])
    goal, rows = model_of(toks, spans)
    assert goal == "max 90 * box_seats + 40 * terrace_seats"
    assert "2 * box_seats + terrace_seats <= 3000" in rows


def test_one_qualifier_pair_over_two_heads_is_one_pair_of_decisions() -> None:
    from modeler.strategies.offline.reading import Variable
    from modeler.strategies.offline.variables import _join_pairs

    names = ["East field", "West field", "East wheat", "West wheat"]
    variables = [Variable(i, [n], set()) for i, n in enumerate(names)]
    assert _join_pairs(variables) == {2: 0, 3: 1}


def test_an_aside_after_a_comma_is_no_name() -> None:
    from modeler.strategies.offline.unseen import coordinated_names

    vocab = frozenset("a premium seat with takes up square metre".split())
    words = word_list("A premium seat, with extra legroom, takes up 1 square metre.")
    spans = [Span("VAR", 1, 3, "premium seat")]
    assert coordinated_names(words, spans, vocab) == spans


def test_a_new_clause_subject_after_and_is_no_name() -> None:
    from modeler.strategies.offline.unseen import coordinated_names

    vocab = frozenset("the fermenters can make no more than litres of mead and has empty jars".split())
    words = word_list("The fermenters can make no more than 400 litres of mead, and the cellar has 900 empty jars.")
    k = words.index("mead")
    spans = [Span("VAR", k, k + 1, "mead")]
    assert coordinated_names(words, spans, vocab) == spans


# ------------------------------------------- per-unit clauses: verb left out, bare subjects, kinds
def test_a_unit_of_a_thing_with_its_verb_left_out_names_the_thing_too() -> None:
    text = ("Ann wants to burn at least 2,000 calories a week by hiking, paddling and skating. An hour of "
            "hiking burns 400 calories, an hour of paddling 350 and an hour of skating 500. Each hour costs her "
            "$2 for hiking, $6 for paddling and $9 for skating, respectively. How many hours of each should she "
            "do to minimize the cost?")
    words = word_list(text)
    toks, spans = hand(text, [("CONST_DIR", "at least"), ("LIMIT", "2,000"), ("VAR", "paddling"),
                              ("VAR", "skating"), ("LIMIT", "400"), ("VAR", "paddling"), ("PARAM", "350"),
                              ("VAR", "skating"), ("PARAM", "500")])
    from modeler.strategies.offline.mentions import per_unit_names

    names = [sp.text for sp in per_unit_names(words, spans) if sp.label == "VAR"]
    assert names == ["paddling", "skating", "hiking", "paddling", "skating"]  # "Each hour costs" is no name


def test_a_bare_sentence_subject_from_a_place_is_a_decision_and_who_decides_is_not() -> None:
    from modeler.strategies.offline.mentions import per_unit_names

    text = ("A sawmill needs exactly 900 tonnes of logs. Timber from Oak ridge costs $40 per tonne; timber from "
            "Pine valley costs $30 per tonne. How many tonnes should come from each site?")
    words = word_list(text)
    k = words.index("Pine")
    spans = [Span("VAR", k - 2, k + 2, "timber from Pine valley")]
    names = [sp.text for sp in per_unit_names(words, spans) if sp.label == "VAR"]
    assert names == ["Oak ridge", "timber from Pine valley"]


def test_the_shared_head_is_the_kind_and_a_hyphen_part_names_its_decision() -> None:
    text = ("A charity runs two kinds of fundraising events. A street event collects $500 and needs 3 volunteers; "
            "a school-hall event collects $1,200 and needs 8 volunteers. 60 volunteers are available, and the "
            "halls can be booked for at most 4 events. How many events of each kind should be run to "
            "maximize the money raised?")
    toks, spans = hand(text, [("PARAM", "500"), ("PARAM", "3"), ("PARAM", "1,200"), ("PARAM", "8"),
                              ("LIMIT", "60"), ("CONST_DIR", "available"), ("CONST_DIR", "at most"), ("LIMIT", "4"),
                              ("VAR", "events"), ("OBJ_DIR", "maximize"), ("OBJ_NAME", "money raised")])
    goal, rows = model_of(toks, spans)
    assert goal == "max 500 * street_event + 1200 * school_hall_event"
    assert "school_hall_event <= 4" in rows
    assert "3 * street_event + 8 * school_hall_event <= 60" in rows


def test_a_tagged_name_cut_short_takes_the_rest_of_its_clause_subject() -> None:
    from modeler.strategies.offline.mentions import per_unit_names

    text = ("Each radio spot costs $800 and reaches 20,000 listeners; each poster board costs $500 and reaches "
            "9,000 people. How many of each should be bought?")
    words = word_list(text)
    k = words.index("poster")
    spans = [Span("VAR", 1, 2, "radio"), Span("VAR", k, k + 2, "poster board")]
    names = [sp.text for sp in per_unit_names(words, spans) if sp.label == "VAR"]
    assert names == ["radio spot", "poster board"]


# ---------------------------------------------------------------- lists of names: the first item
def test_a_plural_noun_opening_a_list_after_a_possessive_is_a_name() -> None:
    from modeler.strategies.offline.name_repairs import complete_mentions

    words = word_list("A ferry firm schedules sailings for its catamarans, hydrofoils and car ferries.")
    k = words.index("hydrofoils")
    spans = [Span("VAR", k, k + 1, "hydrofoils"), Span("VAR", k + 2, k + 4, "car ferries")]
    names = [sp.text for sp in complete_mentions(words, spans) if sp.label == "VAR"]
    assert names == ["catamarans", "hydrofoils", "car ferries"]
    words = word_list("A dairy sells two cheeses, brie and gouda.")
    k = words.index("brie")
    spans = [Span("VAR", k, k + 1, "brie"), Span("VAR", k + 2, k + 3, "gouda")]
    assert [sp.text for sp in complete_mentions(words, spans) if sp.label == "VAR"] == ["brie", "gouda"]


def test_a_plural_noun_before_and_keeps_its_own_head() -> None:
    from modeler.strategies.offline.name_repairs import complete_mentions

    words = word_list("The shop sells lamps and floor cushions.")
    k = words.index("lamps")
    spans = [Span("VAR", k, k + 1, "lamps"), Span("VAR", k + 2, k + 4, "floor cushions")]
    assert [sp.text for sp in complete_mentions(words, spans) if sp.label == "VAR"] == ["lamps", "floor cushions"]
    words = word_list("The shop sells small and large cushions.")
    k = words.index("small")
    spans = [Span("VAR", k, k + 1, "small"), Span("VAR", k + 2, k + 4, "large cushions")]
    assert [sp.text for sp in complete_mentions(words, spans) if sp.label == "VAR"] == ["small cushions",
                                                                                       "large cushions"]

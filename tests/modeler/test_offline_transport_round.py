"""Offline modeler: readings of transportation and production problems in NL4Opt's crowd voice, which the
twenty-fifth fresh development set (vehicles and trips, shipping, factories and workshops) showed missing
(round dev25, helper h107): an amount in the unit the question counts, a goal naming one kind, a part of a
total, what someone only allows, trips made by vehicles, options said with the same relative clause.

The sentences are written for these tests (not taken from any data set). Tags are given by hand, as the
tagger gives them on such texts. No trained tagger is needed.
"""

from __future__ import annotations

from hand_tags import hand, model_of, word_list


def test_a_carried_amount_in_the_asked_unit_is_no_money_row() -> None:
    # "The barge can carry at most 9000 tonnes" while "The barge line earns $12 per tonne of sand": the money
    # group's words ("barge") do not make the tonnes a weighted row
    text = ("A river barge carries sand and gravel. The barge can carry at most 9000 tonnes. A tonne of sand takes "
            "0.7 cubic meters and a tonne of gravel takes 0.6 cubic meters, and the hold has 6000 cubic meters. "
            "The barge line earns $12 per tonne of sand and $9 per tonne of gravel. How many tonnes of each should "
            "the barge carry to maximize revenue?")
    toks, spans = hand(text, [("VAR", "sand"), ("VAR", "gravel"), ("CONST_DIR", "at most"), ("LIMIT", "9000"),
                              ("VAR", "sand"), ("PARAM", "0.7"), ("VAR", "gravel"), ("PARAM", "0.6"),
                              ("LIMIT", "6000"), ("OBJ_NAME", "earns"), ("PARAM", "12"), ("VAR", "sand"),
                              ("PARAM", "9"), ("VAR", "gravel"), ("OBJ_DIR", "maximize"), ("OBJ_NAME", "revenue")])
    _, rows = model_of(toks, spans)
    assert "sand + gravel <= 9000" in rows, rows


def test_a_goal_saying_one_whole_name_counts_that_kind_alone() -> None:
    text = ("A workshop builds canoes and kayaks. Each canoe needs 6 hours of labor and each kayak needs 4 hours of "
            "labor, and 240 hours of labor are available. At least 10 canoes must be built for a rental club. The "
            "owner wants to build as many kayaks as possible. How many of each should be built?")
    toks, spans = hand(text, [("VAR", "canoes"), ("VAR", "kayaks"), ("VAR", "canoe"), ("PARAM", "6"),
                              ("VAR", "kayak"), ("PARAM", "4"), ("LIMIT", "240"), ("CONST_DIR", "available"),
                              ("CONST_DIR", "At least"), ("LIMIT", "10"), ("VAR", "canoes"), ("VAR", "kayaks")])
    goal, _ = model_of(toks, spans)
    assert goal == "max kayaks", goal


def test_a_limit_after_including_is_a_part_not_the_total() -> None:
    text = ("A cement plant makes bagged cement and bulk cement. It must make at least 600 tonnes of cement in total, "
            "including at least 150 tonnes of bagged cement. A tonne of bagged cement takes 2 hours of packing time "
            "and a tonne of bulk cement takes 0.5 hours, and 900 hours are available. Bagged cement costs $70 per "
            "tonne and bulk cement costs $50 per tonne. How many tonnes of each should be made to minimize cost?")
    toks, spans = hand(text, [("VAR", "bagged cement"), ("VAR", "bulk cement"), ("CONST_DIR", "at least"),
                              ("LIMIT", "600"), ("CONST_DIR", "at least"), ("LIMIT", "150"),
                              ("VAR", "bagged cement"), ("PARAM", "2"), ("VAR", "bulk cement"), ("PARAM", "0.5"),
                              ("LIMIT", "900"), ("CONST_DIR", "available"), ("VAR", "Bagged cement"),
                              ("OBJ_NAME", "costs"), ("PARAM", "70"), ("VAR", "bulk cement"), ("PARAM", "50"),
                              ("OBJ_DIR", "minimize"), ("OBJ_NAME", "cost")])
    _, rows = model_of(toks, spans)
    assert "bagged_cement >= 150" in rows, rows
    assert "bagged_cement + bulk_cement >= 600" in rows, rows


def test_what_someone_only_allows_is_a_limit() -> None:
    text = ("A quarry moves stone by lorry and by wagon. A lorry trip carries 20 tonnes and costs $300, and a wagon "
            "trip carries 50 tonnes and costs $900. The quarry has a budget of $18000, and the town only allows 12 "
            "lorry trips. How many trips of each should be made to maximize the tonnes moved?")
    toks, spans = hand(text, [("VAR", "lorry"), ("VAR", "wagon"), ("VAR", "lorry trip"), ("PARAM", "20"),
                              ("OBJ_NAME", "costs"), ("PARAM", "300"), ("VAR", "wagon trip"), ("PARAM", "50"),
                              ("PARAM", "900"), ("CONST_DIR", "budget"), ("LIMIT", "18000"), ("PARAM", "12"),
                              ("OBJ_DIR", "maximize")])
    _, rows = model_of(toks, spans)
    assert "lorry <= 12" in rows, rows


def test_what_one_of_a_kind_only_allows_stays_a_coefficient() -> None:
    from modeler.strategies.offline.repairs import _permits_only

    toks, spans = hand("Each day pass only allows 2 rides and costs $15.", [("PARAM", "2"), ("PARAM", "15")])
    assert not _permits_only(toks, spans[0])


def test_an_unseen_word_before_and_a_new_clause_subject_is_no_name() -> None:
    from modeler.strategies.offline.unseen import coordinated_names

    text = ("A courier firm hires van drivers and cyclists. A van driver is paid $120 for the weekend and a cyclist "
            "is paid $70.")
    words = word_list(text)
    _, spans = hand(text, [("VAR", "van drivers"), ("VAR", "cyclists"), ("VAR", "van driver"), ("PARAM", "120"),
                           ("VAR", "cyclist"), ("PARAM", "70")])
    vocabulary = frozenset(w.lower() for w in words) - {"weekend"}
    names = [sp.text for sp in coordinated_names(words, spans, vocabulary) if sp.label == "VAR"]
    assert "weekend" not in names, names


def test_trips_made_by_a_vehicle_do_not_make_it_a_maker() -> None:
    from modeler.strategies.offline.mentions import tidy_mentions

    text = ("A farm sends milk in small tankers that carry 8 tonnes or large tankers that carry 20 tonnes. At least "
            "half of all trips must be made by small tankers.")
    words = word_list(text)
    _, spans = hand(text, [("VAR", "small tankers"), ("PARAM", "8"), ("VAR", "large tankers"), ("PARAM", "20"),
                           ("VAR", "small tankers")])
    names = [sp.text for sp in tidy_mentions(words, spans) if sp.label == "VAR"]
    assert names.count("small tankers") == 2, names


def test_products_made_by_a_firm_still_name_a_maker() -> None:
    from modeler.strategies.offline.mentions import tidy_mentions

    text = "Each desk produced by Oak Works needs 3 hours, and each shelf needs 1 hour."
    words = word_list(text)
    _, spans = hand(text, [("VAR", "desk"), ("VAR", "Oak Works"), ("PARAM", "3"), ("VAR", "shelf"), ("PARAM", "1")])
    names = [sp.text for sp in tidy_mentions(words, spans) if sp.label == "VAR"]
    assert "Oak Works" not in names, names


def test_one_vehicle_said_after_by_and_the_is_how_the_decisions_go() -> None:
    text = ("A cidery bottles dry cider and sweet cider and sends them to a shop by van in crates. The van can take at "
            "most 300 crates. Bottling a crate of dry cider takes 0.25 hours and a crate of sweet cider takes 0.2 "
            "hours, and the line is available for 70 hours. The profit is $40 per crate of dry cider and $32 per "
            "crate of sweet cider. How many crates of each should be sent to maximize profit?")
    toks, spans = hand(text, [("VAR", "dry cider"), ("VAR", "sweet cider"), ("VAR", "van"), ("VAR", "crates"),
                              ("CONST_DIR", "at most"), ("LIMIT", "300"), ("VAR", "crates"), ("VAR", "dry cider"),
                              ("PARAM", "0.25"), ("VAR", "sweet cider"), ("PARAM", "0.2"),
                              ("CONST_DIR", "available"), ("LIMIT", "70"), ("OBJ_NAME", "profit"), ("PARAM", "40"),
                              ("VAR", "dry cider"), ("PARAM", "32"), ("VAR", "sweet cider"), ("OBJ_DIR", "maximize"),
                              ("OBJ_NAME", "profit")])
    goal, rows = model_of(toks, spans)
    assert goal == "max 40 * dry_cider + 32 * sweet_cider", goal
    assert "dry_cider + sweet_cider <= 300" in rows, rows


def test_a_word_two_names_say_names_neither_on_its_own() -> None:
    text = ("A mill sends flour by river and by road. Sending by river costs $11 per tonne and sending by road "
            "costs $16 per tonne. The mill must send at least 5000 tonnes of flour. The river quay can take at most "
            "3000 tonnes. How many tonnes should be sent each way to minimize the cost?")
    toks, spans = hand(text, [("VAR", "river"), ("VAR", "Sending by river"), ("OBJ_NAME", "costs"), ("PARAM", "11"),
                              ("VAR", "sending by road"), ("OBJ_NAME", "costs"), ("PARAM", "16"),
                              ("CONST_DIR", "at least"), ("LIMIT", "5000"), ("CONST_DIR", "at most"),
                              ("LIMIT", "3000"), ("OBJ_DIR", "minimize"), ("OBJ_NAME", "cost")])
    _, rows = model_of(toks, spans)
    assert any(row.endswith(">= 5000") and " + " in row for row in rows), rows


def test_options_said_with_the_same_relative_clause_are_siblings() -> None:
    from modeler.strategies.offline.unseen import coordinated_names

    text = ("A landscaper must haul at least 900 cubic meters of mulch using flatbeds that carry 9 cubic meters per "
            "load and tippers that carry 15 cubic meters per load.")
    words = word_list(text)
    _, spans = hand(text, [("CONST_DIR", "at least"), ("LIMIT", "900"), ("PARAM", "9"), ("VAR", "tippers"),
                           ("PARAM", "15")])
    names = [sp.text for sp in coordinated_names(words, spans, None) if sp.label == "VAR"]
    assert "flatbeds" in names, names


def test_options_said_with_the_same_relative_clause_name_the_decisions_when_none_is_tagged() -> None:
    from modeler.strategies.offline.unseen import coordinated_names

    text = ("A baker can send bread with her hatchback, which carries 40 loaves per run, or with a delivery van, "
            "which carries 150 loaves per run.")
    words = word_list(text)
    _, spans = hand(text, [("PARAM", "40"), ("PARAM", "150")])
    names = [sp.text for sp in coordinated_names(words, spans, None) if sp.label == "VAR"]
    assert names == ["hatchback", "delivery van"], names


def test_a_case_of_a_named_product_is_its_container() -> None:
    from modeler.strategies.offline.mentions import tidy_mentions

    text = ("A dairy packs plain yogurt and fruit yogurt in cases. Packing a case of plain yogurt takes 0.1 hours and "
            "a case of fruit yogurt takes 0.15 hours.")
    words = word_list(text)
    _, spans = hand(text, [("VAR", "plain yogurt"), ("VAR", "fruit yogurt"), ("VAR", "cases"), ("VAR", "case"),
                           ("VAR", "plain yogurt"), ("PARAM", "0.1"), ("VAR", "fruit yogurt"), ("PARAM", "0.15")])
    names = [sp.text for sp in tidy_mentions(words, spans) if sp.label == "VAR"]
    assert "cases" not in names and "case" not in names, names


def test_a_number_after_a_name_with_its_verb_left_out_is_a_coefficient() -> None:
    from modeler.strategies.offline.repairs import relabel_numbers

    text = ("A bakery packs small, medium and large trays. A small tray uses 2 sheets of foil, a medium tray 3 sheets "
            "and a large tray 5 sheets, and 600 sheets of foil are available.")
    toks, spans = hand(text, [("VAR", "small"), ("VAR", "medium"), ("VAR", "large trays"), ("VAR", "small"),
                              ("PARAM", "2"), ("VAR", "medium"), ("LIMIT", "3"), ("VAR", "large tray"),
                              ("LIMIT", "5"), ("LIMIT", "600"), ("CONST_DIR", "available")])
    labels = {sp.text: sp.label for sp in relabel_numbers(toks, spans) if sp.label in {"PARAM", "LIMIT"}}
    assert labels == {"2": "PARAM", "3": "PARAM", "5": "PARAM", "600": "LIMIT"}, labels


def test_the_time_a_line_runs_for_is_its_limit() -> None:
    from modeler.strategies.offline.repairs import _works_hours

    text = ("Sealing takes 4 seconds for a jar and 6 seconds for a tin, and the line runs for 5000 seconds. A jar "
            "earns $1 and a tin earns $2.")
    toks, spans = hand(text, [("PARAM", "4"), ("VAR", "jar"), ("PARAM", "6"), ("VAR", "tin"), ("LIMIT", "5000"),
                              ("VAR", "jar"), ("PARAM", "1"), ("VAR", "tin"), ("PARAM", "2")])
    assert _works_hours(toks, spans, spans[4])


def test_a_device_that_needs_to_be_run_for_minutes_states_a_need() -> None:
    from modeler.strategies.offline.repairs import _works_hours

    text = "To make a crate of B, the press needs to be run for 7 minutes and the saw for 3 minutes."
    toks, spans = hand(text, [("VAR", "B"), ("PARAM", "7"), ("PARAM", "3")])
    assert not _works_hours(toks, spans, spans[1])

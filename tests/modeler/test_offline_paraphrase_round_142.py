"""Offline modeler: readings that rewrites of NL4Opt training problems (para3, parts G and H, helper h142)
showed missing: a bound said after its amount ("275 units or fewer"), and a limit "each of the two machines"
has when the machines are named one by one with a hyphened word ("the line-printing machine").

The sentences are written for these tests (not taken from any data set). Tags are given by hand, as the
tagger gives them on such texts. No trained tagger is needed.
"""

from __future__ import annotations

from hand_tags import hand, model_of


def test_or_fewer_after_the_amount_is_a_most_whatever_duty_word_before() -> None:
    # "expects that weekly demand will be 90 lamps or fewer in total": "demand" asks a least, "or fewer" says
    # a most
    text = ("A workshop makes desk lamps and floor lamps. A desk lamp costs $30 to make and a floor lamp costs $50. "
            "The owner can spend at most $3000, and expects that weekly demand will be 90 lamps or fewer in total. "
            "A desk lamp earns $12 of profit and a floor lamp earns $20. How many of each should be made to "
            "maximize profit?")
    toks, spans = hand(text, [("VAR", "desk lamps"), ("VAR", "floor lamps"), ("VAR", "desk lamp"), ("PARAM", "30"),
                              ("VAR", "floor lamp"), ("PARAM", "50"), ("CONST_DIR", "at most"), ("LIMIT", "3000"),
                              ("LIMIT", "90"), ("VAR", "desk lamp"), ("PARAM", "12"), ("OBJ_NAME", "profit"),
                              ("VAR", "floor lamp"), ("PARAM", "20"), ("OBJ_DIR", "maximize"),
                              ("OBJ_NAME", "profit")])
    _, rows = model_of(toks, spans)
    assert "desk_lamps + floor_lamps <= 90" in rows, rows


def test_or_less_and_or_more_after_the_unit() -> None:
    from modeler.strategies.offline.limit_sense import _or_less_after
    from modeler.strategies.offline.reading import read

    def sense(text: str, number: str) -> str | None:
        toks, spans = hand(text, [("LIMIT", number)])
        return _or_less_after(read(toks, spans), spans[0])

    assert sense("She keeps her sodium to 30 units or less.", "30") == "<="
    assert sense("The club needs 12 volunteers or more.", "12") == ">="
    # a list of kinds is no bound ("40 pens or pencils"), nor a rate's "or" ("3 per day or 20 per week")
    assert sense("The shop sells 40 pens or pencils.", "40") is None
    assert sense("He works 3 hours per day or more.", "3") is None


def test_each_of_two_machines_named_with_a_hyphened_word_has_its_own_limit() -> None:
    # "the cutting machine" and "the hand-finishing machine": two machines, each up to 600 minutes, not 1200
    text = ("A mill makes oak boards and pine boards, and each board goes through the cutting machine and the "
            "hand-finishing machine. The cutting machine takes 3 minutes per oak board and 2 minutes per pine "
            "board. The hand-finishing machine takes 5 minutes per oak board and 4 minutes per pine board. Each "
            "of the two machines can run for up to 600 minutes a week. An oak board earns $9 and a pine board "
            "earns $6. How many of each should be made to maximize profit?")
    toks, spans = hand(text, [("VAR", "oak boards"), ("VAR", "pine boards"), ("PARAM", "3"), ("VAR", "oak board"),
                              ("PARAM", "2"), ("VAR", "pine board"), ("PARAM", "5"), ("VAR", "oak board"),
                              ("PARAM", "4"), ("VAR", "pine board"), ("CONST_DIR", "up to"), ("LIMIT", "600"),
                              ("VAR", "oak board"), ("PARAM", "9"), ("VAR", "pine board"), ("PARAM", "6"),
                              ("OBJ_DIR", "maximize"), ("OBJ_NAME", "profit")])
    _, rows = model_of(toks, spans)
    assert "3 * oak_boards + 2 * pine_boards <= 600" in rows, rows
    assert "5 * oak_boards + 4 * pine_boards <= 600" in rows, rows


def test_a_passive_opening_pair_names_the_decisions() -> None:
    # "Sofas and armchairs are upholstered by a workshop": nothing tagged as a name, yet the two are what is made
    text = ("Sofas and armchairs are upholstered by a small workshop. It takes 6 hours of sewing and 2 hours of "
            "fitting to upholster a sofa, and 3 hours of sewing and 2 hours of fitting to upholster an armchair. "
            "There are at most 120 hours of sewing and 60 hours of fitting available. Sofas and armchairs earn a "
            "profit of $400 and $150 each, respectively. How many of each should be upholstered to maximize the "
            "profit?")
    toks, spans = hand(text, [("PARAM", "6"), ("PARAM", "2"), ("PARAM", "3"), ("PARAM", "2"),
                              ("CONST_DIR", "at most"), ("LIMIT", "120"), ("LIMIT", "60"),
                              ("CONST_DIR", "available"), ("OBJ_NAME", "profit"), ("PARAM", "400"),
                              ("PARAM", "150"), ("OBJ_DIR", "maximize"), ("OBJ_NAME", "profit")])
    goal, rows = model_of(toks, spans)
    assert goal == "max 400 * sofas + 150 * armchairs", goal
    assert "6 * sofas + 3 * armchairs <= 120" in rows, rows


def test_a_passive_pair_of_resources_names_no_decision() -> None:
    from modeler.strategies.offline.name_repairs import _passive_pair

    toks, _ = hand("Wood and glass are used by the workshop to make frames.", [])
    assert _passive_pair([t.text for t in toks], set()) == []
    toks, _ = hand("Kites and yoyos are sold at a toy stall.", [])
    assert [sp.text for sp in _passive_pair([t.text for t in toks], set())] == ["Kites", "yoyos"]


def test_whatever_the_type_after_a_limit_counts_every_kind() -> None:
    # "no more than 90 cups of milk tea per day, whatever the type": the two teas together, though "milk tea"
    # (the tail both names share) was read as one of them
    text = ("A kiosk sells taro milk tea and mango milk tea. Each cup of taro milk tea earns $3 and each cup of mango "
            "milk tea earns $4. Daily demand is no more than 50 cups of taro milk tea and no more than 60 cups of "
            "mango milk tea. Also, the kiosk cannot make more than 90 cups of milk tea per day, whatever the type. "
            "How many cups of each should be made to maximize profit?")
    toks, spans = hand(text, [("VAR", "taro milk tea"), ("VAR", "mango milk tea"), ("VAR", "taro milk tea"),
                              ("PARAM", "3"), ("VAR", "mango milk tea"), ("PARAM", "4"),
                              ("CONST_DIR", "no more than"), ("LIMIT", "50"), ("VAR", "taro milk tea"),
                              ("CONST_DIR", "no more than"), ("LIMIT", "60"), ("VAR", "mango milk tea"),
                              ("CONST_DIR", "cannot make more than"), ("LIMIT", "90"), ("VAR", "milk tea"),
                              ("OBJ_DIR", "maximize"), ("OBJ_NAME", "profit")])
    _, rows = model_of(toks, spans)
    assert "taro_milk_tea + mango_milk_tea <= 90" in rows, rows


def test_a_labelled_name_names_its_untagged_sibling() -> None:
    # "Bundle Q" tagged, "Bundle P" not: the head with another capital label is the other decision
    text = ("A florist has 40 roses and 30 tulips. Bundle P is made of 4 roses and 2 tulips and earns $10 of "
            "profit. Bundle Q is made of 2 roses and 3 tulips and earns $9 of profit. How many of each bundle "
            "should the florist make to maximize profit?")
    toks, spans = hand(text, [("LIMIT", "40"), ("LIMIT", "30"), ("PARAM", "4"), ("PARAM", "2"),
                              ("PARAM", "10"), ("OBJ_NAME", "profit"), ("VAR", "Bundle Q"), ("PARAM", "2"),
                              ("PARAM", "3"), ("PARAM", "9"), ("OBJ_NAME", "profit"), ("OBJ_DIR", "maximize"),
                              ("OBJ_NAME", "profit")])
    goal, rows = model_of(toks, spans)
    assert goal == "max 10 * bundle_p + 9 * bundle_q", goal
    assert "4 * bundle_p + 2 * bundle_q <= 40" in rows, rows

"""Offline modeler: general English readings the fifth fresh development set showed missing (round
dev-v17, helper I) -- a unit after "per" tagged as a name, a preposition before a bare number taken for a
numbered name, a price per week taken for a price per something else, modifiers coordinated before one
head ("day and night nurses") read as one more decision, and a list opener followed by a preposition
("to sow with rye, oats and barley").

The sentences are written for these tests (not taken from any data set). Tags are given by hand, as the
tagger gives them on such texts. No trained tagger is needed.
"""

from __future__ import annotations

from hand_tags import hand, word_list

from modeler.strategies.offline.mentions import numbered_names
from modeler.strategies.offline.name_repairs import _kinds_of_head, _list_around, _per_units


def _vars(spans) -> list[str]:
    return [sp.text for sp in spans if sp.label == "VAR"]


# ------------------------------------------------------------------------- "$N per <unit>" is a unit
def test_a_tagged_unit_after_per_is_no_decision() -> None:
    text = ("A dairy sells cream, butter and yogurt, in kilolitres. Cream earns $40 per kilolitre, butter $60 "
            "per kilolitre and yogurt $35 per kilolitre. The dairy can ship at most 90 kilolitres.")
    toks, spans = hand(text, [("VAR", "cream"), ("VAR", "butter"), ("VAR", "yogurt"), ("VAR", "Cream"),
                              ("PARAM", "40"), ("VAR", "kilolitre"), ("VAR", "butter"), ("PARAM", "60"),
                              ("VAR", "kilolitre"), ("VAR", "yogurt"), ("PARAM", "35"), ("VAR", "kilolitre"),
                              ("LIMIT", "90")])
    out = _per_units([t.text for t in toks], spans)
    assert "kilolitre" not in _vars(out)
    assert _vars(out).count("butter") == 2


def test_a_decision_priced_per_itself_stays() -> None:
    # "per sofa" where the sentence names nothing else: the sofa is decided, not a unit
    text = ("Profit per sofa is $200 and per armchair is $90. A workshop has 300 hours. Each sofa takes "
            "6 hours and each armchair 3 hours.")
    toks, spans = hand(text, [("VAR", "sofa"), ("PARAM", "200"), ("VAR", "armchair"), ("PARAM", "90"),
                              ("LIMIT", "300"), ("VAR", "sofa"), ("PARAM", "6"), ("VAR", "armchair"),
                              ("PARAM", "3")])
    out = _per_units([t.text for t in toks], spans)
    assert _vars(out) == _vars(spans)


# -------------------------------------------------------------- "can look after 8" is no numbered name
def test_a_preposition_before_a_digit_is_not_a_numbered_name() -> None:
    words = word_list("A guide can look after 9 hikers, a porter can look after 4, and a cook after 2.")
    out = numbered_names(words, [])
    assert not [sp for sp in out if sp.label == "VAR"]


# ------------------------------------------------------------ "costs $700 a week" is its own price
def test_a_bound_on_a_decision_priced_per_week_keeps_it() -> None:
    from modeler.strategies.offline.reading import read

    text = ("A clinic is staffing its week. A doctor costs $2,000 a week and sees 90 patients, "
            "a nurse costs $900 a week and sees 40 patients, and a porter costs $500 a week and sees 10 "
            "patients. The clinic must see at least 600 patients, and at least 3 doctors are needed.")
    toks, spans = hand(text, [("VAR", "doctor"), ("PARAM", "2,000"), ("PARAM", "90"), ("VAR", "nurse"), ("PARAM", "900"),
                              ("PARAM", "40"), ("VAR", "porter"), ("PARAM", "500"), ("PARAM", "10"),
                              ("CONST_DIR", "at least"), ("LIMIT", "600"), ("CONST_DIR", "at least"),
                              ("LIMIT", "3"), ("VAR", "doctors")])
    r = read(toks, spans)
    assert len(r.variables) == 3


# ------------------------------------------------ "day and night nurses" names kinds, not a decision
def test_coordinated_modifiers_before_one_head_name_the_kinds() -> None:
    text = ("The ward is hiring day and night nurses. A day nurse earns $300 a shift; a night nurse earns "
            "$380 a shift.")
    toks, spans = hand(text, [("VAR", "night nurses"), ("VAR", "day nurse"), ("PARAM", "300"),
                              ("VAR", "night nurse"), ("PARAM", "380")])
    out = _kinds_of_head([t.text for t in toks], spans)
    assert _vars(out) == _vars(spans)  # the same head: kept
    toks, spans = hand(text.replace("nurses.", "staff."), [("VAR", "night staff"), ("VAR", "day nurse"),
                                                          ("PARAM", "300"), ("VAR", "night nurse"),
                                                          ("PARAM", "380")])
    out = _kinds_of_head([t.text for t in toks], spans)
    assert _vars(out) == ["day nurse", "night nurse"]


# ---------------------------------------------------- "to sow with rye, oats and barley": one-word first item
def test_a_list_opener_followed_by_with_still_gives_the_first_item() -> None:
    words = word_list("The estate has 90 acres to sow with rye, oats and barley this spring.")
    conj = words.index("and")
    items = _list_around(words, conj, 0, len(words) - 1)
    assert items is not None
    assert sorted(" ".join(words[a:e]) for a, e in items) == ["barley", "oats", "rye"]


# ------------------------------------------------ "Each 200 g of Muesli Gold has ...": portioned names
def test_names_measured_out_by_a_portion_are_the_decisions() -> None:
    from modeler.strategies.offline.name_repairs import _portion_names

    words = word_list("I blend two teas. Each 50 g of Green Dragon has 3 mg of caffeine and costs $2. Each 50 g "
                      "of Black Pearl has 6 mg of caffeine and costs $3. How many portions of each should I buy?")
    out = _portion_names(words, set())
    assert [sp.text for sp in out] == ["Green Dragon", "Black Pearl"]
    # one portioned name alone is no list of decisions
    assert _portion_names(word_list("Each 50 g of Green Dragon has 3 mg of caffeine."), set()) == []


# ------------------------------------ "from a wind farm and a coal plant ... wind power costs": one decision
def test_a_source_named_beside_its_product_is_the_same_decision() -> None:
    from modeler.strategies.offline.name_repairs import _source_names

    text = ("The grid buys at least 500 MWh from a coal station and a wind farm. Coal power costs $60 and wind "
            "power costs $45. The wind farm can deliver at most 300 MWh.")
    toks, spans = hand(text, [("LIMIT", "500"), ("VAR", "wind farm"), ("VAR", "Coal power"), ("PARAM", "60"),
                              ("VAR", "wind power"), ("PARAM", "45"), ("VAR", "wind farm"), ("LIMIT", "300")])
    out = _source_names([t.text for t in toks], spans)
    assert _vars(out) == ["wind", "Coal power", "wind power", "wind"]
    # two kinds of one thing listed with different heads keep their names ("oat bars", "oat shakes")
    toks, spans = hand("She buys oat bars, oat shakes and rice cakes.", [("VAR", "oat bars"), ("VAR", "oat shakes"),
                                                                      ("VAR", "rice cakes")])
    assert _vars(_source_names([t.text for t in toks], spans)) == ["oat bars", "oat shakes", "rice cakes"]

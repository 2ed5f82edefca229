"""Offline modeler: decision names, third round -- the objects of a list of verb phrases before
"respectively" ("buy from the X, run its Y, or take power from a Z, at $a, $b and $c ... respectively"),
and a number that belongs to an earlier conjunct ("coal 0.8 tonnes and wind none": the 0.8 does not count
out wind).

The sentences are written for these tests (not taken from any data set). Tags are given by hand, as the
tagger gives them on such texts. No trained tagger is needed.
"""

from __future__ import annotations

from hand_tags import hand, word_list

from modeler.strategies.offline import read_model
from modeler.strategies.offline.name_repairs import complete_mentions

CLAUSES = ("A town needs at least 600 kilolitres of water a day. It can pump from the river, run its old wells, or "
           "buy from a private reservoir, at $3, $5 and $8 per kilolitre respectively. The river gives at most "
           "300 kilolitres a day. Minimize the cost.")


def _var_texts(text: str, marks: list[tuple[str, str]]) -> list[str]:
    toks, spans = hand(text, marks)
    words = [t.text for t in toks]
    return [sp.text for sp in complete_mentions(words, spans) if sp.label == "VAR"]


def test_objects_of_a_clause_list_before_respectively_are_names() -> None:
    marks = [("CONST_DIR", "at least"), ("LIMIT", "600"), ("VAR", "private reservoir"), ("PARAM", "3"),
             ("PARAM", "5"), ("PARAM", "8"), ("CONST_DIR", "at most"), ("LIMIT", "300"), ("OBJ_DIR", "Minimize"),
             ("OBJ_NAME", "cost")]
    names = _var_texts(CLAUSES, marks)
    assert {"river", "old wells", "private reservoir"} <= set(names)
    toks, spans = hand(CLAUSES, marks)
    _, _, _, r, _ = read_model(toks, spans)
    assert [v.text for v in r.variables] == ["river", "old wells", "private reservoir"]


def test_a_clause_list_needs_a_tagged_object_and_as_many_numbers() -> None:
    # nothing tagged among the objects: no list of them is guessed
    assert "old wells" not in _var_texts(CLAUSES, [("PARAM", "3"), ("PARAM", "5"), ("PARAM", "8")])
    # two numbers for three clauses: not a "respectively" list of them
    text = ("It can pump from the river, run its old wells, or buy from a private reservoir, at $3 and $5 per "
            "kilolitre respectively.")
    names = _var_texts(text, [("VAR", "private reservoir"), ("PARAM", "3"), ("PARAM", "5")])
    assert "old wells" not in names
    assert word_list(text)[:2] == ["It", "can"]


def test_a_number_before_a_conjunction_counts_the_earlier_item() -> None:
    text = ("A plant sells power from a wind turbine, an old coal unit and a gas engine. It earns $20 per MWh from wind, $25 per MWh from coal and "
            "$30 per MWh from gas. Coal emits 0.8 tonnes of CO2 per MWh, gas 0.5 tonnes and wind none, and at most "
            "200 tonnes may be emitted. Buyers take at most 500 MWh, and at most 100 MWh of wind is available. "
            "How many MWh from each source maximize earnings?")
    marks = [("VAR", "wind"), ("VAR", "coal"), ("VAR", "gas"), ("PARAM", "20"), ("VAR", "wind"), ("PARAM", "25"),
             ("VAR", "coal"), ("PARAM", "30"), ("VAR", "gas"), ("VAR", "Coal"), ("PARAM", "0.8"), ("VAR", "gas"),
             ("PARAM", "0.5"), ("VAR", "wind"), ("CONST_DIR", "at most"), ("LIMIT", "200"), ("CONST_DIR", "at most"),
             ("LIMIT", "500"), ("CONST_DIR", "at most"), ("LIMIT", "100"), ("VAR", "wind"), ("OBJ_DIR", "maximize"),
             ("OBJ_NAME", "earnings")]
    toks, spans = hand(text, marks)
    _, _, _, r, _ = read_model(toks, spans)
    assert sorted(v.text.lower() for v in r.variables) == ["coal", "gas", "wind"]

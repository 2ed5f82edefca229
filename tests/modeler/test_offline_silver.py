"""Silver NER annotations from gold models (modeler/strategies/offline/silver.py).

The problems here are written for these tests (not taken from any data set). They use the lexicon
alone for the objective's name (`tagger=None`), so they need no trained entity model.
"""

from __future__ import annotations

import json

from modeler.strategies.offline.entities import spans_from_tags
from modeler.strategies.offline.silver import main, silver_documents, write_conll
from modeler.strategies.offline.train import read_conll


def _problem(pid: str, text: str, variables: list[str], objective: str, constraints: list[str],
             sense: str = "max") -> dict:
    return {"id": pid, "text": text, "model": {
        "variables": {v: {"type": "integer", "lb": 0} for v in variables},
        "objective": {"sense": sense, "expr": objective},
        "constraints": {f"c{i}": {"expr": c} for i, c in enumerate(constraints)}}}


PRODUCTS = _problem(
    "p1",
    "A workshop makes tables and chairs. Each table takes 3 hours of carving and each chair takes 2 "
    "hours. At most 40 hours of carving are available each week. A table earns a profit of $50 and a "
    "chair $30. How many tables and chairs should be made to maximize profit?",
    ["tables", "chairs"], "50*tables + 30*chairs", ["3*tables + 2*chairs <= 40"])

SHARE = _problem(
    "p2",
    "A bakery bakes muffins and scones. It must bake at least 100 pastries a day, and at least 30% of "
    "them must be scones. A muffin costs $2 to bake and a scone costs $1.50. How many of each should "
    "it bake to minimize the cost?",
    ["muffins", "scones"], "2*muffins + 1.5*scones",
    ["muffins + scones >= 100", "scones >= 0.3*(muffins + scones)"], sense="min")

UNNAMED = _problem(  # the text never names "gizmos"
    "p3", "A shop sells widgets for $4 each and can stock at most 25 of them. How many should it stock "
    "to maximize revenue?", ["widgets", "gizmos"], "4*widgets + 3*gizmos", ["widgets + gizmos <= 25"])

MISSING_NUMBER = _problem(  # 15 (minutes of a break) is in the model, not in the text
    "p4", "A press stamps lids in 2 minutes each and runs for at most 8 hours. Each lid earns $1. How "
    "many lids should it stamp to maximize profit?", ["lids"], "lids", ["2*lids <= 8*60 - 15"])


def _spans(doc: tuple[list[str], list[str]]) -> set[tuple[str, str]]:
    words, tags = doc
    return {(s.label, s.text) for s in spans_from_tags(words, tags)}


def test_two_product_problem_tags():
    docs, dropped = silver_documents([PRODUCTS], tagger=None)
    assert dropped == []
    words, tags = docs[0]
    spans = _spans(docs[0])
    assert {("VAR", "tables"), ("VAR", "chairs"), ("VAR", "table"), ("VAR", "chair")} <= spans
    assert {("PARAM", "3"), ("PARAM", "2"), ("PARAM", "50"), ("PARAM", "30"), ("LIMIT", "40")} <= spans
    assert {("CONST_DIR", "At most"), ("CONST_DIR", "available"), ("OBJ_DIR", "maximize"),
            ("OBJ_NAME", "profit")} <= spans
    # "$" and the unit words stay O, as in NL4Opt
    for w, t in zip(words, tags, strict=True):
        if w in {"$", "hours", "carving", "workshop"}:
            assert t == "O", w
    # every mention of a variable is tagged, and nothing else is a VAR
    assert {s for s in spans if s[0] == "VAR"} == {("VAR", x) for x in ("tables", "chairs", "table", "chair")}


def test_percentage_share_is_a_limit_with_its_percent_sign():
    docs, dropped = silver_documents([SHARE], tagger=None)
    assert dropped == []
    words, tags = docs[0]
    i = words.index("30")
    assert (tags[i], words[i + 1], tags[i + 1]) == ("B-LIMIT", "%", "I-LIMIT")
    spans = _spans(docs[0])
    assert {("LIMIT", "100"), ("PARAM", "2"), ("PARAM", "1.50"), ("OBJ_DIR", "minimize"),
            ("OBJ_NAME", "cost"), ("VAR", "scones"), ("VAR", "muffin")} <= spans
    assert ("CONST_DIR", "at least") in spans


def test_unreliable_problems_are_dropped_with_a_reason():
    docs, dropped = silver_documents([UNNAMED, MISSING_NUMBER, PRODUCTS], tagger=None)
    assert len(docs) == 1
    reasons = {d["id"]: d["reason"] for d in dropped}
    assert "gizmos" in reasons["p3"]
    assert "15" in reasons["p4"]


def test_unit_words_are_not_variables():
    p = _problem("p5", "A utility buys megawatt-hours of gas and of wind power. Gas costs $45 per "
                 "megawatt-hour and wind $60. It needs at least 500 megawatt-hours. How much of each "
                 "should it buy to minimize the cost?", ["gas_mwh", "wind_mwh"], "45*gas_mwh + 60*wind_mwh",
                 ["gas_mwh + wind_mwh >= 500"], sense="min")
    docs, dropped = silver_documents([p], tagger=None)
    assert dropped == []
    vars_ = {s[1].lower() for s in _spans(docs[0]) if s[0] == "VAR"}
    assert vars_ == {"gas", "wind"}


def test_round_trip_through_the_written_file(tmp_path):
    docs, _ = silver_documents([PRODUCTS, SHARE], tagger=None)
    out = tmp_path / "silver.txt"
    write_conll(docs, out)
    assert read_conll(out) == docs


def test_cli_writes_the_file_and_counts(tmp_path, capsys):
    data = tmp_path / "problems.jsonl"
    data.write_text("\n".join(json.dumps(p) for p in (PRODUCTS, UNNAMED)) + "\n", encoding="utf-8")
    out = tmp_path / "silver.txt"
    assert main(["--data", str(data), "--out", str(out), "--lexicon-only"]) == 0
    assert "kept 1 documents, dropped 1" in capsys.readouterr().out
    assert len(read_conll(out)) == 1


def test_spelt_out_numbers_of_several_words_are_one_span():
    p = _problem("p6", "A school has thirty thousand dollars to buy laptops and tablets. A laptop costs $600 and "
                 "a tablet costs $300. Two hundred forty students need a device, so at least 240 devices are "
                 "bought. How many of each should it buy to maximize the number of devices?",
                 ["laptops", "tablets"], "laptops + tablets",
                 ["600*laptops + 300*tablets <= 30000", "laptops + tablets >= 240"])
    docs, dropped = silver_documents([p], tagger=None)
    assert dropped == []
    spans = _spans(docs[0])
    assert ("LIMIT", "thirty thousand") in spans
    assert ("LIMIT", "240") in spans


def test_a_limit_kept_in_minutes_is_found_in_hours_and_keeps_its_own_occurrence():
    # 40*60: "40 hours" as 2400 minutes; the coefficient 40 ("40 minutes") stays a PARAM
    p = _problem("p7", "A studio makes mugs and vases. A mug needs 20 minutes on the wheel and a vase needs 40 "
                 "minutes. The wheel is free for 40 hours a week. A mug earns $8 and a vase $30. How many of "
                 "each should be made to maximize profit?", ["mugs", "vases"], "8*mugs + 30*vases",
                 ["20*mugs + 40*vases <= 40*60"])
    docs, dropped = silver_documents([p], tagger=None)
    assert dropped == []
    words, tags = docs[0]
    forties = [tags[i] for i, w in enumerate(words) if w == "40"]
    assert forties == ["B-PARAM", "B-LIMIT"]


def test_hyphenated_number_and_initials_of_a_variable():
    p = _problem("p8", "Tom has a 25,000-dollar savings to put into a certificate of deposit paying 4.5% and a "
                 "bond fund paying 6%. He wants at least $5,000 in the certificate of deposit. How much should "
                 "he put into each to maximize his interest?", ["cd", "bond_fund"],
                 "0.045*cd + 0.06*bond_fund", ["cd + bond_fund <= 25000", "cd >= 5000"])
    docs, dropped = silver_documents([p], tagger=None)
    assert dropped == []
    spans = _spans(docs[0])
    assert ("LIMIT", "25,000-dollar") in spans
    assert ("VAR", "certificate of deposit") in spans


def test_head_noun_joins_the_mention_and_another_sense_is_not_a_mention():
    p = _problem("p9", "A chandler makes soy candles and tallow candles. A soy candle needs 200 grams of soy wax "
                 "and a tallow candle 150 grams of tallow. She has 6000 grams of soy wax. Customers reach her "
                 "by express courier or by post: an express courier parcel costs $9 and express courier is "
                 "booked for at least 10 parcels. A soy candle earns $7 and a tallow candle $5. How many of "
                 "each should she make to maximize profit?",
                 ["soy_candles", "tallow_candles", "express"], "7*soy_candles + 5*tallow_candles - 9*express",
                 ["200*soy_candles <= 6000", "express >= 10"])
    docs, dropped = silver_documents([p], tagger=None)
    assert dropped == []
    words, tags = docs[0]
    # "soy wax" is the material, not the candles
    for i, w in enumerate(words):
        if w == "wax":
            assert tags[i - 1] == "O", " ".join(words[i - 3:i + 1])
    assert ("VAR", "express courier") in _spans(docs[0])


def test_the_cli_names_a_bad_line_and_a_missing_file(tmp_path, capsys) -> None:  # type: ignore[no-untyped-def]
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "a"}\n[1, 2]\n', encoding="utf-8")
    assert main(["--data", str(bad), "--out", str(tmp_path / "x.txt")]) == 2
    assert "bad.jsonl:2: not a JSON object" in capsys.readouterr().err
    assert main(["--data", str(tmp_path / "none.jsonl"), "--out", str(tmp_path / "x.txt")]) == 2
    assert "No such file" in capsys.readouterr().err



def test_the_taggers_never_learn_from_an_unseen_or_blind_set() -> None:
    from modeler.strategies.offline.train import DEVELOPED_SETS, SILVER_SETS

    learnt = {p.parent.name for p in SILVER_SETS + DEVELOPED_SETS}
    unseen = {f"fresh_lp_dev{k}" for k in (9, 11, 12, 18, 23, 24, 26, 32, 33, 36, 38, 40)} | {"fresh_lp"}
    assert not learnt & unseen
    assert all(p.is_file() for p in SILVER_SETS + DEVELOPED_SETS)

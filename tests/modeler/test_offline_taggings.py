"""Offline modeler: the reader meets taggings no CRF ever gave it (the neural alternate's, perturbed
ones) without a fault, and a fault that slips through refuses one tagging instead of the whole text.

The texts with hand tags are written for these tests; the fuzz reads the repository's fresh development
texts (written for OptiPilot, not NL4Opt) with the first tagger's tags, each randomly perturbed.
"""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest
from hand_tags import FixedTagger, hand

from modeler.strategies import offline
from modeler.strategies.base import Refusal
from modeler.strategies.offline import read_model, read_surest
from modeler.strategies.offline.entities import CRF_PATH, spans_from_tags, tokenize
from modeler.strategies.offline.prose import as_prose

_DATA = Path(__file__).resolve().parents[2] / "benchmarks" / "data"
_LABELS = ("VAR", "PARAM", "LIMIT", "CONST_DIR", "OBJ_NAME", "OBJ_DIR")


def test_a_name_that_ends_the_text_is_read() -> None:
    # no full stop after the last product: the reader once looked one word past the end here
    text = ("A workshop makes desks and shelves. Each desk takes 3 hours and each shelf takes 2 hours. At most "
            "60 hours are available. A desk earns $80 and a shelf $50. Maximize the profit from desks and shelves")
    marks = [("VAR", "desks"), ("VAR", "shelves"), ("VAR", "desk"), ("PARAM", "3"), ("VAR", "shelf"),
             ("PARAM", "2"), ("CONST_DIR", "At most"), ("LIMIT", "60"), ("VAR", "desk"), ("PARAM", "80"),
             ("VAR", "shelf"), ("PARAM", "50"), ("OBJ_DIR", "Maximize"), ("OBJ_NAME", "profit"),
             ("VAR", "desks"), ("VAR", "shelves")]
    model_json, _, _, _, _ = read_model(*hand(text, marks))
    assert model_json["objective"]["expr"] == "80 * desks + 50 * shelves"
    assert any(c["expr"].replace(" ", "") == "3*desks+2*shelves<=60" for c in model_json["constraints"].values())


def _perturbed(tags: list[str], rng: random.Random) -> list[str]:
    """1-4 runs of 1-3 words relabelled at random (a label, or O)."""
    tags = list(tags)
    for _ in range(rng.randint(1, 4)):
        at, length, label = rng.randrange(len(tags)), rng.randint(1, 3), rng.choice(("O", *_LABELS))
        for j in range(at, min(at + length, len(tags))):
            tags[j] = "O" if label == "O" else ("B-" if j == at else "I-") + label
    return tags


@pytest.mark.skipif(not CRF_PATH.is_file(), reason="the tagger is not trained")
def test_perturbed_taggings_never_fault_the_reader() -> None:
    rng = random.Random(7)
    lines = [json.loads(line) for k in (9, 18, 24, 33) for line in
             (_DATA / f"fresh_lp_dev{k}" / "problems.jsonl").read_text(encoding="utf-8").splitlines()[:8]]
    first = offline.taggers()[0]
    for problem in lines:
        tokens = tokenize(as_prose(problem["text"]))
        words = [t.text for t in tokens]
        tags = first.tag(words)
        for _ in range(4):
            try:
                read_model(tokens, spans_from_tags(words, _perturbed(tags, rng)), first.vocabulary)
            except Refusal:
                pass


def test_a_fault_in_the_reader_refuses_that_tagging_and_names_the_fault(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*_: object, **__: object) -> None:
        raise IndexError("list index out of range")

    monkeypatch.setattr(offline, "_taggers", [FixedTagger()])
    monkeypatch.setattr(offline, "read_model", broken)
    with pytest.raises(Refusal, match=r"reader failed on this text \(IndexError"):
        read_surest(tokenize("Make chairs. Each chair earns $5. At most 10 chairs. Maximize profit."))


def test_a_reading_whose_model_has_no_solution_gives_way_to_one_that_has(monkeypatch: pytest.MonkeyPatch) -> None:
    def model(*constraints: str) -> dict:
        return {"variables": {"chairs": {"type": "integer", "lb": 0}},
                "objective": {"sense": "max", "expr": "5 * chairs"},
                "constraints": {f"c{k}": {"expr": c} for k, c in enumerate(constraints)}}

    # the surer reading contradicts itself; the less sure one is the text's model
    readings = {"O": (model("chairs <= 10", "chairs >= 20"), [], 0.9, None, []),
                "B-VAR": (model("chairs <= 10"), [], 0.8, None, [])}
    monkeypatch.setattr(offline, "_taggers", [FixedTagger("O"), FixedTagger("B-VAR")])
    monkeypatch.setattr(offline, "read_model", lambda tokens, spans, vocabulary: (
        readings["B-VAR" if spans else "O"][0], [], readings["B-VAR" if spans else "O"][2], None, []))
    mj, understanding, confidence, _, _ = read_surest(tokenize("Make chairs. Each chair earns $5. At most 10 chairs."))
    assert mj["constraints"] == {"c0": {"expr": "chairs <= 10"}} and confidence == 0.8
    assert any("had no solution" in u["sentence"] for u in understanding)
    # when no reading has a solution, the surest stays
    readings["B-VAR"] = (model("chairs >= 20", "chairs <= 5"), [], 0.8, None, [])
    assert read_surest(tokenize("Make chairs. Each chair earns $5. At most 10 chairs."))[2] == 0.9


def test_a_model_without_a_limit_on_what_it_maximizes_has_no_solution() -> None:
    from modeler.strategies.offline.solvable import has_solution

    open_ended = {"variables": {"x": {"type": "integer", "lb": 0}}, "objective": {"sense": "max", "expr": "x"},
                  "constraints": {"c0": {"expr": "x >= 2"}}}
    assert has_solution(open_ended) is False
    open_ended["constraints"]["c1"] = {"expr": "x <= 7.5"}
    assert has_solution(open_ended) is True
    assert has_solution({"variables": "none"}) is None  # a model the check cannot read gives no verdict

"""Offline modeler: a reading several taggers agree against gives way to theirs (agreement.py).

The models are written for these tests; the taggers are stand-ins whose readings are given, so each test
says exactly which readings vote and what they vote for (their LP optima are solved for real).
"""

from __future__ import annotations

import pytest
from hand_tags import FixedTagger

from modeler.strategies import offline
from modeler.strategies.offline import SURE, read_surest
from modeler.strategies.offline.agreement import AGREE, agreed
from modeler.strategies.offline.entities import tokenize

_TEXT = "Make chairs. Each chair earns $5. At most 10 chairs."


def _model(limit: int) -> dict:
    return {"variables": {"chairs": {"type": "integer", "lb": 0}},
            "objective": {"sense": "max", "expr": "5 * chairs"},
            "constraints": {"c0": {"expr": f"chairs <= {limit}"}}}


def _reading(limit: int, confidence: float = 0.9, unused: int = 0) -> tuple:
    doubts = [{"kind": "doubt", "unused": unused, "sentence": "a number is left unused"}] if unused else []
    return (_model(limit), doubts, confidence, None, [])


def _optimum(reading: tuple) -> float:
    return 5.0 * int(reading[0]["constraints"]["c0"]["expr"].split()[-1])


def _others(*groups: tuple[tuple, list[int]]) -> list:
    return [(voters, (lambda r=reading: r)) for reading, voters in groups]


def test_three_taggers_agreeing_on_another_optimum_overrule_the_reading_kept() -> None:
    kept, other = _reading(10), _reading(20)
    assert AGREE == 3
    assert agreed(kept, [0], _others((other, [1, 2, 3])), SURE, _optimum) == (other, 1, 3)
    # also when they tag apart, as long as their models have one optimum
    assert agreed(kept, [0], _others((other, [1]), (_reading(20), [3, 2])), SURE, _optimum) == (other, 1, 3)


def test_two_do_not() -> None:
    kept, other = _reading(10), _reading(20)
    assert agreed(kept, [0], _others((other, [1, 2])), SURE, _optimum) is None


def test_as_many_for_the_reading_kept_keep_it() -> None:
    kept, other = _reading(10), _reading(20)
    assert agreed(kept, [0, 1, 2], _others((other, [3, 4, 5])), SURE, _optimum) is None
    # taggers that tag otherwise but read the kept optimum count for it
    assert agreed(kept, [0], _others((_reading(10), [1, 2]), (other, [3, 4, 5])), SURE, _optimum) is None


@pytest.mark.parametrize("voter", [_reading(20, confidence=0.8), _reading(20, unused=1)])
def test_only_sure_readings_that_use_every_number_vote(voter: tuple) -> None:
    kept, other = _reading(10), _reading(20)
    assert agreed(kept, [0], _others((other, [1, 2]), (voter, [3])), SURE, _optimum) is None


def test_refusals_and_models_without_an_optimum_do_not_vote() -> None:
    from modeler.strategies.base import Refusal

    kept, other = _reading(10), _reading(20)
    others = _others((other, [1, 2]), (Refusal("no objective", 0.1), [3]), (_reading(30), [4]))
    assert agreed(kept, [0], others, SURE, lambda r: None if r[0]["constraints"]["c0"]["expr"].endswith("30")
                  else _optimum(r)) is None


def test_no_tagging_is_read_once_no_optimum_can_gather_enough_votes() -> None:
    kept, read = _reading(10), []

    def reading_of(limit: int) -> object:
        def read_it() -> tuple:
            read.append(limit)
            return _reading(limit)
        return read_it

    # the kept reading has three voters, so another optimum needs four; the largest groups are read first
    # (two and two, apart), then one lone tagger (two more could still join a pair), and then no more: one
    # tagger left cannot make a pair four
    others = [([1, 2], reading_of(20)), ([3], reading_of(30)), ([4], reading_of(40)), ([5, 6], reading_of(50))]
    assert agreed(kept, [0, 7, 8], others, SURE, _optimum) is None
    assert read == [20, 50, 30]


def test_read_surest_shows_the_reading_the_taggers_agree_on(monkeypatch: pytest.MonkeyPatch) -> None:
    # the first tagger's reading is sure, yet three others read alike with another optimum (chairs <= 20:
    # 100 against 50); the optima are the LP relaxations' (solvable.lp_optimum), solved for real
    readings = {"O": _reading(10), "B-VAR": _reading(20)}
    monkeypatch.setattr(offline, "read_model", lambda tokens, spans, vocabulary: (
        lambda r: (r[0], list(r[1]), r[2], None, []))(readings["B-VAR" if spans else "O"]))
    others = [FixedTagger("B-VAR", f"other{k}.crfsuite") for k in range(3)]
    monkeypatch.setattr(offline, "_taggers", [FixedTagger("O"), *others])
    model_json, understanding, _, _, _ = read_surest(tokenize(_TEXT))
    assert model_json["constraints"]["c0"]["expr"] == "chairs <= 20"
    assert any(u["type"] == "3 taggers agree (other0.crfsuite)" for u in understanding if u["kind"] == "reading")
    # two are not enough, and the switch turns it off
    monkeypatch.setattr(offline, "_taggers", [FixedTagger("O"), *others[:2]])
    assert read_surest(tokenize(_TEXT))[0]["constraints"]["c0"]["expr"] == "chairs <= 10"
    monkeypatch.setattr(offline, "_taggers", [FixedTagger("O"), *others])
    monkeypatch.setattr(offline, "AGREEMENT", False)
    assert read_surest(tokenize(_TEXT))[0]["constraints"]["c0"]["expr"] == "chairs <= 10"


def test_taggers_not_heard_yet_are_asked_only_when_they_could_change_the_outcome() -> None:
    from modeler.strategies.offline.agreement import UNDECIDED

    kept, other = _reading(10), _reading(20)
    # four against one: two more voices cannot change that
    assert agreed(kept, [0], _others((other, [1, 2, 3, 4])), SURE, _optimum, unknown=2) == (other, 1, 4)
    # two against one: two more could make it four (or leave it two)
    assert agreed(kept, [0], _others((other, [1, 2])), SURE, _optimum, unknown=2) == UNDECIDED
    # one against one: even with two more it stays short of three
    assert agreed(kept, [0], _others((other, [1])), SURE, _optimum, unknown=1) is None
    # three against one, with two more that could join the kept reading: open
    assert agreed(kept, [0], _others((other, [1, 2, 3])), SURE, _optimum, unknown=2) == UNDECIDED

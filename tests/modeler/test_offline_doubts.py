"""Offline modeler: the shape doubts (`checks.shape_doubts`), things a right model of a word problem
almost never shows, which make an otherwise sure reading unsure (so the alternate taggers read too).

Texts are written for these tests (not taken from NL4Opt or the fresh sets); each is tagged by hand, and
each doubt is shown beside a twin text whose right model does not raise it.
"""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from hand_tags import hand

from modeler.strategies.offline import REFUSE_BELOW, SURE, checks, read_model
from modeler.strategies.offline.checks import (
    empty_row,
    limit_in_own_row,
    redundant_row,
    self_bounded,
    too_small,
    twin_names,
)
from modeler.strategies.offline.classify import ConstraintSpec, Objective

_BAKERY = ("A bakery makes cakes and pies. A cake takes 2 hours of baking and a pie takes 3 hours. At most 10 hours "
           "of baking are available. At least {n} cakes must be made. A cake earns $5 and a pie earns $4. "
           "Maximize the profit.")


def _bakery(n: str) -> tuple[dict, list[str], float]:
    marks = [("VAR", "cakes"), ("VAR", "pies"), ("VAR", "cake"), ("PARAM", "2"), ("VAR", "pie"), ("PARAM", "3"),
             ("CONST_DIR", "At most"), ("LIMIT", "10"), ("CONST_DIR", "At least"), ("LIMIT", n), ("VAR", "cakes"),
             ("VAR", "cake"), ("PARAM", "5"), ("VAR", "pie"), ("PARAM", "4"), ("OBJ_DIR", "Maximize"),
             ("OBJ_NAME", "profit")]
    model_json, understanding, confidence, _, _ = read_model(*hand(_BAKERY.format(n=n), marks))
    return model_json, [u["sentence"] for u in understanding if u["kind"] == "doubt"], confidence


def test_a_model_with_no_optimum_is_a_doubt() -> None:
    # 8 cakes take 16 hours of the 10 there are: no plan meets every limit
    model_json, doubts, confidence = _bakery("8")
    assert "cakes >= 8" in [c["expr"] for c in model_json["constraints"].values()]
    assert "the model has no optimum (its LP is infeasible)" in doubts
    assert confidence < SURE


def test_a_model_with_an_optimum_raises_no_shape_doubt() -> None:
    _, doubts, confidence = _bakery("3")
    assert doubts == []
    assert confidence >= SURE


_FARM = ("A farmer has 100 acres for wheat, corn and oats. Wheat earns $300 per acre and corn earns $200 per "
         "acre{oats}. Wheat needs 2 days of labour per acre, corn 1 day and oats 3 days; 150 days are available. "
         "Maximize the profit.")


def test_a_variable_the_objective_leaves_out_is_a_doubt() -> None:
    head = [("LIMIT", "100"), ("VAR", "wheat"), ("VAR", "corn"), ("VAR", "oats"), ("VAR", "Wheat"), ("PARAM", "300"),
            ("VAR", "corn"), ("PARAM", "200")]
    tail = [("VAR", "Wheat"), ("PARAM", "2"), ("VAR", "corn"), ("PARAM", "1"), ("VAR", "oats"), ("PARAM", "3"),
            ("LIMIT", "150"), ("OBJ_DIR", "Maximize"), ("OBJ_NAME", "profit")]
    model_json, understanding, confidence, _, _ = read_model(*hand(_FARM.format(oats=""), head + tail))
    assert "oats" not in model_json["objective"]["expr"]
    assert "the objective leaves out oats" in [u["sentence"] for u in understanding if u["kind"] == "doubt"]
    assert confidence < SURE
    text = _FARM.format(oats=" and oats earn $250 per acre")
    model_json, understanding, confidence, _, _ = read_model(*hand(text, head + [("VAR", "oats"), ("PARAM", "250")]
                                                                    + tail))
    assert "250 * oats" in model_json["objective"]["expr"]
    assert not any(u["kind"] == "doubt" for u in understanding) and confidence >= SURE


def test_shape_doubts_alone_never_make_the_reader_refuse(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(checks, "shape_doubts", lambda r, obj, specs: [f"doubt {k}" for k in range(12)])
    _, doubts, confidence = _bakery("3")
    assert len(doubts) == 12
    assert confidence == pytest.approx(REFUSE_BELOW)


def _obj(sense: str, terms: dict[int, float]) -> Objective:
    return Objective(sense, terms, "profit", "weighted", "")


def test_a_row_limited_twice_the_same_way_is_redundant() -> None:
    row = {0: 1.0, 1: 1.0}
    assert redundant_row([ConstraintSpec("sum", "<=", 12, dict(row)), ConstraintSpec("sum", "<=", 8, dict(row))])
    # a range (both directions) and a repeat of the same limit are not
    assert not redundant_row([ConstraintSpec("sum", "<=", 12, dict(row)), ConstraintSpec("sum", ">=", 8, dict(row))])
    assert not redundant_row([ConstraintSpec("sum", "<=", 12, dict(row)), ConstraintSpec("sum", "<=", 12, dict(row))])


def test_a_limit_on_the_objectives_own_row_in_its_direction() -> None:
    own = {0: 3.0, 1: 2.0}
    assert self_bounded(_obj("max", own), [ConstraintSpec("linear", "<=", 60, dict(own))])
    # a budget on the cost that is minimized is a real limit; so is another row
    assert not self_bounded(_obj("min", own), [ConstraintSpec("linear", "<=", 60, dict(own))])
    assert not self_bounded(_obj("max", own), [ConstraintSpec("linear", "<=", 60, {0: 3.0, 1: 4.0})])


def test_a_limit_read_from_its_own_rows_coefficient() -> None:
    assert limit_in_own_row([ConstraintSpec("linear", "<=", 40, {0: 40.0, 1: 5.0})])
    assert not limit_in_own_row([ConstraintSpec("linear", "<=", 360, {0: 40.0, 1: 5.0})])


def test_a_capacity_that_holds_not_one_unit() -> None:
    assert too_small([ConstraintSpec("linear", "<=", 4, {0: 60.0, 1: 130.0})])
    assert not too_small([ConstraintSpec("linear", "<=", 100, {0: 60.0, 1: 130.0})])
    assert not too_small([ConstraintSpec("linear", ">=", 4, {0: 60.0, 1: 130.0})])


def test_a_limit_that_names_no_decision() -> None:
    assert empty_row([ConstraintSpec("linear", "<=", 100, {0: 0.0})])
    assert empty_row([ConstraintSpec("linear", "<=", 100, {})])
    assert not empty_row([ConstraintSpec("linear", "<=", 100, {0: 0.0, 1: 2.0})])
    assert not empty_row([ConstraintSpec("sum", "<=", 100)])


def test_two_variables_named_alike_but_for_a_plural() -> None:
    def reading(*names: str) -> SimpleNamespace:
        return SimpleNamespace(variables=[SimpleNamespace(text=n) for n in names])

    assert twin_names(reading("canola", "peas", "pea"))
    assert not twin_names(reading("barley", "canola", "peas"))
    assert not twin_names(reading("glass", "glasses lid"))


def test_the_lp_check_prints_nothing() -> None:
    # HiGHS prints a banner when a process makes its first instance; it must not land in a CLI's answer
    import subprocess
    import sys

    code = "from modeler.strategies.offline.checks import _quiet_highs; _quiet_highs(); _quiet_highs()"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=True)
    assert out.stdout == ""


_FEED = ("A shelter buys {dir} 600 kg of food a month. A bag of Brand A holds 20 kg and costs $30; a bag of "
         "Brand B holds 15 kg and costs $20. The store sells at most 25 bags of Brand A. Minimize the cost.")


def _feed(direction: str) -> tuple[dict, list[str], float]:
    marks = [("CONST_DIR", direction), ("LIMIT", "600"), ("VAR", "Brand A"), ("PARAM", "20"), ("PARAM", "30"),
             ("VAR", "Brand B"), ("PARAM", "15"), ("PARAM", "20"), ("CONST_DIR", "at most"), ("LIMIT", "25"),
             ("VAR", "Brand A"), ("OBJ_DIR", "Minimize"), ("OBJ_NAME", "cost")]
    model_json, understanding, confidence, _, _ = read_model(*hand(_FEED.format(dir=direction), marks))
    return model_json, [u["sentence"] for u in understanding if u["kind"] == "doubt"], confidence


def test_a_model_whose_best_answer_is_to_do_nothing_is_a_doubt() -> None:
    # "up to 600 kg" read as a cap under a minimise: buying nothing is optimal, a need misread
    model_json, doubts, confidence = _feed("up to")
    assert "20 * brand_a + 15 * brand_b <= 600" in [c["expr"] for c in model_json["constraints"].values()]
    assert "the model's best answer is to do nothing at all (every variable at zero)" in doubts
    assert confidence < SURE


def test_a_need_read_as_a_need_raises_no_idle_doubt() -> None:
    model_json, doubts, confidence = _feed("at least")
    assert "20 * brand_a + 15 * brand_b >= 600" in [c["expr"] for c in model_json["constraints"].values()]
    assert doubts == []
    assert confidence >= SURE

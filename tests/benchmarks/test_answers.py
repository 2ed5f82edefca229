"""The generic answer-value suite on small files written here (ORLM, LLMOPT and OptiMUS field names)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from benchmarks.suites.answers import AnswerFileError, AnswerSuite, parse_answer
from modeler.result import ModelResult
from solvers.result import Solution, Status


def _write(path: Path, rows: list[dict]) -> Path:
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    return path


def _result(status: Status, objective: float | None = None) -> ModelResult:
    return ModelResult(solution=Solution(status=status, objective=objective), status=status.value)


@pytest.mark.parametrize("raw, expected", [
    ("1200", (1200.0, "number")), ("$1,234.5", (1234.5, "number")), (7, (7.0, "number")),
    ("-3.5e2", (-350.0, "number")), ("98 dollars", (98.0, "number")),
    ("No Best Solution", (None, "no_optimum")), ("The problem is infeasible", (None, "no_optimum")),
    ("", (None, "unscorable")), (None, (None, "unscorable")), ("x = 3, y = 4", (None, "unscorable")),
])
def test_parse_answer(raw, expected):
    assert parse_answer(raw) == expected


def test_orlm_format_scoring_and_summary(tmp_path):
    path = _write(tmp_path / "orlm.jsonl", [
        {"en_question": "Maximize profit ... (a)", "en_answer": "1200", "id": 1},
        {"en_question": "Minimize cost ... (b)", "en_answer": "No Best Solution", "id": 2},
        {"en_question": "Something (c)", "en_answer": "see the text", "id": 3},
        {"en_question": "Minimize (d)", "en_answer": "0", "id": 4},
    ])
    suite = AnswerSuite.from_spec(f"answers:{path}")
    items = {it.id: it for it in suite.items(None)}
    assert set(items) == {"1", "2", "3", "4"} and items["1"].text == "Maximize profit ... (a)"

    v = {
        "ok": suite.score(items["1"], _result(Status.OPTIMAL, 1200.05)),  # within 1e-4 relative
        "off": suite.score(items["1"], _result(Status.OPTIMAL, 1201.0)),
        "infeasible_for_number": suite.score(items["1"], _result(Status.INFEASIBLE)),
        "error": suite.score(items["1"], ModelResult(error="LLM call failed")),
        "no_opt_ok": suite.score(items["2"], _result(Status.UNBOUNDED)),
        "no_opt_bad": suite.score(items["2"], _result(Status.OPTIMAL, 5.0)),
        "unscorable": suite.score(items["3"], _result(Status.OPTIMAL, 5.0)),
        "zero": suite.score(items["4"], _result(Status.OPTIMAL, 1e-9)),
    }
    cats = {k: (x.passed, x.category) for k, x in v.items()}
    assert cats == {
        "ok": (True, "passed"), "off": (False, "wrong_objective"),
        "infeasible_for_number": (False, "infeasible_answer"), "error": (False, "no_solution"),
        "no_opt_ok": (True, "passed"), "no_opt_bad": (False, "expected_no_optimum"),
        "unscorable": (False, "unscorable"), "zero": (True, "passed"),
    }
    summary = suite.summarize(list(v.values()))
    assert summary["count"] == 8 and summary["scorable"] == 7 and summary["passed"] == 3
    assert summary["accuracy"] == pytest.approx(3 / 7) and summary["accuracy_all"] == pytest.approx(3 / 8)


def test_other_field_names_json_list_and_tolerance(tmp_path):
    llmopt = _write(tmp_path / "llmopt.jsonl", [{"question": "Q1", "answer": 10.0}])
    optimus = tmp_path / "optimus.json"
    optimus.write_text(json.dumps([{"description": "Q2", "optimal_value": "250"}]), encoding="utf-8")
    (item,) = AnswerSuite(llmopt).items(None)
    assert item.id == "1" and item.data["answer"] == 10.0
    (item2,) = AnswerSuite(optimus).items(None)
    assert item2.text == "Q2" and item2.data["answer"] == 250.0

    loose = AnswerSuite(llmopt, rel_tol=0.05)
    assert loose.score(item, _result(Status.OPTIMAL, 10.4)).passed
    assert not AnswerSuite(llmopt).score(item, _result(Status.OPTIMAL, 10.4)).passed

    custom = _write(tmp_path / "custom.jsonl", [{"prompt": "Q3", "gold": "7", "answer": "ignored"}])
    (item3,) = AnswerSuite(custom, question_field="prompt", answer_field="gold").items(None)
    assert item3.text == "Q3" and item3.data["answer"] == 7.0


def test_bad_files_raise_clear_errors(tmp_path):
    with pytest.raises(AnswerFileError, match="does not exist"):
        AnswerSuite(tmp_path / "missing.jsonl").items(None)
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"en_question": "Q"}\nnot json\n', encoding="utf-8")
    with pytest.raises(AnswerFileError, match="line 2"):
        AnswerSuite(bad).items(None)
    noq = _write(tmp_path / "noq.jsonl", [{"answer": 1}])
    with pytest.raises(AnswerFileError, match="no question"):
        AnswerSuite(noq).items(None)
    with pytest.raises(ValueError, match="answers:PATH"):
        AnswerSuite.from_spec("answers:")


def test_duplicate_ids_are_made_unique(tmp_path):
    path = _write(tmp_path / "dup.jsonl", [{"question": "A", "answer": 1, "id": 5},
                                           {"question": "B", "answer": 2, "id": 5}])
    assert [it.id for it in AnswerSuite(path).items(None)] == ["5", "5#2"]

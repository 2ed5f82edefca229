"""The CP-Bench suite: parsing the problem files, and scoring candidates written for these tests.

The scoring tests run real programs in `solvers.sandbox` on real CP-Bench problems; they need
$OPTIPILOT_DATA (the data folder holding cpbench/dataset/).
"""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

from benchmarks.suites.base import DataNotFoundError, Item, Verdict, get_suite
from benchmarks.suites.cpbench import (
    EXCLUDED,
    CPBenchSuite,
    Outcome,
    extract_solution,
    minizinc_solution,
    sandbox_language,
)
from benchmarks.suites.cpbench_parse import (
    decision_variables,
    minizinc_literal,
    substitute_minizinc_data,
    substitute_python_data,
)
from modeler.result import ModelResult

FIXTURES = Path(__file__).with_name("cpbench_fixtures")
DATA = os.environ.get("OPTIPILOT_DATA")
needs_data = pytest.mark.skipif(
    not DATA or not (Path(DATA) / "cpbench" / "dataset").is_dir(),
    reason="OPTIPILOT_DATA is unset or has no cpbench/dataset folder (the CP-Bench data)",
)


def _sandbox_available() -> bool:
    try:
        import solvers.sandbox  # noqa: F401
    except ImportError:
        return False
    return True


needs_sandbox = pytest.mark.skipif(not _sandbox_available(), reason="solvers.sandbox is not available")


# ------------------------------------------------------------------------------------ pure parsing
def test_decision_variables_come_from_the_last_print_sentence() -> None:
    text = "Print x first (ignored).\nPrint the coordinates (x_coords, y_coords) and the cost (cost)."
    assert decision_variables(text) == ["cost", "x_coords", "y_coords"]


def test_python_data_block_is_replaced_whole() -> None:
    code = "# Data\nn = 3\nw = [1, 2]\n# End of data\nprint(n)\n"
    out = substitute_python_data(code, {"n": 5, "w": [7], "flag": True})
    assert "n = 5\nw = [7]\nflag = True\n# End of data" in out
    assert "n = 3" not in out


def test_python_literal_assignments_are_replaced_and_missing_names_added() -> None:
    code = "import json\nn = 3\nsides = [1,\n   2]\nsides = sorted(sides)\n"
    out = substitute_python_data(code, {"n": 4, "sides": [9], "extra": None})
    assert out.startswith("extra = None\n")
    assert "n = 4\n" in out and "sides = [9]\n" in out
    assert "sides = sorted(sides)" in out  # a computed assignment is left alone
    assert "[1," not in out


def test_minizinc_literals_and_substitution() -> None:
    assert minizinc_literal([[1, 2], [3, 4]]) == "[| 1, 2 | 3, 4 |]"
    assert minizinc_literal([[[1], [2]]]) == "array3d(1..1, 1..2, 1..1, [1, 2])"
    assert minizinc_literal(True) == "true"
    with pytest.raises(ValueError):
        minizinc_literal([[1], [2, 3]])
    code = "int: n = 3;\narray[1..n] of int: a = [1, 2, 3];\nconstraint total = 4;\n"
    out, missing = substitute_minizinc_data(code, {"n": 2, "a": [5, 6], "total": 1})
    assert "int: n = 2;" in out and "a = [5, 6];" in out
    assert "constraint total = 4;" in out and missing == ["total"]


def test_extract_solution_takes_the_last_top_level_object() -> None:
    out = 'log {"x": 1}\n{\n  "x": 2,\n  "y": {"z": [1, 2]}\n}\n----------\n'
    assert extract_solution(out) == {"x": 2, "y": {"z": [1, 2]}}
    assert extract_solution("no json here") is None


def test_minizinc_solution_prefers_the_printed_json() -> None:
    def line(default: str, variables: dict[str, int]) -> str:
        return json.dumps({"type": "solution", "output": {"default": default, "json": variables}})

    stream = "\n".join(
        [
            line('{"cost": 9}\n', {"x": 1}),
            line('{"cost": 7}\n', {"x": 2}),
            json.dumps({"type": "status", "status": "OPTIMAL_SOLUTION"}),
        ]
    )
    assert minizinc_solution(stream) == ({"cost": 7}, "OPTIMAL_SOLUTION")
    assert minizinc_solution(line("x = 3;\n", {"x": 3})) == ({"x": 3}, "SATISFIED")
    unsat = json.dumps({"type": "status", "status": "UNSATISFIABLE"})
    assert minizinc_solution(unsat) == (None, "UNSATISFIABLE")


def test_sandbox_language() -> None:
    assert sandbox_language("MiniZinc", "") == "minizinc"
    assert sandbox_language("ortools", "") == "python"
    assert sandbox_language(None, "var 0..3: x;\nsolve satisfy;") == "minizinc"


def test_summary_averages_instances() -> None:
    suite = CPBenchSuite()
    verdicts = [
        Verdict(
            id="a",
            passed=True,
            category="passed",
            metrics={"sia": 1, "mia": 0, "instances_passed": 1, "instances_total": 4},
        ),
        Verdict(
            id="b",
            passed=False,
            category="timeout",
            metrics={"sia": 0, "mia": 0, "instances_passed": 0, "instances_total": 1},
        ),
    ]
    summary = suite.summarize(verdicts)
    assert summary["count"] == 2 and summary["accuracy"] == summary["sia"] == 0.5
    assert summary["mia"] == 0 and summary["aia"] == pytest.approx(0.125)
    assert summary["categories"]["timeout"] == 1 and summary["categories"]["suboptimal"] == 0


def test_instances_the_reference_cannot_solve_are_not_counted() -> None:
    item = Item(id="p", text="")
    outcomes = [
        (1, Outcome("passed", "ok")),
        (2, Outcome(EXCLUDED, "unsat")),
        (3, Outcome("timeout", "slow")),
    ]
    verdict = CPBenchSuite()._verdict(item, Outcome("passed", "Valid solution."), outcomes)
    assert verdict.passed and verdict.metrics == {
        "sia": 1,
        "mia": 0,
        "instances_passed": 2,
        "instances_total": 3,
    }
    assert "1 instance(s) not counted" in verdict.message and "Instance 3: timeout" in verdict.message


def test_missing_data_folder_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(DataNotFoundError, match="cpbench"):
        CPBenchSuite().items(tmp_path)


# ------------------------------------------------------------------------------- the real dataset
@pytest.fixture(scope="module")
def items() -> dict[str, Item]:
    return {item.id: item for item in CPBenchSuite().items(Path(DATA or "."))}


@needs_data
def test_items_hold_the_problem_parts(items: dict[str, Item]) -> None:
    assert len(items) == 164
    assert get_suite("cpbench").name == "cpbench"
    landing = items["aircraft_landing"].data
    assert (
        landing["optimization"] and landing["sense"] == "minimize" and landing["objective"] == "total_penalty"
    )
    assert landing["decision_variables"] == ["landing_times", "total_penalty"]
    assert landing["category"] == "complex_or"
    assert "earliest_landing = [1, 3, 5]" in landing["data_block"]
    assert "earliest_landing = [1, 3, 5]" in items["aircraft_landing"].text  # the modeler needs the data
    assert not items["abbots_puzzle"].data["optimization"]
    queens = CPBenchSuite().extra_instances(items["csplib_054_n_queens"])
    assert [inst["n"] for _, inst in queens] == [11, 12, 13, 14, 15]  # n = 10 is the default data


def _score(suite: CPBenchSuite, item: Item, fixture: str, language: str = "cpmpy") -> Verdict:
    code = (FIXTURES / fixture).read_text(encoding="utf-8")
    return suite.score(item, ModelResult(code=code, language=language))


@pytest.fixture(scope="module")
def suite(tmp_path_factory: pytest.TempPathFactory) -> CPBenchSuite:
    return CPBenchSuite(cache_dir=tmp_path_factory.mktemp("cpbench_cache"))


@needs_data
@needs_sandbox
@pytest.mark.parametrize(
    ("fixture", "category", "words"),
    [
        ("abbots_correct.py", "passed", "Valid"),
        ("abbots_wrong.py", "wrong_solution", "violate"),
        ("abbots_missing_key.py", "wrong_solution", "lacks"),
        ("abbots_wrong_type.py", "wrong_solution", "shape"),
        ("abbots_crash.py", "execution_error", "always fails"),
        ("abbots_silent.py", "no_solution", "no JSON"),
    ],
)
def test_abbots_candidates(
    suite: CPBenchSuite, items: dict[str, Item], fixture: str, category: str, words: str
) -> None:
    verdict = _score(suite, items["abbots_puzzle"], fixture)
    assert verdict.category == category, verdict.message
    assert verdict.passed == (category == "passed")
    assert words in verdict.message
    assert verdict.metrics["mia"] == verdict.metrics["sia"]  # no extra instances for this problem


@needs_data
@needs_sandbox
def test_hanging_candidate_times_out(items: dict[str, Item]) -> None:
    verdict = _score(CPBenchSuite(timeout=2), items["abbots_puzzle"], "abbots_hang.py")
    assert verdict.category == "timeout" and "2 s" in verdict.message


@needs_data
@needs_sandbox
@pytest.mark.skipif(shutil.which("minizinc") is None, reason="the MiniZinc CLI is not installed")
def test_minizinc_candidate_passes(suite: CPBenchSuite, items: dict[str, Item]) -> None:
    verdict = _score(suite, items["abbots_puzzle"], "abbots.mzn", language="minizinc")
    assert verdict.category == "passed", verdict.message


@needs_data
@needs_sandbox
def test_suboptimal_candidate(suite: CPBenchSuite, items: dict[str, Item]) -> None:
    verdict = _score(suite, items["aircraft_landing"], "aircraft_landing_suboptimal.py")
    assert verdict.category == "suboptimal", verdict.message
    assert "190" in verdict.message and "50" in verdict.message


@needs_data
@needs_sandbox
def test_ground_truth_passes_its_own_scorer(suite: CPBenchSuite, items: dict[str, Item]) -> None:
    for pid in ("abbots_puzzle", "aircraft_landing"):
        verdict = suite.score(items[pid], suite.reference(items[pid]))
        assert verdict.category == "passed", (pid, verdict.message)
    # Scoring again uses the cached reference optimum (the check only builds the model).
    assert any(suite.cache_dir.glob("aircraft_landing-*.json"))  # type: ignore[union-attr]
    again = suite.score(items["aircraft_landing"], suite.reference(items["aircraft_landing"]))
    assert again.category == "passed", again.message


@needs_data
@needs_sandbox
def test_instances_separate_a_general_model_from_a_hardcoded_answer(
    suite: CPBenchSuite, items: dict[str, Item]
) -> None:
    queens = items["csplib_054_n_queens"]
    general = _score(suite, queens, "n_queens_ortools.py", language="ortools")
    assert general.passed and general.metrics == {
        "sia": 1,
        "mia": 1,
        "instances_passed": 6,
        "instances_total": 6,
    }
    fixed = _score(suite, queens, "n_queens_hardcoded.py")
    assert fixed.passed and fixed.metrics["mia"] == 0 and fixed.metrics["instances_passed"] == 1
    assert "Instance 1: wrong_solution" in fixed.message

"""`optipilot solve` through typer's CliRunner, with the LLM replayed from a file (--llm scripted:PATH)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from app.commands.solve import solve_command

PROBLEMS = Path(__file__).parent / "problems"
app = typer.Typer()
app.command("solve")(solve_command)


@app.command("noop")
def _noop() -> None:  # a second command, so that `solve` is a subcommand as in the real app
    pass


runner = CliRunner()


@pytest.fixture
def no_llm_config(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path))
    monkeypatch.delenv("OPTIPILOT_LLM", raising=False)
    return tmp_path


def script(tmp_path: Path, *answers: str) -> str:
    path = tmp_path / "answers.json"
    path.write_text(json.dumps(list(answers)))
    return f"scripted:{path}"


def test_solve_readable_report(tmp_path: Path) -> None:
    llm = script(tmp_path, (PROBLEMS / "furniture/five_element.md").read_text())
    r = runner.invoke(app, ["solve", str(PROBLEMS / "furniture/problem.txt"), "--llm", llm])
    assert r.exit_code == 0, r.output
    assert "Objective: 860" in r.output and "Constraints" in r.output and "capacity" in r.output
    assert "1 LLM call(s)" in r.output and "tokens" in r.output


def test_solve_json_with_code(tmp_path: Path) -> None:
    llm = script(tmp_path, (PROBLEMS / "sites/direct.md").read_text())
    r = runner.invoke(app, ["solve", str(PROBLEMS / "sites/problem.txt"), "--llm", llm, "--strategy", "direct",
                            "--target", "ortools", "--json"])
    assert r.exit_code == 0, r.output
    data = json.loads(r.output)
    assert data["status"] == "optimal" and data["solution"]["objective"] == 65
    assert "cp_model" in data["code"] and data["language"] == "ortools" and data["model"] is None


def test_solve_from_stdin_with_templates(tmp_path: Path) -> None:
    d = PROBLEMS / "staffing"
    llm = script(tmp_path, (d / "templates_1.md").read_text(), (d / "templates_2.md").read_text())
    r = runner.invoke(app, ["solve", "-", "--llm", llm, "--strategy", "templates", "--json"],
                      input=(d / "problem.txt").read_text())
    assert r.exit_code == 0, r.output
    assert json.loads(r.output)["solution"]["objective"] == 14800


def test_offline_refusal_explains_llm_setup(no_llm_config: Path) -> None:
    r = runner.invoke(app, ["solve", str(PROBLEMS / "send_more/problem.txt")])
    assert r.exit_code == 1
    assert "refused" in r.output and "--llm" in r.output and "OPTIPILOT_LLM" in r.output


@pytest.mark.parametrize(("args", "message"), [
    (["missing.txt"], "no such file"),
    ([str(PROBLEMS / "diet/problem.txt"), "--strategy", "magic"], "unknown strategy 'magic'"),
    ([str(PROBLEMS / "diet/problem.txt"), "--target", "excel"], "unknown target 'excel'"),
    ([str(PROBLEMS / "diet/problem.txt"), "--backend", "abacus"], "unknown backend 'abacus'"),
    ([str(PROBLEMS / "diet/problem.txt"), "--llm", "scripted:/nonexistent.json"], "no such file"),
])
def test_bad_input_is_one_line_and_exit_2(args: list[str], message: str, no_llm_config: Path) -> None:
    r = runner.invoke(app, ["solve", *args])
    assert r.exit_code == 2, r.output
    assert message in r.output and "Traceback" not in r.output


def test_empty_problem_is_exit_2(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("  \n")
    r = runner.invoke(app, ["solve", str(empty)])
    assert r.exit_code == 2 and "empty" in r.output


def test_the_problem_can_be_given_inline(no_llm_config: Path) -> None:
    # a pasted problem is longer than a file name may be: it must be read, not looked up as a file
    text = ("A workshop makes desks and shelves. Each desk takes 3 hours of carpentry and each shelf takes 2 hours. "
            "At most 60 hours of carpentry are available each week in the workshop. A desk earns a profit of $80 and a shelf $50. How many "
            "desks and shelves should be made to maximize profit?")
    assert len(text.encode()) > 255  # longer than a file name may be here
    r = runner.invoke(app, ["solve", text, "--json"])
    assert r.exit_code == 0, r.output
    assert json.loads(r.output)["solution"]["objective"] == 1600  # 20 desks: 60 hours / 3


def test_a_short_missing_name_is_a_missing_file_not_a_problem(no_llm_config: Path) -> None:
    r = runner.invoke(app, ["solve", "my problem.txt"])
    assert r.exit_code == 2 and "no such file" in r.output and "in quotes" in r.output

"""Each page's logic through Streamlit's AppTest (no browser): offline, with the scripted LLM, bad input."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

REPO = Path(__file__).resolve().parents[3]
PAGES = REPO / "app" / "web" / "screens"


def page(name: str) -> AppTest:
    at = AppTest.from_file(str(PAGES / f"{name}.py"), default_timeout=60)
    return at.run()


def texts(at: AppTest) -> str:
    parts = [e.value for kind in ("markdown", "success", "error", "warning", "info", "caption") for e in getattr(at, kind)]
    return "\n".join(str(p) for p in parts)


def button(at: AppTest, label: str):
    return next(b for b in at.button if b.label == label)


def test_offline_solve_of_the_shipped_example() -> None:
    at = page("solve_page")
    at.selectbox[0].select("furniture").run()
    button(at, "Solve").click().run()
    assert not at.exception
    out = texts(at)
    assert "optimal" in out and "3200" in out
    assert any("Variables" in str(m.value) for m in at.markdown)  # the five elements as tables
    assert at.dataframe  # model and solution tables


def test_empty_problem_is_a_clear_message() -> None:
    at = page("solve_page")
    button(at, "Solve").click().run()
    assert not at.exception
    assert any("empty" in e.value for e in at.error)


def test_invalid_model_string_is_a_clear_message(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("OPENAI_API_KEY", raising=False)
    at = AppTest.from_file(str(PAGES / "solve_page.py"), default_timeout=60)
    at.session_state["llm_model"] = "openai/gpt-4o-mini"  # no OPENAI_API_KEY here
    at.run()
    at.selectbox[0].select("furniture").run()
    button(at, "Solve").click().run()
    assert not at.exception
    assert at.error and "OPENAI_API_KEY" in at.error[0].value


def test_scripted_llm_through_the_five_element_strategy(tmp_path: Path) -> None:
    model = json.loads((REPO / "modeler" / "examples" / "furniture.json").read_text())
    script = tmp_path / "script.json"
    script.write_text(json.dumps([json.dumps(model)] * 4))
    at = AppTest.from_file(str(PAGES / "solve_page.py"), default_timeout=60)
    at.session_state["llm_model"] = f"scripted:{script}"
    at.run()
    at.selectbox[0].select("furniture").run()
    at.selectbox[1].select("five_element").run()
    button(at, "Solve").click().run()
    assert not at.exception
    out = texts(at)
    assert "3200" in out and "LLM call" in out


def test_infeasible_model_shows_the_conflicting_constraints(tmp_path: Path) -> None:
    model = json.loads((REPO / "modeler" / "examples" / "furniture.json").read_text())
    model["constraints"]["too_many_chairs"] = {"expr": 'make["chair"] >= 500', "description": "500 chairs"}
    script = tmp_path / "script.json"
    script.write_text(json.dumps([json.dumps(model)] * 20))
    at = AppTest.from_file(str(PAGES / "solve_page.py"), default_timeout=60)
    at.session_state["llm_model"] = f"scripted:{script}"
    at.run()
    at.selectbox[0].select("furniture").run()
    at.selectbox[1].select("five_element").run()
    button(at, "Solve").click().run()
    assert not at.exception
    assert "infeasible" in texts(at)
    assert any(h.value == "Why it is infeasible" for h in at.subheader)
    conflicts = next(d.value for d in at.dataframe if "conflicting constraint" in d.value.columns)
    assert "too_many_chairs" in set(conflicts["conflicting constraint"])


def test_settings_keep_the_key_in_the_session_only(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("OPENAI_API_KEY", raising=False)
    checked: list[tuple[str, str | None]] = []  # litellm's own check (seconds to import) is tested in the browser
    monkeypatch.setattr("modeler.llm.client.full_check", lambda model, key, base: checked.append((model, key)))
    at = page("settings_page")
    at.text_input[0].input("openai/gpt-4o-mini")
    at.text_input[1].input("sk-test-not-a-real-key")
    button(at, "Save for this session").click().run()
    assert not at.exception
    assert at.session_state["llm_key"] == "sk-test-not-a-real-key"
    assert checked == [("openai/gpt-4o-mini", "sk-test-not-a-real-key")]
    import os

    assert "sk-test-not-a-real-key" not in os.environ.values()


def test_settings_refuse_a_model_without_its_key(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("OPENAI_API_KEY", raising=False)
    at = page("settings_page")
    at.text_input[0].input("openai/gpt-4o-mini")
    button(at, "Save for this session").click().run()
    assert not at.exception
    assert at.error and "Not saved" in at.error[0].value and "OPENAI_API_KEY" in at.error[0].value
    assert "llm_model" not in at.session_state


def test_forget_goes_offline_even_with_OPTIPILOT_LLM_set(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("OPTIPILOT_LLM", "openai/gpt-4o-mini")
    at = page("settings_page")
    button(at, "Forget (work offline)").click().run()
    assert not at.exception and at.session_state["llm_model"] == ""
    solve = AppTest.from_file(str(PAGES / "solve_page.py"), default_timeout=60)
    solve.session_state["llm_model"] = ""
    solve.run()
    assert "offline" in " ".join(c.value for c in solve.caption)


def test_stop_drops_the_result_and_asks_the_work_to_stop() -> None:
    import threading

    from app.web.common import Job

    release, stopped = threading.Event(), threading.Event()
    job = Job(lambda: release.wait(5) and "done", "test", on_cancel=stopped.set)
    job.cancel()
    release.set()
    assert job.cancelled and stopped.is_set()
    assert job.future.result(timeout=5) == "done"  # the thread ends on its own; the page ignores it


def test_combinatorial_tsp_with_lkh_gap_and_qubo() -> None:
    at = page("combinatorial_page")
    at.number_input[0].set_value(30)
    at.number_input[2].set_value(0.2)
    at.checkbox[0].check()
    button(at, "Solve TSP").click().run()
    assert not at.exception
    metrics = {m.label: m.value for m in at.metric}
    assert float(metrics["Tour length"]) > 0 and metrics["Gap to LKH-3"].endswith("%")
    button(at, "Solve QUBO").click().run()
    assert not at.exception and at.table


def test_benchmarks_page_loads_committed_runs() -> None:
    at = page("benchmarks_page")
    assert not at.exception
    assert at.multiselect and at.dataframe


def _travel_page() -> AppTest:
    pytest.importorskip("modeler.travel", reason="modeler.travel is not in this build")
    from modeler.travel import TravelError, load_query

    try:
        load_query(0)
    except TravelError as e:
        pytest.skip(f"TravelPlanner data not available: {e}")
    at = page("travel_page")
    at.selectbox[0].select("0").run()
    button(at, "Read the request").click().run()
    assert not at.exception
    return at


def test_travel_page_plans_a_training_query() -> None:
    at = _travel_page()
    assert at.text_input[0].value == "St. Petersburg" and at.text_input[1].value == "Rockford"
    button(at, "Plan the trip").click().run()
    assert not at.exception
    assert "Planned in" in texts(at) and at.dataframe and at.table  # the days, the cost breakdown


def test_travel_page_infeasible_request_reasons_and_one_click_repair() -> None:
    at = _travel_page()
    next(n for n in at.number_input if n.key == "tr-budget").set_value(300.0).run()
    button(at, "Plan the trip").click().run()
    assert not at.exception
    out = texts(at)
    assert "No plan meets every constraint" in out and "too low" in out
    accept = [b for b in at.button if b.label.startswith("Accept:")]
    assert accept
    accept[0].click().run()
    assert not at.exception
    assert "Planned in" in texts(at)
    assert next(n for n in at.number_input if n.key == "tr-budget").value > 300


def test_travel_page_rejects_invalid_constraints() -> None:
    at = _travel_page()
    next(t for t in at.text_input if t.key == "tr-origin").input("Atlantis").run()
    button(at, "Plan the trip").click().run()
    assert not at.exception
    assert at.error and "Atlantis" in at.error[0].value


def test_travel_page_empty_request() -> None:
    pytest.importorskip("modeler.travel", reason="modeler.travel is not in this build")
    at = page("travel_page")
    button(at, "Read the request").click().run()
    assert not at.exception and at.error and "empty" in at.error[0].value


def test_benchmarks_drill_down_shows_verdict_problem_and_model() -> None:
    from benchmarks.suites.base import DataNotFoundError, data_dir

    try:
        data_dir()
    except DataNotFoundError as e:
        pytest.skip(f"benchmark data not available: {e}")
    at = page("benchmarks_page")
    at.multiselect[0].set_value(["selfcheck-nl4opt/nl4opt"]).run()
    assert not at.exception
    assert any("Problem" in m.value for m in at.markdown) and at.text  # the problem's words
    assert at.success or at.error  # the verdict


class _Upload:
    def __init__(self, name: str, data: bytes):
        self.name, self.data = name, data

    def getvalue(self) -> bytes:
        return self.data


def test_tsp_points_from_a_file_and_bad_files() -> None:
    import sys

    sys.path.insert(0, str(PAGES))
    try:
        from combinatorial_page import _points
    finally:
        sys.path.remove(str(PAGES))
    coords = _points(_Upload("pts.txt", b"0 0\n1 0\n1,1\n0 1\n"), 0, 0)
    assert coords.shape == (4, 2)
    with pytest.raises(ValueError, match="expected one 'x y' pair per line"):
        _points(_Upload("bad.txt", b"0 0\nhello world\n"), 0, 0)
    with pytest.raises(ValueError, match="is empty"):
        _points(_Upload("empty.txt", b"  \n"), 0, 0)
    with pytest.raises(ValueError, match="too large"):
        _points(_Upload("big.txt", b"0 0\n" * 3_000_000), 0, 0)


@pytest.mark.slow
def test_combinatorial_robust_knapsack() -> None:
    at = page("combinatorial_page")
    next(n for n in at.number_input if n.key == "ro-n").set_value(10)
    next(n for n in at.number_input if n.key == "ro-time").set_value(5.0)
    button(at, "Solve robust knapsack").click().run()
    assert not at.exception and at.table


def test_ui_command_starts_streamlit_headless_on_the_given_address(monkeypatch: pytest.MonkeyPatch) -> None:
    from typer.testing import CliRunner

    from app.cli import app

    calls: list[list[str]] = []
    monkeypatch.setattr("subprocess.call", lambda cmd: calls.append(cmd) or 0)
    result = CliRunner().invoke(app, ["ui", "--port", "8600", "--host", "0.0.0.0"])
    assert result.exit_code == 0, result.output
    cmd = calls[0]
    assert cmd[1:4] == ["-m", "streamlit", "run"] and cmd[4].endswith("app/web/main.py")
    assert cmd[cmd.index("--server.port") + 1] == "8600" and cmd[cmd.index("--server.address") + 1] == "0.0.0.0"
    assert cmd[cmd.index("--server.headless") + 1] == "true"


def test_ui_command_on_a_taken_port_says_so_without_a_traceback() -> None:
    import socket

    from typer.testing import CliRunner

    from app.cli import app

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        s.listen()
        result = CliRunner().invoke(app, ["ui", "--port", str(s.getsockname()[1])])
    assert result.exit_code == 2
    assert "cannot serve on 127.0.0.1" in result.output and "Traceback" not in result.output

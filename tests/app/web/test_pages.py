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


def test_invalid_model_string_is_a_clear_message() -> None:
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


def test_settings_keep_the_key_in_the_session_only(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("OPENAI_API_KEY", raising=False)
    at = page("settings_page")
    at.text_input[0].input("openai/gpt-4o-mini")
    at.text_input[1].input("sk-test-not-a-real-key")
    button(at, "Save for this session").click().run()
    assert not at.exception
    assert at.session_state["llm_key"] == "sk-test-not-a-real-key"
    import os

    assert "sk-test-not-a-real-key" not in os.environ.values()


def test_combinatorial_tsp_and_qubo() -> None:
    at = page("combinatorial_page")
    at.number_input[0].set_value(30)
    at.number_input[2].set_value(0.2)
    button(at, "Solve TSP").click().run()
    assert not at.exception
    assert any(m.label == "Tour length" for m in at.metric)
    button(at, "Solve QUBO").click().run()
    assert not at.exception and at.table


def test_benchmarks_page_loads_committed_runs() -> None:
    at = page("benchmarks_page")
    assert not at.exception
    assert at.multiselect and at.dataframe


def test_travel_page_plans_a_training_query() -> None:
    pytest.importorskip("modeler.travel")
    from modeler.travel import TravelError, load_query

    try:
        load_query(0)
    except TravelError as e:
        pytest.skip(f"TravelPlanner data not available: {e}")
    at = page("travel_page")
    at.selectbox[0].select("0").run()
    button(at, "Read the request").click().run()
    assert not at.exception
    button(at, "Plan the trip").click().run()
    assert not at.exception
    out = texts(at)
    assert "Planned" in out or "No plan" in out

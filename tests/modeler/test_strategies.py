"""The LLM strategies end to end (five_element, direct, templates) on problems written for these tests.

Each problem in tests/modeler/problems/<name>/ has the text, the optimum worked out by hand
(expected.json, with the arithmetic in its note) and the answers an LLM could give for each strategy.
Every strategy runs on every problem twice: through ScriptedLLM (in process) and through
LocalOpenAIServer (the same answers over HTTP, through the real litellm client). Nothing touches the
network beyond 127.0.0.1.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from modeler import Modeler
from modeler.llm import LiteLLMClient
from modeler.llm.testing import LocalOpenAIServer, ScriptedLLM

PROBLEMS = Path(__file__).parent / "problems"
NAMES = sorted(p.name for p in PROBLEMS.iterdir() if (p / "problem.txt").is_file())


def problem(name: str) -> tuple[str, dict[str, Any]]:
    d = PROBLEMS / name
    return (d / "problem.txt").read_text(), json.loads((d / "expected.json").read_text())


def answers(name: str, strategy: str) -> list[str]:
    d = PROBLEMS / name
    if strategy == "templates":
        return [(d / "templates_1.md").read_text(), (d / "templates_2.md").read_text()]
    return [(d / f"{strategy}.md").read_text()]


def has_answers(name: str, strategy: str) -> bool:
    d = PROBLEMS / name
    return (d / ("templates_1.md" if strategy == "templates" else f"{strategy}.md")).is_file()


def http_client(server: LocalOpenAIServer, **kw: Any) -> LiteLLMClient:
    opts: dict[str, Any] = {"cache": False, "timeout": 10.0, "max_retries": 2, "backoff": 0.01} | kw
    return LiteLLMClient("openai/test-model", api_base=server.url, api_key="sk-test", **opts)


def check_answer(result: Any, expected: dict[str, Any]) -> None:
    assert result.status == "optimal", (result.status, result.error)
    if expected["objective"] is None:
        values = result.solution.values
        for k, v in expected["values"].items():
            assert values[k] == v, (k, values)
    else:
        assert result.solution.objective == pytest.approx(expected["objective"], rel=1e-6, abs=1e-6)


CASES = [(s, n) for s in ("five_element", "direct", "templates") for n in NAMES if has_answers(n, s)]


def test_enough_problems_per_strategy() -> None:
    for s in ("five_element", "direct", "templates"):
        assert sum(1 for strategy, _ in CASES if strategy == s) >= 10, s


@pytest.mark.parametrize(("strategy", "name"), CASES)
def test_scripted(strategy: str, name: str) -> None:
    text, expected = problem(name)
    llm = ScriptedLLM(answers(name, strategy))
    result = Modeler(llm=llm, strategy=strategy, target=expected.get("target")).solve(text)
    check_answer(result, expected)
    calls = [e for e in result.transcript if e.get("kind") == "llm"]
    assert len(calls) == len(llm.calls) == len(answers(name, strategy))
    assert result.tokens == sum(e["tokens"] for e in calls) > 0
    assert all(e["prompt_version"] and e["latency"] >= 0 for e in calls)
    if strategy == "direct":
        assert result.code and result.language == expected["target"]
    else:
        assert result.model is not None and result.code is None
    assert result.explanation


@pytest.mark.parametrize(("strategy", "name"), CASES)
def test_over_http(strategy: str, name: str) -> None:
    text, expected = problem(name)
    with LocalOpenAIServer(answers(name, strategy)) as server:
        result = Modeler(llm=http_client(server), strategy=strategy, target=expected.get("target")).solve(text)
        assert len(server.requests) == len(answers(name, strategy))
        system = server.requests[0].messages[0]["content"]
    check_answer(result, expected)
    assert "JSON" in system  # the prompt states the output contract
    assert all(e.get("model") == "openai/test-model" for e in result.transcript if e.get("kind") == "llm")

"""Failure injection and the inference loop: repair rounds, self-debug, self-correction after
infeasibility, sandbox timeouts, sampling with a vote, self-verification, budgets, LLM faults."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from modeler import Modeler
from modeler.llm import LiteLLMClient, LLMConfigError
from modeler.llm.testing import Fault, LocalOpenAIServer, ScriptedLLM
from modeler.strategies.base import Budget, Candidate, Context
from modeler.strategies.inference import vote

PROBLEMS = Path(__file__).parent / "problems"


def text(name: str) -> str:
    return (PROBLEMS / name / "problem.txt").read_text()


def answer(name: str, file: str = "five_element.md") -> str:
    return (PROBLEMS / name / file).read_text()


def model_answer(model: dict[str, Any], prose: str = "") -> str:
    return f"{prose}\n```json\n{json.dumps(model)}\n```\n"


STAFFING = {
    "name": "staffing",
    "variables": {"nurses": {"type": "integer"}, "aides": {"type": "integer"}},
    "objective": {"sense": "min", "expr": "1000 * nurses + 600 * aides"},
    "constraints": {
        "total": {"expr": "nurses + aides >= 20", "description": "at least 20 staff"},
        "min_nurses": {"expr": "nurses >= 6"},
        "ratio": {"expr": "aides <= 2 * nurses"},
    },
}


def events(result: Any, kind: str) -> list[dict[str, Any]]:
    return [e for e in result.transcript if e.get("kind") == kind]


# ------------------------------------------------------------------------------------ LLM faults


def test_rate_limit_then_success_over_http() -> None:
    with LocalOpenAIServer([Fault.rate_limit, answer("diet")]) as server:
        llm = LiteLLMClient("openai/test-model", api_base=server.url, api_key="sk-test", cache=False,
                            max_retries=2, backoff=0.01)
        result = Modeler(llm=llm, strategy="five_element").solve(text("diet"))
        assert len(server.requests) == 2  # the client retried the 429
    assert result.status == "optimal" and result.solution.objective == pytest.approx(17)
    assert len(events(result, "llm")) == 1  # one logical call, retries inside the client


def test_timeout_then_success_over_http() -> None:
    with LocalOpenAIServer([Fault.stall(3.0), answer("farm")]) as server:
        llm = LiteLLMClient("openai/test-model", api_base=server.url, api_key="sk-test", cache=False,
                            timeout=0.5, max_retries=2, backoff=0.01)
        result = Modeler(llm=llm, strategy="five_element").solve(text("farm"))
        assert len(server.requests) == 2
    assert result.status == "optimal" and result.solution.objective == pytest.approx(26000)


def test_llm_failure_is_a_clear_error() -> None:
    result = Modeler(llm=ScriptedLLM([Fault.auth_error]), strategy="five_element").solve(text("diet"))
    assert result.status == "error"
    assert "the LLM call for the model step failed" in result.error
    assert events(result, "llm")[0]["error"]


# ----------------------------------------------------------------------------------- repair rounds


def test_invalid_json_then_valid_is_repaired() -> None:
    llm = ScriptedLLM(['Here it is: ```json\n{"name": "diet", "variables": {food_a: 1}\n```', answer("diet")])
    result = Modeler(llm=llm, strategy="five_element").solve(text("diet"))
    assert result.status == "optimal" and result.solution.objective == pytest.approx(17)
    repair = events(result, "repair")
    assert len(repair) == 1 and "valid JSON" in repair[0]["problems"]
    # the second call carries the first answer and the problem with it
    assert llm.calls[1].messages[-2]["role"] == "assistant"
    assert "double-quoted keys" in llm.calls[1].messages[-1]["content"]


def test_model_errors_go_back_with_every_issue() -> None:
    bad = json.loads(json.dumps(STAFFING))
    bad["constraints"]["ratio"]["expr"] = "helpers <= 2 * nurses"
    bad["objective"]["expr"] = "1000 * nurse + 600 * aides"
    llm = ScriptedLLM([model_answer(bad), model_answer(STAFFING)])
    result = Modeler(llm=llm, strategy="five_element").solve(text("staffing"))
    assert result.status == "optimal" and result.solution.objective == pytest.approx(14800)
    sent = llm.calls[1].messages[-1]["content"]
    assert "helpers" in sent and "'ratio'" in sent and "nurse" in sent and "objective" in sent  # both, located


def test_repair_rounds_are_bounded() -> None:
    llm = ScriptedLLM(["no json here"] * 2)
    result = Modeler(llm=llm, strategy="five_element", repair_rounds=1).solve(text("diet"))
    assert result.status == "error" and "after 1 repair round" in result.error
    assert len(llm.calls) == 2


# ------------------------------------------------------------------ self-debug and self-correction


CRASHING = """```python
import json
import cpmpy as cp
tables = cp.intvar(0, 100, name="tables")
chairs = cp.intvar(0, 100, name="chairs")
m = cp.Model(4 * tables + 3 * chairs <= 120, 6 * tables + 2 * chairs <= 144)
m.maximize(30 * tables + 20 * chair)
m.solve()
```"""


def test_code_that_crashes_is_debugged() -> None:
    llm = ScriptedLLM([CRASHING, answer("furniture", "direct.md")])
    result = Modeler(llm=llm, strategy="direct", target="cpmpy", time_limit=30).solve(text("furniture"))
    assert result.status == "optimal" and result.solution.objective == pytest.approx(860)
    fb = events(result, "feedback")
    assert len(fb) == 1 and fb[0]["step"] == "self-debug" and "NameError" in fb[0]["feedback"]
    assert "NameError" in llm.calls[1].messages[-1]["content"]  # the error went back to the LLM
    assert llm.calls[1].messages[-2]["content"].count("chair)") == 1  # with the failing program


def test_minizinc_error_is_debugged() -> None:
    broken = answer("send_more", "direct.md").replace('include "all_different.mzn";', "")
    llm = ScriptedLLM([broken, answer("send_more", "direct.md")])
    result = Modeler(llm=llm, strategy="direct", target="minizinc", time_limit=30).solve(text("send_more"))
    assert result.status == "optimal" and result.solution.values["s"] == 9
    assert "MiniZinc" in events(result, "feedback")[0]["feedback"]


def test_code_that_hangs_is_stopped_and_reported() -> None:
    hang = "```python\nimport json\nwhile True:\n    pass\n```"
    result = Modeler(llm=ScriptedLLM([hang]), strategy="direct", target="cpmpy", time_limit=1.5).solve(text("furniture"))
    assert result.status == "timeout"
    assert "time limit" in result.error
    assert not events(result, "feedback")  # a hang is reported, not sent back for another full timeout


def test_infeasible_model_repaired_after_conflict_feedback() -> None:
    wrong = json.loads(json.dumps(STAFFING))
    wrong["constraints"]["total"]["expr"] = "nurses + aides <= 5"  # direction and limit misread
    llm = ScriptedLLM([model_answer(wrong), model_answer(STAFFING)])
    result = Modeler(llm=llm, strategy="five_element").solve(text("staffing"))
    assert result.status == "optimal" and result.solution.objective == pytest.approx(14800)
    fb = events(result, "feedback")[0]
    assert fb["status"] == "infeasible" and fb["step"] == "self-correct"
    sent = llm.calls[1].messages[-1]["content"]
    assert "infeasible" in sent and "total" in sent and "min_nurses" in sent  # the conflict, in words


def test_unbounded_model_gets_feedback() -> None:
    unbounded = {"name": "farm", "variables": {"wheat": {}, "corn": {}},
                 "objective": {"sense": "max", "expr": "200 * wheat + 300 * corn"},
                 "constraints": {"min_wheat": {"expr": "wheat >= 20"}}}
    llm = ScriptedLLM([model_answer(unbounded), answer("farm")])
    result = Modeler(llm=llm, strategy="five_element").solve(text("farm"))
    assert result.solution.objective == pytest.approx(26000)
    assert "unbounded" in llm.calls[1].messages[-1]["content"]


def test_feedback_rounds_are_bounded() -> None:
    wrong = json.loads(json.dumps(STAFFING))
    wrong["constraints"]["total"]["expr"] = "nurses + aides <= 5"
    llm = ScriptedLLM([model_answer(wrong)] * 3)
    result = Modeler(llm=llm, strategy="five_element", feedback_rounds=2).solve(text("staffing"))
    assert result.status == "infeasible" and len(llm.calls) == 3
    assert "cannot hold together" in result.explanation


# ------------------------------------------------------------------------------- sampling, verify


def test_sampling_votes_for_the_majority_objective() -> None:
    wrong = json.loads(json.dumps(STAFFING))
    wrong["constraints"]["ratio"]["expr"] = "aides <= 3 * nurses"  # a misreading: 6 nurses + 14 aides = 14400
    llm = ScriptedLLM([model_answer(wrong), model_answer(STAFFING), model_answer(STAFFING)])
    result = Modeler(llm=llm, strategy="five_element", samples=3).solve(text("staffing"))
    assert result.solution.objective == pytest.approx(14800)
    assert [c.sample_index for c in llm.calls] == [0, 1, 2]  # distinct, so a cache keeps them apart
    assert all(c.temperature > 0 for c in llm.calls)
    (v,) = events(result, "vote")
    assert v["votes"] == {"14400": 1, "14800": 2} and v["chosen"] == "14800"


def test_vote_ties_go_to_confidence_then_order() -> None:
    class R:
        def __init__(self, obj: float) -> None:
            from solvers.result import Solution, Status

            self.solution = Solution(status=Status.OPTIMAL, objective=obj)

    ctx = Context()
    a, b = Candidate(confidence=0.2), Candidate(confidence=0.9)
    assert vote([(0, a, R(1.0)), (1, b, R(2.0))], ctx)[0] is b
    c, d = Candidate(), Candidate()
    assert vote([(0, c, R(1.0)), (1, d, R(2.0))], ctx)[0] is c


def test_verify_fixed_model_is_used() -> None:
    no_ratio = json.loads(json.dumps(STAFFING))
    del no_ratio["constraints"]["ratio"]  # 6 nurses + 14 aides = 14400 without the ratio
    fixed = "FIXED\nThe nurse-to-aide ratio was missing.\n" + model_answer(STAFFING)
    llm = ScriptedLLM([model_answer(no_ratio), fixed])
    result = Modeler(llm=llm, strategy="five_element", verify=True).solve(text("staffing"))
    assert result.solution.objective == pytest.approx(14800)
    assert "ratio" in result.model.to_dict()["constraints"]
    (v,) = events(result, "verify")
    assert v["verdict"] == "FIXED" and v["used"] is True
    assert "14400" in llm.calls[1].messages[0]["content"]  # the verifier saw the outcome


def test_verify_ok_keeps_the_model() -> None:
    llm = ScriptedLLM([answer("bakery"), "OK"])
    result = Modeler(llm=llm, strategy="five_element", verify=True).solve(text("bakery"))
    assert result.solution.objective == pytest.approx(200)
    assert events(result, "verify")[0]["verdict"] == "OK"


# ------------------------------------------------------------------------------------------ budget


def test_budget_exhaustion_is_a_clear_error() -> None:
    llm = ScriptedLLM(["not a model", answer("diet")])
    result = Modeler(llm=llm, strategy="five_element", budget=Budget(max_calls=1)).solve(text("diet"))
    assert result.status == "error"
    assert "budget" in result.error and "1 of 1 LLM calls" in result.error
    assert len(llm.calls) == 1


def test_token_budget() -> None:
    llm = ScriptedLLM([answer("diet")])
    result = Modeler(llm=llm, strategy="five_element", budget=Budget(max_tokens=10), verify=True).solve(text("diet"))
    # the model call went through; verification would pass the budget, so it is skipped and noted
    assert result.status == "optimal"
    assert "tokens used" in events(result, "verify")[0]["note"]


def test_sampling_stops_at_the_budget_and_votes_on_what_it_has() -> None:
    llm = ScriptedLLM([answer("diet")] * 2)
    result = Modeler(llm=llm, strategy="five_element", samples=4, budget=Budget(max_calls=2)).solve(text("diet"))
    assert result.solution.objective == pytest.approx(17)
    assert events(result, "vote")[0]["votes"] == {"17": 2}


# ---------------------------------------------------------------------------------- configuration


def test_llm_strategy_without_llm_says_how_to_configure(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path))
    monkeypatch.delenv("OPTIPILOT_LLM", raising=False)
    result = Modeler(strategy="five_element").solve(text("diet"))
    assert result.status == "error"
    assert "--llm" in result.error and "OPENAI_API_KEY" in result.error and "OPTIPILOT_LLM" in result.error


def test_offline_refusal_says_how_to_configure(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path))
    monkeypatch.delenv("OPTIPILOT_LLM", raising=False)
    result = Modeler().solve(text("send_more"))  # no LLM: the offline modeler, which refuses a puzzle
    assert result.status == "refused"
    assert "optipilot.toml" in result.error and "--llm openai/gpt-4o-mini" in result.error


def test_scripted_llm_hook(tmp_path: Path) -> None:
    script = tmp_path / "answers.json"
    script.write_text(json.dumps([answer("diet")]))
    result = Modeler(llm=f"scripted:{script}", strategy="five_element").solve(text("diet"))
    assert result.solution.objective == pytest.approx(17)
    with pytest.raises(LLMConfigError, match="no such file"):
        Modeler(llm=f"scripted:{tmp_path / 'none.json'}").solve(text("diet"))


def test_hints_reach_the_prompt() -> None:
    from modeler.prompts import entity_hints

    hints = entity_hints(text("farm"))
    llm = ScriptedLLM([answer("farm")])
    Modeler(llm=llm, strategy="five_element", hints=True).solve(text("farm"))
    first_user = llm.calls[0].messages[1]["content"]
    if hints:  # the tagger's artifact is present
        assert "Hints from an entity tagger" in first_user and "wheat" in hints
    else:
        assert "Hints" not in first_user


def test_truncated_answer_is_repaired_with_a_note() -> None:
    llm = ScriptedLLM([Fault.truncated('```json\n{"name": "diet", "variables": {"food_a": {'), answer("diet")])
    result = Modeler(llm=llm, strategy="five_element").solve(text("diet"))
    assert result.solution.objective == pytest.approx(17)
    assert "cut off" in llm.calls[1].messages[-1]["content"]
    assert llm.calls[0].temperature == 0.0  # one sample: the client's default temperature


def test_grounding_error_goes_back_to_the_llm() -> None:
    steps = {"name": "steps", "sets": {"T": "1..3"},
             "variables": {"x": {"index": ["T"], "type": "integer", "ub": 5}},
             "objective": {"sense": "max", "expr": "sum(x[t] for t in T)"},
             "constraints": {"step": {"forall": "t in T", "expr": "x[t + 1] >= x[t]"}}}
    fixed = json.loads(json.dumps(steps))
    fixed["constraints"]["step"]["forall"] = "t in T if t < 3"
    llm = ScriptedLLM([model_answer(steps), model_answer(fixed)])
    result = Modeler(llm=llm, strategy="five_element").solve("Choose x1..x3 in 0..5, nondecreasing, largest sum.")
    assert result.solution.objective == pytest.approx(15)
    sent = llm.calls[1].messages[-1]["content"]
    assert "Solving the model failed" in sent and "4 is not a member of set 'T'" in sent


def test_malformed_response_and_repair_round_over_http() -> None:
    script = [Fault.malformed, "I think the model is {not json", answer("knapsack")]
    with LocalOpenAIServer(script) as server:
        llm = LiteLLMClient("openai/test-model", api_base=server.url, api_key="sk-test", cache=False,
                            max_retries=2, backoff=0.01)
        result = Modeler(llm=llm, strategy="five_element").solve(text("knapsack"))
        assert len(server.requests) == 3
        assert "valid JSON object" in server.requests[2].messages[-1]["content"]
    assert result.solution.objective == pytest.approx(21)
    assert [e["step"] for e in events(result, "llm")] == ["model", "model-repair"]

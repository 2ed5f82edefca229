"""Constraint templates: slots to linear constraints, big-M links from bounds, and slot errors that
go back to the LLM; answer parsing; the prompt files."""

from __future__ import annotations

import json

import pytest

from modeler import Modeler
from modeler.ir import Model
from modeler.llm.testing import ScriptedLLM
from modeler.prompts import PromptError, available, prompt
from modeler.strategies.direct import TARGETS, VARIANTS, prompt_for
from modeler.strategies.parsing import AnswerFormatError, extract_code, extract_json, verdict
from modeler.strategies.templates_fill import TemplateError, Var, build_model, read_variables
from solvers import solve


def built(variables: list[Var], classification: dict) -> tuple[dict, Model]:
    data, _ = build_model(variables, classification)
    return data, Model.from_json(data)


def test_big_m_comes_from_implied_bounds() -> None:
    # no declared upper bounds: x <= 12 (a bound constraint), y <= 30 - 2x <= 30 (a weighted sum)
    xs = [Var("x", "integer"), Var("y", "integer")]
    data, model = built(xs, {
        "objective": {"sense": "max", "coefficients": {"x": 10, "y": 8}},
        "constraints": [{"type": "upper_bound", "var": "x", "limit": 12},
                        {"type": "weighted_sum_upper", "coefficients": {"x": 2, "y": 1}, "limit": 30},
                        {"type": "at_most_one", "vars": ["x", "y"]}]})
    cons = data["constraints"]
    assert cons["link_x_upper"]["expr"] == "x <= 12 * use_x"
    assert cons["link_y_upper"]["expr"] == "y <= 30 * use_y"
    assert "link_x_lower" not in cons  # at most one needs only "x > 0 forces use_x"
    assert data["variables"]["use_x"]["type"] == "binary"
    sol = solve(model)
    assert sol.objective == pytest.approx(240)  # y alone: 30 units (the shared-line problem without y <= 20)


def test_if_then_on_amounts_links_both_sides() -> None:
    xs = [Var("a", "integer", ub=10), Var("b", "continuous", ub=5, min_amount=2)]
    data, model = built(xs, {
        "objective": {"sense": "max", "coefficients": {"a": 1, "b": -1}},
        "constraints": [{"type": "if_then", "if": "a", "then": "b"}]})
    assert data["constraints"]["link_b_lower"]["expr"] == "b >= 2 * use_b"
    sol = solve(model)
    assert sol.objective == pytest.approx(8)  # a = 10 forces b >= 2


def test_exactly_one_over_amounts() -> None:
    xs = [Var("p", "integer", ub=4), Var("q", "integer", ub=6)]
    _, model = built(xs, {"objective": {"sense": "max", "coefficients": {"p": 3, "q": 1}},
                          "constraints": [{"type": "exactly_one", "vars": ["p", "q"]}]})
    sol = solve(model)
    assert sol.objective == pytest.approx(12) and sol.values["q"] == 0


def test_every_slot_problem_is_listed() -> None:
    xs = [Var("x"), Var("y")]
    with pytest.raises(TemplateError) as e:
        build_model(xs, {"objective": {"sense": "max", "coefficients": {"x": 1, "z": 2}},
                         "constraints": [{"type": "upper_limit", "var": "x", "limit": 3},
                                         {"type": "proportion_upper", "var": "x", "ratio": 40},
                                         {"type": "at_least_one", "vars": ["x", "y"]},
                                         {"type": "sum_upper", "vars": ["x"]}]})
    msg = str(e.value)
    assert "'z' is not one of the variables" in msg
    assert "unknown type 'upper_limit'" in msg and "weighted_sum_upper" in msg
    assert "40% is 0.4" in msg
    assert "min_amount" in msg  # continuous amounts on the "used" side need their least amount
    assert "missing slot(s) limit" in msg


def test_missing_upper_bound_for_big_m() -> None:
    with pytest.raises(TemplateError, match="needs an upper bound"):
        build_model([Var("x", "integer"), Var("y", "integer")],
                    {"objective": None, "constraints": [{"type": "at_most_one", "vars": ["x", "y"]}]})


def test_read_variables_checks_names_and_types() -> None:
    assert [v.name for v in read_variables({"variables": {"a": {"type": "int"}}})] == ["a"]
    with pytest.raises(TemplateError) as e:
        read_variables({"variables": [{"name": "2x", "type": "real"}, {"name": "y", "type": "float32"}]})
    assert "'2x'" in str(e.value) and "float32" in str(e.value)


def test_templates_strategy_repairs_slots() -> None:
    step1 = '{"variables": [{"name": "cakes", "type": "integer"}, {"name": "pies", "type": "integer"}]}'
    bad = {"objective": {"sense": "max", "coefficients": {"cakes": 12, "pies": 4}},
           "constraints": [{"type": "weighted_sum_upper", "coefficients": {"cakes": 2, "pies": 1}, "limit": 40},
                           {"type": "ratio", "smaller": "cakes", "larger": "pies", "factor": 2}]}
    good = json.loads(json.dumps(bad))
    good["constraints"][1]["type"] = "comparison"
    llm = ScriptedLLM([step1, json.dumps(bad), json.dumps(good)])
    text = (__import__("pathlib").Path(__file__).parent / "problems/bakery/problem.txt").read_text()
    result = Modeler(llm=llm, strategy="templates").solve(text)
    assert result.solution.objective == pytest.approx(200)
    assert "unknown type 'ratio'" in llm.calls[2].messages[-1]["content"]
    kinds = [i.get("element") for i in next(e for e in result.transcript if e.get("kind") == "understanding")["items"]]
    assert kinds.count("variable") == 2 and kinds.count("constraint") == 2


# ------------------------------------------------------------------------------------------ parsing


def test_extract_json_variants() -> None:
    assert extract_json('Sure.\n```json\n{"a": 1}\n```\nDone.') == {"a": 1}
    assert extract_json('{"a": 2}') == {"a": 2}
    assert extract_json('The model is {"a": {"b": 3}} and {"c": 4} too.') == {"a": {"b": 3}}  # the largest
    assert extract_json('```\n{"a": 5}\n```') == {"a": 5}
    with pytest.raises(AnswerFormatError, match="valid JSON object"):
        extract_json("```json\n{'a': 1,}\n```")


def test_extract_code_prefers_the_longest_tagged_block() -> None:
    text = "Use `x`:\n```python\nx = 1\n```\nWhole program:\n```python\nimport json\nprint(json.dumps({}))\n```"
    assert extract_code(text, "python").startswith("import json")
    assert extract_code("import json\nprint(1)", "python") == "import json\nprint(1)\n"
    assert "solve satisfy" in extract_code("```mzn\nvar 1..3: x;\nsolve satisfy;\n```", "minizinc")
    assert extract_code("```python\nimport json\nprint(", "python").startswith("import json")  # truncated
    with pytest.raises(AnswerFormatError, match="```python"):
        extract_code("I cannot do that.", "python")


def test_verdict() -> None:
    assert verdict("OK") == "OK" and verdict("FIXED\n```json\n{}\n```") == "FIXED"
    assert verdict("The model looks fine.") == ""


# ------------------------------------------------------------------------------------------ prompts


@pytest.mark.parametrize("target", TARGETS)
def test_direct_prompts_build_up(target: str) -> None:
    texts = [prompt_for(target, v).text for v in VARIANTS]
    assert "ONE JSON object" in texts[0] and "objective" in texts[0]
    assert len(texts[0]) < len(texts[1]) < len(texts[2])
    assert texts[1].startswith(texts[0].split("\n")[0])
    assert all("{{" not in t for t in texts)


def test_prompt_files_and_placeholders() -> None:
    assert len(available("direct/")) == 17  # 5 targets x 3 variants + 2 output contracts
    with pytest.raises(PromptError, match="problems"):
        prompt("repair.md", what="x")
    p = prompt("repair.md", problems="P", what="W")
    assert "P" in p.text and len(p.version) == 8


def test_direct_prompt_variant_reaches_the_llm() -> None:
    from pathlib import Path

    d = Path(__file__).parent / "problems" / "diet"
    llm = ScriptedLLM([(d / "direct.md").read_text()])
    result = Modeler(llm=llm, strategy="direct", target="pulp", prompt_variant="documentation").solve(
        (d / "problem.txt").read_text())
    assert result.solution.objective == pytest.approx(17)
    system = llm.calls[0].messages[0]["content"]
    assert "PuLP reference" in system and "Guidelines for PuLP" in system
    assert next(e for e in result.transcript if e.get("kind") == "llm")["prompt"].endswith("pulp.documentation.md")


def test_templates_verify_fixes_the_classification() -> None:
    from pathlib import Path

    d = Path(__file__).parent / "problems" / "bakery"
    step2 = json.loads((d / "templates_2.md").read_text().split("```json")[1].split("```")[0])
    missing_ratio = {**step2, "constraints": step2["constraints"][:1]}  # without it: 20 cakes, 240
    fixed = "FIXED\nThe pie-to-cake ratio was missing.\n```json\n" + json.dumps(step2) + "\n```"
    llm = ScriptedLLM([(d / "templates_1.md").read_text(), json.dumps(missing_ratio), fixed])
    result = Modeler(llm=llm, strategy="templates", verify=True).solve((d / "problem.txt").read_text())
    assert result.solution.objective == pytest.approx(200)
    assert '"weighted_sum_upper"' in llm.calls[2].messages[0]["content"]  # it checked the classification
    assert "240" in llm.calls[2].messages[0]["content"]  # and saw the outcome: 20 cakes without the ratio

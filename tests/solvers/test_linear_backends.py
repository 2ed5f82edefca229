"""The LP / MILP backends (ortools-mip, pyomo-highs, pulp-cbc) on small models with known answers."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from modeler.ir import Model
from modeler.ir.evaluate import values_vector, violations
from modeler.ir.ground import GroundModel, ground
from solvers import solve
from solvers.backends import base
from solvers.result import Solution, Status

BACKENDS = ["ortools-mip", "pyomo-highs", "pulp-cbc"]
MODELS = Path(__file__).resolve().parents[1] / "models"


def _ground(model: dict[str, Any]) -> GroundModel:
    return ground(Model.from_json({"name": "t", **model}))


def _solve(backend: str, model: dict[str, Any] | GroundModel, time_limit: float = 20) -> Solution:
    """Solve with one backend; every returned solution must satisfy the model (checked independently)."""
    gm = model if isinstance(model, GroundModel) else _ground(model)
    b = base.get(backend)
    ok, why = b.supports(gm)
    assert ok, why
    sol = b.solve(b.compile(gm), time_limit)
    assert sol.backend == backend
    if sol.status.has_solution:
        assert violations(gm, values_vector(gm, sol.values)) == []
    return sol


@pytest.fixture(params=BACKENDS)
def backend(request: pytest.FixtureRequest) -> str:
    ok, why = base.get(request.param).available()
    if not ok:
        pytest.skip(why)
    return request.param


XY = {"x": {"type": "continuous"}, "y": {"type": "continuous"}}


def test_fractional_lp_optimum(backend: str) -> None:
    sol = _solve(backend, {"variables": XY, "objective": {"sense": "max", "expr": "x + y"},
                           "constraints": {"a": {"expr": "2 * x + y <= 4"}, "b": {"expr": "x + 2 * y <= 4"}}})
    assert sol.status == Status.OPTIMAL
    assert sol.objective == pytest.approx(8 / 3)
    assert sol.value("x") == pytest.approx(4 / 3) and sol.value("y") == pytest.approx(4 / 3)


def test_milp_optimum_differs_from_lp(backend: str) -> None:
    # the LP optimum is (3, 1.5) with 21; the integer optimum is (4, 0) with 20
    model = {"variables": {"x": {"type": "integer"}, "y": {"type": "integer"}},
             "objective": {"sense": "max", "expr": "5 * x + 4 * y"},
             "constraints": {"wood": {"expr": "6 * x + 4 * y <= 24"}, "labour": {"expr": "x + 2 * y <= 6"}}}
    sol = _solve(backend, model)
    assert sol.status == Status.OPTIMAL
    assert sol.objective == 20
    assert (sol.value("x"), sol.value("y")) == (4, 0)
    assert isinstance(sol.value("x"), int)


def test_equality_constrained_lp(backend: str) -> None:
    model = {"variables": {"x": {}, "y": {}, "z": {}},
             "objective": {"sense": "min", "expr": "x + 2 * y + 3 * z"},
             "constraints": {"total": {"expr": "x + y + z == 10"}, "gap": {"expr": "x - y == 2"},
                             "some_z": {"expr": "z >= 1"}}}
    sol = _solve(backend, model)
    assert sol.status == Status.OPTIMAL
    assert sol.objective == pytest.approx(15.5)
    assert sol.value("x") == pytest.approx(5.5) and sol.value("y") == pytest.approx(3.5)
    assert sol.value("z") == pytest.approx(1)


def test_indexed_model_with_free_variable(backend: str) -> None:
    # a free variable with a negative optimum, and labels with brackets and commas (not LP-file names)
    model = {"sets": {"I": ["a", "b"], "J": [1, 2]},
             "parameters": {"need": {"index": ["I", "J"], "value": [[-4, -3], [-2, -1]]}},
             "variables": {"x": {"index": ["I", "J"]}, "shift": {"lb": None}},
             "objective": {"sense": "min", "expr": "sum(x[i, j] for i in I for j in J) + 1.5 * shift"},
             "constraints": {"cover": {"expr": "x[i, j] + shift >= need[i, j]", "forall": "i in I, j in J"},
                             "floor": {"expr": "shift >= -10"}}}
    sol = _solve(backend, model)
    assert sol.status == Status.OPTIMAL
    # x[i,j] = max(0, need - shift); the total is piecewise linear in shift, least (-2) at shift = -2
    assert sol.objective == pytest.approx(-2)
    assert sol.value("shift") == pytest.approx(-2)
    assert sol.value("x", "b", 2) == pytest.approx(1) and sol.value("x", "a", 1) == pytest.approx(0)


def test_infeasible(backend: str) -> None:
    model = {"variables": {"x": {"ub": 3}, "y": {"ub": 3}}, "objective": {"sense": "max", "expr": "x + y"},
             "constraints": {"too_much": {"expr": "x + y >= 10"}}}
    sol = _solve(backend, model)
    assert sol.status == Status.INFEASIBLE
    assert sol.values == {} and sol.objective is None


def test_integer_infeasible_but_lp_feasible(backend: str) -> None:
    model = {"variables": {"x": {"type": "integer"}}, "constraints": {"half": {"expr": "2 * x == 3"}},
             "objective": {"sense": "min", "expr": "x"}}
    assert _solve(backend, model).status == Status.INFEASIBLE


def test_constraint_false_on_constants_is_infeasible(backend: str) -> None:
    model = {"parameters": {"cap": 5, "demand": 8}, "variables": {"x": {}},
             "objective": {"sense": "min", "expr": "x"},
             "constraints": {"enough": {"expr": "cap >= demand"}, "pos": {"expr": "x >= 1"}}}
    sol = _solve(backend, model)
    assert sol.status == Status.INFEASIBLE
    assert "'enough'" in sol.message


def test_unbounded(backend: str) -> None:
    model = {"variables": XY, "objective": {"sense": "max", "expr": "x + y"},
             "constraints": {"c": {"expr": "x - y <= 1"}}}
    assert _solve(backend, model).status == Status.UNBOUNDED


def test_unbounded_integer(backend: str) -> None:
    model = {"variables": {"n": {"type": "integer"}, "m": {"type": "integer"}},
             "objective": {"sense": "max", "expr": "n - m"}, "constraints": {"c": {"expr": "n - 2 * m <= 3"}}}
    assert _solve(backend, model).status == Status.UNBOUNDED


def test_satisfaction_model(backend: str) -> None:
    # `spare` is in no constraint: the solver never sees it, and it must still get a value in its bounds
    model = {"variables": {"x": {"type": "integer", "ub": 10}, "y": {"type": "integer", "ub": 10},
                           "spare": {"lb": 2, "ub": 4}},
             "constraints": {"sum": {"expr": "x + y == 7"}, "apart": {"expr": "x - y >= 3"}}}
    sol = _solve(backend, model)
    assert sol.status == Status.OPTIMAL and sol.objective is None
    assert sol.value("x") + sol.value("y") == 7 and sol.value("x") - sol.value("y") >= 3
    assert 2 <= sol.value("spare") <= 4


def test_constant_objective(backend: str) -> None:
    model = {"variables": {"x": {"ub": 1}}, "objective": {"sense": "min", "expr": "3"},
             "constraints": {"c": {"expr": "x >= 0.5"}}}
    sol = _solve(backend, model)
    assert sol.status == Status.OPTIMAL and sol.objective == 3


def test_model_text_is_lp_with_safe_names(backend: str) -> None:
    model = {"sets": {"I": ["tent", "map"]}, "parameters": {"w": {"index": ["I"], "value": [7, 1]}},
             "variables": {"take": {"index": ["I"], "type": "binary"}},
             "objective": {"sense": "max", "expr": "sum(w[i] * take[i] for i in I)"},
             "constraints": {"limit": {"expr": "sum(take[i] for i in I) <= 1"}}}
    sol = solve(model, backend=backend, time_limit=10, explain=False)
    assert sol.status == Status.OPTIMAL and sol.objective == 7
    assert sol.model_language == "lp"
    assert "take_tent" in sol.model_text and "[" not in sol.model_text.split("\n", 3)[-1]


@pytest.mark.parametrize("constraint, uses", [
    ({"expr": "all_different(v)"}, "all_different"),
    ({"expr": "v[1] * v[2] <= 10"}, "product"),
    ({"expr": "v[1] != v[2]"}, "!="),
    ({"expr": "v[1] >= 1 or v[2] >= 1"}, "'or'"),
])
def test_supports_refuses_nonlinear_with_reason(backend: str, constraint: dict[str, str], uses: str) -> None:
    gm = _ground({"sets": {"K": [1, 2, 3]}, "variables": {"v": {"index": ["K"], "type": "integer", "ub": 5}},
                  "constraints": {"fine": {"expr": "v[1] <= 4"}, "bad": constraint}})
    ok, why = base.get(backend).supports(gm)
    assert not ok
    assert "'bad'" in why and uses in why and "cpsat" in why


def test_supports_refuses_nonlinear_objective(backend: str) -> None:
    gm = _ground({"variables": XY, "objective": {"sense": "min", "expr": "max(x, y)"}})
    ok, why = base.get(backend).supports(gm)
    assert not ok and "objective" in why and "max()" in why and "z3" in why


def test_time_limit_is_honoured(backend: str) -> None:
    # a knapsack with many near-equal items: a MIP solver proves optimality quickly or stops at the limit
    n = 60
    model = {"sets": {"I": list(range(n))},
             "parameters": {"w": {"index": ["I"], "value": [1000 + (i * 37) % 101 for i in range(n)]}},
             "variables": {"t": {"index": ["I"], "type": "binary"}},
             "objective": {"sense": "max", "expr": "sum(w[i] * t[i] for i in I)"},
             "constraints": {"cap": {"expr": "sum(w[i] * t[i] for i in I) <= 30001"}}}
    sol = _solve(backend, model, time_limit=2)
    assert sol.status in (Status.OPTIMAL, Status.FEASIBLE)
    assert sol.solve_time < 10


def test_agrees_with_cpsat_on_integer_model(backend: str) -> None:
    n = 12
    cost = [[(3 * i + 7 * j) % 11 + 1 for j in range(n)] for i in range(n)]
    model = {"sets": {"W": list(range(n)), "J": list(range(n))},
             "parameters": {"cost": {"index": ["W", "J"], "value": cost}},
             "variables": {"x": {"index": ["W", "J"], "type": "binary"}},
             "objective": {"sense": "min", "expr": "sum(cost[w, j] * x[w, j] for w in W for j in J)"},
             "constraints": {"one_job": {"expr": "sum(x[w, j] for j in J) == 1", "forall": "w in W"},
                             "one_worker": {"expr": "sum(x[w, j] for w in W) <= 1", "forall": "j in J"}}}
    gm = _ground(model)
    ref = base.get("cpsat")
    expected = ref.solve(ref.compile(gm), 20)
    assert expected.status == Status.OPTIMAL
    sol = _solve(backend, gm)
    assert sol.status == Status.OPTIMAL and sol.objective == pytest.approx(expected.objective)


def _linear_reference_models() -> list[Path]:
    return sorted(p for p in MODELS.glob("*.json") if p.name != "expected.json")


@pytest.mark.parametrize("path", _linear_reference_models(), ids=lambda p: p.stem)
def test_reference_models(backend: str, path: Path) -> None:
    gm = ground(Model.from_json(path.read_text()))
    if not base.get(backend).supports(gm)[0]:
        pytest.skip("not a linear model")
    sol = _solve(backend, gm)
    expected_file = MODELS / "expected.json"
    expected = json.loads(expected_file.read_text()).get(path.stem) if expected_file.exists() else None
    if isinstance(expected, dict) and "status" in expected:
        assert sol.status.value == expected["status"]
        if expected.get("objective") is not None:
            assert sol.objective == pytest.approx(expected["objective"], rel=1e-6, abs=1e-6)
    else:  # no recorded answer yet: at least a definite one
        assert sol.status in (Status.OPTIMAL, Status.INFEASIBLE, Status.UNBOUNDED)


# ------------------------------------------------------------------------------------ shared helpers
def test_settle_infeasible_or_unbounded_rule() -> None:
    from solvers.backends._linear import settle_infeasible_or_unbounded as settle

    assert settle(None, True, lambda: True, "S") == (Status.UNBOUNDED, pytest.approx(
        "S said 'infeasible or unbounded'; a re-solve with a zero objective found the model feasible, "
        "so it is unbounded"))
    status, message = settle(None, True, lambda: False, "S")
    assert status == Status.INFEASIBLE and "infeasible or unbounded" in message
    status, message = settle(Status.INFEASIBLE, True, lambda: True, "S")
    assert status == Status.UNBOUNDED and "S said infeasible" in message
    assert settle(Status.UNBOUNDED, True, lambda: True, "S") == (Status.UNBOUNDED, "")
    assert settle(Status.UNBOUNDED, True, lambda: None, "S") == (Status.UNBOUNDED, "")
    assert settle(None, True, lambda: None, "S")[0] == Status.ERROR
    # without an objective nothing can be unbounded, and no re-solve is needed
    assert settle(Status.INFEASIBLE, False, lambda: pytest.fail("re-solved"), "S") == (Status.INFEASIBLE, "")


def test_name_maker_gives_unique_lp_safe_names() -> None:
    from solvers.backends._linear import NameMaker

    names = NameMaker()
    got = [names(s) for s in ("x[a,b]", "x[a_b]", "1st", "e1", "cap[1]#2", "")]
    assert got == ["x_a_b", "x_a_b_2", "_1st", "_e1", "cap_1_2", "_"]

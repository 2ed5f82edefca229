"""The CPMpy and Z3 backends: same models, same answers; each backend's own text form and limits."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from modeler.ir import Model
from modeler.ir.evaluate import values_vector, violations
from modeler.ir.ground import ground
from solvers import Status, solve
from solvers.backends import base
from solvers.errors import UnsupportedModelError

BACKENDS = ["cpmpy", "z3"]
MODELS = Path(__file__).parent.parent / "models"


def run(model: dict, backend: str, **kw):
    m = Model.from_json(model)
    sol = solve(m, backend=backend, **kw)
    if sol.status.has_solution:  # every returned solution must satisfy the model, checked independently
        gm = ground(m)
        assert violations(gm, values_vector(gm, sol.values)) == []
    return sol


SEND_MORE_MONEY = {
    "sets": {"L": ["S", "E", "N", "D", "M", "O", "R", "Y"]},
    "variables": {"v": {"index": ["L"], "type": "integer", "lb": 0, "ub": 9}},
    "constraints": {
        "distinct": "all_different(v)",
        "lead": "v['S'] >= 1 and v['M'] >= 1",
        "sum": "1000*v['S'] + 100*v['E'] + 10*v['N'] + v['D'] + 1000*v['M'] + 100*v['O'] + 10*v['R'] + v['E']"
               " == 10000*v['M'] + 1000*v['O'] + 100*v['N'] + 10*v['E'] + v['Y']",
    },
}


@pytest.mark.parametrize("backend", BACKENDS)
def test_integer_lp_with_decimal_coefficients(backend):
    # 0.5x + 0.25y <= 10.75 <=> 2x + y <= 43; with x + y <= 30: x = 13, y = 17 -> 73 (LP optimum is fractional-free)
    sol = run({"variables": {"x": {"type": "integer"}, "y": {"type": "integer"}},
               "objective": {"sense": "max", "expr": "3*x + 2*y"},
               "constraints": {"hours": "0.5*x + 0.25*y <= 10.75", "wood": "x + y <= 30"}}, backend)
    assert sol.status == Status.OPTIMAL and sol.objective == 73
    assert (sol.value("x"), sol.value("y")) == (13, 17)


@pytest.mark.parametrize("backend", BACKENDS)
def test_milp_knapsack(backend):
    sol = run({"sets": {"I": ["map", "water", "food", "tent"]},
               "parameters": {"value": {"index": ["I"], "value": [10, 20, 15, 40]},
                              "weight": {"index": ["I"], "value": [1, 4, 3, 7]}},
               "variables": {"take": {"index": ["I"], "type": "binary"}},
               "objective": {"sense": "max", "expr": "sum(value[i] * take[i] for i in I)"},
               "constraints": {"cap": "sum(weight[i] * take[i] for i in I) <= 10"}}, backend)
    # best: tent + food (weight 10, value 55) beats tent + map (8, 50) and water + food + map (8, 45)
    assert sol.status == Status.OPTIMAL and sol.objective == 55
    assert sol.value("take", "tent") == 1 and sol.value("take", "food") == 1


@pytest.mark.parametrize("backend", BACKENDS)
def test_send_more_money(backend):
    sol = run(SEND_MORE_MONEY, backend)
    assert sol.status == Status.OPTIMAL  # a satisfaction model: found means done
    assert [sol.value("v", c) for c in "SENDMORY"] == [9, 5, 6, 7, 1, 0, 8, 2]


@pytest.mark.parametrize("backend", BACKENDS)
def test_implication_and_equivalence_on_binaries(backend):
    sol = run({"sets": {"P": "1..4"},
               "parameters": {"val": {"index": ["P"], "value": [5, 6, 4, 3]}},
               "variables": {"pick": {"index": ["P"], "type": "binary"}},
               "objective": {"sense": "max", "expr": "sum(val[p] * pick[p] for p in P)"},
               "constraints": {"needs": "pick[1] -> pick[3]", "not_both": "not (pick[1] and pick[2])",
                               "pair": "pick[3] <-> pick[4]"}}, backend)
    # {2, 3, 4} = 13 beats {1, 3, 4} = 12
    assert sol.objective == 13 and sol.value("pick", 1) == 0


@pytest.mark.parametrize("backend", BACKENDS)
def test_reified_condition_both_directions(backend):
    sol = run({"variables": {"x": {"type": "integer", "ub": 2}, "b": {"type": "binary"}},
               "objective": {"sense": "max", "expr": "b"}, "constraints": {"link": "b <-> (x >= 3)"}}, backend)
    assert sol.objective == 0
    sol = run({"variables": {"x": {"type": "integer", "ub": 5}, "b": {"type": "binary"}},
               "objective": {"sense": "min", "expr": "x"}, "constraints": {"link": "b <-> (x >= 3)", "on": "b"}},
              backend)
    assert sol.objective == 3


@pytest.mark.parametrize("backend", BACKENDS)
def test_min_max_abs_and_conditions_as_numbers(backend):
    sol = run({"sets": {"I": "1..3"},
               "variables": {"x": {"index": ["I"], "type": "integer", "lb": -4, "ub": 4}},
               "objective": {"sense": "max", "expr": "sum((x[i] > 0) for i in I) + min(x[i] for i in I) - abs(x[1])"},
               "constraints": {"spread": "max(x[i] for i in I) - min(x[i] for i in I) <= 2", "ne": "x[2] != x[3]"}},
              backend)
    assert sol.status == Status.OPTIMAL and sol.objective == 3  # the same answer CP-SAT gives


@pytest.mark.parametrize("backend", BACKENDS)
def test_products_and_powers_of_integers(backend):
    sol = run({"variables": {"x": {"type": "integer", "ub": 10}, "y": {"type": "integer", "ub": 10}},
               "objective": {"sense": "min", "expr": "x + y"}, "constraints": {"area": "x * y >= 10"}}, backend)
    assert sol.objective == 7  # 2*5 or 3*4
    sol = run({"variables": {"x": {"type": "integer", "lb": -10, "ub": 10}, "y": {"type": "integer", "lb": -10, "ub": 10}},
               "objective": {"sense": "max", "expr": "x + y"}, "constraints": {"disc": "x^2 + y^2 <= 25"}}, backend)
    assert sol.objective == 7  # (3, 4) or (4, 3)


@pytest.mark.parametrize("backend", BACKENDS)
def test_infeasible(backend):
    sol = run({"variables": {"x": {"type": "integer", "ub": 5}},
               "constraints": {"low": "x >= 3", "high": "x <= 2"}}, backend, explain=False)
    assert sol.status == Status.INFEASIBLE and sol.values == {}


@pytest.mark.parametrize("backend", BACKENDS)
def test_unbounded(backend):
    sol = run({"variables": {"x": {"type": "integer"}, "y": {"type": "integer"}},
               "objective": {"sense": "max", "expr": "x + y"}, "constraints": {"c": "x - y <= 3"}}, backend)
    assert sol.status == Status.UNBOUNDED and sol.objective is None


@pytest.mark.parametrize("backend", BACKENDS)
def test_satisfaction(backend):
    sol = run({"sets": {"N": "1..4"},
               "variables": {"q": {"index": ["N"], "type": "integer", "lb": 1, "ub": 4}},
               "constraints": {"rows": "all_different(q)",
                               "diag": {"forall": "i in N, j in N if i < j",
                                        "expr": "q[i] - q[j] != j - i and q[i] - q[j] != i - j"}}}, backend)
    assert sol.status == Status.OPTIMAL and sol.objective is None
    assert [sol.value("q", i) for i in (1, 2, 3, 4)] in ([2, 4, 1, 3], [3, 1, 4, 2])


@pytest.mark.parametrize("backend", BACKENDS)
def test_time_limit_returns_quickly(backend):
    n = 6
    sol = run({"sets": {"I": f"1..{n}"},
               "variables": {"q": {"index": ["I", "I"], "type": "integer", "lb": 1, "ub": n * n}},
               "constraints": {"distinct": "all_different(q)",
                               "rows": {"forall": "i in I", "expr": f"sum(q[i, j] for j in I) == {n * (n * n + 1) // 2}"},
                               "cols": {"forall": "j in I", "expr": f"sum(q[i, j] for i in I) == {n * (n * n + 1) // 2}"}},
               "objective": {"sense": "max", "expr": "sum(q[i, i] * q[i, i] for i in I)"}}, backend, time_limit=0.5)
    assert sol.status in (Status.FEASIBLE, Status.TIMEOUT, Status.OPTIMAL)
    assert sol.solve_time < 5


# ------------------------------------------------------------------------------------------ cpmpy
def test_cpmpy_refuses_what_it_cannot_take():
    b = base.get("cpmpy")
    ok, why = b.supports(ground(Model.from_json({"variables": {"x": {}}, "constraints": {"c": "x >= 1"}})))
    assert not ok and "continuous" in why
    gm = ground(Model.from_json({"variables": {"x": {"type": "integer", "lb": 1, "ub": 9},
                                               "y": {"type": "integer", "lb": 1, "ub": 9}},
                                 "constraints": {"ratio": "x / y >= 2"}}))
    ok, why = b.supports(gm)
    assert not ok and "ratio" in why and "division" in why
    with pytest.raises(UnsupportedModelError, match="continuous"):
        solve(Model.from_json({"variables": {"x": {}}, "constraints": {"c": "x >= 1"}}), backend="cpmpy")


def test_cpmpy_scales_a_decimal_objective_back():
    sol = run({"variables": {"x": {"type": "integer", "ub": 7}, "y": {"type": "integer", "ub": 3}},
               "objective": {"sense": "max", "expr": "0.5*x + 0.25*y + 1.5"}}, "cpmpy")
    assert sol.objective == pytest.approx(0.5 * 7 + 0.25 * 3 + 1.5)


def test_cpmpy_text_is_a_runnable_script_with_the_same_answer(tmp_path):
    m = Model.from_json({"name": "mix", "sets": {"I": ["a", "b"], "J": [1, 2]},
                         "variables": {"x": {"index": ["I", "J"], "type": "integer", "ub": 4},
                                       "on": {"type": "binary"}, "free": {"type": "integer", "lb": None, "ub": 3}},
                         "objective": {"sense": "max", "expr": "sum(x[i, j] for i in I for j in J) + 0.5*free - on"},
                         "constraints": {"cap": {"forall": "i in I", "expr": "sum(x[i, j] for j in J) <= 5",
                                                 "description": "row capacity"},
                                         "link": "on -> (x['a', 1] >= 2)", "use": "x['b', 2] >= 1 -> on",
                                         "spread": "max(x['a', 1], x['b', 1]) - min(x['a', 2], x['b', 2]) <= 3"}})
    sol = solve(m, backend="cpmpy")
    assert sol.status == Status.OPTIMAL and sol.model_language == "python"
    assert "cp.intvar" in sol.model_text and ".implies(" in sol.model_text and "# cap: row capacity" in sol.model_text
    path = tmp_path / "model.py"
    path.write_text(sol.model_text)
    out = subprocess.run([sys.executable, str(path)], capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stderr
    result = json.loads(out.stdout)
    assert result["status"] == "OPTIMAL"
    assert result["objective"] == pytest.approx(sol.objective)


@pytest.mark.parametrize("name", ["assignment", "diet_list_form", "integer_production", "knapsack_strings",
                                  "map_colouring", "p_center_line", "project_crashing", "project_selection_logic",
                                  "quadratic_garden", "queens6", "send_more_money", "stock_bounds"])
def test_cpmpy_on_reference_models(name):
    expected = json.loads((MODELS / "expected.json").read_text())[name]
    sol = solve(Model.load(MODELS / f"{name}.json"), backend="cpmpy", keep_text=False)
    if expected["objective"] is None:
        assert sol.status == Status.OPTIMAL
    else:
        assert sol.status == Status.OPTIMAL and sol.objective == pytest.approx(expected["objective"])


# --------------------------------------------------------------------------------------------- z3
def test_z3_lp_with_fractional_optimum_is_exact():
    sol = run({"variables": {"x": {}, "y": {}}, "objective": {"sense": "max", "expr": "x + y"},
               "constraints": {"a": "2*x + y <= 4", "b": "x + 2*y <= 4"}}, "z3")
    assert sol.status == Status.OPTIMAL
    assert sol.objective == pytest.approx(8 / 3, abs=1e-12) and sol.value("x") == pytest.approx(4 / 3, abs=1e-12)


def test_z3_continuous_nonlinear():
    sol = run({"variables": {"a": {"ub": 10}, "b": {"ub": 10}}, "objective": {"sense": "min", "expr": "a + b"},
               "constraints": {"area": "a * b >= 4"}}, "z3")
    assert sol.status == Status.OPTIMAL and sol.objective == pytest.approx(4)
    sol = run({"variables": {"r": {"lb": None}}, "constraints": {"square": "r * r == 2", "pos": "r >= 0"}}, "z3")
    assert sol.value("r") == pytest.approx(2**0.5, abs=1e-9)  # an algebraic number, read back as a float


def test_z3_real_division_between_integers():
    # with Z3's integer division 5 / 2 would be 2; the IR means real division
    sol = run({"variables": {"x": {"type": "integer", "lb": 1, "ub": 9}, "y": {"type": "integer", "lb": 1, "ub": 9}},
               "objective": {"sense": "min", "expr": "x + y"}, "constraints": {"ratio": "x / y == 2.5"}}, "z3")
    assert sol.objective == 7 and (sol.value("x"), sol.value("y")) == (5, 2)


def test_z3_unattained_supremum_is_not_called_optimal():
    sol = run({"variables": {"r": {}}, "objective": {"sense": "max", "expr": "r"}, "constraints": {"c": "r < 5"}}, "z3")
    assert sol.status == Status.FEASIBLE and "supremum" in sol.message and sol.objective < 5


def test_z3_unbounded_continuous_minimisation():
    sol = run({"variables": {"x": {"lb": None}}, "objective": {"sense": "min", "expr": "x"},
               "constraints": {"c": "x <= 4"}}, "z3")
    assert sol.status == Status.UNBOUNDED


def test_z3_takes_everything_and_its_text_is_smt2_that_z3_reads_back():
    import z3

    m = Model.from_json({"variables": {"x": {"type": "integer", "ub": 10}, "y": {"ub": 3.5}, "b": {"type": "binary"}},
                         "objective": {"sense": "max", "expr": "x + y + b"},
                         "constraints": {"c": "x * x <= 20", "d": "b -> (x <= 3)"}})
    assert base.get("z3").supports(ground(m)) == (True, "")
    sol = solve(m, backend="z3")
    assert sol.model_language == "smt2" and "(maximize" in sol.model_text and "(declare-fun x () Int)" in sol.model_text
    opt = z3.Optimize()
    opt.from_string(sol.model_text)
    assert opt.check() == z3.sat and sol.objective == 7.5  # x = 4, b = 0 or x = 3, b = 1; y = 3.5


@pytest.mark.slow
@pytest.mark.parametrize("name", sorted(p.stem for p in MODELS.glob("*.json") if p.stem != "expected"))
def test_z3_on_reference_models(name):
    expected = json.loads((MODELS / "expected.json").read_text())[name]
    sol = solve(Model.load(MODELS / f"{name}.json"), backend="z3", keep_text=False, explain=False)
    want = {"feasible_satisfaction": "optimal"}.get(expected["status"], expected["status"])
    assert sol.status.value == want
    if expected["objective"] is not None:
        assert sol.objective == pytest.approx(expected["objective"])

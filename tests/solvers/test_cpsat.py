"""CP-SAT specifics: logic and globals compile correctly, scaling of decimals, artificial bounds."""

from __future__ import annotations

import pytest

from modeler.ir import Model
from modeler.ir.evaluate import values_vector, violations
from modeler.ir.ground import ground
from solvers import Status, solve
from solvers.errors import UnsupportedModelError


def run(model: dict, **kw):
    m = Model.from_json(model)
    sol = solve(m, backend="cpsat", **kw)
    if sol.status.has_solution:
        gm = ground(m)
        assert violations(gm, values_vector(gm, sol.values)) == []
    return sol


def test_send_more_money():
    letters = ["S", "E", "N", "D", "M", "O", "R", "Y"]
    sol = run({
        "sets": {"L": letters},
        "variables": {"v": {"index": ["L"], "type": "integer", "lb": 0, "ub": 9}},
        "constraints": {
            "distinct": "all_different(v)",
            "lead": "v['S'] >= 1 and v['M'] >= 1",
            "sum": "1000*v['S'] + 100*v['E'] + 10*v['N'] + v['D'] + 1000*v['M'] + 100*v['O'] + 10*v['R'] + v['E']"
                   " == 10000*v['M'] + 1000*v['O'] + 100*v['N'] + 10*v['E'] + v['Y']",
        },
    })
    assert sol.status == Status.OPTIMAL
    assert [sol.value("v", c) for c in "SENDMORY"] == [9, 5, 6, 7, 1, 0, 8, 2]


def test_logic_reification_both_directions():
    # b <-> (x >= 3); maximize b while x is forced to at most 2: b must be 0
    sol = run({"variables": {"x": {"type": "integer", "ub": 2}, "b": {"type": "binary"}},
               "objective": {"sense": "max", "expr": "b"}, "constraints": {"link": "b <-> (x >= 3)"}})
    assert sol.objective == 0
    sol = run({"variables": {"x": {"type": "integer", "ub": 5}, "b": {"type": "binary"}},
               "objective": {"sense": "min", "expr": "x"}, "constraints": {"link": "b <-> (x >= 3)", "on": "b"}})
    assert sol.objective == 3


def test_min_max_abs_and_conditions_as_numbers():
    sol = run({"sets": {"I": "1..3"},
               "variables": {"x": {"index": ["I"], "type": "integer", "lb": -4, "ub": 4}},
               "objective": {"sense": "max", "expr": "sum((x[i] > 0) for i in I) + min(x[i] for i in I) - abs(x[1])"},
               "constraints": {"spread": "max(x[i] for i in I) - min(x[i] for i in I) <= 2", "ne": "x[2] != x[3]"}})
    # all three positive (+3), min as large as possible given x[1] is penalised: x = (1, 2, 3)? min 1, abs 1 -> 3
    assert sol.status == Status.OPTIMAL and sol.objective == 3


def test_decimal_coefficients_are_scaled_exactly():
    sol = run({"variables": {"x": {"type": "integer"}, "y": {"type": "integer"}},
               "objective": {"sense": "max", "expr": "3*x + 2*y"},
               "constraints": {"hours": "0.5*x + 0.25*y <= 10.75", "wood": "x + y <= 30"}})
    # 0.5x + 0.25y <= 10.75 <=> 2x + y <= 43; with x + y <= 30: x = 13, y = 17 -> 73
    assert sol.objective == 73


def test_unbounded_integer_model_reported():
    sol = run({"variables": {"x": {"type": "integer"}}, "objective": {"sense": "max", "expr": "x"},
               "constraints": {"c": "x >= 1"}})
    assert sol.status == Status.UNBOUNDED and "artificial bound" in sol.message


def test_time_limit_returns_feasible_or_timeout_quickly():
    n = 7
    sol = run({"sets": {"I": f"1..{n}"},
               "variables": {"q": {"index": ["I", "I"], "type": "integer", "lb": 1, "ub": n * n}},
               "constraints": {"distinct": "all_different(q)",
                               "rows": {"forall": "i in I", "expr": f"sum(q[i, j] for j in I) == {n * (n * n + 1) // 2}"},
                               "cols": {"forall": "j in I", "expr": f"sum(q[i, j] for i in I) == {n * (n * n + 1) // 2}"}},
               "objective": {"sense": "max", "expr": "sum(q[i, i] * q[i, i] for i in I)"}}, time_limit=0.5)
    assert sol.status in (Status.FEASIBLE, Status.TIMEOUT, Status.OPTIMAL)
    assert sol.solve_time < 5


def test_refuses_continuous_variables():
    with pytest.raises(UnsupportedModelError, match="continuous"):
        solve(Model.from_json({"variables": {"x": {}}, "constraints": {"c": "x >= 1"}}), backend="cpsat")

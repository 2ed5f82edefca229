"""The MiniZinc (Gecode) backend: readable MiniZinc from the model's own structure, solved by the CLI
through our `gecode-std` solver configuration, with the same answers as CP-SAT."""

from __future__ import annotations

import json
import shutil
import subprocess
import time

import pytest

from modeler.ir import Model
from modeler.ir.evaluate import values_vector, violations
from modeler.ir.ground import ground
from solvers import Status, solve
from solvers.backends import base
from solvers.backends.minizinc_backend import SOLVER_NAME, solver_config_dir, solver_env
from solvers.errors import UnsupportedModelError

pytestmark = pytest.mark.skipif(shutil.which("minizinc") is None, reason="the MiniZinc CLI is not installed")


def run(model: dict, time_limit: float = 20, compare: bool = True):
    """Solve with MiniZinc; check the solution against the model and the status/objective against CP-SAT."""
    m = Model.from_json(model)
    sol = solve(m, backend="minizinc", time_limit=time_limit, explain=False)
    if sol.status.has_solution:
        gm = ground(m)
        assert violations(gm, values_vector(gm, sol.values)) == []
    if compare:
        ref = solve(m, backend="cpsat", time_limit=time_limit, explain=False)
        assert sol.status == ref.status, (sol.message, sol.model_text)
        assert sol.objective == ref.objective
    return sol


KNAPSACK = {
    "sets": {"ITEMS": ["map", "water", "food", "tent"]},
    "parameters": {"value": {"index": ["ITEMS"], "value": [10, 20, 15, 40]},
                   "weight": {"index": ["ITEMS"], "value": {"map": 1, "water": 4, "food": 3, "tent": 7}},
                   "capacity": 10},
    "variables": {"take": {"index": ["ITEMS"], "type": "binary"}},
    "objective": {"sense": "max", "expr": "sum(value[i] * take[i] for i in ITEMS)"},
    "constraints": {"weight_limit": {"expr": "sum(weight[i] * take[i] for i in ITEMS) <= capacity",
                                     "description": "The items taken weigh at most the capacity."}},
}

SEND_MORE_MONEY = {
    "sets": {"L": ["S", "E", "N", "D", "M", "O", "R", "Y"]},
    "variables": {"v": {"index": ["L"], "type": "integer", "lb": 0, "ub": 9}},
    "objective": {"sense": "max", "expr": "10000*v['M'] + 1000*v['O'] + 100*v['N'] + 10*v['E'] + v['Y']"},
    "constraints": {
        "distinct": "all_different(v)",
        "lead": "v['S'] >= 1 and v['M'] >= 1",
        "sum": "1000*v['S'] + 100*v['E'] + 10*v['N'] + v['D'] + 1000*v['M'] + 100*v['O'] + 10*v['R'] + v['E']"
               " == 10000*v['M'] + 1000*v['O'] + 100*v['N'] + 10*v['E'] + v['Y']",
    },
}


def test_available_reports_versions():
    ok, version = base.get("minizinc").available()
    assert ok, version
    assert version.startswith("MiniZinc 2.") and "Gecode" in version


def test_knapsack_reads_like_the_model():
    sol = run(KNAPSACK)
    assert sol.status == Status.OPTIMAL and sol.objective == 55
    assert sol.values["take"] == {"map": 0, "water": 0, "food": 1, "tent": 1}
    assert sol.model_language == "minizinc"
    text = sol.model_text
    assert "enum ITEMS = {map, water, food, tent};" in text
    assert "array[ITEMS] of int: weight = [1, 4, 3, 7];" in text
    assert "array[ITEMS] of var 0..1: take;" in text
    assert 'constraint :: "weight_limit" sum(i in ITEMS)(weight[i] * take[i]) <= capacity;' in text
    assert "% weight_limit: The items taken weigh at most the capacity." in text
    assert "solve maximize sum(i in ITEMS)(value[i] * take[i]);" in text


def test_assignment_2d():
    cost = [[9, 2, 7, 8], [6, 4, 3, 7], [5, 8, 1, 8], [7, 6, 9, 4]]
    sol = run({"sets": {"W": ["ann", "bob", "cy", "dee"], "T": "1..4"},
               "parameters": {"c": {"index": ["W", "T"], "value": cost}},
               "variables": {"x": {"index": ["W", "T"], "type": "binary"}},
               "objective": {"sense": "min", "expr": "sum(c[w, t] * x[w, t] for w in W for t in T)"},
               "constraints": {"one_task": {"forall": "w in W", "expr": "sum(x[w, t] for t in T) == 1"},
                               "one_worker": {"forall": "t in T", "expr": "sum(x[w, t] for w in W) == 1"}}})
    assert sol.objective == 13
    assert "array[W, T] of int: c = [| 9, 2, 7, 8\n  | 6, 4, 3, 7" in sol.model_text
    assert sol.value("x", "cy", 3) == 1


def test_precedence_with_index_arithmetic_and_forall_if():
    sol = run({"sets": {"T": "1..4"},
               "parameters": {"d": {"index": ["T"], "value": [3, 2, 4, 1]}},
               "variables": {"s": {"index": ["T"], "type": "integer", "ub": 50}, "end": {"type": "integer"}},
               "objective": {"sense": "min", "expr": "end"},
               "constraints": {"prec": {"forall": "t in T if t > 1", "expr": "s[t] >= s[t - 1] + d[t - 1]"},
                               "last": {"forall": "t in T", "expr": "end >= s[t] + d[t]"}}})
    assert sol.objective == 10
    assert "forall(t in T where t > 1)" in sol.model_text and "s[t - 1] + d[t - 1]" in sol.model_text


def test_send_more_money():
    sol = run(SEND_MORE_MONEY)
    assert sol.objective == 10652
    assert [sol.value("v", c) for c in "SENDMORY"] == [9, 5, 6, 7, 1, 0, 8, 2]
    assert 'include "globals.mzn";' in sol.model_text and "all_different(v)" in sol.model_text


def test_satisfaction_model_is_optimal_when_solved():
    sol = run({"sets": {"N": "1..6"},
               "variables": {"q": {"index": ["N"], "type": "integer", "lb": 1, "ub": 6}},
               "constraints": {"rows": "all_different(q[i] for i in N)",
                               "diag": {"forall": "i in N, j in N if i < j", "expr": "abs(q[i] - q[j]) != j - i"}}})
    assert sol.status == Status.OPTIMAL and sol.objective is None
    assert "solve satisfy;" in sol.model_text
    assert "all_different([q[i] | i in N])" in sol.model_text


def test_infeasible_model():
    sol = run({"variables": {"x": {"type": "integer", "ub": 5}, "y": {"type": "integer", "ub": 5}},
               "objective": {"sense": "max", "expr": "x + y"},
               "constraints": {"big": "x + y >= 11"}})
    assert sol.status == Status.INFEASIBLE


def test_min_max_abs_and_powers():
    sol = run({"sets": {"I": "1..3"},
               "parameters": {"target": {"index": ["I"], "value": [4, -2, 7]}},
               "variables": {"x": {"index": ["I"], "type": "integer", "lb": -10, "ub": 10},
                             "y": {"type": "integer", "lb": -5, "ub": 5}},
               "objective": {"sense": "min",
                             "expr": "max(abs(x[i] - target[i]) for i in I) + min(x[1], x[2]) ^ 2 + 3 * y ^ 2"},
               "constraints": {"spread": "max(x[i] for i in I) - min(x[i] for i in I) <= 6",
                               "tie": "x[1] + y >= -(x[2] - 3)"}})
    assert sol.status == Status.OPTIMAL
    text = sol.model_text
    assert "max(i in I)(abs(x[i] - target[i]))" in text and "pow(min(x[1], x[2]), 2)" in text
    assert "-(x[2] - 3)" in text


def test_implication_on_binaries_and_conditions_as_numbers():
    sol = run({"sets": {"P": "1..5"},
               "parameters": {"v": {"index": ["P"], "value": [5, 4, 3, 6, 2]}},
               "variables": {"b": {"index": ["P"], "type": "binary"}},
               "objective": {"sense": "max", "expr": "sum(v[p] * b[p] for p in P) + sum((b[p] == 0) for p in P)"},
               "constraints": {"imp": "b[1] -> b[2]", "iff": "b[3] <-> not b[4]", "one": "b[1] or b[5]",
                               "few": "sum(b[p] for p in P) <= 3"}})
    assert sol.status == Status.OPTIMAL
    assert "b[1] = 1 -> b[2] = 1" in sol.model_text and "bool2int(b[p] = 0)" in sol.model_text


def test_awkward_members_shared_sets_holes_and_float_coefficients():
    # members that are not MiniZinc identifiers (or clash with names), a subset of another set, an integer
    # set with holes, a fractional parameter with integer variables, an unbounded variable, string ordering
    sol = run({"sets": {"NODES": ["san-diego", "new york", "in", "x"], "SRC": ["in", "x"], "ODD": [1, 3, 7]},
               "parameters": {"cap": {"index": ["SRC"], "value": [2.5, 3]}},
               "variables": {"f": {"index": ["SRC", "NODES"], "type": "integer", "ub": 5},
                             "y": {"index": ["ODD"], "type": "integer", "lb": 1, "ub": 4},
                             "x": {"type": "integer", "lb": None}},
               "objective": {"sense": "max", "expr": "sum(f[i, j] for i in SRC for j in NODES if i != j)"
                                                     " + sum(y) - 0.5 * x"},
               "constraints": {"cap": {"forall": "i in SRC", "expr": "sum(f[i, j] for j in NODES) <= cap[i]"},
                               "ord": {"forall": "i in NODES, j in NODES if i < j",
                                       "expr": "f['x', i] <= f['x', j] + 1"},
                               "fx": "f['in', 'san-diego'] == 1 and x >= -3", "ys": "y[3] + y[7] <= 5"}})
    assert sol.objective == 15.5
    assert "'san-diego' is san_diego" in sol.model_text and "set of NODES: SRC" in sol.model_text
    assert sol.value("f", "in", "san-diego") == 1 and sol.value("x") == -3


def test_inverse_works_with_our_solver_config(tmp_path):
    # Debian's Gecode library breaks `inverse`; gecode-std uses MiniZinc's own decomposition
    (tmp_path / "inv.mzn").write_text('include "globals.mzn";\narray[1..4] of var 1..4: f;\n'
                                      "array[1..4] of var 1..4: g;\nconstraint inverse(f, g);\n"
                                      "constraint all_different(f) /\\ f[1] = 3 /\\ f[2] = 4;\nsolve satisfy;\n")
    out = subprocess.run(["minizinc", "--solver", SOLVER_NAME, "--output-mode", "json", "--json-stream",
                          str(tmp_path / "inv.mzn")], capture_output=True, text=True, timeout=60,
                         env=solver_env())
    sols = [json.loads(line)["output"]["json"] for line in out.stdout.splitlines()
            if line.startswith('{"type": "solution"')]
    assert sols, out.stdout + out.stderr
    f, g = sols[0]["f"], sols[0]["g"]
    assert f[:2] == [3, 4] and all(g[f[i] - 1] == i + 1 for i in range(4))
    assert (solver_config_dir() / "gecode-std.msc").is_file()


def test_time_limit_is_respected():
    n = 7
    m = {"sets": {"N": f"1..{n}"}, "parameters": {"M": n * (n * n + 1) // 2},
         "variables": {"x": {"index": ["N", "N"], "type": "integer", "lb": 1, "ub": n * n}},
         "objective": {"sense": "max", "expr": "sum(i * j * x[i, j] for i in N for j in N)"},
         "constraints": {"distinct": "all_different(x)",
                         "rows": {"forall": "i in N", "expr": "sum(x[i, j] for j in N) == M"},
                         "cols": {"forall": "j in N", "expr": "sum(x[i, j] for i in N) == M"},
                         "d1": "sum(x[i, i] for i in N) == M", "d2": f"sum(x[i, {n + 1} - i] for i in N) == M"}}
    t0 = time.perf_counter()
    sol = solve(Model.from_json(m), backend="minizinc", time_limit=1, explain=False)
    assert time.perf_counter() - t0 < 5
    assert sol.status in (Status.TIMEOUT, Status.FEASIBLE), sol.message


def test_unbounded_integer_model_reaches_the_artificial_bound():
    sol = run({"variables": {"x": {"type": "integer"}, "y": {"type": "integer", "ub": 3}},
               "objective": {"sense": "max", "expr": "x - y"}, "constraints": {"c": "x >= 2 * y"}},
              compare=False)
    # Gecode cannot prove unboundedness; a solution at the artificial bound is reported as unbounded
    assert sol.status == Status.UNBOUNDED, sol.message
    assert "artificial bound" in sol.message


def test_supports_refuses_continuous_variables():
    gm = ground(Model.from_json({"variables": {"x": {}}, "objective": {"sense": "max", "expr": "x"},
                                 "constraints": {"c": "x <= 1.5"}}))
    ok, why = base.get("minizinc").supports(gm)
    assert not ok and "continuous" in why
    with pytest.raises(UnsupportedModelError, match="continuous"):
        solve(gm, backend="minizinc")


def test_supports_refuses_division_by_a_variable():
    gm = ground(Model.from_json({"variables": {"x": {"type": "integer", "lb": 1, "ub": 5},
                                               "y": {"type": "integer", "lb": 1, "ub": 5}},
                                 "constraints": {"c": "x / y >= 2"}}))
    ok, why = base.get("minizinc").supports(gm)
    assert not ok and "division" in why


def test_big_knapsack_text_is_fast():
    n = 5000
    items = [f"i{k}" for k in range(n)]
    gm = ground(Model.from_json({
        "sets": {"I": items},
        "parameters": {"v": {"index": ["I"], "value": [k % 97 + 1 for k in range(n)]},
                       "w": {"index": ["I"], "value": [k % 89 + 1 for k in range(n)]}, "C": 1000},
        "variables": {"x": {"index": ["I"], "type": "binary"}},
        "objective": {"sense": "max", "expr": "sum(v[i] * x[i] for i in I)"},
        "constraints": {"cap": "sum(w[i] * x[i] for i in I) <= C"}}))
    b = base.get("minizinc")
    t0 = time.perf_counter()
    assert b.supports(gm)[0]
    text, language = b.compile(gm).text()
    assert time.perf_counter() - t0 < 1.0
    assert language == "minizinc" and text.count("i4999") == 1

"""Infeasibility explanations: exactly the conflicting copies and bounds, by name; nothing for feasible models."""

from __future__ import annotations

from modeler.ir import Model
from modeler.ir.ground import ground
from solvers import conflicts
from solvers.conflicts import Explanation, describe_conflicts, explain_infeasible


def explain(model: dict, **kw) -> Explanation:
    return explain_infeasible(ground(Model.from_json(model)), **kw)


def names(expl: Explanation) -> set[str]:
    return {c.name for c in expl}


def test_two_of_five_constraints_conflict_cp_sat_path():
    expl = explain({"variables": {"x": {"type": "integer", "ub": 100}, "y": {"type": "integer", "ub": 100}},
                    "objective": {"sense": "max", "expr": "x + y"},
                    "constraints": {
                        "capacity": {"expr": "2*x + 2*y <= 8", "description": "weight at most 8"},
                        "demand": "x + y >= 5",
                        "ratio": "x <= 2*y + 7",
                        "spare": "y <= 50",
                        "distinct": "x != y + 1",
                    }})
    assert names(expl) == {"capacity", "demand"} and expl.minimal and "CP-SAT" in expl.note
    cap = next(c for c in expl if c.name == "capacity")
    assert cap.description == "weight at most 8" and cap.text == "2*x + 2*y <= 8"
    words = describe_conflicts(expl)
    assert words.startswith("These constraints cannot all hold together: ")
    assert "capacity (weight at most 8): 2*x + 2*y <= 8" in words and "demand: x + y >= 5" in words


def test_a_needed_bound_is_named():
    # 3x + 4y <= 10 and x + y >= 5 only conflict because y >= 0 (x = 10, y = -5 satisfies both)
    expl = explain({"variables": {"x": {"type": "integer", "lb": None}, "y": {"type": "integer"}},
                    "constraints": {"capacity": "3*x + 4*y <= 10", "demand": "x + y >= 5", "spare": "x <= 50"}})
    assert names(expl) == {"capacity", "demand", "bounds of y"}


def test_bounds_are_items_of_their_own():
    expl = explain({"variables": {"x": {"type": "integer", "ub": 5, "description": "crates"}, "y": {"type": "integer"}},
                    "constraints": {"need": "x >= 10", "other": "y <= 3"}})
    assert names(expl) == {"bounds of x", "need"}
    b = next(c for c in expl if c.name == "bounds of x")
    assert b.text == "0 <= x <= 5" and b.description == "crates"


def test_group_copies_are_reported_one_by_one():
    expl = explain({"sets": {"P": ["a", "b", "c"]},
                    "parameters": {"demand": {"index": ["P"], "value": [2, 9, 3]}},
                    "variables": {"make": {"index": ["P"], "type": "integer", "ub": 5}},
                    "constraints": {"meet": {"forall": "p in P", "expr": "make[p] >= demand[p]"}}})
    assert names(expl) == {"meet[b]", "bounds of make[b]"}


def test_continuous_nonlinear_model_goes_through_z3():
    expl = explain({"variables": {"x": {"ub": 4}, "y": {"ub": 4}, "z": {}},
                    "objective": {"sense": "min", "expr": "x + y + z"},
                    "constraints": {"area": "x * y >= 20", "budget": "x + z <= 100", "extra": "z >= 1"}})
    assert names(expl) == {"area", "bounds of x", "bounds of y"} and expl.minimal and "Z3" in expl.note


def test_continuous_linear_conflict_through_z3():
    expl = explain({"variables": {"a": {}, "b": {}, "c": {}},
                    "constraints": {"total": "a + b >= 10.5", "a_cap": "a <= 3", "b_cap": "b <= 7.25", "c": "c >= 1"}})
    assert names(expl) == {"total", "a_cap", "b_cap"}


def test_feasible_model_gives_no_conflict():
    for model in ({"variables": {"x": {"type": "integer", "ub": 5}}, "constraints": {"c": "x >= 2"}},
                  {"variables": {"x": {"ub": 5}}, "constraints": {"c": "x * x >= 2"}}):
        expl = explain(model)
        assert expl == [] and "nothing conflicts" in expl.note
    assert describe_conflicts([]) == ""


def test_undecided_items_are_kept_and_marked_not_minimal(monkeypatch):
    class Undecided:  # a solver that finds the first core but cannot decide the smaller sets
        name = "stub"
        labels = ["p", "q", "r"]

        def check(self, labels, time_left):
            return ("unsat", ["p", "q"]) if len(labels) == 3 else ("unknown", [])

    monkeypatch.setattr(conflicts, "_checker", lambda gm: Undecided())
    expl = explain({"variables": {"x": {}}, "constraints": {"p": "x >= 1", "q": "x <= 0", "r": "x <= 5"}})
    assert [c.name for c in expl] == ["p", "q"] and not expl.minimal
    assert "not proven minimal" in describe_conflicts(expl)


def test_explanation_fits_solution_conflicts():
    from solvers import Status, solve

    sol = solve(Model.from_json({"variables": {"x": {"type": "integer", "ub": 5}},
                                 "constraints": {"need": "x >= 10"}}), backend="cpmpy")
    assert sol.status == Status.INFEASIBLE and {c.name for c in sol.conflicts} == {"bounds of x", "need"}
    assert "need" in sol.model_dump_json()

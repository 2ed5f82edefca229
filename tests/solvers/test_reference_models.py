"""Every backend that supports a reference model finds its known optimum (or its known status).

The models and their optima (each verified independently of OptiPilot, see tests/models/README.md)
live in tests/models/. A backend that refuses a model must say why; every model must be solved by at
least one backend, and every backend must solve at least one model.
"""

from __future__ import annotations

import json
import math
from pathlib import Path

import pytest

from modeler.ir import Model
from modeler.ir.evaluate import values_vector, violations
from modeler.ir.ground import ground
from solvers import Status, cross_check
from solvers.backends import base

MODELS = Path(__file__).resolve().parents[1] / "models"
EXPECTED: dict[str, dict] = json.loads((MODELS / "expected.json").read_text())
BACKENDS = base.names()
TIME_LIMIT = 30.0
# Z3 solves nonlinear models by search; on the larger integer models it is slow, so it gets a smaller
# share of them here (its own tests cover the rest).
SLOW_FOR = {"z3": {"queens6", "send_more_money", "map_colouring", "facility_location"}}


def _solve(name: str, backend: str):
    m = Model.load(MODELS / f"{name}.json")
    gm = ground(m)
    b = base.get(backend)
    ok, why = b.supports(gm)
    if not ok:
        assert why, f"{backend} refused {name} without a reason"
        return gm, None
    return gm, b.solve(b.compile(gm), TIME_LIMIT)


@pytest.mark.parametrize("backend", BACKENDS)
@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_backend_matches_known_result(name: str, backend: str):
    if name in SLOW_FOR.get(backend, ()):
        pytest.skip(f"{backend} is slow on {name}; covered by its own tests")
    if not base.get(backend).available()[0]:
        pytest.skip(f"{backend} not installed")
    exp = EXPECTED[name]
    gm, sol = _solve(name, backend)
    if sol is None:
        pytest.skip(f"{backend} does not take this {exp['class']} model")
    want = exp["status"]
    if want == "optimal":
        assert sol.status == Status.OPTIMAL, sol.message
        assert math.isclose(sol.objective, exp["objective"], rel_tol=1e-6, abs_tol=1e-6), (sol.objective, exp)
    elif want == "feasible_satisfaction":
        assert sol.status == Status.OPTIMAL, sol.message
    elif want == "infeasible":
        assert sol.status == Status.INFEASIBLE, sol.message
    elif want == "unbounded":
        assert sol.status == Status.UNBOUNDED, sol.message
    if sol.status.has_solution:
        assert violations(gm, values_vector(gm, sol.values)) == []


def test_enough_reference_models_and_coverage():
    assert len(EXPECTED) >= 15
    classes = {e["class"] for e in EXPECTED.values()}
    assert {"lp", "milp", "cp", "nonlinear"} <= classes
    statuses = {e["status"] for e in EXPECTED.values()}
    assert {"optimal", "infeasible", "unbounded", "feasible_satisfaction"} <= statuses


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_every_model_is_solved_by_some_backend(name: str):
    gm = ground(Model.load(MODELS / f"{name}.json"))
    takers = [b for b in BACKENDS if base.get(b).available()[0] and base.get(b).supports(gm)[0]]
    assert takers, f"no backend takes {name}"


@pytest.mark.parametrize("name", [n for n, e in sorted(EXPECTED.items()) if e["status"] == "infeasible"])
def test_infeasible_models_name_their_conflict(name: str):
    from solvers import solve

    sol = solve(Model.load(MODELS / f"{name}.json"))
    assert sol.status == Status.INFEASIBLE
    assert {c.name for c in sol.conflicts} == set(EXPECTED[name]["conflict"])


@pytest.mark.parametrize("name", ["product_mix", "knapsack_strings", "assignment"])
def test_cross_check_agrees(name: str):
    report = cross_check(Model.load(MODELS / f"{name}.json"), time_limit=TIME_LIMIT)
    assert len(report.solutions) >= 2 and report.agree, report.disagreements

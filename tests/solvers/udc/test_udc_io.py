"""UDC's shared layer: generators match the paper's settings, feasibility checks catch every kind of bad
solution, files are read or rejected in words, and the classical references are real solvers."""

from __future__ import annotations

import json

import numpy as np
import pytest

from solvers.udc.base import (
    CVRPInstance,
    KPInstance,
    TSPInstance,
    UDCInputError,
    check_cvrp,
    check_kp,
    check_tsp,
    random_instance,
    validate,
)
from solvers.udc.io import read_instance


def test_generators_follow_the_paper_settings():
    c = random_instance("cvrp", 500, seed=3)
    assert c.capacity == 100 and c.demand.min() >= 1 and c.demand.max() <= 9 and c.coords.shape == (500, 2)
    assert random_instance("cvrp", 1000).capacity == 200
    k = random_instance("kp", 1000, seed=3)
    assert k.capacity == 100 and (0 < k.weights).all() and (k.weights < 1).all()
    assert np.array_equal(random_instance("tsp", 50, 7).coords, random_instance("tsp", 50, 7).coords)


def test_tsp_check():
    inst = TSPInstance(coords=np.array([[0, 0], [1, 0], [1, 1], [0, 1]], float))
    assert check_tsp(inst, [0, 1, 2, 3]) == pytest.approx(4.0)
    for bad in ([0, 1, 2], [0, 1, 1, 3], [0, 1, 2, 4]):
        with pytest.raises(UDCInputError):
            check_tsp(inst, bad)


def test_cvrp_check_capacity_and_coverage():
    inst = CVRPInstance(depot=np.zeros(2), coords=np.array([[1, 0], [0, 1], [1, 1]], float),
                        demand=np.array([2, 2, 3]), capacity=4)
    assert check_cvrp(inst, [[0, 1], [2]]) > 0
    with pytest.raises(UDCInputError, match="capacity"):
        check_cvrp(inst, [[0, 2], [1]])
    with pytest.raises(UDCInputError, match="exactly once"):
        check_cvrp(inst, [[0, 1]])


def test_kp_check():
    inst = KPInstance(weights=np.array([1.0, 2.0, 3.0]), values=np.array([3.0, 2.0, 1.0]), capacity=3.0)
    assert check_kp(inst, [1, 1, 0]) == 5.0
    with pytest.raises(UDCInputError, match="capacity"):
        check_kp(inst, [1, 1, 1])
    with pytest.raises(UDCInputError):
        check_kp(inst, [1, 0.5, 0])


@pytest.mark.parametrize("inst, words", [
    (TSPInstance(coords=np.array([[0, 0], [1, 1]], float)), "at least 3"),
    (TSPInstance(coords=np.array([[0, 0], [1, np.nan], [2, 2]], float)), "NaN"),
    (TSPInstance(coords=np.array([[0, 0], [0, 0], [2, 2]], float)), "duplicate"),
    (CVRPInstance(depot=np.zeros(2), coords=np.ones((3, 2)) * [[1], [2], [3]], demand=np.array([1, 0, 2]),
                  capacity=5), "positive integers"),
    (CVRPInstance(depot=np.zeros(2), coords=np.ones((3, 2)) * [[1], [2], [3]], demand=np.array([1, 9, 2]),
                  capacity=5), "largest demand"),
    (KPInstance(weights=np.array([1.0, -1, 2]), values=np.ones(3), capacity=2.0), "positive"),
    (KPInstance(weights=np.ones(3), values=np.ones(4), capacity=2.0), "values"),
])
def test_bad_instances_are_refused_in_words(inst, words):
    with pytest.raises(UDCInputError, match=words):
        validate(inst)


def test_files(tmp_path):
    kp = tmp_path / "items.txt"
    kp.write_text("capacity 2.5\n# weight value\n1 3\n2 2\n1.5 1\n")
    inst = read_instance("kp", kp)
    assert inst.capacity == 2.5 and inst.n == 3
    js = tmp_path / "routes.json"
    js.write_text(json.dumps({"depot": [0, 0], "coords": [[1, 0], [0, 1], [1, 1]], "demand": [1, 2, 3], "capacity": 5}))
    assert read_instance("cvrp", js).n == 3
    vrp = tmp_path / "tiny.vrp"
    vrp.write_text("NAME : tiny\nTYPE : CVRP\nDIMENSION : 4\nEDGE_WEIGHT_TYPE : EUC_2D\nCAPACITY : 10\n"
                   "NODE_COORD_SECTION\n1 0 0\n2 100 0\n3 0 100\n4 100 100\nDEMAND_SECTION\n1 0\n2 3\n3 4\n4 5\n"
                   "DEPOT_SECTION\n1\n-1\nEOF\n")
    v = read_instance("cvrp", vrp)
    assert v.n == 3 and v.capacity == 10 and v.coords.max() == 1.0  # rescaled into the unit square
    for problem, text, words in [("kp", "1 2\n", "capacity C"), ("kp", "capacity x\n", "capacity C"),
                                 ("cvrp", "{not json", None), ("kp", "capacity 3\n1 2 3\n4 5 6\n", "two numbers")]:
        f = tmp_path / ("bad.json" if text.startswith("{") else "bad.txt")
        f.write_text(text)
        with pytest.raises(UDCInputError, match=words):
            read_instance(problem, f)
    with pytest.raises(UDCInputError, match="no such file"):
        read_instance("tsp", tmp_path / "missing.txt")
    with pytest.raises(UDCInputError, match="unknown problem"):
        read_instance("vrptw", kp)


def test_exact_knapsack_reference_matches_brute_force():
    from itertools import product

    from solvers.udc.reference import exact_kp

    inst = random_instance("kp", 12, seed=5)
    inst = KPInstance(weights=inst.weights, values=inst.values, capacity=2.0)
    best = max(float(inst.values @ np.array(x)) for x in product((0, 1), repeat=12)
               if inst.weights @ np.array(x) <= 2.0)
    assert exact_kp(inst)["objective"] == pytest.approx(best)


def test_pyvrp_reference_is_feasible():
    from solvers.udc.reference import pyvrp_cvrp

    inst = random_instance("cvrp", 30, seed=2)
    r = pyvrp_cvrp(inst, time_limit=0.5)
    assert r["objective"] == pytest.approx(check_cvrp(inst, r["routes"]))
    assert r["feasible"]


def test_cli_refuses_bad_requests_in_words(tmp_path):
    from typer.testing import CliRunner

    from app.commands.udc import udc_app

    runner = CliRunner()
    for args, words in [(["solve", "vrptw", "--random", "50"], "unknown problem"),
                        (["solve", "tsp"], "either FILE or --random"),
                        (["solve", "kp", str(tmp_path / "none.json")], "no such file")]:
        r = runner.invoke(udc_app, args)
        assert r.exit_code == 2 and words in r.output, r.output


def test_cli_solves_a_small_knapsack_with_its_reference(tmp_path):
    import json as _json

    from typer.testing import CliRunner

    from app.commands.udc import udc_app

    r = CliRunner().invoke(udc_app, ["solve", "kp", "--random", "60", "--rounds", "1", "--baseline", "--json"])
    assert r.exit_code == 0, r.output
    out = _json.loads(r.output)
    assert out["objective"] <= out["baseline"]["objective"] + 1e-9 and out["gap"] >= -1e-9
    assert out["objective"] >= out["initial_objective"] - 1e-9  # conquering never loses value


def test_suite_scores_a_udc_result_against_the_exact_knapsack():
    from benchmarks.suites import get_suite, load_builtin

    load_builtin()
    suite = get_suite("udc-kp500", count=1, rounds=0)
    (item,) = list(suite.items(None))
    result = suite.solvers()["udc"](item)
    v = suite.score(item, result)
    assert v.passed and 0 <= v.metrics["gap"] <= 0.01 and v.metrics["rounds"] == 0
    summary = suite.summarize([v])
    assert summary["feasible"] == 1 and summary["reference"] == "exact (HiGHS)"
    bad = result.model_copy(deep=True)
    bad.solution.values["solution"] = [1] * 500  # everything packed: over capacity
    assert suite.score(item, bad).category == "infeasible"

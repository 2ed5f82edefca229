"""The scaled benchmark families: deterministic data, right sizes, and direct baselines that are right."""

from __future__ import annotations

import itertools
import json

import pytest

from benchmarks import families as F


def _brute_knapsack(values: list[int], weights: list[int], capacity: int) -> int:
    best = 0
    for mask in range(1 << len(values)):
        chosen = [i for i in range(len(values)) if mask >> i & 1]
        if sum(weights[i] for i in chosen) <= capacity:
            best = max(best, sum(values[i] for i in chosen))
    return best


def _brute_assignment(cost: list[list[int]]) -> int:
    n = len(cost)
    return min(sum(cost[i][p[i]] for i in range(n)) for p in itertools.permutations(range(n)))


@pytest.mark.parametrize("family", ["knapsack", "assignment"])
def test_generation_is_deterministic_and_seed_dependent(family: str) -> None:
    make = F.FAMILIES[family].model
    assert make(12, 3) == make(12, 3)
    assert make(12, 3) != make(12, 4)
    json.dumps(make(12, 3))  # a plain, serialisable dict


def test_knapsack_sizes_and_capacity() -> None:
    values, weights, capacity = F.knapsack_data(25, seed=7)
    assert len(values) == len(weights) == 25
    assert all(isinstance(v, int) and v >= 1 for v in values + weights)
    assert capacity == sum(weights) // 2
    model = F.knapsack(25, seed=7)
    assert model["sets"]["ITEMS"] == "1..25"
    assert model["parameters"]["value"]["value"] == values
    assert model["parameters"]["weight"]["value"] == weights
    assert model["parameters"]["capacity"] == capacity
    assert model["variables"]["take"] == {"index": ["ITEMS"], "type": "binary"}


def test_assignment_sizes() -> None:
    cost = F.assignment_data(9, seed=2)
    assert len(cost) == 9 and all(len(row) == 9 for row in cost)
    assert all(isinstance(c, int) and 1 <= c <= 100 for row in cost for c in row)
    model = F.assignment(9, seed=2)
    assert model["parameters"]["cost"]["value"] == cost
    assert model["sets"] == {"WORKERS": "1..9", "JOBS": "1..9"}
    assert set(model["constraints"]) == {"one_job_each", "one_worker_each"}


@pytest.mark.parametrize("backend", F.BACKENDS)
@pytest.mark.parametrize("seed", [0, 1])
def test_knapsack_direct_matches_brute_force(backend: F.Backend, seed: int) -> None:
    expected = _brute_knapsack(*F.knapsack_data(10, seed))
    objective, build_s, solve_s = F.knapsack_direct(10, seed, backend=backend, time_limit=10)
    assert objective == pytest.approx(expected, abs=1e-6)
    assert build_s >= 0 and solve_s >= 0


@pytest.mark.parametrize("backend", F.BACKENDS)
@pytest.mark.parametrize("seed", [0, 1])
def test_assignment_direct_matches_brute_force(backend: F.Backend, seed: int) -> None:
    expected = _brute_assignment(F.assignment_data(6, seed))
    result = F.assignment_direct(6, seed, backend=backend, time_limit=10)
    assert result.objective == pytest.approx(expected, abs=1e-6)


def test_bad_requests_say_what_is_wrong() -> None:
    with pytest.raises(F.FamilyError, match="positive integer"):
        F.knapsack(0)
    with pytest.raises(F.FamilyError, match="unknown backend 'gurobi'"):
        F.assignment_direct(3, backend="gurobi")  # type: ignore[arg-type]


def test_direct_scip_baseline_asks_the_same_gap_as_our_backend():
    from solvers.backends.ortools_mip import MIP_GAP

    assert F.SCIP_GAP == MIP_GAP

"""Capital budgeting pieces: the recourse MILP against enumeration, the worst case against sampled scenarios,
exact CCG against brute force on tiny instances, the capital network inside a MILP equal to its forward
pass, and clear errors for bad files and settings."""

from __future__ import annotations

import itertools
import json

import numpy as np
import pytest

from solvers.neur2ro import RobustInputError, solve
from solvers.neur2ro.capital import (
    exact_ccg,
    generate_instance,
    parse_instance,
    second_stage,
    worst_case,
    worst_case_bounds,
)
from solvers.neur2ro.ccg import brute_force, neur2ro
from solvers.neur2ro.milp import _solver, embed

torch = pytest.importorskip("torch")


def tiny(seed: int = 0, n: int = 5, loans: bool = False):
    return generate_instance(np.random.default_rng(seed), n, loans=loans)


def feasible_x(inst, rng):
    x = (rng.random(inst.n) < 0.5).astype(float)
    for i in rng.permutation(inst.n):
        if inst.max_cost(x)[0] <= inst.budget:
            break
        x[i] = 0.0
    return x


@pytest.mark.parametrize("loans", [False, True])
def test_second_stage_matches_enumeration(loans: bool) -> None:
    inst = tiny(1, loans=loans)
    rng = np.random.default_rng(0)
    for _ in range(4):
        x, xi = feasible_x(inst, rng), rng.uniform(-1, 1, inst.k)
        cost, rev = inst.cost(xi), inst.revenue(xi)
        room = inst.budget - cost @ x
        best = np.inf
        for y in itertools.product((0, 1), repeat=inst.n):
            y_ = np.array(y, float)
            if (x + y_ > 1).any():
                continue
            y0 = max(0.0, cost @ y_ - room)
            if y0 > (inst.max_loan if loans else 0.0) + 1e-12:
                continue
            best = min(best, -rev @ (x + inst.f * y_) + inst.lam * inst.mu * y0)
        assert second_stage(inst, x, xi)[0] == pytest.approx(best, rel=2e-4)


def test_worst_case_is_attained_and_no_sampled_scenario_is_worse() -> None:
    inst = tiny(2, n=6)
    rng = np.random.default_rng(1)
    x = feasible_x(inst, rng)
    attack, bound, xi = worst_case_bounds(inst, x, time_limit=30)
    assert bound == pytest.approx(attack, rel=1e-3)  # converged on a tiny instance
    assert second_stage(inst, x, xi)[0] == pytest.approx(attack, rel=1e-9)
    corners = np.array(list(itertools.product((-1.0, 1.0), repeat=inst.k)))
    for s in np.concatenate([rng.uniform(-1, 1, (200, inst.k)), corners]):
        assert second_stage(inst, x, s)[0] <= attack + 1e-3 * abs(attack)


def test_a_decision_over_the_budget_scores_infinitely_bad() -> None:
    inst = tiny(3)
    assert worst_case(inst, np.ones(inst.n))[0] == np.inf


def test_exact_ccg_matches_brute_force_on_tiny_instances() -> None:
    for seed in (0, 1):
        inst = tiny(seed, n=4)
        _, best = brute_force(inst)
        r = exact_ccg(inst, time_limit=60)
        assert r.optimal
        assert r.profit == pytest.approx(best, rel=1e-3)
        assert inst.max_cost(np.array(r.x, float))[0] <= inst.budget + 1e-9


def test_loans_never_hurt() -> None:
    """With loans x0 = y0 = 0 is still allowed, so the optimum can only grow."""
    plain, with_loans = tiny(4, n=4), tiny(4, n=4, loans=True)
    assert exact_ccg(with_loans, time_limit=60).profit >= exact_ccg(plain, time_limit=60).profit - 1e-3


def test_capital_network_in_milp_equals_the_forward_pass() -> None:
    from solvers.neur2ro.model import CapitalNumeric, build_capital

    torch.manual_seed(0)
    net = build_capital(embed=4, hidden=(6, 5))
    inst = tiny(5, n=6)
    feat = inst.features()
    num = CapitalNumeric(net, feat)
    rng = np.random.default_rng(3)
    for _ in range(4):
        x, xi = (rng.random(inst.n) < 0.5).astype(float), rng.uniform(-1, 1, inst.k)
        with torch.no_grad():
            want = float(net(torch.as_tensor(feat)[None], torch.as_tensor(x, dtype=torch.float32)[None],
                             torch.as_tensor(xi, dtype=torch.float32)[None], torch.ones(1, inst.n)))
        assert num.value(x, xi) == pytest.approx(want, abs=1e-4)
        for fixed, (const, coef), domain in ((x, num.main_affine(xi), None), (xi, num.adv_affine(x), "box")):
            s = _solver(10)
            v = [s.NumVar(-1.0, 1.0, f"v{i}") for i in range(len(fixed))]
            for i in range(len(fixed)):
                s.Add(v[i] == float(fixed[i]))
            out = s.NumVar(-1e9, 1e9, "out")
            s.Add(out == embed(s, v, const, coef, num, domain, "t"))
            s.Minimize(out)
            assert s.Solve() == 0
            assert out.solution_value() == pytest.approx(want, abs=1e-4)


def test_neur2ro_on_capital_returns_a_robustly_feasible_x_scored_exactly() -> None:
    from solvers.neur2ro.model import build_capital

    torch.manual_seed(0)
    inst = tiny(6)
    r = neur2ro(inst, build_capital(embed=4, hidden=(6,)), time_limit=20)
    x = np.array(r.x, float)
    assert inst.max_cost(x)[0] <= inst.budget + 1e-9
    assert r.profit == pytest.approx(-worst_case(inst, x)[0], rel=1e-6)
    assert r.profit <= brute_force(inst)[1] + 1e-3 * abs(r.profit)


def test_a_knapsack_network_refuses_a_capital_instance() -> None:
    from solvers.neur2ro.model import build

    with pytest.raises(RobustInputError, match="knapsack value network"):
        neur2ro(tiny(0), build(embed=4, hidden=(6,)), time_limit=5)


def test_loans_need_exact_ccg() -> None:
    with pytest.raises(RobustInputError, match="exact-ccg"):
        solve(tiny(0, loans=True), method="neur2ro")


def test_instance_round_trips_through_json() -> None:
    inst = tiny(7, loans=True)
    back = parse_instance(inst.to_json())
    assert back.loans and back.n == inst.n and np.allclose(back.phi, inst.phi) and back.max_loan == inst.max_loan


@pytest.mark.parametrize("text, message", [
    ("not json", "JSON"),
    ("[1, 2]", "JSON object"),
    ('{"c_bar": [1, 2]}', "missing field"),
    ('{"c_bar": [1, 2], "r_bar": [1], "phi": [[1], [1]], "psi": [[1], [1]], "budget": 1}', "n entries"),
    ('{"c_bar": [1, -2], "r_bar": [1, 1], "phi": [[1], [1]], "psi": [[1], [1]], "budget": 1}', "positive"),
    ('{"c_bar": [1, "a"], "r_bar": [1, 1], "phi": [[1], [1]], "psi": [[1], [1]], "budget": 1}', "numbers"),
])
def test_reader_rejects_malformed_files(text: str, message: str) -> None:
    with pytest.raises(RobustInputError, match=message):
        parse_instance(text, "bad")


def test_generator_rejects_empty_instances() -> None:
    with pytest.raises(RobustInputError, match="at least one project"):
        generate_instance(np.random.default_rng(0), 0)


def test_cli_solves_a_random_capital_instance() -> None:
    import typer
    from typer.testing import CliRunner

    from app.commands.robust import robust_app

    cli = typer.Typer()
    cli.add_typer(robust_app, name="robust")  # as app/cli.py mounts it
    out = CliRunner().invoke(cli, ["robust", "solve", "capital", "--random", "5", "--method", "exact-ccg",
                                   "--time-limit", "30", "--json"])
    assert out.exit_code == 0, out.output
    assert len(json.loads(out.output)["x"]) == 5
    bad = CliRunner().invoke(cli, ["robust", "solve", "knapsack", "--random", "5"])
    assert bad.exit_code == 2 and "FILE" in bad.output

"""QUBO encodings, multiplier methods, samplers and repair on tiny instances with known answers."""

from __future__ import annotations

import itertools

import numpy as np
import pytest

from solvers.qubo import (
    MDKP,
    MIS,
    TSP,
    QUBOInputError,
    exact_optimum,
    gap,
    generate_mdkp,
    generate_mis,
    generate_tsp,
    repair,
    solve,
)
from solvers.qubo.encode import Relaxation, fixed_penalty_bqm, slack_bits, slack_bqm


def all_assignments(n: int):
    for bits in itertools.product((0, 1), repeat=n):
        yield np.array(bits, float)


def energy(bqm, x: np.ndarray) -> float:
    return float(bqm.energy({i: int(x[i]) for i in range(len(x))}))


TINY_MDKP = MDKP([6, 5, 4, 3], [[3, 2, 2, 1], [1, 3, 1, 2]], [4, 4])


def test_slack_bits_cover_exactly_zero_to_capacity() -> None:
    for c in range(0, 40):
        coefs = slack_bits(c)
        sums = {int(sum(s)) for r in range(len(coefs) + 1) for s in itertools.combinations(coefs, r)}
        assert sums == set(range(c + 1))


def test_mdkp_slack_encoding_is_objective_plus_penalty() -> None:
    p, A = TINY_MDKP, 7.0
    bqm, n = slack_bqm(p, A)
    bits = [slack_bits(c) for c in p.capacities]
    assert bqm.num_variables == p.n + sum(len(b) for b in bits) == 4 + 3 + 3
    for z in all_assignments(bqm.num_variables):
        x = z[:n]
        s1 = z[n:n + 3] @ bits[0]
        s2 = z[n + 3:] @ bits[1]
        want = -p.objective(x) + A * ((p.weights[0] @ x + s1 - 4) ** 2 + (p.weights[1] @ x + s2 - 4) ** 2)
        assert energy(bqm, z) == pytest.approx(want)


@pytest.mark.parametrize("rho", [0.0, 0.3])
def test_lagrangian_energies_match_their_definition(rho: float) -> None:
    rng = np.random.default_rng(0)
    for prob in (TINY_MDKP, MIS(4, [(0, 1), (1, 2), (2, 3)]), generate_tsp(3, 0)):
        rel = Relaxation(prob)
        lam = rng.uniform(-1 if rel.equality else 0, 2, rel.multipliers)
        active = rng.random(rel.multipliers) < 0.5
        bqm = rel.bqm(lam, rho=rho, active=active)
        assert bqm.num_variables == rel.size  # slack-free: exactly the decision variables
        for x in itertools.islice(all_assignments(rel.size), 600):
            assert energy(bqm, x) == pytest.approx(rel.energy(x, lam, rho, active))


def test_mis_penalty_and_slack_encodings() -> None:
    p = MIS(3, [(0, 1), (1, 2)])
    bqm = fixed_penalty_bqm(p, 2.0)
    for x in all_assignments(3):
        assert energy(bqm, x) == pytest.approx(-x.sum() + 2.0 * (x[0] * x[1] + x[1] * x[2]))
    sbqm, n = slack_bqm(p, 3.0)
    assert sbqm.num_variables == 5
    best = min(all_assignments(5), key=lambda z: energy(sbqm, z))
    assert list(best[:n]) == [1, 0, 1]


def test_exact_sampler_recovers_the_optimum_and_cp_sat_agrees() -> None:
    opt, proven = exact_optimum(TINY_MDKP)
    brute = max(TINY_MDKP.objective(x) for x in all_assignments(4) if not TINY_MDKP.violations(x).any())
    assert proven and opt == brute
    r = solve(TINY_MDKP, "slack", sampler="exact", iterations=1, reads=1, penalty=10.0)
    assert r.feasible and r.objective == brute


@pytest.mark.parametrize("method", ["subgradient", "bundle", "cutting-plane", "alm"])
def test_each_method_reaches_the_known_dual_on_a_one_constraint_knapsack(method: str) -> None:
    # max 10a + 6b + 4c s.t. 5a + 4b + 3c <= 8: LP optimum 10 + 6*3/4 = 14.5 = the Lagrangian dual
    # (integral relaxation), at lam* = 1.5; the best feasible is {a, c} = 14.
    p = MDKP([10, 6, 4], [[5, 4, 3]], [8])
    r = solve(p, "lagrangian", method, sampler="exact", iterations=40, reads=1)
    assert r.feasible and r.objective == 14
    duals = [h["dual_estimate"] for h in r.history]
    assert max(duals) == pytest.approx(-14.5, abs=0.6)  # minimisation form: L(lam*) = -14.5
    assert all(d <= -14.0 + 1e-9 for d in duals)  # weak duality: never above the optimum (-14)


def test_repair_makes_samples_feasible() -> None:
    rng = np.random.default_rng(1)
    p = generate_mdkp(30, 5, 0.25, seed=3)
    g = generate_mis(30, 0.2, seed=3)
    for _ in range(20):
        x = repair(p, rng.integers(0, 2, 30))
        assert not p.violations(x).any()
        y = repair(g, rng.integers(0, 2, 30))
        assert not g.violations(y).any()


def test_sa_solves_small_instances() -> None:
    p = generate_mdkp(20, 2, 0.5, seed=0)
    opt, _ = exact_optimum(p)
    r = solve(p, "lagrangian", "subgradient", iterations=15, reads=10, seed=0)
    assert r.num_variables == 20 and r.feasible and gap(p, r.objective, opt) <= 0.05
    t = generate_tsp(5, 1)
    topt, _ = exact_optimum(t)
    rt = solve(t, "slack", iterations=3, reads=50)
    assert rt.feasible and t.tour(np.array(rt.solution, float)) is not None
    assert rt.objective == pytest.approx(topt, rel=1e-6)


def test_qaoa_end_to_end_on_a_tiny_tsp() -> None:
    pytest.importorskip("qiskit_aer")
    p = generate_tsp(3, 0)  # every permutation of 3 cities is optimal (one triangle)
    r = solve(p, "slack", sampler="qaoa", iterations=1, reads=256, sampler_options={"layers": 1, "maxiter": 20})
    assert r.sampler == "qaoa" and r.reads == 256
    assert r.num_variables == 4 and r.settings["fixed_by_symmetry"] == 5  # city 0 first: (n - 1)^2 qubits
    assert r.feasible and r.objective == pytest.approx(exact_optimum(p)[0])
    assert p.tour(np.array(r.solution, float))[0] == 0


def test_qaoa_beyond_the_statevector_limit_runs_on_matrix_product_states() -> None:
    pytest.importorskip("qiskit_aer")
    p = generate_tsp(6, 0)  # 25 qubits after fixing: past the exact statevector's 20
    r = solve(p, "slack", sampler="qaoa", iterations=1, reads=64, sampler_options={"layers": 1, "maxiter": 4})
    assert r.num_variables == 25 and r.reads == 64 and 0.0 <= r.feasibility_rate <= 1.0


def test_symmetry_fixings_keep_a_rotation_of_every_tour() -> None:
    p = generate_tsp(4, 2)
    fixed = p.symmetry_fixings()
    assert len(fixed) == 2 * 4 - 1 and fixed[0] == 1
    x = np.zeros(16)
    for t, c in enumerate([0, 2, 3, 1]):  # a tour starting at city 0 agrees with every fixed value
        x[c * 4 + t] = 1
    assert all(x[v] == val for v, val in fixed.items())


def test_lp_warm_start_begins_at_the_lp_duals_on_the_feasible_side() -> None:
    from solvers.qubo.solve import lp_duals

    p = MDKP([10, 6, 4], [[5, 4, 3]], [8])
    assert lp_duals(p) == pytest.approx([1.5])  # the LP's fractional item b has reduced profit 6 - 1.5 * 4 = 0
    r = solve(p, "lagrangian", "subgradient", sampler="exact", iterations=1, reads=1)
    assert r.history[0]["feasible"] == 1.0 and r.settings["warm_start"] == "lp"
    cold = solve(p, "lagrangian", "subgradient", sampler="exact", iterations=1, reads=1, warm_start="zero")
    assert cold.history[0]["feasible"] == 0.0  # zero multipliers take every item
    with pytest.raises(QUBOInputError, match="warm start"):
        solve(p, "lagrangian", warm_start="hot")
    with pytest.raises(QUBOInputError, match="feasible_step"):
        solve(p, "lagrangian", feasible_step=0.0)


def test_alm_starting_rho_is_the_given_one_and_doubles_when_a_violation_does_not_halve() -> None:
    p = MDKP([10, 6, 4], [[5, 4, 3]], [8])
    # From zero multipliers every item is taken (violation 4) and stays taken while rho is small:
    # the update after calls 1 and 2 doubles rho (after call 0 there is no earlier violation to compare).
    grown = solve(p, "lagrangian", "alm", sampler="exact", iterations=3, reads=1, rho=1e-3, warm_start="zero")
    assert [h["violation"] for h in grown.history] == [4.0, 4.0, 4.0]
    assert grown.settings["final_rho"] == pytest.approx(4e-3)
    # From the LP duals the violation goes 1, 0, 1: only the last update doubles rho.
    lp = solve(p, "lagrangian", "alm", sampler="exact", iterations=3, reads=1, rho=0.25)
    assert [h["violation"] for h in lp.history] == [1.0, 0.0, 1.0] and lp.settings["final_rho"] == 0.5
    with pytest.raises(QUBOInputError, match="rho"):
        solve(p, "lagrangian", "alm", rho=0.0)


@pytest.mark.parametrize("make, message", [
    (lambda: MDKP([1, -2], [[1, 1]], [3]), "non-negative"),
    (lambda: MDKP([1, 2], [[1, 1]], [-1]), "negative"),
    (lambda: MDKP([1, 2], [[1, 1, 1]], [3]), "m x n"),
    (lambda: MIS(0, []), "empty"),
    (lambda: MIS(3, [(0, 5)]), "outside"),
    (lambda: MIS(3, [(1, 1)]), "self-loop"),
    (lambda: TSP([[0, 0], [1, 1]]), "at least 3"),
    (lambda: TSP(np.zeros((20, 2))), "too large"),
])
def test_bad_input_is_a_clear_error(make, message: str) -> None:
    with pytest.raises(QUBOInputError, match=message):
        make()


def test_bad_settings_are_clear_errors() -> None:
    with pytest.raises(QUBOInputError, match="unknown encoding"):
        solve(TINY_MDKP, "quantum")
    with pytest.raises(QUBOInputError, match="unknown sampler"):
        solve(TINY_MDKP, sampler="dwave")
    with pytest.raises(QUBOInputError, match="unknown method"):
        solve(TINY_MDKP, "lagrangian", "newton")
    with pytest.raises(QUBOInputError, match="at most 20"):
        solve(generate_mdkp(30, 2, 0.5, 0), "slack", sampler="exact", iterations=1)

"""UDC for CVRP: every solution is feasible, conquering never lengthens a solution, a tiny training run
shortens the sampled routes, bad input is refused in words, and the shipped weights load and solve."""

from __future__ import annotations

import numpy as np
import pytest

torch = pytest.importorskip("torch")

from solvers.udc import cvrp  # noqa: E402
from solvers.udc.base import CVRPInstance, UDCInputError, check_cvrp, random_cvrp, routes_length  # noqa: E402
from solvers.udc.conquer_cvrp import make_subbatch, rollout  # noqa: E402


@pytest.fixture(scope="module")
def models():
    torch.set_num_threads(1)
    return cvrp.new_models(seed=0)


def test_divide_and_conquer_give_feasible_non_increasing_solutions(models):
    inst = random_cvrp(120, seed=1, capacity=40)
    res = cvrp.solve(inst, model=models, rounds=3, samples=4, sub_size=40, augment=False)
    assert check_cvrp(inst, res.solution) == pytest.approx(res.objective)
    assert res.objective <= res.initial_objective + 1e-9
    seq = [res.initial_objective, *res.history]
    assert all(b <= a + 1e-9 for a, b in zip(seq, seq[1:], strict=False))
    assert set(res.timings) == {"divide", "conquer"}


def test_every_sampled_construction_is_feasible(models):
    inst = random_cvrp(80, seed=2, capacity=30)
    with torch.no_grad():
        con, _, _ = cvrp.divide(inst, models, samples=6, seed=3)
    for routes, length in zip(con.routes, con.lengths, strict=True):
        assert check_cvrp(inst, routes) == pytest.approx(length)


def test_conquering_never_worsens_even_a_bad_solution(models):
    inst = random_cvrp(60, seed=4, capacity=30)
    rng = np.random.default_rng(0)
    perm = rng.permutation(inst.n)
    routes, cur, load = [], [], 0
    for c in perm:  # a random-order split into capacity-feasible routes: long, crossing routes
        if load + inst.demand[c] > inst.capacity:
            routes.append(cur)
            cur, load = [], 0
        cur.append(int(c))
        load += int(inst.demand[c])
    routes.append(cur)
    before = check_cvrp(inst, routes)
    for offset in range(3):
        new, _ = cvrp.conquer_round(inst, routes, models.conquer, offset=offset, sub_size=25, augment=False)
        after = check_cvrp(inst, new)
        assert after <= before + 1e-9
        routes, before = new, after


def test_tiny_conquer_training_shortens_sampled_routes():
    torch.manual_seed(0)
    from solvers.udc.conquer_cvrp import CVRPConquerModel

    model = CVRPConquerModel(dim=32, layers=1, ff=64)
    rng = np.random.default_rng(0)
    subs = [(rng.random(2), rng.random((12, 2)), rng.integers(1, 10, 12) / 30) for _ in range(8)]
    sb = make_subbatch(subs)
    opt = torch.optim.Adam(model.parameters(), lr=3e-3)
    gen = torch.Generator().manual_seed(0)
    means = []
    for _ in range(40):
        _, length, logp = rollout(model, sb, greedy=False, generator=gen)
        loss = ((length - length.mean(1, keepdim=True)).detach() * logp).mean()
        opt.zero_grad()
        loss.backward()
        opt.step()
        means.append(float(length.mean()))
    assert np.mean(means[-5:]) < np.mean(means[:5]) * 0.95


def test_bad_input_is_refused_in_words(models, tmp_path):
    inst = random_cvrp(20, seed=0, capacity=30)
    too_big = CVRPInstance(inst.depot, inst.coords, np.where(np.arange(20) == 3, 31, inst.demand), 30)
    with pytest.raises(UDCInputError, match="capacity"):
        cvrp.solve(too_big, model=models)
    nan = CVRPInstance(inst.depot, np.where(np.arange(40).reshape(20, 2) == 5, np.nan, inst.coords), inst.demand, 30)
    with pytest.raises(UDCInputError, match="NaN"):
        cvrp.solve(nan, model=models)
    with pytest.raises(UDCInputError, match="CVRPInstance"):
        cvrp.solve("not an instance", model=models)  # type: ignore[arg-type]
    with pytest.raises(UDCInputError, match="rounds"):
        cvrp.solve(inst, model=models, rounds=-1)
    with pytest.raises(UDCInputError, match="no trained CVRP weights"):
        cvrp.load_model(tmp_path)


def test_save_and_load_round_trip(models, tmp_path):
    cvrp.save_models(models, tmp_path)
    again = cvrp.load_model(tmp_path)
    inst = random_cvrp(50, seed=5, capacity=30)
    a = cvrp.solve(inst, model=models, rounds=1, samples=2, augment=False)
    b = cvrp.solve(inst, model=again, rounds=1, samples=2, augment=False)
    assert a.objective == pytest.approx(b.objective)


@pytest.mark.skipif(not (cvrp.ARTIFACTS / "cvrp_conquer.pt").is_file(), reason="no shipped CVRP weights yet")
def test_shipped_weights_divide_better_than_untrained_ones(models):
    trained = cvrp.load_model()
    inst = random_cvrp(200, seed=11)
    res = cvrp.solve(inst, model=trained, rounds=3, samples=4)
    untrained = cvrp.solve(inst, model=models, rounds=0, samples=4)
    assert check_cvrp(inst, res.solution) == pytest.approx(res.objective)
    assert res.objective <= res.initial_objective
    assert res.initial_objective < untrained.initial_objective
    assert routes_length(inst, res.solution) == pytest.approx(res.objective)

"""UDC for knapsack: every packing fits, conquering never loses value, a tiny training run raises the
packed value, bad input is refused in words, and the shipped weights load and solve."""

from __future__ import annotations

import numpy as np
import pytest

torch = pytest.importorskip("torch")

from solvers.udc import knapsack  # noqa: E402
from solvers.udc.base import KPInstance, UDCInputError, check_kp, random_kp  # noqa: E402
from solvers.udc.conquer_kp import make_subbatch, rollout  # noqa: E402


@pytest.fixture(scope="module")
def models():
    torch.set_num_threads(1)
    return knapsack.new_models(seed=0)


def test_solution_fits_and_value_never_decreases(models):
    inst = random_kp(300, seed=1)
    res = knapsack.solve(inst, model=models, rounds=4, samples=4, group=60)
    assert check_kp(inst, res.solution) == pytest.approx(res.objective)
    seq = [res.initial_objective, *res.history]
    assert all(b >= a - 1e-12 for a, b in zip(seq, seq[1:], strict=False))
    assert res.objective >= res.initial_objective


def test_every_sampled_packing_fits(models):
    inst = random_kp(200, seed=2)
    with torch.no_grad():
        sel, vals, _, _ = knapsack.divide(inst, models, samples=6, seed=1)
    for x, v in zip(sel, vals, strict=True):
        assert check_kp(inst, x.astype(np.int8)) == pytest.approx(v)


def test_conquering_never_loses_value_from_a_poor_packing(models):
    inst = random_kp(200, seed=3)
    rng = np.random.default_rng(0)
    x = np.zeros(inst.n, bool)
    for i in rng.permutation(inst.n):  # a random packing: far from optimal
        if inst.weights[x].sum() + inst.weights[i] <= inst.capacity:
            x[i] = True
    before = check_kp(inst, x.astype(np.int8))
    improved_any = False
    for offset in range(0, 200, 50):
        x, improved = knapsack.conquer_round(inst, x, models.conquer, offset=offset, group=50, samples=1)
        after = check_kp(inst, x.astype(np.int8))
        assert after >= before - 1e-12
        improved_any |= improved > 0
        before = after
    assert improved_any  # even untrained rollouts fill a random packing better somewhere


def test_tiny_conquer_training_raises_packed_value():
    torch.manual_seed(0)
    from solvers.udc.conquer_kp import KPConquerModel

    model = KPConquerModel(dim=32, layers=1, ff=64)
    rng = np.random.default_rng(0)
    subs = []
    for _ in range(8):
        w, v = rng.random(20), rng.random(20)
        subs.append((w / (w.sum() / 4), v / v.max()))
    sb = make_subbatch(subs)
    opt = torch.optim.Adam(model.parameters(), lr=3e-3)
    gen = torch.Generator().manual_seed(0)
    means = []
    for _ in range(40):
        _, value, logp = rollout(model, sb, greedy=False, generator=gen)
        loss = (-(value - value.mean(1, keepdim=True)).detach() * logp).mean()
        opt.zero_grad()
        loss.backward()
        opt.step()
        means.append(float(value.mean()))
    assert np.mean(means[-5:]) > np.mean(means[:5]) * 1.02


def test_bad_input_is_refused_in_words(models, tmp_path):
    inst = random_kp(20, seed=0)
    with pytest.raises(UDCInputError, match="positive"):
        knapsack.solve(KPInstance(-inst.weights, inst.values, 2.0), model=models)
    with pytest.raises(UDCInputError, match="capacity"):
        knapsack.solve(KPInstance(inst.weights, inst.values, float("nan")), model=models)
    with pytest.raises(UDCInputError, match="weights but"):
        knapsack.solve(KPInstance(inst.weights, inst.values[:5], 2.0), model=models)
    with pytest.raises(UDCInputError, match="KPInstance"):
        knapsack.solve([1, 2, 3], model=models)  # type: ignore[arg-type]
    with pytest.raises(UDCInputError, match="no trained knapsack weights"):
        knapsack.load_model(tmp_path)


def test_save_and_load_round_trip(models, tmp_path):
    knapsack.save_models(models, tmp_path)
    again = knapsack.load_model(tmp_path)
    inst = random_kp(100, seed=5)
    a = knapsack.solve(inst, model=models, rounds=2, samples=2)
    b = knapsack.solve(inst, model=again, rounds=2, samples=2)
    assert a.objective == pytest.approx(b.objective)


@pytest.mark.skipif(not (knapsack.ARTIFACTS / "kp_conquer.pt").is_file(), reason="no shipped knapsack weights yet")
def test_shipped_weights_are_near_the_optimum():
    from solvers.udc.reference import exact_kp

    inst = random_kp(500, seed=7)
    res = knapsack.solve(inst, rounds=6)
    opt = exact_kp(inst)["objective"]
    assert check_kp(inst, res.solution) <= opt + 1e-9
    assert (opt - res.objective) / opt <= 1e-3


def test_train_command_writes_weights_and_a_log_that_a_continued_run_keeps(tmp_path):
    import json

    from solvers.udc.knapsack import load_model
    from solvers.udc.train import main

    first, second = tmp_path / "a", tmp_path / "b"
    tiny = ["--div-warm", "1", "--con-iters", "1", "--div-iters", "1", "--n-min", "40", "--n-max", "50"]
    assert main(["--problem", "kp", "--seed", "0", "--out", str(first), *tiny]) == 0
    load_model(first)  # the weights load back
    assert main(["--problem", "kp", "--seed", "1", "--init", str(first), "--out", str(second), *tiny]) == 0
    log = json.loads((second / "kp_train_log.json").read_text())
    assert log["continued_from"]["settings"]["seed"] == 0
    assert set(log["phases"]) == {"divide_warmup", "conquer", "divide_dcr"}

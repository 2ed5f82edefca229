"""Tests for UDC on the TSP (solvers/udc/tsp.py, conquer_tsp.py, train_tsp.py): every tour is a tour,
a conquering round never lengthens it, a tiny training run lowers the sampled length, bad input gets a
UDCInputError. Untrained small networks keep these fast; one test uses the shipped weights."""

from __future__ import annotations

import time

import numpy as np
import pytest

torch = pytest.importorskip("torch")
torch.set_num_threads(1)  # the host is shared; more threads only contend

from solvers.udc import tsp  # noqa: E402
from solvers.udc.base import TSPInstance, UDCInputError, check_tsp, random_tsp, tour_length  # noqa: E402
from solvers.udc.conquer_tsp import ConquerConfig, PathSolver, normalise, path_lengths, solve_paths  # noqa: E402


@pytest.fixture(scope="module")
def untrained() -> tsp.TSPModel:
    torch.manual_seed(0)
    return tsp.TSPModel(divide=tsp.make_divide_policy(hidden=16, layers=2).eval(),
                        conquer=PathSolver(ConquerConfig(dim=32, heads=4, layers=1, ff=64)).eval())


def test_solve_gives_a_tour_and_never_worse_than_dividing(untrained):
    inst = random_tsp(230, seed=3)
    r = tsp.solve(inst, rounds=4, model=untrained, seed=1)
    assert check_tsp(inst, r.solution) == pytest.approx(r.objective)
    assert r.objective <= r.initial_objective + 1e-9
    assert len(r.history) == 4
    assert all(b <= a + 1e-9 for a, b in zip([r.initial_objective] + r.history, r.history, strict=False))
    assert set(r.timings) == {"divide", "conquer"}


@pytest.mark.parametrize("n", [3, 4, 7, 99, 100, 101, 250])
def test_every_size_gives_a_tour(untrained, n):
    inst = random_tsp(n, seed=n)
    r = tsp.solve(inst, rounds=2, model=untrained)
    check_tsp(inst, r.solution)
    assert r.objective <= r.initial_objective + 1e-9


@pytest.mark.parametrize("seed", range(3))
def test_conquer_round_never_lengthens_a_random_tour(untrained, seed):
    rng = np.random.default_rng(seed)
    coords = rng.random((320, 2))
    tour = rng.permutation(320)
    before = tour_length(coords, tour)
    for off in (0, 37, 311):
        tour = tsp.conquer_round(untrained.conquer, coords, tour, off, n_variants=4)
        assert np.array_equal(np.sort(tour), np.arange(320))
        after = tour_length(coords, tour)
        assert after <= before + 1e-9
        before = after
    # a stack of tours is conquered piece by piece as well
    stack = np.stack([rng.permutation(320) for _ in range(3)])
    out = tsp.conquer_round(untrained.conquer, coords, stack, 5, n_variants=2)
    for a, b in zip(stack, out, strict=True):
        assert np.array_equal(np.sort(b), np.arange(320))
        assert tour_length(coords, b) <= tour_length(coords, a) + 1e-9


@pytest.mark.parametrize("n_variants", [1, 2, 5, 16])
def test_solve_paths_returns_interior_permutations_and_their_lengths(untrained, n_variants):
    xy = np.random.default_rng(1).random((3, 12, 2)) * 7 + 2
    order, length = solve_paths(untrained.conquer, xy, n_variants=n_variants, greedy=n_variants != 5, samples=3)
    assert order.shape == (3, 10)
    for row in order:
        assert sorted(row.tolist()) == list(range(1, 11))
    expect = path_lengths(torch.as_tensor(normalise(xy)), torch.as_tensor(order)).numpy()
    assert np.allclose(length, expect, atol=1e-5)


def test_tiny_training_run_lowers_the_greedy_length():
    from solvers.udc.train_tsp import _greedy_val, conquer_step

    torch.manual_seed(0)
    rng = np.random.default_rng(0)
    model = PathSolver(ConquerConfig(dim=32, heads=4, layers=1, ff=64))
    opt = torch.optim.Adam(model.parameters(), lr=3e-3)
    val = torch.as_tensor(np.random.default_rng(99).random((64, 10, 2)), dtype=torch.float32)
    before = _greedy_val(model, val)
    for _ in range(50):
        conquer_step(model, opt, torch.as_tensor(rng.random((32, 10, 2)), dtype=torch.float32), samples=8)
    assert _greedy_val(model, val) < 0.9 * before


def test_tour_pieces_are_normalised_stretches_of_short_tours():
    from solvers.udc.train_tsp import tour_pieces

    xy = tour_pieces(np.random.default_rng(0), 12, 50, n=200).numpy()
    assert xy.shape == (12, 50, 2)
    assert xy.min() >= 0 and np.allclose(xy.max(axis=(1, 2)), 1.0)
    in_order = np.linalg.norm(np.diff(xy, axis=1), axis=2).sum(1)
    shuffled = np.linalg.norm(np.diff(xy[:, np.random.default_rng(1).permutation(50)], axis=1), axis=2).sum(1)
    assert (in_order < 0.5 * shuffled).all()  # consecutive nearest-neighbour steps, not a random set


def test_pretraining_only_run_writes_the_conquering_model_alone(tmp_path):
    from solvers.udc.conquer_tsp import load
    from solvers.udc.train_tsp import train_main

    assert train_main(["--curriculum", "12:3", "--dcr-iters", "0", "--batch", "8", "--samples", "4",
                       "--dim", "32", "--heads", "4", "--layers", "1", "--tour-pieces", "0.5",
                       "--sub-size", "12", "--out", str(tmp_path)]) == 0
    model = load(str(tmp_path / tsp.CONQUER_FILE))
    assert model.sub_size == 12 and model.cfg.dim == 32 and model.cfg.ff == 128
    assert not (tmp_path / tsp.DIVIDE_FILE).exists()  # the dividing policy is not overwritten


def test_dcr_step_updates_the_dividing_policy(untrained):
    from solvers.udc.train_tsp import divide_step

    torch.manual_seed(0)
    policy = tsp.make_divide_policy(hidden=16, layers=2)
    before = [p.detach().clone() for p in policy.parameters()]
    opt = torch.optim.Adam(policy.parameters(), lr=1e-3)
    coords = random_tsp(150, seed=2).coords
    loss, first, conquered, tour = divide_step(policy, untrained.conquer, opt, coords, 4, 1, np.random.default_rng(0))
    assert np.isfinite(loss) and conquered <= first + 1e-9
    assert np.array_equal(np.sort(tour), np.arange(150))
    assert any(not torch.equal(a, b) for a, b in zip(before, policy.parameters(), strict=True))


def test_time_limit_stops_the_rounds(untrained):
    inst = random_tsp(400, seed=5)
    t0 = time.perf_counter()
    r = tsp.solve(inst, rounds=10_000, time_limit=1.0, model=untrained)
    assert time.perf_counter() - t0 < 3.0
    assert len(r.history) < 10_000
    check_tsp(inst, r.solution)


@pytest.mark.parametrize("coords, words", [
    (np.array([[0.0, 0.0], [np.nan, 1.0], [1.0, 1.0]]), "NaN"),
    (np.array([[0.0, 0.0], [1.0, 1.0]]), "at least 3"),
    (np.array([[0.0, 0.0], [1.0, 1.0], [1.0, 1.0], [0.5, 0.2]]), "duplicate"),
    (np.zeros((5, 3)), "shape"),
])
def test_bad_instances_get_a_clear_error(untrained, coords, words):
    with pytest.raises(UDCInputError, match=words):
        tsp.solve(TSPInstance(coords=coords), model=untrained)


def test_bad_settings_and_missing_weights_get_a_clear_error(untrained, tmp_path):
    inst = random_tsp(20)
    with pytest.raises(UDCInputError, match="rounds"):
        tsp.solve(inst, rounds=-1, model=untrained)
    with pytest.raises(UDCInputError, match="time_limit"):
        tsp.solve(inst, time_limit=0, model=untrained)
    with pytest.raises(UDCInputError, match="TSPInstance"):
        tsp.solve(inst.coords, model=untrained)
    with pytest.raises(UDCInputError, match="no trained TSP weights"):
        tsp.load_model(tmp_path)


@pytest.mark.skipif(not (tsp.ARTIFACTS / tsp.CONQUER_FILE).is_file(), reason="no shipped weights")
def test_shipped_weights_improve_a_tsp200_tour():
    inst = random_tsp(200, seed=11)
    r = tsp.solve(inst, rounds=5)
    check_tsp(inst, r.solution)
    assert r.objective < r.initial_objective


def test_a_device_torch_cannot_use_gets_a_clear_error(tmp_path):
    from solvers.udc.train_tsp import train_main

    with pytest.raises(SystemExit, match="not a device torch knows"):
        train_main(["--device", "bogus", "--out", str(tmp_path)])
    if not torch.cuda.is_available():
        with pytest.raises(SystemExit, match="torch sees no GPU"):
            train_main(["--device", "cuda", "--out", str(tmp_path)])

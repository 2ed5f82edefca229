"""Tests for solvers.tsp: moves keep tours valid and never lengthen them, tiny instances reach the
brute-force optimum, bad input gets a TSPInputError. The numba core compiles once (cache=True)."""

from __future__ import annotations

import itertools
import zipfile

import numpy as np
import pytest

from solvers.tsp import TSPInputError, check_tour, read_instances, solve, tour_length
from solvers.tsp.heatmap import build, default_tau


def _brute(xy: np.ndarray) -> float:
    """Optimal tour length by trying every order with city 0 first (vectorised; n <= 9)."""
    n = len(xy)
    perms = np.array(list(itertools.permutations(range(1, n))))
    orders = np.hstack([np.zeros((len(perms), 1), dtype=int), perms, np.zeros((len(perms), 1), dtype=int)])
    pts = xy[orders]
    return float(np.sqrt(((pts[:, 1:] - pts[:, :-1]) ** 2).sum(axis=2)).sum(axis=1).min())


@pytest.fixture(scope="module")
def core():
    from solvers.tsp import mcts

    return mcts


def _setup(core, n: int, seed: int, k: int = 8):
    xy = np.random.default_rng(seed).random((n, 2))
    hm = build(xy, "softdist", k=k)
    cand = np.ascontiguousarray(hm.cand)
    weight = 100.0 * hm.prob
    core.seed_rng(seed)
    tour = core.sample_tour(xy, cand, weight)
    return xy, cand, weight, tour, core.positions(tour)


@pytest.mark.parametrize("seed", range(5))
def test_sampled_tour_and_local_search_keep_a_valid_tour(core, seed):
    xy, cand, weight, tour, pos = _setup(core, 200, seed)
    check_tour(tour, 200)
    before = tour_length(xy, tour)
    gain = core.local_search(xy, cand, tour, pos, True)
    check_tour(tour, 200)
    assert np.array_equal(pos[tour], np.arange(200))
    after = tour_length(xy, tour)
    assert after <= before + 1e-9
    assert after == pytest.approx(before - gain, rel=1e-9)


def test_exchange_and_or_move_do_what_they_claim(core):
    """Random 2-opt exchanges and Or-opt moves: valid tours, the edges they promise, exact length change."""
    rng = np.random.default_rng(1)
    n = 30
    tour = rng.permutation(n).astype(np.int64)
    pos = core.positions(tour)

    def edges(t):
        return {frozenset((int(t[i]), int(t[(i + 1) % n]))) for i in range(n)}

    for _ in range(300):
        a, c = rng.choice(n, 2, replace=False)
        b, e = core.succ(tour, pos, a), core.succ(tour, pos, c)
        if b == c or e == a:
            continue
        old = edges(tour)
        core.exchange(tour, pos, a, b, c, e)
        check_tour(tour, n)
        assert edges(tour) == (old - {frozenset((a, b)), frozenset((c, e))}) | {frozenset((a, c)), frozenset((b, e))}
        assert np.array_equal(pos[tour], np.arange(n))
    for _ in range(300):
        seg = int(rng.integers(1, 4))
        s1 = int(rng.integers(n))
        s2 = s1
        for _ in range(seg - 1):
            s2 = core.succ(tour, pos, s2)
        p, nx = core.pred(tour, pos, s1), core.succ(tour, pos, s2)
        inside = {int(tour[(pos[s1] + i) % n]) for i in range(seg)}
        c = int(rng.integers(n))
        e = core.succ(tour, pos, c)
        if c in inside or c in (p, s2) or e in inside:
            continue
        rev = bool(rng.integers(2))
        old = edges(tour)
        core.or_move(tour, pos, s1, s2, p, nx, c, e, rev)
        check_tour(tour, n)
        added = {frozenset((p, nx)), frozenset((c, s2) if rev else (c, s1)), frozenset((s1, e) if rev else (s2, e))}
        removed = {frozenset((p, s1)), frozenset((s2, nx)), frozenset((c, e))}
        assert edges(tour) == (old - removed) | added


def test_mcts_moves_never_lengthen_and_stay_valid(core):
    xy, cand, weight, tour, pos = _setup(core, 300, 7)
    core.local_search(xy, cand, tour, pos, True)
    L = tour_length(xy, tour)
    state = np.array([L, L, 0.0, 0.0, 0.0, 0.0])
    best = tour.copy()
    visits = np.zeros_like(weight)
    last = L
    for _ in range(20):  # no restarts here: every accepted move must shorten the current tour
        core.mcts_chunk(xy, cand, weight, visits, state, tour, pos, best, 500, 1.0, 10.0, 10, 1e18, True, False, 10)
        check_tour(tour, 300)
        now = tour_length(xy, tour)
        assert now <= last + 1e-9
        assert now == pytest.approx(state[0], rel=1e-9)
        last = now
    assert state[5] > 0  # some improving move was found from a 2-opt/Or-opt local optimum
    assert tour_length(xy, best) == pytest.approx(state[1], rel=1e-9)


@pytest.mark.parametrize("n,seed", [(5, 0), (7, 1), (8, 2), (9, 3), (9, 4), (9, 5)])
def test_small_instances_reach_the_brute_force_optimum(n, seed):
    """n <= 8 is solved by enumeration inside solve(); n = 9 goes through the heatmap + MCTS search."""
    xy = np.random.default_rng(seed).random((n, 2))
    res = solve(xy, time_limit=0.3, seed=seed)
    check_tour(res.tour, n)
    assert res.length == pytest.approx(_brute(xy), rel=1e-9)


@pytest.mark.parametrize("heatmap,restart", [("softdist", "kick"), ("knn", "sample")])
def test_solve_gives_a_valid_tour_deterministically(heatmap, restart):
    xy = np.random.default_rng(3).random((120, 2))
    kw = {"heatmap": heatmap, "restart": restart, "restart_per_city": 0.5, "time_limit": 30, "seed": 5}
    a = solve(xy, max_sims=3000, **kw)
    b = solve(xy, max_sims=3000, **kw)
    assert a.stats["restarts"] > 0
    check_tour(a.tour, 120)
    assert np.array_equal(a.tour, b.tour)
    assert a.length <= a.stats["local_search_length"] + 1e-9
    assert set(a.timings) == {"load", "heatmap", "initial", "local_search", "mcts"}


def test_user_heatmaps_dense_and_sparse():
    xy = np.random.default_rng(4).random((60, 2))
    d = np.hypot(*(xy[:, None, :] - xy[None, :, :]).transpose(2, 0, 1))
    dense = np.exp(-d / 0.05)
    res = solve(xy, heatmap=dense, time_limit=5, max_sims=500)
    check_tour(res.tour, 60)
    hm = build(xy, "knn", k=6)
    res2 = solve(xy, heatmap=(hm.cand, hm.prob), time_limit=5, max_sims=500, k=6)
    check_tour(res2.tour, 60)


def test_softdist_rows_and_tau():
    xy = np.random.default_rng(5).random((500, 2))
    hm = build(xy, "softdist", k=7)
    assert hm.cand.shape == (500, 7) and np.allclose(hm.prob.sum(axis=1), 1.0)
    assert not (hm.cand == np.arange(500)[:, None]).any()
    assert default_tau(500) == pytest.approx(0.0066) and default_tau(10000) == pytest.approx(0.0018)
    assert 0.0051 < default_tau(2000) < 0.0066 or 0.0018 < default_tau(2000) < 0.0051


@pytest.mark.parametrize(
    "coords,words",
    [
        ([[0, 0], [1, 1]], "at least 3"),
        ([[0, 0], [1, 1], [0, 0], [2, 2]], "Duplicate"),
        ([[0, 0], [1, float("nan")], [2, 2]], "finite"),
        ([[0, 0, 0], [1, 1, 1], [2, 2, 2]], "(n, 2)"),
        ([["a", "b"], ["c", "d"], ["e", "f"]], "numbers"),
    ],
)
def test_bad_coordinates_get_a_clear_error(coords, words):
    with pytest.raises(TSPInputError, match=words.replace("(", r"\(").replace(")", r"\)")):
        solve(coords)


def test_bad_parameters_and_heatmaps():
    xy = np.random.default_rng(0).random((20, 2))
    with pytest.raises(TSPInputError, match="Unknown parameter"):
        solve(xy, depth=3)
    with pytest.raises(TSPInputError, match="Unknown heatmap"):
        solve(xy, heatmap="magic")
    with pytest.raises(TSPInputError, match=r"\(n, n\)"):
        solve(xy, heatmap=np.ones((5, 5)))


def test_reading_files(tmp_path):
    txt = tmp_path / "cities.txt"
    txt.write_text("# x y\n0 0\n1 0\n1 1\n0 1\n")
    (inst,) = read_instances(txt)
    assert inst.coords.shape == (4, 2)
    line = "0 0 1 0 1 1 0 1 output 1 2 3 4 1\n"
    z = tmp_path / "tiny_test.zip"
    with zipfile.ZipFile(z, "w") as f:
        f.writestr("tiny_test.txt", line * 3)
    insts = read_instances(z)
    assert len(insts) == 3 and insts[0].stored_tour.tolist() == [0, 1, 2, 3]
    assert len(read_instances(z, instance=2)) == 1
    with pytest.raises(TSPInputError, match="out of range"):
        read_instances(z, instance=3)
    bad = tmp_path / "bad.txt"
    bad.write_text("0 0\n1 x\n2 2\n")
    with pytest.raises(TSPInputError, match="line 2"):
        read_instances(bad)
    odd = tmp_path / "odd.txt"
    odd.write_text("0 0 1 1 2 output 1 2 3\n")
    with pytest.raises(TSPInputError, match="odd number"):
        read_instances(odd)
    with pytest.raises(TSPInputError, match="No such file"):
        read_instances(tmp_path / "missing.txt")


def _tiny_data(tmp_path, n: int = 12, count: int = 2):
    rng = np.random.default_rng(9)
    lines = []
    for _ in range(count):
        xy = rng.random((n, 2))
        lines.append(" ".join(f"{v:.6f}" for v in xy.ravel()) + " output " + " ".join(map(str, range(1, n + 1))) + " 1")
    (tmp_path / "tsp").mkdir()
    with zipfile.ZipFile(tmp_path / "tsp" / "tsp500_test.zip", "w") as f:
        f.writestr("tsp500_test_concorde.txt", "\n".join(lines) + "\n")
    return tmp_path


def test_lkh_baseline_matches_brute_force():
    from solvers.tsp import solve_lkh

    xy = np.random.default_rng(11).random((8, 2))
    r = solve_lkh(xy)
    check_tour(r.tour, 8)
    assert r.length == pytest.approx(_brute(xy), rel=1e-6)
    assert r.settings["RUNS"] == 1


def test_suite_scores_reference_and_our_tours(tmp_path):
    from benchmarks.suites.tsp import TSP500, produce_mcts, tour_result

    suite = TSP500()
    items = list(suite.items(_tiny_data(tmp_path)))
    assert len(items) == 2
    ref = suite.reference(items[0])
    v = suite.score(items[0], ref)
    assert v.passed and v.metrics["gap"] == pytest.approx(0.0, abs=1e-12)
    ours = suite.score(items[0], produce_mcts(items[0], time_factor=0.001))
    assert ours.passed and ours.metrics["gap"] > -1e-9
    bad = suite.score(items[0], tour_result([0, 1, 1] + list(range(3, 12)), 1.0, 0.0, "x"))
    assert not bad.passed and bad.category == "invalid_tour"
    s = suite.summarize([v, ours, bad])
    assert s["count"] == 3 and s["valid_tours"] == 2


def test_cli_solve_and_errors(tmp_path):
    from typer.testing import CliRunner

    from app.commands.tsp import tsp_app

    f = tmp_path / "c.txt"
    f.write_text("\n".join(f"{x} {y}" for x, y in np.random.default_rng(2).random((30, 2))))
    png = tmp_path / "t.png"
    r = CliRunner().invoke(tsp_app, ["solve", str(f), "--time", "0.3", "--json", "--plot", str(png)])
    assert r.exit_code == 0, r.output
    import json

    out = json.loads(r.output)
    check_tour(out["tour"], 30)
    assert png.stat().st_size > 0 and set(out["timings"]) >= {"heatmap", "initial", "local_search", "mcts"}
    bad = tmp_path / "bad.txt"
    bad.write_text("0 0\n1 1\n")
    r = CliRunner().invoke(tsp_app, ["solve", str(bad)])
    assert r.exit_code == 2 and "at least 3" in r.output

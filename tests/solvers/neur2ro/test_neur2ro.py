"""Neur2RO pieces: the network inside a MILP equals its forward pass; CCG on tiny instances matches brute
force; the reader rejects malformed files."""

from __future__ import annotations

import itertools

import numpy as np
import pytest

from solvers.neur2ro import RobustInputError, exact_ccg, parse_instance, worst_case
from solvers.neur2ro.ccg import brute_force, neur2ro
from solvers.neur2ro.knapsack import generate_instance, second_stage
from solvers.neur2ro.milp import _solver, embed
from solvers.neur2ro.model import Numeric, build

torch = pytest.importorskip("torch")


def tiny(seed: int = 0, n: int = 6):
    inst = generate_instance(np.random.default_rng(seed), n, "UN", 0.5, 40, 0.2)
    inst.gamma = 2.0
    return inst


def test_second_stage_matches_enumeration() -> None:
    inst = tiny(1)
    rng = np.random.default_rng(0)
    for _ in range(5):
        x = (rng.random(inst.n) < 0.6).astype(float)
        xi = rng.random(inst.n) * 0.5
        best = np.inf
        for y in itertools.product((0, 1), repeat=inst.n):
            for r in itertools.product((0, 1), repeat=inst.n):
                y_, r_ = np.array(y, float), np.array(r, float)
                if (y_ > x).any() or (r_ > y_).any() or inst.c @ y_ + inst.t @ r_ > inst.capacity:
                    continue
                best = min(best, (inst.p_hat * xi - inst.f) @ y_ - (inst.p_hat * xi) @ r_)
        assert second_stage(inst, x, xi)[0] == pytest.approx(best, abs=1e-6)


def test_network_in_milp_equals_the_forward_pass() -> None:
    torch.manual_seed(0)
    net = build(embed=4, hidden=(6, 5))
    inst = tiny(2)
    num = Numeric(net, inst.features())
    rng = np.random.default_rng(3)
    for _ in range(5):
        x = (rng.random(inst.n) < 0.5).astype(float)
        xi = rng.random(inst.n) * 0.3
        with torch.no_grad():
            want = float(net(torch.as_tensor(inst.features())[None], torch.as_tensor(x, dtype=torch.float32)[None],
                             torch.as_tensor(xi, dtype=torch.float32)[None], torch.ones(1, inst.n)))
        assert num.value(x, xi) == pytest.approx(want, abs=1e-4)
        # the MILP with the decisions fixed to x must reproduce the same number
        s = _solver(10)
        v = [s.BoolVar(f"x{i}") for i in range(inst.n)]
        for i in range(inst.n):
            s.Add(v[i] == x[i])
        coef = np.concatenate([num.a, np.zeros_like(num.b), xi[:, None] * num.g], axis=1)
        const = np.concatenate([np.zeros(num.a.shape[1]), xi @ num.b, np.zeros(num.g.shape[1])])
        out = s.NumVar(-1e9, 1e9, "out")
        s.Add(out == embed(s, v, const, coef, num, None, "t"))
        s.Minimize(out)
        assert s.Solve() == 0
        assert out.solution_value() == pytest.approx(want, abs=1e-4)


def test_exact_ccg_matches_brute_force_on_tiny_instances() -> None:
    for seed in (0, 1):
        inst = tiny(seed)
        x_star, best = brute_force(inst)
        r = exact_ccg(inst, time_limit=60)
        assert r.optimal
        assert r.profit == pytest.approx(best, rel=1e-6)
        assert -worst_case(inst, np.array(r.x, float))[0] == pytest.approx(r.profit, rel=1e-9)


def test_neur2ro_returns_an_x_scored_exactly() -> None:
    torch.manual_seed(0)
    net = build(embed=4, hidden=(6,))
    inst = tiny(3)
    r = neur2ro(inst, net, time_limit=20)
    assert len(r.x) == inst.n
    assert r.profit == pytest.approx(-worst_case(inst, np.array(r.x, float))[0])
    assert r.profit <= brute_force(inst)[1] + 1e-6  # never better than the true optimum


@pytest.mark.parametrize("text, message", [
    ("", "not a robust knapsack"),
    ("3 100 1\n 1 2 3 4 5\n", "3 items"),
    ("1 100\n 1 2 3 4 5\n", "first line"),
    ("1 100 1\n 1 2 x 4 5\n", "not a robust knapsack"),
    ("1 100 1\n 1 -2 3 4 5\n", "non-negative"),
])
def test_reader_rejects_malformed_files(text: str, message: str) -> None:
    with pytest.raises(RobustInputError, match=message):
        parse_instance(text, "bad")


def test_reader_reads_the_documented_format() -> None:
    inst = parse_instance("2 100 1\n 10 5 3 40 12\n 20 8 4 50 25\n")
    assert inst.n == 2 and inst.capacity == 100 and inst.gamma == 1
    assert list(inst.p_bar) == [10, 20] and list(inst.f) == [12, 25]


def tiny_int(seed: int, n: int = 8):
    """A generated instance with integer weights and capacity (as in the data set): the DP path."""
    inst = tiny(seed, n)
    inst.c, inst.t, inst.capacity = np.round(inst.c), np.round(inst.t), float(np.floor(inst.capacity))
    return inst


def test_dp_second_stage_matches_the_milp_on_random_instances() -> None:
    from solvers.neur2ro.knapsack import integer_weights, second_stage_mip

    rng = np.random.default_rng(7)
    for seed in range(6):
        inst = tiny_int(seed, n=int(rng.integers(5, 16)))
        assert integer_weights(inst) and not integer_weights(tiny(seed))
        for _ in range(8):
            x = (rng.random(inst.n) < 0.7).astype(float)
            xi = rng.random(inst.n) * (rng.random(inst.n) < 0.5)
            value, y, r = second_stage(inst, x, xi)
            assert value == pytest.approx(second_stage_mip(inst, x, xi)[0], abs=1e-6)
            assert (y <= x).all() and (r <= y).all() and inst.c @ y + inst.t @ r <= inst.capacity + 1e-9
            assert value == pytest.approx((inst.p_hat * xi - inst.f) @ y - (inst.p_hat * xi) @ r)


def test_dp_worst_case_matches_the_milp_worst_case(monkeypatch: pytest.MonkeyPatch) -> None:
    import solvers.neur2ro.knapsack as kp

    rng = np.random.default_rng(11)
    cases = []
    for seed in range(4):
        inst = tiny_int(seed, n=10)
        inst.gamma = 3.0
        cases.append((inst, (rng.random(inst.n) < 0.7).astype(float)))
    dp = [worst_case(inst, x)[0] for inst, x in cases]
    monkeypatch.setattr(kp, "second_stage", kp.second_stage_mip)
    mip = [worst_case(inst, x)[0] for inst, x in cases]
    assert dp == pytest.approx(mip, rel=1e-4)


def test_worst_case_oracle_is_exact_and_its_cutoff_is_sound() -> None:
    from solvers.neur2ro.knapsack import WorstCaseOracle

    rng = np.random.default_rng(5)
    inst = tiny_int(4, n=12)
    inst.gamma = 3.0
    oracle = WorstCaseOracle(inst, pool=30)
    for _ in range(15):  # a chain of neighbouring x, as the polish makes: the cut pool is reused
        x = (rng.random(inst.n) < 0.6).astype(float)
        want = worst_case(inst, x)[0]
        got, xi = oracle.worst_case(x)
        assert got == pytest.approx(want, rel=1e-4, abs=1e-6)
        assert inst.evaluate(x, xi) == pytest.approx(want, rel=1e-4, abs=1e-6)  # xi is a worst scenario
        margin = 1e-3 * max(1.0, abs(want))
        above = oracle.worst_case(x, cutoff=want + margin)[0]
        below = oracle.worst_case(x, cutoff=want - margin)[0]
        assert above == pytest.approx(want, rel=1e-4, abs=1e-6)  # better than the cutoff: exact value
        assert below is None  # no better than the cutoff: given up
    assert oracle.worst_case(np.ones(inst.n), deadline=0.0)[0] is None  # past the deadline: no value


def test_neur2ro_with_the_dp_is_scored_exactly_and_never_beats_brute_force() -> None:
    torch.manual_seed(1)
    net = build(embed=4, hidden=(6,))
    inst = tiny_int(6, n=7)
    inst.gamma = 2.0
    r = neur2ro(inst, net, time_limit=10)
    assert r.profit == pytest.approx(-worst_case(inst, np.array(r.x, float))[0])
    assert r.profit <= brute_force(inst)[1] + 1e-6


def test_traces_record_each_better_incumbent_up_to_the_returned_one() -> None:
    torch.manual_seed(2)
    inst = tiny_int(8, n=8)
    for r in (neur2ro(inst, build(embed=4, hidden=(6,)), time_limit=5), exact_ccg(inst, time_limit=30)):
        times, profits = zip(*r.trace, strict=True)
        assert list(times) == sorted(times) and times[-1] <= r.time
        assert all(b > a for a, b in zip(profits, profits[1:], strict=False))  # only improvements
        assert profits[-1] == pytest.approx(r.profit)  # the last is what was returned


def test_neur2ro_never_ends_below_the_true_nominal_solution() -> None:
    torch.manual_seed(3)
    inst = tiny_int(9, n=8)
    nominal = inst.nominal_x()
    exact_ccg_first = exact_ccg(inst, time_limit=30, max_iter=1)  # exact CCG's first iterate is the same x
    assert exact_ccg_first.x == [int(v) for v in nominal]
    r = neur2ro(inst, build(embed=4, hidden=(6,)), time_limit=5)  # an untrained network
    assert r.history[0]["nominal"] == pytest.approx(worst_case(inst, nominal)[0])
    assert r.profit >= -worst_case(inst, nominal)[0] - 1e-6

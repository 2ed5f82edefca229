"""Column-and-constraint generation: with the learned value function (Neur2RO) and exact.

Neur2RO: scenarios start from xi = 0; repeat: the main problem (network copies, milp.py) gives x and
theta; the adversarial problem gives the scenario the network thinks worst for x; stop when it is not
worse than theta (relative tolerance), when the time is up or after `max_iter` rounds. Every distinct x
proposed is scored exactly (the problem's worst_case) and the best is returned: the score is always the
true worst case, never the network's guess. Then (polish, on by default) a local search on x spends the
time left: flip / swap moves, pruned by exact objectives at known worst scenarios, scored by the exact
worst case (polish_x). With the polish on, CCG rounds start only in the first half of the limit (the
polish is where most of the quality comes from once exact evaluations are cheap: the knapsack's DP and
exact_oracle). A problem with `nominal_x` (the knapsack) first has the true nominal problem's x scored as
the starting incumbent, so a misjudging network cannot end below it. It works on any
problem.RobustProblem (knapsack, capital budgeting).

Exact CCG (here for the knapsack; capital.exact_ccg for capital budgeting): the same loop with the true
second stage: the main problem (knapsack.scenario_main_problem) carries, per scenario, copies of the
second-stage variables (y, r) and constraints; the adversarial step is the exact worst case. It
stops at a proven optimum (upper bound = lower bound within tolerance) or at the time limit (then it
returns its best x so far, flagged not optimal).
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from solvers.neur2ro.knapsack import Instance, scenario_main_problem, worst_case
from solvers.neur2ro.milp import adversarial, main_problem
from solvers.neur2ro.problem import RobustProblem


@dataclass
class RobustResult:
    name: str
    method: str
    x: list[int]
    profit: float  # true worst-case profit of x (exact)
    time: float
    iterations: int
    optimal: bool = False  # exact CCG only: proven optimal
    history: list[dict[str, float]] = field(default_factory=list)
    # (seconds from the start, exact worst-case profit) each time the incumbent improved: when a method
    # first reached a given quality, for time-to-target comparisons
    trace: list[tuple[float, float]] = field(default_factory=list)


def _exact(inst: RobustProblem) -> Any:
    """The problem's exact worst case as f(x, cutoff, deadline) -> (value or None, scenario): its
    exact_oracle when it has one (the knapsack: shared cuts, stops once x is shown no better than cutoff,
    None then or past the deadline), else worst_case (always the exact value)."""
    oracle = inst.exact_oracle() if hasattr(inst, "exact_oracle") else None
    if oracle is not None:
        return oracle.worst_case

    def plain(x: np.ndarray, cutoff: float = np.inf, deadline: float = np.inf) -> tuple[float | None, np.ndarray]:
        return inst.worst_case(x)

    return plain


def neur2ro(inst: RobustProblem, net: Any, time_limit: float = 30.0, max_iter: int = 20, tol: float = 1e-3,
            polish: bool = True, seed: int = 0, ccg_share: float = 0.5) -> RobustResult:
    """Neur2RO's CCG on any problem.RobustProblem (the knapsack, capital budgeting), then, with `polish`,
    a local search on x in the time left (polish_x), scored by the exact worst case only. With `polish`,
    a new CCG round starts only within the first `ccg_share` of the time limit, so the polish keeps the
    rest."""
    from solvers.neur2ro.model import numeric

    start = time.perf_counter()
    # stop a little early: an exact evaluation or the last polish step may overrun its check by a few ms
    deadline = start + time_limit - min(0.2, 0.01 * time_limit)
    ccg_end = start + (ccg_share if polish else 1.0) * time_limit
    exact = _exact(inst)
    num = numeric(net, inst)
    scale = inst.value_scale()
    scenarios = [inst.initial_scenario()]
    seen: dict[bytes, float] = {}  # exact worst case of each x proposed (inf: shown no better than the best)
    worst: list[np.ndarray] = []  # the exact worst scenarios of the x scored so far
    best_x, best_val = np.zeros(inst.n), np.inf
    history: list[dict[str, float]] = []
    trace: list[tuple[float, float]] = []
    if hasattr(inst, "nominal_x"):
        # the true nominal problem's x (no degradation, exact second stage) costs one small MILP and is a
        # floor under the CCG: where the network misjudges the second stage, its proposals can all be worse
        best_x = inst.nominal_x(max(1.0, (ccg_end - start) / 4))
        best_val, xi_true = exact(best_x)
        seen[best_x.tobytes()] = best_val
        worst.append(xi_true)
        trace.append((time.perf_counter() - start, -best_val))
        history.append({"iteration": 0, "nominal": best_val, "seconds": time.perf_counter() - start})
    it = 0
    for it in range(1, max_iter + 1):
        left = ccg_end - time.perf_counter()
        if left <= 0.5 and seen:
            break
        try:
            x, theta = main_problem(inst, num, scenarios, scale, max(left, 1.0) / 2)
        except RuntimeError:
            if not seen:  # not even one proposal: nothing to return
                raise
            break  # out of time inside the main problem: keep the best x found so far
        key = x.tobytes()
        if key not in seen:
            # the first proposal is scored whatever the time; later ones only need to beat the best so far
            value, xi_true = exact(x, best_val, deadline if seen else np.inf)
            seen[key] = np.inf if value is None else value
            worst.append(xi_true)
            if seen[key] < best_val:
                best_x, best_val = x, seen[key]
                trace.append((time.perf_counter() - start, -best_val))
        try:
            xi, predicted = adversarial(inst, num, x, scale, max(1.0, ccg_end - time.perf_counter()))
        except RuntimeError:
            break
        history.append({"iteration": it, "theta": theta, "adversarial": predicted, "true": seen[key]})
        if predicted <= theta + tol * max(1.0, abs(theta)):
            break
        scenarios.append(xi)
    ccg_time = time.perf_counter() - start
    if polish and np.isfinite(best_val):
        # with an exact oracle (cheap, with its own early stop) screen by a few known scenarios only
        best_x, polished, tried = polish_x(inst, best_x, best_val, worst, deadline, seen, seed, exact,
                                           screen=8 if hasattr(inst, "exact_oracle") else None,
                                           on_improve=lambda v: trace.append((time.perf_counter() - start, -v)))
        history.append({"iteration": it, "polish_before": best_val, "polish_after": polished,
                        "polish_exact_evaluations": tried, "ccg_seconds": ccg_time})
        best_val = polished
    return RobustResult(inst.name, "neur2ro", [int(v) for v in best_x], -best_val, time.perf_counter() - start,
                        it, history=history, trace=trace)


def polish_x(inst: RobustProblem, x: np.ndarray, value: float, scenarios: list[np.ndarray], deadline: float,
             seen: dict[bytes, float] | None = None, seed: int = 0, exact: Any = None,
             screen: int | None = None, on_improve: Any = None) -> tuple[np.ndarray, float, int]:
    """First-improvement local search on x (flip one item, then swap one in for one out) until no move
    improves or `deadline` (a perf_counter time) passes; returns (x, its exact worst case, exact scorings).

    A candidate is accepted only on its EXACT worst case, never on the network's. Most candidates never
    get that far: its objective at a scenario already known (worst scenarios of the x scored so far) is a
    lower bound on its worst case (minimisation form), so a candidate whose bound at one of the `screen`
    most useful known scenarios (all when None; move-to-front: the last that cut a candidate first) is
    not below the incumbent is dropped after a few second-stage solves; the exact evaluation (`exact`, from _exact)
    stops as soon as it finds such a scenario too, and that scenario joins the known ones.
    `on_improve(value)` is called with each new incumbent's exact worst case.
    """
    rng = np.random.default_rng(seed)
    seen = {} if seen is None else seen
    exact = _exact(inst) if exact is None else exact
    known = [np.asarray(s, float) for s in reversed(scenarios)]  # most useful first
    x = np.asarray(x, float).copy()
    tried = 0

    def moves(cur: np.ndarray) -> Any:
        ones, zeros = np.flatnonzero(cur > 0.5), np.flatnonzero(cur < 0.5)
        for i in rng.permutation(len(cur)):
            yield (int(i),)
        pairs = [(int(i), int(j)) for i in ones for j in zeros]
        for k in rng.permutation(len(pairs)):
            yield pairs[k]

    def screened(cand: np.ndarray, cutoff: float) -> bool:
        for k, xi in enumerate(known[:screen] if screen else known):
            if inst.evaluate(cand, xi) >= cutoff:
                known.insert(0, known.pop(k))
                return True
        return False

    improved = True
    while improved and time.perf_counter() < deadline:
        improved = False
        cutoff = value - 1e-9 * max(1.0, abs(value))
        for move in moves(x):
            if time.perf_counter() >= deadline:
                break
            cand = x.copy()
            cand[list(move)] = 1.0 - cand[list(move)]
            key = cand.tobytes()
            if key in seen or screened(cand, cutoff):
                seen.setdefault(key, np.inf)  # no better than this incumbent, so than any later one
                continue
            cand_value, xi_true = exact(cand, cutoff, deadline)
            tried += 1
            known.insert(0, np.asarray(xi_true, float))
            if cand_value is None:
                if time.perf_counter() < deadline:
                    seen[key] = np.inf
                continue
            seen[key] = cand_value
            if cand_value < cutoff:
                x, value, improved = cand, cand_value, True
                if on_improve is not None:
                    on_improve(value)
                break
    return x, value, tried


def exact_ccg(inst: Instance, time_limit: float = 300.0, tol: float = 1e-4, max_iter: int = 200) -> RobustResult:
    start = time.perf_counter()
    n = inst.n
    scenarios = [np.zeros(n)]
    best_x, upper = np.zeros(n), worst_case(inst, np.zeros(n))[0]
    lower, it, history = -np.inf, 0, []
    trace = [(time.perf_counter() - start, -upper)]
    while it < max_iter:
        it += 1
        left = time_limit - (time.perf_counter() - start)
        if left <= 0.5:
            break
        xv, bound, status = scenario_main_problem(inst, scenarios, left)
        if status not in (0, 1):
            break
        if bound is not None:
            lower = max(lower, bound)
        value, xi = worst_case(inst, xv)
        if value < upper:
            best_x, upper = xv, value
            trace.append((time.perf_counter() - start, -upper))
        history.append({"iteration": it, "lower": lower, "upper": upper, "time": time.perf_counter() - start})
        if status == 0 and upper - lower <= tol * max(1.0, abs(upper)):
            return RobustResult(inst.name, "exact-ccg", [int(v) for v in best_x], -upper,
                                time.perf_counter() - start, it, optimal=True, history=history, trace=trace)
        scenarios.append(xi)
    return RobustResult(inst.name, "exact-ccg", [int(v) for v in best_x], -upper, time.perf_counter() - start, it,
                        optimal=False, history=history, trace=trace)


def brute_force(inst: RobustProblem) -> tuple[np.ndarray, float]:
    """Best x by enumeration with the exact worst case (tiny n only: tests)."""
    best, best_val = None, np.inf
    for bits in range(2**inst.n):
        x = np.array([(bits >> i) & 1 for i in range(inst.n)], float)
        v = inst.worst_case(x)[0]
        if v < best_val:
            best, best_val = x, v
    return best, -best_val

"""Column-and-constraint generation: with the learned value function (Neur2RO) and exact.

Neur2RO: scenarios start from xi = 0; repeat: the main problem (network copies, milp.py) gives x and
theta; the adversarial problem gives the scenario the network thinks worst for x; stop when it is not
worse than theta (relative tolerance), when the time is up or after `max_iter` rounds. Every distinct x
proposed is scored exactly (knapsack.worst_case) and the best is returned: the score is always the true
worst case, never the network's guess.

Exact CCG: the same loop with the true second stage: the main problem carries, per scenario, copies of
the second-stage variables (y, r) and constraints; the adversarial step is the exact worst case. It
stops at a proven optimum (upper bound = lower bound within tolerance) or at the time limit (then it
returns its best x so far, flagged not optimal).
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from solvers.neur2ro.knapsack import Instance, worst_case
from solvers.neur2ro.milp import _solver, adversarial, main_problem
from solvers.neur2ro.model import Numeric


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


def neur2ro(inst: Instance, net: Any, time_limit: float = 30.0, max_iter: int = 20, tol: float = 1e-3) -> RobustResult:
    start = time.perf_counter()
    num = Numeric(net, inst.features())
    scale = float(inst.p_bar.sum())
    scenarios = [np.zeros(inst.n)]
    seen: dict[bytes, float] = {}
    best_x, best_val = np.zeros(inst.n), np.inf
    history = []
    it = 0
    for it in range(1, max_iter + 1):
        left = time_limit - (time.perf_counter() - start)
        if left <= 0.5:
            break
        try:
            x, theta = main_problem(inst, num, scenarios, scale, left / 2)
        except RuntimeError:
            if not seen:  # not even one proposal: nothing to return
                raise
            break  # out of time inside the main problem: keep the best x found so far
        key = x.tobytes()
        if key not in seen:
            seen[key] = worst_case(inst, x)[0]
            if seen[key] < best_val:
                best_x, best_val = x, seen[key]
        try:
            xi, predicted = adversarial(inst, num, x, scale, max(1.0, time_limit - (time.perf_counter() - start)))
        except RuntimeError:
            break
        history.append({"iteration": it, "theta": theta, "adversarial": predicted, "true": seen[key]})
        if predicted <= theta + tol * max(1.0, abs(theta)):
            break
        scenarios.append(xi)
    return RobustResult(inst.name, "neur2ro", [int(v) for v in best_x], -best_val, time.perf_counter() - start,
                        it, history=history)


def exact_ccg(inst: Instance, time_limit: float = 300.0, tol: float = 1e-4, max_iter: int = 200) -> RobustResult:
    start = time.perf_counter()
    n = inst.n
    scenarios = [np.zeros(n)]
    best_x, upper = np.zeros(n), worst_case(inst, np.zeros(n))[0]
    lower, it, history = -np.inf, 0, []
    while it < max_iter:
        it += 1
        left = time_limit - (time.perf_counter() - start)
        if left <= 0.5:
            break
        s = _solver(left)
        x = [s.BoolVar(f"x{i}") for i in range(n)]
        theta = s.NumVar(-s.infinity(), s.infinity(), "theta")
        for k, xi in enumerate(scenarios):
            y = [s.BoolVar(f"y{k}_{i}") for i in range(n)]
            r = [s.BoolVar(f"r{k}_{i}") for i in range(n)]
            for i in range(n):
                s.Add(y[i] <= x[i])
                s.Add(r[i] <= y[i])
            s.Add(s.Sum([inst.c[i] * y[i] + inst.t[i] * r[i] for i in range(n)]) <= inst.capacity)
            s.Add(theta >= s.Sum([(inst.p_hat[i] * xi[i] - inst.f[i]) * y[i] - inst.p_hat[i] * xi[i] * r[i]
                                  for i in range(n)]))
        s.Minimize(s.Sum([float(inst.f[i] - inst.p_bar[i]) * x[i] for i in range(n)]) + theta)
        status = s.Solve()
        if status not in (0, 1):
            break
        xv = np.array([round(v.solution_value()) for v in x], float)
        if status == 0:
            lower = max(lower, s.Objective().Value())
        value, xi = worst_case(inst, xv)
        if value < upper:
            best_x, upper = xv, value
        history.append({"iteration": it, "lower": lower, "upper": upper})
        if status == 0 and upper - lower <= tol * max(1.0, abs(upper)):
            return RobustResult(inst.name, "exact-ccg", [int(v) for v in best_x], -upper,
                                time.perf_counter() - start, it, optimal=True, history=history)
        scenarios.append(xi)
    return RobustResult(inst.name, "exact-ccg", [int(v) for v in best_x], -upper, time.perf_counter() - start, it,
                        optimal=False, history=history)


def brute_force(inst: Instance) -> tuple[np.ndarray, float]:
    """Best x by enumeration with the exact worst case (tiny n only: tests)."""
    best, best_val = None, np.inf
    for bits in range(2**inst.n):
        x = np.array([(bits >> i) & 1 for i in range(inst.n)], float)
        v = worst_case(inst, x)[0]
        if v < best_val:
            best, best_val = x, v
    return best, -best_val

"""The value network inside a MILP (OR-Tools, SCIP), and the two problems Neur2RO solves with it.

The network's aggregates are linear in the decisions (model.py), so a network copy is: the aggregate
u = const + V^T v (v the decision vector), then per hidden unit h = max(0, w.u + b), written with the
standard big-M formulation (h >= pre, h <= pre - L (1 - s), h <= U s, s binary) where L and U are valid
bounds from interval arithmetic, started from bounds on u over the decision domain (x binary; xi in the
budget set, where the largest sum is the Gamma largest positive coefficients; xi in the box [-1, 1]^k).
Units whose bounds show them always active or always off need no binary.

Both problems go through problem.RobustProblem, so they serve the knapsack and capital budgeting alike:

- `main_problem`: min over x (with the problem's own first-stage constraints) of its first-stage terms
  (the knapsack: sum (f - p_bar) x; capital budgeting: none) + theta, theta >= scale * NN(x, xi_k) for
  every scenario k found so far (one network copy per scenario).
- `adversarial`: max over xi in the uncertainty set of scale * NN(x, xi) for a fixed x.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from solvers.neur2ro.model import Numeric
from solvers.neur2ro.problem import RobustProblem


def _solver(time_limit: float) -> Any:
    from ortools.linear_solver import pywraplp

    s = pywraplp.Solver.CreateSolver("SCIP")
    s.SetTimeLimit(int(max(1.0, time_limit) * 1000))
    s.SetNumThreads(1)
    return s


def _budget_bounds(const: np.ndarray, coef: np.ndarray, gamma: float | str | None) -> tuple[np.ndarray, np.ndarray]:
    """Bounds of const + coef^T v over v in {0,1}^n (gamma None), {v in [0,1]^n, sum v <= gamma} (a
    number) or the box [-1, 1]^n (gamma "box")."""
    pos, neg = np.maximum(coef, 0), np.minimum(coef, 0)
    if gamma is None:
        return const + neg.sum(0), const + pos.sum(0)
    if isinstance(gamma, str):
        if gamma != "box":
            raise ValueError(f"unknown uncertainty domain {gamma!r}")
        spread = np.abs(coef).sum(0)
        return const - spread, const + spread
    gamma = float(gamma)
    k = int(np.floor(gamma))
    frac = gamma - k

    def top(m: np.ndarray) -> np.ndarray:
        s = -np.sort(-m, axis=0)
        return s[:k].sum(0) + (frac * s[k] if k < len(s) else 0.0)

    return const - top(-neg), const + top(pos)


def embed(solver: Any, v: list[Any], const: np.ndarray, coef: np.ndarray, net: Numeric,
          gamma: float | str | None, tag: str) -> Any:
    """Add one copy of the network with input u = const + coef^T v; returns the output expression."""
    lo, hi = _budget_bounds(const, coef, gamma)
    inputs = [const[j] + solver.Sum([coef[i, j] * v[i] for i in range(len(v)) if coef[i, j] != 0])
              for j in range(len(const))]
    layers = net.layers
    for k, (w, b) in enumerate(layers[:-1]):
        wp, wn = np.maximum(w, 0), np.minimum(w, 0)
        pre_lo, pre_hi = wp @ lo + wn @ hi + b, wp @ hi + wn @ lo + b
        out = []
        for j in range(len(b)):
            pre = solver.Sum([w[j, m] * inputs[m] for m in range(len(inputs)) if w[j, m] != 0]) + b[j]
            if pre_hi[j] <= 0:
                out.append(0.0)
                continue
            if pre_lo[j] >= 0:
                out.append(pre)
                continue
            h = solver.NumVar(0.0, float(pre_hi[j]), f"{tag}_h{k}_{j}")
            s = solver.BoolVar(f"{tag}_s{k}_{j}")
            solver.Add(h >= pre)
            solver.Add(h <= pre - float(pre_lo[j]) * (1 - s))
            solver.Add(h <= float(pre_hi[j]) * s)
            out.append(h)
        inputs = out
        lo, hi = np.maximum(pre_lo, 0), np.maximum(pre_hi, 0)
    w, b = layers[-1]
    return solver.Sum([w[0, m] * inputs[m] for m in range(len(inputs))]) + b[0]


def main_problem(problem: RobustProblem, net: Numeric, scenarios: list[np.ndarray], scale: float,
                 time_limit: float) -> tuple[np.ndarray, float]:
    s = _solver(time_limit)
    x, first_stage = problem.add_first_stage(s)
    theta = s.NumVar(-s.infinity(), s.infinity(), "theta")
    for k, xi in enumerate(scenarios):
        const, coef = net.main_affine(np.asarray(xi, float))
        s.Add(theta >= scale * embed(s, x, const, coef, net, None, f"k{k}"))
    s.Minimize(first_stage + theta)
    status = s.Solve()
    if status not in (0, 1):  # OPTIMAL, FEASIBLE
        raise RuntimeError(f"the Neur2RO main problem found no solution (status {status})")
    return np.array([round(v.solution_value()) for v in x], float), float(theta.solution_value())


def adversarial(problem: RobustProblem, net: Numeric, x: np.ndarray, scale: float,
                time_limit: float) -> tuple[np.ndarray, float]:
    s = _solver(time_limit)
    xi = problem.add_uncertainty(s)
    const, coef = net.adv_affine(np.asarray(x, float))
    out = embed(s, xi, const, coef, net, problem.uncertainty_domain, "adv")
    s.Maximize(scale * out)
    status = s.Solve()
    if status not in (0, 1):
        raise RuntimeError(f"the Neur2RO adversarial problem found no solution (status {status})")
    return np.array([min(max(v.solution_value(), v.lb()), v.ub()) for v in xi]), float(s.Objective().Value())

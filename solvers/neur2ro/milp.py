"""The value network inside a MILP (OR-Tools, SCIP), and the two problems Neur2RO solves with it.

The network's aggregates are linear in the decisions (model.py), so a network copy is: the aggregate
u = const + V^T v (v the decision vector), then per hidden unit h = max(0, w.u + b), written with the
standard big-M formulation (h >= pre, h <= pre - L (1 - s), h <= U s, s binary) where L and U are valid
bounds from interval arithmetic, started from bounds on u over the decision domain (x binary; xi in the
budget set, where the largest sum is the Gamma largest positive coefficients). Units whose bounds show
them always active or always off need no binary.

- `main_problem`: min over x of sum (f - p_bar) x + theta, theta >= scale * NN(x, xi_k) for every
  scenario k found so far (one network copy per scenario).
- `adversarial`: max over xi in the budget set of scale * NN(x, xi) for a fixed x.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from solvers.neur2ro.knapsack import Instance
from solvers.neur2ro.model import Numeric


def _solver(time_limit: float) -> Any:
    from ortools.linear_solver import pywraplp

    s = pywraplp.Solver.CreateSolver("SCIP")
    s.SetTimeLimit(int(max(1.0, time_limit) * 1000))
    s.SetNumThreads(1)
    return s


def _budget_bounds(const: np.ndarray, coef: np.ndarray, gamma: float | None) -> tuple[np.ndarray, np.ndarray]:
    """Bounds of const + coef^T v over v in {0,1}^n (gamma None) or {v in [0,1]^n, sum v <= gamma}."""
    pos, neg = np.maximum(coef, 0), np.minimum(coef, 0)
    if gamma is None:
        return const + neg.sum(0), const + pos.sum(0)
    k = int(np.floor(gamma))
    frac = gamma - k

    def top(m: np.ndarray) -> np.ndarray:
        s = -np.sort(-m, axis=0)
        return s[:k].sum(0) + (frac * s[k] if k < len(s) else 0.0)

    return const - top(-neg), const + top(pos)


def embed(solver: Any, v: list[Any], const: np.ndarray, coef: np.ndarray, net: Numeric,
          gamma: float | None, tag: str) -> Any:
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


def main_problem(inst: Instance, net: Numeric, scenarios: list[np.ndarray], scale: float,
                 time_limit: float) -> tuple[np.ndarray, float]:
    s = _solver(time_limit)
    x = [s.BoolVar(f"x{i}") for i in range(inst.n)]
    theta = s.NumVar(-s.infinity(), s.infinity(), "theta")
    for k, xi in enumerate(scenarios):
        coef = np.concatenate([net.a, np.zeros_like(net.b), xi[:, None] * net.g], axis=1)
        const = np.concatenate([np.zeros(net.a.shape[1]), xi @ net.b, np.zeros(net.g.shape[1])])
        s.Add(theta >= scale * embed(s, x, const, coef, net, None, f"k{k}"))
    s.Minimize(s.Sum([float(inst.f[i] - inst.p_bar[i]) * x[i] for i in range(inst.n)]) + theta)
    status = s.Solve()
    if status not in (0, 1):  # OPTIMAL, FEASIBLE
        raise RuntimeError(f"the Neur2RO main problem found no solution (status {status})")
    return np.array([round(v.solution_value()) for v in x], float), float(theta.solution_value())


def adversarial(inst: Instance, net: Numeric, x: np.ndarray, scale: float,
                time_limit: float) -> tuple[np.ndarray, float]:
    s = _solver(time_limit)
    xi = [s.NumVar(0.0, 1.0, f"xi{i}") for i in range(inst.n)]
    s.Add(s.Sum(xi) <= inst.gamma)
    coef = np.concatenate([np.zeros_like(net.a), net.b, x[:, None] * net.g], axis=1)
    const = np.concatenate([x @ net.a, np.zeros(net.b.shape[1]), np.zeros(net.g.shape[1])])
    out = embed(s, xi, const, coef, net, inst.gamma, "adv")
    s.Maximize(scale * out)
    status = s.Solve()
    if status not in (0, 1):
        raise RuntimeError(f"the Neur2RO adversarial problem found no solution (status {status})")
    return np.clip(np.array([v.solution_value() for v in xi]), 0, 1), float(s.Objective().Value())

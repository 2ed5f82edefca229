"""Multiplier updates between sampler calls: the dual side of the slack-free Lagrangian.

The sampler's best energy at multipliers lam estimates the dual function
L(lam) = min_x f(x) + lam . g(x) (a lower bound on the minimum, exact when the sampler finds the
minimum) and its minimiser's g(x) is a subgradient of L at lam. Each method below turns the history of
(lam, L, g) into the next lam; all keep inequality multipliers non-negative.

- `Subgradient`: lam += step * g, with the step rule `polyak` (theta * (UB - L) / |g|^2, UB the best
  feasible value found, theta halved after 3 calls without dual progress), `diminishing` (a0 / (k + 1),
  normalised by |g|) or `constant`.
- `Bundle`: proximal bundle: the next lam maximises the cutting-plane model minus |lam - centre|^2/(2t)
  (a QP solved by HiGHS); the centre moves (serious step) when the real gain is at least m times the
  predicted one.
- `CuttingPlane`: Kelley's method: the next lam maximises the cutting-plane model over a box (an LP
  solved by HiGHS).
- `AugmentedLagrangian`: lam = max(0, lam + rho g); rho grows by `growth` while the violation does not
  shrink; the QUBO gets rho/2 g_i^2 on the constraints active at the last sample.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np


@dataclass
class Cut:
    lam: np.ndarray
    value: float
    g: np.ndarray


class Method:
    name = "method"
    rho: float = 0.0

    def __init__(self, size: int, lower: float) -> None:
        self.size, self.lower = size, lower
        self.cuts: list[Cut] = []

    def project(self, lam: np.ndarray) -> np.ndarray:
        return np.maximum(lam, self.lower)

    def active(self, lam: np.ndarray, g: np.ndarray | None) -> np.ndarray | None:
        return None

    def update(self, lam: np.ndarray, value: float, g: np.ndarray, upper: float | None, k: int) -> np.ndarray:
        raise NotImplementedError


class Subgradient(Method):
    name = "subgradient"

    def __init__(self, size: int, lower: float, rule: str = "polyak", a0: float = 1.0,
                 feasible_step: float = 1.0, theta: float = 2.0) -> None:
        super().__init__(size, lower)
        if rule not in ("polyak", "diminishing", "constant"):
            raise ValueError(f"unknown step rule {rule!r}: polyak, diminishing or constant")
        if not 0 < feasible_step <= 1:
            raise ValueError(f"feasible_step must lie in (0, 1], got {feasible_step}")
        self.rule, self.a0, self.theta = rule, a0, theta
        self.feasible_step = feasible_step
        self.best, self.stall = -np.inf, 0

    def update(self, lam: np.ndarray, value: float, g: np.ndarray, upper: float | None, k: int) -> np.ndarray:
        norm2 = float(g @ g)
        if norm2 == 0:
            return lam
        if value > self.best + 1e-9:
            self.best, self.stall = value, 0
        else:
            self.stall += 1
            if self.stall >= 3:
                self.theta, self.stall = self.theta / 2, 0
        if self.rule == "polyak" and upper is not None and upper > value:
            step = self.theta * (upper - value) / norm2
        elif self.rule == "constant":
            step = self.a0 / np.sqrt(norm2)
        else:
            step = self.a0 / ((k + 1) * np.sqrt(norm2))
        if self.lower == 0.0 and np.all(g <= 0):
            step *= self.feasible_step  # from a feasible point, lower the multipliers cautiously
        return self.project(lam + step * g)


MASTER_SECONDS = 2.0  # a cap on one master problem (LP or QP) solve


def _model_master(cuts: list[Cut], lower: float, box: float, centre: np.ndarray | None, t: float) -> np.ndarray:
    """max_v,lam v [- |lam - centre|^2 / (2t)] s.t. v <= L_j + g_j.(lam - lam_j), lower <= lam <= box."""
    import highspy

    m = len(cuts[0].lam)
    h = highspy.Highs()
    h.setOptionValue("output_flag", False)
    inf = highspy.kHighsInf
    lo = -box if lower == -np.inf else lower
    for _ in range(m):
        h.addVar(lo, box)
    h.addVar(-inf, inf)  # v
    cost = np.zeros(m + 1)
    cost[m] = -1.0  # HiGHS minimises: -v (+ the proximal term)
    if centre is not None:
        cost[:m] = -centre / t
    h.changeColsCost(m + 1, np.arange(m + 1, dtype=np.int32), cost)
    for c in cuts:  # v - g.lam <= L - g.lam_j
        idx = np.arange(m + 1, dtype=np.int32)
        h.addRow(-inf, float(c.value - c.g @ c.lam), m + 1, idx, np.append(-c.g, 1.0))
    if centre is not None:  # Hessian (1/t) I on lam, lower-triangular CSC
        start = np.arange(m + 2, dtype=np.int32)
        start[m + 1] = m
        h.passHessian(m + 1, m, 1, start, np.arange(m, dtype=np.int32), np.full(m, 1.0 / t))
    # HiGHS's QP solver can stall on a degenerate master (seen when the bundle starts at the LP duals,
    # where many cuts are nearly parallel): bound its effort and fall back to the centre (or the newest
    # cut's multipliers), i.e. a null step, rather than hang the run.
    h.setOptionValue("time_limit", MASTER_SECONDS)
    h.setOptionValue("qp_iteration_limit", 10_000)
    h.run()
    if h.getModelStatus() != highspy.HighsModelStatus.kOptimal:
        return np.clip(centre if centre is not None else cuts[-1].lam, lo, box)
    sol = np.asarray(h.getSolution().col_value[:m], float)
    return np.clip(sol, lo, box)


class CuttingPlane(Method):
    name = "cutting-plane"

    def __init__(self, size: int, lower: float, box: float = 10.0) -> None:
        super().__init__(size, lower)
        self.box = box

    def update(self, lam: np.ndarray, value: float, g: np.ndarray, upper: float | None, k: int) -> np.ndarray:
        self.cuts.append(Cut(lam.copy(), value, g.copy()))
        return _model_master(self.cuts, self.lower, self.box, None, 1.0)


class Bundle(Method):
    name = "bundle"

    def __init__(self, size: int, lower: float, t: float = 1.0, m: float = 0.1, box: float = 1e3) -> None:
        super().__init__(size, lower)
        self.t, self.m, self.box = t, m, box
        self.centre: np.ndarray | None = None
        self.centre_value = -np.inf
        self.predicted: float | None = None

    def update(self, lam: np.ndarray, value: float, g: np.ndarray, upper: float | None, k: int) -> np.ndarray:
        self.cuts.append(Cut(lam.copy(), value, g.copy()))
        if self.centre is None:
            self.centre, self.centre_value = lam.copy(), value
        elif self.predicted is not None:
            if value >= self.centre_value + self.m * (self.predicted - self.centre_value):
                self.centre, self.centre_value = lam.copy(), value  # serious step
                self.t *= 1.5
            else:
                self.t = max(self.t / 2, 1e-6)  # null step: trust the model less
        self.cuts = self.cuts[-50:]  # a bounded bundle
        nxt = _model_master(self.cuts, self.lower, self.box, self.centre, self.t)
        self.predicted = min(c.value + float(c.g @ (nxt - c.lam)) for c in self.cuts)
        return nxt


@dataclass
class AugmentedLagrangian(Method):
    size: int
    lower: float
    rho: float = 1.0
    growth: float = 2.0
    rho_max: float = 1e4
    last_violation: float = field(default=np.inf)

    def __post_init__(self) -> None:
        self.name = "alm"
        self.cuts = []

    def active(self, lam: np.ndarray, g: np.ndarray | None) -> np.ndarray | None:
        if g is None:
            return np.ones(self.size, bool)
        return (g + lam / self.rho > 0) if self.lower == 0.0 else np.ones(self.size, bool)

    def update(self, lam: np.ndarray, value: float, g: np.ndarray, upper: float | None, k: int) -> np.ndarray:
        viol = float(np.linalg.norm(np.maximum(g, 0) if self.lower == 0.0 else g))
        new = self.project(lam + self.rho * g)
        if viol > 0.5 * self.last_violation:
            self.rho = min(self.rho * self.growth, self.rho_max)
        self.last_violation = viol
        return new


METHODS = {"subgradient": Subgradient, "bundle": Bundle, "cutting-plane": CuttingPlane, "alm": AugmentedLagrangian}

"""The two-stage robust knapsack of Arslan & Detienne (2020): data, reader, generator, exact pieces.

First stage: x_i = 1 commits to item i. Then the profit degradation xi (0 <= xi_i <= 1, sum xi <= Gamma)
is revealed. Second stage: y_i = 1 produces a committed item (profit p_bar_i - p_hat_i xi_i, weight c_i),
r_i = 1 also repairs it (the degradation is undone, extra weight t_i); a committed item not produced is
outsourced at cost f_i. As a minimisation (the form CCG works in):

    min_x  sum (f - p_bar) x  +  max_xi  min_{y <= x, r <= y, c.y + t.r <= C}  sum (p_hat xi - f) y - p_hat xi r

and the profit of x is minus that. `second_stage` solves the inner MILP (HiGHS); `worst_case` computes
the exact worst case of a fixed x by a cutting-plane (pricing) loop: an LP over xi with one cut per
second-stage solution found, until the LP's bound is met. That is the honest score of any x.
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any, ClassVar

import numpy as np

from solvers.neur2ro.errors import RobustInputError


@dataclass
class Instance:
    """A robust knapsack instance; also the knapsack's side of problem.RobustProblem."""

    kind: ClassVar[str] = "knapsack"
    name: str
    capacity: float
    gamma: float
    p_bar: np.ndarray
    p_hat: np.ndarray
    t: np.ndarray
    c: np.ndarray
    f: np.ndarray

    @property
    def n(self) -> int:
        return len(self.p_bar)

    def first_stage_cost(self, x: np.ndarray) -> float:
        return float((self.f - self.p_bar) @ x)

    def features(self) -> np.ndarray:
        """Per-item features for the value network, scaled to O(1) (R = 1000 in the generator)."""
        scale = max(float(self.p_bar.max()), 1.0)
        cap = max(self.capacity, 1.0)
        cols = [self.p_bar / scale, self.p_hat / scale, self.f / scale, self.c / cap, self.t / cap,
                np.full(self.n, self.gamma / self.n), np.full(self.n, cap / max(self.c.sum(), 1.0))]
        return np.stack(cols, axis=1).astype(np.float32)

    # --- problem.RobustProblem ---------------------------------------------------------------------
    @property
    def uncertainty_domain(self) -> float:
        return self.gamma  # the budget set {0 <= xi <= 1, sum xi <= Gamma}

    def value_scale(self) -> float:
        return float(self.p_bar.sum())

    def add_first_stage(self, solver: Any) -> tuple[list[Any], Any]:
        x = [solver.BoolVar(f"x{i}") for i in range(self.n)]
        return x, solver.Sum([float(self.f[i] - self.p_bar[i]) * x[i] for i in range(self.n)])

    def add_uncertainty(self, solver: Any) -> list[Any]:
        xi = [solver.NumVar(0.0, 1.0, f"xi{i}") for i in range(self.n)]
        solver.Add(solver.Sum(xi) <= self.gamma)
        return xi

    def initial_scenario(self) -> np.ndarray:
        return np.zeros(self.n)

    def worst_case(self, x: np.ndarray) -> tuple[float, np.ndarray]:
        return worst_case(self, x)

    def evaluate(self, x: np.ndarray, xi: np.ndarray) -> float:
        """The exact objective (minimisation form) of x in one scenario xi."""
        return self.first_stage_cost(x) + second_stage(self, x, xi)[0]


def parse_instance(text: str, name: str = "instance") -> Instance:
    """The instance file format of the data's README: `n C Gamma`, then `p_bar p_hat t c f` per item."""
    rows = [line.split() for line in text.strip().splitlines() if line.strip()]
    try:
        head = [float(v) for v in rows[0]]
        if len(head) != 3:
            raise ValueError("the first line must be: NumberOfItems Capacity UncertaintyBudget")
        n = int(head[0])
        items = np.array([[float(v) for v in r] for r in rows[1:]], dtype=float)
    except (ValueError, IndexError) as e:
        raise RobustInputError(f"{name}: not a robust knapsack instance ({e})") from None
    if n < 1 or items.shape != (n, 5):
        raise RobustInputError(f"{name}: the header says {n} items but {len(rows) - 1} item lines of 5 numbers follow "
                               f"(shape {items.shape})")
    if not np.all(np.isfinite(items)) or (items < 0).any() or head[1] < 0 or head[2] < 0:
        raise RobustInputError(f"{name}: numbers must be finite and non-negative")
    return Instance(name, head[1], head[2], items[:, 0], items[:, 1], items[:, 2], items[:, 3], items[:, 4])


def read_instance(path: str | Path) -> Instance:
    p = Path(path)
    if not p.is_file():
        raise RobustInputError(f"no such file: {p}")
    return parse_instance(p.read_text(errors="replace"), p.name)


def read_dataset(zip_path: str | Path) -> list[Instance]:
    """All instances of instances.zip (macOS metadata and the format note skipped)."""
    out = []
    with zipfile.ZipFile(zip_path) as z:
        for name in sorted(z.namelist()):
            base = name.rsplit("/", 1)[-1]
            if not base.startswith("RKP_") or "__MACOSX" in name:
                continue
            out.append(parse_instance(io.TextIOWrapper(z.open(name)).read(), base))
    return out


def generate_instance(rng: np.random.Generator, n: int, correlation: str, delta: float, h: int,
                      budget_factor: float, R: int = 1000, H: int = 100) -> Instance:
    """Arslan & Detienne's recipe (as the instances were made): weights, correlated profits, degradation,
    outsourcing cost and repair weight; Gamma = budget_factor * n."""
    c = rng.uniform(1, R, n)
    C = h / (H + 1) * c.sum()
    if correlation == "UN":
        p_bar = rng.uniform(1, R, n)
    elif correlation == "WC":
        p_bar = rng.uniform(c - R / 20, c + R / 20)
    elif correlation == "ASC":
        p_bar = rng.uniform(c + R / 10 - R / 1000, c + R / 10 + R / 1000)
    elif correlation == "SC":
        p_bar = c + R / 10
    else:
        raise RobustInputError(f"unknown correlation {correlation!r}: UN, WC, ASC or SC")
    p_bar = np.maximum(p_bar, 1.0)
    p_hat = p_bar * rng.uniform((1 - delta) / 2, (1 + delta) / 2, n)
    f = p_bar * rng.uniform(1.1, 1.5, n)
    if correlation == "UN":
        t = rng.uniform(1, c)
    elif correlation == "WC":
        t = rng.uniform(0.5 * p_hat - R / 40, 0.5 * p_hat + R / 40)
    elif correlation == "ASC":
        t = rng.uniform(0.5 * p_hat + c / 10 - R / 1000, 0.5 * p_hat + c / 10 + R / 1000)
    else:
        t = 0.5 * p_hat + c / 10
    t = np.maximum(t, 1.0)
    name = f"gen_{correlation}_n{n}_h{h}_dev{budget_factor}_d{delta}"
    return Instance(name, float(C), float(round(budget_factor * n)), p_bar, p_hat, t, c, f)


def second_stage(inst: Instance, x: np.ndarray, xi: np.ndarray) -> tuple[float, np.ndarray, np.ndarray]:
    """min_{y <= x, r <= y, c.y + t.r <= C} (p_hat xi - f).y - (p_hat xi).r; returns (value, y, r)."""
    import highspy

    n = inst.n
    h = highspy.Highs()
    h.setOptionValue("output_flag", False)
    h.setOptionValue("mip_rel_gap", 1e-9)
    h.setOptionValue("threads", 1)
    cost = np.concatenate([inst.p_hat * xi - inst.f, -inst.p_hat * xi])
    upper = np.concatenate([np.asarray(x, float), np.asarray(x, float)])
    h.addVars(2 * n, np.zeros(2 * n), upper)
    h.changeColsCost(2 * n, np.arange(2 * n, dtype=np.int32), cost)
    h.changeColsIntegrality(2 * n, np.arange(2 * n, dtype=np.int32),
                            np.array([highspy.HighsVarType.kInteger] * (2 * n)))
    h.addRow(-highspy.kHighsInf, inst.capacity, 2 * n, np.arange(2 * n, dtype=np.int32),
             np.concatenate([inst.c, inst.t]))
    for i in range(n):  # r_i <= y_i
        h.addRow(-highspy.kHighsInf, 0.0, 2, np.array([n + i, i], dtype=np.int32), np.array([1.0, -1.0]))
    h.run()
    sol = np.asarray(h.getSolution().col_value)
    y, r = np.round(sol[:n]), np.round(sol[n:])
    return float(cost @ np.concatenate([y, r])), y, r


def worst_case(inst: Instance, x: np.ndarray, tol: float = 1e-4, max_iter: int = 500) -> tuple[float, np.ndarray]:
    """The exact worst-case objective (minimisation form) of first-stage x, and a worst scenario.

    max_{xi, z} z s.t. z <= (p_hat xi - f).y_k - (p_hat xi).r_k for every second-stage solution k found,
    sum xi <= Gamma, 0 <= xi <= 1; each LP solution xi is priced by the exact second stage, and a cut is
    added while the second stage is below z.
    """
    import highspy

    x = np.asarray(x, float)
    n = inst.n
    h = highspy.Highs()
    h.setOptionValue("output_flag", False)
    h.addVars(n, np.zeros(n), np.ones(n))
    h.addVar(-highspy.kHighsInf, 1e12)  # z
    obj = np.zeros(n + 1)
    obj[n] = -1.0  # HiGHS minimises: -z
    h.changeColsCost(n + 1, np.arange(n + 1, dtype=np.int32), obj)
    h.addRow(-highspy.kHighsInf, inst.gamma, n, np.arange(n, dtype=np.int32), np.ones(n))
    xi = np.zeros(n)
    value, y, r = second_stage(inst, x, xi)
    for _ in range(max_iter):
        # z - sum_i p_hat_i (y_i - r_i) xi_i <= -f.y
        coef = np.append(-inst.p_hat * (y - r), 1.0)
        h.addRow(-highspy.kHighsInf, float(-inst.f @ y), n + 1, np.arange(n + 1, dtype=np.int32), coef)
        h.run()
        sol = np.asarray(h.getSolution().col_value)
        xi, z = np.clip(sol[:n], 0, 1), sol[n]
        value, y, r = second_stage(inst, x, xi)
        if value >= z - tol * max(1.0, abs(z)):
            break
    return inst.first_stage_cost(x) + value, xi


def profit(inst: Instance, x: np.ndarray) -> float:
    """The true worst-case profit of x (what the benchmark scores)."""
    return -worst_case(inst, x)[0]

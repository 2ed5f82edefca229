"""The two-stage robust knapsack of Arslan & Detienne (2020): data, reader, generator, exact pieces.

First stage: x_i = 1 commits to item i. Then the profit degradation xi (0 <= xi_i <= 1, sum xi <= Gamma)
is revealed. Second stage: y_i = 1 produces a committed item (profit p_bar_i - p_hat_i xi_i, weight c_i),
r_i = 1 also repairs it (the degradation is undone, extra weight t_i); a committed item not produced is
outsourced at cost f_i. As a minimisation (the form CCG works in):

    min_x  sum (f - p_bar) x  +  max_xi  min_{y <= x, r <= y, c.y + t.r <= C}  sum (p_hat xi - f) y - p_hat xi r

and the profit of x is minus that. `second_stage` solves the inner problem exactly: when the weights and
the capacity are integers (all instances of the data set) by dynamic programming over the capacity (each
committed item: not produced, produced, or produced and repaired; numba, about 1 ms at n = 80), else as a
MILP (HiGHS; `second_stage_mip`, also the reference the tests check the DP against). `worst_case` computes
the exact worst case of a fixed x by a cutting-plane (pricing) loop: an LP over xi with one cut per
second-stage solution found, until the LP's bound is met. That is the honest score of any x.
`WorstCaseOracle` does the same for many x of one instance (the polish): it starts each LP from the
second-stage solutions already found for other x (restricted to the items of this x: still feasible, so
still valid cuts), and stops early once a scenario shows the worst case is no better than a cutoff.
"""

from __future__ import annotations

import functools
import io
import time
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

    def nominal_x(self, time_limit: float = 30.0) -> np.ndarray:
        """The best x when the initial scenario (no degradation) is the only one: CCG's first iterate with
        the true second stage (ccg.neur2ro's safeguard against a network that misjudges even that)."""
        return scenario_main_problem(self, [self.initial_scenario()], time_limit)[0]

    def exact_oracle(self) -> WorstCaseOracle:
        """Exact worst cases for many x of this instance (shared cuts, early cutoff): ccg.neur2ro's polish."""
        return WorstCaseOracle(self)

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


DP_MAX_CELLS = 50_000_000  # items x (capacity + 1) of the DP's choice table (int8): at most 50 MB


def _dp_three_options(capacity: int, w1: np.ndarray, w2: np.ndarray, a: np.ndarray,
                      b: np.ndarray) -> tuple[float, np.ndarray]:  # pragma: no cover (compiled)
    """min total cost, each item taking nothing (0), option 1 (weight w1, cost a) or option 2 (weight w2,
    cost b), total weight <= capacity; returns (value, choice per item). The 0/1-knapsack DP in place over
    the capacity, descending so that each item is used at most once; a choice table to read the answer."""
    m = len(a)
    dp = np.zeros(capacity + 1)
    choice = np.zeros((m, capacity + 1), np.int8)
    for i in range(m):
        wa, wb, ca, cb = w1[i], w2[i], a[i], b[i]
        for w in range(capacity, -1, -1):
            best = dp[w]
            ch = 0
            if ca < 0.0 and w >= wa and dp[w - wa] + ca < best:
                best = dp[w - wa] + ca
                ch = 1
            if cb < 0.0 and w >= wb and dp[w - wb] + cb < best:
                best = dp[w - wb] + cb
                ch = 2
            dp[w] = best
            choice[i, w] = ch
    out = np.zeros(m, np.int8)
    w = capacity
    for i in range(m - 1, -1, -1):
        ch = choice[i, w]
        out[i] = ch
        if ch == 1:
            w -= w1[i]
        elif ch == 2:
            w -= w2[i]
    return dp[capacity], out


@functools.cache
def _compiled_dp() -> Any:
    """_dp_three_options compiled by numba (imported here, not at module import: the CLI imports this
    module); the compiled code is cached on disk outside the repository (solvers/numba_cache.py)."""
    from solvers.numba_cache import use_numba_cache

    use_numba_cache()
    from numba import njit

    return njit(cache=True)(_dp_three_options)


def integer_weights(inst: Instance) -> bool:
    """Whether the DP applies: integer weights and capacity (as in the data set), a table of bounded size."""
    vals = np.concatenate([inst.c, inst.t, [inst.capacity]])
    return bool(np.all(vals == np.round(vals)) and inst.n * (int(inst.capacity) + 1) <= DP_MAX_CELLS)


def second_stage(inst: Instance, x: np.ndarray, xi: np.ndarray) -> tuple[float, np.ndarray, np.ndarray]:
    """min_{y <= x, r <= y, c.y + t.r <= C} (p_hat xi - f).y - (p_hat xi).r; returns (value, y, r).
    Exact: the DP when the weights are integers, else the MILP."""
    if not integer_weights(inst):
        return second_stage_mip(inst, x, xi)
    x = np.asarray(x, float)
    xi = np.asarray(xi, float)
    items = np.flatnonzero(x > 0.5)
    n = inst.n
    y, r = np.zeros(n), np.zeros(n)
    if len(items):
        c = np.round(inst.c[items]).astype(np.int64)
        ct = c + np.round(inst.t[items]).astype(np.int64)
        a = inst.p_hat[items] * xi[items] - inst.f[items]
        _, ch = _compiled_dp()(int(round(inst.capacity)), c, ct, a, -inst.f[items])
        y[items] = ch > 0
        r[items] = ch == 2
    cost = np.concatenate([inst.p_hat * xi - inst.f, -inst.p_hat * xi])
    return float(cost @ np.concatenate([y, r])), y, r


def second_stage_mip(inst: Instance, x: np.ndarray, xi: np.ndarray) -> tuple[float, np.ndarray, np.ndarray]:
    """The second stage as a MILP (HiGHS): any weights; the reference the tests check the DP against."""
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
    if h.getModelStatus() != highspy.HighsModelStatus.kOptimal:
        raise RuntimeError(f"{inst.name}: the second-stage MILP ended {h.modelStatusToString(h.getModelStatus())}")
    sol = np.asarray(h.getSolution().col_value)
    y, r = np.round(sol[:n]), np.round(sol[n:])
    return float(cost @ np.concatenate([y, r])), y, r


def scenario_main_problem(inst: Instance, scenarios: list[np.ndarray], time_limit: float
                          ) -> tuple[np.ndarray, float | None, int]:
    """Exact CCG's main problem: min over x of the first-stage cost plus the largest true second-stage
    value over `scenarios`, with a copy of (y, r) and its constraints per scenario (a MILP, SCIP).
    Returns (x, the solver's objective when proven optimal else None, status: 0 optimal, 1 feasible,
    else nothing found and x is all zeros)."""
    from solvers.neur2ro.milp import _solver

    n = inst.n
    s = _solver(time_limit)
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
        return np.zeros(n), None, status
    xv = np.array([round(v.solution_value()) for v in x], float)
    return xv, s.Objective().Value() if status == 0 else None, status


def worst_case(inst: Instance, x: np.ndarray, tol: float = 1e-4, max_iter: int = 500) -> tuple[float, np.ndarray]:
    """The exact worst-case objective (minimisation form) of first-stage x, and a worst scenario.

    max_{xi, z} z s.t. z <= (p_hat xi - f).y_k - (p_hat xi).r_k for every second-stage solution k found,
    sum xi <= Gamma, 0 <= xi <= 1; each LP solution xi is priced by the exact second stage, and a cut is
    added while the second stage is below z.
    """
    value, xi, _ = _cutting_planes(inst, np.asarray(x, float), [], tol, max_iter, np.inf, np.inf)
    return value, xi


Cut = tuple[np.ndarray, np.ndarray]  # a second-stage solution (y, r)


def _cutting_planes(inst: Instance, x: np.ndarray, start: list[Cut], tol: float, max_iter: int, cutoff: float,
                    deadline: float) -> tuple[float, np.ndarray, list[Cut]]:
    """The pricing loop of worst_case, its LP started with the cuts of `start` (second-stage solutions
    feasible for x). Returns (value, xi, the solutions found): value is the exact worst case; or, as soon
    as a scenario's second stage reaches `cutoff`, that lower bound on the worst case (>= cutoff); or nan
    when `deadline` (perf_counter) passes first."""
    import highspy

    n = inst.n
    first = inst.first_stage_cost(x)
    h = highspy.Highs()
    h.setOptionValue("output_flag", False)
    # one thread like every other HiGHS here: HiGHS keeps one global thread pool, and a later model asking
    # for another thread count fails to run (it once returned an all-zero "solution" silently)
    h.setOptionValue("threads", 1)
    h.addVars(n, np.zeros(n), np.ones(n))
    h.addVar(-highspy.kHighsInf, 1e12)  # z
    obj = np.zeros(n + 1)
    obj[n] = -1.0  # HiGHS minimises: -z
    idx = np.arange(n + 1, dtype=np.int32)
    h.changeColsCost(n + 1, idx, obj)
    h.addRow(-highspy.kHighsInf, inst.gamma, n, idx[:n], np.ones(n))

    def cut(y: np.ndarray, r: np.ndarray) -> None:  # z - sum_i p_hat_i (y_i - r_i) xi_i <= -f.y
        h.addRow(-highspy.kHighsInf, float(-inst.f @ y), n + 1, idx, np.append(-inst.p_hat * (y - r), 1.0))

    found: list[Cut] = []
    xi = np.zeros(n)
    if not start:
        value, y, r = second_stage(inst, x, xi)
        found.append((y, r))
        if first + value >= cutoff:
            return first + value, xi, found
        start = [(y, r)]
    for y, r in start:
        cut(y, r)
    value = -np.inf
    for _ in range(max_iter):
        if time.perf_counter() > deadline:
            return float("nan"), xi, found
        h.run()
        if h.getModelStatus() != highspy.HighsModelStatus.kOptimal:
            raise RuntimeError(f"{inst.name}: the worst-case LP ended {h.modelStatusToString(h.getModelStatus())}")
        sol = np.asarray(h.getSolution().col_value)
        xi, z = np.clip(sol[:n], 0, 1), sol[n]
        value, y, r = second_stage(inst, x, xi)
        found.append((y, r))
        if first + value >= cutoff or value >= z - tol * max(1.0, abs(z)):
            break
        cut(y, r)
    return first + value, xi, found


class WorstCaseOracle:
    """Exact worst cases of many first-stage decisions of one instance (Neur2RO's proposals, the polish's
    candidates), cheaper than one worst_case each: every second-stage solution found is kept (the `pool`
    most recent) and, restricted to the items of the next x (y & x, r & x: still within the capacity, so
    feasible, so a valid cut), starts that x's LP; and a candidate is given up as soon as one scenario's
    exact second stage shows that its worst case is no better than a `cutoff`."""

    def __init__(self, inst: Instance, pool: int = 200, tol: float = 1e-4, max_iter: int = 500):
        self.inst, self.pool, self.tol, self.max_iter = inst, pool, tol, max_iter
        self.solutions: dict[bytes, Cut] = {}
        self.evaluations = 0

    def worst_case(self, x: np.ndarray, cutoff: float = np.inf,
                   deadline: float = np.inf) -> tuple[float | None, np.ndarray]:
        """(the exact worst case of x, a worst scenario), or (None, the last scenario) when x's worst case
        is >= cutoff or the deadline (perf_counter) passed first."""
        x = np.asarray(x, float)
        start: dict[bytes, Cut] = {}
        for y, r in reversed(list(self.solutions.values())):
            y2, r2 = y * x, r * x
            start.setdefault(np.concatenate([y2, r2]).tobytes(), (y2, r2))
        value, xi, found = _cutting_planes(self.inst, x, list(start.values()), self.tol, self.max_iter, cutoff,
                                           deadline)
        self.evaluations += 1
        for y, r in found:
            key = np.concatenate([y, r]).tobytes()
            self.solutions.pop(key, None)
            self.solutions[key] = (y, r)  # most recent last
        while len(self.solutions) > self.pool:
            self.solutions.pop(next(iter(self.solutions)))
        if not np.isfinite(value) or value >= cutoff:
            return None, xi
        return value, xi


def profit(inst: Instance, x: np.ndarray) -> float:
    """The true worst-case profit of x (what the benchmark scores)."""
    return -worst_case(inst, x)[0]

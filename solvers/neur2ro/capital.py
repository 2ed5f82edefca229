"""Two-stage robust capital budgeting (Subramanyam, Gounaris & Wiesemann 2020; the Neur2RO paper's second
benchmark, Dumouchelle et al. ICLR 2024): data, reader, seeded generator, exact pieces and exact CCG.

The formulation implemented (maximisation of worst-case profit; CCG works on its negation):

    max_{x in {0,1}^n, x0 >= 0}  min_{xi in [-1,1]^k}  max_{y in {0,1}^n, y0 >= 0}
          r(xi).(x + f y) - lambda (x0 + mu y0)
    s.t.  x + y <= 1                               (a project is started now or later, not twice)
          c(xi).x <= B + x0                        (what is invested now fits the budget and the loan)
          c(xi).(x + y) <= B + x0 + y0,  y0 <= max_loan

with c_i(xi) = (1 + Phi_i . xi / 2) c_bar_i and r_i(xi) = (1 + Psi_i . xi / 2) r_bar_i, k = 4 risk
factors. The loans (x0 now, y0 later at mu times the rate) are an option (`loans`, as in Subramanyam et
al. and the Neur2RO code); without it x0 = y0 = 0, which is the setting of the Neur2RO experiments. The
first-stage constraint c(xi).x <= B + x0 must hold for every xi: over the box it reads
c_bar.x + ||Phi^T (c_bar o x)||_1 / 2 <= B + x0, a linear constraint (with k auxiliaries) in every main
problem, so each first-stage decision any solver returns is robustly feasible.

Generator (the Neur2RO code's recipe): c_bar ~ U[1, 10], r_bar = c_bar / 5, B = sum(c_bar) / 2, Phi_i and
Psi_i uniform on the unit simplex of R^k, f = 0.8, lambda = 0.12, mu = 1.2, max_loan = 1.5 sum(c_bar) - B.

Exact pieces:
- `second_stage(x, xi)`: the recourse MILP (HiGHS, relative gap MILP_GAP = 1e-4, at most 2 s: at xi = 0
  and at the corners +-1 every project has the same profit/cost ratio, a subset-sum problem whose proof
  to 1e-9 can take a minute): its full objective Q(x, xi) (minimisation form, the first stage's uncertain
  revenue included).
- `worst_case_bounds(x)`: max over the box of Q(x, xi), as an interval [attack, bound]: a cutting-plane
  MILP over xi with one cut per recourse y found. A recourse is only available where it fits the budget,
  so each cut is a disjunction: "z <= its value at xi" OR "y is over the budget at xi" (by EDGE = 1e-5 B:
  the adversary may only use strict infeasibility, so the worst case at the budget's edge is a limit);
  with loans the value carries lambda mu max(0, overspend) (one binary). Each MILP solution is priced by
  the exact second stage (attack); the MILP's dual bound is the bound. Starts from xi = 0 and the 2^k
  corners. On tiny instances the interval closes (tests); from n ~ 20 the bound closes slowly, so the
  search stops after `time_limit` seconds and `worst_case` returns the attack: the objective at the worst
  scenario found, an optimistic estimate of the worst-case profit, with the same effort for every solver
  the benchmark compares (it reports the bound too).
- `exact_ccg`: CCG with the true second stage (binary copies of (y, y0) per scenario; its main problem's
  bound is a valid bound on the optimum) and worst_case as the adversary.

The instance file is JSON (`to_json` writes it): c_bar, r_bar, phi, psi (n x k), budget and optionally f,
loans, lambda, mu, max_loan.
"""

from __future__ import annotations

import json
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any, ClassVar

import numpy as np

from solvers.neur2ro.errors import RobustInputError

EDGE = 1e-5  # a recourse counts as over the budget when over by EDGE * B: well above solver tolerances, so
# the exact CCG's main problem sees the same infeasibility the adversary used (the worst case at the
# budget's edge is a limit; this gets it to about EDGE relative)
TOL = 1e-4  # relative: the worst case is exact to this (the adversary's bound meets a priced scenario)
MILP_GAP = 1e-4  # relative gap of the recourse MILPs (HiGHS default; a subset sum at xi = 0)
EVAL_SECONDS = 2.0
SECOND_STAGE_SECONDS = 2.0  # cap per recourse MILP (its best y is still feasible: Q is then overstated)  # default effort of one worst-case evaluation (see worst_case_bounds)


@dataclass
class CapitalInstance:
    """A capital budgeting instance; also its side of problem.RobustProblem."""

    kind: ClassVar[str] = "capital"
    uncertainty_domain: ClassVar[str] = "box"
    name: str
    c_bar: np.ndarray
    r_bar: np.ndarray
    phi: np.ndarray  # (n, k)
    psi: np.ndarray  # (n, k)
    budget: float
    f: float = 0.8
    loans: bool = False
    lam: float = 0.12
    mu: float = 1.2
    max_loan: float = 0.0

    @property
    def n(self) -> int:
        return len(self.c_bar)

    @property
    def k(self) -> int:
        return self.phi.shape[1]

    def cost(self, xi: np.ndarray) -> np.ndarray:
        return self.c_bar * (1 + self.phi @ xi / 2)

    def revenue(self, xi: np.ndarray) -> np.ndarray:
        return self.r_bar * (1 + self.psi @ xi / 2)

    def max_cost(self, v: np.ndarray) -> tuple[float, np.ndarray]:
        """max over the box of c(xi).v and a maximiser (the robust budget check)."""
        d = self.phi.T @ (self.c_bar * v) / 2
        return float(self.c_bar @ v + np.abs(d).sum()), np.where(d >= 0, 1.0, -1.0)

    def features(self) -> np.ndarray:
        """Per-project features for the value network: scaled costs and profits, budget share, f, Phi, Psi."""
        cols = [self.r_bar / max(float(self.r_bar.mean()), 1e-9), self.c_bar / max(float(self.c_bar.mean()), 1e-9),
                np.full(self.n, self.budget / max(float(self.c_bar.sum()), 1e-9)), np.full(self.n, self.f)]
        return np.concatenate([np.stack(cols, axis=1), self.phi, self.psi], axis=1).astype(np.float32)

    def to_json(self) -> str:
        return json.dumps({"name": self.name, "c_bar": self.c_bar.tolist(), "r_bar": self.r_bar.tolist(),
                           "phi": self.phi.tolist(), "psi": self.psi.tolist(), "budget": self.budget, "f": self.f,
                           "loans": self.loans, "lambda": self.lam, "mu": self.mu, "max_loan": self.max_loan})

    # --- problem.RobustProblem ---------------------------------------------------------------------
    def value_scale(self) -> float:
        return float(self.r_bar.sum())

    def add_first_stage(self, solver: Any) -> tuple[list[Any], Any]:
        """Binary x with the robust budget constraint (no loans: Neur2RO's first stage is x alone)."""
        if self.loans:
            raise RobustInputError("Neur2RO here has no continuous first stage: with loans use exact-ccg")
        x = [solver.BoolVar(f"x{i}") for i in range(self.n)]
        _robust_budget(solver, self, x, 0.0)
        return x, 0.0

    def add_uncertainty(self, solver: Any) -> list[Any]:
        return [solver.NumVar(-1.0, 1.0, f"xi{j}") for j in range(self.k)]

    def initial_scenario(self) -> np.ndarray:
        return np.zeros(self.k)

    def worst_case(self, x: np.ndarray) -> tuple[float, np.ndarray]:
        return worst_case(self, x)

    def evaluate(self, x: np.ndarray, xi: np.ndarray) -> float:
        return second_stage(self, x, xi)[0]


def _robust_budget(solver: Any, inst: CapitalInstance, x: list[Any], loan: Any) -> None:
    """c_bar.x + sum_j |(Phi^T (c_bar o x))_j| / 2 <= B + loan, with t_j >= +-(...)."""
    t = [solver.NumVar(0.0, solver.infinity(), f"t{j}") for j in range(inst.k)]
    for j in range(inst.k):
        d = solver.Sum([0.5 * float(inst.c_bar[i] * inst.phi[i, j]) * x[i] for i in range(inst.n)])
        solver.Add(t[j] >= d)
        solver.Add(t[j] >= -d)
    solver.Add(solver.Sum([float(inst.c_bar[i]) * x[i] for i in range(inst.n)]) + solver.Sum(t)
               <= inst.budget + loan)


def generate_instance(rng: np.random.Generator, n: int, k: int = 4, loans: bool = False,
                      name: str | None = None) -> CapitalInstance:
    if n < 1 or k < 1:
        raise RobustInputError(f"need at least one project and one risk factor (n={n}, k={k})")
    c_bar = rng.uniform(1, 10, n)
    budget = float(c_bar.sum() / 2)
    return CapitalInstance(name or f"CB_n{n}_xi{k}", c_bar, c_bar / 5, rng.dirichlet(np.ones(k), n),
                           rng.dirichlet(np.ones(k), n), budget, 0.8, loans, 0.12, 1.2,
                           float(1.5 * c_bar.sum() - budget))


def parse_instance(text: str, name: str = "instance") -> CapitalInstance:
    try:
        d = json.loads(text)
    except json.JSONDecodeError as e:
        raise RobustInputError(f"{name}: not a capital budgeting instance (JSON: {e})") from None
    if not isinstance(d, dict):
        raise RobustInputError(f"{name}: not a capital budgeting instance (a JSON object is needed)")
    missing = [key for key in ("c_bar", "r_bar", "phi", "psi", "budget") if key not in d]
    if missing:
        raise RobustInputError(f"{name}: missing field(s) {', '.join(missing)}")
    try:
        c_bar, r_bar = np.asarray(d["c_bar"], float), np.asarray(d["r_bar"], float)
        phi, psi = np.asarray(d["phi"], float), np.asarray(d["psi"], float)
        budget, f = float(d["budget"]), float(d.get("f", 0.8))
        lam, mu = float(d.get("lambda", 0.12)), float(d.get("mu", 1.2))
        loans = bool(d.get("loans", False))
        max_loan = float(d.get("max_loan", 1.5 * c_bar.sum() - budget if loans else 0.0))
    except (TypeError, ValueError) as e:
        raise RobustInputError(f"{name}: numbers expected ({e})") from None
    n = len(c_bar) if c_bar.ndim == 1 else -1
    if n < 1 or r_bar.shape != (n,) or phi.ndim != 2 or phi.shape[0] != n or psi.shape != phi.shape:
        raise RobustInputError(f"{name}: c_bar and r_bar need n entries and phi, psi n rows of k numbers "
                               f"(c_bar {c_bar.shape}, r_bar {r_bar.shape}, phi {phi.shape}, psi {psi.shape})")
    values = np.concatenate([c_bar, r_bar, phi.ravel(), psi.ravel(), [budget, f, lam, mu, max_loan]])
    if not np.all(np.isfinite(values)):
        raise RobustInputError(f"{name}: numbers must be finite")
    if (c_bar <= 0).any() or (r_bar < 0).any() or budget < 0 or f < 0 or lam < 0 or mu < 0 or max_loan < 0:
        raise RobustInputError(f"{name}: costs must be positive; profits, budget, f, lambda, mu, max_loan "
                               "non-negative")
    return CapitalInstance(str(d.get("name", name)), c_bar, r_bar, phi, psi, budget, f, loans, lam, mu,
                           max_loan if loans else 0.0)


def read_instance(path: str | Path) -> CapitalInstance:
    p = Path(path)
    if not p.is_file():
        raise RobustInputError(f"no such file: {p}")
    return parse_instance(p.read_text(errors="replace"), p.name)


def second_stage(inst: CapitalInstance, x: np.ndarray, xi: np.ndarray,
                 loan: float = 0.0) -> tuple[float, np.ndarray, float]:
    """Q(x, xi) = -r(xi).x + lambda x0 + min_{y, y0} -f r(xi).y + lambda mu y0 (minimisation form);
    returns (Q, y, y0), Q = +inf when x itself is over the budget at xi."""
    import highspy

    x, xi = np.asarray(x, float), np.asarray(xi, float)
    cost, rev = inst.cost(xi), inst.revenue(xi)
    fixed = -float(rev @ x) + inst.lam * loan
    room = inst.budget + loan - float(cost @ x)
    cap = inst.max_loan if inst.loans else 0.0
    if room + cap < -1e-9 * max(1.0, inst.budget):
        return np.inf, np.zeros(inst.n), 0.0
    n = inst.n
    h = highspy.Highs()
    h.setOptionValue("output_flag", False)
    h.setOptionValue("mip_rel_gap", MILP_GAP)  # at xi = 0 all projects have r/c = 1/5: a subset-sum
    h.setOptionValue("mip_feasibility_tolerance", 1e-9)  # problem, whose proof to 1e-9 can take minutes
    h.setOptionValue("threads", 1)
    h.setOptionValue("time_limit", SECOND_STAGE_SECONDS)
    h.addVars(n + 1, np.zeros(n + 1), np.append(1.0 - x, cap))
    h.changeColsCost(n + 1, np.arange(n + 1, dtype=np.int32), np.append(-inst.f * rev, inst.lam * inst.mu))
    h.changeColsIntegrality(n, np.arange(n, dtype=np.int32), np.array([highspy.HighsVarType.kInteger] * n))
    h.addRow(-highspy.kHighsInf, room, n + 1, np.arange(n + 1, dtype=np.int32), np.append(cost, -1.0))
    h.run()
    sol = np.asarray(h.getSolution().col_value)
    y = np.round(sol[:n])
    y0 = max(0.0, float(cost @ y) - room) if inst.loans else 0.0  # the least loan that covers y
    return fixed + float(-inst.f * rev @ y + inst.lam * inst.mu * y0), y, y0


def worst_case(inst: CapitalInstance, x: np.ndarray, loan: float = 0.0,
               time_limit: float | None = None) -> tuple[float, np.ndarray]:
    """The worst-case objective (minimisation form: minus the worst-case profit) of (x, loan) found by
    worst_case_bounds, and that scenario; +inf if x breaks the budget in some scenario."""
    attack, _, xi = worst_case_bounds(inst, x, loan, time_limit=EVAL_SECONDS if time_limit is None else time_limit)
    return attack, xi


def worst_case_bounds(inst: CapitalInstance, x: np.ndarray, loan: float = 0.0, tol: float = TOL,
                      time_limit: float = EVAL_SECONDS, max_iter: int = 500) -> tuple[float, float, np.ndarray]:
    """(attack, bound, xi), minimisation form: attack = Q(x, xi) at the worst scenario xi found (exact
    second stage), bound >= the true worst case (the adversary MILP's dual bound). They meet (relative
    `tol`) when the cutting plane converges; `time_limit` seconds stop it with both (then the worst case
    is only known to lie in [attack, bound]). The MILP starts from the recourses of xi = 0 and of the 2^k
    corners of the box, where worst cases tend to lie."""
    x = np.asarray(x, float)
    need, xi_bad = inst.max_cost(x)
    if need > inst.budget + loan + 1e-9 * max(1.0, inst.budget):
        return np.inf, np.inf, xi_bad
    start = time.perf_counter()
    cap = inst.max_loan if inst.loans else 0.0
    eps = EDGE * max(1.0, inst.budget)
    rx = inst.r_bar * x  # y = 0, y0 = 0 is always available: Q <= lambda x0 - min_xi r(xi).x
    z_max = inst.lam * loan - float(rx.sum()) + float(np.abs(inst.psi.T @ rx).sum()) / 2
    cuts: list[tuple[float, np.ndarray, float, np.ndarray]] = []  # (alpha, beta, gamma, delta) per recourse
    keys: set[bytes] = set()
    best, best_xi, bound = -np.inf, np.zeros(inst.k), z_max

    def price(xi: np.ndarray) -> bool:
        """Price xi exactly; add its recourse as a cut; False if that recourse is already a cut."""
        nonlocal best, best_xi
        value, y, _ = second_stage(inst, x, xi, loan)
        if value > best:
            best, best_xi = value, xi
        key = y.tobytes()
        if key in keys:
            return False
        keys.add(key)
        v, u = x + inst.f * y, x + y
        cuts.append((-float(inst.r_bar @ v) + inst.lam * loan, -inst.psi.T @ (inst.r_bar * v) / 2,
                     float(inst.c_bar @ u) - inst.budget - loan, inst.phi.T @ (inst.c_bar * u) / 2))
        return True

    price(np.zeros(inst.k))
    if inst.k <= 6:
        for corner in np.array(np.meshgrid(*[[-1.0, 1.0]] * inst.k)).reshape(inst.k, -1).T:
            price(corner)
    for _ in range(max_iter):
        left = time_limit - (time.perf_counter() - start)
        if left <= 0:
            break
        xi, z, z_bound = _adversary(inst, cuts, cap, eps, z_max, left)
        bound = min(bound, z_bound)
        if best >= bound - tol * max(1.0, abs(bound)) or not np.isfinite(z) or not price(xi):
            break
    return best, max(bound, best), best_xi


def _adversary(inst: CapitalInstance, cuts: list[tuple[float, np.ndarray, float, np.ndarray]], cap: float,
               eps: float, z_max: float, time_limit: float) -> tuple[np.ndarray, float, float]:
    """max z over xi in the box s.t., per recourse k: z <= alpha + beta.xi + lambda mu max(0, l_k(xi)) or
    l_k(xi) >= cap + eps (recourse k over the budget), l_k(xi) = gamma + delta.xi (overspend).
    Returns (xi, z, a bound on max z: the MILP's dual bound, valid also when stopped by its time limit)."""
    import highspy

    h = highspy.Highs()
    h.setOptionValue("output_flag", False)
    h.setOptionValue("mip_rel_gap", TOL / 10)
    h.setOptionValue("threads", 1)
    h.setOptionValue("time_limit", max(0.1, float(time_limit)))
    k = inst.k
    z_min = min(a - np.abs(b).sum() for a, b, _, _ in cuts) - 1.0
    h.addVars(k, -np.ones(k), np.ones(k))
    h.addVar(z_min, z_max)
    h.changeColCost(k, -1.0)  # maximise z
    ncol = k + 1
    kint = highspy.HighsVarType.kInteger

    def new_col(lo: float, hi: float, integer: bool = False) -> int:
        nonlocal ncol
        h.addVar(lo, hi)
        if integer:
            h.changeColIntegrality(ncol, kint)
        ncol += 1
        return ncol - 1

    for alpha, beta, gamma, delta in cuts:
        l_lo, l_hi = gamma - np.abs(delta).sum(), gamma + np.abs(delta).sum()
        idx, val = list(range(k)) + [k], list(-beta) + [1.0]  # z - beta.xi (- lambda mu w) <= alpha (+ M (1 - v))
        rhs = alpha
        if inst.loans and l_hi > 0:
            m_w = max(l_hi, -l_lo, 0.0)
            w = new_col(0.0, max(l_hi, 0.0))
            idx.append(w)
            val.append(-inst.lam * inst.mu)
            if l_lo < 0:  # w <= max(0, l): w <= l + M (1 - s), w <= M s
                s = new_col(0.0, 1.0, True)
                h.addRow(-highspy.kHighsInf, gamma + m_w, k + 2, np.array(list(range(k)) + [w, s], np.int32),
                         np.array(list(-delta) + [1.0, m_w]))
                h.addRow(-highspy.kHighsInf, 0.0, 2, np.array([w, s], np.int32), np.array([1.0, -m_w]))
            else:  # always overspending: w <= l
                h.addRow(-highspy.kHighsInf, gamma, k + 1, np.array(list(range(k)) + [w], np.int32),
                         np.array(list(-delta) + [1.0]))
        if l_hi > cap:  # this recourse can be over the budget: the disjunction needs v
            big = z_max - (alpha - np.abs(beta).sum())
            v = new_col(0.0, 1.0, True)
            idx.append(v)
            val.append(big)
            rhs = alpha + big
            # v = 0: l(xi) >= cap + eps, i.e. -delta.xi - (cap + eps - l_lo) v <= gamma - cap - eps
            h.addRow(-highspy.kHighsInf, gamma - cap - eps, k + 1, np.array(list(range(k)) + [v], np.int32),
                     np.array(list(-delta) + [-(cap + eps - l_lo)]))
        h.addRow(-highspy.kHighsInf, rhs, len(idx), np.array(idx, np.int32), np.array(val, float))
    h.run()
    sol = np.asarray(h.getSolution().col_value)
    dual = -float(h.getInfo().mip_dual_bound)  # HiGHS minimised -z: its dual bound bounds max z
    if len(sol) <= k or h.getModelStatus() not in (highspy.HighsModelStatus.kOptimal,
                                                    highspy.HighsModelStatus.kTimeLimit):
        return np.zeros(k), -np.inf, np.inf
    bound = dual if np.isfinite(dual) else np.inf
    return np.clip(sol[:k], -1.0, 1.0), float(sol[k]), max(bound, float(sol[k]))


def profit(inst: CapitalInstance, x: np.ndarray, loan: float = 0.0) -> float:
    """The true worst-case profit of (x, loan) (what the benchmark scores)."""
    return -worst_case(inst, x, loan)[0]


def exact_ccg(inst: CapitalInstance, time_limit: float = 300.0, tol: float = 1e-4, max_iter: int = 200) -> Any:
    """CCG with the true second stage: per scenario a binary copy of (y, y0) and its constraints; the
    robust budget constraint on x; the adversarial step is worst_case. Stops at a proven optimum (the main
    problem's best bound meets the best worst case) or the time limit (best x so far, not optimal)."""
    from solvers.neur2ro.ccg import RobustResult
    from solvers.neur2ro.milp import _solver

    start = time.perf_counter()
    n = inst.n
    scenarios = [np.zeros(inst.k)]
    best_x, best_loan = np.zeros(n), 0.0
    upper = worst_case(inst, best_x, 0.0)[0]
    lower, it, history = -np.inf, 0, []
    optimal = False
    while it < max_iter:
        it += 1
        left = time_limit - (time.perf_counter() - start)
        if left <= 0.5:
            break
        s = _solver(left)
        x = [s.BoolVar(f"x{i}") for i in range(n)]
        x0 = s.NumVar(0.0, inst.max_loan if inst.loans else 0.0, "x0")
        _robust_budget(s, inst, x, x0)
        theta = s.NumVar(-s.infinity(), s.infinity(), "theta")
        for k, xi in enumerate(scenarios):
            cost, rev = inst.cost(xi), inst.revenue(xi)
            y = [s.BoolVar(f"y{k}_{i}") for i in range(n)]
            y0 = s.NumVar(0.0, inst.max_loan if inst.loans else 0.0, f"y0_{k}")
            for i in range(n):
                s.Add(x[i] + y[i] <= 1)
            s.Add(s.Sum([float(cost[i]) * (x[i] + y[i]) for i in range(n)]) <= inst.budget + x0 + y0)
            s.Add(theta >= -s.Sum([float(rev[i]) * (x[i] + inst.f * y[i]) for i in range(n)])
                  + inst.lam * (x0 + inst.mu * y0))
        s.Minimize(theta)
        status = s.Solve()
        if status not in (0, 1):
            break
        xv = np.array([round(v.solution_value()) for v in x], float)
        loan = float(x0.solution_value()) if inst.loans else 0.0
        if status == 0:
            lower = max(lower, s.Objective().BestBound())
        value, xi = worst_case(inst, xv, loan)
        if value < upper:
            best_x, best_loan, upper = xv, loan, value
        history.append({"iteration": it, "lower": lower, "upper": upper})
        if status == 0 and upper - lower <= tol * max(1.0, abs(upper)):
            optimal = True
            break
        scenarios.append(xi)
    r = RobustResult(inst.name, "exact-ccg", [int(v) for v in best_x], -upper, time.perf_counter() - start, it,
                     optimal=optimal, history=history)
    if inst.loans:
        r.history.append({"loan": best_loan})
    return r

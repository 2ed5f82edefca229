"""What every UDC problem shares: instances, generators, feasibility checks, the result and the errors.

Instances follow the UDC paper's test settings (Zheng et al., NeurIPS 2024), coordinates in the unit
square:
- TSP: n cities.
- CVRP: a depot and n customers; integer demands uniform in 1..9; vehicle capacity 100 for n = 500 and
  200 for n = 1,000 (the paper's demand scalers), 50 below 500.
- Knapsack: n items with weights and values uniform in (0, 1); capacity 50 for n = 500, 100 for
  n = 1,000 (n / 10 otherwise).

Every solution that leaves this package has passed `check_*`: a tour visits each city once; CVRP routes
cover each customer once within capacity; a knapsack selection fits.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

import numpy as np

Problem = Literal["tsp", "cvrp", "kp"]
PROBLEMS: tuple[str, ...] = ("tsp", "cvrp", "kp")


class UDCInputError(ValueError):
    """An instance, file or setting UDC cannot use; the message says what to fix."""


@dataclass(frozen=True)
class TSPInstance:
    coords: np.ndarray  # (n, 2)
    name: str = "tsp"

    @property
    def n(self) -> int:
        return len(self.coords)


@dataclass(frozen=True)
class CVRPInstance:
    depot: np.ndarray  # (2,)
    coords: np.ndarray  # (n, 2) customers
    demand: np.ndarray  # (n,) positive integers
    capacity: int
    name: str = "cvrp"

    @property
    def n(self) -> int:
        return len(self.coords)


@dataclass(frozen=True)
class KPInstance:
    weights: np.ndarray  # (n,)
    values: np.ndarray  # (n,)
    capacity: float
    name: str = "kp"

    @property
    def n(self) -> int:
        return len(self.weights)


Instance = TSPInstance | CVRPInstance | KPInstance


@dataclass
class UDCResult:
    """A solved instance. `solution` is a tour (TSP, 0-based city order), a list of routes (CVRP, each a
    list of 0-based customer indices, depot implicit at both ends) or a 0/1 selection (KP).
    `objective` is the tour or total route length (minimised) or the packed value (maximised);
    `initial_objective` the dividing policy's solution before any conquering round; `history` the
    objective after each round."""

    problem: str
    solution: Any
    objective: float
    initial_objective: float
    history: list[float] = field(default_factory=list)
    timings: dict[str, float] = field(default_factory=dict)
    time: float = 0.0


# ---------------------------------------------------------------- generators


def cvrp_capacity(n: int) -> int:
    return 50 if n < 500 else 100 if n < 1000 else 200


def kp_capacity(n: int) -> float:
    return {500: 50.0, 1000: 100.0}.get(n, n / 10.0)


def random_tsp(n: int, seed: int = 0) -> TSPInstance:
    rng = np.random.default_rng(seed)
    return TSPInstance(coords=rng.random((n, 2)), name=f"tsp{n}-s{seed}")


def random_cvrp(n: int, seed: int = 0, capacity: int | None = None) -> CVRPInstance:
    rng = np.random.default_rng(seed)
    depot = rng.random(2)
    coords = rng.random((n, 2))
    demand = rng.integers(1, 10, size=n)
    cap = capacity if capacity is not None else cvrp_capacity(n)
    return CVRPInstance(depot=depot, coords=coords, demand=demand, capacity=int(cap), name=f"cvrp{n}-s{seed}")


def random_kp(n: int, seed: int = 0, capacity: float | None = None) -> KPInstance:
    rng = np.random.default_rng(seed)
    w, v = rng.random(n), rng.random(n)
    cap = capacity if capacity is not None else kp_capacity(n)
    return KPInstance(weights=w, values=v, capacity=float(cap), name=f"kp{n}-s{seed}")


def random_instance(problem: str, n: int, seed: int = 0) -> Instance:
    gens = {"tsp": random_tsp, "cvrp": random_cvrp, "kp": random_kp}
    if problem not in gens:
        raise UDCInputError(f"unknown problem {problem!r}: choose one of {', '.join(PROBLEMS)}")
    if n < 3:
        raise UDCInputError(f"an instance needs at least 3 nodes or items; got {n}")
    return gens[problem](n, seed)


# ---------------------------------------------------------------- checks


def _finite(name: str, a: Any, shape_tail: tuple[int, ...] = ()) -> np.ndarray:
    try:
        arr = np.asarray(a, dtype=np.float64)
    except (TypeError, ValueError) as e:
        raise UDCInputError(f"{name} must be numbers: {e}") from None
    if arr.shape[1:] != shape_tail or arr.ndim != 1 + len(shape_tail):
        raise UDCInputError(f"{name} must have shape (n{''.join(', ' + str(s) for s in shape_tail)}); got {arr.shape}")
    if not np.isfinite(arr).all():
        raise UDCInputError(f"{name} hold NaN or infinity")
    return arr


def validate(inst: Instance) -> Instance:
    """The instance with arrays checked (shapes, finite values, sizes), or a UDCInputError."""
    if isinstance(inst, TSPInstance):
        xy = _finite("coordinates", inst.coords, (2,))
        if len(xy) < 3:
            raise UDCInputError(f"a tour needs at least 3 cities; got {len(xy)}")
        if len(np.unique(xy, axis=0)) < len(xy):
            raise UDCInputError("duplicate cities: merge points that appear more than once")
        return TSPInstance(coords=xy, name=inst.name)
    if isinstance(inst, CVRPInstance):
        xy = _finite("customer coordinates", inst.coords, (2,))
        depot = _finite("depot", np.reshape(inst.depot, (1, 2)), (2,))[0]
        dem = _finite("demands", inst.demand)
        if len(dem) != len(xy):
            raise UDCInputError(f"{len(xy)} customers but {len(dem)} demands")
        if (dem <= 0).any() or (dem != np.round(dem)).any():
            raise UDCInputError("demands must be positive integers")
        if inst.capacity <= 0 or dem.max() > inst.capacity:
            raise UDCInputError(f"capacity {inst.capacity} must be positive and at least the largest demand")
        if len(xy) < 3:
            raise UDCInputError(f"a CVRP instance needs at least 3 customers; got {len(xy)}")
        return CVRPInstance(depot=depot, coords=xy, demand=dem.astype(np.int64), capacity=int(inst.capacity),
                            name=inst.name)
    if isinstance(inst, KPInstance):
        w, v = _finite("weights", inst.weights), _finite("values", inst.values)
        if len(w) != len(v):
            raise UDCInputError(f"{len(w)} weights but {len(v)} values")
        if (w <= 0).any() or (v < 0).any():
            raise UDCInputError("weights must be positive and values non-negative")
        if not np.isfinite(inst.capacity) or inst.capacity <= 0:
            raise UDCInputError("the capacity must be a positive number")
        if len(w) < 3:
            raise UDCInputError(f"a knapsack instance needs at least 3 items; got {len(w)}")
        return KPInstance(weights=w, values=v, capacity=float(inst.capacity), name=inst.name)
    raise UDCInputError(f"not a UDC instance: {type(inst).__name__}")


def tour_length(coords: np.ndarray, tour: Any) -> float:
    t = np.asarray(tour, dtype=np.int64)
    d = coords[t] - coords[np.roll(t, -1)]
    return float(np.sqrt((d * d).sum(axis=1)).sum())


def check_tsp(inst: TSPInstance, tour: Any) -> float:
    """The length of `tour`; a UDCInputError unless it visits every city once."""
    t = np.asarray(tour, dtype=np.int64)
    if t.shape != (inst.n,) or not np.array_equal(np.sort(t), np.arange(inst.n)):
        raise UDCInputError(f"not a tour of {inst.n} cities")
    return tour_length(inst.coords, t)


def routes_length(inst: CVRPInstance, routes: list[list[int]]) -> float:
    total = 0.0
    for r in routes:
        if len(r) == 0:
            continue
        pts = np.vstack([inst.depot, inst.coords[np.asarray(r, dtype=np.int64)], inst.depot])
        d = np.diff(pts, axis=0)
        total += float(np.sqrt((d * d).sum(axis=1)).sum())
    return total


def check_cvrp(inst: CVRPInstance, routes: list[list[int]]) -> float:
    """Total length of `routes`, or a UDCInputError unless each customer is served once within capacity."""
    flat = [c for r in routes for c in r]
    if sorted(flat) != list(range(inst.n)):
        raise UDCInputError(f"routes must serve each of the {inst.n} customers exactly once")
    for i, r in enumerate(routes):
        load = int(inst.demand[np.asarray(r, dtype=np.int64)].sum()) if r else 0
        if load > inst.capacity:
            raise UDCInputError(f"route {i} carries {load} > capacity {inst.capacity}")
    return routes_length(inst, routes)


def check_kp(inst: KPInstance, x: Any) -> float:
    """Packed value of the 0/1 selection `x`, or a UDCInputError if it is not 0/1 or does not fit."""
    sel = np.asarray(x)
    if sel.shape != (inst.n,) or not np.isin(sel, (0, 1)).all():
        raise UDCInputError(f"a selection is a 0/1 vector of length {inst.n}")
    sel = sel.astype(bool)
    if inst.weights[sel].sum() > inst.capacity + 1e-9:
        raise UDCInputError(f"selection weighs {inst.weights[sel].sum():.6g} > capacity {inst.capacity:g}")
    return float(inst.values[sel].sum())

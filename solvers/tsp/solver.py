"""`solve(coords, ...)`: heatmap, sampled initial tour, 2-opt/Or-opt local search, then MCTS-style
sampled k-opt until the time limit; the time spent in each stage is reported.

The compiled core lives in `mcts.py` (imported here lazily: numba costs about half a second to import).
The search runs in chunks of simulations so the time limit is checked from Python; with a fixed seed the
result is deterministic up to where the clock stops it (pass `max_sims` for a run that is fully
reproducible whatever the machine).
"""

from __future__ import annotations

import functools
import time
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from solvers.tsp.heatmap import build
from solvers.tsp.io import TSPInputError, check_tour, tour_length, validate_coords


@dataclass
class TourResult:
    tour: np.ndarray  # 0-based city order, each city once
    length: float  # Euclidean length of the closed tour
    time: float  # seconds from after loading the compiled core to the end (see timings["load"])
    timings: dict[str, float] = field(default_factory=dict)  # heatmap, initial, local_search, mcts
    stats: dict[str, float] = field(default_factory=dict)  # simulations, improving moves, restarts, ...
    params: dict[str, object] = field(default_factory=dict)


DEFAULTS: dict[str, object] = {
    "k": 10,  # candidates per city
    "alpha": 1.0,  # exploration weight in Z
    "beta": 10.0,  # heatmap reinforcement on improving moves
    "max_depth": 10,  # k-opt depth limit
    "restart_per_city": 0.1,  # restart after 0.1 n fruitless simulations (Fu et al.: H = 10 n with "sample")
    "kick_len": 50,  # longest segment a kick moves
    "oropt": True,  # Or-opt moves in the local search
    "restart": "kick",  # when stuck: "kick" the best tour (local double bridge) or "sample" a new one (Fu et al.)
    "chunk": 20000,  # simulations between clock checks
    "tau": None,  # SoftDist temperature (None: interpolated from n)
}


def _brute_force(xy: np.ndarray) -> np.ndarray:
    """Exact tour for n <= 8 cities by trying every order (city 0 fixed first)."""
    import itertools

    n = len(xy)
    best, best_len = None, np.inf
    for perm in itertools.permutations(range(1, n)):
        if perm[0] > perm[-1]:  # each cycle once, not in both directions
            continue
        t = np.array((0, *perm))
        L = tour_length(xy, t)
        if L < best_len:
            best, best_len = t, L
    assert best is not None
    return best


@functools.cache
def _load_core() -> Any:
    """Import the compiled core and run each compiled function once on a tiny instance, so that numba's
    import and cache loading (about a second, once per process) never eat into an instance's time."""
    from scipy.spatial import cKDTree  # noqa: F401  (the KD-tree's import is part of the same cost)

    from solvers.tsp import mcts

    xy = np.random.default_rng(0).random((12, 2))
    hm = build(xy, "knn", k=5)
    w = 100.0 * hm.prob
    mcts.seed_rng(0)
    tour = mcts.sample_tour(xy, hm.cand, w)
    pos = mcts.positions(tour)
    mcts.local_search(xy, hm.cand, tour, pos, True)
    state = np.array([mcts.tour_length(xy, tour)] * 2 + [0.0] * 4)
    mcts.mcts_chunk(xy, hm.cand, w, np.zeros_like(w), state, tour, pos, tour.copy(), 50, 1.0, 10.0, 10, 5.0,
                    True, True, 3)
    return mcts


def solve(coords: object, heatmap: object = "softdist", time_limit: float | None = None, seed: int = 0,
          max_sims: int | None = None, **params: object) -> TourResult:
    """A short tour through `coords` ((n, 2) array).

    heatmap: "softdist", "knn" (1/rank prior), a dense (n, n) array or a sparse (cand, weight) pair.
    time_limit: seconds for the whole solve (default 0.01 n, at least 1), counted after the compiled core
    is loaded (once per process, reported as timings["load"]). max_sims: stop after this many
    MCTS simulations instead (then the run is reproducible on any machine). Other keyword parameters:
    see DEFAULTS (k, alpha, beta, max_depth, restart_per_city, restart, oropt, chunk, tau).
    """
    t_load = time.perf_counter()
    xy = validate_coords(coords)
    n = len(xy)
    unknown = set(params) - set(DEFAULTS)
    if unknown:
        raise TSPInputError(f"Unknown parameter(s) {sorted(unknown)}; known: {sorted(DEFAULTS)}.")
    p = {**DEFAULTS, **params}
    restart = p["restart"]
    if restart not in ("sample", "kick"):
        raise TSPInputError(f"restart must be 'sample' or 'kick'; got {restart!r}.")
    for name, lo in (("k", 2), ("max_depth", 1), ("chunk", 1), ("kick_len", 1)):
        if not isinstance(p[name], int) or p[name] < lo:  # type: ignore[operator]
            raise TSPInputError(f"{name} must be an integer >= {lo}; got {p[name]!r}.")
    for name in ("alpha", "beta", "restart_per_city"):
        if not isinstance(p[name], int | float) or not p[name] >= 0:  # type: ignore[operator]
            raise TSPInputError(f"{name} must be a non-negative number; got {p[name]!r}.")
    if time_limit is None:
        time_limit = max(1.0, 0.01 * n)
    if not time_limit > 0:
        raise TSPInputError(f"time_limit must be positive seconds; got {time_limit}.")
    if n <= 8:  # every order is cheaper than compiling anything
        t_start = time.perf_counter()
        tour = _brute_force(xy)
        el = time.perf_counter() - t_start
        return TourResult(tour, tour_length(xy, tour), el, {"brute_force": el}, {}, {"method": "brute force"})

    mcts = _load_core()  # lazily: numba import + compiled core
    t_start = time.perf_counter()
    timings: dict[str, float] = {"load": t_start - t_load}
    t0 = time.perf_counter()
    hm = build(xy, heatmap, k=int(p["k"]), tau=p["tau"])  # type: ignore[arg-type]
    cand = np.ascontiguousarray(hm.cand, dtype=np.int64)
    weight = np.ascontiguousarray(100.0 * hm.prob, dtype=np.float64)  # W = 100 H
    visits = np.zeros_like(weight)
    timings["heatmap"] = time.perf_counter() - t0

    t0 = time.perf_counter()
    mcts.seed_rng(int(seed))
    tour = mcts.sample_tour(xy, cand, weight)
    pos = mcts.positions(tour)
    initial_length = float(mcts.tour_length(xy, tour))
    timings["initial"] = time.perf_counter() - t0

    t0 = time.perf_counter()
    mcts.local_search(xy, cand, tour, pos, bool(p["oropt"]))
    length = float(mcts.tour_length(xy, tour))
    timings["local_search"] = time.perf_counter() - t0

    t0 = time.perf_counter()
    best_tour = tour.copy()
    state = np.array([length, length, 0.0, 0.0, 0.0, 0.0])
    deadline = t_start + float(time_limit)
    chunk = max(1, min(int(p["chunk"]), 50 * n))  # type: ignore[call-overload]
    restart_after = float(p["restart_per_city"]) * n  # type: ignore[arg-type]
    sims = 0
    while time.perf_counter() < deadline and (max_sims is None or sims < max_sims):
        step = chunk if max_sims is None else min(chunk, max_sims - sims)
        sims += mcts.mcts_chunk(xy, cand, weight, visits, state, tour, pos, best_tour, step,
                                float(p["alpha"]), float(p["beta"]), int(p["max_depth"]),  # type: ignore[arg-type]
                                restart_after, bool(p["oropt"]), restart == "kick", int(p["kick_len"]))  # type: ignore[call-overload]
    timings["mcts"] = time.perf_counter() - t0

    best = check_tour(best_tour, n)
    L = tour_length(xy, best)
    stats = {"initial_length": initial_length, "local_search_length": length, "simulations": float(sims),
             "improving_moves": float(state[5]), "restarts": float(state[4])}
    p.update({"heatmap": hm.name, "time_limit": time_limit, "seed": seed, "max_sims": max_sims})
    return TourResult(best, L, time.perf_counter() - t_start, timings, stats, p)

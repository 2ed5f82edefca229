"""The reference: LKH-3 (through the `elkai` package), on integer distances from coordinates x 1e6.

The settings go into every result (`LKHResult.settings`) so a gap can always be traced to them.
For n > 2,000 the default alpha-nearness candidates (an O(n^2) subgradient ascent) are replaced by
POPMUSIC candidates, and a time limit bounds the search.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field

import numpy as np

from solvers.tsp.io import check_tour, tour_length, validate_coords

SCALE = 1e6  # EUC_2D rounds distances to integers: coordinates are scaled first


@dataclass
class LKHResult:
    tour: np.ndarray
    length: float  # Euclidean float length of the tour (not LKH's integer objective)
    time: float
    settings: dict[str, object] = field(default_factory=dict)


def default_settings(n: int, time_limit: float | None = None) -> dict[str, object]:
    """RUNS = 1 and MAX_TRIALS = n (LKH's own default trial count) up to n = 2,000; above that, POPMUSIC
    candidates and MAX_TRIALS = n under a time limit (default 0.01 n seconds)."""
    s: dict[str, object] = {"RUNS": 1, "MAX_TRIALS": n, "SEED": 1}
    if n > 2000:
        s["CANDIDATE_SET_TYPE"] = "POPMUSIC"
        s["TIME_LIMIT"] = time_limit if time_limit is not None else 0.01 * n
    elif time_limit is not None:
        s["TIME_LIMIT"] = time_limit
    return s


def solve_lkh(coords: object, **settings: object) -> LKHResult:
    """Solve with LKH-3; keyword settings are LKH parameter names (RUNS=1, MAX_TRIALS=..., SEED=...)."""
    from elkai import _elkai

    xy = validate_coords(coords)
    n = len(xy)
    s = default_settings(n)
    s.update({k.upper(): v for k, v in settings.items()})
    params = "PROBLEM_FILE = :stdin:\n" + "".join(f"{k} = {v}\n" for k, v in s.items())
    scaled = np.round(xy * SCALE).astype(np.int64)
    problem = "".join(
        [f"TYPE : TSP\nDIMENSION : {n}\nEDGE_WEIGHT_TYPE : EUC_2D\nNODE_COORD_SECTION\n"]
        + [f"{i + 1} {x} {y}\n" for i, (x, y) in enumerate(scaled.tolist())]
    )
    t0 = time.perf_counter()
    raw = _elkai.solve_problem(params, problem)
    elapsed = time.perf_counter() - t0
    tour = check_tour(np.asarray(raw, dtype=np.int64) - 1, n)
    return LKHResult(tour=tour, length=tour_length(xy, tour), time=elapsed, settings=s)

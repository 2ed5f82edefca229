"""The classical references UDC is measured against, run in the same process and benchmark:
- CVRP: PyVRP (its iterated local search, the successor of HGS in PyVRP >= 0.12) on integer distances
  from coordinates x 1e4, under a wall-clock limit; the reported length is recomputed in float.
- Knapsack: the exact optimum of the float instance by HiGHS's MILP (scipy.optimize.milp,
  mip_rel_gap = 0).
(TSP's reference is LKH-3 through solvers.tsp.solve_lkh.)
"""

from __future__ import annotations

import time
from typing import Any

import numpy as np

from solvers.udc.base import CVRPInstance, KPInstance, check_cvrp, check_kp

CVRP_SCALE = 1e4


def pyvrp_cvrp(inst: CVRPInstance, time_limit: float, seed: int = 0) -> dict[str, Any]:
    """PyVRP's best solution within `time_limit` seconds: {"name", "objective", "time", "routes", "settings"}."""
    import pyvrp
    from pyvrp.stop import MaxRuntime

    pts = np.vstack([inst.depot, inst.coords])
    ixy = np.round(pts * CVRP_SCALE).astype(np.int64)
    m = pyvrp.Model()
    m.add_vehicle_type(num_available=inst.n, capacity=int(inst.capacity))
    locs = [m.add_location(x=int(x), y=int(y)) for x, y in ixy]
    depot = m.add_depot(locs[0])
    for i in range(inst.n):
        m.add_client(locs[i + 1], delivery=int(inst.demand[i]))
    d = np.sqrt(((ixy[:, None, :] - ixy[None, :, :]) ** 2).sum(-1)).round().astype(np.int64)
    for a, la in enumerate(locs):
        for b, lb in enumerate(locs):
            if a != b:
                m.add_edge(la, lb, distance=int(d[a, b]))
    del depot
    t0 = time.perf_counter()
    res = m.solve(stop=MaxRuntime(time_limit), seed=seed, display=False)
    elapsed = time.perf_counter() - t0
    routes = [_clients(r) for r in res.best.routes()]
    length = check_cvrp(inst, routes)
    return {"name": "PyVRP", "objective": length, "time": elapsed, "routes": routes, "feasible": res.is_feasible(),
            "settings": {"time_limit": time_limit, "seed": seed, "distance_scale": CVRP_SCALE,
                         "version": _version("pyvrp")}}


def _clients(route: Any) -> list[int]:
    """0-based customer indices of a PyVRP route (its client activities count clients from 0)."""
    out = []
    for act in route:
        is_client = act.is_client() if callable(act.is_client) else act.is_client
        if is_client:
            out.append(int(act.idx))
    return out


def exact_kp(inst: KPInstance) -> dict[str, Any]:
    """The optimum packed value: {"name", "objective", "time", "x", "settings"}."""
    from scipy.optimize import Bounds, LinearConstraint, milp

    t0 = time.perf_counter()
    r = milp(c=-inst.values, constraints=LinearConstraint(inst.weights[None, :], -np.inf, inst.capacity),
             integrality=np.ones(inst.n), bounds=Bounds(0, 1), options={"mip_rel_gap": 0.0})
    elapsed = time.perf_counter() - t0
    if r.x is None:
        raise RuntimeError(f"HiGHS found no knapsack solution: {r.message}")
    x = np.round(r.x).astype(int)
    return {"name": "exact (HiGHS)", "objective": check_kp(inst, x), "time": elapsed, "x": x,
            "settings": {"solver": "HiGHS via scipy.optimize.milp", "mip_rel_gap": 0.0}}


def _version(pkg: str) -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version(pkg)
    except PackageNotFoundError:
        return "unknown"

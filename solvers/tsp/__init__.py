"""Large TSP by heatmap-guided MCTS (Fu et al., AAAI 2021; Xia et al., ICML 2024), with LKH-3 as the
reference. Public API:

    from solvers.tsp import solve, solve_lkh, read_instances, TSPInputError
    res = solve(coords, heatmap="softdist", time_limit=10, seed=0)   # TourResult
    res.tour, res.length, res.timings

Modules: io.py (reading instances, checks), heatmap.py (SoftDist, k-nearest prior, user heatmaps, sparse
top-k), mcts.py (the numba core: moves, construction, local search, MCTS), solver.py (the driver),
baseline.py (LKH-3 through elkai).
"""

from solvers.tsp.baseline import LKHResult, solve_lkh
from solvers.tsp.heatmap import SparseHeatmap, default_tau
from solvers.tsp.heatmap import build as build_heatmap
from solvers.tsp.io import Instance, TSPInputError, check_tour, read_instances, tour_length, validate_coords
from solvers.tsp.solver import DEFAULTS, TourResult, solve

__all__ = [
    "DEFAULTS", "Instance", "LKHResult", "SparseHeatmap", "TSPInputError", "TourResult", "build_heatmap",
    "check_tour", "default_tau", "read_instances", "solve", "solve_lkh", "tour_length", "validate_coords",
]

"""UDC for the TSP: a GNN builds a tour (dividing), an attention model re-solves its pieces (conquering).

Dividing: the edge-gated GNN (gnn.py) scores every edge of the k-nearest-neighbour graph; a tour is
built city by city from several start cities, each step moving to the best-scored (or, in training,
a sampled) unvisited neighbour, or to the nearest unvisited city when every neighbour is taken. The
shortest of the start cities' tours is the initial solution.

Conquering: the tour is cut into consecutive open sub-paths of `sub_size` cities; the two end cities of
each piece stay fixed, the attention model (conquer_tsp.py) re-orders the inside after the piece is
rescaled to the unit square. A new order is kept only when it is shorter, so a round never lengthens
the tour. The cut offset moves every round, so cities near one round's cut points are inside a piece
in the next.

Piece size: the UDC paper uses 100-city pieces (SUB_SIZE, the default for weights that do not say
otherwise). The piece size travels with the conquering weights. The shipped model was pre-trained for
12 minutes on one H200 GPU on 50-city pieces and ships with `sub_size = 50`: in the same GPU run, the
models trained for 100-city pieces got about half as many updates per piece and did worse end to end
(benchmarks/results/udc/gpu-2026-12-04/NOTE.md). Pieces cannot repair the long closing jumps of a
nearest-neighbour tour (both regions of a jump sit in one piece with fixed ends), so the dividing
tour's shape, not the piece solver alone, bounds the final gap.
"""

from __future__ import annotations

import math
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from solvers.udc.base import TSPInstance, UDCInputError, UDCResult, check_tsp, tour_length, validate
from solvers.udc.graph import knn_graph
from solvers.udc.weights import ARTIFACTS

DIVIDE_FILE, CONQUER_FILE = "tsp_divide.pt", "tsp_conquer.pt"

DEFAULT_ROUNDS = 25
SUB_SIZE = 100
K_NEIGHBOURS = 16
N_STARTS = 16
N_VARIANTS = 8  # symmetric views of each sub-problem per conquering round (see conquer_tsp.solve_paths)
N_SAMPLES = 4  # paths per view: one greedy, the rest sampled (same quality as 16 greedy views, half the time)


def _torch() -> Any:
    import torch

    torch.set_num_threads(1)
    return torch


# ---------------------------------------------------------------- the dividing policy


def make_divide_policy(hidden: int = 64, layers: int = 6, k: int = K_NEIGHBOURS) -> Any:
    """The GNN plus a learned weight on a nearest-neighbour prior (edge logit - w * scaled length), so an
    untrained policy starts as nearest-neighbour construction and REINFORCE refines it."""
    torch = _torch()
    from torch import nn

    from solvers.udc.gnn import EdgeGatedGNN

    class DividePolicy(nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.hparams = {"hidden": hidden, "layers": layers, "k": k}
            self.k = k
            self.gnn = EdgeGatedGNN(node_dim=2, edge_dim=2, hidden=hidden, layers=layers)
            self.prior = nn.Parameter(torch.tensor(8.0))

        def forward(self, coords: np.ndarray) -> tuple[Any, np.ndarray]:
            """Edge logits (n, k) for the k-NN graph of `coords`, and its neighbour table (n, k)."""
            xy = _unit_square(coords)
            g = knn_graph(xy, self.k)
            n, kk = g.n, g.k
            d = g.dist * math.sqrt(n)  # ~ distances in units of the mean nearest-neighbour spacing
            rank = np.tile(np.arange(kk, dtype=np.float64) / kk, n)
            ea = torch.as_tensor(np.stack([d, rank], axis=1), dtype=torch.float32)
            x = torch.as_tensor(xy, dtype=torch.float32)
            logits = self.gnn(x, ea, torch.as_tensor(g.edge_index)) - self.prior * torch.as_tensor(d, dtype=torch.float32)
            return logits.view(n, kk), g.neighbours()

    return DividePolicy()


def _unit_square(coords: np.ndarray) -> np.ndarray:
    lo = coords.min(axis=0)
    return (coords - lo) / max(float((coords.max(axis=0) - lo).max()), 1e-12)


@dataclass
class Construction:
    tours: np.ndarray  # (S, n)
    cur: np.ndarray  # (S, n-1) the city each step left from
    choice: np.ndarray  # (S, n-1) index in the neighbour list taken, -1 = nearest-unvisited fallback
    ok: np.ndarray  # (S, n-1, k) which neighbours were unvisited at that step


def construct(logits: np.ndarray, nbr: np.ndarray, coords: np.ndarray, starts: np.ndarray, *, greedy: bool,
              rng: np.random.Generator | None = None, record: bool = False) -> Construction:
    """Tours from each start city, all starts advanced together (vectorised over starts)."""
    n, k = nbr.shape
    s = len(starts)
    rows = np.arange(s)
    visited = np.zeros((s, n), dtype=bool)
    visited[rows, starts] = True
    tours = np.empty((s, n), dtype=np.int64)
    tours[:, 0] = starts
    cur = starts.astype(np.int64).copy()
    rec_cur = np.empty((s, max(n - 1, 0)), np.int64) if record else None
    rec_choice = np.empty((s, max(n - 1, 0)), np.int64) if record else None
    rec_ok = np.empty((s, max(n - 1, 0), k), bool) if record else None
    for t in range(n - 1):
        cand = nbr[cur]
        ok = ~visited[rows[:, None], cand]
        sc = logits[cur]
        if not greedy:
            sc = sc + rng.gumbel(size=sc.shape)
        sc = np.where(ok, sc, -np.inf)
        j = sc.argmax(axis=1)
        has = ok.any(axis=1)
        nxt = cand[rows, j]
        if not has.all():
            lost = np.flatnonzero(~has)
            dd = ((coords[None, :, :] - coords[cur[lost]][:, None, :]) ** 2).sum(-1)
            dd[visited[lost]] = np.inf
            nxt[lost] = dd.argmin(axis=1)
        if record:
            rec_cur[:, t] = cur
            rec_choice[:, t] = np.where(has, j, -1)
            rec_ok[:, t] = ok
        visited[rows, nxt] = True
        tours[:, t + 1] = nxt
        cur = nxt
    return Construction(tours, rec_cur, rec_choice, rec_ok)


def divide(policy: Any, coords: np.ndarray, n_starts: int = N_STARTS, seed: int = 0) -> np.ndarray:
    """The dividing policy's tour: greedy construction from `n_starts` start cities, shortest kept."""
    torch = _torch()
    with torch.inference_mode():
        logits, nbr = policy(coords)
    n = len(coords)
    rng = np.random.default_rng(seed)
    starts = rng.choice(n, size=min(n_starts, n), replace=False)
    c = construct(logits.numpy().astype(np.float64), nbr, coords, starts, greedy=True)
    lengths = [tour_length(coords, t) for t in c.tours]
    return c.tours[int(np.argmin(lengths))]


# ---------------------------------------------------------------- conquering


def segment_lengths(coords: np.ndarray, segs: np.ndarray) -> np.ndarray:
    d = np.diff(coords[segs], axis=1)
    return np.sqrt((d * d).sum(-1)).sum(-1)


def conquer_round(model: Any, coords: np.ndarray, tour: np.ndarray, offset: int, *, sub_size: int = SUB_SIZE,
                  n_variants: int = N_VARIANTS, samples: int = 1, greedy: bool = True, seed: int = 0) -> np.ndarray:
    """One conquering round: cut `tour` (rolled by `offset`) into open paths of `sub_size` cities, re-solve
    all of them in one batch and keep each new path only where it is shorter. `tour` may also be a
    stack of tours (T, n) of the same cities: all their pieces go through the model together."""
    from solvers.udc.conquer_tsp import solve_paths

    tours = np.atleast_2d(tour)
    t, n = tours.shape
    m = min(sub_size, n)
    pieces = n // m
    if m < 4 or pieces == 0:
        return tour
    rolled = np.roll(tours, -offset, axis=1)
    segs = rolled[:, : pieces * m].reshape(t * pieces, m).copy()
    order, _ = solve_paths(model, coords[segs], n_variants=n_variants, samples=samples, greedy=greedy, seed=seed)
    new = segs.copy()
    new[:, 1:-1] = np.take_along_axis(segs, order, axis=1)
    better = segment_lengths(coords, new) < segment_lengths(coords, segs) - 1e-12
    segs[better] = new[better]
    rolled[:, : pieces * m] = segs.reshape(t, pieces * m)
    out = np.roll(rolled, offset, axis=1)
    return out if np.ndim(tour) == 2 else out[0]


def _closed(tours: np.ndarray) -> np.ndarray:
    return np.concatenate([tours, tours[:, :1]], axis=1)


def round_offset(r: int, n: int, sub_size: int, base: int) -> int:
    """The cut offset of round r: a golden-ratio step of the piece size, so cut points rarely repeat."""
    return int(base + round(r * 0.618034 * min(sub_size, n))) % n


def conquer(model: Any, coords: np.ndarray, tour: np.ndarray, rounds: int, *, seed: int = 0,
            deadline: float | None = None, sub_size: int = SUB_SIZE, n_variants: int = N_VARIANTS,
            samples: int = 1, greedy: bool = True) -> tuple[np.ndarray, list[Any]]:
    """`rounds` conquering rounds (fewer when `deadline`, a perf_counter time, passes); the tour and the
    length after each round (for a stack of tours (T, n): the lengths (T,) after each round)."""
    n = np.shape(tour)[-1]
    base = int(np.random.default_rng(seed).integers(n))
    history: list[Any] = []
    last = 0.0  # duration of the previous round: stop when the next one would overrun the deadline
    for r in range(rounds):
        start = time.perf_counter()
        if deadline is not None and start + last > deadline:
            break
        tour = conquer_round(model, coords, tour, round_offset(r, n, sub_size, base), sub_size=sub_size,
                             n_variants=n_variants, samples=samples, greedy=greedy, seed=seed + r)
        history.append(tour_length(coords, tour) if np.ndim(tour) == 1 else segment_lengths(coords, _closed(tour)))
        last = time.perf_counter() - start
    return tour, history


# ---------------------------------------------------------------- the public interface


@dataclass
class TSPModel:
    divide: Any
    conquer: Any
    source: str = ""


_CACHE: dict[str, TSPModel] = {}


def load_model(path: str | Path | None = None) -> TSPModel:
    """The trained policies: `path` is a folder holding tsp_divide.pt and tsp_conquer.pt (default: the
    shipped artifacts/)."""
    torch = _torch()
    from solvers.udc.conquer_tsp import load as load_conquer

    folder = Path(path) if path is not None else ARTIFACTS
    if folder.is_file():
        folder = folder.parent
    missing = [f for f in (DIVIDE_FILE, CONQUER_FILE) if not (folder / f).is_file()]
    if missing:
        raise UDCInputError(f"no trained TSP weights ({', '.join(missing)}) in {folder}; train them with "
                            "`python -m solvers.udc.train --problem tsp`")
    blob = torch.load(folder / DIVIDE_FILE, map_location="cpu", weights_only=True)
    policy = make_divide_policy(**blob["config"])
    policy.load_state_dict(blob["state_dict"])
    return TSPModel(divide=policy.eval(), conquer=load_conquer(str(folder / CONQUER_FILE)), source=str(folder))


def _default_model() -> TSPModel:
    if "default" not in _CACHE:
        _CACHE["default"] = load_model()
    return _CACHE["default"]


def solve(inst: TSPInstance, *, rounds: int = DEFAULT_ROUNDS, time_limit: float | None = None, seed: int = 0,
          model: TSPModel | None = None) -> UDCResult:
    """Divide (GNN tour) then `rounds` conquering rounds; `time_limit` (wall seconds for dividing and
    conquering, not counting the one-off model load) stops the rounds early. The returned tour has
    passed check_tsp."""
    if not isinstance(inst, TSPInstance):
        raise UDCInputError(f"solvers.udc.tsp solves TSPInstance, not {type(inst).__name__}")
    inst = validate(inst)
    if rounds < 0:
        raise UDCInputError("rounds must be >= 0")
    if time_limit is not None and not time_limit > 0:
        raise UDCInputError("time_limit must be a positive number of seconds")
    model = model or _default_model()  # loaded once per process, outside the timed solve
    t0 = time.perf_counter()
    _torch().manual_seed(seed)
    coords = inst.coords
    tour = divide(model.divide, coords, seed=seed)
    t1 = time.perf_counter()
    initial = check_tsp(inst, tour)
    deadline = None if time_limit is None else t0 + time_limit
    sub_size = int(getattr(model.conquer, "sub_size", SUB_SIZE))
    tour, history = conquer(model.conquer, coords, tour, rounds, seed=seed, deadline=deadline, sub_size=sub_size,
                            samples=N_SAMPLES)
    t2 = time.perf_counter()
    length = check_tsp(inst, tour)
    return UDCResult(problem="tsp", solution=tour.tolist(), objective=length, initial_objective=initial,
                     history=history, timings={"divide": t1 - t0, "conquer": t2 - t1}, time=t2 - t0)

"""UDC for CVRP: a GNN divides (builds routes), an attention model conquers (re-solves groups of routes).

Dividing. An edge-gated GNN (gnn.EdgeGatedGNN) on the k-NN graph of depot + customers, plus edges from
the depot to every customer and back, scores every edge. Routes are built autoregressively for S
samples at once: from the depot, the next route starts at a customer drawn by the depot edges' scores;
from a customer, the next one is drawn among its k nearest neighbours that are unvisited and fit the
load left, by edge score; when none of them fits, the nearest unvisited customer that fits is taken;
when no customer fits at all, the route goes back to the depot. Sample 0 is greedy (argmax); the
shortest of all samples is kept.

Conquering. Routes are sorted by the polar angle of their centroid around the depot; consecutive routes
are grouped until a group holds about `sub_size` customers (default 20, about one route at n = 500:
with the shipped, undertrained attention model, groups of ~100 customers never improved and ~40 did
less; see benchmarks/results/udc/cvrp_kp_NOTE.md). Each group is a sub-CVRP (same depot and
capacity), rescaled to the unit square and re-solved by the attention model (conquer_cvrp), all groups
of a round in one batched forward pass with every start customer and the 8 symmetries of the square.
A group's new routes replace the old ones only if they are shorter. The grouping offset rotates every
round so that boundaries move.
"""

from __future__ import annotations

import functools
import math
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from solvers.udc.base import CVRPInstance, UDCInputError, UDCResult, check_cvrp, routes_length, validate
from solvers.udc.weights import ARTIFACTS, load_pair, restore, save_pair

DEFAULT_ROUNDS = 40
NODE_DIM, EDGE_DIM = 7, 3
K_NEIGHBOURS = 12
SUB_SIZE = 20

@dataclass
class CVRPModels:
    """The two trained policies and the settings they were trained with."""

    divide: Any  # gnn.EdgeGatedGNN
    conquer: Any  # conquer_cvrp.CVRPConquerModel
    config: dict = field(default_factory=dict)


def new_models(seed: int = 0, hidden: int = 32, layers: int = 4, dim: int = 64, enc_layers: int = 3) -> CVRPModels:
    """Freshly initialised (untrained) policies, seeded."""
    import torch

    from solvers.udc.conquer_cvrp import CVRPConquerModel
    from solvers.udc.gnn import EdgeGatedGNN

    torch.manual_seed(seed)
    return CVRPModels(EdgeGatedGNN(NODE_DIM, EDGE_DIM, hidden, layers), CVRPConquerModel(dim=dim, layers=enc_layers),
                      {"hidden": hidden, "layers": layers, "dim": dim, "enc_layers": enc_layers})


def save_models(models: CVRPModels, directory: str | Path = ARTIFACTS) -> None:
    save_pair(models, "cvrp", directory)


def load_model(path: str | Path | None = None) -> CVRPModels:
    """The trained policies from `path` (a folder holding cvrp_divide.pt and cvrp_conquer.pt; default the shipped artifacts/)."""
    div, con = load_pair("cvrp", "CVRP", path)
    cfg = div["config"]
    return restore(new_models(0, cfg["hidden"], cfg["layers"], cfg["dim"], cfg["enc_layers"]), div, con)


# ---------------------------------------------------------------- dividing


@dataclass
class DivideGraph:
    """Node 0 is the depot, node c + 1 customer c. Edge ids: k-NN edges of node i at i*k .. i*k+k-1, then
    depot -> customer c at `out0 + c`, then customer c -> depot at `out0 + n + c`."""

    x: Any  # torch (n+1, NODE_DIM)
    edge_attr: Any  # torch (E, EDGE_DIM)
    edge_index: Any  # torch (2, E)
    nbr: np.ndarray  # (n+1, k)
    k: int
    out0: int
    pts: np.ndarray  # (n+1, 2)
    demand: np.ndarray  # (n+1,) int, 0 for the depot


def divide_graph(inst: CVRPInstance, k: int = K_NEIGHBOURS) -> DivideGraph:
    import torch

    from solvers.udc.graph import knn_graph

    n = inst.n
    pts = np.vstack([inst.depot[None], inst.coords])
    g = knn_graph(pts, k)
    out0 = g.edge_index.shape[1]
    cust = np.arange(1, n + 1)
    ei = np.hstack([g.edge_index, np.vstack([np.zeros(n, np.int64), cust]), np.vstack([cust, np.zeros(n, np.int64)])])
    d = np.linalg.norm(pts[ei[0]] - pts[ei[1]], axis=1)
    depot_edge = (ei[0] == 0) | (ei[1] == 0)
    ea = np.stack([np.minimum(d * math.sqrt(n), 10.0), d, depot_edge.astype(np.float64)], 1)
    rel = pts - inst.depot
    r = np.linalg.norm(rel, axis=1)
    dem = np.concatenate([[0], inst.demand]).astype(np.int64)
    isdep = np.zeros(n + 1)
    isdep[0] = 1
    x = np.column_stack([pts, rel, r, dem / inst.capacity, isdep])
    return DivideGraph(torch.tensor(x, dtype=torch.float32), torch.tensor(ea, dtype=torch.float32),
                       torch.from_numpy(ei), g.neighbours(), g.k, out0, pts, dem)


@dataclass
class Construction:
    """S sampled solutions and, for training, what each sampled choice was made among."""

    routes: list[list[list[int]]]
    lengths: np.ndarray
    # k-NN choices: sample id, current node, feasible mask (r, k), chosen position
    a_sample: np.ndarray | None = None
    a_cur: np.ndarray | None = None
    a_mask: np.ndarray | None = None
    a_pos: np.ndarray | None = None
    # route starts from the depot: sample id, allowed customers (r, n), chosen customer
    b_sample: np.ndarray | None = None
    b_mask: np.ndarray | None = None
    b_pick: np.ndarray | None = None


def _pick(scores: np.ndarray, allowed: np.ndarray, gumbel: np.ndarray | None) -> np.ndarray:
    s = np.where(allowed, scores if gumbel is None else scores + gumbel, -np.inf)
    return s.argmax(1)


def construct(graph: DivideGraph, logits: np.ndarray, capacity: int, samples: int, rng: np.random.Generator,
              greedy_first: bool = True, record: bool = False) -> Construction:
    """Build `samples` solutions at once from edge scores `logits` (E,); sample 0 greedy if greedy_first."""
    n1 = len(graph.pts)
    n, k, s_all = n1 - 1, graph.k, samples
    nbr, dem, pts = graph.nbr, graph.demand, graph.pts
    knn_logit = logits[: n1 * k].reshape(n1, k)
    dep_out = logits[graph.out0: graph.out0 + n]
    visited = np.zeros((s_all, n1), bool)
    visited[:, 0] = True
    cur = np.zeros(s_all, np.int64)
    load = np.full(s_all, capacity, np.int64)
    seq: list[np.ndarray] = []
    rec_a: list[tuple] = []
    rec_b: list[tuple] = []
    nvis = np.zeros(s_all, np.int64)
    sampled = np.ones(s_all, bool)
    if greedy_first:
        sampled[0] = False
    while True:
        active = nvis < n
        if not active.any():
            break
        nxt = np.full(s_all, -1, np.int64)
        at_dep = np.flatnonzero(active & (cur == 0))
        if len(at_dep):
            allowed = ~visited[at_dep, 1:]
            g = rng.gumbel(size=allowed.shape) * sampled[at_dep, None]
            pick = _pick(dep_out[None], allowed, g)
            nxt[at_dep] = pick + 1
            if record:
                rs = sampled[at_dep]
                rec_b.append((at_dep[rs], allowed[rs], pick[rs]))
        at_c = np.flatnonzero(active & (cur != 0))
        if len(at_c):
            c = cur[at_c]
            cand = nbr[c]
            feas = ~visited[at_c[:, None], cand] & (dem[cand] <= load[at_c, None])
            has = feas.any(1)
            if has.any():
                rows = at_c[has]
                g = rng.gumbel(size=(len(rows), k)) * sampled[rows, None]
                pos = _pick(knn_logit[c[has]], feas[has], g)
                nxt[rows] = cand[has, pos]
                if record:
                    rs = sampled[rows] & (feas[has].sum(1) > 1)
                    rec_a.append((rows[rs], c[has][rs], feas[has][rs], pos[rs]))
            if (~has).any():
                rows = at_c[~has]
                fit = ~visited[rows] & (dem[None] <= load[rows, None])
                fit[:, 0] = False
                dd = np.linalg.norm(pts[None] - pts[cur[rows]][:, None], axis=2)
                dd[~fit] = np.inf
                j = dd.argmin(1)
                nxt[rows] = np.where(fit.any(1), j, 0)
        act = np.flatnonzero(active)
        to = nxt[act]
        visited[act, to] = True
        visited[:, 0] = True
        load[act] = np.where(to == 0, capacity, load[act] - dem[to])
        nvis[act] += to != 0
        cur[act] = to
        seq.append(nxt)
    steps = np.stack(seq, 1) if seq else np.zeros((s_all, 0), np.int64)
    routes = []
    for s in range(s_all):
        r: list[list[int]] = []
        curr: list[int] = []
        for a in steps[s]:
            if a < 0:
                break
            if a == 0:
                if curr:
                    r.append(curr)
                curr = []
            else:
                curr.append(int(a) - 1)
        if curr:
            r.append(curr)
        routes.append(r)
    out = Construction(routes, np.zeros(s_all))
    if record:
        cat = np.concatenate
        if rec_a:
            out.a_sample, out.a_cur, out.a_mask, out.a_pos = (cat([t[i] for t in rec_a]) for i in range(4))
        if rec_b:
            out.b_sample, out.b_mask, out.b_pick = (cat([t[i] for t in rec_b]) for i in range(3))
    return out


def divide(inst: CVRPInstance, models: CVRPModels, samples: int = 16, seed: int = 0,
           record: bool = False, graph: DivideGraph | None = None) -> tuple[Construction, Any, DivideGraph]:
    """Run the GNN once and build `samples` solutions; returns the construction (lengths filled), the
    edge-logit tensor (with grad when the caller enables it) and the graph."""
    graph = graph or divide_graph(inst)
    logits = models.divide(graph.x, graph.edge_attr, graph.edge_index)
    con = construct(graph, logits.detach().numpy().astype(np.float64), inst.capacity, samples,
                    np.random.default_rng(seed), record=record)
    con.lengths = np.array([routes_length(inst, r) for r in con.routes])
    return con, logits, graph


def construction_logp(con: Construction, logits: Any, graph: DivideGraph, samples: int) -> Any:
    """Summed log-probabilities (samples,) of the recorded sampled choices under `logits` (torch)."""
    import torch

    n1, k = len(graph.pts), graph.k
    total = torch.zeros(samples)
    if con.a_sample is not None and len(con.a_sample):
        ids = torch.from_numpy(con.a_cur[:, None] * k + np.arange(k)[None])
        lg = logits[ids].masked_fill(torch.from_numpy(~con.a_mask), float("-inf"))
        lp = torch.log_softmax(lg, 1).gather(1, torch.from_numpy(con.a_pos)[:, None]).squeeze(1)
        total = total.index_add(0, torch.from_numpy(con.a_sample), lp)
    if con.b_sample is not None and len(con.b_sample):
        dep = logits[graph.out0: graph.out0 + n1 - 1]
        lg = dep[None].expand(len(con.b_sample), -1).masked_fill(torch.from_numpy(~con.b_mask), float("-inf"))
        lp = torch.log_softmax(lg, 1).gather(1, torch.from_numpy(con.b_pick)[:, None]).squeeze(1)
        total = total.index_add(0, torch.from_numpy(con.b_sample), lp)
    return total


# ---------------------------------------------------------------- conquering


def group_routes(inst: CVRPInstance, routes: list[list[int]], offset: int, sub_size: int = SUB_SIZE) -> list[list[int]]:
    """Route indices grouped into consecutive runs (by polar angle of route centroids around the depot,
    starting at `offset`) of about `sub_size` customers; a small tail joins the group before it."""
    cent = np.array([inst.coords[r].mean(0) for r in routes]) - inst.depot
    order = np.argsort(np.arctan2(cent[:, 1], cent[:, 0]))
    order = np.roll(order, -(offset % len(order)))
    groups: list[list[int]] = []
    cur: list[int] = []
    cnt = 0
    for ri in order:
        cur.append(int(ri))
        cnt += len(routes[ri])
        if cnt >= sub_size:
            groups.append(cur)
            cur, cnt = [], 0
    if cur:
        if groups and cnt < sub_size // 2:
            groups[-1].extend(cur)
        else:
            groups.append(cur)
    return groups


def conquer_round(inst: CVRPInstance, routes: list[list[int]], conquer: Any, offset: int,
                  sub_size: int = SUB_SIZE, augment: bool = True, n_starts: int | None = None
                  ) -> tuple[list[list[int]], int]:
    """One conquering round: every group re-solved in one batch; returns the new routes and how many
    groups improved. Never longer than `routes`."""
    from solvers.udc.conquer_cvrp import normalise, solve_subproblems

    groups = group_routes(inst, routes, offset, sub_size)
    subs, meta = [], []
    for grp in groups:
        cust = np.array([c for ri in grp for c in routes[ri]], dtype=np.int64)
        if len(cust) < 2:
            continue
        dep, xy, scale = normalise(inst.depot, inst.coords[cust])
        subs.append((dep, xy, inst.demand[cust] / inst.capacity))
        meta.append((grp, cust, scale))
    if not subs:
        return routes, 0
    sols = solve_subproblems(conquer, subs, augment=augment, n_starts=n_starts)
    new = list(routes)
    replaced: set[int] = set()
    added: list[list[int]] = []
    improved = 0
    for (grp, cust, _scale), (_unit_len, sub_routes) in zip(meta, sols, strict=True):
        cand = [[int(cust[i]) for i in r] for r in sub_routes]
        if sorted(c for r in cand for c in r) != sorted(cust.tolist()):
            continue
        if any(int(inst.demand[r].sum()) > inst.capacity for r in cand):
            continue
        old = routes_length(inst, [routes[ri] for ri in grp])
        if routes_length(inst, cand) < old - 1e-9:
            replaced.update(grp)
            added.extend(cand)
            improved += 1
    if not improved:
        return routes, 0
    new = [r for i, r in enumerate(routes) if i not in replaced] + added
    return new, improved


@functools.cache
def _default_models() -> CVRPModels:
    return load_model()


def _models(model: Any | None) -> CVRPModels:
    return model if model is not None else _default_models()


def solve(inst: CVRPInstance, *, rounds: int = DEFAULT_ROUNDS, time_limit: float | None = None, seed: int = 0,
          model: Any | None = None, samples: int = 32, sub_size: int = SUB_SIZE, augment: bool = True,
          ) -> UDCResult:
    """Divide with the GNN (best of `samples` constructions), then up to `rounds` conquering rounds
    (fewer when `time_limit`, wall seconds for the whole solve, would be exceeded)."""
    import torch

    if not isinstance(inst, CVRPInstance):
        raise UDCInputError(f"cvrp.solve needs a CVRPInstance, got {type(inst).__name__}")
    inst = validate(inst)
    if rounds < 0:
        raise UDCInputError(f"rounds must be >= 0; got {rounds}")
    if samples < 1 or sub_size < 2:
        raise UDCInputError("samples must be >= 1 and sub_size >= 2")
    t0 = time.perf_counter()
    models = _models(model)
    with torch.no_grad():
        con, _, _ = divide(inst, models, samples=samples, seed=seed)
    best = int(con.lengths.argmin())
    routes = con.routes[best]
    initial = check_cvrp(inst, routes)
    t_div = time.perf_counter() - t0
    history: list[float] = []
    cur = initial
    t1 = time.perf_counter()
    last = 0.0
    per_group = max(1, round(len(routes) * sub_size / max(inst.n, 1)))
    step = max(1, math.ceil(per_group / 2))
    for r in range(rounds):
        now = time.perf_counter()
        if time_limit is not None and (now - t0) + last > time_limit:
            break
        routes, _ = conquer_round(inst, routes, models.conquer, offset=r * step, sub_size=sub_size, augment=augment)
        cur = check_cvrp(inst, routes)
        history.append(cur)
        last = time.perf_counter() - now
    t_con = time.perf_counter() - t1
    routes = [r for r in routes if r]
    return UDCResult(problem="cvrp", solution=routes, objective=check_cvrp(inst, routes), initial_objective=initial,
                     history=history, timings={"divide": t_div, "conquer": t_con}, time=time.perf_counter() - t0)

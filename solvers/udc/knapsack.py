"""UDC for the 0/1 knapsack: a GNN divides (scores items), an attention model conquers (re-solves groups).

Dividing. Items are points in feature space (weight, value, value/weight); an edge-gated GNN
(gnn.EdgeGatedGNN) on their k-NN graph, with a self-loop per item, scores every edge; the self-loop's
logit is the item's score. A selection is decoded by walking the items in score order and packing each
one that still fits; S orders are drawn at once (order 0 by score, the others Plackett-Luce samples via
Gumbel noise) and the most valuable packing is kept.

Conquering. Items are sorted by value/weight and cut into consecutive groups of about `group` items,
starting at an offset that rotates every round, so a group mixes packed and unpacked items near the
boundary of the packing. Each group is a sub-knapsack whose capacity is the weight its packed items
use plus all of the current slack; groups that cannot change (all packed, or nothing unpacked fits
the slack) are skipped; the rest are rescaled and re-solved by the attention model (conquer_kp) in
one batch. A group's new packing is accepted only if it is worth more, best gains first, and only
while the whole selection still fits (each group was offered the whole slack, so two accepted groups
could otherwise overflow): the packed value never decreases.
"""

from __future__ import annotations

import functools
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from solvers.udc.base import KPInstance, UDCInputError, UDCResult, check_kp, validate
from solvers.udc.weights import ARTIFACTS, load_pair, restore, save_pair

DEFAULT_ROUNDS = 12
NODE_DIM, EDGE_DIM = 5, 2
K_NEIGHBOURS = 8
GROUP = 100

@dataclass
class KPModels:
    divide: Any  # gnn.EdgeGatedGNN
    conquer: Any  # conquer_kp.KPConquerModel
    config: dict = field(default_factory=dict)


def new_models(seed: int = 0, hidden: int = 32, layers: int = 3, dim: int = 64, enc_layers: int = 2) -> KPModels:
    import torch

    from solvers.udc.conquer_kp import KPConquerModel
    from solvers.udc.gnn import EdgeGatedGNN

    torch.manual_seed(seed)
    return KPModels(EdgeGatedGNN(NODE_DIM, EDGE_DIM, hidden, layers), KPConquerModel(dim=dim, layers=enc_layers),
                    {"hidden": hidden, "layers": layers, "dim": dim, "enc_layers": enc_layers})


def save_models(models: KPModels, directory: str | Path = ARTIFACTS) -> None:
    save_pair(models, "kp", directory)


def load_model(path: str | Path | None = None) -> KPModels:
    """The trained policies from `path` (a folder holding kp_divide.pt and kp_conquer.pt; default the shipped artifacts/)."""
    div, con = load_pair("kp", "knapsack", path)
    cfg = div["config"]
    return restore(new_models(0, cfg["hidden"], cfg["layers"], cfg["dim"], cfg["enc_layers"]), div, con)


# ---------------------------------------------------------------- dividing


@dataclass
class ItemGraph:
    x: Any  # torch (n, NODE_DIM)
    edge_attr: Any  # torch (E, EDGE_DIM)
    edge_index: Any  # torch (2, E)
    self0: int  # item i's self-loop is edge self0 + i


def item_graph(inst: KPInstance, k: int = K_NEIGHBOURS) -> ItemGraph:
    import torch

    from solvers.udc.graph import knn_graph

    n = inst.n
    w, v = inst.weights, inst.values
    r = v / w
    rn = r / r.max() if r.max() > 0 else r
    wn, vn = w / w.max(), v / max(v.max(), 1e-12)
    pts = np.column_stack([wn, vn, rn])
    g = knn_graph(pts, k)
    self0 = g.edge_index.shape[1]
    ar = np.arange(n)
    ei = np.hstack([g.edge_index, np.vstack([ar, ar])])
    d = np.concatenate([g.dist, np.zeros(n)])
    ea = np.stack([d * np.sqrt(n), (ei[0] == ei[1]).astype(np.float64)], 1)
    rank = np.empty(n)
    rank[np.argsort(-r)] = np.arange(n) / n
    # how many average items the capacity holds, relative to n: the share of items that can be packed
    share = np.full(n, min(inst.capacity / w.mean() / n, 1.0))
    x = np.column_stack([wn, vn, rn, rank, share])
    return ItemGraph(torch.tensor(x, dtype=torch.float32), torch.tensor(ea, dtype=torch.float32),
                     torch.from_numpy(ei), self0)


def pack_in_order(w: np.ndarray, capacity: float, orders: np.ndarray) -> np.ndarray:
    """Selections (S, n): walk each order, pack every item that still fits."""
    s, n = orders.shape
    sel = np.zeros((s, n), bool)
    rem = np.full(s, float(capacity))
    rows = np.arange(s)
    for t in range(n):
        it = orders[:, t]
        fit = w[it] <= rem
        sel[rows[fit], it[fit]] = True
        rem = rem - np.where(fit, w[it], 0.0)
        if not (rem >= w.min()).any():
            break
    return sel


def divide(inst: KPInstance, models: KPModels, samples: int = 8, seed: int = 0,
           graph: ItemGraph | None = None) -> tuple[np.ndarray, np.ndarray, Any, np.ndarray]:
    """(selections (S, n), their values, the item scores tensor, the orders (S, n)); order 0 is by score."""
    graph = graph or item_graph(inst)
    logits = models.divide(graph.x, graph.edge_attr, graph.edge_index)
    scores = logits[graph.self0:]
    sc = scores.detach().numpy().astype(np.float64)
    rng = np.random.default_rng(seed)
    noise = rng.gumbel(size=(samples, inst.n))
    noise[0] = 0.0
    orders = np.argsort(-(sc[None] + noise), axis=1, kind="stable")
    sel = pack_in_order(inst.weights, inst.capacity, orders)
    return sel, sel.astype(np.float64) @ inst.values, scores, orders


def order_logp(scores: Any, orders: np.ndarray) -> Any:
    """Plackett-Luce log-probability of each order (S,) under item scores (n,) (torch)."""
    import torch

    s = scores[torch.from_numpy(orders)]  # (S, n)
    tail = torch.logcumsumexp(s.flip(1), 1).flip(1)
    return (s - tail).sum(1)


# ---------------------------------------------------------------- conquering


def conquer_round(inst: KPInstance, x: np.ndarray, conquer: Any, offset: int, group: int = GROUP,
                  samples: int = 2, seed: int = 0) -> tuple[np.ndarray, int]:
    """One conquering round; returns the new selection and how many groups improved. Never worth less
    and always fits when `x` fits."""
    from solvers.udc.conquer_kp import solve_subproblems

    w, v, cap = inst.weights, inst.values, inst.capacity
    x = x.astype(bool).copy()
    order = np.roll(np.argsort(-(v / w), kind="stable"), -(offset % inst.n))
    cuts = list(range(0, inst.n, group))
    chunks = [order[c: c + group] for c in cuts]
    if len(chunks) > 1 and len(chunks[-1]) < group // 2:
        chunks[-2] = np.concatenate([chunks[-2], chunks.pop()])
    slack = cap - w[x].sum()
    subs, meta = [], []
    for ch in chunks:
        packed = x[ch]
        used = w[ch][packed].sum()
        out = ch[~packed]
        if packed.all() or (len(out) and w[out].min() > slack and not packed.any()):
            continue
        capg = used + slack
        if capg <= 0:
            continue
        subs.append((w[ch] / capg, v[ch] / max(v[ch].max(), 1e-12)))
        meta.append((ch, capg, float(v[ch][packed].sum()), float(used)))
    if not subs:
        return x, 0
    cands = solve_subproblems(conquer, subs, samples=samples, seed=seed)
    offers = []
    for (ch, capg, old_v, old_w), cs in zip(meta, cands, strict=True):
        best = None
        for c in cs:
            nw, nv = float(w[ch][c].sum()), float(v[ch][c].sum())
            if nw <= capg and nv > old_v + 1e-12 and (best is None or nv > best[0]):
                best = (nv, nw, c)
        if best is not None:
            offers.append((best[0] - old_v, best[1] - old_w, ch, best[2]))
    improved = 0
    total_w = float(w[x].sum())
    for _gain, dw, ch, c in sorted(offers, key=lambda o: -o[0]):
        if total_w + dw <= cap:
            x[ch] = c
            total_w = float(w[x].sum())
            improved += 1
    return x, improved


@functools.cache
def _default_models() -> KPModels:
    return load_model()


def _models(model: Any | None) -> KPModels:
    return model if model is not None else _default_models()


def solve(inst: KPInstance, *, rounds: int = DEFAULT_ROUNDS, time_limit: float | None = None, seed: int = 0,
          model: Any | None = None, samples: int = 8, group: int = GROUP, conquer_samples: int = 2) -> UDCResult:
    """Divide with the GNN (best of `samples` packings), then up to `rounds` conquering rounds (fewer when
    `time_limit`, wall seconds for the whole solve, would be exceeded)."""
    import torch

    if not isinstance(inst, KPInstance):
        raise UDCInputError(f"knapsack.solve needs a KPInstance, got {type(inst).__name__}")
    inst = validate(inst)
    if rounds < 0:
        raise UDCInputError(f"rounds must be >= 0; got {rounds}")
    if samples < 1 or group < 2:
        raise UDCInputError("samples must be >= 1 and group >= 2")
    t0 = time.perf_counter()
    models = _models(model)
    with torch.no_grad():
        sel, vals, _, _ = divide(inst, models, samples=samples, seed=seed)
    x = sel[int(vals.argmax())]
    initial = check_kp(inst, x.astype(np.int8))
    t_div = time.perf_counter() - t0
    history: list[float] = []
    t1 = time.perf_counter()
    last = 0.0
    step = max(1, group // 3) + 1
    for r in range(rounds):
        now = time.perf_counter()
        if time_limit is not None and (now - t0) + last > time_limit:
            break
        x, _ = conquer_round(inst, x, models.conquer, offset=r * step, group=group, samples=conquer_samples,
                             seed=seed + r)
        history.append(check_kp(inst, x.astype(np.int8)))
        last = time.perf_counter() - now
    sol = x.astype(np.int8)
    return UDCResult(problem="kp", solution=sol, objective=check_kp(inst, sol), initial_objective=initial,
                     history=history, timings={"divide": t_div, "conquer": time.perf_counter() - t1},
                     time=time.perf_counter() - t0)

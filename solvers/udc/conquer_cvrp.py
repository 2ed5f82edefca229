"""The conquering policy for CVRP: an attention model that re-solves a small CVRP (a depot and up to ~100
customers, coordinates rescaled to the unit square, demands as fractions of the capacity).

Architecture (Kool et al. 2019 / POMO, Kwon et al. 2020, shrunk for CPU): a transformer encoder over the
depot and customer embeddings; a decoder that, from the last node and the load left, attends over the
nodes (one multi-head glimpse, then a single-head pointer with tanh clipping) and picks the next node.
Masks forbid visited customers, customers whose demand exceeds the load left, and the depot twice in a
row. POMO multi-start: rollout p starts with customer p, so every sub-problem gets P different
solutions at once, and their mean length is the shared REINFORCE baseline in training.

Sub-problems of different sizes share one batch: missing customers are padding, masked in the encoder
and never selectable.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
import torch
from torch import nn


class AttentionEncoder(nn.Module):
    """A stack of transformer layers over already embedded nodes (B, N, d); `pad` (B, N) is True for
    padding. Shared with the knapsack conquering model."""

    def __init__(self, dim: int = 64, heads: int = 4, layers: int = 3, ff: int = 128) -> None:
        super().__init__()
        layer = nn.TransformerEncoderLayer(dim, heads, ff, dropout=0.0, batch_first=True, norm_first=True)
        self.net = nn.TransformerEncoder(layer, layers, enable_nested_tensor=False)
        self.norm = nn.LayerNorm(dim)

    def forward(self, h: torch.Tensor, pad: torch.Tensor | None = None) -> torch.Tensor:
        return self.norm(self.net(h, src_key_padding_mask=pad))


class PointerDecoder(nn.Module):
    """Glimpse + pointer over fixed node embeddings; the context is the embedding of the current node
    (or item summary) concatenated with `ctx_dim` state numbers. Keys are computed once per rollout."""

    def __init__(self, dim: int, heads: int, ctx_dim: int, clip: float = 10.0) -> None:
        super().__init__()
        self.dim, self.heads, self.clip = dim, heads, clip
        self.q = nn.Linear(dim + ctx_dim, dim, bias=False)
        self.kvk = nn.Linear(dim, 3 * dim, bias=False)
        self.out = nn.Linear(dim, dim, bias=False)

    def precompute(self, h: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
        b, n, d = h.shape
        k, v, k2 = self.kvk(h).chunk(3, dim=-1)
        hd = d // self.heads
        k = k.view(b, n, self.heads, hd).transpose(1, 2)  # (B, H, N, hd)
        v = v.view(b, n, self.heads, hd).transpose(1, 2)
        return k, v, k2

    def logits(self, keys: tuple[torch.Tensor, torch.Tensor, torch.Tensor], query_in: torch.Tensor,
               mask: torch.Tensor) -> torch.Tensor:
        """query_in (B, P, dim + ctx_dim), mask (B, P, N) True = forbidden -> log-probabilities (B, P, N)."""
        k, v, k2 = keys
        b, p, _ = query_in.shape
        hd = self.dim // self.heads
        q = self.q(query_in).view(b, p, self.heads, hd).transpose(1, 2)  # (B, H, P, hd)
        glimpse = nn.functional.scaled_dot_product_attention(q, k, v, attn_mask=~mask[:, None])
        g = self.out(glimpse.transpose(1, 2).reshape(b, p, self.dim))
        u = self.clip * torch.tanh(g @ k2.transpose(-1, -2) / math.sqrt(self.dim))
        return torch.log_softmax(u.masked_fill(mask, float("-inf")), dim=-1)


class CVRPConquerModel(nn.Module):
    def __init__(self, dim: int = 64, heads: int = 4, layers: int = 3, ff: int = 128) -> None:
        super().__init__()
        self.config = {"dim": dim, "heads": heads, "layers": layers, "ff": ff}
        self.embed_depot = nn.Linear(2, dim)
        self.embed_cust = nn.Linear(3, dim)
        self.encoder = AttentionEncoder(dim, heads, layers, ff)
        self.decoder = PointerDecoder(dim, heads, ctx_dim=1)


@dataclass
class SubBatch:
    """B sub-CVRPs in the unit square: depot (B, 2), customers (B, M, 2) (padded), demand as a fraction
    of the capacity (B, M), valid (B, M) False for padding."""

    depot: torch.Tensor
    xy: torch.Tensor
    demand: torch.Tensor
    valid: torch.Tensor


def augment8(sb: SubBatch) -> SubBatch:
    """The 8 symmetries of the unit square (POMO's instance augmentation): batch becomes 8 B, copy-major."""

    def sym(p: torch.Tensor) -> list[torch.Tensor]:
        x, y = p[..., :1], p[..., 1:]
        return [torch.cat(t, -1) for t in ((x, y), (1 - x, y), (x, 1 - y), (1 - x, 1 - y),
                                           (y, x), (1 - y, x), (y, 1 - x), (1 - y, 1 - x))]

    return SubBatch(torch.cat(sym(sb.depot), 0), torch.cat(sym(sb.xy), 0), sb.demand.repeat(8, 1),
                    sb.valid.repeat(8, 1))


def rollout(model: CVRPConquerModel, sb: SubBatch, n_starts: int | None = None, greedy: bool = True,
            generator: torch.Generator | None = None) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    """POMO rollouts: (actions (B, P, T) node ids, 0 = depot, customer c = c + 1; lengths (B, P) in the
    unit-square scale; summed log-probabilities (B, P)). Rollout p starts at the p-th valid customer
    (P = n_starts or the largest number of valid customers; starts wrap around for smaller
    sub-problems)."""
    b, m = sb.valid.shape
    n = m + 1
    dev = sb.xy.device
    h = torch.cat([model.embed_depot(sb.depot)[:, None],
                   model.embed_cust(torch.cat([sb.xy, sb.demand[..., None]], -1))], 1)
    pad = torch.cat([torch.zeros(b, 1, dtype=torch.bool, device=dev), ~sb.valid], 1)
    h = model.encoder(h, pad)
    keys = model.decoder.precompute(h)
    nvalid = sb.valid.sum(1)  # (B,)
    p = int(n_starts or int(nvalid.max()))
    # Start customers: the valid customers in order, wrapped.
    order = torch.argsort((~sb.valid).to(torch.int8), dim=1, stable=True)  # valid first
    idx = torch.arange(p, device=dev)[None] % nvalid[:, None].clamp(min=1)
    start = torch.gather(order, 1, idx) + 1  # (B, P) node ids
    coords = torch.cat([sb.depot[:, None], sb.xy], 1)  # (B, N, 2)
    dem = torch.cat([torch.zeros(b, 1, device=dev), sb.demand], 1)  # (B, N)
    visited = pad[:, None].expand(b, p, n).clone()
    visited.scatter_(2, start[..., None], True)
    load = 1.0 - torch.gather(dem, 1, start)
    cur = start
    length = torch.linalg.norm(torch.gather(coords, 1, start[..., None].expand(b, p, 2)) - sb.depot[:, None], dim=-1)
    logp = torch.zeros(b, p, device=dev)
    actions = [torch.zeros(b, p, dtype=torch.long, device=dev), start]
    only_depot = torch.ones(b, p, n, dtype=torch.bool, device=dev)
    only_depot[..., 0] = False
    for _ in range(2 * m + 2):
        cust_left = ~visited[..., 1:].all(-1)  # (B, P)
        if not bool(cust_left.any()):
            break
        mask = visited | (dem[:, None] > load[..., None] + 1e-6)
        mask[..., 0] = cur == 0  # the depot is free unless we are at it
        # A finished rollout stays at the depot.
        mask = torch.where(cust_left[..., None], mask, only_depot)
        q_in = torch.cat([torch.gather(h, 1, cur[..., None].expand(b, p, h.shape[-1])), load[..., None]], -1)
        lp = model.decoder.logits(keys, q_in, mask)
        if greedy:
            nxt = lp.argmax(-1)
        else:
            nxt = torch.multinomial(lp.exp().view(b * p, n), 1, generator=generator).view(b, p)
        logp = logp + torch.gather(lp, 2, nxt[..., None]).squeeze(-1)
        nc = torch.gather(coords, 1, nxt[..., None].expand(b, p, 2))
        cc = torch.gather(coords, 1, cur[..., None].expand(b, p, 2))
        length = length + torch.linalg.norm(nc - cc, dim=-1)
        visited.scatter_(2, nxt[..., None], True)
        visited[..., 0] = False
        load = torch.where(nxt == 0, torch.ones_like(load), load - torch.gather(dem, 1, nxt))
        cur = nxt
        actions.append(nxt)
    length = length + torch.linalg.norm(torch.gather(coords, 1, cur[..., None].expand(b, p, 2))
                                        - sb.depot[:, None], dim=-1)
    return torch.stack(actions, -1), length, logp


def actions_to_routes(actions: np.ndarray) -> list[list[int]]:
    """Node-id sequence (0 = depot) -> routes of 0-based customer indices."""
    routes: list[list[int]] = []
    cur: list[int] = []
    for a in actions.tolist():
        if a == 0:
            if cur:
                routes.append(cur)
            cur = []
        else:
            cur.append(a - 1)
    if cur:
        routes.append(cur)
    return routes


def normalise(depot: np.ndarray, xy: np.ndarray) -> tuple[np.ndarray, np.ndarray, float]:
    """Translate and scale a sub-problem into the unit square (depot included); returns the scale that
    turns unit-square lengths back into the original ones."""
    pts = np.vstack([depot[None], xy])
    lo = pts.min(0)
    scale = float((pts.max(0) - lo).max()) or 1.0
    return (depot - lo) / scale, (xy - lo) / scale, scale


def make_subbatch(subs: list[tuple[np.ndarray, np.ndarray, np.ndarray]]) -> SubBatch:
    """Sub-problems (depot, customers, demand fractions) already in the unit square -> a padded batch."""
    m = max(len(s[1]) for s in subs)
    b = len(subs)
    depot = np.zeros((b, 2), np.float32)
    xy = np.zeros((b, m, 2), np.float32)
    dem = np.zeros((b, m), np.float32)
    valid = np.zeros((b, m), bool)
    for i, (d, c, q) in enumerate(subs):
        depot[i], xy[i, : len(c)], dem[i, : len(c)], valid[i, : len(c)] = d, c, q, True
    return SubBatch(torch.from_numpy(depot), torch.from_numpy(xy), torch.from_numpy(dem), torch.from_numpy(valid))


def solve_subproblems(model: CVRPConquerModel, subs: list[tuple[np.ndarray, np.ndarray, np.ndarray]],
                      augment: bool = True, n_starts: int | None = None,
                      ) -> list[tuple[float, list[list[int]]]]:
    """Best (unit-square length, routes with indices into each sub-problem's customers) per sub-problem,
    from all starts (and the 8 symmetric copies when `augment`), greedy decoding, one forward pass."""
    sb = make_subbatch(subs)
    b = len(subs)
    if augment:
        sb = augment8(sb)
    with torch.no_grad():
        actions, length, _ = rollout(model, sb, n_starts=n_starts, greedy=True)
    k = 8 if augment else 1
    length = length.view(k, b, -1).permute(1, 0, 2).reshape(b, -1)
    actions = actions.view(k, b, actions.shape[1], -1).permute(1, 0, 2, 3).reshape(b, -1, actions.shape[-1])
    best = length.argmin(1)
    out = []
    for i in range(b):
        j = int(best[i])
        out.append((float(length[i, j]), actions_to_routes(actions[i, j].numpy())))
    return out

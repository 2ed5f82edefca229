"""UDC's TSP conquering policy: an attention model that re-orders an open path with fixed ends.

A sub-problem is m points in the unit square; point 0 is where the path starts and point m-1 where it
must end; the model chooses the order of the m-2 points between them. The network is the attention
model of Kool et al. (2019) cut to size: a transformer encoder over the points (features x, y, is-start,
is-end) and a pointer decoder whose query is built from the mean embedding, the current point and the
fixed end point (so the path "knows" where it has to arrive).

Why open paths: the conquering step cuts a whole tour into consecutive pieces; re-ordering the inside of
a piece while keeping its two ends leaves the rest of the tour untouched, so every piece can be solved
independently and in one batch.

`solve_paths` is what inference uses: each sub-problem is seen under up to 16 symmetric variants (the 8
rotations/reflections of the square, each in both directions: a path from a to b reversed is a path
from b to a), each decoded greedily or sampled; the shortest path per sub-problem wins. All
sub-problems of a conquering round go through one forward pass.
"""

from __future__ import annotations

import math
from dataclasses import asdict, dataclass

import numpy as np
import torch
from torch import nn


@dataclass(frozen=True)
class ConquerConfig:
    dim: int = 64
    heads: int = 4
    layers: int = 3
    ff: int = 256
    clip: float = 10.0


class PathSolver(nn.Module):
    """Encoder + pointer decoder for open paths with fixed start (node 0) and end (node m-1)."""

    def __init__(self, cfg: ConquerConfig | None = None) -> None:
        super().__init__()
        self.cfg = cfg = cfg or ConquerConfig()
        d = cfg.dim
        self.embed = nn.Linear(4, d)
        layer = nn.TransformerEncoderLayer(d, cfg.heads, cfg.ff, dropout=0.0, batch_first=True, norm_first=True)
        self.encoder = nn.TransformerEncoder(layer, cfg.layers, enable_nested_tensor=False)
        self.final_norm = nn.LayerNorm(d)
        self.project_keys = nn.Linear(d, 3 * d, bias=False)  # glimpse keys, glimpse values, pointer keys
        self.q_fixed = nn.Linear(2 * d, d, bias=False)  # [mean embedding, end point]
        self.q_step = nn.Linear(d, d, bias=False)  # current point
        self.out = nn.Linear(d, d, bias=False)

    def config(self) -> dict:
        return asdict(self.cfg)

    def encode(self, xy: torch.Tensor) -> torch.Tensor:
        b, m, _ = xy.shape
        flags = torch.zeros(b, m, 2, dtype=xy.dtype, device=xy.device)
        flags[:, 0, 0] = 1.0
        flags[:, -1, 1] = 1.0
        return self.final_norm(self.encoder(self.embed(torch.cat([xy, flags], dim=-1))))

    def rollout(self, xy: torch.Tensor, samples: int = 1, greedy: bool = False,
                generator: torch.Generator | None = None, greedy_first: bool = False) -> tuple[torch.Tensor, torch.Tensor]:
        """Decode `samples` paths per sub-problem of `xy` (B, m, 2), rows grouped per sub-problem
        (row b * samples + s): all greedy, all sampled, or (`greedy_first`) sample 0 greedy and the
        others sampled. Returns the interior order (B*S, m-2), node indices in 1..m-2, and the
        summed log-probability of each path (B*S,).

        The samples of one sub-problem share its keys: queries are (B, H, S, dh) against keys
        (B, H, dh, m), one batched matrix product per step, no copy of the keys per sample."""
        b, m, _ = xy.shape
        d, hh, s = self.cfg.dim, self.cfg.heads, samples
        dh = d // hh
        h = self.encode(xy)  # (B, m, d)
        kg, vg, kl = self.project_keys(h).chunk(3, dim=-1)
        kg_t = kg.view(b, m, hh, dh).permute(0, 2, 3, 1).contiguous()  # (B, H, dh, m)
        vg = vg.view(b, m, hh, dh).transpose(1, 2).contiguous()  # (B, H, m, dh)
        kl_t = kl.transpose(1, 2).contiguous()  # (B, d, m)
        q0 = self.q_fixed(torch.cat([h.mean(dim=1), h[:, -1]], dim=-1)).unsqueeze(1)  # (B, 1, d)
        mask = torch.zeros(b, s, m, dtype=torch.bool, device=h.device)
        mask[:, :, 0] = True
        mask[:, :, -1] = True
        cur = torch.zeros(b, s, dtype=torch.long, device=h.device)
        order = torch.empty(b, s, max(m - 2, 0), dtype=torch.long, device=h.device)
        logp = torch.zeros(b, s, dtype=h.dtype, device=h.device)
        neg = torch.finfo(h.dtype).min
        for t in range(m - 2):
            hc = h.gather(1, cur.unsqueeze(-1).expand(b, s, d))  # (B, S, d)
            q = q0 + self.q_step(hc)
            qh = q.view(b, s, hh, dh).transpose(1, 2)  # (B, H, S, dh)
            compat = (qh @ kg_t) / math.sqrt(dh)  # (B, H, S, m)
            compat = compat.masked_fill(mask.unsqueeze(1), neg)
            glimpse = (torch.softmax(compat, dim=-1) @ vg).transpose(1, 2).reshape(b, s, d)
            logits = (self.out(glimpse) @ kl_t) / math.sqrt(d)  # (B, S, m)
            logits = (self.cfg.clip * torch.tanh(logits)).masked_fill(mask, neg)
            lp = torch.log_softmax(logits, dim=-1)
            if greedy:
                nxt = lp.argmax(dim=-1)
            else:
                nxt = torch.multinomial(lp.exp().view(b * s, m), 1, generator=generator).view(b, s)
                if greedy_first:
                    nxt[:, 0] = lp[:, 0].argmax(dim=-1)
            logp = logp + lp.gather(-1, nxt.unsqueeze(-1)).squeeze(-1)
            order[:, :, t] = nxt
            if torch.is_grad_enabled():
                mask = mask.clone()  # masked_fill saved the old mask for backward
            mask.scatter_(-1, nxt.unsqueeze(-1), True)
            cur = nxt
        return order.view(b * s, -1), logp.view(b * s)


def path_lengths(xy: torch.Tensor, order: torch.Tensor, samples: int = 1) -> torch.Tensor:
    """Length of start -> interior `order` -> end for each row (rows grouped `samples` per sub-problem)."""
    if samples > 1:
        xy = xy.repeat_interleave(samples, dim=0)
    bs, m, _ = xy.shape
    dev = order.device
    idx = torch.cat([torch.zeros(bs, 1, dtype=torch.long, device=dev), order,
                     torch.full((bs, 1), m - 1, dtype=torch.long, device=dev)], 1)
    pts = xy.gather(1, idx.unsqueeze(-1).expand(-1, -1, 2))
    return (pts[:, 1:] - pts[:, :-1]).norm(dim=-1).sum(dim=1)


def normalise(xy: np.ndarray) -> np.ndarray:
    """Each sub-problem (K, m, 2) shifted and scaled (same factor on both axes) into the unit square."""
    lo = xy.min(axis=1, keepdims=True)
    span = (xy.max(axis=1, keepdims=True) - lo).max(axis=2, keepdims=True)
    return (xy - lo) / np.maximum(span, 1e-12)


_SYMMETRIES = (
    lambda x, y: (x, y), lambda x, y: (y, x), lambda x, y: (1 - x, y), lambda x, y: (x, 1 - y),
    lambda x, y: (1 - x, 1 - y), lambda x, y: (y, 1 - x), lambda x, y: (1 - y, x), lambda x, y: (1 - y, 1 - x),
)


def variants(xy: np.ndarray, n_variants: int) -> np.ndarray:
    """(V, K, m, 2): variant v is symmetry v // 2 of the square, read forward (v even) or back to front
    (v odd: start and end swap), so any V in 1..16 mixes both directions."""
    out = []
    for v in range(n_variants):
        x, y = _SYMMETRIES[v // 2](xy[..., 0], xy[..., 1])
        p = np.stack([x, y], axis=-1)
        out.append(p[:, ::-1] if v % 2 else p)
    return np.stack(out)


@torch.inference_mode()
def solve_paths(model: PathSolver, xy: np.ndarray, *, n_variants: int = 8, samples: int = 1,
                greedy: bool = True, seed: int = 0) -> tuple[np.ndarray, np.ndarray]:
    """Best path per sub-problem. xy (K, m, 2) in any scale (normalised here). Per variant: one greedy
    path (greedy=True, samples=1), or `samples` paths of which the first is greedy and the rest sampled
    (samples > 1), or `samples` sampled paths (greedy=False). Returns (order, length): order (K, m-2) the
    interior in original point indices 1..m-2, length (K,) in normalised units."""
    k, m, _ = xy.shape
    if m < 4:
        return np.tile(np.arange(1, m - 1), (k, 1)), np.zeros(k)
    n_variants = max(1, min(16, n_variants))
    base = normalise(xy)
    var = variants(base, n_variants)  # (V, K, m, 2)
    batch = torch.as_tensor(np.ascontiguousarray(var.reshape(n_variants * k, m, 2)), dtype=torch.float32)
    gen = torch.Generator().manual_seed(seed)
    s = max(1, samples)
    order, _ = model.rollout(batch, samples=s, greedy=greedy and s == 1, generator=gen, greedy_first=greedy)
    order = order.view(n_variants, k, s, m - 2).numpy()
    # map every variant back to the original point order
    for v in range(n_variants):
        if v % 2:
            order[v] = (m - 1 - order[v])[..., ::-1]
    cand = np.transpose(order, (1, 0, 2, 3)).reshape(k, n_variants * s, m - 2)
    full = np.concatenate([np.zeros((k, cand.shape[1], 1), np.int64), cand,
                           np.full((k, cand.shape[1], 1), m - 1, np.int64)], axis=2)
    pts = base[np.arange(k)[:, None, None], full]  # (K, C, m, 2)
    lengths = np.sqrt(((pts[:, :, 1:] - pts[:, :, :-1]) ** 2).sum(-1)).sum(-1)
    best = lengths.argmin(axis=1)
    return cand[np.arange(k), best], lengths[np.arange(k), best]


def save(model: PathSolver, path: str, extra: dict | None = None) -> None:
    torch.save({"config": model.config(), "state_dict": model.state_dict(), **(extra or {})}, path)


def load(path: str) -> PathSolver:
    blob = torch.load(path, map_location="cpu", weights_only=True)
    model = PathSolver(ConquerConfig(**blob["config"]))
    model.load_state_dict(blob["state_dict"])
    model.sub_size = int(blob.get("sub_size", 100))  # the piece size it was trained for
    return model.eval()

"""The conquering policy for knapsack: an attention model that re-solves a sub-knapsack of up to ~100
items (weights as fractions of the sub-capacity, values and value/weight ratios scaled to at most 1).

A transformer encoder embeds the items; the decoder, from the mean item embedding, the last item taken
and the capacity left, points to the next item to pack. Masks forbid items already packed, items that
no longer fit, and padding; a rollout stops when nothing fits (values are non-negative, so filling up
never hurts). POMO multi-start: rollout p packs item p first; the mean value over starts is the shared
REINFORCE baseline in training.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import torch
from torch import nn

from solvers.udc.conquer_cvrp import AttentionEncoder, PointerDecoder


class KPConquerModel(nn.Module):
    def __init__(self, dim: int = 64, heads: int = 4, layers: int = 2, ff: int = 128) -> None:
        super().__init__()
        self.config = {"dim": dim, "heads": heads, "layers": layers, "ff": ff}
        self.embed = nn.Linear(4, dim)
        self.encoder = AttentionEncoder(dim, heads, layers, ff)
        self.decoder = PointerDecoder(dim, heads, ctx_dim=dim + 1)


@dataclass
class KPSubBatch:
    """B sub-knapsacks: weight / sub-capacity (B, M), value / max value (B, M), valid (B, M)."""

    w: torch.Tensor
    v: torch.Tensor
    valid: torch.Tensor


def features(w: torch.Tensor, v: torch.Tensor, valid: torch.Tensor) -> torch.Tensor:
    r = v / w.clamp(min=1e-9)
    r = r / r.masked_fill(~valid, 0).amax(1, keepdim=True).clamp(min=1e-9)
    # rank of the ratio within the sub-problem, 1 = best
    rank = (r[:, None, :] > r[:, :, None]).logical_and(valid[:, None, :]).sum(-1).float()
    rank = 1 - rank / valid.sum(1, keepdim=True).clamp(min=1)
    return torch.stack([w.clamp(max=2.0), v, r, rank], -1)


def rollout(model: KPConquerModel, sb: KPSubBatch, n_starts: int | None = None, greedy: bool = True,
            generator: torch.Generator | None = None) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    """POMO rollouts: (selection (B, P, M) bool, packed scaled value (B, P), summed log-probs (B, P)).
    Rollout p packs the p-th valid item first (when it fits)."""
    b, m = sb.w.shape
    h = model.encoder(model.embed(features(sb.w, sb.v, sb.valid)), ~sb.valid)
    keys = model.decoder.precompute(h)
    nvalid = sb.valid.sum(1)
    p = int(n_starts or int(nvalid.max()))
    order = torch.argsort((~sb.valid).to(torch.int8), dim=1, stable=True)
    start = torch.gather(order, 1, torch.arange(p)[None] % nvalid[:, None].clamp(min=1))  # (B, P)
    mean = (h * sb.valid[..., None]).sum(1) / nvalid[:, None].clamp(min=1)
    sel = torch.zeros(b, p, m, dtype=torch.bool)
    fits0 = torch.gather(sb.w, 1, start) <= 1.0 + 1e-6
    sel.scatter_(2, start[..., None], fits0[..., None])
    rem = 1.0 - torch.where(fits0, torch.gather(sb.w, 1, start), torch.zeros_like(fits0, dtype=sb.w.dtype))
    last = torch.where(fits0[..., None], torch.gather(h, 1, start[..., None].expand(b, p, h.shape[-1])),
                       torch.zeros(b, p, h.shape[-1]))
    logp = torch.zeros(b, p)
    pad = ~sb.valid[:, None].expand(b, p, m)
    for _ in range(m):
        mask = sel | pad | (sb.w[:, None] > rem[..., None] + 1e-6)
        live = ~mask.all(-1)
        if not bool(live.any()):
            break
        safe = mask.clone()
        safe[..., 0] = safe[..., 0] & live  # keep one option open for finished rollouts
        q_in = torch.cat([last, mean[:, None].expand(b, p, -1), rem[..., None]], -1)
        lp = model.decoder.logits(keys, q_in, safe)
        if greedy:
            nxt = lp.argmax(-1)
        else:
            nxt = torch.multinomial(lp.exp().view(b * p, m), 1, generator=generator).view(b, p)
        logp = logp + torch.where(live, torch.gather(lp, 2, nxt[..., None]).squeeze(-1), torch.zeros_like(logp))
        take = live
        sel = sel | (torch.nn.functional.one_hot(nxt, m).bool() & take[..., None])
        rem = rem - torch.where(take, torch.gather(sb.w, 1, nxt), torch.zeros_like(rem))
        last = torch.where(take[..., None], torch.gather(h, 1, nxt[..., None].expand(b, p, h.shape[-1])), last)
    value = (sel.float() * sb.v[:, None]).sum(-1)
    return sel, value, logp


def make_subbatch(subs: list[tuple[np.ndarray, np.ndarray]]) -> KPSubBatch:
    """Sub-knapsacks (weights / sub-capacity, values / max value) -> a padded batch."""
    m = max(len(s[0]) for s in subs)
    b = len(subs)
    w = np.ones((b, m), np.float32)
    v = np.zeros((b, m), np.float32)
    valid = np.zeros((b, m), bool)
    for i, (wi, vi) in enumerate(subs):
        w[i, : len(wi)], v[i, : len(vi)], valid[i, : len(wi)] = wi, vi, True
    return KPSubBatch(torch.from_numpy(w), torch.from_numpy(v), torch.from_numpy(valid))


def solve_subproblems(model: KPConquerModel, subs: list[tuple[np.ndarray, np.ndarray]], samples: int = 0,
                      seed: int = 0) -> list[list[np.ndarray]]:
    """Candidate selections per sub-problem (bool arrays over its items), best scaled value first: the
    greedy rollout from every start, plus `samples` sampled rollouts per start."""
    sb = make_subbatch(subs)
    with torch.no_grad():
        sel, val, _ = rollout(model, sb, greedy=True)
        if samples:
            gen = torch.Generator().manual_seed(seed)
            reps = KPSubBatch(sb.w.repeat(samples, 1), sb.v.repeat(samples, 1), sb.valid.repeat(samples, 1))
            s2, v2, _ = rollout(model, reps, greedy=False, generator=gen)
            b = len(subs)
            sel = torch.cat([sel] + list(s2.view(samples, b, *s2.shape[1:]).unbind(0)), 1)
            val = torch.cat([val] + list(v2.view(samples, b, -1).unbind(0)), 1)
    out = []
    for i, (wi, _) in enumerate(subs):
        order = torch.argsort(val[i], descending=True)[:8]
        out.append([sel[i, j, : len(wi)].numpy() for j in order.tolist()])
    return out

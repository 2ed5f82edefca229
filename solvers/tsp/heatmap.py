"""Edge heatmaps for the search, stored sparsely: k candidate cities per city and their weights.

- SoftDist (Xia et al., ICML 2024): H_ij = softmax_j(-d_ij / tau) with d_ii = inf. The softmax is taken
  over the k nearest cities only: with the small temperatures used (tau ~ 0.002..0.007 on the unit
  square) the mass outside them is negligible, and it keeps n = 10,000 at O(n k) memory.
- k-nearest prior: parameter-free, the weight of a city's r-th nearest neighbour is proportional to 1/r.
- A user heatmap: a dense (n, n) array, or a sparse pair (cand (n, k) ints, weight (n, k)).
Neighbours come from a KD-tree (scipy.spatial.cKDTree); no n x n matrix is ever built from coordinates.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from solvers.tsp.io import TSPInputError

# SoftDist temperatures reported for n = 500 / 1,000 / 10,000 (unit-square coordinates)
TAU_POINTS = ((500, 0.0066), (1000, 0.0051), (10000, 0.0018))


@dataclass
class SparseHeatmap:
    """cand[i, j]: the j-th candidate city of i (sorted by distance, -1 for none); prob[i, j]: its
    heatmap value H_ij (rows sum to 1 over the stored candidates)."""

    cand: np.ndarray  # int64 (n, k)
    prob: np.ndarray  # float64 (n, k)
    name: str


def default_tau(n: int) -> float:
    """SoftDist temperature for n cities: linear in log n between the published points, clamped."""
    ns = np.log([p[0] for p in TAU_POINTS])
    taus = [p[1] for p in TAU_POINTS]
    return float(np.interp(np.log(max(n, 2)), ns, taus))


def normalise(coords: np.ndarray) -> np.ndarray:
    """Coordinates moved and scaled into the unit square (the scale the temperatures assume)."""
    lo = coords.min(axis=0)
    span = float((coords.max(axis=0) - lo).max()) or 1.0
    return (coords - lo) / span


def nearest(coords: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]:
    """The k nearest other cities of each city and their distances, nearest first (KD-tree)."""
    from scipy.spatial import cKDTree

    n = len(coords)
    k = min(k, n - 1)
    d, idx = cKDTree(coords).query(coords, k=k + 1)
    # drop each city itself (distance 0; cities are distinct, so it is always the first hit)
    return idx[:, 1:].astype(np.int64), d[:, 1:]


def softdist(coords: np.ndarray, k: int = 10, tau: float | None = None) -> SparseHeatmap:
    xy = normalise(coords)
    idx, d = nearest(xy, k)
    t = default_tau(len(coords)) if tau is None else float(tau)
    if t <= 0:
        raise TSPInputError(f"SoftDist temperature tau must be positive; got {t}.")
    logits = -(d - d[:, :1]) / t  # shifted by the row's nearest distance: exp never overflows
    p = np.exp(logits)
    p /= p.sum(axis=1, keepdims=True)
    return SparseHeatmap(idx, p, f"softdist(tau={t:.4g})")


def knn_prior(coords: np.ndarray, k: int = 10) -> SparseHeatmap:
    idx, _ = nearest(coords, k)
    p = np.tile(1.0 / np.arange(1, idx.shape[1] + 1), (len(coords), 1))
    p /= p.sum(axis=1, keepdims=True)
    return SparseHeatmap(idx, p, "knn-prior(1/rank)")


def from_array(coords: np.ndarray, heat: object, k: int = 10) -> SparseHeatmap:
    """A user heatmap: dense (n, n), or a (cand, weight) pair of (n, k) arrays. Candidates are re-sorted
    by distance (the search prunes on that order); zero-weight entries stay usable by the fallback."""
    n = len(coords)
    if isinstance(heat, tuple) and len(heat) == 2:
        cand = np.asarray(heat[0], dtype=np.int64)
        w = np.asarray(heat[1], dtype=np.float64)
        if cand.shape != w.shape or cand.ndim != 2 or cand.shape[0] != n:
            raise TSPInputError(f"A sparse heatmap is (cand, weight), both (n, k) with n = {n}; got {cand.shape} and {w.shape}.")
        if ((cand < -1) | (cand >= n)).any() or (cand == np.arange(n)[:, None]).any():
            raise TSPInputError("Sparse heatmap candidates must be other cities' indices 0..n-1 (or -1 for none).")
    else:
        h = np.asarray(heat, dtype=np.float64)
        if h.shape != (n, n):
            raise TSPInputError(f"A dense heatmap must be (n, n) = ({n}, {n}); got {h.shape}.")
        h = h.copy()
        np.fill_diagonal(h, -np.inf)
        kk = min(k, n - 1)
        cand = np.argpartition(-h, kk - 1, axis=1)[:, :kk].astype(np.int64)
        w = np.take_along_axis(h, cand, axis=1)
    if not np.isfinite(w[cand >= 0]).all() or (w[cand >= 0] < 0).any():
        raise TSPInputError("Heatmap values must be finite and non-negative.")
    d = np.where(cand >= 0, np.hypot(*(coords[np.maximum(cand, 0)] - coords[:, None, :]).transpose(2, 0, 1)), np.inf)
    order = np.argsort(d, axis=1, kind="stable")
    cand = np.take_along_axis(cand, order, axis=1)
    w = np.take_along_axis(w, order, axis=1)
    s = w.sum(axis=1, keepdims=True)
    w = np.where(s > 0, w / np.where(s > 0, s, 1.0), 1.0 / w.shape[1])
    return SparseHeatmap(cand, w, "user")


def build(coords: np.ndarray, heatmap: object = "softdist", k: int = 10, tau: float | None = None) -> SparseHeatmap:
    """The heatmap named by `heatmap`: "softdist", "knn", or a user array (see from_array)."""
    if isinstance(heatmap, str):
        if heatmap == "softdist":
            return softdist(coords, k, tau)
        if heatmap == "knn":
            return knn_prior(coords, k)
        raise TSPInputError(f"Unknown heatmap {heatmap!r}: use 'softdist', 'knn', or pass an array.")
    return from_array(coords, heatmap, k)

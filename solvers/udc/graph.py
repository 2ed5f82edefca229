"""Sparse k-nearest-neighbour graphs, the input of the dividing GNN.

A graph is directed edges i -> j for the k nearest j of every i (so n * k edges), with their Euclidean
lengths. Several instances are batched as one disjoint graph (`batch_graphs`), which is how the GNN
sees a batch without padding.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np


@dataclass(frozen=True)
class KNNGraph:
    edge_index: np.ndarray  # (2, n * k) int64: row 0 source i, row 1 target j
    dist: np.ndarray  # (n * k,) float64: |x_i - x_j|
    n: int
    k: int

    def neighbours(self) -> np.ndarray:
        """(n, k) targets of each node, nearest first."""
        return self.edge_index[1].reshape(self.n, self.k)


def knn_graph(coords: np.ndarray, k: int) -> KNNGraph:
    """The k-nearest-neighbour graph of `coords` (n, 2); k is capped at n - 1."""
    from scipy.spatial import cKDTree

    xy = np.asarray(coords, dtype=np.float64)
    n = len(xy)
    k = max(1, min(k, n - 1))
    dist, idx = cKDTree(xy).query(xy, k=k + 1)
    # Column 0 is the point itself (distances are unique after validation), except with exact ties.
    src = np.repeat(np.arange(n), k)
    nbr, d = idx[:, 1:], dist[:, 1:]
    self_hit = nbr == np.arange(n)[:, None]
    if self_hit.any():  # a duplicate point sorted before the query point: take column 0 instead
        nbr = np.where(self_hit, idx[:, :1], nbr)
        d = np.where(self_hit, dist[:, :1], d)
    return KNNGraph(edge_index=np.vstack([src, nbr.reshape(-1)]).astype(np.int64), dist=d.reshape(-1), n=n, k=k)


def batch_graphs(graphs: list[KNNGraph]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """One disjoint graph from several: (edge_index, dist, node offsets)."""
    offsets = np.cumsum([0] + [g.n for g in graphs])
    ei = np.hstack([g.edge_index + off for g, off in zip(graphs, offsets[:-1], strict=True)])
    return ei, np.concatenate([g.dist for g in graphs]), offsets

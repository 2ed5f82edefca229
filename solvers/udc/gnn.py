"""The dividing policy's network: an anisotropic, edge-gated graph network on a sparse k-NN graph
(Bresson & Laurent 2017; Joshi et al. 2019; used by DIMES, GLOP and UDC).

Each layer updates edges from their two end nodes, then nodes from their neighbours weighted by gates
sigmoid(e_ij) normalised per node ("anisotropic": each neighbour gets its own weight):

    e_ij <- e_ij + ReLU(LN(A e_ij + B h_i + C h_j))
    h_i  <- h_i  + ReLU(LN(U h_i + sum_j g_ij * V h_j / (sum_j g_ij + eps))),  g_ij = sigmoid(e_ij)

The head maps each final edge embedding to a logit: the policy's score for "j follows i".
LayerNorm (not BatchNorm) so that a batch of one graph behaves like a batch of many.
"""

from __future__ import annotations

import torch
from torch import nn


class GatedLayer(nn.Module):
    def __init__(self, hidden: int) -> None:
        super().__init__()
        self.A, self.B, self.C = (nn.Linear(hidden, hidden) for _ in range(3))
        self.U, self.V = nn.Linear(hidden, hidden), nn.Linear(hidden, hidden)
        self.norm_e, self.norm_h = nn.LayerNorm(hidden), nn.LayerNorm(hidden)

    def forward(self, h: torch.Tensor, e: torch.Tensor, edge_index: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
        src, dst = edge_index
        e = e + torch.relu(self.norm_e(self.A(e) + self.B(h)[src] + self.C(h)[dst]))
        gate = torch.sigmoid(e)
        msg = gate * self.V(h)[dst]
        agg = torch.zeros_like(h).index_add_(0, src, msg)
        norm = torch.zeros_like(h).index_add_(0, src, gate)
        h = h + torch.relu(self.norm_h(self.U(h) + agg / (norm + 1e-6)))
        return h, e


class EdgeGatedGNN(nn.Module):
    """Node features (N, node_dim) and edge features (E, edge_dim) on `edge_index` (2, E) -> edge
    logits (E,). Graphs of a batch are one disjoint graph (see graph.batch_graphs)."""

    def __init__(self, node_dim: int, edge_dim: int, hidden: int = 64, layers: int = 6) -> None:
        super().__init__()
        self.node_in = nn.Linear(node_dim, hidden)
        self.edge_in = nn.Linear(edge_dim, hidden)
        self.layers = nn.ModuleList(GatedLayer(hidden) for _ in range(layers))
        self.head = nn.Sequential(nn.Linear(hidden, hidden), nn.ReLU(), nn.Linear(hidden, 1))

    def forward(self, x: torch.Tensor, edge_attr: torch.Tensor, edge_index: torch.Tensor) -> torch.Tensor:
        h, e = self.node_in(x), self.edge_in(edge_attr)
        for layer in self.layers:
            h, e = layer(h, e, edge_index)
        return self.head(e).squeeze(-1)

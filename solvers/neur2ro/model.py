"""The second-stage value network: DeepSets over items, built to be optimised over inside a MILP.

    Q(x, xi) / scale  ~  head( mean_i x_i a(z_i),  mean_i xi_i b(z_i),  mean_i x_i xi_i g(z_i) )

z_i are item i's features (Instance.features); a, b, g are small per-item encoders of the features alone,
and each item's embedding is multiplied by its decision (x_i, xi_i or both) instead of being fed it. So
the aggregates are exactly linear in x for a fixed scenario (the main problem) and exactly linear in xi
for a fixed x (the adversarial problem): no bias term of an absent item leaks into a sum, and only the
head's ReLUs need binary variables in the MILP (milp.py). scale = sum of p_bar of the instance.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import numpy as np

N_FEATURES = 7
ARTIFACT = Path(__file__).resolve().parent / "artifacts" / "value_net.pt"


def build(embed: int = 16, hidden: tuple[int, ...] = (32, 16)) -> Any:
    import torch
    from torch import nn

    class ValueNet(nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.config = {"embed": embed, "hidden": list(hidden)}

            def enc() -> nn.Module:
                return nn.Sequential(nn.Linear(N_FEATURES, 32), nn.ReLU(), nn.Linear(32, embed))

            self.enc_x, self.enc_xi, self.enc_both = enc(), enc(), enc()
            layers: list[nn.Module] = []
            width = 3 * embed
            for h in hidden:
                layers += [nn.Linear(width, h), nn.ReLU()]
                width = h
            layers.append(nn.Linear(width, 1))
            self.head = nn.Sequential(*layers)

        def item_embeddings(self, feat: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
            return self.enc_x(feat), self.enc_xi(feat), self.enc_both(feat)

        def forward(self, feat: torch.Tensor, x: torch.Tensor, xi: torch.Tensor, mask: torch.Tensor) -> torch.Tensor:
            """feat (B, N, F), x / xi / mask (B, N); padded items have mask 0."""
            a, b, g = self.item_embeddings(feat)
            n = mask.sum(1, keepdim=True).clamp(min=1)
            agg = torch.cat([((x * mask)[..., None] * a).sum(1) / n, ((xi * mask)[..., None] * b).sum(1) / n,
                             ((x * xi * mask)[..., None] * g).sum(1) / n], dim=1)
            return self.head(agg).squeeze(-1)

    return ValueNet()


def save(net: Any, path: Path = ARTIFACT, log: dict[str, Any] | None = None) -> None:
    import torch

    path.parent.mkdir(parents=True, exist_ok=True)
    torch.save({"config": net.config, "state": net.state_dict()}, path)
    if log is not None:
        path.with_suffix(".json").write_text(json.dumps(log, indent=2) + "\n")


def load(path: Path = ARTIFACT) -> Any:
    import torch

    from solvers.neur2ro.errors import RobustInputError

    if not path.is_file():
        raise RobustInputError(f"no trained value network at {path}: run `python -m solvers.neur2ro.train`")
    blob = torch.load(path, map_location="cpu", weights_only=True)
    net = build(blob["config"]["embed"], tuple(blob["config"]["hidden"]))
    net.load_state_dict(blob["state"])
    net.eval()
    return net


class Numeric:
    """The trained network as numpy arrays for one instance: item embeddings and head layers."""

    def __init__(self, net: Any, feat: np.ndarray):
        import torch

        with torch.no_grad():
            a, b, g = net.item_embeddings(torch.as_tensor(feat))
        n = len(feat)
        self.a, self.b, self.g = a.numpy() / n, b.numpy() / n, g.numpy() / n  # the mean folded in
        lins = [m for m in net.head if hasattr(m, "weight")]
        self.layers = [(m.weight.detach().numpy().astype(float), m.bias.detach().numpy().astype(float)) for m in lins]

    def value(self, x: np.ndarray, xi: np.ndarray) -> float:
        u = np.concatenate([x @ self.a, xi @ self.b, (x * xi) @ self.g])
        for k, (w, bias) in enumerate(self.layers):
            u = w @ u + bias
            if k < len(self.layers) - 1:
                u = np.maximum(u, 0)
        return float(u[0])

"""The second-stage value network: DeepSets over items, built to be optimised over inside a MILP.

    Q(x, xi) / scale  ~  head( mean_i x_i a(z_i),  mean_i xi_i b(z_i),  mean_i x_i xi_i g(z_i) )

z_i are item i's features (Instance.features); a, b, g are small per-item encoders of the features alone,
and each item's embedding is multiplied by its decision (x_i, xi_i or both) instead of being fed it. So
the aggregates are exactly linear in x for a fixed scenario (the main problem) and exactly linear in xi
for a fixed x (the adversarial problem): no bias term of an absent item leaks into a sum, and only the
head's ReLUs need binary variables in the MILP (milp.py). scale = sum of p_bar of the instance.

Capital budgeting (capital.py) has one uncertainty vector xi in [-1, 1]^k shared by all projects, not one
per item, so its network (`build_capital`) pools

    mean_i x_i a(z_i),   sum_j xi_j mean_i b_j(z_i),   sum_j xi_j mean_i x_i g_j(z_i)

(b_j, g_j: k embeddings per item): again linear in x for a fixed xi and linear in xi for a fixed x. It
predicts the whole objective Q(x, xi) / sum(r_bar). Artifacts: value_net.pt (knapsack), capital_net.pt.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import numpy as np

N_FEATURES = 7
ARTIFACT = Path(__file__).resolve().parent / "artifacts" / "value_net.pt"
CAPITAL_ARTIFACT = ARTIFACT.with_name("capital_net.pt")


def _value_head(width: int, hidden: tuple[int, ...]) -> Any:
    """The value head: ReLU layers of the `hidden` widths, then one output."""
    from torch import nn

    layers: list[nn.Module] = []
    for h in hidden:
        layers += [nn.Linear(width, h), nn.ReLU()]
        width = h
    layers.append(nn.Linear(width, 1))
    return nn.Sequential(*layers)


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
            self.head = _value_head(3 * embed, hidden)

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


def build_capital(embed: int = 16, hidden: tuple[int, ...] = (32, 16), k: int = 4) -> Any:
    """The capital budgeting value network (see the module docstring); xi has k entries."""
    import torch
    from torch import nn

    class CapitalNet(nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.config = {"kind": "capital", "embed": embed, "hidden": list(hidden), "k": k}

            def enc(out: int) -> nn.Module:
                return nn.Sequential(nn.Linear(4 + 2 * k, 32), nn.ReLU(), nn.Linear(32, out))

            self.enc_x, self.enc_xi, self.enc_both = enc(embed), enc(k * embed), enc(k * embed)
            self.head = _value_head(3 * embed, hidden)

        def item_embeddings(self, feat: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
            shape = (*feat.shape[:-1], k, embed)
            return self.enc_x(feat), self.enc_xi(feat).reshape(shape), self.enc_both(feat).reshape(shape)

        def forward(self, feat: torch.Tensor, x: torch.Tensor, xi: torch.Tensor, mask: torch.Tensor) -> torch.Tensor:
            """feat (B, N, F), x / mask (B, N), xi (B, k); padded items have mask 0."""
            a, b, g = self.item_embeddings(feat)
            n = mask.sum(1, keepdim=True).clamp(min=1)
            agg = torch.cat([((x * mask)[..., None] * a).sum(1) / n,
                             torch.einsum("bnke,bk,bn->be", b, xi, mask) / n,
                             torch.einsum("bnke,bk,bn->be", g, xi, x * mask) / n], dim=1)
            return self.head(agg).squeeze(-1)

    return CapitalNet()


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
        problem = "capital" if path.name.startswith("capital") else "knapsack"
        raise RobustInputError(f"no trained value network at {path}: run "
                               f"`python -m solvers.neur2ro.train --problem {problem}`")
    blob = torch.load(path, map_location="cpu", weights_only=True)
    cfg = blob["config"]
    if cfg.get("kind") == "capital":
        net = build_capital(cfg["embed"], tuple(cfg["hidden"]), cfg["k"])
    else:
        net = build(cfg["embed"], tuple(cfg["hidden"]))
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

    def main_affine(self, xi: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """The head's input as const + coef^T x for a fixed scenario xi (coef: one row per item)."""
        coef = np.concatenate([self.a, np.zeros_like(self.b), xi[:, None] * self.g], axis=1)
        const = np.concatenate([np.zeros(self.a.shape[1]), xi @ self.b, np.zeros(self.g.shape[1])])
        return const, coef

    def adv_affine(self, x: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """The head's input as const + coef^T xi for a fixed first stage x (coef: one row per xi entry)."""
        coef = np.concatenate([np.zeros_like(self.a), self.b, x[:, None] * self.g], axis=1)
        const = np.concatenate([x @ self.a, np.zeros(self.b.shape[1]), np.zeros(self.g.shape[1])])
        return const, coef

    def head(self, u: np.ndarray) -> float:
        for k, (w, bias) in enumerate(self.layers):
            u = w @ u + bias
            if k < len(self.layers) - 1:
                u = np.maximum(u, 0)
        return float(u[0])

    def value(self, x: np.ndarray, xi: np.ndarray) -> float:
        return self.head(np.concatenate([x @ self.a, xi @ self.b, (x * xi) @ self.g]))


class CapitalNumeric(Numeric):
    """The capital budgeting network as numpy arrays for one instance (a: n x E, b: k x E, g: n x k x E)."""

    def __init__(self, net: Any, feat: np.ndarray):
        import torch

        with torch.no_grad():
            a, b, g = net.item_embeddings(torch.as_tensor(feat))
        n = len(feat)
        self.a = a.numpy().astype(float) / n
        self.b = b.numpy().astype(float).sum(0) / n  # the xi-only term does not depend on x: pooled now
        self.g = g.numpy().astype(float) / n
        lins = [m for m in net.head if hasattr(m, "weight")]
        self.layers = [(m.weight.detach().numpy().astype(float), m.bias.detach().numpy().astype(float)) for m in lins]

    def main_affine(self, xi: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        e = self.a.shape[1]
        coef = np.concatenate([self.a, np.zeros((len(self.a), e)), np.einsum("nke,k->ne", self.g, xi)], axis=1)
        const = np.concatenate([np.zeros(e), xi @ self.b, np.zeros(e)])
        return const, coef

    def adv_affine(self, x: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        e = self.a.shape[1]
        coef = np.concatenate([np.zeros((len(self.b), e)), self.b, np.einsum("nke,n->ke", self.g, x)], axis=1)
        const = np.concatenate([x @ self.a, np.zeros(2 * e)])
        return const, coef

    def value(self, x: np.ndarray, xi: np.ndarray) -> float:
        return self.head(np.concatenate([x @ self.a, xi @ self.b, np.einsum("nke,n,k->e", self.g, x, xi)]))


def numeric(net: Any, problem: Any) -> Numeric:
    """The numpy form of `net` for `problem` (a problem.RobustProblem), checking that they fit."""
    from solvers.neur2ro.errors import RobustInputError

    kind = net.config.get("kind", "knapsack")
    if kind != problem.kind:
        raise RobustInputError(f"a {kind} value network cannot solve a {problem.kind} instance")
    if kind == "capital" and net.config["k"] != problem.k:
        raise RobustInputError(f"the capital network was trained for k = {net.config['k']} risk factors, "
                               f"the instance has {problem.k}")
    return (CapitalNumeric if kind == "capital" else Numeric)(net, problem.features())

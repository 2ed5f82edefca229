"""The three problem families as plain data, with generators (fixed seeds) and readers.

Each problem knows its objective (to maximise for MDKP and MIS, to minimise for TSP), its constraints
as `violations(x)` (positive amounts by which x breaks each constraint; all zero = feasible) and how to
read/write itself as JSON. Encodings into QUBOs live in encode.py; nothing here imports dimod.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np


class QUBOInputError(ValueError):
    """A problem instance that makes no sense (negative weights, empty graph, no feasible capacity...)."""


@dataclass
class MDKP:
    """Multi-dimensional knapsack: max p.x s.t. W x <= C, x binary (W is m x n)."""

    profits: np.ndarray
    weights: np.ndarray
    capacities: np.ndarray
    name: str = "mdkp"
    kind: str = field(default="mdkp", init=False)
    sense: str = field(default="max", init=False)

    def __post_init__(self) -> None:
        self.profits = np.asarray(self.profits, dtype=float)
        self.weights = np.atleast_2d(np.asarray(self.weights, dtype=float))
        self.capacities = np.asarray(self.capacities, dtype=float).reshape(-1)
        n = len(self.profits)
        if n == 0:
            raise QUBOInputError("an MDKP needs at least one item")
        if self.weights.shape != (len(self.capacities), n):
            raise QUBOInputError(f"weights must be m x n = {len(self.capacities)} x {n}, got {self.weights.shape}")
        if (self.profits < 0).any() or (self.weights < 0).any():
            raise QUBOInputError("MDKP profits and weights must be non-negative")
        if (self.capacities < 0).any():
            raise QUBOInputError("an MDKP capacity is negative: no selection (not even the empty one) fits")
        if not np.all(np.isfinite(self.weights)) or not np.all(np.isfinite(self.profits)):
            raise QUBOInputError("MDKP data must be finite numbers")

    @property
    def n(self) -> int:
        return len(self.profits)

    def objective(self, x: np.ndarray) -> float:
        return float(self.profits @ x)

    def violations(self, x: np.ndarray) -> np.ndarray:
        return np.maximum(0.0, self.weights @ x - self.capacities)

    def to_json(self) -> dict[str, Any]:
        return {"kind": "mdkp", "name": self.name, "profits": self.profits.tolist(),
                "weights": self.weights.tolist(), "capacities": self.capacities.tolist()}


@dataclass
class MIS:
    """Maximum independent set: max sum x s.t. x_u + x_v <= 1 for every edge."""

    n: int
    edges: list[tuple[int, int]]
    name: str = "mis"
    kind: str = field(default="mis", init=False)
    sense: str = field(default="max", init=False)

    def __post_init__(self) -> None:
        if self.n <= 0:
            raise QUBOInputError("an MIS graph needs at least one vertex (the graph is empty)")
        clean = set()
        for u, v in self.edges:
            u, v = int(u), int(v)
            if not (0 <= u < self.n and 0 <= v < self.n):
                raise QUBOInputError(f"edge ({u}, {v}) names a vertex outside 0..{self.n - 1}")
            if u == v:
                raise QUBOInputError(f"self-loop on vertex {u}: an independent set cannot be defined")
            clean.add((min(u, v), max(u, v)))
        self.edges = sorted(clean)

    def objective(self, x: np.ndarray) -> float:
        return float(np.sum(x))

    def violations(self, x: np.ndarray) -> np.ndarray:
        if not self.edges:
            return np.zeros(0)
        e = np.asarray(self.edges)
        return np.maximum(0.0, x[e[:, 0]] + x[e[:, 1]] - 1.0)

    def to_json(self) -> dict[str, Any]:
        return {"kind": "mis", "name": self.name, "n": self.n, "edges": [list(e) for e in self.edges]}


@dataclass
class TSP:
    """Small TSP as a QUBO: x[c, t] = city c at position t; each row and each column sums to one."""

    coords: np.ndarray
    name: str = "tsp"
    kind: str = field(default="tsp", init=False)
    sense: str = field(default="min", init=False)

    def __post_init__(self) -> None:
        self.coords = np.asarray(self.coords, dtype=float)
        if self.coords.ndim != 2 or self.coords.shape[1] != 2 or len(self.coords) < 3:
            raise QUBOInputError("a TSP needs at least 3 cities given as (x, y) pairs")
        if not np.all(np.isfinite(self.coords)):
            raise QUBOInputError("TSP coordinates must be finite numbers")
        if len(self.coords) > 12:
            raise QUBOInputError(f"a QUBO TSP has n^2 variables; n = {len(self.coords)} is too large (n <= 12)")
        self.dist = np.linalg.norm(self.coords[:, None, :] - self.coords[None, :, :], axis=-1)

    @property
    def n(self) -> int:
        return len(self.coords)

    def symmetry_fixings(self) -> dict[int, int]:
        """Variables fixed by the tour's rotation symmetry: city 0 at position 0 (x[c, t] is variable
        c * n + t). Every tour has a rotation of that form, so nothing is lost, and (n - 1)^2 variables
        remain: what lets a quantum simulator take n = 8 (49 qubits instead of 64)."""
        n = self.n
        fixed = {0: 1}
        fixed.update({t: 0 for t in range(1, n)})  # city 0 at no other position
        fixed.update({c * n: 0 for c in range(1, n)})  # no other city at position 0
        return fixed

    def tour(self, x: np.ndarray) -> list[int] | None:
        """The tour that x encodes (city per position), or None if x is not a permutation matrix."""
        m = x.reshape(self.n, self.n)
        if not (np.all(m.sum(axis=0) == 1) and np.all(m.sum(axis=1) == 1)):
            return None
        return [int(np.argmax(m[:, t])) for t in range(self.n)]

    def length(self, tour: list[int]) -> float:
        return float(sum(self.dist[tour[i], tour[(i + 1) % len(tour)]] for i in range(len(tour))))

    def objective(self, x: np.ndarray) -> float:
        m = x.reshape(self.n, self.n)
        nxt = np.roll(m, -1, axis=1)
        return float(np.einsum("ct,cd,dt->", m, self.dist, nxt))

    def violations(self, x: np.ndarray) -> np.ndarray:
        m = x.reshape(self.n, self.n)
        return np.concatenate([np.abs(m.sum(axis=1) - 1), np.abs(m.sum(axis=0) - 1)])

    def to_json(self) -> dict[str, Any]:
        return {"kind": "tsp", "name": self.name, "coords": self.coords.tolist()}


Problem = MDKP | MIS | TSP


def generate_mdkp(n: int, m: int, tightness: float, seed: int) -> MDKP:
    """Chu & Beasley (1998): w ~ U{1..1000}, C_i = tightness * sum_j w_ij, p_j = sum_i w_ij / m + U{0..500}."""
    if not 0 < tightness < 1:
        raise QUBOInputError("tightness must be between 0 and 1")
    rng = np.random.default_rng(seed)
    w = rng.integers(1, 1001, size=(m, n)).astype(float)
    c = np.floor(tightness * w.sum(axis=1))
    p = np.floor(w.sum(axis=0) / m + rng.integers(0, 501, size=n))
    return MDKP(p, w, c, name=f"mdkp-n{n}-m{m}-t{tightness}-s{seed}")


def generate_mis(n: int, p: float, seed: int) -> MIS:
    """Erdos-Renyi G(n, p)."""
    rng = np.random.default_rng(seed)
    iu = np.triu_indices(n, k=1)
    keep = rng.random(len(iu[0])) < p
    return MIS(n, list(zip(iu[0][keep].tolist(), iu[1][keep].tolist(), strict=True)), name=f"mis-n{n}-p{p}-s{seed}")


def generate_tsp(n: int, seed: int) -> TSP:
    return TSP(np.random.default_rng(seed).random((n, 2)), name=f"tsp-n{n}-s{seed}")


def from_json(data: dict[str, Any]) -> Problem:
    try:
        kind = data["kind"]
        if kind == "mdkp":
            return MDKP(data["profits"], data["weights"], data["capacities"], name=data.get("name", "mdkp"))
        if kind == "mis":
            return MIS(int(data["n"]), [tuple(e) for e in data["edges"]], name=data.get("name", "mis"))
        if kind == "tsp":
            return TSP(data["coords"], name=data.get("name", "tsp"))
    except (KeyError, TypeError, ValueError) as e:
        if isinstance(e, QUBOInputError):
            raise
        raise QUBOInputError(f"malformed problem JSON: {e}") from e
    raise QUBOInputError(f"unknown problem kind {data.get('kind')!r}: use mdkp, mis or tsp")


def read_problem(path: str | Path) -> Problem:
    p = Path(path)
    if not p.is_file():
        raise QUBOInputError(f"no such file: {p}")
    try:
        data = json.loads(p.read_text())
    except json.JSONDecodeError as e:
        raise QUBOInputError(f"{p} is not JSON: {e}") from e
    if not isinstance(data, dict):
        raise QUBOInputError(f"{p}: expected a JSON object with a 'kind' field")
    return from_json(data)

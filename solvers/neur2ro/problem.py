"""What Neur2RO needs from a two-stage robust problem, so that more problems can be added.

A problem (knapsack.Instance, capital.CapitalInstance) is a binary first stage x (length `n`), an
uncertainty xi in a polyhedral set, and an exact second stage. Neur2RO's CCG (ccg.neur2ro) and the
network-in-MILP (milp.py) only talk to this interface:

- `features()`: per-item features for the value network; `value_scale()`: the network predicts
  (objective part it learns) / value_scale.
- `add_first_stage(solver)`: the binary x variables in an OR-Tools solver, any deterministic first-stage
  constraints (e.g. robust feasibility of the budget), and the linear objective terms the network does
  not predict (the knapsack's (f - p_bar).x; nothing for capital budgeting).
- `add_uncertainty(solver)`: the xi variables and their set; `uncertainty_domain`: how milp.embed bounds
  a linear function of xi over that set (a float Gamma: the budget set {0 <= xi <= 1, sum xi <= Gamma};
  "box": [-1, 1]^k).
- `initial_scenario()`: the first scenario of CCG; `worst_case(x)`: the EXACT worst-case objective
  (minimisation form) of x and a worst scenario: the honest score of any x; `evaluate(x, xi)`: the exact
  objective of x in one scenario (a lower bound on its worst case, used to prune local-search moves).

Optional, where a problem has them (the knapsack does): `exact_oracle()`, exact worst cases for many x
with shared cuts and an early cutoff (the polish); `nominal_x()`, the best x for `initial_scenario()`
alone with the exact second stage (Neur2RO's starting incumbent).

The network side is a `Numeric` (model.py) with `main_affine(xi)` / `adv_affine(x)`: the network's pooled
input as const + coef^T v, linear in x for a fixed scenario and linear in xi for a fixed x.
"""

from __future__ import annotations

from typing import Any, Protocol, runtime_checkable

import numpy as np


@runtime_checkable
class RobustProblem(Protocol):
    name: str
    kind: str  # "knapsack" or "capital": which network family fits it
    uncertainty_domain: float | str | None

    @property
    def n(self) -> int: ...

    def features(self) -> np.ndarray: ...

    def value_scale(self) -> float: ...

    def add_first_stage(self, solver: Any) -> tuple[list[Any], Any]: ...

    def add_uncertainty(self, solver: Any) -> list[Any]: ...

    def initial_scenario(self) -> np.ndarray: ...

    def worst_case(self, x: np.ndarray) -> tuple[float, np.ndarray]: ...

    def evaluate(self, x: np.ndarray, xi: np.ndarray) -> float: ...

"""A model's LP relaxation, solved on the fastest LP backend installed.

The NL4Opt scorer compares optima of LP relaxations (integrality, which a text may or may not imply,
never decides a pass), and the offline modeler asks whether a reading's model has any solution at all;
both use these two functions.
"""

from __future__ import annotations

import functools
from typing import Any


def relaxed(model: Any) -> Any:
    """The model with every variable continuous (binary ones kept within 0..1): its LP relaxation."""
    from modeler.ir import Model

    d = model.to_dict()
    variables = d.get("variables", {})
    for body in variables.values() if isinstance(variables, dict) else variables:
        if body.get("type") == "binary":
            body["lb"] = 0 if body.get("lb") is None else max(body["lb"], 0)
            body["ub"] = 1 if body.get("ub") is None else min(body["ub"], 1)
        body["type"] = "continuous"
    return Model.from_json(d)


def solve_relaxation(model: Any, time_limit: float) -> Any:
    """The Solution of `relaxed(model)` from the LP backend of choice (HiGHS when installed)."""
    from solvers import solve

    return solve(relaxed(model), backend=lp_backend(), time_limit=time_limit, explain=False, keep_text=False)


@functools.cache
def lp_backend() -> str | None:
    """The LP backend to use: a direct API first (no modelling-layer overhead), else `solve`'s pick."""
    # (through the registry: `solvers.backends` names both a function and, once imported, the subpackage)
    from solvers.backends import base

    for name in ("highs", "ortools-mip", "pyomo-highs"):
        if name in base.names():
            try:
                if base.get(name).available()[0]:
                    return name
            except Exception:  # a backend module that fails to load is simply not a choice
                continue
    return None

"""Plain words for a solved (or unsolvable) model."""

from __future__ import annotations

from typing import Any

from solvers.result import Solution, Status


def explain(candidate: Any, sol: Solution) -> str:
    model = getattr(candidate, "model", None)
    if sol.status == Status.INFEASIBLE:
        if sol.conflicts:
            parts = "; ".join(f"{c.name}" + (f" ({c.description})" if c.description else "") + (f": {c.text}" if c.text else "")
                              for c in sol.conflicts)
            return f"No solution satisfies all the constraints. These cannot hold together: {parts}."
        return "No solution satisfies all the constraints."
    if sol.status == Status.UNBOUNDED:
        return "The objective can be improved without limit: a limiting constraint is probably missing."
    if sol.status in (Status.TIMEOUT, Status.ERROR):
        return sol.message or f"The solver stopped: {sol.status.value}."
    lines = []
    if model is not None and model.objective is not None and sol.objective is not None:
        what = model.objective.description or model.objective.expr
        best = "maximum" if model.objective.sense == "max" else "minimum"
        proven = "" if sol.status == Status.OPTIMAL else " (best found; not proven optimal)"
        lines.append(f"The {best} of {what} is {sol.objective:g}{proven}.")
    elif sol.status.has_solution:
        lines.append("A solution satisfying every constraint was found.")
    nonzero = []
    for name, v in sol.values.items():
        items = v.items() if isinstance(v, dict) else [(None, v)]
        for k, x in items:
            if x in (0, None, "", [], {}):
                continue
            shown = f"{x:g}" if isinstance(x, int | float) and not isinstance(x, bool) else str(x)
            nonzero.append(f"{name}[{k}] = {shown}" if k is not None else f"{name} = {shown}")
    if nonzero:
        shown = ", ".join(nonzero[:12]) + (f", and {len(nonzero) - 12} more" if len(nonzero) > 12 else "")
        lines.append(f"Take {shown}.")
    return " ".join(lines)

"""plan_trip: try each city ordering with z3; a plan, or the unsat core in words plus verified repairs."""

from __future__ import annotations

import time
from typing import Any, Literal

from pydantic import BaseModel, Field

from modeler.travel.database import Sandbox, TravelError, sandbox_from_database, sandbox_from_ref_info
from modeler.travel.encode import candidate_orderings, encode
from modeler.travel.plan import read_plan
from modeler.travel.request import TravelRequest


class Repair(BaseModel):
    """One change to the request that was re-solved and gives a plan."""

    field: str
    description: str
    request: TravelRequest
    cost: float | None = None  # the repaired plan's total cost


class TravelOutcome(BaseModel):
    status: Literal["planned", "infeasible"]
    plan: list[dict[str, Any]] | None = None
    cost: dict[str, float] = Field(default_factory=dict)
    reasons: list[str] = Field(default_factory=list)
    suggestions: list[Repair] = Field(default_factory=list)
    core: list[str] = Field(default_factory=list)  # the raw labels of the unsat core
    notes: list[str] = Field(default_factory=list)
    solve_seconds: float = 0.0


def make_sandbox(req: TravelRequest, ref_info: dict[str, Any] | Sandbox | None) -> Sandbox:
    if isinstance(ref_info, Sandbox):
        return ref_info
    if ref_info is not None:
        return sandbox_from_ref_info(ref_info)
    from modeler.travel.database import city_states

    if req.visiting_city_number > 1:
        cities = sorted(c for c, s in city_states().items() if s == req.destination)
        if not cities:
            raise TravelError(f"no cities of state {req.destination!r} in the database.")
    else:
        cities = [req.destination]
    return sandbox_from_database(cities)


def _solve_orderings(req: TravelRequest, sb: Sandbox, deadline: float) -> tuple[Any, list[list[str]]]:
    """(first satisfying (encoding, model) or None, unsat cores of the orderings tried)."""
    import z3

    cores: list[list[str]] = []
    orders = candidate_orderings(req, sb)
    if not orders:
        cores.append([f"candidate cities: no {req.visiting_city_number} cities of {req.destination} in the data"])
    for order in orders:
        enc = encode(req, sb, order)
        enc.solver.set("timeout", max(1, int((deadline - time.monotonic()) * 1000)))
        res = enc.solver.check()
        if res == z3.sat:
            return (enc, enc.solver.model()), cores
        if res == z3.unsat:
            by_name = {str(b): lab for lab, b in enc.labels.items()}
            cores.append(sorted(by_name[str(b)] for b in enc.solver.unsat_core()))
        if time.monotonic() > deadline:
            cores.append(["time limit reached before every city ordering was tried"])
            break
    return None, cores


def min_cost(req: TravelRequest, sb: Sandbox, time_limit: float = 20.0) -> float | None:
    """The cheapest plan meeting every constraint but the budget (z3 Optimize per city ordering), or None.

    Each ordering gets an equal share of `time_limit`; an ordering cut off by it contributes the best plan
    found so far, so the result is then an upper bound (`min_cost_exact` says which).
    """
    return min_cost_exact(req, sb, time_limit)[0]


_MIN_COST_CACHE: dict[tuple[str, int], tuple[float | None, bool]] = {}


def min_cost_exact(req: TravelRequest, sb: Sandbox, time_limit: float = 20.0) -> tuple[float | None, bool]:
    """(cheapest cost found, proven optimal), remembered per (request, sandbox) for explain and repair."""
    key = (req.model_copy(update={"budget": 0.0}).model_dump_json(), id(sb))
    if key not in _MIN_COST_CACHE:
        if len(_MIN_COST_CACHE) > 256:
            _MIN_COST_CACHE.clear()
        _MIN_COST_CACHE[key] = _min_cost_exact(req, sb, time_limit)
    return _MIN_COST_CACHE[key]


def _min_cost_exact(req: TravelRequest, sb: Sandbox, time_limit: float) -> tuple[float | None, bool]:
    """(cheapest cost found, proven optimal over every ordering).

    z3 Optimize per ordering first; when an ordering is cut off by the time limit, the cost of the best model
    it holds counts, then a bisection on the budget with the plain solver tightens the bound. Whatever is
    returned is the cost of a plan that was found, so it is always a sufficient budget.
    """
    import z3

    start = time.monotonic()
    best, exact = None, True
    orders = candidate_orderings(req, sb)
    share = max(1.0, 0.5 * time_limit / max(1, len(orders)))
    for order in orders:
        enc = encode(req, sb, order, optimize=True, with_budget=False)
        enc.solver.set("timeout", int(share * 1000))
        h = enc.solver.minimize(enc.total)
        res = enc.solver.check()
        if res == z3.unsat:
            continue
        v = None
        if res == z3.sat:
            v = h.value().as_long()
        else:
            exact = False
            try:
                v = enc.solver.model().eval(enc.total, model_completion=True).as_long()
            except z3.Z3Exception:
                v = None
        if v is not None:
            best = v if best is None else min(best, v)
    if exact:
        return (float(best) if best is not None else None), True
    deadline = start + time_limit
    if best is None:
        free = solve_request(req.model_copy(update={"budget": 1e12}), sb, max(1.0, deadline - time.monotonic()))
        if free.status != "planned":
            return None, False
        best = int(free.cost["total"])
    lo = 0
    while lo < best and time.monotonic() < deadline:
        mid = (lo + best) // 2
        out = solve_request(req.model_copy(update={"budget": float(mid)}), sb, max(1.0, deadline - time.monotonic()))
        if out.status == "planned":
            best = min(best, int(out.cost["total"]))
        elif any("time limit" in c for c in out.core):
            break
        else:
            lo = mid + 1
    return float(best), lo >= best


def solve_request(req: TravelRequest, sb: Sandbox, time_limit: float = 30.0) -> TravelOutcome:
    """Plan or unsat core, no repairs."""
    start = time.monotonic()
    found, cores = _solve_orderings(req, sb, start + time_limit)
    out = TravelOutcome(status="infeasible", notes=list(sb.notes))
    if found is not None:
        enc, model = found
        plan, cost = read_plan(enc, model, req, sb)
        out = TravelOutcome(status="planned", plan=plan, cost=cost, notes=list(sb.notes))
    else:
        common = set(cores[0]) if cores else set()
        for c in cores[1:]:
            common &= set(c)
        out.core = sorted(common) if common else sorted({lab for c in cores for lab in c})
    out.solve_seconds = time.monotonic() - start
    return out


def plan_trip(request: TravelRequest, *, ref_info: dict[str, Any] | Sandbox | None = None,
              time_limit: float = 30.0, repairs: bool = True) -> TravelOutcome:
    """A plan for `request` from `ref_info` (a training query's, or the database without flights)."""
    from modeler.travel.repair import explain, suggest_repairs

    start = time.monotonic()
    sb = make_sandbox(request, ref_info)
    out = solve_request(request, sb, time_limit)
    if out.status == "infeasible":
        out.reasons = explain(request, sb, out.core)
        if repairs:
            out.suggestions = suggest_repairs(request, sb, out.core)
    out.solve_seconds = time.monotonic() - start
    return out


def apply_repair(request: TravelRequest, repair: Repair) -> TravelRequest:
    """The changed request a repair stands for."""
    return repair.request.model_copy(deep=True)

"""Infeasible requests: the unsat core in plain words, and repairs verified by re-solving.

`explain` turns core labels into sentences (the budget one quotes the cheapest plan found by z3
Optimize without the budget). `suggest_repairs` is the offline rule-based suggester: for each field
in the core it proposes the smallest change (minimal sufficient budget, drop or change the room
type, drop the house rule, drop the transport ban, drop an unavailable cuisine), then combinations,
and keeps only those whose re-solve gives a plan. The LLM-driven loop lives in repair_llm.py.
"""

from __future__ import annotations

import math
from typing import Any

from modeler.travel.database import Sandbox
from modeler.travel.planner import Repair, min_cost, min_cost_exact, solve_request
from modeler.travel.request import ROOM_TYPES, TravelRequest

CATEGORIES = ("budget", "room type", "house rule", "transportation ban", "cuisine", "route", "minimum nights",
              "accommodation", "dates", "candidate cities")


def category(label: str) -> str:
    low = label.lower()
    if low.startswith("an accommodation"):
        return "accommodation"
    return next((c for c in CATEGORIES if low.startswith(c)), "other")


def core_categories(core: list[str]) -> list[str]:
    return sorted({category(c) for c in core})


def explain(req: TravelRequest, sb: Sandbox, core: list[str], time_limit: float = 20.0) -> list[str]:
    """Plain sentences for an unsat core."""
    reasons: list[str] = []
    full_core = list(core)
    cats = core_categories(core)
    local = {"budget", "room type", "house rule", "transportation ban", "cuisine"}
    if local & set(cats):  # structural labels (routes, meals, nights) only say what costs money: leave them out
        core = [c for c in core if category(c) in local]
    if "budget" in cats:  # the other local labels raise the price; they are named in the budget sentence
        core = [c for c in core if category(c) == "budget"]
    if "budget" in cats:
        cheapest, exact = min_cost_exact(req, sb, time_limit)
        others = [c for c in core_categories(full_core) if c in local and c != "budget"]
        if cheapest is not None:
            found = "costs" if exact else "found within the time limit costs"
            reasons.append(f"a budget of ${req.budget:,.0f} is too low: the cheapest plan meeting the other "
                           f"constraints {found} ${cheapest:,.0f}.")
        else:
            reasons.append(f"the budget of ${req.budget:,.0f} cannot be met, and even without it no plan meets the "
                           "other constraints.")
        if others:
            reasons.append("the budget conflicts with: " + ", ".join(others) + " (cheaper options are excluded by "
                           "them).")
    seen: set[str] = set()
    for label in core:
        cat = category(label)
        if cat == "budget" or label in seen:
            continue
        seen.add(label)
        if cat == "room type":
            reasons.append(f"no accommodation offers the room type '{req.room_type}' ({label}).")
        elif cat == "house rule":
            reasons.append(f"no accommodation allows {req.house_rule} ({label}).")
        elif cat == "transportation ban":
            reasons.append(f"with '{req.transportation}' some leg of the route has no other way to travel "
                           f"({label}).")
        elif cat == "cuisine":
            reasons.append(f"no restaurant on the route serves the requested {label.split(': ', 1)[1]} cuisine.")
        elif cat in ("route", "minimum nights", "accommodation", "dates", "candidate cities"):
            reasons.append(f"{label}: this cannot be met together with the rest.")
    return reasons or ["the constraints conflict: " + "; ".join(core)]


def _verified(field: str, description: str, req: TravelRequest, sb: Sandbox, time_limit: float) -> Repair | None:
    out = solve_request(req, sb, time_limit)
    if out.status != "planned":
        return None
    return Repair(field=field, description=description, request=req, cost=out.cost.get("total"))


def _with_budget(req: TravelRequest, sb: Sandbox, time_limit: float) -> TravelRequest | None:
    cheapest = min_cost(req, sb, time_limit)
    if cheapest is None:
        return None
    return req.model_copy(update={"budget": float(math.ceil(max(cheapest, req.budget)))})


def candidate_changes(req: TravelRequest, core: list[str]) -> list[tuple[str, str, dict[str, Any]]]:
    """Single-field relaxations suggested by the core: (field, description, update)."""
    cats = core_categories(core)
    out: list[tuple[str, str, dict[str, Any]]] = []
    if "transportation ban" in cats or ("route" in cats and req.transportation):
        out.append(("transportation", f"drop the transport ban '{req.transportation}'", {"transportation": None}))
    if "room type" in cats:
        for rt in ROOM_TYPES:
            if rt != req.room_type and rt != "shared room":
                out.append(("room_type", f"room type '{rt}' instead of '{req.room_type}'", {"room_type": rt}))
        out.append(("room_type", f"drop the room type '{req.room_type}'", {"room_type": None}))
    if "house rule" in cats:
        out.append(("house_rule", f"drop the house rule '{req.house_rule}'", {"house_rule": None}))
    for label in core:
        if category(label) == "cuisine":
            cu = label.split(": ", 1)[1]
            out.append(("cuisine", f"drop the cuisine {cu}", {"cuisine": [c for c in req.cuisine if c != cu]}))
    return out


def suggest_repairs(req: TravelRequest, sb: Sandbox, core: list[str], time_limit: float = 20.0,
                    max_suggestions: int = 4) -> list[Repair]:
    """Rule-based repairs, each verified by re-solving; the minimal sufficient budget comes first."""
    found: list[Repair] = []
    cats = core_categories(core)
    if "budget" in cats:
        fixed = _with_budget(req, sb, time_limit)
        if fixed is not None:
            r = _verified("budget", f"raise the budget to ${fixed.budget:,.0f} (the cheapest plan found)", fixed,
                          sb, time_limit)
            if r:
                found.append(r)
    singles = candidate_changes(req, core)
    for field, desc, update in singles:
        if len(found) >= max_suggestions:
            break
        new = req.model_copy(update=update)
        r = _verified(field, desc, new, sb, time_limit)
        if r is None:  # the change may still need more money
            more = _with_budget(new, sb, time_limit)
            if more is not None and more.budget > req.budget:
                r = _verified(f"{field}+budget", f"{desc}, and raise the budget to ${more.budget:,.0f}", more, sb,
                              time_limit)
        if r:
            found.append(r)
    if not found and sb.notes and req.visiting_city_number == 1:  # database sandbox: try nearby destinations
        found += _other_destinations(req, time_limit)
    if not found and singles:  # all core relaxations together
        update: dict[str, Any] = {}
        for _, _, u in singles:
            if "room_type" in u:
                update["room_type"] = None
            else:
                update.update(u)
        new = req.model_copy(update=update)
        r = _verified("+".join(sorted(update)), "drop " + ", ".join(sorted(update)), new, sb, time_limit)
        if r is None:
            more = _with_budget(new, sb, time_limit)
            if more is not None:
                r = _verified("+".join(sorted(update)) + "+budget", f"drop {', '.join(sorted(update))} and raise "
                              f"the budget to ${more.budget:,.0f}", more, sb, time_limit)
        if r:
            found.append(r)
    return found


def _other_destinations(req: TravelRequest, time_limit: float, tries: int = 3) -> list[Repair]:
    """Other cities of the destination's state (database sandboxes only: training ref_info has one city)."""
    from modeler.travel.database import city_states, sandbox_from_database

    states = city_states()
    state = states.get(req.destination)
    out: list[Repair] = []
    for city in sorted(c for c, st in states.items() if st == state and c not in (req.destination, req.origin)):
        if len(out) >= 1 or tries <= 0:
            break
        tries -= 1
        new = req.model_copy(update={"destination": city})
        r = _verified("destination", f"go to {city} ({state}) instead of {req.destination}", new,
                      sandbox_from_database([city]), time_limit)
        if r:
            out.append(r)
    return out

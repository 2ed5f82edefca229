"""Travel planning with Z3 on TravelPlanner's data (issue 6).

Public API (stable; the web page builds on it):

    from modeler.travel import parse_request, plan_trip, apply_repair, load_query
    text, ref_info = load_query(3)                 # one of the 45 training queries (0-44) and its ref_info
    req = parse_request(text)                      # TravelRequest, offline parser; parse_request(text, llm=LLM)
    out = plan_trip(req, ref_info=ref_info)        # TravelOutcome
    out.status                                     # "planned" | "infeasible"
    out.plan                                       # list of day dicts in TravelPlanner's format, or None
    out.cost                                       # {"transportation", "meals", "accommodation", "total"}
    out.reasons                                    # the unsat core in plain words (when infeasible)
    out.suggestions                                # [Repair(field, description, request, cost)], each verified
    req2 = apply_repair(req, out.suggestions[0])   # the changed TravelRequest
    out.solve_seconds

- `TravelRequest`: origin, destination (city, or a state when visiting_city_number > 1), days,
  visiting_city_number, dates (ISO), people, budget, house_rule, cuisine, room_type, transportation.
- `TravelError`: bad requests (unknown city, zero days, negative budget, ...) and missing data, with a
  message a person can act on.
- Flights exist only in a training query's ref_info; with `ref_info=None` the plan is built from the
  reference database with ground transport only, and `out.notes` says so.
- `modeler.travel.evaluate` scores plans with TravelPlanner's metrics; `modeler.travel.repair_llm`
  runs the LLM-driven repair loop with a simulated user.
"""

from __future__ import annotations

from modeler.travel.database import TravelError, load_query
from modeler.travel.planner import Repair, TravelOutcome, apply_repair, plan_trip
from modeler.travel.request import TravelRequest, parse_request

__all__ = ["Repair", "TravelError", "TravelOutcome", "TravelRequest", "apply_repair", "load_query",
           "parse_request", "plan_trip"]

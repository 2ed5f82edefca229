"""Ground truth for the 45 training queries, derived from the data (there are no structured fields).

From the human plan: origin (day 1 "from X to ..."), the visited cities and their number, the
destination (the city, or for several cities the state: the plan's "City(State)" suffix, else the
database's city -> state list), and the number of days. From ref_info: the start date (the date of
the first "Flight from <origin> to ... on DATE" entry), hence all dates. People, budget and the local
constraints appear only in the query's words, so they cannot be derived; `consistency` checks the
parsed values against the human plan instead (the plan must be within the parsed budget for the
parsed group, use allowed room types and house rules, avoid a banned mode, serve the cuisines).
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from modeler.travel.database import city_states, human_plan, load_query, sandbox_from_ref_info
from modeler.travel.evaluate import day_cities, evaluate_plan
from modeler.travel.request import TravelRequest

DERIVED = ("origin", "destination", "days", "visiting_city_number", "dates")


def derived_fields(index: int) -> dict[str, Any]:
    plan = human_plan(index)
    _, ref = load_query(index)
    seq: list[str] = []
    raw_states: list[str] = []
    for d in plan:
        raw_states += re.findall(r"\(([^)]+)\)", str(d.get("current_city", "")))
        for c in day_cities(d):
            if not seq or seq[-1] != c:
                seq.append(c)
    origin, inner = seq[0], seq[1:-1]
    if len(inner) == 1:
        destination = inner[0]
    else:
        states = {s for s in raw_states} or {city_states().get(c, "") for c in inner}
        destination = sorted(states)[0]
    first = next(k for k in ref if k.startswith(f"Flight from {origin} to "))
    start = dt.date.fromisoformat(first.rsplit(" on ", 1)[1])
    return {"origin": origin, "destination": destination, "days": len(plan), "visiting_city_number": len(inner),
            "dates": [(start + dt.timedelta(days=i)).isoformat() for i in range(len(plan))]}


def gold_request(index: int, parsed: TravelRequest) -> TravelRequest:
    """The parsed request with every derivable field replaced by the derived truth."""
    return parsed.model_copy(update=derived_fields(index))


def consistency(index: int, parsed: TravelRequest) -> dict[str, bool]:
    """Parsed non-derivable fields vs the human plan (True: the human plan agrees with them)."""
    _, ref = load_query(index)
    checks = evaluate_plan(parsed, human_plan(index), sandbox_from_ref_info(ref), city_states())
    return {"budget": bool(checks["budget"]), "house_rule": checks["room_rule"] is not False,
            "cuisine": checks["cuisine"] is not False, "room_type": checks["room_type"] is not False,
            "transportation": checks["transportation"] is not False}

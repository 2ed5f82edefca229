"""Read a z3 model back as a plan in TravelPlanner's format, with its cost broken down.

One dict per day with the keys days, current_city, transportation, breakfast, attraction, lunch, dinner,
accommodation; '-' marks an empty field, places are written "Name, City" (attractions end with ';'),
and a travel day's current_city is "from A to B", as in TravelPlanner's human plans.
"""

from __future__ import annotations

from typing import Any

from modeler.travel.encode import MEALS, Encoding, cars_needed, rooms_needed
from modeler.travel.request import TravelRequest


def _val(model: Any, v: Any) -> int:
    return model.eval(v, model_completion=True).as_long()


def read_plan(enc: Encoding, model: Any, req: TravelRequest, sb: Any) -> tuple[list[dict[str, Any]], dict[str, float]]:
    """(plan days, cost breakdown with 'total') from a satisfying model of `enc`."""
    p, D, k = req.people, req.days, len(enc.order)
    t = [_val(model, x) for x in enc.vars["t"]]
    cost = {"transportation": 0.0, "meals": 0.0, "accommodation": 0.0}
    transport: dict[int, str] = {}
    for i, (a, b) in enumerate(enc.legs):
        m = _val(model, enc.vars["mode"][i])
        if m == 0:
            f = enc.flights[i][_val(model, enc.vars["flight"][i])]
            transport[t[i]] = (f"Flight Number: {f.number}, from {a} to {b}, Departure Time: {f.dep_time}, "
                               f"Arrival Time: {f.arr_time}")
            cost["transportation"] += f.price * p
        else:
            g = sb.ground_leg(a, b)
            kind, per, seats = ("Self-driving", g.self_driving_cost, 5) if m == 1 else ("Taxi", g.taxi_cost, 4)
            transport[t[i]] = (f"{kind}, from {a} to {b}, duration: {g.duration}, distance: {g.distance_km:,.0f} km, "
                               f"cost: {per:.0f}")
            cost["transportation"] += per * cars_needed(p, seats)
    hotel = [enc.accommodations[i][_val(model, h)] for i, h in enumerate(enc.vars["h"])]
    for i, x in enumerate(hotel):
        cost["accommodation"] += x.price * rooms_needed(p, x.max_occupancy) * (t[i + 1] - t[i])
    days: list[dict[str, Any]] = []
    for day in range(1, D + 1):
        legs_today = [i for i in range(k + 1) if t[i] == day]
        if legs_today:
            i = legs_today[0]
            a, b = enc.legs[i]
            current = f"from {a} to {b}"
        else:
            i = next(i for i in range(k) if t[i] < day < t[i + 1])
            current = enc.order[i]
        meals = {}
        for mi, meal in enumerate(MEALS):
            r = _val(model, enc.vars["r"][(day - 1) * 3 + mi])
            if r >= 0:
                x = enc.restaurants[r]
                meals[meal] = f"{x.name}, {x.city}"
                cost["meals"] += x.cost * p
            else:
                meals[meal] = "-"
        a_idx = _val(model, enc.vars["a"][day - 1])
        attraction = f"{enc.attractions[a_idx].name}, {enc.attractions[a_idx].city};" if a_idx >= 0 else "-"
        sleep = next((i for i in range(k) if t[i] <= day < t[i + 1]), None)
        accommodation = f"{hotel[sleep].name}, {hotel[sleep].city}" if sleep is not None else "-"
        days.append({"days": day, "current_city": current, "transportation": transport.get(day, "-"),
                     "breakfast": meals["breakfast"], "attraction": attraction, "lunch": meals["lunch"],
                     "dinner": meals["dinner"], "accommodation": accommodation})
    cost["total"] = sum(cost.values())
    return days, cost

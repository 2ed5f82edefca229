"""TravelPlanner's metrics (Xie et al. 2024), written from their definitions.

Per plan: eight commonsense constraints (within sandbox, complete, within current city, reasonable
route, diverse restaurants, diverse attractions, non-conflicting transport, minimum nights) and the
hard constraints the request has (budget always; room rule, cuisine, room type, transportation when
asked). As in TravelPlanner's evaluation, hard constraints are checked only for plans that are complete
and within the sandbox; otherwise they count as failed. Over many plans: delivery rate, commonsense
and hard micro (share of constraint checks passed) and macro (share of plans passing all), and the
final pass rate (plans passing every commonsense and every hard constraint). A missing plan fails all.
"""

from __future__ import annotations

import re
from typing import Any

from modeler.travel.database import Sandbox, norm_name
from modeler.travel.encode import HOUSE_RULE_TEXT, ROOM_TYPE_OK, cars_needed, rooms_needed
from modeler.travel.request import TravelRequest

COMMONSENSE = ("within_sandbox", "complete", "within_current_city", "reasonable_route", "diverse_restaurants",
               "diverse_attractions", "non_conflicting_transport", "minimum_nights")
HARD = ("budget", "room_rule", "cuisine", "room_type", "transportation")
EMPTY = ("", "-", None)


def _city(name: str) -> str:
    return re.sub(r"\s*\([^)]*\)\s*$", "", name.strip())


def split_place(entry: str) -> tuple[str, str] | None:
    """'Name, City' -> (name, city); None for '-'."""
    if entry in EMPTY:
        return None
    name, _, city = str(entry).strip().rpartition(",")
    return (name.strip(), _city(city)) if name else (str(entry).strip(), "")


def day_cities(day: dict[str, Any]) -> list[str]:
    cur = str(day.get("current_city", ""))
    m = re.match(r"from (.+?) to (.+)$", cur.strip())
    return [_city(m.group(1)), _city(m.group(2))] if m else [_city(cur)]


def _transport(day: dict[str, Any]) -> tuple[str, str | None, str, str] | None:
    """(kind, flight number, from, to) of a day's transportation entry."""
    text = str(day.get("transportation", "-"))
    if text in EMPTY:
        return None
    m = re.search(r"from (.+?) to (.+?)(?:,|$)", text)
    a, b = (_city(m.group(1)), _city(m.group(2))) if m else ("", "")
    low = text.lower()
    if low.startswith("flight"):
        num = re.search(r"(F\d+)", text)
        return "flight", num.group(1) if num else None, a, b
    return ("self-driving" if "self-driving" in low else "taxi" if "taxi" in low else "other"), None, a, b


def _meals(day: dict[str, Any]) -> list[tuple[str, str]]:
    return [p for k in ("breakfast", "lunch", "dinner") if (p := split_place(day.get(k, "-")))]


def _attractions(day: dict[str, Any]) -> list[tuple[str, str]]:
    text = day.get("attraction", "-")
    if text in EMPTY:
        return []
    return [p for part in str(text).split(";") if part.strip() and (p := split_place(part.strip()))]


def _lookup(sb: Sandbox, kind: str, name: str, city: str) -> Any:
    rows = getattr(sb, kind).get(city, [])
    key = norm_name(name)
    return next((r for r in rows if r.name == key), None)


def _flight(sb: Sandbox, number: str | None) -> Any:
    return next((f for rows in sb.flights.values() for f in rows if f.number == number), None)


def plan_cost(req: TravelRequest, plan: list[dict[str, Any]], sb: Sandbox) -> float:
    p = req.people
    total = 0.0
    for day in plan:
        tr = _transport(day)
        if tr:
            if tr[0] == "flight" and (f := _flight(sb, tr[1])):
                total += f.price * p
            elif tr[0] in ("self-driving", "taxi") and (g := sb.ground_leg(tr[2], tr[3])):
                total += g.self_driving_cost * cars_needed(p, 5) if tr[0] == "self-driving" else \
                    g.taxi_cost * cars_needed(p, 4)
        for name, city in _meals(day):
            if (r := _lookup(sb, "restaurants", name, city)):
                total += r.cost * p
        acc = split_place(day.get("accommodation", "-"))
        if acc and (a := _lookup(sb, "accommodations", *acc)):
            total += a.price * rooms_needed(p, a.max_occupancy)
    return total


def evaluate_plan(req: TravelRequest, plan: list[dict[str, Any]] | None, sb: Sandbox,
                  state_of: dict[str, str] | None = None) -> dict[str, bool | None]:
    """Each constraint -> passed (True/False), or None for a hard constraint the request does not have."""
    hard_asked = {"budget": True, "room_rule": req.house_rule is not None, "cuisine": bool(req.cuisine),
                  "room_type": req.room_type is not None, "transportation": req.transportation is not None}
    if not plan:
        return {**dict.fromkeys(COMMONSENSE, False), **{h: (False if hard_asked[h] else None) for h in HARD}}
    days = [d for d in plan if d][: req.days]
    r: dict[str, bool | None] = {}
    # within sandbox
    ok = True
    for d in days:
        ok &= all(_lookup(sb, "restaurants", n, c) for n, c in _meals(d))
        ok &= all(_lookup(sb, "attractions", n, c) for n, c in _attractions(d))
        acc = split_place(d.get("accommodation", "-"))
        ok &= acc is None or _lookup(sb, "accommodations", *acc) is not None
        tr = _transport(d)
        if tr and tr[0] == "flight":
            ok &= _flight(sb, tr[1]) is not None
        elif tr:
            ok &= sb.ground_leg(tr[2], tr[3]) is not None
    r["within_sandbox"] = bool(ok)
    # complete (TravelPlanner's is_not_absent)
    complete = len(days) == req.days
    filled = 0
    for i, d in enumerate(days):
        travel = "from " in str(d.get("current_city", ""))
        if travel and d.get("transportation") in EMPTY:
            complete = False
        if not travel and d.get("attraction") in EMPTY:
            complete = False
        if i != req.days - 1 and d.get("accommodation") in EMPTY:
            complete = False
        if not travel and any(d.get(k) in EMPTY for k in ("breakfast", "lunch", "dinner")):
            complete = False
        filled += sum(1 for v in d.values() if v not in EMPTY)
    r["complete"] = bool(complete and filled / (6 * req.days) >= 0.5)
    # within current city
    ok = True
    for d in days:
        cities = day_cities(d)
        ok &= all(c in cities for _, c in _meals(d) + _attractions(d))
        acc = split_place(d.get("accommodation", "-"))
        ok &= acc is None or acc[1] == cities[-1]
    r["within_current_city"] = bool(ok)
    # reasonable route
    seq: list[str] = []
    for d in days:
        for c in day_cities(d):
            if not seq or seq[-1] != c:
                seq.append(c)
    inner = seq[1:-1]
    ok = bool(seq) and seq[0] == req.origin and seq[-1] == req.origin and len(inner) == len(set(inner)) \
        and req.origin not in inner
    if ok and req.visiting_city_number > 1 and state_of:
        ok = all(state_of.get(c) == req.destination for c in inner)
    elif ok and req.visiting_city_number == 1:
        ok = inner == [req.destination]
    r["reasonable_route"] = ok
    meals = [m for d in days for m in _meals(d)]
    r["diverse_restaurants"] = len(meals) == len(set(meals))
    atts = [a for d in days for a in _attractions(d)]
    r["diverse_attractions"] = len(atts) == len(set(atts))
    kinds = {tr[0] for d in days if (tr := _transport(d))}
    r["non_conflicting_transport"] = not ("self-driving" in kinds and ({"flight", "taxi"} & kinds))
    ok = True
    runs: list[list[Any]] = []
    for d in days:
        acc = split_place(d.get("accommodation", "-"))
        if acc and runs and runs[-1][0] == acc:
            runs[-1][1] += 1
        elif acc:
            runs.append([acc, 1])
    for acc, n in runs:
        a = _lookup(sb, "accommodations", *acc)
        ok &= a is None or n >= a.minimum_nights
    r["minimum_nights"] = bool(ok)
    # hard constraints
    checkable = r["complete"] and r["within_sandbox"]
    accs = [a for d in days if (x := split_place(d.get("accommodation", "-")))
            and (a := _lookup(sb, "accommodations", *x))]
    hard: dict[str, bool | None] = {"budget": plan_cost(req, days, sb) <= req.budget}
    if req.house_rule:
        hard["room_rule"] = all(HOUSE_RULE_TEXT[req.house_rule] not in a.house_rules for a in accs)
    if req.cuisine:
        served = {c for d in days for n, city in _meals(d) if city != req.origin
                  and (x := _lookup(sb, "restaurants", n, city)) for c in x.cuisines}
        hard["cuisine"] = set(req.cuisine) <= served
    if req.room_type:
        hard["room_type"] = all(a.room_type in ROOM_TYPE_OK[req.room_type] for a in accs)
    if req.transportation:
        hard["transportation"] = ("flight" if req.transportation == "no flight" else "self-driving") not in kinds
    for h in HARD:
        r[h] = (bool(hard[h]) and bool(checkable)) if hard_asked[h] else None
    return r


def aggregate(results: list[dict[str, bool | None]], delivered: list[bool]) -> dict[str, float]:
    """TravelPlanner's rates over plans (results from evaluate_plan, one per query)."""
    n = len(results) or 1
    cs = [[r[c] for c in COMMONSENSE] for r in results]
    hd = [[r[h] for h in HARD if r[h] is not None] for r in results]
    cs_all = [all(x) for x in cs]
    hd_all = [all(x) for x in hd]
    return {
        "count": len(results),
        "delivery_rate": sum(delivered) / n,
        "commonsense_micro": sum(sum(x) for x in cs) / max(1, sum(len(x) for x in cs)),
        "commonsense_macro": sum(cs_all) / n,
        "hard_micro": sum(sum(x) for x in hd) / max(1, sum(len(x) for x in hd)),
        "hard_macro": sum(hd_all) / n,
        "final_pass_rate": sum(a and b for a, b in zip(cs_all, hd_all, strict=True)) / n,
    }

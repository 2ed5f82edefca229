"""The SMT encoding (z3) of one travel request over one sandbox, every constraint tracked by a label.

Per candidate ordering of the cities (enumerated outside z3: permutations of the destination state's
cities in the sandbox, or the one destination city), the encoding has integer variables for the day
of each inner leg, the transport mode of each leg (flight / self-driving / taxi) and its flight row,
a restaurant per meal (sentinel = no meal; travel days may skip meals), an attraction per day, and an
accommodation per city; linear cost terms sum to the total. Labels (see `LABELS` texts) are what the
unsat core returns, so an infeasible request can be explained in words.
"""

from __future__ import annotations

import itertools
import math
from dataclasses import dataclass, field
from typing import Any

from modeler.travel.database import Sandbox, city_states
from modeler.travel.request import TravelRequest

MEALS = ("breakfast", "lunch", "dinner")
MODES = ("flight", "self-driving", "taxi")
ROOM_TYPE_OK = {"entire room": {"Entire home/apt"}, "private room": {"Private room"},
                "shared room": {"Shared room"}, "not shared room": {"Entire home/apt", "Private room"}}
HOUSE_RULE_TEXT = {"parties": "No parties", "smoking": "No smoking", "children under 10": "No children under 10",
                   "visitors": "No visitors", "pets": "No pets"}


def rooms_needed(people: int, max_occupancy: int) -> int:
    return max(1, math.ceil(people / max(1, max_occupancy)))


def cars_needed(people: int, seats: int) -> int:
    return max(1, math.ceil(people / seats))


def candidate_orderings(req: TravelRequest, sb: Sandbox, limit: int = 24) -> list[tuple[str, ...]]:
    """City sequences to try: the destination city, or ordered picks of the state's cities."""
    if req.visiting_city_number == 1 and req.destination in sb.cities():
        return [(req.destination,)]
    try:
        states = city_states()
    except Exception:  # no data folder: trust the sandbox's cities
        states = {}
    pool = [c for c in sb.cities() if c != req.origin and (not states or states.get(c) == req.destination
                                                           or c == req.destination)]
    return list(itertools.islice(itertools.permutations(pool, req.visiting_city_number), limit))


@dataclass
class Encoding:
    """A solver loaded with one ordering's constraints, and what is needed to read a model back."""

    order: tuple[str, ...]
    solver: Any
    labels: dict[str, Any]  # label -> tracking Bool
    vars: dict[str, Any]
    restaurants: list[Any]
    attractions: list[Any]
    accommodations: list[list[Any]]
    flights: list[list[Any]]  # per leg: candidate flight rows
    legs: list[tuple[str, str]]
    total: Any
    hard: list[tuple[str, Any]] = field(default_factory=list)  # (label, formula): all but the budget


def encode(req: TravelRequest, sb: Sandbox, order: tuple[str, ...], *, optimize: bool = False,
           with_budget: bool = True) -> Encoding:
    import z3

    p, D, k = req.people, req.days, len(order)
    s = z3.Optimize() if optimize else z3.Solver()
    hard: list[tuple[str, Any]] = []

    def add(label: str, formula: Any) -> None:
        hard.append((label, formula))

    # leg days: t[0] = 1 (leave home), t[k] = D (return); inner legs free, strictly increasing
    t = [z3.IntVal(1)] + [z3.Int(f"t{i}") for i in range(1, k)] + [z3.IntVal(D)]
    add("dates: legs on increasing days within the trip",
        z3.And([t[i] < t[i + 1] for i in range(k)] + [t[i] <= D for i in range(k + 1)]))
    legs = [(req.origin, order[0])] + [(order[i], order[i + 1]) for i in range(k - 1)] + [(order[-1], req.origin)]

    def in_city(day: int, i: int) -> Any:  # city order[i] is where one is on `day` (travel days: both ends)
        return z3.And(t[i] <= day, day <= t[i + 1])

    # transport
    mode = [z3.Int(f"mode{i}") for i in range(k + 1)]
    fl = [z3.Int(f"flight{i}") for i in range(k + 1)]
    flights: list[list[Any]] = []
    leg_cost = []
    for i, (a, b) in enumerate(legs):
        rows: list[tuple[int, Any]] = []
        for day in range(1, D + 1):
            if req.dates:
                rows += [(day, f) for f in sb.flights_on(a, b, req.dates[day - 1])]
        flights.append([f for _, f in rows])
        ground = sb.ground_leg(a, b)
        ways = []
        if rows:
            ways.append(z3.And(mode[i] == 0, z3.Or([z3.And(fl[i] == j, t[i] == d) for j, (d, _) in enumerate(rows)])))
        if ground is not None:
            ways.append(z3.And(mode[i] == 1, fl[i] == -1))
            ways.append(z3.And(mode[i] == 2, fl[i] == -1))
        add(f"route {a} -> {b}: a flight that day, or a road", z3.Or(ways) if ways else z3.BoolVal(False))
        c = z3.Int(f"legcost{i}")
        parts = [z3.Implies(fl[i] == j, c == int(round(f.price)) * p) for j, (_, f) in enumerate(rows)]
        if ground is not None:
            parts += [z3.Implies(mode[i] == 1, c == int(round(ground.self_driving_cost)) * cars_needed(p, 5)),
                      z3.Implies(mode[i] == 2, c == int(round(ground.taxi_cost)) * cars_needed(p, 4))]
        s.add(*parts)
        leg_cost.append(c)
    add("transport: no self-driving mixed with flights or taxis",
        z3.Or(z3.And([m == 1 for m in mode]), z3.And([m != 1 for m in mode])))
    if req.transportation == "no flight":
        add("transportation ban: no flight", z3.And([m != 0 for m in mode]))
    if req.transportation == "no self-driving":
        add("transportation ban: no self-driving", z3.And([m != 1 for m in mode]))

    # restaurants: one per meal, none on travel days allowed, no repeats
    rest = [r for c in order for r in sb.restaurants.get(c, [])]
    city_idx = {c: i for i, c in enumerate(order)}
    r_vars, meal_cost, slot = [], [], 0
    travel = {day: z3.Or([t[i] == day for i in range(k + 1)]) for day in range(1, D + 1)}
    for day in range(1, D + 1):
        for meal in MEALS:
            slot += 1
            r = z3.Int(f"r_{day}_{meal}")
            mc = z3.Int(f"rc_{day}_{meal}")
            s.add(z3.Or(r == -slot, z3.And(r >= 0, r < len(rest))))
            s.add(z3.Implies(r < 0, mc == 0))
            for j, x in enumerate(rest):
                s.add(z3.Implies(r == j, z3.And(mc == int(round(x.cost)) * p, in_city(day, city_idx[x.city]))))
            add(f"a {meal} on day {day} (not a travel day)", z3.Or(travel[day], r >= 0))
            r_vars.append(r)
            meal_cost.append(mc)
    add("diverse restaurants: no restaurant twice", z3.Distinct(r_vars))
    for cu in req.cuisine:
        hits = [j for j, x in enumerate(rest) if cu in x.cuisines]
        add(f"cuisine: {cu}", z3.Or([r == j for r in r_vars for j in hits]) if hits else z3.BoolVal(False))

    # attractions: one a day, required on non-travel days, no repeats
    att = [a for c in order for a in sb.attractions.get(c, [])]
    a_vars = []
    for day in range(1, D + 1):
        a = z3.Int(f"a_{day}")
        s.add(z3.Or(a == -day, z3.And(a >= 0, a < len(att))))
        for j, x in enumerate(att):
            s.add(z3.Implies(a == j, in_city(day, city_idx[x.city])))
        add(f"an attraction on day {day} (not a travel day)", z3.Or(travel[day], a >= 0))
        a_vars.append(a)
    add("diverse attractions: no attraction twice", z3.Distinct(a_vars))

    # accommodation per city
    accs = [list(sb.accommodations.get(c, [])) for c in order]
    h_vars, acc_cost = [], []
    for i, c in enumerate(order):
        h = z3.Int(f"h{i}")
        ac = z3.Int(f"hc{i}")
        nights = t[i + 1] - t[i]
        rows = accs[i]
        add(f"an accommodation in {c}", z3.And(h >= 0, h < len(rows)) if rows else z3.BoolVal(False))
        for j, x in enumerate(rows):
            s.add(z3.Implies(h == j, ac == int(round(x.price)) * rooms_needed(p, x.max_occupancy) * nights))
        add(f"minimum nights in {c}", z3.And([z3.Implies(h == j, nights >= x.minimum_nights)
                                              for j, x in enumerate(rows)]))
        if req.room_type:
            ok = [j for j, x in enumerate(rows) if x.room_type in ROOM_TYPE_OK[req.room_type]]
            add(f"room type: {req.room_type} in {c}", z3.Or([h == j for j in ok]) if ok else z3.BoolVal(False))
        if req.house_rule:
            bad = HOUSE_RULE_TEXT[req.house_rule]
            ok = [j for j, x in enumerate(rows) if bad not in x.house_rules]
            add(f"house rule: {req.house_rule} allowed in {c}", z3.Or([h == j for j in ok]) if ok
                else z3.BoolVal(False))
        h_vars.append(h)
        acc_cost.append(ac)

    total = z3.Int("total")
    s.add(total == z3.Sum(leg_cost + meal_cost + acc_cost))
    if with_budget:
        add(f"budget: total cost at most ${req.budget:,.0f}", total <= int(math.floor(req.budget)))
    labels = {}
    for n, (label, formula) in enumerate(hard):
        if optimize:
            s.add(formula)
        else:
            b = z3.Bool(f"L{n}")
            labels[label] = b
            s.assert_and_track(formula, b)
    return Encoding(order=order, solver=s, labels=labels,
                    vars={"t": t, "mode": mode, "flight": fl, "r": r_vars, "a": a_vars, "h": h_vars},
                    restaurants=rest, attractions=att, accommodations=accs, flights=flights, legs=legs,
                    total=total, hard=hard)


def label_of(enc: Encoding, tracker: Any) -> str:
    name = str(tracker)
    return next(label for label, b in enc.labels.items() if str(b) == name)

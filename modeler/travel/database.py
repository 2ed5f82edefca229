"""TravelPlanner's data: the reference database (no flights) and each training query's ref_info.

A `Sandbox` is everything one plan may use: per city its attractions, restaurants and accommodations,
flights by (origin, destination, date), and ground legs (self-driving, taxi) by (origin, destination).
Flights exist only in a training query's ref_info (train_ref_info.jsonl); a sandbox built from the
database alone (`sandbox_from_database`) has ground transport only, and says so in `notes`.
"""

from __future__ import annotations

import ast
import csv
import functools
import json
import math
import os
import re
from pathlib import Path
from typing import Any

from pydantic import BaseModel, Field


class TravelError(ValueError):
    """A travel request or plan that cannot be handled, with a message a person can act on."""


class Restaurant(BaseModel):
    name: str
    city: str
    cost: float
    cuisines: list[str]


class Attraction(BaseModel):
    name: str
    city: str


class Accommodation(BaseModel):
    name: str
    city: str
    price: float
    room_type: str
    house_rules: str
    minimum_nights: int
    max_occupancy: int


class Flight(BaseModel):
    number: str
    price: float
    dep_time: str
    arr_time: str
    date: str
    origin: str
    destination: str


class GroundLeg(BaseModel):
    origin: str
    destination: str
    duration: str
    distance_km: float
    self_driving_cost: float  # per car (5 people)
    taxi_cost: float  # per taxi (4 people)


class Sandbox(BaseModel):
    """The data one request may be planned from."""

    attractions: dict[str, list[Attraction]] = Field(default_factory=dict)
    restaurants: dict[str, list[Restaurant]] = Field(default_factory=dict)
    accommodations: dict[str, list[Accommodation]] = Field(default_factory=dict)
    flights: dict[str, list[Flight]] = Field(default_factory=dict)  # key "origin|destination|date"
    ground: dict[str, GroundLeg] = Field(default_factory=dict)  # key "origin|destination"
    no_ground: list[str] = Field(default_factory=list)  # "origin|destination" legs ref_info says have no road
    notes: list[str] = Field(default_factory=list)

    def cities(self) -> list[str]:
        return list(dict.fromkeys([*self.accommodations, *self.restaurants, *self.attractions]))

    def flights_on(self, origin: str, destination: str, date: str) -> list[Flight]:
        return self.flights.get(f"{origin}|{destination}|{date}", [])

    def ground_leg(self, origin: str, destination: str) -> GroundLeg | None:
        leg = self.ground.get(f"{origin}|{destination}")
        if leg is None and f"{origin}|{destination}" not in self.no_ground:
            leg = distance_leg(origin, destination)
        return leg


def data_root(path: str | os.PathLike[str] | None = None) -> Path:
    """The travelplanner folder: `path`, else $OPTIPILOT_DATA/travelplanner; a clear error otherwise."""
    if path is None:
        raw = os.environ.get("OPTIPILOT_DATA")
        if not raw:
            raise TravelError("No data folder: set OPTIPILOT_DATA (e.g. `export OPTIPILOT_DATA=../shared/data`).")
        path = Path(raw) / "travelplanner"
    p = Path(path).expanduser()
    if not (p / "database").is_dir():
        raise TravelError(f"{p} does not hold TravelPlanner's database/ folder.")
    return p


def _num(text: str) -> float:
    return float(text.replace(",", "").strip() or 0)


def _parse_ground(text: str, origin: str, destination: str) -> tuple[str, float, float] | None:
    m = re.search(r"duration: ([^,]+), distance: ([\d,\.]+) km, cost: (\d+)", text)
    if not m:
        return None
    return m.group(1).strip(), _num(m.group(2)), float(m.group(3))


@functools.lru_cache(maxsize=4)
def _distances(root: str) -> dict[tuple[str, str], tuple[str, float]]:
    out: dict[tuple[str, str], tuple[str, float]] = {}
    with open(Path(root) / "database/googleDistanceMatrix/distance.csv", newline="") as f:
        for row in csv.DictReader(f):
            if row["distance"] and "day" not in row["duration"]:
                out[(row["origin"], row["destination"])] = (row["duration"], _num(row["distance"].split()[0]))
    return out


def distance_leg(origin: str, destination: str, root: str | None = None) -> GroundLeg | None:
    """Self-driving and taxi from the distance matrix (cost: 0.05 $/km by car, 1 $/km by taxi)."""
    try:
        base = str(data_root(root))
    except TravelError:
        return None
    hit = _distances(base).get((origin, destination))
    if hit is None:
        return None
    km = hit[1]
    return GroundLeg(origin=origin, destination=destination, duration=hit[0], distance_km=km,
                     self_driving_cost=float(int(km * 0.05)), taxi_cost=float(int(km)))


@functools.lru_cache(maxsize=4)
def city_states(root: str | None = None) -> dict[str, str]:
    """City -> state, from background/citySet_with_states.txt."""
    base = data_root(root)
    out: dict[str, str] = {}
    for line in (base / "database/background/citySet_with_states.txt").read_text().splitlines():
        if "\t" in line:
            city, state = line.split("\t", 1)
            out[city.strip()] = state.strip()
    return out


@functools.lru_cache(maxsize=4)
def known_places(root: str | None = None) -> tuple[frozenset[str], frozenset[str]]:
    """(cities, states) known to the database."""
    cs = city_states(root)
    base = data_root(root)
    cities = set(cs) | {c.strip() for c in (base / "database/background/citySet.txt").read_text().splitlines()
                        if c.strip()}
    states = set(cs.values()) | {s.strip() for s in (base / "database/background/stateSet.txt").read_text()
                                 .splitlines() if s.strip()}
    return frozenset(cities), frozenset(states)


def _restaurant(r: dict[str, Any]) -> Restaurant:
    return Restaurant(name=str(r["Name"]), city=str(r["City"]), cost=float(r["Average Cost"] or 0),
                      cuisines=[c.strip() for c in str(r["Cuisines"]).split(",") if c.strip()])


def _accommodation(a: dict[str, Any]) -> Accommodation:
    rules = a.get("house_rules")
    rules = "" if rules is None or (isinstance(rules, float) and math.isnan(rules)) else str(rules)
    def num(key: str, default: float) -> float:
        try:
            v = float(a.get(key) or default)
        except (TypeError, ValueError):
            return default
        return default if math.isnan(v) else v

    return Accommodation(name=str(a["NAME"]), city=str(a["city"]), price=num("price", 0.0),
                         room_type=str(a["room type"]), house_rules=rules,
                         minimum_nights=int(num("minimum nights", 1)),
                         max_occupancy=int(num("maximum occupancy", 1)) or 1)


def norm_name(name: str) -> str:
    """Names compared the way plans write them: surrounding and repeated spaces ignored."""
    return " ".join(str(name).split())


def _dedupe(rows: list[Any]) -> list[Any]:
    """One row per name (the first): a plan names places, so two rows with one name are one place."""
    seen: dict[str, Any] = {}
    for r in rows:
        r.name = norm_name(r.name)
        seen.setdefault(r.name, r)
    return list(seen.values())


def sandbox_from_ref_info(ref: dict[str, Any]) -> Sandbox:
    """A sandbox from one line of train_ref_info.jsonl (a dict of description -> rows or text)."""
    sb = Sandbox()
    for key, value in ref.items():
        if key.startswith("Attractions in "):
            city = key[len("Attractions in "):]
            sb.attractions[city] = _dedupe([Attraction(name=str(a["Name"]), city=city) for a in value or []])
        elif key.startswith("Restaurants in "):
            sb.restaurants[key[len("Restaurants in "):]] = _dedupe([_restaurant(r) for r in value or []])
        elif key.startswith("Accommodations in "):
            sb.accommodations[key[len("Accommodations in "):]] = _dedupe([_accommodation(a) for a in value or []])
        elif key.startswith("Flight from "):
            m = re.match(r"Flight from (.+) to (.+) on (\d{4}-\d{2}-\d{2})$", key)
            if m and isinstance(value, list):
                sb.flights[f"{m.group(1)}|{m.group(2)}|{m.group(3)}"] = [
                    Flight(number=f["Flight Number"], price=float(f["Price"]), dep_time=f["DepTime"],
                           arr_time=f["ArrTime"], date=f["FlightDate"], origin=f["OriginCityName"],
                           destination=f["DestCityName"]) for f in value]
        elif key.startswith(("Self-driving from ", "Taxi from ")):
            m = re.match(r"(?:Self-driving|Taxi) from (.+) to (.+)$", key)
            if not m or not isinstance(value, str):
                continue
            parsed = _parse_ground(value, m.group(1), m.group(2))
            if parsed is None:
                if key.startswith("Self-driving") and f"{m.group(1)}|{m.group(2)}" not in sb.ground:
                    sb.no_ground.append(f"{m.group(1)}|{m.group(2)}")
                continue
            k = f"{m.group(1)}|{m.group(2)}"
            leg = sb.ground.get(k) or GroundLeg(origin=m.group(1), destination=m.group(2), duration=parsed[0],
                                                distance_km=parsed[1], self_driving_cost=float(int(parsed[1] * 0.05)),
                                                taxi_cost=float(int(parsed[1])))
            if key.startswith("Self-driving"):
                leg.self_driving_cost = parsed[2]
            else:
                leg.taxi_cost = parsed[2]
            sb.ground[k] = leg
    return sb


@functools.lru_cache(maxsize=2)
def _database_tables(root: str) -> tuple[dict, dict, dict]:
    base = Path(root) / "database"
    att: dict[str, list[Attraction]] = {}
    with open(base / "attractions/attractions.csv", newline="") as f:
        for r in csv.DictReader(f):
            att.setdefault(r["City"], []).append(Attraction(name=r["Name"], city=r["City"]))
    res: dict[str, list[Restaurant]] = {}
    with open(base / "restaurants/clean_restaurant_2022.csv", newline="") as f:
        for r in csv.DictReader(f):
            res.setdefault(r["City"], []).append(_restaurant(r))
    acc: dict[str, list[Accommodation]] = {}
    with open(base / "accommodations/clean_accommodations_2022.csv", newline="") as f:
        for r in csv.DictReader(f):
            acc.setdefault(r["city"], []).append(_accommodation(r))
    return att, res, acc


def sandbox_from_database(cities: list[str], root: str | None = None) -> Sandbox:
    """A sandbox for `cities` from the reference database: no flights (the database has none)."""
    att, res, acc = _database_tables(str(data_root(root)))
    sb = Sandbox(notes=["No flights: flights exist only in a training query's ref_info, so this plan uses "
                        "ground transport (self-driving or taxi) only. Pass --query-index N or --ref-info FILE "
                        "to plan with flights."])
    for c in cities:
        sb.attractions[c] = _dedupe([x.model_copy() for x in att.get(c, [])])
        sb.restaurants[c] = _dedupe([x.model_copy() for x in res.get(c, [])])
        sb.accommodations[c] = _dedupe([x.model_copy() for x in acc.get(c, [])])
    return sb


def _jsonl(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text().splitlines() if line.strip()]


@functools.lru_cache(maxsize=2)
def _train(root: str) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    base = Path(root) / "train"
    return _jsonl(base / "train_queries_and_plans.jsonl"), _jsonl(base / "train_ref_info.jsonl")


def train_size(root: str | None = None) -> int:
    return len(_train(str(data_root(root)))[0])


def load_query(index: int, root: str | None = None) -> tuple[str, dict[str, Any]]:
    """(query text, ref_info) of training query `index` (0-based, 45 queries)."""
    queries, refs = _train(str(data_root(root)))
    if not 0 <= index < len(queries):
        raise TravelError(f"query index {index} is out of range: there are {len(queries)} training queries (0-"
                          f"{len(queries) - 1}).")
    user = next(m["content"] for m in queries[index]["messages"] if m["role"] == "user")
    text = user[user.rfind("Query:") + len("Query:"):].strip()
    return text, refs[index]


def human_plan(index: int, root: str | None = None) -> list[dict[str, Any]]:
    """The human-written plan of training query `index` (empty day dicts dropped)."""
    queries, _ = _train(str(data_root(root)))
    content = next(m["content"] for m in queries[index]["messages"] if m["role"] == "assistant")
    return [d for d in ast.literal_eval(content) if d]

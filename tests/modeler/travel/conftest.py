"""A small hand-made sandbox: home city H, destination A (and B in state S), a few rows each."""

from __future__ import annotations

import pytest

from modeler.travel.database import Accommodation, Attraction, Flight, GroundLeg, Restaurant, Sandbox
from modeler.travel.request import TravelRequest

PLACES = (frozenset({"Home", "Alpha", "Beta"}), frozenset({"Statia"}))
STATES = {"Alpha": "Statia", "Beta": "Statia", "Home": "Homeland"}


def make_sandbox(ground: bool = True) -> Sandbox:
    sb = Sandbox()
    for city, base in (("Alpha", 10), ("Beta", 20)):
        sb.restaurants[city] = [
            Restaurant(name=f"{city} Diner {i}", city=city, cost=base + i,
                       cuisines=["American"] if i % 2 == 0 else ["Chinese", "Indian"]) for i in range(8)]
        sb.attractions[city] = [Attraction(name=f"{city} Park {i}", city=city) for i in range(4)]
        sb.accommodations[city] = [
            Accommodation(name=f"{city} Flat", city=city, price=100, room_type="Entire home/apt",
                          house_rules="No parties", minimum_nights=1, max_occupancy=4),
            Accommodation(name=f"{city} Room", city=city, price=50, room_type="Private room",
                          house_rules="No pets & No smoking", minimum_nights=1, max_occupancy=2),
            Accommodation(name=f"{city} Long Stay", city=city, price=10, room_type="Private room",
                          house_rules="", minimum_nights=5, max_occupancy=2),
        ]
    sb.flights["Home|Alpha|2022-03-01"] = [Flight(number="F1", price=200, dep_time="08:00", arr_time="10:00",
                                                  date="2022-03-01", origin="Home", destination="Alpha")]
    sb.flights["Alpha|Home|2022-03-03"] = [Flight(number="F2", price=150, dep_time="18:00", arr_time="20:00",
                                                  date="2022-03-03", origin="Alpha", destination="Home")]
    if ground:
        for a, b in (("Home", "Alpha"), ("Alpha", "Home"), ("Alpha", "Beta"), ("Beta", "Alpha"), ("Home", "Beta"),
                     ("Beta", "Home")):
            sb.ground[f"{a}|{b}"] = GroundLeg(origin=a, destination=b, duration="3 hours", distance_km=300,
                                              self_driving_cost=15, taxi_cost=300)
    return sb


@pytest.fixture
def sandbox() -> Sandbox:
    return make_sandbox()


@pytest.fixture
def request3() -> TravelRequest:
    return TravelRequest(origin="Home", destination="Alpha", days=3, dates=["2022-03-01", "2022-03-02", "2022-03-03"],
                         people=1, budget=2000)


@pytest.fixture(autouse=True)
def _no_data(monkeypatch: pytest.MonkeyPatch) -> None:
    """Hand-made tests never read the shared data: ground legs come from the sandbox only."""
    import modeler.travel.database as db
    import modeler.travel.encode as enc

    monkeypatch.setattr(db, "distance_leg", lambda *a, **k: None)
    monkeypatch.setattr(enc, "city_states", lambda *a, **k: STATES)

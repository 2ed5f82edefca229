"""Encoding pieces and plan format on the hand-made sandbox."""

from __future__ import annotations

from modeler.travel import plan_trip
from modeler.travel.evaluate import evaluate_plan

KEYS = ["days", "current_city", "transportation", "breakfast", "attraction", "lunch", "dinner", "accommodation"]


def test_plan_format_and_all_metrics_pass(sandbox, request3):
    out = plan_trip(request3, ref_info=sandbox)
    assert out.status == "planned"
    assert [list(d) for d in out.plan] == [KEYS] * 3
    assert out.plan[0]["current_city"] == "from Home to Alpha"
    assert out.plan[1]["current_city"] == "Alpha"
    assert out.plan[2]["current_city"] == "from Alpha to Home"
    assert out.plan[2]["accommodation"] == "-"
    assert out.plan[1]["breakfast"].endswith(", Alpha")
    assert out.plan[1]["attraction"].endswith(", Alpha;")
    assert out.cost["total"] == out.cost["transportation"] + out.cost["meals"] + out.cost["accommodation"]
    checks = evaluate_plan(request3, out.plan, sandbox, {"Alpha": "Statia"})
    assert all(v is not False for v in checks.values()), checks


def test_transport_ban_and_no_mixing(sandbox, request3):
    req = request3.model_copy(update={"transportation": "no flight"})
    out = plan_trip(req, ref_info=sandbox)
    legs = [d["transportation"] for d in out.plan if d["transportation"] != "-"]
    assert legs and not any(t.startswith("Flight") for t in legs)
    kinds = {t.split(",")[0].split(":")[0] for t in legs}
    assert not ({"Self-driving"} < kinds)  # self-driving never mixed with taxis or flights


def test_room_type_house_rule_minimum_nights_and_occupancy(sandbox, request3):
    req = request3.model_copy(update={"room_type": "private room", "house_rule": "parties", "people": 3})
    out = plan_trip(req, ref_info=sandbox)
    assert out.status == "planned"
    # Flat: not a private room; Long Stay: 5 minimum nights; Room: allows parties, sleeps 2 -> 2 rooms
    assert out.plan[0]["accommodation"] == "Alpha Room, Alpha"
    assert out.cost["accommodation"] == 50 * 2 * 2


def test_cuisine_and_diverse_restaurants(sandbox, request3):
    req = request3.model_copy(update={"cuisine": ["Indian", "American"]})
    out = plan_trip(req, ref_info=sandbox)
    meals = [d[m] for d in out.plan for m in ("breakfast", "lunch", "dinner") if d[m] != "-"]
    assert len(meals) == len(set(meals))
    names = {int(m.split(",")[0].split()[-1]) for m in meals}
    assert any(n % 2 == 0 for n in names) and any(n % 2 == 1 for n in names)


def test_two_cities_in_a_state(sandbox):
    from modeler.travel import TravelRequest

    req = TravelRequest(origin="Home", destination="Statia", visiting_city_number=2, days=5,
                        dates=[f"2022-03-0{i}" for i in range(1, 6)], people=2, budget=5000)
    out = plan_trip(req, ref_info=sandbox)
    assert out.status == "planned"
    cities = [d["current_city"] for d in out.plan]
    assert cities[0].startswith("from Home to ") and cities[-1].endswith(" to Home")
    assert any(c.startswith("from Alpha to Beta") or c.startswith("from Beta to Alpha") for c in cities)
    checks = evaluate_plan(req, out.plan, sandbox, {"Alpha": "Statia", "Beta": "Statia"})
    assert all(v is not False for v in checks.values()), checks

"""Each TravelPlanner metric on a hand-made passing plan and on a plan broken for that metric."""

from __future__ import annotations

import copy

import pytest

from modeler.travel import TravelRequest
from modeler.travel.evaluate import COMMONSENSE, aggregate, evaluate_plan

STATES = {"Alpha": "Statia", "Beta": "Statia"}
GOOD = [
    {"days": 1, "current_city": "from Home to Alpha",
     "transportation": "Flight Number: F1, from Home to Alpha, Departure Time: 08:00, Arrival Time: 10:00",
     "breakfast": "-", "attraction": "Alpha Park 0, Alpha;", "lunch": "Alpha Diner 0, Alpha",
     "dinner": "Alpha Diner 1, Alpha", "accommodation": "Alpha Room, Alpha"},
    {"days": 2, "current_city": "Alpha", "transportation": "-", "breakfast": "Alpha Diner 2, Alpha",
     "attraction": "Alpha Park 1, Alpha;Alpha Park 2, Alpha;", "lunch": "Alpha Diner 3, Alpha",
     "dinner": "Alpha Diner 4, Alpha", "accommodation": "Alpha Room, Alpha"},
    {"days": 3, "current_city": "from Alpha to Home",
     "transportation": "Flight Number: F2, from Alpha to Home, Departure Time: 18:00, Arrival Time: 20:00",
     "breakfast": "Alpha Diner 5, Alpha", "attraction": "-", "lunch": "-", "dinner": "-", "accommodation": "-"},
]


def _req(**kw) -> TravelRequest:
    base = {"origin": "Home", "destination": "Alpha", "days": 3, "people": 1, "budget": 2000,
            "dates": ["2022-03-01", "2022-03-02", "2022-03-03"]}
    return TravelRequest(**{**base, **kw})


def _broken(day: int, key: str, value: str) -> list[dict]:
    plan = copy.deepcopy(GOOD)
    plan[day][key] = value
    return plan


def test_good_plan_passes_everything(sandbox):
    req = _req(house_rule="parties", cuisine=["Indian"], room_type="private room", transportation="no self-driving")
    r = evaluate_plan(req, GOOD, sandbox, STATES)
    assert all(r.values()), r


@pytest.mark.parametrize("metric,plan", [
    ("within_sandbox", _broken(1, "lunch", "Imaginary Bistro, Alpha")),
    ("complete", _broken(1, "attraction", "-")),
    ("within_current_city", _broken(1, "dinner", "Beta Diner 1, Beta")),
    ("reasonable_route", _broken(2, "current_city", "from Alpha to Beta")),
    ("diverse_restaurants", _broken(1, "dinner", "Alpha Diner 0, Alpha")),
    ("diverse_attractions", _broken(1, "attraction", "Alpha Park 0, Alpha;")),
    ("non_conflicting_transport", _broken(2, "transportation",
                                          "Self-driving, from Alpha to Home, duration: 3 hours, cost: 15")),
    ("minimum_nights", _broken(1, "accommodation", "Alpha Long Stay, Alpha")),
])
def test_each_commonsense_metric_fails_on_its_broken_plan(sandbox, metric, plan):
    r = evaluate_plan(_req(), plan, sandbox, STATES)
    assert r[metric] is False, r


def test_minimum_nights_counts_consecutive_stays(sandbox):
    sandbox.accommodations["Alpha"][1].minimum_nights = 3
    assert evaluate_plan(_req(), GOOD, sandbox, STATES)["minimum_nights"] is False


@pytest.mark.parametrize("metric,kw", [
    ("budget", {"budget": 100}),
    ("room_rule", {"house_rule": "pets"}),
    ("cuisine", {"cuisine": ["Mexican"]}),
    ("room_type", {"room_type": "entire room"}),
    ("transportation", {"transportation": "no flight"}),
])
def test_each_hard_metric_fails(sandbox, metric, kw):
    r = evaluate_plan(_req(**kw), GOOD, sandbox, STATES)
    assert r[metric] is False
    assert all(r[c] for c in COMMONSENSE)


def test_hard_not_asked_is_none_and_missing_plan_fails_all(sandbox):
    r = evaluate_plan(_req(), GOOD, sandbox, STATES)
    assert r["room_rule"] is None and r["budget"] is True
    missing = evaluate_plan(_req(room_type="private room"), None, sandbox, STATES)
    assert not any(missing[c] for c in COMMONSENSE) and missing["room_type"] is False and missing["cuisine"] is None


def test_aggregate_micro_macro_final():
    ok = dict.fromkeys(COMMONSENSE, True) | {"budget": True, "room_rule": None, "cuisine": None, "room_type": None,
                                             "transportation": None}
    bad = ok | {"diverse_restaurants": False, "budget": False}
    agg = aggregate([ok, bad], [True, True])
    assert agg["delivery_rate"] == 1.0
    assert agg["commonsense_micro"] == 15 / 16 and agg["commonsense_macro"] == 0.5
    assert agg["hard_micro"] == 0.5 and agg["hard_macro"] == 0.5 and agg["final_pass_rate"] == 0.5

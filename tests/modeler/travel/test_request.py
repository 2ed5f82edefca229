"""Request validation, the offline parser, and the LLM path (ScriptedLLM)."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from modeler.llm.testing import ScriptedLLM
from modeler.travel import TravelError, parse_request
from modeler.travel.request import make_request

PLACES = (frozenset({"St. Petersburg", "Rockford", "Evansville", "Oklahoma City", "Washington"}),
          frozenset({"Texas", "Oklahoma", "Colorado", "Washington"}))
DATA = os.environ.get("OPTIPILOT_DATA")
HAS_DATA = bool(DATA) and (Path(DATA) / "travelplanner" / "train").is_dir()


def test_parse_simple_query():
    req = parse_request("Please help me plan a trip from St. Petersburg to Rockford spanning 3 days from March 16th "
                        "to March 18th, 2022. The travel should be planned for a single person with a budget of "
                        "$1,700.", places=PLACES)
    assert (req.origin, req.destination, req.days, req.people, req.budget) == ("St. Petersburg", "Rockford", 3, 1,
                                                                                1700)
    assert req.dates == ["2022-03-16", "2022-03-17", "2022-03-18"]


def test_parse_state_and_local_constraints():
    req = parse_request("Can you help me plan a one-week solo trip from Oklahoma City to Colorado, during which I'll "
                        "be visiting 3 different cities? The trip will be from March 1st to March 7th, 2022, and I "
                        "have a budget of $3,000. We require entire rooms, pet-friendly places, and no flights. We "
                        "love Indian and French food.", places=PLACES)
    assert (req.destination, req.visiting_city_number, req.days) == ("Colorado", 3, 7)
    assert (req.room_type, req.house_rule, req.transportation) == ("entire room", "pets", "no flight")
    assert req.cuisine == ["Indian", "French"]


@pytest.mark.parametrize("text,needle", [
    ("Plan a trip from Atlantis to Rockford for 3 days from March 1st to March 3rd, 2022, budget $900.", "Atlantis"),
    ("Plan a trip from St. Petersburg to Rockford for 0 days, budget $900.", "at least 1 day"),
    ("", "empty"),
])
def test_bad_requests_get_clear_errors(text, needle):
    with pytest.raises(TravelError, match=needle):
        parse_request(text, places=PLACES)


def test_negative_budget_and_zero_days_are_rejected():
    with pytest.raises(TravelError, match="budget cannot be negative"):
        make_request(origin="Rockford", destination="Evansville", days=3, budget=-5)
    with pytest.raises(TravelError, match="at least 1 day"):
        make_request(origin="Rockford", destination="Evansville", days=0, budget=500)


def test_llm_path_validates_and_feeds_errors_back():
    good = {"origin": "Evansville", "destination": "Texas", "days": 5, "visiting_city_number": 2,
            "dates": [f"2022-03-{d}" for d in range(17, 22)], "people": 2, "budget": 2800,
            "house_rule": "children under 10", "cuisine": [], "room_type": "private room",
            "transportation": "no flight"}
    llm = ScriptedLLM(["not json at all", json.dumps({**good, "days": 0}), json.dumps(good)])
    with pytest.raises(TravelError, match="2 tries"):
        parse_request("any text", llm=llm, places=PLACES)
    llm = ScriptedLLM([json.dumps({**good, "origin": "Atlantis"}), json.dumps(good)])
    req = parse_request("any text", llm=llm, places=PLACES)
    assert req.transportation == "no flight" and req.people == 2
    assert "Atlantis" in llm.calls[1].messages[-1]["content"]
    assert "Evansville" in llm.calls[0].messages[0]["content"]  # the few-shot prompt file is used


@pytest.mark.skipif(not HAS_DATA, reason="needs OPTIPILOT_DATA with travelplanner/")
def test_training_query_is_planned_and_passes():
    from modeler.travel import load_query, plan_trip
    from modeler.travel.database import city_states, sandbox_from_ref_info
    from modeler.travel.evaluate import evaluate_plan

    text, ref = load_query(0)
    req = parse_request(text)
    out = plan_trip(req, ref_info=ref)
    assert out.status == "planned"
    checks = evaluate_plan(req, out.plan, sandbox_from_ref_info(ref), city_states())
    assert all(v is not False for v in checks.values()), checks

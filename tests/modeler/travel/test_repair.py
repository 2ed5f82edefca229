"""Unsat explanations and verified repairs on the hand-made sandbox; the LLM loop with ScriptedLLM."""

from __future__ import annotations

import json

from modeler.llm.testing import ScriptedLLM
from modeler.travel import apply_repair, plan_trip
from modeler.travel.planner import min_cost
from modeler.travel.repair import core_categories
from modeler.travel.repair_llm import SimulatedUser, llm_repair_loop


def test_budget_too_low_names_the_cheapest_cost_and_repairs(sandbox, request3):
    cheapest = min_cost(request3, sandbox)
    assert cheapest is not None
    req = request3.model_copy(update={"budget": cheapest - 1})
    out = plan_trip(req, ref_info=sandbox)
    assert out.status == "infeasible"
    cats = core_categories(out.core)
    assert "budget" in cats and not {"room type", "house rule", "transportation ban", "cuisine"} & set(cats)
    assert f"${cheapest:,.0f}" in out.reasons[0] and "too low" in out.reasons[0]
    first = out.suggestions[0]
    assert first.field == "budget" and first.request.budget == cheapest
    fixed = plan_trip(apply_repair(req, first), ref_info=sandbox)
    assert fixed.status == "planned" and fixed.cost["total"] <= cheapest
    # minimal: one dollar less stays infeasible
    assert plan_trip(req.model_copy(update={"budget": cheapest - 1}), ref_info=sandbox, repairs=False).status \
        == "infeasible"


def test_impossible_room_type_is_named_and_dropped(sandbox, request3):
    req = request3.model_copy(update={"room_type": "shared room"})
    out = plan_trip(req, ref_info=sandbox)
    assert out.status == "infeasible"
    assert "room type" in core_categories(out.core)
    assert any("shared room" in r for r in out.reasons)
    assert out.suggestions and all(plan_trip(s.request, ref_info=sandbox).status == "planned" for s in out.suggestions)
    assert {s.field for s in out.suggestions} <= {"room_type", "room_type+budget"}


def test_house_rule_conflict(sandbox, request3):
    req = request3.model_copy(update={"room_type": "private room", "house_rule": "pets"})
    out = plan_trip(req, ref_info=sandbox)
    assert out.status == "infeasible"
    cats = core_categories(out.core)
    assert "house rule" in cats or "room type" in cats
    assert out.suggestions


def test_transport_ban_cutting_every_route():
    from conftest import make_sandbox

    from modeler.travel import TravelRequest

    sb = make_sandbox(ground=False)
    req = TravelRequest(origin="Home", destination="Alpha", days=3, dates=["2022-03-01", "2022-03-02", "2022-03-03"],
                        budget=3000, transportation="no flight")
    out = plan_trip(req, ref_info=sb)
    assert out.status == "infeasible"
    assert "transportation ban" in core_categories(out.core)
    assert out.suggestions[0].field == "transportation" and out.suggestions[0].request.transportation is None


def test_llm_loop_with_simulated_user(sandbox, request3):
    req = request3.model_copy(update={"budget": 100})
    out = plan_trip(req, ref_info=sandbox, repairs=False)
    script = [json.dumps({"field": "budget", "value": 5000, "why": "more money"}),
              json.dumps({"field": "room_type", "value": "private room", "why": "cheaper"}),
              json.dumps({"field": "people", "value": 1, "why": "fewer"})]
    llm = ScriptedLLM(script)
    user = SimulatedUser(accept={"people"})
    res = llm_repair_loop(req, sandbox, out.core, llm, user, rounds=3)
    # the budget change is verified but refused; the room type does not fix the budget; people stays 1 -> no plan
    assert user.asked[0] == "budget"
    assert res.accepted is None
    assert "budget" in llm.calls[1].messages[-1]["content"]  # refused fields are told back

    llm2 = ScriptedLLM([json.dumps({"field": "budget", "value": 5000, "why": "more money"})])
    res2 = llm_repair_loop(req, sandbox, out.core, llm2, SimulatedUser(accept={"budget"}))
    assert res2.accepted is not None and res2.request.budget == 5000

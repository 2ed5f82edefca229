"""The LLM-driven repair loop: the LLM proposes one change at a time, the solver verifies it, and a
(simulated) user accepts or refuses it per field; refused fields are told back to the LLM.

`SimulatedUser(accept={"budget", "room_type"})` accepts changes to those fields only, so tests and
benchmarks can script a user. The LLM answers JSON {"field": ..., "value": ..., "why": ...}.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import Any

from modeler.travel.database import Sandbox, TravelError
from modeler.travel.planner import Repair, solve_request
from modeler.travel.repair import explain
from modeler.travel.request import TravelRequest

CHANGEABLE = ("budget", "room_type", "house_rule", "transportation", "cuisine", "people", "destination")

SYSTEM = """You help a traveller whose trip request has no valid plan. You see the request as JSON, why it \
fails (from an SMT solver's unsat core), and which fields the traveller refused to change. Propose ONE \
change as JSON: {{"field": <one of {}>, "value": <new value, null to drop a constraint>, "why": <short>}}. \
Prefer the smallest change; never propose a refused field.""".format(", ".join(CHANGEABLE))


@dataclass
class SimulatedUser:
    """Accepts a proposed change iff its field is in `accept`; records what it was asked."""

    accept: set[str]
    asked: list[str] = field(default_factory=list)

    def __call__(self, repair: Repair) -> bool:
        self.asked.append(repair.field)
        return repair.field in self.accept


@dataclass
class LoopResult:
    request: TravelRequest | None  # the accepted, verified request (None: no agreement)
    accepted: Repair | None
    history: list[dict[str, Any]]


def _answer_json(text: str) -> dict[str, Any]:
    m = re.search(r"\{.*\}", text, flags=re.DOTALL)
    if m is None:
        raise ValueError("no JSON object in the answer")
    return json.loads(m.group(0))


def llm_repair_loop(req: TravelRequest, sb: Sandbox, core: list[str], llm: Any, user: Any,
                    rounds: int = 5, time_limit: float = 20.0) -> LoopResult:
    """Propose (LLM) -> verify (z3) -> ask (user) until a verified change is accepted or rounds run out."""
    reasons = explain(req, sb, core, time_limit)
    refused: set[str] = set()
    history: list[dict[str, Any]] = []
    current_req, accepted = req, None
    messages = [{"role": "system", "content": SYSTEM}]
    for _ in range(rounds):
        messages.append({"role": "user", "content": json.dumps(
            {"request": current_req.model_dump(), "why_infeasible": reasons, "refused_fields": sorted(refused)})})
        answer = llm.complete(messages, temperature=0.0, json_mode=True).text
        messages.append({"role": "assistant", "content": answer})
        step: dict[str, Any] = {"answer": answer}
        history.append(step)
        try:
            prop = _answer_json(answer)
            fld = str(prop["field"])
            if fld not in CHANGEABLE:
                raise ValueError(f"field {fld!r} cannot be changed; choose one of {', '.join(CHANGEABLE)}")
            if fld in refused:
                raise ValueError(f"the traveller refused changes to {fld}")
            value = prop.get("value")
            if fld == "cuisine" and value is None:
                value = []
            new = TravelRequest(**{**current_req.model_dump(), fld: value})
        except (ValueError, KeyError, TypeError) as e:
            step["error"] = str(e)
            messages.append({"role": "user", "content": f"Invalid proposal: {e}"})
            continue
        out = solve_request(new, sb, time_limit)
        step["verified"] = out.status == "planned"
        if out.status != "planned":
            messages.append({"role": "user", "content": "The solver still finds no plan with that change: "
                             + "; ".join(explain(new, sb, out.core, time_limit))})
            current_req = new if user(Repair(field=fld, description=str(prop.get("why", "")), request=new)) \
                else current_req
            continue
        repair = Repair(field=fld, description=str(prop.get("why", f"change {fld}")), request=new,
                        cost=out.cost.get("total"))
        ok = user(repair)
        step["accepted"] = ok
        if ok:
            accepted = repair
            return LoopResult(request=new, accepted=accepted, history=history)
        refused.add(fld)
    return LoopResult(request=None, accepted=None, history=history)


def require_llm(llm: Any) -> Any:
    if llm is None:
        raise TravelError("the LLM repair loop needs an LLM (--llm MODEL); use the rule-based suggester offline.")
    return llm

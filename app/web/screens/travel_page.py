"""Travel planner: a request in words -> editable constraints -> a day-by-day plan, or reasons and repairs.

A thin shell over `modeler.travel` (parse_request, plan_trip, apply_repair, load_query). The request's
fields live in widget keys "tr-<field>" so that reading a request or accepting a repair fills the form.
"""

from __future__ import annotations

import functools
from typing import Any

import streamlit as st

from app.web.common import run_job, session_llm, show_error

FIELDS = ("origin", "destination", "days", "visiting_city_number", "people", "budget", "dates", "house_rule",
          "cuisine", "room_type", "transportation")
NONE = "(none)"


def _fill_form(request: Any) -> None:
    """Put a TravelRequest's fields into the form's widgets."""
    data = request.model_dump()
    for name in FIELDS:
        value = data[name]
        if name == "dates":
            value = ", ".join(value)
        elif name in ("house_rule", "room_type", "transportation"):
            value = value or NONE
        elif name == "budget":
            value = float(value)
        st.session_state[f"tr-{name}"] = value
    st.session_state["travel-has-request"] = True


def _form() -> dict[str, Any]:
    """The editable constraints; returns the fields as typed."""
    from modeler.travel.request import CUISINES, HOUSE_RULES, ROOM_TYPES, TRANSPORT_BANS

    st.markdown("**Constraints** (read from the request; correct them if they were read wrong)")
    c = st.columns(3)
    c[0].text_input("From (city)", key="tr-origin")
    c[1].text_input("To (city, or a state for several cities)", key="tr-destination")
    c[2].text_input("Dates (ISO, one per day, comma-separated)", key="tr-dates")
    c = st.columns(4)
    c[0].number_input("Days", 1, 30, key="tr-days")
    c[1].number_input("Cities to visit", 1, 10, key="tr-visiting_city_number")
    c[2].number_input("People", 1, 20, key="tr-people")
    c[3].number_input("Budget ($)", 0.0, 1e7, step=100.0, key="tr-budget")
    c = st.columns(4)
    c[0].selectbox("House rule", [NONE, *HOUSE_RULES], key="tr-house_rule")
    c[1].multiselect("Cuisines", list(CUISINES), key="tr-cuisine")
    c[2].selectbox("Room type", [NONE, *ROOM_TYPES], key="tr-room_type")
    c[3].selectbox("Transportation", [NONE, *TRANSPORT_BANS], key="tr-transportation")
    out: dict[str, Any] = {name: st.session_state.get(f"tr-{name}") for name in FIELDS}
    out["dates"] = [d.strip() for d in str(out["dates"] or "").split(",") if d.strip()]
    for name in ("house_rule", "room_type", "transportation"):
        out[name] = None if out[name] == NONE else out[name]
    out["origin"], out["destination"] = str(out["origin"]).strip(), str(out["destination"]).strip()
    return out


def _plan_view(outcome: Any) -> None:
    import pandas as pd

    st.success(f"Planned in {outcome.solve_seconds:.2f} s · total cost ${outcome.cost.get('total', 0):,.0f}")
    st.dataframe(pd.DataFrame(outcome.plan), hide_index=True, width="stretch")
    st.markdown("**Cost breakdown**")
    st.table({k: [f"${v:,.0f}"] for k, v in outcome.cost.items()})
    for note in outcome.notes:
        st.caption(note)


def _infeasible_view(outcome: Any, request: Any) -> None:
    from modeler.travel import apply_repair

    st.error("No plan meets every constraint.")
    st.markdown("**Why**")
    for reason in outcome.reasons:
        st.markdown(f"- {reason}")
    if not outcome.suggestions:
        st.info("No single change was found that gives a plan; relax the constraints above by hand.")
        return
    st.markdown("**Repairs that give a plan** (each was re-solved); accept one to plan with it:")
    for i, rep in enumerate(outcome.suggestions):
        cost = f" (plan cost ${rep.cost:,.0f})" if rep.cost is not None else ""
        if st.button(f"Accept: {rep.description}{cost}", key=f"repair-{i}"):
            # the form's widgets exist already in this run: fill them at the top of the next one
            st.session_state["travel-pending"] = apply_repair(request, rep)
            st.session_state["travel-autoplan"] = True
            st.session_state.pop("travel-job", None)
            st.rerun()


def render() -> None:
    st.title("Travel planner")
    if "travel-pending" in st.session_state:
        _fill_form(st.session_state.pop("travel-pending"))
    try:
        from modeler.llm import LLMError
        from modeler.travel import TravelError, load_query, parse_request, plan_trip
        from modeler.travel.request import check_places, make_request
    except ImportError:
        st.info("Travel planning is not available in this build.")
        return
    st.caption("Flights exist only for TravelPlanner's 45 training queries; pick one to plan with its flights, "
               "or type your own request (ground transport only).")
    options = ["(type my own)", *[str(i) for i in range(45)]]
    linked = st.query_params.get("query")  # ?query=3 opens the page on training query 3
    query = st.selectbox("Training query", options, index=options.index(linked) if linked in options else 0)
    ref_info = None
    default = ""
    if query != "(type my own)":
        try:
            default, ref_info = load_query(int(query))
        except TravelError as e:
            show_error(str(e))
            return
    text = st.text_area("Request in words", value=default, height=120, key=f"travel-text-{query}")
    if st.button("Read the request"):
        if not text.strip():
            show_error("The request is empty: describe the trip (from where, to where, how many days, budget).")
            return
        try:
            with st.spinner("Reading the request ..."):
                _fill_form(parse_request(text, llm=session_llm()))
            st.session_state.pop("travel-job", None)
        except (TravelError, LLMError, ValueError) as e:  # a bad model string, an LLM that failed
            show_error(str(e))
            return
    if not st.session_state.get("travel-has-request"):
        return
    fields = _form()
    fn = None
    autoplan = st.session_state.pop("travel-autoplan", False)
    if st.button("Plan the trip", type="primary") or autoplan:
        try:
            request = make_request(**fields)
            check_places(request)
        except TravelError as e:
            show_error(f"The constraints are not valid: {e}")
            return
        st.session_state["travel-request"] = request
        fn = functools.partial(plan_trip, request, ref_info=ref_info)
    try:
        outcome = run_job("travel-job", fn, "Planning")
    except TravelError as e:
        show_error(str(e))
        return
    except Exception as e:  # noqa: BLE001  (shown in words, never as a traceback)
        show_error(f"{type(e).__name__}: {e}")
        return
    if outcome is None:
        return
    if outcome.status == "planned":
        _plan_view(outcome)
    else:
        _infeasible_view(outcome, st.session_state["travel-request"])


if __name__ == "__main__":
    render()

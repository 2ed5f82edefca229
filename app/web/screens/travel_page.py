"""Travel planner: a request in words -> editable constraints -> a day-by-day plan, or reasons and repairs."""

from __future__ import annotations

import functools
import json

import streamlit as st

from app.web.common import build_llm, llm_choice, run_job, show_error


def _plan_view(outcome: object) -> None:
    import pandas as pd

    st.success(f"Planned in {outcome.solve_seconds:.2f} s · total cost ${outcome.cost.get('total', 0):,.0f}")
    st.dataframe(pd.DataFrame(outcome.plan), hide_index=True, use_container_width=True)
    st.markdown("**Cost breakdown**")
    st.table({k: [f"${v:,.0f}"] for k, v in outcome.cost.items()})
    for note in outcome.notes:
        st.caption(note)


def render() -> None:
    try:
        from modeler.travel import (
            TravelError,
            TravelRequest,
            apply_repair,
            load_query,
            parse_request,
            plan_trip,
        )
    except ImportError:
        st.title("Travel planner")
        st.info("Travel planning is not available in this build.")
        return
    st.title("Travel planner")
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
            model, key = llm_choice()
            st.session_state["travel-request"] = parse_request(text, llm=build_llm(model, key)).model_dump()
            st.session_state.pop("travel-job", None)
        except (TravelError, ValueError) as e:
            show_error(str(e))
            return
    data = st.session_state.get("travel-request")
    if data is None:
        return
    st.markdown("**Constraints** (edit them if they were read wrong)")
    edited = st.text_area("Constraints (JSON)", json.dumps(data, indent=2), height=260, key="travel-json")
    fn = None
    if st.button("Plan the trip", type="primary"):
        try:
            request = TravelRequest.model_validate(json.loads(edited))
        except (ValueError, json.JSONDecodeError) as e:
            show_error(f"The constraints are not valid: {e}")
            return
        st.session_state["travel-request"] = request.model_dump()
        fn = functools.partial(plan_trip, request, ref_info=ref_info)
    try:
        outcome = run_job("travel-job", fn, "Planning")
    except TravelError as e:
        show_error(str(e))
        return
    except Exception as e:  # noqa: BLE001
        show_error(f"{type(e).__name__}: {e}")
        return
    if outcome is None:
        return
    if outcome.status == "planned":
        _plan_view(outcome)
        return
    st.error("No plan meets every constraint.")
    for reason in outcome.reasons:
        st.markdown(f"- {reason}")
    if outcome.suggestions:
        st.markdown("**Repairs that give a plan** (each was re-solved):")
    for i, rep in enumerate(outcome.suggestions):
        cost = f" (plan cost ${rep.cost:,.0f})" if rep.cost is not None else ""
        if st.button(f"Accept: {rep.description}{cost}", key=f"repair-{i}"):
            new = apply_repair(TravelRequest.model_validate(data), rep)
            st.session_state["travel-request"] = new.model_dump()
            st.session_state.pop("travel-json", None)
            st.session_state["travel-job"] = None
            st.rerun()


if __name__ == "__main__":
    render()

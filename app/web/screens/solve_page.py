"""Model & solve: a problem in words -> the five elements, the code, the solution, the transcript."""

from __future__ import annotations

import functools
from pathlib import Path

import streamlit as st

from app.web.common import (
    OFFLINE,
    CountingLLM,
    llm_choice,
    model_frames,
    read_upload,
    run_job,
    session_llm,
    show_error,
    solution_frame,
    transcript_frame,
)

EXAMPLES = Path(__file__).resolve().parents[3] / "modeler" / "examples"


def _solve(text: str, llm: object, strategy: str | None, target: str | None, samples: int, verify: bool,
           time_limit: float, budget: object) -> object:
    from modeler import Modeler

    return Modeler(llm=llm, strategy=strategy, target=target, samples=samples, verify=verify,
                   time_limit=time_limit, budget=budget).solve(text)


def _show(result: object) -> None:
    status = result.status
    box = st.success if status == "optimal" else st.warning if status in ("feasible", "refused", "timeout") else st.error
    objective = result.solution.objective if result.solution is not None else None
    box(f"Status: **{status}**" + (f" · objective **{objective:g}**" if objective is not None else ""))
    if result.error:
        st.write(result.error)
    if result.explanation:
        st.markdown(f"**In words**: {result.explanation}")
    if result.understanding:
        with st.expander("What OptiPilot understood", expanded=False):
            st.dataframe(result.understanding, width="stretch")
    if result.model is not None:
        st.subheader("Model (five elements)")
        for title, frame in model_frames(result.model).items():
            st.markdown(f"**{title}**")
            st.dataframe(frame, hide_index=True, width="stretch")
        st.download_button("Download model (JSON)", result.model.to_json(), file_name=f"{result.model.name}.json")
    code = result.code or (result.solution.model_text if result.solution is not None else "")
    if code:
        st.subheader("Generated code" if result.code else "Model text sent to the solver")
        lang = "python" if (result.language or "python") != "minizinc" else "text"
        st.code(code, language=lang)  # st.code has a copy button
        st.download_button("Download code", code, file_name="model.py" if lang == "python" else "model.mzn")
    sol = result.solution
    if sol is not None and sol.values:
        st.subheader("Solution")
        frame = solution_frame(sol)
        st.dataframe(frame, hide_index=True, width="stretch")
        if 1 < len(frame) <= 40:
            st.bar_chart(frame.assign(label=frame["variable"] + frame["index"].map(lambda i: f"[{i}]" if i else ""))
                         .set_index("label")["value"], height=260)
    if sol is not None and sol.conflicts:
        st.subheader("Why it is infeasible")
        st.markdown("These constraints cannot all hold together (drop or relax one of them):")
        st.dataframe([{"conflicting constraint": c.name, "meaning": c.description, "as written": c.text}
                      for c in sol.conflicts], hide_index=True, width="stretch")
    calls = sum(1 for e in result.transcript if e.get("kind") == "llm")
    st.caption(f"{calls} LLM call(s) · {result.tokens:,} tokens · ${result.cost:.4f} · {result.time:.2f} s")
    if result.transcript:
        with st.expander("Transcript"):
            st.dataframe(transcript_frame(result.transcript), hide_index=True, width="stretch")
            st.json(result.transcript, expanded=False)


def render() -> None:
    from modeler.strategies import strategy_names

    st.title("Model & solve")
    model, _ = llm_choice()
    st.caption(f"LLM: **{model or OFFLINE}** (change it on the Settings page)")
    examples = sorted(p.stem for p in EXAMPLES.glob("*.txt"))
    col1, col2 = st.columns([3, 1])
    with col2:
        options = ["(none)", *examples]
        linked = st.query_params.get("example")  # ?example=furniture opens the page with that example
        example = st.selectbox("Example", options, index=options.index(linked) if linked in options else 0)
        upload = st.file_uploader("or upload a text file", type=["txt", "md"])
    default = (EXAMPLES / f"{example}.txt").read_text() if example != "(none)" else ""
    with col1:
        text = st.text_area("Problem in plain words", value=default, height=220, key=f"problem-{example}")
    strategies = strategy_names()
    c1, c2, c3, c4, c5 = st.columns(5)
    strategy = c1.selectbox("Strategy", ["auto", *strategies],
                            help="auto: five_element with an LLM, offline without one")
    target = c2.selectbox("Target framework", ["(default)", "cpmpy", "ortools", "minizinc", "pyomo", "pulp"])
    samples = c3.number_input("Samples (vote)", 1, 20, 1)
    verify = c4.checkbox("Self-verify", False)
    time_limit = c5.number_input("Time limit (s)", 1.0, 600.0, 60.0)
    go = st.button("Solve", type="primary")
    fn = on_cancel = progress = None
    if go:
        try:
            if upload is not None:
                text = read_upload(upload)
            if not text.strip():
                raise ValueError("The problem is empty: paste a problem in words, pick an example or upload a file.")
            from modeler.modeler import check_problem_text

            check_problem_text(text)  # too long, binary: said here, before any work starts
            llm = None if strategy == "offline" else session_llm()  # offline needs no LLM, even a configured one
        except Exception as e:  # noqa: BLE001  (a bad model string, an unreadable upload: shown, not raised)
            show_error(str(e))
            return
        chosen = None if strategy == "auto" else strategy
        if chosen is None and llm is None:
            chosen = "offline"
        from modeler.strategies.base import Budget

        budget = Budget()
        if llm is not None:
            llm = CountingLLM(llm)
            progress = llm.progress
        fn = functools.partial(_solve, text, llm, chosen, None if target == "(default)" else target,
                               int(samples), verify, float(time_limit), budget)

        def stop() -> None:  # the inference loop checks the budget before each LLM call
            budget.max_calls = 0

        on_cancel = stop
    try:
        result = run_job("solve-job", fn, "Solving", on_cancel=on_cancel, progress=progress)
    except Exception as e:  # noqa: BLE001
        show_error(f"{type(e).__name__}: {e}")
        return
    if result is not None:
        _show(result)


if __name__ == "__main__":
    render()

"""What the pages share: session settings (the LLM and its key, never written anywhere), background jobs
with a Stop button, and turning results into tables.

The API key typed on the Settings page lives only in this browser session's `st.session_state`; it is
passed to the LLM client object and never put in the environment, a file or a log line.
"""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Callable
from concurrent.futures import Future
from typing import Any

import streamlit as st

OFFLINE = "offline (no LLM)"
MAX_UPLOAD_BYTES = 200_000  # a word problem is a few kB; anything much larger is not one


def llm_choice() -> tuple[str | None, str | None]:
    """(model string or None for offline, API key typed for this session or None)."""
    if "llm_model" in st.session_state:  # saved on the Settings page ("" = offline), else the environment's
        model = st.session_state["llm_model"] or None
    else:
        model = os.environ.get("OPTIPILOT_LLM") or None
    return model, st.session_state.get("llm_key") or None


def build_llm(model: str | None, key: str | None, api_base: str | None = None) -> Any:
    """The LLM client for a model string ("scripted:PATH" replays answers from a file, for tests and demos),
    or None offline. Raises LLMConfigError (a readable message) for a model it cannot use."""
    if not model:
        return None
    if model.startswith("scripted:"):
        from modeler.modeler import scripted_llm

        return scripted_llm(model[len("scripted:"):])
    from modeler.llm import resolve_llm

    return resolve_llm(model, api_key=key, api_base=api_base or None)


def session_llm() -> Any:
    """The LLM chosen on the Settings page (or by OPTIPILOT_LLM), built with this session's key and base."""
    model, key = llm_choice()
    return build_llm(model, key, st.session_state.get("llm_api_base") or None)


class CountingLLM:
    """Wraps an LLM client to count calls, tokens and cost as they happen, so that a running job can show
    its progress; everything else is the wrapped client's."""

    def __init__(self, llm: Any):
        self._llm = llm
        self.calls = self.tokens = 0
        self.cost = 0.0

    def complete(self, *args: Any, **kwargs: Any) -> Any:
        response = self._llm.complete(*args, **kwargs)
        self.calls += 1
        self.tokens += getattr(response, "prompt_tokens", 0) + getattr(response, "completion_tokens", 0)
        self.cost += getattr(response, "cost", 0.0) or 0.0
        return response

    def progress(self) -> str:
        return f"{self.calls} LLM call(s) so far, {self.tokens:,} tokens, ${self.cost:.4f}"

    def __getattr__(self, name: str) -> Any:
        return getattr(self._llm, name)


def read_upload(upload: Any) -> str:
    """Text of an uploaded problem file; ValueError with a readable reason otherwise."""
    data = upload.getvalue()
    if len(data) > MAX_UPLOAD_BYTES:
        raise ValueError(f"{upload.name} is {len(data) / 1e6:.1f} MB; a problem text should be under "
                         f"{MAX_UPLOAD_BYTES // 1000} kB. Paste the problem itself, not a data file.")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        raise ValueError(f"{upload.name} is not UTF-8 text") from None


class Job:
    """A call running in a background thread, so the page stays responsive and can stop waiting for it."""

    def __init__(self, fn: Callable[[], Any], label: str, on_cancel: Callable[[], None] | None = None,
                 progress: Callable[[], str] | None = None):
        self.label, self.started = label, time.perf_counter()
        self.future: Future[Any] = Future()
        self.cancelled = False
        self.on_cancel, self.progress = on_cancel, progress

        def run() -> None:
            try:
                self.future.set_result(fn())
            except BaseException as e:  # noqa: BLE001  (shown to the user, never raised into Streamlit)
                self.future.set_exception(e)

        threading.Thread(target=run, daemon=True, name=f"optipilot-{label}").start()

    def cancel(self) -> None:
        """Stop waiting; `on_cancel` asks the work to stop early (e.g. no further LLM calls)."""
        self.cancelled = True
        if self.on_cancel is not None:
            self.on_cancel()


def run_job(key: str, fn: Callable[[], Any] | None, label: str, inline_wait: float = 2.0,
            on_cancel: Callable[[], None] | None = None, progress: Callable[[], str] | None = None) -> Any:
    """Start `fn` (when given) as job `key`, and return its result once done; while it runs, show progress
    and a Stop button and rerun the page every half second. Raises the job's exception.

    A thread cannot be killed: Stop drops the result and calls `on_cancel`, which the pages use to make
    the work stop at its next checkpoint; solver calls end on their own time limit."""
    if fn is not None:
        st.session_state[key] = Job(fn, label, on_cancel, progress)
    job: Job | None = st.session_state.get(key)
    if job is None or job.cancelled:
        return None
    try:
        return job.future.result(timeout=inline_wait if fn is not None else 0.05)
    except TimeoutError:
        pass
    elapsed = time.perf_counter() - job.started
    detail = f" · {job.progress()}" if job.progress is not None else ""
    st.info(f"{job.label}: running for {elapsed:.0f} s ...{detail}")
    if st.button("Stop", key=f"{key}-stop"):
        job.cancel()
        st.warning("Stopped. The result of this run will not be shown.")
        return None
    time.sleep(0.5)
    st.rerun()
    return None


def model_frames(model: Any) -> dict[str, Any]:
    """The five elements of a model as pandas tables."""
    import pandas as pd

    out: dict[str, Any] = {}
    if model.sets:
        out["Sets"] = pd.DataFrame([{"name": s.name, "members": ", ".join(map(str, s.members))} for s in model.sets])
    if model.parameters:
        out["Parameters"] = pd.DataFrame([{"name": p.name, "index": ", ".join(p.index), "value": str(p.value),
                                           "description": p.description} for p in model.parameters])
    if model.variables:
        out["Variables"] = pd.DataFrame([{"name": v.name, "index": ", ".join(v.index), "type": v.type,
                                          "lower": v.lb, "upper": v.ub, "description": v.description}
                                         for v in model.variables])
    if model.objective is not None:
        out["Objective"] = pd.DataFrame([{"sense": model.objective.sense, "expression": model.objective.expr}])
    if model.constraints:
        out["Constraints"] = pd.DataFrame([{"name": c.name, "constraint": c.expr,
                                            "for all": getattr(c, "forall", "") or "",
                                            "description": c.description} for c in model.constraints])
    return out


def solution_frame(solution: Any, show_zeros: bool = False) -> Any:
    """Variable values, one row per (variable, index)."""
    import pandas as pd

    rows = []
    for name, value in (solution.values or {}).items():
        if isinstance(value, dict):
            for idx, v in value.items():
                if show_zeros or (isinstance(v, (int, float)) and abs(v) > 1e-9):
                    rows.append({"variable": name, "index": str(idx), "value": v})
        elif isinstance(value, (int, float)) and (show_zeros or abs(value) > 1e-9):
            rows.append({"variable": name, "index": "", "value": value})
    return pd.DataFrame(rows, columns=["variable", "index", "value"])


def transcript_frame(transcript: list[dict[str, Any]]) -> Any:
    """One row per step of a modeler transcript: when, what, which model, tokens, cost, seconds, outcome."""
    import pandas as pd

    def num(value: Any) -> float | None:
        return float(value) if isinstance(value, (int, float)) else None

    rows = [{"t (s)": num(e.get("t")), "step": str(e.get("step") or e.get("kind") or ""),
             "model": str(e.get("model") or ""), "tokens": num(e.get("tokens")), "cost ($)": num(e.get("cost")),
             "seconds": num(e.get("latency", e.get("seconds"))), "cached": "yes" if e.get("cached") else "",
             "outcome": str(e.get("status") or e.get("finish_reason") or e.get("error") or "")}
            for e in transcript]
    return pd.DataFrame(rows)


def show_error(message: str) -> None:
    st.error(message, icon="⚠️")

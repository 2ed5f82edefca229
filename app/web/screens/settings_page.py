"""Settings: the LLM model string, its API key and API base, for this browser session only.

Nothing typed here is written to disk, to the environment or to a log: it lives in this session's
`st.session_state` and is handed to the LLM client object when a page builds one.
"""

from __future__ import annotations

import os

import streamlit as st


def _check(model: str, key: str | None, api_base: str | None) -> str | None:
    """None when the model string can be used here, else the reason in words (no network call)."""
    if not model or model.startswith("scripted:"):
        return None
    from modeler.llm import LLMConfigError
    from modeler.llm.client import full_check, quick_check

    try:
        quick_check(model, key)  # a missing key for a common provider: fast, no litellm import
        with st.spinner("Checking the model string with litellm ..."):
            full_check(model, key, api_base)
    except LLMConfigError as e:
        return str(e)
    return None


def render() -> None:
    st.title("Settings")
    env_model = os.environ.get("OPTIPILOT_LLM", "")
    st.markdown("The model string is litellm's (for example `openai/gpt-4o-mini`, `ollama/llama3`, or "
                "`hosted_vllm/NAME` with an API base for an OpenAI-compatible server); leave it empty to work "
                "offline. A key typed here stays in this browser session's memory only: it is never written "
                "to disk, to the environment or to a log. Without one, litellm reads the provider's usual "
                "variable (e.g. `OPENAI_API_KEY`) from the server's environment."
                + (f" From the environment: `OPTIPILOT_LLM={env_model}`." if env_model else ""))
    model = st.text_input("LLM model", value=st.session_state.get("llm_model", env_model))
    key = st.text_input("API key (optional)", type="password", value=st.session_state.get("llm_key", ""))
    api_base = st.text_input("API base (optional, e.g. http://127.0.0.1:8000/v1)",
                             value=st.session_state.get("llm_api_base", ""))
    save, forget = st.columns([1, 4])
    if save.button("Save for this session", type="primary"):
        model, api_base = model.strip(), api_base.strip()
        problem = _check(model, key or None, api_base or None)
        if problem:
            st.error(f"Not saved: {problem}")
        else:
            st.session_state.update(llm_model=model, llm_key=key, llm_api_base=api_base)
            st.success(f"Using {model or 'no LLM (offline)'} for this session.")
    if forget.button("Forget (work offline)"):
        for name in ("llm_model", "llm_key", "llm_api_base"):
            st.session_state.pop(name, None)
        st.session_state["llm_model"] = ""  # offline even when OPTIPILOT_LLM is set
        st.success("Forgotten: this session works offline.")


if __name__ == "__main__":
    render()

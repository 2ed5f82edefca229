"""Settings: the LLM model string and its API key, for this browser session only."""

from __future__ import annotations

import os

import streamlit as st


def render() -> None:
    st.title("Settings")
    env_model = os.environ.get("OPTIPILOT_LLM", "")
    st.markdown("The model string is litellm's (for example `openai/gpt-4o-mini`); leave it empty to work "
                "offline. A key typed here stays in this browser session's memory only: it is never written "
                "to disk, to the environment or to a log." + (f" From the environment: `{env_model}`." if env_model else ""))
    model = st.text_input("LLM model", value=st.session_state.get("llm_model", env_model))
    key = st.text_input("API key (optional; else the provider's variable from the environment)", type="password",
                        value=st.session_state.get("llm_key", ""))
    if st.button("Save for this session"):
        model = model.strip()
        if model and not model.startswith("scripted:"):
            from modeler.llm import LLMConfigError
            from modeler.llm.client import quick_check

            try:
                quick_check(model, key or None)
            except LLMConfigError as e:
                st.error(f"Not saved: {e}")
                return
        st.session_state["llm_model"] = model
        st.session_state["llm_key"] = key
        st.success(f"Using {model or 'no LLM (offline)'} for this session.")


if __name__ == "__main__":
    render()

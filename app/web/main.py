"""Entry point of the web UI: `streamlit run app/web/main.py` (or `optipilot ui`)."""

from __future__ import annotations

from pathlib import Path

import streamlit as st

PAGES = Path(__file__).resolve().parent / "screens"  # not pages/: Streamlit would also auto-list that folder

st.set_page_config(page_title="OptiPilot", page_icon="🧭", layout="wide")
nav = st.navigation([
    st.Page(str(PAGES / "solve_page.py"), title="Model & solve", url_path="solve", default=True),
    st.Page(str(PAGES / "travel_page.py"), title="Travel planner", url_path="travel"),
    st.Page(str(PAGES / "combinatorial_page.py"), title="Combinatorial solvers", url_path="combinatorial"),
    st.Page(str(PAGES / "benchmarks_page.py"), title="Benchmarks", url_path="benchmarks"),
    st.Page(str(PAGES / "settings_page.py"), title="Settings", url_path="settings"),
])
nav.run()

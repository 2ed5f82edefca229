"""Benchmarks: load run folders (summary.json + results.jsonl), compare them, drill into one problem."""

from __future__ import annotations

import json
from pathlib import Path

import streamlit as st

RESULTS = Path(__file__).resolve().parents[3] / "benchmarks" / "results"


def find_runs(root: Path) -> list[Path]:
    """Folders under root holding a summary.json (run folders of `optipilot bench run`)."""
    if not root.is_dir():
        return []
    return sorted(p.parent for p in root.rglob("summary.json"))


def render() -> None:
    import pandas as pd

    from benchmarks.report import ReportError, build_report

    st.title("Benchmarks")
    root = Path(st.text_input("Results folder", value=str(RESULTS)))
    runs = find_runs(root)
    if not runs:
        st.info(f"No run folders (with a summary.json) under {root}.")
        return
    labels = {str(p.relative_to(root)) if p != root else p.name: p for p in runs}
    chosen = st.multiselect("Runs to compare", list(labels), default=list(labels)[:1])
    if not chosen:
        return
    try:
        report = build_report([labels[c] for c in chosen])
    except ReportError as e:
        st.error(str(e))
        return
    frame = pd.DataFrame(report.rows()).set_index("run")
    st.dataframe(frame, use_container_width=True)
    if report.columns:
        metric = st.selectbox("Chart a metric", report.columns)
        st.bar_chart(frame[metric])
    st.subheader("One problem")
    run = st.selectbox("Run", chosen)
    records_path = labels[run] / "results.jsonl"
    if not records_path.is_file():
        st.info("This run folder has no results.jsonl.")
        return
    records = [json.loads(line) for line in records_path.read_text().splitlines() if line.strip()]
    ids = [str(r.get("id", r.get("instance", i))) for i, r in enumerate(records)]
    pick = st.selectbox("Problem", ids)
    record = records[ids.index(pick)]
    verdict = record.get("category")
    if verdict is not None:
        (st.success if record.get("passed") else st.error)(f"{pick}: {verdict} {record.get('message', '')}")
    st.json(record, expanded=True)


if __name__ == "__main__":
    render()

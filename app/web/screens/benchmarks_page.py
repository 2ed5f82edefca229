"""Benchmarks: load run folders (summary.json + results.jsonl), compare them, drill into one problem.

Comparison tables come from benchmarks.report (the same as `optipilot bench report`); the problem's text
is looked up in its suite (named in the folder's run.json) when the benchmark data is on this machine.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import streamlit as st

from app.web.common import model_frames

RESULTS = Path(__file__).resolve().parents[3] / "benchmarks" / "results"


def find_runs(root: Path) -> list[Path]:
    """Folders under root holding a summary.json (run folders of `optipilot bench run`)."""
    return [Path(p) for p in _find_runs(str(root))]


@st.cache_data(show_spinner=False, ttl=10, max_entries=8)  # walking a big results tree on every rerun is slow
def _find_runs(root: str) -> list[str]:
    base = Path(root)
    if not base.is_dir():
        return []
    return sorted(str(p.parent) for p in base.rglob("summary.json"))


@st.cache_data(show_spinner=False, max_entries=16)
def _report(paths: tuple[str, ...], mtimes: tuple[float, ...]) -> tuple[list[dict[str, Any]], list[str]]:
    """(rows, metric columns) of benchmarks.report for these run folders; cached while they are unchanged."""
    from benchmarks.report import build_report

    report = build_report(list(paths))
    return report.rows(), list(report.columns)


@st.cache_data(show_spinner=False, max_entries=8)
def _records(path: str, mtime: float) -> list[dict[str, Any]]:
    out = []
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        try:
            rec = json.loads(line)
        except json.JSONDecodeError:  # a torn last line of an interrupted run
            continue
        if isinstance(rec, dict):
            out.append(rec)
    return out


@st.cache_data(show_spinner=False, max_entries=4)
def _problem_texts(suite: str) -> dict[str, str]:
    """id -> problem text of a suite's items; {} when the suite or its data is not here."""
    try:
        from benchmarks.suites import get_suite
        from benchmarks.suites.base import data_dir

        s = get_suite(suite)
        return {str(item.id): item.text for item in s.items(data_dir())}
    except Exception:  # noqa: BLE001  (no data folder, unknown suite: the page just shows no text)
        return {}


def _suite_of(run_dir: Path) -> str | None:
    for name in ("run.json", "summary.json"):
        try:
            value = json.loads((run_dir / name).read_text()).get("suite")
        except (OSError, ValueError, AttributeError):
            continue
        if isinstance(value, str):
            return value
    return None


def _problem(run_dir: Path) -> None:
    """One problem of one run: its verdict, its text, its model, the raw record."""
    path = run_dir / "results.jsonl"
    if not path.is_file():
        st.info("This run folder has no results.jsonl.")
        return
    records = _records(str(path), path.stat().st_mtime)
    if not records:
        st.info("No records in this run yet.")
        return
    ids = [str(r.get("id", i)) for i, r in enumerate(records)]
    failed_only = st.checkbox("Failed problems only")
    shown = [i for i, r in zip(ids, records, strict=True) if not failed_only or not r.get("passed")]
    if not shown:
        st.success("Every problem of this run passed.")
        return
    pick = st.selectbox("Problem", shown)
    record = records[ids.index(pick)]
    verdict = record.get("category")
    if verdict is not None:
        (st.success if record.get("passed") else st.error)(f"{pick}: **{verdict}** {record.get('message', '')}")
    suite = _suite_of(run_dir)
    text = _problem_texts(suite).get(pick) if suite else None
    if text:
        st.markdown("**Problem**")
        st.text(text)
    model_json = record.get("model")
    if model_json:
        try:
            from modeler.ir import Model

            model = Model.from_json(model_json)
        except Exception:  # noqa: BLE001  (a run may store a model this version cannot read)
            model = None
        if model is not None:
            st.markdown("**Model**")
            for title, frame in model_frames(model).items():
                st.caption(title)
                st.dataframe(frame, hide_index=True, width="stretch")
    if record.get("code"):
        st.code(record["code"])
    with st.expander("The whole record"):
        st.json(record, expanded=False)


def render() -> None:
    import pandas as pd

    from benchmarks.report import ReportError

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
    paths = tuple(str(labels[c]) for c in chosen)
    try:
        rows, columns = _report(paths, tuple((Path(p) / "summary.json").stat().st_mtime for p in paths))
    except (ReportError, OSError) as e:
        st.error(str(e))
        return
    frame = pd.DataFrame(rows).set_index("run")
    st.dataframe(frame, width="stretch")
    if columns:
        metric = st.selectbox("Chart a metric", columns)
        st.bar_chart(frame[metric])
    st.subheader("One problem")
    _problem(labels[st.selectbox("Run", chosen)])


if __name__ == "__main__":
    render()

"""Compare finished runs: a table of the summary metrics they share, as Rich, Markdown, JSON and a chart.

A run is a results folder holding summary.json (written by the runner). Rows are runs, named by their
folder and strategy; columns are the numeric summary metrics every run has (nested ones such as the
per-category counts are flattened to `categories.<name>`).
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from benchmarks.store import SUMMARY

# Runner bookkeeping that is not a result worth comparing across runs.
_SKIP = {"run", "complete"}
_FIRST = ("count", "passed")  # shown first; then the suite's metrics, then the runner's totals
_LAST = ("tokens", "cost", "item_time", "wall_time")


class ReportError(RuntimeError):
    """A run folder cannot be read into a report."""


@dataclass
class Run:
    name: str  # "<folder> (<strategy>)"
    path: Path
    summary: dict[str, Any]
    metrics: dict[str, float]  # flattened numeric metrics


def flatten(summary: dict[str, Any], prefix: str = "") -> dict[str, float]:
    """Numeric entries of a summary, nested dicts joined with dots; booleans and text are left out."""
    out: dict[str, float] = {}
    for key, value in summary.items():
        if not prefix and key in _SKIP:
            continue
        name = f"{prefix}{key}"
        if isinstance(value, dict):
            out.update(flatten(value, name + "."))
        elif isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value):
            out[name] = float(value)
    return out


def load_run(path: str | Path) -> Run:
    p = Path(path)
    summary_path = p / SUMMARY
    if not summary_path.is_file():
        raise ReportError(f"{p} has no {SUMMARY}: is it a run folder (the --out of `optipilot bench run`)?")
    try:
        summary = json.loads(summary_path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as e:
        raise ReportError(f"{summary_path} is not valid JSON ({e}).") from e
    strategy = (summary.get("run") or {}).get("strategy") or "?"
    return Run(name=f"{p.name} ({strategy})", path=p, summary=summary, metrics=flatten(summary))


def shared_columns(runs: list[Run]) -> list[str]:
    """Metrics every run has, in a readable order: counts, suite metrics, categories, totals."""
    if not runs:
        return []
    common = set(runs[0].metrics).intersection(*(r.metrics for r in runs[1:]))
    first = [c for c in _FIRST if c in common]
    last = [c for c in _LAST if c in common]
    middle = sorted(c for c in common if c not in first and c not in last)
    suite_metrics = [c for c in middle if not c.startswith("categories.")]
    categories = [c for c in middle if c.startswith("categories.")]
    return first + suite_metrics + categories + last


@dataclass
class Report:
    runs: list[Run]
    columns: list[str]

    def rows(self) -> list[dict[str, Any]]:
        return [{"run": r.name, **{c: r.metrics[c] for c in self.columns}} for r in self.runs]

    def to_json(self) -> dict[str, Any]:
        return {
            "columns": self.columns,
            "rows": self.rows(),
            "runs": [
                {
                    "name": r.name,
                    "path": str(r.path),
                    "run": r.summary.get("run", {}),
                    "complete": r.summary.get("complete"),
                }
                for r in self.runs
            ],
        }

    def to_markdown(self) -> str:
        header = "| run | " + " | ".join(self.columns) + " |"
        rule = "|---|" + "---:|" * len(self.columns)
        lines = [header, rule]
        for r in self.runs:
            lines.append(f"| {r.name} | " + " | ".join(_fmt(r.metrics[c]) for c in self.columns) + " |")
        notes = []
        for r in self.runs:
            run = r.summary.get("run") or {}
            notes.append(
                f"- **{r.name}**: `{run.get('command', '?')}` — commit {run.get('git_commit') or 'unknown'}, "
                f"{(run.get('machine') or {}).get('platform', '?')}, {run.get('date', '?')}"
                + ("" if r.summary.get("complete", True) else " (incomplete run)")
            )
        return "\n".join(lines) + "\n\nRuns:\n" + "\n".join(notes) + "\n"

    def to_rich(self) -> Any:
        from rich.table import Table

        table = Table(title="Benchmark runs")
        table.add_column("run", style="bold")
        for c in self.columns:
            table.add_column(c, justify="right")
        for r in self.runs:
            table.add_row(r.name, *(_fmt(r.metrics[c]) for c in self.columns))
        return table

    def chart(self, path: Path) -> None:
        """One small horizontal bar chart per metric (metrics differ in scale), all runs in each."""
        import matplotlib

        matplotlib.use("Agg")  # no display needed; must precede pyplot's import
        import matplotlib.pyplot as plt

        columns = [c for c in self.columns if not c.startswith("categories.")] or self.columns
        if not columns:
            raise ReportError("The runs share no numeric metric to chart.")
        ncols = min(3, len(columns))
        nrows = math.ceil(len(columns) / ncols)
        height = max(1.0, 0.4 * len(self.runs) + 0.8)
        fig, axes = plt.subplots(nrows, ncols, figsize=(4.5 * ncols, height * nrows), squeeze=False)
        names = [r.name for r in self.runs]
        for ax, column in zip(axes.flat, columns, strict=False):
            ax.barh(names, [r.metrics[column] for r in self.runs], color="tab:blue")
            ax.set_title(column, fontsize=10)
            ax.invert_yaxis()  # first run on top, as in the table
            ax.tick_params(labelsize=8)
        for ax in list(axes.flat)[len(columns) :]:
            ax.set_visible(False)
        fig.tight_layout()
        fig.savefig(path, dpi=120)
        plt.close(fig)

    def write(self, base: str | Path) -> list[Path]:
        """Write BASE.md, BASE.json and BASE.png; return their paths."""
        base = Path(base)
        if base.suffix in (".md", ".json", ".png"):
            base = base.with_suffix("")
        base.parent.mkdir(parents=True, exist_ok=True)
        md, js, png = base.with_suffix(".md"), base.with_suffix(".json"), base.with_suffix(".png")
        md.write_text(self.to_markdown(), encoding="utf-8")
        js.write_text(json.dumps(self.to_json(), indent=2, default=str) + "\n", encoding="utf-8")
        self.chart(png)
        return [md, js, png]


def build_report(paths: list[str | Path]) -> Report:
    if not paths:
        raise ReportError("Name at least one run folder.")
    runs = [load_run(p) for p in paths]
    names = [r.name for r in runs]
    for r in runs:  # two folders with one name (a/out, b/out): name them by the path given instead
        if names.count(r.name) > 1:
            r.name = f"{r.path} ({(r.summary.get('run') or {}).get('strategy') or '?'})"
    return Report(runs=runs, columns=shared_columns(runs))


def _fmt(value: float) -> str:
    if value == int(value) and abs(value) < 1e12:
        return str(int(value))
    return f"{value:.4g}" if abs(value) < 1000 else f"{value:.1f}"

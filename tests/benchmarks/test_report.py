"""The comparison report across run folders: shared columns, Markdown, JSON, PNG, and the CLI command."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import typer
from typer.testing import CliRunner

from app.commands.bench import bench_app
from benchmarks.report import ReportError, build_report, flatten


def write_run(folder: Path, strategy: str, **metrics: Any) -> Path:
    folder.mkdir(parents=True)
    summary = {
        **metrics,
        "complete": True,
        "run": {"command": f"optipilot bench run toy --strategy {strategy}", "strategy": strategy,
                "git_commit": "abc123", "machine": {"platform": "Linux"}, "date": "2025-01-01T00:00:00+00:00"},
    }  # fmt: skip
    (folder / "summary.json").write_text(json.dumps(summary))
    return folder


@pytest.fixture
def two_runs(tmp_path: Path) -> list[Path]:
    a = write_run(tmp_path / "runA", "reference", accuracy=1.0, count=10, passed=10, wall_time=2.5,
                  categories={"passed": 10}, only_in_a=3)  # fmt: skip
    b = write_run(tmp_path / "runB", "five_element", accuracy=0.7, count=10, passed=7, wall_time=31.25,
                  categories={"passed": 7, "odd": 3}, note="text is not a metric")  # fmt: skip
    return [a, b]


def test_flatten_keeps_numbers_and_nests_with_dots() -> None:
    got = flatten({"a": 1, "b": {"c": 2.5, "d": "x"}, "ok": True, "run": {"workers": 2}, "nan": float("nan")})
    assert got == {"a": 1.0, "b.c": 2.5}


def test_report_columns_are_the_shared_metrics(two_runs: list[Path]) -> None:
    report = build_report(two_runs)
    assert report.columns == ["count", "passed", "accuracy", "categories.passed", "wall_time"]
    assert [r["run"] for r in report.rows()] == ["runA (reference)", "runB (five_element)"]
    assert report.rows()[1]["accuracy"] == 0.7


def test_report_writes_markdown_json_and_png(two_runs: list[Path], tmp_path: Path) -> None:
    paths = build_report(two_runs).write(tmp_path / "out" / "cmp")
    md, js, png = (tmp_path / "out" / f"cmp.{ext}" for ext in ("md", "json", "png"))
    assert paths == [md, js, png]
    text = md.read_text()
    assert "| run | count | passed | accuracy | categories.passed | wall_time |" in text
    assert "| runB (five_element) | 10 | 7 | 0.7 | 7 | 31.25 |" in text
    assert "optipilot bench run toy --strategy reference" in text  # each run's provenance
    data = json.loads(js.read_text())
    assert (
        data["columns"][0] == "count"
        and len(data["rows"]) == 2
        and data["runs"][0]["run"]["git_commit"] == "abc123"
    )
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and png.stat().st_size > 5000


def test_report_on_a_folder_without_summary_fails_clearly(tmp_path: Path) -> None:
    with pytest.raises(ReportError, match="has no summary.json"):
        build_report([tmp_path])


def test_report_cli(two_runs: list[Path], tmp_path: Path) -> None:
    cli = typer.Typer()
    cli.add_typer(bench_app, name="bench")
    runner = CliRunner()
    result = runner.invoke(cli, ["bench", "report", *map(str, two_runs), "--out", str(tmp_path / "r")])
    assert result.exit_code == 0, result.output
    assert "runB" in result.output and "five_element" in result.output and (tmp_path / "r.png").exists()
    missing = runner.invoke(cli, ["bench", "report", str(tmp_path / "nope")])
    assert (
        missing.exit_code == 2
        and "has no summary.json" in missing.output
        and "Traceback" not in missing.output
    )

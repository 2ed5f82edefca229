"""The offline benchmark's summary: accuracy per confidence band (a real run on three dev problems)."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from benchmarks.bench_offline import confidence_band, main

DATA = os.environ.get("OPTIPILOT_DATA")


def test_confidence_bands() -> None:
    assert confidence_band(0.9, False) == "high (>= 0.85)"
    assert confidence_band(0.85, False) == "high (>= 0.85)"
    assert confidence_band(0.7, False) == "middle (0.6-0.85)"
    assert confidence_band(0.2, False) == "low (< 0.6)"
    assert confidence_band(0.2, True) == "refused"
    assert confidence_band(None, False) == "unknown"


@pytest.mark.skipif(not DATA or not (Path(DATA) / "nl4opt" / "generation_dev.jsonl").is_file(),
                    reason="OPTIPILOT_DATA is unset or has no nl4opt/generation_dev.jsonl")
def test_the_bands_add_up_to_the_run(tmp_path: Path) -> None:
    assert main(["--split", "dev", "--limit", "3", "--out", str(tmp_path)]) == 0
    summary = json.loads((tmp_path / "summary.json").read_text())
    bands = summary["accuracy_by_confidence"]
    assert sum(b["count"] for b in bands.values()) == 3
    passed = sum(round(b["count"] * b["accuracy"]) for b in bands.values())
    assert passed == summary["passed"]

"""`optipilot travel`: bad input exits 2 with a one-line message; a training query plans (with data)."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

from app.commands.travel import travel_app

DATA = os.environ.get("OPTIPILOT_DATA")
HAS_DATA = bool(DATA) and (Path(DATA) / "travelplanner" / "train").is_dir()


def test_no_request_exits_2():
    r = CliRunner().invoke(travel_app, ["plan"])
    assert r.exit_code == 2 and "Traceback" not in r.output


@pytest.mark.skipif(not HAS_DATA, reason="needs OPTIPILOT_DATA with travelplanner/")
def test_plan_and_repair_a_training_query():
    r = CliRunner().invoke(travel_app, ["plan", "--query-index", "2", "--json"])
    assert r.exit_code == 0, r.output
    assert json.loads(r.output)["status"] == "planned"
    r = CliRunner().invoke(travel_app, ["repair", "--query-index", "2", "--budget", "300"])
    assert r.exit_code == 0 and "too low" in r.output and "raise the budget" in r.output
    r = CliRunner().invoke(travel_app, ["plan", "--query-index", "2", "--budget", "-1"])
    assert r.exit_code == 2 and "negative" in r.output

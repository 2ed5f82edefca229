"""The `optipilot` CLI, run as a user runs it: a real process, real solvers, no traceback ever."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def optipilot(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "app.cli", *args], input=stdin, capture_output=True, text=True,
                          cwd=ROOT, timeout=120)


def test_backends_lists_every_backend_with_versions():
    r = optipilot("backends", "--json")
    assert r.returncode == 0, r.stderr
    infos = {i["name"]: i for i in json.loads(r.stdout)}
    assert {"cpsat", "ortools-mip", "pyomo-highs", "pulp-cbc", "cpmpy", "minizinc", "z3"} <= set(infos)
    assert infos["cpsat"]["available"] and infos["cpsat"]["version"][0].isdigit()


def test_solve_example_readable_report():
    r = optipilot("solve-model", "--example", "furniture")
    assert r.returncode == 0, r.stderr
    assert "optimal" in r.stdout and "3200" in r.stdout and "make[table]" in r.stdout


def test_solve_model_json_output(tmp_path):
    path = ROOT / "modeler" / "examples" / "furniture.json"
    r = optipilot("solve-model", str(path), "--json", "--backend", "cpsat", "--time-limit", "10")
    assert r.returncode == 0, r.stderr
    out = json.loads(r.stdout)
    assert out["status"] == "optimal" and out["objective"] == 3200
    assert out["values"]["make"] == {"table": 30, "chair": 20, "bookcase": 0}
    assert out["backend"] == "cpsat" and out["solve_time"] >= 0 and "model_text" not in out


def test_solve_model_from_stdin_infeasible_explains():
    model = {"variables": {"x": {"type": "integer", "ub": 5}},
             "constraints": {"low": {"expr": "x >= 10", "description": "at least ten"}, "other": "x >= 1"}}
    r = optipilot("solve-model", "-", "--json", stdin=json.dumps(model))
    assert r.returncode == 0, r.stderr
    out = json.loads(r.stdout)
    assert out["status"] == "infeasible"
    assert {c["name"] for c in out["conflicts"]} == {"low", "bounds of x"}


@pytest.mark.parametrize("args, stdin, message", [
    (["solve-model", "nope.json"], None, "no such file"),
    (["solve-model", "-"], "{not json", "not valid JSON"),
    (["solve-model", "-"], '{"variables": {"x": {}}, "constraints": {"c": "y >= 1"}}', "unknown name 'y'"),
    (["solve-model", "-", "-b", "pulp-cbc"], '{"variables": {"x": {"type": "integer", "ub": 3}, "y": {"type": "integer", "ub": 3}},'
     ' "constraints": {"c": "x * y >= 2"}}', "pulp-cbc"),
    (["solve-model", "-", "-b", "nosuch"], '{"variables": {"x": {}}}', "unknown backend 'nosuch'"),
    (["solve-model", "--example", "nosuch"], None, "no example named"),
])
def test_bad_input_clear_error_no_traceback(args, stdin, message):
    r = optipilot(*args, stdin=stdin)
    assert r.returncode == 2
    assert message in r.stderr.replace("\n", " ")
    assert "Traceback" not in r.stderr + r.stdout

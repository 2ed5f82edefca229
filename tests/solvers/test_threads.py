"""The per-solve thread budget (solvers/threads.py) reaches CP-SAT in our backends and in sandboxed
programs, so parallel units of a run do not oversubscribe the cores."""

from __future__ import annotations

import pytest

from solvers.threads import ENV, solver_threads

PROGRAM = """
from ortools.sat.python import cp_model
import cpmpy as cp
m = cp_model.CpModel(); x = m.new_int_var(0, 10, "x"); m.maximize(x)
s = cp_model.CpSolver(); s.solve(m)
y = cp.intvar(0, 5); solver = cp.SolverLookup.get("ortools", cp.Model(y >= 1))
solver.solve(num_search_workers=8)  # what CPMpy's docs suggest
print(s.parameters.num_workers, solver.ort_solver.parameters.num_workers, int(solver.status().exitstatus.value))
"""


def test_budget_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(ENV, "3")
    assert solver_threads() == 3
    monkeypatch.setenv(ENV, "0")
    assert solver_threads() == 1
    monkeypatch.setenv(ENV, "many")
    assert 1 <= solver_threads() <= 8
    monkeypatch.delenv(ENV)
    assert 1 <= solver_threads() <= 8


def test_sandboxed_cp_sat_keeps_to_the_budget(monkeypatch: pytest.MonkeyPatch) -> None:
    from solvers.sandbox.api import run

    monkeypatch.setenv(ENV, "1")
    r = run(PROGRAM, timeout=60)
    assert r.stdout.split()[:2] == ["1", "1"], r.stderr
    monkeypatch.delenv(ENV)
    r = run(PROGRAM, timeout=60)
    assert r.stdout.split()[:2] == ["0", "0"], r.stderr  # unset: CP-SAT's own default, untouched

"""The fresh LP yardsticks (the blind set and its two development companions): their data is sound (every
gold model solves to its recorded optima) and the benchmark's summary agrees with its per-problem
results (a real offline run on three problems)."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from benchmarks.bench_offline_fresh import DATA, load_problems, lp_optimum, main, same_optimum

# the blind set and its development companion (same form, other problems)
SETS = {"blind": load_problems(DATA),
        "dev": load_problems(DATA.parent.parent / "fresh_lp_dev" / "problems.jsonl"),
        "dev2": load_problems(DATA.parent.parent / "fresh_lp_dev2" / "problems.jsonl")}
PROBLEMS = SETS["blind"]
EVERY = [p for problems in SETS.values() for p in problems]


@pytest.mark.parametrize("name", sorted(SETS))
def test_the_data_loads(name: str) -> None:
    problems = SETS[name]
    assert len(problems) == 40
    assert len({p["id"] for p in problems}) == 40
    assert len({p["text"] for p in problems}) == 40
    domains = Counter(p["domain"] for p in problems)
    assert len(domains) >= 8 and max(domains.values()) <= 5
    for p in problems:
        assert p["sense"] == p["model"]["objective"]["sense"]
        assert 2 <= len(p["model"]["variables"]) <= 3
        assert 2 <= len(p["model"]["constraints"]) <= 5
        # The relaxation can only be at least as good as the typed optimum.
        if p["sense"] == "max":
            assert p["lp_optimum"] >= p["typed_optimum"] - 1e-6
        else:
            assert p["lp_optimum"] <= p["typed_optimum"] + 1e-6


def test_the_sets_share_no_problem() -> None:
    for key in ("id", "text"):
        seen = [p[key] for problems in SETS.values() for p in problems]
        assert len(seen) == len(set(seen))


@pytest.mark.parametrize("problem", EVERY, ids=[p["id"] for p in EVERY])
def test_every_gold_model_solves_to_its_recorded_optima(problem: dict) -> None:
    from modeler.ir import Model
    from solvers import Status, solve

    model = Model.from_json(problem["model"])
    status, lp = lp_optimum(model)
    assert status == "optimal"
    assert same_optimum(lp, problem["lp_optimum"])
    typed = solve(model, explain=False, keep_text=False)
    assert typed.status == Status.OPTIMAL
    assert same_optimum(typed.objective, problem["typed_optimum"])


def test_the_tolerance_is_relative_and_tight() -> None:
    assert same_optimum(18750.0 * (1 + 5e-5), 18750.0)
    assert not same_optimum(18750.0 * (1 + 2e-4), 18750.0)
    assert not same_optimum(None, 0.64)
    assert not same_optimum(0.6401, 0.64)


def test_a_run_on_three_problems_writes_a_consistent_summary(tmp_path: Path) -> None:
    data = tmp_path / "three.jsonl"
    # One problem from each of three domains, so the per-domain counts are exercised.
    picked = [next(p for p in PROBLEMS if p["domain"] == d) for d in ("logistics", "health", "energy")]
    data.write_text("".join(json.dumps(p) + "\n" for p in picked), encoding="utf-8")
    out = tmp_path / "run"
    assert main(["--data", str(data), "--out", str(out)]) == 0
    results = [json.loads(line) for line in (out / "results.jsonl").read_text().splitlines()]
    summary = json.loads((out / "summary.json").read_text())
    assert [r["id"] for r in results] == [p["id"] for p in picked]
    assert summary["count"] == 3
    assert summary["passed"] == sum(r["passed"] for r in results)
    assert summary["accuracy"] == round(summary["passed"] / 3, 4)
    assert summary["refused"] == sum(r["status"] == "refused" for r in results)
    assert {k: v["count"] for k, v in summary["by_domain"].items()} == {"logistics": 1, "health": 1, "energy": 1}
    assert sum(v["passed"] for v in summary["by_domain"].values()) == summary["passed"]
    assert sum(v["count"] for v in summary["accuracy_by_confidence"].values()) == 3
    for r, p in zip(results, picked, strict=True):
        assert r["gold_lp_optimum"] == p["lp_optimum"]
        # A pass is exactly an LP optimum within tolerance of the gold one.
        assert r["passed"] == (r["status"] != "refused" and r["lp_status"] == "optimal"
                               and same_optimum(r["lp_optimum"], p["lp_optimum"]))
    for key in ("machine", "date", "git_commit", "data_sha256", "ms_median"):
        assert key in summary

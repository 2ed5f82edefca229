"""The fresh LP yardsticks (the blind set and its two development companions): their data is sound (every
gold model solves to its recorded optima) and the benchmark's summary agrees with its per-problem
results (a real offline run on three problems)."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from benchmarks.bench_offline_fresh import (
    DATA,
    compare_models,
    load_problems,
    lp_optimum,
    main,
    same_optimum,
    stage,
)

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
    # Every failed problem has exactly one stage; a passed one none.
    assert sum(summary["failed_by_stage"].values()) == 3 - summary["passed"]
    assert all((r["stage"] is None) == r["passed"] for r in results)
    rows = summary["comparison"]["rows"]
    assert rows["matched"] + rows["missed"] == rows["gold"]
    for key in ("machine", "date", "git_commit", "data_sha256", "ms_median"):
        assert key in summary


# ------------------------------------------------------------- where a reading departs from the gold
GOLD = {"name": "g", "variables": {"chairs": {"type": "integer", "lb": 0, "description": "chairs made"},
                                   "tables": {"type": "integer", "lb": 0}},
        "objective": {"sense": "max", "expr": "5*chairs + 7*tables"},
        "constraints": {"hours": {"expr": "chairs + tables <= 10"}, "wood": {"expr": "2*chairs + 4*tables <= 32"},
                        "few_tables": {"expr": "tables <= 6"}}}


def _model(variables: dict, objective: str, constraints: list[str], sense: str = "max"):
    from modeler.ir import Model

    return Model.from_json({"name": "c", "variables": variables, "objective": {"sense": sense, "expr": objective},
                            "constraints": {f"c{i}": {"expr": e} for i, e in enumerate(constraints)}})


def _gold():
    from modeler.ir import Model

    return Model.from_json(GOLD)


def test_a_right_model_under_other_names_matches_every_row() -> None:
    # Other names, a row scaled by 0.5 and a bound written as the variable's ub: all the same rows.
    cand = _model({"chair": {"type": "continuous", "lb": 0}, "table": {"type": "continuous", "lb": 0, "ub": 6}},
                  "5*chair + 7*table", ["chair + table <= 10", "chair + 2*table <= 16"])
    c = compare_models(cand, _gold())
    assert c["variables"]["gold"] == 2 and c["variables"]["candidate"] == 2 and c["variables"]["matched"] == 2
    assert c["variables"]["matching"] == {"chair": "chairs", "table": "tables"}
    assert c["objective"] == "exact" and c["sense_ok"]
    assert c["rows"] == {"gold": 3, "matched": 3, "missed": 0, "extra": 0, "matched_exact": 2}
    assert stage(True, "optimal", c) is None
    assert stage(False, "optimal", c) == "other"  # same rows, yet failed: integrality or the like


def test_a_missing_row_and_a_wrong_objective_stop_at_the_objective() -> None:
    cand = _model({"chairs": {"type": "integer", "lb": 0}, "tables": {"type": "integer", "lb": 0}},
                  "5*chairs + 9*tables", ["chairs + tables <= 10", "tables <= 6", "chairs >= 1"])
    c = compare_models(cand, _gold())
    assert c["variables"]["matched"] == 2 and not c["variables"]["unmatched_gold"] and not c["variables"]["extra"]
    assert c["objective"] == "wrong"
    assert c["rows"]["gold"] == 3
    assert (c["rows"]["matched"], c["rows"]["missed"], c["rows"]["extra"]) == (2, 1, 1)
    assert stage(False, "optimal", c) == "objective"
    # With the objective right, the missing wood row is what is left.
    c = compare_models(_model({"chairs": {}, "tables": {}}, "5*chairs + 7*tables",
                              ["chairs + tables <= 10", "tables <= 6"]), _gold())
    assert c["objective"] == "exact" and (c["rows"]["missed"], c["rows"]["extra"]) == (1, 0)
    assert stage(False, "optimal", c) == "constraints"


def test_a_scaled_or_reversed_objective_is_not_exact() -> None:
    c = compare_models(_model({"chairs": {}, "tables": {}}, "500*chairs + 700*tables",
                              ["chairs + tables <= 10", "2*chairs + 4*tables <= 32", "tables <= 6"]), _gold())
    assert c["objective"] == "scaled" and c["rows"]["missed"] == 0
    assert stage(False, "optimal", c) == "objective"  # the optimum is scaled too
    c = compare_models(_model({"chairs": {}, "tables": {}}, "5*chairs + 7*tables",
                              ["chairs + tables <= 10", "2*chairs + 4*tables <= 32", "tables <= 6"], sense="min"),
                       _gold())
    assert c["objective"] == "wrong" and not c["sense_ok"]


def test_an_extra_or_missing_variable_is_the_variables_stage() -> None:
    c = compare_models(_model({"chairs": {}, "tables": {}, "stools": {}}, "5*chairs + 7*tables",
                              ["chairs + tables + stools <= 10", "2*chairs + 4*tables <= 32", "tables <= 6"]),
                       _gold())
    assert (c["variables"]["candidate"], c["variables"]["matched"], c["variables"]["extra"]) == (3, 2, ["stools"])
    assert c["rows"]["missed"] == 1 and c["rows"]["extra"] == 1  # the row with stools matches nothing
    assert stage(False, "optimal", c) == "variables"
    c = compare_models(_model({"chairs": {}}, "5*chairs", ["chairs <= 10"]), _gold())
    assert c["variables"]["unmatched_gold"] == ["tables"]
    assert stage(False, "optimal", c) == "variables"
    assert stage(False, "refused", None) == "refused"
    assert stage(False, "error", None) == "error"

"""The runner, its executors and results store, and the `bench` CLI, on a toy suite defined here.

The toy suite reads its items from DATA/toy.json: each has a number (even numbers pass), an optional
sleep, and optional failure modes ("raise" in produce, "crash" = os._exit in produce). Its reference
producer appends the item id to DATA/produced.log, which shows which items were produced, by which run.
Worker processes import this module by name to unpickle the suite, so it lives at module level.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

import pytest
import typer
from typer.testing import CliRunner

from app.commands.bench import bench_app
from benchmarks.executors import LocalProcessExecutor, SequentialExecutor, make_executor
from benchmarks.runner import (
    RunnerError,
    StrategyUnavailableError,
    load_submission,
    resolve_producer,
    run_suite,
    select_items,
)
from benchmarks.store import ConfigMismatchError, ResultsStore, StoreError
from benchmarks.suites.base import Item, Suite, Verdict, register
from modeler.result import ModelResult

REPO = Path(__file__).resolve().parents[2]
TOY = "toy-runner"
CONFIG = {"strategy": "reference", "llm": None, "target": None, "samples": 1}
TIMING = {"time", "produce_time", "score_time"}


@register
class ToySuite(Suite):
    name = TOY
    description = "toy suite for the runner's tests"

    def items(self, data_dir: Path) -> list[Item]:
        spec = json.loads((data_dir / "toy.json").read_text())
        return [
            Item(id=s["id"], text=f"number {s['n']}", data={**s, "log": str(data_dir / "produced.log")})
            for s in spec
        ]

    def reference(self, item: Item) -> ModelResult:
        time.sleep(item.data.get("sleep", 0.0))
        if item.data.get("crash"):
            os._exit(3)
        if item.data.get("raise"):
            raise ValueError("toy produce failure")
        with open(item.data["log"], "a") as log:  # O_APPEND: one short line per write is atomic
            log.write(f"{item.id}\n")
        return ModelResult(code=str(item.data["n"]), language="toy", status="optimal", tokens=3, cost=0.5)

    def score(self, item: Item, result: ModelResult) -> Verdict:
        even = int(result.code or "1") % 2 == 0
        return Verdict(
            id=item.id,
            passed=even,
            category="passed" if even else "odd",
            metrics={"value": float(item.data["n"])},
        )

    def summarize(self, verdicts: list[Verdict]) -> dict[str, Any]:
        return {"accuracy": sum(v.passed for v in verdicts) / len(verdicts) if verdicts else 0.0}


def make_data(tmp_path: Path, n: int = 8, sleep: float = 0.0, **special: dict[str, Any]) -> Path:
    data = tmp_path / "data"
    data.mkdir(parents=True, exist_ok=True)
    spec = [{"id": f"p{i:02d}", "n": i, "sleep": sleep, **special.get(f"p{i:02d}", {})} for i in range(n)]
    (data / "toy.json").write_text(json.dumps(spec))
    return data


def run_toy(data: Path, out: Path, workers: int = 1, **kw: Any):
    suite = ToySuite()
    produce = resolve_producer("reference", None, None, 1, suite)
    with make_executor(workers) as ex:
        return run_suite(
            suite, suite.items(data), produce, out, config=CONFIG, executor=ex, progress=False, **kw
        )


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text().splitlines() if line.strip()]


def stable(records: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Records without timings, sorted by id: what must not depend on the executor."""
    return sorted(({k: v for k, v in r.items() if k not in TIMING} for r in records), key=lambda r: r["id"])


# --- runner and executors -----------------------------------------------------------------------------
def test_sequential_and_two_workers_give_identical_results(tmp_path: Path) -> None:
    data = make_data(tmp_path, n=8, **{"p05": {"raise": True}})
    seq = run_toy(data, tmp_path / "seq", workers=1)
    par = run_toy(data, tmp_path / "par", workers=2)
    a, b = read_jsonl(tmp_path / "seq/results.jsonl"), read_jsonl(tmp_path / "par/results.jsonl")
    assert len(a) == len(b) == 8
    assert stable(a) == stable(b)
    by_id = {r["id"]: r for r in a}
    assert by_id["p02"]["passed"] and by_id["p02"]["tokens"] == 3 and by_id["p02"]["cost"] == 0.5
    assert by_id["p03"]["category"] == "odd"
    assert (
        by_id["p05"]["category"] == "runner_error"
        and "ValueError: toy produce failure" in by_id["p05"]["message"]
    )
    for outcome in (seq, par):
        s = outcome.summary
        assert (s["count"], s["passed"], s["accuracy"]) == (8, 4, 0.5)
        assert s["categories"] == {"odd": 3, "passed": 4, "runner_error": 1}
        assert s["complete"] and s["run"]["suite"] == TOY and s["run"]["strategy"] == "reference"
        assert {"platform", "cpu_count", "python"} <= set(s["run"]["machine"]) and s["run"]["date"]
    assert par.summary["run"]["workers"] == 2
    assert json.loads((tmp_path / "par/summary.json").read_text())["passed"] == 4
    assert json.loads((tmp_path / "par/run.json").read_text())["suite"] == TOY


def test_worker_crash_is_recorded_and_the_run_completes(tmp_path: Path) -> None:
    data = make_data(tmp_path, n=7, sleep=0.05, **{"p01": {"crash": True}, "p04": {"crash": True}})
    suite = ToySuite()
    produce = resolve_producer("reference", None, None, 1, suite)
    with LocalProcessExecutor(workers=2) as ex:
        outcome = run_suite(
            suite, suite.items(data), produce, tmp_path / "out", config=CONFIG, executor=ex, progress=False
        )
        assert ex.crashes >= 2  # the pool broke (and was rebuilt) at least once per crashing item
    records = {r["id"]: r for r in read_jsonl(tmp_path / "out/results.jsonl")}
    assert sorted(records) == [f"p{i:02d}" for i in range(7)]
    assert {i for i, r in records.items() if r["category"] == "worker_crash"} == {"p01", "p04"}
    assert records["p02"]["passed"] and records["p03"]["category"] == "odd"
    assert outcome.summary["categories"]["worker_crash"] == 2


def test_sequential_executor_routes_exceptions_to_on_crash() -> None:
    def fn(x: int) -> int:
        if x == 2:
            raise RuntimeError("boom")
        return x * 10

    got = list(SequentialExecutor().map(fn, [1, 2, 3], on_crash=lambda t, e: -t))
    assert got == [10, -2, 30]
    with pytest.raises(RuntimeError):
        list(SequentialExecutor().map(fn, [2]))


def test_resume_skips_finished_items_and_retry_errors_redoes_failures(tmp_path: Path) -> None:
    data = make_data(tmp_path, n=5, **{"p01": {"raise": True}})
    first = run_toy(data, tmp_path / "out")
    assert first.ran == 5
    log = data / "produced.log"
    before = log.read_text().split()
    again = run_toy(data, tmp_path / "out")
    assert (again.ran, again.skipped) == (0, 5) and log.read_text().split() == before
    assert again.summary["count"] == 5
    retried = run_toy(data, tmp_path / "out", retry_errors=True)
    assert retried.ran == 1 and retried.records[1]["category"] == "runner_error"
    assert len(ResultsStore(tmp_path / "out").read_records()) == 5


def test_torn_last_line_is_tolerated_and_repaired(tmp_path: Path) -> None:
    data = make_data(tmp_path, n=4)
    out = tmp_path / "out"
    run_toy(data, out)
    lines = (out / "results.jsonl").read_text().splitlines(keepends=True)
    # keep two records, then half of the third, as a kill -9 in the middle of a write would leave
    torn_id = json.loads(lines[2])["id"]
    (out / "results.jsonl").write_text("".join(lines[:2]) + lines[2][: len(lines[2]) // 2])
    outcome = run_toy(data, out)
    assert outcome.ran == 2 and outcome.skipped == 2
    ids = [r["id"] for r in read_jsonl(out / "results.jsonl")]  # every line parses again
    assert sorted(ids) == ["p00", "p01", "p02", "p03"] and torn_id in ids


def test_config_mismatch_is_refused(tmp_path: Path) -> None:
    data = make_data(tmp_path, n=2)
    run_toy(data, tmp_path / "out")
    suite = ToySuite()
    produce = resolve_producer("reference", None, None, 1, suite)
    with pytest.raises(ConfigMismatchError, match="samples: 1 there, 3 now"):
        run_suite(
            suite,
            suite.items(data),
            produce,
            tmp_path / "out",
            config={**CONFIG, "samples": 3},
            progress=False,
        )


def test_second_writer_on_one_folder_is_refused(tmp_path: Path) -> None:
    store = ResultsStore(tmp_path / "out")
    store.open({"suite": "x"})
    try:
        with pytest.raises(StoreError, match="Another run"):
            ResultsStore(tmp_path / "out").open({"suite": "x"})
    finally:
        store.close()


def test_select_items_and_unknown_ids() -> None:
    items = [Item(id=f"i{k}", text="") for k in range(5)]
    assert [i.id for i in select_items(items, ["i3", "i1"])] == ["i3", "i1"]
    assert [i.id for i in select_items(items, limit=2)] == ["i0", "i1"]
    with pytest.raises(RunnerError, match="Unknown item ids: nope"):
        select_items(items, ["nope"])


def test_other_strategies_need_the_modeler(monkeypatch: pytest.MonkeyPatch) -> None:
    import modeler

    monkeypatch.delattr(modeler, "Modeler", raising=False)
    with pytest.raises(StrategyUnavailableError, match="modeler.Modeler"):
        resolve_producer("five_element", None, None, 1, ToySuite())


def test_kill_9_mid_run_then_resume_loses_and_redoes_nothing(tmp_path: Path) -> None:
    n = 14
    data = make_data(tmp_path, n=n, sleep=0.2)
    out = tmp_path / "out"
    cmd = [sys.executable, "-m", "app.commands.bench", "run", TOY, "--strategy", "reference", "--plugin", "test_runner",
           "--data", str(data), "--out", str(out), "--workers", "2", "--no-progress"]  # fmt: skip
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(Path(__file__).parent), str(REPO)])}
    proc = subprocess.Popen(
        cmd, cwd=REPO, env=env, start_new_session=True, stdout=subprocess.PIPE, stderr=subprocess.STDOUT
    )
    results = out / "results.jsonl"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and (not results.exists() or results.read_text().count("\n") < 4):
        assert proc.poll() is None, proc.stdout.read().decode() if proc.stdout else ""
        time.sleep(0.05)
    os.killpg(proc.pid, signal.SIGKILL)  # the runner and its workers, with no chance to clean up
    proc.wait()
    finished = {r["id"] for r in ResultsStore(out).read_records().values()}
    assert 4 <= len(finished) < n
    produced_before = (data / "produced.log").read_text().split()

    rerun = subprocess.run(cmd, cwd=REPO, env=env, capture_output=True, text=True, timeout=120)
    assert rerun.returncode == 0, rerun.stdout + rerun.stderr
    ids = [r["id"] for r in read_jsonl(results)]
    assert sorted(ids) == [f"p{i:02d}" for i in range(n)]  # every item exactly once
    produced_after = (data / "produced.log").read_text().split()[len(produced_before) :]
    assert not finished & set(produced_after)  # nothing recorded before the kill was produced again
    assert set(produced_after) == set(ids) - finished
    assert json.loads((out / "summary.json").read_text())["run"]["items_resumed"] == len(finished)


# --- the CLI ------------------------------------------------------------------------------------------
cli = typer.Typer()
cli.add_typer(bench_app, name="bench")
runner = CliRunner()


def invoke(*args: str):
    return runner.invoke(cli, ["bench", *args])


def test_cli_list_shows_suites() -> None:
    result = invoke("list")
    assert result.exit_code == 0 and TOY in result.output


def test_cli_run_writes_results_and_summary(tmp_path: Path) -> None:
    data = make_data(tmp_path, n=6)
    result = invoke("run", TOY, "--strategy", "reference", "--data", str(data), "--out", str(tmp_path / "o"),
                    "--ids", "p01,p02,p04", "--no-progress")  # fmt: skip
    assert result.exit_code == 0, result.output
    assert "2/3 passed" in result.output
    assert sorted(r["id"] for r in read_jsonl(tmp_path / "o/results.jsonl")) == ["p01", "p02", "p04"]
    summary = json.loads((tmp_path / "o/summary.json").read_text())
    assert summary["count"] == 3 and summary["run"]["config"]["strategy"] == "reference"


@pytest.mark.parametrize(
    "args, message",
    [
        (("run", TOY, "--strategy", "reference", "--data", "/nonexistent/x"), "does not exist"),
        (("run", "no-such-suite", "--strategy", "reference"), "Unknown suite 'no-such-suite'"),
        (("run", TOY, "--strategy", "reference", "--ids", "zz"), "Unknown item ids: zz"),
        (("score", TOY, "missing.jsonl"), "missing.jsonl does not exist"),
    ],
)
def test_cli_errors_are_one_line_and_exit_2(tmp_path: Path, args: tuple[str, ...], message: str) -> None:
    data = make_data(tmp_path, n=2)
    full = [a.replace("missing.jsonl", str(tmp_path / "missing.jsonl")) for a in args]
    if "--data" not in full:
        full += ["--data", str(data)]
    result = invoke(*full, "--out", str(tmp_path / "o"))
    assert result.exit_code == 2, result.output
    assert message in result.output and "Traceback" not in result.output


def test_cli_data_folder_unset(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("OPTIPILOT_DATA", raising=False)
    result = invoke("run", TOY, "--strategy", "reference", "--out", str(tmp_path / "o"))
    assert result.exit_code == 2 and "OPTIPILOT_DATA" in result.output


def test_cli_config_mismatch_exit_2(tmp_path: Path) -> None:
    data = make_data(tmp_path, n=2)
    base = [
        "run",
        TOY,
        "--strategy",
        "reference",
        "--data",
        str(data),
        "--out",
        str(tmp_path / "o"),
        "--no-progress",
    ]
    assert invoke(*base).exit_code == 0
    result = invoke(*base, "--samples", "2")
    assert result.exit_code == 2 and "another configuration" in result.output


def test_cli_score_submission(tmp_path: Path) -> None:
    data = make_data(tmp_path, n=4)
    sub = tmp_path / "sub.jsonl"
    lines = [
        {"id": "p00", "model": "2"},
        {"id": "p01", "model": "7"},
        {"id": "p03", "model": "4"},
        {"id": "zz", "model": "1"},
    ]
    sub.write_text("\n".join(json.dumps(x) for x in lines) + "\n")
    result = invoke("score", TOY, str(sub), "--framework", "cpmpy", "--data", str(data), "--out", str(tmp_path / "o"),
                    "--workers", "2", "--no-progress")  # fmt: skip
    assert result.exit_code == 0, result.output
    assert "1 submission ids are not in suite" in result.output and "zz" in result.output
    records = {r["id"]: r for r in read_jsonl(tmp_path / "o/results.jsonl")}
    assert [records[i]["category"] for i in ("p00", "p01", "p02", "p03")] == [
        "passed",
        "odd",
        "no_submission",
        "passed",
    ]
    assert json.loads((tmp_path / "o/run.json").read_text())["target"] == "cpmpy"

    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "p00", "model": "2"}\nnot json\n')
    result = invoke("score", TOY, str(bad), "--data", str(data), "--out", str(tmp_path / "o2"))
    assert result.exit_code == 2 and "line 2 is not JSON" in result.output


def test_load_submission_rejects_repeats(tmp_path: Path) -> None:
    sub = tmp_path / "s.jsonl"
    sub.write_text('{"id": 1, "model": "a"}\n{"id": 1, "model": "b"}\n')
    with pytest.raises(RunnerError, match="repeats id '1'"):
        load_submission(sub)


def test_cli_selfcheck_lists_failures_and_exits_1(tmp_path: Path) -> None:
    data = make_data(tmp_path, n=3)
    result = invoke("selfcheck", TOY, "--data", str(data), "--out", str(tmp_path / "o"), "--no-progress")
    assert result.exit_code == 1, result.output
    assert f"FAIL {TOY} p01: odd" in result.output and "p00" not in result.output.split("FAIL", 1)[1]
    assert (tmp_path / "o" / TOY / "summary.json").exists()
    even = make_data(tmp_path / "even", n=1)  # only p00 (0 is even): passes
    ok = invoke("selfcheck", TOY, "--data", str(even), "--out", str(tmp_path / "o2"), "--no-progress")
    assert ok.exit_code == 0 and "every reference passes" in ok.output


# --- the scoring benchmark's pieces --------------------------------------------------------------------
def test_bench_scoring_baseline_and_memory_sampler(tmp_path: Path) -> None:
    from benchmarks.bench_scoring import PeakMemory, run_baseline

    ok, bad = tmp_path / "ok.py", tmp_path / "bad.py"
    ok.write_text("import time; x = bytearray(20_000_000); time.sleep(0.5)\n")
    bad.write_text("raise SystemExit(1)\n")
    with PeakMemory() as mem:
        assert mem.sample() > 0
    result = run_baseline([ok, bad])
    assert result["programs"] == 2 and result["failed"] == [tmp_path.name]
    assert (
        result["wall_time"] > 0.5 and result["peak_rss_bytes"] > mem.peak + 15_000_000
    )  # saw the child's 20 MB


def test_bench_scoring_measure_end_to_end_on_the_toy_suite(tmp_path: Path) -> None:
    from benchmarks.bench_scoring import measure

    data = make_data(tmp_path, n=4)
    for i in range(4):  # the layout measure() expects: <data>/cpbench/dataset/<item id>/<program>.py
        program = data / "cpbench" / "dataset" / f"p{i:02d}" / "model.py"
        program.parent.mkdir(parents=True)
        program.write_text("print('{}')\n")
    result = measure(workers=2, limit=3, data=str(data), out_dir=tmp_path / "runs", suite_name=TOY)
    assert result["baseline"]["programs"] == 3 and result["baseline"]["failed"] == []
    assert result["runner"]["items"] == 3 and result["runner"]["passed"] == 2  # p00, p02 are even
    assert result["valid"] is False  # p01 failed in the runner: its time would prove nothing
    assert result["speedup"] == result["baseline"]["wall_time"] / result["runner"]["wall_time"]
    assert result["runner"]["peak_rss_bytes"] > 0 and result["machine"]["cpu_count"] and result["date"]


@register
class LockedToySuite(ToySuite):
    """A suite that cannot be pickled (it holds a lock), like one guarding a cache shared by threads."""

    name = "toy-locked"

    def __init__(self) -> None:
        self._lock = threading.Lock()


def test_unpicklable_suite_is_rebuilt_in_each_worker(tmp_path: Path) -> None:
    data = make_data(tmp_path, n=4)
    suite = LockedToySuite()
    produce = resolve_producer("reference", None, None, 1, suite)
    with LocalProcessExecutor(workers=2) as ex:
        outcome = run_suite(
            suite, suite.items(data), produce, tmp_path / "o", config=CONFIG, executor=ex, progress=False
        )
    assert outcome.summary["categories"] == {"odd": 2, "passed": 2}

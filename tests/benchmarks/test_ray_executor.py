"""The Ray executor against the local one, on the runner's toy suite (test_runner.py).

Ray workers do not inherit the test's sys.path, so PYTHONPATH is set to this folder before Ray starts:
its workers then import `test_runner` by name to unpickle the toy suite, as process-pool workers do.
"""

from __future__ import annotations

import os
import threading
import time
from pathlib import Path
from typing import Any

import pytest

ray = pytest.importorskip("ray")

from benchmarks.executors import ExecutorError, make_executor  # noqa: E402
from benchmarks.executors_ray import RayExecutor, parse_limits  # noqa: E402
from benchmarks.runner import resolve_producer, run_suite  # noqa: E402

HERE = Path(__file__).resolve().parent


@pytest.fixture
def ray_env(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("PYTHONPATH", os.pathsep.join([str(HERE), os.environ.get("PYTHONPATH", "")]))
    monkeypatch.setenv("RAY_AUTH_MODE", "disabled")
    yield
    if ray.is_initialized():
        ray.shutdown()


def _toy():
    import test_runner

    return test_runner


def _run(suite: Any, data: Path, out: Path, executor: Any) -> Any:
    produce = resolve_producer("reference", None, None, 1, suite)
    with executor as ex:
        return run_suite(suite, suite.items(data), produce, out, config=_toy().CONFIG, executor=ex,
                         progress=False)


def test_local_ray_gives_the_same_records_as_the_local_executor(tmp_path: Path, ray_env: None) -> None:
    toy = _toy()
    data = toy.make_data(tmp_path, n=8, **{"p05": {"raise": True}, "p06": {"crash": True}})
    seq_data = toy.make_data(tmp_path / "seq", n=8, **{"p05": {"raise": True}})  # no crasher in-process
    _run(toy.ToySuite(), seq_data, tmp_path / "seq_out", make_executor(1))
    outcome = _run(toy.ToySuite(), data, tmp_path / "ray_out", RayExecutor(workers=2, max_retries=0))
    assert outcome.summary["run"]["executor"] == "ray" and outcome.summary["run"]["workers"] == 2
    seq = {r["id"]: r for r in toy.stable(toy.read_jsonl(tmp_path / "seq_out/results.jsonl"))}
    got = {r["id"]: r for r in toy.stable(toy.read_jsonl(tmp_path / "ray_out/results.jsonl"))}
    assert sorted(got) == sorted(seq)
    for key in seq:
        if key != "p06":
            assert got[key] == seq[key], key
    assert got["p06"]["category"] == "worker_crash" and "lost" in got["p06"]["message"]
    assert "ValueError: toy produce failure" in got["p05"]["message"]
    # resuming redoes nothing
    again = _run(toy.ToySuite(), data, tmp_path / "ray_out", RayExecutor(workers=2))
    assert again.ran == 0 and again.skipped == 8


def test_bad_settings_are_clear_errors() -> None:
    with pytest.raises(ExecutorError, match="PROVIDER=N"):
        parse_limits("openai")
    assert parse_limits("openai=16, anthropic=4") == {"openai": 16, "anthropic": 4}
    with pytest.raises(ExecutorError, match="only apply to --executor ray"):
        make_executor(2, address="ray://x:1")
    with pytest.raises(ExecutorError, match="unknown executor"):
        make_executor(2, kind="dask")


def test_killing_a_worker_node_loses_nothing_and_redoes_nothing(tmp_path: Path, ray_env: None) -> None:
    from ray.cluster_utils import Cluster

    toy = _toy()
    data = toy.make_data(tmp_path, n=12, sleep=0.6)
    cluster = Cluster(initialize_head=True, head_node_args={"num_cpus": 0})
    try:
        keep = cluster.add_node(num_cpus=1)
        doomed = cluster.add_node(num_cpus=1)
        cluster.wait_for_nodes()
        recorded: list[str] = []
        outcome: dict[str, Any] = {}

        def go() -> None:
            produce = resolve_producer("reference", None, None, 1, toy.ToySuite())
            with RayExecutor(address=cluster.address, max_retries=3) as ex:
                outcome["o"] = run_suite(toy.ToySuite(), toy.ToySuite().items(data), produce, tmp_path / "out",
                                         config=toy.CONFIG, executor=ex, progress=False,
                                         on_record=lambda r: recorded.append(r["id"]))

        runner = threading.Thread(target=go)
        runner.start()
        deadline = time.time() + 120
        while len(recorded) < 3 and time.time() < deadline:
            time.sleep(0.05)
        before_kill = list(recorded)
        cluster.remove_node(doomed)
        runner.join(timeout=180)
        assert not runner.is_alive()
        assert keep is not None and len(before_kill) >= 3
        records = toy.read_jsonl(tmp_path / "out/results.jsonl")
        ids = [r["id"] for r in records]
        assert sorted(ids) == [f"p{i:02d}" for i in range(12)]  # nothing lost, nothing recorded twice
        assert all(r["category"] in ("passed", "odd") for r in records)  # the killed tasks were retried
        produced = (data / "produced.log").read_text().split()
        for item_id in before_kill:  # a unit that had finished was never run again
            assert produced.count(item_id) == 1, item_id
    finally:
        if ray.is_initialized():
            ray.shutdown()
        cluster.shutdown()

"""The Ray executor against the local one, on the runner's toy suite (test_runner.py).

Ray workers do not inherit the test's sys.path, so PYTHONPATH is set to this folder before Ray starts:
its workers then import `test_runner` by name to unpickle the toy suite, as process-pool workers do.
One local Ray (2 CPUs) serves the single-machine tests; the node-kill test runs its own simulated
cluster afterwards. Everything that needs Ray skips when it is not installed.
"""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import typer
from typer.testing import CliRunner

try:
    import ray
except ImportError:  # the optional extra is not installed: the Ray tests skip, the others still run
    ray = None

from app.commands.bench import bench_app
from benchmarks.executors import ExecutorError, make_executor
from benchmarks.executors_ray import RayExecutor, parse_limits
from benchmarks.runner import resolve_producer, run_suite

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
needs_ray = pytest.mark.skipif(ray is None, reason="ray is not installed (pip install 'optipilot[ray]')")


def _toy():
    if str(HERE) not in sys.path:
        sys.path.insert(0, str(HERE))
    import test_runner

    return test_runner


@pytest.fixture(scope="module")
def local_ray() -> Iterator[None]:
    """A local Ray with 2 CPUs; its workers see the toy suite and a 1-call openai limit, 2 s leases."""
    from modeler.llm import ray_limiter

    saved = {k: os.environ.get(k) for k in ("PYTHONPATH", "RAY_AUTH_MODE")}
    os.environ["PYTHONPATH"] = os.pathsep.join([str(HERE), str(REPO), saved["PYTHONPATH"] or ""])
    os.environ["RAY_AUTH_MODE"] = "disabled"
    env = {ray_limiter.ENV: "openai=1", ray_limiter.LEASE_ENV: "2"}
    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False, configure_logging=False,
             namespace=ray_limiter.NAMESPACE, runtime_env={"env_vars": env})
    try:
        yield
    finally:
        ray.shutdown()
        for k, v in saved.items():
            os.environ.pop(k, None) if v is None else os.environ.__setitem__(k, v)


def _run(suite: Any, data: Path, out: Path, executor: Any) -> Any:
    produce = resolve_producer("reference", None, None, 1, suite)
    with executor as ex:
        return run_suite(suite, suite.items(data), produce, out, config=_toy().CONFIG, executor=ex,
                         progress=False)


@needs_ray
def test_local_ray_gives_the_same_records_as_the_local_executor(tmp_path: Path, local_ray: None) -> None:
    toy = _toy()
    data = toy.make_data(tmp_path, n=8, **{"p05": {"raise": True}, "p06": {"crash": True}})
    _run(toy.ToySuite(), data, tmp_path / "local_out", make_executor(2))
    outcome = _run(toy.ToySuite(), data, tmp_path / "ray_out", RayExecutor(workers=2, max_retries=0))
    assert outcome.summary["run"]["executor"] == "ray" and outcome.summary["run"]["workers"] == 2
    local = {r["id"]: r for r in toy.stable(toy.read_jsonl(tmp_path / "local_out/results.jsonl"))}
    got = {r["id"]: r for r in toy.stable(toy.read_jsonl(tmp_path / "ray_out/results.jsonl"))}
    assert sorted(got) == sorted(local) == [f"p{i:02d}" for i in range(8)]
    for key in local:
        if key != "p06":  # the crash message names the executor; everything else is identical
            assert got[key] == local[key], key
    assert local["p06"]["category"] == got["p06"]["category"] == "worker_crash"
    assert "was lost on each of its 1 attempt(s)" in got["p06"]["message"]  # the reason is recorded
    assert "ValueError: toy produce failure" in got["p05"]["message"]
    # resuming redoes nothing
    again = _run(toy.ToySuite(), data, tmp_path / "ray_out", RayExecutor(workers=2))
    assert again.ran == 0 and again.skipped == 8


def _thread_budget(_: int) -> str:
    from solvers.threads import ENV

    return os.environ.get(ENV, "")


@needs_ray
def test_every_task_keeps_its_solvers_to_its_cpus(local_ray: None) -> None:
    with RayExecutor(workers=2) as ex:
        assert set(ex.map(_thread_budget, range(4))) == {"1"}
    with make_executor(2) as ex:
        assert set(ex.map(_thread_budget, range(4))) == {str(max(1, (os.cpu_count() or 1) // 2))}


@needs_ray
def test_neur2ro_training_data_is_the_same_through_ray(local_ray: None) -> None:
    import numpy as np

    from solvers.neur2ro.train import make_data

    local = make_data(3, 2, seed=5, workers=2)
    on_ray = make_data(3, 2, seed=5, workers=2, executor="ray")
    assert len(local) == len(on_ray) == 6
    for a, b in zip(local, on_ray, strict=True):
        assert all(np.array_equal(u, v) for u, v in zip(a[:3], b[:3], strict=True)) and a[3] == b[3]


@needs_ray
def test_cli_runs_on_ray_and_resumes(tmp_path: Path, local_ray: None) -> None:
    toy = _toy()
    cli = typer.Typer()
    cli.add_typer(bench_app, name="bench")
    data = toy.make_data(tmp_path, n=5)
    args = ["bench", "run", toy.TOY, "--strategy", "reference", "--data", str(data), "--out", str(tmp_path / "o"),
            "--executor", "ray", "--workers", "2", "--no-progress"]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 0, result.output
    records = toy.read_jsonl(tmp_path / "o/results.jsonl")
    assert sorted(r["id"] for r in records) == [f"p{i:02d}" for i in range(5)]
    again = CliRunner().invoke(cli, args)
    assert again.exit_code == 0 and "5 resumed" in again.output
    assert len(toy.read_jsonl(tmp_path / "o/results.jsonl")) == 5


def _slot_span(model: str, hold: float) -> tuple[float, float]:
    from modeler.llm.ray_limiter import llm_slot

    with llm_slot(model):
        start = time.time()
        time.sleep(hold)
        return start, time.time()


def _die_holding_a_slot(model: str) -> None:
    from modeler.llm.ray_limiter import llm_slot

    slot = llm_slot(model)  # kept referenced: a collected generator would release the slot on its way out
    slot.__enter__()
    os._exit(1)


@needs_ray
def test_llm_limit_holds_across_workers_and_a_dead_holders_slot_comes_back(local_ray: None) -> None:
    from modeler.llm.ray_limiter import ensure_limiter, limiter_stats

    ensure_limiter({"openai": 1}, lease_s=2.0)
    span = ray.remote(num_cpus=1)(_slot_span)
    spans = sorted(ray.get([span.remote("openai/gpt-4o-mini", 0.3) for _ in range(4)]))
    assert all(a[1] <= b[0] for a, b in zip(spans, spans[1:], strict=False)), spans  # one at a time
    # another provider is not held up by openai's limit (default cap 8): two overlap
    other = sorted(ray.get([span.remote("anthropic/claude", 0.5) for _ in range(2)]))
    assert other[0][1] > other[1][0], other
    stats = limiter_stats()
    assert stats["peak"]["openai"] == 1 and stats["peak"]["anthropic"] == 2
    # a worker that dies holding the only openai slot: the slot comes back when its lease runs out
    with pytest.raises(ray.exceptions.RayError):
        ray.get(ray.remote(num_cpus=1, max_retries=0)(_die_holding_a_slot).remote("openai/gpt-4o-mini"))
    t = time.perf_counter()
    ray.get(span.remote("openai/gpt-4o-mini", 0.0), timeout=20)
    assert time.perf_counter() - t < 15 and limiter_stats()["reclaimed"] == 1


def test_llm_slot_is_a_no_op_and_nothing_imports_ray_outside_ray_runs() -> None:
    code = ("import sys\n"
            "import app.commands.bench, benchmarks.executors, benchmarks.executors_ray, modeler.llm.client\n"
            "from modeler.llm.ray_limiter import llm_slot\n"
            "with llm_slot('openai/gpt-4o'):\n    pass\n"
            "assert 'ray' not in sys.modules, 'ray was imported'\n")
    env = {k: v for k, v in os.environ.items() if k != "OPTIPILOT_RAY_LLM_LIMITS"}
    proc = subprocess.run([sys.executable, "-c", code], cwd=REPO, env=env, capture_output=True, text=True,
                          timeout=60)
    assert proc.returncode == 0, proc.stderr


def test_bad_settings_and_missing_ray_are_clear_errors(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    with pytest.raises(ExecutorError, match="PROVIDER=N"):
        parse_limits("openai")
    assert parse_limits("openai=16, anthropic=4") == {"openai": 16, "anthropic": 4}
    with pytest.raises(ExecutorError, match="only apply to --executor ray"):
        make_executor(2, address="ray://x:1")
    with pytest.raises(ExecutorError, match="unknown executor"):
        make_executor(2, kind="dask")
    monkeypatch.setitem(sys.modules, "ray", None)  # as if the extra were not installed
    with pytest.raises(ExecutorError, match=r"pip install 'optipilot\[ray\]'"):
        make_executor(2, kind="ray")
    toy = _toy()
    cli = typer.Typer()
    cli.add_typer(bench_app, name="bench")
    data = toy.make_data(tmp_path, n=2)
    result = CliRunner().invoke(cli, ["bench", "run", toy.TOY, "--strategy", "reference", "--data", str(data),
                                      "--out", str(tmp_path / "o"), "--executor", "ray", "--no-progress"])
    assert result.exit_code == 2 and "pip install 'optipilot[ray]'" in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)


@needs_ray
def test_killing_a_worker_node_loses_nothing_and_redoes_nothing(tmp_path: Path) -> None:
    from ray.cluster_utils import Cluster

    if ray.is_initialized():  # the local instance of the tests above
        ray.shutdown()
    toy = _toy()
    data = toy.make_data(tmp_path, n=12, sleep=0.6)
    saved = os.environ.get("PYTHONPATH")
    os.environ["PYTHONPATH"] = os.pathsep.join([str(HERE), str(REPO), saved or ""])
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
        assert outcome["o"].complete and outcome["o"].summary["run"]["workers"] == 2
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
        os.environ.pop("PYTHONPATH", None) if saved is None else os.environ.__setitem__("PYTHONPATH", saved)

"""RayExecutor: the runner's Executor on Ray, for runs that outgrow one machine (`pip install optipilot[ray]`).

    optipilot bench run cpbench --strategy direct --llm openai/gpt-4o --executor ray            # local Ray
    optipilot bench run cpbench ... --executor ray --address ray://head:10001 --llm-limit openai=16

Nothing above the Executor interface changes: the runner still writes every record to results.jsonl as it
arrives, so a resumed run redoes nothing that finished and loses nothing that was recorded.

- A unit of work is one runner task: one item of a suite (for a suite whose items are (problem, sample)
  pairs, one sample), sent as a Ray task that asks for `cpus_per_task` CPUs, so Ray packs solver and
  sandbox runs onto the cluster's cores, and its solvers keep to that many threads
  (OPTIPILOT_SOLVER_THREADS, solvers/threads.py). The function goes to the object store once per run.
- At most `window` tasks are in flight (by default twice the CPUs Ray reports), so items are drawn from
  the suite lazily and a stopped run leaves little work half done; what is still in flight when the
  run stops (Ctrl-C) is cancelled, so a cluster does not go on with work nobody will record.
- A task whose worker process or node dies is retried by Ray up to `max_retries` times (Ray's own
  retry of lost tasks); past that, the task yields `on_crash(task, WorkerCrashed(reason))`, which the
  runner records as a `worker_crash` with the reason. Exceptions raised by the task itself are not
  retried (the runner's task function already turns them into failed records).
- LLM calls are I/O-bound: `llm_limits` ({"openai": 16, ...}) turns on one cluster-wide limiter actor
  (modeler/llm/ray_limiter.py) so that all workers together keep under each provider's rate.

Ray is imported only when a RayExecutor is built.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from benchmarks.executors import CrashHandler, Executor, ExecutorError, R, T, WorkerCrashed, _reraise

# Exceptions that mean "the process or node running the task went away", by name so that importing this
# module does not import Ray.
_LOST = ("WorkerCrashedError", "NodeDiedError", "ObjectLostError", "OwnerDiedError", "TaskUnschedulableError",
         "ActorDiedError", "RayActorError", "LocalRayletDiedError", "ObjectReconstructionFailedError",
         "ObjectReconstructionFailedMaxAttemptsExceededError", "ObjectFetchTimedOutError")


def import_ray() -> Any:
    try:
        import ray
    except ImportError as e:
        raise ExecutorError("the Ray executor needs Ray: pip install 'optipilot[ray]'") from e
    return ray


def _call(fn: Callable[[Any], Any], task: Any, env: dict[str, str]) -> Any:
    """What a Ray worker runs: the runner's task function on one task, with the run's settings in the
    environment (they travel with the task, so they hold on a cluster this executor only joined)."""
    os.environ.update(env)
    return fn(task)


class RayExecutor(Executor[T, R]):
    """Runs tasks as Ray tasks on a local Ray instance (default) or the cluster at `address`."""

    name = "ray"

    def __init__(
        self,
        workers: int | None = None,
        address: str | None = None,
        *,
        cpus_per_task: float = 1.0,
        max_retries: int = 2,
        window: int | None = None,
        llm_limits: dict[str, int] | None = None,
    ):
        if workers is not None and workers < 1:
            raise ExecutorError(f"workers must be at least 1, got {workers}")
        if cpus_per_task <= 0:
            raise ExecutorError(f"cpus_per_task must be positive, got {cpus_per_task}")
        self.address = address
        self.cpus_per_task = cpus_per_task
        self.max_retries = max(0, max_retries)
        self.llm_limits = dict(llm_limits or {})
        self._requested_workers = workers
        self._window = window
        self._started_ray = False
        self._remote: Any = None
        self._env: dict[str, str] = {}
        self.workers = workers or 1  # updated to the cluster's CPUs once Ray is up
        self.retried_crashes = 0
        import_ray()  # fail now, with the install hint, not after the results folder is opened

    # --- Ray start-up --------------------------------------------------------------------------------

    def _start(self) -> Any:
        ray = import_ray()
        if not ray.is_initialized():
            env_vars = {"OPTIPILOT_RAY_LLM_LIMITS": _format_limits(self.llm_limits)} if self.llm_limits else {}
            for name in ("OPTIPILOT_DATA", "LITELLM_LOCAL_MODEL_COST_MAP"):
                if os.environ.get(name):
                    env_vars[name] = os.environ[name]
            kwargs: dict[str, Any] = {
                "include_dashboard": False, "log_to_driver": False, "configure_logging": False,
                "namespace": "optipilot", "runtime_env": {"env_vars": env_vars} if env_vars else None,
            }
            if self.address:
                kwargs["address"] = self.address
            else:  # a local instance sized to what was asked for, never the whole machine by surprise
                kwargs["num_cpus"] = self._requested_workers or os.cpu_count() or 1
            try:
                ray.init(**{k: v for k, v in kwargs.items() if v is not None})
            except Exception as e:  # (connection errors come in several types)
                where = f"the Ray cluster at {self.address}" if self.address else "a local Ray instance"
                raise ExecutorError(f"cannot start or reach {where}: {e}") from e
            self._started_ray = True
        cpus = int(ray.cluster_resources().get("CPU", 1))
        self.workers = max(1, int(cpus // self.cpus_per_task))
        if self._requested_workers and not self.address:
            self.workers = min(self.workers, self._requested_workers)
        from solvers.threads import ENV as THREADS_ENV

        # A task asked Ray for cpus_per_task CPUs: its solvers keep to that many threads.
        self._env[THREADS_ENV] = str(max(1, int(self.cpus_per_task)))
        self._remote = ray.remote(_call).options(
            num_cpus=self.cpus_per_task, max_retries=self.max_retries, retry_exceptions=False)
        if self.llm_limits:
            from modeler.llm.ray_limiter import ENV, LEASE_ENV, ensure_limiter

            self._env[ENV] = _format_limits(self.llm_limits)
            if os.environ.get(LEASE_ENV):
                self._env[LEASE_ENV] = os.environ[LEASE_ENV]
            ensure_limiter(self.llm_limits)
        return ray

    # --- the Executor interface ----------------------------------------------------------------------

    def map(
        self, fn: Callable[[T], R], tasks: Iterable[T], on_crash: CrashHandler[T, R] = _reraise
    ) -> Iterator[R]:
        ray = self._remote and import_ray() or self._start()
        try:
            fn_ref = ray.put(fn)  # sent once, not with every task
        except Exception as e:  # (serialisation errors come in several types)
            raise ExecutorError(f"the task function cannot be sent to Ray workers ({e})") from e
        window = self._window or 2 * self.workers
        source = iter(tasks)
        running: dict[Any, T] = {}
        exhausted = False
        try:
            while True:
                while not exhausted and len(running) < window:
                    try:
                        task = next(source)
                    except StopIteration:
                        exhausted = True
                        break
                    running[self._remote.remote(fn_ref, task, self._env)] = task
                if not running:
                    return
                ready, _ = ray.wait(list(running), num_returns=1)
                for ref in ready:
                    task = running.pop(ref)
                    try:
                        result = ray.get(ref)
                    except ray.exceptions.RayTaskError as e:  # the task raised: its own error, unwrapped
                        cause = e.cause if isinstance(getattr(e, "cause", None), BaseException) else e
                        yield on_crash(task, cause)
                        continue
                    except Exception as e:  # the worker or node died more often than max_retries allows
                        if type(e).__name__ not in _LOST and not isinstance(e, ray.exceptions.RayError):
                            raise
                        self.retried_crashes += 1
                        yield on_crash(task, WorkerCrashed(
                            f"the Ray worker running this task was lost on each of its {self.max_retries + 1} "
                            f"attempt(s) ({type(e).__name__}: {str(e).splitlines()[0] if str(e) else ''})"))
                        continue
                    yield result
        finally:  # map abandoned (Ctrl-C, the caller stopped): do not leave work running on a cluster
            for ref in running:
                with contextlib.suppress(Exception):  # (already finished, or Ray is going down)
                    ray.cancel(ref)

    def close(self) -> None:
        """Shut Ray down if this executor started it (a cluster it only joined keeps running)."""
        if self._started_ray:
            ray = import_ray()
            ray.shutdown()
            self._started_ray = False
        self._remote = None


def _format_limits(limits: dict[str, int]) -> str:
    return ",".join(f"{k}={int(v)}" for k, v in sorted(limits.items()))


def parse_limits(text: str | None) -> dict[str, int]:
    """"openai=16,anthropic=4" -> {"openai": 16, "anthropic": 4}; a clear error for anything else."""
    out: dict[str, int] = {}
    for part in (text or "").split(","):
        part = part.strip()
        if not part:
            continue
        name, sep, value = part.partition("=")
        if not sep or not name.strip() or not value.strip().isdigit() or int(value) < 1:
            raise ExecutorError(f"bad LLM limit {part!r}: write PROVIDER=N with N >= 1, e.g. openai=16")
        out[name.strip()] = int(value)
    return out

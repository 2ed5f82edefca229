"""Executors: how the runner spreads items over processes, behind one small interface.

`Executor.map(fn, tasks, on_crash)` yields one result per task, as tasks complete (in any order). The
runner only ever talks to this interface, so a distributed engine slots in as one more class:

    class RayExecutor(Executor):
        # map: submit `ray.remote(fn).remote(task)` for a bounded window of tasks, `ray.wait` for
        # whichever is ready, yield its value; a task whose worker died (ray.exceptions.WorkerCrashedError)
        # yields `on_crash(task, error)`. close: `ray.shutdown()` if this executor started Ray.

`fn` and the tasks must be picklable for the process executors (a module-level function, or a
`functools.partial` of one).
"""

from __future__ import annotations

import multiprocessing
import os
import pickle
import signal
from abc import ABC, abstractmethod
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from types import TracebackType
from typing import Generic, TypeVar

T = TypeVar("T")
R = TypeVar("R")

# What to return for a task that could not produce its own result (its process died, or it raised).
CrashHandler = Callable[[T, BaseException], R]


class ExecutorError(RuntimeError):
    """The executor cannot run the work at all (not picklable, bad settings)."""


class WorkerCrashed(RuntimeError):
    """The process running a task died before returning (os._exit, segfault, out of memory kill)."""


def _ignore_sigint() -> None:
    """Worker initializer: Ctrl-C is the parent's to handle (it stops the pool); workers just get killed."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _init_worker(threads: int | None) -> None:
    """Worker initializer: Ctrl-C handling (above) and the worker's thread budget per solve."""
    _ignore_sigint()
    if threads is not None:
        from solvers.threads import ENV

        os.environ[ENV] = str(threads)


def _reraise(task: object, error: BaseException) -> R:  # the default crash handler
    raise error


class Executor(ABC, Generic[T, R]):
    """Runs `fn` over tasks; results come back as tasks complete."""

    name: str = "executor"

    @abstractmethod
    def map(
        self, fn: Callable[[T], R], tasks: Iterable[T], on_crash: CrashHandler[T, R] = _reraise
    ) -> Iterator[R]:
        """Yield `fn(task)` for every task, in completion order.

        A task whose `fn` raises, or whose process dies, yields `on_crash(task, error)` instead (by
        default the error propagates). Tasks are drawn from `tasks` lazily, a few at a time.
        """

    def close(self) -> None:
        """Release processes and other resources; the executor is not used afterwards."""

    def __enter__(self) -> Executor[T, R]:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()


class SequentialExecutor(Executor[T, R]):
    """Runs every task in this process, one after the other: for debugging and for tiny suites.

    A task that kills its process (os._exit) kills the whole run here; use LocalProcessExecutor when
    that can happen.
    """

    name = "sequential"

    def map(
        self, fn: Callable[[T], R], tasks: Iterable[T], on_crash: CrashHandler[T, R] = _reraise
    ) -> Iterator[R]:
        for task in tasks:
            try:
                result = fn(task)
            except Exception as e:  # (the crash handler decides what a failure is)
                result = on_crash(task, e)
            yield result


class LocalProcessExecutor(Executor[T, R]):
    """A pool of `workers` processes on this machine (concurrent.futures.ProcessPoolExecutor).

    Processes start with "forkserver" (or "spawn" where it is missing), never plain "fork": the parent
    holds threads (Rich's progress refresher, LLM client pools, the pool's own manager thread), and a
    forked child inherits their locks in whatever state they were at the fork, which can deadlock it.
    forkserver forks workers from a clean single-threaded server instead; `preload` names modules that
    server imports once (for example "cpmpy"), so each new worker starts with them already loaded.

    At most `workers` tasks are in flight at a time, so when a worker dies (BrokenProcessPool fails every
    pending future), only those few are suspects. The pool is rebuilt, and each suspect is rerun alone:
    the one that kills its process again yields `on_crash(task, WorkerCrashed(...))`; the others give
    their real results. The rest of the tasks then continue in parallel.
    """

    name = "local"

    def __init__(self, workers: int = 2, start_method: str | None = None, preload: Sequence[str] = (),
                 threads_per_task: int | None = None):
        if workers < 1:
            raise ExecutorError(f"workers must be at least 1, got {workers}")
        methods = multiprocessing.get_all_start_methods()
        if start_method is None:
            start_method = "forkserver" if "forkserver" in methods else "spawn"
        if start_method == "fork":
            raise ExecutorError(
                "the 'fork' start method is unsafe with a threaded parent; use forkserver or spawn"
            )
        if start_method not in methods:
            raise ExecutorError(f"start method {start_method!r} is not available here (have: {methods})")
        self.workers = workers
        # Each worker's solvers get this many threads (solvers/threads.py); default: the cores shared
        # out among the workers, so that W workers do not run W x (all cores) solver threads.
        self.threads_per_task = threads_per_task or max(1, (os.cpu_count() or 1) // workers)
        self._context = multiprocessing.get_context(start_method)
        if start_method == "forkserver" and preload:
            self._context.set_forkserver_preload(list(preload))
        self._pool: ProcessPoolExecutor | None = None
        self.crashes = 0  # how many times the pool broke and was rebuilt (a crasher breaks it twice: in a
        # group, then alone)

    def _new_pool(self) -> ProcessPoolExecutor:
        if self._pool is not None:
            self._pool.shutdown(wait=False, cancel_futures=True)
        self._pool = ProcessPoolExecutor(
            max_workers=self.workers, mp_context=self._context, initializer=_init_worker,
            initargs=(self.threads_per_task,),
        )
        return self._pool

    def map(
        self, fn: Callable[[T], R], tasks: Iterable[T], on_crash: CrashHandler[T, R] = _reraise
    ) -> Iterator[R]:
        try:  # fail once, clearly, rather than once per task inside the pool's feeder thread
            pickle.dumps(fn)
        except Exception as e:  # (pickle raises several unrelated types)
            raise ExecutorError(
                f"the task function cannot be sent to worker processes ({e}); "
                "use a module-level function or a functools.partial of one"
            ) from e

        pool = self._pool or self._new_pool()
        source = iter(tasks)
        suspects: deque[T] = deque()  # tasks that were in flight when a worker died
        waiting: deque[T] = deque()  # drawn from `source`, refused by a pool that had just broken
        running: dict[Future[R], T] = {}
        exhausted = False
        idle_breaks = 0  # pools found broken with nothing running: guards against a pool that cannot start

        def submit(task: T) -> bool:
            try:
                running[pool.submit(fn, task)] = task
                return True
            except BrokenProcessPool:  # it broke after our last look; the running futures will say so
                return False

        while True:
            refused = False
            if suspects:  # suspects go alone (a window of one), so a repeat crash names its task
                if not running:
                    task = suspects.popleft()
                    if not submit(task):
                        suspects.appendleft(task)
                        refused = True
            else:
                while len(running) < self.workers:
                    if waiting:
                        task = waiting.popleft()
                    elif exhausted:
                        break
                    else:
                        try:
                            task = next(source)
                        except StopIteration:
                            exhausted = True
                            break
                    if not submit(task):
                        waiting.appendleft(task)
                        refused = True
                        break
            if not running:
                if not refused:
                    return
                idle_breaks += 1
                if idle_breaks > 3:
                    raise ExecutorError(
                        "the worker pool breaks as soon as it starts; see the workers' stderr"
                    )
                pool = self._new_pool()
                continue
            idle_breaks = 0

            done, _ = wait(running, return_when=FIRST_COMPLETED)
            broken = False
            isolated = len(running) == 1
            for future in done:
                task = running.pop(future)
                try:
                    result = future.result()
                except BrokenProcessPool as e:
                    broken = True
                    if isolated:  # it ran alone, so it is the one that died
                        yield on_crash(
                            task, WorkerCrashed(f"the worker process died while running this task ({e})")
                        )
                    else:
                        suspects.append(task)
                    continue
                except Exception as e:  # (fn raised, or its result could not be pickled)
                    yield on_crash(task, e)
                    continue
                yield result
            if broken:
                # Every other in-flight future fails with the same BrokenProcessPool, so all of them are
                # suspects, except one that managed to finish just before the break.
                for future, task in running.items():
                    if future.done() and not future.cancelled() and future.exception() is None:
                        yield future.result()
                    else:
                        suspects.append(task)
                running.clear()
                self.crashes += 1
                pool = self._new_pool()

    def close(self) -> None:
        """Stop the workers. Tasks still running (map abandoned, Ctrl-C) are killed, not awaited."""
        if self._pool is None:
            return
        # ProcessPoolExecutor has no public way to stop running tasks; its process table is the only handle.
        processes = list((getattr(self._pool, "_processes", None) or {}).values())
        self._pool.shutdown(wait=False, cancel_futures=True)
        for process in processes:
            if process.is_alive():
                process.terminate()
        for process in processes:
            process.join(timeout=5)
        self._pool = None


def make_executor(
    workers: int, preload: Sequence[str] = (), *, kind: str = "local", address: str | None = None,
    llm_limits: dict[str, int] | None = None,
) -> Executor:
    """The executor for a run: `kind` "local" (SequentialExecutor for `workers <= 1`, else a
    LocalProcessExecutor) or "ray" (RayExecutor: local Ray with `workers` CPUs, or the cluster at
    `address`, using all its CPUs)."""
    if kind == "ray":
        from benchmarks.executors_ray import RayExecutor

        return RayExecutor(workers=None if address else workers, address=address, llm_limits=llm_limits)
    if kind != "local":
        raise ExecutorError(f"unknown executor {kind!r}: use local or ray")
    if address or llm_limits:
        raise ExecutorError("--address and --llm-limit only apply to --executor ray")
    if workers <= 1:
        return SequentialExecutor()
    return LocalProcessExecutor(workers=workers, preload=preload)

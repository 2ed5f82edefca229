"""Run a suite: produce a result for every item, score it, store it, summarize.

The work for one item (`run_item`: produce, then score) happens inside an executor's worker, since both
steps can be slow (LLM calls, sandboxed solver runs). The parent only appends records to the results
store (see store.py: that is what makes a run resumable) and draws the progress bar.

A producer is any picklable `Callable[[Item], ModelResult]`; `resolve_producer` turns a strategy name
into one. Producers signal "no result for this item, for a known reason" by raising `ProduceFailure`
with a category (`no_reference`, `no_submission`); any other exception becomes `runner_error`.
"""

from __future__ import annotations

import datetime as _dt
import functools
import json
import os
import pickle
import time
import traceback
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from benchmarks.executors import Executor, SequentialExecutor, WorkerCrashed
from benchmarks.provenance import command_line, git_commit, machine
from benchmarks.store import ResultsStore
from benchmarks.suites.base import Item, Suite, Verdict
from modeler.result import ModelResult

Producer = Callable[[Item], ModelResult]

# Categories the runner itself assigns (a suite's own categories say why a *result* is wrong).
RUNNER_ERROR = "runner_error"  # produce or score raised
WORKER_CRASH = "worker_crash"  # the worker process died while on this item
RETRYABLE = frozenset({RUNNER_ERROR, WORKER_CRASH})  # what --retry-errors redoes on resume


class RunnerError(RuntimeError):
    """A run cannot start (unknown ids, unavailable strategy, bad submission)."""


class StrategyUnavailableError(RunnerError):
    """The strategy asked for cannot be built in this checkout."""


class SubmissionError(RunnerError):
    """An external submission file is missing or malformed."""


class ProduceFailure(Exception):
    """A producer has no result for this item, for a reason the suite's summary should count."""

    def __init__(self, category: str, message: str):
        super().__init__(message)
        self.category = category


# --- suites in worker processes ---------------------------------------------------------------------------
class SuiteHandle:
    """A suite as sent to worker processes: rebuilt once per process there, not once per task.

    A picklable suite travels with its state (its settings); one that is not (it holds a lock, a cache,
    a connection) is rebuilt by its no-argument constructor, as the suite registry builds it. Rebuilding
    once per process also lets a suite's own caches help every item that process scores.
    """

    def __init__(self, suite: Suite):
        self.cls = type(suite)
        try:
            self.state: bytes | None = pickle.dumps(suite)
        except Exception:  # (pickle raises several unrelated types)
            self.state = None
        self._suite: Suite | None = suite

    def __getstate__(self) -> dict[str, Any]:
        return {"cls": self.cls, "state": self.state}

    def __setstate__(self, d: dict[str, Any]) -> None:
        self.cls, self.state, self._suite = d["cls"], d["state"], None

    def get(self) -> Suite:
        if self._suite is None:
            self._suite = _rebuild_suite(self.cls, self.state)
        return self._suite


@functools.lru_cache(maxsize=8)
def _rebuild_suite(cls: type[Suite], state: bytes | None) -> Suite:
    return pickle.loads(state) if state is not None else cls()


def _handle(suite: Suite | SuiteHandle) -> SuiteHandle:
    return suite if isinstance(suite, SuiteHandle) else SuiteHandle(suite)


# --- producers -----------------------------------------------------------------------------------------
def reference_produce(handle: SuiteHandle, item: Item) -> ModelResult:
    """The suite's ground truth as the result (selfcheck: does the scorer accept the reference?)."""
    suite = handle.get()
    result = suite.reference(item)
    if result is None:
        raise ProduceFailure("no_reference", f"suite {suite.name!r} has no reference result for {item.id!r}")
    return result


def suite_solver_produce(handle: SuiteHandle, name: str, item: Item) -> ModelResult:
    """One of the suite's own solvers (see Suite.solvers) on an item."""
    return handle.get().solvers()[name](item)


@functools.cache
def _modeler(strategy: str, llm: str | None, target: str | None, samples: int) -> Any:
    # One Modeler per worker process and configuration: building it may load prompts or open caches.
    from modeler import Modeler  # type: ignore[attr-defined]

    return Modeler(llm=llm, strategy=strategy, target=target, samples=samples)


def modeler_produce(
    strategy: str, llm: str | None, target: str | None, samples: int, item: Item
) -> ModelResult:
    return _modeler(strategy, llm, target, samples).solve(item.text)


def submission_produce(codes: dict[str, str], language: str, item: Item) -> ModelResult:
    """An external submission's code for the item, as a ModelResult for the suite to run and score."""
    code = codes.get(item.id)
    if code is None:
        raise ProduceFailure("no_submission", f"the submission has no model for {item.id!r}")
    return ModelResult(code=code, language=language, status="submitted")


def resolve_producer(
    strategy: str, llm: str | None, target: str | None, samples: int, suite: Suite
) -> Producer:
    """The producer for a strategy name: `reference` (the suite's ground truth), else the modeler's."""
    if strategy == "reference":
        return functools.partial(reference_produce, _handle(suite))
    if strategy in suite.solvers():
        return functools.partial(suite_solver_produce, _handle(suite), strategy)
    try:
        from modeler import Modeler  # type: ignore[attr-defined]  # noqa: F401
    except ImportError as e:
        raise StrategyUnavailableError(
            f"Strategy {strategy!r} needs modeler.Modeler, which this checkout does not have yet ({e}); "
            "only --strategy reference works today."
        ) from e
    try:  # build it once here so a bad strategy/LLM name fails before the run, not once per item
        _modeler(strategy, llm, target, samples)
    except Exception as e:  # (the modeler's own errors carry the message)
        raise StrategyUnavailableError(f"Cannot build strategy {strategy!r}: {e}") from e
    return functools.partial(modeler_produce, strategy, llm, target, samples)


def load_submission(path: str | os.PathLike[str]) -> dict[str, str]:
    """Read a CP-Bench style submission: one `{"id": ..., "model": "<code>"}` object per line."""
    p = Path(path)
    if not p.is_file():
        raise SubmissionError(f"Submission file {p} does not exist.")
    codes: dict[str, str] = {}
    for n, line in enumerate(p.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as e:
            raise SubmissionError(f"{p} line {n} is not JSON ({e.msg}).") from e
        if not isinstance(obj, dict) or not isinstance(obj.get("model"), str) or "id" not in obj:
            raise SubmissionError(f'{p} line {n} must be an object {{"id": ..., "model": "<code>"}}.')
        key = str(obj["id"])
        if key in codes:
            raise SubmissionError(f"{p} line {n} repeats id {key!r}.")
        codes[key] = obj["model"]
    if not codes:
        raise SubmissionError(f"Submission file {p} holds no models.")
    return codes


# --- one item (runs in a worker) -------------------------------------------------------------------------
def _describe(stage: str, e: BaseException) -> str:
    where = traceback.extract_tb(e.__traceback__)[-1:] if e.__traceback__ else []
    at = f" (at {Path(where[0].filename).name}:{where[0].lineno})" if where else ""
    return f"{stage} raised {type(e).__name__}: {e}{at}"


def run_item(produce: Producer, suite: Suite | SuiteHandle, item: Item) -> dict[str, Any]:
    """Produce and score one item; never raises (a failure is a failed verdict in the record)."""
    if isinstance(suite, SuiteHandle):
        suite = suite.get()
    start = time.perf_counter()
    result: ModelResult | None = None
    try:
        result = produce(item)
    except ProduceFailure as e:
        verdict = Verdict(id=item.id, passed=False, category=e.category, message=str(e))
    except Exception as e:  # (one item's failure must not end the run)
        verdict = Verdict(id=item.id, passed=False, category=RUNNER_ERROR, message=_describe("produce", e))
    produced = time.perf_counter()
    if result is not None:
        try:
            verdict = suite.score(item, result)
        except Exception as e:
            verdict = Verdict(id=item.id, passed=False, category=RUNNER_ERROR, message=_describe("score", e))
    end = time.perf_counter()
    record = make_record(item.id, verdict, result)
    record.update(time=end - start, produce_time=produced - start, score_time=end - produced)
    return record


def make_record(item_id: str, verdict: Verdict, result: ModelResult | None = None) -> dict[str, Any]:
    """The results.jsonl line for an item: the verdict, plus the result's times, tokens and cost."""
    record: dict[str, Any] = {
        "id": item_id,  # the item's id, even if a suite's verdict names another
        "passed": verdict.passed,
        "category": verdict.category,
        "message": verdict.message,
        "metrics": dict(verdict.metrics),
        "tokens": result.tokens if result else 0,
        "cost": result.cost if result else 0.0,
    }
    if result is not None:
        record["status"] = result.status
        record["result_time"] = result.time
        if result.solution is not None:
            record["solve_time"] = result.solution.solve_time
            record["compile_time"] = result.solution.compile_time
    return record


def crash_record(item: Item, error: BaseException) -> dict[str, Any]:
    """The record for an item whose worker died (or whose result could not come back)."""
    category = WORKER_CRASH if isinstance(error, WorkerCrashed) else RUNNER_ERROR
    verdict = Verdict(id=item.id, passed=False, category=category, message=f"{type(error).__name__}: {error}")
    record = make_record(item.id, verdict)
    record["time"] = 0.0
    return record


def _verdict(record: dict[str, Any]) -> Verdict:
    return Verdict(
        id=record["id"],
        passed=bool(record.get("passed")),
        category=str(record.get("category", "")),
        message=str(record.get("message", "")),
        metrics=record.get("metrics") or {},
    )


# --- the run ---------------------------------------------------------------------------------------------
@dataclass
class RunOutcome:
    """What `run_suite` did: the summary written, and which items were new or resumed."""

    summary: dict[str, Any]
    records: list[dict[str, Any]]  # the selected items' records, in suite order
    skipped: int  # selected items already in the store (not redone)
    ran: int  # items run by this call
    out_dir: Path
    failures: list[dict[str, Any]] = field(default_factory=list)

    @property
    def complete(self) -> bool:
        return bool(self.summary.get("complete"))


def select_items(
    items: Iterable[Item], ids: Sequence[str] | None = None, limit: int | None = None
) -> list[Item]:
    """The items named by `ids` (all when None), then the first `limit` of them."""
    chosen = list(items)
    if ids:
        by_id = {it.id: it for it in chosen}
        unknown = [i for i in ids if i not in by_id]
        if unknown:
            sample = ", ".join(list(by_id)[:5])
            raise RunnerError(
                f"Unknown item ids: {', '.join(unknown)} (the suite's ids look like: {sample}, ...)"
            )
        chosen = [by_id[i] for i in dict.fromkeys(ids)]
    if limit is not None:
        chosen = chosen[: max(limit, 0)]
    return chosen


def summarize(suite: Suite, records: list[dict[str, Any]], wall_time: float) -> dict[str, Any]:
    """summary.json without the run block: the suite's metrics by name, then the runner's counts."""
    summary: dict[str, Any] = {}
    try:
        summary.update(suite.summarize([_verdict(r) for r in records]))
    except Exception as e:  # (a summarize bug must not lose the run's records)
        summary["summarize_error"] = _describe("summarize", e)
    summary.update(
        count=len(records),
        passed=sum(1 for r in records if r.get("passed")),
        categories=dict(sorted(Counter(str(r.get("category")) for r in records).items())),
        tokens=sum(int(r.get("tokens") or 0) for r in records),
        cost=sum(float(r.get("cost") or 0.0) for r in records),
        item_time=sum(float(r.get("time") or 0.0) for r in records),
        wall_time=wall_time,
    )
    return summary


def run_suite(
    suite: Suite,
    items: Iterable[Item],
    produce: Producer,
    out_dir: str | os.PathLike[str],
    *,
    config: dict[str, Any],
    executor: Executor | None = None,
    retry_errors: bool = False,
    progress: bool = True,
    command: str | None = None,
    on_record: Callable[[dict[str, Any]], None] | None = None,
) -> RunOutcome:
    """Run `items` of `suite` through `produce` and the scorer into the results folder `out_dir`.

    Items already recorded there are skipped (with `retry_errors`, those that ended in a runner error or
    a worker crash are redone). `config` (suite, strategy, llm, target, samples, ...) must match the
    folder's run.json. summary.json covers the records of `items` (the selected ones), old and new, and is written
    even when the run is interrupted (`complete` says whether every item has a record).
    """
    items = list(items)
    executor = executor or SequentialExecutor()
    store = ResultsStore(out_dir)
    started = time.perf_counter()
    done = store.open(dict(config, suite=suite.name))
    todo = [
        it for it in items if it.id not in done or (retry_errors and done[it.id].get("category") in RETRYABLE)
    ]
    skipped = len(items) - len(todo)
    ran = 0
    try:
        task = functools.partial(run_item, produce, _handle(suite))
        results = executor.map(task, todo, on_crash=crash_record)
        with _progress_bar(progress, suite.name, len(items), skipped) as advance:
            for record in results:
                store.append(record)
                done[record["id"]] = record
                ran += 1
                advance(record)
                if on_record is not None:
                    on_record(record)
    finally:
        records = [done[it.id] for it in items if it.id in done]
        summary = summarize(suite, records, time.perf_counter() - started)
        summary["complete"] = len(records) == len(items)
        summary["run"] = {
            "command": command if command is not None else command_line(),
            "suite": suite.name,
            "strategy": config.get("strategy"),
            "config": dict(config, suite=suite.name),
            "executor": getattr(executor, "name", type(executor).__name__),
            "workers": getattr(executor, "workers", 1),
            "items_selected": len(items),
            "items_run": ran,
            "items_resumed": skipped,
            "git_commit": git_commit(),
            "machine": machine(),
            "date": _dt.datetime.now(_dt.UTC).isoformat(timespec="seconds"),
        }
        store.write_summary(summary)
        store.close()
    failures = [r for r in records if not r.get("passed")]
    return RunOutcome(summary, records, skipped, ran, Path(out_dir), failures)


class _progress_bar:
    """A Rich progress bar with ETA (or nothing when `enabled` is false); yields an `advance(record)`."""

    def __init__(self, enabled: bool, label: str, total: int, already: int):
        self.enabled, self.label, self.total, self.already = enabled, label, total, already
        self.passed = 0
        self._progress: Any = None

    def __enter__(self) -> Callable[[dict[str, Any]], None]:
        if not self.enabled:
            return lambda record: None
        from rich.progress import (
            BarColumn,
            MofNCompleteColumn,
            Progress,
            TextColumn,
            TimeElapsedColumn,
            TimeRemainingColumn,
        )

        self._progress = Progress(
            TextColumn("[bold]{task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            TextColumn("{task.fields[passed]} passed"),
            TimeElapsedColumn(),
            TextColumn("ETA"),
            TimeRemainingColumn(),
        )
        self._progress.start()
        # Resumed items count as done for the bar but not for the ETA's rate, hence a separate task total.
        label = self.label + (f" (resumed, {self.already} done)" if self.already else "")
        task = self._progress.add_task(label, total=self.total - self.already, passed=0)

        def advance(record: dict[str, Any]) -> None:
            self.passed += bool(record.get("passed"))
            self._progress.update(task, advance=1, passed=self.passed)

        return advance

    def __exit__(self, *exc: object) -> None:
        if self._progress is not None:
            self._progress.stop()

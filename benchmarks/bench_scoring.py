"""How fast the runner scores CP-Bench, against the naive way, measured in one process on one machine.

(a) baseline: every CP-Bench ground-truth program run as a fresh `python file.py` subprocess, one after
    the other (what a shell loop over the dataset does);
(b) runner: `bench selfcheck cpbench --workers N` through the runner API (reference strategy, the
    suite's own scorer, a LocalProcessExecutor), into a fresh results folder so nothing is resumed.

Both get the same items (with --limit, the first N of the suite) and their peak memory is the sum of RSS
over this process and all its descendants, sampled every 0.2 s. Prints and writes JSON with both wall
times, their ratio, the peak memories, the machine and the date:

    python -m benchmarks.bench_scoring --workers 2 --out benchmarks/results/scoring_speed.json
"""

from __future__ import annotations

import argparse
import datetime as _dt
import json
import os
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from types import TracebackType
from typing import Any

import psutil

from benchmarks.executors import make_executor
from benchmarks.provenance import command_line, git_commit, machine
from benchmarks.runner import resolve_producer, run_suite, select_items
from benchmarks.suites.base import DataNotFoundError, Item, data_dir, get_suite


class PeakMemory:
    """Samples the summed RSS of this process and its descendants in a background thread."""

    def __init__(self, interval: float = 0.2):
        self.interval = interval
        self.peak = 0  # bytes
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._loop, daemon=True)

    def sample(self) -> int:
        me = psutil.Process(os.getpid())
        total = 0
        for proc in [me, *me.children(recursive=True)]:
            try:
                total += proc.memory_info().rss
            except (psutil.NoSuchProcess, psutil.AccessDenied):  # it ended between listing and reading
                pass
        self.peak = max(self.peak, total)
        return total

    def _loop(self) -> None:
        while not self._stop.is_set():
            self.sample()
            self._stop.wait(self.interval)

    def __enter__(self) -> PeakMemory:
        self._thread.start()
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self._stop.set()
        self._thread.join()
        self.sample()


def ground_truth_programs(folder: Path, items: list[Item]) -> list[Path]:
    """The CP-Bench programs for `items`: dataset/<id>/*.py, matched by the item id (the folder name)."""
    dataset = folder / "cpbench" / "dataset"
    programs: list[Path] = []
    for item in items:
        found = sorted((dataset / item.id).glob("*.py"))
        if not found:
            raise FileNotFoundError(f"no ground-truth program for item {item.id!r} under {dataset / item.id}")
        programs.append(found[0])
    return programs


def run_baseline(programs: list[Path], timeout: float = 300.0) -> dict[str, Any]:
    """Each program in a fresh interpreter, sequentially; the wall time of the whole loop."""
    failed: list[str] = []
    with tempfile.TemporaryDirectory() as scratch, PeakMemory() as mem:  # programs may write files
        start = time.perf_counter()
        for program in programs:
            try:
                proc = subprocess.run(
                    [sys.executable, str(program)], cwd=scratch, capture_output=True, timeout=timeout
                )
                if proc.returncode != 0:
                    failed.append(program.parent.name)
            except subprocess.TimeoutExpired:
                failed.append(program.parent.name)
        wall = time.perf_counter() - start
    return {"wall_time": wall, "programs": len(programs), "failed": failed, "peak_rss_bytes": mem.peak}


def run_runner(suite_name: str, items: list[Item], workers: int, out_dir: Path) -> dict[str, Any]:
    """The selfcheck through the runner: reference strategy, the suite's scorer, `workers` processes."""
    suite = get_suite(suite_name)
    produce = resolve_producer("reference", None, None, 1, suite)
    config = {"strategy": "reference", "llm": None, "target": None, "samples": 1}
    with PeakMemory() as mem:
        start = time.perf_counter()
        with make_executor(workers, preload=getattr(suite, "preload", ())) as executor:
            outcome = run_suite(
                suite, items, produce, out_dir, config=config, executor=executor, progress=False
            )
        wall = time.perf_counter() - start
    return {
        "wall_time": wall,
        "workers": workers,
        "items": len(items),
        "passed": outcome.summary["passed"],
        "failed": [r["id"] for r in outcome.failures],
        "peak_rss_bytes": mem.peak,
        "results_dir": str(out_dir),
    }


def measure(
    workers: int = 2,
    limit: int | None = None,
    data: str | None = None,
    out_dir: Path | None = None,
    suite_name: str = "cpbench",
) -> dict[str, Any]:
    folder = data_dir(data)
    items = select_items(get_suite(suite_name).items(folder), limit=limit)
    programs = ground_truth_programs(folder, items)
    baseline = run_baseline(programs)
    runner_dir = out_dir or Path(tempfile.mkdtemp(prefix="optipilot-scoring-")) / f"selfcheck-{int(time.time())}"
    runner = run_runner(suite_name, items, workers, runner_dir)
    return {
        "baseline": baseline,
        "runner": runner,
        "speedup": baseline["wall_time"] / runner["wall_time"] if runner["wall_time"] else None,
        # a runner that failed items (scorer errors) may have skipped the work: its time proves nothing
        "valid": not runner["failed"] and not baseline["failed"],
        "command": command_line(),
        "git_commit": git_commit(),
        "machine": machine(),
        "date": _dt.datetime.now(_dt.UTC).isoformat(timespec="seconds"),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--suite", default="cpbench-sia",
                        help="cpbench-sia (default instance, the same work as the baseline) or cpbench (all instances)")
    parser.add_argument("--limit", type=int, default=None, help="only the first N items (quick check)")
    parser.add_argument("--data", default=None, help="benchmark data folder (default: $OPTIPILOT_DATA)")
    parser.add_argument("--out", type=Path, default=None, help="write the JSON here too")
    parser.add_argument("--results", type=Path, default=None,
                        help="keep the runner's results.jsonl / summary.json in this folder (a selfcheck record)")
    args = parser.parse_args(argv)
    try:
        result = measure(args.workers, args.limit, args.data, out_dir=args.results, suite_name=args.suite)
    except (KeyError, DataNotFoundError, FileNotFoundError) as e:  # no suite, no data: say so, no traceback
        print(f"error: {e.args[0] if isinstance(e, KeyError) else e}", file=sys.stderr)
        return 2
    text = json.dumps(result, indent=2)
    print(text)
    b, r = result["baseline"], result["runner"]
    print(
        f"baseline {b['wall_time']:.1f}s ({b['programs']} subprocesses), runner {r['wall_time']:.1f}s "
        f"({r['workers']} workers): {result['speedup']:.2f}x; peak RSS {b['peak_rss_bytes'] / 2**20:.0f} MiB "
        f"vs {r['peak_rss_bytes'] / 2**20:.0f} MiB",
        file=sys.stderr,
    )
    if not result["valid"]:
        print(
            f"warning: {len(r['failed'])} runner and {len(b['failed'])} baseline items failed "
            f"(runner: {', '.join(r['failed'][:5])}); this comparison is not valid",
            file=sys.stderr,
        )
    if args.out:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(text + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())

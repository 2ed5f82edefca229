"""What the CVRP and knapsack trainers share: CPU-budgeted training phases and the training log
(settings, per-phase curves, CPU and wall time, hardware, command), continued from an earlier run's log
when training resumes from its weights."""

from __future__ import annotations

import json
import os
import platform
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any


class TrainingLog:
    def __init__(self, problem: str, settings: dict[str, Any], model_config: dict[str, Any],
                 init: Path | None = None) -> None:
        self.problem = problem
        self.started = time.perf_counter()
        self.data: dict[str, Any] = {
            "settings": {k: (str(v) if isinstance(v, Path) else v) for k, v in settings.items()},
            "model_config": model_config, "phases": {}}
        previous = Path(init) / self.filename if init is not None else None
        if previous is not None and previous.is_file():
            self.data["continued_from"] = json.loads(previous.read_text())

    @property
    def filename(self) -> str:
        return f"{self.problem}_train_log.json"

    def phase(self, name: str, iters: int, step: Callable[[int], tuple[float, float]], budget: float,
              metric: str) -> None:
        """Run `step(it)` -> (loss, metric) up to `iters` times or until `budget` CPU seconds are spent."""
        t, c0 = time.perf_counter(), time.process_time()
        rows = []
        for it in range(iters):
            if time.process_time() - c0 > budget:
                print(f"[{name}] CPU budget {budget:.0f}s reached after {it} iterations", flush=True)
                break
            loss, value = step(it)
            rows.append([it, round(loss, 6), round(value, 6)])
            if it % 10 == 0 or it == iters - 1:
                print(f"[{name}] {it}/{iters} loss {loss:.4f} {metric} {value:.5f} {time.perf_counter() - t:.0f}s",
                      flush=True)
        self.data["phases"][name] = {"iterations": len(rows), "cpu_seconds": round(time.process_time() - c0, 1),
                                     "seconds": round(time.perf_counter() - t, 1),
                                     "columns": ["iter", "loss", metric], "rows": rows}

    def write(self, out: str | Path, argv: list[str] | None, threads: int) -> None:
        d = self.data
        d["wall_seconds"] = round(time.perf_counter() - self.started, 1)
        d["hardware"] = {"machine": platform.machine(), "processor": platform.processor() or platform.machine(),
                         "cpus": os.cpu_count(), "torch_threads": threads, "note": "shared 2-core host, CPU only",
                         "loadavg_end": os.getloadavg()}
        d["command"] = f"python -m solvers.udc.train --problem {self.problem} " + " ".join(argv or [])
        d["date"] = time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())
        Path(out).mkdir(parents=True, exist_ok=True)
        (Path(out) / self.filename).write_text(json.dumps(d, indent=1))
        print(f"saved to {out} in {d['wall_seconds']}s")

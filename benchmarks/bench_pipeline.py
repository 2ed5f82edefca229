"""Pipeline overhead of the LLM strategies, LLM latency excluded:
`python -m benchmarks.bench_pipeline --out FILE [--repeats N] [--strategies five_element,templates,direct]`.

Every problem written for the strategy tests (tests/modeler/problems/) goes through `Modeler.solve` with
a ScriptedLLM replaying its recorded answers (zero latency; any latency the transcript records is
subtracted anyway), so the time is OptiPilot's own: prompts, answer parsing, model validation,
grounding, the backend solve (or the sandbox run, for `direct`), the explanation. One untimed warm-up
pass first (imports, the sandbox's fork server); then each problem `--repeats` times, its median kept.
Writes FILE (JSON): per strategy the median and p90 over problems, per-problem times with the part
spent in the solver / sandbox, and the machine, the date and the git commit. The target is a median
of at most 0.5 s for five_element on the IR backends.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import statistics
import time
from pathlib import Path
from typing import Any

from benchmarks.provenance import git_commit

PROBLEMS = Path(__file__).resolve().parent.parent / "tests" / "modeler" / "problems"
TARGET_MEDIAN_S = 0.5


def _answers(d: Path, strategy: str) -> list[str] | None:
    files = ["templates_1.md", "templates_2.md"] if strategy == "templates" else [f"{strategy}.md"]
    if not all((d / f).is_file() for f in files):
        return None
    return [(d / f).read_text() for f in files]


def _once(text: str, answers: list[str], strategy: str, target: str | None) -> dict[str, Any]:
    from modeler import Modeler
    from modeler.llm.testing import ScriptedLLM

    t0 = time.perf_counter()
    result = Modeler(llm=ScriptedLLM(answers), strategy=strategy, target=target).solve(text)
    wall = time.perf_counter() - t0
    llm_latency = sum(e.get("latency", 0.0) for e in result.transcript if e.get("kind") == "llm")
    solver = sum(e.get("seconds", 0.0) for e in result.transcript if e.get("kind") in ("solve", "sandbox"))
    return {"seconds": wall - llm_latency, "solver_seconds": solver, "status": result.status,
            "objective": result.solution.objective if result.solution else None}


def _p90(xs: list[float]) -> float:
    xs = sorted(xs)
    return xs[min(len(xs) - 1, int(round(0.9 * (len(xs) - 1))))]


def measure(strategy: str, repeats: int) -> dict[str, Any]:
    rows = []
    for d in sorted(p for p in PROBLEMS.iterdir() if (p / "problem.txt").is_file()):
        answers = _answers(d, strategy)
        if answers is None:
            continue
        expected = json.loads((d / "expected.json").read_text())
        target = expected.get("target") if strategy == "direct" else None
        text = (d / "problem.txt").read_text()
        _once(text, answers, strategy, target)  # warm-up: imports, backend start-up, fork server
        runs = [_once(text, answers, strategy, target) for _ in range(repeats)]
        rows.append({"problem": d.name, "seconds": statistics.median(r["seconds"] for r in runs),
                     "solver_seconds": statistics.median(r["solver_seconds"] for r in runs),
                     "status": runs[-1]["status"], "objective": runs[-1]["objective"],
                     "expected_objective": expected.get("objective")})
    times = [r["seconds"] for r in rows]
    return {"problems": len(rows), "median_s": round(statistics.median(times), 4), "p90_s": round(_p90(times), 4),
            "median_overhead_s": round(statistics.median(r["seconds"] - r["solver_seconds"] for r in rows), 4),
            "all_correct": all(r["status"] == "optimal" and (r["expected_objective"] is None or abs(
                r["objective"] - r["expected_objective"]) < 1e-6) for r in rows),
            "per_problem": [{**r, "seconds": round(r["seconds"], 4), "solver_seconds": round(r["solver_seconds"], 4)}
                            for r in rows]}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--out", type=Path, required=True, help="JSON file to write")
    ap.add_argument("--repeats", type=int, default=5)
    ap.add_argument("--strategies", default="five_element,templates,direct")
    args = ap.parse_args()
    started = time.perf_counter()
    results = {s: measure(s, args.repeats) for s in args.strategies.split(",") if s}
    fe = results.get("five_element")
    summary = {
        "command": f"python -m benchmarks.bench_pipeline --out {args.out} --repeats {args.repeats} "
                   f"--strategies {args.strategies}",
        "date": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "git_commit": git_commit(),
        "machine": {"platform": platform.platform(), "cpus": os.cpu_count(), "python": platform.python_version()},
        "what": "seconds per problem from text to solved model through Modeler.solve with a zero-latency "
                "scripted LLM (LLM latency excluded); median over repeats per problem, then median / p90 "
                "over problems; overhead = total minus time in the solver or sandbox",
        "target": f"five_element median <= {TARGET_MEDIAN_S} s",
        "target_met": None if fe is None else fe["median_s"] <= TARGET_MEDIAN_S,
        "strategies": results,
        "bench_seconds": round(time.perf_counter() - started, 1),
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(summary, indent=2) + "\n")
    for name, r in results.items():
        print(f"{name:13s} problems={r['problems']:2d} median={r['median_s']:.3f}s p90={r['p90_s']:.3f}s "
              f"overhead(median, solver excluded)={r['median_overhead_s']:.3f}s all_correct={r['all_correct']}")
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()

"""What the LLM response cache saves: a cold run against a slow server vs the same run replayed.

    python -m benchmarks.bench_llm_cache --out benchmarks/results/llm_cache.json

A LocalOpenAIServer on 127.0.0.1 answers with a fixed latency (200 ms by default), like a fast hosted
model. 20 distinct prompts go through the real LiteLLMClient (litellm, HTTP) with a cache in a fresh
temporary folder: first cold (every prompt reaches the server), then again on a new client over the same
file, as a rerun would, and once more from a fresh Python process (does a cached rerun even import
litellm?). Target: the cached run at least 20x faster than the cold one. Also measured: the time to
import litellm in a fresh interpreter, which every run that makes a real call pays once.
No network: everything stays on 127.0.0.1.
"""

from __future__ import annotations

import argparse
import datetime as _dt
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from benchmarks.runner import command_line, git_commit, machine
from modeler.llm import LiteLLMClient, ResponseCache
from modeler.llm.client import import_litellm
from modeler.llm.testing import LocalOpenAIServer

TARGET_RATIO = 20.0
MODEL = "openai/bench-model"

_REPLAY = """
import json, sys, time
t0 = time.perf_counter()
from modeler.llm import LiteLLMClient, ResponseCache
cache_path, api_base, prompts = sys.argv[1], sys.argv[2], json.loads(sys.argv[3])
llm = LiteLLMClient({model!r}, api_base=api_base, api_key="sk-bench", cache=ResponseCache(cache_path))
t1 = time.perf_counter()
answers = [llm.complete([{{"role": "user", "content": p}}]) for p in prompts]
t2 = time.perf_counter()
print(json.dumps({{"calls_s": t2 - t1, "process_work_s": t2 - t0, "all_cached": all(a.cached for a in answers),
                  "litellm_imported": "litellm" in sys.modules}}))
"""


def prompts(n: int) -> list[str]:
    return [f"Problem {i}: a workshop makes chairs and tables from {10 + i} units of wood; "
            f"how many of each maximise profit?" for i in range(n)]


def run_once(llm: LiteLLMClient, items: list[str]) -> tuple[float, list[Any]]:
    start = time.perf_counter()
    answers = [llm.complete([{"role": "user", "content": p}]) for p in items]
    return time.perf_counter() - start, answers


def litellm_import_seconds(runs: int) -> dict[str, float]:
    """Wall time of `import litellm` in fresh interpreters (the bundled price table, no network)."""
    code = ("import os, time; os.environ.setdefault('LITELLM_LOCAL_MODEL_COST_MAP', 'True'); "
            "t = time.perf_counter(); import litellm; print(time.perf_counter() - t)")
    times = []
    for _ in range(runs):
        out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                             timeout=300)
        times.append(float(out.stdout.strip().splitlines()[-1]))
    return {"runs": runs, "median_s": round(statistics.median(times), 3), "min_s": round(min(times), 3),
            "max_s": round(max(times), 3)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", required=True, help="where to write the results JSON")
    parser.add_argument("--prompts", type=int, default=20, help="distinct prompts per run")
    parser.add_argument("--latency", type=float, default=0.2, help="server latency per answer, seconds")
    parser.add_argument("--import-runs", type=int, default=3, help="fresh interpreters timing `import litellm`")
    args = parser.parse_args(argv)
    os.environ["NO_PROXY"] = "127.0.0.1,localhost"
    items = prompts(args.prompts)

    import_stats = litellm_import_seconds(args.import_runs)
    print(f"import litellm (fresh interpreter): {import_stats}", flush=True)
    start = time.perf_counter()
    import_litellm()
    in_process_import = time.perf_counter() - start

    with tempfile.TemporaryDirectory(prefix="optipilot-bench-") as tmp, \
            LocalOpenAIServer(lambda messages: f"answer to: {messages[-1]['content'][:40]}",
                              latency=args.latency) as server:
        cache_path = Path(tmp) / "llm.sqlite"
        # one uncached call first, so litellm's own first-call set-up is not billed to the cold run
        LiteLLMClient(MODEL, api_base=server.url, api_key="sk-bench", cache=False).complete(
            [{"role": "user", "content": "warm-up"}])
        warm_up_requests = len(server.requests)

        cold_client = LiteLLMClient(MODEL, api_base=server.url, api_key="sk-bench",
                                    cache=ResponseCache(cache_path))
        cold_s, cold = run_once(cold_client, items)
        cold_requests = len(server.requests) - warm_up_requests
        cached_client = LiteLLMClient(MODEL, api_base=server.url, api_key="sk-bench",
                                      cache=ResponseCache(cache_path))
        cached_s, cached = run_once(cached_client, items)
        cached_requests = len(server.requests) - warm_up_requests - cold_requests

        replay = subprocess.run(
            [sys.executable, "-c", _REPLAY.format(model=MODEL), str(cache_path), server.url, json.dumps(items)],
            capture_output=True, text=True, timeout=300, cwd=Path(__file__).resolve().parents[1],
        )
        if replay.returncode != 0:
            raise SystemExit(f"replay in a fresh process failed:\n{replay.stderr}")
        fresh = json.loads(replay.stdout.strip().splitlines()[-1])
        fresh_requests = len(server.requests) - warm_up_requests - cold_requests - cached_requests

    same = [a.text for a in cold] == [b.text for b in cached]
    ratio = cold_s / cached_s if cached_s > 0 else float("inf")
    results: dict[str, Any] = {
        "prompts": args.prompts,
        "server_latency_s": args.latency,
        "cold": {"wall_s": round(cold_s, 4), "server_requests": cold_requests,
                 "cached_answers": sum(a.cached for a in cold)},
        "cached": {"wall_s": round(cached_s, 5), "server_requests": cached_requests,
                   "cached_answers": sum(a.cached for a in cached),
                   "per_call_ms": round(1000 * cached_s / args.prompts, 3)},
        "speedup": round(ratio, 1),
        "same_answers": same,
        "fresh_process_replay": {"calls_s": round(fresh["calls_s"], 4),
                                 "process_work_s": round(fresh["process_work_s"], 4),
                                 "all_cached": fresh["all_cached"], "server_requests": fresh_requests,
                                 "litellm_imported": fresh["litellm_imported"]},
        "litellm_import": {"fresh_interpreter": import_stats, "in_process_s": round(in_process_import, 3)},
        "target": {"what": "cold wall time / cached wall time", "min_ratio": TARGET_RATIO,
                   "met": ratio >= TARGET_RATIO and same and cached_requests == 0},
    }
    report = {
        "benchmark": "LLM response cache: cold run vs cached rerun",
        "command": command_line(argv if argv is None else ["python", "-m", "benchmarks.bench_llm_cache", *argv]),
        "git_commit": git_commit(),
        "machine": machine(),
        "date": _dt.datetime.now(_dt.UTC).isoformat(timespec="seconds"),
        "litellm_version": _litellm_version(),
        "results": results,
    }
    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(report, indent=2) + "\n")
    print(f"cold {cold_s:.3f} s ({cold_requests} requests), cached {cached_s * 1000:.1f} ms "
          f"({cached_requests} requests): {ratio:.0f}x; fresh-process replay {fresh['calls_s'] * 1000:.1f} ms "
          f"(litellm imported: {fresh['litellm_imported']})")
    print(f"target >= {TARGET_RATIO:g}x: {'met' if results['target']['met'] else 'NOT met'}")
    print(f"wrote {out}")
    return 0


def _litellm_version() -> str | None:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("litellm")
    except PackageNotFoundError:
        return None


if __name__ == "__main__":
    raise SystemExit(main())

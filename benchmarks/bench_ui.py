"""Web UI timings in a real browser (headless Chromium), against the targets of the UI issue.

    python -m benchmarks.bench_ui --repeat 5 --out benchmarks/results/ui/timings.json

Starts the app on 127.0.0.1 (app/web/browser.py, the same code the browser tests use), then `--repeat`
times: (a) page load to interactive: from `driver.get` to the solve page showing its problem box;
(b) an offline solve of the shipped furniture example end to end: from the click on Solve to the answer
(3200) on screen. Medians and every sample are written with the machine, load and date.
"""

from __future__ import annotations

import argparse
import datetime as _dt
import json
import os
import statistics
from pathlib import Path

from app.web.browser import browser_available, chromium, serve, solve_example
from benchmarks.provenance import command_line, git_commit, machine


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--out", type=Path, default=None)
    args = ap.parse_args(argv)
    if not browser_available():
        print("error: chromium / chromedriver not installed (run ./install.sh)")
        return 2
    samples = []
    with serve() as url, chromium() as driver:
        solve_example(driver, url)  # warm-up: the first solve imports the solver stack in the server
        for _ in range(args.repeat):
            samples.append(solve_example(driver, url))
    load = [s["page_load_s"] for s in samples]
    solve = [s["solve_to_answer_s"] for s in samples]
    result = {"page_load_median_s": statistics.median(load), "solve_to_answer_median_s": statistics.median(solve),
              "targets": {"page_load_s": 2.0, "solve_to_answer_s": 3.0}, "samples": samples,
              "note": "after one warm-up solve; page load = driver.get until the problem box is shown",
              "command": command_line(), "git_commit": git_commit(), "machine": machine(),
              "load_average": os.getloadavg(), "date": _dt.datetime.now(_dt.UTC).isoformat(timespec="seconds")}
    text = json.dumps(result, indent=2)
    print(text)
    if args.out:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(text + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""Web UI timings in a real browser (headless Chromium), against the targets of the UI issue.

    python -m benchmarks.bench_ui --repeat 5 --out benchmarks/results/ui/timings.json

Starts the app on 127.0.0.1 (app/web/browser.py, the same code the browser tests use), then `--repeat`
times: (a) page load to interactive: from `driver.get` to the solve page showing its problem box;
(b) an offline solve of the shipped furniture example end to end: from the click on Solve to the answer
(3200) on screen; (c) page load to interactive of every other page (until its main control shows).
Medians and every sample are written with the machine, load and date.
"""

from __future__ import annotations

import argparse
import datetime as _dt
import json
import os
import statistics
from pathlib import Path

from app.web.browser import browser_available, chromium, load_page, serve, solve_example
from benchmarks.provenance import command_line, git_commit, machine

PAGES = {"travel": "Read the request", "combinatorial": "Solve TSP", "benchmarks": "Runs to compare",
         "settings": "Save for this session"}  # url path -> text shown once the page is interactive


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--out", type=Path, default=None)
    args = ap.parse_args(argv)
    if not browser_available():
        print("error: chromium / chromedriver not installed (run ./install.sh)")
        return 2
    samples = []
    pages: dict[str, list[float]] = {name: [] for name in PAGES}
    with serve() as url, chromium() as driver:
        cold = solve_example(driver, url)  # warm-up: the first solve imports the solver stack in the server
        for name, ready in PAGES.items():  # warm-up: each page's first run imports its modules
            cold[f"{name}_page_load_s"] = load_page(driver, f"{url}/{name}", ready)
        for _ in range(args.repeat):
            samples.append(solve_example(driver, url))
            for name, ready in PAGES.items():
                pages[name].append(load_page(driver, f"{url}/{name}", ready))
    load = [s["page_load_s"] for s in samples]
    solve = [s["solve_to_answer_s"] for s in samples]
    result = {"page_load_median_s": statistics.median(load), "solve_to_answer_median_s": statistics.median(solve),
              "page_load_median_s_by_page": {name: statistics.median(v) for name, v in pages.items()},
              "targets": {"page_load_s": 2.0, "solve_to_answer_s": 3.0}, "samples": samples,
              "page_load_samples_by_page": pages,
              "cold_first_use_s": cold,  # the warm-up itself: first solve and first load of each page
              "note": "after one warm-up solve and one warm-up load of each page; page load = driver.get until "
                      "the page's main control is shown (the solve page: its problem box)",
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

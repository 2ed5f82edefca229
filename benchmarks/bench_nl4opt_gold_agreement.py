"""How far NL4Opt's own gold models agree with careful independent annotation: `python -m
benchmarks.bench_nl4opt_gold_agreement [--results DIR] --out DIR`.

NL4Opt's objective accuracy compares a model's LP optimum with the optimum of the annotated gold formulation. The
annotation was crowd work, and some of it reads the text differently from a careful modeller ("at least 1000
t-shirts or hoodies, in any combination" annotated as two bounds of 1000, a stated capacity left out) or follows
its own conventions ("must be twice" as `>=`). `benchmarks/data/nl4opt_dev_independent` holds gold models written
for NL4Opt's 99 **dev** texts by annotators who never saw NL4Opt's formulations (its README says how). This script
counts where the two agree: both have the same LP optimum, or NL4Opt's gold has no optimum and the annotators found
the text contradicting itself. The disagreement rate is a measured floor on the noise of the target, so it says
how high a reader that reads the texts faithfully can score on NL4Opt (dev here; the test split is never read).

`--results DIR` (a `bench_offline --split dev` run) also scores the reader's models against both golds.
DIR/summary.json has the counts, DIR/disagreements.jsonl one line per disagreement (ids and optima, no text).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path
from typing import Any

from benchmarks.bench_offline_fresh import same_optimum
from benchmarks.provenance import run_record

DATA = Path(__file__).resolve().parent / "data" / "nl4opt_dev_independent"


def load_records(folder: Path = DATA) -> tuple[dict[str, dict[str, Any]], dict[str, dict[str, Any]]]:
    """(gold records by NL4Opt id, skipped records by id)."""
    def read(name: str) -> dict[str, dict[str, Any]]:
        rows = [json.loads(line) for line in (folder / name).read_text(encoding="utf-8").splitlines() if line.strip()]
        return {r["id"]: r for r in rows}

    return read("gold.jsonl"), read("skipped.jsonl")


def agreement(items: list[Any], gold_optimum: Any, golds: dict[str, dict[str, Any]],
              skipped: dict[str, dict[str, Any]], results: dict[str, dict[str, Any]] | None = None
              ) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """Counts and disagreements over the items both sides cover. `gold_optimum(item)` is NL4Opt's
    (status, objective, message); ValueError when a record's text hash does not match its item."""
    counts = dict.fromkeys(("compared", "agree", "nl4opt_without_optimum", "independent_skipped",
                            "reader_vs_nl4opt", "reader_vs_independent"), 0)
    out: list[dict[str, Any]] = []
    for item in items:
        rec = golds.get(item.id) or skipped.get(item.id)
        if rec is None:
            continue
        if hashlib.sha256(item.text.encode()).hexdigest() != rec["text_sha256"]:
            raise ValueError(f"the text of NL4Opt dev document {item.id} does not match its record's hash")
        status, value, _ = gold_optimum(item)
        nl = value if status == "optimal" else None
        ours = None if "skip" in rec else rec["lp_optimum"]
        agree = (nl is not None and ours is not None and same_optimum(ours, nl)) or (nl is None and ours is None)
        counts["compared"] += 1
        counts["agree"] += agree
        counts["nl4opt_without_optimum"] += nl is None
        counts["independent_skipped"] += ours is None
        row: dict[str, Any] = {"id": item.id, "nl4opt_lp_optimum": nl, "independent_lp_optimum": ours}
        if results is not None and item.id in results:
            r = results[item.id]
            cand = r["metrics"].get("candidate_lp_optimum")
            row["reader_passes_nl4opt"] = bool(r["passed"])
            row["reader_matches_independent"] = (cand is not None and ours is not None and same_optimum(cand, ours)) or (
                cand is None and ours is None)
            counts["reader_vs_nl4opt"] += row["reader_passes_nl4opt"]
            counts["reader_vs_independent"] += row["reader_matches_independent"]
        if not agree:
            out.append(row)
    if results is None:
        del counts["reader_vs_nl4opt"], counts["reader_vs_independent"]
    return counts, out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, required=True)
    ap.add_argument("--data", type=Path, default=DATA, help="folder with gold.jsonl and skipped.jsonl")
    ap.add_argument("--results", type=Path, default=None, help="a bench_offline --split dev output folder")
    args = ap.parse_args(argv)
    from benchmarks.bench_offline import nl4opt_split

    try:
        golds, skipped = load_records(args.data)
        suite, items, _ = nl4opt_split("dev")
        results = None if args.results is None else {
            r["id"]: r for r in map(json.loads, (args.results / "results.jsonl").read_text().splitlines())}
        counts, disagreements = agreement(items, suite.gold_optimum, golds, skipped, results)
    except Exception as e:  # missing data or a bad record: say which and stop
        print(f"error: {e}", file=sys.stderr)
        return 2
    counts["agree_rate"] = round(counts["agree"] / max(counts["compared"], 1), 4)
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "disagreements.jsonl").write_text("".join(json.dumps(d) + "\n" for d in disagreements))
    summary = {"suite": "nl4opt-dev gold agreement", **counts, **run_record("benchmarks.bench_nl4opt_gold_agreement", argv)}
    (args.out / "summary.json").write_text(json.dumps(summary, indent=2) + "\n")
    print(json.dumps(counts))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""Split the offline modeler's NL4Opt misses into the tagger's and the rules': `python -m
benchmarks.bench_offline_tag_oracle --split dev|test --out DIR [--tagger PATH] [--vote] [--every-tagger]`.

Every document is read twice through the same rule layer (`read_model`, no alternates, no n-best) and scored
by the NL4Opt suite's scorer: once with the entity tags NL4Opt's annotators gave it (the oracle), once with
the first tagger (the shipped one, or `--tagger PATH`; with `--vote`, the vote of it and the taggers beside it,
ensemble.py). A document right with the annotated tags and wrong
with the tagger's is a tagger miss; one wrong with the annotated tags is the rules' (or a gold model the
rules cannot reach as written). DIR/summary.json holds the counts only: the point is where to work next, so
no document's reading is written out.

`--every-tagger` also reads each document as the product does (`prose.as_prose`, then every tagger of
`offline.taggers()`: the first CRF, its alternates, the BiLSTM-CRF and the vote) and counts the documents some
tagger's reading gets right: the most that choosing among the product's own readings could pass, whatever
the choice. They are the product's taggers whatever `--tagger` says (`OPTIPILOT_OFFLINE_NER` names another first
tagger, as it does for the product).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import types
from pathlib import Path
from typing import Any

from benchmarks.provenance import run_record


def annotated_tags(record: dict[str, Any]) -> tuple[list[str], list[str]]:
    """The words of an NL4Opt generation record and their BIO tags from its annotated spans."""
    words = [t["text"] for t in record["tokens"]]
    tags = ["O"] * len(words)
    for s in record["spans"]:
        for k in range(s["token_start"], s["token_end"] + 1):
            tags[k] = ("B-" if k == s["token_start"] else "I-") + s["label"]
    return words, tags


def _passes(suite: Any, item: Any, tokens: list[Any], tags: list[str], vocabulary: Any) -> bool:
    from modeler.ir import Model
    from modeler.strategies.base import Refusal
    from modeler.strategies.offline import read_model
    from modeler.strategies.offline.entities import spans_from_tags

    try:
        model_json = read_model(tokens, spans_from_tags([t.text for t in tokens], tags), vocabulary)[0]
    except Refusal:
        return False
    except Exception:  # a crash is a miss here; bench_offline is where crashes are reported
        return False
    result = types.SimpleNamespace(solution=None, model=Model.from_json(model_json), error=None)
    return bool(suite.score(item, result).passed)


class _EveryTagger:
    """Counts, for `--every-tagger`, the documents each of the product's taggers reads right and those some
    tagger does."""

    def __init__(self) -> None:
        from modeler.strategies.offline import taggers

        self.taggers = taggers()
        self.names = [t.path.name for t in self.taggers]  # the vote's is "ner-ensemble"
        self.passed = [0] * len(self.taggers)
        self.any = self.any_or_annotated = 0

    def read(self, suite: Any, item: Any, with_gold: bool) -> None:
        from modeler.strategies.offline.entities import tokenize
        from modeler.strategies.offline.prose import as_prose

        tokens = tokenize(as_prose(item.text))
        words = [t.text for t in tokens]
        right = [_passes(suite, item, tokens, list(t.tag(words)), t.vocabulary) for t in self.taggers]
        self.passed = [p + r for p, r in zip(self.passed, right, strict=True)]
        self.any += any(right)
        self.any_or_annotated += any(right) or with_gold

    def summary(self) -> dict[str, Any]:
        return {"passed_by_tagger": dict(zip(self.names, self.passed, strict=True)),
                "passed_by_some_tagger": self.any, "passed_by_some_tagger_or_annotated_tags": self.any_or_annotated}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--split", choices=("dev", "test"), default="dev")
    ap.add_argument("--out", type=Path, required=True)
    ap.add_argument("--tagger", type=Path, default=None, help="a first tagger's .crfsuite (default: the shipped one)")
    ap.add_argument("--limit", type=int, default=0, help="only the first N documents (0: all)")
    ap.add_argument("--every-tagger", action="store_true",
                    help="also count the documents some tagger of the product reads right (the ceiling of choosing)")
    ap.add_argument("--vote", action="store_true",
                    help="tag with the vote of that tagger and every tagger beside it (ensemble.py), not it alone")
    args = ap.parse_args(argv)

    from benchmarks.bench_offline import nl4opt_split
    from benchmarks.suites.base import DataNotFoundError
    from benchmarks.suites.nl4opt import read_split
    from modeler.strategies.offline.consistency import align_tags, detokenize
    from modeler.strategies.offline.entities import CRF_PATH, EntityTagger, tokenize

    try:
        suite, items, data_root = nl4opt_split(args.split)
    except DataNotFoundError as e:
        print(f"error: {e}", file=sys.stderr)
        return 2
    records = dict(read_split(data_root, args.split))
    tagger_path = args.tagger or Path(os.environ.get("OPTIPILOT_OFFLINE_NER") or CRF_PATH)
    if not tagger_path.is_file():
        print(f"error: no tagger at {tagger_path} (a .crfsuite file made by modeler.strategies.offline.train)",
              file=sys.stderr)
        return 2
    if args.vote:
        from modeler.strategies.offline.ensemble import EnsembleTagger

        tagger: Any = EnsembleTagger.beside(tagger_path)
    else:
        tagger = EntityTagger(tagger_path)
    if args.limit:
        items = items[: args.limit]
    table = {"both": 0, "annotated_only": 0, "tagger_only": 0, "neither": 0}
    every = _EveryTagger() if args.every_tagger else None
    for item in items:
        words, gold = annotated_tags(records[item.id])
        text, offsets = detokenize(words)
        tokens = tokenize(text)
        with_gold = _passes(suite, item, tokens, align_tags(tokens, offsets, gold), None)
        with_tagger = _passes(suite, item, tokens, tagger.tag([t.text for t in tokens]), tagger.vocabulary)
        key = ("both" if with_tagger else "annotated_only") if with_gold else ("tagger_only" if with_tagger else "neither")
        table[key] += 1
        if every is not None:
            every.read(suite, item, with_gold)
    n = len(items)
    summary = {
        "split": args.split, "count": n, "tagger": tagger.path.name,
        "passed_with_annotated_tags": table["both"] + table["annotated_only"],
        "passed_with_tagger": table["both"] + table["tagger_only"],
        "table": table,
        "note": "rule layer only (no alternate taggers, no n-best): bench_offline's product numbers are higher",
        **({"every_tagger": every.summary()} if every is not None else {}),
        **run_record("benchmarks.bench_offline_tag_oracle", argv),
    }
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "summary.json").write_text(json.dumps(summary, indent=2) + "\n", encoding="utf-8")
    print(json.dumps({k: summary[k] for k in ("split", "count", "passed_with_annotated_tags", "passed_with_tagger",
                                                 "table")}))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

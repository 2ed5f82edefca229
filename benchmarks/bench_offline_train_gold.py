"""Measure the offline modeler on NL4Opt training texts with hand-written gold models:
`python -m benchmarks.bench_offline_train_gold [--data FILE | --paraphrases FILE] --tags gold|cv|shipped --out DIR`.

NL4Opt's 713 training texts carry entity tags but no formulations, so until now they could only be checked
for consistency (`modeler.strategies.offline.consistency`). `benchmarks/data/nl4opt_train_gold/gold.jsonl`
(the default `--data`) holds gold models written by hand for a seeded sample of them, `nl4opt_train_gold2` for
the texts nearest NL4Opt's held-out families and `nl4opt_train_gold3` for the rest, so that every training text
has one (each folder's README says how they were drawn and written). Only the document's
index and the hash of its text are stored: the text comes from `$OPTIPILOT_DATA/nl4opt/ner_train.txt`,
joined from its tokens as the consistency check joins it, and a hash that does not match is an error.

These are the texts NL4Opt's test set was written beside (the same crowd, the same voice), which the fresh
sets only imitate. Three ways to read them:

* `--tags gold`: the annotated entities go straight to the rules (`read_model`): what the rules do with
  perfect tags, so a miss here is the rules' own.
* `--tags cv`: tags from the fold CRFs that never saw the document (document i is read by
  `fold{i % 5}.crfsuite` of `--folds DIR`, made by `python -m modeler.strategies.offline.train --folds DIR
  --folds-only`), then `read_model`: the honest picture of unseen text, one tagger, no alternates (a rewrite's
  text is first made prose as the product makes it, `prose.as_prose`).
* `--tags shipped`: the whole product path (`Modeler(strategy="offline")`, the shipped taggers with their
  alternates). Those taggers were trained on these very texts, so this is optimistic about tagging.

`--paraphrases FILE` reads rewrites of training texts instead (`benchmarks/data/nl4opt_train_para*`): each
record names a document and gives a text that says the same problem in other words, so the document's gold model
(from any of the three gold sets) is the rewrite's too. The fold tagger of the document still never saw it; the
shipped taggers saw the original's words. What a miss here shows is a phrasing the rules read only one way.

A problem passes when the LP relaxation of the model read has the gold LP optimum (the fresh sets' verdict,
`bench_offline_fresh.same_optimum`). DIR/results.jsonl has one line per document (with the stage of failure
and the comparison against the gold model, as in `bench_offline_fresh`); DIR/summary.json the totals.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import statistics
import sys
import time
from pathlib import Path
from typing import Any

from benchmarks.bench_offline_fresh import _compare, _rate, lp_optimum, same_optimum, stage
from benchmarks.provenance import run_record
from modeler.strategies.offline.silver import read_problems

DATA = Path(__file__).resolve().parent / "data" / "nl4opt_train_gold" / "gold.jsonl"
GOLD_SETS = [DATA.parent.parent / name / "gold.jsonl"
             for name in ("nl4opt_train_gold", "nl4opt_train_gold2", "nl4opt_train_gold3")]
REQUIRED = ("id", "doc", "text_sha256", "sense", "model", "lp_optimum", "typed_optimum")


def train_documents() -> list[tuple[list[str], list[str]]]:
    """NL4Opt's training documents as (words, BIO tags), from $OPTIPILOT_DATA."""
    from modeler.strategies.offline.train import data_dir, read_conll

    return read_conll(data_dir() / "ner_train.txt")


def load_gold(path: Path, docs: list[tuple[list[str], list[str]]]) -> list[dict[str, Any]]:
    """The gold records of `path`, each with its document's `text`, `words` and `tags` added. ValueError when
    a record names a document that is not there or whose text hash differs (another copy of the data)."""
    from modeler.strategies.offline.consistency import detokenize

    problems = read_problems([path], REQUIRED)
    seen: set[int] = set()
    for p in problems:
        d = p["doc"]
        if not isinstance(d, int) or not 0 <= d < len(docs):
            raise ValueError(f"{path}: {p['id']} names document {d!r}; the training file has {len(docs)}")
        if d in seen:
            raise ValueError(f"{path}: document {d} appears twice")
        seen.add(d)
        words, tags = docs[d]
        text = detokenize(words)[0]
        if hashlib.sha256(text.encode()).hexdigest() != p["text_sha256"]:
            raise ValueError(f"{path}: the text of document {d} does not match its hash (a different ner_train.txt?)")
        p.update(text=text, words=words, tags=tags)
    return problems


def load_paraphrases(path: Path, docs: list[tuple[list[str], list[str]]]) -> list[dict[str, Any]]:
    """The rewrites of `path` (records with `id`, `doc`, `text`), each joined to its document's gold record,
    whose text, words and tags it replaces (`paraphrase` marks it). ValueError when a rewrite names a document
    no gold set models."""
    gold = {g["doc"]: g for path_ in GOLD_SETS for g in load_gold(path_, docs)}
    problems = []
    for r in read_problems([path], ("id", "doc", "text")):
        if r["doc"] not in gold:
            raise ValueError(f"{path}: {r['id']} rewrites document {r['doc']!r}, which no gold set models")
        problems.append({**gold[r["doc"]], "id": r["id"], "text": r["text"], "words": None, "tags": None,
                         "paraphrase": True})
    return problems


class _RulesReader:
    """Reads a document with given tags through `read_model` (no alternates, no n-best)."""

    def __init__(self, folds: Path | None) -> None:
        self.taggers: list[Any] = []
        if folds is not None:
            from modeler.strategies.offline.entities import EntityTagger
            from modeler.strategies.offline.train import FOLDS

            missing = [i for i in range(FOLDS) if not (folds / f"fold{i}.crfsuite").is_file()]
            if missing:
                raise FileNotFoundError(f"{folds} lacks fold taggers {missing}; make them with `python -m "
                                        f"modeler.strategies.offline.train --folds {folds} --folds-only`")
            self.taggers = [EntityTagger(folds / f"fold{i}.crfsuite") for i in range(FOLDS)]

    def read(self, p: dict[str, Any]) -> tuple[str, Any, float | None, str]:
        """(status, model or None, confidence, error) for one gold record."""
        from modeler.ir import Model
        from modeler.strategies.base import Refusal
        from modeler.strategies.offline import read_model
        from modeler.strategies.offline.consistency import align_tags, detokenize
        from modeler.strategies.offline.entities import spans_from_tags, tokenize
        from modeler.strategies.offline.prose import as_prose

        # (a rewrite is plain text, read as the product reads it; a training document's words carry their tags)
        text, offsets = (as_prose(p["text"]), None) if p.get("paraphrase") else detokenize(p["words"])
        tokens = tokenize(text)
        toks = [t.text for t in tokens]
        vocabulary = None
        if self.taggers:
            tagger = self.taggers[p["doc"] % len(self.taggers)]
            tags, vocabulary = tagger.tag(toks), tagger.vocabulary
        else:
            tags = align_tags(tokens, offsets, p["tags"])
        try:
            model_json, _, confidence, _, _ = read_model(tokens, spans_from_tags(toks, tags), vocabulary)
        except Refusal as e:
            return "refused", None, e.confidence, e.reason
        except Exception as e:  # a crash is a finding: the record says so and the run goes on
            return "error", None, None, f"{type(e).__name__}: {e}"
        return "solved", Model.from_json(model_json), confidence, ""


class _ProductReader:
    """Reads a document the way a user's `optipilot solve` does (shipped taggers and alternates)."""

    def __init__(self) -> None:
        from modeler import Modeler

        self.modeler = Modeler(strategy="offline")

    def read(self, p: dict[str, Any]) -> tuple[str, Any, float | None, str]:
        from benchmarks.bench_offline_fresh import _confidence

        result = self.modeler.solve(p["text"])
        status = "refused" if result.status == "refused" else "solved" if result.model is not None else "error"
        return status, result.model, _confidence(result), result.error or ""


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, required=True)
    ap.add_argument("--data", type=Path, default=DATA, help="gold records (JSONL)")
    ap.add_argument("--paraphrases", type=Path, default=None,
                    help="rewrites of training texts (JSONL: id, doc, text) to read instead of the texts themselves")
    ap.add_argument("--tags", choices=["gold", "cv", "shipped"], default="gold")
    ap.add_argument("--folds", type=Path, default=None, help="folder of fold<k>.crfsuite (for --tags cv)")
    ap.add_argument("--limit", type=int, default=0, help="only the first N records (0: all)")
    args = ap.parse_args(argv)
    if (args.tags == "cv") != (args.folds is not None):
        print("error: --folds DIR goes with --tags cv, and only with it", file=sys.stderr)
        return 2
    if args.paraphrases is not None and args.tags == "gold":
        print("error: a rewrite has no annotated tags: read --paraphrases with --tags cv or shipped", file=sys.stderr)
        return 2
    try:
        docs = train_documents()
        problems = (load_gold(args.data, docs) if args.paraphrases is None
                    else load_paraphrases(args.paraphrases, docs))[: args.limit or None]
        reader = _ProductReader() if args.tags == "shipped" else _RulesReader(args.folds)
    except Exception as e:  # missing data, a bad record, missing taggers: say which and stop
        print(f"error: {e}", file=sys.stderr)
        return 2

    args.out.mkdir(parents=True, exist_ok=True)
    passed_total = refused = 0
    stages: dict[str, int] = {}
    times: list[float] = []
    with (args.out / "results.jsonl").open("w", encoding="utf-8") as f:
        for p in problems:
            t = time.perf_counter()
            status, model, confidence, error = reader.read(p)
            times.append(time.perf_counter() - t)
            lp_status, ours = (None, None) if model is None else lp_optimum(model)
            passed = status == "solved" and lp_status == "optimal" and same_optimum(ours, p["lp_optimum"])
            refused += status == "refused"
            passed_total += passed
            compare = _compare(model, p["model"])
            where = stage(passed, status, compare)
            if where is not None:
                stages[where] = stages.get(where, 0) + 1
            f.write(json.dumps({
                "id": p["id"], "doc": p["doc"], "passed": passed, "status": status, "error": error,
                "lp_status": lp_status, "lp_optimum": ours, "gold_lp_optimum": p["lp_optimum"],
                "confidence": confidence, "stage": where, "compare": compare,
                "model": model.to_dict() if model is not None else None,
            }) + "\n")
    count = len(problems)
    times_ms = sorted(1000 * t for t in times)
    summary = {
        "suite": "nl4opt_train_gold" if args.paraphrases is None else "nl4opt_train_paraphrase",
        "tags": args.tags,
        "data": str(args.paraphrases or args.data),
        "data_sha256": hashlib.sha256((args.paraphrases or args.data).read_bytes()).hexdigest(),
        "count": count,
        "passed": passed_total,
        "accuracy": _rate(passed_total, count),
        "refused": refused,
        "failed_by_stage": dict(sorted(stages.items())),
        "ms_median": round(statistics.median(times_ms), 2) if times_ms else None,
        **run_record("benchmarks.bench_offline_train_gold", argv),
    }
    (args.out / "summary.json").write_text(json.dumps(summary, indent=2) + "\n", encoding="utf-8")
    print(json.dumps({k: summary[k] for k in ("tags", "count", "passed", "accuracy", "refused", "failed_by_stage")}))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""Train the offline modeler's entity recognizer: `python -m modeler.strategies.offline.train [--seed 0]`.

Learns only from NL4Opt `ner_train.txt` and `ner_dev.txt` (never the test split; no ner_train document
overlaps a generation_test document, checked by exact text and 8-word shingles). First trains on train
alone and reports span-level F1 on dev (the honest held-out number; `--heldout-model PATH` keeps that
model, so the dev benchmark can run on a tagger that never saw dev), then trains the shipped model on
train + dev and writes it to `artifacts/ner.crfsuite`, with the words it was trained on beside it
(`ner.vocab`: the reader looks for names outside them, `unseen.py`). CPU only, about a minute per model.

`--folds DIR` also writes DIR/fold<k>.crfsuite, k = 0..4, each trained on ner_train without every
fifth document from k: the taggers `consistency.py --tags cv --folds DIR` reads the training texts
with, so every text is tagged by a model that never saw it.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sys
import tempfile
import time
from pathlib import Path

from modeler.strategies.offline.entities import (
    ARTIFACT_DIR,
    CRF_PATH,
    EntityTagger,
    features,
    spans_from_tags,
    write_vocabulary,
)

FOLDS = 5  # cross-validation folds over ner_train: document i is held out of fold i % FOLDS


class TrainingDataError(FileNotFoundError):
    """The NL4Opt NER files cannot be found (OPTIPILOT_DATA unset or pointing elsewhere)."""


def data_dir() -> Path:
    root = os.environ.get("OPTIPILOT_DATA")
    if not root:
        raise TrainingDataError("OPTIPILOT_DATA is not set; point it at the folder holding nl4opt/ner_train.txt")
    d = Path(root) / "nl4opt"
    if not (d / "ner_train.txt").is_file():
        raise TrainingDataError(f"{d / 'ner_train.txt'} is missing; check OPTIPILOT_DATA ({root})")
    return d


def read_conll(path: Path) -> list[tuple[list[str], list[str]]]:
    """Documents of (words, BIO tags) from an NL4Opt NER file (tab-separated, blank line between)."""
    docs: list[tuple[list[str], list[str]]] = []
    words: list[str] = []
    tags: list[str] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("-DOCSTART-"):
            continue
        if not line.strip():
            if words:
                docs.append((words, tags))
                words, tags = [], []
            continue
        parts = line.split("\t")
        words.append(parts[0])
        tags.append(parts[-1])
    if words:
        docs.append((words, tags))
    return docs


def train_crf(docs: list[tuple[list[str], list[str]]], out: Path, seed: int) -> None:
    import pycrfsuite

    rng = random.Random(seed)
    docs = list(docs)
    rng.shuffle(docs)  # L-BFGS is deterministic for a given order; the seed fixes the order
    trainer = pycrfsuite.Trainer(verbose=False)
    for words, tags in docs:
        trainer.append(features(words), tags)
    trainer.set_params({"c1": 0.05, "c2": 0.05, "max_iterations": 150, "feature.possible_transitions": True})
    trainer.train(str(out))
    write_vocabulary(docs, out)


def span_f1(gold: list[list[str]], pred: list[list[str]], words: list[list[str]]) -> dict[str, float]:
    """Micro span F1 overall and per label."""
    from collections import Counter

    tp: Counter[str] = Counter()
    n_pred: Counter[str] = Counter()
    n_gold: Counter[str] = Counter()
    for g, p, w in zip(gold, pred, words, strict=True):
        gs = {(s.label, s.start, s.end) for s in spans_from_tags(w, g)}
        ps = {(s.label, s.start, s.end) for s in spans_from_tags(w, p)}
        for s in gs:
            n_gold[s[0]] += 1
        for s in ps:
            n_pred[s[0]] += 1
        for s in gs & ps:
            tp[s[0]] += 1

    def f1(t: int, p: int, g: int) -> float:
        return 2 * t / (p + g) if p + g else 0.0

    out = {lab: round(f1(tp[lab], n_pred[lab], n_gold[lab]), 4) for lab in sorted(n_gold)}
    out["overall"] = round(f1(sum(tp.values()), sum(n_pred.values()), sum(n_gold.values())), 4)
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--skip-eval", action="store_true", help="train the shipped model only")
    ap.add_argument("--heldout-model", type=Path, default=None,
                    help="also keep the train-only model here (for honest dev numbers: OPTIPILOT_OFFLINE_NER=PATH)")
    ap.add_argument("--folds", type=Path, default=None,
                    help="also write 5 cross-validation taggers over ner_train here (for consistency.py --tags cv)")
    ap.add_argument("--folds-only", action="store_true", help="with --folds: write only the fold taggers")
    args = ap.parse_args(argv)
    try:
        d = data_dir()
    except TrainingDataError as e:
        print(f"error: {e}", file=sys.stderr)
        return 2
    train, dev = read_conll(d / "ner_train.txt"), read_conll(d / "ner_dev.txt")
    if args.folds is not None:
        args.folds.mkdir(parents=True, exist_ok=True)
        for k in range(FOLDS):
            train_crf([doc for i, doc in enumerate(train) if i % FOLDS != k], args.folds / f"fold{k}.crfsuite", args.seed)
        print(f"wrote {FOLDS} fold taggers to {args.folds}")
        if args.folds_only:
            return 0
    report: dict[str, object] = {"train_docs": len(train), "dev_docs": len(dev), "seed": args.seed}
    if not args.skip_eval:
        t0 = time.perf_counter()
        with tempfile.TemporaryDirectory() as tmp:
            path = args.heldout_model or Path(tmp) / "eval.crfsuite"
            train_crf(train, path, args.seed)
            tagger = EntityTagger(path)
            pred = [tagger.tag(w) for w, _ in dev]
        report["dev_span_f1_trained_on_train"] = span_f1([t for _, t in dev], pred, [w for w, _ in dev])
        report["eval_seconds"] = round(time.perf_counter() - t0, 1)
        print(json.dumps(report["dev_span_f1_trained_on_train"]))
    ARTIFACT_DIR.mkdir(parents=True, exist_ok=True)
    t0 = time.perf_counter()
    train_crf(train + dev, CRF_PATH, args.seed)
    report["final_train_seconds"] = round(time.perf_counter() - t0, 1)
    report["artifact_bytes"] = CRF_PATH.stat().st_size
    (ARTIFACT_DIR / "training_report.json").write_text(json.dumps(report, indent=2) + "\n")
    print(f"wrote {CRF_PATH} ({report['artifact_bytes']:,} bytes)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""Train the offline modeler's entity recognizer: `python -m modeler.strategies.offline.train [--seed 0]`.

Learns only from NL4Opt `ner_train.txt` and `ner_dev.txt` (never the test split; no ner_train document
overlaps a generation_test document, checked by exact text and 8-word shingles). First trains on train
alone and reports span-level F1 on dev (the honest held-out number; `--heldout-model PATH` keeps that
model and its alternates beside it, so the dev benchmark can run on taggers that never saw dev), then
trains the shipped model on train + dev and writes it to `artifacts/ner.crfsuite`, with the words it was
trained on beside it (`ner.vocab`: the reader looks for names outside them, `unseen.py`). Each tagger comes
with its alternates (`RECIPES`: the same data, other training recipes; and a BiLSTM-CRF, `neural.py`, about
seven minutes on one core), which the reader consults when its first reading is unsure. CPU only, about
half an hour in all (27 minutes on the project's shared machine), byte for byte the same each time.

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
    ALTERNATES,
    ARTIFACT_DIR,
    CRF_PATH,
    EntityTagger,
    alternate_path,
    features,
    spans_from_tags,
    write_vocabulary,
)
from modeler.strategies.offline.neural import VOICES, neural_path, train_neural

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


Doc = tuple[list[str], list[str]]

# How each tagger is trained: the first tagger, and the alternates the reader turns to when its first
# reading is unsure (entities.ALTERNATES). c1/c2 are the L1/L2 penalties; `renamed` adds that many
# renamed copies of each document (renamed_copies); `silver` passes the silver documents that many times
# (twice: they are 234 texts beside NL4Opt's 713, and twice kept one more fresh problem, 195 against 194
# of 240 with the silver tagger trained without the set it read; benchmarks/results/offline-nl4opt-dev-v20).
RECIPES: dict[str, dict[str, float]] = {
    "": {"c1": 0.05, "c2": 0.05, "renamed": 0, "silver": 0},
    "sparse": {"c1": 0.5, "c2": 0.1, "renamed": 0, "silver": 0},
    "renamed": {"c1": 0.05, "c2": 0.05, "renamed": 1, "silver": 0},
    "silver": {"c1": 0.05, "c2": 0.05, "renamed": 0, "silver": 2},
    # the silver recipe over the developed sets' documents too (DEVELOPED_SETS), an alternate beside the
    # silver one rather than in its place: as the silver tagger itself it read 3 more of the unseen sets
    # but lost NL4Opt test and LOO problems (benchmarks/results/offline-nl4opt-v39/checks/silver-developed.txt)
    "silverdev": {"c1": 0.05, "c2": 0.05, "renamed": 0, "silver": 2},
}
# Texts by other authors with gold models but no span labels, annotated from their models (silver.py) for
# the "silver" tagger: the fresh development sets written for OptiPilot. Never fresh_lp (the blind set)
# nor fresh_lp_dev7 to dev10 (the newest: dev8, dev9 and dev10 stay unseen to measure on, dev7 is screened on).
SILVER_SETS = tuple(Path(__file__).resolve().parents[3] / "benchmarks" / "data" / f"fresh_lp_dev{k}" / "problems.jsonl"
                    for k in ("", "2", "3", "4", "5", "6"))
# The fresh sets the rules were developed on, for the "silverdev" alternate (never an unseen one: dev9, 11,
# 12, 18, 23, 24, 26, 32, 33, 36, 38 and 40 stay unseen to measure on).
DEVELOPED_SETS = tuple(Path(__file__).resolve().parents[3] / "benchmarks" / "data" / f"fresh_lp_dev{k}" / "problems.jsonl"
                       for k in (7, 8, 10, 13, 14, 15, 16, 17, 19, 20, 21, 22, 25, 27, 28, 29, 30, 31, 34, 35, 37, 39))
assert set(RECIPES) == {"", *ALTERNATES}


def var_mentions(words: list[str], tags: list[str]) -> list[tuple[int, int]]:
    """(start, end) token ranges of the VAR spans of one document."""
    return [(s.start, s.end) for s in spans_from_tags(words, tags) if s.label == "VAR"]


def renamed_copies(docs: list[Doc], copies: int, rng: random.Random) -> list[Doc]:
    """`copies` copies of each document whose variable names are swapped for names from other documents.

    A tagger learns names by heart, and on texts by other authors a name it never saw is the largest cause
    of a wrong model. In a copy every VAR mention with the same words gets the same stranger's name (so the
    repeat features still see a name used twice) and the words around it stay as written: what the copies
    teach is the context of a name, not the name.
    """
    pool = sorted({tuple(w[a:b]) for w, t in docs for a, b in var_mentions(w, t)})
    out: list[Doc] = []
    for words, tags in docs:
        mentions = var_mentions(words, tags)
        if not mentions:
            continue
        for _ in range(copies):
            names: dict[tuple[str, ...], tuple[str, ...]] = {}
            new_w: list[str] = []
            new_t: list[str] = []
            i = 0
            for a, b in mentions:
                new_w += words[i:a]
                new_t += tags[i:a]
                key = tuple(w.lower() for w in words[a:b])
                if key not in names:
                    names[key] = pool[rng.randrange(len(pool))]
                name = names[key]
                new_w += name
                new_t += ["B-VAR"] + ["I-VAR"] * (len(name) - 1)
                i = b
            new_w += words[i:]
            new_t += tags[i:]
            out.append((new_w, new_t))
    return out


def train_crf(docs: list[Doc], out: Path, seed: int, recipe: str = "", silver: list[Doc] | None = None) -> None:
    """Train one tagger by `RECIPES[recipe]` (with the `silver` documents where the recipe takes them) and
    write it to `out`, its vocabulary beside it."""
    import pycrfsuite

    params = RECIPES[recipe]
    rng = random.Random(seed)
    # the vocabulary is the words of the real documents: renamed copies only move names between them
    vocabulary_docs = list(docs) + list(silver or []) * bool(params["silver"])
    docs = (vocabulary_docs + list(silver or []) * max(int(params["silver"]) - 1, 0)
            + renamed_copies(vocabulary_docs, int(params["renamed"]), rng))
    rng.shuffle(docs)  # L-BFGS is deterministic for a given order; the seed fixes the order
    trainer = pycrfsuite.Trainer(verbose=False)
    for words, tags in docs:
        trainer.append(features(words), tags)
    trainer.set_params({"c1": params["c1"], "c2": params["c2"], "max_iterations": 150,
                        "feature.possible_transitions": True})
    trainer.train(str(out))
    write_vocabulary(vocabulary_docs, out)


def train_with_alternates(docs: list[Doc], out: Path, seed: int,
                          silver_sets: tuple[Path, ...] = SILVER_SETS,
                          developed_sets: tuple[Path, ...] = DEVELOPED_SETS) -> dict[str, int]:
    """The first tagger at `out` and each alternate beside it (entities.alternate_path). The silver
    documents take their objective names from the first tagger just trained, so every tagger of the set
    learns from the same NL4Opt texts and nothing else of NL4Opt; the "silverdev" alternate learns from the
    developed sets' silver documents too. Returns the silver counts."""
    from modeler.strategies.offline.silver import read_problems, silver_documents

    train_crf(docs, out, seed)
    silver, dropped = silver_documents(read_problems([p for p in silver_sets if p.is_file()]), EntityTagger(out))
    more, more_dropped = silver_documents(read_problems([p for p in developed_sets if p.is_file()]), EntityTagger(out))
    for name in ALTERNATES:
        train_crf(docs, alternate_path(out, name), seed, name, silver + more if name == "silverdev" else silver)
    # the tagger of another kind (neural.py) learns as the silver CRF does, from the silver documents twice
    # beside NL4Opt's: on the ten fresh sets no tagger has seen, 324 of 400 read right with it, 321 without
    # (benchmarks/results/offline-nl4opt-neural-v36)
    # and two more of it from other seeds, heard only in the taggers' vote (ensemble.py): the seeds slip
    # apart, so three voices tag NL4Opt dev better than one (span F1 of the vote 0.857 with three, 0.846
    # with one)
    for k in range(VOICES):
        train_neural(docs + silver * 2, neural_path(out, k), seed + k)
    return {"silver_documents": len(silver), "silver_dropped": len(dropped), "developed_documents": len(more),
            "developed_dropped": len(more_dropped)}


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


def score_taggers(first: Path, docs: list[Doc]) -> dict[str, dict[str, float]]:
    """Span F1 on `docs` of the tagger at `first`, each tagger beside it (named by what its file name adds:
    "sparse", "neural-s1", ...), and their vote (ensemble.py)."""
    from modeler.strategies.offline.ensemble import EnsembleTagger

    vote = EnsembleTagger.beside(first)
    named = {t.path.stem[len(first.stem) + 1:] or "first": t for t in [*vote.crfs, *vote.neurals]}
    words, gold = [w for w, _ in docs], [t for _, t in docs]
    return {name: span_f1(gold, [t.tag(w) for w in words], words) for name, t in {**named, "ensemble": vote}.items()}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--skip-eval", action="store_true", help="train the shipped model only")
    ap.add_argument("--heldout-model", type=Path, default=None,
                    help="also keep the train-only model here (for honest dev numbers: OPTIPILOT_OFFLINE_NER=PATH)")
    ap.add_argument("--folds", type=Path, default=None,
                    help="also write 5 cross-validation taggers over ner_train here (for consistency.py --tags cv)")
    ap.add_argument("--folds-only", action="store_true", help="with --folds: write only the fold taggers")
    ap.add_argument("--score", type=Path, default=None, metavar="PATH",
                    help="train nothing: print the dev span F1 of the taggers at and beside PATH, and of their vote")
    args = ap.parse_args(argv)
    try:
        d = data_dir()
    except TrainingDataError as e:
        print(f"error: {e}", file=sys.stderr)
        return 2
    train, dev = read_conll(d / "ner_train.txt"), read_conll(d / "ner_dev.txt")
    if args.score is not None:
        if not args.score.is_file():
            print(f"error: no tagger at {args.score} (a .crfsuite file this command wrote)", file=sys.stderr)
            return 2
        print(json.dumps(score_taggers(args.score, dev), indent=2))
        return 0
    if args.folds is not None:
        args.folds.mkdir(parents=True, exist_ok=True)
        for k in range(FOLDS):
            train_crf([doc for i, doc in enumerate(train) if i % FOLDS != k], args.folds / f"fold{k}.crfsuite", args.seed)
        print(f"wrote {FOLDS} fold taggers to {args.folds}")
        if args.folds_only:
            return 0
    report: dict[str, object] = {"train_docs": len(train), "dev_docs": len(dev), "seed": args.seed,
                                 "recipes": RECIPES}
    if not args.skip_eval:
        t0 = time.perf_counter()
        with tempfile.TemporaryDirectory() as tmp:
            path = args.heldout_model or Path(tmp) / "eval.crfsuite"
            report["silver_heldout"] = train_with_alternates(train, path, args.seed)
            scores = score_taggers(path, dev)
        report["dev_span_f1_trained_on_train"] = scores
        report["eval_seconds"] = round(time.perf_counter() - t0, 1)
        print(json.dumps(scores))
    ARTIFACT_DIR.mkdir(parents=True, exist_ok=True)
    t0 = time.perf_counter()
    report["silver"] = train_with_alternates(train + dev, CRF_PATH, args.seed)
    report["final_train_seconds"] = round(time.perf_counter() - t0, 1)
    shipped = [CRF_PATH, *(alternate_path(CRF_PATH, name) for name in ALTERNATES),
               *(neural_path(CRF_PATH, k) for k in range(VOICES))]
    report["artifact_bytes"] = {p.name: p.stat().st_size for p in shipped}
    (ARTIFACT_DIR / "training_report.json").write_text(json.dumps(report, indent=2) + "\n")
    print(f"wrote {', '.join(p.name for p in shipped)} to {ARTIFACT_DIR} "
          f"({sum(p.stat().st_size for p in shipped):,} bytes)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""Check the offline modeler on NL4Opt's NER training texts, which have entities but no formulations.

`python -m modeler.strategies.offline.consistency --tags gold|cv [--folds DIR] [--out FILE]`

Dev (99 problems) is too small to develop rules on without fitting its phrasing, and the test split
is not for development. The ~700 training texts are: with no gold model to compare against, each
reading is checked for consistency with the annotated entities instead:

* the modeler gives a model (no refusal), and the model's LP has an optimum (not unbounded or
  infeasible: most of these problems are well posed);
* every annotated LIMIT number is used (a right-hand side, a share or a multiple) and every annotated
  PARAM number is used (a coefficient or a multiple);
* a refusal, when it comes, is counted apart (refusing is better than a wrong model, but still a miss).

`--tags gold` feeds the annotated entities (what the rules do with perfect tags); `--tags cv` feeds
the tags of CRFs that never saw the document (5-fold over ner_train, made by `python -m
modeler.strategies.offline.train --folds DIR --folds-only`), the honest picture of unseen text.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path
from typing import Any

from modeler.strategies.offline.entities import Span, Token, spans_from_tags, tokenize
from modeler.strategies.offline.train import TrainingDataError, data_dir, read_conll
from modeler.strategies.offline.words import parse_value

_NO_SPACE_BEFORE = frozenset(",.;:?!%)")


def detokenize(words: list[str]) -> tuple[str, list[tuple[int, int]]]:
    """Plain text for annotated words, and each word's character offsets in it."""
    text = ""
    offsets: list[tuple[int, int]] = []
    for i, w in enumerate(words):
        glued = w in _NO_SPACE_BEFORE or w.startswith("'") or w in {"-", "n't"} or (i and words[i - 1] in {"$", "-"})
        if text and not glued:
            text += " "
        offsets.append((len(text), len(text) + len(w)))
        text += w
    return text, offsets


def align_tags(tokens: list[Token], offsets: list[tuple[int, int]], tags: list[str]) -> list[str]:
    """The annotated tag of each of our tokens: the tag of the annotated word it starts in (a B- on a
    word's later piece becomes I-)."""
    out: list[str] = []
    j = 0
    prev_word = -1
    for t in tokens:
        while j + 1 < len(offsets) and offsets[j][1] <= t.start:
            j += 1
        tag = tags[j] if offsets[j][0] <= t.start < offsets[j][1] else "O"
        if tag.startswith("B-") and j == prev_word:
            tag = "I-" + tag[2:]
        out.append(tag)
        prev_word = j
    return out


def _numbers_used(specs: list[Any], model_json: dict[str, Any]) -> tuple[set[float], set[float]]:
    """(right-hand sides, shares and multiples; coefficients and multiples) the model uses."""
    limits: set[float] = set()
    coefs: set[float] = set()
    for s in specs:
        if s.kind == "xby":
            limits.add(float(s.param or 1.0))
            coefs.add(float(s.param or 1.0))
            continue
        if s.kind != "xy":
            limits.add(float(s.limit))
        if s.kind == "linear":
            coefs.update(float(c) for c in s.terms.values())
    return limits, coefs


def _found(value: float | None, pool: set[float]) -> bool:
    if value is None:
        return True  # an entity that is not a number ("twice" read elsewhere) is not checked
    return any(abs(value - p) <= 1e-9 * max(1.0, abs(value)) or abs(value / 100 - p) <= 1e-12 or
               abs(value * 100 - p) <= 1e-9 * max(1.0, abs(value) * 100) for p in pool)


def check_document(words: list[str], gold_tags: list[str], pred_tags: list[str] | None,
                   vocabulary: frozenset[str] | None = None) -> dict[str, Any]:
    """One document's consistency record (tags: the gold ones, or `pred_tags` over our tokens, from a
    tagger trained on `vocabulary`)."""
    from modeler.ir import Model
    from modeler.strategies.base import Refusal
    from modeler.strategies.offline import read_model

    text, offsets = detokenize(words)
    tokens = tokenize(text)
    toks = [t.text for t in tokens]
    gold = align_tags(tokens, offsets, gold_tags)
    tags = pred_tags if pred_tags is not None else gold
    spans = spans_from_tags(toks, tags)
    gold_spans = spans_from_tags(toks, gold)
    rec: dict[str, Any] = {"text": text}
    try:
        model_json, understanding, confidence, r, specs = read_model(tokens, spans, vocabulary)
    except Refusal as e:
        rec.update(status="refused", reason=e.reason, confidence=e.confidence)
        return rec
    except Exception as e:  # a crash is a finding, not the end of the check
        rec.update(status="crash", reason=f"{type(e).__name__}: {e}")
        return rec
    limits, coefs = _numbers_used(specs, model_json)
    obj = next(u for u in understanding if u["kind"] == "objective")
    coefs |= _objective_coefs(model_json)
    rec["confidence"] = confidence
    rec["n_vars"] = len(r.variables)
    rec["model"] = {"objective": obj["sense"] + " " + obj["expr"],
                    "constraints": [u["expr"] + f"   [{u['type']}]" for u in understanding if u["kind"] == "constraint"]}
    rec["unused_limits"] = [sp.text for sp in gold_spans if sp.label == "LIMIT" and not _found(_val(toks, sp), limits)]
    rec["unused_params"] = [sp.text for sp in gold_spans if sp.label == "PARAM" and not _found(_val(toks, sp), coefs)]
    rec["status"] = _lp_status(Model.from_json(model_json))
    return rec


def _val(words: list[str], sp: Span) -> float | None:
    return parse_value(sp.text)


def _objective_coefs(model_json: dict[str, Any]) -> set[float]:
    import re

    expr = model_json["objective"]["expr"]
    out = {float(x) for x in re.findall(r"(\d+(?:\.\d+)?(?:e[-+]?\d+)?) \*", expr)}
    return out | ({1.0} if re.search(r"(^|[+-] )[A-Za-z_]", expr) else set())


def _lp_status(model: Any) -> str:
    from benchmarks.suites.nl4opt import LP_TIME_LIMIT
    from solvers.relaxation import solve_relaxation

    try:
        return str(solve_relaxation(model, LP_TIME_LIMIT).status)
    except Exception as e:
        return f"solve-error: {type(e).__name__}"


def run(tags: str, folds: Path | None, limit: int = 0) -> list[dict[str, Any]]:
    docs = read_conll(data_dir() / "ner_train.txt")
    if limit:
        docs = docs[:limit]
    taggers: list[Any] = []
    if tags == "cv":
        from modeler.strategies.offline.entities import EntityTagger

        if folds is None:
            raise TrainingDataError("--tags cv needs --folds DIR (made by train.py --folds DIR)")
        from modeler.strategies.offline.train import FOLDS

        missing = [i for i in range(FOLDS) if not (folds / f"fold{i}.crfsuite").is_file()]
        if missing:
            raise TrainingDataError(f"{folds} lacks fold taggers {missing}; make them with "
                                    f"`python -m modeler.strategies.offline.train --folds {folds} --folds-only`")
        taggers = [EntityTagger(folds / f"fold{i}.crfsuite") for i in range(FOLDS)]
    out = []
    for i, (words, gold) in enumerate(docs):
        pred = None
        vocabulary = None
        if taggers:
            text, _ = detokenize(words)
            toks = [t.text for t in tokenize(text)]
            pred = taggers[i % len(taggers)].tag(toks)
            vocabulary = taggers[i % len(taggers)].vocabulary
        rec = check_document(words, gold, pred, vocabulary)
        rec["doc"] = i
        out.append(rec)
    return out


def summarize(records: list[dict[str, Any]]) -> dict[str, Any]:
    n = len(records)
    status = Counter(r["status"] for r in records)
    solved = [r for r in records if r["status"] not in {"refused", "crash"}]
    clean = [r for r in solved if r["status"] == "optimal" and not r["unused_limits"] and not r["unused_params"]]
    return {
        "documents": n,
        "status": dict(status.most_common()),
        "unused_limit_docs": sum(bool(r["unused_limits"]) for r in solved),
        "unused_param_docs": sum(bool(r["unused_params"]) for r in solved),
        "consistent": len(clean),
        "consistent_rate": round(len(clean) / n, 4) if n else None,
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--tags", choices=["gold", "cv"], default="gold")
    ap.add_argument("--folds", type=Path, default=None, help="folder of fold<k>.crfsuite (for --tags cv)")
    ap.add_argument("--out", type=Path, default=None, help="write one JSON line per document here")
    ap.add_argument("--limit", type=int, default=0)
    args = ap.parse_args(argv)
    try:
        records = run(args.tags, args.folds, args.limit)
    except TrainingDataError as e:
        print(f"error: {e}", file=sys.stderr)
        return 2
    if args.out:
        args.out.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    print(json.dumps(summarize(records)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""How the offline modeler holds up on names it never saw: `python -m benchmarks.bench_offline_names
--split dev --out DIR [--seeds 0 1 2]`.

NL4Opt's test problems come from domains and products the training texts do not name, and the
offline modeler scores far lower there than on dev, whose wording its rules were developed on. This
probe separates one cause from the rest: every decision variable's name in a dev problem is replaced,
consistently and in all its forms ("dining table", "dining tables", "Dining tables"), by a noun that
never occurs in the NER training texts ("rickshaws or ox carts" -> "kayaks or hammocks"). The gold
model does not change, so the objective-value accuracy of the renamed problems, side by side with the
original ones in the same run, measures how much of the reading rests on having seen the names.

Each problem is also read with its annotated entities in place of the tagger's (renamed with the
text), which tells the tagger's share of a loss from the rules' share.

Writes DIR/results.jsonl (per document and seed: the verdicts, the renaming, the renamed text) and
DIR/summary.json. OPTIPILOT_OFFLINE_NER=PATH runs it with another tagger (the train-only one for
honest dev numbers).
"""

from __future__ import annotations

import argparse
import ast
import json
import os
import random
import re
import sys
from pathlib import Path
from typing import Any

from benchmarks.provenance import run_record

# Countable nouns from many trades; any that the training texts use are dropped at run time, so
# every substitute is a word the tagger has never seen.
POOL = ("lantern kayak violin drone quilt scooter telescope saddle hammock kettle trombone glider mitten "
        "parasol sextant tambourine yurt zither gazebo canoe accordion anvil barometer birdhouse "
        "bonnet bugle cauldron chandelier clarinet compass cufflink dulcimer easel fiddle flagpole goblet "
        "gondola harmonica harp helmet hourglass javelin kaleidoscope kite lute mandolin marionette "
        "metronome moccasin monocle oar oboe ottoman paddle pendant periscope piccolo pinwheel quiver "
        "rucksack sabre sandal satchel scabbard sled spindle stethoscope sundial tiara toboggan trellis "
        "tricycle trowel tuba turbine ukulele unicycle valise wagon weathervane whistle windmill xylophone "
        "yoyo").split()
ADJECTIVES = "copper crimson velvet alpine coastal granite amber cobalt".split()


def plural(w: str) -> str:
    if re.search(r"(s|x|z|ch|sh)$", w):
        return w + "es"
    if re.search(r"[^aeiou]y$", w):
        return w[:-1] + "ies"
    return w + "s"


def singular(w: str) -> str:
    if w.endswith("ies") and len(w) > 4:
        return w[:-3] + "y"
    if re.search(r"(ses|xes|zes|ches|shes)$", w):
        return w[:-2]
    if w.endswith("s") and not w.endswith("ss"):
        return w[:-1]
    return w


def training_vocabulary(data: Path) -> set[str]:
    words: set[str] = set()
    for line in (data / "nl4opt" / "ner_train.txt").read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("-DOCSTART-"):
            words.add(line.split("\t")[0].lower())
    return words


def unseen_pool(vocab: set[str]) -> list[str]:
    return [w for w in POOL if w not in vocab and plural(w) not in vocab]


def _literal(x: Any) -> Any:
    return ast.literal_eval(x) if isinstance(x, str) else x


def renaming(record: dict[str, Any], pool: list[str], rng: random.Random) -> dict[str, tuple[str, str]]:
    """First-variable name -> (singular, plural) substitute; one in three gets an adjective too."""
    names = list(dict.fromkeys(_literal(record["vars"])))
    picks = rng.sample(pool, len(names))
    out = {}
    for name, noun in zip(names, picks, strict=True):
        head = f"{rng.choice(ADJECTIVES)} {noun}" if rng.random() < 1 / 3 else noun
        out[name] = (head, plural(head))
    return out


def _bio(record: dict[str, Any]) -> tuple[list[str], list[bool], list[str]]:
    """The annotated document as (words, space after each word, BIO tags)."""
    tokens = _literal(record["tokens"])
    tags = ["O"] * len(tokens)
    for sp in _literal(record["spans"]):
        tags[sp["token_start"]] = "B-" + sp["label"]
        for j in range(sp["token_start"] + 1, sp["token_end"] + 1):
            tags[j] = "I-" + sp["label"]
    return [t["text"] for t in tokens], [bool(t.get("ws", True)) for t in tokens], tags


def _forms(record: dict[str, Any], subs: dict[str, tuple[str, str]]) -> dict[tuple[str, ...], list[str]]:
    """Every written form of every variable (lower-case words) -> the substitute's words."""
    to_first = {**{v: v for v in _literal(record["vars"])}, **_literal(record.get("var_mention_to_first_var") or {})}
    forms: dict[tuple[str, ...], list[str]] = {}
    for mention, first in to_first.items():
        if first not in subs:
            continue
        sing, plur = subs[first]
        m = mention.strip(" .,;:!?").lower()  # "mixture B." is annotated with its full stop
        if not m:
            continue
        is_plural = m == plural(singular(m)) and m != singular(m)
        for form, new in ((singular(m), sing), (plural(singular(m)), plur), (m, plur if is_plural else sing)):
            forms.setdefault(tuple(form.split()), new.split())
    return forms


def rename(record: dict[str, Any], subs: dict[str, tuple[str, str]]) -> tuple[str, list[tuple[int, int]], list[str]]:
    """The document with every form of every variable's name replaced (longest forms first), as (text,
    each word's character offsets, BIO tags): a replaced word is a VAR where the annotation tagged it.
    With no substitutes it is the document exactly as written."""
    words, spaces, tags = _bio(record)
    forms = _forms(record, subs)
    longest = sorted(forms, key=len, reverse=True)
    # the annotation sometimes glues a sentence's full stop to a name ("mixture B."): match without it
    lower = [w.lower()[:-1] if len(w) > 1 and w.endswith(".") else w.lower() for w in words]
    out: list[tuple[str, bool, str]] = []
    i = 0
    while i < len(words):
        hit = next((f for f in longest if tuple(lower[i: i + len(f)]) == f), None)
        if hit is None:
            out.append((words[i], spaces[i], tags[i]))
            i += 1
            continue
        new = list(forms[hit])
        if words[i][:1].isupper():
            new[0] = new[0][:1].upper() + new[0][1:]
        last = words[i + len(hit) - 1]
        if len(last) > 1 and last.endswith("."):
            new[-1] += "."
        var = any(t.endswith("-VAR") for t in tags[i: i + len(hit)])
        first = ("I-VAR" if tags[i] == "I-VAR" else "B-VAR") if var else "O"
        for k, w in enumerate(new):
            last = k == len(new) - 1
            out.append((w, spaces[i + len(hit) - 1] if last else True, first if k == 0 else ("I-VAR" if var else "O")))
        i += len(hit)
    text = ""
    offsets = []
    for w, space, _ in out:
        offsets.append((len(text), len(text) + len(w)))
        text += w + (" " if space else "")
    return text.rstrip(), offsets, [t for _, _, t in out]


def read_with_tags(text: str, offsets: list[tuple[int, int]], tags: list[str]) -> Any:
    """The offline reading of a text given its annotated entities instead of the tagger's (a
    ModelResult, refused when the reader refuses); the rest of the reading is as the modeler's."""
    from modeler.ir import Model
    from modeler.result import ModelResult
    from modeler.strategies.base import Refusal
    from modeler.strategies.offline import read_model, tagger
    from modeler.strategies.offline.consistency import align_tags
    from modeler.strategies.offline.entities import spans_from_tags, tokenize

    tokens = tokenize(text)
    aligned = align_tags(tokens, offsets, tags)
    try:
        model_json, *_ = read_model(tokens, spans_from_tags([t.text for t in tokens], aligned), tagger().vocabulary)
    except Refusal as e:
        return ModelResult(status="refused", error=e.reason)
    return ModelResult(model=Model.from_json(model_json), status="ok")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--split", choices=["dev", "test"], default="dev")
    ap.add_argument("--out", type=Path, required=True)
    ap.add_argument("--seeds", type=int, nargs="+", default=[0, 1, 2])
    ap.add_argument("--limit", type=int, default=0, help="only the first N documents (0: all)")
    args = ap.parse_args(argv)

    from benchmarks.bench_offline import nl4opt_split
    from benchmarks.suites.base import DataNotFoundError
    from benchmarks.suites.nl4opt import read_split

    try:
        suite, items, data_root = nl4opt_split(args.split)
        records = dict(read_split(data_root, args.split))
        pool = unseen_pool(training_vocabulary(data_root))
    except (DataNotFoundError, OSError) as e:
        print(f"error: {e}", file=sys.stderr)
        return 2
    if args.limit:
        items = items[: args.limit]

    from modeler import Modeler

    modeler = Modeler(strategy="offline", backend=os.environ.get("OPTIPILOT_OFFLINE_BACKEND") or None)
    args.out.mkdir(parents=True, exist_ok=True)
    original: dict[str, bool] = {}
    original_gold: dict[str, bool] = {}
    renamed_ok = {seed: 0 for seed in args.seeds}
    renamed_gold_ok = {seed: 0 for seed in args.seeds}
    lost = gained = 0
    with (args.out / "results.jsonl").open("w", encoding="utf-8") as f:
        for item in items:
            text, offsets, tags = rename(records[item.id], {})
            if text != item.text.rstrip():
                raise SystemExit(f"document {item.id}: its tokens do not spell its text; cannot rename it")
            original[item.id] = suite.score(item, modeler.solve(item.text)).passed
            original_gold[item.id] = suite.score(item, read_with_tags(text, offsets, tags)).passed
        for seed in args.seeds:
            rng = random.Random(seed)
            for item in items:
                subs = renaming(records[item.id], pool, rng)
                text, offsets, tags = rename(records[item.id], subs)
                renamed = item.model_copy(update={"text": text})
                verdict = suite.score(renamed, modeler.solve(text))
                gold_tags = suite.score(renamed, read_with_tags(text, offsets, tags)).passed
                renamed_ok[seed] += verdict.passed
                renamed_gold_ok[seed] += gold_tags
                lost += original[item.id] and not verdict.passed
                gained += verdict.passed and not original[item.id]
                f.write(json.dumps({"id": item.id, "seed": seed, "original_passed": original[item.id],
                                    "renamed_passed": verdict.passed, "category": verdict.category,
                                    "message": verdict.message, "original_gold_tags_passed": original_gold[item.id],
                                    "renamed_gold_tags_passed": gold_tags, "renaming": subs, "text": text}) + "\n")
    n = len(items)
    summary = {
        "split": args.split, "documents": n, "seeds": args.seeds, "pool_size": len(pool),
        "original_accuracy": round(sum(original.values()) / n, 4),
        "renamed_accuracy": {str(s): round(k / n, 4) for s, k in renamed_ok.items()},
        "renamed_accuracy_mean": round(sum(renamed_ok.values()) / (n * len(args.seeds)), 4),
        "original_gold_tags_accuracy": round(sum(original_gold.values()) / n, 4),
        "renamed_gold_tags_accuracy_mean": round(sum(renamed_gold_ok.values()) / (n * len(args.seeds)), 4),
        "lost": lost, "gained": gained,
        "tagger": os.environ.get("OPTIPILOT_OFFLINE_NER") or "shipped",
        **run_record("benchmarks.bench_offline_names", argv),
    }
    (args.out / "summary.json").write_text(json.dumps(summary, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(summary))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

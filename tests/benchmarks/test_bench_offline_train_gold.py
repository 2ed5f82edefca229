"""The hand-written gold models for NL4Opt training texts: each solves to its recorded optima, and, where
OPTIPILOT_DATA holds NL4Opt, each record's text hash matches and the benchmark's summary agrees with its
per-problem results (a real run of the rules on three documents with their annotated tags)."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from benchmarks.bench_offline_fresh import lp_optimum, same_optimum
from benchmarks.bench_offline_train_gold import DATA, load_gold, main
from modeler.ir import Model
from modeler.strategies.offline.silver import read_problems

RECORDS = read_problems([DATA])
# the second set: the training texts nearest NL4Opt's held-out families (its README says how they were drawn)
DATA2 = DATA.parents[1] / "nl4opt_train_gold2" / "gold.jsonl"
RECORDS2 = read_problems([DATA2])
DATA3 = DATA.parents[1] / "nl4opt_train_gold3" / "gold.jsonl"  # the rest of the training texts
RECORDS3 = read_problems([DATA3])
ROOT = os.environ.get("OPTIPILOT_DATA")
HAS_DATA = bool(ROOT) and (Path(ROOT) / "nl4opt" / "ner_train.txt").is_file()
needs_data = pytest.mark.skipif(not HAS_DATA, reason="OPTIPILOT_DATA is unset or has no nl4opt/ner_train.txt")


@pytest.mark.parametrize("records", [RECORDS, RECORDS2, RECORDS3], ids=["gold", "gold2", "gold3"])
def test_the_records_are_distinct_documents(records: list[dict]) -> None:
    assert len(records) >= 100
    assert len({r["doc"] for r in records}) == len(records)
    assert all(r["id"] == f"nl4opt-train-{r['doc']:04d}" for r in records)
    assert all("text" not in r for r in records)  # NL4Opt's texts stay in its own files


def test_the_sets_share_no_document() -> None:
    docs = [{r["doc"] for r in rs} for rs in (RECORDS, RECORDS2, RECORDS3)]
    assert sum(map(len, docs)) == len(set().union(*docs))


@pytest.mark.parametrize("rec", RECORDS[::7] + RECORDS2[::25] + RECORDS3[::25], ids=lambda r: r["id"])
def test_gold_models_solve_to_their_optima(rec: dict) -> None:
    status, value = lp_optimum(Model.from_json(json.dumps(rec["model"])))
    assert status == "optimal" and same_optimum(value, rec["lp_optimum"])
    assert rec["sense"] == rec["model"]["objective"]["sense"]


@needs_data
def test_every_text_hash_matches() -> None:
    from benchmarks.bench_offline_train_gold import train_documents

    for path in (DATA, DATA2, DATA3):
        problems = load_gold(path, train_documents())
        assert all(p["text"] and p["words"] and len(p["words"]) == len(p["tags"]) for p in problems)


@needs_data
def test_a_changed_text_is_an_error(tmp_path: Path) -> None:
    from benchmarks.bench_offline_train_gold import train_documents

    rec = dict(RECORDS[0], text_sha256="0" * 64)
    bad = tmp_path / "gold.jsonl"
    bad.write_text(json.dumps(rec) + "\n")
    with pytest.raises(ValueError, match="does not match its hash"):
        load_gold(bad, train_documents())
    rec = dict(RECORDS[0], doc=10_000)
    bad.write_text(json.dumps(rec) + "\n")
    with pytest.raises(ValueError, match="names document"):
        load_gold(bad, train_documents())


@needs_data
def test_summary_agrees_with_results(tmp_path: Path) -> None:
    assert main(["--tags", "gold", "--limit", "3", "--out", str(tmp_path)]) == 0
    results = [json.loads(line) for line in (tmp_path / "results.jsonl").read_text().splitlines()]
    summary = json.loads((tmp_path / "summary.json").read_text())
    assert len(results) == summary["count"] == 3
    assert summary["passed"] == sum(r["passed"] for r in results)
    assert all((r["stage"] is None) == r["passed"] for r in results)


def test_cv_needs_folds(tmp_path: Path) -> None:
    assert main(["--tags", "cv", "--out", str(tmp_path)]) == 2


PARA = [DATA.parents[1] / name / "problems.jsonl" for name in ("nl4opt_train_para1", "nl4opt_train_para2")]


def test_paraphrase_sets_rewrite_modelled_documents_once() -> None:
    gold_docs = {r["doc"] for r in RECORDS + RECORDS2 + RECORDS3}
    rewrites = [read_problems([path], ("id", "doc", "text")) for path in PARA]
    docs = [[r["doc"] for r in rs] for rs in rewrites]
    assert [len(d) for d in docs] == [180, 90]
    assert len(set(docs[0] + docs[1])) == 270  # no document rewritten twice, and the two sets share none
    assert set(docs[0] + docs[1]) <= gold_docs
    assert len({r["id"] for rs in rewrites for r in rs}) == 270


@needs_data
def test_rewrites_are_new_words_with_the_same_numbers() -> None:
    import difflib
    import re

    from benchmarks.bench_offline_train_gold import load_paraphrases, train_documents

    docs = train_documents()
    originals = {g["doc"]: g["text"] for path in (DATA, DATA2, DATA3) for g in load_gold(path, docs)}
    number = re.compile(r"\d[\d,]*(?:\.\d+)?")
    for path in PARA:
        for p in load_paraphrases(path, docs):
            old, new = originals[p["doc"]], p["text"]
            assert p["paraphrase"] and p["model"] and p["words"] is None
            same = difflib.SequenceMatcher(None, old.lower().split(), new.lower().split()).ratio()
            assert same <= 0.8, p["id"]
            as_set = [{float(x.replace(",", "")) for x in number.findall(t)} for t in (old, new)]
            assert as_set[0] == as_set[1], p["id"]


@needs_data
def test_paraphrase_run_reads_the_rewrites(tmp_path: Path) -> None:
    assert main(["--paraphrases", str(PARA[0]), "--tags", "shipped", "--limit", "3", "--out", str(tmp_path)]) == 0
    results = [json.loads(line) for line in (tmp_path / "results.jsonl").read_text().splitlines()]
    summary = json.loads((tmp_path / "summary.json").read_text())
    assert summary["suite"] == "nl4opt_train_paraphrase" and summary["count"] == 3
    assert [r["id"] for r in results] == ["para-A-000", "para-A-001", "para-A-002"]
    assert summary["passed"] == sum(r["passed"] for r in results)


def test_rewrites_have_no_annotated_tags(tmp_path: Path) -> None:
    assert main(["--paraphrases", str(PARA[0]), "--tags", "gold", "--out", str(tmp_path)]) == 2


def test_cv_reads_a_rewrite_as_the_product_does(monkeypatch: pytest.MonkeyPatch) -> None:
    """The fold tagger tags the text the product's reader sees (`as_prose`: "part-timers" said by their name)."""
    import modeler.strategies.offline.entities as entities
    from benchmarks.bench_offline_train_gold import _RulesReader

    seen: list[str] = []
    real = entities.tokenize
    monkeypatch.setattr(entities, "tokenize", lambda text: seen.append(text) or real(text))

    class _NoTags:  # (a tagger that finds nothing: the reader refuses, which is all this test needs)
        vocabulary = None

        def tag(self, words: list[str]) -> list[str]:
            return ["O"] * len(words)

    reader = _RulesReader(None)
    reader.taggers = [_NoTags()]
    text = "A part-time cook costs $300 and a full-time cook $700. There are no more part-timers than full-timers."
    status, _, _, _ = reader.read({"doc": 0, "text": text, "paraphrase": True})
    assert status in {"refused", "solved"}
    assert seen and "no more part-time cooks than full-time cooks" in seen[0]

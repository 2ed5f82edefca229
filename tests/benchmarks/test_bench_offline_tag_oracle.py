"""The tag-oracle benchmark: annotated spans become BIO tags, and a real run's table adds up."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from benchmarks.bench_offline_tag_oracle import annotated_tags, main

DATA = os.environ.get("OPTIPILOT_DATA")


def test_annotated_spans_become_bio_tags() -> None:
    record = {"tokens": [{"text": w} for w in "Each cake needs 3 eggs".split()],
              "spans": [{"token_start": 1, "token_end": 1, "label": "VAR"},
                        {"token_start": 3, "token_end": 4, "label": "PARAM"}]}
    words, tags = annotated_tags(record)
    assert words == ["Each", "cake", "needs", "3", "eggs"]
    assert tags == ["O", "B-VAR", "O", "B-PARAM", "I-PARAM"]


@pytest.mark.skipif(not DATA or not (Path(DATA) / "nl4opt" / "generation_dev.jsonl").is_file(),
                    reason="OPTIPILOT_DATA is unset or has no nl4opt/generation_dev.jsonl")
def test_the_table_adds_up_to_the_run(tmp_path: Path) -> None:
    assert main(["--split", "dev", "--limit", "4", "--out", str(tmp_path)]) == 0
    summary = json.loads((tmp_path / "summary.json").read_text())
    assert summary["count"] == 4 and sum(summary["table"].values()) == 4
    assert summary["passed_with_annotated_tags"] == summary["table"]["both"] + summary["table"]["annotated_only"]
    assert summary["passed_with_tagger"] == summary["table"]["both"] + summary["table"]["tagger_only"]
    assert summary["passed_with_annotated_tags"] >= 1  # the annotated tags of the first dev texts read right


def test_no_data_is_a_clear_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                  capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.delenv("OPTIPILOT_DATA", raising=False)
    assert main(["--split", "dev", "--out", str(tmp_path)]) == 2
    assert "OPTIPILOT_DATA" in capsys.readouterr().err


@pytest.mark.skipif(not DATA or not (Path(DATA) / "nl4opt" / "generation_dev.jsonl").is_file(),
                    reason="OPTIPILOT_DATA is unset or has no nl4opt/generation_dev.jsonl")
def test_a_missing_tagger_is_a_clear_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--split", "dev", "--tagger", str(tmp_path / "none.crfsuite"), "--out", str(tmp_path)]) == 2
    assert "no tagger at" in capsys.readouterr().err


@pytest.mark.skipif(not DATA or not (Path(DATA) / "nl4opt" / "generation_dev.jsonl").is_file(),
                    reason="OPTIPILOT_DATA is unset or has no nl4opt/generation_dev.jsonl")
def test_the_vote_can_be_the_tagger(tmp_path: Path) -> None:
    from modeler.strategies.offline.entities import CRF_PATH
    from modeler.strategies.offline.neural import neural_path

    if not neural_path(CRF_PATH, 1).is_file():
        pytest.skip("the BiLSTM-CRF voices are not trained")
    assert main(["--split", "dev", "--limit", "3", "--vote", "--out", str(tmp_path)]) == 0
    summary = json.loads((tmp_path / "summary.json").read_text())
    assert summary["tagger"] == "ner-ensemble" and sum(summary["table"].values()) == 3


@pytest.mark.skipif(not DATA or not (Path(DATA) / "nl4opt" / "generation_dev.jsonl").is_file(),
                    reason="OPTIPILOT_DATA is unset or has no nl4opt/generation_dev.jsonl")
def test_every_tagger_counts_the_ceiling_of_choosing(tmp_path: Path) -> None:
    from modeler.strategies.offline import taggers

    assert main(["--split", "dev", "--limit", "3", "--every-tagger", "--out", str(tmp_path)]) == 0
    every = json.loads((tmp_path / "summary.json").read_text())["every_tagger"]
    assert list(every["passed_by_tagger"]) == [t.path.name for t in taggers()]
    best = max(every["passed_by_tagger"].values())
    # some tagger is right wherever the best one is, and the annotated tags can only add
    assert best <= every["passed_by_some_tagger"] <= every["passed_by_some_tagger_or_annotated_tags"] <= 3
    assert best >= 1

"""NL4Opt dev modelled independently: the agreement count's logic on items made here, and (where
OPTIPILOT_DATA holds NL4Opt) a real run over the 99 dev texts whose counts add up."""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

import pytest

from benchmarks.bench_nl4opt_gold_agreement import agreement, load_records, main
from benchmarks.suites.base import Item

ROOT = os.environ.get("OPTIPILOT_DATA")
HAS_DATA = bool(ROOT) and (Path(ROOT) / "nl4opt" / "generation_dev.jsonl").is_file()


def _item(i: str, text: str) -> Item:
    return Item(id=i, text=text)


def _rec(i: str, text: str, value: float | None) -> dict:
    h = hashlib.sha256(text.encode()).hexdigest()
    return {"id": i, "text_sha256": h, **({"skip": "contradictory"} if value is None else {"lp_optimum": value})}


def test_agreement_counts_same_optima_and_shared_infeasibility() -> None:
    items = [_item("a", "one"), _item("b", "two"), _item("c", "three"), _item("d", "four")]
    nl = {"a": ("optimal", 10.0, ""), "b": ("optimal", 5.0, ""), "c": ("infeasible", None, ""), "d": ("unbounded", None, "")}
    golds = {r["id"]: r for r in (_rec("a", "one", 10.0), _rec("b", "two", 6.0), _rec("d", "four", 3.0))}
    skipped = {"c": _rec("c", "three", None)}
    counts, dis = agreement(items, lambda it: nl[it.id], golds, skipped)
    assert counts["compared"] == 4 and counts["agree"] == 2  # a (same optimum) and c (both without one)
    assert [d["id"] for d in dis] == ["b", "d"]


def test_a_changed_text_is_an_error() -> None:
    with pytest.raises(ValueError, match="does not match"):
        agreement([_item("a", "changed")], lambda it: ("optimal", 1.0, ""), {"a": _rec("a", "one", 1.0)}, {})


def test_the_records_cover_dev_once() -> None:
    golds, skipped = load_records()
    assert len(golds) + len(skipped) == 99 and not set(golds) & set(skipped)


@pytest.mark.skipif(not HAS_DATA, reason="OPTIPILOT_DATA has no nl4opt/generation_dev.jsonl")
def test_a_real_run_adds_up(tmp_path: Path) -> None:
    assert main(["--out", str(tmp_path)]) == 0
    s = json.loads((tmp_path / "summary.json").read_text())
    dis = (tmp_path / "disagreements.jsonl").read_text().splitlines()
    assert s["compared"] == 99 and s["agree"] + len(dis) == 99

"""Answer suites: any JSONL (or JSON list) of word problems with a known optimal objective value.

Use it as `bench run answers:path/to/file.jsonl` or `AnswerSuite("path/to/file.jsonl", rel_tol=1e-4)`.
It reads the test-set formats of the published modelers without conversion:

* ORLM / CardinalOperations (NL4OPT, MAMO, IndustryOR): `{"en_question": ..., "en_answer": "1200", "id": ...}`;
  some answers are the text "No Best Solution";
* LLMOPT and others: `{"question": ..., "answer": ...}` (also `Question` / `Answer`);
* OptiMUS-style records: `{"description": ..., "optimal_value": ...}`; also `problem`, `text`,
  `objective`, `optimal_objective`.

The first field present, in the orders of `QUESTION_FIELDS` and `ANSWER_FIELDS`, is used; pass
`question_field=` / `answer_field=` to pick others. Ids come from `id` / `index` / `ID`, else the line.

Scoring: a result passes when its solution's objective equals the answer within relative `rel_tol`
(default 1e-4) or absolute `abs_tol` (1e-6, for answers at 0). Answers that are not numbers:
* a text saying there is no optimum ("No Best Solution", "infeasible", "unbounded", "no feasible
  solution", ...) expects exactly that: the result passes when its status is infeasible or unbounded
  (either, since "No Best Solution" does not say which);
* anything else (empty, prose) makes the item `unscorable`: it is kept, fails with that category, and
  `accuracy` is computed over the scorable items only (`accuracy_all` counts it as a failure).
Failure categories: `no_solution` (no result, an error or a time-out), `infeasible_answer` (the result
says infeasible/unbounded where the answer is a number), `wrong_objective`, `expected_no_optimum` (a
number where the answer says there is none), `unscorable`.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any, ClassVar

from benchmarks.suites.base import DataNotFoundError, Item, Suite, Verdict
from modeler.result import ModelResult

QUESTION_FIELDS = ("en_question", "question", "Question", "description", "problem", "text")
ANSWER_FIELDS = ("en_answer", "answer", "Answer", "optimal_value", "optimal_objective", "objective")
ID_FIELDS = ("id", "index", "ID")
SPEC_PREFIX = "answers:"

_NO_OPTIMUM = re.compile(r"no best solution|infeasib|unbounded|no (?:feasible|optimal)? ?solution|"
                         r"not? (?:feasible|solvable)|no optimum", re.I)
_NUMBER = re.compile(r"^[-+]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?$")


class AnswerFileError(DataNotFoundError):
    """An answers file is missing or cannot be read as question/answer records."""


def parse_answer(raw: Any) -> tuple[float | None, str]:
    """(number, kind) for an answer: kind is "number", "no_optimum" or "unscorable".

    Numbers may come as JSON numbers or as text with thousands separators, a currency sign or a
    trailing unit word ("$1,200", "1200.0 dollars"); a text with several numbers is unscorable.
    """
    if isinstance(raw, bool) or raw is None:
        return None, "unscorable"
    if isinstance(raw, int | float):
        return (float(raw), "number") if math.isfinite(raw) else (None, "unscorable")
    text = str(raw).strip()
    if not text:
        return None, "unscorable"
    cleaned = text.replace(",", "").replace("$", "").strip()
    if _NUMBER.match(cleaned):
        return float(cleaned), "number"
    nums = re.findall(r"[-+]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?", cleaned)
    if len(nums) == 1 and re.fullmatch(r"[-+]?[\d.eE+-]+\s*[A-Za-z ]*", cleaned):
        return float(nums[0]), "number"
    if _NO_OPTIMUM.search(text):
        return None, "no_optimum"
    return None, "unscorable"


def close_enough(value: float, expected: float, rel_tol: float, abs_tol: float = 1e-6) -> bool:
    return abs(value - expected) <= max(rel_tol * abs(expected), abs_tol)


def _read_records(path: Path) -> list[dict[str, Any]]:
    if not path.is_file():
        raise AnswerFileError(f"Answers file {path} does not exist.")
    text = path.read_text(encoding="utf-8")
    stripped = text.lstrip()
    if stripped.startswith("["):  # a JSON list of records
        try:
            data = json.loads(text)
        except json.JSONDecodeError as e:
            raise AnswerFileError(f"{path} is not valid JSON ({e.msg} at line {e.lineno}).") from e
        records = data
    else:
        records = []
        for n, line in enumerate(text.splitlines(), start=1):
            if not line.strip():
                continue
            try:
                records.append(json.loads(line))
            except json.JSONDecodeError as e:
                raise AnswerFileError(f"{path} line {n} is not JSON ({e.msg}).") from e
    if not all(isinstance(r, dict) for r in records):
        raise AnswerFileError(f"{path} must hold JSON objects, one per line (or a JSON list of objects).")
    return records


def _pick(record: dict[str, Any], fields: Iterable[str]) -> str | None:
    return next((f for f in fields if f in record), None)


class AnswerSuite(Suite):
    """Problems with known optimal values from a user's file; see the module docstring."""

    name: ClassVar[str] = "answers"
    description: ClassVar[str] = "Question/answer JSONL (ORLM, LLMOPT, OptiMUS formats): optimal objective accuracy."

    def __init__(self, path: str | Path, rel_tol: float = 1e-4, abs_tol: float = 1e-6,
                 question_field: str | None = None, answer_field: str | None = None) -> None:
        if rel_tol < 0 or abs_tol < 0:
            raise ValueError("rel_tol and abs_tol must be nonnegative")
        self.path = Path(path).expanduser()
        self.rel_tol, self.abs_tol = rel_tol, abs_tol
        self.question_field, self.answer_field = question_field, answer_field
        self.spec = f"{SPEC_PREFIX}{path}"

    @classmethod
    def from_spec(cls, spec: str, **kwargs: Any) -> AnswerSuite:
        """`answers:path/to/file.jsonl` -> AnswerSuite(path)."""
        if not spec.startswith(SPEC_PREFIX) or not spec[len(SPEC_PREFIX):].strip():
            raise ValueError(f"an answers suite is named {SPEC_PREFIX}PATH, not {spec!r}")
        return cls(spec[len(SPEC_PREFIX):].strip(), **kwargs)

    def items(self, data_dir: Path | None = None) -> list[Item]:
        """The file's problems (the path is the suite's own; `data_dir` is not used)."""
        out: list[Item] = []
        seen: set[str] = set()
        for n, rec in enumerate(_read_records(self.path), start=1):
            qf = self.question_field or _pick(rec, QUESTION_FIELDS)
            af = self.answer_field or _pick(rec, ANSWER_FIELDS)
            if qf is None or not isinstance(rec.get(qf), str) or not rec[qf].strip():
                raise AnswerFileError(
                    f"{self.path} record {n} has no question text (looked for {', '.join(QUESTION_FIELDS)}; "
                    "pass question_field= to name another)."
                )
            idf = _pick(rec, ID_FIELDS)
            item_id = str(rec[idf]) if idf is not None else str(n)
            if item_id in seen:
                item_id = f"{item_id}#{n}"  # ids must be unique for a resumable run
            seen.add(item_id)
            raw = rec.get(af) if af is not None else None
            value, kind = parse_answer(raw)
            out.append(Item(id=item_id, text=rec[qf].strip(),
                            data={"answer": value, "answer_kind": kind, "raw_answer": raw, "line": n}))
        return out

    def score(self, item: Item, result: ModelResult) -> Verdict:
        kind, expected = item.data.get("answer_kind"), item.data.get("answer")
        sol = result.solution
        status = sol.status.value if sol is not None else (result.status or "error")
        objective = sol.objective if sol is not None else None
        metrics: dict[str, float] = {}
        if objective is not None:
            metrics["objective"] = objective

        def verdict(passed: bool, category: str, message: str = "") -> Verdict:
            return Verdict(id=item.id, passed=passed, category=category, message=message, metrics=metrics)

        no_optimum = status in ("infeasible", "unbounded")
        if kind == "unscorable":
            return verdict(False, "unscorable", f"the answer {item.data.get('raw_answer')!r} is not a number")
        if kind == "no_optimum":
            if no_optimum:
                return verdict(True, "passed")
            if objective is not None:
                return verdict(False, "expected_no_optimum",
                               f"objective {objective:g}; the answer says {item.data.get('raw_answer')!r}")
            return verdict(False, "no_solution", result.error or f"status {status}")
        if no_optimum:
            return verdict(False, "infeasible_answer", f"the result is {status}; expected {expected:g}")
        if objective is None:
            return verdict(False, "no_solution", result.error or f"no objective value (status {status})")
        if close_enough(objective, expected, self.rel_tol, self.abs_tol):
            return verdict(True, "passed")
        return verdict(False, "wrong_objective", f"objective {objective:g}, expected {expected:g}")

    def summarize(self, verdicts: list[Verdict]) -> dict[str, Any]:
        counts: dict[str, int] = {}
        for v in verdicts:
            counts[v.category] = counts.get(v.category, 0) + 1
        n = len(verdicts)
        scorable = n - counts.get("unscorable", 0)
        passed = counts.get("passed", 0)
        return {
            "count": n,
            "scorable": scorable,
            "passed": passed,
            "accuracy": passed / scorable if scorable else None,
            "accuracy_all": passed / n if n else None,
            "rel_tol": self.rel_tol,
            "categories": counts,
        }

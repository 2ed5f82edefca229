"""NL4Opt (NeurIPS 2022 competition, subtask 2): linear word problems, scored two ways.

Suites: `nl4opt` (the 289 test documents) and `nl4opt-dev` (the 99 dev documents), read from
`$OPTIPILOT_DATA/nl4opt/generation_{test,dev}.jsonl`.

1. Formulation score, the competition's metric: the candidate model (`ModelResult.model`) is put in
   canonical form over the gold variable columns and compared row by row with the gold declarations'
   canonical form; `formulation_score = 1 - sum(FP + FN) / sum(1 + #gold constraints)` over the split.
   See `nl4opt_canonical` for the definition, where it follows the competition's code and where not.
2. Objective-value accuracy (the verdict's `passed`): the gold formulation is an LP over continuous
   nonnegative variables (NL4Opt's own definition); we solve it with our backends, and a candidate
   passes when its model, relaxed to an LP (every variable continuous), has the same optimum within
   relative 1e-4 (absolute 1e-6 near 0). `objective_accuracy_as_typed` also compares the candidate's
   own solution (integers kept) with the gold LP optimum. About 8% of the annotated word problems
   have no optimum as written (infeasible or unbounded, a few through annotation slips: see the
   item's `annotation_issues`); there the candidate passes when its LP relaxation has the same status,
   the way answer suites treat "No Best Solution" (`gold_without_optimum` in the summary counts them).

`reference(item)` hands back the gold formulation in the model form (`gold_model`), solved, so
`bench selfcheck nl4opt` checks that every annotated formulation solves and scores 1.0 on itself.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any, ClassVar

from benchmarks.suites.base import DataNotFoundError, Item, Suite, Verdict, register
from benchmarks.suites.nl4opt_canonical import (
    GE,
    Canonical,
    NL4OptDataError,
    annotation_issues,
    canonical_from_annotation,
    canonical_from_model,
    columns,
    constraint_row,
    formulation_score,
    score_rows,
)
from modeler.ir.expr import identifier
from modeler.result import ModelResult
from solvers.relaxation import lp_backend, solve_relaxation

REL_TOL, ABS_TOL = 1e-4, 1e-6  # objective-value agreement
LP_TIME_LIMIT = 30.0


def objective_matches(value: float | None, expected: float | None, rel_tol: float = REL_TOL,
                      abs_tol: float = ABS_TOL) -> bool:
    """Equal within relative `rel_tol`, or within `abs_tol` (for optima at or near 0)."""
    if value is None or expected is None:
        return False
    return abs(value - expected) <= max(rel_tol * abs(expected), abs_tol)


# ------------------------------------------------------------------------------------ reading data
def read_split(data_dir: Path, split: str) -> Iterator[tuple[str, dict[str, Any]]]:
    """(document id, record) for every line of generation_{split}.jsonl; a clear error when missing."""
    path = data_dir / "nl4opt" / f"generation_{split}.jsonl"
    if not path.is_file():
        raise DataNotFoundError(
            f"NL4Opt data not found: {path} is missing (expected $OPTIPILOT_DATA/nl4opt/generation_{split}.jsonl)."
        )
    with path.open(encoding="utf-8") as f:
        for n, line in enumerate(f, start=1):
            if not line.strip():
                continue
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as e:
                raise DataNotFoundError(f"{path} line {n} is not JSON ({e.msg}).") from e
            for doc_id, record in obj.items():  # one document per line, keyed by its id
                yield str(doc_id), record


def make_item(doc_id: str, record: dict[str, Any], split: str) -> Item:
    """An Item: the document as text; the annotations, columns and gold canonical form as data."""
    gold = canonical_from_annotation(record)
    return Item(
        id=doc_id,
        text=record["document"],
        data={
            "split": split,
            "objective": record["obj_declaration"],
            "constraints": record.get("const_declarations", []),
            "order_mapping": record.get("order_mapping", {}),
            "vars": record.get("vars", []),
            "columns": columns(record),
            "canonical": gold.to_dict(),
            "annotation_issues": annotation_issues(record),
        },
    )


# ----------------------------------------------------------------------------------- gold model
def _fmt(x: float) -> str:
    return format(x, ".12g")


def _linear_text(coefs: Iterable[float], names: list[str]) -> str:
    parts: list[str] = []
    for c, name in zip(coefs, names, strict=True):
        if c == 0:
            continue
        sign = "-" if c < 0 else "+"
        mag = abs(c)
        term = name if mag == 1 else f"{_fmt(mag)} * {name}"
        parts.append(f"{sign} {term}" if parts else (f"-{term}" if c < 0 else term))
    return " ".join(parts) if parts else "0"


def gold_model(item: Item) -> dict[str, Any]:
    """The gold formulation in the model form (JSON dict): an LP over continuous nonnegative variables.

    One variable per column, named after its first mention (the mention is the description, which is
    also what the scorer's variable matching reads); one constraint per declaration, written with the
    declaration's own direction.
    """
    data = item.data
    cols: list[list[str]] = data["columns"]
    gold = Canonical.from_dict(data["canonical"])
    taken: set[str] = set()
    names = [identifier(mentions[0] if mentions else f"x{j}", taken) for j, mentions in enumerate(cols)]
    variables = {
        name: {"type": "continuous", "lb": 0, "description": mentions[0] if mentions else ""}
        for name, mentions in zip(names, cols, strict=True)
    }
    obj = data["objective"]
    model: dict[str, Any] = {
        "name": f"nl4opt_{item.id}".replace("-", "m"),
        "description": item.text,
        "variables": variables,
        "objective": {"sense": gold.sense, "expr": _linear_text(gold.objective or (), names),
                      "description": obj.get("name", "")},
        "constraints": {},
    }
    om = data["order_mapping"]
    n = len(cols)
    for k, decl in enumerate(data["constraints"], start=1):
        row = constraint_row(decl, om, n)
        if decl.get("operator") == GE:  # write `e >= b` rather than the canonical `-e <= -b`
            text = f"{_linear_text([-v for v in row[:n]], names)} >= {_fmt(-row[n] + 0.0)}"
        else:
            text = f"{_linear_text(row[:n], names)} <= {_fmt(row[n] + 0.0)}"
        model["constraints"][f"c{k}_{decl['type']}"] = {
            "expr": text, "description": f"{decl['type']}: {decl.get('direction', '')}".strip()
        }
    return model


def _solve_lp(model: Any) -> Any:
    """Solve a model with the LP backend of choice: HiGHS when it is registered, else `solve`'s pick."""
    from solvers import solve

    return solve(model, backend=lp_backend(), time_limit=LP_TIME_LIMIT, explain=False, keep_text=False)


# -------------------------------------------------------------------------------------- the suite
class NL4OptSuite(Suite):
    name: ClassVar[str] = "nl4opt"
    split: ClassVar[str] = "test"
    description: ClassVar[str] = "NL4Opt test split (289 LP word problems): formulation score and objective accuracy."

    def __init__(self) -> None:
        self._rows: dict[str, int] = {}  # id -> 1 + #gold constraints, for verdicts that carry no counts
        self._gold_optimum: dict[str, Any] = {}  # id -> (status, objective) of the gold LP

    def items(self, data_dir: Path) -> Iterable[Item]:
        out = []
        for doc_id, record in read_split(data_dir, self.split):
            try:
                item = make_item(doc_id, record, self.split)
            except NL4OptDataError as e:
                raise DataNotFoundError(f"NL4Opt {self.split} document {doc_id}: {e}") from e
            self._rows[item.id] = 1 + len(item.data["constraints"])
            out.append(item)
        return out

    # -- gold optimum (cached per item) --
    def gold_optimum(self, item: Item) -> tuple[str, float | None, str]:
        """(status, objective, message) of the gold LP, solved once per item and suite instance."""
        key = f"{item.data.get('split')}:{item.id}"
        if key not in self._gold_optimum:
            from modeler.ir import Model

            sol = _solve_lp(Model.from_json(gold_model(item)))
            self._gold_optimum[key] = (sol.status.value, sol.objective, sol.message)
        return self._gold_optimum[key]

    def reference(self, item: Item) -> ModelResult:
        from modeler.ir import Model

        model = Model.from_json(gold_model(item))
        sol = _solve_lp(model)
        return ModelResult(model=model, solution=sol, status=sol.status.value, error=sol.message)

    # -- scoring --
    def score(self, item: Item, result: ModelResult) -> Verdict:
        gold = Canonical.from_dict(item.data["canonical"])
        d = 1 + len(gold.rows)
        metrics: dict[str, float] = {"rows": d, "fp": d, "fn": 0, "fp_strict": d, "fp_scaled": d,
                                     "fn_scaled": 0, "objective_ok": 0.0, "objective_ok_as_typed": 0.0}

        def fail(category: str, message: str) -> Verdict:
            return Verdict(id=item.id, passed=False, category=category, message=message, metrics=metrics)

        gstatus, gobj, gmsg = self.gold_optimum(item)
        gold_has_optimum = gstatus == "optimal" and gobj is not None
        metrics["gold_optimal"] = float(gold_has_optimum)
        if gobj is not None:
            metrics["gold_optimum"] = gobj

        def same_outcome(status: str, objective: float | None) -> bool:
            # A gold LP without an optimum (the word problem is infeasible or unbounded as annotated)
            # is matched by the same status, as answer suites treat "No Best Solution".
            if gold_has_optimum:
                return status == "optimal" and objective_matches(objective, gobj)
            return status == gstatus

        if result.solution is not None and same_outcome(result.solution.status.value, result.solution.objective):
            metrics["objective_ok_as_typed"] = 1.0
        model, model_error = _as_model(result.model)
        if model_error:
            return fail("model_error", f"the model cannot be read: {model_error}")
        if model is None:
            why = result.error or "the result carries no model in the model form"
            return fail("no_model", f"no model to score ({why})")
        try:
            pred, matching = canonical_from_model(model, item.data["columns"])
        except Exception as e:  # a model that cannot be grounded: nothing of it can be scored
            return fail("model_error", f"the model cannot be read: {e}")
        s, s_strict = score_rows(pred, gold), score_rows(pred, gold, strict=True)
        s_scaled = score_rows(pred, gold, scaled=True)
        metrics.update(fp=s.fp, fn=s.fn, fp_strict=s_strict.fp, fp_scaled=s_scaled.fp, fn_scaled=s_scaled.fn,
                       formulation_exact=float(s.fp + s.fn == 0), matched_rows=s.matched_rows,
                       objective_row_ok=float(s.objective_match))
        try:
            sol = solve_relaxation(model, LP_TIME_LIMIT)
        except Exception as e:
            return fail("model_error", f"the relaxed model cannot be solved: {e}")
        if sol.objective is not None:
            metrics["candidate_lp_optimum"] = sol.objective
        if same_outcome(sol.status.value, sol.objective):
            metrics["objective_ok"] = 1.0
            return Verdict(id=item.id, passed=True, category="passed", metrics=metrics)
        formulation = f"; formulation FP {s.fp}, FN {s.fn} (variables matched: {matching})" if s.fp + s.fn else ""
        if not gold_has_optimum:
            return fail("wrong_status", f"the gold LP is {gstatus} ({gmsg or 'as annotated'}); the candidate's "
                        f"LP relaxation is {sol.status.value}{formulation}")
        if sol.status.value != "optimal" or sol.objective is None:
            return fail("no_solution", f"the candidate's LP relaxation is {sol.status.value}: {sol.message}"
                        f"{formulation}")
        return fail("wrong_objective", f"candidate LP optimum {sol.objective:g}, gold {gobj:g}{formulation}")

    def summarize(self, verdicts: list[Verdict]) -> dict[str, Any]:
        counts: dict[str, int] = {}
        num = den = num_strict = num_scaled = 0
        unscored = 0
        for v in verdicts:
            counts[v.category] = counts.get(v.category, 0) + 1
            m = v.metrics
            if "rows" in m:
                d = int(m["rows"])
                num += int(m["fp"] + m["fn"])
                num_strict += int(m["fp_strict"] + m["fn"])
                num_scaled += int(m.get("fp_scaled", d) + m.get("fn_scaled", 0))
                den += d
            elif v.id in self._rows:  # a runner failure: nothing predicted, every declaration missed
                d = self._rows[v.id]
                num, num_strict, num_scaled, den = num + d, num_strict + d, num_scaled + d, den + d
            else:
                unscored += 1
        n = len(verdicts)
        obj_ok = sum(v.metrics.get("objective_ok", 0.0) for v in verdicts)
        typed_ok = sum(v.metrics.get("objective_ok_as_typed", 0.0) for v in verdicts)
        summary: dict[str, Any] = {
            "count": n,
            "formulation_score": formulation_score([(num, 0, den)]) if den else None,
            "formulation_score_strict": formulation_score([(num_strict, 0, den)]) if den else None,
            "formulation_score_scaled": formulation_score([(num_scaled, 0, den)]) if den else None,
            "objective_accuracy": obj_ok / n if n else None,
            "objective_accuracy_as_typed": typed_ok / n if n else None,
            "passed": sum(1 for v in verdicts if v.passed),
            "formulation_exact": int(sum(v.metrics.get("formulation_exact", 0.0) for v in verdicts)),
            "fp_plus_fn": num, "rows": den,
            "gold_without_optimum": int(sum(1 for v in verdicts if v.metrics.get("gold_optimal") == 0.0)),
            "categories": counts,
        }
        summary["accuracy"] = summary["objective_accuracy"]
        if unscored:
            summary["formulation_unscored"] = unscored
        return summary


def _as_model(model: Any) -> tuple[Any, str]:
    """The result's model as a `modeler.ir.Model` (it may arrive as a dict or JSON text), and why not."""
    if model is None:
        return None, ""
    from modeler.ir import Model

    if isinstance(model, Model):
        return model, ""
    try:
        return Model.from_json(model), ""
    except Exception as e:  # (ModelError, or JSON that is not a model at all)
        return None, str(e)


@register
class NL4OptTestSuite(NL4OptSuite):
    name: ClassVar[str] = "nl4opt"
    split: ClassVar[str] = "test"


@register
class NL4OptDevSuite(NL4OptSuite):
    name: ClassVar[str] = "nl4opt-dev"
    split: ClassVar[str] = "dev"
    description: ClassVar[str] = "NL4Opt dev split (99 LP word problems): formulation score and objective accuracy."

"""CP-Bench (DCP-Bench-Open): 164 discrete combinatorial problems, scored by re-solving the ground truth.

How the anchor scores (read in github.com/DCP-Bench/DCP-Bench-Open, eval.py, verify_models.py,
jsonl_convert.py, README "Automated evaluation", docs/ARCHITECTURE_ROADMAP.md):
- A submission is a program per problem (CPMpy / OR-Tools / any Python printing JSON, or MiniZinc). It is
  run with a 60 s limit (SCRIPT_EXECUTION_TIMEOUT); a non-zero exit is a failure, a timeout is a failure.
- The solution is the JSON between the first "{" and the last "}" of stdout. MiniZinc models go through
  the minizinc Python API with Gecode, and `str(result.solution)` is searched the same way, so a MiniZinc
  model prints its solution as JSON from its `output` item (that is what their generated .mzn files do).
- The check program is the problem's default data block + the ground-truth CPMpy model (which solves and
  prints), then `model += (key == value)` for every key of the printed JSON (the key must name a Python
  object of the ground truth, arrays compare element-wise), then `model.solve()` again. It passes when the
  constrained model is satisfiable and, if the model has an objective, when the objective reached equals
  the one the ground truth reached first (its optimum). The check also runs under 60 s.
- Accuracy = problems passing / problems in the dataset. Only the default (first) instance is evaluated:
  every stored verdict says `instances_checked: [0]`; multi-instance evaluation is a planned profile
  ("public-multi-instance-v1" in the roadmap) whose rules are not written down yet.

This suite matches that, with these deliberate differences (each one closes a hole or adds a measure):
- SIA (single-instance accuracy) is the anchor's accuracy: the default data block, as above.
- MIA / AIA are ours, since the anchor does not define them yet. Every JSON instance that differs from
  the default data is scored too, by putting its values in place of the data (the ground truth's
  "# Data ... # End of data" block is replaced; in a candidate the block is replaced when it has one,
  otherwise its top-level literal assignments of the data names, and names it lacks are assigned at
  the top). MIA = 1 when the default and every such instance pass (= SIA when there are none);
  AIA = mean over problems of instances_passed / instances_total.
- A printed solution that lacks a key the ground truth prints is wrong (the anchor only fixes the keys
  printed, so `print("{}")` passes every satisfaction problem there).
- The solution is the last complete JSON object printed (the anchor's first-"{"-to-last-"}" slice fails
  when a program prints two objects, e.g. MiniZinc's intermediate solutions).
- An objective better than the reference's passes (the anchor requires equality; the two differ only
  when the reference did not reach its optimum).
- The check limit is `check_timeout` (default 120 s), raised to twice a problem's "# Timeout:" header;
  the candidate's limit (`timeout`, default 60 s as in eval.py) is raised to that header (one problem,
  cmo_2012, says 120 s: its own reference needs more than 60 s).
- The reference optimum and printed keys are cached per problem and instance (memory, and `cache_dir`
  when given); with a cached reference the check builds the ground truth without solving it.
- MiniZinc candidates run in `solvers.sandbox` (the MiniZinc CLI, Gecode as in the anchor) with
  `--time-limit` = the candidate limit, so, as with minizinc-python's `solve(timeout=...)`, the best
  solution found by then is checked. The solution is the JSON object the output item prints (the
  anchor's contract); when the output item prints something else we take MiniZinc's own JSON of the
  output variables instead (more lenient than the anchor).
- Item.text is the description followed by the default data block: the anchor keeps them in separate
  fields (description, example_instance) and a modeler needs both. `data["description"]` is the bare
  docstring.
- An extra instance on which the ground truth's own solve finds no solution (unsatisfiable, or beyond
  its solver) is left out of MIA/AIA and named in the message; the dataset does not promise them solvable.
- The ground truth's `model` may be a cpmpy solver object (csplib_012_nonogram), used like a Model.
Failure categories: no_solution, execution_error, timeout, wrong_solution, suboptimal (else "passed").
"""

from __future__ import annotations

import hashlib
import json
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any, ClassVar

from benchmarks.suites.base import DataNotFoundError, Item, Suite, Verdict, register
from benchmarks.suites.cpbench_output import (
    extract_solution,
    failure_detail,
    minizinc_solution,
    sandbox_language,
)
from benchmarks.suites.cpbench_parse import (
    read_problem,
    substitute_minizinc_data,
    substitute_python_data,
)
from modeler.result import ModelResult

CATEGORIES = ("passed", "no_solution", "execution_error", "timeout", "wrong_solution", "suboptimal")
_HARNESS = Path(__file__).with_name("cpbench_harness.py")


# An instance the ground truth itself cannot solve (unsatisfiable, or no solution in its own solve) is
# left out of MIA/AIA: the dataset does not promise that extra instances are solvable. Never a verdict.
EXCLUDED = "excluded"


def _cache_key(item: Item, reference_source: str) -> str:
    return f"{item.id}-{hashlib.sha256(reference_source.encode()).hexdigest()[:20]}"


@dataclass
class Outcome:
    """The score of one run on one instance."""

    category: str
    message: str

    @property
    def passed(self) -> bool:
        return self.category == "passed"


def find_dataset(data_dir: Path) -> Path:
    """The folder holding one sub-folder per problem, under `data_dir` (normally $OPTIPILOT_DATA)."""
    for candidate in (data_dir / "cpbench" / "dataset", data_dir / "dataset", data_dir):
        if candidate.is_dir() and any(candidate.glob("*/*.cpmpy.py")):
            return candidate
    raise DataNotFoundError(
        f"No CP-Bench problems under {data_dir}: expected {data_dir / 'cpbench' / 'dataset'}/<id>/<id>.cpmpy.py "
        "(the dataset/ folder of github.com/DCP-Bench/DCP-Bench-Open)."
    )


@register
class CPBenchSuite(Suite):
    name: ClassVar[str] = "cpbench"
    description: ClassVar[str] = (
        "DCP-Bench-Open (CP-Bench): 164 combinatorial problems, solution checked on the ground truth"
    )

    def __init__(
        self,
        timeout: float = 60.0,
        check_timeout: float = 120.0,
        instances: bool = True,
        max_instances: int | None = None,
        cache_dir: str | Path | None = None,
        memory_mb: int = 4096,
    ) -> None:
        self.timeout = timeout  # seconds for the candidate program (the anchor's 60 s)
        self.check_timeout = check_timeout  # seconds for the ground-truth check
        self.instances = instances  # score the extra JSON instances (MIA / AIA)
        self.max_instances = max_instances  # at most this many extra instances per problem
        self.cache_dir = Path(cache_dir) if cache_dir else None
        self.memory_mb = memory_mb
        self._cache: dict[str, dict[str, Any]] = {}
        self._lock = threading.Lock()

    def __getstate__(self) -> dict[str, Any]:
        # workers get the settings and the cache so far; a lock cannot travel, each process makes its own
        return {k: v for k, v in self.__dict__.items() if k != "_lock"}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__dict__.update(state)
        self._lock = threading.Lock()

    # ----------------------------------------------------------------------------------------- items
    def items(self, data_dir: Path) -> list[Item]:
        dataset = find_dataset(Path(data_dir))
        out = []
        for folder in sorted(p for p in dataset.iterdir() if (p / f"{p.name}.cpmpy.py").is_file()):
            prob = read_problem(folder)
            text = prob.description
            if prob.data_block:
                text += f"\n\nData (the default instance):\n```python\n{prob.data_block}\n```"
            out.append(
                Item(
                    id=prob.id,
                    text=text,
                    data={
                        "description": prob.description,
                        "data_block": prob.data_block,
                        "default_data": prob.default_data,
                        "model_code": prob.model_code,
                        "source": prob.source,
                        "instances": prob.instances,
                        "optimization": prob.sense is not None,
                        "sense": prob.sense,
                        "objective": prob.objective,
                        "decision_variables": prob.decision_variables,
                        "printed_keys": prob.printed_keys,
                        "category": prob.category,
                        "metadata": prob.metadata,
                        "reference_timeout": prob.reference_timeout,
                    },
                )
            )
        return out

    def reference(self, item: Item) -> ModelResult:
        return ModelResult(code=item.data["source"], language="cpmpy", status="optimal")

    # ----------------------------------------------------------------------------------------- score
    def score(self, item: Item, result: ModelResult) -> Verdict:
        code = result.code or ""
        if not code.strip():
            why = result.error or "the modeler returned no program"
            return self._verdict(item, Outcome("execution_error", f"No program to run: {why}"), [])
        language = sandbox_language(result.language, code)
        default = self.score_instance(item, code, language, None)
        extra = []
        if self.instances:
            for index, instance in self.extra_instances(item):
                outcome = self.score_instance(item, code, language, instance)
                extra.append((index, outcome))
        return self._verdict(item, default, extra)

    def extra_instances(self, item: Item) -> list[tuple[int, dict[str, Any]]]:
        """(index in the JSON file, instance) for every instance that is not the default data."""
        default = item.data.get("default_data")
        out = []
        for index, instance in enumerate(item.data.get("instances") or []):
            if not isinstance(instance, dict):
                continue
            if default and all(k in instance for k in default):
                if json.loads(json.dumps({k: instance[k] for k in default})) == default:
                    continue
            elif default is None and index == 0:
                continue  # CONTRIBUTING.md: the first instance is the default one
            out.append((index, instance))
        return out[: self.max_instances] if self.max_instances is not None else out

    def score_instance(
        self, item: Item, code: str, language: str, instance: dict[str, Any] | None
    ) -> Outcome:
        """Run the candidate on one instance (None = its own default data) and check its solution."""
        from solvers.sandbox import SandboxError

        try:
            return self._score_instance(item, code, language, instance)
        except SandboxError as e:  # the sandbox itself failed (e.g. no MiniZinc): say so, do not crash
            return Outcome("execution_error", f"The sandbox could not run the program: {e}")

    def _score_instance(
        self, item: Item, code: str, language: str, instance: dict[str, Any] | None
    ) -> Outcome:
        from solvers.sandbox import run

        reference_source = item.data["model_code"]
        program = code
        if instance is not None:
            reference_source = substitute_python_data(reference_source, instance)
            known = self._cached(_cache_key(item, reference_source))
            if known and known.get("unsolved"):  # no need to run the candidate
                return Outcome(EXCLUDED, "Not counted: the ground truth finds no solution on this instance.")
            default = item.data.get("default_data")
            own = {k: v for k, v in instance.items() if k in default} if default else instance
            if language == "minizinc":
                try:
                    program, missing = substitute_minizinc_data(code, own)
                except ValueError as e:
                    return Outcome("execution_error", f"The instance data has no MiniZinc form: {e}")
                if missing:
                    return Outcome(
                        "execution_error",
                        f"The MiniZinc model does not take the instance data: no `{', '.join(missing)} = ...;` to replace",
                    )
            else:
                program = substitute_python_data(code, own)

        limit = max(self.timeout, item.data.get("reference_timeout") or 0)
        if language == "minizinc":
            # As the anchor (minizinc-python's solve(timeout=...)): MiniZinc stops itself at the limit
            # and keeps the best solution found; the sandbox's own limit is only a backstop.
            ms = str(int(limit * 1000))
            res = run(
                program,
                language="minizinc",
                timeout=limit + 10,
                memory_mb=self.memory_mb,
                solver="gecode",
                solver_args=("--time-limit", ms),
            )
        else:
            res = run(program, language="python", timeout=limit, memory_mb=self.memory_mb, warm=True)
        if res.status == "timeout":
            return Outcome("timeout", f"The program ran past the {limit:g} s limit.")
        if res.status != "ok":
            return Outcome("execution_error", f"The program failed ({res.status}): {failure_detail(res)}")
        if language == "minizinc":
            solution, status = minizinc_solution(res.stdout or "")
            if solution is None:
                return Outcome("no_solution", f"MiniZinc printed no solution (status {status}).")
        else:
            solution = extract_solution(res.stdout or "")
        if solution is None:
            tail = (res.stdout or "").strip()[-200:]
            return Outcome("no_solution", f"The program printed no JSON object (output ends with: {tail!r}).")
        return self._check(item, reference_source, solution)

    # ----------------------------------------------------------------------------------------- check
    def _check(self, item: Item, reference_source: str, solution: dict[str, Any]) -> Outcome:
        from solvers.sandbox import run

        key = _cache_key(item, reference_source)
        cached = self._cached(key)
        if cached and cached.get("unsolved"):
            return Outcome(EXCLUDED, "Not counted: the ground truth finds no solution on this instance.")
        program = (
            _HARNESS.read_text(encoding="utf-8")
            + f"\ncheck({reference_source!r}, {solution!r}, {cached['objective'] if cached else None!r}, {cached is not None!r})\n"
        )
        limit = max(self.check_timeout, 2 * (item.data.get("reference_timeout") or 0))
        res = run(program, language="python", timeout=limit, memory_mb=self.memory_mb, warm=True)
        if res.status == "timeout":
            return Outcome(
                "timeout", f"Checking the solution on the ground-truth model ran past {limit:g} s."
            )
        report = extract_solution(res.stdout or "") if res.status == "ok" else None
        if report is None or "status" not in report:
            return Outcome(
                "execution_error", f"The ground-truth check failed ({res.status}): {failure_detail(res)}"
            )
        status = report["status"]
        if status == "reference_unsolved":
            self._store(key, {"unsolved": True})
            return Outcome(EXCLUDED, f"Not counted: {report.get('message')} on this instance.")
        if status == "reference_error":
            return Outcome(
                "execution_error", f"The ground-truth model failed (scorer problem): {report.get('message')}"
            )
        if cached is None:
            cached = {
                "objective": report.get("reference_objective"),
                "keys": report.get("reference_keys") or [],
                "optimization": bool(report.get("optimization")),
            }
            self._store(key, cached)
        if status == "wrong":
            return Outcome("wrong_solution", f"Wrong solution: {report.get('message')}.")
        if status != "sat":
            return Outcome(
                "wrong_solution", "Wrong solution: the printed values violate the problem's constraints."
            )
        missing = [k for k in cached["keys"] if k not in solution]
        if missing:
            return Outcome(
                "wrong_solution", f"Wrong solution: the output lacks {', '.join(map(repr, missing))}."
            )
        if not cached["optimization"]:
            return Outcome("passed", "Valid solution.")
        got, best = report.get("objective"), cached["objective"]
        if got is None or best is None:
            return Outcome("wrong_solution", "Wrong solution: no objective value to compare.")
        if abs(got - best) <= 1e-6 * max(1.0, abs(best)):
            return Outcome("passed", f"Valid and optimal (objective {got}).")
        minimizing = item.data.get("sense") != "maximize"
        if (got > best) == minimizing:
            return Outcome("suboptimal", f"Valid but not optimal: objective {got}, the optimum is {best}.")
        return Outcome("passed", f"Valid, objective {got} is better than the reference's {best}.")

    def _cached(self, key: str) -> dict[str, Any] | None:
        with self._lock:
            if key in self._cache:
                return self._cache[key]
        if self.cache_dir and (self.cache_dir / f"{key}.json").is_file():
            try:
                entry = json.loads((self.cache_dir / f"{key}.json").read_text(encoding="utf-8"))
            except (OSError, ValueError):
                return None
            with self._lock:
                self._cache[key] = entry
            return entry
        return None

    def _store(self, key: str, entry: dict[str, Any]) -> None:
        with self._lock:
            self._cache[key] = entry
        if self.cache_dir:
            self.cache_dir.mkdir(parents=True, exist_ok=True)
            (self.cache_dir / f"{key}.json").write_text(json.dumps(entry), encoding="utf-8")

    # ------------------------------------------------------------------------------------- verdicts
    def _verdict(self, item: Item, default: Outcome, extra: list[tuple[int, Outcome]]) -> Verdict:
        if default.category == EXCLUDED:  # the default instance is promised solvable: a dataset problem
            default = Outcome(
                "execution_error", f"The ground truth fails on its default data: {default.message}"
            )
        excluded = sum(o.category == EXCLUDED for _, o in extra)
        extra = [(i, o) for i, o in extra if o.category != EXCLUDED]
        passed = sum(o.passed for _, o in extra) + default.passed
        total = len(extra) + 1
        mia = default.passed and all(o.passed for _, o in extra)
        message = default.message
        failed = [(i, o) for i, o in extra if not o.passed]
        if extra:
            message += f" Instances: {passed}/{total} passed (default + {len(extra)} from the JSON file)."
        if excluded:
            message += f" {excluded} instance(s) not counted: the ground truth finds no solution there."
        for index, outcome in failed[:3]:
            message += f" Instance {index}: {outcome.category}: {outcome.message}"
        if len(failed) > 3:
            message += f" ({len(failed) - 3} more failed.)"
        return Verdict(
            id=item.id,
            passed=default.passed,
            category=default.category,
            message=message,
            metrics={
                "sia": float(default.passed),
                "mia": float(mia),
                "instances_passed": float(passed),
                "instances_total": float(total),
            },
        )

    def summarize(self, verdicts: list[Verdict]) -> dict[str, Any]:
        n = len(verdicts)

        def mean(values: list[float]) -> float:
            return sum(values) / n if n else 0.0

        categories = dict.fromkeys(CATEGORIES, 0)
        for v in verdicts:
            categories[v.category] = categories.get(v.category, 0) + 1
        sia = mean([v.metrics.get("sia", float(v.passed)) for v in verdicts])
        return {
            "count": n,
            "accuracy": sia,
            "sia": sia,
            "mia": mean([v.metrics.get("mia", float(v.passed)) for v in verdicts]),
            "aia": mean(
                [
                    v.metrics.get("instances_passed", 0.0) / max(1.0, v.metrics.get("instances_total", 1.0))
                    for v in verdicts
                ]
            ),
            "categories": categories,
        }


@register
class CPBenchDefaultInstanceSuite(CPBenchSuite):
    """The same problems and scorer, default instance only: SIA without the MIA/AIA runs (much faster)."""

    name = "cpbench-sia"
    description = "CP-Bench, default instance only (SIA); MIA/AIA not computed"

    def __init__(self, **options: Any) -> None:
        options.setdefault("instances", False)
        super().__init__(**options)

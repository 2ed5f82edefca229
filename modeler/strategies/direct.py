"""The direct strategy (CP-Bench style): the LLM writes a program in a modelling framework, which runs
in the sandbox and prints its solution as one JSON object.

Targets: cpmpy, ortools (CP-SAT in Python), minizinc, pyomo, pulp; prompt variants: basic (the output
contract only), guidelines (+ how to write a good model in the framework), documentation (+ a short
API reference). `execute` runs a program in the sandbox and reads its JSON into a Solution; errors go
back to the LLM through `revise` (self-debug, in modeler.strategies.inference).
"""

from __future__ import annotations

from typing import Any, ClassVar

from modeler.prompts import Prompt, prompt
from modeler.strategies.base import Candidate, Context, StrategyError
from modeler.strategies.inference import LLMStrategy
from modeler.strategies.parsing import extract_code

TARGETS = ("cpmpy", "ortools", "minizinc", "pyomo", "pulp")
VARIANTS = ("basic", "guidelines", "documentation")
DEFAULT_TARGET = "cpmpy"
DEFAULT_VARIANT = "guidelines"
_MZN_STATUS = {"OPTIMAL_SOLUTION": "optimal", "ALL_SOLUTIONS": "optimal", "SATISFIED": "feasible",
               "UNSATISFIABLE": "infeasible", "UNBOUNDED": "unbounded", "UNKNOWN": "timeout", "ERROR": "error"}


def language_of(target: str) -> str:
    """The sandbox language a target's programs are written in."""
    return "minizinc" if target == "minizinc" else "python"


def prompt_for(target: str, variant: str) -> Prompt:
    """The system prompt: the output contract, then the target's basic text, then (by variant) its
    guidelines, then its API reference."""
    if target not in TARGETS:
        raise StrategyError(f"unknown target {target!r}; the direct strategy writes code for: {', '.join(TARGETS)}")
    if variant not in VARIANTS:
        raise StrategyError(f"unknown prompt variant {variant!r}; choose one of: {', '.join(VARIANTS)}")
    parts = [f"direct/{target}.{v}.md" for v in VARIANTS[: VARIANTS.index(variant) + 1]]
    contract = "direct/contract_minizinc.md" if target == "minizinc" else "direct/contract_python.md"
    return prompt(parts[0], contract, *parts[1:])


class DirectStrategy(LLMStrategy):
    name: ClassVar[str] = "direct"
    description: ClassVar[str] = ("The LLM writes a program (CPMpy, OR-Tools, MiniZinc, Pyomo or PuLP) that runs in "
                                  "the sandbox and prints its solution as JSON.")
    produces = "code"

    def __init__(self, variant: str | None = None, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.variant = variant

    def _target(self, ctx: Context) -> str:
        return ctx.target or DEFAULT_TARGET

    def system_prompt(self, ctx: Context) -> Prompt:
        return prompt_for(self._target(ctx), self.variant or ctx.options.get("prompt_variant") or DEFAULT_VARIANT)

    def parse(self, answer: str, ctx: Context) -> Candidate:
        target = self._target(ctx)
        code = extract_code(answer, language_of(target))
        return Candidate(code=code, language=target, notes=f"{target} program written by the LLM")

    def propose(self, problem: str, ctx: Context) -> Candidate:
        system = self.system_prompt(ctx)
        messages = [{"role": "system", "content": system.text},
                    {"role": "user", "content": self.first_message(problem, ctx)}]
        return self.converse(ctx, messages, "code", system)


def execute(candidate: Candidate, timeout: float, memory_mb: int = 4096) -> tuple[Any, str]:
    """Run a program candidate in the sandbox: (Solution or None, error message or "").

    The status is "optimal" when the program printed its JSON (or what the program's own "status" key
    says; MiniZinc's status for MiniZinc models): the generated program's claim, not checked here.
    """
    from solvers.result import Solution, Status
    from solvers.sandbox import SandboxError, run

    target = candidate.language or DEFAULT_TARGET
    lang = language_of(target)
    args = ["--time-limit", str(int(timeout * 1000 * 0.9))] if lang == "minizinc" else []
    try:
        res = run(candidate.code or "", language=lang, timeout=timeout, memory_mb=memory_mb, solver_args=args)
    except SandboxError as e:
        return None, f"the sandbox could not run the program: {e}"
    backend = f"sandbox:{target}"
    if res.status == "timeout":
        return Solution(status=Status.TIMEOUT, backend=backend, solve_time=res.duration,
                        message=f"the program ran past the {timeout:g} s time limit and was stopped"), ""
    if res.status != "ok" or res.json is None:
        return None, _failure_words(res)
    data = dict(res.json)
    if lang == "minizinc":
        objective = data.pop("_objective", None)
        status = _MZN_STATUS.get(str(data.pop("_status", "")), "feasible")
        if status == "feasible" and objective is None:
            status = "optimal"  # a satisfaction problem: a solution is all there is to find
        data = {k: v for k, v in data.items() if not k.startswith("_")}
        if status == "error":
            return None, _failure_words(res)
    else:
        status = str(data.pop("status", "optimal")).lower()
        objective = data.pop("objective", None)
    try:
        st = Status(status)
    except ValueError:
        st = Status.OPTIMAL
    if isinstance(objective, bool) or not isinstance(objective, int | float):
        objective = None
    values, skipped = solution_values(data)
    message = "status as reported by the generated program"
    if skipped:
        message += f"; outputs that are not numbers are not shown: {', '.join(skipped)}"
    return Solution(status=st, objective=objective, values=values, backend=backend, solve_time=res.duration,
                    model_text=candidate.code or "", model_language=lang, message=message), ""


def solution_values(data: dict[str, Any]) -> tuple[dict[str, Any], list[str]]:
    """A program's printed JSON in Solution.values' shape: numbers stay, booleans become 0/1, lists become
    {position: number} ("i" for a list, "i,j" for a list of lists; 0-based). Returns the values and the
    names of outputs that hold something else (text, objects)."""
    values: dict[str, Any] = {}
    skipped: list[str] = []

    def leaves(v: Any, prefix: tuple[int, ...]) -> list[tuple[tuple[int, ...], Any]] | None:
        if isinstance(v, list):
            out: list[tuple[tuple[int, ...], Any]] = []
            for i, x in enumerate(v):
                sub = leaves(x, (*prefix, i))
                if sub is None:
                    return None
                out += sub
            return out
        if isinstance(v, bool):
            return [(prefix, int(v))]
        return [(prefix, v)] if isinstance(v, int | float) else None

    for name, v in data.items():
        found = leaves(v, ())
        if found is None:
            skipped.append(name)
        elif not isinstance(v, list):
            values[name] = found[0][1]
        else:
            values[name] = {",".join(map(str, k)): x for k, x in found}
    return values, skipped


def _failure_words(res: Any) -> str:
    tail = "\n".join((res.stderr or "").strip().splitlines()[-15:])
    if res.status == "memory":
        return "the program ran out of memory (its memory limit was reached)" + (f":\n{tail}" if tail else "")
    if res.status == "output_limit":
        return "the program printed too much output and was stopped; print only the one JSON object"
    if res.status == "ok":
        out = (res.stdout or "").strip()[-500:]
        return ("the program finished but printed no JSON object; print the solution as one JSON object "
                f"with json.dumps. Its output ended with: {out or '(nothing)'}")
    return f"the program failed (exit code {res.exit_code}):\n{tail or '(no error output)'}"

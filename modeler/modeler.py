"""Modeler: run a strategy on a problem, solve what it proposes, and hand back one ModelResult.

    Modeler().solve(text)                                        # offline (or the configured LLM)
    Modeler(llm="openai/gpt-4o-mini", strategy="five_element", samples=3, verify=True).solve(text)
    Modeler(llm=..., strategy="direct", target="cpmpy").solve(text)  # code, run in the sandbox

LLM strategies run inside `modeler.strategies.inference.run`: feedback rounds (self-debug for code,
self-correction for models), optional self-verification and sampling with a majority vote, all
within `budget` and recorded in the result's transcript.
"""

from __future__ import annotations

import json
import os
import time
from pathlib import Path
from typing import Any

from modeler.result import ModelResult
from modeler.strategies.base import Budget, Candidate, Context, Refusal, StrategyError, get_strategy

MAX_PROBLEM_CHARS = 100_000
SCRIPTED_PREFIX = "scripted:"
HOW_TO_CONFIGURE_LLM = (
    "To use an LLM: pass --llm MODEL (e.g. --llm openai/gpt-4o-mini with OPENAI_API_KEY set in the "
    "environment), or set OPTIPILOT_LLM=openai/gpt-4o-mini, or write [llm] model = \"openai/gpt-4o-mini\" "
    "in ./optipilot.toml; any model litellm knows works (ollama/..., anthropic/..., or api_base for an "
    "OpenAI-compatible server).")


class ProblemTextError(ValueError):
    """The problem text itself is unusable (empty, binary, far too long)."""


class Modeler:
    """Words in, a solved model out.

    llm:      None (offline, or whatever OPTIPILOT_LLM / the config file names), a litellm model string,
              "scripted:PATH" (answers replayed from a file, for tests and demos: a JSON list of strings,
              or a directory whose files, in name order, are the answers), or an object with the
              modeler.llm.LLM interface.
    strategy: a name from modeler.strategies.strategy_names(); default "five_element" with an LLM,
              "offline" without.
    target:   the framework the direct strategy writes code for (cpmpy, ortools, minizinc, pyomo, pulp).
    samples, verify: repeated sampling with a majority vote; a self-verification round.
    hints:    give LLM prompts the offline entity tagger's findings as hints.
    backend, time_limit: passed to solvers.solve for model candidates; time_limit (and memory_mb) also
              bound a generated program in the sandbox.
    cache:    False to bypass the LLM response cache.
    Other options (e.g. prompt_variant="documentation", feedback_rounds=2, temperature=0.7) go to the
    strategy and the inference loop.
    """

    def __init__(self, llm: Any = None, strategy: str | None = None, target: str | None = None,
                 samples: int = 1, verify: bool = False, backend: str | None = None,
                 time_limit: float = 60.0, budget: Budget | None = None, hints: bool = False,
                 memory_mb: int = 4096, cache: bool = True, **options: Any):
        self.llm_spec = llm
        self.strategy_name = strategy
        self.target = target
        self.samples = samples
        self.verify = verify
        self.backend = backend
        self.time_limit = time_limit
        self.budget = budget or Budget()
        self.hints = hints
        self.memory_mb = memory_mb
        self.cache = cache
        self.options = options
        self._resolved: tuple[bool, Any] = (False, None)

    # ------------------------------------------------------------------------------------ the LLM
    def llm(self) -> Any:
        """The LLM client this modeler uses (None offline). Raises LLMConfigError for a bad setting."""
        done, llm = self._resolved
        if done:
            return llm
        spec = self.llm_spec
        if spec is None and self.strategy_name == "offline":
            llm = None
        elif isinstance(spec, str) and spec.startswith(SCRIPTED_PREFIX):
            llm = scripted_llm(spec[len(SCRIPTED_PREFIX):])
        elif spec is None or isinstance(spec, str):
            from modeler.llm import resolve_llm

            llm = resolve_llm(spec, cache=self.cache)
        else:
            llm = spec
        self._resolved = (True, llm)
        return llm

    # ------------------------------------------------------------------------------------ solving
    def solve(self, text: str) -> ModelResult:
        t0 = time.perf_counter()
        check_problem_text(text)
        llm = self.llm()
        name = self.strategy_name or ("five_element" if llm is not None else "offline")
        options = {"hints": self.hints, **self.options}
        ctx = Context(llm=llm, target=self.target, budget=self.budget, options=options)
        try:
            strategy = get_strategy(name, **{k: options[k] for k in ("repair_rounds",) if k in options})
            if strategy.needs_llm and llm is None:
                raise StrategyError(f"the {name!r} strategy needs an LLM, and none is configured. "
                                    + HOW_TO_CONFIGURE_LLM + " Or use --strategy offline.")
            if strategy.needs_llm:
                from modeler.strategies.inference import InferenceSettings, run

                settings = InferenceSettings(samples=max(1, self.samples), verify=self.verify,
                                             **{k: options[k] for k in ("temperature", "feedback_rounds",
                                                                        "verify_rounds") if k in options})
                _, result = run(strategy, text, ctx, self.solve_candidate, settings)
            else:
                result = self.solve_candidate(strategy.propose(text, ctx), ctx)
        except Refusal as r:
            advice = "" if llm is not None else " " + HOW_TO_CONFIGURE_LLM
            return ModelResult(status="refused", error=r.reason.rstrip(".") + "." + advice, transcript=ctx.transcript,
                               time=time.perf_counter() - t0, explanation=_confidence_note(r.confidence))
        except StrategyError as e:
            return self._finish(ModelResult(status="error", error=str(e)), ctx, t0)
        return self._finish(result, ctx, t0)

    def _finish(self, result: ModelResult, ctx: Context, t0: float) -> ModelResult:
        """The whole transcript and its totals on the chosen result (samples and rounds included)."""
        result.transcript = ctx.transcript
        result.tokens = sum(e.get("tokens", 0) for e in ctx.transcript)
        result.cost = sum(e.get("cost", 0.0) for e in ctx.transcript)
        result.time = time.perf_counter() - t0
        return result

    def solve_candidate(self, candidate: Candidate, ctx: Context) -> ModelResult:
        """Solve a model candidate with the backends, or run a program candidate in the sandbox."""
        from modeler.ir import ModelError
        from solvers import SolverError, solve

        common = dict(model=candidate.model, code=candidate.code, language=candidate.language,
                      transcript=ctx.transcript, understanding=candidate.understanding)
        if candidate.understanding:
            ctx.note(kind="understanding", step="understanding", items=candidate.understanding)
        if candidate.code is not None:
            return self._run_code(candidate, ctx, common)
        if candidate.model is None:
            return ModelResult(status="error", error="the strategy produced no model", **common)
        t = time.perf_counter()
        try:
            sol = solve(candidate.model, backend=self.backend, time_limit=self.time_limit)
        except (ModelError, SolverError) as e:
            ctx.note(kind="solve", step="solve", status="error", error=str(e), seconds=round(time.perf_counter() - t, 4))
            return ModelResult(status="error", error=str(e), **common)
        ctx.note(kind="solve", step="solve", status=sol.status.value, backend=sol.backend, objective=sol.objective,
                 seconds=round(time.perf_counter() - t, 4))
        return self._result(candidate, sol, common)

    def _run_code(self, candidate: Candidate, ctx: Context, common: dict[str, Any]) -> ModelResult:
        from modeler.strategies.direct import execute

        t = time.perf_counter()
        sol, error = execute(candidate, timeout=self.time_limit, memory_mb=self.memory_mb)
        ctx.note(kind="sandbox", step="run", status=sol.status.value if sol else "error",
                 seconds=round(time.perf_counter() - t, 4), **({"error": error} if error else {}))
        if sol is None:
            return ModelResult(status="error", error=error, **common)
        return self._result(candidate, sol, common)

    @staticmethod
    def _result(candidate: Candidate, sol: Any, common: dict[str, Any]) -> ModelResult:
        from modeler.explain import explain

        return ModelResult(solution=sol, status=sol.status.value,
                           error=sol.message if sol.status.value in ("error", "timeout") else "",
                           explanation=explain(candidate, sol), **common)


def scripted_llm(path: str) -> Any:
    """A ScriptedLLM replaying answers from a file: a JSON list of strings, or a directory whose files
    (in name order) are the answers. For tests and demos; no network."""
    from modeler.llm import LLMConfigError
    from modeler.llm.testing import ScriptedLLM

    p = Path(os.path.expanduser(path))
    if p.is_dir():
        answers = [f.read_text(encoding="utf-8") for f in sorted(p.iterdir()) if f.is_file()]
    elif p.is_file():
        try:
            answers = json.loads(p.read_text(encoding="utf-8"))
        except json.JSONDecodeError as e:
            raise LLMConfigError(f"scripted answers {p}: not JSON ({e}); write a list of answer strings") from None
        if not isinstance(answers, list) or not all(isinstance(a, str) for a in answers):
            raise LLMConfigError(f"scripted answers {p}: expected a JSON list of answer strings")
    else:
        raise LLMConfigError(f"scripted answers {p}: no such file or directory")
    return ScriptedLLM(answers, model=f"scripted/{p.name}")


def check_problem_text(text: Any) -> None:
    if not isinstance(text, str):
        raise ProblemTextError(f"the problem must be text, got {type(text).__name__}")
    if not text.strip():
        raise ProblemTextError("the problem text is empty")
    if len(text) > MAX_PROBLEM_CHARS:
        raise ProblemTextError(f"the problem text is {len(text):,} characters; the limit is {MAX_PROBLEM_CHARS:,}")
    if "\x00" in text:
        raise ProblemTextError("the problem text contains binary data")


def _confidence_note(confidence: float | None) -> str:
    return "" if confidence is None else f"confidence {confidence:.0%}"

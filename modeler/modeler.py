"""Modeler: run a strategy on a problem, solve what it proposes, and hand back one ModelResult."""

from __future__ import annotations

import time
from typing import Any

from modeler.result import ModelResult
from modeler.strategies.base import Budget, Candidate, Context, Refusal, StrategyError, get_strategy

MAX_PROBLEM_CHARS = 100_000


class ProblemTextError(ValueError):
    """The problem text itself is unusable (empty, binary, far too long)."""


class Modeler:
    """Words in, a solved model out.

    llm:      None (offline, or whatever OPTIPILOT_LLM / the config file names), a litellm model string,
              or an object with the modeler.llm.LLM interface.
    strategy: a name from modeler.strategies.strategy_names(); default "offline" without an LLM.
    backend, time_limit: passed to solvers.solve for model candidates.
    """

    def __init__(self, llm: Any = None, strategy: str | None = None, target: str | None = None,
                 samples: int = 1, verify: bool = False, backend: str | None = None,
                 time_limit: float = 60.0, budget: Budget | None = None, **options: Any):
        self.llm_spec = llm
        self.strategy_name = strategy
        self.target = target
        self.samples = samples
        self.verify = verify
        self.backend = backend
        self.time_limit = time_limit
        self.budget = budget or Budget()
        self.options = options

    def _llm(self) -> Any:
        if self.llm_spec is None or isinstance(self.llm_spec, str):
            if self.strategy_name == "offline":
                return None
            try:
                from modeler.llm import resolve_llm
            except ImportError:  # the LLM layer is optional for offline use
                return None
            return resolve_llm(self.llm_spec)
        return self.llm_spec

    def solve(self, text: str) -> ModelResult:
        t0 = time.perf_counter()
        check_problem_text(text)
        llm = self._llm()
        name = self.strategy_name or ("five_element" if llm is not None else "offline")
        ctx = Context(llm=llm, target=self.target, budget=self.budget, options=dict(self.options))
        try:
            strategy = get_strategy(name)
            if strategy.needs_llm and llm is None:
                raise StrategyError(
                    f"the {name!r} strategy needs an LLM: pass --llm MODEL (e.g. openai/gpt-4o-mini, with "
                    "OPENAI_API_KEY set), set OPTIPILOT_LLM, or use --strategy offline")
            candidate = strategy.propose(text, ctx)
        except Refusal as r:
            return ModelResult(status="refused", error=r.reason, transcript=ctx.transcript,
                               time=time.perf_counter() - t0,
                               explanation=_confidence_note(r.confidence))
        except StrategyError as e:
            return ModelResult(status="error", error=str(e), transcript=ctx.transcript, time=time.perf_counter() - t0)
        result = self.solve_candidate(candidate, ctx)
        result.time = time.perf_counter() - t0
        return result

    def solve_candidate(self, candidate: Candidate, ctx: Context) -> ModelResult:
        from modeler.ir import ModelError
        from solvers import SolverError, solve

        tokens = sum(e.get("tokens", 0) for e in ctx.transcript)
        cost = sum(e.get("cost", 0.0) for e in ctx.transcript)
        common = dict(model=candidate.model, code=candidate.code, language=candidate.language,
                      transcript=ctx.transcript, tokens=tokens, cost=cost)
        if candidate.model is None:
            return ModelResult(status="error", error="the strategy produced no model", **common)
        try:
            sol = solve(candidate.model, backend=self.backend, time_limit=self.time_limit)
        except (ModelError, SolverError) as e:
            return ModelResult(status="error", error=str(e), **common)
        from modeler.explain import explain

        return ModelResult(solution=sol, status=sol.status.value, error=sol.message if sol.status.value == "error" else "",
                           explanation=explain(candidate, sol), **common)


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

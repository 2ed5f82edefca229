"""How the LLM strategies talk to the LLM, and the inference loop that wraps any of them.

- `ask`: one LLM call, checked against the budget first and recorded in the transcript (tokens, cost,
  latency, cache hit, prompt version); LLM errors become StrategyError with the client's message.
- `LLMStrategy`: what the LLM strategies share: building the first user message (with optional entity
  hints), a parse-and-repair conversation (`converse`), and revising a candidate after feedback.
- `run`: propose -> evaluate (solve or run in the sandbox) -> feed errors back (self-debug: execution
  errors; self-correction: grounding errors, infeasibility with the conflicting constraints in words,
  unboundedness) -> optionally self-verify (the LLM checks the model against the text, answers OK or
  FIXED with a correction) -> with samples > 1, all of that k times with distinct sample indices and a
  majority vote on the objective.
Everything is bounded by the context's budget and recorded in its transcript.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any

from modeler.prompts import Prompt, entity_hints, prompt
from modeler.strategies.base import Candidate, Context, Strategy, StrategyError
from modeler.strategies.parsing import AnswerFormatError, extract_code, extract_json, verdict

Messages = list[dict[str, str]]
Evaluate = Callable[[Candidate, Context], Any]  # -> modeler.result.ModelResult


class BudgetExhaustedError(StrategyError):
    """The solve's budget (LLM calls, tokens or seconds) is spent."""


# ------------------------------------------------------------------------------------- one LLM call


def budget_left(ctx: Context, step: str) -> None:
    """Raise BudgetExhaustedError when another LLM call would go past the budget."""
    b = ctx.budget
    calls = sum(1 for e in ctx.transcript if e.get("kind") == "llm")
    tokens = sum(e.get("tokens", 0) for e in ctx.transcript)
    elapsed = time.monotonic() - ctx.started
    spent = ""
    if calls >= b.max_calls:
        spent = f"{calls} of {b.max_calls} LLM calls used"
    elif tokens >= b.max_tokens:
        spent = f"{tokens:,} of {b.max_tokens:,} tokens used"
    elif elapsed >= b.max_seconds:
        spent = f"{elapsed:.0f} of {b.max_seconds:.0f} seconds used"
    if spent:
        raise BudgetExhaustedError(f"the budget for this problem is spent ({spent}) before the {step} step; "
                                   "raise it (Budget(max_calls=..., max_tokens=..., max_seconds=...)) or use "
                                   "fewer samples / repair rounds")


def ask(ctx: Context, messages: Messages, step: str, prompt_used: Prompt | None = None, *,
        json_mode: bool = False, max_tokens: int | None = None) -> str:
    """One LLM call within the budget, recorded in the transcript; returns the answer's text.

    The sample's temperature and index come from ctx.options ("temperature", "sample_index"), so a
    strategy never needs to know whether it runs as one sample of many.
    """
    from modeler.llm import LLMError

    if ctx.llm is None:
        raise StrategyError(f"the {step} step needs an LLM and none is configured")
    budget_left(ctx, step)
    sample = int(ctx.options.get("sample_index", 0))
    event: dict[str, Any] = {"kind": "llm", "step": step, "sample": sample}
    if prompt_used is not None:
        event |= {"prompt": prompt_used.name, "prompt_version": prompt_used.version}
    # no temperature set: the client's own default (e.g. from optipilot.toml) applies
    temperature = ctx.options.get("temperature")
    extra = {} if temperature is None else {"temperature": float(temperature)}
    try:
        r = ctx.llm.complete(messages, max_tokens=max_tokens, json_mode=json_mode, sample_index=sample, **extra)
    except LLMError as e:
        ctx.note(**event, error=str(e), tokens=0, cost=0.0)
        raise StrategyError(f"the LLM call for the {step} step failed: {e}") from e
    ctx.note(**event, model=r.model, tokens=r.prompt_tokens + r.completion_tokens, prompt_tokens=r.prompt_tokens,
             completion_tokens=r.completion_tokens, cost=r.cost, latency=round(r.latency, 4), cached=r.cached,
             finish_reason=r.finish_reason, answer=r.text)
    return r.text


# --------------------------------------------------------------------------------- shared strategy


class LLMStrategy(Strategy):
    """Base of the LLM strategies: conversation with repair rounds, and revision after feedback.

    Subclasses implement `propose` and `system_prompt`; `parse(answer, ctx)` turns an answer into a
    Candidate or raises StrategyError / ModelError (whose message goes back to the LLM to repair).
    """

    needs_llm = True
    produces = "model"  # or "code"
    repair_rounds = 3

    def __init__(self, repair_rounds: int | None = None, **_: Any) -> None:
        if repair_rounds is not None:
            self.repair_rounds = repair_rounds

    # -- the pieces a subclass provides
    def system_prompt(self, ctx: Context) -> Prompt:
        raise NotImplementedError

    def parse(self, answer: str, ctx: Context) -> Candidate:
        raise NotImplementedError

    # -- shared behaviour
    def first_message(self, problem: str, ctx: Context) -> str:
        hints = entity_hints(problem) if ctx.options.get("hints") else ""
        if ctx.options.get("hints") and not hints:
            ctx.note(kind="hints", step="hints", note="no entity hints available (the tagger is missing)")
        return f"Problem:\n{problem.strip()}" + (f"\n\n{hints}" if hints else "")

    def converse(self, ctx: Context, messages: Messages, step: str, prompt_used: Prompt | None = None,
                 parse: Callable[[str, Context], Any] | None = None) -> Any:
        """Ask, parse (with `parse`, default self.parse); when the answer is unusable, send its problems
        back (up to repair_rounds times). Returns what the parser returns."""
        from modeler.ir import ModelError

        parse = parse or self.parse
        messages = list(messages)
        for attempt in range(self.repair_rounds + 1):
            answer = ask(ctx, messages, step if attempt == 0 else f"{step}-repair", prompt_used)
            try:
                return parse(answer, ctx)
            except (ModelError, AnswerFormatError, StrategyError) as e:
                if isinstance(e, StrategyError) and not isinstance(e, AnswerFormatError | RepairableError):
                    raise
                problems = str(e)
                last = ctx.transcript[-1] if ctx.transcript else {}
                if last.get("kind") == "llm" and last.get("finish_reason") == "length":
                    problems += ("\nYour answer was cut off because it was too long: leave out explanations and "
                                 "send only what is asked.")
                ctx.note(kind="repair", step=step, attempt=attempt + 1, problems=problems)
                if attempt == self.repair_rounds:
                    raise StrategyError(f"the LLM's answer for the {step} step is still unusable after "
                                        f"{self.repair_rounds} repair round(s): {problems}") from e
                fix = prompt("repair.md", problems=problems, what=self.what_to_send())
                messages += [{"role": "assistant", "content": answer}, {"role": "user", "content": fix.text}]
        raise AssertionError("unreachable")

    def what_to_send(self) -> str:
        return ("the whole corrected program in one fenced code block" if self.produces == "code"
                else "the whole corrected model in one ```json block")

    def render(self, candidate: Candidate) -> str:
        """The candidate as the LLM would have written it (for revise and verify prompts)."""
        if candidate.code is not None:
            fence = "minizinc" if candidate.language == "minizinc" else "python"
            return f"```{fence}\n{candidate.code}```"
        if candidate.model is not None:
            return f"```json\n{candidate.model.to_json()}\n```"
        return "(nothing)"

    def revise(self, problem: str, candidate: Candidate, feedback: str, ctx: Context) -> Candidate:
        """A corrected candidate after feedback on this one (an error, infeasibility, ...)."""
        system = self.system_prompt(ctx)
        fix = prompt("feedback.md", feedback=feedback, what=self.what_to_send())
        messages = [{"role": "system", "content": system.text},
                    {"role": "user", "content": self.first_message(problem, ctx)},
                    {"role": "assistant", "content": self.render(candidate)},
                    {"role": "user", "content": fix.text}]
        return self.converse(ctx, messages, "revise", system)

    def from_fixed_answer(self, answer: str, like: Candidate, ctx: Context) -> Candidate:
        """The corrected candidate inside a verifier's FIXED answer (same kind as `like`)."""
        from modeler.ir import Model

        if like.code is not None:
            lang = "minizinc" if like.language == "minizinc" else "python"
            return like.model_copy(update={"code": extract_code(answer, lang), "model": None})
        return like.model_copy(update={"model": Model.from_json(extract_json(answer)), "code": None})


class RepairableError(StrategyError):
    """An answer that parses but does not fit (unknown names, missing slots): worth a repair round."""


# ----------------------------------------------------------------------------------- the inference loop


@dataclass
class InferenceSettings:
    samples: int = 1
    temperature: float = 0.7  # for samples > 1 (one sample runs at the context's temperature, default 0)
    verify: bool = False
    verify_rounds: int = 1
    feedback_rounds: int = 2  # self-debug / self-correction rounds after evaluation


def feedback_for(result: Any) -> str | None:
    """Words for the LLM about what went wrong with an evaluated candidate, or None when nothing did."""
    if result.status == "error":
        what = "Running the program" if result.code is not None else "Solving the model"
        return f"{what} failed with this error:\n{result.error}"
    if result.status == "infeasible":
        from solvers.conflicts import describe_conflicts

        why = describe_conflicts(result.solution.conflicts) if result.solution is not None else ""
        return ("The model has no solution: it is infeasible. " + (why + ". " if why else "")
                + "Check these constraints against the problem text: a direction (<= / >=), a coefficient, "
                  "a limit or a bound is probably wrong.")
    if result.status == "unbounded":
        return ("The model is unbounded: the objective can improve without limit. A constraint from the text "
                "is probably missing, or a sign or direction is wrong.")
    return None


def run(strategy: Strategy, problem: str, ctx: Context, evaluate: Evaluate,
        settings: InferenceSettings | None = None) -> tuple[Candidate, Any]:
    """The chosen candidate and its evaluated result (a ModelResult), after feedback, verification, vote."""
    s = settings or InferenceSettings()
    if s.samples <= 1:
        return _one(strategy, problem, ctx, evaluate, s)
    outcomes: list[tuple[int, Candidate, Any]] = []
    errors: list[str] = []
    for k in range(s.samples):
        sctx = replace(ctx, options={**ctx.options, "sample_index": k, "temperature": s.temperature})
        try:
            cand, res = _one(strategy, problem, sctx, evaluate, s)
        except BudgetExhaustedError as e:
            if not outcomes:
                raise
            ctx.note(kind="sample", step="sample", sample=k, error=str(e), note="budget spent: voting on fewer samples")
            break
        except StrategyError as e:
            errors.append(f"sample {k}: {e}")
            ctx.note(kind="sample", step="sample", sample=k, error=str(e))
            continue
        outcomes.append((k, cand, res))
    if not outcomes:
        raise StrategyError("every sample failed: " + "; ".join(errors))
    return vote(outcomes, ctx)


def vote_key(result: Any) -> str | None:
    """What samples vote on: the objective rounded to 6 significant digits, or "solution" without one."""
    sol = result.solution
    if sol is None or not sol.status.has_solution:
        return None
    return "solution" if sol.objective is None else f"{float(sol.objective):.6g}"


def vote(outcomes: list[tuple[int, Candidate, Any]], ctx: Context) -> tuple[Candidate, Any]:
    """Majority vote on the objective; ties go to the group with the most confident candidate, then the
    group that appeared first. Samples with no solution do not vote (all without one: the first wins)."""
    groups: dict[str, list[tuple[int, Candidate, Any]]] = {}
    for item in outcomes:
        key = vote_key(item[2])
        if key is not None:
            groups.setdefault(key, []).append(item)
    if not groups:
        ctx.note(kind="vote", step="vote", votes={}, chosen=None, note="no sample found a solution")
        return outcomes[0][1], outcomes[0][2]

    def conf(item: tuple[int, Candidate, Any]) -> float:
        return item[1].confidence if item[1].confidence is not None else 0.0

    best = max(groups, key=lambda g: (len(groups[g]), max(conf(i) for i in groups[g]), -groups[g][0][0]))
    chosen = max(groups[best], key=lambda i: (conf(i), -i[0]))
    ctx.note(kind="vote", step="vote", votes={g: len(v) for g, v in groups.items()}, chosen=best,
             sample=chosen[0])
    return chosen[1], chosen[2]


def _one(strategy: Strategy, problem: str, ctx: Context, evaluate: Evaluate,
         s: InferenceSettings) -> tuple[Candidate, Any]:
    cand = strategy.propose(problem, ctx)
    res = evaluate(cand, ctx)
    cand, res = _feedback_rounds(strategy, problem, ctx, evaluate, s, cand, res)
    if s.verify and isinstance(strategy, LLMStrategy):
        cand, res = _verify(strategy, problem, ctx, evaluate, s, cand, res)
    return cand, res


def _feedback_rounds(strategy: Strategy, problem: str, ctx: Context, evaluate: Evaluate, s: InferenceSettings,
                     cand: Candidate, res: Any) -> tuple[Candidate, Any]:
    if not isinstance(strategy, LLMStrategy):
        return cand, res
    for rnd in range(1, s.feedback_rounds + 1):
        words = feedback_for(res)
        if words is None:
            break
        ctx.note(kind="feedback", step="self-debug" if cand.code is not None else "self-correct", round=rnd,
                 status=res.status, feedback=words)
        try:
            cand = strategy.revise(problem, cand, words, ctx)
        except BudgetExhaustedError as e:
            res.error = (res.error + "; " if res.error else "") + str(e)
            break
        res = evaluate(cand, ctx)
    return cand, res


def _verify(strategy: LLMStrategy, problem: str, ctx: Context, evaluate: Evaluate, s: InferenceSettings,
            cand: Candidate, res: Any) -> tuple[Candidate, Any]:
    """Self-verification: the LLM checks the candidate against the text; a FIXED answer replaces it when
    the fixed one does at least as well (has a solution, or the original had none)."""
    for rnd in range(1, s.verify_rounds + 1):
        p = prompt("verify.md", problem=problem.strip(), candidate=strategy.render(cand),
                   outcome=_outcome_words(res), what=strategy.what_to_send())
        try:
            answer = ask(ctx, [{"role": "user", "content": p.text}], "verify", p)
        except BudgetExhaustedError as e:
            ctx.note(kind="verify", step="verify", round=rnd, verdict="skipped", note=str(e))
            break
        word = verdict(answer)
        if word != "FIXED":
            ctx.note(kind="verify", step="verify", round=rnd, verdict=word or "unclear")
            break
        try:
            fixed = strategy.from_fixed_answer(answer, cand, ctx)
        except Exception as e:  # noqa: BLE001 - a bad correction is noted and the original kept
            ctx.note(kind="verify", step="verify", round=rnd, verdict="FIXED", used=False,
                     note=f"the correction was unusable: {e}")
            break
        fixed_res = evaluate(fixed, ctx)
        has = fixed_res.solution is not None and fixed_res.solution.status.has_solution
        had = res.solution is not None and res.solution.status.has_solution
        used = has or not had
        ctx.note(kind="verify", step="verify", round=rnd, verdict="FIXED", used=used, status=fixed_res.status)
        if not used:
            break
        cand, res = fixed, fixed_res
    return cand, res


def _outcome_words(res: Any) -> str:
    sol = res.solution
    if sol is None:
        return f"It could not be solved: {res.error or res.status}"
    head = f"Solver status: {sol.status.value}" + (f", objective {sol.objective:g}" if sol.objective is not None else "")
    values = ", ".join(f"{k} = {v}" for k, v in list(sol.values.items())[:30])
    return head + (f". Values: {values}" if values else "")

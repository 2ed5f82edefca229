"""The templates strategy (after Li, Zhang & Mak-Hau 2023): the LLM reads, our code writes the model.

Step 1: the LLM lists the decision variables (JSON). Step 2: it classifies the objective and each
constraint sentence into the scheme's types (bounds on a variable, a sum, a weighted sum or a
proportion; comparisons; logic on yes/no indicators) and fills each type's slots (JSON). The templates
(templates_fill.py, reusable without an LLM) turn the slots into a linear model in the five-element
form, big-M links included. Slot problems go back to the LLM for repair; after solving, infeasibility
or unboundedness sends step 2 back with the feedback.
"""

from __future__ import annotations

import json
from typing import Any, ClassVar

from modeler.prompts import Prompt, prompt
from modeler.strategies.base import Candidate, Context
from modeler.strategies.inference import LLMStrategy
from modeler.strategies.parsing import extract_json
from modeler.strategies.templates_fill import Var, build_model, read_variables


class TemplatesStrategy(LLMStrategy):
    name: ClassVar[str] = "templates"
    description: ClassVar[str] = ("The LLM identifies variables, then classifies each sentence into constraint "
                                  "templates; the templates build a linear model.")
    produces = "model"

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        # step 1's variables and step 2's answer, by the id of the model they built (for `revise`)
        self._steps: dict[int, tuple[list[Var], str]] = {}

    def system_prompt(self, ctx: Context) -> Prompt:
        return prompt("templates.md")

    def what_to_send(self) -> str:
        return "the whole corrected classification (objective and every constraint) in one ```json block"

    def _variables(self, answer: str, ctx: Context) -> list[Var]:
        return read_variables(extract_json(answer))

    def _step2_message(self, problem: str, variables: list[Var], ctx: Context) -> str:
        listed = json.dumps([{"name": v.name, "type": v.type, "lb": v.lb, "ub": v.ub, "description": v.description}
                             for v in variables], indent=1)
        return prompt("templates_step2.md", problem=self.first_message(problem, ctx), variables=listed).text

    def _step2_parser(self, variables: list[Var]) -> Any:
        def parse(answer: str, ctx: Context) -> Candidate:
            from modeler.ir import Model

            model_json, understanding = build_model(variables, extract_json(answer))
            model = Model.from_json(model_json)
            self._steps[id(model)] = (variables, answer)
            return Candidate(model=model, understanding=understanding,
                             notes="linear model filled from constraint templates")
        return parse

    def propose(self, problem: str, ctx: Context) -> Candidate:
        system = self.system_prompt(ctx)
        step1 = prompt("templates_step1.md", problem=self.first_message(problem, ctx))
        variables = self.converse(ctx, [{"role": "system", "content": system.text},
                                        {"role": "user", "content": step1.text}],
                                  "variables", step1, parse=self._variables)
        ctx.note(kind="templates", step="variables", variables=[v.name for v in variables])
        messages = [{"role": "system", "content": system.text},
                    {"role": "user", "content": self._step2_message(problem, variables, ctx)}]
        return self.converse(ctx, messages, "classify", system, parse=self._step2_parser(variables))

    def revise(self, problem: str, candidate: Candidate, feedback: str, ctx: Context) -> Candidate:
        steps = self._steps.get(id(candidate.model))
        if steps is None:  # not built here (e.g. a verifier's correction): revise as a five-element model
            return super().revise(problem, candidate, feedback, ctx)
        variables, answer = steps
        system = self.system_prompt(ctx)
        fix = prompt("feedback.md", feedback=feedback, what=self.what_to_send())
        messages = [{"role": "system", "content": system.text},
                    {"role": "user", "content": self._step2_message(problem, variables, ctx)},
                    {"role": "assistant", "content": answer},
                    {"role": "user", "content": fix.text}]
        return self.converse(ctx, messages, "revise", system, parse=self._step2_parser(variables))

    def render(self, candidate: Candidate) -> str:
        """The step-2 classification behind a model built here (what the LLM wrote and can correct)."""
        steps = self._steps.get(id(candidate.model))
        if steps is None:
            return super().render(candidate)
        return f"```json\n{json.dumps(extract_json(steps[1]), indent=1)}\n```"

    def from_fixed_answer(self, answer: str, like: Candidate, ctx: Context) -> Candidate:
        """A verifier's corrected classification, filled into the templates again."""
        steps = self._steps.get(id(like.model))
        if steps is None:
            return super().from_fixed_answer(answer, like, ctx)
        return self._step2_parser(steps[0])(answer, ctx)

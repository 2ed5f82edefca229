"""The five-element strategy (after LLMOPT): text -> sets, parameters, variables, objective, constraints.

The LLM writes the model in OptiPilot's JSON form (modeler/ir/FORMAT.md); `Model.from_json` checks it
and every issue it finds (each naming the element, the name and the problem) goes back to the LLM for
a bounded number of repair rounds. No code is generated: the solver backends solve the model. After
solving, `modeler.strategies.inference` feeds grounding errors, infeasibility (with the conflicting
constraints in words) and unboundedness back through `revise`.
"""

from __future__ import annotations

from typing import Any, ClassVar

from modeler.prompts import Prompt, prompt
from modeler.strategies.base import Candidate, Context
from modeler.strategies.inference import LLMStrategy
from modeler.strategies.parsing import extract_json


class FiveElementStrategy(LLMStrategy):
    name: ClassVar[str] = "five_element"
    description: ClassVar[str] = "The LLM writes the model's five elements as JSON; the solver backends solve it."
    produces = "model"

    def system_prompt(self, ctx: Context) -> Prompt:
        return prompt("five_element.md")

    def parse(self, answer: str, ctx: Context) -> Candidate:
        from modeler.ir import Model

        data: Any = extract_json(answer)
        if "model" in data and isinstance(data["model"], dict) and "variables" not in data:
            data = data["model"]  # {"model": {...}}: a common wrapping
        model = Model.from_json(data)
        return Candidate(model=model, notes="five-element model written by the LLM")

    def propose(self, problem: str, ctx: Context) -> Candidate:
        system = self.system_prompt(ctx)
        messages = [{"role": "system", "content": system.text},
                    {"role": "user", "content": self.first_message(problem, ctx)}]
        return self.converse(ctx, messages, "model", system)

"""The assistant: from a problem in words to a solved model.

    from modeler import Modeler
    result = Modeler().solve(open("problem.txt").read())      # offline, no LLM needed
    result.status, result.solution.objective, result.model.to_json()

`Modeler(llm="openai/gpt-4o-mini", strategy="five_element")` uses an LLM (see modeler.llm).
"""

from __future__ import annotations

from modeler.modeler import Modeler
from modeler.result import ModelResult

__all__ = ["Modeler", "ModelResult"]

"""The Strategy interface: one way of turning a problem in words into a candidate model or program.

Strategies are registered by name (`offline`, `direct`, `five_element`, `templates`, ...) and found with
`get_strategy(name)`; `modeler.Modeler` runs one, solves what it proposes and explains the result.
"""

from __future__ import annotations

import importlib
import time
from abc import ABC, abstractmethod
from dataclasses import dataclass, field
from typing import Any, ClassVar

from pydantic import BaseModel, ConfigDict, Field


class StrategyError(RuntimeError):
    """A strategy could not produce a candidate; the message says why in words."""


class Refusal(StrategyError):
    """The problem is beyond what this strategy can model reliably (it says so rather than guess)."""

    def __init__(self, reason: str, confidence: float | None = None):
        self.reason = reason
        self.confidence = confidence
        super().__init__(reason)


class Candidate(BaseModel):
    """What a strategy proposes: a model in the five-element form, or a program, or both."""

    model_config = ConfigDict(arbitrary_types_allowed=True)
    model: Any | None = None  # modeler.ir.Model
    code: str | None = None
    language: str | None = None  # for code: "cpmpy", "ortools", "minizinc", "pyomo", "pulp"
    confidence: float | None = None  # 0..1, where the strategy can tell
    understanding: list[dict[str, Any]] = Field(default_factory=list)  # what it read, for the user
    notes: str = ""


@dataclass
class Budget:
    """Limits on one solve; strategies check them before each LLM call."""

    max_calls: int = 20
    max_tokens: int = 200_000
    max_seconds: float = 600.0


@dataclass
class Context:
    llm: Any | None = None  # a modeler.llm.LLM, or None offline
    target: str | None = None  # the framework for code strategies
    budget: Budget = field(default_factory=Budget)
    transcript: list[dict[str, Any]] = field(default_factory=list)
    options: dict[str, Any] = field(default_factory=dict)
    started: float = field(default_factory=time.monotonic)

    def note(self, **event: Any) -> None:
        """Record a step (an LLM call, a solve, a repair) in the transcript."""
        self.transcript.append({"t": round(time.monotonic() - self.started, 4), **event})


class Strategy(ABC):
    name: ClassVar[str]
    needs_llm: ClassVar[bool] = True
    description: ClassVar[str] = ""

    @abstractmethod
    def propose(self, problem: str, ctx: Context) -> Candidate:
        """A candidate for the problem; raises Refusal or StrategyError when it cannot."""


# name -> "module:Class", imported on first use (LLM strategies pull in heavy modules)
_REGISTRY: dict[str, str] = {
    "offline": "modeler.strategies.offline:OfflineStrategy",
    "direct": "modeler.strategies.direct:DirectStrategy",
    "five_element": "modeler.strategies.five_element:FiveElementStrategy",
    "templates": "modeler.strategies.templates:TemplatesStrategy",
}


def register(name: str, target: str) -> None:
    _REGISTRY[name] = target


def strategy_names() -> list[str]:
    return list(_REGISTRY)


def get_strategy(name: str, **kwargs: Any) -> Strategy:
    target = _REGISTRY.get(name)
    if target is None:
        raise StrategyError(f"unknown strategy {name!r}; the strategies are: {', '.join(_REGISTRY)}")
    module, cls = target.split(":")
    return getattr(importlib.import_module(module), cls)(**kwargs)

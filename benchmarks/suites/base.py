"""The Suite interface: a benchmark's items, how one result is scored, and how scores add up.

A suite knows nothing about how results were produced (which LLM, strategy or executor): the runner
hands it a `ModelResult` per item and collects `Verdict`s.
"""

from __future__ import annotations

import os
from abc import ABC, abstractmethod
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, ClassVar

from pydantic import BaseModel, Field

from modeler.result import ModelResult


class DataNotFoundError(RuntimeError):
    """The benchmark data folder is missing or lacks what a suite needs."""


class Item(BaseModel):
    """One problem of a suite."""

    id: str
    text: str  # the problem as a user would give it
    data: dict[str, Any] = Field(default_factory=dict)  # suite-specific ground truth and extras


class Verdict(BaseModel):
    """The score of one result on one item."""

    id: str
    passed: bool
    category: str  # "passed" or a failure category named by the suite
    message: str = ""  # why it failed, in words
    metrics: dict[str, float] = Field(default_factory=dict)  # per-item numbers the summary averages


class Suite(ABC):
    name: ClassVar[str]
    description: ClassVar[str] = ""
    needs_data: ClassVar[bool] = True  # False for suites that generate their items (no data folder needed)

    @abstractmethod
    def items(self, data_dir: Path) -> Iterable[Item]:
        """Every item of the suite, read from the data folder."""

    @abstractmethod
    def score(self, item: Item, result: ModelResult) -> Verdict:
        """Score one result; never raises for a bad result (that is a failed verdict)."""

    @abstractmethod
    def summarize(self, verdicts: list[Verdict]) -> dict[str, Any]:
        """The suite's metrics by name (what goes into summary.json)."""

    def reference(self, item: Item) -> ModelResult | None:
        """The ground-truth result for an item, where the suite has one (used by `bench selfcheck`)."""
        return None

    def solvers(self) -> dict[str, Callable[[Item], ModelResult]]:
        """Solvers this suite runs itself, by name: `bench run SUITE --strategy NAME` uses them.

        Combinatorial suites (TSP, QUBO, robust knapsack, ...) are not solved through the modeler; each
        names its own solvers here. Values must be picklable (module-level functions or
        `functools.partial`s of them) so that worker processes can run them.
        """
        return {}


def data_dir(path: str | os.PathLike[str] | None = None) -> Path:
    """The benchmark data folder: `path`, else $OPTIPILOT_DATA; a clear error when neither works."""
    raw = path if path is not None else os.environ.get("OPTIPILOT_DATA")
    if not raw:
        raise DataNotFoundError(
            "No benchmark data folder: set OPTIPILOT_DATA to the folder holding cpbench/, nl4opt/, ... "
            "(for example `export OPTIPILOT_DATA=../shared/data`) or pass --data DIR."
        )
    p = Path(raw).expanduser()
    if not p.is_dir():
        raise DataNotFoundError(f"Benchmark data folder {p} does not exist (from OPTIPILOT_DATA or --data).")
    return p


_REGISTRY: dict[str, type[Suite]] = {}


def register(cls: type[Suite]) -> type[Suite]:
    """Class decorator: make a suite reachable by its name (`optipilot bench run NAME`)."""
    _REGISTRY[cls.name] = cls
    return cls


def get_suite(name: str, **options: Any) -> Suite:
    """A suite by name, built with `options` (its constructor's settings, e.g. `timeout=30`);
    `answers:PATH` reads a user's question/answer file (see answers.py)."""
    if name.startswith("answers:"):
        from benchmarks.suites.answers import AnswerSuite

        return AnswerSuite.from_spec(name)
    from benchmarks import suites as _suites

    _suites.load_builtin()
    try:
        cls = _REGISTRY[name]
    except KeyError:
        known = ", ".join(sorted(_REGISTRY)) or "none"
        raise KeyError(f"Unknown suite {name!r}; known suites: {known}") from None
    try:
        return cls(**options)
    except TypeError as e:
        raise KeyError(f"suite {name!r} does not take these options {sorted(options)}: {e}") from None


def suite_names() -> list[str]:
    from benchmarks import suites as _suites

    _suites.load_builtin()
    return sorted(_REGISTRY)

"""The typed templates the classifier fills and the assembler turns into a model: an `Objective` and one
`ConstraintSpec` per constraint (kinds as in `classify`'s docstring)."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Objective:
    sense: str  # "max" | "min"
    terms: dict[int, float]
    name: str
    kind: str  # "weighted" (coefficients) | "count" (sum of the variables)
    sentence: str
    said: bool = False  # a count the text asks for in so many words ("the number of trucks")
    factors: set[float] = field(default_factory=set)  # numbers the terms multiply ("$6 per kg" x "30 kg")
    assumed: bool = False  # the text states no goal: read as the most of what each decision earns


@dataclass
class ConstraintSpec:
    kind: str
    sense: str  # "<=" | ">="
    limit: float = 0.0
    terms: dict[int, float] = field(default_factory=dict)  # for linear; var for bounds/ratio: {var: 1}
    x: int | None = None
    y: int | None = None
    param: float | None = None
    sentence: str = ""
    cue: str = ""
    unit: str = ""  # the word after a limit's number ("hours"), as a concept
    share: bool = False  # the limit is a fraction ("at least 40 percent of the gravel"): a blend if its row is
    # in percents too (limit_rows._percent_row)
    guessed: bool = False  # its coefficient group was the one left over, beside a like limit (limit_rows)
    over: tuple[int, ...] = ()  # for a ratio: the variables whose total it is a share of (all when empty)

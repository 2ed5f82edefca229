"""A vote among the taggers' readings: when three distinct taggings agree on an LP outcome, they win.

`read_surest` (the package) reads an unsure text with every tagger and keeps the best reading by `_rank`
(fewest numbers left unused, then the confidence). The confidence is poorly comparable across readings:
a single shape doubt (0.1) decides between two readings that use every number. There, agreement is
the better witness: a model that three differently tagged readings build is likelier what the text
says than a lone one, however sure that one is of itself. Readings vote with the outcome of their
model's LP relaxation (every variable continuous): the status and the optimum to 6 significant
digits, so two readings that differ only in names or in the order of their constraints agree, and an
infeasible text read faithfully three times beats a lone reading that made it feasible.

Why so narrow (measured on NL4Opt dev and six fresh sets with train-only taggers): the taggers learnt
from the same texts and the rules after them are shared, so their slips agree more often than not. A
plain majority over all readings won 1 problem and lost 14; letting it overrule sure readings too lost
19. Here only readings that leave as few numbers unused as the best one vote, and it takes three
distinct taggings (identical taggings give identical readings, so they are one voice) to overturn
`_rank`: that won 1 and lost none. Most texts solve no LP for it: it waits for three distinct
taggings in the top tier of an unsure text.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

# distinct taggings that must agree to overturn `_rank` (two agreeing still lost more than they won)
AGREE = 3
# a word-problem LP solves in a few milliseconds; this only bounds a pathological one
LP_TIME_LIMIT = 5.0


def outvoted(read: list[tuple[Any, ...]], rank: Callable[[Any], tuple[float, ...]]) -> tuple[int, int] | None:
    """`read`: (reading, tagging, ...) tuples, the tagging any hashable form of its span list. The index of the
    reading to keep instead of the best by `rank`, and how many distinct taggings agree with it; None
    when no AGREE of them agree on another outcome than the best one's (most texts: no LP is solved
    unless AGREE distinct taggings could agree)."""
    top = max(rank(r[0])[0] for r in read)
    voters: dict[Any, int] = {}  # one voice per distinct tagging, among the readings using most numbers
    for i, (r, tagging, *_) in enumerate(read):
        if rank(r)[0] == top:
            voters.setdefault(tagging, i)
    if len(voters) < AGREE:
        return None
    outcome = {i: lp_outcome(read[i][0][0]) for i in voters.values()}
    groups: dict[tuple[str, float | None], list[int]] = {}
    for i, o in outcome.items():
        if o[0] != "error":  # a model that cannot be solved shares nothing
            groups.setdefault(o, []).append(i)
    best = max(range(len(read)), key=lambda i: (rank(read[i][0]), -i))  # read_surest's own pick
    win = max(groups.values(), key=len, default=[])
    if len(win) < AGREE or best in win:
        return None
    return max(win, key=lambda i: (rank(read[i][0]), -i)), len(win)


def lp_outcome(model_json: dict[str, Any]) -> tuple[str, float | None]:
    """(status, optimum to 6 significant digits) of a model's LP relaxation; ("error", None) when the
    solver layer cannot take it."""
    from modeler.ir import Model
    from solvers import solve

    d = {**model_json, "variables": _relaxed(model_json.get("variables", {}))}
    try:
        sol = solve(Model.from_json(d), backend=_backend(), time_limit=LP_TIME_LIMIT, explain=False,
                    keep_text=False)
    except Exception:  # a model the solver layer refuses is a reading with no outcome to share
        return "error", None
    return sol.status.value, None if sol.objective is None else float(f"{sol.objective:.6g}")


def _relaxed(variables: Any) -> Any:
    """Copies of the variable declarations made continuous (binary ones kept within 0..1), as the
    benchmarks' `relaxed` does: integrality the text may or may not imply should not split a vote."""
    def relax(body: dict[str, Any]) -> dict[str, Any]:
        body = dict(body)
        if body.get("type") == "binary":
            body["lb"] = 0 if body.get("lb") is None else max(body["lb"], 0)
            body["ub"] = 1 if body.get("ub") is None else min(body["ub"], 1)
        body["type"] = "continuous"
        return body

    if isinstance(variables, dict):
        return {name: relax(body) for name, body in variables.items()}
    return [relax(body) for body in variables]


_BACKEND: list[str | None] = []


def _backend() -> str | None:
    """HiGHS when it is there (a direct API: no modelling-layer overhead), else `solve`'s own choice."""
    if not _BACKEND:
        from solvers.backends import base

        name = None
        for candidate in ("highs", "ortools-mip"):
            try:
                if candidate in base.names() and base.get(candidate).available()[0]:
                    name = candidate
                    break
            except Exception:  # a backend module that fails to load is simply not a choice
                continue
        _BACKEND.append(name)
    return _BACKEND[0]

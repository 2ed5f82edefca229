"""The solution check that runs inside the sandbox: ground-truth model + a candidate's values, re-solved.

This file's source is sent to `solvers.sandbox.run` followed by one call of `check(...)`; it must stay
self-contained (standard library, numpy and cpmpy only, imported inside the function).

What `check` does, following DCP-Bench-Open's eval.py (`get_modified_script`):
1. run the ground-truth program (its stdout hidden) in a fresh namespace: it builds `model`, solves it
   and prints its own solution; the objective value it reaches is the reference optimum. When the
   caller already knows that optimum (cache), `Model.solve` is stubbed during this step so the model is
   only built, not solved.
2. for every key of the candidate's JSON, add `<ground-truth object named key> == value` to `model`,
   element by element for arrays; a key the model does not define, or a value of the wrong shape or
   type, makes the solution wrong (eval.py gets the same outcome through a NameError / numpy error).
3. solve again: satisfiable means the candidate's values are a solution; for an optimisation problem
   the objective reached is compared with the reference by the caller.
It prints one JSON object: {"status": "sat"|"unsat"|"wrong"|"reference_error"|"reference_unsolved", ...}.
"""

from __future__ import annotations

from typing import Any


class _StopReference(Exception):
    """Raised by the stubbed solve when the ground truth solves a second time (loops would never end)."""


def check(source: str, solution: dict[str, Any], ref_objective: float | None, use_cached: bool) -> None:
    import contextlib
    import io
    import json
    import traceback

    import cpmpy as cp
    import numpy as np
    from cpmpy.expressions.core import Expression

    def emit(**fields: Any) -> None:
        print(json.dumps(fields, default=lambda o: o.item() if hasattr(o, "item") else str(o)))

    real_solve = cp.Model.solve
    calls = {"n": 0}

    def stub_solve(self: Any, *args: Any, **kwargs: Any) -> bool:
        calls["n"] += 1
        if calls["n"] > 1:
            raise _StopReference
        return True

    namespace: dict[str, Any] = {"__name__": "__main__", "__file__": "reference.py"}
    printed = io.StringIO()
    if use_cached:
        cp.Model.solve = stub_solve  # type: ignore[method-assign]
    try:
        with contextlib.redirect_stdout(printed):
            exec(compile(source, "reference.py", "exec"), namespace)  # noqa: S102 - the dataset's model
    except _StopReference:
        pass
    except Exception:
        # With the stub, printing an unsolved model may fail after the model is complete: that is fine.
        if not (use_cached and calls["n"] > 0):
            emit(status="reference_error", message=traceback.format_exc(limit=3)[-1500:])
            return
    finally:
        cp.Model.solve = real_solve  # type: ignore[method-assign]

    from cpmpy.solvers.solver_interface import SolverInterface

    # `model` is a cpmpy Model, or (csplib_012_nonogram) a solver object used the same way.
    kinds = (cp.Model, SolverInterface)
    model = namespace.get("model")
    if not isinstance(model, kinds):
        models = [v for v in namespace.values() if isinstance(v, kinds)]
        if len(models) != 1:
            emit(status="reference_error", message="the ground-truth program has no single `model` object")
            return
        model = models[0]
    has_objective = bool(model.has_objective())
    reference = ref_objective
    reference_keys: list[str] = []
    if not use_cached:
        solved = model.status().exitstatus.name in ("OPTIMAL", "FEASIBLE")
        if not solved:  # the instance is unsatisfiable, or too hard for the reference's own solve
            emit(
                status="reference_unsolved", message=f"the ground truth ends {model.status().exitstatus.name}"
            )
            return
        reference = model.objective_value() if has_objective else None
        if has_objective and reference is None:
            emit(status="reference_error", message="the ground-truth model found no solution")
            return
        reference_keys = _last_json_keys(printed.getvalue())

    def wrong(message: str) -> None:
        emit(
            status="wrong",
            message=message,
            reference_objective=reference,
            reference_keys=reference_keys,
            optimization=has_objective,
        )

    constraints: list[Any] = []
    for key, value in solution.items():
        if key not in namespace or key.startswith("__"):
            return wrong(f"the key {key!r} is not a variable or expression of the reference model")
        target = namespace[key]
        if isinstance(target, dict):
            if not isinstance(value, dict):
                return wrong(f"{key!r} should be an object (mapping), got {type(value).__name__}")
            pairs = [(f"{key}[{k!r}]", target[k], value.get(str(k), value.get(k))) for k in target]
            if set(map(str, target)) != set(map(str, value)):
                return wrong(
                    f"{key!r} has keys {sorted(map(str, value))}, expected {sorted(map(str, target))}"
                )
        else:
            pairs = [(key, target, value)]
        for name, tgt, val in pairs:
            problem = _fix(name, tgt, val, constraints, np, Expression)
            if problem:
                return wrong(problem)
    if constraints:
        model += constraints
    try:
        sat = real_solve(model) if isinstance(model, cp.Model) else model.solve()
    except Exception:
        return wrong(
            "the values cannot be put into the reference model: " + traceback.format_exc(limit=1)[-600:]
        )
    emit(
        status="sat" if sat else "unsat",
        objective=model.objective_value() if (sat and has_objective) else None,
        reference_objective=reference,
        reference_keys=reference_keys,
        optimization=has_objective,
    )
    return None


def _fix(name: str, target: Any, value: Any, out: list[Any], np: Any, expression_type: type) -> str:
    """Append `target == value` constraints to `out`; return why the value does not fit ('' when it does)."""
    if isinstance(target, list | tuple | np.ndarray):
        try:
            tgt = np.asarray(target, dtype=object)
        except ValueError:
            return f"the reference object {name!r} is not a regular array"
    else:
        tgt = np.empty((), dtype=object)
        tgt[()] = target
    if isinstance(value, list):
        try:
            val = np.array(value, dtype=object)
        except ValueError:
            return f"{name!r} is a ragged list, expected shape {tgt.shape}"
    else:
        val = np.empty((), dtype=object)
        val[()] = value
    if val.shape != tgt.shape:
        return f"{name!r} has shape {val.shape}, expected {tgt.shape}"
    for t, v in zip(tgt.flat, val.flat, strict=True):
        if isinstance(v, list | dict) or v is None:
            return f"{name!r} holds {v!r} where a number was expected"
        if isinstance(t, expression_type):
            if isinstance(v, str):
                return f"{name!r} holds the string {v!r} where a number was expected"
            if isinstance(v, float):
                if not v.is_integer():
                    return f"{name!r} holds {v!r}, not an integer"
                v = int(v)
            out.append(t == v)
        elif t != v and not (isinstance(t, str) is isinstance(v, str) and str(t) == str(v)):
            return f"{name!r} is {v!r} but the problem fixes it to {t!r}"
    return ""


def _last_json_keys(text: str) -> list[str]:
    """Keys of the last top-level JSON object in a program's output (the reference's own solution)."""
    import json

    decoder = json.JSONDecoder()
    found: list[str] = []
    at = text.find("{")
    while at >= 0:
        try:
            obj, end = decoder.raw_decode(text, at)
        except ValueError:
            at = text.find("{", at + 1)
            continue
        if isinstance(obj, dict):
            found = list(obj)
        at = text.find("{", end)
    return found

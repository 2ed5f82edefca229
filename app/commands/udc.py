"""`optipilot udc solve`: a thin shell over solvers.udc (neural divide-and-conquer), mounted by app/cli.py.

    optipilot udc solve tsp $OPTIPILOT_DATA/tsp/tsp500_test.zip --instance 2 --rounds 20
    optipilot udc solve cvrp --random 500 --seed 1 --baseline
    optipilot udc solve kp items.json --json
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.table import Table

udc_app = typer.Typer(
    name="udc",
    help="UDC: neural divide-and-conquer for large TSP, CVRP and knapsack.",
    no_args_is_help=True,
    add_completion=False,
)
out = Console()
err = Console(stderr=True)


@udc_app.callback()
def _group() -> None:
    """UDC: neural divide-and-conquer for large TSP, CVRP and knapsack."""


def _fail(message: str) -> typer.Exit:
    err.print(f"[bold red]error:[/bold red] {message}", highlight=False)
    return typer.Exit(2)


def _baseline(problem: str, inst: Any, seconds: float) -> dict[str, Any]:
    """The classical reference for the problem: LKH-3 (TSP), PyVRP at the same time (CVRP), the exact
    optimum (knapsack)."""
    if problem == "tsp":
        from solvers.tsp import solve_lkh

        r = solve_lkh(inst.coords)
        return {"name": "LKH-3", "objective": r.length, "time": r.time, "settings": r.settings}
    from solvers.udc import reference

    if problem == "cvrp":
        return reference.pyvrp_cvrp(inst, time_limit=max(seconds, 1.0))
    return reference.exact_kp(inst)


def _plain(value: Any) -> Any:
    """JSON for NumPy values: arrays as lists, scalars as numbers."""
    return value.tolist() if hasattr(value, "tolist") else float(value)


@udc_app.command("solve")
def solve_command(
    problem: Annotated[str, typer.Argument(help="tsp, cvrp or kp.")],
    file: Annotated[Path | None, typer.Argument(help="Instance file (see solvers/udc/io.py for the formats).")] = None,
    random_n: Annotated[int | None, typer.Option("--random", min=3, help="Solve a random instance of size N instead.")] = None,
    instance: Annotated[int, typer.Option("--instance", min=0, help="Which line of a TSP test-set file (0-based).")] = 0,
    rounds: Annotated[int | None, typer.Option("--rounds", min=0, help="Conquering rounds (default: the problem's).")] = None,
    time_limit: Annotated[float | None, typer.Option("--time", help="Stop conquering after this many seconds.")] = None,
    seed: Annotated[int, typer.Option("--seed", help="Random seed (instance and sampling).")] = 0,
    baseline: Annotated[bool, typer.Option("--baseline", help="Also run the classical reference and report the gap.")] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print the result as JSON.")] = False,
) -> None:
    """Solve one instance: the dividing policy's first solution, then conquering rounds."""
    from solvers.udc import UDCInputError, random_instance, solve
    from solvers.udc.io import read_instance

    try:
        if problem not in ("tsp", "cvrp", "kp"):
            raise UDCInputError(f"unknown problem {problem!r}: choose tsp, cvrp or kp")
        if (file is None) == (random_n is None):
            raise UDCInputError("give either FILE or --random N")
        inst = random_instance(problem, random_n, seed) if random_n is not None else read_instance(problem, file, instance)  # type: ignore[arg-type]
        res = solve(inst, rounds=rounds, time_limit=time_limit, seed=seed)
        ref = _baseline(problem, inst, res.time) if baseline else None
    except UDCInputError as e:
        raise _fail(str(e)) from None

    maximise = problem == "kp"
    report: dict[str, Any] = {
        "problem": problem, "instance": inst.name, "n": inst.n, "objective": res.objective,
        "initial_objective": res.initial_objective, "rounds": len(res.history), "time": res.time,
        "timings": res.timings, "seed": seed,
    }
    if ref is not None:
        gap = (ref["objective"] / res.objective - 1.0) if maximise else (res.objective / ref["objective"] - 1.0)
        report.update({"baseline": ref, "gap": gap})
    if as_json:
        sol = res.solution
        report["solution"] = sol.tolist() if hasattr(sol, "tolist") else sol
        typer.echo(json.dumps(report, indent=2, default=_plain))
        return
    t = Table(title=f"UDC {problem} {inst.name} (n = {inst.n})")
    t.add_column("")
    t.add_column("value", justify="right")
    label = "packed value" if maximise else "length"
    t.add_row(f"{label} after dividing", f"{res.initial_objective:.6f}")
    t.add_row(f"{label} after {len(res.history)} rounds", f"{res.objective:.6f}")
    t.add_row("time (s)", f"{res.time:.2f}")
    for stage, sec in res.timings.items():
        t.add_row(f"  {stage} (s)", f"{sec:.3f}")
    if ref is not None:
        t.add_row(f"{ref['name']} {label}", f"{ref['objective']:.6f}")
        t.add_row(f"{ref['name']} time (s)", f"{ref['time']:.2f}")
        t.add_row("gap", f"{report['gap']:.3%}")
    out.print(t)

"""`optipilot robust solve knapsack FILE` / `optipilot robust solve capital FILE|--random N`: two-stage
robust optimization with Neur2RO (or exact CCG)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

robust_app = typer.Typer(no_args_is_help=True, add_completion=False)
console = Console()
err = Console(stderr=True)


@robust_app.command("solve")
def solve_cmd(
    problem: Annotated[str, typer.Argument(help="knapsack (robust knapsack of Arslan & Detienne) or capital "
                                                "(robust capital budgeting, Subramanyam et al.)")],
    file: Annotated[Path | None, typer.Argument(help="An instance file: knapsack in the data README's format, "
                                                     "capital as JSON (c_bar, r_bar, phi, psi, budget, ...).")] = None,
    random: Annotated[int | None, typer.Option("--random", help="capital: solve a generated instance with N "
                                                                "projects instead of a file.")] = None,
    seed: Annotated[int, typer.Option(help="Seed for --random.")] = 0,
    loans: Annotated[bool, typer.Option("--loans", help="capital with --random: allow loans (exact-ccg).")] = False,
    time_limit: Annotated[float, typer.Option("--time-limit", help="Seconds for the solver.")] = 30.0,
    method: Annotated[str, typer.Option(help="neur2ro (learned value function) or exact-ccg.")] = "neur2ro",
    as_json: Annotated[bool, typer.Option("--json", help="Print the result as JSON.")] = False,
) -> None:
    """Choose the first-stage decisions; the profit shown is the worst case of that choice."""
    from dataclasses import asdict

    from solvers.neur2ro import RobustInputError, read_instance, solve

    try:
        if problem not in ("knapsack", "capital"):
            raise RobustInputError(f"unknown problem {problem!r}: knapsack or capital")
        if (file is None) == (random is None) or (random is not None and problem != "capital"):
            raise RobustInputError("give an instance FILE, or (capital only) --random N")
        if problem == "knapsack":
            inst = read_instance(file)
        elif random is not None:
            import numpy as np

            from solvers.neur2ro.capital import generate_instance

            inst = generate_instance(np.random.default_rng(seed), random, loans=loans,
                                     name=f"CB_n{random}_xi4_seed{seed}")
        else:
            from solvers.neur2ro.capital import read_instance as read_capital

            inst = read_capital(file)
        r = solve(inst, method=method, time_limit=time_limit)
    except RobustInputError as e:
        err.print(f"[red]error:[/red] {e}", highlight=False)
        raise typer.Exit(2) from None
    if as_json:
        typer.echo(json.dumps(asdict(r), indent=2))
        return
    chosen = [i for i, v in enumerate(r.x) if v]
    if problem == "knapsack":
        console.print(f"[bold]{inst.name}[/bold] ({inst.n} items, Gamma {inst.gamma:g}) with {r.method}")
    else:
        console.print(f"[bold]{inst.name}[/bold] ({inst.n} projects, {inst.k} risk factors, budget "
                      f"{inst.budget:,.2f}{', loans' if inst.loans else ''}) with {r.method}")
    console.print(f"worst-case profit [bold]{r.profit:,.2f}[/bold] in {r.time:.1f} s, {r.iterations} CCG iteration(s)"
                  + (" (proven optimal)" if r.optimal else ""))
    what = "items committed" if problem == "knapsack" else "projects started now"
    console.print(f"{what} in the first stage ({len(chosen)}): {chosen}")
    loan = next((h["loan"] for h in r.history if "loan" in h), None)
    if loan is not None:
        console.print(f"first-stage loan: {loan:,.3f}")

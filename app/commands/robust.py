"""`optipilot robust solve knapsack FILE`: two-stage robust knapsack with Neur2RO (or exact CCG)."""

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
    problem: Annotated[str, typer.Argument(help="knapsack (the two-stage robust knapsack of Arslan & Detienne)")],
    file: Annotated[Path, typer.Argument(help="An instance file in the format of the data's README.")],
    time_limit: Annotated[float, typer.Option("--time-limit", help="Seconds for the solver.")] = 30.0,
    method: Annotated[str, typer.Option(help="neur2ro (learned value function) or exact-ccg.")] = "neur2ro",
    as_json: Annotated[bool, typer.Option("--json", help="Print the result as JSON.")] = False,
) -> None:
    """Choose the first-stage items; the profit shown is the exact worst case of that choice."""
    from dataclasses import asdict

    from solvers.neur2ro import RobustInputError, read_instance, solve

    try:
        if problem != "knapsack":
            raise RobustInputError(f"unknown problem {problem!r}: only knapsack is available")
        inst = read_instance(file)
        r = solve(inst, method=method, time_limit=time_limit)
    except RobustInputError as e:
        err.print(f"[red]error:[/red] {e}", highlight=False)
        raise typer.Exit(2) from None
    if as_json:
        typer.echo(json.dumps(asdict(r), indent=2))
        return
    chosen = [i for i, v in enumerate(r.x) if v]
    console.print(f"[bold]{inst.name}[/bold] ({inst.n} items, Gamma {inst.gamma:g}) with {r.method}")
    console.print(f"worst-case profit [bold]{r.profit:,.2f}[/bold] in {r.time:.1f} s, {r.iterations} CCG iteration(s)"
                  + (" (proven optimal)" if r.optimal else ""))
    console.print(f"items committed in the first stage ({len(chosen)}): {chosen}")

"""`optipilot qubo solve mdkp|mis|tsp FILE|--random ...`: the QUBO solvers from the command line."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

qubo_app = typer.Typer(no_args_is_help=True, add_completion=False)
console = Console()
err = Console(stderr=True)


@qubo_app.command("solve")
def solve_cmd(
    kind: Annotated[str, typer.Argument(help="mdkp, mis or tsp")],
    file: Annotated[Path | None, typer.Argument(help="Problem JSON (see solvers/qubo/problems.py).")] = None,
    random_n: Annotated[int | None, typer.Option("--random", help="A random instance with N items/vertices/cities.")] = None,
    m: Annotated[int, typer.Option(help="MDKP constraints (with --random).")] = 5,
    tightness: Annotated[float, typer.Option(help="MDKP tightness (with --random).")] = 0.5,
    p: Annotated[float, typer.Option("--p", help="MIS edge probability (with --random).")] = 0.1,
    seed: Annotated[int, typer.Option(help="Seed for the instance and the sampler.")] = 0,
    encoding: Annotated[str, typer.Option(help="slack, lagrangian, or penalty (MIS only).")] = "lagrangian",
    method: Annotated[str, typer.Option(help="subgradient, bundle, cutting-plane or alm.")] = "subgradient",
    sampler: Annotated[str, typer.Option(help="sa, tabu, exact or qaoa.")] = "sa",
    iterations: Annotated[int, typer.Option(help="Sampler calls.")] = 20,
    reads: Annotated[int, typer.Option(help="Reads per sampler call.")] = 20,
    penalty: Annotated[float | None, typer.Option(help="Penalty weight (slack/penalty encodings).")] = None,
    warm_start: Annotated[str, typer.Option(help="MDKP multipliers start at the LP duals (lp) or at zero.")] = "lp",
    feasible_step: Annotated[float, typer.Option(help="Subgradient: scale of steps taken from a feasible sample (0, 1].")] = 1.0,
    rho: Annotated[float | None, typer.Option(help="ALM: starting penalty rho (default: scaled to the problem).")] = None,
    exact: Annotated[bool, typer.Option("--exact", help="Also solve with CP-SAT and show the gap.")] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print the result as JSON.")] = False,
) -> None:
    """Solve an MDKP, MIS or small TSP as a QUBO on a sampler; slack-free Lagrangian by default."""
    from dataclasses import asdict

    from solvers.qubo import (
        QUBOInputError,
        exact_optimum,
        gap,
        generate_mdkp,
        generate_mis,
        generate_tsp,
        read_problem,
        solve,
    )

    try:
        if kind not in ("mdkp", "mis", "tsp"):
            raise QUBOInputError(f"unknown problem {kind!r}: use mdkp, mis or tsp")
        if (file is None) == (random_n is None):
            raise QUBOInputError("give a problem FILE or --random N (one of the two)")
        if file is not None:
            problem = read_problem(file)
            if problem.kind != kind:
                raise QUBOInputError(f"{file} holds a {problem.kind} problem, not {kind}")
        elif kind == "mdkp":
            problem = generate_mdkp(random_n, m, tightness, seed)
        elif kind == "mis":
            problem = generate_mis(random_n, p, seed)
        else:
            problem = generate_tsp(random_n, seed)
        r = solve(problem, encoding, method, sampler, iterations=iterations, reads=reads, penalty=penalty, seed=seed,
                  warm_start=warm_start, feasible_step=feasible_step, rho=rho)
        ref = exact_optimum(problem) if exact else None
    except QUBOInputError as e:
        err.print(f"[red]error:[/red] {e}", highlight=False)
        raise typer.Exit(2) from None
    out = asdict(r)
    if ref is not None:
        out.update(reference=ref[0], reference_proven=ref[1], gap=gap(problem, r.objective, ref[0]))
    if as_json:
        typer.echo(json.dumps(out, indent=2))
        return
    t = Table(title=f"{problem.name}: {encoding}" + (f" / {r.method}" if r.method else "") + f" on {r.sampler}")
    t.add_column("")
    t.add_column("value")
    rows = [("binary variables", r.num_variables), ("feasible solution", "yes" if r.feasible else "no"),
            ("best objective", r.objective), ("feasibility rate (as sampled)", f"{r.feasibility_rate:.1%}"),
            ("sampler calls x reads", f"{r.sampler_calls} x {reads}"), ("time", f"{r.time:.2f} s")]
    if ref is not None:
        rows += [("CP-SAT reference", f"{ref[0]:g}" + ("" if ref[1] else " (not proven optimal)")),
                 ("gap", "-" if out["gap"] is None else f"{out['gap']:.2%}")]
    for k, v in rows:
        t.add_row(k, str(v))
    console.print(t)

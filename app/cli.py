"""The `optipilot` command line: a thin shell over the Python API (no logic of its own lives here)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

app = typer.Typer(
    name="optipilot",
    help="From a problem in plain words to a solved optimization model.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
console = Console()
err_console = Console(stderr=True)

EXAMPLES = Path(__file__).resolve().parent.parent / "modeler" / "examples"


def _fail(message: str, code: int = 2) -> typer.Exit:
    from app.console_report import print_error

    print_error(err_console, message)
    return typer.Exit(code)


@app.command()
def backends(
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON instead of a table.")] = False,
) -> None:
    """List the solver backends, whether each is usable here, and its version."""
    from solvers import list_backends

    infos = list_backends()
    if as_json:
        typer.echo(json.dumps([vars(i) for i in infos], indent=2))
        return
    t = Table(title="Solver backends")
    for col in ("backend", "usable", "version", "what it solves"):
        t.add_column(col)
    for i in infos:
        t.add_row(i.name, "[green]yes[/green]" if i.available else "[red]no[/red]", i.version, i.description)
    console.print(t)


@app.command("solve-model")
def solve_model(
    model_file: Annotated[Path | None, typer.Argument(help="A model in the five-element JSON form (- for stdin).")] = None,
    example: Annotated[str | None, typer.Option(help="Solve a shipped example model instead (e.g. furniture).")] = None,
    backend: Annotated[str | None, typer.Option("--backend", "-b", help="Backend name (see `optipilot backends`); default: chosen by model kind.")] = None,
    time_limit: Annotated[float, typer.Option("--time-limit", "-t", help="Seconds the solver may use.")] = 60.0,
    as_json: Annotated[bool, typer.Option("--json", help="Print the result as JSON.")] = False,
    show_model: Annotated[bool, typer.Option("--show-model", help="Also print the generated model text.")] = False,
    show_all: Annotated[bool, typer.Option("--all", help="Show variables at zero too.")] = False,
) -> None:
    """Solve a model written in OptiPilot's model form and report the solution."""
    from modeler.ir import Model, ModelError
    from solvers import SolverError, solve

    if example:
        model_file = EXAMPLES / f"{example}.json"
        if not model_file.exists():
            known = ", ".join(sorted(p.stem for p in EXAMPLES.glob("*.json")))
            raise _fail(f"no example named {example!r}; the examples are: {known}")
    if model_file is None:
        raise _fail("give a model file (or - for standard input), or --example NAME")
    try:
        if str(model_file) == "-":
            import sys

            model = Model.from_json(sys.stdin.read())
        elif not model_file.exists():
            raise _fail(f"no such file: {model_file}")
        else:
            model = Model.load(model_file)
        sol = solve(model, backend=backend, time_limit=time_limit, keep_text=show_model)
    except ModelError as e:
        raise _fail(str(e)) from None
    except SolverError as e:
        raise _fail(str(e)) from None

    if as_json:
        out = sol.model_dump(mode="json", exclude={"model_text", "model_language"} if not show_model else set())
        typer.echo(json.dumps(out, indent=2))
    else:
        from app.console_report import model_tables, model_text_panel, solution_view

        console.print(model_tables(model))
        console.print()
        console.print(solution_view(sol, show_zeros=show_all))
        if show_model and sol.model_text:
            console.print(model_text_panel(sol.model_text, sol.model_language))
    if sol.status.value == "error":
        raise typer.Exit(1)


# Command groups: (module under app.commands, Typer attribute, command name, help). Each module keeps its
# heavy imports inside the commands, so mounting them all costs little at start-up.
_GROUPS = (
    ("bench", "bench_app", "bench", "Run, score and compare benchmark suites."),
    ("tsp", "tsp_app", "tsp", "Large TSP: heatmap + MCTS, compared with LKH-3."),
    ("travel", "travel_app", "travel", "Travel planning: a request in words, planned with Z3, repaired when infeasible."),
    ("qubo", "qubo_app", "qubo", "QUBO solvers: slack-free Lagrangian and slack-penalty encodings on samplers."),
    ("robust", "robust_app", "robust", "Two-stage robust optimization with Neur2RO (learned value function + CCG)."),
    ("udc", "udc_app", "udc", "UDC: neural divide-and-conquer for large TSP, CVRP and knapsack."),
)


def _mount_subcommands() -> None:
    import importlib

    from app.commands.solve import solve_command

    app.command("solve")(solve_command)
    for module, attr, name, help_text in _GROUPS:
        try:
            mod = importlib.import_module(f"app.commands.{module}")
        except ModuleNotFoundError as e:  # a command group whose module is not written yet stays hidden
            if e.name != f"app.commands.{module}":
                raise
            continue
        app.add_typer(getattr(mod, attr), name=name, help=help_text)
    try:
        from app.commands.ui import ui_command
    except ModuleNotFoundError as e:
        if e.name != "app.commands.ui":
            raise
    else:
        app.command("ui")(ui_command)


_mount_subcommands()


def main() -> None:
    """Entry point: a last guard so that no traceback reaches a user (OPTIPILOT_DEBUG=1 shows it)."""
    import os

    try:
        app()
    except Exception as e:  # noqa: BLE001
        if os.environ.get("OPTIPILOT_DEBUG"):
            raise
        from app.console_report import print_error

        print_error(err_console, f"internal error ({type(e).__name__}: {e}). This is a bug in OptiPilot; "
                                 "rerun with OPTIPILOT_DEBUG=1 to see the traceback and please report it.")
        raise SystemExit(3) from None


if __name__ == "__main__":
    main()

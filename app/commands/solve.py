"""`optipilot solve PROBLEM.txt`: words in, a solved model out (a thin shell over modeler.Modeler).

Registered by app/cli.py as `solve`. Exit codes: 0 the modeler answered (optimal, feasible, also
infeasible or unbounded: those are answers too); 1 it failed or refused; 2 bad input or settings.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table

out = Console()
err = Console(stderr=True)


def _fail(message: str, code: int = 2) -> typer.Exit:
    err.print(f"[bold red]error:[/bold red] {escape(message)}", highlight=False, soft_wrap=True)
    return typer.Exit(code)


def solve_command(
    problem: Annotated[str, typer.Argument(help="The problem in words: a text file, - for standard input, or the text itself in quotes.")],
    llm: Annotated[str | None, typer.Option("--llm", help="LLM model (litellm name, e.g. openai/gpt-4o-mini); "
                                            "default: $OPTIPILOT_LLM or optipilot.toml, else offline.")] = None,
    strategy: Annotated[str | None, typer.Option("--strategy", "-s", help="offline, five_element, direct or "
                                                 "templates (default: five_element with an LLM, else offline).")] = None,
    target: Annotated[str | None, typer.Option("--target", help="For --strategy direct: cpmpy, ortools, minizinc, "
                                               "pyomo or pulp.")] = None,
    samples: Annotated[int, typer.Option("--samples", min=1, max=50, help="Sample K answers and vote on the objective.")] = 1,
    verify: Annotated[bool, typer.Option("--verify", help="Let the LLM check its model against the text once.")] = False,
    no_cache: Annotated[bool, typer.Option("--no-cache", help="Do not reuse cached LLM answers.")] = False,
    backend: Annotated[str | None, typer.Option("--backend", "-b", help="Solver backend for models "
                                                "(see `optipilot backends`).")] = None,
    time_limit: Annotated[float, typer.Option("--time-limit", "-t", min=0.1, help="Seconds for the solver or the "
                                              "generated program.")] = 60.0,
    hints: Annotated[bool, typer.Option("--hints", help="Give the LLM the offline entity tagger's findings.")] = False,
    prompt_variant: Annotated[str | None, typer.Option("--prompt-variant", help="For --strategy direct: basic, "
                                                       "guidelines (default) or documentation.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the result as JSON.")] = False,
) -> None:
    """Model and solve an optimization problem written in plain words."""
    from modeler import Modeler
    from modeler.modeler import ProblemTextError
    from modeler.strategies import StrategyError, strategy_names

    text = _read_problem(problem)
    if strategy is not None and strategy not in strategy_names():
        raise _fail(f"unknown strategy {strategy!r}; the strategies are: {', '.join(strategy_names())}")
    if target is not None:
        from modeler.strategies.direct import TARGETS

        if target not in TARGETS:
            raise _fail(f"unknown target {target!r}; the targets are: {', '.join(TARGETS)}")
    if backend is not None:
        from solvers import list_backends

        names = [b.name for b in list_backends()]
        if backend not in names:
            raise _fail(f"unknown backend {backend!r}; the backends are: {', '.join(names)}")
    if prompt_variant is not None:
        from modeler.strategies.direct import VARIANTS

        if prompt_variant not in VARIANTS:
            raise _fail(f"unknown prompt variant {prompt_variant!r}; the variants are: {', '.join(VARIANTS)}")
    extra = {"prompt_variant": prompt_variant} if prompt_variant else {}
    modeler = Modeler(llm=llm, strategy=strategy, target=target, samples=samples, verify=verify, backend=backend,
                      time_limit=time_limit, hints=hints, cache=not no_cache, **extra)
    from modeler.llm import LLMConfigError

    try:
        result = modeler.solve(text)
    except ProblemTextError as e:
        raise _fail(str(e)) from None
    except (LLMConfigError, StrategyError) as e:
        raise _fail(str(e)) from None
    if as_json:
        typer.echo(json.dumps(result_json(result), indent=2, default=str))
    else:
        _print_report(result, modeler)
    if result.status in ("error", "refused"):
        raise typer.Exit(1)


# an argument that names no file is the problem itself when it reads as words (a quoted sentence), not as a
# mistyped file name: at least this many words, or more than one line
_INLINE_WORDS = 5


def _read_problem(problem: str) -> str:
    if problem == "-":
        return sys.stdin.read()
    path = Path(problem)
    try:
        is_file = path.is_file()
    except OSError:  # a name too long for the file system (a pasted problem) is no file
        is_file = False
    if not is_file:
        if len(problem.split()) >= _INLINE_WORDS or "\n" in problem.strip():
            return problem
        raise _fail(f"no such file: {problem} (give a text file with the problem, - for standard input, "
                    "or the problem itself in quotes)")
    try:
        return path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise _fail(f"{problem} is not UTF-8 text") from None
    except OSError as e:
        raise _fail(f"cannot read {problem}: {e.strerror}") from None


def result_json(result: Any) -> dict[str, Any]:
    """The ModelResult as plain JSON data (the model in its canonical five-element form)."""
    data = result.model_dump(mode="json", exclude={"model"})
    data["model"] = result.model.to_dict() if result.model is not None else None
    return data


def _print_report(result: Any, modeler: Any) -> None:
    from app.console_report import model_tables, model_text_panel, solution_view

    llm = modeler.llm() if modeler.strategy_name != "offline" else None
    name = modeler.strategy_name or ("five_element" if llm is not None else "offline")
    out.print(f"[bold]Strategy[/bold]: {escape(name)}" + (f"    [bold]LLM[/bold]: {escape(getattr(llm, 'model', str(llm)))}"
                                                          if llm is not None else ""))
    if result.understanding:
        out.print(_understanding_table(result.understanding))
    if result.model is not None:
        out.print(model_tables(result.model))
    if result.code:
        out.print(model_text_panel(result.code, "minizinc" if result.language == "minizinc" else "python"))
    if result.solution is not None:
        out.print(solution_view(result.solution))
    if result.explanation:
        out.print(f"[bold]In words[/bold]: {escape(result.explanation)}")
    if result.error:
        style = "yellow" if result.status == "refused" else "bold red"
        out.print(f"[{style}]{escape(result.status)}[/{style}]: {escape(result.error)}", soft_wrap=True)
    calls = sum(1 for e in result.transcript if e.get("kind") == "llm")
    out.print(f"[dim]{calls} LLM call(s) · {result.tokens:,} tokens · ${result.cost:.4f} · {result.time:.2f} s[/dim]")


def _understanding_table(items: list[dict[str, Any]]) -> Table:
    """What the strategy read (the offline modeler's or the templates' findings), one row per element."""
    t = Table(title="What was read from the text", title_justify="left")
    shown = [k for k in ("kind", "element", "name", "type", "sense", "expr", "sentence")
             if any(k in item for item in items)]
    for k in shown:
        t.add_column(k, overflow="fold")
    for item in items:
        t.add_row(*(escape(_clip(str(item.get(k, "")))) for k in shown))
    return t


def _clip(text: str, limit: int = 70) -> str:
    return text if len(text) <= limit else text[: limit - 3] + "..."

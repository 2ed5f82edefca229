"""Rich renderings of models and solutions for the terminal (the CLI's readable reports)."""

from __future__ import annotations

import json
from typing import Any

from rich.console import Console, Group
from rich.markup import escape
from rich.panel import Panel
from rich.syntax import Syntax
from rich.table import Table

from solvers.result import Solution, Status

_STATUS_STYLE = {
    Status.OPTIMAL: "bold green", Status.FEASIBLE: "yellow", Status.INFEASIBLE: "bold red",
    Status.UNBOUNDED: "bold red", Status.TIMEOUT: "yellow", Status.ERROR: "bold red",
}


def _short(value: Any, limit: int = 60) -> str:
    text = json.dumps(value) if not isinstance(value, str) else value
    return escape(text if len(text) <= limit else text[: limit - 3] + "...")


def _e(text: str | None) -> str:
    """User text as literal text: Rich would read `[p]` in `x[p]` as markup."""
    return escape(text or "")


def model_tables(model: Any) -> Group:
    """The five elements of a model as tables."""
    parts: list[Any] = [f"[bold]{_e(model.name)}[/bold]" + (f": {_e(model.description)}" if model.description else "")]
    if model.sets:
        t = Table(title="Sets", title_justify="left")
        t.add_column("name", style="cyan")
        t.add_column("members")
        for s in model.sets:
            t.add_row(_e(s.name), _short(s.members, 80))
        parts.append(t)
    if model.parameters:
        t = Table(title="Parameters", title_justify="left")
        for col in ("name", "index", "value", "description"):
            t.add_column(col, style="cyan" if col == "name" else None)
        for p in model.parameters:
            t.add_row(_e(p.name), _e(", ".join(p.index)), _short(p.value), _e(p.description))
        parts.append(t)
    if model.variables:
        t = Table(title="Variables", title_justify="left")
        for col in ("name", "index", "type", "bounds", "description"):
            t.add_column(col, style="cyan" if col == "name" else None)
        for v in model.variables:
            lo = "-inf" if v.lb is None else str(v.lb)
            hi = "+inf" if v.ub is None else str(v.ub)
            t.add_row(_e(v.name), _e(", ".join(v.index)), v.type, "0..1" if v.type == "binary" else f"{lo}..{hi}",
                      _e(v.description))
        parts.append(t)
    if model.objective is not None:
        parts.append(f"[bold]Objective[/bold]: {model.objective.sense}imize {_e(model.objective.expr)}"
                     + (f"  [dim]({_e(model.objective.description)})[/dim]" if model.objective.description else ""))
    else:
        parts.append("[bold]Objective[/bold]: none (find any solution)")
    if model.constraints:
        t = Table(title="Constraints", title_justify="left")
        for col in ("name", "for all", "expression", "description"):
            t.add_column(col, style="cyan" if col == "name" else None)
        for c in model.constraints:
            t.add_row(_e(c.name), _e(c.forall), _e(c.expr), _e(c.description))
        parts.append(t)
    return Group(*parts)


def solution_view(sol: Solution, show_zeros: bool = False) -> Group:
    style = _STATUS_STYLE.get(sol.status, "")
    head = f"Status: [{style}]{sol.status.value}[/{style}]"
    if sol.objective is not None:
        head += f"    Objective: [bold]{sol.objective:g}[/bold]"
    head += (f"\n[dim]{sol.backend} {sol.backend_version} · compile {sol.compile_time * 1000:.1f} ms"
             f" · solve {sol.solve_time * 1000:.1f} ms[/dim]")
    parts: list[Any] = [head]
    if sol.message:
        parts.append(f"[italic]{_e(sol.message)}[/italic]")
    if sol.values:
        t = Table(title="Solution" + ("" if show_zeros else " (nonzero values)"), title_justify="left")
        t.add_column("variable", style="cyan")
        t.add_column("value", justify="right")
        hidden = 0
        for name, v in sol.values.items():
            items = v.items() if isinstance(v, dict) else [(None, v)]
            for key, x in items:
                if not show_zeros and x == 0:
                    hidden += 1
                    continue
                t.add_row(_e(name if key is None else f"{name}[{key}]"), f"{x:g}" if isinstance(x, int | float) else _e(str(x)))
        parts.append(t)
        if hidden:
            parts.append(f"[dim]{hidden} variable(s) at 0 not shown (--all to show)[/dim]")
    if sol.conflicts:
        t = Table(title="Why it is infeasible: these cannot all hold together", title_justify="left")
        for col in ("constraint", "as written", "meaning"):
            t.add_column(col, style="red" if col == "constraint" else None)
        for c in sol.conflicts:
            t.add_row(_e(c.name), _e(c.text), _e(c.description))
        parts.append(t)
    return Group(*parts)


def model_text_panel(text: str, language: str) -> Panel:
    lexer = {"lp": "text", "minizinc": "text", "smt2": "lisp", "python": "python", "cpsat-proto": "text"}.get(language, "text")
    return Panel(Syntax(text, lexer, word_wrap=True), title=f"generated model ({language})", title_align="left")


def print_error(console: Console, message: str) -> None:
    console.print(f"[bold red]error:[/bold red] {escape(message)}", highlight=False)

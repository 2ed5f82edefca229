"""`optipilot travel`: TravelPlanner-style trip requests planned with Z3 (modeler.travel), mounted by app/cli.py.

    optipilot travel plan --query-index 3                       # a training query with its ref_info
    optipilot travel plan "Plan a 3-day trip from ... " --ref-info ref.json --json
    optipilot travel repair --query-index 0 --budget 500        # why infeasible + verified repairs
    optipilot travel repair --query-index 0 --budget 500 --llm openai/gpt-4o-mini --accept budget
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.table import Table

travel_app = typer.Typer(
    name="travel",
    help="Travel planning: a request in words, planned with Z3, repaired when infeasible.",
    no_args_is_help=True,
    add_completion=False,
)
out = Console()
err = Console(stderr=True)

RequestArg = Annotated[str | None, typer.Argument(help="The request in words (omit with --query-index).")]
LLMOpt = Annotated[str | None, typer.Option("--llm", help="Read the request with this LLM (litellm name).")]
JsonOpt = Annotated[bool, typer.Option("--json", help="Print the outcome as JSON.")]
IndexOpt = Annotated[int | None, typer.Option("--query-index", help="Use training query N (0-44) and its ref_info.")]
RefOpt = Annotated[Path | None, typer.Option("--ref-info", help="A ref_info JSON file (one line of train_ref_info.jsonl).")]
BudgetOpt = Annotated[float | None, typer.Option("--budget", help="Override the budget.")]
RoomOpt = Annotated[str | None, typer.Option("--room-type", help="Override the room type ('none' drops it).")]
RuleOpt = Annotated[str | None, typer.Option("--house-rule", help="Override the house rule ('none' drops it).")]
BanOpt = Annotated[str | None, typer.Option("--transportation", help="Override the transport ban ('none' drops it).")]
TimeOpt = Annotated[float, typer.Option("--time", min=1.0, help="Time limit in seconds.")]


@travel_app.callback()
def _group() -> None:
    """Travel planning: a request in words, planned with Z3, repaired when infeasible."""


def _fail(message: str) -> typer.Exit:
    err.print(f"[bold red]error:[/bold red] {message}", highlight=False)
    return typer.Exit(2)


def _inputs(text: str | None, llm_name: str | None, index: int | None, ref_file: Path | None,
            overrides: dict[str, Any]) -> tuple[Any, Any, Any]:
    from modeler.travel import TravelError, load_query, parse_request
    from modeler.travel.request import make_request

    ref = None
    if index is not None:
        qtext, ref = load_query(index)
        text = text or qtext
    if ref_file is not None:
        try:
            ref = json.loads(ref_file.read_text())
        except (OSError, json.JSONDecodeError) as e:
            raise TravelError(f"cannot read --ref-info {ref_file}: {e}") from None
    if not text:
        raise TravelError("give a request in words, or --query-index N.")
    llm = None
    if llm_name:
        from modeler.llm import LLMError, resolve_llm

        try:
            llm = resolve_llm(llm_name)
        except LLMError as e:
            raise TravelError(str(e)) from None
    req = parse_request(text, llm=llm)
    upd = {k: (None if v == "none" else v) for k, v in overrides.items() if v is not None}
    if upd:
        req = make_request(**{**req.model_dump(), **upd})
    return req, ref, llm


def _print_outcome(req: Any, res: Any) -> None:
    out.print(f"[bold]{req.origin} -> {req.destination}[/bold], {req.days} days, {req.people} people, "
              f"budget ${req.budget:,.0f}; local: {req.local_constraints()}", highlight=False)
    for note in res.notes:
        out.print(f"[yellow]note:[/yellow] {note}", highlight=False)
    if res.status == "planned":
        table = Table(title=f"Plan (total ${res.cost['total']:,.0f}, solved in {res.solve_seconds:.2f}s)")
        for col in ("day", "current city", "transportation", "breakfast", "attraction", "lunch", "dinner",
                    "accommodation"):
            table.add_column(col, overflow="fold")
        for d in res.plan:
            table.add_row(str(d["days"]), d["current_city"], d["transportation"], d["breakfast"], d["attraction"],
                          d["lunch"], d["dinner"], d["accommodation"])
        out.print(table)
        out.print("cost: " + ", ".join(f"{k} ${v:,.0f}" for k, v in res.cost.items()), highlight=False)
        return
    out.print(f"[bold red]No plan[/bold red] ({res.solve_seconds:.1f}s). Why:", highlight=False)
    for r in res.reasons:
        out.print(f"  - {r}", highlight=False)
    if res.suggestions:
        out.print("Changes that give a plan (each verified by re-solving):")
        for s in res.suggestions:
            cost = f" (plan costs ${s.cost:,.0f})" if s.cost is not None else ""
            out.print(f"  - {s.description}{cost}", highlight=False)


@travel_app.command("plan")
def plan_command(request: RequestArg = None, llm: LLMOpt = None, as_json: JsonOpt = False,
                 query_index: IndexOpt = None, ref_info: RefOpt = None, budget: BudgetOpt = None,
                 room_type: RoomOpt = None, house_rule: RuleOpt = None, transportation: BanOpt = None,
                 time_limit: TimeOpt = 30.0) -> None:
    """Plan a trip; when infeasible, say why and suggest verified changes."""
    from modeler.travel import TravelError, plan_trip

    try:
        req, ref, _ = _inputs(request, llm, query_index, ref_info, {
            "budget": budget, "room_type": room_type, "house_rule": house_rule, "transportation": transportation})
        res = plan_trip(req, ref_info=ref, time_limit=time_limit)
    except TravelError as e:
        raise _fail(str(e)) from None
    if as_json:
        out.print_json(json.dumps({"request": req.model_dump(), **res.model_dump()}))
    else:
        _print_outcome(req, res)


@travel_app.command("repair")
def repair_command(request: RequestArg = None, llm: LLMOpt = None, as_json: JsonOpt = False,
                   query_index: IndexOpt = None, ref_info: RefOpt = None, budget: BudgetOpt = None,
                   room_type: RoomOpt = None, house_rule: RuleOpt = None, transportation: BanOpt = None,
                   accept: Annotated[str | None, typer.Option(
                       "--accept", help="With --llm: fields a simulated user accepts (comma list); "
                                        "omitted: you are asked.")] = None,
                   time_limit: TimeOpt = 30.0) -> None:
    """Explain an infeasible request and repair it: rule-based offline, or an LLM loop with --llm."""
    from modeler.travel import TravelError, plan_trip
    from modeler.travel.planner import make_sandbox
    from modeler.travel.repair_llm import SimulatedUser, llm_repair_loop

    try:
        req, ref, client = _inputs(request, llm, query_index, ref_info, {
            "budget": budget, "room_type": room_type, "house_rule": house_rule, "transportation": transportation})
        res = plan_trip(req, ref_info=ref, time_limit=time_limit, repairs=client is None)
        if res.status == "planned":
            if as_json:
                out.print_json(json.dumps({"request": req.model_dump(), **res.model_dump()}))
            else:
                out.print("The request is feasible; nothing to repair.")
                _print_outcome(req, res)
            return
        if client is None:
            if as_json:
                out.print_json(json.dumps({"request": req.model_dump(), **res.model_dump()}))
            else:
                _print_outcome(req, res)
            return
        if accept is not None:
            user: Any = SimulatedUser(accept={f.strip() for f in accept.split(",") if f.strip()})
        else:
            def user(rep: Any) -> bool:
                return typer.confirm(f"Change {rep.field}: {rep.description}?")
        loop = llm_repair_loop(req, make_sandbox(req, ref), res.core, client, user)
    except TravelError as e:
        raise _fail(str(e)) from None
    if as_json:
        out.print_json(json.dumps({"reasons": res.reasons, "accepted": loop.accepted.model_dump()
                                   if loop.accepted else None, "history": loop.history}))
        return
    for r in res.reasons:
        out.print(f"  - {r}", highlight=False)
    if loop.accepted:
        out.print(f"Accepted: {loop.accepted.field} -> {getattr(loop.accepted.request, loop.accepted.field)!r}",
                  highlight=False)
        _print_outcome(loop.accepted.request, plan_trip(loop.accepted.request, ref_info=ref, time_limit=time_limit))
    else:
        out.print("No change was both verified and accepted.")

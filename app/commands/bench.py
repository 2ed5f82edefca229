"""`optipilot bench ...`: run, score, selfcheck and compare benchmark suites.

A thin shell over benchmarks.runner / benchmarks.report: it parses options, turns the user's mistakes
into one-line messages (exit code 2), and prints. Also runnable alone: `python -m app.commands.bench`.
"""

from __future__ import annotations

import contextlib
import hashlib
import importlib
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console

bench_app = typer.Typer(
    name="bench",
    help="Run benchmark suites, score submissions, compare runs.",
    no_args_is_help=True,
    add_completion=False,
)

out = Console()
err = Console(stderr=True)

# selfcheck of a benchmark covers every split that has ground truth
SELFCHECK_SUITES = {"nl4opt": ["nl4opt-dev", "nl4opt"]}

OutOpt = Annotated[Path, typer.Option("--out", help="Results folder (created; rerun with it to resume).")]
DataOpt = Annotated[
    Path | None, typer.Option("--data", help="Benchmark data folder (default: $OPTIPILOT_DATA).")
]
WorkersOpt = Annotated[
    int, typer.Option("--workers", min=1, help="Worker processes (1: run in this process).")
]
ExecutorOpt = Annotated[
    str, typer.Option("--executor", help="local (processes on this machine) or ray (pip install 'optipilot\\[ray]').")
]
AddressOpt = Annotated[
    str | None, typer.Option("--address", help="Ray cluster address (with --executor ray); default: a local Ray.")
]
LLMLimitOpt = Annotated[
    str | None,
    typer.Option("--llm-limit", help="Cluster-wide concurrent LLM calls per provider, e.g. openai=16 (Ray only)."),
]
LimitOpt = Annotated[int | None, typer.Option("--limit", min=0, help="Only the first N items.")]
SuiteOpt = Annotated[
    list[str] | None,
    typer.Option("--option", "-O", help="A suite setting KEY=VALUE (repeatable), e.g. -O max_instances=3 -O timeout=30."),
]
PluginOpt = Annotated[
    list[str] | None,
    typer.Option("--plugin", help="Import this module first (it may register extra suites).", hidden=True),
]


@contextlib.contextmanager
def user_errors() -> Iterator[None]:
    """Turn the errors a user can fix into one line on stderr and exit code 2 (never a traceback)."""
    from rich.markup import escape

    from benchmarks.executors import ExecutorError
    from benchmarks.report import ReportError
    from benchmarks.runner import RunnerError
    from benchmarks.store import StoreError
    from benchmarks.suites.base import DataNotFoundError

    try:
        yield
    except (DataNotFoundError, RunnerError, StoreError, ReportError, ExecutorError) as e:
        # escaped: messages quote user input and install hints ("optipilot[ray]") that are not markup
        err.print(f"[red]error:[/red] {escape(str(e))}", highlight=False, soft_wrap=True)
        raise typer.Exit(2) from None
    except KeyboardInterrupt:
        err.print("Interrupted. Finished items are saved; rerun the same command to resume.")
        raise typer.Exit(130) from None


def _load_plugins(plugins: list[str] | None) -> None:
    from benchmarks.runner import RunnerError

    for name in plugins or []:
        try:
            importlib.import_module(name)
        except ImportError as e:
            raise RunnerError(f"Cannot import plugin module {name!r}: {e}") from e


def _options(pairs: list[str] | None) -> dict[str, Any]:
    """`KEY=VALUE` strings to suite settings; values read as bool, int, float or text."""
    from benchmarks.runner import RunnerError

    out: dict[str, Any] = {}
    for pair in pairs or []:
        key, sep, raw = pair.partition("=")
        if not sep or not key.isidentifier():
            raise RunnerError(f"--option takes KEY=VALUE, got {pair!r}")
        value: Any = raw
        if raw.lower() in ("true", "false"):
            value = raw.lower() == "true"
        else:
            for kind in (int, float):
                try:
                    value = kind(raw)
                    break
                except ValueError:
                    pass
        out[key] = value
    return out


def _suite(name: str, options: dict[str, Any] | None = None) -> Any:
    from benchmarks.runner import RunnerError
    from benchmarks.suites import get_suite

    try:
        return get_suite(name, **(options or {}))
    except KeyError as e:
        raise RunnerError(str(e.args[0])) from None


def _items(suite: Any, data: Path | None, ids: str | None = None, limit: int | None = None) -> list[Any]:
    from benchmarks.runner import RunnerError, select_items
    from benchmarks.suites.base import data_dir

    folder = data_dir(data) if getattr(suite, "needs_data", True) else Path(data or ".")
    try:
        items = list(suite.items(folder))
    except OSError as e:  # a suite reading a file that is not there: say which
        raise RunnerError(f"Cannot read suite {suite.name!r} from {folder}: {e}") from e
    wanted = [i.strip() for i in ids.split(",") if i.strip()] if ids else None
    return select_items(items, wanted, limit)


def _run(
    suite: Any, items: list[Any], produce: Any, out_dir: Path, config: dict[str, Any], workers: int,
    exec_spec: tuple[str, str | None, str | None] = ("local", None, None), **kw: Any
) -> Any:
    from benchmarks.executors import make_executor
    from benchmarks.executors_ray import parse_limits
    from benchmarks.runner import run_suite

    kind, address, limits = exec_spec
    with make_executor(workers, preload=getattr(suite, "preload", ()), kind=kind, address=address,
                       llm_limits=parse_limits(limits)) as executor:
        outcome = run_suite(suite, items, produce, out_dir, config=config, executor=executor, **kw)
    _print_summary(outcome)
    return outcome


def _print_summary(outcome: Any) -> None:
    s = outcome.summary
    resumed = f", {outcome.skipped} resumed" if outcome.skipped else ""
    out.print(
        f"[bold]{s['run']['suite']}[/bold]: {s['passed']}/{s['count']} passed "
        f"({outcome.ran} run{resumed}) in {s['wall_time']:.1f}s -> {outcome.out_dir}",
        highlight=False,
    )
    categories = ", ".join(f"{k} {v}" for k, v in s["categories"].items())
    out.print(f"  categories: {categories}", highlight=False)


@bench_app.command("run")
def run_cmd(
    suite_name: Annotated[str, typer.Argument(metavar="SUITE", help="Suite name (see `bench list`).")],
    out_dir: OutOpt,
    llm: Annotated[
        str | None, typer.Option("--llm", help="LLM model name (litellm style); none: offline.")
    ] = None,
    strategy: Annotated[
        str, typer.Option("--strategy", help="Modeling strategy, `reference`, or one of the suite's own solvers (`bench list`).")
    ] = "five_element",
    target: Annotated[
        str | None, typer.Option("--target", help="Target framework for code strategies.")
    ] = None,
    samples: Annotated[int, typer.Option("--samples", min=1, help="Samples per problem (vote).")] = 1,
    workers: WorkersOpt = 1,
    executor: ExecutorOpt = "local",
    address: AddressOpt = None,
    llm_limit: LLMLimitOpt = None,
    limit: LimitOpt = None,
    ids: Annotated[str | None, typer.Option("--ids", help="Only these item ids, comma separated.")] = None,
    data: DataOpt = None,
    retry_errors: Annotated[
        bool,
        typer.Option("--retry-errors", help="On resume, redo items that ended in a runner error or crash."),
    ] = False,
    progress: Annotated[bool, typer.Option("--progress/--no-progress", help="Show the progress bar.")] = True,
    option: SuiteOpt = None,
    plugin: PluginOpt = None,
) -> None:
    """Run a suite with a strategy; results go to OUT/results.jsonl and OUT/summary.json."""
    from benchmarks.runner import resolve_producer

    with user_errors():
        _load_plugins(plugin)
        options = _options(option)
        suite = _suite(suite_name, options)
        items = _items(suite, data, ids, limit)
        produce = resolve_producer(strategy, llm, target, samples, suite)
        config = {"strategy": strategy, "llm": llm, "target": target, "samples": samples}
        if options:
            config["suite_options"] = options
        _run(suite, items, produce, out_dir, config, workers, (executor, address, llm_limit), retry_errors=retry_errors, progress=progress)


@bench_app.command("score")
def score_cmd(
    suite_name: Annotated[
        str, typer.Argument(metavar="SUITE", help="Suite the submission answers (cpbench).")
    ],
    submission: Annotated[
        Path, typer.Argument(help='JSONL file, one {"id": ..., "model": "<code>"} per line.')
    ],
    out_dir: OutOpt,
    framework: Annotated[str, typer.Option("--framework", help="Language of the submitted code.")] = "cpmpy",
    workers: WorkersOpt = 1,
    executor: ExecutorOpt = "local",
    address: AddressOpt = None,
    llm_limit: LLMLimitOpt = None,
    data: DataOpt = None,
    progress: Annotated[bool, typer.Option("--progress/--no-progress")] = True,
    plugin: PluginOpt = None,
) -> None:
    """Score an external submission (CP-Bench format) with the suite's scorer."""
    import functools

    from benchmarks.runner import RunnerError, load_submission, submission_produce

    with user_errors():
        if framework not in ("cpmpy", "ortools", "minizinc"):
            raise RunnerError(f"--framework must be cpmpy, ortools or minizinc, not {framework!r}.")
        _load_plugins(plugin)
        suite = _suite(suite_name)
        codes = load_submission(submission)
        items = _items(suite, data)
        unknown = sorted(set(codes) - {it.id for it in items})
        if unknown:
            shown = ", ".join(unknown[:10]) + (", ..." if len(unknown) > 10 else "")
            err.print(
                f"[yellow]warning:[/yellow] {len(unknown)} submission ids are not in suite "
                f"{suite.name!r} and are ignored: {shown}",
                highlight=False,
            )
        digest = hashlib.sha256(submission.read_bytes()).hexdigest()[:16]
        config = {
            "strategy": "submission",
            "llm": None,
            "target": framework,
            "samples": 1,
            "submission": digest,
        }
        produce = functools.partial(submission_produce, codes, framework)
        _run(suite, items, produce, out_dir, config, workers, (executor, address, llm_limit), progress=progress)


@bench_app.command("selfcheck")
def selfcheck_cmd(
    suite_name: Annotated[str, typer.Argument(metavar="SUITE", help="cpbench or nl4opt (both splits).")],
    out_dir: OutOpt,
    workers: WorkersOpt = 1,
    executor: ExecutorOpt = "local",
    address: AddressOpt = None,
    llm_limit: LLMLimitOpt = None,
    limit: LimitOpt = None,
    data: DataOpt = None,
    progress: Annotated[bool, typer.Option("--progress/--no-progress")] = True,
    ids: Annotated[str | None, typer.Option("--ids", help="Only these item ids, comma separated.")] = None,
    option: SuiteOpt = None,
    plugin: PluginOpt = None,
) -> None:
    """Score the suite's own ground truth; list every item that does not pass. Exit 1 if any."""
    from benchmarks.runner import resolve_producer

    failed = 0
    with user_errors():
        _load_plugins(plugin)
        names = SELFCHECK_SUITES.get(suite_name, [suite_name])
        options = _options(option)
        suites = [_suite(n, options) for n in names]  # all known before any runs
        for suite in suites:
            items = _items(suite, data, ids, limit=limit)
            produce = resolve_producer("reference", None, None, 1, suite)
            config = {"strategy": "reference", "llm": None, "target": None, "samples": 1}
            if options:
                config["suite_options"] = options
            outcome = _run(suite, items, produce, out_dir / suite.name, config, workers, (executor, address, llm_limit),
                           progress=progress)
            # a reference must pass on every instance too: passing the default one (SIA) is not enough
            extra = [r for r in outcome.records if r.get("passed") and (r.get("metrics") or {}).get("mia") == 0]
            for r in outcome.failures:
                out.print(
                    f"  FAIL {suite.name} {r['id']}: {r['category']}: {r['message']}",
                    highlight=False,
                    soft_wrap=True,
                )
            for r in extra:
                out.print(f"  FAIL {suite.name} {r['id']}: not every instance passes: {r['message']}",
                          highlight=False, soft_wrap=True)
            failed += len(outcome.failures) + len(extra)
    if failed:
        err.print(f"selfcheck: {failed} item(s) fail on their own reference.", highlight=False)
        raise typer.Exit(1)
    out.print("selfcheck: every reference passes.")


@bench_app.command("report")
def report_cmd(
    runs: Annotated[
        list[Path], typer.Argument(metavar="DIR...", help="Run folders (each with summary.json).")
    ],
    out_file: Annotated[
        Path | None, typer.Option("--out", help="Also write FILE.md, FILE.json and FILE.png.")
    ] = None,
) -> None:
    """Compare runs: the summary metrics they share, side by side."""
    from benchmarks.report import build_report

    with user_errors():
        report = build_report(list(runs))
        out.print(report.to_rich())
        if out_file is not None:
            for path in report.write(out_file):
                out.print(f"wrote {path}", highlight=False)


@bench_app.command("list")
def list_cmd(plugin: PluginOpt = None) -> None:
    """The benchmark suites, with their descriptions."""
    from rich.table import Table

    from benchmarks.suites import get_suite, suite_names

    with user_errors():
        _load_plugins(plugin)
        table = Table("suite", "description")
        for name in suite_names():
            table.add_row(name, get_suite(name).description)
        out.print(table)


def main() -> None:
    bench_app(prog_name="optipilot bench")


if __name__ == "__main__":
    # Guarded: forkserver and spawn workers import this module again as __mp_main__.
    sys.exit(main())

"""`optipilot tsp solve`: a thin shell over solvers.tsp (heatmap + MCTS), mounted by app/cli.py.

    optipilot tsp solve $OPTIPILOT_DATA/tsp/tsp500_test.zip --instance 3 --time 10 --plot tour.png
    optipilot tsp solve --random 1000 --heatmap knn --json
    optipilot tsp solve cities.txt            # one "x y" per line
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

tsp_app = typer.Typer(
    name="tsp",
    help="Large travelling-salesman instances: heatmap-guided MCTS (with LKH-3 as a reference).",
    no_args_is_help=True,
    add_completion=False,
)
out = Console()
err = Console(stderr=True)


@tsp_app.callback()
def _group() -> None:
    """Large travelling-salesman instances: heatmap-guided MCTS (with LKH-3 as a reference)."""


def _fail(message: str) -> typer.Exit:
    err.print(f"[bold red]error:[/bold red] {message}", highlight=False)
    return typer.Exit(2)


def _plot(coords, tour, path: Path, title: str) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    import numpy as np

    loop = np.append(tour, tour[0])
    fig, ax = plt.subplots(figsize=(7, 7))
    ax.plot(coords[loop, 0], coords[loop, 1], "-", lw=0.6, color="tab:blue")
    ax.plot(coords[:, 0], coords[:, 1], ".", ms=2 if len(coords) > 2000 else 4, color="black")
    ax.set_aspect("equal")
    ax.set_title(title)
    fig.tight_layout()
    fig.savefig(path, dpi=130)
    plt.close(fig)


@tsp_app.command("solve")
def solve_command(
    file: Annotated[Path | None, typer.Argument(help="A test-set file (tspN_test.zip or .txt) or an 'x y' per line file.")] = None,
    random_n: Annotated[int | None, typer.Option("--random", min=3, help="Solve N random cities in the unit square instead.")] = None,
    instance: Annotated[int, typer.Option("--instance", min=0, help="Which line of a test-set file (0-based).")] = 0,
    heatmap: Annotated[str, typer.Option("--heatmap", help="softdist, knn, or a .npy file (dense n x n).")] = "softdist",
    time_limit: Annotated[float | None, typer.Option("--time", help="Seconds (default 0.01 n, at least 1).")] = None,
    seed: Annotated[int, typer.Option("--seed", help="Random seed.")] = 0,
    restart: Annotated[str, typer.Option("--restart", help="When stuck: 'sample' a new tour or 'kick' the best.")] = "kick",
    plot: Annotated[Path | None, typer.Option("--plot", help="Draw the tour to this PNG.")] = None,
    lkh: Annotated[bool, typer.Option("--lkh", help="Also run LKH-3 (elkai) and report the gap.")] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print the result as JSON.")] = False,
) -> None:
    """Solve one TSP instance and report length, time and where the time went."""
    import numpy as np

    from solvers.tsp import TSPInputError, read_instances, solve, solve_lkh

    try:
        if (file is None) == (random_n is None):
            raise TSPInputError("give either FILE or --random N.")
        if random_n is not None:
            name = f"random{random_n}-seed{seed}"
            coords = np.random.default_rng(seed).random((random_n, 2))
        else:
            (inst,) = read_instances(file, instance)  # type: ignore[arg-type]
            name, coords = inst.name, inst.coords
        heat: object = heatmap
        if heatmap not in ("softdist", "knn"):
            hp = Path(heatmap)
            if not hp.is_file():
                raise TSPInputError(f"--heatmap must be softdist, knn or an existing .npy file; got {heatmap!r}.")
            try:
                heat = np.load(hp)
            except (OSError, ValueError) as e:
                raise TSPInputError(f"{hp}: not a NumPy .npy array ({e}).") from None
        res = solve(coords, heatmap=heat, time_limit=time_limit, seed=seed, restart=restart)
        ref = solve_lkh(coords) if lkh else None
    except TSPInputError as e:
        raise _fail(str(e)) from None

    report = {
        "instance": name, "n": len(coords), "length": res.length, "time": res.time, "timings": res.timings,
        "stats": res.stats, "heatmap": res.params.get("heatmap", "brute force"), "seed": seed,
    }
    if ref is not None:
        report.update({"lkh_length": ref.length, "lkh_time": ref.time, "gap": res.length / ref.length - 1.0,
                       "lkh_settings": ref.settings})
    if plot is not None:
        _plot(coords, res.tour, plot, f"{name}: length {res.length:.4f}")
        report["plot"] = str(plot)
    if as_json:
        report["tour"] = res.tour.tolist()
        typer.echo(json.dumps(report, indent=2, default=float))
        return
    t = Table(title=f"TSP {name} (n = {len(coords)}, heatmap {report['heatmap']})")
    t.add_column("")
    t.add_column("value", justify="right")
    t.add_row("tour length", f"{res.length:.6f}")
    t.add_row("time (s)", f"{res.time:.2f}")
    for stage, sec in res.timings.items():
        t.add_row(f"  {stage} (s)", f"{sec:.3f}")
    for key in ("initial_length", "local_search_length", "simulations", "improving_moves", "restarts"):
        if key in res.stats:
            t.add_row(key.replace("_", " "), f"{res.stats[key]:.6g}")
    if ref is not None:
        t.add_row("LKH-3 length", f"{ref.length:.6f}")
        t.add_row("LKH-3 time (s)", f"{ref.time:.2f}")
        t.add_row("gap to LKH-3", f"{100 * report['gap']:.2f} %")
    if plot is not None:
        t.add_row("plot", str(plot))
    out.print(t)


if __name__ == "__main__":
    tsp_app()

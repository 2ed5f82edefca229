"""Train the value network: `python -m solvers.neur2ro.train [--problem knapsack|capital --instances 300 ...]`.

Data: instances generated with Arslan & Detienne's recipe (never the benchmark's 504 files), random
first-stage decisions (commit each item with a per-sample probability in [0.1, 0.9]) and scenarios
(half on vertices of the budget set: Gamma random items at 1; half interior: a random point scaled into
the set), each labelled with the exact second-stage value (HiGHS), in worker processes with a progress
bar. The network (model.py) is trained on the value divided by sum(p_bar) with Adam and MSE, 10 % held
out; weights and the log (sizes, losses, seconds, machine) go to solvers/neur2ro/artifacts/.

`--problem capital`: capital budgeting instances from capital.generate_instance (n drawn from 10..50, a
seed stream apart from the benchmark's), random robustly feasible first stages (a random subset, then
random projects dropped until the budget holds for every xi), scenarios in [-1, 1]^4 (a third corners,
a third uniform, a third with random coordinates pinned to -1 or 1), labelled Q(x, xi) / sum(r_bar) with
the exact second stage; weights to artifacts/capital_net.pt.
"""

from __future__ import annotations

import argparse
import multiprocessing
import platform
import time
from typing import Any

import numpy as np

from solvers.neur2ro.knapsack import Instance, generate_instance, second_stage

GRID = {"n": [20, 30, 40, 50, 60, 70, 80], "correlation": ["UN", "WC", "ASC", "SC"], "delta": [0.1, 0.5, 1.0],
        "h": [40, 80], "budget_factor": [0.1, 0.15, 0.2]}


def sample_instance(rng: np.random.Generator) -> Instance:
    return generate_instance(rng, int(rng.choice(GRID["n"])), str(rng.choice(GRID["correlation"])),
                             float(rng.choice(GRID["delta"])), int(rng.choice(GRID["h"])),
                             float(rng.choice(GRID["budget_factor"])))


def sample_scenario(rng: np.random.Generator, n: int, gamma: float) -> np.ndarray:
    if rng.random() < 0.5:
        xi = np.zeros(n)
        xi[rng.choice(n, size=min(n, int(gamma)), replace=False)] = 1.0
        return xi
    xi = rng.random(n)
    total = xi.sum()
    return np.clip(xi * min(1.0, gamma * rng.uniform(0.5, 1.0) / max(total, 1e-9)), 0, 1)


def label_instance(args: tuple[int, int]) -> list[tuple[np.ndarray, np.ndarray, np.ndarray, float]]:
    seed, per = args
    rng = np.random.default_rng(seed)
    inst = sample_instance(rng)
    feat, scale = inst.features(), float(inst.p_bar.sum())
    out = []
    for _ in range(per):
        x = (rng.random(inst.n) < rng.uniform(0.1, 0.9)).astype(float)
        xi = sample_scenario(rng, inst.n, inst.gamma)
        out.append((feat, x, xi, second_stage(inst, x, xi)[0] / scale))
    return out


CAPITAL_SIZES = [10, 20, 30, 40, 50]


def label_capital(args: tuple[int, int]) -> list[tuple[np.ndarray, np.ndarray, np.ndarray, float]]:
    from solvers.neur2ro.capital import generate_instance as gen_capital
    from solvers.neur2ro.capital import second_stage as capital_second_stage

    seed, per = args
    rng = np.random.default_rng(seed)
    inst = gen_capital(rng, int(rng.choice(CAPITAL_SIZES)))
    feat, scale = inst.features(), inst.value_scale()
    out = []
    for _ in range(per):
        x = (rng.random(inst.n) < rng.uniform(0.1, 0.9)).astype(float)
        for i in rng.permutation(inst.n):
            if inst.max_cost(x)[0] <= inst.budget:
                break
            x[i] = 0.0
        kind = rng.integers(3)
        if kind == 0:
            xi = rng.choice([-1.0, 1.0], inst.k)
        else:
            xi = rng.uniform(-1, 1, inst.k)
            if kind == 2:
                pin = rng.random(inst.k) < 0.5
                xi[pin] = rng.choice([-1.0, 1.0], int(pin.sum()))
        out.append((feat, x, xi, capital_second_stage(inst, x, xi)[0] / scale))
    return out


def make_data(instances: int, per: int, seed: int, workers: int, executor: str = "local",
              address: str | None = None, problem: str = "knapsack") -> list[Any]:
    """Labelled samples from `instances` generated instances, fanned out over the benchmark runner's
    executors: a local process pool, or Ray (`executor="ray"`, a cluster at `address`)."""
    from rich.progress import track

    from benchmarks.executors import make_executor

    offset = 0 if problem == "knapsack" else 500_000_000  # capital: a seed stream of its own
    tasks = [(offset + seed * 1_000_003 + k, per) for k in range(instances)]
    chunks: dict[int, list[Any]] = {}
    fn = _label_keyed if problem == "knapsack" else _label_capital_keyed
    with make_executor(workers, preload=("solvers.neur2ro.knapsack",), kind=executor, address=address) as ex:
        for key, chunk in track(ex.map(fn, tasks), total=len(tasks), description="labelling"):
            chunks[key] = chunk
    # Completion order varies with the executor; the data must not, so rows follow the task order.
    return [row for key in sorted(chunks) for row in chunks[key]]


def _label_keyed(args: tuple[int, int]) -> tuple[int, list[Any]]:
    return args[0], label_instance(args)


def _label_capital_keyed(args: tuple[int, int]) -> tuple[int, list[Any]]:
    return args[0], label_capital(args)


def batches(rows: list[Any], size: int, rng: np.random.Generator, global_xi: bool = False) -> Any:
    import torch

    order = rng.permutation(len(rows))
    for s in range(0, len(rows), size):
        group = [rows[i] for i in order[s:s + size]]
        n = max(len(r[1]) for r in group)
        per_item = len(group[0][2]) == len(group[0][1]) and not global_xi  # knapsack: one xi per item
        feat = np.zeros((len(group), n, group[0][0].shape[1]), np.float32)
        x, mask = (np.zeros((len(group), n), np.float32) for _ in range(2))
        xi = np.zeros((len(group), n if per_item else len(group[0][2])), np.float32)
        for k, (f, xv, xiv, _) in enumerate(group):
            m = len(xv)
            feat[k, :m], x[k, :m], mask[k, :m] = f, xv, 1
            xi[k, :len(xiv)] = xiv
        yield (torch.as_tensor(feat), torch.as_tensor(x), torch.as_tensor(xi), torch.as_tensor(mask),
               torch.as_tensor(np.array([r[3] for r in group], np.float32)))


def train(rows: list[Any], epochs: int, seed: int, problem: str = "knapsack") -> tuple[Any, dict[str, Any]]:
    import torch

    from solvers.neur2ro.model import build, build_capital

    torch.set_num_threads(1)
    torch.manual_seed(seed)
    g = problem == "capital"
    rng = np.random.default_rng(seed)
    cut = int(0.9 * len(rows))
    order = rng.permutation(len(rows))
    tr, va = [rows[i] for i in order[:cut]], [rows[i] for i in order[cut:]]
    net = build_capital() if g else build()
    opt = torch.optim.Adam(net.parameters(), lr=2e-3)
    sched = torch.optim.lr_scheduler.CosineAnnealingLR(opt, epochs)
    log = []
    for ep in range(epochs):
        net.train()
        total = 0.0
        for f, x, xi, m, y in batches(tr, 128, rng, g):
            opt.zero_grad()
            loss = torch.mean((net(f, x, xi, m) - y) ** 2)
            loss.backward()
            opt.step()
            total += float(loss) * len(y)
        sched.step()
        net.eval()
        with torch.no_grad():
            err = [float(torch.sum((net(f, x, xi, m) - y) ** 2)) for f, x, xi, m, y in batches(va, 512, rng, g)]
            mae = [float(torch.sum(torch.abs(net(f, x, xi, m) - y))) for f, x, xi, m, y in batches(va, 512, rng, g)]
        log.append({"epoch": ep + 1, "train_mse": total / len(tr), "val_mse": sum(err) / len(va),
                    "val_mae": sum(mae) / len(va)})
        print(f"epoch {ep + 1}: train mse {log[-1]['train_mse']:.5f}  val mse {log[-1]['val_mse']:.5f}  "
              f"val mae {log[-1]['val_mae']:.4f}")
    return net, {"epochs": log, "train_samples": len(tr), "val_samples": len(va)}


def main(argv: list[str] | None = None) -> int:
    from solvers.neur2ro.model import CAPITAL_ARTIFACT, save

    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--problem", choices=("knapsack", "capital"), default="knapsack")
    ap.add_argument("--instances", type=int, default=300)
    ap.add_argument("--per-instance", type=int, default=40)
    ap.add_argument("--epochs", type=int, default=40)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--executor", choices=("local", "ray"), default="local",
                    help="where labelling runs: a local process pool or Ray")
    ap.add_argument("--address", default=None, help="a Ray cluster address (with --executor ray)")
    ap.add_argument("--out", default=None, help="weights file (default: the shipped artifact)")
    args = ap.parse_args(argv)
    t0 = time.perf_counter()
    rows = make_data(args.instances, args.per_instance, args.seed, args.workers, args.executor, args.address,
                     args.problem)
    t1 = time.perf_counter()
    net, log = train(rows, args.epochs, args.seed, args.problem)
    t2 = time.perf_counter()
    log.update(settings=vars(args), data_seconds=t1 - t0, train_seconds=t2 - t1, hardware=f"{platform.processor() or platform.machine()}, "
               f"{multiprocessing.cpu_count()} CPU cores, no GPU", command="python -m solvers.neur2ro.train "
               + " ".join(f"--{k.replace('_', '-')} {v}" for k, v in vars(args).items() if v is not None))
    kwargs = {"log": log}
    if args.out:
        from pathlib import Path

        save(net, Path(args.out), **kwargs)
    elif args.problem == "capital":
        save(net, CAPITAL_ARTIFACT, **kwargs)
    else:
        save(net, **kwargs)
    print(f"data {t1 - t0:.0f} s, training {t2 - t1:.0f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

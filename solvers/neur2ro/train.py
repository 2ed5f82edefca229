"""Train the value network: `python -m solvers.neur2ro.train [--instances 300 --per-instance 40 --epochs 40]`.

Data: instances generated with Arslan & Detienne's recipe (never the benchmark's 504 files), random
first-stage decisions (commit each item with a per-sample probability in [0.1, 0.9]) and scenarios
(half on vertices of the budget set: Gamma random items at 1; half interior: a random point scaled into
the set), each labelled with the exact second-stage value (HiGHS), in worker processes with a progress
bar. The network (model.py) is trained on the value divided by sum(p_bar) with Adam and MSE, 10 % held
out; weights and the log (sizes, losses, seconds, machine) go to solvers/neur2ro/artifacts/.
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


def make_data(instances: int, per: int, seed: int, workers: int, executor: str = "local",
              address: str | None = None) -> list[Any]:
    """Labelled samples from `instances` generated instances, fanned out over the benchmark runner's
    executors: a local process pool, or Ray (`executor="ray"`, a cluster at `address`)."""
    from rich.progress import track

    from benchmarks.executors import make_executor

    tasks = [(seed * 1_000_003 + k, per) for k in range(instances)]
    chunks: dict[int, list[Any]] = {}
    with make_executor(workers, preload=("solvers.neur2ro.knapsack",), kind=executor, address=address) as ex:
        for key, chunk in track(ex.map(_label_keyed, tasks), total=len(tasks), description="labelling"):
            chunks[key] = chunk
    # Completion order varies with the executor; the data must not, so rows follow the task order.
    return [row for key in sorted(chunks) for row in chunks[key]]


def _label_keyed(args: tuple[int, int]) -> tuple[int, list[Any]]:
    return args[0], label_instance(args)


def batches(rows: list[Any], size: int, rng: np.random.Generator) -> Any:
    import torch

    order = rng.permutation(len(rows))
    for s in range(0, len(rows), size):
        group = [rows[i] for i in order[s:s + size]]
        n = max(len(r[1]) for r in group)
        feat = np.zeros((len(group), n, group[0][0].shape[1]), np.float32)
        x, xi, mask = (np.zeros((len(group), n), np.float32) for _ in range(3))
        for k, (f, xv, xiv, _) in enumerate(group):
            m = len(xv)
            feat[k, :m], x[k, :m], xi[k, :m], mask[k, :m] = f, xv, xiv, 1
        yield (torch.as_tensor(feat), torch.as_tensor(x), torch.as_tensor(xi), torch.as_tensor(mask),
               torch.as_tensor(np.array([r[3] for r in group], np.float32)))


def train(rows: list[Any], epochs: int, seed: int) -> tuple[Any, dict[str, Any]]:
    import torch

    from solvers.neur2ro.model import build

    torch.manual_seed(seed)
    rng = np.random.default_rng(seed)
    cut = int(0.9 * len(rows))
    order = rng.permutation(len(rows))
    tr, va = [rows[i] for i in order[:cut]], [rows[i] for i in order[cut:]]
    net = build()
    opt = torch.optim.Adam(net.parameters(), lr=2e-3)
    sched = torch.optim.lr_scheduler.CosineAnnealingLR(opt, epochs)
    log = []
    for ep in range(epochs):
        net.train()
        total = 0.0
        for f, x, xi, m, y in batches(tr, 128, rng):
            opt.zero_grad()
            loss = torch.mean((net(f, x, xi, m) - y) ** 2)
            loss.backward()
            opt.step()
            total += float(loss) * len(y)
        sched.step()
        net.eval()
        with torch.no_grad():
            err = [float(torch.sum((net(f, x, xi, m) - y) ** 2)) for f, x, xi, m, y in batches(va, 512, rng)]
            mae = [float(torch.sum(torch.abs(net(f, x, xi, m) - y))) for f, x, xi, m, y in batches(va, 512, rng)]
        log.append({"epoch": ep + 1, "train_mse": total / len(tr), "val_mse": sum(err) / len(va),
                    "val_mae": sum(mae) / len(va)})
        print(f"epoch {ep + 1}: train mse {log[-1]['train_mse']:.5f}  val mse {log[-1]['val_mse']:.5f}  "
              f"val mae {log[-1]['val_mae']:.4f}")
    return net, {"epochs": log, "train_samples": len(tr), "val_samples": len(va)}


def main(argv: list[str] | None = None) -> int:
    from solvers.neur2ro.model import save

    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
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
    rows = make_data(args.instances, args.per_instance, args.seed, args.workers, args.executor, args.address)
    t1 = time.perf_counter()
    net, log = train(rows, args.epochs, args.seed)
    t2 = time.perf_counter()
    log.update(settings=vars(args), data_seconds=t1 - t0, train_seconds=t2 - t1, hardware=f"{platform.processor() or platform.machine()}, "
               f"{multiprocessing.cpu_count()} CPU cores, no GPU", command="python -m solvers.neur2ro.train "
               + " ".join(f"--{k.replace('_', '-')} {v}" for k, v in vars(args).items() if v is not None))
    kwargs = {"log": log}
    if args.out:
        from pathlib import Path

        save(net, Path(args.out), **kwargs)
    else:
        save(net, **kwargs)
    print(f"data {t1 - t0:.0f} s, training {t2 - t1:.0f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""Train UDC's knapsack policies: `python -m solvers.udc.train --problem kp --seed 0 [options]`.

Divide-conquer-reunion (DCR) with REINFORCE, scaled down for one CPU thread (the defaults are the
shipped run, at most 5 CPU minutes by the per-phase CPU budgets):

1. divide warm-up (--div-warm iterations): the GNN draws `--samples` packing orders of a random
   instance (n uniform in --n-min..--n-max, capacity n/10 as in base.kp_capacity); REINFORCE on the
   packed value with the samples' mean as baseline (Plackett-Luce log-probabilities of the orders).
2. conquer (--con-iters iterations): sub-knapsacks are cut from the dividing policy's own packings
   (consecutive groups by value/weight with a random offset, capacity = their packed weight + the
   slack, only groups that can change), and the attention model is trained on them POMO-style (one
   sampled rollout per start item, mean value over starts as the shared baseline).
3. divide with reunion (--div-iters iterations): as 1, with the reward of each order being its value
   after one conquering round (the DCR objective).

Writes artifacts/kp_divide.pt, artifacts/kp_conquer.pt and artifacts/kp_train_log.json.
"""

from __future__ import annotations

import argparse
from pathlib import Path

import numpy as np

from solvers.udc.training import TrainingLog


def _args(argv: list[str] | None) -> argparse.Namespace:
    ap = argparse.ArgumentParser(prog="python -m solvers.udc.train --problem kp", description=__doc__.splitlines()[0])
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--div-warm", type=int, default=60)
    ap.add_argument("--con-iters", type=int, default=150)
    ap.add_argument("--div-iters", type=int, default=20)
    ap.add_argument("--cpu-budget", type=float, nargs=3, default=[60.0, 180.0, 60.0],
                    metavar=("WARM", "CONQUER", "DCR"),
                    help="CPU seconds per phase: a phase stops at its iteration count or its budget, whichever "
                         "comes first (the log records the iterations run)")
    ap.add_argument("--samples", type=int, default=8)
    ap.add_argument("--con-batch", type=int, default=8)
    ap.add_argument("--n-min", type=int, default=200)
    ap.add_argument("--n-max", type=int, default=1000)
    ap.add_argument("--group-min", type=int, default=60)
    ap.add_argument("--group-max", type=int, default=100)
    ap.add_argument("--lr-div", type=float, default=1e-3)
    ap.add_argument("--lr-con", type=float, default=3e-4)
    ap.add_argument("--out", type=Path, default=None)
    ap.add_argument("--init", type=Path, default=None,
                    help="continue from the weights (and log) in this folder instead of a fresh start")
    ap.add_argument("--threads", type=int, default=1)
    return ap.parse_args(argv)


def _instance(rng: np.random.Generator, n_min: int, n_max: int):
    from solvers.udc.base import random_kp

    return random_kp(int(rng.integers(n_min, n_max + 1)), seed=int(rng.integers(1 << 31)))


def divide_step(models, opt, inst, samples: int, seed: int, conquer_reward: bool) -> tuple[float, float]:
    """One REINFORCE step of the dividing policy; returns (loss, mean relative value of the samples)."""
    import torch

    from solvers.udc import knapsack

    sel, vals, scores, orders = knapsack.divide(inst, models, samples=samples, seed=seed)
    vals = vals.copy()
    if conquer_reward:
        for s in range(samples):
            x, _ = knapsack.conquer_round(inst, sel[s], models.conquer, offset=seed % inst.n, samples=0)
            vals[s] = float(inst.values[x].sum())
    ub = float(np.sort(inst.values / inst.weights)[::-1].sum())  # only a scale for the advantage
    rel = vals[1:] / max(ub, 1e-9)
    lp = knapsack.order_logp(scores, orders[1:])
    adv = torch.tensor(-(rel - rel.mean()) * 100, dtype=torch.float32)  # maximise value
    loss = (adv * lp).mean()
    opt.zero_grad()
    loss.backward()
    torch.nn.utils.clip_grad_norm_(models.divide.parameters(), 1.0)
    opt.step()
    return float(loss.detach()), float(vals[1:].mean() / inst.n)


def conquer_subproblems(models, inst, rng: np.random.Generator, group: int):
    """Sub-knapsacks (weights / sub-capacity, values / max) cut from a sampled packing of `inst`."""
    import torch

    from solvers.udc import knapsack

    with torch.no_grad():
        sel, _, _, _ = knapsack.divide(inst, models, samples=2, seed=int(rng.integers(1 << 31)))
    x = sel[1]
    w, v = inst.weights, inst.values
    slack = inst.capacity - w[x].sum()
    order = np.argsort(-(v / w))
    br = int(np.argmax(~x[order])) if (~x).any() else inst.n
    # a window that contains the first unpacked item, at a random position in it
    lo = int(np.clip(br - rng.integers(0, group), 0, max(0, inst.n - group)))
    ch = order[lo: lo + group]
    capg = w[ch][x[ch]].sum() + slack
    return [(w[ch] / capg, v[ch] / v[ch].max())]


def conquer_step(models, opt, subs, gen) -> tuple[float, float]:
    import torch

    from solvers.udc.conquer_kp import make_subbatch, rollout

    sb = make_subbatch(subs)
    _, value, logp = rollout(models.conquer, sb, greedy=False, generator=gen)
    adv = -(value - value.mean(1, keepdim=True))
    loss = (adv.detach() * logp).mean()
    opt.zero_grad()
    loss.backward()
    torch.nn.utils.clip_grad_norm_(models.conquer.parameters(), 1.0)
    opt.step()
    return float(loss.detach()), float(value.max(1).values.mean())


def train_main(argv: list[str] | None = None) -> int:
    import torch

    from solvers.udc import knapsack

    a = _args(argv)
    torch.set_num_threads(a.threads)
    torch.manual_seed(a.seed)
    rng = np.random.default_rng(a.seed)
    gen = torch.Generator().manual_seed(a.seed)
    models = knapsack.load_model(a.init) if a.init is not None else knapsack.new_models(a.seed)
    opt_d = torch.optim.Adam(models.divide.parameters(), lr=a.lr_div)
    opt_c = torch.optim.Adam(models.conquer.parameters(), lr=a.lr_con)
    log = TrainingLog("kp", vars(a), models.config, a.init)

    def warm(it: int) -> tuple[float, float]:
        return divide_step(models, opt_d, _instance(rng, a.n_min, a.n_max), a.samples, int(rng.integers(1 << 31)),
                           conquer_reward=False)

    def conq(it: int) -> tuple[float, float]:
        g = int(rng.integers(a.group_min, a.group_max + 1))
        subs: list = []
        while len(subs) < a.con_batch:
            subs += conquer_subproblems(models, _instance(rng, a.n_min, a.n_max), rng, g)
        return conquer_step(models, opt_c, subs, gen)

    def dcr(it: int) -> tuple[float, float]:
        return divide_step(models, opt_d, _instance(rng, a.n_min, a.n_max), a.samples, int(rng.integers(1 << 31)),
                           conquer_reward=True)

    models.divide.train()
    models.conquer.train()
    log.phase("divide_warmup", a.div_warm, warm, a.cpu_budget[0], "mean value per item")
    log.phase("conquer", a.con_iters, conq, a.cpu_budget[1], "best scaled sub-value")
    log.phase("divide_dcr", a.div_iters, dcr, a.cpu_budget[2], "mean value per item")
    models.divide.eval()
    models.conquer.eval()
    out = a.out or knapsack.ARTIFACTS
    knapsack.save_models(models, out)
    log.write(out, argv, a.threads)
    return 0

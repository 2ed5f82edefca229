"""Train UDC's CVRP policies: `python -m solvers.udc.train --problem cvrp --seed 0 [options]`.

Divide-conquer-reunion (DCR) with REINFORCE, in three phases (scaled down for one CPU thread; the
defaults below are the shipped run, CPU-time budgets per phase, about 17 CPU minutes
in all; the log has the iteration counts actually run):

1. divide warm-up (--div-warm iterations): the GNN builds `--samples` solutions of a random instance
   (n uniform in --n-min..--n-max, capacity as in base.cvrp_capacity); REINFORCE on the route length
   with the samples' mean as baseline.
2. conquer (--con-iters iterations): sub-CVRPs are cut from the dividing policy's own solutions (groups
   of consecutive routes around the depot, about --sub-min..--sub-max customers, random offset),
   rescaled, and the attention model is trained on them POMO-style: one rollout per start customer,
   sampled, the mean length over starts as the shared baseline.
3. divide with reunion (--div-iters iterations): as in 1, but the reward of each sampled solution is its
   length after one conquering round by the current attention model (greedy, no augmentation), which
   is the DCR objective: a division is good if it conquers well.

The paper trains for days on GPUs with far larger sub-problem counts; these settings are a small
fraction of that, so the shipped weights are undertrained and the measured gaps say so.
Writes artifacts/cvrp_divide.pt, artifacts/cvrp_conquer.pt and artifacts/cvrp_train_log.json.
"""

from __future__ import annotations

import argparse
from pathlib import Path

import numpy as np

from solvers.udc.training import TrainingLog


def _args(argv: list[str] | None) -> argparse.Namespace:
    ap = argparse.ArgumentParser(prog="python -m solvers.udc.train --problem cvrp", description=__doc__.splitlines()[0])
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--div-warm", type=int, default=80)
    ap.add_argument("--con-iters", type=int, default=400)
    ap.add_argument("--div-iters", type=int, default=40)
    ap.add_argument("--cpu-budget", type=float, nargs=3, default=[120.0, 720.0, 200.0],
                    metavar=("WARM", "CONQUER", "DCR"),
                    help="CPU seconds per phase: a phase stops at its iteration count or its budget, whichever "
                         "comes first (the log records the iterations run; rerunning with those counts and a "
                         "large budget repeats the run exactly)")
    ap.add_argument("--samples", type=int, default=8, help="divide samples per instance (shared baseline)")
    ap.add_argument("--con-batch", type=int, default=8, help="sub-problems per conquer step")
    ap.add_argument("--n-min", type=int, default=200)
    ap.add_argument("--n-max", type=int, default=1000)
    ap.add_argument("--sub-min", type=int, default=50)
    ap.add_argument("--sub-max", type=int, default=100)
    ap.add_argument("--lr-div", type=float, default=1e-3)
    ap.add_argument("--lr-con", type=float, default=5e-4)
    ap.add_argument("--out", type=Path, default=None, help="artifact folder (default solvers/udc/artifacts)")
    ap.add_argument("--init", type=Path, default=None,
                    help="continue from the weights (and log) in this folder instead of a fresh start")
    ap.add_argument("--threads", type=int, default=1)
    return ap.parse_args(argv)


def _instance(rng: np.random.Generator, n_min: int, n_max: int):
    from solvers.udc.base import random_cvrp

    n = int(rng.integers(n_min, n_max + 1))
    return random_cvrp(n, seed=int(rng.integers(1 << 31)))


def divide_step(models, opt, inst, samples: int, seed: int, conquer_reward: bool) -> tuple[float, float]:
    """One REINFORCE step of the dividing policy; returns (loss, mean reward length)."""
    import torch

    from solvers.udc import cvrp
    from solvers.udc.base import routes_length

    con, logits, graph = cvrp.divide(inst, models, samples=samples, seed=seed, record=True)
    lengths = con.lengths.copy()
    if conquer_reward:
        for s, r in enumerate(con.routes):
            new, _ = cvrp.conquer_round(inst, r, models.conquer, offset=seed % max(1, len(r)), augment=False)
            lengths[s] = routes_length(inst, new)
    # sample 0 is greedy: it is not part of the REINFORCE estimate, but its length is logged
    lp = cvrp.construction_logp(con, logits, graph, samples)[1:]
    adv = torch.tensor(lengths[1:] - lengths[1:].mean(), dtype=torch.float32)
    loss = (adv * lp).mean()
    opt.zero_grad()
    loss.backward()
    torch.nn.utils.clip_grad_norm_(models.divide.parameters(), 1.0)
    opt.step()
    return float(loss.detach()), float(lengths[1:].mean())


def conquer_subproblems(models, inst, rng: np.random.Generator, sub_size: int, count: int):
    """Sub-CVRPs (unit square) cut from a sampled division of `inst`."""
    import torch

    from solvers.udc import cvrp
    from solvers.udc.conquer_cvrp import normalise

    with torch.no_grad():
        con, _, _ = cvrp.divide(inst, models, samples=2, seed=int(rng.integers(1 << 31)))
    routes = con.routes[1]
    groups = cvrp.group_routes(inst, routes, offset=int(rng.integers(len(routes))), sub_size=sub_size)
    subs = []
    for grp in groups:
        cust = np.array([c for ri in grp for c in routes[ri]], dtype=np.int64)
        if len(cust) >= 5:
            d, xy, _ = normalise(inst.depot, inst.coords[cust])
            subs.append((d, xy, inst.demand[cust] / inst.capacity))
    rng.shuffle(subs)
    return subs[:count]


def conquer_step(models, opt, subs, gen) -> tuple[float, float]:
    import torch

    from solvers.udc.conquer_cvrp import make_subbatch, rollout

    sb = make_subbatch(subs)
    _, length, logp = rollout(models.conquer, sb, greedy=False, generator=gen)
    adv = length - length.mean(1, keepdim=True)
    loss = (adv.detach() * logp).mean()
    opt.zero_grad()
    loss.backward()
    torch.nn.utils.clip_grad_norm_(models.conquer.parameters(), 1.0)
    opt.step()
    return float(loss.detach()), float(length.mean())


def train_main(argv: list[str] | None = None) -> int:
    import torch

    from solvers.udc import cvrp

    a = _args(argv)
    torch.set_num_threads(a.threads)
    torch.manual_seed(a.seed)
    rng = np.random.default_rng(a.seed)
    gen = torch.Generator().manual_seed(a.seed)
    models = cvrp.load_model(a.init) if a.init is not None else cvrp.new_models(a.seed)
    opt_d = torch.optim.Adam(models.divide.parameters(), lr=a.lr_div)
    opt_c = torch.optim.Adam(models.conquer.parameters(), lr=a.lr_con)
    log = TrainingLog("cvrp", vars(a), models.config, a.init)

    def warm(it: int) -> tuple[float, float]:
        return divide_step(models, opt_d, _instance(rng, a.n_min, a.n_max), a.samples, int(rng.integers(1 << 31)),
                           conquer_reward=False)

    def conq(it: int) -> tuple[float, float]:
        subs: list = []
        sub = int(rng.integers(a.sub_min, a.sub_max + 1))
        while len(subs) < a.con_batch:
            subs += conquer_subproblems(models, _instance(rng, a.n_min, a.n_max), rng, sub, a.con_batch - len(subs))
        return conquer_step(models, opt_c, subs, gen)

    def dcr(it: int) -> tuple[float, float]:
        return divide_step(models, opt_d, _instance(rng, a.n_min, min(a.n_max, 500)), a.samples,
                           int(rng.integers(1 << 31)), conquer_reward=True)

    models.divide.train()
    models.conquer.train()
    log.phase("divide_warmup", a.div_warm, warm, a.cpu_budget[0], "mean length")
    log.phase("conquer", a.con_iters, conq, a.cpu_budget[1], "mean length")
    log.phase("divide_dcr", a.div_iters, dcr, a.cpu_budget[2], "mean length")
    models.divide.eval()
    models.conquer.eval()
    out = a.out or cvrp.ARTIFACTS
    cvrp.save_models(models, out)
    log.write(out, argv, a.threads)
    return 0

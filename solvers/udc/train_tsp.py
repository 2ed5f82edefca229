"""Train UDC's TSP policies on CPU: `python -m solvers.udc.train --problem tsp --seed 0`.

Two phases, both REINFORCE, both seeded (numpy + torch), one thread:

1. Conquering policy on random open paths (uniform points in the unit square, point 0 the fixed start,
   point m-1 the fixed end), sizes from `--curriculum` (default m = 20). Each instance is decoded
   `samples` times; the shared baseline is the mean length of those samples (POMO's shared baseline; the
   fixed start rules out POMO's multiple starts).
2. Divide-conquer-reunion (DCR): random TSP instances (n = 200..500). The GNN builds `samples` sampled
   tours from different start cities; each is conquered for a few greedy rounds, and the GNN's reward
   is the length *after* conquering (so it learns tours that conquer well, not just short ones). The
   conquering policy keeps training on the open sub-paths cut from those tours (the distribution it
   meets at inference), with the same shared baseline.

Scaled-down settings (defaults) versus the UDC paper (Zheng et al., NeurIPS 2024, GPU days): attention
model d=64, 4 heads, 3 layers (paper: 128, 8, 12); GNN hidden 64, 6 layers, k=16; pieces of 20 cities
(`--sub-size`; paper: 100) because a model with this little training does not improve 100-city pieces;
at most `--max-minutes` (40) of wall time on one CPU thread. The log (artifacts/tsp_train_log.json) holds
the settings, loss and mean-length curves, wall time per phase, the process CPU time and the hardware.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import time
from pathlib import Path
from typing import Any

import numpy as np

from solvers.udc.tsp import ARTIFACTS, CONQUER_FILE, DIVIDE_FILE


def _args(argv: list[str] | None) -> argparse.Namespace:
    ap = argparse.ArgumentParser(prog="python -m solvers.udc.train --problem tsp", description=__doc__.splitlines()[0])
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--out", default=str(ARTIFACTS), help="folder for the weights and the log")
    ap.add_argument("--curriculum", default="20:800",
                    help="conquering pre-training, size:steps pairs (default %(default)s)")
    ap.add_argument("--batch", type=int, default=32, help="open paths per pre-training step")
    ap.add_argument("--samples", type=int, default=8, help="samples per instance (shared baseline)")
    ap.add_argument("--lr", type=float, default=5e-4)
    ap.add_argument("--sub-size", type=int, default=20,
                    help="cities per conquering piece, in the DCR phase and shipped with the weights")
    ap.add_argument("--dcr-iters", type=int, default=300, help="DCR iterations (one TSP instance each)")
    ap.add_argument("--dcr-n", default="200,500", help="DCR instance sizes, low,high")
    ap.add_argument("--dcr-rounds", type=int, default=2, help="greedy conquering rounds inside the DCR reward")
    ap.add_argument("--dcr-lr", type=float, default=1e-3, help="dividing GNN learning rate")
    ap.add_argument("--dcr-conquer-lr", type=float, default=3e-4, help="conquering model learning rate in DCR")
    ap.add_argument("--init", default=None,
                    help="continue from the weights (and log) in this folder instead of fresh networks")
    ap.add_argument("--max-minutes", type=float, default=40.0, help="safety stop for the whole run")
    return ap.parse_args(argv)


def conquer_step(model: Any, opt: Any, xy: Any, samples: int) -> tuple[float, float]:
    """One REINFORCE step on open paths xy (B, m, 2) with the mean-of-samples baseline; (loss, mean length)."""
    import torch

    from solvers.udc.conquer_tsp import path_lengths

    order, logp = model.rollout(xy, samples=samples)
    length = path_lengths(xy, order, samples).view(-1, samples)
    adv = length - length.mean(dim=1, keepdim=True)
    loss = (adv.detach() * logp.view(-1, samples)).mean()
    opt.zero_grad()
    loss.backward()
    torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
    opt.step()
    return float(loss.detach()), float(length.mean())


def divide_step(policy: Any, conquer_model: Any, opt: Any, coords: np.ndarray, samples: int, rounds: int,
                rng: np.random.Generator, sub_size: int = 20) -> tuple[float, float, float, np.ndarray]:
    """One DCR step for the GNN: sampled tours, conquered greedily, REINFORCE on the conquered length.
    Returns (loss, mean length before conquering, mean after, the best conquered tour)."""
    import torch

    from solvers.udc.base import tour_length
    from solvers.udc.tsp import conquer, construct

    n = len(coords)
    logits, nbr = policy(coords)
    starts = rng.choice(n, size=samples, replace=False)
    c = construct(logits.detach().numpy().astype(np.float64), nbr, coords, starts, greedy=False, rng=rng, record=True)
    before = np.array([tour_length(coords, t) for t in c.tours])
    tours, hist = conquer(conquer_model, coords, c.tours, rounds, seed=int(rng.integers(1 << 30)), n_variants=1,
                          sub_size=sub_size)
    after = np.asarray(hist[-1]) if hist else before
    # log-probability of each recorded choice under the current logits (fallback steps carry none)
    cur = torch.as_tensor(c.cur)
    ok = torch.as_tensor(c.ok)
    choice = torch.as_tensor(c.choice)
    lp = torch.log_softmax(logits[cur].masked_fill(~ok, -1e9), dim=-1)  # (S, n-1, k)
    took = choice >= 0
    step_lp = lp.gather(-1, choice.clamp(min=0).unsqueeze(-1)).squeeze(-1) * took
    logp = step_lp.sum(dim=1)
    adv = torch.as_tensor((after - after.mean()) / (after.std() + 1e-9), dtype=torch.float32)
    loss = (adv * logp).mean()
    opt.zero_grad()
    loss.backward()
    torch.nn.utils.clip_grad_norm_(policy.parameters(), 1.0)
    opt.step()
    return float(loss.detach()), float(before.mean()), float(after.mean()), tours[int(np.argmin(after))]


def _greedy_val(model: Any, xy: Any) -> float:
    import torch

    from solvers.udc.conquer_tsp import path_lengths

    with torch.inference_mode():
        order, _ = model.rollout(xy, greedy=True)
        return float(path_lengths(xy, order).mean())


def _hardware() -> dict[str, Any]:
    import torch

    cpu = platform.processor() or platform.machine()
    try:
        for ln in Path("/proc/cpuinfo").read_text().splitlines():
            if ln.startswith("model name"):
                cpu = ln.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return {"cpu": cpu, "cores_visible": os.cpu_count(), "torch_threads": torch.get_num_threads(),
            "torch": torch.__version__, "python": platform.python_version(), "gpu": None,
            "load_average_at_end": os.getloadavg()}


def train_main(argv: list[str] | None = None) -> int:
    import torch

    from solvers.udc.base import random_tsp
    from solvers.udc.conquer_tsp import PathSolver, normalise, save
    from solvers.udc.tsp import make_divide_policy

    a = _args(argv)
    torch.set_num_threads(1)
    torch.manual_seed(a.seed)
    rng = np.random.default_rng(a.seed)
    out = Path(a.out)
    out.mkdir(parents=True, exist_ok=True)
    t_start = time.perf_counter()
    stop_at = t_start + 60 * a.max_minutes
    log: dict[str, Any] = {"settings": vars(a), "phases": [], "stopped_early": False}

    model = PathSolver()
    policy = make_divide_policy()
    if a.init:
        init = Path(a.init)
        model.load_state_dict(torch.load(init / CONQUER_FILE, map_location="cpu", weights_only=True)["state_dict"])
        if (init / DIVIDE_FILE).is_file():
            policy.load_state_dict(torch.load(init / DIVIDE_FILE, map_location="cpu", weights_only=True)["state_dict"])
        if (init / "tsp_train_log.json").is_file():
            log["init_log"] = json.loads((init / "tsp_train_log.json").read_text())
    opt = torch.optim.Adam(model.parameters(), lr=a.lr)
    for part in a.curriculum.split(","):
        m, steps = (int(x) for x in part.split(":"))
        val = torch.as_tensor(np.random.default_rng(10_000 + m).random((128, m, 2)), dtype=torch.float32)
        phase: dict[str, Any] = {"phase": f"conquer_m{m}", "steps": 0, "val_greedy_before": _greedy_val(model, val)}
        t0, curve = time.perf_counter(), []
        for step in range(steps):
            if time.perf_counter() > stop_at:
                log["stopped_early"] = True
                break
            xy = torch.as_tensor(rng.random((a.batch, m, 2)), dtype=torch.float32)
            loss, length = conquer_step(model, opt, xy, a.samples)
            curve.append((step, round(loss, 5), round(length, 5)))
            phase["steps"] = step + 1
            if step % 50 == 0:
                print(f"[conquer m={m}] step {step} loss {loss:.4f} len {length:.4f} "
                      f"{time.perf_counter() - t_start:.0f}s", flush=True)
        phase.update(val_greedy_after=_greedy_val(model, val), seconds=time.perf_counter() - t0,
                     curve=curve[::10] + curve[-1:])
        log["phases"].append(phase)
        print(json.dumps({k: v for k, v in phase.items() if k != "curve"}), flush=True)
        save(model, str(out / CONQUER_FILE), {"sub_size": a.sub_size})

    d_opt = torch.optim.Adam(policy.parameters(), lr=a.dcr_lr)
    c_opt = torch.optim.Adam(model.parameters(), lr=a.dcr_conquer_lr)
    lo, hi = (int(x) for x in a.dcr_n.split(","))
    t0, curve = time.perf_counter(), []
    phase = {"phase": "dcr", "iters": 0}
    for it in range(a.dcr_iters):
        if time.perf_counter() > stop_at:
            log["stopped_early"] = True
            break
        coords = random_tsp(int(rng.integers(lo, hi + 1)), seed=int(rng.integers(1 << 30))).coords
        model.eval()
        d_loss, before, after, tour = divide_step(policy, model, d_opt, coords, a.samples, a.dcr_rounds, rng,
                                                  a.sub_size)
        model.train()
        # the conquering policy trains on the open sub-paths of the best conquered tour, at a random cut
        sub = min(a.sub_size, len(tour))
        rolled = np.roll(tour, -int(rng.integers(len(tour))))
        pieces = len(tour) // sub
        xy = torch.as_tensor(normalise(coords[rolled[: pieces * sub].reshape(pieces, sub)]), dtype=torch.float32)
        c_loss, c_len = conquer_step(model, c_opt, xy, a.samples)
        curve.append((it, len(coords), round(d_loss, 4), round(before, 4), round(after, 4), round(c_loss, 5)))
        phase["iters"] = it + 1
        if it % 10 == 0:
            print(f"[dcr] it {it} n {len(coords)} divide {before:.3f} -> conquered {after:.3f} "
                  f"d_loss {d_loss:.3f} c_loss {c_loss:.4f} {time.perf_counter() - t_start:.0f}s", flush=True)
    phase.update(seconds=time.perf_counter() - t0, curve=curve)
    log["phases"].append(phase)
    model.eval()
    save(model, str(out / CONQUER_FILE), {"sub_size": a.sub_size})
    torch.save({"config": policy.hparams, "state_dict": policy.state_dict()}, out / DIVIDE_FILE)
    log["wall_seconds"] = time.perf_counter() - t_start
    log["cpu_seconds"] = time.process_time()
    log["hardware"] = _hardware()
    log["date_utc"] = time.strftime("%Y-%m-%d %H:%M:%S", time.gmtime())
    (out / "tsp_train_log.json").write_text(json.dumps(log, indent=1))
    print(f"done in {log['wall_seconds'] / 60:.1f} min -> {out}", flush=True)
    return 0

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

On a GPU (`--device cuda`), phase 1 alone (`--dcr-iters 0`, which leaves the dividing policy as it is)
trains a larger conquering model (`--dim 128 --heads 8 --layers 6`) on batches that are half uniform
points and half stretches of nearest-neighbour tours (`--tour-pieces 0.5`). The shipped conquering
weights come from such a run: benchmarks/results/udc/gpu-2026-12-04/train_on_gpu.sh (model B), then
continued alone on the GPU for 4.2 minutes with `--init` (the log embeds the first part as `init_log`).
The dividing policy's own CPU training log is artifacts/tsp_divide_train_log.json. GPU runs are not
bit-reproducible (cuBLAS and sampling kernels), CPU runs are.
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
    ap.add_argument("--device", default="cpu", help="cpu, cuda, or auto (cuda when torch sees a GPU)")
    ap.add_argument("--dim", type=int, default=None, help="fresh conquering model width (default ConquerConfig's)")
    ap.add_argument("--heads", type=int, default=None)
    ap.add_argument("--layers", type=int, default=None)
    ap.add_argument("--tour-pieces", type=float, default=0.0,
                    help="share of each pre-training batch cut from nearest-neighbour tours of random "
                         "500-city instances (the pieces the first conquering round meets) instead of "
                         "uniform points")
    ap.add_argument("--checkpoint-minutes", type=float, default=0.0,
                    help="also save the conquering weights every so many minutes of pre-training (0: only "
                         "at the end of each phase), so a run cut short still leaves its latest weights")
    return ap.parse_args(argv)


def conquer_step(model: Any, opt: Any, xy: Any, samples: int) -> tuple[float, float]:
    """One REINFORCE step on open paths xy (B, m, 2) with the mean-of-samples baseline; (loss, mean length)."""
    import torch

    from solvers.udc.conquer_tsp import path_lengths

    xy = xy.to(next(model.parameters()).device)
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


def tour_pieces(rng: np.random.Generator, count: int, m: int, n: int = 500, device: Any = "cpu") -> Any:
    """`count` open paths of m cities, a (K, m, 2) tensor on `device`, normalised: consecutive stretches of
    nearest-neighbour tours of random n-city instances, the kind of piece the first conquering round
    cuts. The tours are built in torch, all instances in step, so on a GPU this costs milliseconds."""
    import torch

    per = n // m
    k = -(-count // per)
    pts = torch.as_tensor(rng.random((k, n, 2)), dtype=torch.float32, device=device)
    d = torch.cdist(pts, pts)
    rows = torch.arange(k, device=device)
    tours = torch.empty(k, n, dtype=torch.long, device=device)
    cur = torch.zeros(k, dtype=torch.long, device=device)
    for t in range(n):
        tours[:, t] = cur
        d[rows, :, cur] = float("inf")  # nobody moves to a visited city
        if t < n - 1:
            cur = d[rows, cur].argmin(dim=1)
    tours = tours.roll(-int(rng.integers(n)), dims=1)[:, : per * m].reshape(k * per, m)
    xy = pts[rows.repeat_interleave(per)[:, None], tours][:count]
    lo = xy.amin(dim=1, keepdim=True)
    span = (xy.amax(dim=1, keepdim=True) - lo).amax(dim=2, keepdim=True)
    return (xy - lo) / span.clamp(min=1e-12)


def _device(name: str) -> Any:
    """The torch device `--device` names ("auto": cuda when torch sees a GPU); a clear error otherwise."""
    import torch

    if name == "auto":
        name = "cuda" if torch.cuda.is_available() else "cpu"
    try:
        device = torch.device(name)
    except RuntimeError as e:
        raise SystemExit(f"--device {name!r}: not a device torch knows ({e})") from None
    if device.type == "cuda" and not torch.cuda.is_available():
        raise SystemExit(f"--device {name!r}: torch sees no GPU here; use --device cpu (or auto)")
    return device


def _greedy_val(model: Any, xy: Any) -> float:
    import torch

    from solvers.udc.conquer_tsp import path_lengths

    with torch.inference_mode():
        xy = xy.to(next(model.parameters()).device)
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
            "torch": torch.__version__, "python": platform.python_version(),
            "gpu": torch.cuda.get_device_name(0) if torch.cuda.is_available() else None,
            "load_average_at_end": os.getloadavg()}


def train_main(argv: list[str] | None = None) -> int:
    import torch

    from solvers.udc.base import random_tsp
    from solvers.udc.conquer_tsp import ConquerConfig, PathSolver, normalise, save
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

    device = _device(a.device)
    if device.type == "cuda":
        torch.cuda.manual_seed_all(a.seed)
        torch.backends.cuda.matmul.allow_tf32 = True  # the decoder's products; float32 storage throughout
    shape = {k: v for k, v in (("dim", a.dim), ("heads", a.heads), ("layers", a.layers)) if v is not None}
    if "dim" in shape:
        shape["ff"] = 4 * shape["dim"]
    model = PathSolver(ConquerConfig(**shape)).to(device)
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
        saved_at = t0
        n_tour = int(round(a.tour_pieces * a.batch))
        for step in range(steps):
            if time.perf_counter() > stop_at:
                log["stopped_early"] = True
                break
            xy = torch.as_tensor(rng.random((a.batch - n_tour, m, 2)), dtype=torch.float32, device=device)
            if n_tour:
                xy = torch.cat([xy, tour_pieces(rng, n_tour, m, device=device)])
            loss, length = conquer_step(model, opt, xy, a.samples)
            if a.checkpoint_minutes and time.perf_counter() - saved_at > 60 * a.checkpoint_minutes:
                save(model, str(out / CONQUER_FILE), {"sub_size": a.sub_size})
                saved_at = time.perf_counter()
            curve.append((step, round(loss, 5), round(length, 5)))
            phase["steps"] = step + 1
            if step % 50 == 0:
                print(f"[conquer m={m}] step {step} loss {loss:.4f} len {length:.4f} "
                      f"{time.perf_counter() - t_start:.0f}s", flush=True)
            if step % 500 == 499:
                print(f"[conquer m={m}] val greedy {_greedy_val(model, val):.4f}", flush=True)
        phase.update(val_greedy_after=_greedy_val(model, val), seconds=time.perf_counter() - t0,
                     curve=curve[::10] + curve[-1:])
        log["phases"].append(phase)
        print(json.dumps({k: v for k, v in phase.items() if k != "curve"}), flush=True)
        save(model, str(out / CONQUER_FILE), {"sub_size": a.sub_size})

    model = model.cpu()  # DCR cuts pieces from numpy tours and conquers them on the CPU
    if a.dcr_iters == 0:  # pre-training only: the dividing policy is left as it was
        _finish(log, t_start, out)
        return 0
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
    _finish(log, t_start, out)
    return 0


def _finish(log: dict[str, Any], t_start: float, out: Path) -> None:
    log["wall_seconds"] = time.perf_counter() - t_start
    log["cpu_seconds"] = time.process_time()
    log["hardware"] = _hardware()
    log["date_utc"] = time.strftime("%Y-%m-%d %H:%M:%S", time.gmtime())
    (out / "tsp_train_log.json").write_text(json.dumps(log, indent=1))
    print(f"done in {log['wall_seconds'] / 60:.1f} min -> {out}", flush=True)

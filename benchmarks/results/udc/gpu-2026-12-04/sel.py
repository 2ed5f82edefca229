"""Pick a conquering model on random TSP instances (not the test sets): UDC at 10 s vs LKH-3.

usage (from a folder holding one weight folder per model, repo on PYTHONPATH):
    python sel.py N COUNT NAME [NAME ...]"""

import json
import sys

import numpy as np
import torch

from solvers.tsp import solve_lkh
from solvers.udc import tsp
from solvers.udc.base import TSPInstance

torch.set_num_threads(1)
n, count = int(sys.argv[1]), int(sys.argv[2])
models = {name: tsp.load_model(f"./{name}") for name in sys.argv[3:]}
insts = [np.random.default_rng(7000 + i).random((n, 2)) for i in range(count)]
lkh = [solve_lkh(c).length for c in insts]
for name, model in models.items():
    tsp.solve(TSPInstance(np.random.default_rng(0).random((200, 2))), rounds=2, model=model)  # warm-up
    gaps, init, rounds = [], [], []
    for c, ref in zip(insts, lkh, strict=True):
        r = tsp.solve(TSPInstance(c), rounds=1000, time_limit=10, model=model)
        gaps.append(r.objective / ref - 1)
        init.append(r.initial_objective / ref - 1)
        rounds.append(len(r.history))
    print(json.dumps({"model": name, "sub": model.conquer.sub_size, "gap": round(100 * np.mean(gaps), 2),
                      "gaps": [round(100 * g, 2) for g in gaps], "initial": round(100 * np.mean(init), 2),
                      "rounds": rounds}), flush=True)

"""A conquering model with a schedule of piece sizes (cycled round by round), 9.5 s per instance.

usage: python mix.py NAME SIZES [N [COUNT]]    e.g. python mix.py B2 50,50,200 1000 2"""

import sys
import time

import numpy as np
import torch

from solvers.tsp import solve_lkh
from solvers.udc import tsp
from solvers.udc.base import tour_length

torch.set_num_threads(1)
model = tsp.load_model("./" + sys.argv[1])
sizes = [int(x) for x in sys.argv[2].split(",")]
n = int(sys.argv[3]) if len(sys.argv) > 3 else 500
insts = [np.random.default_rng(7000 + i).random((n, 2)) for i in range(int(sys.argv[4]) if len(sys.argv) > 4 else 4)]
gaps = []
for c in insts:
    ref = solve_lkh(c).length
    t0 = time.perf_counter()
    tour = tsp.divide(model.divide, c, seed=0)
    r = 0
    base = int(np.random.default_rng(0).integers(n))
    while time.perf_counter() - t0 < 9.5:
        s = sizes[r % len(sizes)]
        tour = tsp.conquer_round(model.conquer, c, tour, tsp.round_offset(r, n, s, base), sub_size=s, samples=4, seed=r)
        r += 1
    gaps.append(100 * (tour_length(c, tour) / ref - 1))
print(sys.argv[1:], round(np.mean(gaps), 2), [round(g, 2) for g in gaps], r)

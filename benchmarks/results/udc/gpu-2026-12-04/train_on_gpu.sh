#!/usr/bin/env bash
# Pre-train three TSP conquering models side by side on one GPU (the device machine of 2026-12-04: one
# NVIDIA H200, 16 cores), then pick one on random instances back on the 2-core CPU host.
#   A: pieces of 100 cities (the paper's size), batch 128 x 16 samples, lr 3e-4
#   B: pieces of 50 cities, same settings
#   C: pieces of 100 cities, batch 64 x 16 samples, lr 5e-4 (more, smaller steps)
# All: attention model d=128, 8 heads, 6 layers; half of each batch cut from nearest-neighbour tours;
# curriculum 20 -> 50 (-> 100) cities; seed 0; MINUTES of wall time each (default 7.5).
# usage: train_on_gpu.sh OUTDIR [MINUTES] [DEVICE]      (DEVICE cpu with MINUTES 0.2 is the dry run)
set -euo pipefail
out=${1:?OUTDIR}; minutes=${2:-7.5}; device=${3:-cuda}
mkdir -p "$out"
common=(--problem tsp --seed 0 --dcr-iters 0 --samples 16 --dim 128 --heads 8 --layers 6 --tour-pieces 0.5
        --checkpoint-minutes 1 --max-minutes "$minutes" --device "$device")
run() {  # name, then its own options; its output lines are prefixed with its name
  local name=$1; shift
  python3 -u -m solvers.udc.train "${common[@]}" --out "$out/$name" "$@" 2>&1 | sed -u "s/^/$name /"
}
run A --curriculum 20:300,50:500,100:1000000 --batch 128 --lr 3e-4 --sub-size 100 &
run B --curriculum 20:300,50:1000000 --batch 128 --lr 3e-4 --sub-size 50 &
run C --curriculum 20:300,50:500,100:1000000 --batch 64 --lr 5e-4 --sub-size 100 &
wait

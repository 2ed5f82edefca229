"""TSP suites `tsp500`, `tsp1000`, `tsp10000`: tours scored against LKH-3 run on the same machine.

Items come from `$OPTIPILOT_DATA/tsp/tsp{N}_test.zip` (128 / 128 / 16 instances; the tours stored in
those files are not optimal and are never used). A result carries its tour in
`result.solution.values["tour"]` (0-based city order). Scoring checks it is a tour and compares its
Euclidean length with LKH-3's (solvers.tsp.baseline, settings recorded in the metrics): gap =
ours / LKH - 1. LKH runs once per item and process (memoised), which costs seconds per item for
n <= 1,000 and minutes for n = 10,000.

Producers: `reference(item)` is the LKH-3 tour (so `bench selfcheck tsp500` checks the scorer),
`produce_mcts(item)` our heatmap + MCTS solver at 0.02 n seconds. `benchmarks/bench_tsp.py` runs both
side by side with timings and a gap-versus-time curve.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable
from pathlib import Path
from typing import Any, ClassVar

import numpy as np

from benchmarks.suites.base import DataNotFoundError, Item, Suite, Verdict, register
from modeler.result import ModelResult
from solvers.result import Solution, Status

TIME_FACTOR = 0.02  # produce_mcts time limit: 0.02 n seconds (10 s at n = 500)


def _coords(item: Item) -> np.ndarray:
    return np.asarray(item.data["coords"], dtype=np.float64)


@functools.lru_cache(maxsize=256)
def _lkh(item_id: str, coords_key: bytes, n: int) -> tuple[float, float, dict[str, Any], tuple[int, ...]]:
    from solvers.tsp import solve_lkh

    r = solve_lkh(np.frombuffer(coords_key, dtype=np.float64).reshape(n, 2))
    return r.length, r.time, r.settings, tuple(int(c) for c in r.tour)


def lkh_reference(item: Item) -> tuple[float, float, dict[str, Any], tuple[int, ...]]:
    """LKH-3's (length, seconds, settings, tour) for the item, once per process."""
    xy = np.ascontiguousarray(_coords(item))
    return _lkh(item.id, xy.tobytes(), len(xy))


def tour_result(tour: Any, length: float, seconds: float, backend: str, message: str = "") -> ModelResult:
    sol = Solution(status=Status.FEASIBLE, objective=length, values={"tour": [int(c) for c in tour]},
                   solve_time=seconds, backend=backend, message=message)
    return ModelResult(solution=sol, status=sol.status.value, time=seconds)


def produce_mcts(item: Item, time_factor: float = TIME_FACTOR, heatmap: str = "softdist") -> ModelResult:
    """Our solver on one item (a producer for the runner)."""
    from solvers.tsp import solve

    xy = _coords(item)
    r = solve(xy, heatmap=heatmap, time_limit=time_factor * len(xy), seed=0)
    return tour_result(r.tour, r.length, r.time, f"heatmap-mcts({heatmap})", message=str(r.timings))


class _TSPSuite(Suite):
    n: ClassVar[int]

    def items(self, data_dir: Path) -> Iterable[Item]:
        from solvers.tsp import read_instances

        f = Path(data_dir) / "tsp" / f"tsp{self.n}_test.zip"
        if not f.is_file():
            raise DataNotFoundError(f"{f} is missing: suite {self.name} reads $OPTIPILOT_DATA/tsp/tsp{self.n}_test.zip.")
        for inst in read_instances(f):
            yield Item(id=inst.name, text=f"Find a shortest round trip through these {len(inst.coords)} cities.",
                       data={"coords": inst.coords.tolist(), "n": len(inst.coords)})

    def solvers(self) -> dict[str, Any]:
        return {"mcts": produce_mcts, "mcts-knn": functools.partial(produce_mcts, heatmap="knn")}

    def reference(self, item: Item) -> ModelResult | None:
        length, seconds, settings, tour = lkh_reference(item)
        return tour_result(tour, length, seconds, "lkh-3(elkai)", message=str(settings))

    def score(self, item: Item, result: ModelResult) -> Verdict:
        from solvers.tsp import TSPInputError, check_tour, tour_length

        xy = _coords(item)
        sol = result.solution
        if sol is None or "tour" not in sol.values:
            return Verdict(id=item.id, passed=False, category="no_tour",
                           message=result.error or "the result has no solution.values['tour']")
        try:
            tour = check_tour(sol.values["tour"], len(xy))
        except (TSPInputError, TypeError, ValueError) as e:
            return Verdict(id=item.id, passed=False, category="invalid_tour", message=str(e))
        length = tour_length(xy, tour)
        ref_len, ref_time, _, _ = lkh_reference(item)
        gap = length / ref_len - 1.0
        return Verdict(id=item.id, passed=True, category="passed",
                       metrics={"length": length, "lkh_length": ref_len, "gap": gap,
                                "time": float(result.time or sol.solve_time), "lkh_time": ref_time})

    def summarize(self, verdicts: list[Verdict]) -> dict[str, Any]:
        ok = [v for v in verdicts if v.passed]
        def mean(key: str) -> float | None:
            return float(np.mean([v.metrics[key] for v in ok])) if ok else None

        return {"count": len(verdicts), "valid_tours": len(ok), "mean_gap": mean("gap"),
                "max_gap": float(max(v.metrics["gap"] for v in ok)) if ok else None,
                "mean_time": mean("time"), "lkh_mean_time": mean("lkh_time")}


@register
class TSP500(_TSPSuite):
    name = "tsp500"
    description = "128 random uniform TSP-500 instances; gap to LKH-3 run alongside."
    n = 500


@register
class TSP1000(_TSPSuite):
    name = "tsp1000"
    description = "128 random uniform TSP-1000 instances; gap to LKH-3 run alongside."
    n = 1000


@register
class TSP10000(_TSPSuite):
    name = "tsp10000"
    description = "16 random uniform TSP-10000 instances; gap to LKH-3 run alongside."
    n = 10000

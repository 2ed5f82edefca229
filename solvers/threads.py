"""How many threads one solve may use.

A parallel run gives each unit of work a share of the machine (a Ray task asks for `cpus_per_task`
CPUs; a local pool of W workers shares the cores W ways). Solvers with their own thread pools (CP-SAT
uses up to 8 workers by default) must stay within that share, or W units oversubscribe the cores and
adding workers stops helping. The executors put the share in OPTIPILOT_SOLVER_THREADS; the backends and
the sandbox (for generated CPMpy / OR-Tools code) read it here. Unset, a solve uses up to 8 threads.
"""

from __future__ import annotations

import os

ENV = "OPTIPILOT_SOLVER_THREADS"


def solver_threads() -> int:
    """The thread budget of a solve in this process (at least 1)."""
    raw = os.environ.get(ENV, "").strip()
    if raw:
        try:
            return max(1, int(float(raw)))
        except ValueError:
            pass
    return max(1, min(8, os.cpu_count() or 1))

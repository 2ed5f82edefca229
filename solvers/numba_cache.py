"""Where numba keeps the compiled code of our kernels (solvers/tsp, the Neur2RO knapsack DP): inside the
virtualenv when writable, else the temp folder; never the repository. Call `use_numba_cache()` before
numba is imported."""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path


def _cache_dir() -> str:
    for base in (Path(sys.prefix) / "var", Path(tempfile.gettempdir())):
        d = base / "optipilot-numba-cache"
        try:
            d.mkdir(parents=True, exist_ok=True)
            if os.access(d, os.W_OK):
                return str(d)
        except OSError:
            continue
    return str(Path(tempfile.gettempdir()))


def use_numba_cache() -> None:
    """Point NUMBA_CACHE_DIR at our cache folder unless the user has set it."""
    os.environ.setdefault("NUMBA_CACHE_DIR", _cache_dir())

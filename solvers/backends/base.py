"""The Backend interface, and the registry that finds backends by name.

A backend turns a `GroundModel` (see `modeler.ir.ground`) into its solver's own model (`compile`), and
solves that (`solve`). Solver packages are imported inside those methods, never at module import, so
`optipilot` starts fast and a missing solver only matters when it is asked for. TEMPLATE.py shows how
to add the next backend.
"""

from __future__ import annotations

import functools
import importlib
import importlib.metadata
import time
from abc import ABC, abstractmethod
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, ClassVar

from modeler.ir.ground import GroundModel
from solvers.errors import UnknownBackendError
from solvers.result import Solution, Status


@dataclass
class Compiled:
    """A model in a backend's own form, plus how to read its solution back."""

    backend: str
    ground: GroundModel
    native: Any  # the solver's model object
    handles: Any  # backend-specific: variable objects by GVar id, objective, tracked constraints, ...
    compile_time: float = 0.0
    _text: Callable[[], tuple[str, str]] | None = field(default=None, repr=False)

    def text(self) -> tuple[str, str]:
        """(model text, language): the readable, reusable form of the compiled model (made on demand)."""
        return self._text() if self._text is not None else ("", "")


@functools.cache
def _installed(package: str) -> tuple[bool, str]:
    """(installed, its version or how to install it); asked once per process (each lookup reads package
    metadata from disk, about 0.7 ms, and every solve asks)."""
    try:
        return True, importlib.metadata.version(package)
    except importlib.metadata.PackageNotFoundError:
        return False, f"the Python package {package!r} is not installed (pip install {package})"


class Backend(ABC):
    name: ClassVar[str]
    description: ClassVar[str]
    package: ClassVar[str]  # the distribution whose version we report ("ortools", "z3-solver", ...)

    def available(self) -> tuple[bool, str]:
        """(usable here, version or the reason it is not)."""
        return _installed(self.package)

    @abstractmethod
    def supports(self, gm: GroundModel) -> tuple[bool, str]:
        """(can take this model, why not when it cannot)."""

    @abstractmethod
    def compile(self, gm: GroundModel) -> Compiled:
        """Build the solver's model; no solving."""

    @abstractmethod
    def solve(self, compiled: Compiled, time_limit: float | None = None) -> Solution:
        """Solve a compiled model and read back the status, objective and values."""

    # ------------------------------------------------------------------ shared by the backends
    def _solution(self, compiled: Compiled, status: Status, objective: float | None,
                  values: list[float] | None, solve_time: float, message: str = "") -> Solution:
        gm = compiled.ground
        _, version = self.available()
        return Solution(
            status=status,
            objective=objective if status.has_solution else None,
            values=gm.values_by_name(values) if values is not None and status.has_solution else {},
            solve_time=solve_time,
            compile_time=compiled.compile_time,
            backend=self.name,
            backend_version=version,
            message=message,
        )


def timed(fn: Callable[[], Any]) -> tuple[Any, float]:
    t0 = time.perf_counter()
    out = fn()
    return out, time.perf_counter() - t0


# name -> "module:Class"; imported on first use so a backend's module costs nothing until asked for.
_REGISTRY: dict[str, str] = {
    "cpsat": "solvers.backends.cpsat:CpSatBackend",
    "ortools-mip": "solvers.backends.ortools_mip:OrtoolsMipBackend",
    "pyomo-highs": "solvers.backends.pyomo_highs:PyomoHighsBackend",
    "pulp-cbc": "solvers.backends.pulp_cbc:PulpCbcBackend",
    "cpmpy": "solvers.backends.cpmpy_backend:CpmpyBackend",
    "minizinc": "solvers.backends.minizinc_backend:MiniZincBackend",
    "z3": "solvers.backends.z3_backend:Z3Backend",
}
_INSTANCES: dict[str, Backend] = {}


def register(name: str, target: str) -> None:
    """Add a backend by dotted path (`"my_pkg.my_backend:MyBackend"`); see TEMPLATE.py."""
    _REGISTRY[name] = target
    _INSTANCES.pop(name, None)


def names() -> list[str]:
    return list(_REGISTRY)


def get(name: str) -> Backend:
    if name not in _INSTANCES:
        target = _REGISTRY.get(name)
        if target is None:
            raise UnknownBackendError(f"unknown backend {name!r}; the backends are: {', '.join(_REGISTRY)}")
        module, cls = target.split(":")
        _INSTANCES[name] = getattr(importlib.import_module(module), cls)()
    return _INSTANCES[name]

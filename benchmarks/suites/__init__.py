"""Benchmark suites. Each module registers its suites with `@register`; see base.py for the interface."""

import importlib

from benchmarks.suites.base import Item, Suite, Verdict, data_dir, get_suite, register, suite_names

# Modules holding the built-in suites; imported on first use so `import benchmarks` stays cheap.
_BUILTIN = ("cpbench", "nl4opt", "answers", "tsp", "travelplanner", "qubo", "robust_knapsack", "robust_capital", "udc")


def load_builtin() -> None:
    for mod in _BUILTIN:
        try:
            importlib.import_module(f"benchmarks.suites.{mod}")
        except ModuleNotFoundError as e:  # a suite module not written yet must not break the others
            if e.name != f"benchmarks.suites.{mod}":
                raise


__all__ = ["Item", "Suite", "Verdict", "data_dir", "get_suite", "register", "suite_names", "load_builtin"]

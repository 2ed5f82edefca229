"""How to add a backend: copy this file, fill in the four methods, register it.

1. Copy to `solvers/backends/<yoursolver>.py` and rename the class.
2. Import the solver package *inside* the methods (never at the top): `optipilot` must start fast and
   work without your solver installed.
3. `supports()` says, in words a user can act on, what your solver cannot take. `GroundModel.features`
   tells what a model uses (continuous / integer variables, nonlinear terms, logic, all_different,
   min / max / abs, !=); `modeler.ir.ground.conjuncts` splits a constraint's top-level `and`.
4. `compile()` walks the ground model: variables (`gm.vars`), the objective (`gm.objective`, a number,
   a `Lin` or a `Node`; `gm.sense`) and the constraints (`gm.constraints`, each a boolean `Node`; see the
   node list at the top of `modeler/ir/ground.py`). Return a `Compiled` with a `_text` callable that
   produces the readable model (LP file, MiniZinc, SMT-LIB, code) only when someone asks for it.
5. `solve()` maps your solver's statuses onto `Status` carefully and returns `self._solution(...)` with
   the values as a list indexed by variable id.
6. Register it: add `"yoursolver": "solvers.backends.yoursolver:YourBackend"` to `_REGISTRY` in
   `base.py` (or call `solvers.backends.base.register(...)` from your own package), and list it in
   `_PREFERENCE` in `solvers/__init__.py` if automatic choice should consider it.
7. Test it against the reference models: `tests/solvers/test_reference_models.py` runs every backend
   on every model it supports and compares with the known optimum, so adding the name is most of it.

`cpsat.py` (CP-SAT) is the full-featured example; `pulp_cbc.py` is the smallest linear one.
"""

from __future__ import annotations

import time

from modeler.ir.ground import GroundModel, Lin, conjuncts
from solvers.backends.base import Backend, Compiled
from solvers.result import Solution, Status


class TemplateBackend(Backend):
    name = "template"
    description = "an example linear backend that shows the interface (not registered)"
    package = "your-solver-package"

    def supports(self, gm: GroundModel) -> tuple[bool, str]:
        if not gm.features.linear:
            return False, "this backend takes linear models only"
        return True, ""

    def compile(self, gm: GroundModel) -> Compiled:
        t0 = time.perf_counter()
        rows = []  # (coefficients by variable id, lower bound, upper bound)
        for c in gm.constraints:
            for part in conjuncts(c.expr):
                if part.op == "lin":
                    lin, lo, hi = part.args
                    rows.append((dict(lin.terms), lo, hi))
        native = {"rows": rows, "objective": gm.objective}  # build the solver's model here instead
        return Compiled(self.name, gm, native, handles=None, compile_time=time.perf_counter() - t0,
                        _text=lambda: (repr(native), "text"))

    def solve(self, compiled: Compiled, time_limit: float | None = None) -> Solution:
        t0 = time.perf_counter()
        # call the solver here; then map its status and read the values back by variable id
        values = [0.0 for _ in compiled.ground.vars]
        objective = compiled.ground.objective
        obj_value = objective.const if isinstance(objective, Lin) else objective
        return self._solution(compiled, Status.ERROR, obj_value, values, time.perf_counter() - t0,
                              "TemplateBackend only shows the interface; it does not solve")

"""MiniZinc with Gecode: the model written as readable MiniZinc (see minizinc_text.py), solved by the
`minizinc` command-line tool.

Debian's Gecode ships a MiniZinc library (`-Ggecode`) older than its MiniZinc and breaks globals such as
`inverse`; `minizinc_solvers/gecode-std.msc` runs the same Gecode on MiniZinc's standard
decompositions. That folder is put on MZN_SOLVER_PATH for every run (the sandbox and the CP-Bench scorer
do the same through `solver_config_dir()`).

The CLI is run as a subprocess in its own process group with `--json-stream`, so its output is read
without guessing at MiniZinc's text format, and a run past its time limit is killed, group and all.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import subprocess
import tempfile
import time
from functools import lru_cache
from pathlib import Path
from typing import Any

from modeler.ir.ground import GroundModel
from solvers.backends.base import Backend, Compiled
from solvers.backends.minizinc_text import MiniZincUnsupported, MznText, analyse, generate
from solvers.result import Solution, Status
from solvers.sandbox.minizinc import read_stream

SOLVER_ID = "org.optipilot.gecode-std"
SOLVER_NAME = "gecode-std"
# Seconds allowed beyond the time limit for MiniZinc to stop Gecode and print its last solution.
GRACE = 3.0


def solver_config_dir() -> Path:
    """The folder holding `gecode-std.msc`; put it on MZN_SOLVER_PATH so `--solver gecode-std` works."""
    return Path(__file__).resolve().parent / "minizinc_solvers"


def solver_env(base: dict[str, str] | None = None) -> dict[str, str]:
    """An environment for running `minizinc` in which our solver configuration is found."""
    env = dict(os.environ if base is None else base)
    paths = [str(solver_config_dir())] + [p for p in env.get("MZN_SOLVER_PATH", "").split(os.pathsep) if p]
    env["MZN_SOLVER_PATH"] = os.pathsep.join(paths)
    return env


@lru_cache(maxsize=1)
def _versions() -> tuple[bool, str]:
    exe = shutil.which("minizinc")
    if exe is None:
        return False, ("the MiniZinc command-line tool `minizinc` is not on PATH; install Debian's minizinc "
                       "package (apt-get install minizinc) or the bundle from minizinc.org")
    try:
        mzn = subprocess.run([exe, "--version"], capture_output=True, text=True, timeout=30)
        solvers = subprocess.run([exe, "--solvers-json"], capture_output=True, text=True, timeout=30,
                                 env=solver_env())
    except (OSError, subprocess.TimeoutExpired) as e:
        return False, f"`minizinc --version` failed: {e}"
    found = re.search(r"version (\S+)", mzn.stdout)
    if mzn.returncode != 0 or not found:
        return False, f"`minizinc --version` failed: {(mzn.stderr or mzn.stdout).strip()[:300]}"
    try:
        configs = json.loads(solvers.stdout)
    except ValueError:
        configs = []
    ours = next((c for c in configs if c.get("id") == SOLVER_ID), None)
    if ours is None:
        return False, (f"MiniZinc {found.group(1)} does not see the solver configuration {SOLVER_ID} in "
                       f"{solver_config_dir()}")
    if not Path(ours.get("executable", "")).exists():
        return False, (f"Gecode's FlatZinc executable {ours.get('executable')} is missing; install Debian's "
                       "minizinc package (apt-get install minizinc), which brings fzn-gecode")
    return True, f"MiniZinc {found.group(1)}, Gecode {ours.get('version', '?')}"


class MiniZincBackend(Backend):
    name = "minizinc"
    description = "MiniZinc + Gecode: the model as readable MiniZinc (integer CP: logic, all_different, min/max/abs)"
    package = "minizinc"

    def available(self) -> tuple[bool, str]:
        return _versions()

    def supports(self, gm: GroundModel) -> tuple[bool, str]:
        if gm.features.continuous:
            return False, ("Gecode's float variables are interval-based and unreliable for continuous "
                           "optimization; this model has continuous variables (use an LP/MILP backend)")
        try:
            a = analyse(gm)
        except MiniZincUnsupported as e:
            return False, str(e)
        if a.problems:
            return False, "; ".join(a.problems)
        if gm.features.nonlinear and a.float_var_exprs:
            return False, "a nonlinear model with non-integer numbers (Gecode's float arithmetic is not exact)"
        return True, ""

    def compile(self, gm: GroundModel) -> Compiled:
        t0 = time.perf_counter()
        try:
            mzn: MznText | None = generate(gm)
            problem = ""
        except MiniZincUnsupported as e:
            mzn, problem = None, str(e)
        text = mzn.text if mzn is not None else f"% this model cannot be written as MiniZinc: {problem}\n"
        return Compiled(self.name, gm, text, {"mzn": mzn, "problem": problem}, time.perf_counter() - t0,
                        _text=lambda: (text, "minizinc"))

    def solve(self, compiled: Compiled, time_limit: float | None = None) -> Solution:
        mzn: MznText | None = compiled.handles["mzn"]
        if mzn is None:
            return self._solution(compiled, Status.ERROR, None, None, 0.0,
                                  f"cannot write this model as MiniZinc: {compiled.handles['problem']}")
        ok, why = self.available()
        if not ok:
            return self._solution(compiled, Status.ERROR, None, None, 0.0, why)
        t0 = time.perf_counter()
        stdout, stderr, killed = _run(mzn.text, time_limit)
        elapsed = time.perf_counter() - t0
        return self._read(compiled, mzn, stdout, stderr, killed, elapsed)

    # ------------------------------------------------------------------------------------ reading
    def _read(self, compiled: Compiled, mzn: MznText, stdout: str, stderr: str, killed: bool,
              elapsed: float) -> Solution:
        gm = compiled.ground
        stream = read_stream(stdout)
        last, status, errors = stream.last, stream.status or "", stream.errors
        if errors:
            return self._solution(compiled, Status.ERROR, None, None, elapsed,
                                  "MiniZinc rejected the model OptiPilot generated (a bug in the MiniZinc "
                                  "generator, solvers/backends/minizinc_text.py; please report it): "
                                  + " | ".join(errors))
        if status == "UNSATISFIABLE":
            return self._solution(compiled, Status.INFEASIBLE, None, None, elapsed)
        if status in ("UNBOUNDED", "UNSAT_OR_UNBOUNDED") and last is None:
            return self._solution(compiled, Status.UNBOUNDED if status == "UNBOUNDED" else Status.INFEASIBLE,
                                  None, None, elapsed,
                                  "" if status == "UNBOUNDED" else "MiniZinc says unsatisfiable or unbounded")
        if status == "ERROR" or (last is None and not killed and status != "UNKNOWN" and stderr.strip()):
            hint = ""
            if "integer literal" in stderr or "out of limits" in stderr.lower():
                hint = (" (Gecode's integers are 32-bit: a bound or a sum of the model is too large for it)")
            return self._solution(compiled, Status.ERROR, None, None, elapsed,
                                  f"Gecode failed{hint}: {stderr.strip()[-1500:]}")
        if last is None:
            return self._solution(compiled, Status.TIMEOUT, None, None, elapsed, "no solution within the time limit")
        values = self._values(gm, mzn, last)
        objective = None
        if gm.objective is not None:
            objective = last.get("_objective")
            at_artificial = [gm.vars[i].label for i in mzn.artificial if abs(values[i] or 0) >= mzn.big]
            if at_artificial:
                return self._solution(compiled, Status.UNBOUNDED, None, None, elapsed,
                                      f"{', '.join(at_artificial[:3])} reached the artificial bound ±{mzn.big} "
                                      "Gecode needs: the model is unbounded (or its optimum lies beyond that bound)")
        proven = status == "OPTIMAL_SOLUTION" or gm.objective is None
        note = ""
        if not proven:
            note = "time limit reached; optimality not proven"
            if mzn.artificial:
                # Gecode improves an objective one solution at a time, so an unbounded model can run out of
                # time before it reaches the artificial bound
                note += (f" (variables without bounds got the artificial bound ±{mzn.big}; an unbounded "
                         "model can show up as feasible)")
        return self._solution(compiled, Status.OPTIMAL if proven else Status.FEASIBLE,
                              None if objective is None else float(objective), values, elapsed, note)

    def _values(self, gm: GroundModel, mzn: MznText, out: dict[str, Any]) -> list[float]:
        """The solution by ground variable id, read from MiniZinc's JSON arrays along each dimension."""
        import itertools

        values: list[Any] = [None] * len(gm.vars)
        for name, dims in mzn.var_dims.items():
            data = out.get(mzn.idents[name])
            if not dims:
                values[gm.var_ids[(name, ())]] = float(data)
                continue
            positions = [{m: i for i, m in enumerate(d)} for d in dims]
            for key in itertools.product(*dims):
                vid = gm.var_ids.get((name, key))
                if vid is None:  # a hole of an array over a set with gaps
                    continue
                x = data
                for member, pos in zip(key, positions, strict=True):
                    x = x[pos[member]]
                values[vid] = float(x)
        return values


def _run(text: str, time_limit: float | None) -> tuple[str, str, bool]:
    """Run minizinc on the model text; (stdout, stderr, killed for running past the limit)."""
    exe = shutil.which("minizinc") or "minizinc"
    with tempfile.TemporaryDirectory(prefix="optipilot-mzn-") as tmp:
        path = Path(tmp) / "model.mzn"
        path.write_text(text)
        argv = [exe, "--solver", SOLVER_ID, "--output-mode", "json", "--json-stream", "--output-objective"]
        if time_limit is not None:
            argv += ["--time-limit", str(max(1, int(time_limit * 1000)))]
        argv.append(str(path))
        proc = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                                env=solver_env(), start_new_session=True)
        try:
            stdout, stderr = proc.communicate(timeout=None if time_limit is None else time_limit + GRACE)
            return stdout, stderr, False
        except subprocess.TimeoutExpired:
            _kill_group(proc)
            stdout, stderr = proc.communicate()
            return stdout, stderr, True
        finally:
            if proc.poll() is None:  # interrupted (KeyboardInterrupt): never leave Gecode running
                _kill_group(proc)
                proc.wait()


def _kill_group(proc: subprocess.Popen[str]) -> None:
    try:
        os.killpg(proc.pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        proc.kill()

"""MiniZinc in the sandbox: the command line to run, and reading its `--json-stream` output."""

from __future__ import annotations

import json
import shutil
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

MODEL_FILE = "model.mzn"
DATA_SUFFIXES = (".dzn", ".json")


def command(solver: str, data_files: Sequence[str], extra_args: Sequence[str], path: str | None) -> list[str]:
    """The `minizinc` argv. `--json-stream` gives one JSON object per line (solutions, status,
    errors), so the result is read without guessing at MiniZinc's text format."""
    from solvers.sandbox.result import SandboxError

    exe = shutil.which("minizinc", path=path) or shutil.which("minizinc")
    if exe is None:
        raise SandboxError(
            "The MiniZinc command-line tool `minizinc` was not found on PATH; install MiniZinc "
            "(e.g. `apt-get install minizinc` or the bundle from minizinc.org)."
        )
    return [
        exe,
        "--solver",
        solver,
        "--output-mode",
        "json",
        "--output-objective",
        "--json-stream",
        *extra_args,
        MODEL_FILE,
        *data_files,
    ]


@dataclass
class Stream:
    """What a `minizinc --json-stream` run printed."""

    last: dict[str, Any] | None = None  # the last solution's assignment (its `output.json`)
    count: int = 0  # how many solutions were printed
    status: str | None = None  # MiniZinc's final status line, when it printed one
    errors: list[str] = field(default_factory=list)  # "what at line N: message"


def read_stream(stdout: str) -> Stream:
    """Read MiniZinc's JSON stream; lines that are not JSON messages are skipped."""
    s = Stream()
    for line in stdout.splitlines():
        line = line.strip()
        if not line.startswith("{"):
            continue
        try:
            msg = json.loads(line)
        except ValueError:
            continue
        kind = msg.get("type")
        if kind == "solution":
            out = msg.get("output", {}).get("json")
            if isinstance(out, str):
                try:
                    out = json.loads(out)
                except ValueError:
                    out = None
            if isinstance(out, dict):
                s.last = out
                s.count += 1
        elif kind == "status":
            s.status = msg.get("status")
        elif kind == "error":
            where = msg.get("location", {})
            at = f" at line {where['firstLine']}" if "firstLine" in where else ""
            s.errors.append(f"{msg.get('what', 'error')}{at}: {msg.get('message', '').strip()}")
    return s


def parse_stream(stdout: str) -> tuple[dict[str, Any], list[str]]:
    """(result, error messages). The result is the last solution's assignment by variable name,
    plus MiniZinc's own `_objective` when there is one, `_status` (e.g. OPTIMAL_SOLUTION,
    SATISFIED, UNSATISFIABLE, UNKNOWN) and `_solutions` (how many were printed). Names starting with
    `_` cannot clash with MiniZinc identifiers."""
    s = read_stream(stdout)
    result: dict[str, Any] = dict(s.last or {})
    result["_status"] = s.status or ("SATISFIED" if s.last is not None else ("ERROR" if s.errors else "UNKNOWN"))
    result["_solutions"] = s.count
    return result, [f"MiniZinc {e}" for e in s.errors]

"""Reading what a program printed: its JSON solution (Python or MiniZinc), and why it failed."""

from __future__ import annotations

import json
from typing import Any

_MINIZINC = {"minizinc", "mzn"}


def extract_solution(stdout: str) -> dict[str, Any] | None:
    """The last top-level JSON object printed, or None."""
    decoder = json.JSONDecoder()
    found: dict[str, Any] | None = None
    at = stdout.find("{")
    while at >= 0:
        try:
            obj, end = decoder.raw_decode(stdout, at)
        except ValueError:
            at = stdout.find("{", at + 1)
            continue
        if isinstance(obj, dict):
            found = obj
        at = stdout.find("{", end)
    return found


def minizinc_solution(stream: str) -> tuple[dict[str, Any] | None, str]:
    """The last solution of MiniZinc's `--json-stream` output, and MiniZinc's final status.

    The solution is the JSON object the model's output item printed (the anchor's contract); when the
    output item prints something else, the variables MiniZinc itself reports in JSON are taken.
    """
    solution: dict[str, Any] | None = None
    status = "UNKNOWN"
    for line in stream.splitlines():
        try:
            msg = json.loads(line)
        except ValueError:
            continue
        if not isinstance(msg, dict):
            continue
        if msg.get("type") == "status":
            status = str(msg.get("status"))
        elif msg.get("type") == "solution":
            output = msg.get("output") or {}
            printed = extract_solution(str(output.get("default") or output.get("raw") or ""))
            variables = output.get("json")
            if isinstance(variables, str):  # some MiniZinc versions send the JSON section as text
                try:
                    variables = json.loads(variables)
                except ValueError:
                    variables = None
            solution = (
                printed if printed is not None else (variables if isinstance(variables, dict) else None)
            )
            status = "SATISFIED" if status == "UNKNOWN" else status
    return solution, status


def failure_detail(res: Any) -> str:
    """The sandbox's one-line message and the end of stderr (where Python puts the exception)."""
    message = (res.message or "").strip()
    tail = (res.stderr or "").strip()[-400:]
    return message if not tail or tail in message else f"{message} | {tail}".strip(" |")


def sandbox_language(language: str | None, code: str) -> str:
    """Which sandbox language runs a candidate: "minizinc", else "python" (CPMpy, OR-Tools, ...)."""
    if language:
        return "minizinc" if language.strip().lower() in _MINIZINC else "python"
    looks_mzn = "solve satisfy" in code or "solve minimize" in code or "solve maximize" in code
    return "minizinc" if looks_mzn and "import " not in code else "python"

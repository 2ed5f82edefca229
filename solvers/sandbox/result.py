"""What a sandboxed run returns: `SandboxResult`, and how raw process facts become a status."""

from __future__ import annotations

import json
import signal as _signal
from dataclasses import dataclass
from typing import Any, Literal

from solvers.errors import SolverError

SandboxStatus = Literal["ok", "error", "timeout", "memory", "output_limit"]

# Words in the tail of stderr that mean "an allocation failed" (Python, numpy, C++, libc, MiniZinc;
# a thread that cannot get its stack under the address-space limit, as OpenBLAS reports it).
_MEMORY_WORDS = (
    "MemoryError",
    "bad_alloc",
    "Cannot allocate memory",
    "out of memory",
    "Out of memory",
    "pthread_create failed",
)
_JSON_TAIL_CHARS = 200_000  # the JSON search looks at the end of stdout only: bounded work


class SandboxError(SolverError):
    """The sandbox itself could not run the code (not: the code failed; that is a `SandboxResult`)."""


@dataclass
class SandboxResult:
    """The outcome of one `run`. `status` says which of the flags decided it.

    status: "output_limit" when the program printed more than max_output_bytes (it is stopped at once
    and stdout/stderr hold the first max_output_bytes); "timeout" when the wall clock (or the CPU-time
    backstop) ran out; "memory" when an allocation failed under the address-space limit; else "ok" for
    exit code 0 and "error" for anything else.
    """

    status: SandboxStatus
    exit_code: int | None
    signal: int | None
    stdout: str
    stderr: str
    timed_out: bool
    memory_exceeded: bool
    output_truncated: bool
    duration: float  # seconds, wall clock, as seen by the watcher
    json: dict[str, Any] | None
    cpu_time: float = 0.0  # user + system seconds of the program's main process
    max_rss_mb: float = 0.0  # peak resident memory of the program's main process
    timeout: float = 0.0  # the limits it ran under, for `message`
    memory_mb: int = 0
    max_output_bytes: int = 0

    @property
    def ok(self) -> bool:
        return self.status == "ok"

    @property
    def message(self) -> str:
        """One line for a person: what happened."""
        if self.status == "ok":
            return f"finished in {self.duration:.2f} s"
        if self.status == "timeout":
            return f"timed out after {self.timeout:g} s"
        if self.status == "memory":
            return f"ran out of memory (limit {self.memory_mb} MB)"
        if self.status == "output_limit":
            return f"printed more than {self.max_output_bytes} bytes of output; stopped"
        last = _last_line(self.stderr)
        if self.signal is not None:
            name = _signal_name(self.signal)
            return f"killed by signal {self.signal} ({name})" + (f": {last}" if last else "")
        return f"exited with code {self.exit_code}" + (f": {last}" if last else "")


def _last_line(text: str) -> str:
    for line in reversed(text.splitlines()):
        if line.strip():
            return line.strip()[:300]
    return ""


def _signal_name(sig: int) -> str:
    try:
        return _signal.Signals(sig).name
    except ValueError:
        return "unknown"


def extract_json(stdout: str) -> dict[str, Any] | None:
    """The JSON object a program printed: the last stdout line that parses as an object, else the
    last balanced {...} block that parses (outermost, if blocks nest)."""
    tail = stdout[-_JSON_TAIL_CHARS:]
    for line in reversed(tail.splitlines()):
        line = line.strip()
        if line.startswith("{") and line.endswith("}"):
            try:
                obj = json.loads(line)
            except ValueError:
                continue
            if isinstance(obj, dict):
                return obj
    decoder = json.JSONDecoder()
    best: tuple[int, dict[str, Any]] | None = None  # (end, object)
    pos = tail.rfind("{")
    while pos != -1:
        try:
            obj, end = decoder.raw_decode(tail, pos)
        except ValueError:
            obj, end = None, -1
        # Scanning backwards, an enclosing block is met after the blocks it contains and ends at
        # or after them; a block ending earlier is an older, separate one: the answer is settled.
        if isinstance(obj, dict):
            if best is None or end >= best[0]:
                best = (end, obj)
            else:
                break
        pos = tail.rfind("{", 0, pos)
    return best[1] if best else None


def classify(raw: dict[str, Any], *, timeout: float, memory_mb: int, max_output_bytes: int) -> SandboxResult:
    """Turn the watcher's report (see `_watch.supervise`) into a `SandboxResult`."""
    exit_code, sig = raw["exit_code"], raw["signal"]
    failed = exit_code != 0
    text = raw["stderr"]
    # Head and tail: OpenBLAS complains first, Python's MemoryError comes last.
    probe = text if len(text) <= 8000 else text[:4000] + text[-4000:]
    memory = failed and (
        any(word in probe for word in _MEMORY_WORDS)
        or (sig is not None and raw["max_rss_mb"] >= 0.8 * memory_mb)
    )
    timed_out = raw["timed_out"] or sig == _signal.SIGXCPU
    if raw["output_exceeded"]:
        status: SandboxStatus = "output_limit"
    elif timed_out:
        status = "timeout"
    elif memory:
        status = "memory"
    else:
        status = "error" if failed else "ok"
    return SandboxResult(
        status=status,
        exit_code=exit_code,
        signal=sig,
        stdout=raw["stdout"],
        stderr=raw["stderr"],
        timed_out=timed_out,
        memory_exceeded=bool(memory),
        output_truncated=raw["output_exceeded"],
        duration=raw["duration"],
        json=extract_json(raw["stdout"]),
        cpu_time=raw["cpu_time"],
        max_rss_mb=raw["max_rss_mb"],
        timeout=timeout,
        memory_mb=memory_mb,
        max_output_bytes=max_output_bytes,
    )

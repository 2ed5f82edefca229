"""Where a benchmark number came from: the git commit, the machine, the command. Every results file
carries these (see the README's Benchmarks section)."""

from __future__ import annotations

import os
import platform
import shlex
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

_ROOT = Path(__file__).resolve().parents[1]


def git_commit() -> str | None:
    """The checkout's commit (with `-dirty` when tracked files differ from it), or None outside git."""
    try:
        head = subprocess.run(["git", "rev-parse", "HEAD"], cwd=_ROOT, capture_output=True, text=True, timeout=10)
        if head.returncode != 0:
            return None
        dirty = subprocess.run(["git", "status", "--porcelain", "--untracked-files=no"], cwd=_ROOT,
                               capture_output=True, text=True, timeout=10)
        return head.stdout.strip() + ("-dirty" if dirty.stdout.strip() else "")
    except (OSError, subprocess.SubprocessError):
        return None


def machine() -> dict[str, Any]:
    return {
        "platform": platform.platform(),
        "processor": platform.machine(),
        "cpu_count": os.cpu_count(),
        "python": platform.python_version(),
    }


def command_line(argv: Sequence[str] | None = None) -> str:
    """The command as a person would retype it: `optipilot bench run ...`, `python -m benchmarks.x ...`."""
    args = list(sys.argv if argv is None else argv)
    if argv is None and args and args[0].endswith(".py"):  # `python -m module` or `python file.py`
        args = list(sys.orig_argv)
    if args:
        args[0] = Path(args[0]).name
    return shlex.join(args)


def run_record(module: str, argv: Sequence[str] | None = None) -> dict[str, Any]:
    """The command, machine, date and commit a benchmark's summary.json carries, in one form for all."""
    import datetime as dt

    return {
        "command": f"python -m {module} " + " ".join(argv if argv is not None else sys.argv[1:]),
        "machine": f"{platform.node()} {platform.machine()} {platform.processor() or ''} "
                   f"{os.cpu_count()} cores, Python {platform.python_version()}".strip(),
        "date": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "git_commit": git_commit(),
    }

"""`run`: the one entry point. Prepares the work dir and the request, picks warm or cold, reports."""

from __future__ import annotations

import itertools
import json
import logging
import math
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
from collections.abc import Mapping, Sequence
from typing import Any, Literal

from solvers.sandbox import _child, _watch, client, minizinc
from solvers.sandbox.result import SandboxError, SandboxResult, classify

log = logging.getLogger(__name__)

CHILD_SCRIPT = os.path.abspath(_child.__file__)
FSIZE_BYTES = 512 * 1024 * 1024  # largest file a program may write: protects the disk, not the output cap
NPROC = 256  # processes + threads per sandbox uid (CP-SAT starts one thread per core)
NOBODY = 65534
# Private uids: UID_BASE + (main pid mod 2**21) * 1024 + slot, so concurrent main processes (pytest
# workers, services) never share one; slots 0-511 are the fork server's, 512-1023 the cold path's.
# A slot comes round again only after 512 more runs, when the run that had it is long dead.
UID_BASE = 1_600_000_000
UID_SPAN = 2**21 * 1024

# The child's environment is built from scratch, never copied: only these pass through when set.
PASSTHROUGH_ENV = (
    "LANG",
    "LC_ALL",
    "LC_CTYPE",
    "TZ",
    "OMP_NUM_THREADS",
    "OPENBLAS_NUM_THREADS",
    "MKL_NUM_THREADS",
    "OPTIPILOT_SOLVER_THREADS",  # the run's thread budget per solve (solvers/threads.py)
)
# Names that look like secrets are refused even when a caller passes them in `env_extra`.
SECRET_NAME = re.compile(r"KEY|TOKEN|SECRET|PASSW|CREDENTIAL|AUTH|COOKIE|SESSION|PRIVATE", re.IGNORECASE)

_cold_uids = itertools.count()
_cold_lock = threading.Lock()


def base_env() -> dict[str, str]:
    """A harmless environment: a fixed PATH (our interpreter's directory first), UTF-8, no secrets."""
    path = os.pathsep.join(
        dict.fromkeys([os.path.dirname(sys.executable), "/usr/local/bin", "/usr/bin", "/bin"])
    )
    env = {"PATH": path, "LANG": "C.UTF-8", "PYTHONIOENCODING": "utf-8", "PYTHONDONTWRITEBYTECODE": "1"}
    env.update({k: os.environ[k] for k in PASSTHROUGH_ENV if k in os.environ})
    return env


def _sandbox_uid_mode() -> tuple[int | None, bool]:
    """(this process's base of private uids | NOBODY | None, whether the uid is private to one run).

    As root, RLIMIT_NPROC does not apply and every file is writable, so the program runs as another
    user. A private uid per run is best (exact kills, per-run process count); it needs the full uid
    range mapped (not so in some containers' user namespaces), else all runs share `nobody`.
    Not root: the program keeps our uid; its limits do the work.
    """
    if os.geteuid() != 0:
        return None, False
    try:
        with open("/proc/self/uid_map") as f:
            for line in f:
                inside, _outside, count = (int(x) for x in line.split())
                if inside <= UID_BASE and UID_BASE + UID_SPAN <= inside + count:
                    return UID_BASE + (os.getpid() % 2**21) * 1024, True
    except (OSError, ValueError):
        pass
    return NOBODY, False


def _own_task_count() -> int:
    """Processes + threads of our uid: RLIMIT_NPROC counts them all, so a non-root sandbox needs
    headroom above them."""
    uid, total = os.getuid(), 0
    for name in os.listdir("/proc"):
        if name.isdigit():
            try:
                st = os.stat(f"/proc/{name}")
                if st.st_uid == uid:
                    total += len(os.listdir(f"/proc/{name}/task"))
            except OSError:
                pass
    return total


def _remove_tree(path: str) -> None:
    """Delete a work dir even if the program made parts of it unreadable (matters when not root)."""

    def fix_and_retry(func: Any, target: str, _exc: Any) -> None:
        try:
            os.chmod(os.path.dirname(target), 0o700)
            os.chmod(target, 0o700)
            func(target)
        except OSError:
            pass

    shutil.rmtree(path, onerror=fix_and_retry)


def _write_files(workdir: str, files: Mapping[str, str | bytes]) -> None:
    for name, content in files.items():
        norm = os.path.normpath(name)
        if os.path.isabs(norm) or norm.startswith(".."):
            raise SandboxError(f"file name {name!r} must be relative and stay inside the work dir")
        target = os.path.join(workdir, norm)
        os.makedirs(os.path.dirname(target), exist_ok=True)
        data = content.encode("utf-8") if isinstance(content, str) else content
        with open(target, "wb") as f:
            f.write(data)


def _env_for(workdir: str, env_extra: Mapping[str, str] | None) -> tuple[dict[str, str], list[str]]:
    env = base_env()
    env.update({"HOME": workdir, "TMPDIR": workdir, "USER": "sandbox", "LOGNAME": "sandbox"})
    reach: list[str] = []
    for name, value in (env_extra or {}).items():
        if SECRET_NAME.search(name):
            raise SandboxError(f"refusing to pass {name!r} into the sandbox: it looks like a secret")
        env[name] = str(value)
        reach += [p for p in str(value).split(os.pathsep) if os.path.isabs(p) and os.path.exists(p)]
    return env, reach


def _run_cold(req: dict[str, Any], private_dir: str) -> dict[str, Any]:
    """warm=False: a fresh `python -I _child.py request.json`, watched from this process."""
    if req.get("uid") is not None and req.get("kill_uid"):
        with _cold_lock:
            req["uid"] = req["uid"] + 512 + next(_cold_uids) % 512
    req_path = os.path.join(private_dir, "request.json")
    with open(req_path, "w", encoding="utf-8") as f:
        json.dump(req, f)
    out_r, out_w = os.pipe()
    err_r, err_w = os.pipe()
    try:
        with open(req.get("stdin_path") or os.devnull, "rb") as stdin:
            proc = subprocess.Popen(
                [sys.executable, "-I", CHILD_SCRIPT, req_path],
                stdin=stdin,
                stdout=out_w,
                stderr=err_w,
                env=req["env"],
                cwd=req["workdir"],
                start_new_session=True,  # its own process group, killed as a whole
                close_fds=True,
            )
    except OSError as exc:
        for fd in (out_r, err_r):
            os.close(fd)
        raise SandboxError(f"could not start {sys.executable}: {exc}") from exc
    finally:
        os.close(out_w)
        os.close(err_w)
    raw = _watch.supervise(
        proc.pid,
        out_r,
        err_r,
        timeout=float(req["timeout"]),
        max_output_bytes=int(req["max_output_bytes"]),
        uid=req["uid"] if req.get("kill_uid") else None,
        subreaper=False,  # the main process: it must not reap children it did not start
    )
    proc.returncode = raw["exit_code"] if raw["exit_code"] is not None else -(raw["signal"] or 9)
    return raw


def run(
    code: str,
    *,
    language: Literal["python", "minizinc"] = "python",
    timeout: float = 60.0,
    memory_mb: int = 4096,
    max_output_bytes: int = 1_000_000,
    files: Mapping[str, str | bytes] | None = None,
    stdin: str | None = None,
    warm: bool = True,
    solver: str = "gecode-std",
    env_extra: Mapping[str, str] | None = None,
    solver_args: Sequence[str] = (),
    network: bool = False,
) -> SandboxResult:
    """Run untrusted `code` (Python source, or a MiniZinc model) in an isolated child process.

    Limits: `timeout` wall-clock seconds (the whole process tree is killed then), `memory_mb` of
    address space (all of it: with warm=True that includes the ~250 MB that numpy/cpmpy/ortools
    already occupy, about what a cold program importing them needs too), `max_output_bytes` per
    stream (more stops the program: status "output_limit").
    `files` are written into the fresh work dir first; for MiniZinc, those ending in .dzn/.json are
    passed as data. `warm` uses the pre-imported fork server (fast); False starts a fresh interpreter.
    `solver`, `solver_args`: MiniZinc's --solver and extra flags (default "gecode-std": Gecode on the
    standard decompositions of the globals, shipped with the MiniZinc backend, since Debian's Gecode
    library breaks globals such as `inverse`); `env_extra`: extra environment
    variables (e.g. MZN_SOLVER_PATH), refused if they look like secrets. `network`: as root, runs get
    a network namespace with loopback only unless this is True (not enforced when not root).
    For MiniZinc, pass e.g. solver_args=["--time-limit", "9000"] to get the best solution found
    before the wall clock kills the run.
    Raises SandboxError only when the sandbox itself cannot work; failures of the code are results.
    """
    if language not in ("python", "minizinc"):
        raise SandboxError(f"unknown language {language!r}: use 'python' or 'minizinc'")
    if not timeout > 0 or memory_mb < 64 or max_output_bytes < 1:
        raise SandboxError("timeout must be > 0, memory_mb >= 64 and max_output_bytes >= 1")
    uid, private_uid = _sandbox_uid_mode()
    workdir = tempfile.mkdtemp(prefix="optipilot-run-")
    private_dir = tempfile.mkdtemp(prefix="optipilot-req-")  # ours only: request, stdin
    try:
        _write_files(workdir, files or {})
        if language == "minizinc" and solver == "gecode-std":
            from solvers.backends.minizinc_backend import solver_env

            env_extra = {"MZN_SOLVER_PATH": solver_env({})["MZN_SOLVER_PATH"], **(env_extra or {})}
        env, reach = _env_for(workdir, env_extra)
        argv = None
        if language == "python":
            _write_files(workdir, {"main.py": code})
        else:
            _write_files(workdir, {minizinc.MODEL_FILE: code})
            data = sorted(n for n in (files or {}) if n.endswith(minizinc.DATA_SUFFIXES))
            argv = minizinc.command(solver, data, solver_args, env["PATH"])
        stdin_path = None
        if stdin is not None:
            stdin_path = os.path.join(private_dir, "stdin")
            with open(stdin_path, "w", encoding="utf-8") as f:
                f.write(stdin)
        req: dict[str, Any] = {
            "workdir": workdir,
            "language": language,
            "argv": argv,
            "env": env,
            "reach": reach,
            "stdin_path": stdin_path,
            "timeout": float(timeout),
            "memory_mb": int(memory_mb),
            # A backstop only: every core busy for the whole timeout, plus slack (see _child._set_limits).
            "cpu_seconds": math.ceil(timeout * (os.cpu_count() or 1)) + 2,
            "fsize_bytes": max(FSIZE_BYTES, max_output_bytes * 2),
            "nproc": NPROC if uid is not None else _own_task_count() + NPROC,
            "max_output_bytes": int(max_output_bytes),
            "uid": uid,
            "kill_uid": private_uid,
            "network": network,
        }
        raw = None
        if warm:
            try:
                raw = client.request(req, base_env(), uid if private_uid else None)
            except SandboxError as exc:  # fall back to a fresh interpreter: slower, equally safe
                log.warning("sandbox fork server unavailable, running cold: %s", exc)
        if raw is None:
            raw = _run_cold(req, private_dir)
    finally:
        _remove_tree(workdir)
        _remove_tree(private_dir)
    # Isolation failures are written before the program could write anything (so it cannot fake one).
    if raw["exit_code"] == _child.SETUP_FAILED_CODE and raw["stderr"].startswith(_child.SETUP_FAILED_MARK):
        detail = raw["stderr"][len(_child.SETUP_FAILED_MARK) :].strip().splitlines()[0]
        raise SandboxError(f"could not set up the sandbox: {detail}")
    result = classify(raw, timeout=timeout, memory_mb=memory_mb, max_output_bytes=max_output_bytes)
    if language == "minizinc":
        result.json, errors = minizinc.parse_stream(result.stdout)
        if errors:
            result.stderr = (result.stderr + "\n" + "\n".join(errors)).strip()
    return result

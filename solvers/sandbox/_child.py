"""The program's side of the sandbox: isolate the process, then run the program in it.

This module uses the standard library only, because it runs where the project's imports cannot be
paid for or relied on: in the fork server (`_forkserver.py`, started as `python -I`) and as the cold
launcher (`python -I _child.py request.json`, for `warm=False`). Watching and killing: `_watch.py`.

A request is a plain dict (it crosses a socket as JSON; built by `api.run`):
    workdir, language ("python" | "minizinc"), argv (minizinc command line), env, reach (directories
    the program must be able to enter), stdin_path, timeout, memory_mb, cpu_seconds, fsize_bytes,
    nproc, max_output_bytes, uid (None: keep ours), kill_uid (the uid is this run's alone), network.

Why each step exists is said where it happens; the order matters (see `isolate`).
"""

from __future__ import annotations

import ctypes
import fcntl
import json
import os
import resource
import signal
import socket
import stat
import sys
from typing import Any

SETUP_FAILED_MARK = "OPTIPILOT-SANDBOX-SETUP-FAILED:"  # first words of stderr when isolation failed
SETUP_FAILED_CODE = 125
TMPFS_SIZE = "size=64m"  # private /tmp and /dev/shm: big enough for scratch, too small to eat the RAM

_CLONE_NEWNS, _CLONE_NEWNET = 0x00020000, 0x40000000
_SIOCSIFFLAGS, _IFF_UP_LOOPBACK_RUNNING = 0x8914, 0x1 | 0x8 | 0x40
_MS_NOSUID, _MS_NODEV, _MS_BIND, _MS_REC, _MS_PRIVATE = 2, 4, 4096, 16384, 1 << 18
_PR_SET_NO_NEW_PRIVS, _PR_SET_CHILD_SUBREAPER = 38, 36


def _libc() -> ctypes.CDLL:
    return ctypes.CDLL(None, use_errno=True)


def _check(ret: int, what: str) -> None:
    if ret != 0:
        err = ctypes.get_errno()
        raise OSError(err, f"{what}: {os.strerror(err)}")


# ----------------------------------------------------------------------------------------- isolation
def _blocking_ancestor(path: str) -> tuple[str, str] | None:
    """(dir, child) for the first ancestor of `path` that other users cannot enter, else None.

    E.g. pyenv's interpreter under /root (mode 0700): a sandbox uid cannot reach it, so `isolate`
    covers /root with an empty tmpfs and binds back only the child on the way to the interpreter.
    """
    parts = os.path.abspath(path).strip("/").split("/")  # as written: `_mount_plan` passes real paths too
    cur = "/"
    for part in parts:
        try:
            mode = os.stat(cur).st_mode
        except OSError:
            return None
        if not mode & stat.S_IXOTH:
            return cur, part
        cur = os.path.join(cur, part)
    return None


def _mount_plan(req: dict[str, Any]) -> dict[str, set[str]]:
    """Directories to cover with a fresh tmpfs -> children of each to bind back in."""
    plan: dict[str, set[str]] = {}
    needed = [sys.base_prefix, sys.prefix, os.path.dirname(os.path.realpath(sys.executable))]
    needed += [p for p in sys.path if p and os.path.isdir(p)]
    if req.get("argv"):
        needed.append(os.path.dirname(req["argv"][0]))
    needed += req.get("reach", [])  # e.g. the directories of MZN_SOLVER_PATH
    # each path both as the interpreter uses it and where its symlinks lead: a venv linked into a covered
    # place (a git worktree under /tmp whose .venv links to the main checkout's) keeps the link's own path
    # in sys.path, so that path must stay reachable as well as its target
    needed = list(dict.fromkeys([os.path.abspath(p) for p in needed] + [os.path.realpath(p) for p in needed]))
    for path in needed:
        hit = _blocking_ancestor(path)
        if hit:
            plan.setdefault(hit[0], set()).add(hit[1])
    # Shared writable scratch places become private per run, so "write outside your directory"
    # cannot leave anything behind; the work dir (and an interpreter living there) is bound back in.
    for shared in ("/tmp", "/var/tmp", "/dev/shm"):
        if os.path.isdir(shared) and not os.path.islink(shared):
            keep = plan.setdefault(shared, set())
            for path in needed + [os.path.realpath(req["workdir"])]:
                if path.startswith(shared + "/"):
                    keep.add(path[len(shared) + 1 :].split("/")[0])
    return plan


def _private_namespaces(req: dict[str, Any]) -> None:
    """Own mount namespace (cover unreachable or shared directories, binding back what is needed)
    and, unless the request allows network, own network namespace with only loopback: generated
    code has no business on the network, and this closes the door to sending data out."""
    libc = _libc()
    flags = _CLONE_NEWNS | (0 if req.get("network") else _CLONE_NEWNET)
    _check(libc.unshare(flags), "unshare")
    if not req.get("network"):
        with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
            fcntl.ioctl(s, _SIOCSIFFLAGS, struct_ifreq(b"lo", _IFF_UP_LOOPBACK_RUNNING))
    _check(libc.mount(b"none", b"/", None, _MS_REC | _MS_PRIVATE, None), "make mounts private")
    for cover, keeps in sorted(_mount_plan(req).items()):
        # O_PATH fds opened *inside* the new namespace (a bind source must belong to it), before
        # the cover hides the originals; /proc/self/fd/N then names them without a path walk.
        fds = {
            k: os.open(os.path.join(cover, k), os.O_PATH)
            for k in keeps
            if os.path.exists(os.path.join(cover, k))
        }
        mode = "1777" if cover in ("/tmp", "/var/tmp", "/dev/shm") else "0755"
        opts = f"mode={mode},{TMPFS_SIZE}".encode()
        _check(
            libc.mount(b"tmpfs", cover.encode(), b"tmpfs", _MS_NOSUID | _MS_NODEV, opts), f"tmpfs on {cover}"
        )
        for keep, fd in fds.items():
            target = os.path.join(cover, keep)
            if os.path.isdir(f"/proc/self/fd/{fd}"):
                os.makedirs(target, exist_ok=True)
            else:
                open(target, "a").close()
            src = f"/proc/self/fd/{fd}".encode()
            _check(libc.mount(src, target.encode(), None, _MS_BIND | _MS_REC, None), f"bind {target}")
            os.close(fd)


def struct_ifreq(name: bytes, flags: int) -> bytes:
    """A `struct ifreq` carrying interface flags (16-byte name, short flags, padding to 40 bytes)."""
    return name.ljust(16, b"\0") + flags.to_bytes(2, sys.byteorder) + bytes(22)


def _chown_tree(root: str, uid: int, gid: int) -> None:
    os.chown(root, uid, gid)
    for dirpath, dirnames, filenames in os.walk(root):
        for name in dirnames + filenames:
            os.chown(os.path.join(dirpath, name), uid, gid, follow_symlinks=False)


def _set_limits(req: dict[str, Any]) -> None:
    mem = int(req["memory_mb"]) * 1024 * 1024
    cpu = int(req["cpu_seconds"])
    limits = {
        resource.RLIMIT_AS: (mem, mem),
        # CPU time is a backstop should the wall-clock watcher die; it allows all cores busy for the
        # whole timeout (CP-SAT runs one worker per core), so it never fires before the wall clock.
        resource.RLIMIT_CPU: (cpu, cpu + 1),
        resource.RLIMIT_FSIZE: (int(req["fsize_bytes"]),) * 2,
        resource.RLIMIT_NPROC: (int(req["nproc"]),) * 2,
        resource.RLIMIT_CORE: (0, 0),
    }
    for which, value in limits.items():
        resource.setrlimit(which, value)


def isolate(req: dict[str, Any]) -> None:
    """Turn the current (already forked, fds 0-2 in place) process into the sandboxed program's process.

    Order: new session (own process group, so the whole tree can be killed as one) -> mount and
    network namespaces (need root) -> hand the work dir to the sandbox uid -> limits (set while
    still allowed to) -> drop privileges for good -> no_new_privs (setuid binaries cannot win root
    back) -> chdir, env.
    """
    try:
        os.setsid()
    except PermissionError:  # already a session leader (cold path: Popen(start_new_session=True))
        pass
    uid = req.get("uid")
    if uid is not None:
        _private_namespaces(req)
        _chown_tree(req["workdir"], uid, uid)
    _set_limits(req)
    if uid is not None:
        os.setgroups([])
        os.setresgid(uid, uid, uid)
        os.setresuid(uid, uid, uid)
    _libc().prctl(_PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0)
    os.chdir(req["workdir"])
    os.umask(0o077)
    os.environ.clear()  # unsetenv for each: the C-level environment is cleaned as well
    os.environ.update(req["env"])


def _fail_setup(exc: BaseException) -> None:
    os.write(2, f"{SETUP_FAILED_MARK} {type(exc).__name__}: {exc}\n".encode())
    os._exit(SETUP_FAILED_CODE)


# --------------------------------------------------------------------------------------- execution
def _cap_solver_threads() -> None:
    """Hold CP-SAT (also under CPMpy, which defaults to 8 workers) to the run's thread budget,
    OPTIPILOT_SOLVER_THREADS (see solvers/threads.py), when the fork server pre-imported OR-Tools: a
    program run in parallel with others must not take every core. Cold runs import OR-Tools themselves
    and are not capped."""
    raw = os.environ.get("OPTIPILOT_SOLVER_THREADS", "").strip()
    cp_model = sys.modules.get("ortools.sat.python.cp_model")
    if not raw or cp_model is None:
        return
    try:
        cap = max(1, int(float(raw)))
    except ValueError:
        return
    solver_cls = cp_model.CpSolver
    for name in ("solve", "Solve", "solve_with_solution_callback", "SolveWithSolutionCallback"):
        original = getattr(solver_cls, name, None)
        if original is None:
            continue

        def capped(self, *args, _original=original, **kwargs):  # type: ignore[no-untyped-def]
            params = self.parameters
            if params.num_workers == 0 or params.num_workers > cap:
                params.num_workers = cap
            params.num_search_workers = 0  # the deprecated alias (CPMpy sets it) would override num_workers
            return _original(self, *args, **kwargs)

        setattr(solver_cls, name, capped)


def _exec_python(workdir: str) -> None:
    """Run workdir/main.py in this interpreter as `__main__`, then leave with its exit code."""
    import io
    import threading
    import traceback
    import types

    path = os.path.join(workdir, "main.py")
    sys.stdin = io.TextIOWrapper(io.FileIO(0, "r", closefd=False), encoding="utf-8", errors="replace")
    sys.stdout = io.TextIOWrapper(
        io.FileIO(1, "w", closefd=False), encoding="utf-8", errors="backslashreplace"
    )
    sys.stderr = io.TextIOWrapper(
        io.FileIO(2, "w", closefd=False), encoding="utf-8", errors="backslashreplace", line_buffering=True
    )
    sys.argv = [path]
    sys.path[:] = [workdir] + [p for p in sys.path if p not in ("", ".")]
    if "numpy.random" in sys.modules:  # a forked copy inherits the server's state; `random` reseeds itself
        sys.modules["numpy.random"].seed()
    _cap_solver_threads()
    main = types.ModuleType("__main__")
    main.__file__ = path
    sys.modules["__main__"] = main
    code = 0
    try:
        with open(path, encoding="utf-8") as f:
            source = f.read()
        exec(compile(source, path, "exec"), main.__dict__)
        for t in threading.enumerate():  # what a normal interpreter exit would wait for
            if t is not threading.current_thread() and not t.daemon:
                t.join()
    except SystemExit as e:
        if e.code is None:
            code = 0
        elif isinstance(e.code, int):
            code = e.code & 0xFF
        else:
            print(e.code, file=sys.stderr)
            code = 1
    except BaseException as exc:
        # Skip our own frame: the traceback starts in the program, as with `python main.py`.
        traceback.print_exception(type(exc), exc, exc.__traceback__.tb_next if exc.__traceback__ else None)
        code = 1
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except Exception:
            pass
    # os._exit: a forked copy must not run the server's atexit handlers or unwind into its frames.
    os._exit(code)


def run_child(req: dict[str, Any]) -> None:
    """Isolate, then become the program. Never returns."""
    try:
        isolate(req)
    except BaseException as exc:
        _fail_setup(exc)
    if req["language"] == "python":
        _exec_python(req["workdir"])
    signal.signal(signal.SIGPIPE, signal.SIG_DFL)  # Python ignores it; a program exec'd expects default
    try:
        os.execve(req["argv"][0], req["argv"], dict(os.environ))
    except OSError as exc:
        _fail_setup(exc)


def prefork() -> tuple[int, int, int, int]:
    """Fork the program's process *before* its request is known: (pid, stdout_r, stderr_r, request_w).

    The fork server keeps one such process ready, so a request does not wait for a fork of the big
    pre-imported interpreter (~10 ms on a small VM). The child waits for the request (JSON, then EOF)
    on fd 0, then opens its stdin file and becomes the program. EOF without a request: it just exits.
    """
    out_r, out_w = os.pipe()
    err_r, err_w = os.pipe()
    req_r, req_w = os.pipe()
    pid = os.fork()
    if pid == 0:
        try:
            os.dup2(req_r, 0)
            os.dup2(out_w, 1)
            os.dup2(err_w, 2)
            os.closerange(3, 65536)  # the server socket, connections, the pipes' other ends
            signal.signal(signal.SIGCHLD, signal.SIG_DFL)
            data = bytearray()
            while chunk := os.read(0, 1 << 16):
                data += chunk
            if not data:
                os._exit(0)
            req = json.loads(data)
            stdin_fd = os.open(req.get("stdin_path") or os.devnull, os.O_RDONLY)
            os.dup2(stdin_fd, 0)
            os.close(stdin_fd)
        except BaseException as exc:
            _fail_setup(exc)
        run_child(req)
    for fd in (out_w, err_w, req_r):
        os.close(fd)
    return pid, out_r, err_r, req_w


if __name__ == "__main__":  # cold launcher: `python -I _child.py request.json` (fds 0-2 set by Popen)
    with open(sys.argv[1], encoding="utf-8") as _f:
        run_child(json.load(_f))

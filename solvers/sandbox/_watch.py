"""The watcher's side of the sandbox: collect output, enforce the wall clock, kill the whole tree.

Standard library only: it runs in the fork server's per-request monitor and in the main process
(cold path), see `_child.py` for why.
"""

from __future__ import annotations

import os
import select
import signal
import time
from typing import Any


def _proc_members(pgid: int, uid: int | None) -> list[int]:
    """Live (non-zombie) processes in group `pgid` or owned by `uid`: what must not outlive a run.
    A scan of all of /proc (~10 ms): used by the main process, which is no subreaper."""
    found = []
    for name in os.listdir("/proc"):
        if not name.isdigit():
            continue
        try:
            with open(f"/proc/{name}/stat", "rb") as f:
                fields = f.read().rsplit(b")", 1)[1].split()
            if fields[0] in (b"Z", b"X"):
                continue
            if int(fields[2]) == pgid:
                found.append(int(name))
            elif uid is not None:
                with open(f"/proc/{name}/status", "rb") as f:
                    for line in f:
                        if line.startswith(b"Uid:"):
                            if int(line.split()[1]) == uid:
                                found.append(int(name))
                            break
        except (OSError, IndexError, ValueError):
            continue
    return found


def _descendants(root: int) -> list[int]:
    """All processes below `root`, from /proc/<pid>/task/<tid>/children (cheap: only the subtree)."""
    found: list[int] = []
    stack = [root]
    while stack:
        pid = stack.pop()
        try:
            tids = os.listdir(f"/proc/{pid}/task")
        except OSError:
            continue
        for tid in tids:
            try:
                with open(f"/proc/{pid}/task/{tid}/children", "rb") as f:
                    kids = [int(k) for k in f.read().split()]
            except OSError:
                continue
            found += kids
            stack += kids
    return found


def _kill(pids: list[int]) -> None:
    for pid in pids:
        try:
            os.kill(pid, signal.SIGKILL)
        except (ProcessLookupError, PermissionError):
            pass


def _reap_all() -> bool:
    """Collect every exited child; True when we have no children left at all."""
    while True:
        try:
            if os.waitpid(-1, os.WNOHANG)[0] == 0:
                return False
        except ChildProcessError:
            return True


def _killpg(pgid: int) -> None:
    try:
        os.killpg(pgid, signal.SIGKILL)  # atomic for the whole group: a fork bomb cannot outrun it
    except (ProcessLookupError, PermissionError):
        pass


def kill_tree(pgid: int, uid: int | None, subreaper: bool) -> None:
    """Kill the program's process group and everything else it started until nothing is left.

    `subreaper`: we are the fork server's monitor, a child subreaper with the program as our only
    child. Whatever the program started, even after setsid(), stays in our subtree (orphans come to
    us, not to init), so walking the subtree finds it all. Otherwise we are the main process: scan
    /proc for the group and, as root, the run's private uid.
    """
    for round_ in range(2000):
        _killpg(pgid)
        if subreaper:
            _kill(_descendants(os.getpid()))
            if _reap_all():
                return
        else:
            members = _proc_members(pgid, uid)
            if not members:
                return
            _kill(members)
        time.sleep(0.001 if round_ < 10 else 0.01)  # killed processes need CPU time to finish exiting


def supervise(
    pid: int,
    out_r: int,
    err_r: int,
    *,
    timeout: float,
    max_output_bytes: int,
    uid: int | None,
    subreaper: bool,
) -> dict[str, Any]:
    """Collect output (at most `max_output_bytes` per stream) until the program exits, the wall clock
    runs out or the output cap is passed; then kill what is left and report."""
    start = time.monotonic()
    deadline = start + timeout
    bufs: dict[int, bytearray] = {out_r: bytearray(), err_r: bytearray()}
    open_fds = {out_r, err_r}
    try:
        pidfd: int | None = os.pidfd_open(pid)
    except (AttributeError, OSError):
        pidfd = None  # older kernel: poll waitpid every 20 ms instead
    timed_out = exceeded = False
    wait_status: tuple[int, int, Any] | None = None
    while wait_status is None:
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            timed_out = True
            break
        watch = list(open_fds) + ([pidfd] if pidfd is not None else [])
        ready, _, _ = select.select(watch, [], [], remaining if pidfd is not None else min(remaining, 0.02))
        for fd in ready:
            if fd == pidfd:
                continue
            chunk = os.read(fd, 65536)
            if not chunk:
                open_fds.discard(fd)
            else:
                bufs[fd] += chunk
                if len(bufs[fd]) > max_output_bytes:
                    exceeded = True
        if exceeded:
            break
        if pidfd is None or pidfd in ready:
            got = os.wait4(pid, 0 if pidfd in ready else os.WNOHANG)
            if got[0] == pid:
                wait_status = got
    if wait_status is None:
        # Kill the whole group at once first (waiting for the leader alone would let a fork bomb run
        # on), then collect the leader's own status before kill_tree's reaping could take it.
        _killpg(pid)  # the leader is a session leader: it cannot have left its group
        wait_status = os.wait4(pid, 0)
    kill_tree(pid, uid, subreaper)
    # Everything that could write is dead now: drain what is still buffered in the pipes.
    for fd in list(open_fds):
        while len(bufs[fd]) <= max_output_bytes:
            ready, _, _ = select.select([fd], [], [], 0.2)
            chunk = os.read(fd, 65536) if ready else b""
            if not chunk:
                break
            bufs[fd] += chunk
    for fd in (out_r, err_r) + ((pidfd,) if pidfd is not None else ()):
        os.close(fd)
    exceeded = exceeded or any(len(b) > max_output_bytes for b in bufs.values())
    _, status, usage = wait_status
    return {
        "exit_code": os.WEXITSTATUS(status) if os.WIFEXITED(status) else None,
        "signal": os.WTERMSIG(status) if os.WIFSIGNALED(status) else None,
        "stdout": bytes(bufs[out_r][:max_output_bytes]).decode("utf-8", "replace"),
        "stderr": bytes(bufs[err_r][:max_output_bytes]).decode("utf-8", "replace"),
        "timed_out": timed_out,
        "output_exceeded": exceeded,
        "duration": time.monotonic() - start,
        "cpu_time": usage.ru_utime + usage.ru_stime,
        "max_rss_mb": usage.ru_maxrss / 1024,
    }

"""The warm fork server: `python -I _forkserver.py SOCKET_PATH`, started by `client.py`.

Why it exists: a fresh interpreter that imports cpmpy and ortools pays 1-2 s before the program's
first line. This process pays that once, then forks a copy per request (copy-on-write, a few ms).
It is a separate, single-threaded process because the main process may be multithreaded, and
forking a multithreaded process can leave the child holding locks nobody will release.

Per request (one Unix-socket connection each, so concurrent callers never share a channel):
    server --fork--> monitor M (child subreaper; enforces the wall clock, collects output, kills)
                        --fork--> program W (isolated by `_child.run_child`)
M and W are forked *before* the request comes (one spare pair waits at all times): the request
then costs no fork on its way in. The server only accepts, reads the request, hands it with the
connection (SCM_RIGHTS) to the spare M and forks the next spare, so a long run never blocks others.
It exits when its stdin reaches EOF, i.e. when the process that started it is gone.
"""

from __future__ import annotations

import importlib
import importlib.util
import json
import os
import select
import signal
import socket
import struct
import sys

# Best effort: whatever is installed is imported once here and shared by every forked program.
PREIMPORTS = (
    "json", "math", "random", "itertools", "collections", "functools", "heapq", "bisect", "re",
    "statistics", "fractions", "decimal", "dataclasses", "typing", "traceback", "io", "time",
    "datetime", "string", "operator", "copy", "enum", "csv", "pathlib", "threading", "types",
    "numpy", "cpmpy", "ortools.sat.python.cp_model",
)  # fmt: skip
_HEADER = struct.Struct("!Q")
_PR_SET_CHILD_SUBREAPER = 36


def _load(name: str):  # type: ignore[no-untyped-def]
    """A sibling module by path: under `python -I` this directory is not on sys.path (and must not
    be: its module names would shadow the program's imports)."""
    here = os.path.dirname(os.path.abspath(__file__))
    spec = importlib.util.spec_from_file_location(
        f"_optipilot_sandbox{name}", os.path.join(here, f"{name}.py")
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


_child = _load("_child")
_watch = _load("_watch")


def recv_msg(sock: socket.socket) -> bytes:
    """One length-prefixed message (the same framing as `client.py`)."""
    head = _recv_exact(sock, _HEADER.size)
    return _recv_exact(sock, _HEADER.unpack(head)[0])


def _recv_exact(sock: socket.socket, n: int) -> bytes:
    buf = bytearray()
    while len(buf) < n:
        chunk = sock.recv(min(n - len(buf), 1 << 20))
        if not chunk:
            raise EOFError("connection closed mid-message")
        buf += chunk
    return bytes(buf)


def send_msg(sock: socket.socket, data: bytes) -> None:
    sock.sendall(_HEADER.pack(len(data)) + data)


def _monitor(link: socket.socket) -> None:
    """Body of a monitor M, forked ahead of need with its program process W already forked and
    waiting (see `_child.prefork`). Gets one request (and its connection) from the server, runs it,
    answers on that connection. Never returns."""
    code = 0
    conn = None
    try:
        signal.signal(signal.SIGCHLD, signal.SIG_DFL)  # the server ignores it; we must wait for ours
        # Orphans of the program (a daemon it started, even after setsid) are re-parented to us,
        # not to init: all it started stays in our subtree, to be found and killed (kill_tree).
        _child._libc().prctl(_PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0)
        pid, out_r, err_r, req_w = _child.prefork()
        msg, fds, _flags, _addr = socket.recv_fds(link, 1 << 20, 1)
        if not fds:  # the server is gone: let W exit on EOF, and go
            os.close(req_w)
            os.waitpid(pid, 0)
            os._exit(0)
        conn = socket.socket(fileno=fds[0])
        conn.setblocking(True)  # the server's read timeout made the shared file description non-blocking
        req = json.loads(msg)
        with os.fdopen(req_w, "wb") as pipe:
            pipe.write(msg)
        result = _watch.supervise(
            pid,
            out_r,
            err_r,
            timeout=float(req["timeout"]),
            max_output_bytes=int(req["max_output_bytes"]),
            uid=req["uid"] if req.get("kill_uid") else None,
            subreaper=True,
        )
        send_msg(conn, json.dumps(result).encode())
    except BaseException as exc:  # report, do not hang the caller
        if conn is not None:
            try:
                send_msg(conn, json.dumps({"monitor_error": f"{type(exc).__name__}: {exc}"}).encode())
            except OSError:
                pass
        code = 1
    finally:
        os._exit(code)


def _spare(listener: socket.socket) -> socket.socket:
    """Fork the next monitor now, so the next request does not wait for two forks."""
    ours, theirs = socket.socketpair(socket.AF_UNIX, socket.SOCK_SEQPACKET)  # keeps message bounds
    if os.fork() == 0:
        listener.close()
        ours.close()
        _monitor(theirs)
    theirs.close()
    return ours


def serve(sock_path: str, uid_base: int | None) -> None:
    for name in PREIMPORTS:
        try:
            importlib.import_module(name)
        except Exception:  # not installed, or broken: the program will find out on its own
            pass
    listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    listener.bind(sock_path)
    os.chmod(sock_path, 0o600)  # only our user may ask for runs (the directory is 0700 as well)
    listener.listen(256)
    signal.signal(signal.SIGCHLD, signal.SIG_IGN)  # monitors are reaped by the kernel
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    spare = _spare(listener)
    sys.stdout.write("READY\n")
    sys.stdout.flush()
    counter = 0
    while True:
        ready, _, _ = select.select([listener, sys.stdin.fileno()], [], [])
        if sys.stdin.fileno() in ready and not os.read(sys.stdin.fileno(), 4096):
            break  # our parent has gone
        if listener not in ready:
            continue
        conn, _ = listener.accept()
        try:
            conn.settimeout(10.0)  # our own client sends at once; never let one stall the loop
            req = json.loads(recv_msg(conn))
        except (OSError, EOFError, ValueError):
            conn.close()
            continue
        if uid_base is not None:
            # A private uid per run: RLIMIT_NPROC counts per uid, and runs cannot touch each other's
            # files. 512 slots: a uid comes round again only long after its run was killed
            # (api.py: how the bases of concurrent main processes are kept apart).
            req["uid"] = uid_base + counter % 512
            req["kill_uid"] = True
            counter += 1
        data = json.dumps(req).encode()
        for _attempt in range(2):
            try:
                socket.send_fds(spare, [data], [conn.fileno()])
                break
            except OSError:  # that monitor died: fork another
                spare.close()
                spare = _spare(listener)
        spare.close()
        conn.close()
        spare = _spare(listener)
    spare.close()
    listener.close()
    try:
        os.unlink(sock_path)
    except OSError:
        pass


if __name__ == "__main__":
    serve(sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 and sys.argv[2] != "none" else None)

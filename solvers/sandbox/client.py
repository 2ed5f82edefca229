"""The main process's side of the fork server: start it lazily, restart it if it died, send requests.

One server per main process (per pid: a forked copy of the main process starts its own). Many
threads may call `request` at once: the lock covers only "is the server up, else start it"; every
request then has its own connection, so no run waits for another.
"""

from __future__ import annotations

import atexit
import json
import os
import select
import shutil
import socket
import struct
import subprocess
import sys
import tempfile
import threading
from typing import Any

from solvers.sandbox.result import SandboxError

SERVER_SCRIPT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "_forkserver.py")
START_TIMEOUT = 90.0  # seconds for the server to import numpy/cpmpy/ortools on a busy machine
_HEADER = struct.Struct("!Q")


class _ForkServer:
    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._proc: subprocess.Popen[bytes] | None = None
        self._dir: str | None = None
        self._owner_pid = -1

    def address(self, env: dict[str, str], uid_base: int | None) -> tuple[str, subprocess.Popen[bytes]]:
        with self._lock:
            proc = self._proc
            if proc is None or proc.poll() is not None or self._owner_pid != os.getpid():
                self._start(env, uid_base)
            assert self._proc is not None and self._dir is not None
            return os.path.join(self._dir, "socket"), self._proc

    def _start(self, env: dict[str, str], uid_base: int | None) -> None:
        if self._owner_pid == os.getpid():
            self._stop()
        self._dir = tempfile.mkdtemp(prefix="optipilot-forkserver-")  # 0700: only we reach the socket
        sock = os.path.join(self._dir, "socket")
        log_path = os.path.join(self._dir, "server.log")
        server_env = dict(env, OPENBLAS_NUM_THREADS="1", OMP_NUM_THREADS="1")  # forks lose threads anyway
        with open(log_path, "wb") as log:
            proc = subprocess.Popen(
                [
                    sys.executable,
                    "-I",
                    SERVER_SCRIPT,
                    sock,
                    str(uid_base) if uid_base is not None else "none",
                ],
                stdin=subprocess.PIPE,  # its EOF tells the server we are gone
                stdout=subprocess.PIPE,
                stderr=log,
                env=server_env,
                cwd=self._dir,
                start_new_session=True,  # a Ctrl-C meant for us must not kill runs mid-way
                close_fds=True,
            )
        assert proc.stdout is not None
        ready, _, _ = select.select([proc.stdout], [], [], START_TIMEOUT)
        line = proc.stdout.readline() if ready else b""
        if line.strip() != b"READY":
            proc.kill()
            proc.wait()
            with open(log_path, "rb") as f:
                tail = f.read()[-2000:].decode("utf-8", "replace")
            shutil.rmtree(self._dir, ignore_errors=True)
            self._dir = None
            raise SandboxError(f"the sandbox fork server did not start: {tail.strip() or 'no output'}")
        proc.stdout.close()
        self._proc, self._owner_pid = proc, os.getpid()

    def _stop(self) -> None:
        proc, self._proc = self._proc, None
        if proc is not None:
            try:
                if proc.stdin:
                    proc.stdin.close()
                proc.wait(timeout=2)
            except (OSError, subprocess.TimeoutExpired):
                proc.kill()
                proc.wait()
        if self._dir:
            shutil.rmtree(self._dir, ignore_errors=True)
            self._dir = None

    def invalidate(self, proc: subprocess.Popen[bytes]) -> None:
        """Forget a server that failed a request (it is restarted on the next one)."""
        with self._lock:
            if self._proc is proc:
                proc.kill()
                self._stop()

    def shutdown(self) -> None:
        with self._lock:
            if self._owner_pid == os.getpid():
                self._stop()


SERVER = _ForkServer()
atexit.register(SERVER.shutdown)


def _recv_exact(sock: socket.socket, n: int) -> bytes:
    buf = bytearray()
    while len(buf) < n:
        chunk = sock.recv(min(n - len(buf), 1 << 20))
        if not chunk:
            raise EOFError("the sandbox monitor closed the connection without an answer")
        buf += chunk
    return bytes(buf)


def request(req: dict[str, Any], env: dict[str, str], uid_base: int | None) -> dict[str, Any]:
    """Run one request on the fork server; the watcher's report (see `_watch.supervise`).

    A server that died (or a monitor that vanished) is restarted and the request retried once.
    """
    last_error: Exception | None = None
    for _attempt in range(2):
        path, proc = SERVER.address(env, uid_base)
        try:
            with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as sock:
                # The monitor answers right after the deadline; the margin covers kill + cleanup.
                sock.settimeout(float(req["timeout"]) + 60.0)
                sock.connect(path)
                data = json.dumps(req).encode()
                sock.sendall(_HEADER.pack(len(data)) + data)
                size = _HEADER.unpack(_recv_exact(sock, _HEADER.size))[0]
                answer = json.loads(_recv_exact(sock, size))
        except (OSError, EOFError, ValueError) as exc:
            last_error = exc
            SERVER.invalidate(proc)
            continue
        if "monitor_error" in answer:
            raise SandboxError(f"the sandbox monitor failed: {answer['monitor_error']}")
        return answer
    raise SandboxError(f"the sandbox fork server failed twice: {last_error}")

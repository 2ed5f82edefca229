"""Running untrusted generated code (Python programs, MiniZinc models) in an isolated child process.

    from solvers.sandbox import run
    res = run("print('{\"x\": 1}')", timeout=5)
    res.status, res.json, res.message      # "ok", {"x": 1}, "finished in 0.03 s"

Never in the main process: each run gets a fresh work dir (removed afterwards), an environment built
from a short whitelist, wall-clock/CPU/address-space/file-size/process limits, a cap on captured
output, and its whole process tree killed at the end. As root it also runs under a private uid in
its own mount namespace (private /tmp, /dev/shm; directories other users cannot enter stay closed)
and its own network namespace (loopback only, unless run(..., network=True)).

Modules: api.py (`run`), result.py (`SandboxResult`, `SandboxError`, JSON extraction), _child.py
(isolating the process and running the program; stdlib only), _watch.py (output, wall clock,
killing the tree; stdlib only), _forkserver.py + client.py (the warm fork server that has
numpy/cpmpy/ortools imported already), minizinc.py (MiniZinc command line and output).
"""

from solvers.sandbox.api import run
from solvers.sandbox.result import SandboxError, SandboxResult

__all__ = ["run", "SandboxResult", "SandboxError"]

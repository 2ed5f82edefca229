"""The sandbox contains what generated code may do: each abuse gets a clear status, nothing survives."""

from __future__ import annotations

import logging
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import textwrap
import threading
import time
from pathlib import Path

import psutil
import pytest

from solvers.sandbox import SandboxError, SandboxResult, run
from solvers.sandbox.minizinc import parse_stream
from solvers.sandbox.result import extract_json

REPO = Path(__file__).resolve().parents[2]
IS_ROOT = os.geteuid() == 0
WARMTH = pytest.mark.parametrize("warm", [True, False], ids=["warm", "cold"])

# Programs that abuse the sandbox first print who they are, so the test can look for survivors.
WHOAMI = 'import os, sys; print(\'{"uid": %d, "pgid": %d}\' % (os.getuid(), os.getpgrp()), flush=True)\n'


@pytest.fixture(autouse=True)
def warm_runs_really_run_warm(caplog: pytest.LogCaptureFixture):  # type: ignore[no-untyped-def]
    """A warm run that silently fell back to a fresh interpreter would still pass the other checks."""
    caplog.set_level(logging.WARNING, logger="solvers.sandbox.api")
    yield
    fallbacks = [r.getMessage() for r in caplog.get_records("call") if "running cold" in r.getMessage()]
    assert fallbacks == []


def survivors(res: SandboxResult) -> list[psutil.Process]:
    """Live processes of the run's process group or (when it had a uid of its own) of its uid."""
    who = res.json or extract_json(res.stdout)
    assert who is not None, res.stdout[:200]
    left = []
    for proc in psutil.process_iter(["uids", "status"]):
        try:
            if proc.info["status"] == psutil.STATUS_ZOMBIE:
                continue
            same_uid = IS_ROOT and who["uid"] != 0 and proc.info["uids"].real == who["uid"]
            if same_uid or os.getpgid(proc.pid) == who["pgid"]:
                left.append(proc)
        except (psutil.Error, ProcessLookupError):
            continue
    return left


@WARMTH
def test_json_program_is_ok_and_parsed(warm: bool) -> None:
    res = run(
        "import json\nprint('hello')\nprint(json.dumps({'x': [1, 2], 'y': 'z'}))\n", warm=warm, timeout=20
    )
    assert res.status == "ok", res.stderr
    assert res.exit_code == 0 and res.signal is None
    assert res.json == {"x": [1, 2], "y": "z"}
    assert res.stdout.startswith("hello\n")
    assert res.message.startswith("finished in")


@WARMTH
def test_exception_is_an_error_with_the_last_stderr_line(warm: bool) -> None:
    res = run("def f():\n    raise ValueError('bad input 42')\nf()\n", warm=warm, timeout=20)
    assert res.status == "error"
    assert res.exit_code == 1
    assert "Traceback" in res.stderr and "main.py" in res.stderr
    assert res.message == "exited with code 1: ValueError: bad input 42"


@WARMTH
def test_sys_exit_code_and_main_guard(warm: bool) -> None:
    res = run("import sys\nif __name__ == '__main__':\n    sys.exit(3)\n", warm=warm, timeout=20)
    assert (res.status, res.exit_code) == ("error", 3)


@WARMTH
def test_infinite_loop_times_out_quickly(warm: bool) -> None:
    start = time.monotonic()
    res = run(WHOAMI + "while True:\n    pass\n", warm=warm, timeout=2)
    assert time.monotonic() - start < 4.0
    assert res.status == "timeout" and res.timed_out
    assert res.message == "timed out after 2 s"
    assert survivors(res) == []


@WARMTH
def test_fork_bomb_is_contained(warm: bool) -> None:
    code = WHOAMI + textwrap.dedent(
        """
        while True:
            try:
                os.fork()
            except OSError:
                pass
        """
    )
    start = time.monotonic()
    res = run(code, warm=warm, timeout=2, memory_mb=512)
    assert time.monotonic() - start < 10.0
    assert res.status in ("timeout", "error")
    time.sleep(0.2)
    assert survivors(res) == []


@WARMTH
def test_escaped_background_process_is_killed(warm: bool) -> None:
    # A daemon that leaves the process group (setsid) and outlives the program's exit.
    code = WHOAMI + "import subprocess\nsubprocess.Popen(['sleep', '300'], start_new_session=True)\n"
    res = run(code, warm=warm, timeout=10)
    assert res.status == "ok", res.stderr
    if IS_ROOT:  # only a private uid can find it again once it left the group
        assert survivors(res) == []


@WARMTH
def test_huge_allocation_is_a_memory_failure(warm: bool) -> None:
    res = run("x = bytearray(4 * 1024**3)\nprint(len(x))\n", warm=warm, memory_mb=1024, timeout=20)
    assert res.status == "memory" and res.memory_exceeded
    assert res.message == "ran out of memory (limit 1024 MB)"


@pytest.mark.skipif(not IS_ROOT, reason="as a normal user the repo is ours to write; isolation is by uid")
@WARMTH
@pytest.mark.parametrize("target", [str(REPO / "should_not_exist.txt"), "/root/x"])
def test_writing_outside_the_work_dir_fails(warm: bool, target: str) -> None:
    res = run(f"open({target!r}, 'w').write('pwned')\n", warm=warm, timeout=20)
    assert res.status == "error"
    assert "PermissionError" in res.stderr or "FileNotFoundError" in res.stderr
    assert not os.path.exists(target)


@WARMTH
def test_tmp_is_private_and_cleaned(warm: bool) -> None:
    code = "import os, json\nopen('/tmp/optipilot-sandbox-leak', 'w').write('x')\nprint(json.dumps({'cwd': os.getcwd()}))\n"
    res = run(code, warm=warm, timeout=20)
    assert res.status == "ok", res.stderr
    assert not os.path.exists(res.json["cwd"])  # the work dir is removed
    if IS_ROOT:  # a private /tmp (mount namespace): nothing written there reaches ours
        assert not os.path.exists("/tmp/optipilot-sandbox-leak")
    else:
        Path("/tmp/optipilot-sandbox-leak").unlink(missing_ok=True)


@WARMTH
def test_secrets_are_not_visible(warm: bool, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("OPENAI_API_KEY", "sk-test-secret")
    monkeypatch.setenv("GITHUB_TOKEN", "ghp-secret")
    code = textwrap.dedent(
        """
        import json, os
        found = {k: v for k, v in os.environ.items() if 'secret' in v}
        try:  # the caller's own environment, through /proc
            caller = open("/proc/{pid}/environ", "rb").read()
        except OSError:
            caller = b''
        print(json.dumps({'found': found, 'key': os.environ.get('OPENAI_API_KEY'),
                          'in_caller': b'sk-test-secret' in caller}))
        """.replace("{pid}", str(os.getpid()))
    )
    res = run(code, warm=warm, timeout=20)
    assert res.status == "ok", res.stderr
    assert res.json is not None
    assert (res.json["found"], res.json["key"]) == ({}, None)
    if IS_ROOT:  # as a normal user the child shares our uid and /proc lets it read us (documented)
        assert res.json["in_caller"] is False


def test_secret_looking_env_extra_is_refused() -> None:
    with pytest.raises(SandboxError, match="OPENAI_API_KEY"):
        run("print(1)", env_extra={"OPENAI_API_KEY": "x"})


def test_file_names_must_stay_inside() -> None:
    with pytest.raises(SandboxError, match="relative"):
        run("print(1)", files={"../escape.txt": "x"})


@WARMTH
def test_huge_output_is_stopped(warm: bool) -> None:
    start = time.monotonic()
    res = run("import sys\nwhile True:\n    sys.stdout.write('x' * 1_000_000)\n", warm=warm, timeout=30)
    assert time.monotonic() - start < 5.0
    assert res.status == "output_limit" and res.output_truncated
    assert len(res.stdout) == 1_000_000


@WARMTH
def test_files_stdin_and_argv(warm: bool) -> None:
    code = "import sys, json\nprint(json.dumps({'data': open('sub/data.txt').read(), 'in': sys.stdin.read(), 'argv0': sys.argv[0].endswith('main.py')}))\n"
    res = run(
        code,
        warm=warm,
        files={"sub/data.txt": "abc", "blob.bin": b"\x00\x01"},
        stdin="from stdin",
        timeout=20,
    )
    assert res.status == "ok", res.stderr
    assert res.json == {"data": "abc", "in": "from stdin", "argv0": True}


def test_concurrent_runs_each_get_their_own_output() -> None:
    results: dict[int, SandboxResult] = {}

    def work(i: int) -> None:
        results[i] = run(f"import time, json\ntime.sleep(0.3)\nprint(json.dumps({{'i': {i}}}))\n", timeout=30)

    threads = [threading.Thread(target=work, args=(i,)) for i in range(8)]
    start = time.monotonic()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert {i: r.json for i, r in results.items()} == {i: {"i": i} for i in range(8)}
    assert time.monotonic() - start < 8 * 0.3 + 5  # they overlapped rather than queued


def test_cpmpy_model_solves_warm() -> None:
    code = textwrap.dedent(
        """
        import json
        import cpmpy as cp
        x = cp.intvar(0, 10, shape=3, name="x")
        model = cp.Model(cp.sum(x) == 12, x[0] > x[1], x[1] > x[2])
        model.maximize(x[2])
        assert model.solve()
        print(json.dumps({"x": [int(v) for v in x.value()], "objective": int(model.objective_value())}))
        """
    )
    res = run(code, timeout=60)
    assert res.status == "ok", res.stderr
    assert res.json == {"x": [5, 4, 3], "objective": 3}


needs_minizinc = pytest.mark.skipif(shutil.which("minizinc") is None, reason="MiniZinc CLI not installed")


@needs_minizinc
@WARMTH
def test_minizinc_model_solves(warm: bool) -> None:
    model = "int: n;\nvar 1..n: x; var 1..n: y;\nconstraint x + y = 12;\nsolve maximize x * y;\n"
    res = run(model, language="minizinc", files={"data.dzn": "n = 10;\n"}, warm=warm, timeout=60)
    assert res.status == "ok", res.stderr
    assert res.json is not None
    assert (res.json["x"], res.json["y"], res.json["_objective"]) == (6, 6, 36)
    assert res.json["_status"] == "OPTIMAL_SOLUTION"


@needs_minizinc
def test_minizinc_unsat_and_syntax_error() -> None:
    unsat = run("var 1..3: x;\nconstraint x > 5;\nsolve satisfy;\n", language="minizinc", timeout=60)
    assert unsat.status == "ok" and unsat.json == {"_status": "UNSATISFIABLE", "_solutions": 0}
    bad = run("var 1..3: x;\nconstraint x > ;\n", language="minizinc", timeout=60)
    assert bad.status == "error"
    assert "syntax error" in bad.message


def test_extract_json_rules() -> None:
    assert extract_json('{"a": 1}\nnoise\n{"b": 2}\n') == {"b": 2}
    assert extract_json('result: {"a": {"b": 1}} and later {"c": [1]} done') == {"c": [1]}
    assert extract_json('x = {"a": {"b": 1}}, fin') == {"a": {"b": 1}}
    assert extract_json("[1, 2]\nnothing here {not json}") is None


def test_parse_stream_keeps_last_solution() -> None:
    out = '{"type": "solution", "output": {"json": {"x": 1}}}\n{"type": "solution", "output": {"json": {"x": 2}}}\n'
    out += '{"type": "status", "status": "OPTIMAL_SOLUTION"}\n'
    assert parse_stream(out) == ({"x": 2, "_status": "OPTIMAL_SOLUTION", "_solutions": 2}, [])


NET_PROBE = """
import json, socket
srv = socket.socket()
srv.bind(("127.0.0.1", 0))
srv.listen()
socket.create_connection(srv.getsockname()).close()  # loopback still works
print(json.dumps({"interfaces": sorted(name for _, name in socket.if_nameindex())}))
"""


@pytest.mark.skipif(not IS_ROOT, reason="a network namespace needs root")
@WARMTH
def test_network_is_off_unless_asked(warm: bool) -> None:
    closed = run(NET_PROBE, warm=warm, timeout=20)
    assert closed.status == "ok", closed.stderr
    assert closed.json == {"interfaces": ["lo"]}
    opened = run(NET_PROBE, warm=warm, timeout=20, network=True)
    assert opened.status == "ok", opened.stderr
    assert opened.json is not None and opened.json["interfaces"] == sorted(
        n for _, n in socket.if_nameindex()
    )


def test_fork_server_is_restarted_after_it_died() -> None:
    from solvers.sandbox.client import SERVER

    assert run("print('{\"n\": 1}')", timeout=20).json == {"n": 1}
    proc = SERVER._proc
    assert proc is not None
    proc.kill()
    proc.wait()
    res = run("print('{\"n\": 2}')", timeout=20)
    assert res.json == {"n": 2}
    assert SERVER._proc is not None and SERVER._proc.pid != proc.pid


def test_interpreter_reached_through_a_symlink_keeps_its_packages() -> None:
    """A venv linked from a place the sandbox covers (a git worktree's `.venv` under /tmp, linked to the main
    checkout's) keeps the link's own path in sys.path: a run must still import what that venv holds (pulp,
    which the sandbox does not pre-import)."""
    if sys.prefix == sys.base_prefix:
        pytest.skip("needs a virtual environment")
    # a folder others may enter, as a worktree's is (pytest's tmp_path is private to its owner, which a
    # sandbox uid could not pass through with or without the link)
    place = Path(tempfile.mkdtemp(prefix="optipilot-venvlink-"))
    place.chmod(0o755)
    link = place / "venv"
    link.symlink_to(sys.prefix, target_is_directory=True)
    prog = ("from solvers.sandbox import run\n"
            "r = run('import pulp\\nprint(pulp.__name__)', warm=False, timeout=60)\n"
            "print(r.status, r.stdout.strip(), r.stderr.strip()[-300:])\n")
    try:
        out = subprocess.run([str(link / "bin" / "python"), "-c", prog], cwd=REPO, capture_output=True, text=True,
                             timeout=180, env={**os.environ, "PYTHONPATH": str(REPO)})
    finally:
        shutil.rmtree(place)
    assert out.returncode == 0, out.stderr[-2000:]
    assert out.stdout.split()[:2] == ["ok", "pulp"], out.stdout

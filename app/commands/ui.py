"""`optipilot ui`: start the Streamlit web UI (app/web/main.py), headless, on one address and port."""

from __future__ import annotations

import socket
import subprocess
import sys
from importlib.util import find_spec
from pathlib import Path
from typing import Annotated

import typer

MAIN = Path(__file__).resolve().parents[1] / "web" / "main.py"


def _port_taken(host: str, port: int) -> str | None:
    """Why the address cannot be served on (taken, unknown host), or None when it can."""
    with socket.socket() as s:
        try:
            s.bind((host, port))
        except OSError as e:
            return e.strerror or str(e)
    return None


def ui_command(
    port: Annotated[int, typer.Option(min=1, max=65535, help="Port to serve on.")] = 8501,
    host: Annotated[str, typer.Option(help="Address to listen on (127.0.0.1: this machine only).")] = "127.0.0.1",
    browser: Annotated[bool, typer.Option("--browser/--no-browser", help="Open a browser tab.")] = False,
) -> None:
    """Start the web UI (Streamlit) and serve it until Ctrl-C."""
    if find_spec("streamlit") is None:
        typer.echo("error: the web UI needs streamlit, which is not installed here (run ./install.sh, or "
                   "pip install streamlit)", err=True)
        raise typer.Exit(2)
    problem = _port_taken(host, port)
    if problem:
        typer.echo(f"error: cannot serve on {host}:{port} ({problem}); pick another with --port or --host",
                   err=True)
        raise typer.Exit(2)
    cmd = [sys.executable, "-m", "streamlit", "run", str(MAIN), "--server.port", str(port),
           "--server.address", host, "--server.headless", str(not browser).lower(),
           "--browser.gatherUsageStats", "false", "--server.maxUploadSize", "5", "--client.toolbarMode", "minimal"]
    typer.echo(f"OptiPilot UI on http://{host}:{port} (Ctrl-C to stop)")
    try:
        raise typer.Exit(subprocess.call(cmd))
    except KeyboardInterrupt:
        raise typer.Exit(0) from None

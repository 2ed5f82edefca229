"""`optipilot ui`: start the Streamlit web UI."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Annotated

import typer

MAIN = Path(__file__).resolve().parents[1] / "web" / "main.py"


def ui_command(
    port: Annotated[int, typer.Option(help="Port to serve on.")] = 8501,
    host: Annotated[str, typer.Option(help="Address to listen on (127.0.0.1: this machine only).")] = "127.0.0.1",
    browser: Annotated[bool, typer.Option("--browser/--no-browser", help="Open a browser tab.")] = False,
) -> None:
    """Start the web UI (Streamlit) and serve it until Ctrl-C."""
    cmd = [sys.executable, "-m", "streamlit", "run", str(MAIN), "--server.port", str(port),
           "--server.address", host, "--server.headless", str(not browser).lower(),
           "--browser.gatherUsageStats", "false", "--server.maxUploadSize", "5", "--client.toolbarMode", "minimal"]
    typer.echo(f"OptiPilot UI on http://{host}:{port} (Ctrl-C to stop)")
    try:
        raise typer.Exit(subprocess.call(cmd))
    except KeyboardInterrupt:
        raise typer.Exit(0) from None

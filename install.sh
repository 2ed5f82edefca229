#!/usr/bin/env bash
# Installs everything OptiPilot needs into ./.venv, and MiniZinc (with Gecode) from Debian when missing.
# Idempotent: a second run only checks. Used by `make demo` and `make test` (and so by CI).
set -euo pipefail
cd "$(dirname "$0")"

PY=${PYTHON:-python3}
if ! "$PY" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
    echo "OptiPilot needs Python >= 3.11 (found: $("$PY" --version 2>&1)). Set PYTHON=/path/to/python3.11." >&2
    exit 1
fi

# Debian packages: MiniZinc with Gecode (the MiniZinc backend) and headless Chromium with its driver
# (the web UI's browser tests).
missing=()
command -v minizinc >/dev/null 2>&1 || missing+=(minizinc)
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
command -v chromedriver >/dev/null 2>&1 || missing+=(chromium-driver)
if [ ${#missing[@]} -gt 0 ]; then
    echo "==> installing from Debian: ${missing[*]}"
    SUDO=""
    if [ "$(id -u)" -ne 0 ]; then
        if command -v sudo >/dev/null 2>&1; then SUDO="sudo"; else
            echo "Missing Debian packages and this user cannot install them: run 'apt-get install ${missing[*]}' as root." >&2
            exit 1
        fi
    fi
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
fi

if [ ! -x .venv/bin/python ]; then
    echo "==> creating the virtual environment .venv"
    "$PY" -m venv .venv
fi
# Reinstall only when the project's dependencies changed since the last install.
stamp=.venv/.optipilot-installed
if [ ! -f "$stamp" ] || [ pyproject.toml -nt "$stamp" ]; then
    echo "==> installing OptiPilot and its solvers into .venv"
    .venv/bin/python -m pip install -q --upgrade pip
    .venv/bin/python -m pip install -q -e '.[dev,ray,quantum]'
    touch "$stamp"
fi

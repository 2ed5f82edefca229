"""An on-disk cache of LLM answers, so a repeated run is free and gives the same answers.

One SQLite file (stdlib sqlite3) in WAL mode: many readers and one writer at a time, safe across threads
(one connection per thread) and processes (SQLite's own locking, with a generous busy timeout). Keys are
SHA-256 hashes of everything that shapes an answer (see `cache_key`), values are JSON.

A cache must never break a run: if the file cannot be opened or written (read-only home, full disk,
corrupt file), the cache logs one warning and turns itself off.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import sqlite3
import threading
import time
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)

CACHE_DIR_ENV = "OPTIPILOT_CACHE_DIR"
CACHE_FILE = "llm.sqlite"
_SCHEMA = """
CREATE TABLE IF NOT EXISTS responses (
    key TEXT PRIMARY KEY,
    model TEXT NOT NULL,
    value TEXT NOT NULL,
    created REAL NOT NULL
)
"""


def default_cache_path() -> Path:
    """$OPTIPILOT_CACHE_DIR/llm.sqlite, else ~/.cache/optipilot/llm.sqlite."""
    base = os.environ.get(CACHE_DIR_ENV)
    directory = Path(base).expanduser() if base else Path.home() / ".cache" / "optipilot"
    return directory / CACHE_FILE


def cache_key(payload: dict[str, Any]) -> str:
    """A stable hash of a request: keys sorted, no whitespace, so equal requests hash equally."""
    canonical = json.dumps(payload, sort_keys=True, separators=(",", ":"), ensure_ascii=False, default=str)
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


class ResponseCache:
    """Answers by request hash, in one SQLite file shared by threads and processes.

    `hits` and `misses` count this object's lookups (not the file's), for reports and benchmarks.
    """

    def __init__(self, path: str | Path | None = None):
        self.path = Path(path).expanduser() if path is not None else default_cache_path()
        self.hits = 0
        self.misses = 0
        self._local = threading.local()
        self._disabled = False
        self._lock = threading.Lock()

    def __repr__(self) -> str:
        return f"ResponseCache({str(self.path)!r})"

    # --- connections: one per thread (sqlite3 objects must not cross threads) and per process

    def _connect(self) -> sqlite3.Connection | None:
        if self._disabled:
            return None
        conn: sqlite3.Connection | None = getattr(self._local, "conn", None)
        if conn is not None and getattr(self._local, "pid", None) == os.getpid():
            return conn
        # Switching a new database to WAL can answer "database is locked" at once, without waiting for
        # the busy timeout, while other connections open it too: retry briefly before giving up.
        for attempt in range(6):
            conn = None
            try:
                self.path.parent.mkdir(parents=True, exist_ok=True)
                # autocommit (isolation_level=None): every statement is its own short transaction
                conn = sqlite3.connect(self.path, timeout=30.0, isolation_level=None, check_same_thread=True)
                conn.execute("PRAGMA journal_mode=WAL")
                conn.execute("PRAGMA synchronous=NORMAL")  # durable enough for a cache, much faster
                conn.execute("PRAGMA busy_timeout=30000")
                conn.execute(_SCHEMA)
                break
            except sqlite3.OperationalError as exc:
                if conn is not None:
                    conn.close()
                if "locked" in str(exc) and attempt < 5:
                    time.sleep(0.05 * 2**attempt)
                    continue
                self._disable(f"cannot open {self.path}: {exc}")
                return None
            except (OSError, sqlite3.Error) as exc:
                self._disable(f"cannot open {self.path}: {exc}")
                return None
        self._local.conn = conn
        self._local.pid = os.getpid()
        return conn

    def _disable(self, why: str) -> None:
        with self._lock:
            if not self._disabled:
                log.warning("LLM response cache turned off (%s); answers will not be cached. "
                            "Set %s to a writable folder to cache them.", why, CACHE_DIR_ENV)
            self._disabled = True

    # --- the cache proper

    def get(self, key: str) -> dict[str, Any] | None:
        """The stored value for key, or None."""
        conn = self._connect()
        row = None
        if conn is not None:
            try:
                row = conn.execute("SELECT value FROM responses WHERE key = ?", (key,)).fetchone()
            except sqlite3.Error as exc:
                self._disable(f"cannot read {self.path}: {exc}")
        with self._lock:
            if row is None:
                self.misses += 1
            else:
                self.hits += 1
        return json.loads(row[0]) if row is not None else None

    def put(self, key: str, model: str, value: dict[str, Any]) -> None:
        """Store value under key (the last writer wins; equal keys mean equal requests)."""
        conn = self._connect()
        if conn is None:
            return
        try:
            conn.execute(
                "INSERT OR REPLACE INTO responses (key, model, value, created) VALUES (?, ?, ?, ?)",
                (key, model, json.dumps(value, ensure_ascii=False), time.time()),
            )
        except sqlite3.Error as exc:
            self._disable(f"cannot write {self.path}: {exc}")

    def __len__(self) -> int:
        conn = self._connect()
        if conn is None:
            return 0
        return int(conn.execute("SELECT COUNT(*) FROM responses").fetchone()[0])

    def clear(self) -> None:
        """Forget every stored answer (all models)."""
        conn = self._connect()
        if conn is not None:
            conn.execute("DELETE FROM responses")

    def close(self) -> None:
        """Close this thread's connection (other threads' close when they end)."""
        conn = getattr(self._local, "conn", None)
        if conn is not None:
            conn.close()
            self._local.conn = None

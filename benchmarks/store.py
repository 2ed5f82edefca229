"""The results store of one run: a folder holding run.json, results.jsonl and summary.json.

results.jsonl is append-only, one JSON object per finished item, and every line is flushed and fsynced
before the runner moves on, so a run killed at any moment (even kill -9) loses at most the line being
written. On reopening, a torn last line is cut off and the ids already there are skipped. run.json holds
the run's configuration; a rerun into the same folder with a different one is refused, since mixing two
configurations in one results file would make its summary meaningless.
"""

from __future__ import annotations

import fcntl
import json
import os
from pathlib import Path
from typing import Any

RESULTS = "results.jsonl"
SUMMARY = "summary.json"
CONFIG = "run.json"
LOCK = ".lock"


class StoreError(RuntimeError):
    """The results folder cannot be used for this run."""


class ConfigMismatchError(StoreError):
    """The folder holds a run with another configuration."""


class ResultsStore:
    """Append-only per-item records plus the run's configuration, in one folder."""

    def __init__(self, out_dir: str | os.PathLike[str]):
        self.dir = Path(out_dir)
        self.results_path = self.dir / RESULTS
        self.summary_path = self.dir / SUMMARY
        self.config_path = self.dir / CONFIG
        self._file: Any = None
        self._lock: Any = None

    # --- opening -------------------------------------------------------------------------------------
    def open(self, config: dict[str, Any]) -> dict[str, dict[str, Any]]:
        """Lock the folder, check or write the config, and return the records already there by id."""
        try:
            self.dir.mkdir(parents=True, exist_ok=True)
        except OSError as e:
            raise StoreError(f"Cannot create the results folder {self.dir}: {e.strerror}") from e
        self._take_lock()
        try:
            self._check_config(config)
            records = self.read_records(repair=True)
            self._file = open(self.results_path, "a", encoding="utf-8")  # (closed in close())
        except BaseException:
            self.close()
            raise
        return records

    def _take_lock(self) -> None:
        # flock, not a pid file: the kernel drops it when the process dies, even on kill -9.
        self._lock = open(self.dir / LOCK, "w")
        try:
            fcntl.flock(self._lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            self._lock.close()
            self._lock = None
            raise StoreError(
                f"Another run is writing to {self.dir} right now; wait for it or pick another --out."
            ) from None

    def _check_config(self, config: dict[str, Any]) -> None:
        if self.config_path.exists():
            try:
                old = json.loads(self.config_path.read_text(encoding="utf-8"))
            except (OSError, json.JSONDecodeError) as e:
                raise StoreError(
                    f"{self.config_path} is unreadable ({e}); remove it or pick another --out."
                ) from e
            diffs = [
                f"{k}: {old.get(k)!r} there, {config.get(k)!r} now"
                for k in sorted(set(old) | set(config))
                if old.get(k) != config.get(k)
            ]
            if diffs:
                raise ConfigMismatchError(
                    f"{self.dir} holds a run with another configuration ({'; '.join(diffs)}); "
                    "rerun with the same settings to resume it, or pick another --out."
                )
            return
        tmp = self.config_path.with_suffix(".tmp")
        tmp.write_text(json.dumps(config, indent=2, sort_keys=True) + "\n", encoding="utf-8")
        os.replace(tmp, self.config_path)

    # --- reading -------------------------------------------------------------------------------------
    def read_records(self, repair: bool = False) -> dict[str, dict[str, Any]]:
        """Records by id (a later line for the same id wins). A torn last line is ignored, and with
        `repair` cut off the file, so the next append starts on a line of its own."""
        records: dict[str, dict[str, Any]] = {}
        if not self.results_path.exists():
            return records
        data = self.results_path.read_bytes()
        end = len(data)
        if data and not data.endswith(b"\n"):  # the process died mid-write: drop the partial line
            end = data.rfind(b"\n") + 1
            if repair:
                with open(self.results_path, "r+b") as f:
                    f.truncate(end)
                    f.flush()
                    os.fsync(f.fileno())
        for n, line in enumerate(data[:end].splitlines(), start=1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError as e:
                raise StoreError(
                    f"{self.results_path} line {n} is not JSON ({e}); fix or remove that line."
                ) from e
            if isinstance(record, dict) and "id" in record:
                records[str(record["id"])] = record
        return records

    def read_config(self) -> dict[str, Any]:
        return json.loads(self.config_path.read_text(encoding="utf-8"))

    # --- writing -------------------------------------------------------------------------------------
    def append(self, record: dict[str, Any]) -> None:
        """Write one record durably: after this returns, a crash cannot lose it."""
        if self._file is None:
            raise StoreError("the results store is not open")
        self._file.write(json.dumps(record, sort_keys=True, default=str) + "\n")
        self._file.flush()
        os.fsync(self._file.fileno())

    def write_summary(self, summary: dict[str, Any]) -> None:
        tmp = self.summary_path.with_suffix(".tmp")
        tmp.write_text(json.dumps(summary, indent=2, sort_keys=True, default=str) + "\n", encoding="utf-8")
        os.replace(tmp, self.summary_path)  # atomic: a reader never sees half a summary

    def close(self) -> None:
        if self._file is not None:
            self._file.close()
            self._file = None
        if self._lock is not None:
            self._lock.close()  # releases the flock
            self._lock = None

    def __enter__(self) -> ResultsStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

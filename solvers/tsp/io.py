"""Reading TSP instances (the test-set zips and plain "x y" files) and checking coordinates.

Test-set files (`tsp500_test.zip` and friends) hold one instance per line: 2n coordinates, the word
`output`, then a 1-based tour (not optimal: never use it as a reference). Plain files hold one city per
line, "x y" (commas or spaces; lines starting with # are comments).
"""

from __future__ import annotations

import os
import zipfile
from dataclasses import dataclass
from pathlib import Path

import numpy as np


class TSPInputError(ValueError):
    """A TSP instance or heatmap the solver cannot use; the message says what to fix."""


@dataclass(frozen=True)
class Instance:
    """One instance: city coordinates (n x 2) and, for test-set lines, the tour stored with it."""

    name: str
    coords: np.ndarray
    stored_tour: np.ndarray | None = None  # 0-based; from the file, NOT an optimum


def validate_coords(coords: object) -> np.ndarray:
    """Coordinates as a float64 (n, 2) array, or a TSPInputError saying what is wrong."""
    try:
        xy = np.asarray(coords, dtype=np.float64)
    except (TypeError, ValueError) as e:
        raise TSPInputError(f"Coordinates must be numbers, an (n, 2) array of x y pairs: {e}") from None
    if xy.ndim != 2 or xy.shape[1] != 2:
        raise TSPInputError(f"Coordinates must be an (n, 2) array of x y pairs; got shape {xy.shape}.")
    n = xy.shape[0]
    if n < 3:
        raise TSPInputError(f"A tour needs at least 3 cities; got {n}.")
    bad = ~np.isfinite(xy).all(axis=1)
    if bad.any():
        rows = np.flatnonzero(bad)[:5].tolist()
        raise TSPInputError(f"Coordinates must be finite numbers; cities {rows} hold NaN or infinity.")
    uniq, first, counts = np.unique(xy, axis=0, return_index=True, return_counts=True)
    if len(uniq) < n:
        dup = uniq[counts > 1][0]
        where = np.flatnonzero((xy == dup).all(axis=1))[:5].tolist()
        raise TSPInputError(
            f"Duplicate cities: {len(uniq[counts > 1])} point(s) appear more than once, e.g. "
            f"({dup[0]:g}, {dup[1]:g}) at cities {where}. Merge duplicates before solving."
        )
    return xy


def parse_line(line: str, name: str) -> Instance:
    """One test-set line: x1 y1 x2 y2 ... output t1 t2 ... (1-based tour, first city repeated)."""
    parts = line.split()
    try:
        cut = parts.index("output")
    except ValueError:
        raise TSPInputError(f"{name}: a test-set line needs the word 'output' between coordinates and tour.") from None
    try:
        values = np.array(parts[:cut], dtype=np.float64)
        tour = np.array(parts[cut + 1:], dtype=np.int64) - 1
    except ValueError as e:
        raise TSPInputError(f"{name}: not a number in the line ({e}).") from None
    if values.size % 2:
        raise TSPInputError(f"{name}: an odd number of coordinates ({values.size}) before 'output'.")
    coords = validate_coords(values.reshape(-1, 2))
    if tour.size and tour[0] == tour[-1]:
        tour = tour[:-1]
    stored = tour if tour.size == len(coords) and np.array_equal(np.sort(tour), np.arange(len(coords))) else None
    return Instance(name=name, coords=coords, stored_tour=stored)


def _lines(path: Path) -> list[str]:
    if zipfile.is_zipfile(path):
        with zipfile.ZipFile(path) as z:
            names = [m for m in z.namelist() if not m.endswith("/")]
            if len(names) != 1:
                raise TSPInputError(f"{path}: expected one text file in the zip, found {len(names)}.")
            text = z.read(names[0]).decode("utf-8", errors="replace")
    else:
        text = path.read_text(encoding="utf-8", errors="replace")
    return [ln for ln in text.splitlines() if ln.strip() and not ln.lstrip().startswith("#")]


def read_instances(path: str | os.PathLike[str], instance: int | None = None) -> list[Instance]:
    """The instances in a file: every line of a test-set file (or line `instance`, 0-based), or the one
    instance of a plain "x y" file."""
    p = Path(path)
    if not p.is_file():
        raise TSPInputError(f"No such file: {p}.")
    lines = _lines(p)
    if not lines:
        raise TSPInputError(f"{p}: the file holds no cities.")
    if any("output" in ln for ln in lines[:1]):  # test-set format
        if instance is not None:
            if not 0 <= instance < len(lines):
                raise TSPInputError(f"{p}: --instance {instance} is out of range; the file has {len(lines)} (0..{len(lines) - 1}).")
            return [parse_line(lines[instance], f"{p.stem}#{instance}")]
        return [parse_line(ln, f"{p.stem}#{i}") for i, ln in enumerate(lines)]
    rows = []
    for i, ln in enumerate(lines, 1):
        parts = ln.replace(",", " ").split()
        if len(parts) != 2:
            raise TSPInputError(f"{p}, line {i}: expected 'x y', got {ln.strip()[:60]!r}.")
        try:
            rows.append((float(parts[0]), float(parts[1])))
        except ValueError:
            raise TSPInputError(f"{p}, line {i}: not a number in {ln.strip()[:60]!r}.") from None
    if instance not in (None, 0):
        raise TSPInputError(f"{p} holds a single instance; --instance applies to test-set files only.")
    return [Instance(name=p.stem, coords=validate_coords(rows))]


def tour_length(coords: np.ndarray, tour: np.ndarray) -> float:
    """Euclidean length of a closed tour (floats, no rounding)."""
    xy = coords[np.asarray(tour)]
    return float(np.sqrt(((xy - np.roll(xy, -1, axis=0)) ** 2).sum(axis=1)).sum())


def check_tour(tour: object, n: int) -> np.ndarray:
    """The tour as an int array when it visits each of the n cities once, else a TSPInputError."""
    t = np.asarray(tour, dtype=np.int64).ravel()
    if t.size == n + 1 and t[0] == t[-1]:
        t = t[:-1]
    if t.size != n or not np.array_equal(np.sort(t), np.arange(n)):
        raise TSPInputError(f"Not a tour over {n} cities: it must visit each city 0..{n - 1} exactly once.")
    return t

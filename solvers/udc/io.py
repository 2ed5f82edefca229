"""Reading UDC instances from files.

- TSP: the shared test-set zips (`tsp500_test.zip`, one instance per line) or one "x y" per line,
  through solvers.tsp.read_instances.
- CVRP: a CVRPLIB `.vrp` file (NODE_COORD_SECTION, DEMAND_SECTION, DEPOT_SECTION, CAPACITY; read by the
  `vrplib` package), or JSON `{"depot": [x, y], "coords": [[x, y], ...], "demand": [...], "capacity": C}`.
- Knapsack: JSON `{"weights": [...], "values": [...], "capacity": C}`, or text whose first line is
  `capacity C` followed by one "weight value" pair per line.
Whatever the format, the instance is checked by base.validate; every failure is a UDCInputError.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import numpy as np

from solvers.udc.base import CVRPInstance, Instance, KPInstance, TSPInstance, UDCInputError, validate


def _json(path: Path) -> dict[str, Any]:
    try:
        data = json.loads(path.read_text())
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as e:
        raise UDCInputError(f"{path}: not readable JSON ({e})") from None
    if not isinstance(data, dict):
        raise UDCInputError(f"{path}: expected a JSON object")
    return data


def _need(data: dict[str, Any], keys: tuple[str, ...], path: Path) -> None:
    missing = [k for k in keys if k not in data]
    if missing:
        raise UDCInputError(f"{path}: missing field(s) {', '.join(missing)}")


def read_tsp(path: Path, index: int = 0) -> TSPInstance:
    from solvers.tsp import TSPInputError, read_instances

    try:
        (inst,) = read_instances(path, index)
    except TSPInputError as e:
        raise UDCInputError(str(e)) from None
    return validate(TSPInstance(coords=inst.coords, name=inst.name))  # type: ignore[return-value]


def read_cvrp(path: Path) -> CVRPInstance:
    if path.suffix.lower() == ".json":
        d = _json(path)
        _need(d, ("depot", "coords", "demand", "capacity"), path)
        inst = CVRPInstance(depot=np.asarray(d["depot"], dtype=float), coords=np.asarray(d["coords"], dtype=float),
                            demand=np.asarray(d["demand"]), capacity=d["capacity"], name=path.stem)
        return validate(inst)  # type: ignore[return-value]
    import vrplib

    try:
        d = vrplib.read_instance(str(path))
        coords, demand = np.asarray(d["node_coord"], float), np.asarray(d["demand"])
        depot_idx = int(np.atleast_1d(d.get("depot", [0]))[0])
        cap = d["capacity"]
    except (OSError, KeyError, ValueError, IndexError) as e:
        raise UDCInputError(f"{path}: not a CVRPLIB instance ({type(e).__name__}: {e})") from None
    keep = np.arange(len(coords)) != depot_idx
    inst = CVRPInstance(depot=coords[depot_idx], coords=coords[keep], demand=demand[keep], capacity=int(cap),
                        name=path.stem)
    return _rescaled(validate(inst))  # type: ignore[arg-type]


def _rescaled(inst: CVRPInstance) -> CVRPInstance:
    """CVRPLIB coordinates (e.g. 0..1000) mapped into the unit square the models were trained on; lengths
    are then reported in unit-square units (multiply by `scale` to get the file's units)."""
    pts = np.vstack([inst.depot, inst.coords])
    lo, span = pts.min(axis=0), float((pts.max(axis=0) - pts.min(axis=0)).max()) or 1.0
    return CVRPInstance(depot=(inst.depot - lo) / span, coords=(inst.coords - lo) / span, demand=inst.demand,
                        capacity=inst.capacity, name=inst.name)


def read_kp(path: Path) -> KPInstance:
    if path.suffix.lower() == ".json":
        d = _json(path)
        _need(d, ("weights", "values", "capacity"), path)
        return validate(KPInstance(weights=np.asarray(d["weights"], dtype=float),  # type: ignore[return-value]
                                   values=np.asarray(d["values"], dtype=float), capacity=float(d["capacity"]),
                                   name=path.stem))
    try:
        lines = [ln.split("#")[0].strip() for ln in path.read_text().splitlines()]
    except (OSError, UnicodeDecodeError) as e:
        raise UDCInputError(f"{path}: not readable ({e})") from None
    lines = [ln for ln in lines if ln]
    if not lines or not lines[0].lower().startswith("capacity"):
        raise UDCInputError(f"{path}: the first line must be 'capacity C'")
    try:
        cap = float(lines[0].split()[1])
        pairs = np.array([[float(t) for t in ln.replace(",", " ").split()] for ln in lines[1:]])
    except (IndexError, ValueError) as e:
        raise UDCInputError(f"{path}: expected 'capacity C' then 'weight value' per line ({e})") from None
    if pairs.ndim != 2 or pairs.shape[1] != 2:
        raise UDCInputError(f"{path}: each item line must hold two numbers, weight and value")
    return validate(KPInstance(weights=pairs[:, 0], values=pairs[:, 1], capacity=cap,  # type: ignore[return-value]
                               name=path.stem))


def read_instance(problem: str, path: Path, index: int = 0) -> Instance:
    path = Path(path)
    if not path.is_file():
        raise UDCInputError(f"{path}: no such file")
    if problem == "tsp":
        return read_tsp(path, index)
    if problem == "cvrp":
        return read_cvrp(path)
    if problem == "kp":
        return read_kp(path)
    raise UDCInputError(f"unknown problem {problem!r}: choose tsp, cvrp or kp")

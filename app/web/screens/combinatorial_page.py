"""Combinatorial solvers: large TSP (heatmap + MCTS, gap to LKH-3), and, when their packages are in this
build, the QUBO solvers, Neur2RO (two-stage robust knapsack) and UDC."""

from __future__ import annotations

import functools
from importlib.util import find_spec

import numpy as np
import streamlit as st

from app.web.common import MAX_UPLOAD_BYTES, run_job, show_error


def _points(upload: object | None, n: int, seed: int) -> np.ndarray:
    """Coordinates from an upload (one "x y" pair per line, or a TSP test-set line) or random points."""
    from solvers.tsp.io import parse_line, validate_coords

    if upload is None:
        return np.random.default_rng(seed).random((n, 2))
    data = upload.getvalue()
    if len(data) > 50 * MAX_UPLOAD_BYTES:
        raise ValueError(f"{upload.name} is too large for the browser ({len(data) / 1e6:.1f} MB); use the CLI.")
    text = data.decode("utf-8", errors="replace").strip()
    if not text:
        raise ValueError(f"{upload.name} is empty: give one 'x y' pair per line.")
    if "output" in text.splitlines()[0]:
        return parse_line(text.splitlines()[0], upload.name).coords
    rows = [line.replace(",", " ").split() for line in text.splitlines() if line.strip()]
    try:
        return validate_coords(np.array([[float(a), float(b)] for a, b, *_ in rows]))
    except ValueError as e:
        raise ValueError(f"{upload.name}: expected one 'x y' pair per line ({e})") from None


def _tour_figure(coords: np.ndarray, tour: list[int], title: str) -> object:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    loop = list(tour) + [tour[0]]
    fig, ax = plt.subplots(figsize=(6, 6))
    ax.plot(coords[loop, 0], coords[loop, 1], "-", lw=0.7)
    ax.plot(coords[:, 0], coords[:, 1], ".", ms=3, color="black")
    ax.set_title(title)
    ax.set_aspect("equal")
    return fig


def _tsp() -> None:
    st.subheader("TSP: heatmap + MCTS")
    c1, c2, c3, c4 = st.columns(4)
    n = c1.number_input("Random cities", 3, 20000, 200)
    seed = c2.number_input("Seed", 0, 10**6, 0)
    time_limit = c3.number_input("Time (s)", 0.1, 600.0, 2.0)
    heatmap = c4.selectbox("Heatmap", ["softdist", "knn"])
    upload = st.file_uploader("or a file of points", type=["txt", "csv"], key="tsp-upload")
    lkh = st.checkbox("Compare with LKH-3")
    fn = None
    if st.button("Solve TSP", type="primary"):
        try:
            coords = _points(upload, int(n), int(seed))
        except ValueError as e:
            show_error(str(e))
            return

        def work() -> dict[str, object]:
            from solvers.tsp import solve, solve_lkh

            r = solve(coords, heatmap=heatmap, time_limit=float(time_limit), seed=int(seed))
            out = {"coords": coords, "tour": list(r.tour), "length": r.length, "time": r.time}
            if lkh:
                ref = solve_lkh(coords)
                out.update(lkh=ref.length, lkh_time=ref.time)
            return out

        fn = work
    try:
        res = run_job("tsp-job", fn, "TSP")
    except Exception as e:  # noqa: BLE001
        show_error(f"{type(e).__name__}: {e}")
        return
    if res:
        m = st.columns(3)
        m[0].metric("Tour length", f"{res['length']:.4f}")
        m[1].metric("Time", f"{res['time']:.2f} s")
        if "lkh" in res:
            m[2].metric("Gap to LKH-3", f"{res['length'] / res['lkh'] - 1:.2%}", help=f"LKH-3: {res['lkh']:.4f}")
        st.pyplot(_tour_figure(res["coords"], res["tour"], f"{len(res['tour'])} cities"))


def _qubo() -> None:
    st.subheader("QUBO: slack-free Lagrangian vs slack penalty")
    c1, c2, c3, c4 = st.columns(4)
    kind = c1.selectbox("Problem", ["mdkp", "mis", "tsp"])
    n = c2.number_input("Size", 3, 300, 50 if kind != "tsp" else 5)
    encoding = c3.selectbox("Encoding", ["lagrangian", "slack"] + (["penalty"] if kind == "mis" else []))
    method = c4.selectbox("Multiplier method", ["subgradient", "bundle", "cutting-plane", "alm"])
    if st.button("Solve QUBO"):
        from solvers.qubo import (
            QUBOInputError,
            exact_optimum,
            gap,
            generate_mdkp,
            generate_mis,
            generate_tsp,
            solve,
        )

        try:
            p = (generate_mdkp(int(n), 5, 0.5, 0) if kind == "mdkp" else generate_mis(int(n), 0.1, 0)
                 if kind == "mis" else generate_tsp(int(n), 0))
            r = solve(p, encoding, method, "sa", iterations=10, reads=10)
            ref, proven = exact_optimum(p, time_limit=10)
        except QUBOInputError as e:
            show_error(str(e))
            return
        except Exception as e:  # noqa: BLE001  (shown in words, never as a traceback)
            show_error(f"{type(e).__name__}: {e}")
            return
        g = gap(p, r.objective, ref)
        st.table({"binary variables": [r.num_variables], "best objective": [r.objective],
                  "feasibility rate": [f"{r.feasibility_rate:.1%}"],
                  "CP-SAT": [f"{ref:g}" + ("" if proven else " (not proven)")],
                  "gap": ["-" if g is None else f"{g:.2%}"], "time (s)": [round(r.time, 2)]})


def _robust_work(n: int, correlation: str, seed: int, time_limit: float, exact: bool) -> dict[str, object]:
    from solvers.neur2ro import solve
    from solvers.neur2ro.knapsack import generate_instance

    inst = generate_instance(np.random.default_rng(seed), n, correlation, 0.1, 40, 0.1)
    rows = []
    for method in ["neur2ro", *(["exact-ccg"] if exact else [])]:
        r = solve(inst, method=method, time_limit=time_limit)
        rows.append({"method": method, "worst-case profit": round(r.profit, 2), "items": sum(r.x),
                     "iterations": r.iterations, "proven optimal": r.optimal, "time (s)": round(r.time, 2)})
    return {"rows": rows}


def _robust() -> None:
    st.subheader("Neur2RO: two-stage robust knapsack")
    st.caption("A generated instance (Arslan & Detienne's recipe, delta 0.1, h 40, Gamma 0.1 n); the profit "
               "shown is the exact worst case of the first-stage decision.")
    c1, c2, c3, c4 = st.columns(4)
    n = c1.number_input("Items", 5, 100, 20, key="ro-n")
    correlation = c2.selectbox("Correlation", ["UN", "WC", "ASC", "SC"], key="ro-corr")
    seed = c3.number_input("Seed", 0, 10**6, 0, key="ro-seed")
    time_limit = c4.number_input("Time (s)", 1.0, 600.0, 10.0, key="ro-time")
    exact = st.checkbox("Also exact CCG", key="ro-exact")
    fn = None
    if st.button("Solve robust knapsack"):
        fn = functools.partial(_robust_work, int(n), correlation, int(seed), float(time_limit), exact)
    try:
        res = run_job("robust-job", fn, "Robust knapsack")
    except Exception as e:  # noqa: BLE001
        show_error(f"{type(e).__name__}: {e}")
        return
    if res:
        st.table(res["rows"])


def _udc() -> None:
    import importlib

    st.subheader("UDC: neural divide-and-conquer")
    st.markdown((importlib.import_module("solvers.udc").__doc__ or "").strip() or "Available from the Python API.")


def render() -> None:
    st.title("Combinatorial solvers")
    parts = {"TSP": _tsp}
    optional = {"QUBO": ("solvers.qubo", _qubo), "Robust knapsack": ("solvers.neur2ro", _robust),
                "UDC": ("solvers.udc", _udc)}
    for title, (module, fn) in optional.items():
        if find_spec(module) is not None:  # solvers that are not in this build get no tab
            parts[title] = fn
    for tab, fn in zip(st.tabs(list(parts)), parts.values(), strict=True):
        with tab:
            fn()


if __name__ == "__main__":
    render()

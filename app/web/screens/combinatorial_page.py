"""Combinatorial solvers: large TSP (heatmap + MCTS, gap to LKH-3) and the QUBO solvers."""

from __future__ import annotations

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
        g = gap(p, r.objective, ref)
        st.table({"binary variables": [r.num_variables], "best objective": [r.objective],
                  "feasibility rate": [f"{r.feasibility_rate:.1%}"],
                  "CP-SAT": [f"{ref:g}" + ("" if proven else " (not proven)")],
                  "gap": ["-" if g is None else f"{g:.2%}"], "time (s)": [round(r.time, 2)]})


def render() -> None:
    st.title("Combinatorial solvers")
    tab1, tab2 = st.tabs(["TSP", "QUBO"])
    with tab1:
        _tsp()
    with tab2:
        _qubo()


if __name__ == "__main__":
    render()

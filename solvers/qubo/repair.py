"""Making a sample feasible, and the exact reference optimum.

Repair (where the problem allows it): MDKP drops the selected item with the least profit per unit of
normalised weight until every capacity holds, then adds unselected items by that ratio while they fit;
MIS drops the vertex with the most conflicts until no edge has both ends, then adds free vertices of
lowest degree. TSP samples are kept only when they already are a permutation (no repair).

`exact_optimum` solves the problem with OR-Tools CP-SAT (exact): the reference for gaps.
"""

from __future__ import annotations

import numpy as np

from solvers.qubo.problems import MDKP, MIS, TSP, Problem


def repair(problem: Problem, x: np.ndarray) -> np.ndarray | None:
    x = np.asarray(x, float).round().copy()
    if isinstance(problem, MDKP):
        return _repair_mdkp(problem, x)
    if isinstance(problem, MIS):
        return _repair_mis(problem, x)
    return x if isinstance(problem, TSP) and problem.tour(x) is not None else None


def _repair_mdkp(p: MDKP, x: np.ndarray) -> np.ndarray:
    cap = np.where(p.capacities > 0, p.capacities, 1.0)
    ratio = p.profits / (1e-12 + (p.weights / cap[:, None]).sum(axis=0))
    load = p.weights @ x
    for j in np.argsort(ratio):  # worst first
        if np.all(load <= p.capacities + 1e-9):
            break
        if x[j]:
            x[j] = 0
            load -= p.weights[:, j]
    for j in np.argsort(-ratio):  # best first
        if not x[j] and np.all(load + p.weights[:, j] <= p.capacities + 1e-9):
            x[j] = 1
            load += p.weights[:, j]
    return x


def _repair_mis(p: MIS, x: np.ndarray) -> np.ndarray:
    nbrs: list[set[int]] = [set() for _ in range(p.n)]
    for u, v in p.edges:
        nbrs[u].add(v)
        nbrs[v].add(u)
    chosen = {int(i) for i in np.flatnonzero(x)}
    while True:
        conflicts = {v: sum(1 for w in nbrs[v] if w in chosen) for v in chosen}
        worst = max(conflicts, key=lambda v: (conflicts[v], len(nbrs[v]), v), default=None)
        if worst is None or conflicts[worst] == 0:
            break
        chosen.discard(worst)
    for v in sorted(range(p.n), key=lambda v: (len(nbrs[v]), v)):
        if v not in chosen and not (nbrs[v] & chosen):
            chosen.add(v)
    out = np.zeros(p.n)
    out[list(chosen)] = 1
    return out


def exact_optimum(problem: Problem, time_limit: float = 60.0) -> tuple[float, bool]:
    """(optimal objective, proven optimal) from CP-SAT; TSP distances are scaled by 1e6 and rounded."""
    from ortools.sat.python import cp_model

    m = cp_model.CpModel()
    if isinstance(problem, MDKP):
        x = [m.NewBoolVar(f"x{j}") for j in range(problem.n)]
        for i in range(len(problem.capacities)):
            m.Add(sum(int(problem.weights[i, j]) * x[j] for j in range(problem.n)) <= int(problem.capacities[i]))
        m.Maximize(sum(int(problem.profits[j]) * x[j] for j in range(problem.n)))
    elif isinstance(problem, MIS):
        x = [m.NewBoolVar(f"x{v}") for v in range(problem.n)]
        for u, v in problem.edges:
            m.AddBoolOr([x[u].Not(), x[v].Not()])
        m.Maximize(sum(x))
    else:
        arcs, lits = [], {}
        d = np.round(problem.dist * 1e6).astype(int)
        for a in range(problem.n):
            for b in range(problem.n):
                if a != b:
                    lits[a, b] = m.NewBoolVar(f"a{a}_{b}")
                    arcs.append((a, b, lits[a, b]))
        m.AddCircuit(arcs)
        m.Minimize(sum(int(d[a, b]) * v for (a, b), v in lits.items()))
    solver = cp_model.CpSolver()
    solver.parameters.max_time_in_seconds = time_limit
    solver.parameters.num_workers = 2
    status = solver.Solve(m)
    if status not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        raise RuntimeError(f"CP-SAT found no solution for {problem.name} in {time_limit} s")
    value = solver.ObjectiveValue()
    if isinstance(problem, TSP):  # report the float length of CP-SAT's tour
        nxt = {a: b for (a, b), v in lits.items() if solver.Value(v)}
        tour, c = [0], nxt[0]
        while c != 0:
            tour.append(c)
            c = nxt[c]
        value = problem.length(tour)
    return float(value), status == cp_model.OPTIMAL

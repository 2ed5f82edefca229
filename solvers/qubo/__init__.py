"""QUBO solvers with slack-free Lagrangian encodings ("Cutting Slack", 2025) for MDKP, MIS and small TSP.

    from solvers.qubo import generate_mdkp, solve, exact_optimum, gap
    p = generate_mdkp(100, 5, 0.5, seed=0)
    r = solve(p, encoding="lagrangian", method="subgradient", sampler="sa", iterations=20, reads=20)
    opt, _ = exact_optimum(p)
    print(r.num_variables, r.feasibility_rate, gap(p, r.objective, opt))

Modules: problems.py (data, generators, readers), encode.py (dimod models: slack penalty and slack-free
Lagrangian), multipliers.py (subgradient, bundle, cutting plane, augmented Lagrangian), samplers.py
(sa, tabu, exact, qaoa), repair.py (feasibility repair, CP-SAT reference), solve.py (the loop).
"""

from solvers.qubo.problems import (
    MDKP,
    MIS,
    TSP,
    QUBOInputError,
    from_json,
    generate_mdkp,
    generate_mis,
    generate_tsp,
    read_problem,
)
from solvers.qubo.repair import exact_optimum, repair
from solvers.qubo.solve import ENCODINGS, QUBOResult, gap, solve

__all__ = ["MDKP", "MIS", "TSP", "ENCODINGS", "QUBOInputError", "QUBOResult", "exact_optimum", "from_json", "gap",
           "generate_mdkp", "generate_mis", "generate_tsp", "read_problem", "repair", "solve"]

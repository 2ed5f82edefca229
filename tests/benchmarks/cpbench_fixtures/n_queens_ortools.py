# An OR-Tools CP-SAT candidate for csplib_054_n_queens that reads its size from `n` (works for every instance).
import json

from ortools.sat.python import cp_model

n = 10

m = cp_model.CpModel()
q = [m.new_int_var(1, n, f"q{i}") for i in range(n)]
m.add_all_different(q)
m.add_all_different([q[i] - i for i in range(n)])
m.add_all_different([q[i] + i for i in range(n)])
solver = cp_model.CpSolver()
status = solver.solve(m)
assert status in (cp_model.OPTIMAL, cp_model.FEASIBLE)
print(json.dumps({"queens": [solver.value(v) for v in q]}))

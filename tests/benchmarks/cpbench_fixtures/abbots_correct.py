# A correct CPMpy candidate for abbots_puzzle, written for the scorer's tests.
import json

import cpmpy as cp

men, women, children = cp.intvar(0, 100, shape=3)
model = cp.Model(
    men + women + children == 100,
    2 * (3 * men + 2 * women) + children == 200,  # bushels doubled: children get half a bushel
    women == 5 * men,
)
assert model.solve()
print(json.dumps({"men": int(men.value()), "women": int(women.value()), "children": int(children.value())}))

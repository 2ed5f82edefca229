# Solves but prints no JSON.
import cpmpy as cp

x = cp.intvar(0, 100)
cp.Model(x == 5).solve()
print("done, men =", x.value())

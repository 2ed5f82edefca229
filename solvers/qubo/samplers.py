"""Samplers behind one interface: `get_sampler(name).sample(bqm, reads, seed) -> Samples`.

- `sa` (default): simulated annealing from dwave-samplers.
- `tabu`: multistart tabu search from dwave-samplers.
- `exact`: every assignment (dimod.ExactSolver), for models of at most 20 variables.
- `qaoa`: QAOA on the qiskit-aer statevector simulator (optional extra `optipilot[quantum]`), at most 20
  qubits: p layers of cost and mixer rotations, angles tuned by COBYLA on the exact expectation, then
  `reads` measurement shots.

Samples come back as a 0/1 matrix (one row per read, columns in the BQM's variable order 0..N-1) with
their energies, so the method code never touches sampler-specific types.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np

from solvers.qubo.problems import QUBOInputError

MAX_EXACT = 20
MAX_QUBITS = 20


@dataclass
class Samples:
    x: np.ndarray  # reads x variables, 0/1
    energy: np.ndarray


def _to_samples(sampleset: Any, n: int) -> Samples:
    arr = np.asarray(sampleset.record.sample)
    order = list(sampleset.variables)
    x = np.zeros((len(arr), n))
    for j, v in enumerate(order):
        x[:, int(v)] = arr[:, j]
    return Samples(x=x, energy=np.asarray(sampleset.record.energy, float))


class Sampler:
    name = "sampler"

    def sample(self, bqm: Any, reads: int, seed: int) -> Samples:
        raise NotImplementedError


class SASampler(Sampler):
    name = "sa"

    def __init__(self, sweeps: int = 1000):
        self.sweeps = sweeps

    def sample(self, bqm: Any, reads: int, seed: int) -> Samples:
        from dwave.samplers import SimulatedAnnealingSampler

        ss = SimulatedAnnealingSampler().sample(bqm, num_reads=reads, num_sweeps=self.sweeps, seed=seed % 2**31)
        return _to_samples(ss, bqm.num_variables)


class TabuSampler(Sampler):
    name = "tabu"

    def __init__(self, timeout_ms: int = 20):
        self.timeout_ms = timeout_ms

    def sample(self, bqm: Any, reads: int, seed: int) -> Samples:
        from dwave.samplers import TabuSampler as Tabu

        ss = Tabu().sample(bqm, num_reads=reads, timeout=self.timeout_ms, seed=seed % 2**31)
        return _to_samples(ss, bqm.num_variables)


class ExactSampler(Sampler):
    name = "exact"

    def sample(self, bqm: Any, reads: int, seed: int) -> Samples:
        import dimod

        if bqm.num_variables > MAX_EXACT:
            raise QUBOInputError(f"exact enumeration is for at most {MAX_EXACT} variables, not {bqm.num_variables}")
        ss = dimod.ExactSolver().sample(bqm).truncate(max(1, reads))
        return _to_samples(ss, bqm.num_variables)


class QAOASampler(Sampler):
    """QAOA (Farhi et al. 2014) simulated exactly; the circuit is built from the BQM's Ising form."""

    name = "qaoa"

    def __init__(self, layers: int = 2, maxiter: int = 60):
        self.layers, self.maxiter = layers, maxiter

    def sample(self, bqm: Any, reads: int, seed: int) -> Samples:
        try:
            from qiskit import QuantumCircuit, transpile
            from qiskit.quantum_info import Statevector
            from qiskit_aer import AerSimulator
        except ImportError as e:
            raise QUBOInputError("the qaoa sampler needs qiskit and qiskit-aer: pip install 'optipilot[quantum]'") from e
        from scipy.optimize import minimize

        n = bqm.num_variables
        if n > MAX_QUBITS:
            raise QUBOInputError(f"QAOA on a simulator is limited to {MAX_QUBITS} qubits; this model has {n}")
        h, j, _ = bqm.spin.to_ising()
        scale = max([abs(v) for v in h.values()] + [abs(v) for v in j.values()] + [1e-9])

        def circuit(theta: np.ndarray, measure: bool) -> Any:
            qc = QuantumCircuit(n)
            qc.h(range(n))
            for layer in range(self.layers):
                gamma, beta = theta[2 * layer], theta[2 * layer + 1]
                for (a, b), w in j.items():
                    qc.rzz(2 * gamma * w / scale, int(a), int(b))
                for a, w in h.items():
                    if w:
                        qc.rz(2 * gamma * w / scale, int(a))
                qc.rx(2 * beta, range(n))
            if measure:
                qc.measure_all()
            return qc

        # energy of every basis state once (n <= 20), to score a statevector exactly
        idx = np.arange(2**n)
        bits = ((idx[:, None] >> np.arange(n)[None, :]) & 1).astype(float)  # qiskit: qubit k = bit k
        energies = np.asarray(bqm.energies((bits, list(range(n)))), float)

        def expectation(theta: np.ndarray) -> float:
            probs = Statevector(circuit(theta, measure=False)).probabilities()
            return float(probs @ energies)

        rng = np.random.default_rng(seed)
        best = minimize(expectation, rng.uniform(0, np.pi, 2 * self.layers), method="COBYLA",
                        options={"maxiter": self.maxiter})
        sim = AerSimulator(seed_simulator=seed)
        counts = sim.run(transpile(circuit(best.x, measure=True), sim), shots=max(1, reads)).result().get_counts()
        rows, ens = [], []
        for key, c in counts.items():
            b = np.array([int(ch) for ch in reversed(key.replace(" ", ""))], float)
            rows.extend([b] * c)
            e = float(bqm.energy({i: int(b[i]) for i in range(n)}))
            ens.extend([e] * c)
        return Samples(x=np.asarray(rows), energy=np.asarray(ens))


SAMPLERS = {"sa": SASampler, "tabu": TabuSampler, "exact": ExactSampler, "qaoa": QAOASampler}


def get_sampler(name: str, **options: Any) -> Sampler:
    try:
        return SAMPLERS[name](**options)
    except KeyError:
        raise QUBOInputError(f"unknown sampler {name!r}; choose one of {', '.join(SAMPLERS)}") from None

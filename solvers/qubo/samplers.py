"""Samplers behind one interface: `get_sampler(name).sample(bqm, reads, seed) -> Samples`.

- `sa` (default): simulated annealing from dwave-samplers.
- `tabu`: multistart tabu search from dwave-samplers.
- `exact`: every assignment (dimod.ExactSolver), for models of at most 20 variables.
- `qaoa`: QAOA on qiskit-aer (optional extra `optipilot[quantum]`): p layers of cost and mixer
  rotations, angles tuned by COBYLA, then `reads` measurement shots. Up to 20 qubits the statevector is
  simulated exactly and the expectation is exact; from 21 to 63 qubits (aer's limit) a matrix-product-
  state simulator with a bounded bond dimension (`bond_dim`, default 8: an approximation, truncating
  entanglement) runs the circuit and the expectation is estimated from `tuning_shots` shots.

Samples come back as a 0/1 matrix (one row per read, columns in the BQM's variable order 0..N-1) with
their energies, so the method code never touches sampler-specific types.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np

from solvers.qubo.problems import QUBOInputError

MAX_EXACT = 20
MAX_QUBITS = 20  # exact statevector up to here
MAX_MPS_QUBITS = 63  # qiskit-aer's matrix-product-state simulator beyond


@dataclass
class Samples:
    x: np.ndarray  # reads x variables, 0/1
    energy: np.ndarray


def width(bqm: Any) -> int:
    """Columns of a sample matrix: variables are labelled 0..N-1, some possibly fixed away."""
    return max((int(v) for v in bqm.variables), default=-1) + 1


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
        return _to_samples(ss, width(bqm))


class TabuSampler(Sampler):
    name = "tabu"

    def __init__(self, timeout_ms: int = 20):
        self.timeout_ms = timeout_ms

    def sample(self, bqm: Any, reads: int, seed: int) -> Samples:
        from dwave.samplers import TabuSampler as Tabu

        ss = Tabu().sample(bqm, num_reads=reads, timeout=self.timeout_ms, seed=seed % 2**31)
        return _to_samples(ss, width(bqm))


class ExactSampler(Sampler):
    name = "exact"

    def sample(self, bqm: Any, reads: int, seed: int) -> Samples:
        import dimod

        if bqm.num_variables > MAX_EXACT:
            raise QUBOInputError(f"exact enumeration is for at most {MAX_EXACT} variables, not {bqm.num_variables}")
        ss = dimod.ExactSolver().sample(bqm).truncate(max(1, reads))
        return _to_samples(ss, width(bqm))


class QAOASampler(Sampler):
    """QAOA (Farhi et al. 2014) on a simulator; the circuit is built from the BQM's Ising form."""

    name = "qaoa"

    def __init__(self, layers: int = 2, maxiter: int = 60, bond_dim: int = 8, tuning_shots: int = 256):
        self.layers, self.maxiter = layers, maxiter
        self.bond_dim, self.tuning_shots = bond_dim, tuning_shots

    def sample(self, bqm: Any, reads: int, seed: int) -> Samples:
        try:
            from qiskit import QuantumCircuit, transpile
            from qiskit.quantum_info import Statevector
            from qiskit_aer import AerSimulator
        except ImportError as e:
            raise QUBOInputError("the qaoa sampler needs qiskit and qiskit-aer: pip install 'optipilot[quantum]'") from e
        from scipy.optimize import minimize

        labels = sorted(bqm.variables, key=int)
        qubit = {v: i for i, v in enumerate(labels)}  # qubits 0..q-1, whatever labels were fixed away
        n = len(labels)
        if n > MAX_MPS_QUBITS:
            raise QUBOInputError(f"QAOA on a simulator is limited to {MAX_MPS_QUBITS} qubits; this model has {n}")
        exact = n <= MAX_QUBITS
        h, j, _ = bqm.spin.to_ising()
        scale = max([abs(v) for v in h.values()] + [abs(v) for v in j.values()] + [1e-9])

        def circuit(theta: np.ndarray, measure: bool) -> Any:
            qc = QuantumCircuit(n)
            qc.h(range(n))
            for layer in range(self.layers):
                gamma, beta = theta[2 * layer], theta[2 * layer + 1]
                for (a, b), w in j.items():
                    qc.rzz(2 * gamma * w / scale, qubit[a], qubit[b])
                for a, w in h.items():
                    if w:
                        qc.rz(2 * gamma * w / scale, qubit[a])
                qc.rx(2 * beta, range(n))
            if measure:
                qc.measure_all()
            return qc

        def decode(counts: dict[str, int]) -> tuple[np.ndarray, np.ndarray]:
            rows, ens = [], []
            for key, c in counts.items():
                b = np.array([int(ch) for ch in reversed(key.replace(" ", ""))], float)  # qubit k = bit k
                e = float(bqm.energy({v: int(b[qubit[v]]) for v in labels}))
                rows.extend([b] * c)
                ens.extend([e] * c)
            return np.asarray(rows), np.asarray(ens)

        if exact:
            sim = AerSimulator(seed_simulator=seed)
            idx = np.arange(2**n)
            bits = ((idx[:, None] >> np.arange(n)[None, :]) & 1).astype(float)
            energies = np.asarray(bqm.energies((bits, labels)), float)

            def expectation(theta: np.ndarray) -> float:
                return float(Statevector(circuit(theta, measure=False)).probabilities() @ energies)
        else:
            sim = AerSimulator(method="matrix_product_state", seed_simulator=seed,
                               matrix_product_state_max_bond_dimension=self.bond_dim)

            def expectation(theta: np.ndarray) -> float:
                qc = transpile(circuit(theta, measure=True), sim)
                return float(decode(sim.run(qc, shots=self.tuning_shots).result().get_counts())[1].mean())

        rng = np.random.default_rng(seed)
        best = minimize(expectation, rng.uniform(0, np.pi, 2 * self.layers), method="COBYLA",
                        options={"maxiter": self.maxiter})
        counts = sim.run(transpile(circuit(best.x, measure=True), sim), shots=max(1, reads)).result().get_counts()
        bits_q, ens = decode(counts)
        x = np.zeros((len(bits_q), width(bqm)))
        x[:, [int(v) for v in labels]] = bits_q
        return Samples(x=x, energy=ens)


SAMPLERS = {"sa": SASampler, "tabu": TabuSampler, "exact": ExactSampler, "qaoa": QAOASampler}


def get_sampler(name: str, **options: Any) -> Sampler:
    try:
        return SAMPLERS[name](**options)
    except KeyError:
        raise QUBOInputError(f"unknown sampler {name!r}; choose one of {', '.join(SAMPLERS)}") from None

"""Errors a user of `solvers` can act on. Model errors (bad names, bad data) are `modeler.ir.ModelError`."""


class SolverError(RuntimeError):
    """Base class of everything `solvers.solve` raises on purpose."""


class UnknownBackendError(SolverError):
    pass


class BackendUnavailableError(SolverError):
    """The backend's package or program is not installed here."""


class UnsupportedModelError(SolverError):
    """The backend cannot take this model (e.g. a product of variables given to an LP solver)."""

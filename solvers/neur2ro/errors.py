"""The error users of the robust solvers get: a bad instance file or setting, in words."""


class RobustInputError(ValueError):
    """A robust optimization instance or setting that cannot be used."""

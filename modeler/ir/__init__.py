"""The five-element model form: `Model.from_json(...)`, its expression language and its checks."""

from modeler.ir.expr import ExprSyntaxError, parse
from modeler.ir.model import Constraint, Issue, Model, ModelError, Objective, Parameter, SetDef, Variable

__all__ = ["Constraint", "ExprSyntaxError", "Issue", "Model", "ModelError", "Objective", "Parameter",
           "SetDef", "Variable", "parse"]

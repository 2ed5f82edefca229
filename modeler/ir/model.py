"""The five-element model (sets, parameters, variables, objective, constraints) as pydantic data.

Input is forgiving (keyed or list form, shorthands for scalars and ranges, `minimize` for `min`);
output is one canonical JSON form. Structural problems and semantic ones (unknown names, wrong index
arity, incomplete parameter tables) are all reported as `ModelError`, each naming the element, the name
and what is wrong. The semantic checks live in `validate.py`.
"""

from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Any, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    PrivateAttr,
    ValidationError,
    field_validator,
    model_validator,
)

Member = int | str
Key = tuple[Member, ...]
VarType = Literal["continuous", "integer", "binary"]


class Issue(BaseModel):
    element: str  # "set", "parameter", "variable", "objective", "constraint", "model"
    name: str = ""
    message: str

    def __str__(self) -> str:
        where = f"{self.element} {self.name!r}" if self.name else self.element
        return f"{where}: {self.message}"


class ModelError(ValueError):
    """A model that cannot be used as written; `issues` lists every problem found, each located."""

    def __init__(self, issues: list[Issue] | Issue | str):
        if isinstance(issues, str):
            issues = [Issue(element="model", message=issues)]
        elif isinstance(issues, Issue):
            issues = [issues]
        self.issues = issues
        head = "invalid model" if len(issues) == 1 else f"invalid model ({len(issues)} problems)"
        super().__init__(head + ":\n" + "\n".join(f"  - {i}" for i in issues))


_TYPE_ALIASES = {"int": "integer", "integer": "integer", "bool": "binary", "boolean": "binary",
                 "binary": "binary", "real": "continuous", "float": "continuous", "continuous": "continuous"}
_SENSE_ALIASES = {"min": "min", "minimize": "min", "minimise": "min", "minimum": "min",
                  "max": "max", "maximize": "max", "maximise": "max", "maximum": "max"}




class _Element(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=False)
    name: str
    description: str = ""

    @field_validator("name")
    @classmethod
    def _identifier(cls, v: str) -> str:
        from modeler.ir.expr import KEYWORDS

        if not v.isidentifier() or not v.isascii():
            raise ValueError(f"{v!r} is not a valid name (letters, digits and _, not starting with a digit)")
        if v in KEYWORDS:
            raise ValueError(f"{v!r} is a keyword of the expression language; choose another name")
        return v


class SetDef(_Element):
    members: list[Member]

    @model_validator(mode="before")
    @classmethod
    def _shorthand(cls, data: Any) -> Any:
        if isinstance(data, dict) and isinstance(data.get("members"), str):
            data = {**data, "members": _parse_range(data["members"])}
        return data


class Parameter(_Element):
    index: list[str] = Field(default_factory=list)
    value: Any


class Variable(_Element):
    index: list[str] = Field(default_factory=list)
    type: VarType = "continuous"
    lb: int | float | str | None = 0  # None: no lower bound; a str names a parameter indexed like the variable
    ub: int | float | str | None = None

    @field_validator("type", mode="before")
    @classmethod
    def _type_alias(cls, v: Any) -> Any:
        return _TYPE_ALIASES.get(v.lower(), v) if isinstance(v, str) else v

    @field_validator("lb", "ub", mode="before")
    @classmethod
    def _infinite(cls, v: Any) -> Any:
        if isinstance(v, str) and v.strip().lower().lstrip("+-") in ("inf", "infinity"):
            return None
        if isinstance(v, float) and math.isinf(v):
            return None
        return v


class Objective(BaseModel):
    model_config = ConfigDict(extra="forbid")
    sense: Literal["min", "max"]
    expr: str
    description: str = ""

    @field_validator("sense", mode="before")
    @classmethod
    def _sense_alias(cls, v: Any) -> Any:
        return _SENSE_ALIASES.get(v.lower(), v) if isinstance(v, str) else v


class Constraint(_Element):
    expr: str
    forall: str | None = None

    @field_validator("name")
    @classmethod
    def _identifier(cls, v: str) -> str:  # never used inside expressions, so keywords are fine here
        if not v.isidentifier() or not v.isascii():
            raise ValueError(f"{v!r} is not a valid name (letters, digits and _, not starting with a digit)")
        return v


_LISTS = {"sets": "set", "parameters": "parameter", "variables": "variable", "constraints": "constraint"}


class Model(BaseModel):
    """A whole model. Build it with `Model.from_json(...)` to get every check and clear errors."""

    model_config = ConfigDict(extra="forbid")
    name: str = "model"
    description: str = ""
    sets: list[SetDef] = Field(default_factory=list)
    parameters: list[Parameter] = Field(default_factory=list)
    variables: list[Variable] = Field(default_factory=list)
    objective: Objective | None = None
    constraints: list[Constraint] = Field(default_factory=list)

    _tables: dict[str, dict[Key, float]] = PrivateAttr(default_factory=dict)

    # ----------------------------------------------------------------------------------- reading
    @model_validator(mode="before")
    @classmethod
    def _normalise(cls, data: Any) -> Any:
        if not isinstance(data, dict):
            return data
        data = dict(data)
        for key in _LISTS:
            if isinstance(data.get(key), dict):
                data[key] = [_keyed_entry(key, name, body) for name, body in data[key].items()]
        return data

    @classmethod
    def from_json(cls, source: str | bytes | dict[str, Any] | Path) -> Model:
        """Read a model from JSON text, a dict or a file path, and check it thoroughly."""
        if isinstance(source, Path):
            try:
                source = source.read_text()
            except OSError as e:
                raise ModelError(f"cannot read model file {source}: {e.strerror}") from None
        if isinstance(source, str | bytes):
            try:
                data = json.loads(source)
            except json.JSONDecodeError as e:
                raise ModelError(f"not valid JSON: {e.msg} at line {e.lineno}, column {e.colno}") from None
        else:
            data = source
        if not isinstance(data, dict):
            raise ModelError(f"a model is a JSON object with sets, parameters, ...; got {type(data).__name__}")
        try:
            model = cls.model_validate(data)
        except ValidationError as e:
            raise ModelError([_issue_from_pydantic(err, data) for err in e.errors()]) from None
        from modeler.ir.validate import check

        check(model)
        return model

    @classmethod
    def load(cls, path: str | Path) -> Model:
        return cls.from_json(Path(path))

    # ----------------------------------------------------------------------------------- writing
    def to_dict(self) -> dict[str, Any]:
        """The canonical keyed form (what `to_json` writes)."""
        out: dict[str, Any] = {"name": self.name}
        if self.description:
            out["description"] = self.description
        out["sets"] = {s.name: _described(s.members, s.description, "members") for s in self.sets}
        params: dict[str, Any] = {}
        for p in self.parameters:
            if not p.index and not p.description:
                params[p.name] = p.value
            else:
                params[p.name] = _drop_empty({"index": p.index, "value": p.value, "description": p.description})
        out["parameters"] = params
        out["variables"] = {
            v.name: _drop_empty({"index": v.index, "type": v.type, "lb": v.lb, "ub": v.ub,
                                 "description": v.description}, keep=("lb",))
            for v in self.variables
        }
        out["objective"] = None if self.objective is None else _drop_empty(self.objective.model_dump())
        out["constraints"] = {c.name: _drop_empty({"expr": c.expr, "forall": c.forall,
                                                   "description": c.description}) for c in self.constraints}
        return out

    def to_json(self, indent: int | None = 2) -> str:
        return json.dumps(self.to_dict(), indent=indent)

    # ------------------------------------------------------------------------------------ lookup
    def set(self, name: str) -> SetDef:
        return _find(self.sets, name, "set")

    def parameter(self, name: str) -> Parameter:
        return _find(self.parameters, name, "parameter")

    def variable(self, name: str) -> Variable:
        return _find(self.variables, name, "variable")

    def constraint(self, name: str) -> Constraint:
        return _find(self.constraints, name, "constraint")

    def table(self, name: str) -> dict[Key, float]:
        """A parameter's values keyed by tuples of members (`()` for a scalar); checked and cached."""
        if name not in self._tables:
            p = self.parameter(name)
            self._tables[name] = parameter_table(p, [self.set(s).members for s in p.index])
        return self._tables[name]

    @property
    def is_satisfaction(self) -> bool:
        return self.objective is None


# --------------------------------------------------------------------------------------- helpers
def _parse_range(text: str) -> list[int]:
    parts = text.split("..")
    try:
        lo, hi = (int(p.strip()) for p in parts)
    except ValueError:
        raise ValueError(f"a set written as text must be an integer range like '1..10', not {text!r}") from None
    if hi < lo:
        raise ValueError(f"empty range {text!r}")
    return list(range(lo, hi + 1))


def _keyed_entry(key: str, name: str, body: Any) -> Any:
    if key == "sets":
        if isinstance(body, list | str):
            return {"name": name, "members": body}
    elif key == "parameters":
        if not isinstance(body, dict) or "value" not in body:
            return {"name": name, "value": body}
    elif key == "constraints" and isinstance(body, str):
        return {"name": name, "expr": body}
    if isinstance(body, dict):
        return {"name": name, **body}
    return body


def _described(value: Any, description: str, field: str) -> Any:
    return {field: value, "description": description} if description else value


def _drop_empty(d: dict[str, Any], keep: tuple[str, ...] = ()) -> dict[str, Any]:
    return {k: v for k, v in d.items() if k in keep or v not in (None, "", [])}


def _find(items: list[Any], name: str, element: str) -> Any:
    for it in items:
        if it.name == name:
            return it
    raise KeyError(f"no {element} named {name!r}")


def _issue_from_pydantic(err: dict[str, Any], data: dict[str, Any]) -> Issue:
    loc = list(err.get("loc", ()))
    msg = err.get("msg", "invalid")
    if loc and loc[0] in _LISTS and len(loc) >= 2 and isinstance(loc[1], int):
        element = _LISTS[loc[0]]
        entries = data.get(loc[0])
        name = ""
        if isinstance(entries, dict):
            keys = list(entries)
            name = keys[loc[1]] if loc[1] < len(keys) else ""
        elif isinstance(entries, list) and loc[1] < len(entries) and isinstance(entries[loc[1]], dict):
            name = str(entries[loc[1]].get("name", f"#{loc[1] + 1}"))
        field = ".".join(str(p) for p in loc[2:])
        if err.get("type") == "extra_forbidden":
            msg = "unknown field (known: name, description, " + {
                "set": "members", "parameter": "index, value", "variable": "index, type, lb, ub",
                "constraint": "expr, forall"}[element] + ")"
        if err.get("type") == "missing":
            msg = "is missing"
        return Issue(element=element, name=name or f"#{loc[1] + 1}", message=f"{field + ': ' if field else ''}{msg}")
    if loc and loc[0] == "objective":
        field = ".".join(str(p) for p in loc[1:])
        return Issue(element="objective", message=f"{field + ': ' if field else ''}{msg}")
    field = ".".join(str(p) for p in loc)
    if err.get("type") == "extra_forbidden":
        msg = "unknown field (a model has name, description, sets, parameters, variables, objective, constraints)"
    return Issue(element="model", message=f"{field + ': ' if field else ''}{msg}")


def _is_number(v: Any) -> bool:
    return isinstance(v, int | float) and not isinstance(v, bool) and math.isfinite(v)


def parameter_table(p: Parameter, index_members: list[list[Member]]) -> dict[Key, float]:
    """Flatten a parameter's value (number, nested lists or nested objects) to {member tuple: number}."""
    table: dict[Key, float] = {}

    def fail(msg: str) -> ModelError:
        return ModelError(Issue(element="parameter", name=p.name, message=msg))

    def walk(value: Any, depth: int, prefix: Key) -> None:
        if depth == len(index_members):
            if isinstance(value, bool) or not _is_number(value):
                at = f" at [{', '.join(map(str, prefix))}]" if prefix else ""
                raise fail(f"value{at} must be a finite number, got {value!r}")
            table[prefix] = value
            return
        members = index_members[depth]
        set_name = p.index[depth]
        if isinstance(value, list):
            if len(value) != len(members):
                at = f" at [{', '.join(map(str, prefix))}]" if prefix else ""
                raise fail(f"list{at} has {len(value)} entries but set {set_name!r} has {len(members)} members")
            for m, v in zip(members, value, strict=True):
                walk(v, depth + 1, (*prefix, m))
        elif isinstance(value, dict):
            by_text = {str(m): m for m in members}
            unknown = [k for k in value if str(k) not in by_text]
            if unknown:
                raise fail(f"key {unknown[0]!r} is not a member of set {set_name!r}")
            missing = [m for m in members if str(m) not in {str(k) for k in value}]
            if missing:
                raise fail(f"no value for member {missing[0]!r} of set {set_name!r}")
            for k, v in value.items():
                walk(v, depth + 1, (*prefix, by_text[str(k)]))
        else:
            raise fail(f"indexed by {p.index}, so its value must be a list or an object keyed by the members "
                       f"of {set_name!r}, got {value!r}")

    walk(p.value, 0, ())
    return table

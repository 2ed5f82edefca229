"""Reading CP-Bench problem files, and putting another instance's data into a program.

A problem file `<id>.cpmpy.py` is laid out as (see DCP-Bench-Open's CONTRIBUTING.md and jsonl_convert.py):

    #!/usr/bin/python3
    # Category: csplib                      <- metadata comment lines up to the docstring
    # Source: ...
    # Timeout: 120                          <- optional, seconds the reference needs
    \"\"\"Description ... Print the x and y (x, y) as lists of integers.\"\"\"
    # Data
    base = 6                                <- the default instance, plain assignments
    # End of data
    from cpmpy import *                     <- the ground-truth model, which solves and prints
    ...                                        its solution as one JSON object

Everything here is text work (regular expressions and `ast`), no solver imports, so it is cheap.
"""

from __future__ import annotations

import ast
import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

_DOCSTRING = re.compile(r'"""(.*?)"""|\'\'\'(.*?)\'\'\'', re.DOTALL)
# The data block: a line "# Data" up to a line "# End of data" (not "# Data unpacking" further down).
_DATA_BLOCK = re.compile(
    r"^[ \t]*#[ \t]*Data[ \t]*\n(.*?)^[ \t]*#[ \t]*End of data[ \t]*$", re.DOTALL | re.MULTILINE
)
_MZN_DATA_BLOCK = re.compile(
    r"^[ \t]*%[ \t]*Data[ \t]*\n(.*?)^[ \t]*%[ \t]*End of data[ \t]*$",
    re.DOTALL | re.MULTILINE | re.IGNORECASE,
)
_PARENS = re.compile(r"\((.*?)\)")
_OBJECTIVE_CALL = re.compile(r"\.(minimize|maximize)\s*\(")


@dataclass
class Problem:
    """One CP-Bench problem, split into its parts."""

    id: str
    source: str  # the whole file
    description: str  # the docstring, stripped
    metadata: dict[str, str]  # "Category" -> "csplib", "Source" -> url, "Timeout" -> "120", ...
    data_block: str  # the assignments between "# Data" and "# End of data" ("" when none)
    model_code: str  # everything after the docstring (data block included: it is what runs)
    decision_variables: list[str]  # names from the "Print ..." sentence, sorted (as DCP-Bench does)
    printed_keys: list[str]  # keys of the `solution = {...}` dict the model prints, when it is literal
    objective: str | None  # the objective expression's source, or None for a satisfaction problem
    sense: str | None  # "minimize" / "maximize" / None
    default_data: dict[str, Any] | None  # the data block's values, when they are literals
    instances: list[dict[str, Any]] = field(default_factory=list)

    @property
    def category(self) -> str:
        return self.metadata.get("Category", "")

    @property
    def reference_timeout(self) -> float | None:
        raw = self.metadata.get("Timeout")
        return float(raw) if raw and raw.strip().isdigit() else None


def read_problem(folder: Path) -> Problem:
    """Parse `<folder>/<id>.cpmpy.py` and `<folder>/<id>.json`."""
    pid = folder.name
    source = (folder / f"{pid}.cpmpy.py").read_text(encoding="utf-8")
    match = _DOCSTRING.search(source)
    if match is None:
        raise ValueError(f"{folder}: no problem description (docstring) in {pid}.cpmpy.py")
    description = (match.group(1) if match.group(1) is not None else match.group(2)).strip()
    model_code = source[match.end() :].strip() + "\n"
    data_match = _DATA_BLOCK.search(model_code)
    data_block = data_match.group(1).strip() if data_match else ""
    objective, sense = _objective(model_code)
    json_path = folder / f"{pid}.json"
    instances = json.loads(json_path.read_text(encoding="utf-8")) if json_path.is_file() else []
    return Problem(
        id=pid,
        source=source,
        description=description,
        metadata=_metadata(source[: match.start()]),
        data_block=data_block,
        model_code=model_code,
        decision_variables=decision_variables(description),
        printed_keys=_printed_keys(model_code),
        objective=objective,
        sense=sense,
        default_data=data_values(data_block) if data_block else {},
        instances=instances if isinstance(instances, list) else [],
    )


def _metadata(header: str) -> dict[str, str]:
    out: dict[str, str] = {}
    for line in header.splitlines():
        m = re.match(r"#\s*([A-Za-z][A-Za-z ]*?)\s*:\s*(.*)$", line.strip())
        if m and not line.startswith("#!"):
            out.setdefault(m.group(1), m.group(2).strip())
    return out


def decision_variables(description: str) -> list[str]:
    """Names in parentheses after the last "Print" of the description, as DCP-Bench's jsonl_convert does."""
    at = description.rfind("Print")
    if at < 0:
        return []
    names = {
        n.strip() for group in _PARENS.findall(description[at + len("Print") :]) for n in group.split(",")
    }
    return sorted(n for n in names if n)


def _printed_keys(code: str) -> list[str]:
    """String keys of the last top-level `solution = {...}` dict literal (what the model prints)."""
    try:
        tree = ast.parse(code)
    except SyntaxError:
        return []
    keys: list[str] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Assign) and isinstance(node.value, ast.Dict):
            names = [t.id for t in node.targets if isinstance(t, ast.Name)]
            if "solution" in names:
                keys = [
                    k.value
                    for k in node.value.keys
                    if isinstance(k, ast.Constant) and isinstance(k.value, str)
                ]
    return keys


def _objective(code: str) -> tuple[str | None, str | None]:
    """The objective of `model.minimize(expr)` / `model.maximize(expr)` / `Model(..., minimize=expr)`."""
    try:
        tree = ast.parse(code)
    except SyntaxError:
        m = _OBJECTIVE_CALL.search(code)
        return (None, m.group(1)) if m else (None, None)
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        if isinstance(func, ast.Attribute) and func.attr in ("minimize", "maximize") and node.args:
            return ast.get_source_segment(code, node.args[0]), func.attr
        for kw in node.keywords:
            if kw.arg in ("minimize", "maximize"):
                return ast.get_source_segment(code, kw.value), kw.arg
    return None, None


def literal_assignments(block: str) -> dict[str, Any] | None:
    """`{name: value}` for a block of `name = <literal>` lines; None when any value is not a literal."""
    try:
        tree = ast.parse(block)
    except SyntaxError:
        return None
    out: dict[str, Any] = {}
    for stmt in tree.body:
        if not (
            isinstance(stmt, ast.Assign) and len(stmt.targets) == 1 and isinstance(stmt.targets[0], ast.Name)
        ):
            return None
        try:
            out[stmt.targets[0].id] = ast.literal_eval(stmt.value)
        except (ValueError, TypeError, SyntaxError, MemoryError, RecursionError):
            return None
    return out


def data_values(block: str) -> dict[str, Any] | None:
    """The data block's values as JSON would hold them (tuples become lists); None when it cannot run.

    Literal blocks are read with `ast.literal_eval`; the few that compute values (`len(machines)`) are
    run, as DCP-Bench's jsonl_convert does: this is the dataset's own code, never a candidate's.
    """
    values = literal_assignments(block)
    if values is None:
        namespace: dict[str, Any] = {}
        try:
            exec(compile(block, "<data block>", "exec"), {}, namespace)  # noqa: S102 - dataset code
        except Exception:
            return None
        values = namespace
    try:
        return json.loads(json.dumps(values))
    except (TypeError, ValueError):
        return None


def python_assignments(instance: dict[str, Any]) -> str:
    """Python source assigning every instance value (JSON true/null become True/None)."""
    return "\n".join(f"{name} = {value!r}" for name, value in instance.items())


def substitute_python_data(code: str, instance: dict[str, Any]) -> str:
    """The program with the instance's data in place of its own default data.

    A "# Data" ... "# End of data" block is replaced whole (the ground-truth layout). Otherwise every
    top-level `name = <literal>` for a name of the instance is replaced, and instance names the program
    never assigns at top level are assigned at its start (harmless when unused; a program that hard-coded
    the data under other names will then print the old instance's answer and fail the check).
    """
    assignments = python_assignments(instance)
    if _DATA_BLOCK.search(code):
        return _DATA_BLOCK.sub(lambda _m: f"# Data\n{assignments}\n# End of data", code, count=1)
    try:
        tree = ast.parse(code)
    except SyntaxError:
        return assignments + "\n" + code  # it will fail to run anyway; the error is the candidate's
    lines = code.splitlines(keepends=True)
    replaced: set[str] = set()
    insert_at = 0
    for stmt in tree.body:
        if isinstance(stmt, ast.ImportFrom) and stmt.module == "__future__":
            insert_at = stmt.end_lineno or insert_at
        if not (
            isinstance(stmt, ast.Assign) and len(stmt.targets) == 1 and isinstance(stmt.targets[0], ast.Name)
        ):
            continue
        name = stmt.targets[0].id
        if name not in instance or not _is_literal(stmt.value):
            continue
        start, end = stmt.lineno - 1, (stmt.end_lineno or stmt.lineno) - 1
        lines[start] = f"{name} = {instance[name]!r}\n"
        for i in range(start + 1, end + 1):
            lines[i] = ""
        replaced.add(name)
    missing = {k: v for k, v in instance.items() if k not in replaced}
    if missing:
        lines.insert(insert_at, python_assignments(missing) + "\n")
    return "".join(lines)


def _is_literal(node: ast.expr) -> bool:
    try:
        ast.literal_eval(node)
    except (ValueError, TypeError, SyntaxError, MemoryError, RecursionError):
        return False
    return True


def minizinc_literal(value: Any) -> str:
    """A JSON value as a MiniZinc literal: numbers, booleans, strings, arrays of up to 6 dimensions."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)
    if isinstance(value, str):
        return json.dumps(value)
    if isinstance(value, list):
        shape = _shape(value)
        if shape is None:
            raise ValueError("ragged nested lists have no MiniZinc array form")
        if len(shape) <= 1:
            return "[" + ", ".join(minizinc_literal(v) for v in value) + "]"
        if len(shape) == 2:
            rows = " | ".join(", ".join(minizinc_literal(v) for v in row) for row in value)
            return f"[| {rows} |]"
        if len(shape) > 6:
            raise ValueError("MiniZinc arrays have at most 6 dimensions")
        flat = _flatten(value)
        ranges = ", ".join(f"1..{n}" for n in shape)
        return f"array{len(shape)}d({ranges}, [{', '.join(minizinc_literal(v) for v in flat)}])"
    raise ValueError(f"no MiniZinc form for a value of type {type(value).__name__}")


def _shape(value: Any) -> tuple[int, ...] | None:
    if not isinstance(value, list):
        return ()
    if not value:
        return (0,)
    inner = {_shape(v) for v in value}
    if len(inner) != 1 or None in inner:
        return None
    return (len(value), *inner.pop())


def _flatten(value: Any) -> list[Any]:
    return [x for v in value for x in _flatten(v)] if isinstance(value, list) else [value]


def substitute_minizinc_data(code: str, instance: dict[str, Any]) -> tuple[str, list[str]]:
    """The MiniZinc model with the instance's values; also the instance names it could not place.

    A "% Data" ... "% End of data" block is replaced by `name = value;` items. Otherwise each
    `... name = <expr>;` item (declaration with value or plain assignment) gets the new value.
    """
    values = {name: minizinc_literal(v) for name, v in instance.items()}
    if _MZN_DATA_BLOCK.search(code):
        block = "\n".join(f"{n} = {v};" for n, v in values.items())
        return _MZN_DATA_BLOCK.sub(lambda _m: f"% Data\n{block}\n% End of data", code, count=1), []
    missing: list[str] = []
    for name, literal in values.items():
        # `name = ...;` at the start of an item, or after the `type:` of a declaration.
        pattern = re.compile(
            rf"(^[ \t]*(?:[^%\n:;=]*:[ \t]*)?){re.escape(name)}(\s*=\s*)[^;]*;", re.MULTILINE
        )
        code, n = pattern.subn(
            lambda m, lit=literal, nm=name: f"{m.group(1)}{nm}{m.group(2)}{lit};", code, count=1
        )
        if n == 0:
            missing.append(name)
    return code, missing

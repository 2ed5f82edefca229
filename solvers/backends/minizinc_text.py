"""MiniZinc text from the model's own structure: sets, parameters, variables, constraints as written.

The ground form says *what* a model means; a person reading generated MiniZinc wants to see *their*
model: `forall(i in ITEMS)(...)`, `sum(i in I)(w[i] * x[i])`, names and descriptions kept. So this module
walks the parsed expression trees of `gm.model` (not the ground nodes) and writes one MiniZinc item per
model element. What MiniZinc needs and the model form does not say is added explicitly:

- string sets become enums; members that are not safe MiniZinc identifiers are renamed (`san-diego` ->
  `san_diego`) and the mapping is kept. String sets that share members become one enum plus subsets.
- an array's index set must be a contiguous range; a set with holes (`{1, 3, 7}`, or a subset of an
  enum that skips members) indexes its arrays by its hull, with the holes filled (parameters: 0,
  variables: fixed to their lower bound);
- integer variables without a bound get an artificial one (Gecode needs finite domains), small enough
  that sums stay within Gecode's 32-bit integers;
- a binary variable used as a condition becomes `x = 1`; a condition used as a number `bool2int(...)`.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass
from typing import Any

from modeler.ir import expr as E
from modeler.ir.ground import GroundModel, Lin, Node
from modeler.ir.model import Member

# MiniZinc keywords and the built-ins the generated text calls: model names equal to one are renamed.
RESERVED = frozenset("""
ann annotation any array bool case constraint default diff div else elseif endif enum false float function
if in include int intersect let list maybe mod not of op opt output par predicate record set solve string
subset superset symdiff test then true tuple type union var where xor
sum product min max abs pow forall exists all_different alldifferent bool2int int2float array1d array2d
array3d array4d array5d array6d index_set card length show fix lb ub dom ceil floor round sqrt exp ln log
inverse count element occurs table regular circuit global_cardinality cumulative
""".split())

GECODE_INT_LIMIT = 2**30  # half of Gecode's 32-bit range, so sums of bounded terms have headroom
BIG_LINEAR = 10**6
BIG_NONLINEAR = 10**4  # products of two such variables stay within Gecode's integers

_IDENT = re.compile(r"[A-Za-z][A-Za-z0-9_]*\Z")
_ORDERING = frozenset({"<", "<=", ">", ">="})


class MiniZincUnsupported(ValueError):
    """The model uses something this generator (or Gecode) cannot take; the message says what."""


# ------------------------------------------------------------------------------------------- names
class _Namer:
    """Hands out MiniZinc identifiers: the model's own name when it is safe, a close variant otherwise."""

    def __init__(self) -> None:
        self.taken: set[str] = set(RESERVED)

    def claim(self, wanted: str) -> str:
        base = re.sub(r"\W", "_", wanted)
        if not base or not base[0].isalpha() or not base.isascii():
            base = "m_" + base.lstrip("_") if base.isascii() else "m_" + base.encode("ascii", "replace").hex()
        base = re.sub(r"_+", "_", base) if not _IDENT.match(base) else base
        name, k = base, 1
        while name in self.taken or not _IDENT.match(name):
            k += 1
            name = f"{base}_{k}" if _IDENT.match(f"{base}_{k}") else f"m{k}"
        self.taken.add(name)
        return name


# -------------------------------------------------------------------------------------------- sets
@dataclass
class SetInfo:
    name: str  # the model's name
    ident: str  # its MiniZinc name
    members: list[Member]
    is_int: bool
    axis: list[Member]  # the members along an array dimension over this set, in MiniZinc's order
    hull_text: str  # the index range of arrays over this set when it has holes: "1..7", an enum's name
    contiguous: bool  # no holes: arrays are indexed by the set itself
    natural: bool  # a plain [..] literal fits arrays over it (a whole enum, or a range from 1)

    @property
    def index_text(self) -> str:
        return self.ident if self.contiguous else self.hull_text


# ------------------------------------------------------------------------------------------- types
INT, FLOAT, BOOL, STR = "int", "float", "bool", "str"


@dataclass(frozen=True, slots=True)
class Ty:
    kind: str  # int | float | bool | str | "enum:<set ident>" (a member of a string set)
    var: bool = False


@dataclass
class MznText:
    """The generated model and what reading its solution back needs."""

    text: str
    var_dims: dict[str, list[list[Member]]]  # model variable -> the members along each array dimension
    big: int  # the artificial bound given to unbounded integer variables
    artificial: set[int]  # ground ids of variables that got it
    member_idents: dict[str, str]  # string member -> enum constant
    idents: dict[str, str]  # model name (set, parameter, variable) -> MiniZinc name


# ---------------------------------------------------------------------------------------- analysis
class Analysis:
    """Names, set layout and expression types: everything but the text. Cheap (no per-index work
    except for parameter data), so `supports()` can run it."""

    def __init__(self, gm: GroundModel):
        self.gm = gm
        self.m = gm.model
        self.namer = _Namer()
        self.idents: dict[str, str] = {}
        self.params = {p.name: p for p in self.m.parameters}
        self.vars = {v.name: v for v in self.m.variables}
        self.sets: dict[str, SetInfo] = {}
        self.param_kind: dict[str, str] = {}
        self.loop_idents: dict[str, str] = {}
        self.member_idents: dict[str, str] = {}
        self.enums: list[tuple[str, list[str], str]] = []  # (ident, members, comment) enums to declare
        self.enum_of: dict[str, str] = {}  # string set -> the enum of its members
        self.ordered_members = False  # a `<`-style comparison of string members: enums in sorted order
        self.float_var_exprs = False  # some var expression is float-valued
        self.trees: list[tuple[str, E.Expr, E.Generator | None]] = []
        self.problems: list[str] = []

    def run(self) -> Analysis:
        m = self.m
        for s in m.sets:
            self.idents[s.name] = self.namer.claim(s.name)
        for p in m.parameters:
            self.idents[p.name] = self.namer.claim(p.name)
            values = m.table(p.name).values()
            self.param_kind[p.name] = INT if all(float(v).is_integer() for v in values) else FLOAT
        for v in m.variables:
            self.idents[v.name] = self.namer.claim(v.name)
        if m.objective is not None:
            self.trees.append(("objective", E.parse(m.objective.expr), None))
        for c in m.constraints:
            self.trees.append((f"constraint {c.name!r}", E.parse(c.expr),
                               E.parse_forall(c.forall) if c.forall else None))
        for _, tree, gen in self.trees:
            for node in itertools.chain(E.walk(tree), *(self._gen_nodes(gen) if gen else ())):
                if isinstance(node, E.Gen):
                    for b in node.gen.binders:
                        self._loop_ident(b.var)
            if gen is not None:
                for b in gen.binders:
                    self._loop_ident(b.var)
        for where, tree, gen in self.trees:
            try:
                scope = self._bind(gen, {}) if gen else {}
                self.infer(tree, scope)
            except MiniZincUnsupported as e:
                self.problems.append(f"{where}: {e}")
        self._layout_sets()
        return self

    def _gen_nodes(self, gen: E.Generator) -> list[Any]:
        nodes: list[Any] = []
        for b in gen.binders:
            if isinstance(b, E.RangeBinder):
                nodes += [E.walk(b.lo), E.walk(b.hi)]
        if gen.cond is not None:
            nodes.append(E.walk(gen.cond))
        return nodes

    def _loop_ident(self, name: str) -> None:
        if name not in self.loop_idents:
            self.loop_idents[name] = self.namer.claim(name)

    # -------------------------------------------------------------------------------- set layout
    def _layout_sets(self) -> None:
        m = self.m
        string_sets = [s for s in m.sets if s.members and isinstance(s.members[0], str)]
        # string sets sharing members must share an enum (MiniZinc enum constants are global)
        groups: list[list[Any]] = []
        for s in string_sets:
            joined = [g for g in groups if any(set(s.members) & set(t.members) for t in g)]
            merged = [s, *(t for g in joined for t in g)]
            groups = [g for g in groups if g not in joined] + [merged]
        for s in m.sets:
            if not (s.members and isinstance(s.members[0], str)):
                self._int_set(s)
        for g in groups:
            g.sort(key=lambda s: m.sets.index(s))
            union: list[str] = []
            seen: set[str] = set()
            for s in g:
                for x in s.members:
                    if x not in seen:
                        seen.add(x)
                        union.append(x)
            if self.ordered_members:  # the model compares members with < or >: MiniZinc orders enums as declared
                union.sort()
            owner = next((s for s in g if len(s.members) == len(union)), None)
            enum = self.idents[owner.name] if owner else self.namer.claim("_".join(s.name for s in g) + "_MEMBERS")
            for x in union:
                self.member_idents[x] = self.namer.claim(x)
            note = "" if owner or len(g) == 1 else f"members of {', '.join(s.name for s in g)}"
            self.enums.append((enum, union, note))
            pos = {x: i for i, x in enumerate(union)}
            for s in g:
                idx = sorted(pos[x] for x in s.members)
                full = len(idx) == len(union)
                contiguous = idx[-1] - idx[0] + 1 == len(idx)
                axis = [union[i] for i in idx] if contiguous else union
                self.sets[s.name] = SetInfo(s.name, self.idents[s.name], list(s.members), False, axis, enum,
                                            contiguous, full or not contiguous)
            self.enum_of.update({s.name: enum for s in g})

    def _int_set(self, s: Any) -> None:
        members = list(s.members)
        if not members:
            self.sets[s.name] = SetInfo(s.name, self.idents[s.name], [], True, [], "1..0", True, True)
            return
        lo, hi = min(members), max(members)
        if hi - lo + 1 > 10 * len(members) + 1000:
            self.problems.append(f"set {s.name!r}: its integer members are too spread out ({lo}..{hi}) for "
                                 "MiniZinc arrays, which need contiguous index ranges")
        contiguous = hi - lo + 1 == len(members)
        self.sets[s.name] = SetInfo(s.name, self.idents[s.name], members, True, list(range(lo, hi + 1)),
                                    f"{lo}..{hi}", contiguous, lo == 1)

    # ---------------------------------------------------------------------------------- typing
    def _bind(self, gen: E.Generator, scope: dict[str, Ty]) -> dict[str, Ty]:
        scope = dict(scope)
        for b in gen.binders:
            if isinstance(b, E.SetBinder):
                members = self.m.set(b.set).members
                scope[b.var] = Ty(STR) if members and isinstance(members[0], str) else Ty(INT)
            else:
                self.infer(b.lo, scope)
                self.infer(b.hi, scope)
                scope[b.var] = Ty(INT)
        if gen.cond is not None:
            self.infer(gen.cond, scope)
        return scope

    def infer(self, node: E.Expr, scope: dict[str, Ty]) -> Ty:
        """The MiniZinc type of an expression (and notes on what the model needs from MiniZinc)."""
        match node:
            case E.Num(value=v):
                return Ty(INT if float(v).is_integer() else FLOAT)
            case E.Str():
                return Ty(STR)
            case E.Bool():
                return Ty(BOOL)
            case E.Name(id=n) if n in self.params:
                return Ty(self.param_kind[n])
            case E.Name(id=n) if n in self.vars:
                return Ty(FLOAT if self.vars[n].type == "continuous" else INT, True)
            case E.Name(id=n):
                return scope.get(n, Ty(INT))
            case E.Index(name=n, args=args):
                for a in args:
                    self.infer(a, scope)
                return self.infer(E.Name(n), scope)
            case E.BinOp(op=op, left=left, right=right):
                a, b = self.infer(left, scope), self.infer(right, scope)
                var = a.var or b.var
                if op == "/" and b.var:
                    raise MiniZincUnsupported("division by a variable (Gecode has no exact integer division)")
                if op == "^":
                    kind = a.kind if a.kind != BOOL else INT
                else:
                    kind = FLOAT if FLOAT in (a.kind, b.kind) or op == "/" else INT
                return self._note(Ty(kind, var))
            case E.Neg(arg=a):
                return self.infer(a, scope)
            case E.Call(func=f, args=args):
                tys = [self.infer(a, scope) for a in args]
                if f in ("all_different", "forall", "exists"):
                    return Ty(BOOL, any(t.var for t in tys))
                kind = FLOAT if any(t.kind == FLOAT for t in tys) else INT
                return self._note(Ty(kind, any(t.var for t in tys)))
            case E.Gen(func=f, body=body, gen=gen):
                inner = self._bind(gen, scope)
                t = self.infer(body, inner)
                if f in ("all_different", "forall", "exists"):
                    return Ty(BOOL, t.var)
                return self._note(Ty(FLOAT if t.kind == FLOAT else INT, t.var))
            case E.Compare(ops=ops, operands=operands):
                tys = [self.infer(o, scope) for o in operands]
                if any(op in _ORDERING for op in ops) and any(t.kind == STR for t in tys):
                    self.ordered_members = True
                return Ty(BOOL, any(t.var for t in tys))
            case E.BoolOp(args=args):
                return Ty(BOOL, any(self.infer(a, scope).var for a in args))
            case E.Not(arg=a):
                return Ty(BOOL, self.infer(a, scope).var)
            case E.Implies(left=left, right=right) | E.Iff(left=left, right=right):
                return Ty(BOOL, self.infer(left, scope).var or self.infer(right, scope).var)
        raise MiniZincUnsupported(f"cannot translate {node!r}")

    def _note(self, t: Ty) -> Ty:
        if t.var and t.kind == FLOAT:
            self.float_var_exprs = True
        return t


# -------------------------------------------------------------------------------------- artificial
def artificial_bound(gm: GroundModel) -> int:
    """The bound for integer variables the model leaves unbounded: as large as possible while every
    linear expression of the model stays within Gecode's 32-bit integers."""
    big = BIG_NONLINEAR if gm.features.nonlinear else BIG_LINEAR
    free = {v.id for v in gm.vars if v.is_integer and (v.lb is None or v.ub is None)}
    if not free:
        return big

    def visit(g: Any) -> None:
        nonlocal big
        if isinstance(g, Lin):
            fixed, loose = abs(g.const), 0.0
            for vid, c in g.terms.items():
                if vid in free:
                    loose += abs(c)
                else:
                    v = gm.vars[vid]
                    fixed += abs(c) * max(abs(v.lb or 0), abs(v.ub or 0))
            if loose:
                big = min(big, max(100, int((GECODE_INT_LIMIT - fixed) // loose)))
        elif isinstance(g, Node):
            for a in g.args:
                visit(a)

    visit(gm.objective)
    for c in gm.constraints:
        visit(c.expr)
    return big


# ----------------------------------------------------------------------------------------- writing
# Precedence levels of the text written (larger binds looser); an operand is parenthesized when its
# level is above what its parent allows.
ATOM, NOT, POW, MUL, ADD, CMP, AND, OR, IMPL, IFF = range(10)
NUM = "num"  # wanted: a number (a condition becomes bool2int)
AND_SYM, OR_SYM = " /\\ ", " \\/ "


def number(v: float | int) -> str:
    if isinstance(v, bool):
        return str(int(v))
    if float(v).is_integer() and abs(v) < 2**53:
        return str(int(v))
    s = repr(float(v))
    mantissa, _, exponent = s.partition("e")
    if exponent and "." not in mantissa:  # MiniZinc wants 1.0e-07, not 1e-07
        s = f"{mantissa}.0e{exponent}"
    return s


def _wrap(text_level: tuple[str, int], allowed: int) -> str:
    text, level = text_level
    return text if level <= allowed else f"({text})"


def _comment(text: str) -> str:
    return " ".join(text.split())


class _Writer:
    def __init__(self, a: Analysis):
        self.a = a
        self.gm = a.gm
        self.lines: list[str] = []
        self.uses_globals = False
        self.big = artificial_bound(a.gm)
        self.artificial: set[int] = set()
        self.var_dims: dict[str, list[list[Member]]] = {}
        self._loops: list[str] = []

    def loop_names(self, n: int) -> list[str]:
        """Loop names for the generator's own foralls, claimed so they shadow nothing of the model."""
        while len(self._loops) < n:
            self._loops.append(self.a.namer.claim(f"k{len(self._loops) + 1}"))
        return self._loops[:n]

    # ------------------------------------------------------------------------------- expressions
    def ex(self, node: E.Expr, scope: dict[str, Ty], want: str | None = None, index: bool = False
           ) -> tuple[str, int]:
        t = self.a.infer(node, scope)
        out = self._ex(node, scope, index)
        if want == BOOL and t.kind != BOOL:
            return f"{_wrap(out, ADD)} = 1", CMP  # only binary variables reach here (the ground form checks)
        if want == NUM and t.kind == BOOL:
            return f"bool2int({out[0]})", ATOM
        return out

    def _ex(self, node: E.Expr, scope: dict[str, Ty], index: bool) -> tuple[str, int]:
        a = self.a
        match node:
            case E.Num(value=v):
                s = number(v)
                return s, ADD if s.startswith("-") else ATOM
            case E.Str(value=v):
                return a.member_idents.get(v, v), ATOM
            case E.Bool(value=v):
                return ("true" if v else "false"), ATOM
            case E.Name(id=n):
                return self.name(n), ATOM
            case E.Index(name=n, args=args):
                return f"{self.name(n)}[{', '.join(self.ex(x, scope, NUM, True)[0] for x in args)}]", ATOM
            case E.BinOp(op="^", left=left, right=right):
                return f"pow({self.ex(left, scope, NUM)[0]}, {self.ex(right, scope, NUM)[0]})", ATOM
            case E.BinOp(op=op, left=left, right=right):
                level = ADD if op in "+-" else MUL
                lt, rt = self.ex(left, scope, NUM, index), self.ex(right, scope, NUM, index)
                sym = op
                if op == "/" and index and a.infer(node.left, scope).kind == INT and a.infer(right, scope).kind == INT:
                    sym = "div"  # an index: the grounder checked the division is exact
                return f"{_wrap(lt, level)} {sym} {_wrap(rt, level - 1)}", level
            case E.Neg(arg=x):
                return f"-{_wrap(self.ex(x, scope, NUM, index), MUL)}", ADD
            case E.Call(func=f, args=args):
                return self.call(f, args, scope)
            case E.Gen(func=f, body=body, gen=gen):
                head, inner = self.generator(gen, scope)
                if f == "all_different":
                    self.uses_globals = True
                    return f"all_different([{self.ex(body, inner, NUM)[0]} | {head}])", ATOM
                want = BOOL if f in ("forall", "exists") else NUM
                return f"{f}({head})({self.ex(body, inner, want)[0]})", ATOM
            case E.Compare(ops=ops, operands=operands):
                tys = [a.infer(o, scope) for o in operands]
                want = None if any(t.kind == STR for t in tys) else NUM
                texts = [_wrap(self.ex(o, scope, want), ADD) for o in operands]
                parts = [f"{texts[i]} {'=' if op == '==' else op} {texts[i + 1]}" for i, op in enumerate(ops)]
                return (parts[0], CMP) if len(parts) == 1 else (AND_SYM.join(parts), AND)
            case E.BoolOp(op=op, args=args):
                allowed, sym = (AND, AND_SYM) if op == "and" else (CMP, OR_SYM)
                return sym.join(_wrap(self.ex(x, scope, BOOL), allowed) for x in args), (AND if op == "and" else OR)
            case E.Not(arg=x):
                return f"not {_wrap(self.ex(x, scope, BOOL), ATOM)}", NOT
            case E.Implies(left=left, right=right):
                return f"{_wrap(self.ex(left, scope, BOOL), OR)} -> {_wrap(self.ex(right, scope, BOOL), OR)}", IMPL
            case E.Iff(left=left, right=right):
                return f"{_wrap(self.ex(left, scope, BOOL), IMPL)} <-> {_wrap(self.ex(right, scope, BOOL), IMPL)}", IFF
        raise MiniZincUnsupported(f"cannot translate {node!r}")

    def name(self, n: str) -> str:
        a = self.a
        if n in a.params or n in a.vars:  # model names come first, as in the grounder
            return a.idents[n]
        return a.loop_idents.get(n, n)

    def whole(self, n: str) -> str:
        """A whole indexed variable or parameter as a MiniZinc array expression (holes left out)."""
        a = self.a
        index = a.vars[n].index if n in a.vars else a.params[n].index
        sets = [a.sets[s] for s in index]
        if len(sets) == 1 and sets[0].contiguous:
            return a.idents[n]
        loops = self.loop_names(len(sets))
        binders = ", ".join(f"{k} in {s.ident}" for k, s in zip(loops, sets, strict=True))
        return f"[{a.idents[n]}[{', '.join(loops)}] | {binders}]"

    def call(self, f: str, args: tuple[E.Expr, ...], scope: dict[str, Ty]) -> tuple[str, int]:
        a = self.a
        if f in E.AGGREGATES and len(args) == 1 and isinstance(args[0], E.Name) and args[0].id not in scope:
            n = args[0].id
            if (n in a.vars and a.vars[n].index) or (n in a.params and a.params[n].index):
                if f == "all_different":
                    self.uses_globals = True
                return f"{f}({self.whole(n)})", ATOM
        want = BOOL if f in ("forall", "exists") else NUM
        texts = [self.ex(x, scope, want)[0] for x in args]
        if f == "abs":
            return f"abs({texts[0]})", ATOM
        if f in ("min", "max") and len(texts) == 2:
            return f"{f}({texts[0]}, {texts[1]})", ATOM
        if f == "sum" and len(texts) == 1:
            return _wrap(self.ex(args[0], scope, NUM), ATOM), ATOM
        if f == "all_different":
            self.uses_globals = True
        return f"{f}([{', '.join(texts)}])", ATOM

    def generator(self, gen: E.Generator, scope: dict[str, Ty]) -> tuple[str, dict[str, Ty]]:
        """`i in I, t in 1..n where cond` and the scope inside it."""
        parts = []
        inner = dict(scope)
        for b in gen.binders:
            if isinstance(b, E.SetBinder):
                parts.append(f"{self.a.loop_idents[b.var]} in {self.a.sets[b.set].ident}")
                members = self.a.sets[b.set].members
                inner[b.var] = Ty(STR) if members and isinstance(members[0], str) else Ty(INT)
            else:
                lo, hi = _wrap(self.ex(b.lo, inner, NUM), ADD), _wrap(self.ex(b.hi, inner, NUM), ADD)
                parts.append(f"{self.a.loop_idents[b.var]} in {lo}..{hi}")
                inner[b.var] = Ty(INT)
        head = ", ".join(parts)
        if gen.cond is not None:
            head += f" where {self.ex(gen.cond, inner, BOOL)[0]}"
        return head, inner

    # ------------------------------------------------------------------------------ declarations
    def write(self) -> MznText:
        a, m, out = self.a, self.a.m, self.lines
        out.append(f"% {m.name}" + (f": {_comment(m.description)}" if m.description else ""))
        out.append("% Generated by OptiPilot from the model form; run with: minizinc --solver gecode-std model.mzn")
        body: list[str] = []
        self.lines = body
        self.sets()
        self.parameters()
        self.variables()
        self.constraints()
        self.objective()
        if self.uses_globals:
            out.append('include "globals.mzn";')
        out.append("")
        out.extend(body)
        names = {n: i for n, i in a.idents.items() if n != i}
        if names:
            out.append("")
            out.append("% Names renamed (MiniZinc keywords or not identifiers there): " +
                       ", ".join(f"{n!r} is {i}" for n, i in names.items()))
        renamed = {x: i for x, i in a.member_idents.items() if x != i}
        if renamed:
            out.append("")
            out.append("% Members renamed to be MiniZinc identifiers: " +
                       ", ".join(f"{x!r} is {i}" for x, i in renamed.items()))
        return MznText("\n".join(out) + "\n", self.var_dims, self.big, self.artificial, dict(a.member_idents),
                       dict(a.idents))

    def sets(self) -> None:
        a, out = self.a, self.lines
        if not a.m.sets:
            return
        out.append("% Sets")
        described = {a.sets[s.name].ident: f"  % {_comment(s.description)}" for s in a.m.sets if s.description}
        for enum, members, note in a.enums:
            out.append(f"enum {enum} = {{{', '.join(a.member_idents[x] for x in members)}}};"
                       + (f"  % {note}" if note else described.get(enum, "")))
        enums = {e[0] for e in a.enums}
        for s in a.m.sets:
            info = a.sets[s.name]
            if info.ident in enums:
                continue
            desc = described.get(info.ident, "")
            if info.is_int:
                value = (f"{info.axis[0]}..{info.axis[-1]}" if info.contiguous and info.axis
                         else "{" + ", ".join(map(str, sorted(info.members))) + "}")
                out.append(f"set of int: {info.ident} = {value};{desc}")
            else:
                enum = a.enum_of[s.name]
                inside = set(info.members)
                listed = ", ".join(a.member_idents[x] for x in info.axis if x in inside)
                out.append(f"set of {enum}: {info.ident} = {{{listed}}};{desc}")
        out.append("")

    def parameters(self) -> None:
        a, out = self.a, self.lines
        if not a.m.parameters:
            return
        out.append("% Parameters")
        for p in a.m.parameters:
            kind = a.param_kind[p.name]
            desc = f"  % {_comment(p.description)}" if p.description else ""
            table = a.m.table(p.name)
            if not p.index:
                out.append(f"{kind}: {a.idents[p.name]} = {number(table[()])};{desc}")
                continue
            infos = [a.sets[s] for s in p.index]
            axes = [i.axis for i in infos]
            dims = ", ".join(i.index_text for i in infos)
            natural = all(i.natural for i in infos)
            flat = [number(table.get(key, 0)) for key in itertools.product(*axes)]
            if len(infos) == 1:
                value = f"[{', '.join(flat)}]" if natural else f"array1d({dims}, [{', '.join(flat)}])"
            elif len(infos) == 2 and natural and axes[1]:
                width = len(axes[1])
                rows = [", ".join(flat[r * width:(r + 1) * width]) for r in range(len(axes[0]))]
                value = "[| " + "\n  | ".join(rows) + " |]"
            elif len(infos) <= 6:
                value = f"array{len(infos)}d({dims}, [{', '.join(flat)}])"
            else:
                raise MiniZincUnsupported(f"parameter {p.name!r} has more than 6 index sets")
            out.append(f"array[{dims}] of {kind}: {a.idents[p.name]} = {value};{desc}")
        out.append("")

    def variables(self) -> None:
        a, gm, out = self.a, self.gm, self.lines
        out.append("% Variables")
        bound_lines: list[str] = []
        for v in a.m.variables:
            infos = [a.sets[s] for s in v.index]
            self.var_dims[v.name] = [i.axis for i in infos]
            ids = [gm.var_ids[(v.name, key)] for key in itertools.product(*(a.m.set(s).members for s in v.index))]
            gvars = [gm.vars[i] for i in ids]
            ident = a.idents[v.name]
            notes = [_comment(v.description)] if v.description else []
            if v.type == "continuous":
                los = [g.lb for g in gvars]
                his = [g.ub for g in gvars]
                lo = None if not los or None in los else min(los)
                hi = None if not his or None in his else max(his)
                domain = "float" if lo is None or hi is None else f"{number(float(lo))}..{number(float(hi))}"
                if domain == "float":
                    bound_lines += self._scalar_bounds(v, ident, lo, hi)
            elif v.type == "binary":
                lo, hi, domain = 0, 1, "0..1"
            else:
                free = [g.id for g in gvars if g.lb is None or g.ub is None]
                self.artificial.update(free)
                lo = min((g.lb if g.lb is not None else -self.big for g in gvars), default=0)
                hi = max((g.ub if g.ub is not None else self.big for g in gvars), default=0)
                domain = f"{int(lo)}..{int(hi)}"
                if free:
                    notes.append(f"no {'bounds' if v.lb is None and v.ub is None else 'bound'} in the model: "
                                 f"±{self.big} is an artificial bound for Gecode")
            note = f"  % {'; '.join(notes)}" if notes else ""
            if not infos:
                out.append(f"var {domain}: {ident};{note}")
                continue
            out.append(f"array[{', '.join(i.index_text for i in infos)}] of var {domain}: {ident};{note}")
            loops = self.loop_names(len(infos))
            ref = f"{ident}[{', '.join(loops)}]"
            if isinstance(v.lb, str) or isinstance(v.ub, str):
                binders = ", ".join(f"{k} in {i.ident}" for k, i in zip(loops, infos, strict=True))
                sides = []
                if isinstance(v.lb, str):
                    sides.append(f"{ref} >= {a.idents[v.lb]}[{', '.join(loops)}]")
                if isinstance(v.ub, str):
                    sides.append(f"{ref} <= {a.idents[v.ub]}[{', '.join(loops)}]")
                bound_lines.append(f'constraint :: "bounds of {v.name}" forall({binders})({AND_SYM.join(sides)});')
            if not all(i.contiguous for i in infos):
                binders = ", ".join(f"{k} in {i.index_text}" for k, i in zip(loops, infos, strict=True))
                inside = AND_SYM.join(f"{k} in {i.ident}" for k, i in zip(loops, infos, strict=True) if not i.contiguous)
                fill = number(lo) if lo is not None else "0"
                bound_lines.append(f"constraint forall({binders} where not ({inside}))({ref} = {fill});"
                                   f"  % holes of {'/'.join(i.ident for i in infos if not i.contiguous)}")
        out.extend(bound_lines)
        out.append("")

    def _scalar_bounds(self, v: Any, ident: str, lo: Any, hi: Any) -> list[str]:
        if v.index or (lo is None and hi is None):
            return []
        side = f"{ident} >= {number(lo)}" if lo is not None else f"{ident} <= {number(hi)}"
        return [f'constraint :: "bounds of {v.name}" {side};']

    def constraints(self) -> None:
        a, out = self.a, self.lines
        if not a.m.constraints:
            return
        out.append("% Constraints")
        for c in a.m.constraints:
            if c.description:
                out.append(f"% {c.name}: {_comment(c.description)}")
            tree = E.parse(c.expr)
            if c.forall:
                head, scope = self.generator(E.parse_forall(c.forall), {})
                text = f"forall({head})(\n    {self.ex(tree, scope, BOOL)[0]})"
            else:
                text = self.ex(tree, {}, BOOL)[0]
            out.append(f'constraint :: "{c.name}" {text};')
        out.append("")

    def objective(self) -> None:
        m, out = self.a.m, self.lines
        if m.objective is None:
            out.append("solve satisfy;")
            return
        if m.objective.description:
            out.append(f"% Objective: {_comment(m.objective.description)}")
        sense = "maximize" if m.objective.sense == "max" else "minimize"
        out.append(f"solve {sense} {self.ex(E.parse(m.objective.expr), {}, NUM)[0]};")


def analyse(gm: GroundModel) -> Analysis:
    """Names, sets and types of a model, with `problems` listing what MiniZinc/Gecode cannot take."""
    return Analysis(gm).run()


def generate(gm: GroundModel, analysis: Analysis | None = None) -> MznText:
    """The MiniZinc model for a ground model's source model (raises MiniZincUnsupported)."""
    a = analysis or analyse(gm)
    if a.problems:
        raise MiniZincUnsupported("; ".join(a.problems))
    return _Writer(a).write()

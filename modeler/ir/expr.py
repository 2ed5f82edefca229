"""The expression language of the model form, parsed with a grammar (never `eval`).

`parse("sum(w[i] * x[i] for i in I) <= C")` returns a small tree of frozen dataclasses. The tree says
nothing about which names are variables or parameters: that is resolved against a model by
`modeler.ir.ground`. See FORMAT.md for the language as a user sees it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from lark import Lark, Token, Transformer, v_args
from lark.exceptions import LarkError, UnexpectedCharacters, UnexpectedEOF, UnexpectedInput, UnexpectedToken

KEYWORDS = frozenset({"sum", "for", "in", "if", "and", "or", "not", "min", "max", "abs", "all_different",
                      "forall", "exists", "true", "false"})
# Functions callable on a list of arguments or on a generator.
AGGREGATES = frozenset({"sum", "min", "max", "all_different", "forall", "exists"})
FUNCTIONS = AGGREGATES | {"abs"}

_GRAMMAR = r"""
?start: expr

?expr: iff
?iff: implies ("<->" implies)*
?implies: or_expr ("->" implies)?
?or_expr: and_expr ("or" and_expr)*
?and_expr: not_expr ("and" not_expr)*
?not_expr: "not" not_expr -> not_op
         | compare
?compare: arith (COMP arith)*
?arith: term (ADDOP term)*
?term: unary (MULOP unary)*
?unary: "-" unary -> neg
      | "+" unary
      | power
?power: atom (POW unary)?
?atom: NUMBER -> number
     | STRING -> string
     | "true" -> true
     | "false" -> false
     | NAME -> name
     | NAME "[" args "]" -> index
     | NAME "(" args ")" -> call
     | NAME "(" expr generator ")" -> gen
     | "(" expr ")"
args: expr ("," expr)*
generator: ("for" binder ("," binder)*)+ ("if" expr)?
binder: NAME "in" NAME -> set_binder
      | NAME "in" arith ".." arith -> range_binder

COMP: "<=" | ">=" | "==" | "!=" | "<" | ">" | "="
ADDOP: "+" | "-"
MULOP: "*" | "/"
POW: "^" | "**"
NUMBER: /\d+(\.\d+)?([eE][+-]?\d+)?/
NAME: /[A-Za-z_][A-Za-z0-9_]*/
STRING: /"[^"\n]*"/ | /'[^'\n]*'/
%import common.WS
%ignore WS
"""


class ExprSyntaxError(ValueError):
    """The text is not an expression of the model language; the message points at the spot."""


# ---------------------------------------------------------------------------------------------- nodes
@dataclass(frozen=True, slots=True)
class Num:
    value: float | int


@dataclass(frozen=True, slots=True)
class Str:
    """A string literal: a set member such as `take["tent"]`."""

    value: str


@dataclass(frozen=True, slots=True)
class Bool:
    value: bool


@dataclass(frozen=True, slots=True)
class Name:
    id: str


@dataclass(frozen=True, slots=True)
class Index:
    name: str
    args: tuple[Expr, ...]


@dataclass(frozen=True, slots=True)
class BinOp:
    op: str  # + - * / ^
    left: Expr
    right: Expr


@dataclass(frozen=True, slots=True)
class Neg:
    arg: Expr


@dataclass(frozen=True, slots=True)
class Call:
    func: str  # one of FUNCTIONS (checked by validation, so the message can name the constraint)
    args: tuple[Expr, ...]


@dataclass(frozen=True, slots=True)
class SetBinder:
    var: str
    set: str


@dataclass(frozen=True, slots=True)
class RangeBinder:
    var: str
    lo: Expr
    hi: Expr


Binder = SetBinder | RangeBinder


@dataclass(frozen=True, slots=True)
class Generator:
    binders: tuple[Binder, ...]
    cond: Expr | None = None


@dataclass(frozen=True, slots=True)
class Gen:
    """An aggregate over a generator: `sum(body for i in I if cond)`."""

    func: str
    body: Expr
    gen: Generator


@dataclass(frozen=True, slots=True)
class Compare:
    """A comparison, possibly chained: `lo <= x <= hi` has ops ("<=", "<=") and three operands."""

    ops: tuple[str, ...]
    operands: tuple[Expr, ...]


@dataclass(frozen=True, slots=True)
class BoolOp:
    op: str  # "and" | "or"
    args: tuple[Expr, ...]


@dataclass(frozen=True, slots=True)
class Not:
    arg: Expr


@dataclass(frozen=True, slots=True)
class Implies:
    left: Expr
    right: Expr


@dataclass(frozen=True, slots=True)
class Iff:
    left: Expr
    right: Expr


Expr = Num | Str | Bool | Name | Index | BinOp | Neg | Call | Gen | Compare | BoolOp | Not | Implies | Iff


# ------------------------------------------------------------------------------------------- building
@v_args(inline=True)
class _Build(Transformer):
    def number(self, tok: Token) -> Num:
        text = str(tok)
        return Num(int(text) if text.isdigit() else float(text))

    def string(self, tok: Token) -> Str:
        return Str(str(tok)[1:-1])

    def true(self) -> Bool:
        return Bool(True)

    def false(self) -> Bool:
        return Bool(False)

    def name(self, tok: Token) -> Name:
        return Name(str(tok))

    def args(self, *items: Expr) -> tuple[Expr, ...]:
        return tuple(items)

    def index(self, tok: Token, args: tuple[Expr, ...]) -> Index:
        return Index(str(tok), args)

    def call(self, tok: Token, args: tuple[Expr, ...]) -> Call:
        return Call(str(tok), args)

    def gen(self, tok: Token, body: Expr, generator: Generator) -> Gen:
        return Gen(str(tok), body, generator)

    def generator(self, *parts: Binder | Expr) -> Generator:
        binders = tuple(p for p in parts if isinstance(p, SetBinder | RangeBinder))
        rest = [p for p in parts if not isinstance(p, SetBinder | RangeBinder)]
        return Generator(binders, rest[0] if rest else None)

    def set_binder(self, var: Token, set_name: Token) -> SetBinder:
        return SetBinder(str(var), str(set_name))

    def range_binder(self, var: Token, lo: Expr, hi: Expr) -> RangeBinder:
        return RangeBinder(str(var), lo, hi)

    def neg(self, arg: Expr) -> Expr:
        return Num(-arg.value) if isinstance(arg, Num) else Neg(arg)

    def power(self, base: Expr, _op: Token, exp: Expr) -> BinOp:
        return BinOp("^", base, exp)

    def _chain(self, *items: Expr | Token) -> Expr:
        node = items[0]
        for i in range(1, len(items), 2):
            node = BinOp(str(items[i]), node, items[i + 1])  # type: ignore[arg-type]
        return node  # type: ignore[return-value]

    arith = _chain
    term = _chain

    def compare(self, *items: Expr | Token) -> Compare:
        ops = tuple("==" if str(t) == "=" else str(t) for t in items[1::2])
        return Compare(ops, tuple(items[0::2]))  # type: ignore[arg-type]

    def and_expr(self, *args: Expr) -> BoolOp:
        return BoolOp("and", args)

    def or_expr(self, *args: Expr) -> BoolOp:
        return BoolOp("or", args)

    def not_op(self, arg: Expr) -> Not:
        return Not(arg)

    def implies(self, left: Expr, right: Expr) -> Implies:
        return Implies(left, right)

    def iff(self, *args: Expr) -> Expr:
        node = args[0]
        for nxt in args[1:]:
            node = Iff(node, nxt)
        return node


@lru_cache(maxsize=1)
def _parser() -> Lark:
    return Lark(_GRAMMAR, parser="lalr", maybe_placeholders=False)


@lru_cache(maxsize=4096)
def parse(text: str) -> Expr:
    """Parse an expression; raise ExprSyntaxError with the position and what was expected."""
    if not isinstance(text, str) or not text.strip():
        raise ExprSyntaxError("empty expression")
    try:
        tree = _parser().parse(text)
        return _Build().transform(tree)
    except UnexpectedInput as e:
        raise ExprSyntaxError(_describe(text, e)) from None
    except LarkError as e:  # anything else the parser raises is still a syntax problem for the user
        raise ExprSyntaxError(f"cannot parse {text!r}: {e}") from None


def _describe(text: str, e: UnexpectedInput) -> str:
    pos = getattr(e, "pos_in_stream", None)
    if pos is None and isinstance(e, UnexpectedToken) and e.token is not None:
        pos = e.token.start_pos
    tok = getattr(e, "token", None)
    if isinstance(e, UnexpectedEOF) or pos is None or (tok is not None and tok.type == "$END"):
        return f"incomplete expression {text!r}: it ends too early (a missing operand or closing bracket?)"
    pointer = f"{text}\n{' ' * pos}^"
    if isinstance(e, UnexpectedCharacters):
        return f"unexpected character {text[pos]!r} at position {pos}:\n{pointer}"
    shown = repr(str(tok)) if tok is not None and str(tok) else "end of text"
    return f"unexpected {shown} at position {pos}:\n{pointer}"


# ------------------------------------------------------------------------------------------ utilities
def walk(node: Expr):
    """Every node of a tree, parents first."""
    yield node
    match node:
        case Index(args=args) | Call(args=args) | BoolOp(args=args):
            for a in args:
                yield from walk(a)
        case BinOp(left=l, right=r) | Implies(left=l, right=r) | Iff(left=l, right=r):
            yield from walk(l)
            yield from walk(r)
        case Neg(arg=a) | Not(arg=a):
            yield from walk(a)
        case Compare(operands=ops):
            for a in ops:
                yield from walk(a)
        case Gen(body=body, gen=gen):
            for b in gen.binders:
                if isinstance(b, RangeBinder):
                    yield from walk(b.lo)
                    yield from walk(b.hi)
            if gen.cond is not None:
                yield from walk(gen.cond)
            yield from walk(body)


def parse_forall(text: str) -> Generator:
    """Parse a constraint's `forall` clause: `i in I, j in J if i != j` (a leading `for` is allowed)."""
    src = text.strip()
    if not src:
        raise ExprSyntaxError("empty forall clause")
    if not src.startswith("for "):
        src = "for " + src
    node = parse(f"sum(0 {src})")
    assert isinstance(node, Gen)
    return node.gen


def identifier(text: str, taken: set[str]) -> str:
    """A valid model name made from free text ("regular glasses" -> regular_glasses), not in `taken`
    and not a keyword; added to `taken`. For modelers that name variables after the words they read."""
    name = re.sub(r"[^A-Za-z0-9]+", "_", text).strip("_").lower() or "x"
    if name[0].isdigit() or name in KEYWORDS:
        name = f"x_{name}"
    base, k = name, 2
    while name in taken:
        name, k = f"{base}_{k}", k + 1
    taken.add(name)
    return name

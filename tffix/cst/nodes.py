"""Immutable concrete-syntax-tree nodes.

Every byte of the source lives in exactly one ``Token`` (text plus trivia), and
every token lives in exactly one node field, so printing a tree is the
concatenation of its fields in declaration order. Who owns which trivia is
written down in ``README.md`` beside this file.

Nodes compare by identity (``a is b``); use ``deep_equals`` for structure.
Edits make new nodes: ``node.with_changes(field=value)``.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from operator import attrgetter
from typing import TYPE_CHECKING, Any, ClassVar, TypeAlias, TypeVar, final

from .tokens import Token

_T = TypeVar("_T")

if TYPE_CHECKING:
    from typing_extensions import Self

    from .positions import CodeRange
    from .visitor import Visitor

__all__ = [
    "Attribute",
    "BinaryOp",
    "Block",
    "Body",
    "BodyItem",
    "Conditional",
    "Element",
    "ElseClause",
    "EmptyLine",
    "EndDirective",
    "Expression",
    "ForDirective",
    "ForExpr",
    "FunctionCall",
    "GetAttr",
    "Heredoc",
    "IfDirective",
    "Index",
    "Interpolation",
    "Label",
    "Literal",
    "Module",
    "Node",
    "Object",
    "ObjectItem",
    "Parens",
    "Splat",
    "Template",
    "TemplateLiteral",
    "TemplatePart",
    "Token",
    "Tuple",
    "UnaryOp",
    "Variable",
    "deep_equals",
]  # fmt: skip

# repr=False everywhere: Node has one iterative __repr__ for all node types.


@dataclass(frozen=True, slots=True, eq=False, repr=False)
class Node:
    """Base of all CST nodes."""

    # Set by @dataclass on every subclass: its field names in source order.
    __match_args__: ClassVar[tuple[str, ...]]

    def children(self) -> Iterator[Node | Token]:
        """Direct children (nodes and tokens) in source order."""
        for value in field_values(self):
            if value is None or type(value) is str:
                continue
            if type(value) is tuple:
                yield from value
            else:
                yield value

    def tokens(self) -> Iterator[Token]:
        """All tokens below this node, in source order."""
        return iter(_flatten(self))

    def first_token(self) -> Token:
        """The first token below this node (every node has one)."""
        return _edge_token(self, last=False)

    def last_token(self) -> Token:
        """The last token below this node."""
        return _edge_token(self, last=True)

    @property
    def code(self) -> str:
        """The exact source text of this node, trivia included."""
        return "".join([tok[2] + tok[1] + tok[3] for tok in self.tokens()])

    def with_changes(self, **changes: Any) -> Self:
        return dataclasses.replace(self, **changes)

    def visit(self, visitor: Visitor) -> Any:
        from .visitor import visit

        return visit(self, visitor)

    def __repr__(self) -> str:
        return _repr(self)


# Every walk below keeps its own stack: Terraform accepts nesting far deeper
# than Python's recursion limit, so nothing here recurses on the tree.

_GETTERS: dict[type, Callable[[Any], tuple[Any, ...]]] = {}
_REVERSED_GETTERS: dict[type, Callable[[Any], tuple[Any, ...]]] = {}


def _getter(cls: type, reverse: bool) -> Callable[[Any], tuple[Any, ...]]:
    names: tuple[str, ...] = cls.__match_args__  # type: ignore[attr-defined]
    if reverse:
        names = names[::-1]
    if len(names) == 1:
        one = attrgetter(names[0])
        get: Callable[[Any], tuple[Any, ...]] = lambda node: (one(node),)
    else:
        get = attrgetter(*names)
    (_REVERSED_GETTERS if reverse else _GETTERS)[cls] = get
    return get


def field_values(node: Node) -> tuple[Any, ...]:
    """The values of ``node``'s fields, in declaration (source) order."""
    cls = type(node)
    return (_GETTERS.get(cls) or _getter(cls, False))(node)


def _flatten(root: Node) -> list[Token]:
    """Tokens below ``root`` in order."""
    out: list[Token] = []
    append = out.append
    stack: list[Any] = [root]
    pop, extend = stack.pop, stack.extend
    getters = _REVERSED_GETTERS
    while stack:
        item = pop()
        kind = type(item)
        if kind is Token:
            append(item)
        elif kind is tuple:
            extend(item[::-1])
        elif item is not None and kind is not str:
            extend((getters.get(kind) or _getter(kind, True))(item))
    return out


def _edge_token(node: Node, last: bool) -> Token:
    """The first (or last) token below ``node``: down the first (last) field
    that holds anything, until a token."""
    while True:
        names = node.__match_args__
        for name in reversed(names) if last else names:
            value = getattr(node, name)
            if value is None or type(value) is str or value == ():
                continue
            if type(value) is tuple:
                value = value[-1] if last else value[0]
            if type(value) is Token:
                return value
            node = value
            break
        else:
            raise ValueError(f"{type(node).__name__} has no tokens")


def deep_equals(a: object, b: object) -> bool:
    """Structural equality of two trees (tokens compare by value)."""
    pairs = [(a, b)]
    while pairs:
        x, y = pairs.pop()
        if isinstance(x, Node) and isinstance(y, Node):
            if type(x) is not type(y):
                return False
            pairs.extend(zip(field_values(x), field_values(y)))
        elif type(x) is tuple and type(y) is tuple:
            if len(x) != len(y):
                return False
            pairs.extend(zip(x, y))
        elif x != y:
            return False
    return True


def _repr(root: Node) -> str:
    """``Name(field=value, ...)`` all the way down, tuples as Python writes them."""
    out: list[str] = []
    stack: list[Any] = [root]  # values to write, and ``_Text`` to write as is
    while stack:
        item = stack.pop()
        kind = type(item)
        if kind is _Text:
            out.append(item)
        elif isinstance(item, Node):
            names = item.__match_args__
            parts: list[Any] = [_Text(type(item).__name__ + "(")]
            for i, (name, value) in enumerate(zip(names, field_values(item))):
                parts += [_Text(("" if i == 0 else ", ") + name + "="), value]
            parts.append(_Text(")"))
            stack.extend(reversed(parts))
        elif kind is tuple:
            parts = [_Text("(")]
            for i, value in enumerate(item):
                parts += [_Text(", "), value] if i else [value]
            parts.append(_Text(",)" if len(item) == 1 else ")"))
            stack.extend(reversed(parts))
        else:
            out.append(repr(item))
    return "".join(out)


class _Text(str):
    """Output of ``_repr`` already written, told apart from a ``str`` field."""

    __slots__ = ()


# ---------------------------------------------------------------- expressions


@final
@dataclass(frozen=True, slots=True, eq=False, repr=False)
class Literal(Node):
    """A number, ``true``, ``false`` or ``null``."""

    token: Token


@final
@dataclass(frozen=True, slots=True, eq=False, repr=False)
class Variable(Node):
    """A bare identifier used as a value: ``var`` in ``var.x``, ``each``."""

    name: Token


@final
@dataclass(frozen=True, slots=True, eq=False, repr=False)
class TemplateLiteral(Node):
    """Literal text inside a template, escapes kept as written."""

    token: Token


@final
@dataclass(frozen=True, slots=True, eq=False, repr=False)
class Interpolation(Node):
    """``${ expr }``; ``open``/``close`` carry the strip markers (``${~``, ``~}``)."""

    open: Token
    expr: Expression
    close: Token


@final
@dataclass(frozen=True, slots=True, eq=False, repr=False)
class EndDirective(Node):
    """``%{ endif }`` or ``%{ endfor }``."""

    open: Token
    keyword: Token
    close: Token


@final
@dataclass(frozen=True, slots=True, eq=False, repr=False)
class ElseClause(Node):
    open: Token
    keyword: Token
    close: Token
    parts: tuple[TemplatePart, ...]


@final
@dataclass(frozen=True, slots=True, eq=False, repr=False)
class IfDirective(Node):
    """``%{ if cond }...%{ else }...%{ endif }``."""

    open: Token
    keyword: Token
    condition: Expression
    close: Token
    parts: tuple[TemplatePart, ...]
    else_clause: ElseClause | None
    end: EndDirective


@final
@dataclass(frozen=True, slots=True, eq=False, repr=False)
class ForDirective(Node):
    """``%{ for k, v in coll }...%{ endfor }``."""

    open: Token
    keyword: Token
    key_var: Token | None
    comma: Token | None
    value_var: Token
    in_keyword: Token
    collection: Expression
    close: Token
    parts: tuple[TemplatePart, ...]
    end: EndDirective


TemplatePart: TypeAlias = TemplateLiteral | Interpolation | IfDirective | ForDirective


@final
@dataclass(frozen=True, slots=True, eq=False, repr=False)
class Template(Node):
    """A quoted template ``"..."``."""

    open: Token
    parts: tuple[TemplatePart, ...]
    close: Token


@final
@dataclass(frozen=True, slots=True, eq=False, repr=False)
class Heredoc(Node):
    """``<<EOT`` / ``<<-EOT`` template; ``open`` includes the line break after the
    marker, ``close`` is the closing line without its line break."""

    open: Token
    parts: tuple[TemplatePart, ...]
    close: Token

    @property
    def marker(self) -> str:
        return self.open.text.lstrip("<-").rstrip("\r\n")

    @property
    def strips_indent(self) -> bool:
        return self.open.text.startswith("<<-")


@final
@dataclass(frozen=True, slots=True, eq=False, repr=False)
class Element(Node):
    """One item of a tuple or argument list, with the comma after it."""

    value: Expression
    comma: Token | None


@final
@dataclass(frozen=True, slots=True, eq=False, repr=False)
class Tuple(Node):
    open: Token
    elements: tuple[Element, ...]
    close: Token


@final
@dataclass(frozen=True, slots=True, eq=False, repr=False)
class ObjectItem(Node):
    """``key = value`` or ``key: value`` in an object constructor.

    Owns the comment lines directly above it (``leading``) and ends with its
    separator: a comma and/or the line break (with any trailing comment).
    """

    leading: tuple[EmptyLine, ...]
    key: Expression
    separator: Token
    value: Expression
    comma: Token | None
    newline: Token | None

    @property
    def key_name(self) -> str | None:
        """The key as Terraform reads it when it is a bare name or a plain string."""
        return _static_name(self.key)


@final
@dataclass(frozen=True, slots=True, eq=False, repr=False)
class Object(Node):
    open: Token
    open_newline: Token | None
    items: tuple[ObjectItem | EmptyLine, ...]
    close: Token

    def item(self, key: str) -> ObjectItem | None:
        for item in self.items:
            if type(item) is ObjectItem and item.key_name == key:
                return item
        return None


@final
@dataclass(frozen=True, slots=True, eq=False, repr=False)
class FunctionCall(Node):
    """``name(args)``; ``name`` holds ``IDENT (:: IDENT)*`` tokens."""

    name: tuple[Token, ...]
    open: Token
    args: tuple[Element, ...]
    ellipsis: Token | None
    close: Token

    @property
    def function_name(self) -> str:
        return "".join(t.text for t in self.name)


@final
@dataclass(frozen=True, slots=True, eq=False, repr=False)
class Parens(Node):
    open: Token
    expr: Expression
    close: Token


@final
@dataclass(frozen=True, slots=True, eq=False, repr=False)
class GetAttr(Node):
    """``obj.name``, or the legacy index ``obj.0``."""

    obj: Expression
    dot: Token
    name: Token


@final
@dataclass(frozen=True, slots=True, eq=False, repr=False)
class Index(Node):
    obj: Expression
    open: Token
    key: Expression
    close: Token


@final
@dataclass(frozen=True, slots=True, eq=False, repr=False)
class Splat(Node):
    """``obj.*`` (``open`` is the dot, ``close`` None) or ``obj[*]``."""

    obj: Expression
    open: Token
    star: Token
    close: Token | None


@final
@dataclass(frozen=True, slots=True, eq=False, repr=False)
class UnaryOp(Node):
    op: Token
    operand: Expression


@final
@dataclass(frozen=True, slots=True, eq=False, repr=False)
class BinaryOp(Node):
    left: Expression
    op: Token
    right: Expression


@final
@dataclass(frozen=True, slots=True, eq=False, repr=False)
class Conditional(Node):
    condition: Expression
    question: Token
    true_expr: Expression
    colon: Token
    false_expr: Expression


@final
@dataclass(frozen=True, slots=True, eq=False, repr=False)
class ForExpr(Node):
    """``[for ...]`` or ``{for ... => ...}`` (then ``arrow`` and ``key_expr`` are set)."""

    open: Token
    for_keyword: Token
    key_var: Token | None
    comma: Token | None
    value_var: Token
    in_keyword: Token
    collection: Expression
    colon: Token
    key_expr: Expression | None
    arrow: Token | None
    value_expr: Expression
    ellipsis: Token | None
    if_keyword: Token | None
    condition: Expression | None
    close: Token

    @property
    def is_object(self) -> bool:
        return self.open.kind == "OBRACE"


Expression: TypeAlias = (
    Literal | Variable | Template | Heredoc | Tuple | Object | FunctionCall | Parens
    | GetAttr | Index | Splat | UnaryOp | BinaryOp | Conditional | ForExpr
)  # fmt: skip

# ---------------------------------------------------------------- structure


@final
@dataclass(frozen=True, slots=True, eq=False, repr=False)
class EmptyLine(Node):
    """A line holding no item: blank, or only a comment.

    In ``Attribute.leading`` / ``Block.leading`` / ``ObjectItem.leading`` it is a
    comment line owned by the item below; in ``Body.items`` / ``Object.items``
    it is a blank line or a comment dangling on the container.
    """

    newline: Token

    @property
    def comment(self) -> str | None:
        text = self.newline.lead.strip()
        return text or None


@final
@dataclass(frozen=True, slots=True, eq=False, repr=False)
class Attribute(Node):
    """``name = value``. Owns the comment lines directly above it and the line
    break ending it (whose ``lead`` holds any same-line trailing comment)."""

    leading: tuple[EmptyLine, ...]
    name: Token
    equals: Token
    value: Expression
    newline: Token | None

    @property
    def trailing_comment(self) -> str | None:
        return _comment_of(self.newline)


Label: TypeAlias = Token | Template


@final
@dataclass(frozen=True, slots=True, eq=False, repr=False)
class Block(Node):
    """``type "label" { body }``. ``open_newline`` is the line break after ``{``
    (None for the single-line form ``a { b = 1 }``)."""

    leading: tuple[EmptyLine, ...]
    type: Token
    labels: tuple[Label, ...]
    open: Token
    open_newline: Token | None
    body: Body
    close: Token
    newline: Token | None

    @property
    def label_values(self) -> tuple[str, ...]:
        return tuple(_static_name(label) or "" for label in self.labels)

    @property
    def trailing_comment(self) -> str | None:
        return _comment_of(self.newline)

    def matches(self, type: str | None = None, *labels: str | None) -> bool:
        """True when the block type and the first labels match (None matches any)."""
        if type is not None and self.type.text != type:
            return False
        values = self.label_values
        if len(labels) > len(values):
            return False
        return all(want is None or want == got for want, got in zip(labels, values))


BodyItem: TypeAlias = Attribute | Block | EmptyLine


@final
@dataclass(frozen=True, slots=True, eq=False, repr=False)
class Body(Node):
    items: tuple[BodyItem, ...]

    def attributes(self) -> Iterator[Attribute]:
        return (item for item in self.items if type(item) is Attribute)

    def attribute(self, name: str) -> Attribute | None:
        for item in self.items:
            if type(item) is Attribute and item.name.text == name:
                return item
        return None

    def blocks(self, type: str | None = None, *labels: str | None) -> Iterator[Block]:
        return (item for item in self.items if isinstance(item, Block) and item.matches(type, *labels))

    def block(self, type: str | None = None, *labels: str | None) -> Block | None:
        return next(self.blocks(type, *labels), None)


@final
@dataclass(frozen=True, slots=True, eq=False, repr=False)
class Module(Node):
    """A whole file. ``bom`` is a UTF-8 byte-order mark the file started with;
    ``eof`` carries trivia after the last line break (e.g. a final comment with
    no newline)."""

    bom: str
    body: Body
    eof: Token
    # The parser's token list (the lexer's own, in order): the very token
    # objects of the tree's leaves, so ``tokens()`` and ``code`` need not walk
    # the tree. Not an ``__init__`` argument, so a module made any other way
    # (``with_changes``, a transformer) has None and is walked; trees are
    # immutable, so the list stays true. Not a child: not in ``__match_args__``.
    _parsed_tokens: tuple[Token, ...] | None = dataclasses.field(default=None, init=False, repr=False, compare=False)
    # What is computed once from the whole (immutable) tree and asked for per
    # node or per fix: the parent map, the indentation unit (see ``memo``).
    _memo: dict[str, Any] | None = dataclasses.field(default=None, init=False, repr=False, compare=False)

    def tokens(self) -> Iterator[Token]:
        parsed = self._parsed_tokens
        return iter(_flatten(self) if parsed is None else parsed)

    @property
    def code(self) -> str:
        parsed = self._parsed_tokens
        return self.bom + "".join([tok[2] + tok[1] + tok[3] for tok in (_flatten(self) if parsed is None else parsed)])

    def attribute(self, name: str) -> Attribute | None:
        return self.body.attribute(name)

    def blocks(self, type: str | None = None, *labels: str | None) -> Iterator[Block]:
        return self.body.blocks(type, *labels)

    def block(self, type: str | None = None, *labels: str | None) -> Block | None:
        return self.body.block(type, *labels)

    def position(self, node: Node) -> CodeRange:
        """``CodeRange`` (1-based line/column) of ``node`` in this module."""
        from .positions import position

        return position(self, node)


def memo(module: Module, key: str, compute: Callable[[], _T]) -> _T:
    """``compute()``, once per module and ``key``: for values derived from the
    whole tree that callers ask for again and again (once per finding would
    make a check grow with findings x file size). Trees are immutable, so the
    value stays true; it lives as long as the module."""
    store = module._memo
    if store is None:
        store = {}
        object.__setattr__(module, "_memo", store)
    try:
        return store[key]  # type: ignore[no-any-return]
    except KeyError:
        value = store[key] = compute()
        return value


def _remember_tokens(module: Module, tokens: Sequence[Token]) -> None:
    """For the parser only: ``tokens`` are exactly ``module``'s leaves, in order."""
    object.__setattr__(module, "_parsed_tokens", tuple(tokens))


# ---------------------------------------------------------------- helpers


def _comment_of(newline: Token | None) -> str | None:
    if newline is None:
        return None
    return newline.lead.strip() or None


def _static_name(expr: object) -> str | None:
    """A bare identifier or a template made of one literal (no escapes decoded
    beyond what a label may hold)."""
    if type(expr) is Token:
        return expr.text
    if type(expr) is Variable:
        return expr.name.text
    if type(expr) is Template:
        from .values import template_text

        return template_text(expr)
    return None

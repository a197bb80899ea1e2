"""Reductions: turn the children of each grammar rule into CST nodes.

One method per grammar rule or alias. Rules whose name starts with ``_`` are
spliced into their parent, so methods see flat, ordered lists of ``Token``s
and nodes. Checks the grammar cannot express (``in``/``if`` keywords, labels
without interpolation, number syntax, directive nesting) raise ``BuildError``.
"""

from __future__ import annotations

import builtins
import re
from collections.abc import Callable, Sequence
from typing import Any, TypeAlias, TypeVar

from ..cst import nodes as n
from ..cst.tokens import Token
from .errors import BuildError

__all__ = ["BuildError", "Builder"]

_N = TypeVar("_N", bound=n.Node)


# What Go's big.Float accepts of the scanner's number tokens (`1.e5` included).
_NUMBER_OK = re.compile(r"[0-9]+(?:\.[0-9]*)?(?:[eE][+-]?[0-9]+)?\Z")
_LITERAL_NAMES = frozenset({"true", "false", "null"})


def _is(item: Any, kind: str) -> bool:
    return type(item) is Token and item.kind == kind


# -- fast construction ------------------------------------------------------
# A frozen dataclass's ``__init__`` sets each field through
# ``object.__setattr__(self, name, value)``, which looks the name up on every
# call; a parse makes a node for every other token, so that lookup was a tenth
# of a parse. (This module is imported on the first parse, not with the
# package: ``cst.nodes`` imports ``syntax``, so the classes would not exist yet.) The builder instead calls each slot's descriptor directly, which
# is what ``object.__setattr__`` ends up doing: the nodes are the same frozen
# instances (and nothing else may build them this way). Every field is set
# before a node leaves the builder (``tests/test_builder_nodes.py``
# compares builder-made trees with ones made through ``__init__``).

_new = object.__new__


def _setters(cls: type[n.Node], names: builtins.tuple[str, ...]) -> list[Callable[[Any, Any], None]]:
    return [getattr(cls, name).__set__ for name in names]


def _maker(cls: type[_N], skip: builtins.tuple[str, ...] = ()) -> Callable[..., _N]:
    """``cls(*fields)`` without the name lookups of its ``__init__``; the
    fields in ``skip`` are left for the caller to set. One function per
    number of fields: a loop over the setters would cost what it saves."""
    setters = _setters(cls, tuple(name for name in cls.__match_args__ if name not in skip))
    count = len(setters)
    s0, s1, s2, s3, s4, s5 = (setters + setters[:1] * 6)[:6]  # unused ones are never called
    if count == 1:

        def make1(a: Any) -> _N:
            node = _new(cls)
            s0(node, a)
            return node

        return make1
    if count == 2:

        def make2(a: Any, b: Any) -> _N:
            node = _new(cls)
            s0(node, a)
            s1(node, b)
            return node

        return make2
    if count == 3:

        def make3(a: Any, b: Any, c: Any) -> _N:
            node = _new(cls)
            s0(node, a)
            s1(node, b)
            s2(node, c)
            return node

        return make3
    if count == 4:

        def make4(a: Any, b: Any, c: Any, d: Any) -> _N:
            node = _new(cls)
            s0(node, a)
            s1(node, b)
            s2(node, c)
            s3(node, d)
            return node

        return make4
    if count == 5:

        def make5(a: Any, b: Any, c: Any, d: Any, e: Any) -> _N:
            node = _new(cls)
            s0(node, a)
            s1(node, b)
            s2(node, c)
            s3(node, d)
            s4(node, e)
            return node

        return make5
    assert count == 6, f"{cls.__name__}: add a maker for {count} fields"

    def make6(a: Any, b: Any, c: Any, d: Any, e: Any, f: Any) -> _N:
        node = _new(cls)
        s0(node, a)
        s1(node, b)
        s2(node, c)
        s3(node, d)
        s4(node, e)
        s5(node, f)
        return node

    return make6


# An attribute, block or object item is made before its owned trivia (comment
# lines above, the comma and line break after) is known: the enclosing body or
# object sets those fields (``_group_lines``), before anything else sees it.
_Item: TypeAlias = n.Attribute | n.Block | n.ObjectItem
# (getattr: mypy reads a field on the class as the instance's value, not the slot)
_set_leading = {cls: getattr(cls, "leading").__set__ for cls in (n.Attribute, n.Block, n.ObjectItem)}  # noqa: B009
_set_newline = {cls: getattr(cls, "newline").__set__ for cls in (n.Attribute, n.Block, n.ObjectItem)}  # noqa: B009
_set_comma = getattr(n.ObjectItem, "comma").__set__  # noqa: B009
_OWNED = ("leading", "comma", "newline")


def _finish(item: _Item, leading: builtins.tuple[n.EmptyLine, ...], newline: Token | None) -> _Item:
    cls = type(item)
    _set_leading[cls](item, leading)
    _set_newline[cls](item, newline)
    return item


_Literal = _maker(n.Literal)
_Variable = _maker(n.Variable)
_TemplateLiteral = _maker(n.TemplateLiteral)
_Template = _maker(n.Template)
_Heredoc = _maker(n.Heredoc)
_Interpolation = _maker(n.Interpolation)
_EmptyLine = _maker(n.EmptyLine)
_Element = _maker(n.Element)
_Body = _maker(n.Body)
_GetAttr = _maker(n.GetAttr)
_Index = _maker(n.Index)
_Splat = _maker(n.Splat)
_BinaryOp = _maker(n.BinaryOp)
_UnaryOp = _maker(n.UnaryOp)
_Conditional = _maker(n.Conditional)
_Parens = _maker(n.Parens)
_FunctionCall = _maker(n.FunctionCall)
_Tuple = _maker(n.Tuple)
_Object = _maker(n.Object)
_Attribute = _maker(n.Attribute, skip=_OWNED)
_Block = _maker(n.Block, skip=_OWNED)
_ObjectItem = _maker(n.ObjectItem, skip=_OWNED)


def _group_lines(children: list[Any]) -> tuple[Any, ...]:
    """Turn a flat run of items and NEWLINE/COMMA tokens into body or object
    items, applying the ownership table (tffix/cst/README.md)."""
    items: list[Any] = []
    comments: list[n.EmptyLine] = []  # comment-only lines waiting for an item
    current: Any = None  # the item whose line has not ended yet
    leading: tuple[n.EmptyLine, ...] = ()
    for child in children:
        if type(child) is not Token:
            if current is not None:
                items.append(_finish(current, leading, None))
            current, leading = child, tuple(comments)
            comments = []
            if type(child) is n.ObjectItem:
                _set_comma(child, None)
            continue
        tok = child
        if tok.kind == "COMMA":
            assert current is not None  # the grammar puts a comma only after an object item
            _set_comma(current, tok)
        elif current is not None:
            items.append(_finish(current, leading, tok))
            current = None
        elif tok.lead.strip():
            comments.append(_EmptyLine(tok))
        else:
            items.extend(comments)
            comments = []
            items.append(_EmptyLine(tok))
    if current is not None:
        items.append(_finish(current, leading, None))
    items.extend(comments)
    return tuple(items)


def _elements(children: list[Any]) -> tuple[n.Element, ...]:
    """Expressions separated by commas (a trailing comma allowed)."""
    out: list[n.Element] = []
    value: Any = None  # the expression before the next comma
    for child in children:
        if type(child) is Token:
            out.append(_Element(value, child))
            value = None
        else:
            if value is not None:
                out.append(_Element(value, None))
            value = child
    if value is not None:
        out.append(_Element(value, None))
    return tuple(out)


def _require_keyword(item: Any, word: str, summary: str, detail: str) -> Token:
    tok: Token = item
    if tok.text != word:
        raise BuildError(summary, detail, tok)
    return tok


class Builder:
    """Lark callbacks, one per grammar rule or alias."""

    # -- structure --------------------------------------------------------
    def start(self, c: list[Any]) -> tuple[n.Body, Token]:
        return _Body(_group_lines(c[:-1])), c[-1]

    def attribute(self, c: list[Any]) -> n.Attribute:
        return _Attribute(c[0], c[1], c[2])

    def block(self, c: list[Any]) -> n.Block:
        labels = []
        i = 1
        while type(c[i]) is not Token or c[i][0] != "OBRACE":  # labels: names, or templates
            label = c[i]
            if type(label) is Token:
                labels.append(label)
            else:
                _check_label(label)
                labels.append(label)
            i += 1
        content = c[i + 1 : -1]
        open_newline = None
        if content and _is(content[0], "NEWLINE"):
            open_newline = content[0]
            content = content[1:]
        body = _Body(_group_lines(content))
        return _Block(c[0], tuple(labels), c[i], open_newline, body, c[-1])

    # -- operators --------------------------------------------------------
    def conditional(self, c: list[Any]) -> n.Conditional:
        return _Conditional(c[0], c[1], c[2], c[3], c[4])

    def binary_op(self, c: list[Any]) -> n.BinaryOp:
        return _BinaryOp(c[0], c[1], c[2])

    def unary_op(self, c: list[Any]) -> n.UnaryOp:
        return _UnaryOp(c[0], c[1])

    # -- traversals -------------------------------------------------------
    def get_attr(self, c: list[Any]) -> n.GetAttr:
        name = c[2]
        if name.kind == "NUMBER_LIT" and "." in name.text:
            raise BuildError(
                "Invalid legacy index syntax",
                "When using the legacy index syntax, chaining two indexes together is not permitted. "
                f"Use the proper index syntax instead, like [{name.text.split('.')[0]}][{name.text.split('.')[1]}].",
                name,
            )
        return _GetAttr(c[0], c[1], name)

    def index(self, c: list[Any]) -> n.Index:
        return _Index(c[0], c[1], c[2], c[3])

    def splat(self, c: list[Any]) -> n.Splat:
        if c[1].kind == "DOT":  # `.*` inside the traversal of another `.*`
            inner = c[0]
            while type(inner) is n.GetAttr:
                inner = inner.obj
            if type(inner) is n.Splat and inner.open.kind == "DOT":
                raise BuildError(
                    "Nested splat expression not allowed",
                    "A splat expression (*) cannot be used inside another attribute-only splat expression.",
                    c[2],
                )
        return _Splat(c[0], c[1], c[2], c[3] if len(c) > 3 else None)

    # -- terms ------------------------------------------------------------
    def literal(self, c: list[Any]) -> n.Literal:
        tok = c[0]
        if not _NUMBER_OK.match(tok.text):
            raise BuildError("Invalid number literal", "Failed to recognize the value of this number literal.", tok)
        return _Literal(tok)

    def variable(self, c: list[Any]) -> n.Literal | n.Variable:
        tok = c[0]
        return _Literal(tok) if tok.text in _LITERAL_NAMES else _Variable(tok)

    def parens(self, c: list[Any]) -> n.Parens:
        return _Parens(c[0], c[1], c[2])

    def function_call(self, c: list[Any]) -> n.FunctionCall:
        i = 0
        while c[i][0] != "OPAREN":  # the name's tokens come first
            i += 1
        args = c[i + 1 : -1]
        ellipsis = None
        if args and _is(args[-1], "ELLIPSIS"):
            ellipsis = args.pop()
        name = tuple(t for t in c[:i])
        return _FunctionCall(name, c[i], _elements(args), ellipsis, c[-1])

    def tuple(self, c: list[Any]) -> n.Tuple:
        return _Tuple(c[0], _elements(c[1:-1]), c[-1])

    def object(self, c: list[Any]) -> n.Object:
        content = c[1:-1]
        open_newline = None
        if content and _is(content[0], "NEWLINE"):
            open_newline = content[0]
            content = content[1:]
        return _Object(c[0], open_newline, _group_lines(content), c[-1])

    def object_item(self, c: list[Any]) -> n.ObjectItem:
        return _ObjectItem(c[0], c[1], c[2])

    def for_tuple(self, c: list[Any]) -> n.ForExpr:
        return self._for(c)

    def for_object(self, c: list[Any]) -> n.ForExpr:
        return self._for(c)

    def _for(self, c: list[Any]) -> n.ForExpr:
        it = iter(c)
        open_, for_kw = next(it), next(it)
        key_var = comma = None
        first = next(it)
        second = next(it)
        if second.kind == "COMMA":
            key_var, comma, value_var = first, second, next(it)
            in_kw = next(it)
        else:
            value_var, in_kw = first, c[3]
        in_kw = _require_keyword(
            in_kw,
            "in",
            "Invalid 'for' expression",
            "For expression requires the 'in' keyword after its name declarations.",
        )
        collection = next(it)
        colon = next(it)
        rest = list(it)
        close = rest.pop()
        key_expr = arrow = ellipsis = if_kw = condition = None
        if open_.kind == "OBRACE":
            key_expr, arrow = rest.pop(0), rest.pop(0)
        value_expr = rest.pop(0)
        if rest and _is(rest[0], "ELLIPSIS"):
            ellipsis = rest.pop(0)
        if rest:
            if_kw = _require_keyword(
                rest[0], "if", "Invalid 'for' expression", "Extra characters after the end of the 'for' expression."
            )
            condition = rest[1]
        return n.ForExpr(
            open_, for_kw, key_var, comma, value_var, in_kw, collection, colon,
            key_expr, arrow, value_expr, ellipsis, if_kw, condition, close,
        )  # fmt: skip

    # -- templates --------------------------------------------------------
    def template(self, c: list[Any]) -> n.Template:
        if len(c) == 3 and type(c[1]) is Token:  # "plain text", most strings: nothing to nest
            return _Template(c[0], (_TemplateLiteral(c[1]),), c[2])
        return _Template(c[0], _nest_template(c[1:-1], c[-1]), c[-1])

    def heredoc(self, c: list[Any]) -> n.Heredoc:
        return _Heredoc(c[0], _nest_template(c[1:-1], c[-1]), c[-1])

    def interpolation(self, c: list[Any]) -> n.Interpolation:
        return _Interpolation(c[0], c[1], c[2])

    def directive(self, c: list[Any]) -> builtins.tuple[Any, ...]:  # ``tuple`` is a method here
        return tuple(c)  # nested by _nest_template


def _check_label(label: n.Template) -> None:
    for part in label.parts:
        if type(part) is not n.TemplateLiteral:
            opener = part.open
            which = opener.text[0]
            raise BuildError(
                "Invalid string literal",
                f'Template sequences are not allowed in this string. To include a literal "{which}", '
                f'double it (as "{which}{which}") to escape it.',
                opener,
            )


_UNBALANCED = "The control directives within this template are unbalanced."


def _nest_template(parts: list[Any], end: Token) -> tuple[n.TemplatePart, ...]:
    """Nest the flat directive markers into If/For directive nodes."""
    out: list[Any] = []
    # each frame: [opener tokens/exprs, parts so far, else-marker or None]
    frames: list[list[Any]] = []
    for part in parts:
        if type(part) is Token:
            out.append(_TemplateLiteral(part))
            continue
        if type(part) is not tuple:
            out.append(part)
            continue
        keyword = part[1]
        kind = keyword.kind
        if kind in ("IF", "FOR"):
            frames.append([part, out, None])
            out = []
        elif kind == "ELSE":
            if not frames or frames[-1][0][1].kind != "IF":
                detail = "An else clause is not expected for a for directive." if frames else _UNBALANCED
                raise BuildError("Unexpected else directive", detail, keyword)
            if frames[-1][2] is not None:
                raise BuildError("Unexpected else directive", "Already in the else clause for this if.", keyword)
            frames[-1][2] = (part, out)
            out = []
        else:  # ENDIF / ENDFOR
            want = "IF" if kind == "ENDIF" else "FOR"
            if not frames or frames[-1][0][1].kind != want:
                raise BuildError(f"Unexpected {keyword.text} directive", _UNBALANCED, keyword)
            opener, outer, else_part = frames.pop()
            end_node = n.EndDirective(part[0], keyword, part[2])
            out = outer + [_directive_node(opener, else_part, out, end_node)]
    if frames:
        opener = frames[-1][0]
        word = opener[1].text
        raise BuildError(
            "Unexpected end of template",
            f"The {word} directive is missing its corresponding end{word} directive.",
            opener[0],
        )
    return tuple(out)


def _directive_node(opener: Sequence[Any], else_part: Any, body: list[Any], end: n.EndDirective) -> n.Node:
    if opener[1].kind == "IF":
        then_parts, else_clause = body, None
        if else_part is not None:
            marker, then_parts = else_part
            else_clause = n.ElseClause(marker[0], marker[1], marker[2], tuple(body))
        return n.IfDirective(opener[0], opener[1], opener[2], opener[3], tuple(then_parts), else_clause, end)
    key_var = comma = None
    names = opener[2:-2]
    if len(names) == 4:
        key_var, comma = names[0], names[1]
    value_var = names[-2]
    in_kw = _require_keyword(
        names[-1], "in", "Invalid 'for' directive", "For directive requires 'in' keyword after names."
    )
    return n.ForDirective(
        opener[0], opener[1], key_var, comma, value_var, in_kw,
        opener[-2], opener[-1], tuple(body), end,
    )  # fmt: skip

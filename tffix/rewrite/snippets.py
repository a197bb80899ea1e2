"""HCL snippets with holes: new code is parsed, and what varies goes in as
nodes, never as text.

``parse_expression("{0}.name", ref)`` parses ``{0}.name`` with a placeholder
identifier in the hole, then puts the node ``ref`` where the placeholder is
(LibCST's ``parse_template_expression`` idea). A hole is ``{N}`` or
``{name}`` written directly against its braces; ``{}``, ``{ a = 1 }`` and
``${x}`` are HCL, not holes. What a hole may hold depends on where it is:

- in a value position: a node (placed as is, taking the hole's spacing), or
  a Python ``str`` / ``bool`` / ``int`` / ``float`` / ``None`` / ``list`` /
  ``dict``, which becomes the HCL literal with that value (strings quoted);
- as an attribute name, a block type or after a dot (``{0}.{1}``): a ``str``
  that is an HCL identifier;
- as a block label: a ``str``, written as a quoted label;
- inside a quoted string (``"app-{0}"``): a ``str``, escaped into the text.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Mapping, Sequence
from typing import Any, TypeAlias, TypeVar

from ..cst import nodes as n
from ..cst.builders import with_first_token
from ..cst.quoting import escape as template_text
from ..cst.quoting import is_identifier, quote
from ..cst.visitor import Transformer, visit
from ..syntax import snippets as builders

__all__ = [
    "Fill",
    "Name",
    "is_identifier",
    "multiline_object",
    "parse_attribute",
    "parse_block",
    "parse_body",
    "parse_expression",
    "to_node",
    "with_comments",
    "with_last_token",
]

#: What a hole can be filled with.
Fill: TypeAlias = "n.Node | str | bool | int | float | None | Sequence[Any] | Mapping[str, Any]"

_HOLE = re.compile(r"(?<![$%])\{(\d+|[A-Za-z_][A-Za-z0-9_]*)\}")
_PLACEHOLDER = re.compile(r"__tffix_hole_(\d+)__")
# bare keys that would not read as their own name
_NOT_KEYS = frozenset(["true", "false", "null", "for"])

NodeT = TypeVar("NodeT", bound=n.Node)


class Name(str):
    """A hole value written as a bare identifier (``each``, an object key)
    rather than as a quoted string."""

    __slots__ = ()

    def __new__(cls, text: str) -> Name:  # noqa: PYI034  (a final-ish helper class)
        if not is_identifier(text):
            raise ValueError(f"{text!r} is not an HCL identifier")
        return super().__new__(cls, text)


def with_last_token(node: NodeT, change: Callable[[n.Token], n.Token]) -> NodeT:
    """A copy of ``node`` whose last token is ``change(token)``."""
    path: list[tuple[Any, str, tuple[Any, ...] | None]] = []
    current: Any = node
    while type(current) is not n.Token:
        for name, value in reversed(list(zip(current.__match_args__, n.field_values(current)))):
            if value is None or value == () or type(value) is str:
                continue
            if type(value) is tuple:
                path.append((current, name, value))
                current = value[-1]
            else:
                path.append((current, name, None))
                current = value
            break
        else:
            break
    new: Any = change(current) if type(current) is n.Token else current
    for parent, name, items in reversed(path):
        new = parent.with_changes(**{name: new if items is None else (*items[:-1], new)})
    result: NodeT = new
    return result


def _bare(node: NodeT) -> NodeT:
    """``node`` without the trivia before its first and after its last token."""
    node = with_first_token(node, lambda tok: tok._replace(lead=""))
    return with_last_token(node, lambda tok: tok._replace(trail=""))


def to_node(value: Fill) -> n.Expression:
    """The expression for a Python value (a node is returned as it is)."""
    if isinstance(value, n.Node):
        expr: n.Expression = value  # type: ignore[assignment]  # a caller's node is taken at its word
        return expr
    if value is None or type(value) is bool:
        return builders.parse_expression({None: "null", True: "true", False: "false"}[value])
    if type(value) is int or type(value) is float:
        if not math.isfinite(value):
            raise ValueError(f"HCL has no number {value!r}")
        return builders.parse_expression(repr(value))
    if type(value) is Name:
        return n.Variable(n.Token("IDENT", str(value)))
    if type(value) is str:
        return builders.parse_expression(quote(value))
    if isinstance(value, Mapping):
        keys = list(value)
        if not all(type(k) is str for k in keys):
            raise TypeError("object keys must be strings")
        holes = ", ".join(f"{{k{i}}} = {{v{i}}}" for i in range(len(keys)))  # a template of holes, no values
        names = [
            Name(k) if is_identifier(k) and k not in _NOT_KEYS else k for k in keys
        ]  # bare keys where HCL allows, as fmt users write
        fills = {f"k{i}": k for i, k in enumerate(names)} | {f"v{i}": value[k] for i, k in enumerate(keys)}
        return parse_expression("{ " + holes + " }" if keys else "{}", **fills)
    if isinstance(value, Sequence):
        holes = ", ".join(f"{{{i}}}" for i in range(len(value)))  # a template of holes, no values
        return parse_expression("[" + holes + "]", *value)
    raise TypeError(f"cannot make HCL from {type(value).__name__}")


def _prepare(template: str, args: Sequence[Fill], kwargs: Mapping[str, Fill]) -> tuple[str, list[Fill]]:
    fills: list[Fill] = []

    def hole(m: re.Match[str]) -> str:
        key = m.group(1)
        try:
            value = args[int(key)] if key.isdigit() else kwargs[key]
        except (IndexError, KeyError):
            raise ValueError(f"snippet hole {{{key}}} has no value") from None
        fills.append(value)
        return f"__tffix_hole_{len(fills) - 1}__"

    return _HOLE.sub(hole, template), fills


class _Fill(Transformer):
    """Puts each hole's value where its placeholder was parsed."""

    def __init__(self, fills: list[Fill]) -> None:
        self.fills = fills

    def _value(self, text: str) -> Fill | None:
        m = _PLACEHOLDER.fullmatch(text)
        return self.fills[int(m.group(1))] if m else None

    def _has(self, text: str) -> bool:
        return _PLACEHOLDER.fullmatch(text) is not None

    def _name(self, tok: n.Token) -> n.Token:
        if not self._has(tok.text):
            return tok
        value = self._value(tok.text)
        if not isinstance(value, str) or not is_identifier(value):
            raise TypeError(f"a name hole takes an identifier string, not {value!r}")
        return tok._replace(text=value)

    def leave_Variable(self, original: n.Variable, updated: n.Variable) -> n.Node:
        if not self._has(updated.name.text):
            return updated
        new = _bare(to_node(self._value(updated.name.text)))
        new = with_first_token(new, lambda tok: tok._replace(lead=updated.name.lead))
        return with_last_token(new, lambda tok: tok._replace(trail=updated.name.trail))

    def leave_GetAttr(self, original: n.GetAttr, updated: n.GetAttr) -> n.Node:
        return updated.with_changes(name=self._name(updated.name))

    def leave_Attribute(self, original: n.Attribute, updated: n.Attribute) -> n.Node:
        return updated.with_changes(name=self._name(updated.name))

    def leave_Block(self, original: n.Block, updated: n.Block) -> n.Node:
        labels = []
        for label in updated.labels:
            if type(label) is n.Token and self._has(label.text):
                value = self._value(label.text)
                if not isinstance(value, str):
                    raise TypeError(f"a label hole takes a string, not {value!r}")
                new = builders.parse_expression(quote(value))
                assert type(new) is n.Template
                label = with_first_token(new, lambda tok, lead=label.lead: tok._replace(lead=lead))  # type: ignore[misc]
            labels.append(label)
        return updated.with_changes(type=self._name(updated.type), labels=tuple(labels))

    def leave_TemplateLiteral(self, original: n.TemplateLiteral, updated: n.TemplateLiteral) -> n.Node:
        text = updated.token.text
        if "__tffix_hole_" not in text:
            return updated

        def one(m: re.Match[str]) -> str:
            value = self.fills[int(m.group(1))]
            if not isinstance(value, str):
                raise TypeError(f"a hole inside a string takes a string, not {value!r}")
            return template_text(value)

        if updated.token.kind != "QUOTED_LIT":
            raise ValueError("holes inside heredocs are not supported")
        return updated.with_changes(token=updated.token._replace(text=_PLACEHOLDER.sub(one, text)))


def _fill(node: NodeT, fills: list[Fill]) -> NodeT:
    if not fills:
        return node
    result: NodeT = visit(node, _Fill(fills))
    return result


def parse_expression(template: str, *args: Fill, **kwargs: Fill) -> n.Expression:
    """One expression with its holes filled, e.g. ``parse_expression("{0}.arn", ref)``."""
    text, fills = _prepare(template, args, kwargs)
    return _fill(builders.parse_expression(text), fills)


def parse_attribute(template: str, *args: Fill, **kwargs: Fill) -> n.Attribute:
    """One attribute, e.g. ``parse_attribute("{0} = {1}", "tags", value)``."""
    text, fills = _prepare(template, args, kwargs)
    return _fill(builders.parse_attribute(text), fills)


def parse_block(template: str, *args: Fill, **kwargs: Fill) -> n.Block:
    """One block, e.g. ``parse_block("variable {0} {\\n}", "environment")``."""
    text, fills = _prepare(template, args, kwargs)
    return _fill(builders.parse_block(text), fills)


def parse_body(template: str, *args: Fill, **kwargs: Fill) -> n.Body:
    """Body items (whole lines), holes filled."""
    text, fills = _prepare(template, args, kwargs)
    return _fill(builders.parse_body(text if text.endswith("\n") else text + "\n"), fills)


ItemT = TypeVar("ItemT", n.Attribute, n.Block)


def with_comments(item: ItemT, *lines: str | None) -> ItemT:
    """``item`` with comment lines above it (before those it has): each
    ``str`` a ``# text`` line (``""`` a bare ``#``), ``None`` a blank line.
    A comment cannot end early, so a line break inside one is refused."""
    leading: list[n.EmptyLine] = []
    for line in lines:
        if line is not None and ("\n" in line or "\r" in line):
            raise ValueError(f"a comment line cannot hold a line break: {line!r}")
        lead = "" if line is None else ("# " + line).rstrip()
        leading.append(n.EmptyLine(n.Token("NEWLINE", "\n", lead)))
    old: tuple[n.EmptyLine, ...] = item.leading
    return item.with_changes(leading=(*leading, *old))


def multiline_object(entries: Mapping[str, Fill]) -> n.Object:
    """``{ k = v, ... }`` written one item a line, as ``required_providers``
    entries and settings objects are (``to_node`` writes one line)."""
    obj = to_node(entries)
    assert type(obj) is n.Object
    newline = n.Token("NEWLINE", "\n")
    items = tuple(i.with_changes(comma=None, newline=newline) for i in obj.items if type(i) is n.ObjectItem)
    return obj.with_changes(open_newline=newline, items=items)

"""New code from HCL snippets: rules build nodes by parsing, never by pasting
strings into output."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar, overload

from ..syntax.errors import ParseError
from ..syntax.parser import parse_module
from .nodes import Attribute, Block, Body, BodyItem, Expression, Node, Token, field_values

__all__ = [
    "first_token",
    "last_token",
    "parse_attribute",
    "parse_block",
    "parse_body",
    "parse_expression",
    "with_first_token",
]


NodeT = TypeVar("NodeT", bound=Node)
ItemT = TypeVar("ItemT", bound=BodyItem)


@overload
def with_first_token(node: Token, change: Callable[[Token], Token]) -> Token: ...
@overload
def with_first_token(node: NodeT, change: Callable[[Token], Token]) -> NodeT: ...
def with_first_token(node: Node | Token, change: Callable[[Token], Token]) -> Node | Token:
    """A copy of ``node`` whose first token is ``change(token)``."""
    path: list[tuple[Any, str, tuple[Any, ...] | None]] = []  # (node, field, its tuple) on the way down
    current = node
    while type(current) is not Token:
        for name, value in zip(current.__match_args__, field_values(current)):
            if value is None or value == () or type(value) is str:
                continue
            if type(value) is tuple:
                path.append((current, name, value))
                current = value[0]
            else:
                path.append((current, name, None))
                current = value
            break
        else:
            break  # a node without tokens: kept as it is
    new = change(current) if type(current) is Token else current
    for parent, name, items in reversed(path):
        new = parent.with_changes(**{name: new if items is None else (new, *items[1:])})
    return new


def first_token(node: Node | Token) -> Token:
    """The first token of ``node`` (a node always has at least one)."""
    return node if type(node) is Token else node.first_token()


def last_token(node: Node | Token) -> Token:
    """The last token of ``node``."""
    return node if type(node) is Token else node.last_token()


def _strip_lead(node: NodeT) -> NodeT:
    return with_first_token(node, lambda tok: tok._replace(lead=""))


def parse_body(text: str) -> Body:
    """The body of ``text``, a sequence of attributes and blocks."""
    module = parse_module(text)
    if module.eof.lead or module.bom:
        raise ParseError("Unexpected trailing text", "A body snippet must end with a newline.", text=text)
    return module.body


def _single(text: str, kind: type[ItemT]) -> ItemT:
    snippet = text if text.endswith("\n") else text + "\n"
    items = [item for item in parse_body(snippet).items]
    item = items[0] if len(items) == 1 else None
    # isinstance narrows for mypy; no node class has subclasses, so it is the exact type test
    if not isinstance(item, kind):
        raise ParseError(f"Expected exactly one {kind.__name__.lower()}", "", text=text)
    return item


def parse_attribute(text: str) -> Attribute:
    """One attribute, e.g. ``parse_attribute('tags = {}')``."""
    return _single(text, Attribute)


def parse_block(text: str) -> Block:
    """One block, e.g. ``parse_block('filter {}')``."""
    return _single(text, Block)


def parse_expression(text: str) -> Expression:
    """One expression, e.g. ``parse_expression("var.environment_suffix")``."""
    attribute = parse_attribute(f"x = {text}")
    if attribute.trailing_comment:
        raise ParseError("Unexpected comment", "An expression snippet cannot end with a comment.", text=text)
    return _strip_lead(attribute.value)

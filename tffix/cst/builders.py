"""Small helpers for building new trees from old ones: the first and last
token of a node, and a copy with its first token changed. Parsing new code
from HCL snippets lives above the parser, in ``tffix.syntax.snippets``."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar, overload

from .nodes import Node, Token, field_values

__all__ = ["first_token", "last_token", "with_first_token"]


NodeT = TypeVar("NodeT", bound=Node)


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

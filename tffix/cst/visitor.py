"""Walking and rewriting trees, LibCST style.

A ``Visitor`` gets ``visit_<Node>(node)`` on the way down (return ``False`` to
skip the children) and ``leave_<Node>(node)`` on the way up. A ``Transformer``
gets ``leave_<Node>(original, updated)`` and returns the node to put in its
place, or ``REMOVE`` to drop it from the tuple that holds it.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterator
from typing import Any

from .nodes import Module, Node, Token, field_values, memo
from .trampoline import Nested, trampoline

__all__ = ["REMOVE", "Transformer", "Visitor", "parents", "remove", "replace", "visit", "walk"]


class _Remove:
    def __repr__(self) -> str:
        return "REMOVE"


#: Returned from ``Transformer.leave_*`` to delete a node from its container.
REMOVE: Any = _Remove()


class Visitor:
    """Read-only traversal; override ``visit_X`` / ``leave_X`` for node class X."""

    def on_visit(self, node: Node) -> bool:
        method = getattr(self, "visit_" + type(node).__name__, None)
        return method is None or method(node) is not False

    def on_leave(self, original: Node, updated: Node) -> Any:
        method = getattr(self, "leave_" + type(original).__name__, None)
        if method is not None:
            method(original)
        return original


class Transformer(Visitor):
    """Rewriting traversal; ``leave_X(original, updated)`` returns the new node."""

    def on_leave(self, original: Node, updated: Node) -> Any:
        method = getattr(self, "leave_" + type(original).__name__, None)
        return updated if method is None else method(original, updated)


def visit(node: Node, visitor: Visitor) -> Any:
    """Run ``visitor`` over ``node``; returns the (possibly new) node."""
    return trampoline(_visit(node, visitor))


def _visit(node: Node, visitor: Visitor) -> Nested[Any]:
    # Recursive in form only: each ``yield`` is a call run by ``trampoline``.
    if not visitor.on_visit(node):
        return visitor.on_leave(node, node)
    changes: dict[str, Any] = {}
    for name, value in zip(node.__match_args__, field_values(node)):
        if isinstance(value, Node):
            new = yield _visit(value, visitor)
            if new is REMOVE:
                raise ValueError(f"cannot remove {type(value).__name__} from required field {name!r}")
            if new is not value:
                changes[name] = new
        elif type(value) is tuple and value and any(isinstance(v, Node) for v in value):
            items = []
            changed = False
            for item in value:
                new = (yield _visit(item, visitor)) if isinstance(item, Node) else item
                changed = changed or new is not item
                if new is not REMOVE:
                    items.append(new)
            if changed:
                changes[name] = tuple(items)
    updated = dataclasses.replace(node, **changes) if changes else node
    return visitor.on_leave(node, updated)


def walk(node: Node) -> Iterator[Node]:
    """Every node below and including ``node``, parents before children."""
    stack = [node]
    while stack:
        current = stack.pop()
        yield current
        stack.extend(reversed([c for c in current.children() if type(c) is not Token]))


def parents(root: Node) -> dict[int, Node]:
    """Map ``id(child) -> parent`` for every node under ``root``.

    Computed once per module (the map of a ``Module`` is kept with it, see
    ``nodes.memo``): do not change the dict returned."""
    if type(root) is Module:
        return memo(root, "parents", lambda: _parents(root))
    return _parents(root)


def _parents(root: Node) -> dict[int, Node]:
    out: dict[int, Node] = {}
    for node in walk(root):
        for child in node.children():
            if type(child) is not Token:
                out[id(child)] = node
    return out


class _Swap(Transformer):
    def __init__(self, match: Callable[[Node], bool], make: Callable[[Node], Any]) -> None:
        self.match, self.make = match, make

    def on_leave(self, original: Node, updated: Node) -> Any:
        return self.make(updated) if self.match(original) else updated


def replace(root: Node, old: Node, new: Node) -> Node:
    """A copy of ``root`` with the node ``old`` (by identity) replaced by ``new``.

    ``new`` takes over the whitespace and comments before ``old`` (its first
    token's ``lead``), so ``tags = "x"`` becomes ``tags = var.x``, not ``tags =var.x``.
    """
    from .builders import first_token, with_first_token

    lead = first_token(old).lead
    new = with_first_token(new, lambda tok: tok._replace(lead=lead))
    result: Node = visit(root, _Swap(lambda n: n is old, lambda _: new))
    return result


def remove(root: Node, old: Node) -> Any:
    """A copy of ``root`` without ``old``, which must sit in a tuple field
    (a body item, tuple element, object item...). Its owned comments go with it."""
    return visit(root, _Swap(lambda n: n is old, lambda _: REMOVE))

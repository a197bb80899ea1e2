"""``Dispatcher``: one walk of a tree feeding many subscribers.

Each subscriber (a rule, an index builder, any object) declares the node kinds
it wants by defining ``visit_<Node>(node)`` and/or ``leave_<Node>(node)``
methods, LibCST style. Which methods a class defines is worked out once per
class, and each node then costs one dictionary read for its class plus the
calls of the subscribers that asked for it: N subscribers share one traversal,
and a subscriber's cost grows with its matches, not with the tree (ruff's
``Checker`` works this way).

The walk does not go below a node when no node class a subscriber asked for
can appear there (read off the node classes' field types): subscribers of
``Block`` and ``Attribute`` alone never walk into expressions.

``visit_X`` returning ``False`` skips the node's children for that subscriber
only (the others still see them); its ``leave_X`` still runs. During a call,
``dispatcher.file`` is the key of the file being walked and
``dispatcher.ancestors`` the nodes above the current one, its parent last.
"""

from __future__ import annotations

import functools
import typing
from collections.abc import Callable, Hashable, Iterable, Mapping
from typing import Any

from ..cst import nodes as n

__all__ = ["Dispatcher", "node_classes"]

Handler = Callable[[Any], object]


@functools.cache
def node_classes() -> Mapping[str, type[n.Node]]:
    """Every concrete CST node class by name: the ``X`` of ``visit_X``."""
    return {
        name: cls
        for name in n.__all__
        if isinstance(cls := getattr(n, name), type) and issubclass(cls, n.Node) and cls is not n.Node
    }


@functools.cache
def _below() -> Mapping[type, frozenset[type]]:
    """For each node class, every node class that can appear anywhere under
    one of its nodes, from the types its fields are declared with."""
    classes = set(node_classes().values())
    direct: dict[type, set[type]] = {}
    for cls in classes:
        found: set[type] = set()
        hints = typing.get_type_hints(cls, globalns=vars(n))
        todo = [hint for name, hint in hints.items() if name in cls.__match_args__]
        while todo:
            hint = todo.pop()
            if hint in classes:
                found.add(hint)
            todo.extend(typing.get_args(hint))
        direct[cls] = found
    closure: dict[type, frozenset[type]] = {}
    for cls in classes:
        seen: set[type] = set()
        todo = list(direct[cls])
        while todo:
            kind = todo.pop()
            if kind not in seen:
                seen.add(kind)
                todo.extend(direct[kind])
        closure[cls] = frozenset(seen)
    return closure


_Methods = tuple[tuple[tuple[type[n.Node], str], ...], tuple[tuple[type[n.Node], str], ...]]
_METHODS: dict[type, _Methods] = {}  # per subscriber class, worked out once


def _methods(cls: type) -> _Methods:
    """The ``visit_X`` and ``leave_X`` method names a subscriber class defines,
    with the node class each is for. A name that matches no node class is
    refused: a typo would otherwise never be called."""
    known = _METHODS.get(cls)
    if known is not None:
        return known
    classes = node_classes()
    visits: list[tuple[type[n.Node], str]] = []
    leaves: list[tuple[type[n.Node], str]] = []
    for attr in dir(cls):
        for prefix, found in (("visit_", visits), ("leave_", leaves)):
            if attr.startswith(prefix) and callable(getattr(cls, attr, None)):
                node_class = classes.get(attr[len(prefix) :])
                if node_class is None:
                    raise TypeError(f"{cls.__name__}.{attr}: no CST node class {attr[len(prefix) :]!r}")
                found.append((node_class, attr))
    known = _METHODS[cls] = (tuple(visits), tuple(leaves))
    return known


class _Dead:
    """Marks a subscriber dropped after an error: it matches no node, so it stays skipped."""


_DEAD: Any = _Dead()
_EXIT: Any = object()  # pushed above a node: when popped, the node below is left


class Dispatcher:
    """Walks trees once, calling every subscriber's handlers for each node.

    ``on_error(subscriber, error)``, when given, is called when a handler
    raises; that subscriber is then left out for the rest of the walk and the
    others go on. Without it the error propagates.
    """

    def __init__(
        self, subscribers: Iterable[object], *, on_error: Callable[[object, Exception], None] | None = None
    ) -> None:
        self.subscribers: tuple[object, ...] = tuple(subscribers)
        self.on_error = on_error
        self.file: Hashable | None = None
        self.ancestors: list[n.Node] = []
        self._visit: dict[type, list[tuple[int, Handler]]] = {}
        self._leave: dict[type, list[tuple[int, Handler]]] = {}
        self._dropped: set[int] = set()
        for i, subscriber in enumerate(self.subscribers):
            visits, leaves = _methods(type(subscriber))
            for node_class, attr in visits:
                self._visit.setdefault(node_class, []).append((i, getattr(subscriber, attr)))
            for node_class, attr in leaves:
                self._leave.setdefault(node_class, []).append((i, getattr(subscriber, attr)))
        wanted = set(self._visit) | set(self._leave)
        self._descend: dict[type, bool] = {cls: bool(below & wanted) for cls, below in _below().items()}

    def descends_into(self, node_class: type[n.Node]) -> bool:
        """Whether the walk goes below nodes of this class: only when something
        a subscriber handles can be there."""
        return self._descend[node_class]

    def walk_files(self, files: Mapping[Any, n.Module]) -> None:
        """Walk each file's tree in turn (``self.file`` names it meanwhile)."""
        for file, tree in files.items():
            self.walk(tree, file)

    def walk(self, tree: n.Node, file: Hashable | None = None) -> None:
        """One pre-order walk of ``tree`` in source order (no recursion: nesting
        may be deeper than Python's recursion limit)."""
        if not self._visit and not self._leave:
            return
        self.file = file
        ancestors: list[n.Node] = []
        self.ancestors = ancestors
        count = len(self.subscribers)
        # per subscriber: the node whose children it skips, _DEAD, or None
        skipping: list[Any] = [_DEAD if i in self._dropped else None for i in range(count)]
        skipped = len(self._dropped)
        visit, leave, descend = self._visit, self._leave, self._descend
        stack: list[Any] = [tree]
        pop, push = stack.pop, stack.append
        while stack:
            node = pop()
            if node is _EXIT:
                node = pop()
                ancestors.pop()
                if skipped:
                    for i in range(count):
                        if skipping[i] is node:
                            skipping[i] = None
                            skipped -= 1
                handlers = leave.get(type(node))
                if handlers:
                    skipped += self._call(handlers, node, skipping, leaving=True)
                continue
            handlers = visit.get(type(node))
            if handlers:
                skipped += self._call(handlers, node, skipping, leaving=False)
            push(node)
            push(_EXIT)
            ancestors.append(node)
            if skipped == count or not descend[type(node)]:
                continue  # nobody wants what is below
            for value in reversed(n.field_values(node)):
                if type(value) is tuple:
                    for item in reversed(value):
                        if type(item) is not n.Token:
                            push(item)
                elif value is not None and type(value) is not n.Token and type(value) is not str:
                    push(value)
        self.file = None

    def _call(self, handlers: list[tuple[int, Handler]], node: n.Node, skipping: list[Any], leaving: bool) -> int:
        """Run the handlers of subscribers not skipping; how many more now skip."""
        more = 0
        for i, method in handlers:
            if skipping[i] is not None:
                continue
            try:
                result = method(node)
            except Exception as error:
                if self.on_error is None:
                    raise
                self.on_error(self.subscribers[i], error)
                self._dropped.add(i)
                skipping[i] = _DEAD
                more += 1
                continue
            if result is False and not leaving:
                skipping[i] = node
                more += 1
        return more

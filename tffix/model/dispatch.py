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

from collections.abc import Callable, Hashable, Iterable, Mapping
from typing import Any

from ..cst import nodes as n
from .fields import below, child_getters, node_classes

__all__ = ["Dispatcher", "node_classes"]

Handler = Callable[[Any], object]


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
        self._descend: dict[type, bool] = {cls: bool(under & wanted) for cls, under in below().items()}

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
        getters = child_getters()
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
            for value in getters[type(node)](node):
                if type(value) is tuple:
                    for item in reversed(value):
                        if type(item) is not n.Token:  # ``labels`` mixes tokens and templates
                            push(item)
                elif value is not None:
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

"""Which fields of each CST node class can hold nodes, read off their types.

Walks here skip tokens: a ``Block`` has eight fields but only ``leading``,
``labels`` and ``body`` can lead to nodes. Knowing that per class, once, lets a
walk read just those fields, and lets the dispatcher know which node classes
can appear below which (so it need not go where nothing wanted can be).
"""

from __future__ import annotations

import functools
import typing
from collections.abc import Callable, Mapping
from operator import attrgetter
from typing import Any

from ..cst import nodes as n

__all__ = ["below", "child_getters", "node_classes"]


@functools.cache
def node_classes() -> Mapping[str, type[n.Node]]:
    """Every concrete CST node class by name: the ``X`` of ``visit_X``."""
    return {
        name: cls
        for name in n.__all__
        if isinstance(cls := getattr(n, name), type) and issubclass(cls, n.Node) and cls is not n.Node
    }


@functools.cache
def _direct() -> Mapping[type, tuple[tuple[str, ...], frozenset[type]]]:
    """Per node class: its fields that can hold nodes (in source order), and
    the node classes those fields can hold directly."""
    classes = set(node_classes().values())
    out: dict[type, tuple[tuple[str, ...], frozenset[type]]] = {}
    for cls in classes:
        hints = typing.get_type_hints(cls, globalns=vars(n))
        names: list[str] = []
        found: set[type] = set()
        for name in cls.__match_args__:
            todo, here = [hints[name]], set()
            while todo:
                hint = todo.pop()
                if hint in classes:
                    here.add(hint)
                todo.extend(typing.get_args(hint))
            if here:
                names.append(name)
                found |= here
        out[cls] = (tuple(names), frozenset(found))
    return out


@functools.cache
def below() -> Mapping[type, frozenset[type]]:
    """Per node class, every node class that can appear anywhere under one of its nodes."""
    direct = _direct()
    closure: dict[type, frozenset[type]] = {}
    for cls in direct:
        seen: set[type] = set()
        todo = list(direct[cls][1])
        while todo:
            kind = todo.pop()
            if kind not in seen:
                seen.add(kind)
                todo.extend(direct[kind][1])
        closure[cls] = frozenset(seen)
    return closure


def _tuple_of(get: Callable[[Any], Any]) -> Callable[[Any], tuple[Any, ...]]:
    return lambda node: (get(node),)


@functools.cache
def child_getters() -> Mapping[type, Callable[[Any], tuple[Any, ...]]]:
    """Per node class, a function giving the values of its node-bearing fields
    in reverse source order (what a stack-based walk pushes), each a node, a
    tuple (of nodes, maybe mixed with tokens: ``labels``), or None."""
    out: dict[type, Callable[[Any], tuple[Any, ...]]] = {}
    for cls, (names, _) in _direct().items():
        reverse = names[::-1]
        if not reverse:
            out[cls] = lambda node: ()
        elif len(reverse) == 1:
            out[cls] = _tuple_of(attrgetter(reverse[0]))
        else:
            out[cls] = attrgetter(*reverse)
    return out

"""Line and column of nodes, computed on demand (never stored, so they stay
right after edits)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..text.lines import Lines
from .nodes import EmptyLine, Module, Node, Token, field_values

__all__ = ["CodeRange", "Spans", "position", "positions", "spans"]

# Tokens that end lines or the file: not part of what a node "is".
_EDGE_KINDS = frozenset({"NEWLINE", "EOF"})


@dataclass(frozen=True)
class CodeRange:
    """1-based ``(line, column)`` of a node's first character and of the
    position just after its last one. Columns count characters. A node's range
    covers its tokens' text, not the comment lines or line break it owns."""

    start: tuple[int, int]
    end: tuple[int, int]


class _Collector:
    """One pass over a module's tokens in order, with a stack of the nodes
    open around the current token (no recursion: nesting may be deep)."""

    def __init__(self, module: Module) -> None:
        self.spans: dict[int, tuple[int, int]] = {}
        self.owned: dict[int, tuple[int, int]] = {}
        self.tokens: dict[int, tuple[int, int]] = {}
        self._run(module)

    def _run(self, module: Module) -> None:
        spans, owned, tokens = self.spans, self.owned, self.tokens
        offset = len(module.bom)
        # per open node: [node, offset where it starts, first, last] (its text's span so far)
        open_nodes: list[list[Any]] = []
        stack: list[Any] = [module]
        pop, extend = stack.pop, stack.extend
        while stack:
            item = pop()
            kind = type(item)
            if kind is Token:
                offset += len(item.lead)
                span = (offset, offset + len(item.text))
                tokens[id(item)] = span
                offset = span[1] + len(item.trail)
                if item.kind not in _EDGE_KINDS:
                    current = open_nodes[-1]
                    if current[2] is None:
                        current[2] = span[0]
                    current[3] = span[1]
            elif kind is tuple:
                extend(item[::-1])
            elif item is _CLOSE:
                node, begin, first, last = open_nodes.pop()
                owned[id(node)] = (begin, offset)
                if first is None:
                    continue
                spans[id(node)] = (first, last)
                if open_nodes and type(node) is not EmptyLine:
                    parent = open_nodes[-1]
                    if parent[2] is None:
                        parent[2] = first
                    parent[3] = last
            elif item is not None and kind is not str:
                open_nodes.append([item, offset, None, None])
                stack.append(_CLOSE)
                extend(field_values(item)[::-1])


# Pushed below a node's fields: popped when all of them are done.
_CLOSE = object()


def positions(module: Module) -> dict[int, CodeRange]:
    """``id(node) -> CodeRange`` for every node of ``module`` that has text."""
    collector = _Collector(module)
    at = Lines(module.code).location
    return {key: CodeRange(at(a), at(b)) for key, (a, b) in collector.spans.items()}


@dataclass(frozen=True)
class Spans:
    """Character offsets into ``module.code`` for every node: ``text`` covers
    the node's tokens (as ``CodeRange`` does); ``owned`` also covers the trivia
    the node owns (comment lines above it, its trailing comment and line
    break), which is what must go when the node is deleted. Tokens appear in
    ``text`` too (their text without trivia)."""

    text: dict[int, tuple[int, int]]
    owned: dict[int, tuple[int, int]]


def spans(module: Module) -> Spans:
    """Offsets of every node of ``module`` (see ``Spans``)."""
    collector = _Collector(module)
    text = collector.tokens  # the tokens' map takes the nodes' too, rather than both being copied into a third
    text.update(collector.spans)
    return Spans(text, collector.owned)


def position(module: Module, node: Node) -> CodeRange:
    """The range of ``node``, which must be part of ``module``."""
    try:
        return positions(module)[id(node)]
    except KeyError:
        raise ValueError(f"{type(node).__name__} is not part of this module (or has no text)") from None

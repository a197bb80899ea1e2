"""Line and column of nodes, computed on demand (never stored, so they stay
right after edits)."""

from __future__ import annotations

from dataclasses import dataclass

from ..syntax.lines import Lines
from .nodes import EmptyLine, Module, Node, Token

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
    def __init__(self, module: Module) -> None:
        self.offset = len(module.bom)
        self.spans: dict[int, tuple[int, int]] = {}
        self.owned: dict[int, tuple[int, int]] = {}
        self.tokens: dict[int, tuple[int, int]] = {}

    def node(self, node: Node) -> tuple[int, int] | None:
        begin = self.offset
        span = self._node(node)
        self.owned[id(node)] = (begin, self.offset)
        return span

    def _node(self, node: Node) -> tuple[int, int] | None:
        first = last = None
        span: tuple[int, int] | None
        for child in node.children():
            if type(child) is Token:
                self.offset += len(child.lead)
                span = (self.offset, self.offset + len(child.text))
                self.tokens[id(child)] = span
                self.offset += len(child.text) + len(child.trail)
                if child.kind in _EDGE_KINDS:
                    continue
            else:
                span = self.node(child)
                if span is None or type(child) is EmptyLine:
                    continue
            if first is None:
                first = span[0]
            last = span[1]
        if first is None or last is None:
            return None
        self.spans[id(node)] = (first, last)
        return first, last


def positions(module: Module) -> dict[int, CodeRange]:
    """``id(node) -> CodeRange`` for every node of ``module`` that has text."""
    collector = _Collector(module)
    collector.node(module)
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
    collector.node(module)
    return Spans({**collector.tokens, **collector.spans}, collector.owned)


def position(module: Module, node: Node) -> CodeRange:
    """The range of ``node``, which must be part of ``module``."""
    try:
        return positions(module)[id(node)]
    except KeyError:
        raise ValueError(f"{type(node).__name__} is not part of this module (or has no text)") from None

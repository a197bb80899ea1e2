"""Small questions rules ask of HCL trees (shared, so each rule module stays
about its pattern)."""

from __future__ import annotations

from collections.abc import Iterator

from ..cst import nodes as n
from ..cst.values import template_text

__all__ = [
    "string_value",
    "traversal",
    "nested_blocks",
    "has_block",
    "references",
    "function_calls",
    "newline_style",
    "last_leading_attribute",
]


def string_value(expr: object) -> str | None:
    """The text of a plain quoted string without interpolation, else None."""
    if type(expr) is n.Template:
        return template_text(expr)
    return None


def traversal(expr: object) -> tuple[str, ...] | None:
    """``aws_iam_role.x.name`` -> ("aws_iam_role", "x", "name"); index steps
    appear as "[]"; None for anything that is not a plain reference."""
    parts: list[str] = []
    while True:
        if type(expr) is n.GetAttr:
            parts.append(expr.name.text)
            expr = expr.obj
        elif type(expr) is n.Index:
            parts.append("[]")
            expr = expr.obj
        elif type(expr) is n.Variable:
            parts.append(expr.name.text)
            return tuple(reversed(parts))
        else:
            return None


def nested_blocks(body: n.Body, type: str) -> Iterator[n.Block]:
    """Blocks ``type { }`` of ``body``, and the ``content`` blocks of
    ``dynamic "type" { }``, which Terraform expands into the same thing."""
    for block in body.blocks():
        if block.type.text == type:
            yield block
        elif block.matches("dynamic", type):
            content = block.body.block("content")
            if content is not None:
                yield content


def has_block(body: n.Body, type: str) -> bool:
    """True when ``body`` holds a ``type`` block, a dynamic one, or an
    attribute of that name (the attribute syntax for blocks)."""
    return body.attribute(type) is not None or any(True for _ in _named_blocks(body, type))


def _named_blocks(body: n.Body, type: str) -> Iterator[n.Block]:
    for block in body.blocks():
        if block.type.text == type or block.matches("dynamic", type):
            yield block


def _walk_exprs(node: n.Node) -> Iterator[n.Node]:
    from ..cst.visitor import walk

    return walk(node)


def references(node: n.Node) -> Iterator[tuple[str, ...]]:
    """Every reference traversal inside ``node`` (outermost form only)."""
    seen: set[int] = set()
    for child in _walk_exprs(node):
        if id(child) in seen:
            continue
        if type(child) in (n.GetAttr, n.Index, n.Variable):
            path = traversal(child)
            if path is not None:
                yield path
                link: object = child
                while type(link) in (n.GetAttr, n.Index):  # index keys are still visited
                    link = link.obj  # type: ignore[union-attr]
                    seen.add(id(link))


def function_calls(node: n.Node) -> Iterator[n.FunctionCall]:
    return (child for child in _walk_exprs(node) if type(child) is n.FunctionCall)


def newline_style(text: str) -> str:
    """The line break a file mostly uses, for text a fix adds."""
    crlf = text.count("\r\n")
    return "\r\n" if crlf and crlf * 2 >= text.count("\n") else "\n"


def last_leading_attribute(block: n.Block) -> n.Attribute | None:
    """The last argument before the block's first nested block: where a new
    argument goes, by Terraform's style (arguments first, then blocks)."""
    found = None
    for item in block.body.items:
        if isinstance(item, n.Block):
            break
        if type(item) is n.Attribute:
            found = item
    return found

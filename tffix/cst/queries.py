"""Small questions rules ask of HCL trees: the value a string stands for,
the reference a traversal spells, the blocks Terraform expands a
``dynamic`` block into, every argument or call below a node."""

from __future__ import annotations

from collections.abc import Iterator

from . import nodes as n
from .values import template_text
from .visitor import walk

__all__ = [
    "arguments",
    "bool_literal",
    "function_calls",
    "has_block",
    "is_null",
    "nested_blocks",
    "references",
    "string_value",
    "traversal",
]


def string_value(expr: object) -> str | None:
    """The text of a plain quoted string without interpolation, else None."""
    if type(expr) is n.Template:
        return template_text(expr)
    return None


def bool_literal(expr: object) -> bool | None:
    """``true``/``false``, quoted or not (Terraform converts ``"true"``), else None."""
    text = expr.token.text if type(expr) is n.Literal else string_value(expr)
    return {"true": True, "false": False}.get(text) if text is not None else None


def is_null(expr: object) -> bool:
    """``x = null`` is the same as leaving ``x`` out."""
    return type(expr) is n.Literal and expr.token.text == "null"


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


def arguments(body: n.Body, skip: tuple[str, ...] = ()) -> Iterator[tuple[n.Attribute, str | None]]:
    """Every argument of ``body`` and of its nested blocks, with the type of
    the outermost nested block it sits in (None: directly in ``body``);
    blocks whose type is in ``skip`` (``lifecycle``, say) are not entered."""
    stack: list[tuple[Iterator[n.BodyItem], str | None]] = [(iter(body.items), None)]
    while stack:  # a stack, not recursion: blocks may nest deeper than Python's limit
        items, outermost = stack[-1]
        for item in items:
            if type(item) is n.Attribute:
                yield item, outermost
            elif isinstance(item, n.Block) and item.type.text not in skip:
                stack.append((iter(item.body.items), item.type.text if outermost is None else outermost))
                break
        else:
            stack.pop()


def references(node: n.Node) -> Iterator[tuple[str, ...]]:
    """Every reference traversal inside ``node`` (outermost form only)."""
    seen: set[int] = set()
    for child in walk(node):
        if id(child) in seen:
            continue
        if type(child) in (n.GetAttr, n.Index, n.Variable):
            path = traversal(child)
            if path is not None:
                yield path
            # the inner steps of the chain end at the same base, so they are
            # covered either way; skipping them keeps long chains linear
            # (index keys are still visited)
            link = child
            while isinstance(link, (n.GetAttr, n.Index)):
                link = link.obj
                seen.add(id(link))


def function_calls(node: n.Node) -> Iterator[n.FunctionCall]:
    return (child for child in walk(node) if type(child) is n.FunctionCall)

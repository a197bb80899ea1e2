"""Checks on a parsed tree that Terraform makes after parsing: a body that
sets an argument twice is refused ("Attribute redefined"). The module
context and the formatter both apply it, so it lives with the parser."""

from __future__ import annotations

from collections.abc import Iterator

from ..cst import nodes as n
from ..cst.positions import spans
from ..text.lines import Lines
from .errors import ParseError

__all__ = ["check_unique_attributes"]


def check_unique_attributes(module: n.Module, *, path: str | None = None) -> None:
    """Terraform refuses a body that sets an argument twice, and so does fmt."""
    # one entry per body being read, outermost first (a stack, not recursion: blocks nest deep)
    stack: list[tuple[Iterator[n.BodyItem], dict[str, n.Attribute]]] = [(iter(module.body.items), {})]
    while stack:
        items, seen = stack[-1]
        for item in items:
            if type(item) is n.Attribute:
                name = item.name.text
                if name in seen:
                    text = module.code
                    where = spans(module).text
                    line, col = Lines(text).location(where[id(seen[name])][0])
                    raise ParseError(
                        "Attribute redefined",
                        f'The argument "{name}" was already set at {path or "<input>"}:{line},{col}. '
                        "Each argument may be set only once.",
                        offset=where[id(item)][0],
                        text=text,
                        path=path,
                    )
                seen[name] = item
            elif type(item) is n.Block:
                stack.append((iter(item.body.items), {}))
                break
        else:
            stack.pop()

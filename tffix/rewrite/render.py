"""New items as text in a file's own style.

A node that did not come from the file (parsed from a snippet, built by a
rule) has no whitespace worth keeping, so it is laid out the way
``terraform fmt`` lays it out, at the depth where it goes, in the file's
indentation unit. Nodes that did come from the file are never re-rendered:
their bytes are kept, and only the lines a fix changes are formatted (by the
engine, after the edits are spliced in).
"""

from __future__ import annotations

import functools

from ..cst import nodes as n
from ..cst.builders import with_first_token
from ..fmt.region import format_lines
from ..syntax import snippets as builders

__all__ = ["NEWLINE", "item_text", "with_newline"]

#: A line break token, for items that end a line they did not end before.
NEWLINE = n.Token("NEWLINE", "\n")


@functools.cache
def _scaffold() -> n.Block:
    """An empty block to nest an item in, so the formatter sees its depth."""
    return builders.parse_block("x {\n}")


def with_newline(item: n.Attribute | n.Block) -> n.Attribute | n.Block:
    """``item`` ending its line (an item of a one-line block does not)."""
    return item if item.newline is not None else item.with_changes(newline=NEWLINE)


def item_text(item: n.Attribute | n.Block, depth: int, unit: str) -> str:
    """``item`` as whole lines at ``depth`` levels of ``unit`` indentation,
    formatted as ``terraform fmt`` formats it (its heredocs and strings kept),
    ending with a line break (``\\n``: the engine writes the file's own)."""
    node: n.Node = with_first_token(with_newline(item), lambda tok: tok._replace(lead=tok.lead.lstrip(" \t")))
    for _ in range(depth):
        node = _scaffold().with_changes(body=n.Body((node,)))  # type: ignore[arg-type]
    module = n.Module("", n.Body((node,)), n.Token("EOF", ""))  # type: ignore[arg-type]
    text = module.code
    lines = format_lines(text, range(1, text.count("\n") + 2), indent=unit).splitlines(keepends=True)
    return "".join(lines[depth : len(lines) - depth])

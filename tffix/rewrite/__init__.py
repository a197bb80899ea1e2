"""Fixes as tree rewrites (issue 12, item 2): node operations that become
minimal text edits, formatted in the file's own style on the touched lines.

``FixBuilder`` collects the operations of one fix; ``parse_expression`` and
friends build new nodes from snippets with holes filled by nodes or Python
values, never by pasting text. See ``builder.py`` for the contract.
"""

from .builder import FixBuilder, node_edits
from .render import item_text
from .snippets import (
    Fill,
    Name,
    multiline_object,
    parse_attribute,
    parse_block,
    parse_body,
    parse_expression,
    to_node,
    with_comments,
)

__all__ = [
    "Fill",
    "FixBuilder",
    "Name",
    "item_text",
    "multiline_object",
    "node_edits",
    "parse_attribute",
    "parse_block",
    "parse_body",
    "parse_expression",
    "to_node",
    "with_comments",
]

"""The concrete syntax tree: immutable nodes that print back byte for byte."""

from .builders import parse_attribute, parse_block, parse_body, parse_expression, with_first_token
from .nodes import *
from .nodes import __all__ as _node_names
from .positions import CodeRange, Spans, position, positions, spans
from .values import NotLiteral, literal_value, template_text
from .visitor import REMOVE, Transformer, Visitor, parents, remove, replace, visit, walk

__all__ = [
    *_node_names,
    "NotLiteral", "literal_value", "template_text",
    "parse_attribute", "parse_block", "parse_body", "parse_expression", "with_first_token",
    "CodeRange", "Spans", "position", "positions", "spans",
    "REMOVE", "Transformer", "Visitor", "parents", "remove", "replace", "visit", "walk",
]  # fmt: skip

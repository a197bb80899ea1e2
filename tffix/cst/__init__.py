"""The concrete syntax tree: immutable nodes that print back byte for byte."""

from . import matchers, nodes, quoting
from .builders import parse_attribute, parse_block, parse_body, parse_expression, with_first_token
from .matchers import find, matches
from .nodes import *
from .positions import CodeRange, Spans, position, positions, spans
from .quoting import escape, is_identifier, key, label, quote, ref, string, template, unescape
from .values import NotLiteral, literal_value, template_text
from .visitor import REMOVE, Transformer, Visitor, parents, remove, replace, visit, walk

__all__ = [
    "REMOVE",
    "CodeRange",
    "NotLiteral",
    "Spans",
    "Transformer",
    "Visitor",
    "literal_value",
    "parents",
    "parse_attribute",
    "parse_block",
    "parse_body",
    "parse_expression",
    "position",
    "positions",
    "remove",
    "replace",
    "spans",
    "template_text",
    "visit",
    "walk",
    "with_first_token",
]
__all__ += ["escape", "find", "is_identifier", "key", "label", "matchers", "matches", "quote", "quoting"]
__all__ += ["ref", "string", "template", "unescape"]
__all__ += nodes.__all__  # every node class, Token and deep_equals

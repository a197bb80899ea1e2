"""The concrete syntax tree: tokens and immutable nodes that print back byte
for byte. It sits below the parser and imports nothing from it; the snippet
parsers (``parse_expression`` ...) are in ``tffix.syntax``."""

from . import matchers, nodes, quoting
from .builders import first_token, last_token, with_first_token
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
    "first_token",
    "last_token",
    "literal_value",
    "parents",
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

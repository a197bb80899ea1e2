"""Lexing and parsing HCL native syntax."""

from ..cst.tokens import Token
from .errors import ParseError
from .lexer import tokenize
from .parser import parse_module
from .snippets import parse_attribute, parse_block, parse_body, parse_expression

__all__ = [
    "ParseError",
    "Token",
    "parse_attribute",
    "parse_block",
    "parse_body",
    "parse_expression",
    "parse_module",
    "tokenize",
]

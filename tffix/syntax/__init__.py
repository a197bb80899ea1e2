"""Lexing and parsing HCL native syntax."""

from .errors import ParseError
from .lexer import tokenize
from .parser import parse_module
from .tokens import Token

__all__ = ["ParseError", "Token", "parse_module", "tokenize"]

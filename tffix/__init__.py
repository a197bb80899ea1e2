"""tffix: repairs Terraform code, keeping every byte it does not mean to change."""

from .cst import Module
from .syntax import (
    ParseError,
    Token,
    parse_attribute,
    parse_block,
    parse_body,
    parse_expression,
    parse_module,
    tokenize,
)

__version__ = "0.1.0"

__all__ = [
    "Module",
    "ParseError",
    "Token",
    "__version__",
    "parse_attribute",
    "parse_block",
    "parse_body",
    "parse_expression",
    "parse_module",
    "tokenize",
]  # fmt: skip

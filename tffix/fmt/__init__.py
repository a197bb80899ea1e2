"""Formatting identical to ``terraform fmt``."""

from __future__ import annotations

from ..cst.nodes import Module
from ..syntax.parser import parse_module
from .layout import layout
from .tokens import fmt_tokens, render

__all__ = ["format_source", "format_module_text"]


def format_module_text(module: Module) -> str:
    """The text of ``module`` laid out as hclwrite does (no Terraform rewrites)."""
    tokens = fmt_tokens(module.tokens())
    layout(tokens)
    return render(tokens)


def format_source(text: str, *, filename: str | None = None) -> str:
    """``text`` formatted as ``terraform fmt`` would. Raises ParseError."""
    return format_module_text(parse_module(text, path=filename))

"""Formatting identical to ``terraform fmt``."""

from __future__ import annotations

from ..cst import nodes as n
from ..cst.nodes import Module
from ..syntax.errors import ParseError
from ..syntax.parser import parse_module
from .layout import layout
from .rewrites import rewrite_edits
from .tokens import FmtToken, fmt_tokens, render

__all__ = ["format_source", "format_module_text", "check_unique_attributes"]


def format_module_text(module: Module) -> str:
    """The text of ``module`` laid out as hclwrite does (no Terraform rewrites)."""
    tokens = fmt_tokens(module.tokens())
    layout(tokens)
    return render(tokens)


def _apply(tokens: list[FmtToken], edits: list[tuple[int, int, list[FmtToken]]]) -> list[FmtToken]:
    for start, end, new in sorted(edits, key=lambda e: e[0], reverse=True):
        tokens[start:end] = new
    return tokens


def check_unique_attributes(module: Module, *, path: str | None = None) -> None:
    """Terraform refuses a body that sets an argument twice, and so does fmt."""
    def walk(body: n.Body) -> None:
        seen: dict[str, n.Attribute] = {}
        for item in body.items:
            if type(item) is n.Attribute:
                name = item.name.text
                if name in seen:
                    first = module.position(seen[name]).start
                    at = module.position(item).start
                    raise ParseError(
                        "Attribute redefined",
                        f'The argument "{name}" was already set at {path or "<input>"}:{first[0]},{first[1]}. '
                        "Each argument may be set only once.",
                        offset=_offset(module, at),
                        text=module.code[len(module.bom):],
                        path=path,
                    )
                seen[name] = item
            elif type(item) is n.Block:
                walk(item.body)

    walk(module.body)


def _offset(module: Module, at: tuple[int, int]) -> int:
    text = module.code[len(module.bom):]
    line_start = 0
    for _ in range(at[0] - 1):
        line_start = text.index("\n", line_start) + 1
    return line_start + at[1] - 1


def format_source(text: str, *, filename: str | None = None) -> str:
    """``text`` formatted as ``terraform fmt`` would. Raises ParseError, also
    for an argument set twice in one body, which Terraform rejects."""
    module = parse_module(text, path=filename)
    check_unique_attributes(module, path=filename)
    index: dict[int, int] = {}
    tokens = fmt_tokens(module.tokens(), index)
    tokens = _apply(tokens, rewrite_edits(module, tokens, index))
    layout(tokens)
    return render(tokens)

"""Python values of literal expressions, computed as Terraform would."""

from __future__ import annotations

import re
from typing import Any

from ..cst.tokens import GO_SPACE
from . import nodes as n
from .trampoline import Nested, trampoline

__all__ = ["NotLiteral", "literal_value", "template_text"]


class NotLiteral(ValueError):
    """The expression refers to something only known at plan time."""


_ESCAPES = {"n": "\n", "r": "\r", "t": "\t", '"': '"', "\\": "\\"}
_QUOTED_SEQ = re.compile(r"\\(u[0-9A-Fa-f]{4}|U[0-9A-Fa-f]{8}|.)|\$\$\{|%%\{", re.DOTALL)
_HEREDOC_SEQ = re.compile(r"\$\$\{|%%\{")


def _unescape_quoted(text: str) -> str:
    def one(m: re.Match[str]) -> str:
        sel = m.group(1)
        if sel is None:
            return m.group()[1:]  # $${ -> ${ , %%{ -> %{
        if len(sel) > 1:
            return chr(int(sel[1:], 16))
        return _ESCAPES.get(sel, sel)

    return _QUOTED_SEQ.sub(one, text)


def _literal_text(part: n.TemplateLiteral) -> str:
    text = part.token.text
    if part.token.kind == "QUOTED_LIT":
        return _unescape_quoted(text)
    return _HEREDOC_SEQ.sub(lambda m: m.group()[1:], text)


def template_text(template: n.Template | n.Heredoc, *, interpolation: str | None = None) -> str | None:
    """The string a template stands for, or None when it interpolates. With
    ``interpolation`` given, each ``${ }`` reads as that text instead (a
    directive still gives None): the shape of a JSON policy, say."""
    pieces = []
    for part in template.parts:
        if type(part) is n.TemplateLiteral:
            pieces.append(_literal_text(part))
        elif type(part) is n.Interpolation and interpolation is not None:
            pieces.append(interpolation)
        else:
            return None
    text = "".join(pieces)
    if type(template) is n.Heredoc and template.strips_indent:
        text = _dedent(text)
    return text


def _dedent(text: str) -> str:
    """``<<-`` heredocs: remove the smallest indentation of the lines from each
    line, as hclsyntax does: whitespace-only lines neither count nor change."""
    lines = text.splitlines(keepends=True)
    blank = [line.endswith("\n") and not line.strip(GO_SPACE) for line in lines]
    widths = [len(line) - len(line.lstrip(GO_SPACE)) for line, b in zip(lines, blank) if not b]
    width = min(widths, default=0)
    return "".join(line if b else line[width:] for line, b in zip(lines, blank))


def literal_value(expr: Any) -> Any:
    """The Python value of a literal expression: numbers, strings, bools,
    null (None), and tuples/objects of those (as list/dict).

    Raises ``NotLiteral`` for anything that needs evaluation context.
    """
    return trampoline(_literal(expr))


def _literal(expr: Any) -> Nested[Any]:
    # Recursive in form only: each ``yield`` is a call run by ``trampoline``.
    kind = type(expr)
    if kind is n.Literal:
        text = expr.token.text
        if text == "true":
            return True
        if text == "false":
            return False
        if text == "null":
            return None
        if text.isdigit():
            return int(text)
        number = float(text)
        return int(number) if number.is_integer() and "e" not in text.lower() and "." not in text else number
    if kind in (n.Template, n.Heredoc):
        text = template_text(expr)
        if text is None:
            raise NotLiteral("template with interpolation")
        return text
    if kind is n.Parens:
        return (yield _literal(expr.expr))
    if kind is n.UnaryOp and expr.op.text == "-":
        value = yield _literal(expr.operand)
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            return -value
    if kind is n.Tuple:
        values = []
        for element in expr.elements:
            values.append((yield _literal(element.value)))
        return values
    if kind is n.Object:
        out = {}
        for item in expr.items:
            if type(item) is n.ObjectItem:
                key = item.key_name
                if key is None:
                    key = yield _literal(item.key.expr if type(item.key) is n.Parens else item.key)
                out[str(key)] = yield _literal(item.value)
        return out
    raise NotLiteral(f"{kind.__name__} is not a literal")

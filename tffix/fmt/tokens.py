"""The token stream the formatter works on, with hclsyntax's boundaries.

hclwrite (and so ``terraform fmt``) formats a flat list of hclsyntax tokens in
which comments are tokens (a ``#`` or ``//`` comment includes its line break),
every line break outside a comment is a ``NEWLINE`` token, even inside
brackets, and each token knows only how many spaces come before it. Our CST
keeps that whitespace as trivia instead; this module converts one into the other.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from ..syntax.tokens import Token

__all__ = ["FmtToken", "fmt_tokens", "render"]

_TRIVIA = re.compile(r"(?P<ws>[ \t]+)|(?P<nl>\r?\n)|(?P<line>(?:#|//)(?:[^\r\n]|\r(?!\n))*)|(?P<block>/\*[\s\S]*?\*/)")

# Our keyword kinds are plain identifiers to hclsyntax.
_AS_IDENT = {"FOR": "IDENT", "IF": "IDENT", "ELSE": "IDENT", "ENDIF": "IDENT", "ENDFOR": "IDENT"}


class FmtToken:
    """A token as the formatter sees it: kind, text, the spaces the layout
    wants before it, and the whitespace the source had there (``ws``)."""

    __slots__ = ("kind", "text", "spaces", "ws", "line_comment")

    def __init__(self, kind: str, text: str, spaces: int = 0, line_comment: bool = False, ws: str = "") -> None:
        self.kind = kind
        self.text = text
        self.spaces = spaces
        self.ws = ws
        self.line_comment = line_comment  # a # or // comment (it ends its line)

    @property
    def ends_line(self) -> bool:
        return self.kind == "NEWLINE" or (self.kind == "COMMENT" and self.text.endswith("\n"))

    def __repr__(self) -> str:
        return f"FmtToken({self.kind}, {self.text!r}, spaces={self.spaces})"


class _Gap:
    """Whitespace seen since the last token; ``extra`` counts a BOM's bytes."""

    __slots__ = ("ws", "extra")

    def __init__(self, extra: int = 0) -> None:
        self.ws = ""
        self.extra = extra

    def take(self, kind: str, text: str, line_comment: bool = False) -> FmtToken:
        tok = FmtToken(kind, text, len(self.ws) + self.extra, line_comment, self.ws)
        self.ws = ""
        self.extra = 0
        return tok


def _trivia_tokens(trivia: str, out: list[FmtToken], gap: _Gap) -> None:
    """Comments and line breaks of ``trivia`` as tokens; runs of blanks become
    the next token's ``spaces`` (a tab counts one, as a byte distance would)."""
    for m in _TRIVIA.finditer(trivia):
        group = m.lastgroup
        if group == "ws":
            gap.ws += m.group()
            continue
        if group == "nl":
            previous = out[-1] if out else None
            if previous is not None and previous.line_comment and not previous.text.endswith("\n") and not gap.ws:
                previous.text += m.group()  # hclsyntax: the comment owns its line break
                continue
            out.append(gap.take("NEWLINE", m.group()))
        else:
            out.append(gap.take("COMMENT", m.group(), line_comment=group == "line"))


def fmt_tokens(tokens: Iterable[Token], index: dict[int, int] | None = None, *, bom: str = "") -> list[FmtToken]:
    """Formatter tokens for a module's tokens (the last one is EOF). ``index``,
    when given, receives ``id(cst_token) -> position`` in the result. A BOM
    counts as whitespace before the first token, three bytes' worth, as in
    hclsyntax's scanner (it then disappears, unless nothing resets that gap)."""
    out: list[FmtToken] = []
    gap = _Gap(len(bom.encode("utf-8")))
    for tok in tokens:
        if tok.lead:
            _trivia_tokens(tok.lead, out, gap)
        if index is not None:
            index[id(tok)] = len(out)
        kind = tok.kind
        previous = out[-1] if out else None
        if kind == "NEWLINE" and previous is not None and previous.line_comment and not previous.text.endswith("\n"):
            previous.text += tok.text
        else:
            out.append(gap.take(_AS_IDENT.get(kind, kind), tok.text))
        if tok.trail:
            _trivia_tokens(tok.trail, out, gap)
    return out


def render(tokens: list[FmtToken]) -> str:
    return "".join(" " * tok.spaces + tok.text for tok in tokens)

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

from ..cst.tokens import Token

__all__ = ["FmtToken", "fmt_tokens", "render", "same_content"]

_TRIVIA = re.compile(r"(?P<ws>[ \t]+)|(?P<nl>\r?\n)|(?P<line>(?:#|//)(?:[^\r\n]|\r(?!\n))*)|(?P<block>/\*[\s\S]*?\*/)")

# Our keyword kinds are plain identifiers to hclsyntax.
_AS_IDENT = {"FOR": "IDENT", "IF": "IDENT", "ELSE": "IDENT", "ENDIF": "IDENT", "ENDFOR": "IDENT"}


class FmtToken:
    """A token as the formatter sees it: kind, text, the spaces the layout
    wants before it, and the whitespace the source had there (``ws``)."""

    __slots__ = ("kind", "line_comment", "spaces", "text", "ws")

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


def _trivia_tokens(trivia: str, out: list[FmtToken], ws: str, extra: int) -> tuple[str, int]:
    """Comments and line breaks of ``trivia`` as tokens; runs of blanks become
    the next token's ``spaces`` (a tab counts one, as a byte distance would).
    Takes and returns the gap so far: blanks not yet given to a token, and
    ``extra`` bytes (a BOM's) counted with them."""
    for m in _TRIVIA.finditer(trivia):
        group = m.lastgroup
        if group == "ws":
            ws += m.group()
            continue
        if group == "nl":
            previous = out[-1] if out else None
            if previous is not None and previous.line_comment and not previous.text.endswith("\n") and not ws:
                previous.text += m.group()  # hclsyntax: the comment owns its line break
                continue
            out.append(FmtToken("NEWLINE", m.group(), len(ws) + extra, False, ws))
        else:
            out.append(FmtToken("COMMENT", m.group(), len(ws) + extra, group == "line", ws))
        ws, extra = "", 0
    return ws, extra


def fmt_tokens(tokens: Iterable[Token], index: dict[int, int] | None = None, *, bom: str = "") -> list[FmtToken]:
    """Formatter tokens for a module's tokens (the last one is EOF). ``index``,
    when given, receives ``id(cst_token) -> position`` in the result for the
    tokens whose ids are already its keys (all of them when it is empty). A BOM
    counts as whitespace before the first token, three bytes' worth, as in
    hclsyntax's scanner (it then disappears, unless nothing resets that gap)."""
    out: list[FmtToken] = []
    append = out.append
    as_ident = _AS_IDENT
    ws = ""  # blanks since the last token
    extra = len(bom.encode("utf-8"))
    every = index is not None and not index
    for tok in tokens:
        kind, text, lead, trail = tok
        if lead:
            if lead.strip(" \t"):
                ws, extra = _trivia_tokens(lead, out, ws, extra)
            else:  # most trivia is blanks only: no tokens to make
                ws += lead
        if index is not None and (every or id(tok) in index):
            index[id(tok)] = len(out)
        if kind == "NEWLINE" and out and (previous := out[-1]).line_comment and not previous.text.endswith("\n"):
            previous.text += text
        else:
            append(FmtToken(as_ident.get(kind, kind), text, len(ws) + extra, False, ws))
            ws, extra = "", 0
        if trail:
            if trail.strip(" \t"):
                ws, extra = _trivia_tokens(trail, out, ws, extra)
            else:
                ws += trail
    return out


def render(tokens: list[FmtToken]) -> str:
    return "".join([" " * tok.spaces + tok.text for tok in tokens])


def same_content(a: list[FmtToken], b: list[FmtToken]) -> bool:
    """Equal token for token, spacing aside."""
    return len(a) == len(b) and all(x.kind == y.kind and x.text == y.text for x, y in zip(a, b))

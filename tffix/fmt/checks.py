"""What the formatter checks: Terraform's refusal of repeated arguments, and
its own output (black's ``assert_equivalent`` / ``assert_stable``)."""

from __future__ import annotations

import re

from ..cst import nodes as n
from ..syntax.errors import ParseError
from ..syntax.lexer import tokenize
from ..syntax.tokens import Token
from .tokens import FmtToken

__all__ = ["check_unique_attributes", "SelfCheckError", "same_content", "relexes_alike"]


class SelfCheckError(RuntimeError):
    """The formatter produced output that fails its own checks: a bug in
    tffix, reported as an internal error; nothing is written."""


def check_unique_attributes(module: n.Module, *, path: str | None = None) -> None:
    """Terraform refuses a body that sets an argument twice, and so does fmt."""

    def walk(body: n.Body) -> None:
        seen: dict[str, n.Attribute] = {}
        for item in body.items:
            if type(item) is n.Attribute:
                name = item.name.text
                if name in seen:
                    text = module.code[len(module.bom) :]
                    line, col = module.position(seen[name]).start
                    raise ParseError(
                        "Attribute redefined",
                        f'The argument "{name}" was already set at {path or "<input>"}:{line},{col}. '
                        "Each argument may be set only once.",
                        offset=_offset(text, module.position(item).start),
                        text=text,
                        path=path,
                    )
                seen[name] = item
            elif type(item) is n.Block:
                walk(item.body)

    walk(module.body)


def _offset(text: str, at: tuple[int, int]) -> int:
    line_start = 0
    for _ in range(at[0] - 1):
        line_start = text.index("\n", line_start) + 1
    return line_start + at[1] - 1


def same_content(a: list[FmtToken], b: list[FmtToken]) -> bool:
    """Equal token for token, spacing aside."""
    return len(a) == len(b) and all(x.kind == y.kind and x.text == y.text for x, y in zip(a, b))


# The comments and line breaks of trivia, skipping the blanks between them
# (lexer trivia holds nothing else).
_MARKS = re.compile(r"\r?\n|(?:#|//)(?:[^\r\n]|\r(?!\n))*|/\*[\s\S]*?\*/")


def relexes_alike(result: str, source: list[Token]) -> bool:
    """True when ``result``, formatted from the input's lexer tokens ``source``
    with no rewrite changing any token, provably passes the full check: it
    parses, a second run changes nothing, and only whitespace changed. False
    means "not proven": the caller runs the full check.

    It holds when the output lexes to the same kinds and texts, with the same
    comments and line breaks in each token's lead and trail; only blanks
    between them may differ. Why that suffices: (1) Whether a text parses
    depends only on the kinds and texts its lexer yields: the LALR loop reads
    kinds, the builder's checks read kinds and texts, and trivia only decides
    which item a comment line belongs to. The input parsed, so the output
    parses, into a tree of the same shape. (2) Formatter tokens (``fmt_tokens``)
    take blanks as spacing only, so a second run sees the kinds and texts the
    first one saw; its rewrites (which read those and the tree's shape) make
    the same no-op edits, and the layout (a function of kinds and texts; the
    gap before EOF is carried over) sets the same spacing: it writes ``result``
    again. (3) And nothing but blanks changed.
    """
    try:
        relexed = tokenize(result)
    except ParseError:
        return False
    if len(relexed) != len(source):
        return False
    marks = _MARKS.findall
    for a, b in zip(relexed, source):
        if a == b:
            continue
        if a[0] != b[0] or a[1] != b[1]:
            return False
        if a[2] != b[2] and marks(a[2]) != marks(b[2]):
            return False
        if a[3] != b[3] and marks(a[3]) != marks(b[3]):
            return False
    return True
